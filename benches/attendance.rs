//! The dashboard's recomputation at scale: every attendance figure of the
//! 100,000-participant demo with 500,000 scans, read from a store on disk.
//! Target: under 200 ms (README, "Benchmarks"). Also the drill-down behind
//! the largest figure and the PDF report.
//!
//! Besides criterion's wall-clock times, the median CPU time of the
//! recomputation is printed (Linux): on a machine shared with other work,
//! wall-clock time measures the neighbours as much as the code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "benchmarks and examples stop at the first failure"
)]

use std::time::{Duration, Instant};

use accredit::attendance::{self, Group, Measure, Selector};
use accredit::auth::Actor;
use accredit::report::{self, Format, Scope};
use accredit::{Workspace, demo};
use criterion::{Criterion, criterion_group, criterion_main};

const PARTICIPANTS: usize = 100_000;
const SCANS: usize = 500_000;
/// 26 October 2025, 18:00 in Hanoi: after the last scan of the demo traffic.
const AT: i64 = 1_761_476_400;

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let ws = Workspace::new(dir.path());
    let started = Instant::now();
    demo::create(&ws, PARTICIPANTS, demo::Dates::seed(), false).expect("demo");
    let mut conn = ws.open().expect("store");
    let tx = conn.transaction().expect("transaction");
    let exits = SCANS / 5;
    let traffic =
        demo::traffic::record(&tx, SCANS - exits, exits, accredit::clock::now()).expect("traffic");
    tx.commit().expect("commit");
    let size = std::fs::metadata(ws.db_path())
        .map(|m| m.len())
        .unwrap_or(0);
    eprintln!(
        "store of {PARTICIPANTS} participants and {} scans built in {:.1} s ({} MB)",
        traffic.entries + traffic.exits,
        started.elapsed().as_secs_f64(),
        size / 1_000_000
    );
    let actor = Actor::system();

    if let Some(cpu) = median_cpu_ms(|| {
        std::hint::black_box(attendance::load(&conn, &actor, AT, None).expect("figures"));
    }) {
        eprintln!("every figure: median CPU time {cpu:.0} ms over 15 runs");
    }

    let mut group = c.benchmark_group("attendance");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("every figure, 100k participants, 500k scans", |b| {
        b.iter(|| attendance::load(&conn, &actor, AT, None).expect("figures"))
    });
    let figures = attendance::load(&conn, &actor, AT, None).expect("figures");
    eprintln!(
        "arrived {} · present {} · entries counted {}",
        figures.figures.pipeline.arrived,
        figures.figures.pipeline.present,
        figures
            .figures
            .arrivals
            .per_day
            .iter()
            .map(|d| d.entries)
            .sum::<u32>()
    );
    let everyone = Selector::new(Group::All, Measure::Arrived);
    group.bench_function("people behind 'arrived', first 500 by name", |b| {
        b.iter(|| {
            attendance::people(&conn, &actor, &figures, &everyone, Some(500)).expect("people")
        })
    });
    group.bench_function("PDF report", |b| {
        b.iter(|| {
            let built = report::build(&conn, &actor, &Scope::default(), AT).expect("report");
            report::render(&built, Format::Pdf, None).expect("pdf")
        })
    });
    group.finish();
}

/// The median CPU time of `job` over 15 runs, in milliseconds, from the
/// thread's scheduler statistics (Linux only).
fn median_cpu_ms(mut job: impl FnMut()) -> Option<f64> {
    let cpu_ns = || -> Option<f64> {
        std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()?
            .split_whitespace()
            .next()?
            .parse()
            .ok()
    };
    let mut times = Vec::new();
    for _ in 0..15 {
        let before = cpu_ns()?;
        job();
        times.push((cpu_ns()? - before) / 1e6);
    }
    times.sort_by(f64::total_cmp);
    Some(times[times.len() / 2])
}

criterion_group!(benches, bench);
criterion_main!(benches);
