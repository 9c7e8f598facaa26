//! The people behind a figure: which participants a number counts, and the
//! list of them with their names, for the dashboard's drill-down and the
//! reports' participant tables.

use crate::store::Db;
use serde::Serialize;

use super::facts::{Facts, QUARTER_HOUR};
use super::figures::is_organisation;
use super::timeline::local_minute;
use crate::domain::{
    CategoryId, DelegationId, DelegationKind, ParticipantId, ParticipantStatus, SessionId,
    ZoneNumber,
};
use crate::error::Result;
use crate::search::sort_name;
use crate::store;

/// Which participants a figure is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    All,
    States,
    Organisations,
    Kind(DelegationKind),
    Category(CategoryId),
    Delegation(DelegationId),
}

/// What a figure counts among them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    Nominated,
    Pending,
    Approved,
    /// Approved and cleared by security (or not needing it).
    Cleared,
    Rejected,
    Cancelled,
    Printed,
    Collected,
    Arrived,
    /// Not arrived yet, among the approved.
    NotArrived,
    Present,
    /// Inside this zone now.
    Inside(ZoneNumber),
    /// First arrival in this quarter-hour (its first second).
    FirstArrivalIn(i64),
    /// First arrival between two instants (a day).
    FirstArrivalBetween(i64, i64),
    /// Approved and invited to the session.
    Invited(SessionId),
    Attended(SessionId),
    AttendedInvited(SessionId),
    AttendedUninvited(SessionId),
    /// Approved, invited, and not there.
    Absent(SessionId),
    CheckedIn(SessionId),
}

/// A figure: a measure within a group, e.g. "arrived" among "member states".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Selector {
    pub group: Group,
    pub measure: Measure,
}

impl Selector {
    pub fn new(group: Group, measure: Measure) -> Selector {
        Selector { group, measure }
    }

    /// The positions in `facts.people` of the people counted, by id.
    pub fn select(&self, facts: &Facts) -> Vec<usize> {
        let session = |id: SessionId| facts.sessions.iter().position(|s| s.id == id);
        let measure = match self.measure {
            Measure::Invited(s)
            | Measure::Attended(s)
            | Measure::AttendedInvited(s)
            | Measure::AttendedUninvited(s)
            | Measure::Absent(s)
            | Measure::CheckedIn(s) => match session(s) {
                Some(pos) => Some(pos),
                None => return Vec::new(),
            },
            _ => None,
        };
        (0..facts.people.len())
            .filter(|&i| self.in_group(facts, i) && self.counts(facts, i, measure))
            .collect()
    }

    fn in_group(&self, facts: &Facts, i: usize) -> bool {
        let p = &facts.people[i];
        let kind = || facts.delegations[p.delegation].kind;
        match self.group {
            Group::All => true,
            Group::States => kind().is_state(),
            Group::Organisations => is_organisation(kind()),
            Group::Kind(k) => kind() == k,
            Group::Category(c) => facts.categories[p.category].id == c,
            Group::Delegation(d) => facts.delegations[p.delegation].id == d,
        }
    }

    fn counts(&self, facts: &Facts, i: usize, session: Option<usize>) -> bool {
        let p = &facts.people[i];
        let approved = p.status == ParticipantStatus::Approved;
        let who = session.map(|s| &facts.session_people[s]);
        let invited = || approved && who.is_some_and(|w| w.invited.contains(i));
        let attended = || who.is_some_and(|w| w.attended(i));
        match self.measure {
            Measure::Nominated => true,
            Measure::Pending => p.status == ParticipantStatus::Nominated,
            Measure::Approved => approved,
            Measure::Cleared => approved && p.cleared,
            Measure::Rejected => p.status == ParticipantStatus::Rejected,
            Measure::Cancelled => p.status == ParticipantStatus::Cancelled,
            Measure::Printed => p.printed,
            Measure::Collected => p.collected,
            Measure::Arrived => p.arrived(),
            Measure::NotArrived => approved && !p.arrived(),
            Measure::Present => p.present(),
            Measure::Inside(z) => p.inside.contains(z),
            Measure::FirstArrivalIn(start) => p
                .first_arrival
                .is_some_and(|t| t >= start && t < start + QUARTER_HOUR),
            Measure::FirstArrivalBetween(from, to) => {
                p.first_arrival.is_some_and(|t| t >= from && t < to)
            }
            Measure::Invited(_) => invited(),
            Measure::Attended(_) => attended(),
            Measure::AttendedInvited(_) => attended() && invited(),
            Measure::AttendedUninvited(_) => attended() && !invited(),
            Measure::Absent(_) => invited() && !attended(),
            Measure::CheckedIn(_) => who.is_some_and(|w| w.checked_in.contains(i)),
        }
    }
}

/// One person in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonRow {
    pub id: ParticipantId,
    /// The name as printed on the badge.
    pub name: String,
    /// Delegation code.
    pub delegation: String,
    /// Category code.
    pub category: String,
    /// Category colour, `#RRGGBB`.
    pub category_colour: String,
    pub status: ParticipantStatus,
    /// The active badge, if any.
    pub badge_serial: Option<u64>,
    pub badge_printed: bool,
    pub badge_collected: bool,
    pub first_arrival: Option<i64>,
    /// `2025-10-25 08:41` in the event's time zone.
    pub first_arrival_local: Option<String>,
    /// The zones they are inside now.
    pub present_zones: Vec<ZoneNumber>,
    /// Sessions attended (entered during the session, or checked in).
    pub sessions_attended: u32,
    /// For a session's list: invited (and approved); null otherwise.
    pub invited: Option<bool>,
    /// For a session's list: attended; null otherwise.
    pub attended: Option<bool>,
    /// For a session's list: checked in explicitly; null otherwise.
    pub checked_in: Option<bool>,
}

/// The people at `positions`, sorted by delegation code then family and
/// given names; with `limit`, only the first ones. Reads their names.
pub fn rows(
    conn: &Db,
    facts: &Facts,
    positions: &[usize],
    session: Option<SessionId>,
    limit: Option<usize>,
) -> Result<Vec<PersonRow>> {
    let ids: Vec<ParticipantId> = positions.iter().map(|&i| facts.people[i].id).collect();
    let names = store::attendance::names(conn, &ids)?;
    let session = session.and_then(|id| facts.sessions.iter().position(|s| s.id == id));
    let tz = facts.event.tz();
    let mut rows: Vec<(String, PersonRow)> = names
        .into_iter()
        .filter_map(|n| {
            let i = facts.position(n.id)?;
            let p = &facts.people[i];
            let delegation = &facts.delegations[p.delegation];
            let category = &facts.categories[p.category];
            let details = crate::domain::ParticipantDetails {
                given_names: n.given_names.clone(),
                family_name: n.family_name.clone(),
                badge_name: n.badge_name,
                ..Default::default()
            };
            let key = format!(
                "{}\u{0}{}",
                delegation.code,
                sort_name(&n.family_name, &n.given_names)
            );
            let approved = p.status == ParticipantStatus::Approved;
            let who = session.map(|s| &facts.session_people[s]);
            Some((
                key,
                PersonRow {
                    id: p.id,
                    name: details.display_name(),
                    delegation: delegation.code.clone(),
                    category: category.code.clone(),
                    category_colour: category.colour.hex(),
                    status: p.status,
                    badge_serial: n.serial,
                    badge_printed: p.printed,
                    badge_collected: p.collected,
                    first_arrival: p.first_arrival,
                    first_arrival_local: p.first_arrival.map(|t| local_minute(t, &tz)),
                    present_zones: p.inside.iter().collect(),
                    sessions_attended: facts
                        .session_people
                        .iter()
                        .filter(|w| w.attended(i))
                        .count() as u32,
                    invited: who.map(|w| approved && w.invited.contains(i)),
                    attended: who.map(|w| w.attended(i)),
                    checked_in: who.map(|w| w.checked_in.contains(i)),
                },
            ))
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.id.cmp(&b.1.id)));
    let mut rows: Vec<PersonRow> = rows.into_iter().map(|(_, r)| r).collect();
    if let Some(limit) = limit {
        rows.truncate(limit);
    }
    Ok(rows)
}
