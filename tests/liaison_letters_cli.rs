//! Issue 17 through the real binary: a liaison officer collects a
//! delegation's badges against one receipt whose names read back from the
//! PDF's text; letters carry a signed code that opens its participant and
//! that a gate refuses as not a badge.
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

fn ok(a: &Accredit, operator: &str, args: &[&str]) -> String {
    let out = a
        .command_as(operator, args)
        .env("ACCREDIT_NOW", DURING)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "accredit {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn fails(a: &Accredit, operator: &str, args: &[&str]) -> String {
    let out = a
        .command_as(operator, args)
        .env("ACCREDIT_NOW", DURING)
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "accredit {args:?} should have failed"
    );
    String::from_utf8(out.stderr).unwrap()
}

fn json(a: &Accredit, operator: &str, args: &[&str]) -> Value {
    serde_json::from_str(&ok(a, operator, args)).unwrap()
}

/// The text of each page, read through the fonts' /ToUnicode maps.
fn pdf_text(pdf: &[u8]) -> Vec<String> {
    let mut warnings = Vec::new();
    let doc =
        printpdf::PdfDocument::parse(pdf, &printpdf::PdfParseOptions::default(), &mut warnings)
            .expect("the PDF parses");
    doc.extract_text()
        .into_iter()
        .map(|p| p.join("\n"))
        .collect()
}

/// Whether a name comes out of printpdf's text extraction as written: it
/// reads glyphs through /ToUnicode, ignoring /ActualText, so scripts that
/// shape or reorder (Arabic, Devanagari, Thai…) come out in glyph order and
/// are checked by hand with pdftotext instead. Latin, Cyrillic, Greek,
/// Vietnamese and Chinese come out as written.
fn extractable(name: &str) -> bool {
    name.chars().all(|c| {
        (c as u32) < 0x0590
            || ('\u{1E00}'..='\u{1EFF}').contains(&c)
            || ('\u{3400}'..='\u{9FFF}').contains(&c)
    })
}

fn participants_of(a: &Accredit, delegation: &str) -> Vec<Value> {
    json(
        a,
        "admin",
        &["participants", "list", "--delegation", delegation, "--json"],
    )
    .as_array()
    .unwrap()
    .clone()
}

#[test]
fn a_liaison_officer_collects_a_delegation_with_one_receipt() {
    let a = Accredit::demo(200);
    let dir = a.data_dir();
    // A delegation with printed badges not yet handed over.
    let badges = json(&a, "admin", &["badges", "list", "--json"]);
    let badges = badges.as_array().unwrap();
    let waiting = |p: &Value| {
        badges.iter().any(|b| {
            b["participant"] == p["id"]
                && b["status"] == "active"
                && b["print_count"].as_u64() > Some(0)
                && b["collected"].is_null()
        })
    };
    let code = [
        "HOST", "SAU", "VNM", "FRA", "CHN", "RUS", "USA", "JPN", "DEU",
    ]
    .into_iter()
    .find(|c| participants_of(&a, c).iter().filter(|p| waiting(p)).count() >= 2)
    .expect("a demo delegation with printed badges waiting");
    let members = participants_of(&a, code);
    let expected: Vec<&Value> = members.iter().filter(|p| waiting(p)).collect();

    // A gate officer may not hand over; the liaison's name is required.
    let receipt = dir.join("receipt.pdf");
    let r = receipt.to_str().unwrap();
    fails(
        &a,
        "gate",
        &[
            "badges",
            "hand-over",
            "--delegation",
            code,
            "--collected-by",
            "X",
            "--id-check",
            "P1",
            "-o",
            r,
        ],
    );
    let err = fails(
        &a,
        "clerk",
        &[
            "badges",
            "hand-over",
            "--delegation",
            code,
            "--collected-by",
            " ",
            "--id-check",
            "P1",
            "-o",
            r,
        ],
    );
    assert!(
        err.contains("collected_by") || err.contains("liaison"),
        "{err}"
    );
    assert!(!receipt.exists());

    let s = json(
        &a,
        "clerk",
        &[
            "badges",
            "hand-over",
            "--delegation",
            code,
            "--collected-by",
            "Nguyễn Thị Hồng Nhung",
            "--id-check",
            "diplomatic passport D7654321 seen",
            "-o",
            r,
            "--json",
        ],
    );
    assert_eq!(s["handed_over"].as_array().unwrap().len(), expected.len());
    // Each badge is collected by the liaison, with an audit entry.
    let after = json(&a, "admin", &["badges", "list", "--json"]);
    for p in &expected {
        let b = after
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["participant"] == p["id"] && b["status"] == "active")
            .unwrap();
        let check = b["collected"]["id_check"].as_str().unwrap();
        assert!(
            check.starts_with("collected by Nguyễn Thị Hồng Nhung for the delegation"),
            "{check}"
        );
    }
    let audit = ok(&a, "admin", &["audit", "list", "--json"]);
    assert!(audit.contains("delegation.liaison_collect"));

    // The receipt: names, serials, the liaison and the clerk, as text.
    let pdf = std::fs::read(&receipt).unwrap();
    let text = pdf_text(&pdf).join("\n");
    assert!(text.contains("Badge collection receipt"), "{text}");
    assert!(text.contains("Nguyễn Thị Hồng Nhung"), "{text}");
    assert!(text.contains("clerk"));
    for line in s["handed_over"].as_array().unwrap() {
        let name = line["name"].as_str().unwrap();
        if extractable(name) {
            assert!(text.contains(name), "{name} not in the receipt:\n{text}");
        }
        assert!(text.contains(&line["serial"].to_string()));
    }
    for line in s["still_to_come"].as_array().unwrap() {
        let name = line["name"].as_str().unwrap();
        if extractable(name) {
            assert!(
                text.contains(name),
                "{name} (still to come) not in the receipt"
            );
        }
    }
    if !s["still_to_come"].as_array().unwrap().is_empty() {
        assert!(text.contains("Still to come"));
    }
    // Nothing is left to hand over now, and the single hand-over still works
    // as before (and refuses a badge already collected).
    let err = fails(
        &a,
        "clerk",
        &[
            "badges",
            "hand-over",
            "--delegation",
            code,
            "--collected-by",
            "X",
            "--id-check",
            "P1",
            "-o",
            dir.join("r2.pdf").to_str().unwrap(),
        ],
    );
    assert!(err.contains("no printed badge"), "{err}");
    let id = expected[0]["id"].to_string();
    let err = fails(
        &a,
        "clerk",
        &["badges", "hand-over", &id, "--id-check", "passport seen"],
    );
    assert!(err.contains("already handed over"), "{err}");
}

#[test]
fn the_same_collection_gives_the_same_receipt() {
    // Two stores built the same way, the same hand-over at the same instant.
    let make = || {
        let a = Accredit::demo(120);
        let out = a.data_dir().join("receipt.pdf");
        let s = json(
            &a,
            "clerk",
            &[
                "badges",
                "hand-over",
                "--delegation",
                "SAU",
                "--collected-by",
                "Trần Văn Minh",
                "--id-check",
                "passport B1 seen",
                "-o",
                out.to_str().unwrap(),
                "--json",
            ],
        );
        (std::fs::read(out).unwrap(), s)
    };
    let (first, s1) = make();
    let (second, s2) = make();
    assert_eq!(s1, s2);
    assert!(first == second, "the same data gives the same bytes");
}

#[test]
fn letters_open_their_participant_and_are_refused_at_gates() {
    let a = Accredit::demo(120);
    let dir = a.data_dir();
    let out = dir.join("letters.pdf");
    let o = out.to_str().unwrap();
    // Viewers write no letters.
    fails(&a, "viewer", &["letters", "--kind", "visa", "-o", o]);
    let s = json(
        &a,
        "clerk",
        &[
            "letters",
            "--kind",
            "visa",
            "--delegation",
            "VNM",
            "--delegation",
            "SAU",
            "--delegation",
            "CHN",
            "-o",
            o,
            "--json",
        ],
    );
    let letters = s["letters"].as_u64().unwrap() as usize;
    assert!(letters > 0);
    assert!(s["pages"].as_u64().unwrap() as usize >= letters);
    // Only approved people get one.
    for skipped in s["skipped"].as_array().unwrap() {
        assert!(skipped["reason"].as_str().unwrap().contains("approved"));
    }
    let pdf = std::fs::read(&out).unwrap();
    let pages = pdf_text(&pdf);
    let text = pages.join("\n");
    // Names in Vietnamese and Chinese read back from the text.
    let ids: Vec<i64> = s["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    let mut checked = 0;
    for id in &ids {
        let p = json(
            &a,
            "admin",
            &["participants", "show", &id.to_string(), "--json"],
        );
        let given = p["given_names"].as_str().unwrap();
        if given.is_empty() || !extractable(given) {
            continue;
        }
        assert!(text.contains(given), "{given} not in the letters");
        checked += 1;
    }
    assert!(checked > 0);
    assert!(text.contains("Visa application in support of participation"));
    // The same data gives the same bytes.
    let again = dir.join("again.pdf");
    json(
        &a,
        "clerk",
        &[
            "letters",
            "--kind",
            "visa",
            "--delegation",
            "VNM",
            "--delegation",
            "SAU",
            "--delegation",
            "CHN",
            "-o",
            again.to_str().unwrap(),
            "--json",
        ],
    );
    assert!(std::fs::read(&again).unwrap() == pdf);

    // With clearance on, an uncleared person gets no letter.
    ok(&a, "admin", &["event", "set", "--clearance", "all"]);
    let err = fails(
        &a,
        "clerk",
        &[
            "letters",
            "--kind",
            "acknowledgement",
            "--participant",
            &ids[0].to_string(),
            "-o",
            o,
        ],
    );
    assert!(err.contains("cleared"), "{err}");

    // A template edit shows in the next letters; a bad placeholder is refused.
    let body = dir.join("body.txt");
    std::fs::write(&body, "Dear {name},\n\nYou are {nope}.").unwrap();
    let err = fails(
        &a,
        "admin",
        &[
            "letters",
            "--kind",
            "visa",
            "--template",
            "--body-file",
            body.to_str().unwrap(),
        ],
    );
    assert!(err.contains("{nope}"), "{err}");
    fails(
        &a,
        "clerk",
        &["letters", "--kind", "visa", "--template", "--subject", "X"],
    );
    let t = json(
        &a,
        "admin",
        &[
            "letters",
            "--kind",
            "visa",
            "--template",
            "--subject",
            "Lettre pour {name}",
            "--json",
        ],
    );
    assert_eq!(t["subject"], "Lettre pour {name}");
}

#[test]
fn a_letter_code_is_refused_at_a_gate() {
    let a = Accredit::demo(60);
    let out = a.data_dir().join("letter.pdf");
    let s = json(
        &a,
        "clerk",
        &[
            "letters",
            "--kind",
            "acknowledgement",
            "--delegation",
            "VNM",
            "-o",
            out.to_str().unwrap(),
            "--json",
        ],
    );
    let pdf = std::fs::read(&out).unwrap();
    // Read the code back from the rendered page, as a scanner would.
    let pages = raster_qr_texts(&pdf);
    assert_eq!(pages.len(), s["pages"].as_u64().unwrap() as usize);
    let code = pages[0].clone();
    assert!(code.starts_with("ACL1:"), "{code}");
    let v: Value = serde_json::from_str(&ok(
        &a,
        "gate",
        &[
            "scan",
            &code,
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
    assert_eq!(v["verdict"], "NOT_A_BADGE");
    assert_eq!(v["passed"], false);
}

mod raster;

/// The QR code at the foot of each page, read as a scanner would (rqrr
/// misses some symbols at one resolution and reads them at another, so
/// 200, 250 and 300 dpi are tried in turn).
fn raster_qr_texts(pdf: &[u8]) -> Vec<String> {
    let pages = raster::page_count(pdf);
    (0..pages)
        .filter_map(|n| {
            [200.0, 250.0, 300.0].into_iter().find_map(|dpi| {
                let page = raster::rasterise(pdf, dpi).swap_remove(n);
                let foot = page.crop_mm(120.0, 190.0, 90.0, 107.0);
                raster::read_qr_codes(&foot)
                    .into_iter()
                    .next()
                    .map(|q| q.text)
            })
        })
        .collect()
}

/// A delegation's badges handed to its liaison officer with the receipt in
/// `lang`; `None` when the delegation has no printed badge waiting.
fn hand_over_in(a: &Accredit, code: &str, lang: &str, out: &std::path::Path) -> Option<Value> {
    let o = a
        .command_as(
            "clerk",
            &[
                "badges",
                "hand-over",
                "--delegation",
                code,
                "--collected-by",
                "Trần Văn Minh",
                "--id-check",
                "passport B1 seen",
                "--lang",
                lang,
                "-o",
                out.to_str().unwrap(),
                "--json",
            ],
        )
        .env("ACCREDIT_NOW", DURING)
        .output()
        .unwrap();
    o.status
        .success()
        .then(|| serde_json::from_slice(&o.stdout).unwrap())
}

#[test]
fn receipts_and_letters_are_written_in_vietnamese_and_french() {
    let a = Accredit::demo(200);
    let dir = a.data_dir();
    let mut codes = [
        "SAU", "HOST", "VNM", "FRA", "CHN", "RUS", "USA", "JPN", "DEU",
    ]
    .into_iter();
    let mut receipt = |lang: &str| {
        let out = dir.join(format!("receipt-{lang}.pdf"));
        let s = codes
            .by_ref()
            .find_map(|code| hand_over_in(&a, code, lang, &out))
            .expect("a demo delegation with printed badges waiting");
        (pdf_text(&std::fs::read(&out).unwrap()).join("\n"), s)
    };

    let (fr, s) = receipt("fr");
    for words in [
        "Reçu de remise des badges",
        "Retirés par",
        "Pièce d’identité",
        "Badges remis",
        "Remis par (bureau d’accréditation)",
        "Reçus par (officier de liaison)",
        "25–26 octobre 2025",
        "25/10/2025 09:00",
        "Trần Văn Minh",
        "Page 1 sur 1",
    ] {
        assert!(
            fr.contains(words),
            "{words:?} not in the French receipt:\n{fr}"
        );
    }
    // The summary (the CLI's JSON) stays English.
    for line in s["still_to_come"].as_array().unwrap() {
        let note = line["note"].as_str().unwrap();
        assert!(
            ["awaiting clearance", "not approved yet", "not printed yet"].contains(&note),
            "{note}"
        );
    }

    let (vi, _) = receipt("vi");
    for words in [
        "Biên bản giao nhận thẻ",
        "Người nhận",
        "Giấy tờ tùy thân",
        "Thẻ đã trao",
        "Bên giao (bộ phận cấp thẻ)",
        "Bên nhận (cán bộ liên lạc)",
        "ngày 25–26 tháng 10 năm 2025",
        "25/10/2025 09:00",
        "Trang 1/1",
    ] {
        assert!(
            vi.contains(words),
            "{words:?} not in the Vietnamese receipt:\n{vi}"
        );
    }

    // Letters: the fixed words, the dates and the default template.
    let letters = |kind: &str, lang: &str| {
        let out = dir.join(format!("{kind}-{lang}.pdf"));
        let s = json(
            &a,
            "clerk",
            &[
                "letters",
                "--kind",
                kind,
                "--delegation",
                "VNM",
                "--delegation",
                "SAU",
                "--delegation",
                "CHN",
                "--lang",
                lang,
                "-o",
                out.to_str().unwrap(),
                "--json",
            ],
        );
        assert!(s["letters"].as_u64().unwrap() > 0);
        (pdf_text(&std::fs::read(&out).unwrap()).join("\n"), s)
    };
    let (fr, s) = letters("visa", "fr");
    for words in [
        "Demande de visa en vue de la participation",
        "Aux autorités consulaires concernées,",
        "Le Bureau des accréditations",
        "Lettre d’appui à une demande de visa",
        // The letter's date (25 October 2025, the day it is written).
        "25 octobre 2025",
        "Page 1 sur ",
    ] {
        assert!(
            fr.contains(words),
            "{words:?} not in the French letters:\n{fr}"
        );
    }
    assert!(!fr.contains("Visa application"), "{fr}");
    // Why someone got no letter stays English in the JSON.
    for skipped in s["skipped"].as_array().unwrap() {
        assert!(skipped["reason"].as_str().unwrap().contains("approved"));
    }
    let (vi, _) = letters("acknowledgement", "vi");
    for words in [
        "Xác nhận đăng ký tham dự",
        "Kính gửi",
        "Chúng tôi rất hân hạnh được đón tiếp Quý vị.",
        "Ban Cấp thẻ",
        "Thư xác nhận đăng ký đại biểu",
        "ngày 25 tháng 10 năm 2025",
        "Trang 1/",
    ] {
        assert!(
            vi.contains(words),
            "{words:?} not in the Vietnamese letters:\n{vi}"
        );
    }

    // The default template as each language has it; an administrator's
    // template is written as they wrote it, whatever the language.
    let t = json(
        &a,
        "admin",
        &[
            "letters",
            "--kind",
            "visa",
            "--template",
            "--lang",
            "fr",
            "--json",
        ],
    );
    assert_eq!(
        t["subject"],
        "Demande de visa en vue de la participation à « {event} »"
    );
    json(
        &a,
        "admin",
        &[
            "letters",
            "--kind",
            "acknowledgement",
            "--template",
            "--subject",
            "Welcome, {name}",
            "--json",
        ],
    );
    let (vi, _) = letters("acknowledgement", "vi");
    for words in [
        "Welcome, ",
        "Dear ",
        "The Accreditation Office",
        "Thư xác nhận đăng ký đại biểu",
        "ngày 25 tháng 10 năm 2025",
    ] {
        assert!(vi.contains(words), "{words:?} not in the letters:\n{vi}");
    }

    // A code the application does not speak: one line naming the flag.
    let err = fails(
        &a,
        "clerk",
        &[
            "letters", "--kind", "visa", "--lang", "klingon", "-o", "x.pdf",
        ],
    );
    assert_eq!(
        err.trim(),
        "error: --lang: \"klingon\" is not a language Accredit speaks (one of en, vi, fr, ar, zh, ru, es)"
    );
}

/// Without `--lang`, letters, receipts and reports are written in the event's
/// document language (`event set --language`), audited; `--lang` still wins.
#[test]
fn documents_follow_the_events_language_unless_a_command_names_another() {
    let a = Accredit::demo(200);
    let dir = a.data_dir();
    let letter = |args: &[&str]| {
        let out = dir.join("letter.pdf");
        let mut all = vec!["letters", "--kind", "visa", "--delegation", "VNM"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["-o", out.to_str().unwrap()]);
        ok(&a, "clerk", &all);
        pdf_text(&std::fs::read(&out).unwrap()).join("\n")
    };
    assert!(letter(&[]).contains("To the consular authorities concerned,"));

    let said = ok(&a, "admin", &["event", "set", "--language", "fr"]);
    assert_eq!(said.trim(), "Documents are written in Français (fr).");
    let set = json(&a, "admin", &["event", "set", "--language", "fr", "--json"]);
    assert_eq!(set, serde_json::json!({"language": "fr"}));
    assert!(letter(&[]).contains("Aux autorités consulaires concernées,"));
    assert!(letter(&["--lang", "en"]).contains("To the consular authorities concerned,"));

    let report = dir.join("report.pdf");
    ok(
        &a,
        "supervisor",
        &[
            "report",
            "attendance",
            "--format",
            "pdf",
            "-o",
            report.to_str().unwrap(),
        ],
    );
    let text = pdf_text(&std::fs::read(&report).unwrap()).join("\n");
    assert!(text.contains("octobre 2025"), "{text}");

    let refused = fails(&a, "clerk", &["event", "set", "--language", "vi"]);
    assert!(refused.contains("may not"), "{refused}");
    let err = fails(&a, "admin", &["event", "set", "--language", "klingon"]);
    assert!(
        err.contains("\"klingon\" is not a language Accredit speaks"),
        "{err}"
    );
    // Set twice to French: one change, one entry.
    let audit = json(&a, "admin", &["audit", "list", "--by", "admin", "--json"]);
    let changes: Vec<&Value> = audit
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "event.language")
        .collect();
    assert_eq!(changes.len(), 1, "{audit}");
}
