//! Imports arbitrary bytes, or a genuine signed scans file with arbitrary
//! edits, into the desk's store (see `bodies.rs`).
#![no_main]

#[path = "../bodies.rs"]
mod bodies;

use std::sync::{Mutex, OnceLock};

use libfuzzer_sys::fuzz_target;

static FIXTURE: OnceLock<(bodies::Fixture, Mutex<rusqlite::Connection>)> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let (fixture, conn) = FIXTURE.get_or_init(|| {
        let fixture = bodies::fixture();
        let conn = fixture.desk.open().expect("store");
        (fixture, Mutex::new(conn))
    });
    let mut conn = conn.lock().unwrap_or_else(|p| p.into_inner());
    bodies::scans_case(fixture, &mut conn, data);
});
