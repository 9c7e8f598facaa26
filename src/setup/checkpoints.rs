//! Checkpoints: the doors where badges are scanned, each into one zone.

use super::item::{self, Item};
use super::{clean_field, plural};
use crate::auth::Actor;
use crate::domain::{Checkpoint, CheckpointId, Directions, FieldError};
use crate::error::Result;
use crate::store;
use crate::store::{Db, Tx};

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

impl Item for Checkpoint {
    type Key = CheckpointId;
    const ENTITY: &'static str = "checkpoint";

    fn key(&self) -> CheckpointId {
        self.id
    }

    fn audit_id(&self) -> String {
        self.id.to_string()
    }

    fn find(conn: &Db, id: CheckpointId) -> Result<Option<Checkpoint>> {
        store::checkpoints::find(conn, id)
    }

    fn problems(&self, conn: &Db, adding: bool) -> Result<Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.name.trim().is_empty() {
            errors.push(FieldError::new("name", "is required"));
        } else if self.name.chars().count() > 80 {
            errors.push(FieldError::new("name", "is longer than 80 characters"));
        }
        if store::zones::find(conn, self.zone)?.is_none() {
            errors.push(FieldError::new(
                "zone",
                format!("{} is not a zone of this event", self.zone),
            ));
        }
        if let Some(other) = store::checkpoints::find_by_name(conn, &self.name)?
            && (adding || other.id != self.id)
        {
            errors.push(FieldError::new(
                "name",
                format!("there is already a checkpoint \"{}\"", other.name),
            ));
        }
        Ok(errors)
    }

    fn insert(&self, tx: &Tx) -> Result<Checkpoint> {
        let id = store::checkpoints::insert(tx, self)?;
        Ok(Checkpoint { id, ..self.clone() })
    }

    fn update(&self, tx: &Tx) -> Result<()> {
        store::checkpoints::update(tx, self)
    }

    fn delete(tx: &Tx, id: CheckpointId) -> Result<()> {
        store::checkpoints::delete(tx, id)
    }

    /// In use once a badge was scanned there: the dashboard counts scans by
    /// checkpoint.
    fn in_use(&self, conn: &Db) -> Result<Option<String>> {
        let scans = store::usage::scans_at_checkpoint(conn, self.id)?;
        Ok((scans > 0).then(|| {
            format!(
                "checkpoint \"{}\" has {} recorded; removing it would orphan them in the attendance figures. Rename it instead",
                self.name,
                plural(scans, "scan", "scans")
            )
        }))
    }
}

pub fn add_checkpoint(
    conn: &mut Db,
    actor: &Actor,
    checkpoint: &Checkpoint,
) -> Result<CheckpointId> {
    item::add(conn, actor, checkpoint)
}

pub fn edit_checkpoint(conn: &mut Db, actor: &Actor, checkpoint: &Checkpoint) -> Result<()> {
    // Nothing to confirm: badges name zones, not checkpoints.
    item::edit(conn, actor, checkpoint, true)?;
    Ok(())
}

/// Removes a checkpoint where no badge was scanned yet (the dashboard counts
/// scans by checkpoint; one that saw scans stays, and can be renamed).
pub fn remove_checkpoint(conn: &mut Db, actor: &Actor, id: CheckpointId) -> Result<()> {
    // Nothing to confirm: a checkpoint in use is refused.
    item::remove::<Checkpoint>(conn, actor, id, true)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Direction, GateVerdict, Scan};
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
        assert_eq!(
            store::checkpoints::find(&conn, id).unwrap(),
            Some(moved.clone())
        );
        // A checkpoint that saw a scan stays; one that saw none is removed.
        let unused = add_checkpoint(
            &mut conn,
            &admin,
            &Checkpoint {
                name: "Gate B".into(),
                ..moved.clone()
            },
        )
        .unwrap();
        let scan = Scan {
            id: "s1".into(),
            serial: None,
            participant: None,
            checkpoint: id,
            zone: 1,
            direction: Direction::Entry,
            verdict: GateVerdict::ACCEPTED,
            passed: true,
            at: 0,
            station: "test".into(),
            operator: "gate".into(),
            override_reason: String::new(),
            override_by: String::new(),
            overrides: None,
        };
        assert!(store::scans::insert(&conn, &scan, &moved.name, None).unwrap());
        let err = remove_checkpoint(&mut conn, &admin, id).unwrap_err();
        assert!(err.to_string().contains("1 scan recorded"), "{err}");
        remove_checkpoint(&mut conn, &admin, unused).unwrap();
        assert_eq!(store::checkpoints::list(&conn).unwrap(), [moved]);
    }
}
