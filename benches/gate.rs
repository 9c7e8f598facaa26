//! Gate throughput and verdict latency on the demo with 100,000 participants
//! (`cargo bench --bench gate`; `GATE_BENCH_PARTICIPANTS` for another size).
//!
//! A full scan is: verify the credential (Ed25519), revocation, the badge's
//! holder, zone, anti-passback, and the scan row committed in the store,
//! which runs WAL with `synchronous = FULL` — every scan is on disk before
//! its verdict is returned. Measured one commit per scan, then with group
//! commit (scans that arrive together share one commit, as `accredit scan -`
//! does), on the main store and on an offline gate package. The verdict
//! latency adds what the gate screen does before it can draw: decoding the
//! holder's photo. The fsync floor of the disk is measured alongside, since
//! no code commits faster than the disk syncs.
//!
//! Last, the gate on the main store while a dashboard recomputes its
//! figures in a loop in another process (this bench run again as a child):
//! once as the dashboard read before (its transaction began IMMEDIATE and
//! held SQLite's write lock for the whole recomputation), once as it reads
//! now (`attendance::load`, a deferred read transaction).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "benchmarks and examples stop at the first failure"
)]

use std::io::BufRead;
use std::path::Path;
use std::time::{Duration, Instant};

use accredit::auth::Actor;
use accredit::domain::{BadgeStatus, Direction, Role};
use accredit::gate::{ScanRequest, Station, package};
use accredit::{Workspace, lookup};

/// 25 October 2025, 09:00 in Hanoi: during the demo event.
const DURING: i64 = 1_761_357_600;
const MAIN: &str = "Main entrance (Thăng Long Boulevard) – Plenary hall";

/// Set in the child that plays the dashboard: the data directory, and
/// `write-lock` or `read` for how it reads.
const DASHBOARD_DIR: &str = "GATE_BENCH_DASHBOARD_DIR";
const DASHBOARD_MODE: &str = "GATE_BENCH_DASHBOARD_MODE";

fn main() {
    if let (Ok(dir), Ok(mode)) = (std::env::var(DASHBOARD_DIR), std::env::var(DASHBOARD_MODE)) {
        return dashboard_loop(Path::new(&dir), &mode);
    }
    let participants: usize = std::env::var("GATE_BENCH_PARTICIPANTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    // On the same disk as a real store (not a RAM disk), so fsync is real.
    let dir = tempfile::tempdir_in(std::env::temp_dir()).expect("temporary directory");
    let ws = Workspace::new(dir.path().join("data"));
    let started = Instant::now();
    accredit::demo::create(&ws, participants, accredit::demo::Dates::seed(), false).expect("demo");
    println!(
        "demo with {participants} participants built in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    println!(
        "fsync floor: {:.0} commits/s of one row (WAL, synchronous = FULL)",
        fsync_floor(dir.path())
    );

    let conn = ws.open().expect("store");
    let texts: Vec<String> = lookup::badges::list(&conn)
        .expect("badges")
        .into_iter()
        .filter(|b| b.status == BadgeStatus::Active && b.zones.contains(1))
        .map(|b| b.credential)
        .collect();
    drop(conn);
    println!("{} active badges open zone 1", texts.len());
    let officer = Actor {
        operator: None,
        name: "gate".into(),
        role: Role::Gate,
    };

    let mut online = Station::open_store(ws.open().expect("store")).expect("station");
    let mut next = 0;
    verdict_latency(
        "main store",
        &mut online,
        &officer,
        &texts,
        &mut next,
        1_000,
    );
    report(
        "main store, one commit per scan",
        run(&mut online, &officer, &texts, &mut next, 2_000, 1),
    );
    for batch in [16, 64] {
        report(
            &format!("main store, group commit of {batch}"),
            run(&mut online, &officer, &texts, &mut next, 20_000, batch),
        );
    }
    for (mode, what) in [
        (
            "write-lock",
            "before: the dashboard's reads hold the write lock",
        ),
        (
            "read",
            "after: the dashboard reads in a deferred read transaction",
        ),
    ] {
        let mut dashboard = Dashboard::start(&ws, mode);
        let figures = run(&mut online, &officer, &texts, &mut next, 2_000, 1);
        let recomputed = dashboard.stop();
        report(
            &format!(
                "main store, one commit per scan, dashboard recomputing in another process ({what}; {recomputed} recomputations meanwhile)"
            ),
            figures,
        );
    }

    let package_path = dir.path().join("main.gate");
    let started = Instant::now();
    let summary = package::export(
        &ws,
        &mut ws.open().expect("store"),
        &Actor::system(),
        &[MAIN.into()],
        &package_path,
        DURING,
    )
    .expect("package");
    println!(
        "gate package: {} holders, {} photos, {:.1} MB, written in {:.1} s",
        summary.holders,
        summary.photos,
        summary.bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    let root = accredit::signing::root_public(&ws.open().expect("store")).expect("root");
    let mut enrolment = accredit::gate::enrolment::Enrolment::enrol(
        &dir.path().join("laptop"),
        root,
        None,
        "bench",
        false,
        DURING,
    )
    .expect("enrol");
    let started = Instant::now();
    // Opening checks the trust list, the seal and every table's digest.
    let mut offline =
        Station::open_package(&package_path, &mut enrolment).expect("package station");
    println!(
        "gate package opened and checked in {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    let mut next = 0;
    verdict_latency(
        "gate package",
        &mut offline,
        &officer,
        &texts,
        &mut next,
        1_000,
    );
    report(
        "gate package, one commit per scan",
        run(&mut offline, &officer, &texts, &mut next, 2_000, 1),
    );
    report(
        "gate package, group commit of 64",
        run(&mut offline, &officer, &texts, &mut next, 20_000, 64),
    );
}

/// The child process recomputing the dashboard in a loop.
struct Dashboard {
    child: std::process::Child,
    lines: std::io::Lines<std::io::BufReader<std::process::ChildStdout>>,
}

impl Dashboard {
    /// Starts the child and waits for its first recomputation, so the
    /// scans that follow all meet a running dashboard.
    fn start(ws: &Workspace, mode: &str) -> Dashboard {
        let mut child = std::process::Command::new(std::env::current_exe().expect("bench binary"))
            .env(DASHBOARD_DIR, ws.data_dir())
            .env(DASHBOARD_MODE, mode)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("dashboard process");
        let stdout = child.stdout.take().expect("dashboard stdout");
        let mut lines = std::io::BufReader::new(stdout).lines();
        lines
            .next()
            .expect("dashboard started")
            .expect("dashboard output");
        Dashboard { child, lines }
    }

    /// Stops the child; how many recomputations it finished.
    fn stop(&mut self) -> usize {
        self.child.kill().expect("stop the dashboard");
        let _ = self.child.wait();
        // It printed one line per recomputation.
        1 + self.lines.by_ref().map_while(Result::ok).count()
    }
}

/// The dashboard's recomputation, over and over, one line printed after
/// each: with `write-lock` as `attendance::load` read before (a transaction
/// begun IMMEDIATE around the reads), with `read` as it reads now.
fn dashboard_loop(dir: &Path, mode: &str) {
    use std::io::Write;
    let ws = Workspace::new(dir);
    let conn = ws.open().expect("store");
    let actor = Actor::system();
    let mut out = std::io::stdout();
    loop {
        let started = Instant::now();
        let at = DURING + 3_600;
        if mode == "write-lock" {
            conn.execute_batch("BEGIN IMMEDIATE").expect("begin");
            let facts = accredit::attendance::Facts::read(&conn, at, None).expect("facts");
            conn.execute_batch("COMMIT").expect("commit");
            std::hint::black_box(accredit::attendance::Figures::compute(&facts));
        } else {
            let loaded = accredit::attendance::load(&conn, &actor, at, None).expect("figures");
            std::hint::black_box(loaded);
        }
        writeln!(out, "{:.0} ms", started.elapsed().as_secs_f64() * 1000.0).expect("stdout");
        out.flush().expect("stdout");
    }
}

struct Figures {
    scans: usize,
    elapsed: Duration,
    /// Per scan: from handing the batch to the station to its verdict,
    /// committed.
    verdicts: Vec<Duration>,
}

/// The `i`-th scan of a run: each badge enters, then on its next turn
/// leaves, so every scan goes through anti-passback.
fn request<'a>(texts: &'a [String], checkpoint: i64, i: usize) -> ScanRequest<'a> {
    ScanRequest {
        text: &texts[i % texts.len()],
        checkpoint,
        direction: if (i / texts.len()).is_multiple_of(2) {
            Direction::Entry
        } else {
            Direction::Exit
        },
        at: DURING + i as i64,
        station: "Bench lane",
    }
}

/// Scans `count` badges in batches of `batch` (1: a commit per scan).
fn run(
    station: &mut Station,
    officer: &Actor,
    texts: &[String],
    next: &mut usize,
    count: usize,
    batch: usize,
) -> Figures {
    let checkpoint = station.checkpoint_named(MAIN).expect("checkpoint").id;
    let mut verdicts = Vec::with_capacity(count);
    let started = Instant::now();
    let mut done = 0;
    while done < count {
        let n = batch.min(count - done);
        let requests: Vec<ScanRequest> = (0..n)
            .map(|k| request(texts, checkpoint, *next + k))
            .collect();
        let asked = Instant::now();
        let outcomes = station.scan_batch(officer, &requests).expect("scans");
        let answered = asked.elapsed();
        for outcome in outcomes {
            let outcome = outcome.expect("scan");
            assert!(outcome.passed, "{}: {}", outcome.verdict, outcome.message);
            verdicts.push(answered);
        }
        *next += n;
        done += n;
    }
    Figures {
        scans: count,
        elapsed: started.elapsed(),
        verdicts,
    }
}

/// What the gate screen waits for after Enter: the scan committed, then
/// the holder's photo decoded, ready to draw.
fn verdict_latency(
    what: &str,
    station: &mut Station,
    officer: &Actor,
    texts: &[String],
    next: &mut usize,
    count: usize,
) {
    let checkpoint = station.checkpoint_named(MAIN).expect("checkpoint").id;
    let mut times = Vec::with_capacity(count);
    for _ in 0..count {
        let asked = Instant::now();
        let outcome = station
            .scan(officer, &request(texts, checkpoint, *next))
            .expect("scan");
        if let Some(jpeg) = outcome.holder.as_ref().and_then(|h| h.photo.as_ref()) {
            let decoded = image::load_from_memory(jpeg).expect("photo").to_rgba8();
            std::hint::black_box(decoded);
        }
        times.push(asked.elapsed());
        *next += 1;
    }
    let (median, p99, max) = percentiles(&mut times);
    println!(
        "{what}: verdict ready to draw (scan committed, photo decoded): median {median:.2} ms, p99 {p99:.2} ms, max {max:.2} ms over {count} scans"
    );
}

fn percentiles(times: &mut [Duration]) -> (f64, f64, f64) {
    times.sort();
    let at = |p: f64| {
        let i = ((times.len() as f64 * p) as usize).min(times.len() - 1);
        times[i].as_secs_f64() * 1000.0
    };
    (at(0.5), at(0.99), at(1.0))
}

fn report(what: &str, mut f: Figures) {
    let (median, p99, max) = percentiles(&mut f.verdicts);
    println!(
        "{what}: {:.0} scans/s ({} scans in {:.2} s); verdict committed after median {median:.2} ms, p99 {p99:.2} ms, max {max:.2} ms",
        f.scans as f64 / f.elapsed.as_secs_f64(),
        f.scans,
        f.elapsed.as_secs_f64(),
    );
}

/// How many one-row commits per second the disk allows with full sync.
fn fsync_floor(dir: &Path) -> f64 {
    let conn = rusqlite::Connection::open(dir.join("floor.sqlite")).expect("floor");
    accredit::db::configure_sqlite(&conn).expect("configure");
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)", [])
        .expect("table");
    let n = 500;
    let started = Instant::now();
    for i in 0..n {
        conn.execute("INSERT INTO t (id, v) VALUES (?1, 'x')", [i])
            .expect("insert");
    }
    n as f64 / started.elapsed().as_secs_f64()
}
