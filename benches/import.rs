//! Import and export at scale: 100,000 nominations from CSV and from XLSX
//! into a fresh event (with validation, matching and one audit entry per
//! participant), the same file again (all unchanged), exports of 100,000
//! participants, and a folder of photos. Prints the time and the peak
//! resident memory of each step.
//!
//! Run with `cargo bench --bench import` (release build). Linux only for the
//! memory figures (they come from /proc/self/status).

use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::Instant;

use accredit::auth::Actor;
use accredit::transfer::export::{self, ExportKind};
use accredit::transfer::import::{ImportOptions, import_nominations};
use accredit::transfer::photos;
use accredit::transfer::xlsx::TableFormat;
use accredit::workspace::Workspace;

const ROWS: usize = 100_000;
const CODES: [&str; 8] = ["VNM", "FRA", "RUS", "CHN", "USA", "BRA", "EGY", "IND"];
const FAMILY: [&str; 8] = [
    "Nguyễn",
    "Lefèvre",
    "Смирнова",
    "王",
    "Johnson",
    "Gonçalves",
    "عبد الله",
    "Sharma",
];
const GIVEN: [&str; 8] = [
    "Thị Bích Ngọc",
    "Hélène",
    "Мария",
    "小明",
    "Mary-Ann",
    "João",
    "محمد",
    "Priya",
];

fn row(i: usize) -> [String; 10] {
    let k = i % CODES.len();
    [
        CODES[k].to_string(),
        ["DEL", "HOD", "EXP", "LO"][i % 4].to_string(),
        format!("{}-{i}", FAMILY[k]),
        GIVEN[(i / 8) % GIVEN.len()].to_string(),
        if i.is_multiple_of(2) { "F" } else { "M" }.to_string(),
        format!("{:02}/{:02}/19{:02}", 1 + i % 28, 1 + i % 12, 50 + i % 50),
        format!("P{i:08}"),
        "2031-06-30".to_string(),
        format!("person{i}@example.org"),
        format!("{}-{i:06}", CODES[k]),
    ]
}

const HEADER: [&str; 10] = [
    "Delegation",
    "Category",
    "Family name",
    "Given names",
    "Gender",
    "Date of birth",
    "Passport number",
    "Passport expiry",
    "E-mail",
    "Reference",
];

fn write_csv(path: &Path) {
    let mut out = BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(out, "{}", HEADER.join(";")).unwrap();
    for i in 0..ROWS {
        writeln!(out, "{}", row(i).join(";")).unwrap();
    }
    out.flush().unwrap();
}

fn write_xlsx(path: &Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet_with_constant_memory().unwrap();
    for (c, h) in HEADER.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for i in 0..ROWS {
        for (c, v) in row(i).iter().enumerate() {
            sheet.write_string(i as u32 + 1, c as u16, v).unwrap();
        }
    }
    book.save(path).unwrap();
}

/// Resident memory now and at its peak since the last reset, in MB.
fn memory() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .unwrap_or(0.0)
            / 1024.0
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// Makes the peak count from now (Linux: writing 5 to clear_refs).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn step<T>(label: &str, f: impl FnOnce() -> T) -> T {
    reset_peak();
    let (before, _) = memory();
    let start = Instant::now();
    let value = f();
    let took = start.elapsed();
    let (_, peak) = memory();
    println!(
        "{label:<58} {:>8.2} s   peak RSS {peak:>6.0} MB (+{:.0} MB over the {before:.0} MB before)",
        took.as_secs_f64(),
        (peak - before).max(0.0)
    );
    value
}

fn fresh_event(dir: &Path) -> (Workspace, rusqlite::Connection) {
    let ws = Workspace::new(dir);
    accredit::demo::create(&ws, 0, false).unwrap();
    let conn = ws.open().unwrap();
    (ws, conn)
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let actor = Actor::system();
    let csv = dir.path().join("nominations.csv");
    let xlsx = dir.path().join("nominations.xlsx");
    write_csv(&csv);
    write_xlsx(&xlsx);
    println!(
        "{ROWS} rows: CSV {:.1} MB, XLSX {:.1} MB",
        std::fs::metadata(&csv).unwrap().len() as f64 / 1e6,
        std::fs::metadata(&xlsx).unwrap().len() as f64 / 1e6
    );

    let (_ws, mut conn) = fresh_event(&dir.path().join("event-a"));
    let options = ImportOptions::default();
    let dry = ImportOptions {
        dry_run: true,
        ..Default::default()
    };
    let r = step("CSV, dry run (everything checked, rolled back)", || {
        import_nominations(&mut conn, &actor, &csv, &dry).unwrap()
    });
    assert_eq!(r.imported, ROWS);
    let r = step("CSV, import into an empty event", || {
        import_nominations(&mut conn, &actor, &csv, &options).unwrap()
    });
    assert_eq!((r.imported, r.rejected), (ROWS, 0));
    let r = step("CSV, the same file again (all unchanged)", || {
        import_nominations(&mut conn, &actor, &csv, &options).unwrap()
    });
    assert_eq!(r.unchanged, ROWS);

    let (_ws, mut conn_b) = fresh_event(&dir.path().join("event-b"));
    let r = step("XLSX, import into an empty event", || {
        import_nominations(&mut conn_b, &actor, &xlsx, &options).unwrap()
    });
    assert_eq!(r.imported, ROWS);

    // The audit trail's share: one entry per participant, as the import writes.
    let (_ws, mut conn_c) = fresh_event(&dir.path().join("event-c"));
    step(
        "  of which: 100,000 audit entries alone (audit::record)",
        || {
            let tx = conn_c.transaction().unwrap();
            let details = accredit::domain::ParticipantDetails::default();
            for i in 0..ROWS as i64 {
                accredit::audit::record(
                    &tx,
                    &actor,
                    0,
                    accredit::audit::Change::participant("participant.import", i + 1),
                    None::<&()>,
                    Some(&details),
                )
                .unwrap();
            }
            tx.commit().unwrap();
        },
    );

    for (format, name) in [(TableFormat::Csv, "csv"), (TableFormat::Xlsx, "xlsx")] {
        let out = dir.path().join(format!("export.{name}"));
        let s = step(&format!("export participants as {name}"), || {
            export::export(&conn, &actor, ExportKind::Participants, format, &out).unwrap()
        });
        assert_eq!(s.rows, ROWS);
    }

    // Photos: 200 camera-sized JPEGs named by reference.
    let photos_dir = dir.path().join("photos");
    std::fs::create_dir_all(&photos_dir).unwrap();
    let img = image::RgbImage::from_fn(1200, 1600, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x + y) % 239) as u8])
    });
    let mut jpeg = Vec::new();
    img.write_to(
        &mut std::io::Cursor::new(&mut jpeg),
        image::ImageFormat::Jpeg,
    )
    .unwrap();
    for i in 0..200 {
        let reference = &row(i)[9];
        std::fs::write(photos_dir.join(format!("{reference}.jpg")), &jpeg).unwrap();
    }
    let r = step("photos: 200 JPEGs of 1200 × 1600", || {
        photos::import_photos(&mut conn, &actor, &photos_dir, false).unwrap()
    });
    assert_eq!(r.imported, 200);
}
