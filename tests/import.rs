//! Nomination imports end to end through the real binary: the corpus of
//! nasty inputs in tests/data/import (each encoding, separator, BOM, quoted
//! line breaks, title rows and merged headers, formulas, truncated and
//! binary files) with the report each must give; 10,000 rows; re-import.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

mod common;

use std::path::{Path, PathBuf};

use common::Accredit;
use serde_json::Value;

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/import")
        .join(name)
}

fn participant_count(a: &Accredit) -> i64 {
    a.json(&["event", "show", "--json"])["participants"]
        .as_i64()
        .unwrap()
}

/// What importing one corpus file must report.
struct Expect {
    file: &'static str,
    format: &'static str,
    encoding: Option<&'static str>,
    separator: Option<&'static str>,
    sheet: Option<&'static str>,
    header_line: u64,
    rows: u64,
    imported: u64,
    rejected: u64,
    /// (line, column, part of the reason)
    problems: &'static [(u64, &'static str, &'static str)],
    /// (family name, given names) of the participants imported, in order.
    names: &'static [(&'static str, &'static str)],
}

const CSV: Expect = Expect {
    file: "",
    format: "csv",
    encoding: Some("UTF-8"),
    separator: Some(","),
    sheet: None,
    header_line: 1,
    rows: 0,
    imported: 0,
    rejected: 0,
    problems: &[],
    names: &[],
};

const CASES: &[Expect] = &[
    Expect {
        file: "utf8-comma.csv",
        rows: 3,
        imported: 3,
        names: &[
            ("Nguyễn", "Thị Bích Ngọc"),
            ("王", "小明"),
            ("عبد الله", "محمد"),
        ],
        ..CSV
    },
    Expect {
        file: "utf8-bom-semicolon.csv",
        separator: Some(";"),
        rows: 2,
        imported: 2,
        names: &[("Lefèvre", "Hélène"), ("Van den Broeck", "Jérôme")],
        ..CSV
    },
    Expect {
        file: "utf16le-tab.txt",
        encoding: Some("UTF-16LE"),
        separator: Some("tab"),
        rows: 2,
        imported: 2,
        names: &[("Иванова", "Мария Сергеевна"), ("Ковальчук", "Алесь")],
        ..CSV
    },
    Expect {
        file: "windows-1252.csv",
        encoding: Some("windows-1252"),
        separator: Some(";"),
        rows: 3,
        imported: 3,
        names: &[
            ("Muñoz Peña", "José Ángel"),
            ("Gómez", "María Fernanda"),
            ("Bœuf", "François"),
        ],
        ..CSV
    },
    Expect {
        file: "windows-1251.csv",
        encoding: Some("windows-1251"),
        rows: 2,
        imported: 2,
        names: &[
            ("Смирнов", "Алексей Петрович"),
            ("Кузнецова", "Ольга Игоревна"),
        ],
        ..CSV
    },
    Expect {
        file: "windows-1258.csv",
        encoding: Some("windows-1258"),
        rows: 3,
        imported: 3,
        names: &[
            ("Trần", "Thị Hương"),
            ("Phạm", "Đức Thắng"),
            ("Lê", "Quốc Bảo"),
        ],
        ..CSV
    },
    Expect {
        file: "quoted-newlines.csv",
        rows: 3,
        imported: 2,
        rejected: 1,
        problems: &[(10, "Category", "\"XXX\" is not a category of this event")],
        names: &[("O'Neill", "Siobhán"), ("Smith", "John \"Jack\"")],
        ..CSV
    },
    Expect {
        file: "multilingual-headers.csv",
        rows: 1,
        imported: 1,
        names: &[("Tremblay", "Geneviève")],
        ..CSV
    },
    Expect {
        file: "rejections.csv",
        rows: 10,
        imported: 1,
        rejected: 9,
        problems: &[
            (
                2,
                "Date of birth",
                "reads as month/day/year; write the day first (25/10/1970) or 1970-10-25",
            ),
            (3, "Date of birth", "\"1970-02-30\" is not a date"),
            (4, "Category", "\"ZZZ\" is not a category of this event"),
            (5, "Delegation", "\"XXX\" is not a delegation of this event"),
            (
                6,
                "Passport expiry",
                "expires on 2025-10-01, before the event ends on 2025-10-26",
            ),
            (7, "E-mail", "\"anna.ricci@\" is not an e-mail address"),
            (8, "Family name", "is 300 characters long; at most 100 fit"),
            (9, "Family name", "is required"),
            (10, "Gender", "\"?\" is not a gender"),
        ],
        names: &[("Bruno", "Chiara")],
        ..CSV
    },
    Expect {
        file: "truncated.csv",
        rows: 2,
        imported: 1,
        rejected: 1,
        problems: &[
            (3, "Family name", "could not be decoded"),
            (3, "", "the file looks cut off"),
        ],
        names: &[("Müller", "Jürgen")],
        ..CSV
    },
    Expect {
        file: "title-and-merged-header.xlsx",
        format: "xlsx",
        encoding: None,
        separator: None,
        sheet: Some("Danh sách"),
        header_line: 4,
        rows: 2,
        imported: 2,
        names: &[("山田", "太郎"), ("Suzuki", "Hanako")],
        ..CSV
    },
    Expect {
        file: "formulas.xlsx",
        format: "xlsx",
        encoding: None,
        separator: None,
        sheet: Some("Sheet1"),
        rows: 2,
        imported: 1,
        rejected: 1,
        problems: &[(
            3,
            "Family name",
            "cell C3 holds a formula (=UPPER(H3)) with no saved value",
        )],
        names: &[("Kim", "Min-jun")],
        ..CSV
    },
];

fn check_report(case: &Expect, r: &Value) {
    let file = case.file;
    assert_eq!(r["format"], case.format, "{file}");
    assert_eq!(r["encoding"].as_str(), case.encoding, "{file}");
    assert_eq!(r["separator"].as_str(), case.separator, "{file}");
    assert_eq!(r["sheet"].as_str(), case.sheet, "{file}");
    assert_eq!(r["header_line"], case.header_line, "{file}");
    assert_eq!(r["rows"], case.rows, "{file}: {r:#}");
    assert_eq!(r["imported"], case.imported, "{file}: {r:#}");
    assert_eq!(r["updated"], 0, "{file}");
    assert_eq!(r["unchanged"], 0, "{file}");
    assert_eq!(r["rejected"], case.rejected, "{file}: {r:#}");
    let problems = r["problems"].as_array().unwrap();
    assert_eq!(problems.len(), case.problems.len(), "{file}: {r:#}");
    for (p, (line, column, reason)) in problems.iter().zip(case.problems) {
        assert_eq!(p["line"], *line, "{file}: {p}");
        assert_eq!(p["column"], *column, "{file}: {p}");
        assert!(
            p["reason"].as_str().unwrap().contains(reason),
            "{file}: {p} should say {reason}"
        );
    }
}

#[test]
fn every_file_of_the_corpus_gives_its_report() {
    let a = Accredit::demo(20);
    for case in CASES {
        let path = corpus(case.file);
        let path = path.to_str().unwrap();
        let before = participant_count(&a);
        let dry = a.json_as("clerk", &["import", path, "--dry-run", "--json"]);
        assert_eq!(dry["dry_run"], true);
        check_report(case, &dry);
        assert_eq!(
            participant_count(&a),
            before,
            "{}: a dry run writes nothing",
            case.file
        );

        let real = a.json_as("clerk", &["import", path, "--json"]);
        check_report(case, &real);
        assert_eq!(participant_count(&a), before + case.imported as i64);
        let ids: Vec<i64> = real["participants"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_i64().unwrap())
            .collect();
        let names: Vec<(String, String)> = ids
            .iter()
            .map(|id| {
                let p = a.json_as(
                    "clerk",
                    &["participants", "show", &id.to_string(), "--json"],
                );
                assert_eq!(p["status"], "nominated");
                (
                    p["family_name"].as_str().unwrap().to_string(),
                    p["given_names"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let expected: Vec<(String, String)> = case
            .names
            .iter()
            .map(|(f, g)| (f.to_string(), g.to_string()))
            .collect();
        assert_eq!(names, expected, "{}", case.file);

        // The same file again: nothing new, nobody duplicated.
        let again = a.json_as("clerk", &["import", path, "--json"]);
        assert_eq!(again["imported"], 0, "{}: {again:#}", case.file);
        assert_eq!(again["unchanged"], case.imported, "{}", case.file);
        assert_eq!(participant_count(&a), before + case.imported as i64);
    }
}

#[test]
fn spreadsheet_cells_keep_dates_numbers_and_saved_formula_values() {
    let a = Accredit::demo(0);
    let r = a.json_as(
        "clerk",
        &[
            "import",
            corpus("title-and-merged-header.xlsx").to_str().unwrap(),
            "--json",
        ],
    );
    let columns: Vec<&str> = r["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["column"].as_str().unwrap())
        .collect();
    assert!(
        columns.contains(&"Passport Number") && columns.contains(&"Passport Expiry"),
        "{columns:?}"
    );
    let notice = &r["notices"][0];
    assert_eq!(notice["kind"], "skipped");
    assert_eq!(notice["line"], 1);
    let first = a.json_as(
        "clerk",
        &[
            "participants",
            "show",
            &r["participants"][0].to_string(),
            "--json",
        ],
    );
    assert_eq!(first["date_of_birth"], "1965-04-01");
    assert_eq!(first["document_expiry"], "2032-03-31");
    let second = a.json_as(
        "clerk",
        &[
            "participants",
            "show",
            &r["participants"][1].to_string(),
            "--json",
        ],
    );
    assert_eq!(second["document_number"], "12345678");

    let r = a.json_as(
        "clerk",
        &[
            "import",
            corpus("formulas.xlsx").to_str().unwrap(),
            "--json",
        ],
    );
    let kim = a.json_as(
        "clerk",
        &[
            "participants",
            "show",
            &r["participants"][0].to_string(),
            "--json",
        ],
    );
    assert_eq!(kim["reference"], "KOR-2");
    assert_eq!(kim["document_expiry"], "2031-01-15");
}

#[test]
fn files_that_are_not_lists_are_refused_and_change_nothing() {
    let a = Accredit::demo(10);
    for (file, says) in [
        ("binary.csv", "holds binary data"),
        ("image.csv", "it is an image"),
        (
            "no-header.csv",
            "no header row found (line 1 reads \"FRA\", \"DEL\"",
        ),
        ("truncated.xlsx", "cannot be read as a spreadsheet"),
    ] {
        let err = a.fails_as("clerk", &["import", corpus(file).to_str().unwrap()]);
        assert!(err.contains(file) && err.contains(says), "{file}: {err}");
        assert_eq!(participant_count(&a), 10);
    }
    let err = a.fails_as("clerk", &["import", "/nonexistent/list.csv"]);
    assert!(err.contains("/nonexistent/list.csv"), "{err}");
}

#[test]
fn ten_thousand_rows_import_and_reimport_unchanged() {
    let a = Accredit::demo(0);
    let codes = ["VNM", "FRA", "RUS", "CHN", "USA", "BRA", "EGY", "IND"];
    let mut text = String::from(
        "Delegation;Category;Family name;Given names;Date of birth;Passport number;Passport expiry;Reference\n",
    );
    for i in 0..10_000 {
        let code = codes[i % codes.len()];
        text.push_str(&format!(
            "{code};DEL;Nguyễn-{i};Văn {i};{:02}/{:02}/19{:02};P{i:07};2031-01-01;{code}-{i:05}\n",
            1 + i % 28,
            1 + i % 12,
            50 + i % 50
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.csv");
    std::fs::write(&path, text).unwrap();
    let path = path.to_str().unwrap();
    let dry = a.json_as("clerk", &["import", path, "--dry-run", "--json"]);
    assert_eq!(
        (dry["rows"].as_u64(), dry["imported"].as_u64()),
        (Some(10_000), Some(10_000))
    );
    assert_eq!(participant_count(&a), 0);
    let real = a.json_as("clerk", &["import", path, "--json"]);
    assert_eq!(real["imported"], 10_000);
    assert_eq!(real["rejected"], 0);
    assert_eq!(participant_count(&a), 10_000);
    let again = a.json_as("clerk", &["import", path, "--json"]);
    assert_eq!(
        (again["unchanged"].as_u64(), again["imported"].as_u64()),
        (Some(10_000), Some(0))
    );
    assert_eq!(participant_count(&a), 10_000);
}

#[test]
fn a_corrected_file_updates_and_reports_badges_to_reprint() {
    let a = Accredit::demo(200);
    // An approved participant whose badge is printed.
    let badges = a.json_as("admin", &["badges", "list", "--json"]);
    let badge = badges
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["status"] == "active" && b["print_count"].as_u64() > Some(0))
        .expect("the demo has printed badges");
    let id = badge["participant"].as_i64().unwrap();
    let p = a.json_as(
        "clerk",
        &["participants", "show", &id.to_string(), "--json"],
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corrected.csv");
    std::fs::write(
        &path,
        format!(
            "Delegation,Reference,Family name,Given names,Function\n{},{},{},{},Ambassador\n",
            p["delegation"].as_str().unwrap(),
            p["reference"].as_str().unwrap(),
            p["family_name"].as_str().unwrap(),
            p["given_names"].as_str().unwrap(),
        ),
    )
    .unwrap();
    let r = a.json_as("clerk", &["import", path.to_str().unwrap(), "--json"]);
    assert_eq!(
        (r["updated"].as_u64(), r["imported"].as_u64()),
        (Some(1), Some(0)),
        "{r:#}"
    );
    let notice = &r["notices"][0];
    assert_eq!(notice["kind"], "reprint");
    assert_eq!(notice["participant"], id);
    let message = notice["message"].as_str().unwrap();
    assert!(
        message.contains("badge needs a reprint") && message.contains("function"),
        "{message}"
    );
    let after = a.json_as(
        "clerk",
        &["participants", "show", &id.to_string(), "--json"],
    );
    assert_eq!(after["function"], "Ambassador");
    assert_eq!(after["status"], p["status"]);
    assert_eq!(
        after["email"], p["email"],
        "columns the file lacks are kept"
    );
}

#[test]
fn the_human_report_lists_rejected_rows() {
    let a = Accredit::demo(0);
    let out = a.ok_as(
        "clerk",
        &[
            "import",
            corpus("rejections.csv").to_str().unwrap(),
            "--dry-run",
        ],
    );
    assert!(
        out.contains(
            "10 rows: 1 imported, 0 updated, 0 unchanged, 9 rejected. Dry run: nothing was written."
        ),
        "{out}"
    );
    assert!(out.contains("LINE  COLUMN"), "{out}");
    assert!(
        out.contains("4     Category         \"ZZZ\" is not a category"),
        "{out}"
    );
}

#[test]
fn only_operators_who_may_import_can() {
    let a = Accredit::demo(0);
    let file = corpus("utf8-comma.csv");
    for operator in ["gate", "viewer"] {
        let err = a.fails_as(operator, &["import", file.to_str().unwrap()]);
        assert!(err.contains("may not import nominations"), "{err}");
    }
    assert_eq!(participant_count(&a), 0);
}

#[test]
fn a_file_from_one_delegation() {
    let a = Accredit::demo(0);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vnm.csv");
    std::fs::write(&path, "Họ,Tên,Loại đại biểu\nLương,Cường,HOS\n").unwrap();
    let path = path.to_str().unwrap();
    let err = a.fails_as("clerk", &["import", path]);
    assert!(
        err.contains("no Delegation column") && err.contains("--delegation"),
        "{err}"
    );
    let r = a.json_as("clerk", &["import", path, "--delegation", "VNM", "--json"]);
    assert_eq!(r["imported"], 1);
    let err = a.fails_as("clerk", &["import", path, "--delegation", "ATLANTIS"]);
    assert!(err.contains("\"ATLANTIS\" is not a delegation"), "{err}");
}

/// The header corpus: every header of tests/data/import/headers.tsv gives its
/// field, is listed as not understood, or is said to be ambiguous.
#[test]
fn the_header_corpus_gives_each_field() {
    use accredit::transfer::import::{Recognition, recognise};
    let corpus = std::fs::read_to_string(corpus("headers.tsv")).unwrap();
    let mut wrong = Vec::new();
    let mut cases = 0;
    for line in corpus.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (header, expected) = line.split_once('\t').expect("header<TAB>field");
        cases += 1;
        let got = match recognise(header) {
            Recognition::Field(f) => serde_json::to_value(f)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string(),
            Recognition::Ambiguous(_) => "ambiguous".to_string(),
            Recognition::Unknown => "unknown".to_string(),
        };
        if got != expected {
            wrong.push(format!("{header:?}: expected {expected}, got {got}"));
        }
    }
    assert!(cases >= 200, "the corpus holds {cases} headers");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// France's file (Windows-1252, semicolons, French headers): "Expiration du
/// passeport" is the document expiry, and every person keeps theirs.
#[test]
fn the_french_file_imports_with_its_passport_expiry() {
    let a = Accredit::demo(20);
    let path = corpus("france-1252.csv");
    let path = path.to_str().unwrap();
    let dry = a.json_as("clerk", &["import", path, "--dry-run", "--json"]);
    assert_eq!(dry["encoding"], "windows-1252");
    assert_eq!(dry["separator"], ";");
    let columns: Vec<(String, String)> = dry["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["column"].as_str().unwrap().to_string(),
                c["field"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        columns.contains(&("Expiration du passeport".into(), "document_expiry".into())),
        "{columns:?}"
    );
    assert_eq!(columns.len(), 9, "{columns:?}");
    assert_eq!(
        dry["ignored_columns"].as_array().unwrap().len(),
        0,
        "{dry:#}"
    );
    assert_eq!(
        dry["missing_columns"].as_array().unwrap().len(),
        0,
        "{dry:#}"
    );
    let real = a.json_as("clerk", &["import", path, "--json"]);
    assert_eq!(real["imported"], 5, "{real:#}");
    assert_eq!(real["delegations"], serde_json::json!(["FRA"]));
    let expiries: Vec<String> = real["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| {
            let p = a.json_as(
                "clerk",
                &["participants", "show", &id.to_string(), "--json"],
            );
            p["document_expiry"].as_str().unwrap_or("").to_string()
        })
        .collect();
    assert_eq!(
        expiries,
        [
            "2031-06-13",
            "2029-10-02",
            "2032-01-30",
            "2027-12-21",
            "2033-04-04"
        ]
    );
}

/// Before anything is written, the report names the columns the checks rely
/// on that the file lacks, and says which header could mean two fields.
#[test]
fn missing_and_ambiguous_columns_are_named_before_anything_is_written() {
    let a = Accredit::demo(0);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.csv");
    std::fs::write(
        &path,
        "Delegation,Category,Family name,Given names,Surname / Prénom,Shoe size\nFRA,DEL,Roux,Claire,x,38\n",
    )
    .unwrap();
    let dry = a.json_as(
        "clerk",
        &["import", path.to_str().unwrap(), "--dry-run", "--json"],
    );
    let missing: Vec<&str> = dry["missing_columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        missing,
        ["date_of_birth", "document_number", "document_expiry"],
        "{dry:#}"
    );
    let expiry = &dry["missing_columns"][2]["message"];
    assert!(
        expiry.as_str().unwrap().contains("passport expiry"),
        "{expiry}"
    );
    let ignored = dry["ignored_columns"].as_array().unwrap();
    assert_eq!(ignored.len(), 2, "{dry:#}");
    assert_eq!(ignored[0]["column"], "Surname / Prénom");
    assert_eq!(
        ignored[0]["could_be"],
        serde_json::json!(["family_name", "given_names"])
    );
    assert!(ignored[0]["reason"].as_str().unwrap().contains("could be"));
    assert_eq!(ignored[1]["column"], "Shoe size");
    assert_eq!(participant_count(&a), 0, "a dry run writes nothing");
}
