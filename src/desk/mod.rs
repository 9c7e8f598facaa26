//! What the accreditation desk does: nominations, approval, and (with the
//! badge modules) printing and hand-over. Each function checks the actor's
//! permission, runs in one transaction and writes its audit entries there.
//! The CLI and the GUI both call these; neither touches the store directly
//! for a change.

pub mod badges;
pub mod delegations;
pub mod liaison;
pub mod listing;
pub mod participants;
pub mod printing;
pub mod receipt;
pub mod records;
