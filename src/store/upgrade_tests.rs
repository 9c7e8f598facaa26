//! An upgraded store equals a fresh one, with data in it, from every
//! version and on both engines: the demo conference (badges printed and
//! handed over, scans, audit trail…) is written into a store at version N
//! (the columns N had), the program opens it (which upgrades it), and then
//! its schema is the fresh store's, every row is still there, and the audit
//! chain still verifies.

use std::path::Path;

use super::copy::{TABLES, columns};
use super::{Db, MIGRATIONS, Value};
use crate::demo::Dates;
use crate::store::schema::LATEST;

/// The demo, built on a store of the same engine as the one under test
/// (values come back typed per engine: BOOLEAN on PostgreSQL).
fn demo_into(db: &mut Db, keys: &Path) {
    let tx = db.transaction().unwrap();
    crate::demo::build(&tx, 120, Dates::seed(), Some(keys)).unwrap();
    tx.commit().unwrap();
}

fn rows(db: &Db, table: &str, cols: &[String]) -> Vec<Vec<Value>> {
    let list = cols.join(", ");
    db.query_map(
        &format!("SELECT {list} FROM {table} ORDER BY {list}"),
        [],
        |r| (0..cols.len()).map(|i| r.get::<Value>(i)).collect(),
    )
    .unwrap()
}

/// The tables `db` has, by name.
fn tables(db: &Db) -> Vec<String> {
    TABLES
        .iter()
        .filter(|t| !columns(db, t).unwrap().is_empty())
        .map(|t| (*t).to_owned())
        .collect()
}

/// Copies what `source` holds into `old` (a store at an older version),
/// each table on the columns the old version had.
fn fill(source: &Db, old: &mut Db) {
    let tx = old.transaction().unwrap();
    if tx.is_sqlite() {
        tx.execute_batch("PRAGMA defer_foreign_keys = ON").unwrap();
    }
    for table in TABLES.iter().rev() {
        if !columns(&tx, table).unwrap().is_empty() {
            tx.execute(&format!("DELETE FROM {table}"), []).unwrap();
        }
    }
    for table in tables(&tx) {
        let cols = columns(&tx, &table).unwrap();
        let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
        let insert = format!(
            "INSERT INTO {table} ({}) VALUES ({})",
            cols.join(", "),
            marks.join(", ")
        );
        for row in rows(source, &table, &cols) {
            tx.execute(&insert, row)
                .unwrap_or_else(|e| panic!("{table} at the old version: {e}"));
        }
    }
    tx.commit().unwrap();
}

/// The parts of a schema that the program relies on, engine by engine.
fn schema(db: &Db) -> Vec<String> {
    let sql = if db.is_sqlite() {
        "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master
         WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
    } else {
        "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
                || ' ' || coalesce(column_default, '') || ' ' || is_identity
           FROM information_schema.columns WHERE table_schema = current_schema()
         UNION ALL
         SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()
         UNION ALL
         SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
           FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
         UNION ALL
         SELECT tgrelid::regclass::text || ' ' || tgname FROM pg_trigger WHERE NOT tgisinternal
         ORDER BY 1"
    };
    db.query_map(sql, [], |r| r.get(0)).unwrap()
}

/// Checks one upgraded store against the source it was filled from and a
/// fresh store of the same engine.
fn check_upgrade(
    version: usize,
    source: &Db,
    upgraded: &Db,
    fresh: &Db,
    kept: &[(String, Vec<String>)],
) {
    assert_eq!(upgraded.schema_version().unwrap(), LATEST);
    assert_eq!(
        schema(upgraded),
        schema(fresh),
        "schema upgraded from version {version}"
    );
    for (table, cols) in kept {
        assert_eq!(
            rows(upgraded, table, cols),
            rows(source, table, cols),
            "{table}'s rows upgraded from version {version}"
        );
    }
    let chain = crate::audit::verify(upgraded).unwrap();
    assert!(
        chain.is_intact(),
        "the audit chain upgraded from version {version}: {chain:?}"
    );
}

/// The source must hold rows in most tables, or the test proves little.
fn assert_filled(source: &Db) {
    let empty: Vec<String> = tables(source)
        .into_iter()
        .filter(|t| rows(source, t, &columns(source, t).unwrap()[..1]).is_empty())
        .collect();
    assert!(
        empty.len() <= 12,
        "the demo leaves too many tables empty: {empty:?}"
    );
}

#[test]
fn sqlite_upgraded_from_every_version_with_data_equals_a_fresh_store() {
    let dir = tempfile::tempdir().unwrap();
    let mut source = Db::open_sqlite(&dir.path().join("source.sqlite")).unwrap();
    demo_into(&mut source, &dir.path().join("keys"));
    assert_filled(&source);
    let fresh = Db::open_sqlite(&dir.path().join("fresh.sqlite")).unwrap();
    for version in 1..LATEST {
        let path = dir.path().join(format!("v{version}.sqlite"));
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        MIGRATIONS.to_version(&mut conn, version).unwrap();
        let mut old = Db::from_sqlite(conn);
        fill(&source, &mut old);
        let kept: Vec<(String, Vec<String>)> = tables(&old)
            .into_iter()
            .map(|t| {
                let cols = columns(&old, &t).unwrap();
                (t, cols)
            })
            .collect();
        drop(old);
        let upgraded = Db::open_sqlite(&path).unwrap();
        check_upgrade(version, &source, &upgraded, &fresh, &kept);
    }
}

#[test]
fn postgres_upgraded_from_every_version_with_data_equals_a_fresh_store() {
    let Some(source_url) = crate::test_server::new_database() else {
        return;
    };
    let url = |text: &str| super::ServerUrl::parse(text).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut source = Db::connect(&url(&source_url), None).unwrap();
    demo_into(&mut source, &dir.path().join("keys"));
    assert_filled(&source);
    let fresh = Db::connect(&url(&crate::test_server::new_database().unwrap()), None).unwrap();
    for version in 1..LATEST {
        let target = url(&crate::test_server::new_database().unwrap());
        let mut old = Db::connect_at_version(&target, version).unwrap();
        fill(&source, &mut old);
        let kept: Vec<(String, Vec<String>)> = tables(&old)
            .into_iter()
            .map(|t| {
                let cols = columns(&old, &t).unwrap();
                (t, cols)
            })
            .collect();
        drop(old);
        let upgraded = Db::connect(&target, None).unwrap();
        check_upgrade(version, &source, &upgraded, &fresh, &kept);
    }
}
