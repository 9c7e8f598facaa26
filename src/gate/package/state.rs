//! The file a gate keeps beside its package (`FILE.scans`): its scans, in
//! the main store's columns, and its failed sign-ins. A new package put in
//! place of the old one under the same name finds it again, so anti-passback
//! and the scans still to bring home survive a package update.

use crate::params;
use crate::store::Db;
use std::path::{Path, PathBuf};

use rusqlite_migration::{M, Migrations};

use super::Package;
use crate::auth::{self, Actor};
use crate::error::{Error, Result};
use crate::files;

// The scans table is the store's own, from the same files and in the same
// steps (v3 and v5 in this file's first version, v6 in its third), so the two
// never drift apart. Files made before the third version lack two indexes
// that only speed up the main store's reports.
const STEPS: &[M<'static>] = &[
    M::up(concat!(
        include_str!("state.sql"),
        include_str!("../../store/schema/scans_v3.sql"),
        include_str!("../../store/schema/scans_v5.sql"),
    )),
    M::up(include_str!("state_v2.sql")),
    M::up(include_str!("../../store/schema/scans_v6.sql")),
];
static MIGRATIONS: Migrations<'static> = Migrations::from_slice(STEPS);

/// Where the scans of the gate running from `package` are kept.
pub fn path_beside(package: &Path) -> PathBuf {
    let mut name = package.file_name().unwrap_or_default().to_os_string();
    name.push(".scans");
    package.with_file_name(name)
}

/// Opens (creating it on first use) the file beside `package`. Refused when
/// it holds the scans of another event.
pub fn open(package: &Package) -> Result<Db> {
    let path = path_beside(package.path());
    if !path.exists() {
        files::create_private_file(&path)?;
    }
    let mut conn = rusqlite::Connection::open(&path)?;
    // WAL and full sync, as the main store: a scan shown is a scan kept.
    crate::store::configure_sqlite(&conn)?;
    MIGRATIONS.to_latest(&mut conn)?;
    let conn = Db::from_sqlite(conn);
    let code = package.event.code.as_str();
    let held: Option<String> =
        conn.query_opt("SELECT event FROM station WHERE id = 1", [], |r| r.get(0))?;
    match held {
        Some(event) if event != code => Err(Error::Refused(format!(
            "{} holds the scans of event {event}, not {code}: move it away before using this package",
            path.display()
        ))),
        Some(_) => Ok(conn),
        None => {
            conn.execute(
                "INSERT INTO station (id, event, created_at) VALUES (1, ?1, ?2)",
                params![code, crate::clock::now()],
            )?;
            Ok(conn)
        }
    }
}

/// The revocation list loaded into this gate since its package was made.
pub fn held_revocations(state: &Db) -> Result<Option<Vec<u8>>> {
    state.query_opt("SELECT signed FROM revocation_list WHERE id = 1", [], |r| {
        r.get(0)
    })
}

/// Keeps a newer revocation list (already checked) for this gate.
pub fn keep_revocations(state: &Db, signed: &[u8]) -> Result<()> {
    state.execute(
        "INSERT INTO revocation_list (id, signed) VALUES (1, ?1)
         ON CONFLICT (id) DO UPDATE SET signed = excluded.signed",
        [signed],
    )?;
    Ok(())
}

/// Signs an operator in with the hashes the package carries; the same
/// lockout as the main store, counted in the file beside the package.
pub fn sign_in(
    package: &Package,
    state: &Db,
    name: &str,
    password: &str,
    now: i64,
) -> Result<Actor> {
    let name = name.trim();
    let refused = || Error::Refused("unknown operator or wrong password".into());
    let Some(operator) = package.operator(name)? else {
        return Err(refused());
    };
    let (failed, locked_until): (u32, Option<i64>) = state
        .query_opt(
            "SELECT failed, locked_until FROM sign_in_failures WHERE name = ?1",
            [name],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?
        .unwrap_or((0, None));
    if let Some(until) = locked_until
        && now < until
    {
        return Err(Error::Refused(format!(
            "{name} is locked after {failed} failed sign-ins; try again in {} s",
            until - now
        )));
    }
    if !auth::verify_password(password, &operator.password_hash) {
        state.execute(
            "INSERT INTO sign_in_failures (name, failed, locked_until) VALUES (?1, 1, NULL)
             ON CONFLICT (name) DO UPDATE SET failed = failed + 1,
                locked_until = CASE WHEN failed + 1 >= ?2 THEN ?3 ELSE locked_until END",
            params![name, auth::LOCK_AFTER_FAILURES, now + auth::LOCK_SECONDS],
        )?;
        return Err(refused());
    }
    state.execute("DELETE FROM sign_in_failures WHERE name = ?1", [name])?;
    Ok(Actor {
        operator: None,
        name: operator.name,
        role: operator.role,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scans_file_sits_beside_the_package() {
        assert_eq!(
            path_beside(Path::new("/media/usb/main-entrance.gate")),
            Path::new("/media/usb/main-entrance.gate.scans")
        );
        assert_eq!(path_beside(Path::new("p")), Path::new("p.scans"));
    }

    #[test]
    fn schema_is_valid() {
        MIGRATIONS.validate().unwrap();
    }

    fn scans_schema(conn: &rusqlite::Connection) -> Vec<(String, Option<String>)> {
        let mut stmt = conn
            .prepare("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'scans' ORDER BY name")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn a_gate_keeps_its_scans_in_the_stores_own_table() {
        let mut state = rusqlite::Connection::open_in_memory().unwrap();
        MIGRATIONS.to_latest(&mut state).unwrap();
        let mut store = rusqlite::Connection::open_in_memory().unwrap();
        crate::store::MIGRATIONS.to_latest(&mut store).unwrap();
        let (mut gate, main) = (scans_schema(&state), scans_schema(&store));
        assert!(gate.iter().any(|(name, _)| name == "scans_by_holder"));
        // The store's one addition: which enrolled station brought a scan
        // home (v7), which a gate's own scans need not say.
        let table = gate[0].1.as_mut().unwrap();
        *table = table.replace(", overrides TEXT)", ", overrides TEXT, station_kid BLOB)");
        assert_eq!(gate, main);
    }
}
