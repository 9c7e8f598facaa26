//! Every role's allowed and refused actions, through the core functions (as a
//! script calling the library would, with no GUI to hide anything) and
//! through the CLI. A refused action fails with a permission error and
//! changes nothing, not even the audit trail.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

mod common;

use accredit::auth::{Actor, Permission};
use accredit::backup::{self, BackupOptions};
use accredit::credential::Direction;
use accredit::desk::{self, printing::Selection};
use accredit::domain::{ParticipantStatus, Role};
use accredit::{Error, audit, auth, gate, lookup, setup, signing};
use common::Accredit;
use common::core::{Store, details};

/// The actions tried, each with the permission it needs.
const ACTIONS: [&str; 14] = [
    "view participant",
    "edit participant",
    "add participant",
    "approve",
    "print",
    "hand over",
    "revoke",
    "scan",
    "rotate keys",
    "manage operators",
    "read audit",
    "back up",
    "restore",
    "configure event",
];

/// What each demo operator may do of [`ACTIONS`], from issue 9: administrator
/// everything; supervisor the desk and its oversight but not keys, operators,
/// restore or the event's configuration; clerk nominations, printing and
/// hand-over; gate officer scanning; viewer none of these (the dashboard and
/// reports only).
fn allowed(role: Role, action: &str) -> bool {
    match role {
        Role::Administrator => true,
        Role::Supervisor => !matches!(
            action,
            "rotate keys" | "manage operators" | "restore" | "configure event"
        ),
        Role::Clerk => matches!(
            action,
            "view participant" | "edit participant" | "add participant" | "print" | "hand over"
        ),
        Role::Gate => action == "scan",
        Role::Viewer => false,
    }
}

fn attempt(s: &Store, actor: &Actor, action: &str) -> accredit::Result<()> {
    let mut conn = s.conn();
    let nominated = s.first(ParticipantStatus::Nominated);
    let badge = lookup::badges::list(&conn)
        .unwrap()
        .into_iter()
        .find(|b| b.status == accredit::domain::BadgeStatus::Active)
        .expect("an active badge");
    match action {
        "view participant" => desk::participants::get(&conn, actor, nominated.id).map(drop),
        "edit participant" => {
            let mut d = nominated.details.clone();
            d.notes = format!("edited by {}", actor.name);
            desk::participants::edit(&mut conn, actor, nominated.id, d).map(drop)
        }
        "add participant" => {
            let new = details(&conn, &actor.name);
            desk::participants::add(&mut conn, actor, new).map(drop)
        }
        "approve" => {
            desk::participants::approve(&mut conn, actor, &[nominated.id], Some("agreed")).map(drop)
        }
        "print" => desk::printing::preview(
            &conn,
            actor,
            &Selection {
                participants: vec![badge.participant],
                ..Default::default()
            },
        )
        .map(drop),
        "hand over" => {
            match desk::badges::hand_over(&mut conn, actor, badge.participant, "passport seen") {
                // Already handed over in the demo: refused for that reason, not the role's.
                Err(Error::Refused(_)) => Ok(()),
                other => other.map(drop),
            }
        }
        "revoke" => desk::badges::revoke(&mut conn, actor, badge.serial, "lost").map(drop),
        "scan" => gate::verify(
            &conn,
            actor,
            &badge.credential,
            None,
            Direction::Entry,
            badge.not_before + 60,
        )
        .map(drop),
        "rotate keys" => signing::rotate(&s.ws, &mut conn, actor).map(drop),
        "manage operators" => auth::operators::list(&conn, actor).map(drop),
        "read audit" => audit::list(&conn, actor, &Default::default()).map(drop),
        "back up" => backup::create(
            &s.ws,
            actor,
            &s.dir.path().join(format!("{}.backup", actor.name)),
            &BackupOptions {
                with_keys: false,
                passphrase: "a long passphrase",
            },
        )
        .map(drop),
        "restore" => {
            match backup::restore(&s.ws, Some(actor), &s.dir.path().join("none"), None) {
                // Allowed, and then the missing file is the problem.
                Err(Error::Io { .. }) => Ok(()),
                other => other.map(drop),
            }
        }
        "configure event" => {
            let setup = setup::EventSetup {
                event: accredit::demo::event(&accredit::demo::Dates::seed()).unwrap(),
                zones: accredit::reference::default_zones(),
                categories: accredit::reference::default_categories(),
            };
            match setup::create_event(&mut conn, actor, &setup, 0) {
                // Allowed; one event per data directory is the refusal.
                Err(Error::Refused(m)) if m.contains("already holds an event") => Ok(()),
                other => other,
            }
        }
        other => panic!("unknown action {other}"),
    }
}

#[test]
fn each_role_may_do_what_the_issue_says_and_nothing_more() {
    let s = Store::demo(60);
    for (name, role) in accredit::demo::OPERATORS {
        let actor = s.actor(name);
        assert_eq!(actor.role, role);
        for action in ACTIONS {
            let before = s.audit_count();
            let result = attempt(&s, &actor, action);
            if allowed(role, action) {
                assert!(
                    !matches!(result, Err(Error::PermissionDenied { .. })),
                    "{name} should be allowed to {action}: {result:?}"
                );
                assert!(result.is_ok(), "{name} {action}: {result:?}");
            } else {
                match result {
                    Err(Error::PermissionDenied { operator, .. }) => assert_eq!(operator, name),
                    other => panic!("{name} must not {action}, got {other:?}"),
                }
                assert_eq!(
                    s.audit_count(),
                    before,
                    "{name}'s refused {action} wrote nothing"
                );
            }
        }
    }
}

#[test]
fn a_clerk_calling_the_core_to_approve_gets_a_permission_error() {
    let s = Store::demo(30);
    let clerk = s.actor("clerk");
    let p = s.first(ParticipantStatus::Nominated);
    let err = desk::participants::approve(&mut s.conn(), &clerk, &[p.id], None).unwrap_err();
    assert_eq!(
        err.to_string(),
        "clerk (clerk) may not approve, reject or cancel participants"
    );
    let after = lookup::participants::get(&s.conn(), p.id).unwrap();
    assert_eq!(after.status, ParticipantStatus::Nominated);
}

#[test]
fn the_role_matrix_matches_the_issue() {
    use Permission::*;
    let expect = |role: Role, allowed: &[Permission]| {
        for p in Permission::ALL {
            assert_eq!(
                p.allowed_for(role),
                role == Role::Administrator || allowed.contains(&p),
                "{role} / {p:?}"
            );
        }
    };
    expect(Role::Administrator, &[]);
    expect(
        Role::Supervisor,
        &[
            ViewParticipants,
            EditParticipants,
            ImportNominations,
            ApproveParticipants,
            PrintBadges,
            HandOverBadges,
            RevokeBadges,
            Scan,
            OverrideGate,
            ViewReports,
            Backup,
            ReadAudit,
            RunVetting,
            WriteLetters,
        ],
    );
    expect(
        Role::Clerk,
        &[
            ViewParticipants,
            EditParticipants,
            ImportNominations,
            PrintBadges,
            HandOverBadges,
            WriteLetters,
        ],
    );
    expect(Role::Gate, &[Scan]);
    expect(Role::Viewer, &[ViewReports]);
}

#[test]
fn operators_are_managed_by_administrators_only_and_one_always_remains() {
    let s = Store::demo(10);
    let admin = s.actor("admin");
    let supervisor = s.actor("supervisor");
    let mut conn = s.conn();
    let err = auth::create_operator(&mut conn, &supervisor, "desk2", Role::Clerk, "password-1")
        .unwrap_err();
    assert!(matches!(err, Error::PermissionDenied { .. }), "{err}");
    auth::create_operator(&mut conn, &admin, "desk2", Role::Clerk, "password-1").unwrap();
    let op = auth::operators::set_role(&mut conn, &admin, "desk2", Role::Supervisor).unwrap();
    assert_eq!(op.role, Role::Supervisor);
    assert_eq!(s.actor_with("desk2", "password-1").role, Role::Supervisor);

    auth::operators::set_active(&mut conn, &admin, "desk2", false).unwrap();
    let refused = auth::sign_in(&conn, "desk2", "password-1", 0).unwrap_err();
    assert!(refused.to_string().contains("disabled"), "{refused}");
    auth::operators::set_active(&mut conn, &admin, "desk2", true).unwrap();

    // A new password works at once; the old one no longer does.
    auth::operators::set_password(&mut conn, &admin, "desk2", "password-2").unwrap();
    let e = auth::sign_in(&conn, "desk2", "password-1", 0).unwrap_err();
    assert!(
        matches!(&e, Error::Refused(m) if m.contains("unknown operator or wrong password")),
        "{e}"
    );
    assert!(auth::sign_in(&conn, "desk2", "password-2", 0).is_ok());
    // Operators may change their own password, not another's.
    let clerk = s.actor("clerk");
    auth::operators::set_password(&mut conn, &clerk, "clerk", "new-clerk-pw").unwrap();
    let err = auth::operators::set_password(&mut conn, &clerk, "desk2", "x-password").unwrap_err();
    assert!(matches!(err, Error::PermissionDenied { .. }));

    // The only administrator can be neither demoted nor disabled.
    for err in [
        auth::operators::set_role(&mut conn, &admin, "admin", Role::Clerk).unwrap_err(),
        auth::operators::set_active(&mut conn, &admin, "admin", false).unwrap_err(),
    ] {
        assert!(
            err.to_string().contains("only active administrator"),
            "{err}"
        );
    }
    auth::operators::set_role(&mut conn, &admin, "desk2", Role::Administrator).unwrap();
    auth::operators::set_active(&mut conn, &admin, "admin", false).unwrap();

    let actions: Vec<String> = audit::list(
        &conn,
        &s.actor_with("desk2", "password-2"),
        &Default::default(),
    )
    .unwrap()
    .into_iter()
    .filter(|e| e.entity == "operator")
    .map(|e| format!("{} {} {}", e.operator, e.action, e.entity_id))
    .collect();
    assert_eq!(
        actions,
        [
            "admin operator.create desk2",
            "admin operator.role desk2",
            "admin operator.disable desk2",
            "admin operator.enable desk2",
            "admin operator.password desk2",
            "clerk operator.password clerk",
            "admin operator.role desk2",
            "admin operator.disable admin",
        ]
    );
}

#[test]
fn the_cli_refuses_what_the_role_may_not_run() {
    let a = Accredit::demo(20);
    let err = a.fails_as("clerk", &["participants", "approve", "1"]);
    assert!(err.contains("clerk (clerk) may not approve"), "{err}");
    let err = a.fails_as("gate", &["participants", "list"]);
    assert!(
        err.contains("gate (gate) may not view participants"),
        "{err}"
    );
    let err = a.fails_as("viewer", &["participants", "show", "1"]);
    assert!(err.contains("viewer (viewer) may not"), "{err}");
    let err = a.fails_as("supervisor", &["operators", "list"]);
    assert!(err.contains("may not manage operators"), "{err}");
    let err = a.fails_as("clerk", &["audit", "list"]);
    assert!(err.contains("may not read the audit trail"), "{err}");
    let err = a.fails_as("supervisor", &["keys", "rotate"]);
    assert!(err.contains("may not manage signing keys"), "{err}");
    // A new password never comes from a flag: there is none to give.
    let out = a.run(&[
        "operators",
        "add",
        "desk2",
        "--role",
        "clerk",
        "--password",
        "x",
    ]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_cli_manages_operators_with_passwords_from_the_environment() {
    let a = Accredit::demo(5);
    let out = a
        .command(&["operators", "add", "desk2", "--role", "clerk"])
        .env("ACCREDIT_NEW_PASSWORD", "desk2-password")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    a.ok(&["operators", "set-role", "desk2", "supervisor"]);
    a.ok(&["operators", "disable", "desk2"]);
    let list = a.json(&["operators", "list", "--json"]);
    let desk2 = list
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "desk2")
        .expect("desk2 listed");
    assert_eq!(desk2["role"], "supervisor");
    assert_eq!(desk2["active"], false);
    for field in ["id", "name", "role", "active", "locked_until", "created_at"] {
        assert!(desk2.get(field).is_some(), "{field} in {desk2}");
    }
    let mut run = a.command_as("desk2", &["participants", "list"]);
    let out = run
        .env("ACCREDIT_PASSWORD", "desk2-password")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("disabled"));
    a.ok(&["operators", "enable", "desk2"]);
    let out = a
        .command(&["operators", "password", "desk2"])
        .env("ACCREDIT_NEW_PASSWORD", "another-password")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = a
        .command_as("desk2", &["participants", "list", "--json"])
        .env("ACCREDIT_PASSWORD", "another-password")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn five_failed_sign_ins_lock_the_operator_for_a_minute() {
    let a = Accredit::demo(5);
    for _ in 0..auth::LOCK_AFTER_FAILURES {
        let out = a
            .command_as("clerk", &["participants", "list"])
            .env("ACCREDIT_PASSWORD", "wrong")
            .output()
            .unwrap();
        assert!(String::from_utf8_lossy(&out.stderr).contains("wrong password"));
    }
    let err = a.fails_as("clerk", &["participants", "list"]);
    assert!(
        err.contains("clerk is locked after 5 failed sign-ins"),
        "{err}"
    );
    let locks = a.json(&["audit", "list", "--by", "system", "--json"]);
    assert!(
        locks
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "operator.lock" && e["entity_id"] == "clerk"),
        "{locks}"
    );
    // A minute later the right password works again.
    let out = a
        .command_as("clerk", &["participants", "list", "--json"])
        .env(
            "ACCREDIT_NOW",
            (accredit_now() + auth::LOCK_SECONDS + 1).to_string(),
        )
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn accredit_now() -> i64 {
    accredit::clock::now()
}
