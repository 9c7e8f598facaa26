//! The language of the event's documents (letters, liaison receipts,
//! reports): an event setting, as `accredit event set --language` and
//! Settings → Event change it.

use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::error::Result;
use crate::i18n::Language;
use crate::store::{self, Db};

/// The language the event's documents are written in unless a command
/// names another (`--lang`).
pub fn document_language(conn: &Db) -> Result<Language> {
    store::documents::language(conn)
}

/// Sets the documents' language, audited (`event.language`); nothing is
/// written when it does not change.
pub fn set_document_language(conn: &mut Db, actor: &Actor, language: Language) -> Result<Language> {
    actor.require(Permission::ConfigureEvent)?;
    let now = crate::clock::now();
    conn.write(|tx| {
        let before = store::documents::language(tx)?;
        if before != language {
            store::documents::set_language(tx, language)?;
            audit::record(
                tx,
                actor,
                now,
                Change::new("event.language", "event", 1),
                Some(&serde_json::json!({"language": before.code()})),
                Some(&serde_json::json!({"language": language.code()})),
            )?;
        }
        Ok(())
    })?;
    Ok(language)
}
