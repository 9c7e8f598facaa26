//! Gate traffic for the demo conference, deterministic: badge holders arrive
//! in the morning through the entrance of their zone, go to the sessions their
//! badge opens, some scan out, a few are refused and some of those let
//! through by an officer; scans of an offline tablet are imported at night,
//! and protocol officers check heads of delegation in at the ceremonies.
//! Every scan, override, import and check-in lies before the `now` it is
//! given: a demo under way has traffic until now and none after.
//! For rehearsing the dashboard and for benchmarks; never part of a real event.

use crate::store::Tx;
use std::collections::HashMap;

use serde::Serialize;

use super::rng::Rng;
use crate::domain::{
    BadgeStatus, Checkpoint, Direction, GateVerdict, ParticipantStatus, Scan, Session, Verdict,
    ZoneNumber, ZoneSet,
};
use crate::error::{Error, Result};
use crate::store;

/// What [`record`] added.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TrafficSummary {
    pub entries: usize,
    pub exits: usize,
    /// Scans refused and not overridden.
    pub refused: usize,
    /// Scans refused, then let through by an officer.
    pub overridden: usize,
    /// Scans that came home from an offline tablet.
    pub imported: usize,
    pub checkins: usize,
}

/// The checkpoint whose scans were made offline and imported at night.
const OFFLINE_ZONE: ZoneNumber = 7;
const ENTRY_REFUSALS: [GateVerdict; 3] = [
    GateVerdict::Spec(Verdict::ZoneDenied),
    GateVerdict::Spec(Verdict::AlreadyInside),
    GateVerdict::Spec(Verdict::Expired),
];
const EXIT_REFUSALS: [GateVerdict; 2] = [
    GateVerdict::Spec(Verdict::Expired),
    GateVerdict::Spec(Verdict::Revoked),
];

/// A badge holder who can come: their badge was handed over.
struct Holder {
    participant: i64,
    serial: u64,
    zones: ZoneSet,
    /// Heads of state and of delegation: the ceremonies are theirs.
    principal: bool,
}

/// How many scans the demo opened from the desktop application gets, so
/// that its dashboard and gate have something to show.
pub const DEFAULT_SCANS: usize = 8000;

/// Adds `scans` scans (four entries for each exit) to the event of `ws`, in
/// one transaction, all before the clock's now.
pub fn add(ws: &crate::workspace::Workspace, scans: usize) -> Result<TrafficSummary> {
    let mut conn = ws.open()?;
    let tx = conn.transaction()?;
    let exits = scans / 5;
    let summary = record(&tx, scans - exits, exits, crate::clock::now())?;
    tx.commit()?;
    Ok(summary)
}

/// Adds `entries` entry scans and up to `exits` exit scans over the event's
/// days before `now`, and a few session check-ins, inside `tx`. Fewer
/// entries when the event's days before `now` cannot hold them all.
pub fn record(tx: &Tx, entries: usize, exits: usize, now: i64) -> Result<TrafficSummary> {
    let event = store::event::get(tx)?;
    let checkpoints = store::checkpoints::list(tx)?;
    let sessions = store::sessions::list(tx)?;
    let categories: HashMap<i64, String> = store::categories::list(tx)?
        .into_iter()
        .map(|c| (c.id, c.code))
        .collect();
    let principals: HashMap<i64, bool> = store::participants::list(
        tx,
        &store::participants::Filter {
            status: Some(ParticipantStatus::Approved),
            ..Default::default()
        },
    )?
    .into_iter()
    .map(|p| {
        let code = categories.get(&p.details.category).map(String::as_str);
        (p.id, matches!(code, Some("HOS" | "HOD")))
    })
    .collect();
    let holders: Vec<Holder> = store::badges::list(tx)?
        .into_iter()
        .filter(|b| b.status == BadgeStatus::Active && b.collected.is_some())
        .filter_map(|b| {
            let principal = *principals.get(&b.participant)?;
            Some(Holder {
                participant: b.participant,
                serial: b.serial,
                zones: b.zones,
                principal,
            })
        })
        .collect();
    if holders.is_empty() || (entries == 0 && exits == 0) {
        return Ok(TrafficSummary::default());
    }
    let mut days = Vec::new();
    let mut day = event.start_date;
    while day <= event.end_date {
        let start = event
            .instant_of(day.to_datetime(jiff::civil::Time::midnight()))
            .map_err(Error::Other)?;
        days.push(start);
        day = day.tomorrow().map_err(|e| Error::Other(e.to_string()))?;
    }

    let mut sim = Simulation {
        tx,
        checkpoints: &checkpoints,
        rng: Rng::new(0x7EA1_71C5),
        summary: TrafficSummary::default(),
        entries,
        exits,
        imported_at: 0,
        now,
    };
    let mut order: Vec<usize> = (0..holders.len()).collect();
    // Rounds past the first are people coming back after a break.
    'rounds: for round in 0.. {
        let before = sim.summary.entries;
        if round > 0 && before == 0 {
            // Nobody could come before now: the event has not begun.
            break;
        }
        shuffle(&mut order, &mut sim.rng);
        for &h in &order {
            for &day_start in &days {
                if sim.summary.entries >= sim.entries {
                    break 'rounds;
                }
                sim.imported_at = day_start + 22 * 3600;
                let attendance = if round == 0 { 85 } else { 40 };
                if sim.rng.chance(attendance) {
                    sim.day(&holders[h], day_start, round, &sessions)?;
                }
            }
        }
        if round > 0 && sim.summary.entries == before {
            // The hours before now are full (everyone inside stays inside).
            break;
        }
    }
    Ok(sim.summary)
}

fn shuffle(items: &mut [usize], rng: &mut Rng) {
    for i in (1..items.len()).rev() {
        items.swap(i, rng.below(i + 1));
    }
}

struct Simulation<'a> {
    tx: &'a Tx<'a>,
    checkpoints: &'a [Checkpoint],
    rng: Rng,
    summary: TrafficSummary,
    entries: usize,
    exits: usize,
    imported_at: i64,
    /// Nothing happens after this instant.
    now: i64,
}

impl Simulation<'_> {
    /// One holder's day: arrival, sessions, departure.
    fn day(
        &mut self,
        h: &Holder,
        day_start: i64,
        round: usize,
        sessions: &[Session],
    ) -> Result<()> {
        let Some(home) = h
            .zones
            .iter()
            .find(|&z| self.checkpoint(z, Direction::Entry).is_some())
        else {
            return Ok(());
        };
        // Arrivals peak around 08:30; people coming back arrive after lunch.
        let base = if round == 0 {
            7 * 3600 + 1800
        } else {
            13 * 3600
        };
        let spread = self.rng.below(3600) + self.rng.below(3600) + self.rng.below(1800);
        let arrival = day_start + base + spread as i64;
        if !self.pass(h, home, Direction::Entry, arrival)? {
            return Ok(());
        }
        for s in sessions {
            let today = s.starts_at >= day_start && s.starts_at < day_start + 86_400;
            if !today || s.starts_at < arrival || !h.zones.contains(s.zone) {
                continue;
            }
            let keen = if s.invitation_only && h.principal {
                90
            } else {
                30
            };
            if !self.rng.chance(keen) {
                continue;
            }
            let early = self.rng.below(40 * 60) as i64;
            if self.pass(h, s.zone, Direction::Entry, s.starts_at - early)? && self.rng.chance(40) {
                let late = self.rng.below(15 * 60) as i64;
                self.pass(h, s.zone, Direction::Exit, s.ends_at + late)?;
            }
            if s.invitation_only && h.principal && self.rng.chance(10) {
                let at = s.starts_at + self.rng.below(600) as i64;
                if at <= self.now {
                    let by_protocol = store::attendance::insert_checkin(
                        self.tx,
                        s.id,
                        h.participant,
                        at,
                        "protocol",
                    )?;
                    self.summary.checkins += usize::from(by_protocol);
                }
            }
        }
        if self.rng.chance(30) {
            let leaving = day_start + 17 * 3600 + self.rng.below(3 * 3600) as i64;
            self.pass(h, home, Direction::Exit, leaving)?;
        }
        Ok(())
    }

    fn checkpoint(&self, zone: ZoneNumber, direction: Direction) -> Option<&Checkpoint> {
        self.checkpoints
            .iter()
            .find(|c| c.zone == zone && c.directions.allows(direction))
    }

    /// One scan; whether the holder went through.
    fn pass(
        &mut self,
        h: &Holder,
        zone: ZoneNumber,
        direction: Direction,
        at: i64,
    ) -> Result<bool> {
        let full = match direction {
            Direction::Entry => self.summary.entries >= self.entries,
            Direction::Exit => self.summary.exits >= self.exits,
        };
        let Some(checkpoint) = self.checkpoint(zone, direction).cloned() else {
            return Ok(false);
        };
        // The scan and an officer's override half a minute later, both past.
        if full || at + 30 > self.now {
            return Ok(false);
        }
        let refused = self.rng.chance(3);
        let overridden = refused && self.rng.chance(40);
        let verdict = if refused {
            match direction {
                Direction::Entry => *self.rng.pick(&ENTRY_REFUSALS),
                Direction::Exit => *self.rng.pick(&EXIT_REFUSALS),
            }
        } else {
            GateVerdict::ACCEPTED
        };
        let offline = zone == OFFLINE_ZONE && self.rng.chance(50);
        let station = if offline {
            "Side events tablet (offline)".to_string()
        } else {
            format!("{} 1", checkpoint.name)
        };
        let scan = Scan {
            id: uuid_from(&mut self.rng),
            serial: Some(h.serial),
            participant: Some(h.participant),
            checkpoint: checkpoint.id,
            zone,
            direction,
            verdict,
            passed: !refused,
            at,
            station: station.clone(),
            operator: "gate".into(),
            override_reason: String::new(),
            override_by: String::new(),
            overrides: None,
        };
        // As at a real gate, a refusal stays as it was; letting the holder
        // through is a scan of its own that names it.
        let override_scan = overridden.then(|| Scan {
            id: uuid_from(&mut self.rng),
            verdict,
            passed: true,
            at: at + 30,
            override_reason: "Checked with the protocol office".into(),
            override_by: "supervisor".into(),
            overrides: Some(scan.id.clone()),
            station,
            ..scan.clone()
        });
        let imported = offline.then_some(self.imported_at.max(at + 3600).min(self.now));
        if store::scans::insert(self.tx, &scan, &checkpoint.name, imported)? {
            match direction {
                Direction::Entry => self.summary.entries += 1,
                Direction::Exit => self.summary.exits += 1,
            }
            self.summary.refused += usize::from(refused && !overridden);
            self.summary.imported += usize::from(offline);
        }
        if let Some(o) = &override_scan
            && store::scans::insert(self.tx, o, &checkpoint.name, imported)?
        {
            self.summary.overridden += 1;
        }
        Ok(scan.passed || override_scan.is_some())
    }
}

/// A random (version 4) UUID drawn from the generator, so the demo is the
/// same everywhere.
fn uuid_from(rng: &mut Rng) -> String {
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&rng.next_u64().to_be_bytes());
    bytes[8..].copy_from_slice(&rng.next_u64().to_be_bytes());
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{self, Dates};
    use crate::store::Db;

    fn at(text: &str) -> i64 {
        crate::clock::parse_instant(text).unwrap()
    }

    /// The demo on its second day at 10:00 in Hanoi, with traffic until then.
    fn traffic_until(now: i64) -> (Db, TrafficSummary) {
        let keys = tempfile::tempdir().unwrap();
        let mut conn = crate::store::open_in_memory().unwrap();
        let tx = conn.transaction().unwrap();
        let dates = Dates::starting(jiff::civil::date(2026, 12, 3), now);
        demo::build(&tx, 300, dates, Some(keys.path())).unwrap();
        let summary = record(&tx, 1_000, 250, now).unwrap();
        tx.commit().unwrap();
        (conn, summary)
    }

    fn max(conn: &Db, sql: &str) -> i64 {
        conn.query_row(sql, [], |r| r.get::<Option<i64>>(0))
            .unwrap()
            .unwrap_or(0)
    }

    #[test]
    fn traffic_of_an_event_under_way_stops_at_now() {
        let now = at("2026-12-04T10:00:00+07:00");
        let (conn, summary) = traffic_until(now);
        assert!(summary.entries > 100, "{summary:?}");
        assert!(summary.overridden > 0, "{summary:?}");
        assert!(max(&conn, "SELECT max(at) FROM scans") <= now);
        assert!(max(&conn, "SELECT max(imported_at) FROM scans") <= now);
        assert!(max(&conn, "SELECT max(at) FROM session_checkins") <= now);
        assert!(max(&conn, "SELECT max(collected_at) FROM badges") <= now);
        // Today's morning has its arrivals.
        let today = at("2026-12-04T00:00:00+07:00");
        let this_morning: i64 = conn
            .query_row("SELECT count(*) FROM scans WHERE at >= ?1", [today], |r| {
                r.get(0)
            })
            .unwrap();
        assert!(this_morning > 0);
    }

    #[test]
    fn no_traffic_before_the_event_begins() {
        let (conn, summary) = traffic_until(at("2026-12-01T10:00:00+07:00"));
        assert_eq!(summary, TrafficSummary::default());
        assert_eq!(max(&conn, "SELECT count(*) FROM scans"), 0);
    }
}
