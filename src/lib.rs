//! Accredit: accreditation for diplomatic conferences.
//!
//! The library is the core (domain, store, credentials, badges, import/export,
//! reports); the `accredit` binary puts a CLI and, with the `gui` feature, an
//! iced GUI on top of it. Nothing outside `gui` imports iced.

pub mod badge;
pub mod photo;
