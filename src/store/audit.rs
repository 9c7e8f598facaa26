use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::AuditEntry;
use crate::error::Result;

/// The fields of an entry that its hash covers, before it has an id.
pub struct NewEntry<'a> {
    pub at: i64,
    pub operator: &'a str,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub participant: Option<i64>,
    pub before: Option<&'a str>,
    pub after: Option<&'a str>,
}

/// The id and hash of the newest entry, or of nothing (zeroes) when empty.
pub fn head(conn: &Connection) -> Result<(i64, Vec<u8>)> {
    Ok(conn
        .prepare_cached("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or((0, vec![0u8; 32])))
}

/// The highest id ever given, even if that entry was deleted since.
pub fn highest_id_ever(conn: &Connection) -> Result<i64> {
    Ok(conn
        .query_row(
            "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'",
            [],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0))
}

pub fn insert(
    conn: &Connection,
    id: i64,
    e: &NewEntry,
    prev_hash: &[u8],
    hash: &[u8],
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO audit_log (id, at, operator, action, entity, entity_id, participant_id,
            before, after, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        id,
        e.at,
        e.operator,
        e.action,
        e.entity,
        e.entity_id,
        e.participant,
        e.before,
        e.after,
        prev_hash,
        hash
    ])?;
    Ok(())
}

/// Which entries a listing shows.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub participant: Option<i64>,
    pub operator: Option<String>,
    pub since: Option<i64>,
    pub limit: Option<u32>,
}

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<AuditEntry> {
    let json = |v: Option<String>| v.and_then(|t| serde_json::from_str(&t).ok());
    Ok(AuditEntry {
        id: r.get(0)?,
        at: r.get(1)?,
        operator: r.get(2)?,
        action: r.get(3)?,
        entity: r.get(4)?,
        entity_id: r.get(5)?,
        participant: r.get(6)?,
        before: json(r.get(7)?),
        after: json(r.get(8)?),
        prev_hash: r.get(9)?,
        hash: r.get(10)?,
    })
}

pub fn list(conn: &Connection, f: &Filter) -> Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, at, operator, action, entity, entity_id, participant_id, before, after,
            prev_hash, hash
         FROM audit_log
         WHERE (?1 IS NULL OR participant_id = ?1)
           AND (?2 IS NULL OR operator = ?2)
           AND (?3 IS NULL OR at >= ?3)
         ORDER BY id
         LIMIT coalesce(?4, -1)",
    )?;
    let rows = stmt
        .query_map(
            params![f.participant, f.operator, f.since, f.limit],
            from_row,
        )?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// The raw stored text of every entry in order, for chain verification.
pub fn for_each_raw(
    conn: &Connection,
    mut visit: impl FnMut(i64, NewEntry, &[u8], &[u8]) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT id, at, operator, action, entity, entity_id, participant_id, before, after,
            prev_hash, hash FROM audit_log ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let operator: String = r.get(2)?;
        let action: String = r.get(3)?;
        let entity: String = r.get(4)?;
        let entity_id: String = r.get(5)?;
        let before: Option<String> = r.get(7)?;
        let after: Option<String> = r.get(8)?;
        let prev: Vec<u8> = r.get(9)?;
        let hash: Vec<u8> = r.get(10)?;
        visit(
            r.get(0)?,
            NewEntry {
                at: r.get(1)?,
                operator: &operator,
                action: &action,
                entity: &entity,
                entity_id: &entity_id,
                participant: r.get(6)?,
                before: before.as_deref(),
                after: after.as_deref(),
            },
            &prev,
            &hash,
        )?;
    }
    Ok(())
}
