//! Issue 3 through the real binary: the public vectors through
//! `accredit credential verify`, badges issued by the demo verified against
//! the store, revocation, rotation, trust and revocation lists.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

mod common;

use std::io::Write;
use std::process::Stdio;

use accredit::credential::{RevocationList, TrustList};
use common::Accredit;
use serde_json::Value;

/// 25 October 2025, 09:00 in Hanoi: during the demo event.
const DURING_EVENT: &str = "1761357600";

#[test]
fn every_public_vector_through_the_binary() {
    let file: Value =
        serde_json::from_str(include_str!("data/credential-v1.json")).expect("vectors");
    let dir = tempfile::tempdir().unwrap();
    for v in file["vectors"].as_array().unwrap() {
        let id = v["id"].as_str().unwrap();
        let trust = dir.path().join(format!("{id}.json"));
        std::fs::write(&trust, v["trust_list"].to_string()).unwrap();
        let mut args = vec![
            "credential".to_string(),
            "verify".into(),
            "--trust-list".into(),
            trust.display().to_string(),
            "--at".into(),
            v["validation_time"].to_string(),
        ];
        let revoked: Vec<String> = v["revoked_serials"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.to_string())
            .collect();
        if !revoked.is_empty() {
            args.push("--revoked".into());
            args.push(revoked.join(","));
        }
        if let Some(zone) = v["checkpoint_zone"].as_u64() {
            args.push("--zone".into());
            args.push(zone.to_string());
        }
        if v["holder_inside"].as_bool().unwrap() {
            args.push("--holder-inside".into());
        }
        // Texts with a trailing newline go through stdin, as the spec's
        // vector means the newline to be part of the text.
        args.push(v["qr_text"].as_str().unwrap().to_string());
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_accredit"))
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{id}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let verdict = String::from_utf8(out.stdout).unwrap();
        assert_eq!(
            verdict.trim_end_matches('\n'),
            v["expected"].as_str().unwrap(),
            "vector {id}"
        );
    }
}

#[test]
fn stdin_gives_one_verdict_per_line_and_usage_errors_exit_2() {
    let file: Value = serde_json::from_str(include_str!("data/credential-v1.json")).unwrap();
    let v = &file["vectors"][0];
    let dir = tempfile::tempdir().unwrap();
    let trust = dir.path().join("trust.json");
    std::fs::write(&trust, v["trust_list"].to_string()).unwrap();
    let text = v["qr_text"].as_str().unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_accredit"))
        .args([
            "credential",
            "verify",
            "--json",
            "--at",
            &v["validation_time"].to_string(),
        ])
        .arg("--trust-list")
        .arg(&trust)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{text}\nACR1:garbage\nACR2:X\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["verdict"], "ACCEPTED");
    assert_eq!(lines[0]["claims"]["event"], "HN25");
    assert_eq!(lines[1]["verdict"], "MALFORMED");
    assert!(lines[1]["claims"].is_null());
    assert_eq!(lines[2]["verdict"], "UNSUPPORTED_VERSION");

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_accredit"))
        .args([
            "credential",
            "verify",
            "--trust-list",
            "/nonexistent.json",
            "ACR1:X",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

fn badges(a: &Accredit) -> Vec<Value> {
    a.json(&["badges", "list", "--json"])
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn demo_badges_verify_against_the_store_until_revoked() {
    let a = Accredit::demo(150);
    let all = badges(&a);
    assert!(all.len() > 50, "the demo issues badges: {}", all.len());
    let serials: Vec<u64> = all.iter().map(|b| b["serial"].as_u64().unwrap()).collect();
    assert_eq!(serials[0], 100_001, "serials start at 100001");
    assert!(
        serials.windows(2).all(|w| w[0] < w[1]),
        "serials are unique and rising"
    );

    let badge = &all[0];
    let text = badge["credential"].as_str().unwrap();
    assert!(text.starts_with("ACR1:"));
    let verdict = |args: &[&str]| -> String {
        let mut full = vec!["verify", text, "--at", DURING_EVENT];
        full.extend_from_slice(args);
        a.ok_as("gate", &full).trim().to_string()
    };
    assert_eq!(verdict(&[]), "ACCEPTED");
    let json: Value =
        serde_json::from_str(&a.ok_as("gate", &["verify", text, "--at", DURING_EVENT, "--json"]))
            .unwrap();
    assert_eq!(json["claims"]["serial"], badge["serial"]);
    assert_eq!(json["claims"]["participant"], badge["participant"]);

    // A checkpoint of a zone the badge does not open.
    let zones: Vec<u64> = badge["zones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|z| z.as_u64().unwrap())
        .collect();
    let checkpoints = a.json(&["checkpoints", "list", "--json"]);
    let denied = checkpoints
        .as_array()
        .unwrap()
        .iter()
        .find(|c| !zones.contains(&c["zone"].as_u64().unwrap()));
    if let Some(cp) = denied {
        assert_eq!(
            verdict(&["--checkpoint", cp["name"].as_str().unwrap()]),
            "ZONE_DENIED"
        );
    }
    let allowed = checkpoints
        .as_array()
        .unwrap()
        .iter()
        .find(|c| zones.contains(&c["zone"].as_u64().unwrap()) && c["directions"] != "exit")
        .expect("a checkpoint the badge opens");
    assert_eq!(
        verdict(&["--checkpoint", allowed["name"].as_str().unwrap()]),
        "ACCEPTED"
    );

    // Before and after the event.
    assert_eq!(
        a.ok_as("gate", &["verify", text, "--at", "1760000000"])
            .trim(),
        "NOT_YET_VALID"
    );
    assert_eq!(
        a.ok_as("gate", &["verify", text, "--at", "1761700000"])
            .trim(),
        "EXPIRED"
    );

    // Revoked: a clerk may not, a supervisor may.
    let serial = badge["serial"].to_string();
    let err = a.fails_as("clerk", &["badges", "revoke", &serial, "--reason", "lost"]);
    assert!(err.contains("may not revoke"), "{err}");
    a.ok_as(
        "supervisor",
        &["badges", "revoke", &serial, "--reason", "Reported lost"],
    );
    assert_eq!(verdict(&[]), "REVOKED");
    let err = a.fails_as(
        "supervisor",
        &["badges", "revoke", &serial, "--reason", "again"],
    );
    assert!(err.contains("already revoked"), "{err}");

    // A forged credential: one character changed.
    let mut forged = text.to_string();
    let last = forged.pop().unwrap();
    forged.push(if last == '0' { '1' } else { '0' });
    let out = a.ok_as("gate", &["verify", &forged, "--at", DURING_EVENT]);
    assert!(
        ["BAD_SIGNATURE", "MALFORMED"].contains(&out.trim()),
        "{out}"
    );
}

#[test]
fn cancelling_a_participant_revokes_the_badge() {
    let a = Accredit::demo(80);
    let badge = badges(&a)
        .into_iter()
        .find(|b| b["status"] == "active")
        .unwrap();
    let participant = badge["participant"].to_string();
    a.ok_as(
        "supervisor",
        &[
            "participants",
            "cancel",
            &participant,
            "--reason",
            "Withdrawn",
        ],
    );
    let history = a.json(&["badges", "list", "--participant", &participant, "--json"]);
    assert_eq!(history[0]["status"], "revoked");
    assert_eq!(history[0]["revocation_reason"], "participant cancelled");
}

#[test]
fn serials_are_never_reused_and_badges_never_deleted() {
    let a = Accredit::demo(40);
    let conn = a.db();
    let max: i64 = conn
        .query_value("SELECT max(serial) FROM badges", [])
        .unwrap();
    let err = conn
        .execute("DELETE FROM badges WHERE serial = ?1", [max])
        .unwrap_err();
    assert!(err.to_string().contains("never deleted"), "{err}");
    let err = conn
        .execute("INSERT INTO badges (serial, participant_id, credential, key_id, zones, not_before, expires, issued_at, issued_by) SELECT serial, participant_id, credential, key_id, zones, not_before, expires, issued_at, issued_by FROM badges WHERE serial = ?1", [max])
        .unwrap_err();
    assert!(
        matches!(&err, accredit::Error::Store(e) if e.is_unique_violation()),
        "{err}"
    );
    let err = conn
        .execute(
            "UPDATE badges SET credential = 'ACR1:X' WHERE serial = ?1",
            [max],
        )
        .unwrap_err();
    assert!(err.to_string().contains("never changes"), "{err}");
}

#[test]
fn rotation_keeps_old_badges_valid_and_lists_are_signed() {
    let a = Accredit::demo(60);
    let dir = tempfile::tempdir().unwrap();
    let trust_path = dir.path().join("trust.json");
    let run_at = |op: &str, args: &[&str]| {
        let out = a
            .command_as(op, args)
            .env("ACCREDIT_NOW", DURING_EVENT)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let err = a.fails_as("supervisor", &["keys", "rotate"]);
    assert!(err.contains("may not manage signing keys"), "{err}");
    run_at("admin", &["keys", "rotate"]);
    run_at(
        "admin",
        &["keys", "trust-list", "-o", trust_path.to_str().unwrap()],
    );
    let trust = TrustList::from_json(&std::fs::read_to_string(&trust_path).unwrap()).unwrap();
    assert_eq!(trust.event, "HN25");
    assert_eq!(
        trust.keys.len(),
        2,
        "the old key stays trusted until its not_after"
    );
    let old_badge = badges(&a)[0]["credential"].as_str().unwrap().to_string();
    assert_eq!(
        a.ok_as("gate", &["verify", &old_badge, "--at", DURING_EVENT])
            .trim(),
        "ACCEPTED"
    );

    // Revocation lists: signed by the event, sequence rising.
    let serial = badges(&a)[1]["serial"].to_string();
    a.ok_as(
        "supervisor",
        &["badges", "revoke", &serial, "--reason", "Damaged"],
    );
    let first = dir.path().join("rev1.cose");
    let second = dir.path().join("rev2.cose");
    run_at(
        "supervisor",
        &["keys", "revocations", "-o", first.to_str().unwrap()],
    );
    run_at(
        "supervisor",
        &["keys", "revocations", "-o", second.to_str().unwrap()],
    );
    let one = RevocationList::verify(&std::fs::read(&first).unwrap(), &trust).unwrap();
    let two = RevocationList::verify(&std::fs::read(&second).unwrap(), &trust).unwrap();
    assert!(one.contains(serial.parse().unwrap()));
    assert_eq!(two.sequence, one.sequence + 1);
    let older = RevocationList::accept_newer(Some(&two), one).unwrap_err();
    assert!(
        matches!(
            older,
            accredit::credential::CredentialError::RevocationOutOfDate { .. }
        ),
        "a lower sequence is refused: {older}"
    );

    // The secret keys (two signing keys and the event root) are on disk,
    // owner-only, and nowhere in the database.
    let keys: Vec<_> = std::fs::read_dir(a.data_dir().join("keys"))
        .unwrap()
        .collect();
    assert_eq!(keys.len(), 3);
    // Every byte of the event's database: the store's file, or a copy of
    // the event on the server written into one.
    let db = if a.database.is_some() {
        let copy = dir.path().join("event.sqlite");
        accredit::db::snapshot::snapshot(&a.db(), &copy).unwrap();
        std::fs::read(copy).unwrap()
    } else {
        std::fs::read(a.db_path()).unwrap()
    };
    for k in keys {
        let text = std::fs::read_to_string(k.unwrap().path()).unwrap();
        let seed_hex = text
            .split('"')
            .find(|s| s.len() == 64 && s.chars().all(|c| c.is_ascii_hexdigit()))
            .unwrap();
        let seed = hex::decode(seed_hex).unwrap();
        assert!(
            !db.windows(32).any(|w| w == seed.as_slice()),
            "a secret key is in the database"
        );
    }
}
