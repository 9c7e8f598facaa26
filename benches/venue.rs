//! A venue at full load: many gate processes and many desk processes on one
//! event at once (`cargo bench --bench venue -- postgres|sqlite`; defaults:
//! 40 gates asked for 2,000 scans/s in all, 20 desks, 20 s counted after 2 s
//! of warm-up, the demo with 20,000 participants; `VENUE_GATES`,
//! `VENUE_SCAN_RATE` (0: each gate scans flat out), `VENUE_DESKS`,
//! `VENUE_SECONDS`, `VENUE_PARTICIPANTS`).
//!
//! Each gate is a process of its own with its own connection, scanning the
//! badges of its own share of the demo at the main entrance, entry then exit
//! (every scan goes through anti-passback and is committed before its
//! verdict). At a rate, each gate has a scan due every so many ms and its
//! verdict time runs from that instant, so a gate that falls behind counts
//! its lateness too; flat out, each scan starts when the last is done (its
//! latency then says how long 40 gates queue for the machine, not how long a
//! verdict takes at a given load). Each desk is a process printing badges
//! again in runs of 25, flat out, through the real print path (selection,
//! credentials, PDF rendered and written, prints and audit entries
//! committed). On PostgreSQL the bench starts a cluster of its own with
//! fsync and synchronous commit on, as a venue's server runs; on SQLite
//! every process opens the same file.
//!
//! Printed: scans per second over all gates, the verdict latency (due to
//! committed) at the median, p99 and max; badges per second over all desks,
//! and the longest print run; and where the machine's CPU went meanwhile
//! (gates, desks, the server's backends on PostgreSQL, the whole machine):
//! on a small machine the clients and the server share its cores, so the
//! figures are a share of them, not the capacity of the program.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "benchmarks and examples stop at the first failure"
)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use accredit::auth::Actor;
use accredit::desk::printing::{self, Selection};
use accredit::domain::{BadgeStatus, Direction, Layout, ParticipantId, Role};
use accredit::gate::{ScanRequest, Station};
use accredit::{Workspace, db, lookup};

/// 25 October 2025, 09:00 in Hanoi: during the demo event.
const DURING: i64 = 1_761_357_600;
const MAIN: &str = "Main entrance (Thăng Long Boulevard) – Plenary hall";
/// Badges per print run: a delegation's worth.
const RUN: usize = 25;
/// Work done in the first moments is not counted: each process's first
/// scans and runs prepare its statements and fill its caches, and those of
/// its backend, all at once with the 59 others.
const WARM_UP: Duration = Duration::from_secs(2);

/// Set in a child: `gate` or `desk`, its number, the workload's share, the
/// instant (Unix ms) to start at, how long to run (s, after the warm-up),
/// and a gate's pace: µs between its scans and µs of offset (`0 0`: flat
/// out).
const ROLE: &str = "VENUE_ROLE";

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    if let Ok(role) = std::env::var(ROLE) {
        return child(&role);
    }
    let engine = std::env::args()
        .skip(1)
        .find(|a| a == "postgres" || a == "sqlite")
        .unwrap_or_else(|| "postgres".into());
    let gates = env_or("VENUE_GATES", 40);
    let desks = env_or("VENUE_DESKS", 20);
    let seconds = env_or("VENUE_SECONDS", 20);
    let participants = env_or("VENUE_PARTICIPANTS", 20_000);
    let scan_rate = env_or("VENUE_SCAN_RATE", 2_000);

    let dir = tempfile::tempdir_in(std::env::temp_dir()).expect("temporary directory");
    let data = dir.path().join("data");
    let mut _cluster = None;
    let ws = if engine == "postgres" {
        let cluster = accredit::test_server::Cluster::start_durable().expect("PostgreSQL");
        let url = cluster.new_database("venue");
        _cluster = Some(cluster);
        Workspace::new(&data).on_server(db::ServerUrl::parse(&url).unwrap(), None)
    } else {
        Workspace::new(&data)
    };
    let started = Instant::now();
    accredit::demo::create(&ws, participants, accredit::demo::Dates::seed(), false).expect("demo");
    println!(
        "{engine}: demo with {participants} participants built in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let conn = ws.open().expect("store");
    let active: Vec<_> = lookup::badges::list(&conn)
        .expect("badges")
        .into_iter()
        .filter(|b| b.status == BadgeStatus::Active && b.zones.contains(1))
        .collect();
    drop(conn);
    // Gates scan the first half of the badges, desks print the second: a
    // desk's print run and a gate's scan of one badge may meet, as at a
    // venue, but most work is on different people.
    let half = active.len() / 2;
    let credentials: Vec<String> = active[..half]
        .iter()
        .map(|b| b.credential.clone())
        .collect();
    let holders: Vec<i64> = active[half..].iter().map(|b| b.participant).collect();
    println!(
        "{} badges to scan, {} holders to print for; {gates} gates ({}) and {desks} desks for {seconds} s",
        credentials.len(),
        holders.len(),
        if scan_rate == 0 {
            "flat out".to_owned()
        } else {
            format!("{scan_rate} scans/s asked of them all")
        }
    );
    let share_dir = dir.path().join("shares");
    std::fs::create_dir_all(&share_dir).unwrap();
    let start_at = unix_ms() + 3_000 + 150 * (gates + desks) as u128;
    let mut children = Vec::new();
    for (role, count, items) in [
        ("gate", gates, credentials),
        ("desk", desks, holders.iter().map(i64::to_string).collect()),
    ] {
        for i in 0..count {
            let share: Vec<&String> = items.iter().skip(i).step_by(count.max(1)).collect();
            let file = share_dir.join(format!("{role}-{i}"));
            std::fs::write(
                &file,
                share
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join("\n"),
            )
            .unwrap();
            // Gates at a rate share it, each one scan every `every` µs,
            // staggered so the scans arrive evenly.
            let pace = match (role, scan_rate) {
                ("gate", 1..) => {
                    let every = (gates * 1_000_000 / scan_rate) as u64;
                    (every, every * i as u64 / gates as u64)
                }
                _ => (0, 0),
            };
            children.push(spawn(&ws, role, i, &file, start_at, seconds, pace));
        }
    }
    // Where the CPU goes while they work: the machine's and the server's at
    // the common start and at the end.
    while unix_ms() < start_at + WARM_UP.as_millis() {
        std::thread::sleep(Duration::from_millis(5));
    }
    // The CPU is counted until a second before the end, while every child
    // and its backend still runs (a backend's time goes with it).
    let started = Instant::now();
    let counted = seconds.saturating_sub(1).max(1) as f64;
    let (machine_before, server_before) = (machine_cpu(), server_cpu());
    let mut waits = watch_lock_waits(&ws, started + Duration::from_secs_f64(counted));
    let (machine, server) = (machine_cpu() - machine_before, server_cpu() - server_before);
    if let (Some(w), Some(rest)) = (
        &mut waits,
        watch_lock_waits(&ws, started + Duration::from_secs(seconds as u64)),
    ) {
        w.add(rest);
    }
    let mut verdicts = Vec::new();
    let mut runs = Vec::new();
    let mut badges = 0usize;
    let mut cpu = [Duration::ZERO; 2];
    let mut failed = [0usize; 2];
    let mut reasons = Vec::new();
    for (role, child) in children {
        let out = child.wait_with_output().expect("child");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "a {role} failed: {stderr}");
        reasons.extend(
            stderr
                .lines()
                .filter(|l| l.starts_with("gate ") || l.starts_with("desk "))
                .take(1)
                .map(str::to_owned),
        );
        for line in BufReader::new(&out.stdout[..]).lines() {
            let line = line.unwrap();
            let (kind, micros) = line.split_once(' ').unwrap();
            let d = Duration::from_micros(micros.parse().unwrap());
            match kind {
                "scan" => verdicts.push(d),
                "run" => {
                    runs.push(d);
                    badges += RUN;
                }
                "cpu" => cpu[usize::from(role == "desk")] += d,
                "failed" => failed[usize::from(role == "desk")] += 1,
                _ => {}
            }
        }
    }
    let secs = seconds as f64;
    let (median, p99, max) = percentiles(&mut verdicts);
    println!(
        "{engine}: {gates} gates: {} scans in {seconds} s = {:.0} scans/s; verdict committed after median {median:.1} ms, p99 {p99:.1} ms, max {max:.1} ms",
        verdicts.len(),
        verdicts.len() as f64 / secs
    );
    let (median, p99, max) = percentiles(&mut runs);
    println!(
        "{engine}: {desks} desks: {badges} badges in {} runs of {RUN} = {:.0} badges/s; a run took median {median:.0} ms, p99 {p99:.0} ms, max {max:.0} ms",
        runs.len(),
        badges as f64 / secs
    );
    if let Some(waits) = waits {
        println!(
            "{engine}: writers waiting for a row lock another transaction holds (desks: the audit chain, the same people): {:.1} at a time on average, the longest wait seen {:.0} ms ({} samples, one every 50 ms)",
            waits.waiting as f64 / waits.samples.max(1) as f64,
            waits.longest * 1000.0,
            waits.samples
        );
    }
    if failed != [0, 0] {
        println!(
            "{engine}: the store refused {} scans and {} print runs, e.g. {}",
            failed[0],
            failed[1],
            reasons.first().map_or("", String::as_str)
        );
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let [gates_cpu, desks_cpu] = cpu.map(|d| d.as_secs_f64());
    let per = |cpu: f64, n: usize| cpu * 1000.0 / n.max(1) as f64;
    println!(
        "{engine}: CPU: gates {gates_cpu:.1} s in all ({:.2} ms a scan), desks {desks_cpu:.1} s ({:.2} ms a badge); over the first {counted:.0} s ({:.0} core-seconds on {cores} cores): {}the whole machine {machine:.1} s (other programs included)",
        per(gates_cpu, verdicts.len()),
        per(desks_cpu, badges),
        counted * cores as f64,
        if engine == "postgres" {
            format!("the server's backends {server:.1} s, ")
        } else {
            String::new()
        },
    );
}

/// Lock waits seen on the server while the bench runs.
struct LockWaits {
    samples: usize,
    /// Waiting backends, summed over the samples.
    waiting: usize,
    /// The longest a statement had been waiting for a lock when sampled (s).
    longest: f64,
}

impl LockWaits {
    fn add(&mut self, other: LockWaits) {
        self.samples += other.samples;
        self.waiting += other.waiting;
        self.longest = self.longest.max(other.longest);
    }
}

/// Until `until`, every 50 ms, how many backends wait for a row or table
/// lock (not the gates' advisory locks on a holder, which is anti-passback
/// doing its work) and since when. `None` on SQLite, which has no such
/// view: there one writer at a time holds the file.
fn watch_lock_waits(ws: &Workspace, until: Instant) -> Option<LockWaits> {
    let Some(server) = ws.server() else {
        std::thread::sleep(until.saturating_duration_since(Instant::now()));
        return None;
    };
    let mut client = postgres::Client::connect(&server.url.text, postgres::NoTls).ok()?;
    let mut waits = LockWaits {
        samples: 0,
        waiting: 0,
        longest: 0.0,
    };
    while Instant::now() < until {
        let row = client
            .query_one(
                "SELECT count(*), coalesce(max(extract(epoch FROM clock_timestamp() - query_start)), 0)::float8
                 FROM pg_stat_activity
                 WHERE datname = current_database() AND wait_event_type = 'Lock'
                     AND wait_event <> 'advisory'",
                &[],
            )
            .ok()?;
        waits.samples += 1;
        waits.waiting += row.get::<_, i64>(0) as usize;
        waits.longest = waits.longest.max(row.get(1));
        std::thread::sleep(Duration::from_millis(50));
    }
    Some(waits)
}

/// CPU seconds of a process from its `/proc/PID/stat` (user and system
/// time, in the kernel's 100 ticks a second).
fn process_cpu(stat: &str) -> f64 {
    let Some((_, fields)) = stat.rsplit_once(')') else {
        return 0.0;
    };
    let fields: Vec<&str> = fields.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    (ticks(11) + ticks(12)) as f64 / 100.0
}

/// This process's CPU seconds so far, all its threads.
fn own_cpu() -> f64 {
    process_cpu(&std::fs::read_to_string("/proc/self/stat").unwrap_or_default())
}

/// CPU seconds the machine has spent busy, over all cores, since it started.
fn machine_cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let ticks: Vec<u64> = stat
        .lines()
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .skip(1)
        .filter_map(|t| t.parse().ok())
        .collect();
    // user nice system idle iowait irq softirq steal: all but idle and iowait.
    let busy: u64 = ticks
        .iter()
        .take(8)
        .enumerate()
        .filter(|(i, _)| *i != 3 && *i != 4)
        .map(|(_, t)| t)
        .sum();
    busy as f64 / 100.0
}

/// CPU seconds of the PostgreSQL backends serving the bench's database
/// (their process titles name it: "postgres: USER venue …").
fn server_cpu() -> f64 {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return 0.0;
    };
    entries
        .flatten()
        .filter(|e| {
            std::fs::read(e.path().join("cmdline")).is_ok_and(|title| {
                let title = String::from_utf8_lossy(&title);
                title.starts_with("postgres: ") && title.contains(" venue ")
            })
        })
        .filter_map(|e| std::fs::read_to_string(e.path().join("stat")).ok())
        .map(|stat| process_cpu(&stat))
        .sum()
}

fn unix_ms() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis()
}

fn spawn(
    ws: &Workspace,
    role: &'static str,
    i: usize,
    share: &Path,
    start_at: u128,
    seconds: usize,
    (every, offset): (u64, u64),
) -> (&'static str, Child) {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .env(
            ROLE,
            format!(
                "{role} {i} {} {start_at} {seconds} {every} {offset}",
                share.display()
            ),
        )
        .env("ACCREDIT_DATA_DIR", ws.data_dir())
        .env("ACCREDIT_NOW", DURING.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(server) = ws.server() {
        command.env("VENUE_DATABASE", &server.url.text);
    }
    (role, command.spawn().expect("child process"))
}

/// A gate or desk process: waits for the common start, works until the
/// end, and prints one line per scan or print run with its duration.
fn child(spec: &str) {
    let parts: Vec<&str> = spec.split(' ').collect();
    let (role, index, share) = (parts[0], parts[1], Path::new(parts[2]));
    let start_at: u128 = parts[3].parse().unwrap();
    let seconds: u64 = parts[4].parse().unwrap();
    // A gate's schedule: a scan every so many µs from an offset, or none.
    let pace = match (parts[5].parse::<u64>().unwrap(), parts[6].parse().unwrap()) {
        (0, _) => None,
        (every, offset) => Some((Duration::from_micros(every), Duration::from_micros(offset))),
    };
    let items: Vec<String> = std::fs::read_to_string(share)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    let mut ws = Workspace::new(std::env::var("ACCREDIT_DATA_DIR").unwrap());
    if let Ok(url) = std::env::var("VENUE_DATABASE") {
        ws = ws.on_server(db::ServerUrl::parse(&url).unwrap(), None);
    }
    let conn = ws.open().expect("store");
    while unix_ms() < start_at {
        std::thread::sleep(Duration::from_millis(5));
    }
    // Work starts now; what is done from `counted_from` to `until` is
    // counted.
    let counted_from = Instant::now() + WARM_UP;
    let until = counted_from + Duration::from_secs(seconds);
    let mut cpu_before = None;
    let mut note_cpu = |now: Instant| {
        if cpu_before.is_none() && now >= counted_from {
            cpu_before = Some(own_cpu());
        }
    };
    let mut lines = String::new();
    if role == "gate" {
        let officer = Actor {
            operator: None,
            name: format!("gate {index}"),
            role: Role::Gate,
        };
        let mut station = Station::open_store(conn).expect("station");
        let checkpoint = station.checkpoint_named(MAIN).expect("checkpoint").id;
        let started = Instant::now();
        let mut i = 0usize;
        while Instant::now() < until {
            // Paced, a scan is due at its instant on the gate's schedule and
            // its verdict time runs from then, so a gate that falls behind
            // counts the wait too (no coordinated omission).
            let due = pace.map_or_else(Instant::now, |(every, offset)| {
                started + offset + every * u32::try_from(i).unwrap()
            });
            note_cpu(due);
            if let Some(wait) = due.checked_duration_since(Instant::now()) {
                std::thread::sleep(wait);
            }
            let request = ScanRequest {
                text: &items[i % items.len()],
                checkpoint,
                direction: if (i / items.len()).is_multiple_of(2) {
                    Direction::Entry
                } else {
                    Direction::Exit
                },
                at: DURING + i as i64,
                station: "Venue lane",
            };
            // A scan the store refuses (SQLite's busy timeout under this
            // load) is counted, not fatal: the officer scans the same badge
            // again, as at a real gate.
            match station.scan(&officer, &request) {
                Ok(outcome) => {
                    let took = due.elapsed();
                    assert!(outcome.passed, "{}: {}", outcome.verdict, outcome.message);
                    if due >= counted_from {
                        lines.push_str(&format!("scan {}\n", took.as_micros()));
                    }
                    i += 1;
                }
                Err(e) => {
                    eprintln!("gate {index}: {e}");
                    lines.push_str(&format!("failed {}\n", due.elapsed().as_micros()));
                }
            }
        }
    } else {
        let mut conn = conn;
        let clerk = Actor {
            operator: None,
            name: format!("desk {index}"),
            role: Role::Administrator,
        };
        let ids: Vec<ParticipantId> = items
            .iter()
            .map(|s| s.parse::<ParticipantId>().unwrap())
            .collect();
        let pdf =
            std::env::temp_dir().join(format!("venue-desk-{}-{index}.pdf", std::process::id()));
        let mut next = 0;
        while Instant::now() < until {
            let chunk: Vec<ParticipantId> = (0..RUN).map(|k| ids[(next + k) % ids.len()]).collect();
            next += RUN;
            let selection = Selection {
                participants: chunk,
                handed_over_again: true,
                confirmed: true,
                ..Default::default()
            };
            let asked = Instant::now();
            note_cpu(asked);
            match printing::print(
                &ws,
                &mut conn,
                &clerk,
                &selection,
                Layout::A6,
                &pdf,
                &|_| true,
            ) {
                Ok(summary) => {
                    assert_eq!(summary.badges, RUN, "{summary:?}");
                    if asked >= counted_from {
                        lines.push_str(&format!("run {}\n", asked.elapsed().as_micros()));
                    }
                }
                Err(e) => {
                    eprintln!("desk {index}: {e}");
                    lines.push_str(&format!("failed {}\n", asked.elapsed().as_micros()));
                }
            }
        }
        let _ = std::fs::remove_file(&pdf);
    }
    // This process's CPU time over the counted time, for the parent's sums.
    let cpu = own_cpu() - cpu_before.unwrap_or_else(own_cpu);
    lines.push_str(&format!("cpu {}\n", (cpu * 1e6) as u64));
    print!("{lines}");
}

fn percentiles(times: &mut [Duration]) -> (f64, f64, f64) {
    if times.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    times.sort();
    let at = |p: f64| {
        let i = ((times.len() as f64 * p) as usize).min(times.len() - 1);
        times[i].as_secs_f64() * 1000.0
    };
    (
        at(0.5),
        at(0.99),
        times[times.len() - 1].as_secs_f64() * 1000.0,
    )
}
