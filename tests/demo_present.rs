//! Issue 14 through the real binary, at the real clock (no ACCREDIT_NOW):
//! a demo made now is under way now — a badge printed now is ACCEPTED at
//! the gate and counted by the dashboard, the trust list lists the key, and
//! nothing the demo recorded lies in the future. A demo of the past
//! (`--date 2025-10-25`) has genuine badges that are EXPIRED, never
//! UNKNOWN_KEY: through the store gate, an offline package, `accredit
//! verify` and `accredit credential verify` with the exported trust list.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

mod common;

use accredit::auth::Actor;
use common::Accredit;
use serde_json::Value;

const MAIN: &str = "Main entrance (Thăng Long Boulevard) – Plenary hall";

fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

fn hanoi_today() -> jiff::civil::Date {
    jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::get("Asia/Ho_Chi_Minh").unwrap())
        .date()
}

fn conn(a: &Accredit) -> accredit::db::Db {
    a.db()
}

fn one(conn: &accredit::db::Db, sql: &str) -> i64 {
    conn.query_value(sql, []).unwrap()
}

/// An approved participant without a badge, of a category that opens zone 1.
fn candidate(a: &Accredit) -> i64 {
    one(
        &conn(a),
        "SELECT p.id FROM participants p JOIN categories c ON c.id = p.category_id
         WHERE p.status = 'approved'
           AND c.code IN ('DEL', 'HOD', 'EXP', 'ORG', 'UN')
           AND NOT EXISTS (SELECT 1 FROM badges b
                           WHERE b.participant_id = p.id AND b.status = 'active')
         ORDER BY p.id LIMIT 1",
    )
}

fn print_args<'a>(id: &'a str, pdf: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["badges", "print", "--participant", id, "-o", pdf];
    args.extend_from_slice(extra);
    args
}

/// Prints a badge now for `id`; returns its credential.
fn print(a: &Accredit, id: i64, extra: &[&str]) -> String {
    let (id_text, pdf) = (id.to_string(), a.data_dir().join(format!("badge-{id}.pdf")));
    let mut args = print_args(&id_text, pdf.to_str().unwrap(), extra);
    args.push("--json");
    let summary = a.json_as("clerk", &args);
    assert_eq!(summary["new"], 1, "{summary}");
    let badges = a.json_as(
        "clerk",
        &["badges", "list", "--participant", &id_text, "--json"],
    );
    badges[0]["credential"].as_str().unwrap().to_string()
}

fn scan(a: &Accredit, text: &str, package: Option<&str>) -> Value {
    let mut args = vec!["scan", text, "--checkpoint", MAIN, "--json"];
    if let Some(p) = package {
        args.extend(["--package", p]);
    }
    a.json_as("gate", &args)
}

#[test]
fn a_demo_made_now_is_under_way_and_accepts_a_badge_printed_now() {
    let a = Accredit::empty();
    let summary = a.json(&["demo", "--participants", "150", "--scans", "600", "--json"]);
    let made = now();
    // The first day was yesterday in Hanoi, the second is today.
    let today = hanoi_today();
    assert_eq!(summary["first_day"], today.yesterday().unwrap().to_string());
    assert_eq!(summary["last_day"], today.to_string());
    assert!(
        summary["scans"]["entries"].as_u64().unwrap() > 0,
        "{summary}"
    );

    // Nothing the demo recorded lies in the future.
    let c = conn(&a);
    for (what, sql) in [
        ("scan", "SELECT coalesce(max(at), 0) FROM scans"),
        ("import", "SELECT coalesce(max(imported_at), 0) FROM scans"),
        (
            "check-in",
            "SELECT coalesce(max(at), 0) FROM session_checkins",
        ),
        (
            "print",
            "SELECT coalesce(max(last_printed_at), 0) FROM badges",
        ),
        (
            "hand-over",
            "SELECT coalesce(max(collected_at), 0) FROM badges",
        ),
        ("issue", "SELECT coalesce(max(issued_at), 0) FROM badges"),
        ("audit entry", "SELECT coalesce(max(at), 0) FROM audit_log"),
    ] {
        let latest = one(&c, sql);
        assert!(latest <= made, "a {what} at {latest}, after {made}");
    }
    assert!(one(&c, "SELECT count(*) FROM scans WHERE overrides IS NOT NULL") > 0);
    // The badge window covers now.
    let event = a.json(&["event", "show", "--json"]);
    assert!(
        event["badge_valid_from"].as_i64().unwrap() < made,
        "{event}"
    );
    assert!(
        event["badge_valid_until"].as_i64().unwrap() > made,
        "{event}"
    );

    // The trust list lists the demo's key.
    let trust = a.data_dir().join("trust.json");
    a.ok(&["keys", "trust-list", "-o", trust.to_str().unwrap()]);
    let list: Value = serde_json::from_str(&std::fs::read_to_string(&trust).unwrap()).unwrap();
    assert_eq!(list["keys"].as_array().unwrap().len(), 1, "{list}");

    // A badge printed now (no confirmation needed) is ACCEPTED now.
    let id = candidate(&a);
    let credential = print(&a, id, &[]);
    let scanned = scan(&a, &credential, None);
    assert_eq!(scanned["verdict"], "ACCEPTED", "{scanned}");
    assert_eq!(a.ok(&["verify", &credential]).trim(), "ACCEPTED");

    // The dashboard's figures count the arrival, today.
    let figures = accredit::attendance::load(&c, &Actor::system(), now(), None).unwrap();
    let person = figures.facts.people.iter().find(|p| p.id == id).unwrap();
    assert!(person.arrived() && person.present());
    let today_row = figures
        .figures
        .arrivals
        .per_day
        .iter()
        .find(|d| d.date == today.to_string())
        .expect("today in the arrivals");
    assert!(today_row.first_arrivals >= 1);
}

#[test]
fn a_past_demo_s_badges_are_expired_never_forged() {
    let a = Accredit::empty();
    a.ok(&["demo", "--participants", "120", "--date", "2025-10-25"]);
    let event = a.json(&["event", "show", "--json"]);
    assert_eq!(event["start_date"], "2025-10-25", "{event}");

    // Printing a badge whose window has ended needs confirming.
    let id = candidate(&a);
    let (id_text, pdf) = (id.to_string(), a.data_dir().join("refused.pdf"));
    let refused = a.fails_as("clerk", &print_args(&id_text, pdf.to_str().unwrap(), &[]));
    assert!(
        refused.contains("validity ended on 27 Oct 2025 00:00") && refused.contains("--confirm"),
        "{refused}"
    );
    assert!(!pdf.exists());
    let credential = print(&a, id, &["--confirm"]);
    // Reprinting it needs confirming too, and without it nothing changes.
    let again = a.data_dir().join("again.pdf");
    let refused = a.fails_as(
        "clerk",
        &[
            "badges",
            "reprint",
            &id_text,
            "--reason",
            "lost",
            "-o",
            again.to_str().unwrap(),
        ],
    );
    assert!(
        refused.contains("validity ended on 27 Oct 2025 00:00") && refused.contains("--confirm"),
        "{refused}"
    );
    assert!(!again.exists());
    let badges = a.json_as(
        "clerk",
        &["badges", "list", "--participant", &id_text, "--json"],
    );
    assert_eq!(badges.as_array().unwrap().len(), 1, "{badges}");

    // The trust list still lists the key, past its not_after.
    let trust = a.data_dir().join("trust.json");
    a.ok(&["keys", "trust-list", "-o", trust.to_str().unwrap()]);
    let list: Value = serde_json::from_str(&std::fs::read_to_string(&trust).unwrap()).unwrap();
    assert_eq!(list["keys"].as_array().unwrap().len(), 1, "{list}");
    assert!(list["keys"][0]["not_after"].as_i64().unwrap() < now());

    // A gate on the store.
    let scanned = scan(&a, &credential, None);
    assert_eq!(scanned["verdict"], "EXPIRED", "{scanned}");
    assert!(
        scanned["message"]
            .as_str()
            .unwrap()
            .contains("27 Oct 2025 00:00"),
        "{scanned}"
    );
    // `accredit verify`: the identifier, and when the window ended.
    let out = a.run(&["verify", &credential]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "EXPIRED");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("27 Oct 2025 00:00"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // `accredit credential verify` with the exported trust list.
    let out = a.run(&[
        "credential",
        "verify",
        &credential,
        "--trust-list",
        trust.to_str().unwrap(),
    ]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "EXPIRED");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("2025-10-26T17:00:00Z"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A gate on an offline package made today.
    let package = a.data_dir().join("main.gate");
    let package = package.to_str().unwrap();
    a.ok(&["gate", "export", "--checkpoint", MAIN, "-o", package]);
    // This machine is also enrolled as a gate, with the event's root.
    let root = a.json_as("admin", &["keys", "root", "--json"]);
    a.ok(&[
        "gate",
        "enrol",
        "--root",
        root["public_key"].as_str().unwrap(),
    ]);
    let scanned = scan(&a, &credential, Some(package));
    assert_eq!(scanned["verdict"], "EXPIRED", "{scanned}");

    // A key the event never had is still UNKNOWN_KEY.
    let other = Accredit::empty();
    other.ok(&["demo", "--participants", "20", "--date", "2025-10-25"]);
    let foreign = other.data_dir().join("trust.json");
    other.ok(&["keys", "trust-list", "-o", foreign.to_str().unwrap()]);
    let out = a.run(&[
        "credential",
        "verify",
        &credential,
        "--trust-list",
        foreign.to_str().unwrap(),
    ]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "UNKNOWN_KEY");
}
