//! A new organiser's whole path, without the demo: `accredit init`, the
//! badge design, delegations from the reference lists, two nominations,
//! approval, a printed PDF — whose QR codes are read back from the pixels
//! and verified against the event's trust list, as a gate would.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

mod common;
mod raster;

use accredit::credential::{self, StaticState, TrustList, Verdict, VerifyContext};
use accredit::domain::{Direction, ZoneSet};
use common::Accredit;
use serde_json::Value;

const ORGANISER: &str = "organiser";
const PASSWORD: &str = "Geneva-2026-setup";
/// 4 May 2026, 10:00 in Geneva: during the event.
const DURING_EVENT: i64 = 1_777_881_600;

fn run(a: &Accredit, args: &[&str]) -> std::process::Output {
    a.command_as(ORGANISER, args)
        .env("ACCREDIT_PASSWORD", PASSWORD)
        .env("ACCREDIT_NOW", DURING_EVENT.to_string())
        .output()
        .expect("run accredit")
}

fn ok(a: &Accredit, args: &[&str]) -> String {
    let out = run(a, args);
    assert!(
        out.status.success(),
        "accredit {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(a: &Accredit, args: &[&str]) -> Value {
    serde_json::from_str(&ok(a, args)).expect("JSON on stdout")
}

#[test]
fn from_init_to_a_printed_badge_that_a_gate_accepts() {
    let a = Accredit::empty();
    ok(
        &a,
        &[
            "init",
            "--code",
            "GVA26",
            "--name",
            "Geneva Cyber Review Conference",
            "--venue",
            "Palais des Nations, Geneva",
            "--start",
            "2026-05-04",
            "--end",
            "2026-05-06",
            "--time-zone",
            "Europe/Zurich",
            "--admin",
            ORGANISER,
        ],
    );
    let logo = a.data_dir().join("logo.png");
    image::RgbaImage::from_fn(320, 120, |x, _| image::Rgba([0, (x % 256) as u8, 156, 255]))
        .save(&logo)
        .unwrap();
    ok(
        &a,
        &[
            "event",
            "set",
            "--title-band",
            "Cyber Review · Geneva 2026",
            "--band-colour",
            "#005A9C",
            "--logo",
            logo.to_str().unwrap(),
        ],
    );
    ok(
        &a,
        &["delegations", "add", "--code", "VNM", "--quota", "HOD=1"],
    );
    ok(&a, &["delegations", "add", "--code", "UNODC"]);
    ok(
        &a,
        &[
            "checkpoints",
            "add",
            "--name",
            "Gate A",
            "--zone",
            "1",
            "--directions",
            "entry",
        ],
    );

    let add = |delegation: &str, category: &str, given: &str, family: &str| -> i64 {
        json(
            &a,
            &[
                "participants",
                "add",
                "--delegation",
                delegation,
                "--category",
                category,
                "--given-names",
                given,
                "--family-name",
                family,
                "--json",
            ],
        )["id"]
            .as_i64()
            .unwrap()
    };
    let hod = add("VNM", "HOD", "Thị Phương Thảo", "Nguyễn");
    let org = add("UNODC", "ORG", "Jean-Baptiste", "N'Diaye");
    ok(
        &a,
        &[
            "participants",
            "approve",
            &hod.to_string(),
            &org.to_string(),
        ],
    );

    let pdf_path = a.data_dir().join("first-badges.pdf");
    let summary = json(
        &a,
        &[
            "badges",
            "print",
            "--layout",
            "a6",
            "-o",
            pdf_path.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(summary["new"], 2);
    let serials: Vec<u64> = summary["serials"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_u64().unwrap())
        .collect();

    let trust_path = a.data_dir().join("trust.json");
    ok(
        &a,
        &["keys", "trust-list", "-o", trust_path.to_str().unwrap()],
    );
    let trust = TrustList::from_json(&std::fs::read_to_string(&trust_path).unwrap()).unwrap();
    assert_eq!(trust.event, "GVA26");

    let pdf = std::fs::read(&pdf_path).unwrap();
    assert_eq!(raster::page_count(&pdf), 2);
    let texts = raster::read_badge_qr_texts(&pdf, &[(0.0, 0.0, 105.0, 148.0)], 2);
    let state = StaticState::default();
    let categories = json(&a, &["categories", "list", "--json"]);
    let zones_of = |code: &str| {
        let c = categories
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"] == code)
            .unwrap();
        ZoneSet::from_numbers(
            c["default_zones"]
                .as_array()
                .unwrap()
                .iter()
                .map(|z| z.as_u64().unwrap() as u8),
        )
    };
    // Printed by delegation code, then name: UNODC before VNM.
    for (text, (serial, (participant, category))) in texts
        .iter()
        .zip(serials.iter().zip([(org, "ORG"), (hod, "HOD")]))
    {
        let text = text
            .as_deref()
            .expect("the QR code reads back from the page");
        let v = credential::verify(text, &trust, &VerifyContext::new(DURING_EVENT, &state));
        assert_eq!(v.verdict, Verdict::Accepted, "badge {serial}");
        let claims = v.claims.unwrap();
        assert_eq!(claims.event, "GVA26");
        assert_eq!(claims.serial, *serial);
        assert_eq!(claims.participant, participant as u64);
        assert_eq!(claims.category, category);
        assert_eq!(claims.zones, zones_of(category));
        // The store's verifier agrees, and a gate into the VIP lounge (zone 4)
        // lets the head of delegation in but not the organisation's representative.
        let stored = ok(&a, &["verify", text, "--at", &DURING_EVENT.to_string()]);
        assert_eq!(stored.trim(), "ACCEPTED");
        let at_vip = credential::verify(
            text,
            &trust,
            &VerifyContext::new(DURING_EVENT, &state).at_checkpoint(4, Direction::Entry),
        );
        let expected = if category == "HOD" {
            Verdict::Accepted
        } else {
            Verdict::ZoneDenied
        };
        assert_eq!(at_vip.verdict, expected, "{category} at the VIP lounge");
    }
    // Before the badge window opens, the same badge is not yet valid.
    let early = credential::verify(
        texts[0].as_deref().unwrap(),
        &trust,
        &VerifyContext::new(DURING_EVENT - 10 * 86_400, &state),
    );
    assert_eq!(early.verdict, Verdict::NotYetValid);
}
