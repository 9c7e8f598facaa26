//! Accredit: accreditation for diplomatic conferences.
//!
//! The library is the core (domain, store, credentials, badges, import/export,
//! reports); the `accredit` binary puts a CLI and, with the `gui` feature, an
//! iced GUI on top of it. Nothing outside `gui` imports iced. See
//! `ARCHITECTURE.md` for the map.

pub mod attendance;
pub mod audit;
pub mod auth;
pub mod backup;
pub mod badge;
pub mod clock;
pub mod credential;
pub mod db;
pub mod demo;
pub mod desk;
pub mod domain;
mod error;
pub mod files;
pub mod gate;
pub mod i18n;
pub mod letters;
pub mod lookup;
pub mod photo;
pub mod reference;
pub mod report;
pub mod search;
pub mod setup;
pub mod signing;
mod store;
#[doc(hidden)]
pub mod test_server;
pub mod transfer;
pub mod vetting;
pub mod workspace;

pub use error::{Error, Result};
pub use workspace::Workspace;
