//! What the `package` and `scans` fuzz targets run on each input, shared
//! with `tests/fuzz_bodies.rs`, which runs it over a seed corpus and
//! mutations in CI. Only the crate's public API.
//!
//! A fixture is built once: a small demo event, a gate laptop enrolled with
//! its root, a genuine package and a genuine signed scans file. An input is
//! either taken whole as the file (first byte even) or read as edits to the
//! genuine file (first byte odd: 5 bytes per edit, a 32-bit offset and a
//! byte to XOR there), so mutations reach past SQLite's header and JSON's
//! syntax into the checks of the seal and the signature.
#![allow(dead_code)]

use std::path::PathBuf;

use accredit::auth::Actor;
use accredit::gate::enrolment::{Enrolment, Pin};
use accredit::gate::package::{self, Package};
use accredit::gate::{ScanRequest, Station, stations, transfer};
use accredit::workspace::Workspace;

/// 25 October 2025, 09:00 in Hanoi: during the demo event.
pub const DURING: i64 = 1_761_357_600;
const MAIN: &str = "Main entrance (Thăng Long Boulevard) – Plenary hall";

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub desk: Workspace,
    pub pin: Pin,
    pub package: Vec<u8>,
    pub scans: Vec<u8>,
}

pub fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("temporary directory");
    let desk = Workspace::new(dir.path().join("desk"));
    accredit::demo::create(&desk, 12, accredit::demo::Dates::seed(), false).expect("demo");
    let mut conn = desk.open().expect("store");
    let root = accredit::signing::root_public(&conn).expect("root");
    let laptop = dir.path().join("laptop");
    let mut enrolment =
        Enrolment::enrol(&laptop, root, None, "fuzz", false, DURING).expect("enrol");
    let station = enrolment.station_file();
    stations::add(
        &mut conn,
        &Actor::system(),
        &station.name,
        &station.public_key,
    )
    .expect("add");
    let path = dir.path().join("genuine.gate");
    package::export(
        &desk,
        &mut conn,
        &Actor::system(),
        &[MAIN.into()],
        &path,
        DURING,
    )
    .expect("export");
    let mut gate = Station::open_package(&path, &mut enrolment).expect("open");
    let officer = gate.sign_in("gate", "demo-gate", DURING).expect("sign in");
    let badge = accredit::lookup::badges::list(&conn)
        .expect("badges")
        .first()
        .map(|b| b.credential.clone())
        .unwrap_or_else(|| "ACR1:X".into());
    let checkpoint = gate.checkpoint_named(MAIN).expect("checkpoint").id;
    for (i, text) in [badge.as_str(), "ACR1:X"].into_iter().enumerate() {
        gate.scan(
            &officer,
            &ScanRequest {
                text,
                checkpoint,
                direction: accredit::domain::Direction::Entry,
                at: DURING + i as i64,
                station: "Lane 1",
            },
        )
        .expect("scan");
    }
    let scans = serde_json::to_vec(&gate.export_scans(&officer).expect("scans")).expect("json");
    Fixture {
        pin: enrolment.pin(),
        package: std::fs::read(&path).expect("package"),
        scans,
        desk,
        dir,
    }
}

/// The file an input stands for (see the module's comment).
pub fn file_of(genuine: &[u8], data: &[u8]) -> Vec<u8> {
    match data.split_first() {
        Some((mode, edits)) if mode % 2 == 1 && !genuine.is_empty() => {
            let mut bytes = genuine.to_vec();
            for edit in edits.chunks_exact(5) {
                let at = u32::from_le_bytes([edit[0], edit[1], edit[2], edit[3]]) as usize;
                let at = at % bytes.len();
                bytes[at] ^= edit[4].max(1);
            }
            if mode & 2 == 2
                && let Some(cut) = edits.first()
            {
                let keep = bytes.len().saturating_sub(*cut as usize * 16);
                bytes.truncate(keep);
            }
            bytes
        }
        Some((_, raw)) => raw.to_vec(),
        None => Vec::new(),
    }
}

/// Opens the input as a gate package on the enrolled laptop. Returns
/// whether it was accepted. Must never panic.
pub fn package_case(f: &Fixture, data: &[u8]) -> bool {
    let bytes = file_of(&f.package, data);
    let path: PathBuf = f.dir.path().join("case.gate");
    std::fs::write(&path, &bytes).expect("write case");
    let accepted = Package::open(&path, &f.pin).is_ok();
    let _ = std::fs::remove_file(&path);
    accepted
}

/// Imports the input as a scans file into the desk's store. Returns
/// whether it was imported. Must never panic.
pub fn scans_case(f: &Fixture, conn: &mut accredit::db::Db, data: &[u8]) -> bool {
    let bytes = file_of(&f.scans, data);
    match transfer::parse_scans(&bytes, "fuzz input") {
        Ok(file) => transfer::import_scans(conn, &Actor::system(), &file, "fuzz input").is_ok(),
        Err(_) => false,
    }
}
