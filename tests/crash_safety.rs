//! Crash safety: long writes are killed with SIGKILL part-way, the store is
//! reopened, and everything committed must be there and nothing
//! half-written. The harness is generic: a [`Scenario`] says how to prepare
//! a store, which commands to run one after another, and what must hold of
//! the store after the kill, given how many commands had finished. Add a
//! scenario to [`SCENARIOS`].
//!
//! With `ACCREDIT_TEST_ENGINE=postgres` the event is on a database of the
//! test server: each copy of the prepared event is a copy of its database
//! (`CREATE DATABASE … TEMPLATE`), and after a kill the checks wait until
//! the server has ended the killed program's session (rolled back what it
//! had not committed) before they read.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

mod common;

use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use accredit::db::Db;
use accredit::{audit, lookup};
use common::Accredit;

/// A command of a run: the operator and the arguments.
type Step = (&'static str, Vec<String>);

/// One long write to interrupt.
struct Scenario {
    name: &'static str,
    /// The demo conference's size to start from.
    participants: usize,
    /// Further set-up, run to completion before anything is killed.
    prepare: fn(&Accredit),
    /// The commands run one after another: (operator, arguments).
    steps: fn(&Accredit) -> Vec<Step>,
    /// What must hold after the kill: the store as it was before, the
    /// store now, and how far the run got.
    check: fn(&Before, &Accredit, &Progress),
}

/// The store before the interrupted run, as the scenario saw it.
struct Before {
    participants: usize,
    badges: usize,
    /// Audit entries by action.
    prints: i64,
    approvals: i64,
    scans: usize,
    /// The participants the steps name last, in order (e.g. approved one by one).
    ids: Vec<i64>,
}

/// How far the run got before the kill.
#[derive(Debug)]
struct Progress {
    /// Steps that exited successfully.
    finished: usize,
    /// The step that was running when the process was killed.
    killed: Option<usize>,
}

/// The large demo that is killed mid-build. A server builds it about five
/// times slower than a SQLite file (93 s for 100,000 here), and the kills
/// fall at fractions of the full build's time, so a smaller event on
/// PostgreSQL asks the same question in a suite that stays short.
fn large_demo() -> usize {
    if common::on_postgres() {
        20_000
    } else {
        100_000
    }
}

const SCENARIOS: &[Scenario] = &[
    Scenario {
        name: "demo --force of a large event (100,000 participants; 20,000 on PostgreSQL) over an existing event",
        participants: 200,
        prepare: |_| {},
        steps: |_| {
            vec![(
                "admin",
                args(&[
                    "demo",
                    "--participants",
                    &large_demo().to_string(),
                    "--force",
                ]),
            )]
        },
        check: |before, a, _| {
            let conn = a.conn();
            let n = count(&conn, "participants");
            assert!(
                n == before.participants || n == large_demo(),
                "either the old event ({}) or the whole new one, not {n}",
                before.participants
            );
            // The store's current signing key is there to sign with.
            let key = lookup::keys::current(&conn)
                .unwrap()
                .expect("a signing key");
            accredit::credential::read_secret(&a.data_dir().join("keys"), &key.kid)
                .expect("the current key's secret is in keys/");
        },
    },
    Scenario {
        name: "one large batch print",
        participants: 1500,
        prepare: |a| {
            // Every nominee approved, so the job issues new badges as well as
            // printing active ones again.
            let ids = ids_with_status(a, "nominated");
            let mut approve = args(&["participants", "approve", "--over-quota", "rehearsal"]);
            approve.extend(ids.iter().map(|i| i.to_string()));
            a.ok_as(
                "supervisor",
                &approve.iter().map(String::as_str).collect::<Vec<_>>(),
            );
        },
        steps: |a| {
            let pdf = a.data_dir().join("batch.pdf");
            vec![(
                "clerk",
                args(&[
                    "badges",
                    "print",
                    "--layout",
                    "a4x4",
                    // The seed's badges ended with October 2025.
                    "--confirm",
                    // Every approved badge, those handed over included.
                    "--handed-over-again",
                    "-o",
                    pdf.to_str().unwrap(),
                ]),
            )]
        },
        check: |before, a, progress| {
            let conn = a.conn();
            let approved = ids_with_status(a, "approved").len();
            let printed = audit_count(&conn, "badge.print") - before.prints;
            let issued = count(&conn, "badges") - before.badges;
            let pdf = a.data_dir().join("batch.pdf");
            if printed == 0 {
                assert_eq!(issued, 0, "no badge issued without its print");
                assert!(!pdf.exists(), "no PDF of uncommitted badges");
                assert_eq!(progress.finished, 0);
            } else {
                assert_eq!(
                    printed as usize, approved,
                    "every approved badge printed, or none"
                );
                assert!(issued > 0);
                // Killed after the commit but before the rename at worst: no
                // PDF, and printing again prints the same badges.
                if progress.finished == 1 {
                    assert!(pdf.exists());
                }
            }
        },
    },
    Scenario {
        name: "a burst of approvals, one command each",
        participants: 400,
        prepare: |_| {},
        steps: |a| {
            ids_with_status(a, "nominated")
                .into_iter()
                .take(40)
                .map(|id| {
                    (
                        "supervisor",
                        // The id last: `before_of` reads it from there.
                        args(&[
                            "participants",
                            "approve",
                            "--over-quota",
                            "rehearsal",
                            &id.to_string(),
                        ]),
                    )
                })
                .collect()
        },
        check: |before, a, progress| {
            let conn = a.conn();
            let approved: Vec<bool> = before
                .ids
                .iter()
                .map(|&id| {
                    lookup::participants::get(&conn, id).unwrap().status
                        == accredit::domain::ParticipantStatus::Approved
                })
                .collect();
            // Every finished command's approval is there; the killed one's is
            // whole or absent; none after it ran.
            let done = approved.iter().take_while(|a| **a).count();
            assert!(
                approved[done..].iter().all(|a| !a),
                "approvals in order: {approved:?}"
            );
            assert!(done >= progress.finished, "{done} approved, {progress:?}");
            assert!(
                done <= progress.finished + 1,
                "{done} approved, {progress:?}"
            );
            let entries = audit_count(&conn, "participant.approve") - before.approvals;
            assert_eq!(entries as usize, done, "one audit entry per approval");
        },
    },
    Scenario {
        name: "an import of a 30,000-row nomination list",
        participants: 0,
        prepare: |a| {
            let codes = ["VNM", "FRA", "RUS", "CHN", "USA", "BRA", "EGY", "IND"];
            let mut text = String::from(
                "Delegation;Category;Family name;Given names;Date of birth;Passport number;Passport expiry;Reference\n",
            );
            for i in 0..IMPORT_ROWS {
                let code = codes[i % codes.len()];
                text.push_str(&format!(
                    "{code};DEL;Trần-{i};Thị {i};{:02}/{:02}/19{:02};P{i:07};2031-01-01;{code}-{i:05}\n",
                    1 + i % 28,
                    1 + i % 12,
                    50 + i % 50
                ));
            }
            std::fs::write(a.data_dir().join("nominations.csv"), text).unwrap();
        },
        steps: |a| {
            let csv = a.data_dir().join("nominations.csv");
            vec![("clerk", args(&["import", csv.to_str().unwrap()]))]
        },
        check: |before, a, progress| {
            let conn = a.conn();
            let added = count(&conn, "participants") - before.participants;
            let entries = audit_count(&conn, "participant.import") as usize;
            let files = audit_count(&conn, "import.nominations");
            assert!(
                (added, entries, files) == (0, 0, 0)
                    || (added, entries, files) == (IMPORT_ROWS, IMPORT_ROWS, 1),
                "the whole list or nothing: {added} participants, {entries} entries, {files} imports"
            );
            if progress.finished == 1 {
                assert_eq!(added, IMPORT_ROWS);
            }
        },
    },
    Scenario {
        name: "a burst of scans at a gate, one command each",
        participants: 300,
        prepare: |_| {},
        steps: |a| {
            let badges = a.json(&["badges", "list", "--json"]);
            badges
                .as_array()
                .unwrap()
                .iter()
                .filter(|b| b["status"] == "active")
                .take(40)
                .map(|b| {
                    (
                        "gate",
                        args(&[
                            "scan",
                            b["credential"].as_str().unwrap(),
                            "--checkpoint",
                            MAIN_ENTRANCE,
                            "--at",
                            DURING_EVENT,
                            "--station",
                            "Lane 1",
                        ]),
                    )
                })
                .collect()
        },
        check: |before, a, progress| {
            let conn = a.conn();
            let recorded = count(&conn, "scans") - before.scans;
            // Every scan whose verdict was given is stored; the killed one
            // is whole or absent.
            assert!(
                recorded >= progress.finished,
                "{recorded} scans, {progress:?}"
            );
            let most = progress.finished + usize::from(progress.killed.is_some());
            assert!(recorded <= most, "{recorded} scans, {progress:?}");
            let whole: i64 = conn
                .query_row(
                    "SELECT count(*) FROM scans WHERE verdict = '' OR station = ''",
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(whole, 0, "no half-written scan");
        },
    },
];

const IMPORT_ROWS: usize = 30_000;
/// 25 October 2025, 09:00 in Hanoi: during the demo event.
const DURING_EVENT: &str = "1761357600";
const MAIN_ENTRANCE: &str = "Main entrance (Thăng Long Boulevard) – Plenary hall";

/// How far into a full run each kill comes.
const KILL_AT: [f64; 3] = [0.2, 0.5, 0.8];

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn count(conn: &Db, table: &str) -> usize {
    conn.query_value::<i64>(&format!("SELECT count(*) FROM {table}"), [])
        .unwrap() as usize
}

fn audit_count(conn: &Db, action: &str) -> i64 {
    conn.query_value("SELECT count(*) FROM audit_log WHERE action = ?1", [action])
        .unwrap()
}

fn ids_with_status(a: &Accredit, status: &str) -> Vec<i64> {
    common::ids(&a.json_as(
        "admin",
        &["participants", "list", "--status", status, "--json"],
    ))
}

trait Conn {
    fn conn(&self) -> Db;
}

impl Conn for Accredit {
    fn conn(&self) -> Db {
        self.workspace()
            .open()
            .expect("the store opens after the kill")
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of the prepared event: its data directory and, on PostgreSQL,
/// its database.
fn copy_of(template: &Accredit) -> Accredit {
    let a = match &template.database {
        Some(url) => Accredit::on_database(copy_database(url)),
        None => Accredit::empty(),
    };
    copy_dir(template.data_dir(), a.data_dir());
    a
}

/// The test server's maintenance database (`postgres`), and the name of
/// the database at `url`.
fn server_of(url: &str) -> (postgres::Client, String) {
    let (address, options) = url.split_once('?').unwrap_or((url, ""));
    let (server, name) = address.rsplit_once('/').expect("postgresql://…/database");
    let admin = format!("{server}/postgres?{options}");
    let client = postgres::Client::connect(&admin, postgres::NoTls)
        .unwrap_or_else(|e| panic!("the test server at {admin} does not answer: {e}"));
    (client, name.to_owned())
}

/// A new database of the test server, a copy of the one at `url` (which
/// no program may be using); its address.
fn copy_database(url: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let (mut server, name) = server_of(url);
    wait_until_unused(&mut server, &name);
    let copy = format!("{name}_copy_{}", NEXT.fetch_add(1, Ordering::Relaxed));
    server
        .batch_execute(&format!("CREATE DATABASE {copy} TEMPLATE {name}"))
        .unwrap_or_else(|e| panic!("cannot copy the database {name}: {e}"));
    url.replacen(&format!("/{name}"), &format!("/{copy}"), 1)
}

/// Waits until no session is open on the event's database, when it is on
/// the server: a program killed mid-write leaves a session that the
/// server ends (rolling back what was not committed) only once it notices.
fn wait_for_the_server(a: &Accredit) {
    if let Some(url) = &a.database {
        let (mut server, name) = server_of(url);
        wait_until_unused(&mut server, &name);
    }
}

fn wait_until_unused(server: &mut postgres::Client, database: &str) {
    let started = Instant::now();
    loop {
        let sessions: i64 = server
            .query_one(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = $1",
                &[&database],
            )
            .unwrap()
            .get(0);
        if sessions == 0 {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "{sessions} sessions still open on {database} after 2 minutes"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Runs the steps one after another; kills the running one with SIGKILL
/// once `kill_after` has passed.
fn run(a: &Accredit, steps: &[Step], kill_after: Option<Duration>) -> Progress {
    let started = Instant::now();
    let mut finished = 0;
    for (i, (operator, args)) in steps.iter().enumerate() {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let mut cmd: Command = a.command_as(operator, &args);
        let mut child = cmd
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                assert!(status.success(), "step {i} {args:?} failed: {status}");
                finished += 1;
                break;
            }
            if kill_after.is_some_and(|limit| started.elapsed() >= limit) {
                child.kill().unwrap(); // SIGKILL on Unix
                child.wait().unwrap();
                wait_for_the_server(a);
                return Progress {
                    finished,
                    killed: Some(i),
                };
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }
    Progress {
        finished,
        killed: None,
    }
}

/// What holds after any run, killed or not: the store opens, passes
/// SQLite's integrity check (on SQLite), and its audit chain is intact.
fn common_checks(a: &Accredit, scenario: &str) {
    let conn = a.conn();
    if conn.is_sqlite() {
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "{scenario}");
    }
    let chain = audit::verify(&conn).unwrap();
    assert!(chain.is_intact(), "{scenario}: {chain:?}");
    assert!(
        lookup::event::find(&conn).unwrap().is_some(),
        "{scenario}: an event"
    );
}

fn before_of(a: &Accredit, steps: &[Step]) -> Before {
    let conn = a.conn();
    let ids = steps
        .iter()
        .filter_map(|(_, args)| args.last().and_then(|l| l.parse().ok()))
        .collect::<Vec<i64>>();
    Before {
        participants: count(&conn, "participants"),
        badges: count(&conn, "badges"),
        prints: audit_count(&conn, "badge.print"),
        approvals: audit_count(&conn, "participant.approve"),
        scans: count(&conn, "scans"),
        ids,
    }
}

fn exercise(scenario: &Scenario) {
    let template = Accredit::demo(scenario.participants);
    (scenario.prepare)(&template);
    let steps = (scenario.steps)(&template);

    // A full run: how long it takes, and the check holds at its end too.
    let full = copy_of(&template);
    let steps_full = (scenario.steps)(&full);
    let before = before_of(&full, &steps_full);
    let started = Instant::now();
    let progress = run(&full, &steps_full, None);
    let duration = started.elapsed();
    assert_eq!(progress.finished, steps.len());
    common_checks(&full, scenario.name);
    (scenario.check)(&before, &full, &progress);

    let mut kills = 0;
    for fraction in KILL_AT {
        let a = copy_of(&template);
        let steps = (scenario.steps)(&a);
        let before = before_of(&a, &steps);
        let progress = run(&a, &steps, Some(duration.mul_f64(fraction)));
        let context = format!(
            "{} killed at {:.0}%: {progress:?}",
            scenario.name,
            fraction * 100.0
        );
        common_checks(&a, &context);
        (scenario.check)(&before, &a, &progress);
        // And the store takes new work after the crash.
        a.ok_as("clerk", &["participants", "list", "--json"]);
        kills += usize::from(progress.killed.is_some());
    }
    assert!(
        kills > 0,
        "{}: no kill came while it was running",
        scenario.name
    );
}

#[test]
fn demo_force_killed_leaves_the_old_event_or_the_whole_new_one() {
    exercise(&SCENARIOS[0]);
}

#[test]
fn a_batch_print_killed_prints_all_or_nothing() {
    exercise(&SCENARIOS[1]);
}

#[test]
fn a_burst_of_approvals_killed_keeps_every_finished_one() {
    exercise(&SCENARIOS[2]);
}

#[test]
fn an_import_killed_leaves_the_whole_list_or_nothing() {
    exercise(&SCENARIOS[3]);
}

#[test]
fn a_burst_of_scans_killed_keeps_every_verdict_given() {
    exercise(&SCENARIOS[4]);
}
