//! The store on a real PostgreSQL server (a throwaway cluster of the test
//! process's own, or `ACCREDIT_TEST_DATABASE`), through the real binary: the
//! demo made there, badges printed and scanned, and the invariants that
//! many desks and gates writing at once must keep: no serial given twice,
//! no participant with two active badges, one entry for a badge shown at
//! two doors at once, an audit chain that never forks, deadlocks between
//! desks tried again by the program, never shown. Each test skips,
//! saying why, where PostgreSQL is not installed (CI requires it).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::process::{Output, Stdio};

use common::Accredit;
use serde_json::Value;

/// 25 October 2025, 09:00 in Hanoi: during the demo event (seed dates).
const DURING: &str = "1761357600";
const MAIN: &str = "Main entrance (Thăng Long Boulevard) – Plenary hall";

fn demo_on_postgres(participants: usize) -> Option<Accredit> {
    let a = Accredit::on_postgres()?;
    a.ok(&[
        "demo",
        "--participants",
        &participants.to_string(),
        "--date",
        "2025-10-25",
    ]);
    Some(a)
}

fn at(a: &Accredit, operator: &str, args: &[&str]) -> Output {
    a.command_as(operator, args)
        .env("ACCREDIT_NOW", DURING)
        .output()
        .expect("run accredit")
}

/// Starts the binary at the demo's moment, its output captured: one of many
/// desks or gates working at once.
fn spawn_at(a: &Accredit, operator: &str, args: &[&str]) -> std::process::Child {
    a.command_as(operator, args)
        .env("ACCREDIT_NOW", DURING)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start accredit")
}

/// Approves every nominee (past quotas, with a reason), so that a print
/// run has new badges to issue.
fn approve_nominated(a: &Accredit, at_most: usize) {
    let nominated =
        common::ids(&a.json(&["participants", "list", "--status", "nominated", "--json"]));
    let ids: Vec<String> = nominated
        .iter()
        .take(at_most)
        .map(|i| i.to_string())
        .collect();
    let mut approve = vec!["participants", "approve", "--over-quota", "rehearsal"];
    approve.extend(ids.iter().map(String::as_str));
    if !ids.is_empty() {
        a.ok_as("supervisor", &approve);
    }
}

/// `badges print` of every badge never printed, into `pdf`, as JSON.
fn print_new(pdf: &std::path::Path) -> Vec<String> {
    ["badges", "print", "--only-unprinted", "--confirm", "-o"]
        .into_iter()
        .map(String::from)
        .chain([pdf.display().to_string(), "--json".into()])
        .collect()
}

fn json_at(a: &Accredit, operator: &str, args: &[&str]) -> Value {
    let out = at(a, operator, args);
    assert!(
        out.status.success(),
        "accredit {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// Approved participants with an active badge that opens zone 1.
fn zone_one_badges(a: &Accredit) -> Vec<String> {
    let badges = json_at(a, "admin", &["badges", "list", "--json"]);
    badges
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| {
            b["status"] == "active" && b["zones"].as_array().unwrap().iter().any(|z| z == 1)
        })
        .map(|b| b["credential"].as_str().unwrap().to_string())
        .collect()
}

fn audit_verifies(a: &Accredit) {
    let out = at(a, "admin", &["audit", "verify"]);
    assert!(
        out.status.success(),
        "audit verify: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_demo_on_postgres_prints_scans_and_keeps_its_audit_chain() {
    let Some(a) = demo_on_postgres(120) else {
        return;
    };
    let event = a.json(&["event", "show", "--json"]);
    assert_eq!(event["code"], "HN25", "{event}");
    // The store is the server's: no SQLite file in the data directory.
    assert!(!a.db_path().exists());
    assert!(a.db().schema_version().unwrap() >= 8);

    let pdf = a.data_dir().join("new.pdf");
    let args = print_new(&pdf);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let printed = json_at(&a, "clerk", &args);
    assert!(printed["badges"].as_u64().unwrap() > 0, "{printed}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    let credential = zone_one_badges(&a).pop().expect("a badge for zone 1");
    let scan = |direction: &str| {
        json_at(
            &a,
            "gate",
            &[
                "scan",
                &credential,
                "--checkpoint",
                MAIN,
                "--direction",
                direction,
                "--at",
                DURING,
                "--json",
            ],
        )
    };
    assert_eq!(scan("entry")["verdict"], "ACCEPTED");
    assert_eq!(scan("entry")["verdict"], "ALREADY_INSIDE");
    audit_verifies(&a);
}

#[test]
fn a_badge_shown_at_two_doors_at_once_is_let_in_once() {
    let Some(a) = demo_on_postgres(80) else {
        return;
    };
    let badges = zone_one_badges(&a);
    assert!(badges.len() >= 3);
    for credential in badges.iter().take(3) {
        // Six gates, six processes, the same badge at the same moment.
        let gates: Vec<_> = (0..6)
            .map(|i| {
                spawn_at(
                    &a,
                    "gate",
                    &[
                        "scan",
                        credential,
                        "--checkpoint",
                        MAIN,
                        "--direction",
                        "entry",
                        "--station",
                        &format!("door-{i}"),
                        "--at",
                        DURING,
                        "--json",
                    ],
                )
            })
            .collect();
        let verdicts: Vec<String> = gates
            .into_iter()
            .map(|g| {
                let out = g.wait_with_output().unwrap();
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
                let v: Value = serde_json::from_slice(&out.stdout).unwrap();
                v["verdict"].as_str().unwrap().to_string()
            })
            .collect();
        let accepted = verdicts.iter().filter(|v| *v == "ACCEPTED").count();
        assert_eq!(accepted, 1, "{verdicts:?}");
        assert!(
            verdicts
                .iter()
                .all(|v| v == "ACCEPTED" || v == "ALREADY_INSIDE"),
            "{verdicts:?}"
        );
    }
    audit_verifies(&a);
}

#[test]
fn two_desks_printing_one_delegation_at_once_give_no_serial_twice() {
    let Some(a) = demo_on_postgres(150) else {
        return;
    };
    // Every nominee approved, so the print runs issue new badges.
    approve_nominated(&a, usize::MAX);
    let desks: Vec<_> = (0..4)
        .map(|i| {
            let args = print_new(&a.data_dir().join(format!("desk-{i}.pdf")));
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            spawn_at(&a, "clerk", &args)
        })
        .collect();
    let mut serials = Vec::new();
    for desk in desks {
        let out = desk.wait_with_output().unwrap();
        if out.status.success() {
            let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
            serials.extend(
                summary["serials"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_u64().unwrap()),
            );
        } else {
            // A desk that came second is told so in words, not a database error.
            let err = String::from_utf8_lossy(&out.stderr).to_string();
            assert!(
                err.contains("no badge to print") || err.contains("another desk"),
                "{err}"
            );
        }
    }
    assert!(!serials.is_empty());
    let badges = json_at(&a, "admin", &["badges", "list", "--json"]);
    let mut active: BTreeMap<i64, usize> = BTreeMap::new();
    let mut all = BTreeSet::new();
    for b in badges.as_array().unwrap() {
        assert!(
            all.insert(b["serial"].as_u64().unwrap()),
            "serial given twice"
        );
        if b["status"] == "active" {
            *active
                .entry(b["participant"].as_i64().unwrap())
                .or_default() += 1;
        }
    }
    assert!(active.values().all(|n| *n == 1), "{active:?}");
    audit_verifies(&a);
}

#[test]
fn the_audit_chain_never_forks_under_many_writers() {
    let Some(a) = demo_on_postgres(40) else {
        return;
    };
    let ws = a.workspace();
    let supervisor = {
        let db = a.db();
        accredit::auth::sign_in(&db, "supervisor", "demo-supervisor", accredit::clock::now())
            .unwrap()
    };
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let ws = ws.clone();
            let actor = supervisor.clone();
            std::thread::spawn(move || {
                let mut db = ws.open().unwrap();
                for i in 0..10 {
                    accredit::signing::issue_revocation_list(&ws, &mut db, &actor)
                        .unwrap_or_else(|e| panic!("writer {t}, entry {i}: {e}"));
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    audit_verifies(&a);
    let report = accredit::audit::verify(&a.db()).unwrap();
    assert!(report.broken_at.is_none(), "{report:?}");
}

#[test]
fn a_database_of_another_program_is_refused_and_left_untouched() {
    let Some(a) = Accredit::on_postgres() else {
        return;
    };
    let url = a.database.clone().unwrap();
    let mut other = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    other
        .batch_execute(
            "CREATE TABLE invoices (id BIGINT PRIMARY KEY); INSERT INTO invoices VALUES (7)",
        )
        .unwrap();
    let err = a.fails(&["event", "show"]);
    assert!(
        err.contains("holds tables of another program (invoices)"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    let n: i64 = other
        .query_one("SELECT count(*) FROM invoices", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 1);
    let tables: i64 = other
        .query_one(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(tables, 1, "nothing created beside it");
}

#[test]
fn an_unreachable_server_or_a_wrong_address_is_one_clear_line() {
    let a = Accredit::empty();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    for (url, words) in [
        (
            format!("postgresql://desk@127.0.0.1:{port}/hanoi?sslmode=disable"),
            "cannot be reached",
        ),
        (
            "postgresql://desk:secret@127.0.0.1/hanoi".to_string(),
            "password does not go in the address",
        ),
    ] {
        let out = a
            .command(&["event", "show"])
            .env("ACCREDIT_DATABASE", &url)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(words), "{url}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }
}

/// What two stores must agree on, read through the binary: the event, the
/// participants, the badges and the audit trail.
fn contents(a: &Accredit) -> Vec<Value> {
    [
        "event show",
        "participants list",
        "badges list",
        "audit list",
    ]
    .iter()
    .map(|what| {
        let mut args: Vec<&str> = what.split(' ').collect();
        args.push("--json");
        json_at(a, "admin", &args)
    })
    .collect()
}

#[test]
fn db_copy_moves_the_demo_onto_the_server_and_back_unchanged() {
    let Some(server) = Accredit::on_postgres() else {
        return;
    };
    let laptop = Accredit::demo(300);
    let url = server.database.clone().unwrap();
    let copied = json_at(&laptop, "admin", &["db", "copy", "--to", &url, "--json"]);
    assert!(copied["rows"].as_u64().unwrap() > 300, "{copied}");
    assert_eq!(contents(&server), contents(&laptop));
    audit_verifies(&server);

    // A copy never lands on an event.
    let err = String::from_utf8_lossy(&at(&laptop, "admin", &["db", "copy", "--to", &url]).stderr)
        .to_string();
    assert!(err.contains("already holds an event"), "{err}");

    // Back into an empty data directory, for the night.
    let night = Accredit::empty();
    let out = night
        .command_as("admin", &["db", "copy", "--from", &url, "--json"])
        .env("ACCREDIT_NOW", DURING)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(contents(&night), contents(&laptop));
    audit_verifies(&night);

    // Serials go on where the laptop's would: the same next badge
    // everywhere. The laptop's signing key signs (it stays in the laptop's
    // data directory: the server never holds a key).
    let next = |a: &Accredit, database: Option<&str>| {
        let pdf = a.data_dir().join("next.pdf");
        let mut cmd = a.command_as(
            "clerk",
            &[
                "badges",
                "print",
                "--only-unprinted",
                "--confirm",
                "-o",
                pdf.to_str().unwrap(),
                "--json",
            ],
        );
        cmd.env("ACCREDIT_NOW", DURING);
        if let Some(url) = database {
            cmd.env("ACCREDIT_DATABASE", url);
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let printed: Value = serde_json::from_slice(&out.stdout).unwrap();
        printed["serials"].clone()
    };
    let keys = night.data_dir().join("keys");
    std::fs::create_dir_all(&keys).unwrap();
    for key in std::fs::read_dir(laptop.data_dir().join("keys")).unwrap() {
        let key = key.unwrap().path();
        std::fs::copy(&key, keys.join(key.file_name().unwrap())).unwrap();
    }
    let on_server = next(&laptop, Some(&url));
    assert!(!on_server.as_array().unwrap().is_empty());
    assert_eq!(next(&night, None), on_server);
    assert_eq!(next(&laptop, None), on_server);
}

#[test]
fn a_backup_of_a_server_event_restores_into_sqlite_and_the_reverse() {
    let Some(server) = demo_on_postgres(120) else {
        return;
    };
    let file = server.data_dir().join("event.accredit-backup");
    let backup = |a: &Accredit, file: &std::path::Path| {
        let out = a
            .command_as("admin", &["backup", "-o", file.to_str().unwrap()])
            .env("ACCREDIT_BACKUP_PASSPHRASE", "correct horse battery staple")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let restore = |a: &Accredit, file: &std::path::Path| {
        let out = a
            .command_as("admin", &["restore", file.to_str().unwrap()])
            .env("ACCREDIT_BACKUP_PASSPHRASE", "correct horse battery staple")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    backup(&server, &file);
    let laptop = Accredit::empty();
    restore(&laptop, &file);
    // The restore adds its own audit entry; everything else is the same.
    let (mut a, mut b) = (contents(&server), contents(&laptop));
    a.pop();
    b.pop();
    assert_eq!(a, b);
    audit_verifies(&laptop);

    // And a laptop's backup onto an empty server database.
    let file = laptop.data_dir().join("laptop.accredit-backup");
    backup(&laptop, &file);
    let Some(fresh) = Accredit::on_postgres() else {
        return;
    };
    restore(&fresh, &file);
    let (mut a, mut b) = (contents(&laptop), contents(&fresh));
    a.pop();
    b.pop();
    assert_eq!(a, b);
    audit_verifies(&fresh);
}

#[test]
fn each_desk_signs_with_its_own_key_and_one_retired_leaves_the_others_printing() {
    let Some(first) = demo_on_postgres(150) else {
        return;
    };
    let url = first.database.clone().unwrap();
    // A second desk: its own data directory, the same event on the server.
    let second = Accredit::empty();
    let on_server = |a: &Accredit, operator: &str, args: &[&str]| {
        a.command_as(operator, args)
            .env("ACCREDIT_DATABASE", &url)
            .env("ACCREDIT_NOW", DURING)
            .output()
            .unwrap()
    };
    let print = |a: &Accredit| {
        let pdf = a.data_dir().join("desk.pdf");
        on_server(
            a,
            "clerk",
            &[
                "badges",
                "print",
                "--only-unprinted",
                "--confirm",
                "-o",
                pdf.to_str().unwrap(),
                "--json",
            ],
        )
    };
    // Not enrolled: everything works but printing, which says why.
    let listed = on_server(&second, "clerk", &["participants", "list", "--json"]);
    assert!(listed.status.success());
    let refused = print(&second);
    assert!(!refused.status.success());
    let why = String::from_utf8_lossy(&refused.stderr);
    assert!(why.contains("keys enrol --desk"), "{why}");

    let enrolled = on_server(
        &second,
        "admin",
        &["keys", "enrol", "--desk", "Desk 2", "--json"],
    );
    assert!(
        enrolled.status.success(),
        "{}",
        String::from_utf8_lossy(&enrolled.stderr)
    );
    let key: Value = serde_json::from_slice(&enrolled.stdout).unwrap();
    assert_eq!(key["desk"], "Desk 2");
    assert_eq!(key["here"], true);
    // Each desk sees the other's key, and only its own as here.
    let keys: Value =
        serde_json::from_slice(&on_server(&first, "admin", &["keys", "list", "--json"]).stdout)
            .unwrap();
    let keys = keys.as_array().unwrap();
    assert_eq!(keys.len(), 2, "{keys:?}");
    assert_eq!(keys.iter().filter(|k| k["here"] == true).count(), 1);

    // Both desks print; a gate accepts the badges of both.
    let mut printed = Vec::new();
    for a in [&second, &first] {
        let out = print(a);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
        printed.push(summary["serials"][0].as_u64().unwrap());
        // Give the other desk someone left to print.
        approve_nominated(&first, 3);
    }
    let badges = json_at(&first, "admin", &["badges", "list", "--json"]);
    for serial in &printed {
        let badge = badges
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["serial"].as_u64() == Some(*serial))
            .unwrap();
        let verdict = json_at(
            &first,
            "gate",
            &["verify", badge["credential"].as_str().unwrap(), "--json"],
        );
        assert_eq!(verdict["verdict"], "ACCEPTED", "{verdict}");
    }

    // Desk 2's key retired: it prints no more, the first desk still does,
    // and the badges Desk 2 signed stay valid.
    let kid = key["kid"].as_str().unwrap();
    let retired = on_server(&first, "admin", &["keys", "retire", kid]);
    assert!(
        retired.status.success(),
        "{}",
        String::from_utf8_lossy(&retired.stderr)
    );
    assert!(!print(&second).status.success());
    let badge = badges
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["serial"].as_u64() == Some(printed[0]))
        .unwrap();
    let verdict = json_at(
        &first,
        "gate",
        &["verify", badge["credential"].as_str().unwrap(), "--json"],
    );
    assert_eq!(verdict["verdict"], "ACCEPTED", "{verdict}");
    audit_verifies(&first);
}

#[test]
fn a_server_gone_mid_print_keeps_nothing_half_written_and_a_retry_works() {
    // A cluster of this test's own, which it stops under the print run.
    let cluster = match accredit::test_server::Cluster::start() {
        Ok(c) => c,
        Err(why) if std::env::var("ACCREDIT_REQUIRE_POSTGRES").is_ok_and(|v| v == "1") => {
            panic!("PostgreSQL is required but: {why}")
        }
        Err(why) => {
            eprintln!("skipped on PostgreSQL: {why}");
            return;
        }
    };
    let url = cluster.new_database("vanishing");
    let a = Accredit::on_database(url.clone());
    a.ok(&["demo", "--participants", "1500", "--date", "2025-10-25"]);
    approve_nominated(&a, usize::MAX);
    let badges_before = json_at(&a, "admin", &["badges", "list", "--json"])
        .as_array()
        .unwrap()
        .len();
    let audit_before = json_at(&a, "admin", &["audit", "list", "--json"])
        .as_array()
        .unwrap()
        .len();

    let pdf = a.data_dir().join("all.pdf");
    let args = [
        "badges",
        "print",
        "--layout",
        "a4x4",
        "--confirm",
        "--handed-over-again",
        "-o",
        pdf.to_str().unwrap(),
        "--json",
    ];
    // The audit chain held by another connection, so that the run stops in
    // its last transaction, its badges and prints written and not yet
    // committed; the server goes away there, whatever the machine's speed.
    let mut holder = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let mut holding = holder.transaction().unwrap();
    holding
        .execute("SELECT id FROM audit_chain WHERE id = 1 FOR UPDATE", &[])
        .unwrap();
    let desk = spawn_at(&a, "clerk", &args);
    let mut watcher = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let started = std::time::Instant::now();
    loop {
        let waiting: i64 = watcher
            .query_one(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'",
                &[],
            )
            .unwrap()
            .get(0);
        if waiting > 0 {
            break;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(120),
            "the print run never reached its last transaction"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    cluster.stop().unwrap();
    drop(holding);
    let out = desk.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        !out.status.success(),
        "the print run finished before the server went away"
    );
    assert!(
        err.contains("event server went away") || err.contains("cannot be reached"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    eprintln!("the desk said: {err}");
    assert!(!pdf.exists(), "no PDF of badges the store did not keep");

    // Back: nothing of the run was kept, and the same run works.
    cluster.start_again().unwrap();
    let badges = json_at(&a, "admin", &["badges", "list", "--json"]);
    assert_eq!(badges.as_array().unwrap().len(), badges_before);
    let audit = json_at(&a, "admin", &["audit", "list", "--json"]);
    assert_eq!(audit.as_array().unwrap().len(), audit_before);
    let printed = json_at(&a, "clerk", &args);
    assert!(printed["badges"].as_u64().unwrap() > 1000, "{printed}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    audit_verifies(&a);
}

fn actor(name: &str, role: accredit::domain::Role) -> accredit::auth::Actor {
    accredit::auth::Actor {
        operator: None,
        name: name.into(),
        role,
    }
}

fn count(db: &accredit::db::Db, table: &str) -> i64 {
    db.query_value(&format!("SELECT count(*) FROM {table}"), [])
        .unwrap()
}

/// Approved participants of the demo without a badge yet, at most `n`.
fn without_badge(a: &Accredit, n: usize) -> Vec<accredit::domain::ParticipantId> {
    let db = a.db();
    accredit::lookup::participants::list(
        &db,
        &accredit::lookup::participants::Filter {
            status: Some(accredit::domain::ParticipantStatus::Approved),
            ..Default::default()
        },
    )
    .unwrap()
    .into_iter()
    .filter(|p| {
        accredit::lookup::badges::active_for(&db, p.id)
            .unwrap()
            .is_none()
    })
    .map(|p| p.id)
    .take(n)
    .collect()
}

#[test]
fn a_print_run_renders_with_no_transaction_open_and_a_cancelled_one_keeps_nothing() {
    use accredit::desk::printing::{self, Selection};
    use accredit::domain::{BadgeStatus, Direction, Layout, Role};

    let Some(a) = demo_on_postgres(400) else {
        return;
    };
    approve_nominated(&a, usize::MAX);
    let ws = a.workspace();
    let mut desk = ws.open().unwrap();
    let watcher = ws.open().unwrap();
    let gate =
        std::cell::RefCell::new(accredit::gate::Station::open_store(ws.open().unwrap()).unwrap());
    let checkpoint = gate.borrow().checkpoint_named(MAIN).unwrap().id;
    let credential = accredit::lookup::badges::list(&watcher)
        .unwrap()
        .into_iter()
        .find(|b| b.status == BadgeStatus::Active && b.zones.contains(1))
        .unwrap()
        .credential;
    // Everyone approved: new badges and badges printed again, more than one
    // chunk of rendering (256 badges), confirmed (the seed's dates are past).
    let selection = Selection {
        handed_over_again: true,
        confirmed: true,
        ..Default::default()
    };
    let traces = || {
        (
            count(&watcher, "badges"),
            count(&watcher, "badge_prints"),
            count(&watcher, "audit_log"),
        )
    };
    let before = traces();
    // At each progress report: no session of the event's database is in a
    // transaction, and a gate's scan commits.
    let seen: std::cell::RefCell<Vec<(i64, i64)>> = Default::default();
    let look = || {
        let open: i64 = watcher
            .query_value(
                "SELECT count(*) FROM pg_stat_activity
                 WHERE datname = current_database() AND pid <> pg_backend_pid()
                     AND state LIKE 'idle in transaction%'",
                [],
            )
            .unwrap();
        gate.borrow_mut()
            .scan(
                &actor("gate", Role::Gate),
                &accredit::gate::ScanRequest {
                    text: &credential,
                    checkpoint,
                    direction: Direction::Entry,
                    at: DURING.parse().unwrap(),
                    station: "Lane 1",
                },
            )
            .unwrap();
        seen.borrow_mut().push((open, count(&watcher, "scans")));
    };
    let pdf = a.data_dir().join("cancelled.pdf");
    let err = printing::print(
        &ws,
        &mut desk,
        &actor("clerk", Role::Clerk),
        &selection,
        Layout::A4x4,
        &pdf,
        &|_| {
            look();
            false
        },
    )
    .unwrap_err();
    assert!(matches!(err, accredit::Error::Cancelled(_)), "{err}");
    assert_eq!(traces(), before, "no badge, print or audit entry kept");
    assert!(!pdf.exists());
    let leftovers: Vec<_> = std::fs::read_dir(a.data_dir())
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.ends_with(".tmp").then_some(name)
        })
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    let pdf = a.data_dir().join("all.pdf");
    let summary = printing::print(
        &ws,
        &mut desk,
        &actor("clerk", Role::Clerk),
        &selection,
        Layout::A4x4,
        &pdf,
        &|_| {
            look();
            true
        },
    )
    .unwrap();
    assert!(summary.new > 0 && summary.badges > 256, "{summary:?}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let seen = seen.into_inner();
    assert!(seen.len() >= 3, "{seen:?}");
    let scans_before = seen[0].1 - 1;
    for (i, (open, scans)) in seen.iter().enumerate() {
        assert_eq!(
            *open, 0,
            "report {i}: a transaction was open while rendering"
        );
        assert_eq!(
            *scans,
            scans_before + 1 + i as i64,
            "report {i}: the scan committed"
        );
    }
    audit_verifies(&a);
}

#[test]
fn two_desks_meeting_mid_run_give_each_participant_one_badge_and_say_so_in_words() {
    use accredit::desk::printing::{self, PrintSummary, Selection};
    use accredit::domain::{BadgeStatus, Layout, Role};
    use std::sync::mpsc;

    let Some(a) = demo_on_postgres(150) else {
        return;
    };
    approve_nominated(&a, usize::MAX);
    let people = without_badge(&a, 30);
    assert_eq!(people.len(), 30);
    let selection = Selection {
        participants: people.clone(),
        only_unprinted: true,
        confirmed: true,
        ..Default::default()
    };
    // Both desks have planned, reserved their serials and drawn the badges
    // before either stores them.
    let (to_second, from_first) = mpsc::channel::<()>();
    let (to_first, from_second) = mpsc::channel::<()>();
    let ws = a.workspace();
    let desk = |meet: mpsc::Sender<()>, wait: mpsc::Receiver<()>, n: usize| {
        let ws = ws.clone();
        let selection = selection.clone();
        let pdf = a.data_dir().join(format!("desk-{n}.pdf"));
        std::thread::spawn(move || {
            let mut conn = ws.open().unwrap();
            let met = std::cell::Cell::new(false);
            printing::print(
                &ws,
                &mut conn,
                &actor(&format!("desk {n}"), Role::Clerk),
                &selection,
                Layout::A6,
                &pdf,
                &|_| {
                    if !met.replace(true) {
                        meet.send(()).unwrap();
                        wait.recv_timeout(std::time::Duration::from_secs(120))
                            .unwrap();
                    }
                    true
                },
            )
        })
    };
    let first = desk(to_second, from_second, 1);
    let second = desk(to_first, from_first, 2);
    let outcomes = [first.join().unwrap(), second.join().unwrap()];
    let printed: Vec<&PrintSummary> = outcomes.iter().filter_map(|o| o.as_ref().ok()).collect();
    assert_eq!(printed.len(), 1, "{outcomes:?}");
    assert_eq!(printed[0].new, people.len());
    let refused = outcomes.iter().find_map(|o| o.as_ref().err()).unwrap();
    assert!(
        matches!(refused, accredit::Error::Refused(why) if why.contains("no badge to print")),
        "the desk that came second is told in words: {refused}"
    );
    let db = a.db();
    for id in &people {
        let badges = accredit::lookup::badges::history(&db, *id).unwrap();
        assert_eq!(badges.len(), 1, "participant {id}: {badges:?}");
        assert_eq!(badges[0].status, BadgeStatus::Active);
    }
    let serials: BTreeSet<u64> = accredit::lookup::badges::list(&db)
        .unwrap()
        .iter()
        .map(|b| b.serial)
        .collect();
    assert_eq!(
        serials.len() as i64,
        count(&db, "badges"),
        "no serial twice"
    );
    audit_verifies(&a);
}

#[test]
fn desks_that_deadlock_are_tried_again_and_no_clerk_sees_it() {
    use accredit::desk::participants;
    use accredit::domain::{ParticipantId, ParticipantStatus, Role};

    let Some(a) = demo_on_postgres(120) else {
        return;
    };
    const ROUNDS: usize = 12;
    let db = a.db();
    // The server finds a deadlock after `deadlock_timeout` (1 s): a shorter
    // one for this database makes the rounds quick (a superuser's setting;
    // on a server where the test may not, the rounds take longer).
    let name: String = db.query_value("SELECT current_database()", []).unwrap();
    let _ = db.execute_batch(&format!(
        "ALTER DATABASE {name} SET deadlock_timeout = '100ms'"
    ));
    let deadlocks = |db: &accredit::db::Db| -> i64 {
        db.query_value(
            "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()",
            [],
        )
        .unwrap()
    };
    let deadlocks_before = deadlocks(&db);
    let nominated: Vec<ParticipantId> = accredit::lookup::participants::list(
        &db,
        &accredit::lookup::participants::Filter {
            status: Some(ParticipantStatus::Nominated),
            ..Default::default()
        },
    )
    .unwrap()
    .into_iter()
    .map(|p| p.id)
    .take(16)
    .collect();
    assert_eq!(nominated.len(), 16);
    let (first, second) = nominated.split_at(8);
    let entries = |action: &str| -> i64 {
        db.query_value("SELECT count(*) FROM audit_log WHERE action = ?1", [action])
            .unwrap()
    };
    let actions = [
        "participant.approve",
        "participant.reject",
        "participant.edit",
    ];
    let entries_before = actions.map(entries);
    let ws = a.workspace();
    // Two supervisors approve and reject a list each in turn, each list in
    // one transaction, while a clerk for each list edits its people one by
    // one, in the opposite order: a clerk holding a person waits for the
    // audit chain that a list holds, and the list then waits for that
    // person.
    let supervisor = |ids: Vec<ParticipantId>, n: usize| {
        let ws = ws.clone();
        std::thread::spawn(move || {
            let mut conn = ws.open().unwrap();
            let who = actor(&format!("supervisor {n}"), Role::Supervisor);
            // A list, then the next a moment later, as a person works.
            let pause = || std::thread::sleep(std::time::Duration::from_millis(30));
            for round in 0..ROUNDS {
                participants::approve(&mut conn, &who, &ids, Some("rehearsal"))
                    .unwrap_or_else(|e| panic!("supervisor {n}, round {round}, approve: {e}"));
                pause();
                participants::reject(&mut conn, &who, &ids, "rehearsal")
                    .unwrap_or_else(|e| panic!("supervisor {n}, round {round}, reject: {e}"));
                pause();
            }
        })
    };
    let clerk = |ids: Vec<ParticipantId>, n: usize| {
        let ws = ws.clone();
        std::thread::spawn(move || {
            let mut conn = ws.open().unwrap();
            let who = actor(&format!("clerk {n}"), Role::Clerk);
            for round in 0..ROUNDS {
                for &id in &ids {
                    let mut details = accredit::lookup::participants::get(&conn, id)
                        .unwrap()
                        .details;
                    details.function = format!("Adviser (clerk {n}, round {round})");
                    participants::edit(&mut conn, &who, id, details)
                        .unwrap_or_else(|e| panic!("clerk {n}, round {round}, {id}: {e}"));
                }
            }
        })
    };
    let backwards = |ids: &[ParticipantId]| ids.iter().rev().copied().collect();
    let threads = [
        supervisor(first.to_vec(), 1),
        supervisor(second.to_vec(), 2),
        clerk(backwards(first), 1),
        clerk(backwards(second), 2),
    ];
    for t in threads {
        t.join().unwrap();
    }

    // Every change is there once: a try rolled back left nothing behind.
    let made = (ROUNDS * nominated.len()) as i64;
    for (action, before) in actions.into_iter().zip(entries_before) {
        assert_eq!(entries(action) - before, made, "{action}");
    }
    for id in &nominated {
        let p = accredit::lookup::participants::get(&db, *id).unwrap();
        assert_eq!(p.status, ParticipantStatus::Rejected, "participant {id}");
        assert!(
            p.details
                .function
                .ends_with(&format!("round {})", ROUNDS - 1)),
            "participant {id}: {}",
            p.details.function
        );
    }
    audit_verifies(&a);
    // The server counts the deadlocks it broke once the sessions report
    // (at the latest when they end): the retries were needed.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while deadlocks(&db) == deadlocks_before && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(
        deadlocks(&db) > deadlocks_before,
        "no deadlock happened: the test did not exercise the retries"
    );
}
