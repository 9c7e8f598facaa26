//! The audit trail: every change of the issue writes its entry in the same
//! transaction as the change (a refused or cancelled change writes none);
//! the hash chain verifies, and an entry edited or deleted in the database
//! (SQLite, or PostgreSQL with `ACCREDIT_TEST_ENGINE=postgres`) makes
//! `accredit audit verify` fail naming it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

mod common;

use accredit::audit;
use accredit::auth::{self, Actor};
use accredit::desk::badges::ReprintReason;
use accredit::desk::printing::{self, Selection};
use accredit::desk::{self};
use accredit::domain::{AuditEntry, Layout, ParticipantStatus, Role};
use accredit::{Error, lookup, signing};
use common::Accredit;
use common::core::{Store, details};

/// The entries written since `after`, as "operator action participant".
fn since(s: &Store, actor: &Actor, after: i64) -> Vec<AuditEntry> {
    audit::list(&s.conn(), actor, &Default::default())
        .unwrap()
        .into_iter()
        .filter(|e| e.id > after)
        .collect()
}

fn head(s: &Store) -> i64 {
    s.conn()
        .query_row("SELECT coalesce(max(id), 0) FROM audit_log", [], |r| {
            r.get(0)
        })
        .unwrap()
}

fn actions(entries: &[AuditEntry]) -> Vec<&str> {
    entries.iter().map(|e| e.action.as_str()).collect()
}

fn photo() -> Vec<u8> {
    let img = image::RgbImage::from_pixel(300, 400, image::Rgb([120, 140, 160]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

#[test]
fn every_change_writes_its_entry() {
    let s = Store::demo(40);
    let (admin, supervisor, clerk) = (s.actor("admin"), s.actor("supervisor"), s.actor("clerk"));
    let mut conn = s.conn();
    let pdf = s.dir.path().join("out.pdf");
    let mut step =
        |what: &str,
         expected: &[&str],
         who: &str,
         change: &mut dyn FnMut(&mut accredit::db::Db) -> Option<i64>| {
            let before = head(&s);
            let participant = change(&mut conn);
            let written = since(&s, &admin, before);
            assert_eq!(actions(&written), expected, "{what}");
            for e in &written {
                assert_eq!(e.operator, who, "{what}: {e:?}");
                if let Some(p) = participant {
                    assert_eq!(e.participant, Some(p), "{what}: {e:?}");
                }
                assert!(e.at > 0 && e.hash.len() == 32, "{what}: {e:?}");
            }
            written
        };

    let mut id = 0;
    let created = step("create", &["participant.create"], "clerk", &mut |c| {
        let d = details(c, "Trần");
        id = desk::participants::add(c, &clerk, d).unwrap();
        Some(id)
    });
    assert_eq!(created[0].after.as_ref().unwrap()["family_name"], "Trần");

    let edited = step("edit", &["participant.edit"], "clerk", &mut |c| {
        let mut d = lookup::participants::get(c, id).unwrap().details;
        d.function = "Legal Adviser".into();
        desk::participants::edit(c, &clerk, id, d).unwrap();
        Some(id)
    });
    // Only the changed field, before and after.
    assert_eq!(
        edited[0].before.as_ref().unwrap(),
        &serde_json::json!({"function": ""})
    );
    assert_eq!(
        edited[0].after.as_ref().unwrap(),
        &serde_json::json!({"function": "Legal Adviser"})
    );

    step("photo", &["participant.photo"], "clerk", &mut |c| {
        desk::participants::set_photo(c, &clerk, id, &photo()).unwrap();
        Some(id)
    });
    step(
        "approve",
        &["participant.approve"],
        "supervisor",
        &mut |c| {
            desk::participants::approve(c, &supervisor, &[id], None).unwrap();
            Some(id)
        },
    );
    let selection = Selection {
        participants: vec![id],
        ..Default::default()
    };
    step(
        "print",
        &["badge.issue", "badge.print"],
        "clerk",
        &mut |c| {
            printing::print(&s.ws, c, &clerk, &selection, Layout::A6, &pdf, &|_| true).unwrap();
            Some(id)
        },
    );
    step("print again", &["badge.print"], "clerk", &mut |c| {
        printing::print(&s.ws, c, &clerk, &selection, Layout::Card, &pdf, &|_| true).unwrap();
        Some(id)
    });
    step(
        "reprint",
        &["badge.revoke", "badge.issue", "badge.reprint"],
        "clerk",
        &mut |c| {
            printing::reprint(
                &s.ws,
                c,
                &clerk,
                id,
                ReprintReason::Lost,
                Layout::A6,
                &pdf,
                false,
            )
            .unwrap();
            Some(id)
        },
    );
    step("hand over", &["badge.collect"], "clerk", &mut |c| {
        desk::badges::hand_over(c, &clerk, id, "passport C0000035 seen").unwrap();
        Some(id)
    });
    step("revoke", &["badge.revoke"], "supervisor", &mut |c| {
        let badge = lookup::badges::active_for(c, id).unwrap().unwrap();
        desk::badges::revoke(c, &supervisor, badge.serial, "stolen").unwrap();
        Some(id)
    });
    step("cancel", &["participant.cancel"], "supervisor", &mut |c| {
        desk::participants::cancel(c, &supervisor, &[id], "left the delegation").unwrap();
        Some(id)
    });
    let nominated = s.first(ParticipantStatus::Nominated).id;
    step("reject", &["participant.reject"], "supervisor", &mut |c| {
        desk::participants::reject(c, &supervisor, &[nominated], "not on the list").unwrap();
        Some(nominated)
    });
    // Cancelling a participant with an active badge revokes it in the same transaction.
    let holder = lookup::badges::list(&s.conn())
        .unwrap()
        .into_iter()
        .find(|b| b.status == accredit::domain::BadgeStatus::Active)
        .unwrap()
        .participant;
    step(
        "cancel with badge",
        &["badge.revoke", "participant.cancel"],
        "supervisor",
        &mut |c| {
            desk::participants::cancel(c, &supervisor, &[holder], "withdrawn").unwrap();
            Some(holder)
        },
    );
    step("rotate keys", &["keys.rotate"], "admin", &mut |c| {
        signing::rotate(&s.ws, c, &admin).unwrap();
        None
    });
    step(
        "revocation list",
        &["revocations.issue"],
        "supervisor",
        &mut |c| {
            signing::issue_revocation_list(&s.ws, c, &supervisor).unwrap();
            None
        },
    );
    step(
        "operator changes",
        &[
            "operator.create",
            "operator.role",
            "operator.disable",
            "operator.enable",
            "operator.password",
        ],
        "admin",
        &mut |c| {
            auth::create_operator(c, &admin, "desk2", Role::Clerk, "password-1").unwrap();
            auth::operators::set_role(c, &admin, "desk2", Role::Supervisor).unwrap();
            auth::operators::set_active(c, &admin, "desk2", false).unwrap();
            auth::operators::set_active(c, &admin, "desk2", true).unwrap();
            auth::operators::set_password(c, &admin, "desk2", "password-2").unwrap();
            None
        },
    );
    let report = audit::verify(&s.conn()).unwrap();
    assert!(report.is_intact(), "{report:?}");

    // The participant's history view shows their whole story, oldest first.
    let history = audit::participant_history(&s.conn(), &clerk, id).unwrap();
    assert_eq!(
        actions(&history),
        [
            "participant.create",
            "participant.edit",
            "participant.photo",
            "participant.approve",
            "badge.issue",
            "badge.print",
            "badge.print",
            "badge.revoke",
            "badge.issue",
            "badge.reprint",
            "badge.collect",
            "badge.revoke",
            "participant.cancel",
        ]
    );
}

#[test]
fn a_change_that_fails_writes_no_entry() {
    let s = Store::demo(40);
    let (supervisor, clerk) = (s.actor("supervisor"), s.actor("clerk"));
    let mut conn = s.conn();
    let before = head(&s);
    let p = s.first(ParticipantStatus::Nominated).id;

    // One refusal in a batch: nothing changes, nothing is written.
    let err = desk::participants::approve(&mut conn, &supervisor, &[p, 999_999], None).unwrap_err();
    assert!(matches!(err, Error::Refused(_)), "{err}");
    assert_eq!(
        lookup::participants::get(&conn, p).unwrap().status,
        ParticipantStatus::Nominated
    );
    // A print job cancelled half-way: no badge issued, no entry, no PDF.
    desk::participants::approve(&mut conn, &supervisor, &[p], None).unwrap();
    let approved = head(&s);
    let pdf = s.dir.path().join("cancelled.pdf");
    let err = printing::print(
        &s.ws,
        &mut conn,
        &clerk,
        &Selection {
            participants: vec![p],
            ..Default::default()
        },
        Layout::A6,
        &pdf,
        &|_| false,
    )
    .unwrap_err();
    assert!(matches!(err, Error::Cancelled(_)), "{err}");
    assert!(lookup::badges::active_for(&conn, p).unwrap().is_none());
    assert!(!pdf.exists());
    // Invalid details: nothing.
    let mut d = details(&conn, "X");
    d.family_name = String::new();
    d.given_names = String::new();
    let e = desk::participants::add(&mut conn, &clerk, d).unwrap_err();
    assert!(
        matches!(&e, Error::Invalid(f) if f.iter().any(|f| f.field == "family_name")),
        "{e}"
    );

    assert_eq!(head(&s), approved);
    assert_eq!(approved, before + 1);
}

/// The ids of `n` nominated participants.
fn nominated(a: &Accredit, n: usize) -> Vec<String> {
    let list = a.json(&["participants", "list", "--status", "nominated", "--json"]);
    let ids: Vec<String> = common::ids(&list)
        .iter()
        .take(n)
        .map(|i| i.to_string())
        .collect();
    assert_eq!(ids.len(), n, "{n} nominated participants in the demo");
    ids
}

/// Runs `audit verify`, expecting it to fail; returns stderr.
fn verify_fails(a: &Accredit) -> String {
    let err = a.fails(&["audit", "verify"]);
    let report = a.run(&["audit", "verify", "--json"]);
    assert!(!report.status.success());
    let json: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    assert!(json["broken_at"].is_i64(), "{json}");
    err
}

#[test]
fn verify_names_the_entry_edited_or_deleted_in_the_database() {
    let a = Accredit::demo(60);
    let ids = nominated(&a, 4);
    a.ok_as(
        "supervisor",
        &["participants", "approve", &ids[0], &ids[1], &ids[2]],
    );
    a.ok_as(
        "clerk",
        &[
            "participants",
            "edit",
            &ids[3],
            "--notes",
            "Needs a wheelchair",
        ],
    );
    let out = a.ok(&["audit", "verify"]);
    assert!(out.contains("intact"), "{out}");
    let report = a.json(&["audit", "verify", "--json"]);
    assert_eq!(report["broken_at"], serde_json::Value::Null);
    let entries = report["entries"].as_i64().unwrap();
    assert!(entries > 4);

    let db = a.db();
    let target: i64 = db
        .query_value(
            "SELECT id FROM audit_log WHERE action = 'participant.approve' AND entity_id = ?1",
            [ids[1].as_str()],
        )
        .unwrap();
    // Someone rewrites who approved the second participant.
    db.execute(
        "UPDATE audit_log SET operator = 'clerk' WHERE id = ?1",
        [target],
    )
    .unwrap();
    let err = verify_fails(&a);
    assert!(
        err.contains(&format!(
            "broken at entry {target}: entry {target} was changed"
        )),
        "{err}"
    );
    db.execute(
        "UPDATE audit_log SET operator = 'supervisor' WHERE id = ?1",
        [target],
    )
    .unwrap();
    a.ok(&["audit", "verify"]);

    // Someone deletes the edit of the fourth.
    let edit: i64 = db
        .query_value(
            "SELECT id FROM audit_log WHERE action = 'participant.edit'",
            [],
        )
        .unwrap();
    db.execute("DELETE FROM audit_log WHERE id = ?1", [edit])
        .unwrap();
    let err = verify_fails(&a);
    assert!(
        err.contains(&format!("broken at entry {edit}: entry {edit} was deleted")),
        "{err}"
    );
}

#[test]
fn deleting_the_newest_entries_is_found_too() {
    let a = Accredit::demo(60);
    let ids = nominated(&a, 1);
    a.ok_as("supervisor", &["participants", "approve", &ids[0]]);
    let db = a.db();
    let last: i64 = db.query_value("SELECT max(id) FROM audit_log", []).unwrap();
    db.execute("DELETE FROM audit_log WHERE id = ?1", [last])
        .unwrap();
    let err = verify_fails(&a);
    assert!(err.contains(&format!("entry {last} was deleted")), "{err}");
}

#[test]
fn audit_list_filters_by_participant_operator_and_time() {
    let start = 1_761_357_600; // 25 Oct 2025 09:00 in Hanoi
    // The demo is made a month before, so that only what follows is "since" the event.
    let a = Accredit::empty();
    let out = a
        .command(&["demo", "--participants", "60", "--date", "2025-10-25"])
        .env("ACCREDIT_NOW", (start - 30 * 86_400).to_string())
        .output()
        .unwrap();
    assert!(out.status.success());
    let ids = nominated(&a, 2);
    let (p5, p6) = (ids[0].as_str(), ids[1].as_str());
    let at = |offset: i64| (start + offset).to_string();
    let run = |operator: &str, offset: i64, args: &[&str]| {
        let out = a
            .command_as(operator, args)
            .env("ACCREDIT_NOW", at(offset))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run("supervisor", 0, &["participants", "approve", p5]);
    run(
        "clerk",
        3600,
        &["participants", "edit", p5, "--notes", "VIP"],
    );
    run(
        "clerk",
        86_400,
        &["participants", "edit", p6, "--notes", "Late"],
    );

    let of_5 = a.json(&["audit", "list", "--participant", p5, "--json"]);
    let of_5 = of_5.as_array().unwrap();
    assert!(
        of_5.iter()
            .all(|e| e["participant"].as_i64().map(|i| i.to_string()).as_deref() == Some(p5)),
        "{of_5:?}"
    );
    assert!(of_5.iter().any(|e| e["action"] == "participant.approve"));
    let fields = [
        "id",
        "at",
        "operator",
        "action",
        "entity",
        "entity_id",
        "participant",
        "before",
        "after",
        "prev_hash",
        "hash",
    ];
    for f in fields {
        assert!(of_5[0].get(f).is_some(), "{f} in {}", of_5[0]);
    }

    let by_clerk = a.json(&["audit", "list", "--by", "clerk", "--json"]);
    let edits: Vec<_> = by_clerk
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "participant.edit")
        .map(|e| e["entity_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(edits, [p5, p6]);

    // A day in the event's time zone, and an instant.
    let on_26th = a.json(&["audit", "list", "--since", "2025-10-26", "--json"]);
    assert_eq!(
        on_26th
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["entity_id"].clone())
            .collect::<Vec<_>>(),
        [serde_json::json!(p6)]
    );
    let since_ten = a.json(&[
        "audit",
        "list",
        "--since",
        "2025-10-25T10:00:00+07:00",
        "--json",
    ]);
    assert_eq!(since_ten.as_array().unwrap().len(), 2);
    let err = a.fails(&["audit", "list", "--since", "yesterday"]);
    assert!(err.contains("since"), "{err}");
    let table = a.ok(&["audit", "list", "--participant", p5]);
    assert!(
        table.contains("notes: — → VIP") || table.contains("notes:  → VIP"),
        "{table}"
    );
}
