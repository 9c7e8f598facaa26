//! The one editor behind the set-up editors: adding, changing and removing
//! a category, zone, checkpoint, session or delegation takes the same steps
//! (the operator's permission, the item read before, what uses it, one
//! transaction, the audit entry with its before and after). Each kind says
//! only what is its own by implementing [`Item`].

use serde::Serialize;

use super::Outcome;
use crate::audit::{self, Change, changed_fields};
use crate::auth::{Actor, Permission};
use crate::domain::FieldError;
use crate::error::{Error, Result};
use crate::store::{Db, Tx};

/// A kind of thing the set-up editors edit.
pub(super) trait Item: Serialize + Clone + PartialEq + Sized {
    /// What identifies it in the store: an id, or a zone's number.
    type Key: Copy + std::fmt::Display;

    /// Its name in the audit trail (`category` makes `category.create`,
    /// `category.update`, `category.delete`) and in "not found".
    const ENTITY: &'static str;

    fn key(&self) -> Self::Key;

    /// What its audit entries name it by.
    fn audit_id(&self) -> String;

    fn find(conn: &Db, key: Self::Key) -> Result<Option<Self>>;

    /// Its problems against the store (a code taken, a zone unknown…);
    /// `adding` when it is not stored yet.
    fn problems(&self, conn: &Db, adding: bool) -> Result<Vec<FieldError>>;

    /// Stores it; returns it as stored, with the id the store gave it.
    fn insert(&self, tx: &Tx) -> Result<Self>;

    fn update(&self, tx: &Tx) -> Result<()>;

    fn delete(tx: &Tx, key: Self::Key) -> Result<()>;

    /// The refusal, naming what uses it, when it cannot be removed.
    fn in_use(&self, conn: &Db) -> Result<Option<String>>;

    /// What changing `self` into `after` would leave wrong, for the operator
    /// to confirm first; an error refuses the change.
    fn consequences_of_edit(&self, _conn: &Db, _after: &Self) -> Result<Vec<String>> {
        Ok(Vec::new())
    }

    /// What removing it would take along, for the operator to confirm first.
    fn consequences_of_removal(&self, _conn: &Db) -> Result<Vec<String>> {
        Ok(Vec::new())
    }
}

fn refuse_problems(problems: Vec<FieldError>) -> Result<()> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(problems))
    }
}

fn not_found<T: Item>(key: T::Key) -> Error {
    Error::not_found(T::ENTITY, key)
}

/// Adds `item`; returns its key.
pub(super) fn add<T: Item>(conn: &mut Db, actor: &Actor, item: &T) -> Result<T::Key> {
    actor.require(Permission::ConfigureEvent)?;
    refuse_problems(item.problems(conn, true)?)?;
    let now = crate::clock::now();
    conn.write(|tx| {
        let stored = item.insert(tx)?;
        audit::record(
            tx,
            actor,
            now,
            Change::new(
                &format!("{}.create", T::ENTITY),
                T::ENTITY,
                stored.audit_id(),
            ),
            None::<&()>,
            Some(&stored),
        )?;
        Ok(stored.key())
    })
}

/// Changes the stored item with `item`'s key into `item`. A change with
/// consequences is applied only when `confirmed`; a kind that has none
/// always comes back `Done`.
pub(super) fn edit<T: Item>(
    conn: &mut Db,
    actor: &Actor,
    item: &T,
    confirmed: bool,
) -> Result<Outcome<()>> {
    actor.require(Permission::ConfigureEvent)?;
    let before = T::find(conn, item.key())?.ok_or_else(|| not_found::<T>(item.key()))?;
    refuse_problems(item.problems(conn, false)?)?;
    if before == *item {
        return Ok(Outcome::Done(()));
    }
    let now = crate::clock::now();
    conn.write(|tx| {
        let consequences = before.consequences_of_edit(tx, item)?;
        if !consequences.is_empty() && !confirmed {
            return Ok(Outcome::NeedsConfirmation(consequences));
        }
        item.update(tx)?;
        let (old, new) = changed_fields(&before, item);
        audit::record(
            tx,
            actor,
            now,
            Change::new(&format!("{}.update", T::ENTITY), T::ENTITY, item.audit_id()),
            Some(&old),
            Some(&new),
        )?;
        Ok(Outcome::Done(()))
    })
}

/// Removes the item with `key` if nothing uses it. Removal with
/// consequences is applied only when `confirmed`; a kind that has none
/// always comes back `Done`.
pub(super) fn remove<T: Item>(
    conn: &mut Db,
    actor: &Actor,
    key: T::Key,
    confirmed: bool,
) -> Result<Outcome<()>> {
    actor.require(Permission::ConfigureEvent)?;
    let now = crate::clock::now();
    conn.write(|tx| {
        let before = T::find(tx, key)?.ok_or_else(|| not_found::<T>(key))?;
        if let Some(refusal) = before.in_use(tx)? {
            return Err(Error::Refused(refusal));
        }
        let consequences = before.consequences_of_removal(tx)?;
        if !consequences.is_empty() && !confirmed {
            return Ok(Outcome::NeedsConfirmation(consequences));
        }
        T::delete(tx, key)?;
        audit::record(
            tx,
            actor,
            now,
            Change::new(
                &format!("{}.delete", T::ENTITY),
                T::ENTITY,
                before.audit_id(),
            ),
            Some(&before),
            None::<&()>,
        )?;
        Ok(Outcome::Done(()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Role, Zone};
    use crate::setup::tests::new_event;
    use crate::store;

    fn audit_actions(conn: &Db) -> Vec<String> {
        store::audit::list(conn, &Default::default())
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect()
    }

    /// The steps every editor shares, on a zone: the permission first, one
    /// audit entry per change (none for a change that changes nothing), the
    /// diff in an update's entry, "not found", a refusal that names the use.
    #[test]
    fn each_change_is_permitted_checked_and_audited_once() {
        let dir = tempfile::tempdir().unwrap();
        let (_ws, mut conn, admin) = new_event(dir.path());
        let clerk = Actor {
            role: Role::Clerk,
            name: "clerk".into(),
            ..admin.clone()
        };
        let zone = Zone {
            number: 12,
            code: "ROOF".into(),
            name: "Roof".into(),
        };
        assert!(matches!(
            add(&mut conn, &clerk, &zone).unwrap_err(),
            Error::PermissionDenied { .. }
        ));
        let entries = audit_actions(&conn).len();
        assert_eq!(add(&mut conn, &admin, &zone).unwrap(), 12);
        assert!(matches!(
            add(&mut conn, &admin, &zone).unwrap_err(),
            Error::Invalid(_)
        ));
        assert_eq!(
            edit(&mut conn, &admin, &zone, false).unwrap(),
            Outcome::Done(())
        );
        let renamed = Zone {
            name: "Roof terrace".into(),
            ..zone.clone()
        };
        edit(&mut conn, &admin, &renamed, false).unwrap();
        let update = store::audit::list(&conn, &Default::default())
            .unwrap()
            .pop()
            .unwrap();
        assert_eq!(
            (update.entity_id.as_str(), update.before, update.after),
            (
                "12",
                Some(serde_json::json!({"name": "Roof"})),
                Some(serde_json::json!({"name": "Roof terrace"}))
            )
        );
        assert!(matches!(
            remove::<Zone>(&mut conn, &clerk, 12, true).unwrap_err(),
            Error::PermissionDenied { .. }
        ));
        remove::<Zone>(&mut conn, &admin, 12, true).unwrap();
        assert_eq!(
            remove::<Zone>(&mut conn, &admin, 12, true)
                .unwrap_err()
                .to_string(),
            "zone 12 does not exist"
        );
        let Error::Refused(why) = remove::<Zone>(&mut conn, &admin, 1, true).unwrap_err() else {
            panic!("zone 1 is in use")
        };
        assert!(
            why.starts_with("zone 1 (Plenary hall) is in use by"),
            "{why}"
        );
        assert_eq!(
            audit_actions(&conn)[entries..],
            ["zone.create", "zone.update", "zone.delete"]
        );
    }
}
