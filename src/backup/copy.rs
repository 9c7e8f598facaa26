//! `accredit db copy`: the whole event from one store into another, across
//! engines (a laptop's SQLite event onto the venue's server, or the server's
//! event into a SQLite store for the night). Only an administrator of the
//! event copies it: a copy holds every person's data.

use crate::auth::{Actor, Permission};
use crate::error::{Error, Result};
use crate::store::copy::{self, CopySummary};
use crate::workspace::Workspace;

/// Copies the event of `from` into `to`, which must hold none; the actor
/// signed in on `from`. The copy's audit chain verifies, its serials go on
/// where `from`'s would.
pub fn copy_event(from: &Workspace, to: &Workspace, actor: &Actor) -> Result<CopySummary> {
    actor.require(Permission::Restore)?;
    if from.event_place() == to.event_place() {
        return Err(Error::Refused(
            "the copy would go onto the store it comes from".into(),
        ));
    }
    let source = from.open()?;
    let mut target = to.open()?;
    copy::copy_event(&source, &mut target)
}
