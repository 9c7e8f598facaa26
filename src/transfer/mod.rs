//! Data in and out of the store: nomination lists and photos coming from
//! delegations, participants, badges and scans going out to organisers and
//! security, and the spreadsheet template sent to delegations. The CLI and
//! the GUI call these same functions.

pub mod export;
pub mod import;
pub mod photos;
pub mod template;
pub mod xlsx;
