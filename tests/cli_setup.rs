//! Issue 10 through the real binary: `accredit init`, the event's settings
//! and the editors of categories, zones, checkpoints, sessions and
//! delegations — valid changes, refused ones (each with its reason), and
//! those that must be confirmed because printed badges depend on them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

mod common;

use common::Accredit;
use serde_json::Value;

/// A new event (GVA26, Geneva, 4–6 May 2026) made by `init`, with the
/// administrator `admin` (password demo-admin, as the test helper signs in).
fn new_event() -> Accredit {
    let a = Accredit::empty();
    a.ok(&[
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
        "06/05/2026",
        "--time-zone",
        "Europe/Zurich",
        "--admin",
        "admin",
    ]);
    a
}

/// An approved participant of Kenya in `category`, with a printed badge;
/// returns (participant id, serial).
fn printed_badge(a: &Accredit, category: &str) -> (i64, u64) {
    if !a
        .json(&["delegations", "list", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "KEN")
    {
        a.ok(&["delegations", "add", "--code", "KEN"]);
    }
    let out = a.ok(&[
        "participants",
        "add",
        "--delegation",
        "KEN",
        "--category",
        category,
        "--given-names",
        "Wanjiru",
        "--family-name",
        "Kamau",
        "--json",
    ]);
    let id = serde_json::from_str::<Value>(&out).unwrap()["id"]
        .as_i64()
        .unwrap();
    a.ok(&["participants", "approve", &id.to_string()]);
    let pdf = a.data_dir().join(format!("{id}.pdf"));
    let summary = a.json(&[
        "badges",
        "print",
        "--confirm", // these events are over: their badges are printed knowingly
        "--participant",
        &id.to_string(),
        "-o",
        pdf.to_str().unwrap(),
        "--json",
    ]);
    (id, summary["serials"][0].as_u64().unwrap())
}

#[test]
fn init_creates_an_event_once_and_names_every_bad_field() {
    let empty = Accredit::empty();
    let err = empty.fails(&[
        "init",
        "--code",
        "gva 26",
        "--name",
        "",
        "--start",
        "2026-05-04",
        "--end",
        "2026-05-01",
        "--time-zone",
        "Europe/Geneva City",
    ]);
    for field in ["code:", "name:", "time_zone:", "end_date:"] {
        assert!(err.contains(field), "{field} in {err}");
    }
    assert!(empty.fails(&["event", "show"]).contains("holds no event"));
    let short = empty
        .command(&[
            "init",
            "--code",
            "X1",
            "--name",
            "X",
            "--start",
            "2026-05-04",
            "--end",
            "2026-05-04",
            "--time-zone",
            "UTC",
        ])
        .env("ACCREDIT_PASSWORD", "short")
        .output()
        .unwrap();
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("password: must be at least 8"));

    let a = new_event();
    let event = a.json(&["event", "show", "--json"]);
    assert_eq!(event["code"], "GVA26");
    assert_eq!(event["end_date"], "2026-05-06");
    assert_eq!(event["time_zone"], "Europe/Zurich");
    assert_eq!(
        event["footer"],
        "This badge must be worn visibly at all times"
    );
    assert_eq!(event["has_logo"], false);
    // Two days before the first day to the day after the last, in Geneva (UTC+2).
    assert_eq!(event["badge_valid_from"], 1_777_672_800);
    assert_eq!(event["badge_valid_until"], 1_778_104_800);
    assert_eq!(
        a.json(&["categories", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        11
    );
    assert_eq!(
        a.json(&["zones", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        9
    );
    let again = a.fails(&[
        "init",
        "--code",
        "OTHER",
        "--name",
        "Other",
        "--start",
        "2026-05-04",
        "--end",
        "2026-05-04",
        "--time-zone",
        "UTC",
    ]);
    assert!(again.contains("already holds an event"), "{again}");
}

#[test]
fn init_reports_as_json() {
    let a = Accredit::empty();
    let summary = a.json(&[
        "init",
        "--code",
        "NBO26",
        "--name",
        "Nairobi Cyber Dialogue",
        "--start",
        "2026-09-14",
        "--end",
        "2026-09-15",
        "--time-zone",
        "Africa/Nairobi",
        "--json",
    ]);
    assert_eq!(summary["event"], "NBO26");
    assert_eq!(summary["administrator"], "admin");
    assert_eq!(summary["zones"], 9);
    assert_eq!(summary["categories"], 11);
    assert_eq!(summary["key"].as_str().unwrap().len(), 16);
    // The administrator signs in with the password given at init; nobody else does.
    assert!(a.ok(&["event", "show"]).contains("Nairobi Cyber Dialogue"));
    let wrong = a
        .command(&["categories", "list"])
        .env("ACCREDIT_PASSWORD", "demo-wrong")
        .output()
        .unwrap();
    assert!(!wrong.status.success());
    let err = a.fails_as("clerk", &["categories", "list"]);
    assert!(err.contains("unknown operator or wrong password"), "{err}");
}

#[test]
fn event_settings_change_and_are_checked() {
    let a = new_event();
    let logo = a.data_dir().join("logo.png");
    image::RgbaImage::from_pixel(900, 300, image::Rgba([0, 90, 156, 255]))
        .save(&logo)
        .unwrap();
    let out = a.json(&[
        "event",
        "set",
        "--name",
        "Geneva Cyber Review Conference 2026",
        "--footer",
        "Wear this badge at all times",
        "--title-band",
        "Cyber Review · Geneva 2026",
        "--band-colour",
        "#005a9c",
        "--default-layout",
        "card",
        "--logo",
        logo.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(
        out["changed"],
        serde_json::json!([
            "name",
            "title_band",
            "footer",
            "band_colour",
            "default_layout",
            "logo"
        ])
    );
    assert_eq!(out["new_key"], Value::Null);
    let event = a.json(&["event", "show", "--json"]);
    assert_eq!(event["band_colour"], "#005A9C");
    assert_eq!(event["default_layout"], "card");
    assert_eq!(event["has_logo"], true);
    a.ok(&["event", "set", "--no-logo"]);
    assert_eq!(a.json(&["event", "show", "--json"])["has_logo"], false);

    let err = a.fails(&[
        "event",
        "set",
        "--time-zone",
        "Mars/Olympus",
        "--band-colour",
        "blue",
    ]);
    assert!(
        err.contains("time_zone:") && err.contains("band_colour:"),
        "{err}"
    );
    let not_image = a.data_dir().join("logo.txt");
    std::fs::write(&not_image, "not an image").unwrap();
    let err = a.fails(&["event", "set", "--logo", not_image.to_str().unwrap()]);
    assert!(err.contains("logo: is not an image"), "{err}");

    // The preview is the badge as it prints.
    let png = a.data_dir().join("preview.png");
    a.ok(&[
        "event",
        "preview",
        "--category",
        "HOD",
        "--sample",
        "arabic",
        "-o",
        png.to_str().unwrap(),
    ]);
    let img = image::open(&png).unwrap();
    assert!(
        img.width() > 100 && img.height() > img.width(),
        "a portrait card"
    );
}

#[test]
fn settings_that_printed_badges_depend_on_are_refused_or_confirmed() {
    let a = new_event();
    printed_badge(&a, "DEL");
    let err = a.fails(&["event", "set", "--code", "GVA27"]);
    assert!(
        err.contains("signed into the 1 badge already issued"),
        "{err}"
    );

    // A later end of badge validity: explained, then applied with a new key.
    let err = a.fails(&["event", "set", "--badge-until", "2026-07-20T00:00"]);
    assert!(
        err.contains("1 active badge was issued for the badge window"),
        "{err}"
    );
    assert!(err.contains("new key"), "{err}");
    assert!(err.contains("--confirm"), "{err}");
    let out = a.json(&[
        "event",
        "set",
        "--badge-until",
        "2026-07-20T00:00",
        "--confirm",
        "--json",
    ]);
    assert!(out["new_key"].is_string(), "{out}");
    let trust = a.data_dir().join("trust.json");
    let out = a
        .command(&["keys", "trust-list", "-o", trust.to_str().unwrap()])
        .env("ACCREDIT_NOW", "2026-05-04T10:00:00+02:00")
        .output()
        .unwrap();
    assert!(out.status.success());
    let trust: Value = serde_json::from_str(&std::fs::read_to_string(trust).unwrap()).unwrap();
    assert_eq!(trust["keys"].as_array().unwrap().len(), 2, "{trust}");

    let err = a.fails(&["event", "set", "--footer", "New footer"]);
    assert!(
        err.contains("1 printed badge shows the old footer"),
        "{err}"
    );
    a.ok(&["event", "set", "--footer", "New footer", "--confirm"]);
}

#[test]
fn categories_are_listed_added_edited_and_removed() {
    let a = new_event();
    a.ok(&[
        "categories",
        "add",
        "--code",
        "int",
        "--name",
        "Interpreter",
        "--colour",
        "#00A3AD",
        "--zones",
        "1;2",
        "--quota",
        "2",
    ]);
    let list = a.json(&["categories", "list", "--json"]);
    let int = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "INT")
        .unwrap()
        .clone();
    assert_eq!(int["name"], "Interpreter");
    assert_eq!(int["colour"], "#00A3AD");
    assert_eq!(int["default_zones"], serde_json::json!([1, 2]));
    assert_eq!(int["order"], 12);
    assert_eq!(int["default_quota"], 2);
    assert_eq!(int["participants"], 0);

    let err = a.fails(&[
        "categories",
        "add",
        "--code",
        "INT",
        "--name",
        "Again",
        "--colour",
        "#000000",
    ]);
    assert!(
        err.contains("INT is already the category Interpreter"),
        "{err}"
    );
    let err = a.fails(&[
        "categories",
        "add",
        "--code",
        "X",
        "--name",
        "X",
        "--colour",
        "teal",
        "--zones",
        "3;40",
    ]);
    assert!(err.contains("colour:"), "{err}");
    let err = a.fails(&[
        "categories",
        "add",
        "--code",
        "X",
        "--name",
        "X",
        "--colour",
        "#123456",
        "--zones",
        "3;40",
    ]);
    assert!(
        err.contains("default_zones: 40 is not a zone of this event"),
        "{err}"
    );

    a.ok(&[
        "categories",
        "edit",
        "INT",
        "--name",
        "Conference interpreter",
        "--no-quota",
    ]);
    let list = a.json(&["categories", "list", "--json"]);
    let int = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "INT")
        .unwrap()
        .clone();
    assert_eq!(int["name"], "Conference interpreter");
    assert_eq!(int["default_quota"], Value::Null);
    a.ok(&["categories", "remove", "int"]);
    assert_eq!(
        a.json(&["categories", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        11
    );
}

#[test]
fn a_change_of_default_zones_lists_the_badges_to_reprint() {
    let a = new_event();
    let (participant, serial) = printed_badge(&a, "DEL");
    let err = a.fails(&["categories", "edit", "DEL", "--zones", "1;3;5"]);
    assert!(err.contains("1 active badge of DEL (Delegate)"), "{err}");
    assert!(err.contains("--list-affected"), "{err}");
    let affected = a.json(&[
        "categories",
        "edit",
        "DEL",
        "--zones",
        "1;3;5",
        "--list-affected",
        "--json",
    ]);
    assert_eq!(affected[0]["serial"], serial);
    assert_eq!(affected[0]["participant"], participant);
    assert_eq!(affected[0]["badge_zones"], serde_json::json!([1, 3, 5, 7]));
    assert_eq!(affected[0]["zones"], serde_json::json!([1, 3, 5]));
    assert_eq!(affected[0]["printed"], true);
    let zones = |a: &Accredit| {
        a.json(&["categories", "list", "--json"])
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"] == "DEL")
            .unwrap()["default_zones"]
            .clone()
    };
    assert_eq!(
        zones(&a),
        serde_json::json!([1, 3, 5, 7]),
        "--list-affected changes nothing"
    );
    a.ok(&["categories", "edit", "DEL", "--zones", "1;3;5", "--confirm"]);
    assert_eq!(zones(&a), serde_json::json!([1, 3, 5]));
    // After the change, the same flag lists the badges still to reprint…
    let left = a.json(&["categories", "edit", "DEL", "--list-affected", "--json"]);
    assert_eq!(left.as_array().unwrap().len(), 1);
    // …until they are reprinted.
    let pdf = a.data_dir().join("reprint.pdf");
    a.ok(&[
        "badges",
        "reprint",
        "--confirm", // these events are over: their badges are printed knowingly
        &participant.to_string(),
        "--reason",
        "data-change",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    let left = a.json(&["categories", "edit", "DEL", "--list-affected", "--json"]);
    assert_eq!(left, serde_json::json!([]));

    let err = a.fails(&["categories", "edit", "DEL", "--code", "DLG"]);
    assert!(err.contains("signed into the 1 active badge"), "{err}");
    let err = a.fails(&["categories", "remove", "DEL"]);
    assert!(err.contains("in use by 1 participant"), "{err}");
}

#[test]
fn zones_are_added_renamed_and_kept_while_in_use() {
    let a = new_event();
    a.ok(&[
        "zones",
        "add",
        "--number",
        "12",
        "--code",
        "roof",
        "--name",
        "Roof terrace",
    ]);
    a.ok(&["zones", "edit", "12", "--name", "Roof terrace (smokers)"]);
    let zones = a.json(&["zones", "list", "--json"]);
    let z12 = zones
        .as_array()
        .unwrap()
        .iter()
        .find(|z| z["number"] == 12)
        .unwrap()
        .clone();
    assert_eq!(z12["code"], "ROOF");
    assert_eq!(z12["name"], "Roof terrace (smokers)");
    assert_eq!(z12["categories"], serde_json::json!([]));
    let z2 = zones
        .as_array()
        .unwrap()
        .iter()
        .find(|z| z["number"] == 2)
        .unwrap()
        .clone();
    assert_eq!(
        z2["categories"],
        serde_json::json!(["HOS", "HOD", "UN", "STF", "SEC"])
    );

    let err = a.fails(&[
        "zones", "add", "--number", "65", "--code", "X", "--name", "X",
    ]);
    assert!(err.contains("number: must be between 1 and 64"), "{err}");
    let err = a.fails(&[
        "zones", "add", "--number", "13", "--code", "PLEN", "--name", "X",
    ]);
    assert!(err.contains("PLEN is already zone 1"), "{err}");
    a.ok(&["checkpoints", "add", "--name", "Roof door", "--zone", "12"]);
    let err = a.fails(&["zones", "remove", "12"]);
    assert!(err.contains("checkpoint Roof door"), "{err}");
    a.ok(&["checkpoints", "remove", "Roof door"]);
    a.ok(&["zones", "remove", "12"]);
    let err = a.fails(&["zones", "remove", "2"]);
    assert!(
        err.contains("in use by the default zones of HOS, HOD, UN, STF, SEC"),
        "{err}"
    );
}

#[test]
fn checkpoints_keep_their_listing_and_are_edited() {
    let a = new_event();
    a.ok(&[
        "checkpoints",
        "add",
        "--name",
        "Gate A — main entrance",
        "--zone",
        "1",
        "--directions",
        "entry",
    ]);
    a.ok(&["checkpoints", "add", "--name", "Gate B", "--zone", "2"]);
    let err = a.fails(&["checkpoints", "add", "--name", "gate b", "--zone", "3"]);
    assert!(err.contains("already a checkpoint"), "{err}");
    let err = a.fails(&[
        "checkpoints",
        "add",
        "--name",
        "Gate C",
        "--zone",
        "40",
        "--directions",
        "sideways",
    ]);
    assert!(err.contains("directions:"), "{err}");
    a.ok(&[
        "checkpoints",
        "edit",
        "Gate B",
        "--name",
        "Gate B — signing hall",
        "--directions",
        "exit",
    ]);
    let list = a.json(&["checkpoints", "list", "--json"]);
    assert_eq!(list[1]["name"], "Gate B — signing hall");
    assert_eq!(list[1]["zone"], 2);
    assert_eq!(list[1]["directions"], "exit");
    assert!(list[0]["id"].is_i64());
    a.ok(&["checkpoints", "remove", "Gate A — main entrance"]);
    assert_eq!(
        a.json(&["checkpoints", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn sessions_are_planned_with_their_invitations() {
    let a = new_event();
    let (participant, _) = printed_badge(&a, "HOD");
    a.ok(&["delegations", "add", "--code", "FRA"]);
    a.ok(&[
        "sessions",
        "add",
        "--name",
        "Signing ceremony",
        "--zone",
        "2",
        "--start",
        "2026-05-05T10:00",
        "--end",
        "2026-05-05 12:30",
        "--invitation-only",
        "--invite-delegation",
        "FRA",
        "--invite-participant",
        &participant.to_string(),
    ]);
    a.ok(&[
        "sessions",
        "add",
        "--name",
        "Opening",
        "--zone",
        "1",
        "--start",
        "2026-05-04T09:00",
        "--end",
        "2026-05-04T10:00",
    ]);
    let list = a.json(&["sessions", "list", "--json"]);
    assert_eq!(list[0]["name"], "Opening");
    assert_eq!(list[1]["start"], "2026-05-05 10:00");
    assert_eq!(list[1]["invitation_only"], true);
    assert_eq!(list[1]["invited_delegations"], serde_json::json!(["FRA"]));
    assert_eq!(
        list[1]["invited_participants"],
        serde_json::json!([participant])
    );

    let err = a.fails(&[
        "sessions",
        "add",
        "--name",
        "Late",
        "--zone",
        "1",
        "--start",
        "2026-08-01T09:00",
        "--end",
        "2026-08-01T10:00",
    ]);
    assert!(err.contains("outside the badge window"), "{err}");
    let err = a.fails(&[
        "sessions",
        "add",
        "--name",
        "Backwards",
        "--zone",
        "1",
        "--start",
        "2026-05-04T11:00",
        "--end",
        "2026-05-04T10:00",
    ]);
    assert!(err.contains("end: must be after the start"), "{err}");
    let err = a.fails(&[
        "sessions",
        "add",
        "--name",
        "opening",
        "--zone",
        "1",
        "--start",
        "2026-05-04T11:00",
        "--end",
        "2026-05-04T12:00",
    ]);
    assert!(err.contains("already a session"), "{err}");

    a.ok(&[
        "sessions",
        "edit",
        "Signing ceremony",
        "--uninvite-delegation",
        "FRA",
        "--invite-delegation",
        "KEN",
    ]);
    let list = a.json(&["sessions", "list", "--json"]);
    assert_eq!(list[1]["invited_delegations"], serde_json::json!(["KEN"]));
    a.ok(&["sessions", "edit", "Signing ceremony", "--open"]);
    let list = a.json(&["sessions", "list", "--json"]);
    assert_eq!(list[1]["invitation_only"], false);
    assert_eq!(list[1]["invited_participants"], serde_json::json!([]));
    a.ok(&["sessions", "remove", "Opening"]);
    assert_eq!(
        a.json(&["sessions", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn delegations_come_from_the_reference_lists_or_are_custom() {
    let a = new_event();
    let found = a.json(&["delegations", "reference", "cote", "--json"]);
    assert_eq!(found[0]["code"], "CIV");
    assert_eq!(found[0]["added"], false);
    a.ok(&[
        "delegations",
        "add",
        "--code",
        "civ",
        "--focal-point-name",
        "Awa Koné",
        "--focal-point-email",
        "awa.kone@example.ci",
        "--quota",
        "HOD=1",
        "--quota",
        "del=4",
    ]);
    assert_eq!(
        a.json(&["delegations", "reference", "cote", "--json"])[0]["added"],
        true
    );
    a.ok(&[
        "delegations",
        "add",
        "--code",
        "CYBERLAB",
        "--name",
        "Geneva Cyber Lab",
        "--kind",
        "academia",
    ]);
    let err = a.fails(&["delegations", "add", "--code", "XYZ"]);
    assert!(err.contains("not in the reference lists"), "{err}");
    let err = a.fails(&["delegations", "add", "--code", "CIV"]);
    assert!(
        err.contains("CIV is already the delegation Côte d'Ivoire"),
        "{err}"
    );
    let err = a.fails(&[
        "delegations",
        "add",
        "--code",
        "ATLANTIS",
        "--name",
        "Atlantis",
        "--kind",
        "member_state",
        "--quota",
        "DEL=many",
    ]);
    assert!(err.contains("alpha-3") && err.contains("quotas:"), "{err}");

    let list = a.json(&["delegations", "list", "--json"]);
    let civ = list
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "CIV")
        .unwrap()
        .clone();
    assert_eq!(civ["name"], "Côte d'Ivoire");
    assert_eq!(civ["kind"], "member_state");
    assert_eq!(civ["focal_point_name"], "Awa Koné");
    assert_eq!(
        civ["quotas"],
        serde_json::json!([{"category": "HOD", "quota": 1}, {"category": "DEL", "quota": 4}])
    );

    a.ok(&[
        "delegations",
        "edit",
        "CIV",
        "--quota",
        "DEL=6",
        "--no-quota",
        "HOD",
        "--focal-point-email",
        "protocol@example.ci",
    ]);
    let list = a.json(&["delegations", "list", "--json"]);
    let civ = list
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "CIV")
        .unwrap()
        .clone();
    assert_eq!(
        civ["quotas"],
        serde_json::json!([{"category": "DEL", "quota": 6}])
    );
    assert_eq!(civ["focal_point_email"], "protocol@example.ci");

    // A delegation whose badges are printed: renaming is explained first,
    // removing is refused.
    printed_badge(&a, "DEL");
    let err = a.fails(&["delegations", "edit", "KEN", "--name", "Republic of Kenya"]);
    assert!(
        err.contains("1 printed badge of KEN shows the old name"),
        "{err}"
    );
    a.ok(&[
        "delegations",
        "edit",
        "KEN",
        "--name",
        "Republic of Kenya",
        "--confirm",
    ]);
    let err = a.fails(&["delegations", "remove", "KEN"]);
    assert!(err.contains("has 1 participant"), "{err}");
    a.ok(&["delegations", "remove", "CYBERLAB"]);
}
