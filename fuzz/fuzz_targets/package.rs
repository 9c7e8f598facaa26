//! Opens arbitrary bytes, or a genuine package with arbitrary edits, as a
//! gate package on an enrolled laptop (see `bodies.rs`).
#![no_main]

#[path = "../bodies.rs"]
mod bodies;

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

static FIXTURE: OnceLock<bodies::Fixture> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let fixture = FIXTURE.get_or_init(bodies::fixture);
    bodies::package_case(fixture, data);
});
