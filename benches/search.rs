//! Search as a desk clerk types: every prefix of a few names, one query per
//! keystroke, over the 100,000-participant demo. Target: median < 2 ms,
//! p99 < 10 ms per keystroke (README, "Benchmarks").
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "benchmarks and examples stop at the first failure"
)]

use std::time::{Duration, Instant};

use accredit::auth::Actor;
use accredit::desk::listing::{Listing, RowFilter, SortColumn};
use criterion::{Criterion, criterion_group, criterion_main};

const TYPED: [&str; 8] = [
    "nguyen thi phuong",
    "luong cuong",
    "lavrov",
    "papadopoulos",
    "mohammed",
    "xi jinping",
    "sharma",
    "C1234",
];

fn keystrokes() -> Vec<String> {
    TYPED
        .iter()
        .flat_map(|name| {
            (1..=name.chars().count()).map(|n| name.chars().take(n).collect::<String>())
        })
        .collect()
}

fn demo_listing(n: usize) -> Listing {
    let mut conn = accredit::db::open_in_memory().expect("in-memory store");
    let tx = conn.transaction().expect("transaction");
    accredit::demo::build(&tx, n, accredit::demo::Dates::seed(), None).expect("demo");
    tx.commit().expect("commit");
    Listing::load(&conn, &Actor::system()).expect("listing")
}

fn bench(c: &mut Criterion) {
    let started = Instant::now();
    let listing = demo_listing(100_000);
    eprintln!(
        "demo of 100,000 participants built and indexed in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let queries = keystrokes();
    let filter = RowFilter::default();

    // Percentiles over every keystroke, repeated.
    let mut times: Vec<Duration> = Vec::new();
    for _ in 0..20 {
        for q in &queries {
            let t = Instant::now();
            let shown = listing.query(q, &filter, SortColumn::Name, false);
            times.push(t.elapsed());
            std::hint::black_box(shown);
        }
    }
    times.sort();
    let pct = |p: f64| times[((times.len() as f64 - 1.0) * p) as usize];
    eprintln!(
        "search per keystroke over 100,000 participants ({} queries): median {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        times.len(),
        pct(0.5).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3,
        times.last().copied().unwrap_or_default().as_secs_f64() * 1e3
    );

    c.bench_function(
        "search: all keystrokes of 8 names, 100k participants",
        |b| {
            b.iter(|| {
                for q in &queries {
                    std::hint::black_box(listing.query(q, &filter, SortColumn::Name, false));
                }
            })
        },
    );
    c.bench_function("search: one keystroke \"ngu\", 100k participants", |b| {
        b.iter(|| std::hint::black_box(listing.query("ngu", &filter, SortColumn::Name, false)))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
