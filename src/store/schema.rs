//! Schema versions. A version, once released, is never edited: a change is a
//! new migration appended at the end.

use rusqlite_migration::{M, Migrations};

// The scans table's steps are files of their own (scans_v3/v5/v6.sql)
// because a gate's scans file (`gate::package::state`) applies the same
// texts: its scans keep the store's columns and indexes and merge as they are.
const STEPS: &[M<'static>] = &[
    M::up(include_str!("schema/v1_foundation.sql")),
    M::up(include_str!("schema/v2_badges.sql")),
    M::up(concat!(
        include_str!("schema/scans_v3.sql"),
        include_str!("schema/v3_gate.sql")
    )),
    M::up(include_str!("schema/v4_backups.sql")),
    M::up(include_str!("schema/scans_v5.sql")),
    M::up(concat!(
        include_str!("schema/scans_v6.sql"),
        include_str!("schema/v6_attendance.sql")
    )),
    M::up(include_str!("schema/v7_event_root.sql")),
    M::up(include_str!("schema/v8_vetting.sql")),
    M::up(include_str!("schema/v9_desk_keys.sql")),
    M::up(include_str!("schema/v10_operator_language.sql")),
    M::up(include_str!("schema/v11_document_language.sql")),
];

pub static MIGRATIONS: Migrations<'static> = Migrations::from_slice(STEPS);

/// The same versions on PostgreSQL, step for step (version N holds the
/// same tables and columns on both engines, so a store moves between them
/// at any version), written in its dialect: BIGINT, BOOLEAN, BYTEA, an
/// identity where SQLite gives a rowid.
pub const POSTGRES_STEPS: &[&str] = &[
    include_str!("schema/pg/v1_foundation.sql"),
    include_str!("schema/pg/v2_badges.sql"),
    include_str!("schema/pg/v3_gate.sql"),
    include_str!("schema/pg/v4_backups.sql"),
    include_str!("schema/pg/v5_gate_overrides.sql"),
    include_str!("schema/pg/v6_attendance.sql"),
    include_str!("schema/pg/v7_event_root.sql"),
    include_str!("schema/pg/v8_vetting.sql"),
    include_str!("schema/pg/v9_desk_keys.sql"),
    include_str!("schema/pg/v10_operator_language.sql"),
    include_str!("schema/pg/v11_document_language.sql"),
];

/// The newest version this program knows, on either engine.
pub const LATEST: usize = POSTGRES_STEPS.len();

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    #[test]
    fn migrations_are_valid() {
        MIGRATIONS.validate().unwrap();
    }

    #[test]
    fn both_engines_have_every_version() {
        assert_eq!(STEPS.len(), LATEST);
        assert_eq!(POSTGRES_STEPS.len(), LATEST);
    }

    fn schema_of(conn: &Connection) -> Vec<(String, String, String)> {
        let mut stmt = conn
            .prepare(
                "SELECT type, name, coalesce(sql, '') FROM sqlite_master
                 WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
            )
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    /// A store created at any older version and upgraded equals a fresh one.
    #[test]
    fn upgrade_from_every_version_equals_fresh() {
        let mut fresh = Connection::open_in_memory().unwrap();
        MIGRATIONS.to_latest(&mut fresh).unwrap();
        let expected = schema_of(&fresh);
        for version in 0..STEPS.len() {
            let mut old = Connection::open_in_memory().unwrap();
            MIGRATIONS.to_version(&mut old, version).unwrap();
            MIGRATIONS.to_latest(&mut old).unwrap();
            assert_eq!(schema_of(&old), expected, "upgrade from version {version}");
            let v: i64 = old
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .unwrap();
            assert_eq!(v as usize, STEPS.len());
        }
    }
}
