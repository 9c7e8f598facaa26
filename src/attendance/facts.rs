//! The store read once into compact facts: per participant a few flags and
//! times, per session who was invited and who came. Passages are read in one
//! pass over the covering index `scans_by_holder`, grouped by holder and zone,
//! so presence, first arrivals, session attendance and the arrival counts all
//! come out of that single pass.

use crate::store::Db;
use std::collections::HashMap;

use super::bits::PeopleSet;
use super::timeline::SlotCounts;
use crate::domain::{
    Colour, DelegationId, DelegationKind, Event, Invitee, ParticipantId, ParticipantStatus,
    SessionId, Zone, ZoneNumber, ZoneSet,
};
use crate::error::Result;
use crate::store;
use crate::store::attendance::Passage;

/// Entries from this long before a session's start count as attending it:
/// doors open early and people take their seats before the chair opens.
pub const EARLY_ENTRY_SECONDS: i64 = 30 * 60;

/// The length of one bucket of the arrivals timeline.
pub const QUARTER_HOUR: i64 = 15 * 60;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DelegationInfo {
    pub id: DelegationId,
    pub code: String,
    pub name: String,
    pub kind: DelegationKind,
    pub quotas: Vec<crate::domain::Quota>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryInfo {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub colour: Colour,
    pub default_quota: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInfo {
    pub id: SessionId,
    pub name: String,
    pub zone: ZoneNumber,
    pub starts_at: i64,
    pub ends_at: i64,
    pub invitation_only: bool,
}

/// One participant, as the figures see them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Person {
    pub id: ParticipantId,
    /// Position in [`Facts::delegations`].
    pub delegation: usize,
    /// Position in [`Facts::categories`].
    pub category: usize,
    pub status: ParticipantStatus,
    /// Security has cleared them, or the event does not require it of them.
    pub cleared: bool,
    /// A badge of theirs was printed (any badge, also one revoked since).
    pub printed: bool,
    /// They collected a badge at the desk.
    pub collected: bool,
    /// Their first passage into any zone.
    pub first_arrival: Option<i64>,
    /// The zones they are inside: their last passage there was an entry.
    pub inside: ZoneSet,
}

impl Person {
    pub fn arrived(&self) -> bool {
        self.first_arrival.is_some()
    }

    pub fn present(&self) -> bool {
        !self.inside.is_empty()
    }
}

/// Who was invited to a session and who came, by position in
/// [`Facts::people`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionPeople {
    /// Invited directly or through their delegation (invitation-only
    /// sessions; empty for open ones), whatever their status.
    pub invited: PeopleSet,
    /// Went into the session's zone during the session (or shortly before).
    pub entered: PeopleSet,
    /// Checked in explicitly.
    pub checked_in: PeopleSet,
}

impl SessionPeople {
    pub fn attended(&self, i: usize) -> bool {
        self.entered.contains(i) || self.checked_in.contains(i)
    }
}

/// Everything the figures are computed from, as of one instant.
#[derive(Debug, Clone)]
pub struct Facts {
    /// The instant of the figures: passages and check-ins after it are ignored.
    pub at: i64,
    pub event: Event,
    /// The one delegation the facts cover, when not every one.
    pub delegation: Option<DelegationId>,
    pub delegations: Vec<DelegationInfo>,
    pub categories: Vec<CategoryInfo>,
    pub zones: Vec<Zone>,
    pub sessions: Vec<SessionInfo>,
    /// By id.
    pub people: Vec<Person>,
    /// Parallel to `sessions`.
    pub session_people: Vec<SessionPeople>,
    /// Passages into a zone, per quarter-hour slot (`at` div 900).
    pub entries: SlotCounts,
}

impl Facts {
    /// Reads the facts as of `at`, for every participant or one delegation's.
    /// Plain reads: the caller checks permissions and holds the transaction
    /// that makes them consistent.
    pub fn read(conn: &Db, at: i64, delegation: Option<DelegationId>) -> Result<Facts> {
        let event = store::event::get(conn)?;
        let delegations: Vec<DelegationInfo> = store::delegations::list(conn)?
            .into_iter()
            .filter(|d| delegation.is_none_or(|only| only == d.id))
            .map(|d| DelegationInfo {
                id: d.id,
                code: d.code,
                name: d.name,
                kind: d.kind,
                quotas: d.quotas,
            })
            .collect();
        let categories: Vec<CategoryInfo> = store::categories::list(conn)?
            .into_iter()
            .map(|c| CategoryInfo {
                id: c.id,
                code: c.code,
                name: c.name,
                colour: c.colour,
                default_quota: c.default_quota,
            })
            .collect();
        let delegation_pos: HashMap<DelegationId, usize> = delegations
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id, i))
            .collect();
        let category_pos: HashMap<i64, usize> = categories
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id, i))
            .collect();

        let rule = store::vetting::rule(conn)?;
        let clearances = store::vetting::states(conn)?;
        let mut people = Vec::new();
        for p in store::attendance::participants(conn, delegation)? {
            // Foreign keys make both lookups succeed.
            let (Some(&d), Some(&c)) = (
                delegation_pos.get(&p.delegation),
                category_pos.get(&p.category),
            ) else {
                continue;
            };
            people.push(Person {
                id: p.id,
                delegation: d,
                category: c,
                status: p.status,
                cleared: !rule.applies_to(&categories[c].code)
                    || clearances.get(&p.id) == Some(&crate::domain::ClearanceState::Cleared),
                printed: false,
                collected: false,
                first_arrival: None,
                inside: ZoneSet::EMPTY,
            });
        }
        let index = PositionIndex::new(&people);
        for b in store::attendance::badges(conn)? {
            if let Some(i) = index.get(b.participant) {
                people[i].printed = b.printed;
                people[i].collected = b.collected;
            }
        }

        let programme = store::sessions::list_without_invitees(conn)?;
        let session_pos: HashMap<SessionId, usize> = programme
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id, i))
            .collect();
        let mut session_people: Vec<SessionPeople> = programme
            .iter()
            .map(|_| SessionPeople {
                invited: PeopleSet::with_capacity(people.len()),
                entered: PeopleSet::with_capacity(people.len()),
                checked_in: PeopleSet::with_capacity(people.len()),
            })
            .collect();
        let mut by_delegation: Vec<Vec<usize>> = vec![Vec::new(); delegations.len()];
        for (i, p) in people.iter().enumerate() {
            by_delegation[p.delegation].push(i);
        }
        for (session, invitee) in store::attendance::invitations(conn)? {
            let Some(&s) = session_pos.get(&session) else {
                continue;
            };
            if !programme[s].invitation_only {
                continue;
            }
            match invitee {
                Invitee::Delegation(d) => {
                    if let Some(&d) = delegation_pos.get(&d) {
                        for &i in &by_delegation[d] {
                            session_people[s].invited.insert(i);
                        }
                    }
                }
                Invitee::Participant(p) => {
                    if let Some(i) = index.get(p) {
                        session_people[s].invited.insert(i);
                    }
                }
            }
        }
        for (session, participant) in store::attendance::checkins(conn, at)? {
            if let (Some(&s), Some(i)) = (session_pos.get(&session), index.get(participant)) {
                session_people[s].checked_in.insert(i);
            }
        }
        let sessions: Vec<SessionInfo> = programme
            .into_iter()
            .map(|s| SessionInfo {
                id: s.id,
                name: s.name,
                zone: s.zone,
                starts_at: s.starts_at,
                ends_at: s.ends_at,
                invitation_only: s.invitation_only,
            })
            .collect();

        let window = SlotCounts::around(event.badge_valid_from, event.badge_valid_until);
        let mut pass = Pass::new(&sessions, window);
        store::attendance::for_each_passage(conn, at, |passage| {
            pass.take(passage, &index, &mut people, &mut session_people)
        })?;
        pass.finish(&mut people);

        Ok(Facts {
            at,
            event,
            delegation,
            delegations,
            categories,
            zones: store::zones::list(conn)?,
            sessions,
            people,
            session_people,
            entries: pass.entries,
        })
    }

    /// The position in `people` of a participant.
    pub fn position(&self, id: ParticipantId) -> Option<usize> {
        position(&self.people, id)
    }
}

fn position(people: &[Person], id: ParticipantId) -> Option<usize> {
    people.binary_search_by_key(&id, |p| p.id).ok()
}

/// Finds a person's position from their id: a table indexed by id when ids
/// are dense (they are row ids, so nearly always), a binary search if not.
struct PositionIndex {
    dense: Vec<u32>,
    ids: Vec<ParticipantId>,
}

impl PositionIndex {
    const NONE: u32 = u32::MAX;

    fn new(people: &[Person]) -> PositionIndex {
        let ids: Vec<ParticipantId> = people.iter().map(|p| p.id).collect();
        let (min, max) = (
            ids.first().copied().unwrap_or(0),
            ids.last().copied().unwrap_or(0),
        );
        let dense = if min >= 0 && (max as usize) <= 4 * ids.len() + 1024 {
            let mut table = vec![Self::NONE; max as usize + 1];
            for (i, &id) in ids.iter().enumerate() {
                table[id as usize] = i as u32;
            }
            table
        } else {
            Vec::new()
        };
        PositionIndex { dense, ids }
    }

    fn get(&self, id: ParticipantId) -> Option<usize> {
        if self.dense.is_empty() {
            return self.ids.binary_search(&id).ok();
        }
        let slot = *self.dense.get(usize::try_from(id).ok()?)?;
        (slot != Self::NONE).then_some(slot as usize)
    }
}

/// The state of the pass over passages: the holder and zone being read and
/// the latest passage seen there.
struct Pass {
    sessions_by_zone: Vec<Vec<(usize, i64, i64)>>,
    holder: Option<(ParticipantId, Option<usize>)>,
    zone: ZoneNumber,
    /// (at, row, entry) of the latest passage of the current holder and zone.
    latest: Option<(i64, i64, bool)>,
    entries: SlotCounts,
}

impl Pass {
    fn new(sessions: &[SessionInfo], entries: SlotCounts) -> Pass {
        let mut sessions_by_zone = vec![Vec::new(); usize::from(ZoneSet::MAX_ZONE) + 1];
        for (s, session) in sessions.iter().enumerate() {
            if let Some(slot) = sessions_by_zone.get_mut(usize::from(session.zone)) {
                slot.push((s, session.starts_at - EARLY_ENTRY_SECONDS, session.ends_at));
            }
        }
        Pass {
            sessions_by_zone,
            holder: None,
            zone: 0,
            latest: None,
            entries,
        }
    }

    fn take(
        &mut self,
        p: Passage,
        index: &PositionIndex,
        people: &mut [Person],
        sessions: &mut [SessionPeople],
    ) {
        let person = match self.holder {
            Some((id, person)) if id == p.participant => {
                if p.zone != self.zone {
                    self.close_zone(person, people);
                    self.zone = p.zone;
                }
                person
            }
            previous => {
                if let Some((_, person)) = previous {
                    self.close_zone(person, people);
                }
                let person = index.get(p.participant);
                self.holder = Some((p.participant, person));
                self.zone = p.zone;
                person
            }
        };
        // Holders outside the facts (another delegation, a deleted record).
        let Some(i) = person else { return };
        if self
            .latest
            .is_none_or(|(at, row, _)| (p.at, p.row) > (at, row))
        {
            self.latest = Some((p.at, p.row, p.entry));
        }
        if !p.entry {
            return;
        }
        let first = &mut people[i].first_arrival;
        *first = Some(first.map_or(p.at, |f| f.min(p.at)));
        self.entries.add(p.at.div_euclid(QUARTER_HOUR));
        if let Some(candidates) = self.sessions_by_zone.get(usize::from(p.zone)) {
            for &(s, from, until) in candidates {
                if p.at >= from && p.at < until {
                    sessions[s].entered.insert(i);
                }
            }
        }
    }

    /// The zone of the current holder is read whole: they are inside it when
    /// their latest passage there was an entry.
    fn close_zone(&mut self, person: Option<usize>, people: &mut [Person]) {
        if let (Some(i), Some((_, _, true))) = (person, self.latest) {
            people[i].inside = people[i].inside.with(self.zone);
        }
        self.latest = None;
    }

    fn finish(&mut self, people: &mut [Person]) {
        if let Some((_, person)) = self.holder {
            self.close_zone(person, people);
        }
    }
}
