//! Issue 4 end to end: badges printed by the real binary are rendered to
//! pixels, their QR codes read back and verified against the event's trust
//! list (the print-to-scan round trip); reprints revoke the old serial;
//! not-approved participants are never printed; output is deterministic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

mod common;
mod raster;

use accredit::credential::{self, StaticState, TrustList, Verdict, VerifyContext};
use common::Accredit;
use serde_json::Value;

const DURING_EVENT: &str = "1761357600";

fn trust_list(a: &Accredit) -> TrustList {
    let path = a.data_dir().join("trust.json");
    let out = a
        .command_as(
            "admin",
            &["keys", "trust-list", "-o", path.to_str().unwrap()],
        )
        .env("ACCREDIT_NOW", DURING_EVENT)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    TrustList::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn areas(layout: &str) -> Vec<(f32, f32, f32, f32)> {
    match layout {
        "a6" => vec![(0.0, 0.0, 105.0, 148.0)],
        "card" => vec![(0.0, 0.0, 54.0, 85.6)],
        _ => vec![
            (0.0, 0.0, 105.0, 148.5),
            (105.0, 0.0, 105.0, 148.5),
            (0.0, 148.5, 105.0, 148.0),
            (105.0, 148.5, 105.0, 148.0),
        ],
    }
}

#[test]
fn printed_badges_scan_back_and_verify_in_every_layout() {
    let a = Accredit::demo(300);
    let trust = trust_list(&a);
    for layout in ["a6", "card", "a4x4"] {
        let pdf_path = a.data_dir().join(format!("{layout}.pdf"));
        let summary: Value = a.json_as(
            "clerk",
            &[
                "badges",
                "print",
                "--confirm", // the seed's badges have expired: printed knowingly
                "--delegation",
                "VNM",
                "--delegation",
                "RUS",
                "--delegation",
                "SAU",
                "--layout",
                layout,
                "-o",
                pdf_path.to_str().unwrap(),
                "--json",
            ],
        );
        let serials: Vec<u64> = summary["serials"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_u64().unwrap())
            .collect();
        assert!(!serials.is_empty(), "{layout}: something was printed");
        let pdf = std::fs::read(&pdf_path).unwrap();
        assert_eq!(
            raster::page_count(&pdf),
            summary["pages"].as_u64().unwrap() as usize
        );
        let texts = raster::read_badge_qr_texts(&pdf, &areas(layout), serials.len());
        let state = StaticState::default();
        let ctx = VerifyContext::new(DURING_EVENT.parse().unwrap(), &state);
        for (text, serial) in texts.iter().zip(&serials) {
            let text = text
                .as_deref()
                .unwrap_or_else(|| panic!("{layout}: the QR of badge {serial} could not be read"));
            let v = credential::verify(text, &trust, &ctx);
            assert_eq!(v.verdict, Verdict::Accepted, "{layout}: badge {serial}");
            assert_eq!(
                v.claims.unwrap().serial,
                *serial,
                "{layout}: badges come out in print order"
            );
        }
    }
}

#[test]
fn reprint_revokes_the_old_serial_and_only_approved_are_printed() {
    let a = Accredit::demo(200);
    let trust = trust_list(&a);
    let badges = a.json(&["badges", "list", "--json"]);
    let old = badges
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["status"] == "active")
        .unwrap()
        .clone();
    let participant = old["participant"].to_string();
    let out_pdf = a.data_dir().join("reprint.pdf");
    let result = a.json_as(
        "clerk",
        &[
            "badges",
            "reprint",
            "--confirm", // the seed's badges have expired: printed knowingly
            &participant,
            "--reason",
            "lost",
            "-o",
            out_pdf.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(result["revoked"], old["serial"]);
    let new_serial = result["serial"].as_u64().unwrap();
    assert!(new_serial > old["serial"].as_u64().unwrap());
    let verdict = |text: &str| {
        a.ok_as("gate", &["verify", text, "--at", DURING_EVENT])
            .trim()
            .to_string()
    };
    assert_eq!(verdict(old["credential"].as_str().unwrap()), "REVOKED");
    let pdf = std::fs::read(&out_pdf).unwrap();
    let text = raster::read_badge_qr_texts(&pdf, &areas("a6"), 1)[0]
        .clone()
        .expect("QR read back");
    assert_eq!(verdict(&text), "ACCEPTED");
    let state = StaticState::default();
    let v = credential::verify(
        &text,
        &trust,
        &VerifyContext::new(DURING_EVENT.parse().unwrap(), &state),
    );
    assert_eq!(v.claims.unwrap().serial, new_serial);
    let history = a.json(&["badges", "list", "--participant", &participant, "--json"]);
    assert_eq!(history.as_array().unwrap().len(), 2);
    assert_eq!(history[0]["revocation_reason"], "reprinted: lost");

    // A nominated participant is never printed, and the summary says why.
    let nominated = a.json(&["participants", "list", "--status", "nominated", "--json"]);
    let id = nominated[0]["id"].to_string();
    let err = a.fails_as(
        "clerk",
        &[
            "badges",
            "print",
            "--confirm", // the seed's badges have expired: printed knowingly
            "--participant",
            &id,
            "-o",
            "/tmp/never.pdf",
        ],
    );
    assert!(err.contains("not approved yet"), "{err}");
    let err = a.fails_as(
        "clerk",
        &[
            "badges",
            "reprint",
            "--confirm", // the seed's badges have expired: printed knowingly
            &id,
            "--reason",
            "lost",
            "-o",
            "/tmp/never.pdf",
        ],
    );
    assert!(err.contains("only approved"), "{err}");
}

#[test]
fn the_same_badges_give_the_same_bytes() {
    let a = Accredit::demo(150);
    let first = a.data_dir().join("1.pdf");
    let second = a.data_dir().join("2.pdf");
    a.ok_as(
        "clerk",
        &[
            "badges",
            "print",
            "--confirm", // the seed's badges have expired: printed knowingly
            "--delegation",
            "VNM",
            "--delegation",
            "FRA",
            "-o",
            first.to_str().unwrap(),
        ],
    );
    let again: Value = a.json_as(
        "clerk",
        &[
            "badges",
            "print",
            "--confirm", // the seed's badges have expired: printed knowingly
            "--delegation",
            "VNM",
            "--delegation",
            "FRA",
            "-o",
            second.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(
        again["new"], 0,
        "the second run prints the same badges again"
    );
    assert_eq!(
        std::fs::read(first).unwrap(),
        std::fs::read(second).unwrap()
    );
    let list = a.json(&["badges", "list", "--json"]);
    let printed_twice = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["print_count"].as_u64().unwrap() >= 2)
        .count();
    assert_eq!(printed_twice, again["reprinted"].as_u64().unwrap() as usize);
}

#[test]
fn only_unprinted_skips_printed_badges() {
    let a = Accredit::demo(150);
    let path = a.data_dir().join("u.pdf");
    let first: Value = a.json_as(
        "clerk",
        &[
            "badges",
            "print",
            "--confirm", // the seed's badges have expired: printed knowingly
            "--only-unprinted",
            "-o",
            path.to_str().unwrap(),
            "--json",
        ],
    );
    assert!(first["badges"].as_u64().unwrap() > 0);
    let err = a.fails_as(
        "clerk",
        &[
            "badges",
            "print",
            "--confirm", // the seed's badges have expired: printed knowingly
            "--only-unprinted",
            "-o",
            path.to_str().unwrap(),
        ],
    );
    assert!(err.contains("no badge to print"), "{err}");
}

#[test]
fn a_badge_already_handed_over_is_printed_again_only_when_asked() {
    let a = Accredit::demo(150);
    // A participant whose badge the demo handed over.
    let badges = a.json_as("admin", &["badges", "list", "--json"]);
    let handed = badges
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["status"] == "active" && !b["collected"].is_null())
        .expect("a badge handed over")
        .clone();
    let id = handed["participant"].as_i64().unwrap().to_string();
    let path = a.data_dir().join("again.pdf");
    let print = |extra: &[&str]| -> Value {
        let mut args = vec![
            "badges",
            "print",
            "--participant",
            &id,
            "--confirm", // the seed's badges have expired: printed knowingly
            "-o",
            path.to_str().unwrap(),
            "--json",
        ];
        args.extend_from_slice(extra);
        a.json_as("clerk", &args)
    };
    let err = a.fails_as(
        "clerk",
        &[
            "badges",
            "print",
            "--participant",
            &id,
            "--confirm",
            "-o",
            path.to_str().unwrap(),
        ],
    );
    assert!(err.contains("already handed over"), "{err}");
    assert!(!path.exists());
    let again = print(&["--handed-over-again"]);
    assert_eq!(again["badges"], 1, "{again}");
    assert_eq!(again["serials"][0], handed["serial"], "{again}");
}
