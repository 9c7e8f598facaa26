use super::parse_column;
use super::{Db, Row};
use crate::domain::{Checkpoint, CheckpointId};
use crate::error::Result;
use crate::params;

fn from_row(r: &Row) -> Result<Checkpoint> {
    Ok(Checkpoint {
        id: r.get(0)?,
        name: r.get(1)?,
        zone: r.get(2)?,
        directions: parse_column(3, r.get(3)?)?,
    })
}

pub fn list(conn: &Db) -> Result<Vec<Checkpoint>> {
    let mut stmt = conn
        .prepare_cached("SELECT id, name, zone, directions FROM checkpoints ORDER BY zone, name")?;
    let rows = stmt.query_map([], from_row)?.collect::<Result<_, _>>()?;
    Ok(rows)
}

pub fn find(conn: &Db, id: CheckpointId) -> Result<Option<Checkpoint>> {
    conn.query_opt(
        "SELECT id, name, zone, directions FROM checkpoints WHERE id = ?1",
        [id],
        from_row,
    )
}

pub fn find_by_name(conn: &Db, name: &str) -> Result<Option<Checkpoint>> {
    conn.query_opt(
        "SELECT id, name, zone, directions FROM checkpoints WHERE lower(name) = lower(?1)",
        [name.trim()],
        from_row,
    )
}

pub fn insert(conn: &Db, checkpoint: &Checkpoint) -> Result<CheckpointId> {
    let inserted = conn.insert_returning_id(
        "INSERT INTO checkpoints (name, zone, directions) VALUES (?1, ?2, ?3) RETURNING id",
        params![
            checkpoint.name,
            checkpoint.zone,
            checkpoint.directions.as_str()
        ],
    )?;
    Ok(inserted)
}

pub fn update(conn: &Db, checkpoint: &Checkpoint) -> Result<()> {
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

pub fn delete(conn: &Db, id: CheckpointId) -> Result<()> {
    conn.execute("DELETE FROM checkpoints WHERE id = ?1", [id])?;
    Ok(())
}
