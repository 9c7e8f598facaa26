//! The schema of an event's PostgreSQL database: its version kept in a
//! table of its own, the steps applied in one transaction while no other
//! program migrates, and a database that holds another program's tables
//! refused untouched.

use super::{Db, DbError};
use crate::error::{Error, Result};
use crate::store::schema::{LATEST, POSTGRES_STEPS};

/// Taken while a program checks and upgrades the schema, so that two desks
/// starting at once on an empty database do not both create it.
const SCHEMA_LOCK: i64 = 0x4143_4352_5343_4831; // "ACCRSCH1"

/// The version table's name: its presence says the database is Accredit's.
pub(super) const VERSION_TABLE: &str = "accredit_schema";

/// The tables of the database (its current schema), by name.
fn tables(db: &Db) -> Result<Vec<String>> {
    db.query_map(
        "SELECT table_name::text FROM information_schema.tables
         WHERE table_schema = current_schema() ORDER BY table_name",
        [],
        |r| r.get(0),
    )
}

/// The schema version of the database.
pub(super) fn version(db: &Db) -> Result<usize> {
    let tables = tables(db)?;
    if !tables.iter().any(|t| t == VERSION_TABLE) {
        return Err(Error::Refused(
            "the database has no Accredit schema version: it is not an Accredit store".into(),
        ));
    }
    let v: i64 = db.query_value(&format!("SELECT version FROM {VERSION_TABLE}"), [])?;
    Ok(usize::try_from(v).unwrap_or(0))
}

/// What a database holds, read without changing anything (the welcome
/// screen's connection test).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerState {
    /// No tables: an event can be created there.
    Empty,
    /// An Accredit store of this version or an older one (upgraded when
    /// opened); the event's name, if it holds one yet.
    Accredit {
        version: usize,
        event: Option<String>,
    },
}

/// Reads what the database holds; refuses, in the words [`migrate`] would
/// use, a database of another program or of a newer Accredit.
pub(super) fn inspect(db: &Db, name: &str) -> Result<ServerState> {
    let tables = tables(db)?;
    if tables.is_empty() {
        return Ok(ServerState::Empty);
    }
    if !tables.iter().any(|t| t == VERSION_TABLE) {
        return Err(foreign(name, &tables));
    }
    let version = version(db)?;
    if version > LATEST {
        return Err(newer(name, version));
    }
    let event = if tables.iter().any(|t| t == "event") {
        db.query_opt("SELECT name FROM event WHERE id = 1", [], |r| r.get(0))?
    } else {
        None
    };
    Ok(ServerState::Accredit { version, event })
}

fn foreign(name: &str, tables: &[String]) -> Error {
    let shown: Vec<&str> = tables.iter().take(5).map(String::as_str).collect();
    Error::Refused(format!(
        "the database {name} holds tables of another program ({}{}): Accredit leaves it untouched; give the event a database of its own",
        shown.join(", "),
        if tables.len() > 5 { ", …" } else { "" }
    ))
}

fn newer(name: &str, current: usize) -> Error {
    Error::Refused(format!(
        "the database {name} has schema version {current}, newer than this program knows ({LATEST}): use a newer Accredit"
    ))
}

/// Brings the database to the newest version: creates the schema in an
/// empty database, upgrades an older one, and refuses one that holds
/// other tables or a newer version. All in one transaction.
pub(super) fn migrate(db: &mut Db, name: &str) -> Result<()> {
    let tx = db.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock(?1)", [SCHEMA_LOCK])?;
    let tables = tables(&tx)?;
    let current = if tables.iter().any(|t| t == VERSION_TABLE) {
        version(&tx)?
    } else if tables.is_empty() {
        create_version_table(&tx, 0)?;
        0
    } else {
        return Err(foreign(name, &tables));
    };
    if current > LATEST {
        return Err(newer(name, current));
    }
    for (i, step) in POSTGRES_STEPS.iter().enumerate().skip(current) {
        tx.execute_batch(step).map_err(|e| match e {
            Error::Store(e) => Error::Migration(format!("PostgreSQL step {}: {e}", i + 1)),
            other => other,
        })?;
    }
    if current < LATEST {
        tx.execute(
            &format!("UPDATE {VERSION_TABLE} SET version = ?1"),
            [LATEST as i64],
        )?;
    }
    tx.commit()
}

/// The schema as version `version` had it, in an empty database (tests of
/// upgrades).
#[cfg(test)]
pub(super) fn create_at(db: &Db, version: usize) -> Result<()> {
    for step in &POSTGRES_STEPS[..version] {
        db.execute_batch(step)?;
    }
    create_version_table(db, version)
}

fn create_version_table(tx: &Db, version: usize) -> Result<()> {
    tx.execute_batch(&format!(
        "CREATE TABLE {VERSION_TABLE} (version BIGINT NOT NULL);
         INSERT INTO {VERSION_TABLE} (version) VALUES ({version});"
    ))
}

/// Empties the database inside `tx` and gives it the newest schema, for a
/// new event built in the same transaction.
pub(super) fn recreate(tx: &Db) -> Result<()> {
    drop_all(tx)?;
    for step in POSTGRES_STEPS {
        tx.execute_batch(step)?;
    }
    create_version_table(tx, LATEST)
}

/// Empties an Accredit database (every table of its schema), inside `tx`,
/// so that a new event is built in the same transaction (`demo --force`).
fn drop_all(tx: &Db) -> Result<()> {
    let tables = tables(tx)?;
    if !tables.iter().any(|t| t == VERSION_TABLE) && !tables.is_empty() {
        return Err(DbError::other("not an Accredit database").into());
    }
    for t in tables {
        tx.execute_batch(&format!("DROP TABLE IF EXISTS \"{t}\" CASCADE"))?;
    }
    // The triggers' functions outlive their tables.
    let functions: Vec<String> = tx.query_map(
        "SELECT p.oid::regprocedure::text FROM pg_proc p
         JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = current_schema()",
        [],
        |r| r.get(0),
    )?;
    for f in functions {
        tx.execute_batch(&format!("DROP FUNCTION IF EXISTS {f} CASCADE"))?;
    }
    Ok(())
}
