//! The participant table of the desk: every participant as one light row,
//! searchable and sortable instantly, even with 100,000 of them. The rows are
//! loaded once; each keystroke filters them with the search index and walks a
//! precomputed order, so nothing is sorted while typing.

use crate::auth::{Actor, Permission};
use crate::domain::{
    CategoryId, ClearanceState, DelegationId, ParticipantId, ParticipantRow, ParticipantStatus,
};
use crate::error::Result;
use crate::search::SearchIndex;
use crate::store;
use crate::store::Db;

/// The columns the table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortColumn {
    #[default]
    Name,
    Delegation,
    Category,
    Status,
    Badge,
    Collected,
    Clearance,
}

impl SortColumn {
    pub const ALL: [SortColumn; 7] = [
        SortColumn::Name,
        SortColumn::Delegation,
        SortColumn::Category,
        SortColumn::Status,
        SortColumn::Badge,
        SortColumn::Collected,
        SortColumn::Clearance,
    ];
}

/// Which rows to show besides the search text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RowFilter {
    pub delegation: Option<DelegationId>,
    pub category: Option<CategoryId>,
    pub status: Option<ParticipantStatus>,
    pub clearance: Option<ClearanceState>,
}

impl RowFilter {
    fn accepts(&self, r: &ParticipantRow) -> bool {
        self.delegation.is_none_or(|d| d == r.delegation_id)
            && self.category.is_none_or(|c| c == r.category_id)
            && self.status.is_none_or(|s| s == r.status)
            && self.clearance.is_none_or(|c| Some(c) == r.clearance)
    }
}

/// Every participant's row, the search index over them, and one precomputed
/// order per sort column.
pub struct Listing {
    pub rows: Vec<ParticipantRow>,
    index: SearchIndex,
    orders: Vec<(SortColumn, Vec<u32>)>,
}

impl Listing {
    /// Loads every participant. Takes a few hundred milliseconds at 100,000:
    /// run it off the UI thread.
    pub fn load(conn: &Db, actor: &Actor) -> Result<Listing> {
        actor.require(Permission::ViewParticipants)?;
        // One snapshot, so rows, clearances and search sources hold the same people.
        let tx = store::read(conn)?;
        let mut rows = store::participants::rows(&tx)?;
        let rule = store::vetting::rule(&tx)?;
        let states = store::vetting::states(&tx)?;
        for r in &mut rows {
            let state = states.get(&r.id).copied();
            r.clearance = if rule.applies_to(&r.category) {
                Some(state.unwrap_or_default())
            } else {
                state
            };
        }
        let sources = store::participants::search_sources(&tx)?;
        tx.commit()?;
        Ok(Listing::new(rows, sources))
    }

    /// `sources` must hold the same participants as `rows`, in the same order.
    pub fn new(
        rows: Vec<ParticipantRow>,
        sources: Vec<store::participants::SearchSource>,
    ) -> Listing {
        debug_assert!(rows.iter().zip(&sources).all(|(r, s)| r.id == s.id));
        let index = SearchIndex::build(sources);
        let category_order = |r: &ParticipantRow| r.category.clone();
        let orders = SortColumn::ALL
            .iter()
            .map(|&col| {
                let mut order: Vec<u32> = (0..rows.len() as u32).collect();
                let by_name = |a: &u32, b: &u32| {
                    rows[*a as usize]
                        .sort_name
                        .cmp(&rows[*b as usize].sort_name)
                };
                match col {
                    SortColumn::Name => order.sort_by(by_name),
                    SortColumn::Delegation => order.sort_by(|a, b| {
                        rows[*a as usize]
                            .delegation
                            .cmp(&rows[*b as usize].delegation)
                            .then_with(|| by_name(a, b))
                    }),
                    SortColumn::Category => order.sort_by(|a, b| {
                        category_order(&rows[*a as usize])
                            .cmp(&category_order(&rows[*b as usize]))
                            .then_with(|| by_name(a, b))
                    }),
                    SortColumn::Status => order.sort_by(|a, b| {
                        rows[*a as usize]
                            .status
                            .cmp(&rows[*b as usize].status)
                            .then_with(|| by_name(a, b))
                    }),
                    SortColumn::Badge => order.sort_by(|a, b| {
                        rows[*a as usize]
                            .badge_serial
                            .cmp(&rows[*b as usize].badge_serial)
                            .then_with(|| by_name(a, b))
                    }),
                    SortColumn::Clearance => order.sort_by(|a, b| {
                        rows[*a as usize]
                            .clearance
                            .cmp(&rows[*b as usize].clearance)
                            .then_with(|| by_name(a, b))
                    }),
                    SortColumn::Collected => order.sort_by(|a, b| {
                        rows[*a as usize]
                            .collected
                            .cmp(&rows[*b as usize].collected)
                            .then_with(|| by_name(a, b))
                    }),
                }
                (col, order)
            })
            .collect();
        Listing {
            rows,
            index,
            orders,
        }
    }

    /// The rows to show, as positions in `rows`, in the asked order.
    pub fn query(
        &self,
        text: &str,
        filter: &RowFilter,
        sort: SortColumn,
        descending: bool,
    ) -> Vec<u32> {
        let hits = self.index.matching_rows(text);
        let order = self
            .orders
            .iter()
            .find(|(c, _)| *c == sort)
            .map(|(_, o)| o.as_slice())
            .unwrap_or_default();
        let keep = |i: &&u32| {
            let i = **i as usize;
            hits.as_ref().is_none_or(|h| h.contains(i)) && filter.accepts(&self.rows[i])
        };
        if descending {
            order.iter().rev().filter(keep).copied().collect()
        } else {
            order.iter().filter(keep).copied().collect()
        }
    }

    pub fn position_of(&self, id: ParticipantId) -> Option<usize> {
        self.rows.iter().position(|r| r.id == id)
    }
}

impl std::fmt::Debug for Listing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Listing({} participants)", self.rows.len())
    }
}
