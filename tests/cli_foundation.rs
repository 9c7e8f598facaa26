//! Issue 2 end to end through the real binary: the demo, the event, listings
//! with --json, search across scripts, nominations and their statuses.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

mod common;

use common::{Accredit, ids};

#[test]
fn demo_creates_the_conference_and_refuses_a_second_one() {
    let a = Accredit::demo(300);
    let event = a.json(&["event", "show", "--json"]);
    assert_eq!(event["code"], "HN25");
    assert_eq!(event["participants"], 300);
    assert_eq!(event["time_zone"], "Asia/Ho_Chi_Minh");
    assert_eq!(event["start_date"], "2025-10-25");

    let err = a.fails(&["demo", "--participants", "10"]);
    assert!(
        err.contains("already holds an event") && err.contains("--force"),
        "{err}"
    );
    a.ok(&["demo", "--participants", "20", "--force"]);
    assert_eq!(a.json(&["event", "show", "--json"])["participants"], 20);

    let delegations = a.json(&["delegations", "list", "--json"]);
    let list = delegations.as_array().unwrap();
    let states = list.iter().filter(|d| d["kind"] == "member_state").count();
    let orgs = list
        .iter()
        .filter(|d| d["kind"] != "member_state" && d["kind"] != "observer_state")
        .count();
    assert!((95..=105).contains(&states), "{states} states");
    assert!(orgs >= 110, "{orgs} organisations");
    assert!(
        list.iter()
            .any(|d| d["code"] == "VNM" && d["name"] == "Viet Nam")
    );

    let checkpoints = a.json(&["checkpoints", "list", "--json"]);
    assert!(checkpoints.as_array().unwrap().len() >= 8);
    assert!(checkpoints[0]["directions"].is_string());
}

#[cfg(unix)]
#[test]
fn the_store_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let a = Accredit::empty();
    let dir = a.data_dir().join("new-event");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_accredit"))
        .args([
            "--data-dir",
            dir.to_str().unwrap(),
            "demo",
            "--participants",
            "10",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let dir_mode = std::fs::metadata(&dir).unwrap().permissions().mode();
    assert_eq!(dir_mode & 0o777, 0o700, "{dir_mode:o}");
    for file in ["accredit.sqlite", "accredit.sqlite-wal"] {
        let path = dir.join(file);
        if path.exists() {
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{file}: {mode:o}");
        }
    }
}

fn add(a: &Accredit, delegation: &str, given: &str, family: &str, doc: &str) -> i64 {
    let out = a.ok(&[
        "participants",
        "add",
        "--delegation",
        delegation,
        "--category",
        "DEL",
        "--given-names",
        given,
        "--family-name",
        family,
        "--document-number",
        doc,
        "--reference",
        &format!("T-{doc}"),
    ]);
    out.trim()
        .parse()
        .unwrap_or_else(|_| panic!("add printed {out:?}"))
}

#[test]
fn search_finds_names_in_every_script_documents_and_references() {
    let a = Accredit::demo(200);
    let vi = add(&a, "VNM", "Cường", "Lương", "B9000001");
    let ru = add(&a, "RUS", "Сергей", "Лавров", "B9000002");
    let el = add(&a, "GRC", "Γιώργος", "Παπαδόπουλος", "B9000003");
    let ar = add(&a, "SAU", "محمد", "العتيبي", "B9000004");
    let zh = add(&a, "CHN", "近平", "习", "B9000005");
    let search = |q: &str| ids(&a.json(&["participants", "search", q, "--json"]));
    assert!(search("luong cuong").contains(&vi));
    assert!(search("LƯƠNG CƯỜNG").contains(&vi));
    assert!(search("lavrov").contains(&ru));
    assert!(search("Лавров").contains(&ru));
    assert!(search("papadopoulos").contains(&el));
    assert!(search("mohammed al-otaibi").contains(&ar));
    assert!(search("xi jinping").contains(&zh));
    assert_eq!(search("B9000003"), vec![el]);
    assert_eq!(search("T-B9000004"), vec![ar]);
    assert!(search("zzzzqqq").is_empty());

    // The plain-text listing says how many it found.
    let text = a.ok(&["participants", "search", "lavrov"]);
    assert!(text.contains("Лавров") || text.contains("ЛАВРОВ"), "{text}");
}

#[test]
fn nominations_move_through_their_statuses() {
    let a = Accredit::demo(50);
    let id = add(&a, "VNM", "Thị Phương Thảo", "Nguyễn", "C7000001");
    let p = a.json(&["participants", "show", &id.to_string(), "--json"]);
    assert_eq!(p["status"], "nominated");
    assert_eq!(p["printed_name"], "Thị Phương Thảo NGUYỄN");
    assert_eq!(p["delegation"], "VNM");

    // A clerk edits but may not approve: the core refuses, not only the GUI.
    a.ok_as(
        "clerk",
        &[
            "participants",
            "edit",
            &id.to_string(),
            "--function",
            "Legal Adviser",
            "--zones-added",
            "4",
        ],
    );
    let err = a.fails_as("clerk", &["participants", "approve", &id.to_string()]);
    assert!(err.contains("may not approve"), "{err}");

    a.ok_as("supervisor", &["participants", "approve", &id.to_string()]);
    let p = a.json(&["participants", "show", &id.to_string(), "--json"]);
    assert_eq!(p["status"], "approved");
    assert_eq!(p["function"], "Legal Adviser");
    assert!(p["zones"].as_array().unwrap().iter().any(|z| z == 4));

    let err = a.fails_as("supervisor", &["participants", "approve", &id.to_string()]);
    assert!(err.contains("already approved"), "{err}");
    a.ok_as(
        "supervisor",
        &[
            "participants",
            "cancel",
            &id.to_string(),
            "--reason",
            "Withdrawn",
        ],
    );
    let listed = a.json(&[
        "participants",
        "list",
        "--delegation",
        "VNM",
        "--status",
        "cancelled",
        "--json",
    ]);
    assert!(ids(&listed).contains(&id));

    // Reject needs a reason; a batch with one bad id changes nothing.
    let other = add(&a, "VNM", "Đức Anh", "Trần", "C7000002");
    let err = a.fails_as(
        "supervisor",
        &["participants", "reject", &other.to_string(), "--reason", ""],
    );
    assert!(err.contains("reason"), "{err}");
    let err = a.fails_as(
        "supervisor",
        &[
            "participants",
            "approve",
            &other.to_string(),
            &id.to_string(),
        ],
    );
    assert!(err.contains(&format!("participant {id}")), "{err}");
    let p = a.json(&["participants", "show", &other.to_string(), "--json"]);
    assert_eq!(p["status"], "nominated", "the batch was all or nothing");
}

#[test]
fn bad_input_is_named_and_nothing_is_stored() {
    let a = Accredit::demo(20);
    let long = "x".repeat(300);
    let err = a.fails(&[
        "participants",
        "add",
        "--delegation",
        "VNM",
        "--category",
        "DEL",
        "--family-name",
        &long,
        "--email",
        "not-an-email",
        "--date-of-birth",
        "31/02/1980",
    ]);
    assert!(err.contains("family_name") && err.contains("300"), "{err}");
    assert!(err.contains("date_of_birth"), "{err}");
    let err = a.fails(&[
        "participants",
        "add",
        "--delegation",
        "XXX",
        "--category",
        "DEL",
        "--family-name",
        "A",
    ]);
    assert!(err.contains("\"XXX\" is not a delegation"), "{err}");
    assert_eq!(a.json(&["event", "show", "--json"])["participants"], 20);

    // No operator, wrong password.
    let out = a
        .command(&["participants", "list"])
        .env_remove("ACCREDIT_OPERATOR")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--operator"));
    let out = a
        .command(&["participants", "list"])
        .env("ACCREDIT_PASSWORD", "nope")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("wrong password"));
}

#[test]
fn commands_on_an_empty_directory_say_what_to_do() {
    let a = Accredit::empty();
    let err = a.fails(&["event", "show"]);
    assert!(err.contains("accredit demo"), "{err}");
    let out = a.run(&["participants", "list", "--bogus"]);
    assert_eq!(out.status.code(), Some(2), "usage errors exit with 2");
}
