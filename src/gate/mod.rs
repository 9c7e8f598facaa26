//! Checking badges at the doors.
//!
//! - [`Station`]: a gate, on the main store or on an offline gate package;
//!   [`Station::scan`] checks a badge and records the scan before it
//!   returns the verdict, [`Station::override_refusal`] lets a refused
//!   holder through with a supervisor's authorisation and a reason.
//! - [`GateVerdict`]: the credential's verdicts, then the application's own
//!   (`UNKNOWN_BADGE`, `WRONG_DIRECTION`), with their words.
//! - [`package`]: the offline gate package (export, open and check its
//!   seal against the laptop's [`enrolment`]).
//! - [`stations`]: the gate stations the event enrolled (their keys sign
//!   the scans they send home).
//! - [`transfer`]: scans written by a gate and merged into the main store.
//! - [`verify`]: a credential checked against the store, nothing recorded.

pub mod enrolment;
mod holder;
pub mod package;
mod scan;
mod station;
pub mod stations;
pub mod transfer;
pub mod verdict;
pub mod verdict_languages;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod trust_tests;

pub use holder::Holder;
pub use scan::{BadgeView, RecentScan, ScanOutcome, ScanRequest};
pub use station::{Station, default_station_name};
pub use verdict::GateVerdict;

use crate::store::Db;
use serde::Serialize;

use crate::auth::{Actor, Permission};
use crate::credential::{self, Claims, Direction, GateState, Verdict, VerifyContext};
use crate::domain::{Checkpoint, ZoneNumber};
use crate::error::{Error, Result};
use crate::signing;
use crate::store;

/// The gate state a store knows: revoked badges, and who is inside which zone
/// at a moment (their last passage there was an entry).
pub struct StoreState<'a> {
    pub conn: &'a Db,
    pub at: i64,
}

impl GateState for StoreState<'_> {
    type Error = Error;

    fn is_revoked(&self, serial: u64) -> Result<bool> {
        store::badges::is_revoked(self.conn, serial)
    }

    fn is_inside(&self, participant: u64, zone: ZoneNumber) -> Result<bool> {
        let last = store::scans::last_passage(self.conn, participant as i64, zone, self.at)?;
        Ok(matches!(last, Some((Direction::Entry, _))))
    }
}

/// A credential checked against the store.
#[derive(Debug, Clone, Serialize)]
pub struct StoreVerification {
    pub verdict: Verdict,
    pub claims: Option<Claims>,
}

/// Verifies `text` as a gate of this store would at `at`, at `checkpoint`
/// when given (zone and anti-passback), without recording anything. A store
/// that cannot be read is an error, never a verdict.
pub fn verify(
    conn: &Db,
    actor: &Actor,
    text: &str,
    checkpoint: Option<&Checkpoint>,
    direction: Direction,
    at: i64,
) -> Result<StoreVerification> {
    actor.require(Permission::Scan)?;
    let trust = signing::trust_list(conn)?;
    let state = StoreState { conn, at };
    let mut ctx = VerifyContext::new(at, &state);
    if let Some(cp) = checkpoint {
        ctx = ctx.at_checkpoint(cp.zone, direction);
    }
    let v = credential::try_verify(text, &trust, &ctx)?;
    Ok(StoreVerification {
        verdict: v.verdict,
        claims: v.claims,
    })
}
