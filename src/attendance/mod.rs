//! Attendance: how accreditation and attendance stand at one instant.
//!
//! Per participant: whether a badge was printed and collected, their first
//! arrival, the zones they are inside now (their last passage into or out of
//! each zone), the sessions they attended. Per session: who was invited and
//! who came. From those, every figure of the dashboard and the reports
//! ([`Figures`]), and the people behind any figure ([`Selector`]).
//!
//! Definitions (also in README.md, "Attendance figures"):
//! - a *passage* is a scan at a checkpoint that let the holder through:
//!   accepted, or refused and overridden by an officer (`passed = 1`);
//! - *arrived*: at least one passage into any zone at or before the instant;
//! - *present*: inside at least one zone, i.e. in some zone their latest
//!   passage (by time, then by order of recording) was an entry;
//! - *attended a session*: a passage into the session's zone from 30 minutes
//!   before its start until its end, or an explicit check-in;
//! - *invited*: approved and invited directly or through their delegation.
//!
//! Speed: [`load`] reads participants and badges with two queries and every
//! passage in one pass over a covering index, then computes in memory: about
//! 150 ms of CPU time for 100,000 participants and 500,000 scans, most of it
//! SQLite stepping through the index (README, "Benchmarks"). Aggregating in
//! SQL instead needs a pass per figure (and a sort for "latest passage per
//! zone"); one pass in Rust gives every figure at once.

mod bits;
mod facts;
mod figures;
mod people;
mod session;
mod timeline;

pub use bits::PeopleSet;
pub use facts::{
    CategoryInfo, DelegationInfo, EARLY_ENTRY_SECONDS, Facts, Person, QUARTER_HOUR, SessionInfo,
    SessionPeople,
};
pub use figures::{
    CategoryFigures, Counts, DelegationFigures, Figures, KindFigures, Representation, Represented,
    SessionFigures, ZoneFigures, is_organisation,
};
pub use people::{Group, Measure, PersonRow, Selector};
pub use session::{SessionDelegation, SessionDetail, SessionRepresented};
pub use timeline::{Arrivals, Day, QuarterHour, SlotCounts, local_minute};

pub use crate::store::attendance::Fingerprint;

use crate::auth::{Actor, Permission};
use crate::domain::DelegationId;
use crate::error::Result;
use crate::store;
use crate::store::Db;

/// The facts and every figure computed from them.
#[derive(Debug, Clone)]
pub struct Attendance {
    pub facts: Facts,
    pub figures: Figures,
}

/// Reads the store and computes every figure as of `at`, for every
/// participant or for one delegation's. The reads share one transaction, so
/// the figures agree with each other even while gates record scans.
pub fn load(
    conn: &Db,
    actor: &Actor,
    at: i64,
    delegation: Option<DelegationId>,
) -> Result<Attendance> {
    actor.require(Permission::ViewReports)?;
    // A read transaction: the recomputation never holds the write lock
    // that the gates need for their scans.
    let tx = store::read(conn)?;
    let facts = Facts::read(&tx, at, delegation)?;
    tx.commit()?;
    let figures = Figures::compute(&facts);
    Ok(Attendance { facts, figures })
}

/// How many people a figure counts, and the first `limit` of them (all when
/// `None`) by delegation and name.
pub fn people(
    conn: &Db,
    actor: &Actor,
    attendance: &Attendance,
    selector: &Selector,
    limit: Option<usize>,
) -> Result<(usize, Vec<PersonRow>)> {
    actor.require(Permission::ViewReports)?;
    let positions = selector.select(&attendance.facts);
    let session = match selector.measure {
        Measure::Invited(s)
        | Measure::Attended(s)
        | Measure::AttendedInvited(s)
        | Measure::AttendedUninvited(s)
        | Measure::Absent(s)
        | Measure::CheckedIn(s) => Some(s),
        _ => None,
    };
    let rows = people::rows(conn, &attendance.facts, &positions, session, limit)?;
    Ok((positions.len(), rows))
}

/// Every person at `positions`, by delegation and name, for the reports.
/// The caller has loaded the facts, which required the permission.
pub(crate) fn people_rows(
    conn: &Db,
    facts: &Facts,
    positions: &[usize],
    session: Option<crate::domain::SessionId>,
) -> Result<Vec<PersonRow>> {
    people::rows(conn, facts, positions, session, None)
}

/// A value that changes whenever the figures may have: poll it to know when
/// to recompute.
pub fn fingerprint(conn: &Db) -> Result<Fingerprint> {
    store::attendance::fingerprint(conn)
}

#[cfg(test)]
mod tests;
