//! Checkpoints: the doors where badges are scanned, each into one zone.

use super::{clean_field, plural};
use crate::audit::changed_fields;
use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::domain::{Checkpoint, CheckpointId, Directions, FieldError};
use crate::error::{Error, Result};
use crate::store;
use crate::store::Db;

/// A checkpoint as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckpointForm {
    pub name: String,
    /// A zone number.
    pub zone: String,
    /// `entry`, `exit` or `both`.
    pub directions: String,
}

impl Default for CheckpointForm {
    fn default() -> Self {
        CheckpointForm {
            name: String::new(),
            zone: String::new(),
            directions: "both".into(),
        }
    }
}

impl CheckpointForm {
    pub fn from_checkpoint(c: &Checkpoint) -> CheckpointForm {
        CheckpointForm {
            name: c.name.clone(),
            zone: c.zone.to_string(),
            directions: c.directions.as_str().into(),
        }
    }

    pub fn parse(&self, id: CheckpointId) -> Result<Checkpoint, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = clean_field(&mut errors, "name", &self.name, 80);
        if name.is_empty() {
            errors.push(FieldError::new("name", "is required"));
        }
        let zone = self.zone.trim().parse::<u8>().unwrap_or_else(|_| {
            errors.push(FieldError::new(
                "zone",
                format!("\"{}\" is not a zone number", self.zone.trim()),
            ));
            0
        });
        let directions = self.directions.parse::<Directions>().unwrap_or_else(|e| {
            errors.push(FieldError::new("directions", e));
            Directions::Both
        });
        if errors.is_empty() {
            Ok(Checkpoint {
                id,
                name,
                zone,
                directions,
            })
        } else {
            Err(errors)
        }
    }
}

fn check(conn: &Db, c: &Checkpoint, id: Option<CheckpointId>) -> Result<()> {
    let mut errors = Vec::new();
    if c.name.trim().is_empty() {
        errors.push(FieldError::new("name", "is required"));
    } else if c.name.chars().count() > 80 {
        errors.push(FieldError::new("name", "is longer than 80 characters"));
    }
    if store::zones::find(conn, c.zone)?.is_none() {
        errors.push(FieldError::new(
            "zone",
            format!("{} is not a zone of this event", c.zone),
        ));
    }
    if let Some(other) = store::checkpoints::find_by_name(conn, &c.name)?
        && Some(other.id) != id
    {
        errors.push(FieldError::new(
            "name",
            format!("there is already a checkpoint \"{}\"", other.name),
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(errors))
    }
}

pub fn add_checkpoint(
    conn: &mut Db,
    actor: &Actor,
    checkpoint: &Checkpoint,
) -> Result<CheckpointId> {
    actor.require(Permission::ConfigureEvent)?;
    check(conn, checkpoint, None)?;
    let now = crate::clock::now();
    let tx = conn.transaction()?;
    let id = store::checkpoints::insert(&tx, checkpoint)?;
    let checkpoint = Checkpoint {
        id,
        ..checkpoint.clone()
    };
    audit::record(
        &tx,
        actor,
        now,
        Change::new("checkpoint.create", "checkpoint", id),
        None::<&()>,
        Some(&checkpoint),
    )?;
    tx.commit()?;
    Ok(id)
}

pub fn edit_checkpoint(conn: &mut Db, actor: &Actor, checkpoint: &Checkpoint) -> Result<()> {
    actor.require(Permission::ConfigureEvent)?;
    let before = store::checkpoints::get(conn, checkpoint.id)
        .map_err(|_| Error::not_found("checkpoint", checkpoint.id))?;
    check(conn, checkpoint, Some(checkpoint.id))?;
    if before == *checkpoint {
        return Ok(());
    }
    let now = crate::clock::now();
    let tx = conn.transaction()?;
    store::checkpoints::update(&tx, checkpoint)?;
    let (old, new) = changed_fields(&before, checkpoint);
    audit::record(
        &tx,
        actor,
        now,
        Change::new("checkpoint.update", "checkpoint", checkpoint.id),
        Some(&old),
        Some(&new),
    )?;
    tx.commit()?;
    Ok(())
}

/// Removes a checkpoint where no badge was scanned yet (the dashboard counts
/// scans by checkpoint; one that saw scans stays, and can be renamed).
pub fn remove_checkpoint(conn: &mut Db, actor: &Actor, id: CheckpointId) -> Result<()> {
    actor.require(Permission::ConfigureEvent)?;
    let now = crate::clock::now();
    let tx = conn.transaction()?;
    let before =
        store::checkpoints::get(&tx, id).map_err(|_| Error::not_found("checkpoint", id))?;
    let scans = store::usage::scans_at_checkpoint(&tx, id)?;
    if scans > 0 {
        return Err(Error::Refused(format!(
            "checkpoint \"{}\" has {} recorded; removing it would orphan them in the attendance figures. Rename it instead",
            before.name,
            plural(scans, "scan", "scans")
        )));
    }
    store::checkpoints::delete(&tx, id)?;
    audit::record(
        &tx,
        actor,
        now,
        Change::new("checkpoint.delete", "checkpoint", id),
        Some(&before),
        None::<&()>,
    )?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::setup::tests::new_event;

    #[test]
    fn checkpoints_are_added_edited_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let (_ws, mut conn, admin) = new_event(dir.path());
        let c = CheckpointForm {
            name: " Gate A — main entrance ".into(),
            zone: "1".into(),
            directions: "entry".into(),
        }
        .parse(0)
        .unwrap();
        assert_eq!(c.name, "Gate A — main entrance");
        let id = add_checkpoint(&mut conn, &admin, &c).unwrap();
        let dup = add_checkpoint(
            &mut conn,
            &admin,
            &Checkpoint {
                zone: 2,
                ..c.clone()
            },
        )
        .unwrap_err()
        .to_string();
        assert!(dup.contains("already a checkpoint"), "{dup}");
        let nowhere = add_checkpoint(
            &mut conn,
            &admin,
            &Checkpoint {
                name: "Gate Z".into(),
                zone: 40,
                ..c.clone()
            },
        )
        .unwrap_err()
        .to_string();
        assert!(nowhere.contains("40 is not a zone"), "{nowhere}");
        let errors = CheckpointForm {
            name: "".into(),
            zone: "one".into(),
            directions: "sideways".into(),
        }
        .parse(0)
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["name", "zone", "directions"]);
        let moved = Checkpoint {
            id,
            directions: Directions::Both,
            ..c
        };
        edit_checkpoint(&mut conn, &admin, &moved).unwrap();
        assert_eq!(store::checkpoints::get(&conn, id).unwrap(), moved);
        conn.execute(
            "INSERT INTO scans (id, checkpoint_id, checkpoint, zone, direction, verdict, passed, at, station, operator)
             VALUES ('s1', ?1, 'Gate A', 1, 'entry', 'ACCEPTED', 1, 0, 'test', 'gate')",
            [id],
        )
        .unwrap();
        let err = remove_checkpoint(&mut conn, &admin, id).unwrap_err();
        assert!(err.to_string().contains("1 scan recorded"), "{err}");
        conn.execute("DELETE FROM scans", []).unwrap();
        remove_checkpoint(&mut conn, &admin, id).unwrap();
        assert!(store::checkpoints::list(&conn).unwrap().is_empty());
    }
}
