//! Badge categories: code, name, colour, default zones, order, default quota.

use std::collections::HashSet;

use serde::Serialize;

use super::item::{self, Item};
use super::{Outcome, clean_field, it_them, plural};
use crate::auth::{Actor, Permission};
use crate::domain::{
    BadgeSerial, Category, CategoryId, Colour, FieldError, ParticipantDetails, ParticipantId,
    ZoneSet, clean_text,
};
use crate::error::{Error, Result};
use crate::store;
use crate::store::{Db, Tx};

/// A category with what depends on it. Field names are part of the CLI's
/// JSON interface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryInfo {
    #[serde(flatten)]
    pub category: Category,
    /// Participants of the category, whatever their status.
    pub participants: u64,
    /// Active badges of those participants.
    pub active_badges: u64,
}

/// The categories in their order, each with its participants and badges.
pub fn list_categories(conn: &Db) -> Result<Vec<CategoryInfo>> {
    store::categories::list(conn)?
        .into_iter()
        .map(|c| {
            Ok(CategoryInfo {
                participants: store::usage::participants_in_category(conn, c.id)?,
                active_badges: store::usage::active_badges_in_category(conn, c.id)?.len() as u64,
                category: c,
            })
        })
        .collect()
}

/// A category as typed: every field is text, as in the GUI's editor and the
/// CLI's flags.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CategoryForm {
    pub code: String,
    pub name: String,
    /// `#RRGGBB`.
    pub colour: String,
    /// `1;2;4`, `1,2,4` or `1 2 4`.
    pub default_zones: String,
    pub order: String,
    /// Empty: no default quota.
    pub default_quota: String,
}

impl CategoryForm {
    pub fn from_category(c: &Category) -> CategoryForm {
        CategoryForm {
            code: c.code.clone(),
            name: c.name.clone(),
            colour: c.colour.hex(),
            default_zones: c.default_zones.to_list(),
            order: c.order.to_string(),
            default_quota: c.default_quota.map(|q| q.to_string()).unwrap_or_default(),
        }
    }

    /// The category the form describes (with `id`), or every problem at once.
    pub fn parse(&self, id: CategoryId) -> Result<Category, Vec<FieldError>> {
        let mut errors = Vec::new();
        let code = clean_text(&self.code).to_uppercase();
        let name = clean_field(&mut errors, "name", &self.name, 60);
        let colour = Colour::parse(&self.colour).unwrap_or_else(|e| {
            errors.push(FieldError::new("colour", e));
            Colour::BLACK
        });
        let default_zones = ZoneSet::parse(&self.default_zones).unwrap_or_else(|e| {
            errors.push(FieldError::new("default_zones", e));
            ZoneSet::EMPTY
        });
        let order = match self.order.trim() {
            "" => 0,
            t => t.parse::<i32>().unwrap_or_else(|_| {
                errors.push(FieldError::new(
                    "order",
                    format!("\"{t}\" is not a whole number"),
                ));
                0
            }),
        };
        let default_quota = match self.default_quota.trim() {
            "" => None,
            t => match t.parse::<u32>() {
                Ok(q) if q <= 10_000 => Some(q),
                _ => {
                    errors.push(FieldError::new(
                        "default_quota",
                        format!(
                            "\"{t}\" is not a number of people (0 to 10000, or empty for none)"
                        ),
                    ));
                    None
                }
            },
        };
        let category = Category {
            id,
            code,
            name,
            colour,
            default_zones,
            order,
            default_quota,
        };
        errors.extend(category.validate());
        if errors.is_empty() {
            Ok(category)
        } else {
            Err(errors)
        }
    }
}

impl Item for Category {
    type Key = CategoryId;
    const ENTITY: &'static str = "category";

    fn key(&self) -> CategoryId {
        self.id
    }

    fn audit_id(&self) -> String {
        self.code.clone()
    }

    fn find(conn: &Db, id: CategoryId) -> Result<Option<Category>> {
        store::categories::find(conn, id)
    }

    /// Its zones exist, its code is free.
    fn problems(&self, conn: &Db, adding: bool) -> Result<Vec<FieldError>> {
        let mut errors = self.validate();
        if self.name.chars().count() <= 60 && self.name != clean_text(&self.name) {
            errors.push(FieldError::new(
                "name",
                "has invisible characters or stray spaces",
            ));
        }
        let zones: HashSet<u8> = store::zones::list(conn)?.iter().map(|z| z.number).collect();
        let unknown: Vec<String> = self
            .default_zones
            .iter()
            .filter(|z| !zones.contains(z))
            .map(|z| z.to_string())
            .collect();
        if !unknown.is_empty() {
            errors.push(FieldError::new(
                "default_zones",
                format!(
                    "{} {} not a zone of this event",
                    unknown.join(", "),
                    if unknown.len() == 1 { "is" } else { "are" }
                ),
            ));
        }
        if let Some(other) = store::categories::find_by_code(conn, &self.code)?
            && (adding || other.id != self.id)
        {
            errors.push(FieldError::new(
                "code",
                format!("{} is already the category {}", self.code, other.name),
            ));
        }
        Ok(errors)
    }

    fn insert(&self, tx: &Tx) -> Result<Category> {
        let id = store::categories::insert(tx, self)?;
        Ok(Category { id, ..self.clone() })
    }

    fn update(&self, tx: &Tx) -> Result<()> {
        store::categories::update(tx, self)
    }

    fn delete(tx: &Tx, id: CategoryId) -> Result<()> {
        store::categories::delete(tx, id)
    }

    fn in_use(&self, conn: &Db) -> Result<Option<String>> {
        let n = store::usage::participants_in_category(conn, self.id)?;
        Ok((n > 0).then(|| {
            format!(
                "the category {} ({}) is in use by {} (of any status); move them to another category first",
                self.code,
                self.name,
                plural(n, "participant", "participants")
            )
        }))
    }

    /// Refused: a new code while active badges carry the old one (it is
    /// signed into each). Explained: new default zones that active badges
    /// no longer match, a new name or colour once badges are printed.
    fn consequences_of_edit(&self, conn: &Db, after: &Category) -> Result<Vec<String>> {
        let before = self;
        let badges = store::usage::active_badges_in_category(conn, after.id)?;
        if before.code != after.code && !badges.is_empty() {
            return Err(Error::Refused(format!(
                "the category code {} is signed into the {} of its participants; a new code would not match them. Keep the code (the name can change)",
                before.code,
                plural(badges.len() as u64, "active badge", "active badges")
            )));
        }
        let mut consequences = Vec::new();
        if before.default_zones != after.default_zones {
            let affected = affected_in(conn, after.id, after.default_zones)?;
            if !affected.is_empty() {
                let n = affected.len() as u64;
                let (it, ..) = it_them(n);
                let (carries, holders) = if n == 1 {
                    ("carries", "its holder gets")
                } else {
                    ("carry", "their holders get")
                };
                consequences.push(format!(
                    "{count} of {code} ({name}) {carries} the zones of the old defaults {old}, not those {holders} with {new}: reprint {it} (reason data-change).",
                    count = plural(n, "active badge", "active badges"),
                    code = before.code,
                    name = before.name,
                    old = zones_text(before.default_zones),
                    new = zones_text(after.default_zones),
                ));
            }
        }
        let printed = badges.iter().filter(|b| b.print_count > 0).count() as u64;
        let mut shown = Vec::new();
        if before.name != after.name {
            shown.push("name");
        }
        if before.colour != after.colour {
            shown.push("colour");
        }
        if !shown.is_empty() && printed > 0 {
            let (it, _, shows) = it_them(printed);
            consequences.push(format!(
                "{} of {} {shows} the old {} ({}), which gate staff compare at a glance. Reprint {it} if {it} must match.",
                plural(printed, "printed badge", "printed badges"),
                before.code,
                shown.join(" and "),
                [
                    (before.name != after.name).then(|| before.name.clone()),
                    (before.colour != after.colour).then(|| before.colour.hex()),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ")
            ));
        }
        Ok(consequences)
    }
}

/// Adds a category.
pub fn add_category(conn: &mut Db, actor: &Actor, category: &Category) -> Result<CategoryId> {
    item::add(conn, actor, category)
}

/// An active badge that carries other zones than its holder now gets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AffectedBadge {
    pub serial: BadgeSerial,
    pub participant: ParticipantId,
    pub name: String,
    /// Delegation code.
    pub delegation: String,
    /// The zones the badge carries.
    pub badge_zones: ZoneSet,
    /// The zones its holder gets with the category's (new) default zones.
    pub zones: ZoneSet,
    pub printed: bool,
}

fn affected_in(conn: &Db, category: CategoryId, defaults: ZoneSet) -> Result<Vec<AffectedBadge>> {
    Ok(store::usage::active_badges_in_category(conn, category)?
        .into_iter()
        .filter_map(|b| {
            let details = ParticipantDetails {
                given_names: b.given_names,
                family_name: b.family_name,
                badge_name: b.badge_name,
                zones_added: b.zones_added,
                zones_removed: b.zones_removed,
                ..ParticipantDetails::default()
            };
            let zones = details.zones(defaults);
            (zones != b.zones).then(|| AffectedBadge {
                serial: b.serial,
                participant: b.participant,
                name: details.display_name(),
                delegation: b.delegation,
                badge_zones: b.zones,
                zones,
                printed: b.print_count > 0,
            })
        })
        .collect())
}

/// The active badges of the category that carry other zones than their
/// holders get with `default_zones` (the category's current ones when
/// `None`): before a change, the badges it would make wrong; after it, the
/// badges to reprint.
pub fn affected_badges(
    conn: &Db,
    actor: &Actor,
    category: CategoryId,
    default_zones: Option<ZoneSet>,
) -> Result<Vec<AffectedBadge>> {
    actor.require(Permission::ViewParticipants)?;
    let current = store::categories::get(conn, category)
        .map_err(|_| Error::not_found("category", category))?;
    affected_in(
        conn,
        category,
        default_zones.unwrap_or(current.default_zones),
    )
}

/// Changes a category. Refused: a new code while active badges carry the
/// old one (it is signed into each). Explained first (applied only when
/// `confirmed`): new default zones that active badges no longer match, a new
/// name or colour once badges are printed.
pub fn edit_category(
    conn: &mut Db,
    actor: &Actor,
    category: &Category,
    confirmed: bool,
) -> Result<Outcome<Category>> {
    Ok(item::edit(conn, actor, category, confirmed)?.map(|()| category.clone()))
}

fn zones_text(z: ZoneSet) -> String {
    if z.is_empty() {
        "(none)".into()
    } else {
        z.to_string()
    }
}

/// Removes a category no participant belongs to (its delegation quotas go
/// with it).
pub fn remove_category(conn: &mut Db, actor: &Actor, id: CategoryId) -> Result<()> {
    // Nothing to confirm: a category in use is refused.
    item::remove::<Category>(conn, actor, id, true)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::setup::tests::{approved_with_badge, new_event};

    fn form(code: &str, zones: &str) -> CategoryForm {
        CategoryForm {
            code: code.into(),
            name: "Interpreter".into(),
            colour: "#0a7e8c".into(),
            default_zones: zones.into(),
            order: "12".into(),
            default_quota: "".into(),
        }
    }

    #[test]
    fn categories_are_added_checked_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let (_ws, mut conn, admin) = new_event(dir.path());
        let c = form("int", "1;2").parse(0).unwrap();
        assert_eq!(c.code, "INT");
        assert_eq!(c.colour.hex(), "#0A7E8C");
        let id = add_category(&mut conn, &admin, &c).unwrap();
        let dup = add_category(&mut conn, &admin, &c).unwrap_err();
        assert!(
            dup.to_string()
                .contains("INT is already the category Interpreter"),
            "{dup}"
        );
        let bad = form("INT2", "1;12").parse(0).unwrap();
        let err = add_category(&mut conn, &admin, &bad).unwrap_err();
        assert_eq!(err.field_errors()[0].field, "default_zones");
        assert!(err.to_string().contains("12 is not a zone"), "{err}");
        let errors = CategoryForm {
            colour: "teal".into(),
            order: "first".into(),
            default_quota: "-1".into(),
            ..form("", "0")
        }
        .parse(0)
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            ["colour", "default_zones", "order", "default_quota", "code"]
        );
        remove_category(&mut conn, &admin, id).unwrap();
        assert!(
            store::categories::find_by_code(&conn, "INT")
                .unwrap()
                .is_none()
        );
        let audit = store::audit::list(&conn, &Default::default()).unwrap();
        let actions: Vec<_> = audit.iter().map(|e| e.action.as_str()).collect();
        assert!(actions.ends_with(&["category.create", "category.delete"]));
    }

    #[test]
    fn changes_that_make_badges_wrong_are_refused_or_explained() {
        let dir = tempfile::tempdir().unwrap();
        let (ws, mut conn, admin) = new_event(dir.path());
        let del = store::categories::find_by_code(&conn, "DEL")
            .unwrap()
            .unwrap();
        let (participant, serial) = approved_with_badge(&ws, &mut conn, &admin, "DEL");

        let in_use = remove_category(&mut conn, &admin, del.id).unwrap_err();
        assert!(
            in_use.to_string().contains("in use by 1 participant"),
            "{in_use}"
        );

        let renamed = Category {
            code: "DLG".into(),
            ..del.clone()
        };
        let err = edit_category(&mut conn, &admin, &renamed, true).unwrap_err();
        assert!(
            err.to_string().contains("signed into the 1 active badge"),
            "{err}"
        );

        let fewer = Category {
            default_zones: ZoneSet::parse("1;3").unwrap(),
            ..del.clone()
        };
        let Outcome::NeedsConfirmation(lines) =
            edit_category(&mut conn, &admin, &fewer, false).unwrap()
        else {
            panic!("a change of zones with a badge out must be explained first")
        };
        assert!(lines[0].contains("1 active badge of DEL"), "{lines:?}");
        assert_eq!(store::categories::get(&conn, del.id).unwrap(), del);
        let affected = affected_badges(&conn, &admin, del.id, Some(fewer.default_zones)).unwrap();
        assert_eq!(affected.len(), 1);
        assert_eq!(affected[0].serial, serial);
        assert_eq!(affected[0].participant, participant);
        assert_eq!(affected[0].zones, fewer.default_zones);

        assert!(matches!(
            edit_category(&mut conn, &admin, &fewer, true).unwrap(),
            Outcome::Done(_)
        ));
        // After the change, the same badge is the one to reprint.
        assert_eq!(
            affected_badges(&conn, &admin, del.id, None).unwrap(),
            affected
        );
        // The order and the quota print nothing: no question asked.
        let reordered = Category {
            order: 30,
            default_quota: Some(9),
            ..fewer
        };
        assert!(matches!(
            edit_category(&mut conn, &admin, &reordered, false).unwrap(),
            Outcome::Done(_)
        ));
    }
}
