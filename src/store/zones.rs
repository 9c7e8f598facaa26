use super::{Db, Row};
use crate::domain::{Zone, ZoneNumber};
use crate::error::Result;
use crate::params;

fn from_row(r: &Row) -> Result<Zone> {
    Ok(Zone {
        number: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
    })
}

pub fn list(conn: &Db) -> Result<Vec<Zone>> {
    let mut stmt = conn.prepare_cached("SELECT number, code, name FROM zones ORDER BY number")?;
    let rows = stmt.query_map([], from_row)?.collect::<Result<_, _>>()?;
    Ok(rows)
}

pub fn find(conn: &Db, number: ZoneNumber) -> Result<Option<Zone>> {
    conn.query_opt(
        "SELECT number, code, name FROM zones WHERE number = ?1",
        [number],
        from_row,
    )
}

pub fn insert(conn: &Db, zone: &Zone) -> Result<()> {
    conn.execute(
        "INSERT INTO zones (number, code, name) VALUES (?1, ?2, ?3)",
        params![zone.number, zone.code, zone.name],
    )?;
    Ok(())
}

pub fn update(conn: &Db, zone: &Zone) -> Result<()> {
    conn.execute(
        "UPDATE zones SET code = ?2, name = ?3 WHERE number = ?1",
        params![zone.number, zone.code, zone.name],
    )?;
    Ok(())
}

pub fn delete(conn: &Db, number: ZoneNumber) -> Result<()> {
    conn.execute("DELETE FROM zones WHERE number = ?1", [number])?;
    Ok(())
}
