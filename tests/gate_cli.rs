//! Issue 7 through the real binary: `accredit scan` in every case a gate
//! meets, overrides, and an offline package's round trip (export, scans
//! from the package alone, scans home exactly once).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

mod common;

use std::process::Output;

use common::Accredit;
use serde_json::Value;

/// 25 October 2025, 09:00 in Hanoi: during the demo event.
const DURING: i64 = 1_761_357_600;
const MAIN: &str = "Main entrance (Thăng Long Boulevard) – Plenary hall";
const NORTH_EXIT: &str = "Plenary hall – North exit";

/// Runs a command as `operator` at `ACCREDIT_NOW=now`.
fn run_at(a: &Accredit, operator: &str, now: i64, args: &[&str]) -> Output {
    a.command_as(operator, args)
        .env("ACCREDIT_NOW", now.to_string())
        .output()
        .expect("run accredit")
}

fn ok_at(a: &Accredit, operator: &str, now: i64, args: &[&str]) -> String {
    let out = run_at(a, operator, now, args);
    assert!(
        out.status.success(),
        "accredit {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `accredit scan TEXT --checkpoint CP --direction D --at AT --json` as the gate officer.
fn scan(a: &Accredit, text: &str, checkpoint: &str, direction: &str, at: i64) -> Value {
    scan_with(a, text, checkpoint, direction, at, &[])
}

fn scan_with(
    a: &Accredit,
    text: &str,
    checkpoint: &str,
    direction: &str,
    at: i64,
    extra: &[&str],
) -> Value {
    let at = at.to_string();
    let mut args = vec![
        "scan",
        text,
        "--checkpoint",
        checkpoint,
        "--direction",
        direction,
        "--at",
        &at,
        "--station",
        "Lane 1",
        "--json",
    ];
    args.extend_from_slice(extra);
    serde_json::from_str(&a.ok_as("gate", &args)).unwrap()
}

fn badges(a: &Accredit) -> Vec<Value> {
    a.json(&["badges", "list", "--json"])
        .as_array()
        .unwrap()
        .clone()
}

fn zones(badge: &Value) -> Vec<u64> {
    badge["zones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|z| z.as_u64().unwrap())
        .collect()
}

/// An active badge that opens `zone` and, when given, not `without`.
fn badge_for(a: &Accredit, zone: u64, without: Option<u64>) -> Value {
    badges(a)
        .into_iter()
        .find(|b| {
            b["status"] == "active"
                && zones(b).contains(&zone)
                && without.is_none_or(|w| !zones(b).contains(&w))
        })
        .expect("such a badge in the demo")
}

/// Enrols `laptop` as a gate with the desk's root, and its station on the desk.
fn enrol(desk: &Accredit, laptop: &Accredit, station: &str) {
    let root = desk.json_as("admin", &["keys", "root", "--json"]);
    let file = laptop.data_dir().join("station.json");
    laptop.ok(&[
        "gate",
        "enrol",
        "--root",
        root["public_key"].as_str().unwrap(),
        "--station",
        station,
        "-o",
        file.to_str().unwrap(),
    ]);
    desk.ok_as(
        "admin",
        &["gate", "stations", "add", file.to_str().unwrap()],
    );
}

fn text(badge: &Value) -> &str {
    badge["credential"].as_str().unwrap()
}

#[test]
fn every_gate_case_through_the_cli() {
    let a = Accredit::demo(200);
    let member = badge_for(&a, 1, None);
    let t = text(&member);

    // Accept, with who it is.
    let v = scan(&a, t, MAIN, "entry", DURING);
    assert_eq!(v["verdict"], "ACCEPTED");
    assert_eq!(v["passed"], true);
    assert_eq!(v["participant"], member["participant"]);
    assert_eq!(v["badge"]["serial"], member["serial"]);
    assert_eq!(v["holder"]["serial"], member["serial"]);
    assert!(v["holder"]["name"].as_str().unwrap().len() > 1);
    assert!(v["badge"]["colour"].as_str().unwrap().starts_with('#'));
    assert_eq!(v["checkpoint"], MAIN);
    assert_eq!(v["direction"], "entry");
    assert_eq!(v["station"], "Lane 1");
    assert_eq!(v["operator"], "gate");
    assert_eq!(v["message"], "Entry to Zone 1 — Plenary hall");

    // Already inside, then out, then in again.
    let v = scan(&a, t, MAIN, "entry", DURING + 41 * 60);
    assert_eq!(v["verdict"], "ALREADY_INSIDE");
    assert_eq!(v["message"], "Already inside since 09:00");
    assert_eq!(v["inside_since"], DURING);
    assert_eq!(
        scan(&a, t, NORTH_EXIT, "exit", DURING + 3600)["verdict"],
        "ACCEPTED"
    );
    assert_eq!(
        scan(&a, t, MAIN, "entry", DURING + 3700)["verdict"],
        "ACCEPTED"
    );
    // An exit-only checkpoint refuses an entry.
    assert_eq!(
        scan(&a, t, NORTH_EXIT, "entry", DURING + 3800)["verdict"],
        "WRONG_DIRECTION"
    );

    // Wrong zone.
    let media = badge_for(&a, 6, Some(1));
    let refused = scan(&a, text(&media), MAIN, "entry", DURING);
    assert_eq!(refused["verdict"], "ZONE_DENIED");
    assert_eq!(refused["message"], "No access to Zone 1 — Plenary hall");

    // Expired, and not yet valid.
    assert_eq!(
        scan(&a, t, MAIN, "entry", 1_761_700_000)["verdict"],
        "EXPIRED"
    );
    assert_eq!(
        scan(&a, t, MAIN, "entry", 1_760_000_000)["verdict"],
        "NOT_YET_VALID"
    );

    // Forged: one character changed.
    let mut forged = t.to_string();
    let last = forged.pop().unwrap();
    forged.push(if last == '0' { '1' } else { '0' });
    let v = scan(&a, &forged, MAIN, "entry", DURING);
    assert!(
        ["BAD_SIGNATURE", "MALFORMED"].contains(&v["verdict"].as_str().unwrap()),
        "{v}"
    );
    assert!(v["holder"].is_null() && v["participant"].is_null());

    // Revoked after a reprint.
    let other = badges(&a)
        .into_iter()
        .find(|b| {
            b["status"] == "active"
                && zones(b).contains(&1)
                && b["participant"] != member["participant"]
        })
        .unwrap();
    let pdf = a.data_dir().join("reprint.pdf");
    a.ok_as(
        "clerk",
        &[
            "badges",
            "reprint",
            "--confirm", // the seed's badges have expired: printed knowingly
            &other["participant"].to_string(),
            "--reason",
            "lost",
            "-o",
            pdf.to_str().unwrap(),
        ],
    );
    let v = scan(&a, text(&other), MAIN, "entry", DURING + 10);
    assert_eq!(v["verdict"], "REVOKED");
    assert_eq!(v["message"], "Badge revoked");
    let replacement = a.json(&[
        "badges",
        "list",
        "--participant",
        &other["participant"].to_string(),
        "--json",
    ]);
    let new = replacement
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["status"] == "active")
        .unwrap();
    assert_eq!(
        scan(&a, text(new), MAIN, "entry", DURING + 20)["verdict"],
        "ACCEPTED"
    );

    // Plain output: identifier and words, who, the scan id.
    let plain = a.ok_as(
        "gate",
        &[
            "scan",
            text(&media),
            "--checkpoint",
            MAIN,
            "--at",
            &DURING.to_string(),
        ],
    );
    let lines: Vec<&str> = plain.lines().collect();
    assert_eq!(lines[0], "ZONE_DENIED  No access to Zone 1 — Plenary hall");
    assert!(lines[2].starts_with("scan "), "{plain}");

    // Override: not the officer; a supervisor, with a reason.
    let id = refused["scan"].as_str().unwrap();
    let err = a.fails_as("gate", &["gate", "override", id, "--reason", "VIP"]);
    assert!(err.contains("may not override a gate refusal"), "{err}");
    let err = a.fails_as("supervisor", &["gate", "override", id, "--reason", " "]);
    assert!(err.contains("reason"), "{err}");
    let v: Value = serde_json::from_str(&a.ok_as(
        "supervisor",
        &[
            "gate",
            "override",
            id,
            "--reason",
            "Accompanying the Minister, cleared by protocol",
            "--at",
            &(DURING + 30).to_string(),
            "--station",
            "Lane 1",
            "--json",
        ],
    ))
    .unwrap();
    assert_eq!(v["passed"], true);
    assert_eq!(v["verdict"], "ZONE_DENIED");
    assert_eq!(v["overrides"], id);
    assert_eq!(v["override_by"], "supervisor");
    assert_eq!(
        v["override_reason"],
        "Accompanying the Minister, cleared by protocol"
    );
    let err = a.fails_as("supervisor", &["gate", "override", id, "--reason", "again"]);
    assert!(err.contains("already let through"), "{err}");

    // Everything was recorded: the store's own export has every scan.
    let all = a.data_dir().join("all-scans.json");
    a.ok_as(
        "supervisor",
        &["gate", "scans", "-o", all.to_str().unwrap()],
    );
    let file: Value = serde_json::from_str(&std::fs::read_to_string(&all).unwrap()).unwrap();
    assert_eq!(file["format"], "accredit-gate-scans/2");
    assert_eq!(file["station"], "the event's root");
    assert_eq!(file["scans"].as_array().unwrap().len(), 13);
    let err = a.fails_as("gate", &["gate", "scans", "-o", all.to_str().unwrap()]);
    assert!(err.contains("may not view reports"), "{err}");
}

/// The scans in the event's store.
fn count_scans(a: &Accredit) -> i64 {
    a.db()
        .query_value("SELECT count(*) FROM scans", [])
        .unwrap()
}

#[test]
fn package_round_trip_loses_nothing_and_doubles_nothing() {
    let a = Accredit::demo(200);
    let member = badge_for(&a, 1, None);
    let media = badge_for(&a, 6, Some(1));
    let work = tempfile::tempdir().unwrap();
    let package = work.path().join("main-entrance.gate");
    let package_arg = package.to_str().unwrap();

    let err = a.fails_as(
        "supervisor",
        &["gate", "export", "--checkpoint", MAIN, "-o", package_arg],
    );
    assert!(err.contains("may not manage signing keys"), "{err}");
    let summary: Value = serde_json::from_str(&ok_at(
        &a,
        "admin",
        DURING - 600,
        &[
            "gate",
            "export",
            "--checkpoint",
            MAIN,
            NORTH_EXIT,
            "-o",
            package_arg,
            "--json",
        ],
    ))
    .unwrap();
    assert_eq!(
        summary["checkpoints"],
        serde_json::json!([MAIN, NORTH_EXIT])
    );
    assert!(summary["holders"].as_u64().unwrap() > 50);
    assert_eq!(summary["operators"], 2);

    // The gate laptop: only the package, and a data directory with no
    // event, enrolled once with the event's root.
    let laptop = Accredit::empty();
    enrol(&a, &laptop, "Main entrance lane 1");
    let offline = |text: &str, checkpoint: &str, direction: &str, at: i64| -> Value {
        let at = at.to_string();
        serde_json::from_str(&laptop.ok_as(
            "gate",
            &[
                "scan",
                text,
                "--checkpoint",
                checkpoint,
                "--direction",
                direction,
                "--at",
                &at,
                "--station",
                "Main entrance lane 1",
                "--package",
                package_arg,
                "--json",
            ],
        ))
        .unwrap()
    };
    let t = text(&member);
    assert_eq!(offline(t, MAIN, "entry", DURING)["verdict"], "ACCEPTED");
    assert_eq!(
        offline(t, MAIN, "entry", DURING + 60)["verdict"],
        "ALREADY_INSIDE"
    );
    assert_eq!(
        offline(t, NORTH_EXIT, "exit", DURING + 120)["verdict"],
        "ACCEPTED"
    );
    assert_eq!(
        offline(t, MAIN, "entry", DURING + 180)["verdict"],
        "ACCEPTED"
    );
    let refused = offline(text(&media), MAIN, "entry", DURING + 200);
    assert_eq!(refused["verdict"], "ZONE_DENIED");
    assert!(refused["holder"]["name"].is_string());
    assert_eq!(
        offline("ACR1:FORGED", MAIN, "entry", DURING + 210)["verdict"],
        "MALFORMED"
    );
    // A supervisor overrides offline; a clerk cannot even sign in there.
    let err = laptop.fails_as(
        "clerk",
        &["scan", t, "--checkpoint", MAIN, "--package", package_arg],
    );
    assert!(err.contains("unknown operator or wrong password"), "{err}");
    laptop.ok_as(
        "supervisor",
        &[
            "gate",
            "override",
            refused["scan"].as_str().unwrap(),
            "--reason",
            "Pool camera crew, escorted",
            "--package",
            package_arg,
            "--station",
            "Main entrance lane 1",
        ],
    );
    assert!(!laptop.db_path().exists(), "the gate never made a store");
    assert!(work.path().join("main-entrance.gate.scans").exists());

    // Scans home: exactly once, however often imported.
    let scans_file = work.path().join("scans.json");
    let written: Value = serde_json::from_str(&laptop.ok_as(
        "gate",
        &[
            "gate",
            "scans",
            "--package",
            package_arg,
            "-o",
            scans_file.to_str().unwrap(),
            "--json",
        ],
    ))
    .unwrap();
    assert_eq!(written["scans"], 7);
    let before = count_scans(&a);
    let first = a.json_as(
        "gate",
        &[
            "gate",
            "import-scans",
            scans_file.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(first["new"], 7);
    assert_eq!(first["already"], 0);
    assert_eq!(first["overrides"], 1);
    assert_eq!(
        first["stations"],
        serde_json::json!(["Main entrance lane 1"])
    );
    assert_eq!(count_scans(&a), before + 7);
    let again = a.ok_as(
        "gate",
        &["gate", "import-scans", scans_file.to_str().unwrap()],
    );
    assert!(
        again.contains("Imported 0 new scans") && again.contains("7 already here"),
        "{again}"
    );
    assert_eq!(count_scans(&a), before + 7);
    // Every field came home as the gate recorded it.
    let gate_file: Value =
        serde_json::from_str(&std::fs::read_to_string(&scans_file).unwrap()).unwrap();
    let home = a.data_dir().join("home.json");
    a.ok_as(
        "supervisor",
        &["gate", "scans", "-o", home.to_str().unwrap()],
    );
    let home: Value = serde_json::from_str(&std::fs::read_to_string(&home).unwrap()).unwrap();
    for scan in gate_file["scans"].as_array().unwrap() {
        let back = home["scans"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == scan["id"])
            .expect("the scan came home");
        assert_eq!(back, scan);
    }
    // The online gate now knows the holder is inside.
    assert_eq!(
        scan(&a, t, MAIN, "entry", DURING + 600)["verdict"],
        "ALREADY_INSIDE"
    );
}

#[test]
fn revocation_lists_reach_an_offline_gate() {
    let a = Accredit::demo(120);
    let member = badge_for(&a, 1, None);
    let work = tempfile::tempdir().unwrap();
    let package = work.path().join("p.gate");
    let p = package.to_str().unwrap();
    ok_at(
        &a,
        "admin",
        DURING,
        &["gate", "export", "--checkpoint", MAIN, "-o", p],
    );
    a.ok_as(
        "supervisor",
        &[
            "badges",
            "revoke",
            &member["serial"].to_string(),
            "--reason",
            "Reported stolen",
        ],
    );
    let old_list = work.path().join("old.cose");
    let new_list = work.path().join("new.cose");
    // The package took sequence 1; these are 2 and 3.
    ok_at(
        &a,
        "supervisor",
        DURING,
        &["keys", "revocations", "-o", old_list.to_str().unwrap()],
    );
    ok_at(
        &a,
        "supervisor",
        DURING,
        &["keys", "revocations", "-o", new_list.to_str().unwrap()],
    );

    let gate = Accredit::empty();
    enrol(&a, &gate, "Lane 1");
    let verdict = |at: i64| -> String {
        let v: Value = serde_json::from_str(&gate.ok_as(
            "gate",
            &[
                "scan",
                text(&member),
                "--checkpoint",
                MAIN,
                "--at",
                &at.to_string(),
                "--package",
                p,
                "--json",
            ],
        ))
        .unwrap();
        v["verdict"].as_str().unwrap().to_string()
    };
    assert_eq!(
        verdict(DURING),
        "ACCEPTED",
        "the package predates the revocation"
    );
    let loaded: Value = serde_json::from_str(&gate.ok_as(
        "gate",
        &[
            "gate",
            "update-revocations",
            new_list.to_str().unwrap(),
            "--package",
            p,
            "--json",
        ],
    ))
    .unwrap();
    assert_eq!(loaded["sequence"], 3);
    assert_eq!(loaded["revoked"], 1);
    assert_eq!(verdict(DURING + 60), "REVOKED");
    let err = gate.fails_as(
        "gate",
        &[
            "gate",
            "update-revocations",
            old_list.to_str().unwrap(),
            "--package",
            p,
        ],
    );
    assert!(err.contains("sequence") || err.contains("older"), "{err}");
    let mut bad = std::fs::read(&new_list).unwrap();
    let last = bad.len() - 1;
    bad[last] ^= 1;
    let bad_path = work.path().join("bad.cose");
    std::fs::write(&bad_path, bad).unwrap();
    let err = gate.fails_as(
        "gate",
        &[
            "gate",
            "update-revocations",
            bad_path.to_str().unwrap(),
            "--package",
            p,
        ],
    );
    assert!(err.contains("signature"), "{err}");
    let err = gate.fails_as(
        "gate",
        &["gate", "update-revocations", new_list.to_str().unwrap()],
    );
    assert!(err.contains("--package"), "{err}");
}

#[test]
fn a_scanner_on_stdin_gets_a_verdict_per_line() {
    use std::io::Write;
    let a = Accredit::demo(80);
    let member = badge_for(&a, 1, None);
    let mut child = a
        .command_as(
            "gate",
            &[
                "scan",
                "-",
                "--checkpoint",
                MAIN,
                "--at",
                &DURING.to_string(),
                "--json",
            ],
        )
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{0}\r\n{0}\n\nnot a badge\n", text(&member)).as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let verdicts: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["verdict"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        verdicts,
        ["ACCEPTED", "ALREADY_INSIDE", "MALFORMED"],
        "empty lines are no scan"
    );
    assert_eq!(count_scans(&a), 3);
}

#[test]
fn the_gate_command_s_usage() {
    let a = Accredit::empty();
    let out = a.run(&["gate"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "no package, no subcommand: help"
    );
    let out = a.run(&["gate", "--package", "p.gate", "scans", "-o", "x.json"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "--package is the screen's or a subcommand's"
    );
    let out = a.run(&["gate", "export", "-o", "x.gate"]);
    assert_eq!(out.status.code(), Some(2), "export needs a checkpoint");
    let err = a.fails(&[
        "scan",
        "ACR1:X",
        "--checkpoint",
        MAIN,
        "--package",
        "missing.gate",
    ]);
    assert!(err.contains("not enrolled"), "{err}");
}
