//! Copying a whole event from one store to another, whatever their engines:
//! a laptop's SQLite event onto the venue's PostgreSQL server, a server's
//! event into a SQLite file for the night or for a backup. Every row of
//! every table, with its ids; the counters go on where the source's were
//! (badge serials, the audit chain's highest id), so the audit chain still
//! verifies and the next serial is the one the source would have given.

use serde::Serialize;

use super::{Db, Tx, Value};
use crate::error::{Error, Result};

/// The event's tables, parents before children (the order their versions
/// created them), so that every foreign key finds its row.
pub const TABLES: &[&str] = &[
    "event",
    "zones",
    "categories",
    "delegations",
    "delegation_quotas",
    "checkpoints",
    "sessions",
    "photos",
    "participants",
    "session_invitees",
    "operators",
    "audit_log",
    "signing_keys",
    "badges",
    "badge_prints",
    "revocation_lists",
    "scans",
    "session_checkins",
    "backup_settings",
    "root_key",
    "signed_trust_lists",
    "gate_stations",
    "vetting_settings",
    "vetting_batches",
    "clearances",
    "liaison_collections",
    "liaison_badges",
    "letter_templates",
    "document_settings",
];

/// What a copy moved. Field names are part of the CLI's JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CopySummary {
    /// Rows copied, per table, in [`TABLES`] order.
    pub tables: Vec<(String, u64)>,
    pub rows: u64,
}

/// The columns of `table` as the store defines them, in order. On SQLite
/// the implicit `rowid` is named where PostgreSQL has a column of that name
/// (`scans`, `session_checkins`), so the order of their rows travels too.
pub(crate) fn columns(db: &Db, table: &str) -> Result<Vec<String>> {
    if db.is_sqlite() {
        let mut cols: Vec<String> = db.query_map(
            "SELECT name FROM pragma_table_info(?1) ORDER BY cid",
            [table],
            |r| r.get(0),
        )?;
        if !cols.is_empty() && matches!(table, "scans" | "session_checkins") {
            cols.push("rowid".into());
        }
        Ok(cols)
    } else {
        db.query_map(
            "SELECT column_name::text FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name = ?1
             ORDER BY ordinal_position",
            [table],
            |r| r.get(0),
        )
    }
}

/// Copies the event in `from` into `to`, which must hold no event, in one
/// transaction of `to`: all of it, or nothing.
pub fn copy_event(from: &Db, to: &mut Db) -> Result<CopySummary> {
    let (v_from, v_to) = (from.schema_version()?, to.schema_version()?);
    if v_from != v_to {
        return Err(Error::Refused(format!(
            "the two stores are at schema versions {v_from} and {v_to}: open both with this program first"
        )));
    }
    if super::event::find(from)?.is_none() {
        return Err(Error::Refused("the store to copy holds no event".into()));
    }
    if super::event::find(to)?.is_some() {
        return Err(Error::Refused(
            "the store to copy into already holds an event: give the copy an empty database".into(),
        ));
    }
    let tx = to.transaction()?;
    let summary = copy_into(from, &tx)?;
    tx.commit()?;
    Ok(summary)
}

/// The copy itself, inside `tx`, over whatever `tx`'s store holds (a
/// restore empties it first in the same transaction).
pub fn copy_into(from: &Db, tx: &Tx) -> Result<CopySummary> {
    let reading = from.read()?;
    if tx.is_sqlite() {
        // Rows of one table may refer to rows of a later one (a badge's
        // key, a participant's photo): checked at commit, not row by row.
        tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
    }
    // The new store's own first rows (settings seeded by its migrations)
    // give way to the event's.
    for table in TABLES.iter().rev() {
        tx.execute(&format!("DELETE FROM {table}"), [])?;
    }
    let mut summary = CopySummary::default();
    for table in TABLES {
        let n = copy_table(&reading, tx, table)?;
        summary.tables.push(((*table).to_owned(), n));
        summary.rows += n;
    }
    carry_counters(&reading, tx)?;
    reading.commit()?;
    Ok(summary)
}

fn copy_table(from: &Db, to: &Tx, table: &str) -> Result<u64> {
    let (mut src, dst) = (columns(from, table)?, columns(to, table)?);
    let mut sorted = dst.clone();
    sorted.sort();
    src.sort();
    // The same columns, by name: where SQLite adds a column at the end,
    // PostgreSQL may hold it before its own `rowid`.
    if src != sorted {
        return Err(Error::Refused(format!(
            "table {table} has other columns in the two stores ({} / {}): they are not of the same version",
            src.join(", "),
            dst.join(", ")
        )));
    }
    let list = dst.join(", ");
    let placeholders: Vec<String> = (1..=dst.len()).map(|i| format!("?{i}")).collect();
    let insert = format!(
        "INSERT INTO {table} ({list}) VALUES ({})",
        placeholders.join(", ")
    );
    // By the first column, so rows arrive in the order they were made.
    let select = format!("SELECT {list} FROM {table} ORDER BY {}", dst[0]);
    let mut n = 0;
    from.query_each(&select, [], |row| {
        let values = (0..dst.len())
            .map(|i| row.get::<Value>(i))
            .collect::<Result<Vec<_>>>()?;
        to.execute(&insert, values)?;
        n += 1;
        Ok(())
    })?;
    Ok(n)
}

/// The counters a copy must carry on: the highest badge serial and audit
/// id ever given (deleted or rolled back ones included on the source), and
/// on PostgreSQL every identity column past its table's highest id.
fn carry_counters(from: &Db, to: &Tx) -> Result<()> {
    let audit_high = super::audit::highest_id_ever(from)?;
    let serial_high = highest_serial_ever(from)?;
    if to.is_sqlite() {
        for (name, seq) in [("audit_log", audit_high), ("badges", serial_high)] {
            to.execute("DELETE FROM sqlite_sequence WHERE name = ?1", [name])?;
            to.execute(
                "INSERT INTO sqlite_sequence (name, seq) VALUES (?1, ?2)",
                crate::params![name, seq],
            )?;
        }
        return Ok(());
    }
    super::audit::set_highest_id(to, audit_high)?;
    let identities: Vec<(String, String)> = to.query_map(
        "SELECT table_name::text, column_name::text FROM information_schema.columns
         WHERE table_schema = current_schema() AND is_identity = 'YES'",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    for (table, column) in identities {
        let floor = if table == "badges" { serial_high } else { 0 };
        // setval(…, n, true): the next value given is n + 1.
        to.execute(
            &format!(
                "SELECT setval(pg_get_serial_sequence('{table}', '{column}'),
                    greatest(coalesce((SELECT max({column}) FROM {table}), 0), CAST(?1 AS BIGINT), 1),
                    (SELECT count(*) > 0 FROM {table}) OR CAST(?1 AS BIGINT) > 0)"
            ),
            [floor],
        )?;
    }
    Ok(())
}

/// The highest badge serial ever given on `db` (its counter, which a
/// rolled-back badge moved too), or the highest stored.
fn highest_serial_ever(db: &Db) -> Result<i64> {
    let stored: i64 = db.query_value("SELECT coalesce(max(serial), 0) FROM badges", [])?;
    let counter: Option<i64> = if db.is_sqlite() {
        db.query_opt(
            "SELECT seq FROM sqlite_sequence WHERE name = 'badges'",
            [],
            |r| r.get(0),
        )?
    } else {
        let sequence: String =
            db.query_value("SELECT pg_get_serial_sequence('badges', 'serial')", [])?;
        db.query_opt(
            &format!(
                "SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM {sequence}"
            ),
            [],
            |r| r.get(0),
        )?
    };
    Ok(stored.max(counter.unwrap_or(0)))
}
