use rusqlite::{Connection, OptionalExtension, params};

use super::parse_column;
use crate::domain::{Checkpoint, CheckpointId};
use crate::error::Result;

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Checkpoint> {
    Ok(Checkpoint {
        id: r.get(0)?,
        name: r.get(1)?,
        zone: r.get(2)?,
        directions: parse_column(3, r.get(3)?)?,
    })
}

pub fn list(conn: &Connection) -> Result<Vec<Checkpoint>> {
    let mut stmt = conn
        .prepare_cached("SELECT id, name, zone, directions FROM checkpoints ORDER BY zone, name")?;
    let rows = stmt.query_map([], from_row)?.collect::<Result<_, _>>()?;
    Ok(rows)
}

pub fn get(conn: &Connection, id: CheckpointId) -> Result<Checkpoint> {
    Ok(conn.query_row(
        "SELECT id, name, zone, directions FROM checkpoints WHERE id = ?1",
        [id],
        from_row,
    )?)
}

pub fn find_by_name(conn: &Connection, name: &str) -> Result<Option<Checkpoint>> {
    Ok(conn
        .query_row(
            "SELECT id, name, zone, directions FROM checkpoints WHERE name = ?1 COLLATE NOCASE",
            [name],
            from_row,
        )
        .optional()?)
}

pub fn insert(conn: &Connection, checkpoint: &Checkpoint) -> Result<CheckpointId> {
    conn.execute(
        "INSERT INTO checkpoints (name, zone, directions) VALUES (?1, ?2, ?3)",
        params![
            checkpoint.name,
            checkpoint.zone,
            checkpoint.directions.as_str()
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn update(conn: &Connection, checkpoint: &Checkpoint) -> Result<()> {
    conn.execute(
        "UPDATE checkpoints SET name = ?2, zone = ?3, directions = ?4 WHERE id = ?1",
        params![
            checkpoint.id,
            checkpoint.name,
            checkpoint.zone,
            checkpoint.directions.as_str()
        ],
    )?;
    Ok(())
}

pub fn delete(conn: &Connection, id: CheckpointId) -> Result<()> {
    conn.execute("DELETE FROM checkpoints WHERE id = ?1", [id])?;
    Ok(())
}
