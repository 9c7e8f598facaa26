use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::{Zone, ZoneNumber};
use crate::error::Result;

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Zone> {
    Ok(Zone {
        number: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
    })
}

pub fn list(conn: &Connection) -> Result<Vec<Zone>> {
    let mut stmt = conn.prepare_cached("SELECT number, code, name FROM zones ORDER BY number")?;
    let rows = stmt.query_map([], from_row)?.collect::<Result<_, _>>()?;
    Ok(rows)
}

pub fn find(conn: &Connection, number: ZoneNumber) -> Result<Option<Zone>> {
    Ok(conn
        .query_row(
            "SELECT number, code, name FROM zones WHERE number = ?1",
            [number],
            from_row,
        )
        .optional()?)
}

pub fn insert(conn: &Connection, zone: &Zone) -> Result<()> {
    conn.execute(
        "INSERT INTO zones (number, code, name) VALUES (?1, ?2, ?3)",
        params![zone.number, zone.code, zone.name],
    )?;
    Ok(())
}

pub fn update(conn: &Connection, zone: &Zone) -> Result<()> {
    conn.execute(
        "UPDATE zones SET code = ?2, name = ?3 WHERE number = ?1",
        params![zone.number, zone.code, zone.name],
    )?;
    Ok(())
}

pub fn delete(conn: &Connection, number: ZoneNumber) -> Result<()> {
    conn.execute("DELETE FROM zones WHERE number = ?1", [number])?;
    Ok(())
}
