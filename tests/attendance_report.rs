//! Issue 8 end to end: on a demo store with scripted gate traffic (2,000
//! entries and 500 exits over the two days, through every kind of
//! checkpoint, some refused, some overridden, some imported from an offline
//! tablet, with protocol check-ins and a few hand-made edge cases), every
//! figure of `accredit report attendance` is checked against counts made
//! here independently: plain SQL for the raw facts, plain loops for the
//! rest. The CSV, XLSX and PDF reports are read back.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

mod common;
mod raster;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

use accredit::db::{Db, Params, Row};
use common::Accredit;
use serde_json::Value;

/// 26 October 2025, 18:00 in Hanoi: after the last session but one.
const EVENING_2: i64 = 1_761_476_400;
/// 25 October 2025, 12:00 in Hanoi: during the signing ceremony.
const NOON_1: i64 = 1_761_368_400;
const SIGNING: &str = "Signing ceremony of the United Nations Convention against Cybercrime";
const EARLY: i64 = 30 * 60;

/// One demo store shared by the tests (they only read it and add audit entries).
fn store() -> &'static Accredit {
    static STORE: OnceLock<Accredit> = OnceLock::new();
    STORE.get_or_init(|| {
        let a = Accredit::demo(1500);
        let mut conn = a.db();
        let tx = conn.transaction().unwrap();
        let t = accredit::demo::traffic::record(&tx, 2000, 500, accredit::clock::now()).unwrap();
        assert_eq!((t.entries, t.exits), (2000, 500), "{t:?}");
        assert!(
            t.refused > 0 && t.overridden > 0 && t.imported > 0 && t.checkins > 0,
            "{t:?}"
        );
        edge_cases(&tx);
        tx.commit().unwrap();
        a
    })
}

/// Passages the generator does not make: an entry and an exit in the same
/// second, a scan from the future (a gate clock ahead), a holder the store
/// does not know, a refused scan of someone who never got in.
fn edge_cases(tx: &accredit::db::Tx) {
    let ids: Vec<i64> = tx
        .query_map(
            "SELECT id FROM participants WHERE status = 'approved'
             AND id NOT IN (SELECT participant_id FROM scans WHERE participant_id IS NOT NULL)
             ORDER BY id LIMIT 3",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let mut n = 0;
    let mut scan = |p: i64, zone: u8, direction: &str, at: i64, passed: bool| {
        n += 1;
        tx.execute(
            "INSERT INTO scans (id, serial, participant_id, checkpoint_id, checkpoint, zone, direction,
                verdict, passed, at, station, operator, override_reason, imported_at)
             VALUES (?1, NULL, ?2, 1, 'Main entrance', ?3, ?4, ?5, ?6, ?7, 'test', 'gate', '', NULL)",
            accredit::params![
                format!("edge-{n}"),
                p,
                zone,
                direction,
                if passed { "ACCEPTED" } else { "REVOKED" },
                passed,
                at
            ],
        )
        .unwrap();
    };
    scan(ids[0], 1, "entry", NOON_1 - 600, true);
    scan(ids[0], 1, "exit", NOON_1 - 600, true);
    scan(ids[1], 1, "entry", EVENING_2 + 3600, true);
    scan(9_999_999, 1, "entry", NOON_1 - 600, true);
    scan(ids[2], 2, "entry", NOON_1 - 600, false);
}

fn report(a: &Accredit, args: &[&str]) -> Vec<u8> {
    let mut full = vec!["report", "attendance"];
    full.extend_from_slice(args);
    full.extend_from_slice(&["-o", "-"]);
    let out = a.run_as("viewer", &full);
    assert!(
        out.status.success(),
        "{full:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn json_report(a: &Accredit, at: i64, extra: &[&str]) -> Value {
    let at = at.to_string();
    let mut args = vec!["--format", "json", "--at", &at];
    args.extend_from_slice(extra);
    serde_json::from_slice(&report(a, &args)).expect("the JSON report parses")
}

// ---------------------------------------------------------------------------
// The independent count.

struct Person {
    delegation: String,
    kind: String,
    category: String,
    status: String,
}

#[derive(Default, Debug, Clone, Copy, PartialEq, Eq)]
struct Counts {
    nominated: u64,
    pending: u64,
    approved: u64,
    rejected: u64,
    cancelled: u64,
    printed: u64,
    collected: u64,
    arrived: u64,
    present: u64,
}

struct Truth {
    people: BTreeMap<i64, Person>,
    delegations: Vec<(String, String, String)>,
    printed: HashSet<i64>,
    collected: HashSet<i64>,
    first_arrival: HashMap<i64, i64>,
    /// (participant, zone) where the latest passage is an entry.
    inside: HashSet<(i64, i64)>,
    /// Passed entries of known holders: (participant, zone, at).
    entries: Vec<(i64, i64, i64)>,
}

fn rows<T>(
    conn: &Db,
    sql: &str,
    p: impl Params,
    f: impl FnMut(&Row) -> accredit::Result<T>,
) -> Vec<T> {
    conn.query_map(sql, p, f).unwrap()
}

fn truth(a: &Accredit, at: i64) -> Truth {
    let conn = a.db();
    let people = rows(
        &conn,
        "SELECT p.id, d.code, d.kind, c.code, p.status FROM participants p
         JOIN delegations d ON d.id = p.delegation_id JOIN categories c ON c.id = p.category_id",
        [],
        |r| {
            Ok((
                r.get::<i64>(0)?,
                Person {
                    delegation: r.get(1)?,
                    kind: r.get(2)?,
                    category: r.get(3)?,
                    status: r.get(4)?,
                },
            ))
        },
    )
    .into_iter()
    .collect();
    let delegations = rows(&conn, "SELECT code, name, kind FROM delegations", [], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    });
    let set =
        |sql: &str| -> HashSet<i64> { rows(&conn, sql, [], |r| r.get(0)).into_iter().collect() };
    let printed = set("SELECT participant_id FROM badges WHERE print_count > 0");
    let collected = set("SELECT participant_id FROM badges WHERE collected_at IS NOT NULL");
    let first_arrival = rows(
        &conn,
        "SELECT participant_id, min(at) FROM scans
         WHERE passed AND direction = 'entry' AND at <= ?1
           AND participant_id IN (SELECT id FROM participants)
         GROUP BY participant_id",
        [at],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .into_iter()
    .collect();
    // The latest passage per holder and zone, by time then by order of
    // recording, written as "no later passage exists".
    let inside = rows(
        &conn,
        "WITH passages AS (
            SELECT rowid AS r, participant_id AS p, zone, at, direction FROM scans
            WHERE passed AND at <= ?1 AND participant_id IN (SELECT id FROM participants))
         SELECT x.p, x.zone FROM passages x
         WHERE x.direction = 'entry' AND NOT EXISTS (
            SELECT 1 FROM passages y WHERE y.p = x.p AND y.zone = x.zone
              AND (y.at > x.at OR (y.at = x.at AND y.r > x.r)))",
        [at],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .into_iter()
    .collect();
    let entries = rows(
        &conn,
        "SELECT participant_id, zone, at FROM scans
         WHERE passed AND direction = 'entry' AND at <= ?1
           AND participant_id IN (SELECT id FROM participants)",
        [at],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    );
    Truth {
        people,
        delegations,
        printed,
        collected,
        first_arrival,
        inside,
        entries,
    }
}

impl Truth {
    fn present(&self, id: i64) -> bool {
        (1..=64).any(|z| self.inside.contains(&(id, z)))
    }

    fn counts(&self, keep: impl Fn(&Person) -> bool) -> Counts {
        let mut c = Counts::default();
        for (&id, p) in self.people.iter().filter(|(_, p)| keep(p)) {
            c.nominated += 1;
            match p.status.as_str() {
                "nominated" => c.pending += 1,
                "approved" => c.approved += 1,
                "rejected" => c.rejected += 1,
                _ => c.cancelled += 1,
            }
            c.printed += u64::from(self.printed.contains(&id));
            c.collected += u64::from(self.collected.contains(&id));
            c.arrived += u64::from(self.first_arrival.contains_key(&id));
            c.present += u64::from(self.present(id));
        }
        c
    }
}

fn counts_of(v: &Value) -> Counts {
    let n = |k: &str| v[k].as_u64().unwrap_or_else(|| panic!("{k} in {v}"));
    Counts {
        nominated: n("nominated"),
        pending: n("pending"),
        approved: n("approved"),
        rejected: n("rejected"),
        cancelled: n("cancelled"),
        printed: n("badges_printed"),
        collected: n("badges_collected"),
        arrived: n("arrived"),
        present: n("present"),
    }
}

const ORGANISATION_KINDS: [&str; 6] = [
    "un_entity",
    "intergovernmental",
    "regional_organisation",
    "financial_institution",
    "ngo",
    "academia",
];

/// "2025-10-25 08:15": the local quarter-hour an instant falls in.
fn quarter(at: i64) -> String {
    let z = jiff::Timestamp::from_second(at)
        .unwrap()
        .to_zoned_datetime(jiff::tz::TimeZone::get("Asia/Ho_Chi_Minh").unwrap());
    format!("{} {:02}:{:02}", z.date(), z.hour(), z.minute() / 15 * 15)
}

struct SessionRow {
    id: i64,
    name: String,
    zone: i64,
    start: i64,
    end: i64,
    invitation_only: bool,
}

struct SessionTruth {
    invited: BTreeSet<i64>,
    attended: BTreeSet<i64>,
    checked_in: BTreeSet<i64>,
}

fn sessions_truth(a: &Accredit, t: &Truth, at: i64) -> Vec<(SessionRow, SessionTruth)> {
    let conn = a.db();
    let sessions = rows(
        &conn,
        "SELECT id, name, zone, starts_at, ends_at, invitation_only FROM sessions",
        [],
        |r| {
            Ok(SessionRow {
                id: r.get(0)?,
                name: r.get(1)?,
                zone: r.get(2)?,
                start: r.get(3)?,
                end: r.get(4)?,
                invitation_only: r.get(5)?,
            })
        },
    );
    let invitees: Vec<(i64, Option<i64>, Option<i64>)> = rows(
        &conn,
        "SELECT session_id, delegation_id, participant_id FROM session_invitees",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    );
    let delegation_of: HashMap<i64, i64> = rows(
        &conn,
        "SELECT id, delegation_id FROM participants",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .into_iter()
    .collect();
    let checkins: Vec<(i64, i64)> = rows(
        &conn,
        "SELECT session_id, participant_id FROM session_checkins WHERE at <= ?1",
        [at],
        |r| Ok((r.get(0)?, r.get(1)?)),
    );
    sessions
        .into_iter()
        .map(|s| {
            let mut truth = SessionTruth {
                invited: BTreeSet::new(),
                attended: BTreeSet::new(),
                checked_in: BTreeSet::new(),
            };
            if s.invitation_only {
                for (&id, p) in &t.people {
                    let invited = invitees.iter().any(|&(sid, d, pid)| {
                        sid == s.id && (pid == Some(id) || d == delegation_of.get(&id).copied())
                    });
                    if invited && p.status == "approved" {
                        truth.invited.insert(id);
                    }
                }
            }
            for &(p, zone, when) in &t.entries {
                if zone == s.zone && when >= s.start - EARLY && when < s.end {
                    truth.attended.insert(p);
                }
            }
            for &(sid, p) in &checkins {
                if sid == s.id && t.people.contains_key(&p) {
                    truth.attended.insert(p);
                    truth.checked_in.insert(p);
                }
            }
            (s, truth)
        })
        .collect()
}

fn check_every_figure(at: i64) {
    let a = store();
    let r = json_report(a, at, &[]);
    let t = truth(a, at);
    assert_eq!(r["report"], "attendance");
    assert_eq!(r["as_of"].as_i64(), Some(at));
    assert_eq!(r["time_zone"], "Asia/Ho_Chi_Minh");

    // The pipeline.
    let all = t.counts(|_| true);
    assert_eq!(counts_of(&r["pipeline"]), all);
    assert!(
        all.arrived > 50 && all.present > 0 && all.printed > 0,
        "{all:?}"
    );

    // Delegations.
    let delegations = r["delegations"].as_array().unwrap();
    assert_eq!(delegations.len(), t.delegations.len());
    for d in delegations {
        let code = d["code"].as_str().unwrap();
        let expected = t.counts(|p| p.delegation == code);
        assert_eq!(counts_of(d), expected, "{code}");
        let first = t
            .people
            .iter()
            .filter(|(_, p)| p.delegation == code)
            .filter_map(|(id, _)| t.first_arrival.get(id))
            .min()
            .copied();
        assert_eq!(d["first_arrival"].as_i64(), first, "{code}");
        assert_eq!(
            d["nobody_arrived"].as_bool(),
            Some(expected.approved > 0 && expected.arrived == 0),
            "{code}"
        );
    }

    // Categories.
    for c in r["categories"].as_array().unwrap() {
        let code = c["code"].as_str().unwrap();
        assert_eq!(counts_of(c), t.counts(|p| p.category == code), "{code}");
    }

    // States and organisations represented, by kind.
    let mut by_kind: BTreeMap<&str, [u64; 5]> = BTreeMap::new();
    for (code, _, kind) in &t.delegations {
        let c = t.counts(|p| &p.delegation == code);
        let row = by_kind.entry(kind.as_str()).or_default();
        row[0] += 1;
        row[1] += u64::from(c.approved > 0);
        row[2] += u64::from(c.arrived > 0);
        row[3] += c.approved;
        row[4] += c.arrived;
    }
    let kinds = r["representation"]["by_kind"].as_array().unwrap();
    assert_eq!(kinds.len(), by_kind.len());
    for k in kinds {
        let kind = k["kind"].as_str().unwrap();
        let e = by_kind[kind];
        let got = [
            k["delegations"].as_u64().unwrap(),
            k["registered"].as_u64().unwrap(),
            k["arrived"].as_u64().unwrap(),
            k["approved_participants"].as_u64().unwrap(),
            k["arrived_participants"].as_u64().unwrap(),
        ];
        assert_eq!(got, e, "{kind}");
    }
    let group = |kinds: &[&str]| -> [u64; 3] {
        let mut g = [0; 3];
        for (kind, row) in &by_kind {
            if kinds.contains(kind) {
                for i in 0..3 {
                    g[i] += row[i];
                }
            }
        }
        g
    };
    let as_array = |v: &Value| {
        [
            v["delegations"].as_u64().unwrap(),
            v["registered"].as_u64().unwrap(),
            v["arrived"].as_u64().unwrap(),
        ]
    };
    assert_eq!(
        as_array(&r["representation"]["states"]),
        group(&["member_state", "observer_state"])
    );
    assert_eq!(
        as_array(&r["representation"]["organisations"]),
        group(&ORGANISATION_KINDS)
    );

    // Occupancy per zone.
    for z in r["zones"].as_array().unwrap() {
        let number = z["number"].as_i64().unwrap();
        let expected = t.inside.iter().filter(|(_, zone)| *zone == number).count() as u64;
        assert_eq!(z["present"].as_u64(), Some(expected), "zone {number}");
    }

    // Sessions.
    let sessions = sessions_truth(a, &t, at);
    let reported = r["sessions"].as_array().unwrap();
    assert_eq!(reported.len(), sessions.len());
    for (s, truth) in &sessions {
        let got = reported
            .iter()
            .find(|x| x["name"] == s.name.as_str())
            .unwrap();
        assert_eq!(
            got["attended"].as_u64(),
            Some(truth.attended.len() as u64),
            "{}",
            s.name
        );
        assert_eq!(
            got["checked_in"].as_u64(),
            Some(truth.checked_in.len() as u64),
            "{}",
            s.name
        );
        if s.invitation_only {
            let came_invited = truth.attended.intersection(&truth.invited).count() as u64;
            assert_eq!(
                got["invited"].as_u64(),
                Some(truth.invited.len() as u64),
                "{}",
                s.name
            );
            assert_eq!(
                got["attended_invited"].as_u64(),
                Some(came_invited),
                "{}",
                s.name
            );
            assert_eq!(
                got["attended_uninvited"].as_u64(),
                Some(truth.attended.len() as u64 - came_invited),
                "{}",
                s.name
            );
        } else {
            assert!(got["invited"].is_null() && got["attended_invited"].is_null());
        }
    }

    // Arrivals per quarter-hour and per day, in the event's time zone.
    let mut entries: BTreeMap<String, u64> = BTreeMap::new();
    for &(_, _, when) in &t.entries {
        *entries.entry(quarter(when)).or_default() += 1;
    }
    let mut firsts: BTreeMap<String, u64> = BTreeMap::new();
    for &when in t.first_arrival.values() {
        *firsts.entry(quarter(when)).or_default() += 1;
    }
    let quarters = r["arrivals"]["per_quarter_hour"].as_array().unwrap();
    let days = r["arrivals"]["per_day"].as_array().unwrap();
    assert_eq!(quarters.len(), days.len() * 96);
    for q in quarters {
        let local = q["local"].as_str().unwrap();
        assert_eq!(
            q["entries"].as_u64(),
            Some(entries.get(local).copied().unwrap_or(0)),
            "{local}"
        );
        assert_eq!(
            q["first_arrivals"].as_u64(),
            Some(firsts.get(local).copied().unwrap_or(0)),
            "{local}"
        );
    }
    let reported_entries: u64 = quarters
        .iter()
        .map(|q| q["entries"].as_u64().unwrap())
        .sum();
    assert_eq!(
        reported_entries,
        t.entries.len() as u64,
        "every entry is in some quarter-hour"
    );
    for d in days {
        let date = d["date"].as_str().unwrap();
        let of_day = |m: &BTreeMap<String, u64>| -> u64 {
            m.iter()
                .filter(|(k, _)| k.starts_with(date))
                .map(|(_, v)| v)
                .sum()
        };
        assert_eq!(d["entries"].as_u64(), Some(of_day(&entries)), "{date}");
        assert_eq!(
            d["first_arrivals"].as_u64(),
            Some(of_day(&firsts)),
            "{date}"
        );
    }
    assert_eq!(days[0]["date"], "2025-10-25");
    assert!(r["session"].is_null() && r["participants"].is_null());
}

#[test]
fn every_figure_matches_an_independent_count_at_the_end_of_the_event() {
    check_every_figure(EVENING_2);
}

#[test]
fn every_figure_matches_an_independent_count_in_the_middle_of_day_one() {
    check_every_figure(NOON_1);
}

#[test]
fn a_delegation_report_covers_its_people_only() {
    let a = store();
    let r = json_report(a, EVENING_2, &["--delegation", "vnm"]);
    let t = truth(a, EVENING_2);
    assert_eq!(r["scope"]["delegation"]["code"], "VNM");
    assert_eq!(
        counts_of(&r["pipeline"]),
        t.counts(|p| p.delegation == "VNM")
    );
    let people = r["participants"].as_array().unwrap();
    let expected: BTreeSet<i64> = t
        .people
        .iter()
        .filter(|(_, p)| p.delegation == "VNM")
        .map(|(id, _)| *id)
        .collect();
    let got: BTreeSet<i64> = people.iter().map(|p| p["id"].as_i64().unwrap()).collect();
    assert_eq!(got, expected);
    for p in people {
        let id = p["id"].as_i64().unwrap();
        assert_eq!(
            p["first_arrival"].as_i64(),
            t.first_arrival.get(&id).copied()
        );
        let zones: Vec<i64> = (1..=64).filter(|z| t.inside.contains(&(id, *z))).collect();
        let reported: Vec<i64> = p["present_zones"]
            .as_array()
            .unwrap()
            .iter()
            .map(|z| z.as_i64().unwrap())
            .collect();
        assert_eq!(reported, zones, "{id}");
        assert_eq!(
            p["badge_collected"].as_bool(),
            Some(t.collected.contains(&id))
        );
        assert!(p["invited"].is_null());
    }
    // By delegation then name: one delegation, names in sorted order of
    // their family names is checked by the core's tests; here every row is VNM.
    assert!(people.iter().all(|p| p["delegation"] == "VNM"));
    let entries: u64 = r["arrivals"]["per_day"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["entries"].as_u64().unwrap())
        .sum();
    let expected_entries = t
        .entries
        .iter()
        .filter(|(p, _, _)| t.people[p].delegation == "VNM")
        .count() as u64;
    assert_eq!(entries, expected_entries);
}

#[test]
fn a_session_report_lists_the_invited_and_those_who_came() {
    let a = store();
    let r = json_report(a, EVENING_2, &["--session", &SIGNING.to_uppercase()]);
    let t = truth(a, EVENING_2);
    let sessions = sessions_truth(a, &t, EVENING_2);
    let (row, truth) = sessions.iter().find(|(s, _)| s.name == SIGNING).unwrap();
    let s = &r["session"];
    assert_eq!(s["name"], SIGNING);
    assert_eq!(s["zone"].as_i64(), Some(row.zone));
    assert_eq!(s["invited"].as_u64(), Some(truth.invited.len() as u64));
    assert_eq!(s["attended"].as_u64(), Some(truth.attended.len() as u64));
    assert!(truth.attended.len() > 5, "the ceremony had people");
    let listed: BTreeSet<i64> = r["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_i64().unwrap())
        .collect();
    let expected: BTreeSet<i64> = truth.invited.union(&truth.attended).copied().collect();
    assert_eq!(listed, expected);
    for p in r["participants"].as_array().unwrap() {
        let id = p["id"].as_i64().unwrap();
        assert_eq!(p["invited"].as_bool(), Some(truth.invited.contains(&id)));
        assert_eq!(p["attended"].as_bool(), Some(truth.attended.contains(&id)));
        assert_eq!(
            p["checked_in"].as_bool(),
            Some(truth.checked_in.contains(&id))
        );
    }
    // Delegations at the session: invited and attended add up, states counted
    // among delegations with someone there.
    let delegations = s["delegations"].as_array().unwrap();
    let invited: u64 = delegations
        .iter()
        .map(|d| d["invited"].as_u64().unwrap())
        .sum();
    let attended: u64 = delegations
        .iter()
        .map(|d| d["attended"].as_u64().unwrap())
        .sum();
    assert_eq!(invited, truth.invited.len() as u64);
    assert_eq!(attended, truth.attended.len() as u64);
    let states_there: BTreeSet<&str> = truth
        .attended
        .iter()
        .map(|id| &t.people[id])
        .filter(|p| p.kind == "member_state" || p.kind == "observer_state")
        .map(|p| p.delegation.as_str())
        .collect();
    assert_eq!(
        s["states"]["attended"].as_u64(),
        Some(states_there.len() as u64)
    );
}

#[test]
fn csv_and_xlsx_hold_the_same_figures() {
    let a = store();
    let at = EVENING_2.to_string();
    let json = json_report(a, EVENING_2, &[]);
    let csv = report(a, &["--format", "csv", "--at", &at]);
    assert!(
        csv.starts_with(b"\xEF\xBB\xBF"),
        "UTF-8 with a byte-order mark"
    );
    let mut reader = csv::Reader::from_reader(&csv[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[..3], ["Code", "Delegation", "Nominated"]);
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let delegations = json["delegations"].as_array().unwrap();
    assert_eq!(records.len(), delegations.len());
    for (record, d) in records.iter().zip(delegations) {
        assert_eq!(&record[0], d["code"].as_str().unwrap());
        assert_eq!(&record[1], d["name"].as_str().unwrap());
        assert_eq!(
            record[6].parse::<u64>().unwrap(),
            d["arrived"].as_u64().unwrap()
        );
    }
    let sessions = report(a, &["--format", "csv", "--table", "sessions", "--at", &at]);
    let text = String::from_utf8(sessions[3..].to_vec()).unwrap();
    assert!(
        text.starts_with("Session,When,Zone,Invited,Attended"),
        "{text}"
    );
    assert_eq!(
        text.lines().count(),
        1 + json["sessions"].as_array().unwrap().len()
    );

    use calamine::{Data, Reader, Xlsx};
    let xlsx = report(a, &["--format", "xlsx", "--at", &at]);
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
    let names = book.sheet_names();
    for sheet in [
        "About this report",
        "Accreditation and attendance",
        "States and organisations repres",
        "By category",
        "Occupancy per zone now",
        "Sessions",
        "Delegations",
        "Arrivals per day",
        "Arrivals per quarter-hour",
    ] {
        assert!(names.iter().any(|n| n == sheet), "{sheet} in {names:?}");
    }
    let range = book.worksheet_range("Delegations").unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows.len(), 1 + delegations.len());
    assert_eq!(rows[0][0], Data::String("Code".into()));
    for (row, d) in rows[1..].iter().zip(delegations) {
        assert_eq!(row[0], Data::String(d["code"].as_str().unwrap().into()));
        assert_eq!(row[2], Data::Float(d["nominated"].as_f64().unwrap()));
        assert_eq!(row[7], Data::Float(d["present"].as_f64().unwrap()));
    }
    let pipeline = book
        .worksheet_range("Accreditation and attendance")
        .unwrap();
    let arrived = pipeline
        .rows()
        .find(|r| r[0] == Data::String("Arrived at least once".into()))
        .unwrap();
    assert_eq!(
        arrived[1],
        Data::Float(json["pipeline"]["arrived"].as_f64().unwrap())
    );
}

#[test]
fn the_pdf_report_renders_and_is_the_same_every_time() {
    let a = store();
    let at = EVENING_2.to_string();
    let pdf = report(a, &["--format", "pdf", "--at", &at]);
    assert!(pdf.starts_with(b"%PDF-1.7"));
    assert_eq!(
        pdf,
        report(a, &["--format", "pdf", "--at", &at]),
        "deterministic"
    );
    let pages = raster::rasterise(&pdf, 40.0);
    assert!(pages.len() >= 4, "{} pages", pages.len());
    for (n, page) in pages.iter().enumerate() {
        // Ink below the top margin and above the footer: the page has content.
        let band = page.crop_mm(14.0, 20.0, 182.0, 240.0);
        let dark = band.pixels.iter().filter(|&&v| v < 160).count();
        assert!(
            dark > 500,
            "page {} is nearly empty ({dark} dark pixels)",
            n + 1
        );
    }
    // The title band and the chart's bars are on the first page.
    let first = &pages[0];
    assert!(first.at_mm(5.0, 5.0) < 100, "title band");
    let session = report(a, &["--format", "pdf", "--at", &at, "--session", SIGNING]);
    assert!(raster::page_count(&session) >= 1);
    let delegation = report(a, &["--format", "pdf", "--at", &at, "--delegation", "FRA"]);
    assert!(raster::page_count(&delegation) >= 2);
}

#[test]
fn exports_are_audited_and_refusals_explained() {
    let a = store();
    let path = a.data_dir().join("attendance.pdf");
    let out = a.ok_as(
        "supervisor",
        &[
            "report",
            "attendance",
            "--format",
            "pdf",
            "--at",
            &EVENING_2.to_string(),
            "-o",
            path.to_str().unwrap(),
        ],
    );
    assert!(out.contains("Wrote the attendance report (PDF"), "{out}");
    assert!(std::fs::metadata(&path).unwrap().len() > 10_000);
    let conn = a.db();
    let audited: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'report.export' AND operator = 'supervisor'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(audited >= 1);

    let err = a.fails_as(
        "clerk",
        &["report", "attendance", "--format", "json", "-o", "-"],
    );
    assert!(err.contains("clerk (clerk) may not view reports"), "{err}");
    let err = a.fails_as(
        "viewer",
        &[
            "report",
            "attendance",
            "--format",
            "json",
            "--delegation",
            "XYZ",
            "-o",
            "-",
        ],
    );
    assert!(err.contains("no delegation has the code \"XYZ\""), "{err}");
    let err = a.fails_as(
        "viewer",
        &[
            "report",
            "attendance",
            "--format",
            "json",
            "--session",
            "Gala dinner",
            "-o",
            "-",
        ],
    );
    assert!(
        err.contains("no session is called \"Gala dinner\""),
        "{err}"
    );
    assert!(
        err.contains("Opening ceremony"),
        "the sessions are named: {err}"
    );
    let err = a.fails_as(
        "viewer",
        &[
            "report",
            "attendance",
            "--format",
            "pdf",
            "--table",
            "zones",
            "-o",
            "-",
        ],
    );
    assert!(
        err.contains("--table chooses the table of a CSV file"),
        "{err}"
    );
    let err = a.fails_as(
        "viewer",
        &[
            "report",
            "attendance",
            "--format",
            "json",
            "--at",
            "yesterday",
            "-o",
            "-",
        ],
    );
    assert!(err.contains("\"yesterday\" is not an instant"), "{err}");
    let out = a.run_as(
        "viewer",
        &["report", "attendance", "--format", "docx", "-o", "-"],
    );
    assert_eq!(out.status.code(), Some(2), "a usage error");
    let missing = a.data_dir().join("no-such-dir").join("r.pdf");
    let err = a.fails_as(
        "viewer",
        &[
            "report",
            "attendance",
            "--format",
            "pdf",
            "-o",
            missing.to_str().unwrap(),
        ],
    );
    assert!(err.contains("no-such-dir"), "{err}");
}
/// The text of a PDF's pages, read through the fonts' /ToUnicode maps, with
/// the no-break spaces that group thousands in French read as spaces.
fn pdf_text(pdf: &[u8]) -> String {
    let mut warnings = Vec::new();
    let doc =
        printpdf::PdfDocument::parse(pdf, &printpdf::PdfParseOptions::default(), &mut warnings)
            .expect("the PDF parses");
    doc.extract_text()
        .into_iter()
        .map(|p| p.join("\n"))
        .collect::<Vec<_>>()
        .join("\n")
        .replace(['\u{202F}', '\u{A0}'], " ")
}

/// `n` grouped by threes with `separator`: 1,500 / 1.500 / 1 500.
fn grouped(n: u64, separator: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

#[test]
fn the_pdf_and_the_workbook_speak_the_language_asked_for() {
    let a = store();
    let at = EVENING_2.to_string();
    let json = json_report(a, EVENING_2, &[]);
    let nominated = json["pipeline"]["nominated"].as_u64().unwrap();
    assert!(nominated >= 1000, "a number with a thousands separator");
    let pdf = |lang: &str, extra: &[&str]| {
        let mut args = vec!["--format", "pdf", "--at", &at, "--lang", lang];
        args.extend_from_slice(extra);
        pdf_text(&report(a, &args))
    };

    let fr = pdf("fr", &[]);
    for words in [
        "Rapport de présence",
        "Tous les participants",
        "Chiffres au 26 octobre 2025 à 18:00 (Asia/Ho_Chi_Minh)",
        "25–26 octobre 2025",
        "Inscriptions reçues",
        "Arrivées par quart d’heure",
        "États et organisations représentés",
        "Occupation actuelle par zone",
        "chiffres au 26/10/2025 18:00",
        "Page 1 sur ",
    ] {
        assert!(
            fr.contains(words),
            "{words:?} not in the French report:\n{fr}"
        );
    }
    assert!(fr.contains(&grouped(nominated, " ")), "3 000 in French");
    assert!(!fr.contains("Attendance report"), "{fr}");

    let vi = pdf("vi", &[]);
    for words in [
        "Báo cáo tham dự",
        "Tất cả người tham dự",
        "Số liệu tính đến 18:00 ngày 26 tháng 10 năm 2025",
        "ngày 25–26 tháng 10 năm 2025",
        "Đăng ký đã nhận",
        "Lượt đến theo 15 phút",
        "Quốc gia thành viên",
        "số liệu tính đến 26/10/2025 18:00",
        "Trang 1/",
    ] {
        assert!(
            vi.contains(words),
            "{words:?} not in the Vietnamese report:\n{vi}"
        );
    }
    assert!(vi.contains(&grouped(nominated, ".")), "3.000 in Vietnamese");

    // The English report keeps its words; a language the documents are not
    // translated into gives the English report, whole.
    let en = pdf("en", &[]);
    for words in [
        "Attendance report",
        "Figures as of 26 October 2025, 18:00",
        "Page 1 of ",
    ] {
        assert!(en.contains(words), "{words:?} not in the English report");
    }
    assert!(en.contains(&grouped(nominated, ",")));
    assert_eq!(
        report(a, &["--format", "pdf", "--at", &at, "--lang", "ar"]),
        report(a, &["--format", "pdf", "--at", &at]),
    );

    // A session's report and a delegation's, in French.
    let session = pdf("fr", &["--session", SIGNING]);
    assert!(session.contains("Délégations à la séance"), "{session}");
    assert!(session.contains("Invités absents"), "{session}");
    let delegation = pdf("fr", &["--delegation", "FRA"]);
    assert!(
        delegation.contains("Délégation FRA — France"),
        "{delegation}"
    );
    assert!(delegation.contains("Première arrivée"), "{delegation}");

    // The workbook: sheet names and header rows in French, counts as numbers.
    use calamine::{Data, Reader, Xlsx};
    let xlsx = report(a, &["--format", "xlsx", "--at", &at, "--lang", "fr"]);
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
    let names = book.sheet_names();
    for sheet in [
        "À propos de ce rapport",
        "Accréditation et présence",
        "États et organisations représen",
        "Délégations",
        "Arrivées par jour",
    ] {
        assert!(names.iter().any(|n| n == sheet), "{sheet} in {names:?}");
    }
    let range = book.worksheet_range("Délégations").unwrap();
    let header: Vec<&Data> = range.rows().next().unwrap().iter().collect();
    assert_eq!(
        header,
        [
            "Code",
            "Délégation",
            "Inscrits",
            "Approuvés",
            "Imprimés",
            "Retirés",
            "Arrivés",
            "Présents",
            "Personne encore"
        ]
        .map(|h| Data::String(h.into()))
        .iter()
        .collect::<Vec<_>>()
    );
    let first = &json["delegations"][0];
    let row = range.rows().nth(1).unwrap();
    assert_eq!(row[2], Data::Float(first["nominated"].as_f64().unwrap()));
    let day = json["arrivals"]["per_day"][0]["date"].as_str().unwrap();
    let (year, month, day) = (&day[..4], &day[5..7], &day[8..10]);
    let days = book.worksheet_range("Arrivées par jour").unwrap();
    assert_eq!(
        days.rows().nth(1).unwrap()[0],
        Data::String(format!("{day}/{month}/{year}"))
    );

    // JSON and CSV stay English, byte for byte.
    for format in ["json", "csv"] {
        assert_eq!(
            report(a, &["--format", format, "--at", &at, "--lang", "fr"]),
            report(a, &["--format", format, "--at", &at]),
            "{format}"
        );
    }

    // A code the application does not speak: one line naming the flag.
    let err = a.fails_as(
        "viewer",
        &[
            "report",
            "attendance",
            "--format",
            "pdf",
            "--lang",
            "xx",
            "-o",
            "-",
        ],
    );
    assert_eq!(
        err.trim(),
        "error: --lang: \"xx\" is not a language Accredit speaks (one of en, vi, fr, ar, zh, ru, es)"
    );
}
