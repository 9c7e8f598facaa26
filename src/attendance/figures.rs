//! Every figure of the dashboard and the reports, computed from the facts in
//! one loop over the people. Field names are a stable interface (the JSON
//! report), documented in README.md.

use std::collections::HashMap;

use serde::Serialize;

use super::facts::{Facts, Person};
use super::timeline::{Arrivals, local_minute};
use crate::domain::{DelegationKind, ParticipantStatus, ZoneNumber};

/// Counts of people at each stage, for one group of participants.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Nominations received, whatever became of them.
    pub nominated: u32,
    /// Still awaiting a decision.
    pub pending: u32,
    pub approved: u32,
    /// Approved and cleared by security (or not needing it).
    pub cleared: u32,
    pub rejected: u32,
    pub cancelled: u32,
    /// A badge of theirs was printed.
    pub badges_printed: u32,
    /// They collected a badge at the desk.
    pub badges_collected: u32,
    /// At least one passage into a zone.
    pub arrived: u32,
    /// Inside at least one zone now.
    pub present: u32,
}

impl Counts {
    fn add(&mut self, p: &Person) {
        self.nominated += 1;
        match p.status {
            ParticipantStatus::Nominated => self.pending += 1,
            ParticipantStatus::Approved => {
                self.approved += 1;
                self.cleared += u32::from(p.cleared);
            }
            ParticipantStatus::Rejected => self.rejected += 1,
            ParticipantStatus::Cancelled => self.cancelled += 1,
        }
        self.badges_printed += u32::from(p.printed);
        self.badges_collected += u32::from(p.collected);
        self.arrived += u32::from(p.arrived());
        self.present += u32::from(p.present());
    }
}

/// States or organisations: how many delegations there are, how many have
/// someone approved, how many have someone who arrived.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Represented {
    pub delegations: u32,
    /// With at least one approved participant.
    pub registered: u32,
    /// With at least one participant who arrived.
    pub arrived: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KindFigures {
    pub kind: DelegationKind,
    pub label: String,
    #[serde(flatten)]
    pub delegations: Represented,
    /// Approved participants of these delegations.
    pub approved_participants: u32,
    /// Participants of these delegations who arrived.
    pub arrived_participants: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Representation {
    /// Member and observer states.
    pub states: Represented,
    /// UN entities, intergovernmental, regional and financial organisations,
    /// NGOs and academia (not media, not the host).
    pub organisations: Represented,
    /// Every kind with at least one delegation, in the order of
    /// `DelegationKind::ALL`.
    pub by_kind: Vec<KindFigures>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryFigures {
    pub code: String,
    pub name: String,
    /// `#RRGGBB`.
    pub colour: String,
    #[serde(flatten)]
    pub counts: Counts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DelegationFigures {
    pub code: String,
    pub name: String,
    pub kind: DelegationKind,
    #[serde(flatten)]
    pub counts: Counts,
    /// The first passage of any of its participants.
    pub first_arrival: Option<i64>,
    /// Someone is approved and nobody has arrived yet.
    pub nobody_arrived: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionFigures {
    pub name: String,
    pub zone: ZoneNumber,
    pub starts_at: i64,
    pub ends_at: i64,
    /// `2025-10-25 10:15`, in the event's time zone.
    pub starts_local: String,
    pub ends_local: String,
    pub invitation_only: bool,
    /// Approved participants invited (directly or through their delegation);
    /// null for open sessions.
    pub invited: Option<u32>,
    /// Entered the zone from 30 minutes before the start to the end, or
    /// checked in.
    pub attended: u32,
    /// Of those who attended, invited (null for open sessions)…
    pub attended_invited: Option<u32>,
    /// …and not invited (null for open sessions).
    pub attended_uninvited: Option<u32>,
    /// Checked in explicitly.
    pub checked_in: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ZoneFigures {
    pub number: ZoneNumber,
    pub code: String,
    pub name: String,
    /// Inside now: their last passage into or out of the zone was an entry.
    pub present: u32,
}

/// Every figure, as of one instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figures {
    /// The instant of the figures (Unix seconds).
    pub as_of: i64,
    /// The same, in the event's time zone: `2025-10-25 09:00`.
    pub as_of_local: String,
    pub time_zone: String,
    pub pipeline: Counts,
    pub representation: Representation,
    pub categories: Vec<CategoryFigures>,
    pub delegations: Vec<DelegationFigures>,
    /// Delegations with more participants nominated or approved in a
    /// category than its quota (the delegation's, else the category's).
    pub delegations_over_quota: u32,
    pub sessions: Vec<SessionFigures>,
    pub zones: Vec<ZoneFigures>,
    pub arrivals: Arrivals,
}

/// Whether a kind of delegation counts among the organisations represented.
pub fn is_organisation(kind: DelegationKind) -> bool {
    !kind.is_state() && !matches!(kind, DelegationKind::Media | DelegationKind::Host)
}

impl Figures {
    pub fn compute(facts: &Facts) -> Figures {
        let tz = facts.event.tz();
        let mut pipeline = Counts::default();
        let mut by_delegation = vec![Counts::default(); facts.delegations.len()];
        let mut first_by_delegation: Vec<Option<i64>> = vec![None; facts.delegations.len()];
        let mut by_category = vec![Counts::default(); facts.categories.len()];
        let mut inside = [0u32; 65];
        // Places taken per delegation and category (nominated or approved).
        let mut places: HashMap<(usize, usize), u32> = HashMap::new();
        for p in &facts.people {
            if matches!(
                p.status,
                ParticipantStatus::Nominated | ParticipantStatus::Approved
            ) {
                *places.entry((p.delegation, p.category)).or_default() += 1;
            }
            pipeline.add(p);
            by_delegation[p.delegation].add(p);
            by_category[p.category].add(p);
            if let Some(at) = p.first_arrival {
                let first = &mut first_by_delegation[p.delegation];
                *first = Some(first.map_or(at, |f| f.min(at)));
            }
            for z in p.inside.iter() {
                inside[usize::from(z)] += 1;
            }
        }

        let delegations: Vec<DelegationFigures> = facts
            .delegations
            .iter()
            .zip(&by_delegation)
            .zip(&first_by_delegation)
            .map(|((d, counts), first)| DelegationFigures {
                code: d.code.clone(),
                name: d.name.clone(),
                kind: d.kind,
                counts: *counts,
                first_arrival: *first,
                nobody_arrived: counts.approved > 0 && counts.arrived == 0,
            })
            .collect();

        let mut states = Represented::default();
        let mut organisations = Represented::default();
        let mut by_kind = Vec::new();
        for kind in DelegationKind::ALL {
            let mut row = KindFigures {
                kind,
                label: kind.label().to_string(),
                delegations: Represented::default(),
                approved_participants: 0,
                arrived_participants: 0,
            };
            for d in delegations.iter().filter(|d| d.kind == kind) {
                row.delegations.delegations += 1;
                row.delegations.registered += u32::from(d.counts.approved > 0);
                row.delegations.arrived += u32::from(d.counts.arrived > 0);
                row.approved_participants += d.counts.approved;
                row.arrived_participants += d.counts.arrived;
            }
            if row.delegations.delegations == 0 {
                continue;
            }
            let group = if kind.is_state() {
                Some(&mut states)
            } else if is_organisation(kind) {
                Some(&mut organisations)
            } else {
                None
            };
            if let Some(group) = group {
                group.delegations += row.delegations.delegations;
                group.registered += row.delegations.registered;
                group.arrived += row.delegations.arrived;
            }
            by_kind.push(row);
        }

        let categories = facts
            .categories
            .iter()
            .zip(&by_category)
            .map(|(c, counts)| CategoryFigures {
                code: c.code.clone(),
                name: c.name.clone(),
                colour: c.colour.hex(),
                counts: *counts,
            })
            .collect();

        let mut approved = super::PeopleSet::with_capacity(facts.people.len());
        for (i, p) in facts.people.iter().enumerate() {
            if p.status == ParticipantStatus::Approved {
                approved.insert(i);
            }
        }
        let sessions = facts
            .sessions
            .iter()
            .zip(&facts.session_people)
            .map(|(s, who)| {
                let attended = who.entered.union(&who.checked_in);
                let invited = who.invited.intersection(&approved);
                let came_invited = attended.intersection(&invited).count();
                let only = |n: u32| s.invitation_only.then_some(n);
                SessionFigures {
                    name: s.name.clone(),
                    zone: s.zone,
                    starts_at: s.starts_at,
                    ends_at: s.ends_at,
                    starts_local: local_minute(s.starts_at, &tz),
                    ends_local: local_minute(s.ends_at, &tz),
                    invitation_only: s.invitation_only,
                    invited: only(invited.count()),
                    attended: attended.count(),
                    attended_invited: only(came_invited),
                    attended_uninvited: only(attended.count() - came_invited),
                    checked_in: who.checked_in.count(),
                }
            })
            .collect();

        let zones = facts
            .zones
            .iter()
            .map(|z| ZoneFigures {
                number: z.number,
                code: z.code.clone(),
                name: z.name.clone(),
                present: inside.get(usize::from(z.number)).copied().unwrap_or(0),
            })
            .collect();

        let mut over: Vec<bool> = vec![false; facts.delegations.len()];
        for (&(d, c), &n) in &places {
            let (delegation, category) = (&facts.delegations[d], &facts.categories[c]);
            let quota = delegation
                .quotas
                .iter()
                .find(|q| q.category == category.id)
                .map(|q| q.max)
                .or(category.default_quota);
            if quota.is_some_and(|q| n > q) {
                over[d] = true;
            }
        }
        let delegations_over_quota = over.iter().filter(|o| **o).count() as u32;
        Figures {
            as_of: facts.at,
            as_of_local: local_minute(facts.at, &tz),
            time_zone: facts.event.time_zone.clone(),
            pipeline,
            representation: Representation {
                states,
                organisations,
                by_kind,
            },
            categories,
            delegations,
            delegations_over_quota,
            sessions,
            zones,
            arrivals: Arrivals::compute(facts),
        }
    }
}
