use super::{Db, Params, Row, Tx};
use crate::domain::AuditEntry;
use crate::error::Result;
use crate::params;

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
pub fn head(conn: &Db) -> Result<(i64, Vec<u8>)> {
    Ok(conn
        .prepare_cached("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")?
        .query_opt([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .unwrap_or((0, vec![0u8; 32])))
}

/// The highest id ever given, even if that entry was deleted since.
pub fn highest_id_ever(conn: &Db) -> Result<i64> {
    if conn.is_sqlite() {
        return Ok(conn
            .query_opt(
                "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'",
                [],
                |r| r.get(0),
            )?
            .unwrap_or(0));
    }
    conn.query_value("SELECT highest_id FROM audit_chain WHERE id = 1", [])
}

/// Takes the next entry id, and with it the chain: until `tx` ends, no
/// other writer appends (PostgreSQL; on SQLite the IMMEDIATE transaction
/// already holds every other writer).
pub fn take_next_id(tx: &Tx) -> Result<i64> {
    if tx.is_sqlite() {
        return Ok(highest_id_ever(tx)? + 1);
    }
    tx.query_value(
        "UPDATE audit_chain SET highest_id = highest_id + 1 WHERE id = 1 RETURNING highest_id",
        [],
    )
}

/// Moves the chain's head to `id` after a copy brought entries up to it.
pub fn set_highest_id(tx: &Tx, id: i64) -> Result<()> {
    if !tx.is_sqlite() {
        tx.execute("UPDATE audit_chain SET highest_id = ?1 WHERE id = 1", [id])?;
    }
    Ok(())
}

/// An entry with its place in the chain.
pub struct Chained<'a> {
    pub id: i64,
    pub entry: NewEntry<'a>,
    pub prev_hash: Vec<u8>,
    pub hash: Vec<u8>,
}

/// The most rows one statement of [`insert_all`] inserts.
const ROWS_AT_ONCE: usize = 64;

/// Inserts these entries, in order. On PostgreSQL up to 64 rows go in one
/// statement: each statement is a round trip, and the chain is held until
/// the transaction commits. SQLite answers in-process: a row a statement.
pub fn insert_all(tx: &Tx, entries: &[Chained]) -> Result<()> {
    let most = if tx.is_sqlite() { 1 } else { ROWS_AT_ONCE };
    let mut rest = entries;
    while !rest.is_empty() {
        // 64, 32, ... or 1 rows: every statement text is one of seven,
        // which the connection prepares once each.
        let take = most.min(1 << rest.len().ilog2());
        let (rows, after) = rest.split_at(take);
        rest = after;
        let values = (0..rows.len())
            .map(|r| {
                let n = r * 11;
                let row: Vec<String> = (n + 1..=n + 11).map(|k| format!("?{k}")).collect();
                format!("({})", row.join(", "))
            })
            .collect::<Vec<_>>()
            .join(",\n            ");
        let mut params = Vec::with_capacity(rows.len() * 11);
        for c in rows {
            let e = &c.entry;
            params.extend(
                params![
                    c.id,
                    e.at,
                    e.operator,
                    e.action,
                    e.entity,
                    e.entity_id,
                    e.participant,
                    e.before,
                    e.after,
                    c.prev_hash.as_slice(),
                    c.hash.as_slice()
                ]
                .values(),
            );
        }
        tx.execute(
            &format!(
                "INSERT INTO audit_log (id, at, operator, action, entity, entity_id, participant_id,
            before, after, prev_hash, hash)
         VALUES {values}"
            ),
            params,
        )?;
    }
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

fn from_row(r: &Row) -> Result<AuditEntry> {
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

pub fn list(conn: &Db, f: &Filter) -> Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, at, operator, action, entity, entity_id, participant_id, before, after,
            prev_hash, hash
         FROM audit_log
         WHERE (CAST(?1 AS BIGINT) IS NULL OR participant_id = ?1)
           AND (CAST(?2 AS TEXT) IS NULL OR operator = ?2)
           AND (CAST(?3 AS BIGINT) IS NULL OR at >= ?3)
         ORDER BY id
         LIMIT ?4",
    )?;
    let rows = stmt
        .query_map(
            params![
                f.participant,
                f.operator,
                f.since,
                // No limit: every row (a NULL or negative LIMIT is an error on PostgreSQL).
                f.limit.map_or(i64::MAX, i64::from)
            ],
            from_row,
        )?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// The raw stored text of every entry in order, for chain verification.
pub fn for_each_raw(
    conn: &Db,
    mut visit: impl FnMut(i64, NewEntry, &[u8], &[u8]) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT id, at, operator, action, entity, entity_id, participant_id, before, after,
            prev_hash, hash FROM audit_log ORDER BY id",
    )?;
    stmt.query_each([], |r| {
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
        )
    })
}
