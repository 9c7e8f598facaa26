//! Access zones, numbered 1 to 64: the number is what a badge carries and
//! prints, so it never changes; the code and name may.

use super::item::{self, Item};
use super::{clean_field, plural};
use crate::auth::Actor;
use crate::domain::{FieldError, Zone, ZoneNumber, clean_text};
use crate::error::Result;
use crate::store;
use crate::store::{Db, Tx};

/// A zone as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ZoneForm {
    pub number: String,
    pub code: String,
    pub name: String,
}

impl ZoneForm {
    pub fn from_zone(z: &Zone) -> ZoneForm {
        ZoneForm {
            number: z.number.to_string(),
            code: z.code.clone(),
            name: z.name.clone(),
        }
    }

    pub fn parse(&self) -> Result<Zone, Vec<FieldError>> {
        let mut errors = Vec::new();
        let number = match self.number.trim().parse::<u8>() {
            Ok(n) => n,
            Err(_) => {
                errors.push(FieldError::new(
                    "number",
                    format!("\"{}\" is not a zone number (1 to 64)", self.number.trim()),
                ));
                1
            }
        };
        let zone = Zone {
            number,
            code: clean_text(&self.code).to_uppercase(),
            name: clean_field(&mut errors, "name", &self.name, 60),
        };
        let mut all = zone.validate();
        all.extend(errors);
        // A number that did not parse says so once, not also "outside 1–64".
        if all.iter().filter(|e| e.field == "number").count() > 1 {
            all.retain(|e| e.field != "number" || e.message.contains("is not a zone"));
        }
        if all.is_empty() { Ok(zone) } else { Err(all) }
    }
}

impl Item for Zone {
    type Key = ZoneNumber;
    const ENTITY: &'static str = "zone";

    fn key(&self) -> ZoneNumber {
        self.number
    }

    fn audit_id(&self) -> String {
        self.number.to_string()
    }

    fn find(conn: &Db, number: ZoneNumber) -> Result<Option<Zone>> {
        store::zones::find(conn, number)
    }

    fn problems(&self, conn: &Db, adding: bool) -> Result<Vec<FieldError>> {
        let mut errors = self.validate();
        if self.name.chars().count() > 60 {
            errors.push(FieldError::new("name", "is longer than 60 characters"));
        }
        let zones = store::zones::list(conn)?;
        if adding && let Some(z) = zones.iter().find(|z| z.number == self.number) {
            errors.push(FieldError::new(
                "number",
                format!("zone {} is already {} ({})", z.number, z.code, z.name),
            ));
        }
        if let Some(z) = zones
            .iter()
            .find(|z| z.code == self.code && z.number != self.number)
        {
            errors.push(FieldError::new(
                "code",
                format!("{} is already zone {} ({})", z.code, z.number, z.name),
            ));
        }
        Ok(errors)
    }

    fn insert(&self, tx: &Tx) -> Result<Zone> {
        store::zones::insert(tx, self)?;
        Ok(self.clone())
    }

    fn update(&self, tx: &Tx) -> Result<()> {
        store::zones::update(tx, self)
    }

    fn delete(tx: &Tx, number: ZoneNumber) -> Result<()> {
        store::zones::delete(tx, number)
    }

    /// In use: a category opens it by default, a checkpoint or session is
    /// in it, a participant is given or denied it, an active badge carries
    /// it.
    fn in_use(&self, conn: &Db) -> Result<Option<String>> {
        let used = store::usage::zone_use(conn, self.number)?;
        if used.is_unused() {
            return Ok(None);
        }
        let mut uses = Vec::new();
        if !used.categories.is_empty() {
            uses.push(format!(
                "the default zones of {}",
                used.categories.join(", ")
            ));
        }
        if !used.checkpoints.is_empty() {
            uses.push(format!("checkpoint {}", used.checkpoints.join(", ")));
        }
        if !used.sessions.is_empty() {
            uses.push(format!("session {}", used.sessions.join(", ")));
        }
        if used.participants > 0 {
            uses.push(format!(
                "the extra or removed zones of {}",
                plural(used.participants, "participant", "participants")
            ));
        }
        if used.active_badges > 0 {
            uses.push(plural(used.active_badges, "active badge", "active badges"));
        }
        Ok(Some(format!(
            "zone {} ({}) is in use by {}; it can be removed once nothing uses it",
            self.number,
            self.name,
            uses.join("; ")
        )))
    }
}

pub fn add_zone(conn: &mut Db, actor: &Actor, zone: &Zone) -> Result<()> {
    item::add(conn, actor, zone)?;
    Ok(())
}

/// Renames zone `zone.number` (its code and name).
pub fn edit_zone(conn: &mut Db, actor: &Actor, zone: &Zone) -> Result<()> {
    // Nothing to confirm: a zone's number, which badges carry, never changes.
    item::edit(conn, actor, zone, true)?;
    Ok(())
}

/// Removes a zone nothing uses: no category opens it by default, no
/// checkpoint or session is in it, no participant is given or denied it,
/// no active badge carries it.
pub fn remove_zone(conn: &mut Db, actor: &Actor, number: ZoneNumber) -> Result<()> {
    // Nothing to confirm: a zone in use is refused.
    item::remove::<Zone>(conn, actor, number, true)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::setup::tests::{approved_with_badge, new_event};

    #[test]
    fn zones_are_added_renamed_and_removed_when_unused() {
        let dir = tempfile::tempdir().unwrap();
        let (ws, mut conn, admin) = new_event(dir.path());
        let z = ZoneForm {
            number: "12".into(),
            code: "rooft".into(),
            name: "Roof terrace".into(),
        }
        .parse()
        .unwrap();
        add_zone(&mut conn, &admin, &z).unwrap();
        let again = add_zone(&mut conn, &admin, &z).unwrap_err();
        assert!(
            again.to_string().contains("zone 12 is already ROOFT"),
            "{again}"
        );
        let clash = Zone {
            number: 13,
            code: "PLEN".into(),
            name: "x".into(),
        };
        assert!(
            add_zone(&mut conn, &admin, &clash)
                .unwrap_err()
                .to_string()
                .contains("PLEN is already zone 1")
        );
        let errors = ZoneForm {
            number: "65".into(),
            code: "".into(),
            name: "".into(),
        }
        .parse()
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["number", "code", "name"]);
        assert_eq!(
            ZoneForm {
                number: "two".into(),
                ..ZoneForm::from_zone(&z)
            }
            .parse()
            .unwrap_err()
            .len(),
            1
        );
        edit_zone(
            &mut conn,
            &admin,
            &Zone {
                name: "Roof terrace (smokers)".into(),
                ..z.clone()
            },
        )
        .unwrap();
        assert_eq!(
            store::zones::find(&conn, 12).unwrap().unwrap().name,
            "Roof terrace (smokers)"
        );
        remove_zone(&mut conn, &admin, 12).unwrap();
        assert!(store::zones::find(&conn, 12).unwrap().is_none());

        // Zone 2 (signing hall) is opened by HOS and HOD: refused, with why.
        let err = remove_zone(&mut conn, &admin, 2).unwrap_err();
        assert!(
            err.to_string().contains("the default zones of HOS, HOD"),
            "{err}"
        );
        // A zone carried by a badge is refused even once no category opens it.
        approved_with_badge(&ws, &mut conn, &admin, "EXP");
        let mut exp = store::categories::find_by_code(&conn, "EXP")
            .unwrap()
            .unwrap();
        exp.default_zones = exp
            .default_zones
            .minus(crate::domain::ZoneSet::from_numbers([7]));
        crate::setup::edit_category(&mut conn, &admin, &exp, true).unwrap();
        let err = remove_zone(&mut conn, &admin, 7).unwrap_err().to_string();
        assert!(err.contains("1 active badge"), "{err}");
    }
}
