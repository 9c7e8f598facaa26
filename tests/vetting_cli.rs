//! Issue 17, security vetting through the real binary: with clearance on, a
//! clerk cannot print or hand over an uncleared person; the list goes out as
//! one batch; the answered file marks people cleared; a refusal after
//! printing revokes the badge and the gate says REVOKED.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

mod common;

use common::Accredit;
use serde_json::Value;

/// 25 October 2025, 09:00 in Hanoi: during the demo event.
const DURING: &str = "1761357600";
const MAIN: &str = "Main entrance (Thăng Long Boulevard) – Plenary hall";

fn at(a: &Accredit, operator: &str, args: &[&str]) -> std::process::Output {
    a.command_as(operator, args)
        .env("ACCREDIT_NOW", DURING)
        .output()
        .unwrap()
}

fn ok(a: &Accredit, operator: &str, args: &[&str]) -> String {
    let out = at(a, operator, args);
    assert!(
        out.status.success(),
        "accredit {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn fails(a: &Accredit, operator: &str, args: &[&str]) -> String {
    let out = at(a, operator, args);
    assert!(
        !out.status.success(),
        "accredit {args:?} should have failed"
    );
    String::from_utf8(out.stderr).unwrap()
}

fn json(a: &Accredit, operator: &str, args: &[&str]) -> Value {
    serde_json::from_str(&ok(a, operator, args)).unwrap()
}

fn active_badge(a: &Accredit, participant: i64) -> Option<Value> {
    json(
        a,
        "admin",
        &[
            "badges",
            "list",
            "--participant",
            &participant.to_string(),
            "--json",
        ],
    )
    .as_array()
    .unwrap()
    .iter()
    .find(|b| b["status"] == "active")
    .cloned()
}

/// Reads a vetting CSV (BOM, header) as rows of cells.
fn read_csv(path: &std::path::Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
    r.records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect()
}

fn write_csv(path: &std::path::Path, rows: &[Vec<String>]) {
    let mut w = csv::Writer::from_path(path).unwrap();
    for row in rows {
        w.write_record(row).unwrap();
    }
    w.flush().unwrap();
}

fn reference_id(reference: &str) -> Option<i64> {
    reference.rsplit('-').next()?.parse().ok()
}

#[test]
fn vetting_gates_printing_and_hand_over_and_a_refusal_revokes() {
    let a = Accredit::demo(120);
    let dir = a.data_dir();
    // Off by default: printing works as before.
    let status = json(&a, "supervisor", &["vetting", "status", "--json"]);
    assert_eq!(status["clearance"], "off");
    // Only an administrator sets the rule; unknown categories are refused.
    fails(&a, "clerk", &["event", "set", "--clearance", "all"]);
    let err = fails(&a, "admin", &["event", "set", "--clearance", "NOPE"]);
    assert!(err.contains("NOPE"), "{err}");
    ok(&a, "admin", &["event", "set", "--clearance", "all"]);

    // A clerk can neither print nor hand over anyone now.
    let pdf = dir.join("badges.pdf");
    let err = fails(
        &a,
        "clerk",
        &[
            "badges",
            "print",
            "--delegation",
            "VNM",
            "-o",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(err.contains("not cleared by security"), "{err}");
    assert!(!pdf.exists());
    let badges = json(&a, "admin", &["badges", "list", "--json"]);
    let printed_uncollected = badges
        .as_array()
        .unwrap()
        .iter()
        .find(|b| {
            b["status"] == "active"
                && b["print_count"].as_u64() > Some(0)
                && b["collected"].is_null()
        })
        .expect("the demo has printed badges not handed over");
    let holder = printed_uncollected["participant"].as_i64().unwrap();
    let err = fails(
        &a,
        "clerk",
        &[
            "badges",
            "hand-over",
            &holder.to_string(),
            "--id-check",
            "passport seen",
        ],
    );
    assert!(err.contains("not cleared by security"), "{err}");

    // Only supervisors send lists.
    let list = dir.join("vetting.csv");
    let photos = dir.join("photos.zip");
    fails(
        &a,
        "clerk",
        &["vetting", "export", "-o", list.to_str().unwrap()],
    );
    let sent = json(
        &a,
        "supervisor",
        &[
            "vetting",
            "export",
            "--photos",
            photos.to_str().unwrap(),
            "-o",
            list.to_str().unwrap(),
            "--json",
        ],
    );
    let people = sent["people"].as_u64().unwrap() as usize;
    assert!(people > 10);
    let mut rows = read_csv(&list);
    assert_eq!(
        rows[0],
        [
            "reference",
            "family_name",
            "given_names",
            "date_of_birth",
            "gender",
            "nationality",
            "document_type",
            "document_number",
            "document_expiry",
            "function",
            "delegation",
            "category",
            "photo",
            "clearance",
            "reason"
        ]
    );
    assert_eq!(rows.len(), people + 1);
    // The photos are in the archive, named by reference.
    let zip = zip::ZipArchive::new(std::fs::File::open(&photos).unwrap()).unwrap();
    assert_eq!(zip.len(), sent["photos"].as_u64().unwrap() as usize);
    let with_photo = rows.iter().skip(1).find(|r| !r[12].is_empty()).unwrap();
    assert!(
        zip.file_names()
            .any(|n| n.is_ok_and(|n| n == with_photo[12]))
    );
    // Nothing is left to send with --not-sent.
    let err = fails(
        &a,
        "supervisor",
        &[
            "vetting",
            "export",
            "--not-sent",
            "-o",
            dir.join("again.csv").to_str().unwrap(),
        ],
    );
    assert!(err.contains("nobody to send"), "{err}");

    // The answers: everyone cleared except the holder (refused, after
    // printing) and one asked for more, in French and Vietnamese words.
    let holder_row = rows
        .iter()
        .position(|r| reference_id(&r[0]) == Some(holder))
        .expect("the holder was sent");
    for (i, row) in rows.iter_mut().enumerate().skip(1) {
        row[13] = "Đạt".into();
        if i == holder_row {
            row[13] = "Refusé".into();
            row[14] = "Listed by Interpol".into();
        }
    }
    rows[if holder_row == 1 { 2 } else { 1 }][13] = "Bổ sung".into();
    rows[if holder_row == 1 { 2 } else { 1 }][14] = "Proof of employment".into();
    let unknown = vec![
        "HN25-999999".to_string(),
        "X".into(),
        "Y".into(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        "cleared".into(),
        String::new(),
    ];
    rows.push(unknown);
    let mut unreadable = rows[3].clone();
    unreadable[13] = "peut-être".into();
    rows.push(unreadable);
    let answered = dir.join("answered.csv");
    write_csv(&answered, &rows);
    // Reading back before printing the holder's badge: the demo printed it.
    assert!(active_badge(&a, holder).is_some());
    let report = json(
        &a,
        "supervisor",
        &["vetting", "import", answered.to_str().unwrap(), "--json"],
    );
    assert_eq!(report["refused"], 1);
    assert_eq!(report["more_information"], 1);
    assert_eq!(report["cleared"].as_u64().unwrap() as usize, people - 2);
    let problems = report["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0]["reason"]
            .as_str()
            .unwrap()
            .contains("unknown reference")
    );
    assert_eq!(problems[0]["line"], people as u64 + 2);
    assert!(
        problems[1]["reason"].as_str().unwrap().contains("twice")
            || problems[1]["reason"]
                .as_str()
                .unwrap()
                .contains("not an answer")
    );
    let revoked = report["revoked"].as_array().unwrap();
    assert_eq!(revoked.len(), 1);
    let serial = printed_uncollected["serial"].as_u64().unwrap();
    assert_eq!(revoked[0].as_u64(), Some(serial));
    assert!(active_badge(&a, holder).is_none());

    // The gate says REVOKED.
    let v: Value = serde_json::from_str(&ok(
        &a,
        "gate",
        &[
            "scan",
            printed_uncollected["credential"].as_str().unwrap(),
            "--checkpoint",
            MAIN,
            "--direction",
            "entry",
            "--at",
            DURING,
            "--station",
            "Lane 1",
            "--json",
        ],
    ))
    .unwrap();
    assert_eq!(v["verdict"], "REVOKED");

    // The reason is the supervisor's to read; the clerk sees "refused" only.
    let badge_list = ok(
        &a,
        "clerk",
        &["badges", "list", "--participant", &holder.to_string()],
    );
    assert!(!badge_list.contains("Interpol"), "{badge_list}");
    let export = dir.join("participants.csv");
    ok(
        &a,
        "admin",
        &["export", "participants", "-o", export.to_str().unwrap()],
    );
    assert!(
        !std::fs::read_to_string(&export)
            .unwrap()
            .contains("Interpol")
    );

    // Cleared people print now; the one asked for more is skipped with why.
    let summary = json(
        &a,
        "clerk",
        &["badges", "print", "-o", pdf.to_str().unwrap(), "--json"],
    );
    assert!(summary["badges"].as_u64().unwrap() > 0);
    let skipped = summary["skipped"].as_array().unwrap();
    assert!(skipped.iter().any(|s| s["reason"] == "refused by security"));
    assert!(
        skipped
            .iter()
            .any(|s| s["reason"] == "not cleared by security (more information requested)")
    );
    // Importing the same answers again changes nothing.
    let again = json(
        &a,
        "supervisor",
        &["vetting", "import", answered.to_str().unwrap(), "--json"],
    );
    assert_eq!(again["cleared"], 0);
    assert_eq!(again["unchanged"].as_u64().unwrap() as usize, people);
    let status = json(&a, "supervisor", &["vetting", "status", "--json"]);
    assert_eq!(status["batches"][0]["waiting"], 0);
    assert_eq!(status["batches"][0]["refused"], 1);
    // The audit trail holds the batch and the answers.
    let audit = ok(&a, "admin", &["audit", "list", "--json"]);
    assert!(audit.contains("vetting.send") && audit.contains("vetting.answers"));
}

/// The report names every row it did not apply: an unreadable answer, an
/// answer for someone never sent, and a row still without an answer.
#[test]
fn the_answers_report_names_unreadable_unsent_and_unanswered_rows() {
    let a = Accredit::demo(120);
    let dir = a.data_dir();
    ok(&a, "admin", &["event", "set", "--clearance", "all"]);
    // The largest delegation is sent; the others are not.
    let everyone = json(&a, "admin", &["participants", "list", "--json"]);
    let mut sizes = std::collections::BTreeMap::<String, usize>::new();
    for p in everyone.as_array().unwrap() {
        *sizes
            .entry(p["delegation"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    let largest = sizes.iter().max_by_key(|(_, n)| **n).unwrap().0.clone();
    let sent = dir.join("sent.csv");
    ok(
        &a,
        "supervisor",
        &[
            "vetting",
            "export",
            "--delegation",
            &largest,
            "-o",
            sent.to_str().unwrap(),
        ],
    );
    let rows = read_csv(&sent);
    assert!(rows.len() >= 3, "{rows:?}");
    let sent_ids: Vec<i64> = rows[1..]
        .iter()
        .filter_map(|r| reference_id(&r[0]))
        .collect();
    // Someone of another delegation, never sent.
    let never_sent = everyone
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_i64().unwrap())
        .find(|id| !sent_ids.contains(id))
        .unwrap();
    let prefix = rows[1][0].rsplit_once('-').unwrap().0.to_string();
    let answers = vec![
        vec!["reference".to_string(), "clearance".into(), "reason".into()],
        vec![rows[1][0].clone(), "peut-être".into(), String::new()],
        vec![rows[2][0].clone(), String::new(), String::new()],
        vec![
            format!("{prefix}-{never_sent}"),
            "cleared".into(),
            String::new(),
        ],
    ];
    let answered = dir.join("answers.csv");
    write_csv(&answered, &answers);
    let report = json(
        &a,
        "supervisor",
        &["vetting", "import", answered.to_str().unwrap(), "--json"],
    );
    assert_eq!(report["cleared"], 0, "{report}");
    let problems = report["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 2, "{report}");
    assert_eq!(problems[0]["line"], 2);
    assert_eq!(problems[0]["reference"], rows[1][0].as_str());
    assert!(
        problems[0]["reason"]
            .as_str()
            .unwrap()
            .contains("\"peut-être\" is not an answer"),
        "{report}"
    );
    assert_eq!(problems[1]["line"], 4);
    assert!(
        problems[1]["reason"]
            .as_str()
            .unwrap()
            .contains("never sent to security"),
        "{report}"
    );
    assert_eq!(report["unanswered"], 1);
    let waiting = report["unanswered_rows"].as_array().unwrap();
    assert_eq!(waiting.len(), 1, "{report}");
    assert_eq!(waiting[0]["line"], 3);
    assert_eq!(waiting[0]["reference"], rows[2][0].as_str());
    // The text report names the same rows.
    let text = ok(
        &a,
        "supervisor",
        &["vetting", "import", answered.to_str().unwrap(), "--dry-run"],
    );
    assert!(
        text.contains(&format!("line 3: {} — no answer", rows[2][0])),
        "{text}"
    );
    assert!(text.contains("line 4:"), "{text}");
}
