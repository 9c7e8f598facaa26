//! Import and export at scale: 100,000 nominations from CSV and from XLSX
//! into a fresh event (with validation, matching and one audit entry per
//! participant), the same file again (all unchanged), exports of 100,000
//! participants, and a folder of photos. Prints the time and the peak
//! resident memory of each step.
//!
//! Run with `cargo bench --bench import` (release build). Linux only for the
//! memory figures (the peak resident memory, VmHWM of /proc/self/status, of
//! a process running that one step).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "benchmarks and examples stop at the first failure"
)]

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

/// The peak resident memory of this process so far, in MB (Linux).
fn peak_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .unwrap_or(0.0)
        / 1024.0
}

fn fresh_event(dir: &Path) {
    accredit::demo::create(
        &Workspace::new(dir),
        0,
        accredit::demo::Dates::seed(),
        false,
    )
    .unwrap();
}

/// One measured step, run in a process of its own so that its peak memory
/// is its own: `--step NAME WORK_DIR`.
fn step(name: &str, work: &Path) {
    let actor = Actor::system();
    let csv = work.join("nominations.csv");
    let xlsx = work.join("nominations.xlsx");
    let open = |event: &str| Workspace::new(work.join(event)).open().unwrap();
    let options = ImportOptions::default();
    let start = Instant::now();
    let label = match name {
        "csv-dry-run" => {
            let dry = ImportOptions {
                dry_run: true,
                ..Default::default()
            };
            let r = import_nominations(&mut open("event-a"), &actor, &csv, &dry).unwrap();
            assert_eq!(r.imported, ROWS);
            "CSV, dry run (everything checked, then rolled back)"
        }
        "csv" => {
            let r = import_nominations(&mut open("event-a"), &actor, &csv, &options).unwrap();
            assert_eq!((r.imported, r.rejected), (ROWS, 0));
            "CSV, import into an empty event"
        }
        "csv-again" => {
            let r = import_nominations(&mut open("event-a"), &actor, &csv, &options).unwrap();
            assert_eq!(r.unchanged, ROWS);
            "CSV, the same file again (all unchanged)"
        }
        "xlsx" => {
            let r = import_nominations(&mut open("event-b"), &actor, &xlsx, &options).unwrap();
            assert_eq!(r.imported, ROWS);
            "XLSX, import into an empty event"
        }
        "audit" => {
            // The audit trail's share of an import: one entry per participant.
            let mut conn = open("event-c");
            let tx = conn.transaction().unwrap();
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
            "  of which: 100,000 audit entries alone (audit::record)"
        }
        "export-csv" | "export-xlsx" => {
            let (format, ext) = if name == "export-csv" {
                (TableFormat::Csv, "csv")
            } else {
                (TableFormat::Xlsx, "xlsx")
            };
            let out = work.join(format!("export.{ext}"));
            let s = export::export(
                &open("event-a"),
                &actor,
                ExportKind::Participants,
                format,
                &out,
            )
            .unwrap();
            assert_eq!(s.rows, ROWS);
            if ext == "csv" {
                "export of 100,000 participants, CSV"
            } else {
                "export of 100,000 participants, XLSX"
            }
        }
        "photos" => {
            let r =
                photos::import_photos(&mut open("event-a"), &actor, &work.join("photos"), false)
                    .unwrap();
            assert_eq!(r.imported, PHOTOS);
            "photos: 200 JPEGs of 1200 × 1600, normalised and stored"
        }
        other => panic!("unknown step {other}"),
    };
    println!(
        "{label:<56} {:>7.2} s   peak RSS {:>5.0} MB",
        start.elapsed().as_secs_f64(),
        peak_mb()
    );
}

const PHOTOS: usize = 200;

fn prepare(work: &Path) {
    let csv = work.join("nominations.csv");
    let xlsx = work.join("nominations.xlsx");
    write_csv(&csv);
    write_xlsx(&xlsx);
    println!(
        "{ROWS} rows: CSV {:.1} MB, XLSX {:.1} MB. Each step runs in a process of its own.",
        std::fs::metadata(&csv).unwrap().len() as f64 / 1e6,
        std::fs::metadata(&xlsx).unwrap().len() as f64 / 1e6
    );
    for event in ["event-a", "event-b", "event-c"] {
        fresh_event(&work.join(event));
    }
    let photos = work.join("photos");
    std::fs::create_dir_all(&photos).unwrap();
    let img = image::RgbImage::from_fn(1200, 1600, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x + y) % 239) as u8])
    });
    let mut jpeg = Vec::new();
    img.write_to(
        &mut std::io::Cursor::new(&mut jpeg),
        image::ImageFormat::Jpeg,
    )
    .unwrap();
    for i in 0..PHOTOS {
        std::fs::write(photos.join(format!("{}.jpg", row(i)[9])), &jpeg).unwrap();
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--step") {
        step(&args[i + 1], Path::new(&args[i + 2]));
        return;
    }
    let work = tempfile::tempdir().unwrap();
    prepare(work.path());
    let me = std::env::current_exe().unwrap();
    for name in [
        "csv-dry-run",
        "csv",
        "csv-again",
        "xlsx",
        "audit",
        "export-csv",
        "export-xlsx",
        "photos",
    ] {
        let status = std::process::Command::new(&me)
            .args(["--step", name])
            .arg(work.path())
            .status()
            .unwrap();
        assert!(status.success(), "step {name} failed");
    }
}
