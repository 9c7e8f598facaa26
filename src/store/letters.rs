//! The letters' templates, one per kind, as an administrator wrote them.

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::Result;

/// A stored template: subject, body and signatory.
pub fn get(conn: &Connection, kind: &str) -> Result<Option<(String, String, String)>> {
    Ok(conn
        .prepare_cached("SELECT subject, body, signatory FROM letter_templates WHERE kind = ?1")?
        .query_row([kind], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?)
}

pub fn set(
    conn: &Connection,
    kind: &str,
    subject: &str,
    body: &str,
    signatory: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO letter_templates (kind, subject, body, signatory) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (kind) DO UPDATE SET subject = excluded.subject, body = excluded.body,
            signatory = excluded.signatory",
        params![kind, subject, body, signatory],
    )?;
    Ok(())
}
