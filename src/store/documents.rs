//! The event's document settings: the language its letters, receipts and
//! reports are written in.

use super::Db;
use crate::error::Result;
use crate::i18n::Language;

/// The documents' language; English until an administrator sets another.
/// A code this program does not know (a newer one's) reads as English.
pub fn language(conn: &Db) -> Result<Language> {
    let code: Option<String> = conn.query_opt(
        "SELECT language FROM document_settings WHERE id = 1",
        [],
        |r| r.get(0),
    )?;
    Ok(code
        .and_then(|c| Language::from_locale(&c))
        .unwrap_or_default())
}

pub fn set_language(conn: &Db, language: Language) -> Result<()> {
    conn.execute(
        "INSERT INTO document_settings (id, language) VALUES (1, ?1)
         ON CONFLICT (id) DO UPDATE SET language = excluded.language",
        [language.code()],
    )?;
    Ok(())
}
