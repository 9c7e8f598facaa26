//! The bodies of the `package` and `scans` fuzz targets, run in every test
//! run over seeds and a fixed set of pseudo-random mutations: none may
//! panic, no changed package may open, no changed scans file may merge.
//! (`.ci/run` also runs each cargo-fuzz target for a bounded number of
//! runs when cargo-fuzz is installed.)
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

#[path = "../fuzz/bodies.rs"]
mod bodies;

/// A small deterministic generator (xorshift), so a failure is repeatable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

/// Edits in the input format of `bodies::file_of`, at random places.
fn edits(rng: &mut Rng, count: usize, len: usize) -> Vec<u8> {
    let mut data = vec![1u8];
    for _ in 0..count {
        let at = (rng.next() as usize % len) as u32;
        data.extend_from_slice(&at.to_le_bytes());
        data.push((rng.next() as u8).max(1));
    }
    data
}

#[test]
fn the_package_loader_survives_seeds_and_mutations() {
    let f = bodies::fixture();
    assert!(!bodies::package_case(&f, &[0]), "an empty file");
    assert!(
        bodies::package_case(&f, &[1]),
        "the genuine package, unedited"
    );
    let mut rng = Rng(0x5eed_0020);
    let mut accepted = 0;
    for round in 0..300 {
        let data = match round % 3 {
            0 => edits(&mut rng, 1, f.package.len()),
            1 => edits(&mut rng, 1 + round % 7, f.package.len()),
            _ => {
                let mut raw = vec![0u8];
                raw.extend(rng.bytes(round * 7 % 4096));
                raw
            }
        };
        if bodies::package_case(&f, &data) {
            accepted += 1;
            // A flip in SQLite's unused space changes no table: the
            // package opens, and it is still the same package.
        }
    }
    assert!(accepted < 300, "mutations must be refused");
    // Truncations.
    for cut in [1u8, 2, 50, 255] {
        assert!(
            !bodies::package_case(&f, &[3, cut, 0, 0, 0, 0]),
            "cut {cut}"
        );
    }
}

#[test]
fn the_scans_importer_survives_seeds_and_mutations() {
    let f = bodies::fixture();
    let mut conn = f.desk.open().unwrap();
    let mut rng = Rng(0x5eed_0021);
    for round in 0..300 {
        let data = match round % 3 {
            0 | 1 => edits(&mut rng, 1 + round % 3, f.scans.len()),
            _ => {
                let mut raw = vec![0u8];
                raw.extend(rng.bytes(round % 600));
                raw
            }
        };
        // Editing a signed file can only keep it valid where the edit is
        // JSON layout (whitespace): nothing it says may change.
        let imported = bodies::scans_case(&f, &mut conn, &data);
        if imported {
            let edited = bodies::file_of(&f.scans, &data);
            let a: serde_json::Value = serde_json::from_slice(&edited).unwrap();
            let b: serde_json::Value = serde_json::from_slice(&f.scans).unwrap();
            assert_eq!(a, b, "a changed scans file was imported");
        }
    }
    assert!(bodies::scans_case(&f, &mut conn, &[1]), "the genuine file");
}
