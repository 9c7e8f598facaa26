//! One module per screen. Each has its own `State`, `Message`, an `update`
//! that returns `(Task, Option<Event>)` (its `Event` says what the rest of
//! the application may react to: the desk routes it), and a `view` that
//! only draws.

pub mod badge_preview;
pub mod choices;
pub mod dashboard;
pub mod delegations;
pub mod form;
pub mod gate;
pub mod import;
pub mod letters;
pub mod liaison;
pub mod operators;
pub mod participant;
pub mod participants;
pub mod print_queue;
pub mod settings;
pub mod sign_in;
pub mod vetting;
pub mod welcome;
