//! The light read model of a participant that lists and tables show.

use super::{CategoryId, ClearanceState, Colour, DelegationId, ParticipantId, ParticipantStatus};

/// One participant as the table shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipantRow {
    pub id: ParticipantId,
    /// The name as printed on the badge.
    pub name: String,
    /// Family name then given names, folded to ASCII: what the table sorts by.
    pub sort_name: String,
    pub delegation_id: DelegationId,
    pub delegation: String,
    pub category_id: CategoryId,
    pub category: String,
    pub category_colour: Colour,
    pub status: ParticipantStatus,
    pub badge_serial: Option<u64>,
    pub collected: bool,
    /// Security clearance: `None` when it is not required and they were
    /// never sent.
    pub clearance: Option<ClearanceState>,
}
