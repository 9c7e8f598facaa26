//! A letter's QR code at the desk: typed (or scanned) into the search field,
//! it names the participant once its signature checks out against the
//! event's trust list.

use crate::auth::{Actor, Permission};
use crate::credential::{is_letter_code, verify_letter};
use crate::domain::ParticipantId;
use crate::error::{Error, Result};
use crate::store;
use crate::store::Db;

/// Whether the text is meant as a letter's code (it may still be forged).
pub fn looks_like_letter(text: &str) -> bool {
    is_letter_code(text)
}

/// The participant a letter's code names, after checking its signature.
pub fn open(conn: &Db, actor: &Actor, text: &str) -> Result<ParticipantId> {
    actor.require(Permission::ViewParticipants)?;
    // Every key the event ever had: a letter outlives its key's badge window.
    let trust = crate::signing::trust_list(conn)?;
    let claims = verify_letter(text, &trust)
        .map_err(|why| Error::Refused(format!("This letter's code cannot be opened: {why}.")))?;
    let id = claims.participant as ParticipantId;
    store::participants::find(conn, id)?.ok_or_else(|| {
        Error::Refused(format!(
            "This letter's code names participant {id}, who is not in this store."
        ))
    })?;
    Ok(id)
}
