//! Setting up an event: the event itself, its zones, categories, delegations,
//! checkpoints and sessions.

mod create;

pub use create::{EventSetup, create_event, insert_event};
