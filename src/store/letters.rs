//! The letters' templates, one per kind, as an administrator wrote them.

use super::Db;
use crate::error::Result;
use crate::params;

/// A stored template: subject, body and signatory.
pub fn get(conn: &Db, kind: &str) -> Result<Option<(String, String, String)>> {
    conn.prepare_cached("SELECT subject, body, signatory FROM letter_templates WHERE kind = ?1")?
        .query_opt([kind], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
}

pub fn set(conn: &Db, kind: &str, subject: &str, body: &str, signatory: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO letter_templates (kind, subject, body, signatory) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (kind) DO UPDATE SET subject = excluded.subject, body = excluded.body,
            signatory = excluded.signatory",
        params![kind, subject, body, signatory],
    )?;
    Ok(())
}
