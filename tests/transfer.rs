//! Exports, the nomination template and photo imports through the real
//! binary; export → import gives the same participants.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failed unwrap is a failed test"
)]

mod common;

use std::io::{Cursor, Write};
use std::path::Path;

use calamine::{Data, Reader};
use common::Accredit;
use image::{ImageFormat, Rgb, RgbImage};
use serde_json::Value;

/// The fields a delegation nominates, as `participants list --json` shows them.
const DETAILS: [&str; 18] = [
    "delegation",
    "category",
    "given_names",
    "family_name",
    "badge_name",
    "function",
    "gender",
    "nationality",
    "date_of_birth",
    "document_type",
    "document_number",
    "document_expiry",
    "email",
    "phone",
    "zones_added",
    "zones_removed",
    "notes",
    "reference",
];

fn details(list: &Value) -> Vec<Vec<Value>> {
    let mut rows: Vec<Vec<Value>> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| DETAILS.iter().map(|f| p[*f].clone()).collect())
        .collect();
    rows.sort_by_key(|r| format!("{}{}", r[0], r[17]));
    rows
}

fn workbook(path: &Path) -> calamine::Sheets<Cursor<Vec<u8>>> {
    calamine::open_workbook_auto_from_rs(Cursor::new(std::fs::read(path).unwrap())).unwrap()
}

#[test]
fn export_then_import_gives_the_same_participants() {
    let a = Accredit::demo(150);
    let dir = tempfile::tempdir().unwrap();
    let original = a.json_as("clerk", &["participants", "list", "--json"]);
    for format in ["csv", "xlsx"] {
        let file = dir.path().join(format!("participants.{format}"));
        let file = file.to_str().unwrap();
        let summary = a.json_as("admin", &["export", "participants", "-o", file, "--json"]);
        assert_eq!(summary["rows"], 150);
        assert_eq!(summary["format"], format);

        // Into an empty event: the same people, nominated.
        let b = Accredit::demo(0);
        let r = b.json_as("clerk", &["import", file, "--json"]);
        assert_eq!(
            (r["imported"].as_u64(), r["rejected"].as_u64()),
            (Some(150), Some(0)),
            "{r:#}"
        );
        let copy = b.json_as("clerk", &["participants", "list", "--json"]);
        let (copy, original) = (details(&copy), details(&original));
        assert_eq!(copy.len(), original.len());
        for (c, o) in copy.iter().zip(&original) {
            assert_eq!(c, o, "{format}");
        }

        // Back into the event it came from: nothing changes.
        let r = a.json_as("clerk", &["import", file, "--json"]);
        assert_eq!(
            (r["unchanged"].as_u64(), r["imported"].as_u64()),
            (Some(150), Some(0)),
            "{r:#}"
        );
    }
    assert_eq!(
        a.json_as("clerk", &["participants", "list", "--json"]),
        original
    );
}

#[test]
fn exports_open_in_a_spreadsheet() {
    let a = Accredit::demo(60);
    let dir = tempfile::tempdir().unwrap();

    let csv = dir.path().join("participants.csv");
    a.ok_as(
        "admin",
        &["export", "participants", "-o", csv.to_str().unwrap()],
    );
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with("\u{FEFF}id,delegation,category,given_names".as_bytes()));
    assert_eq!(String::from_utf8(bytes).unwrap().lines().count(), 61);

    let xlsx = dir.path().join("badges.xlsx");
    let summary = a.json_as(
        "admin",
        &["export", "badges", "-o", xlsx.to_str().unwrap(), "--json"],
    );
    let badges = a.json_as("admin", &["badges", "list", "--json"]);
    assert_eq!(
        summary["rows"].as_u64().unwrap() as usize,
        badges.as_array().unwrap().len()
    );
    let mut book = workbook(&xlsx);
    assert_eq!(book.sheet_names(), vec!["Badges"]);
    let range = book.worksheet_range("Badges").unwrap();
    assert_eq!(range.get((0, 0)), Some(&Data::String("serial".into())));
    assert!(matches!(
        range.get((1, 0)),
        Some(Data::Float(_) | Data::Int(_))
    ));
    // issued_at is a date and time cell, not text.
    assert!(
        matches!(range.get((1, 9)), Some(Data::DateTime(_))),
        "{:?}",
        range.get((1, 9))
    );
    assert!(
        !range
            .rows()
            .any(|r| r.iter().any(|c| c.to_string().starts_with("ACR1:"))),
        "credentials are never exported"
    );

    let xlsx = dir.path().join("participants.xlsx");
    a.ok_as(
        "admin",
        &[
            "export",
            "participants",
            "--format",
            "xlsx",
            "-o",
            xlsx.to_str().unwrap(),
        ],
    );
    let mut book = workbook(&xlsx);
    let range = book.worksheet_range("Participants").unwrap();
    assert_eq!(range.get_size().0, 61);
    assert!(
        matches!(range.get((1, 10)), Some(Data::DateTime(_))),
        "date_of_birth is a date"
    );
    let raw = zip_text(&xlsx, "xl/worksheets/sheet1.xml");
    assert!(raw.contains("state=\"frozen\""), "the header row is frozen");
    assert!(raw.contains("<cols>"), "columns have widths");

    let scans = dir.path().join("scans.csv");
    let summary = a.json_as(
        "admin",
        &["export", "scans", "-o", scans.to_str().unwrap(), "--json"],
    );
    assert_eq!(summary["rows"], 0);
    assert!(
        std::fs::read_to_string(&scans)
            .unwrap()
            .contains("at,checkpoint,zone,direction,verdict")
    );

    let err = a.fails_as(
        "admin",
        &[
            "export",
            "participants",
            "-o",
            dir.path().join("x.txt").to_str().unwrap(),
        ],
    );
    assert!(err.contains("--format"), "{err}");
    let err = a.fails_as(
        "clerk",
        &["export", "participants", "-o", csv.to_str().unwrap()],
    );
    assert!(err.contains("may not view reports"), "{err}");
}

fn zip_text(path: &Path, name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut text).unwrap();
    text
}

#[test]
fn the_template_has_the_columns_lists_and_instructions() {
    let a = Accredit::demo(0);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nominations.xlsx");
    let summary = a.json_as(
        "clerk",
        &[
            "import",
            "--template",
            "-o",
            path.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(summary["delegations"], 235);
    let mut book = workbook(&path);
    assert_eq!(
        book.sheet_names(),
        vec!["Nominations", "Instructions", "Lists"]
    );
    let header: Vec<String> = book
        .worksheet_range("Nominations")
        .unwrap()
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        &header[..4],
        ["Delegation", "Category", "Family name", "Given names"]
    );
    let lists = book.worksheet_range("Lists").unwrap();
    assert!(lists.rows().any(|r| r[0] == Data::String("VNM".into())));
    let sheet = zip_text(&path, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains("<dataValidation") && sheet.contains("Lists!$A$2:$A$236"),
        "drop-down of delegations"
    );
    assert!(
        sheet.contains("Lists!$D$2:$D$12"),
        "drop-down of categories"
    );

    // The empty template imports as nothing; filled in, it imports.
    let r = a.json_as("clerk", &["import", path.to_str().unwrap(), "--json"]);
    assert_eq!(
        (r["rows"].as_u64(), r["rejected"].as_u64()),
        (Some(0), Some(0))
    );
    let filled = dir.path().join("filled.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, text) in header.iter().enumerate() {
        sheet.write_string(0, col as u16, text).unwrap();
    }
    for (col, text) in ["VNM", "HOD", "Lương", "Cường"].into_iter().enumerate() {
        sheet.write_string(1, col as u16, text).unwrap();
    }
    let dob = rust_xlsxwriter::ExcelDateTime::from_ymd(1957, 8, 15).unwrap();
    let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    sheet.write_date_with_format(1, 8, &dob, &date).unwrap();
    book.save(&filled).unwrap();
    let r = a.json_as("clerk", &["import", filled.to_str().unwrap(), "--json"]);
    assert_eq!(r["imported"], 1, "{r:#}");
    let p = a.json_as(
        "clerk",
        &[
            "participants",
            "show",
            &r["participants"][0].to_string(),
            "--json",
        ],
    );
    assert_eq!(p["date_of_birth"], "1957-08-15");
}

fn photo(w: u32, h: u32, format: ImageFormat) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |x, y| Rgb([(x % 251) as u8, (y % 241) as u8, 128]));
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), format).unwrap();
    out
}

/// A PNG whose header claims 100,000 × 100,000 pixels.
fn bomb() -> Vec<u8> {
    let mut png = photo(8, 8, ImageFormat::Png);
    png[16..20].copy_from_slice(&100_000u32.to_be_bytes());
    png[20..24].copy_from_slice(&100_000u32.to_be_bytes());
    let mut crc = !0u32;
    for &b in &png[12..29] {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    png[29..33].copy_from_slice(&(!crc).to_be_bytes());
    png
}

#[test]
fn photos_from_a_folder_or_a_zip() {
    let a = Accredit::demo(80);
    let people = a.json_as("clerk", &["participants", "list", "--json"]);
    let people = people.as_array().unwrap();
    let by_reference = &people[0];
    let by_document = &people[1];
    let reference = by_reference["reference"].as_str().unwrap();
    let document = by_document["document_number"].as_str().unwrap();
    let files: Vec<(String, Vec<u8>)> = vec![
        (
            format!("{reference}.jpg"),
            photo(900, 1200, ImageFormat::Jpeg),
        ),
        (
            format!("scans/{document} passport photo.png"),
            photo(640, 800, ImageFormat::Png),
        ),
        (
            format!("{}.txt", people[2]["reference"].as_str().unwrap()),
            b"not a photo".to_vec(),
        ),
        (
            format!("{}.jpg", people[3]["reference"].as_str().unwrap()),
            photo(200, 260, ImageFormat::Jpeg),
        ),
        (
            format!("{}.png", people[4]["reference"].as_str().unwrap()),
            bomb(),
        ),
        (
            "UNKNOWN-9999.jpg".to_string(),
            photo(600, 800, ImageFormat::Jpeg),
        ),
        (".DS_Store".to_string(), b"\0\0\0\x01Bud1".to_vec()),
    ];
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("photos");
    for (name, bytes) in &files {
        let path = folder.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    let zip_path = dir.path().join("photos.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    for (name, bytes) in &files {
        zip.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.start_file("__MACOSX/._x.jpg", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.finish().unwrap();

    let photo_hash = |p: &Value| {
        a.json_as(
            "clerk",
            &["participants", "show", &p["id"].to_string(), "--json"],
        )["has_photo"]
            .clone()
    };
    let before = (photo_hash(by_reference), photo_hash(by_document));
    for source in [&zip_path, &folder] {
        let r = a.json_as(
            "clerk",
            &[
                "photos",
                "import",
                source.to_str().unwrap(),
                "--dry-run",
                "--json",
            ],
        );
        assert_eq!(r["files"], 6, "{r:#}");
        assert_eq!(
            (r["imported"].as_u64(), r["rejected"].as_u64()),
            (Some(2), Some(4)),
            "{r:#}"
        );
        let reasons: Vec<String> = r["problems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                format!(
                    "{}: {}",
                    p["file"].as_str().unwrap(),
                    p["reason"].as_str().unwrap()
                )
            })
            .collect();
        let has = |needle: &str| reasons.iter().any(|r| r.contains(needle));
        assert!(has("not an image"), "{reasons:#?}");
        assert!(has("too small"), "{reasons:#?}");
        assert!(has("too large to open safely"), "{reasons:#?}");
        assert!(
            has("UNKNOWN-9999.jpg: no participant has the reference or document number"),
            "{reasons:#?}"
        );
    }
    assert_eq!(
        (photo_hash(by_reference), photo_hash(by_document)),
        before,
        "a dry run writes nothing"
    );

    let r = a.json_as(
        "clerk",
        &["photos", "import", folder.to_str().unwrap(), "--json"],
    );
    assert_eq!(r["imported"], 2);
    let ids: Vec<i64> = r["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    assert!(ids.contains(&by_reference["id"].as_i64().unwrap()));
    assert!(ids.contains(&by_document["id"].as_i64().unwrap()));
    assert_eq!(photo_hash(by_reference), true);
    let again = a.json_as(
        "clerk",
        &["photos", "import", zip_path.to_str().unwrap(), "--json"],
    );
    assert_eq!(
        (again["imported"].as_u64(), again["unchanged"].as_u64()),
        (Some(0), Some(2)),
        "{again:#}"
    );

    let err = a.fails_as(
        "clerk",
        &[
            "photos",
            "import",
            dir.path().join("nothing").to_str().unwrap(),
        ],
    );
    assert!(err.contains("nothing"), "{err}");
    let err = a.fails_as("viewer", &["photos", "import", folder.to_str().unwrap()]);
    assert!(err.contains("may not import nominations"), "{err}");
}
