//! What the desk screens read off the UI thread, over the 100,000-participant
//! demo: the delegations overview (counts per status and category), the
//! print queue's preview, and everything the participant's detail shows.
//! Targets: each well under a second, so that a screen fills in while the
//! clerk is still looking at it (README, "Benchmarks").
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "benchmarks and examples stop at the first failure"
)]

use std::time::Instant;

use accredit::auth::Actor;
use accredit::db::Db;
use accredit::desk::{badges, delegations, participants, printing};
use criterion::{Criterion, criterion_group, criterion_main};

fn demo(n: usize) -> Db {
    let mut conn = accredit::db::open_in_memory().expect("in-memory store");
    let tx = conn.transaction().expect("transaction");
    accredit::demo::build(&tx, n, accredit::demo::Dates::seed(), None).expect("demo");
    tx.commit().expect("commit");
    conn
}

fn bench(c: &mut Criterion) {
    let started = Instant::now();
    let conn = demo(100_000);
    eprintln!(
        "demo of 100,000 participants built in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let actor = Actor::system();
    let overview = delegations::overview(&conn, &actor).expect("overview");
    let busiest = overview
        .iter()
        .max_by_key(|d| d.participants)
        .expect("a delegation");
    let one_delegation = printing::Selection {
        delegations: vec![busiest.id],
        ..Default::default()
    };
    let everyone = printing::Selection {
        only_unprinted: true,
        ..Default::default()
    };
    let someone =
        participants::list(&conn, &actor, &Default::default()).expect("participants")[50_000].id;

    c.bench_function("delegations overview, 100k participants", |b| {
        b.iter(|| std::hint::black_box(delegations::overview(&conn, &actor).unwrap()))
    });
    c.bench_function(
        &format!(
            "print preview, one delegation ({} participants)",
            busiest.participants
        ),
        |b| b.iter(|| std::hint::black_box(printing::preview(&conn, &actor, &one_delegation))),
    );
    c.bench_function("print preview, everyone never printed, 100k", |b| {
        b.iter(|| std::hint::black_box(printing::preview(&conn, &actor, &everyone)))
    });
    c.bench_function("participant detail: details, photo, badges, history", |b| {
        b.iter(|| {
            std::hint::black_box((
                participants::get(&conn, &actor, someone).unwrap(),
                participants::photo(&conn, &actor, someone).unwrap(),
                badges::history(&conn, &actor, someone).unwrap(),
                accredit::audit::participant_history(&conn, &actor, someone).unwrap(),
            ))
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
