//! Issue 20 through the real binary: the event root (`keys root`, the
//! signed trust list and its third-party check), gates enrolled once, then
//! every attack of the issue on a package and on a scans file, each ending
//! in a refusal.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

mod common;

use std::path::{Path, PathBuf};

use common::Accredit;
use serde_json::Value;

/// 25 October 2025, 09:00 in Hanoi: during the demo event.
const DURING: i64 = 1_761_357_600;
const MAIN: &str = "Main entrance (Thăng Long Boulevard) – Plenary hall";

fn ok_at(a: &Accredit, operator: &str, now: i64, args: &[&str]) -> String {
    let out = a
        .command_as(operator, args)
        .env("ACCREDIT_NOW", now.to_string())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "accredit {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn export(a: &Accredit, path: &Path) {
    ok_at(
        a,
        "admin",
        DURING,
        &[
            "gate",
            "export",
            "--checkpoint",
            MAIN,
            "-o",
            path.to_str().unwrap(),
        ],
    );
}

fn root(a: &Accredit) -> Value {
    a.json_as("admin", &["keys", "root", "--json"])
}

/// Enrols `laptop` with the desk's root, and the desk enrols its station.
fn enrol(desk: &Accredit, laptop: &Accredit, station: &str) {
    let root = root(desk);
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
    let out = desk.ok_as(
        "admin",
        &["gate", "stations", "add", file.to_str().unwrap()],
    );
    assert!(out.contains("Its fingerprint is"), "{out}");
}

fn member_credential(a: &Accredit) -> String {
    a.json(&["badges", "list", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["status"] == "active")
        .map(|b| b["credential"].as_str().unwrap().to_owned())
        .unwrap()
}

fn scan_fails(laptop: &Accredit, package: &Path, text: &str) -> String {
    laptop.fails_as(
        "gate",
        &[
            "scan",
            text,
            "--checkpoint",
            MAIN,
            "--at",
            &DURING.to_string(),
            "--package",
            package.to_str().unwrap(),
        ],
    )
}

fn tampered(package: &Path, name: &str, sql: &str) -> PathBuf {
    let copy = package.with_file_name(name);
    std::fs::copy(package, &copy).unwrap();
    rusqlite::Connection::open(&copy)
        .unwrap()
        .execute_batch(sql)
        .unwrap();
    copy
}

#[test]
fn the_root_and_the_signed_trust_list_for_a_third_party() {
    let a = Accredit::demo(30);
    let r = root(&a);
    let public = r["public_key"].as_str().unwrap();
    assert_eq!(public.len(), 64);
    assert_eq!(r["kid"].as_str().unwrap().len(), 16);
    let fingerprint = r["fingerprint"].as_str().unwrap();
    assert_eq!(fingerprint.len(), 39);
    assert!(fingerprint.split(' ').all(|g| {
        g.len() == 4
            && g.chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
    }));
    assert!(a.ok_as("admin", &["keys", "root"]).contains(fingerprint));

    let work = tempfile::tempdir().unwrap();
    let acrt = work.path().join("trust.acrt");
    let out = ok_at(
        &a,
        "admin",
        DURING,
        &[
            "keys",
            "trust-list",
            "--signed",
            "-o",
            acrt.to_str().unwrap(),
        ],
    );
    assert!(out.contains("signed trust list"), "{out}");
    let text = member_credential(&a);
    let verify = |file: &Path, root: &str| {
        a.command(&[
            "credential",
            "verify",
            "--signed-trust-list",
            file.to_str().unwrap(),
            "--root",
            root,
            "--at",
            &DURING.to_string(),
            &text,
        ])
        .output()
        .unwrap()
    };
    let ok = verify(&acrt, public);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&ok.stdout).trim(), "ACCEPTED");
    // Another root: refused, naming the check, with no verdict.
    let other = root(&Accredit::demo(5));
    let refused = verify(&acrt, other["public_key"].as_str().unwrap());
    assert_eq!(refused.status.code(), Some(1));
    assert!(refused.stdout.is_empty());
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("check 2"), "{err}");
    // A changed list.
    let mut bytes = std::fs::read(&acrt).unwrap();
    let at = bytes.len() - 70;
    bytes[at] ^= 1;
    let changed = work.path().join("changed.acrt");
    std::fs::write(&changed, bytes).unwrap();
    let refused = verify(&changed, public);
    assert_eq!(refused.status.code(), Some(1));
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("is refused, check"), "{err}");
}

#[test]
fn every_attack_on_a_package_is_refused() {
    let desk = Accredit::demo(80);
    let work = tempfile::tempdir().unwrap();
    let package = work.path().join("main.gate");
    export(&desk, &package);
    let text = member_credential(&desk);

    // Not enrolled: no package opens, and the message says how to enrol.
    let laptop = Accredit::empty();
    let err = scan_fails(&laptop, &package, &text);
    assert!(
        err.contains("not enrolled") && err.contains("gate enrol --root"),
        "{err}"
    );
    // Enrolment by package needs the fingerprint read off the desk.
    let err = laptop.fails(&[
        "gate",
        "enrol",
        "--package",
        package.to_str().unwrap(),
        "--fingerprint",
        "3F2A 9C01 77B4 E0D2 5A6C 1188 C0DE 42F7",
    ]);
    assert!(err.contains("do not enrol"), "{err}");
    let summary: Value = serde_json::from_str(&laptop.ok(&[
        "gate",
        "enrol",
        "--package",
        package.to_str().unwrap(),
        "--fingerprint",
        root(&desk)["fingerprint"].as_str().unwrap(),
        "--station",
        "Lane 1",
        "--json",
    ]))
    .unwrap();
    assert_eq!(summary["event"], "HN25");
    assert_eq!(summary["station"]["name"], "Lane 1");
    let accepted: Value = serde_json::from_str(&ok_at(
        &laptop,
        "gate",
        DURING,
        &[
            "scan",
            &text,
            "--checkpoint",
            MAIN,
            "--at",
            &DURING.to_string(),
            "--package",
            package.to_str().unwrap(),
            "--json",
        ],
    ))
    .unwrap();
    assert_eq!(accepted["verdict"], "ACCEPTED");

    let attacks = [
        (
            "key",
            "UPDATE package SET trust_list = CAST(trust_list || x'00' AS BLOB)",
            "its trust list",
        ),
        (
            "revocation",
            "DELETE FROM revocation_list",
            "its revocation list",
        ),
        (
            "name",
            "UPDATE holders SET name = 'Mallory' WHERE rowid = 1",
            "its badge holders",
        ),
        (
            "photo",
            "UPDATE photos SET jpeg = x'FFD8FFD9' WHERE rowid = 1",
            "its holders' photos",
        ),
        (
            "operator",
            "INSERT INTO operators SELECT 'mallory', 'supervisor', password_hash FROM operators LIMIT 1",
            "its operators",
        ),
    ];
    for (what, sql, words) in attacks {
        let copy = tampered(&package, &format!("{what}.gate"), sql);
        let err = scan_fails(&laptop, &copy, &text);
        assert!(
            err.contains("this package was changed after export"),
            "{what}: {err}"
        );
        assert!(err.contains(words), "{what}: {err}");
    }

    // A key of the attacker's own added to the trust list, and the list
    // signed by it: another root. The forged badge it signed gets nowhere.
    let mallory = accredit::credential::EventKey::from_seed(&[66u8; 32], 1, 2_000_000_000).unwrap();
    let list = accredit::credential::SignedTrustList::verify(
        &rusqlite::Connection::open(&package)
            .unwrap()
            .query_row("SELECT trust_list FROM package", [], |r| {
                r.get::<_, Vec<u8>>(0)
            })
            .unwrap(),
        &accredit::credential::parse_public_key(root(&desk)["public_key"].as_str().unwrap())
            .unwrap(),
        None,
        None,
    )
    .unwrap();
    let mut trust = list.trust.clone();
    trust
        .keys
        .push(accredit::credential::TrustedKey::from(&mallory));
    let signed =
        accredit::credential::SignedTrustList::sign(&trust, 1, list.sequence, &mallory.signing)
            .unwrap();
    let copy = package.with_file_name("added-key.gate");
    std::fs::copy(&package, &copy).unwrap();
    rusqlite::Connection::open(&copy)
        .unwrap()
        .execute("UPDATE package SET trust_list = ?1", [&signed])
        .unwrap();
    let err = scan_fails(&laptop, &copy, &text);
    assert!(err.contains("signed by another root"), "{err}");

    // The same conference made with another root (a package re-signed
    // with another root, or another event's): refused.
    let elsewhere = Accredit::demo(80);
    let foreign = work.path().join("foreign.gate");
    export(&elsewhere, &foreign);
    let err = scan_fails(&laptop, &foreign, &text);
    assert!(err.contains("signed by another root"), "{err}");
}

#[test]
fn an_edited_or_invented_scans_file_is_refused_and_audited() {
    let desk = Accredit::demo(60);
    let work = tempfile::tempdir().unwrap();
    let package = work.path().join("main.gate");
    export(&desk, &package);
    let laptop = Accredit::empty();
    enrol(&desk, &laptop, "Lane 1");
    let text = member_credential(&desk);
    let p = package.to_str().unwrap();
    ok_at(
        &laptop,
        "gate",
        DURING,
        &[
            "scan",
            &text,
            "--checkpoint",
            MAIN,
            "--at",
            &DURING.to_string(),
            "--package",
            p,
        ],
    );
    let scans = work.path().join("scans.json");
    let written: Value = serde_json::from_str(&laptop.ok_as(
        "gate",
        &[
            "gate",
            "scans",
            "--package",
            p,
            "-o",
            scans.to_str().unwrap(),
            "--json",
        ],
    ))
    .unwrap();
    assert_eq!(written["station"], "Lane 1");
    let good = std::fs::read_to_string(&scans).unwrap();

    let import =
        |file: &Path| desk.run_as("gate", &["gate", "import-scans", file.to_str().unwrap()]);
    let mut cases: Vec<(&str, String, &str)> = Vec::new();
    // Edited: the time of the scan moved.
    let mut edited: Value = serde_json::from_str(&good).unwrap();
    edited["scans"][0]["participant"] = Value::from(2);
    cases.push((
        "edited",
        edited.to_string(),
        "changed after the station signed it",
    ));
    // Invented as in the issue: a plain unsigned file.
    cases.push((
        "invented",
        r#"{"format":"accredit-gate-scans/1","event":"HN25","exported_at":1761357600,"scans":[{"id":"7d9f1c9e-8a53-4a55-9f57-3f7b44a1b001","serial":100001,"participant":2,"checkpoint_id":1,"checkpoint":"Main","zone":1,"direction":"entry","verdict":"ACCEPTED","passed":true,"at":1761357600,"station":"ghost","operator":"gate"}]}"#.into(),
        "unsigned scans file",
    ));
    let mut unsigned: Value = serde_json::from_str(&good).unwrap();
    unsigned["signature"] = Value::from("");
    unsigned["station_kid"] = Value::from("");
    cases.push(("unsigned", unsigned.to_string(), "names no signing station"));
    for (what, content, words) in &cases {
        let file = work.path().join(format!("{what}.json"));
        std::fs::write(&file, content).unwrap();
        let out = import(&file);
        assert!(!out.status.success(), "{what} was imported");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(words), "{what}: {err}");
    }
    // From a station the event never enrolled.
    let stranger = Accredit::empty();
    stranger.ok(&[
        "gate",
        "enrol",
        "--root",
        root(&desk)["public_key"].as_str().unwrap(),
        "--station",
        "Lane 9",
    ]);
    let strange = work.path().join("strange.gate");
    std::fs::copy(&package, &strange).unwrap();
    let s = strange.to_str().unwrap();
    ok_at(
        &stranger,
        "gate",
        DURING,
        &[
            "scan",
            &text,
            "--checkpoint",
            MAIN,
            "--at",
            &DURING.to_string(),
            "--package",
            s,
        ],
    );
    let strange_scans = work.path().join("strange.json");
    stranger.ok_as(
        "gate",
        &[
            "gate",
            "scans",
            "--package",
            s,
            "-o",
            strange_scans.to_str().unwrap(),
        ],
    );
    let err = String::from_utf8_lossy(&import(&strange_scans).stderr).into_owned();
    assert!(err.contains("never enrolled"), "{err}");

    let audit = desk.json_as("admin", &["audit", "list", "--json"]);
    let refused = audit
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "gate.scans.refused")
        .count();
    assert_eq!(refused, cases.len() + 1);
    // The genuine file merges, with its station.
    let imported: Value = serde_json::from_str(&desk.ok_as(
        "gate",
        &["gate", "import-scans", scans.to_str().unwrap(), "--json"],
    ))
    .unwrap();
    assert_eq!(imported["new"], 1);
    assert_eq!(imported["signed_by"], "Lane 1");
    let listed = desk.json_as("admin", &["gate", "stations", "list", "--json"]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
}
