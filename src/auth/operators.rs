//! Creating operators: the first administrator of a new store, and further
//! operators by an administrator.

use rusqlite::{Connection, Transaction};

use super::{Actor, Permission, hash_password};
use crate::audit::{self, Change};
use crate::domain::{OperatorId, Role};
use crate::error::{Error, Result};
use crate::store;

fn check_name(name: &str) -> Result<String> {
    let name = crate::domain::clean_text(name);
    let ok = (1..=40).contains(&name.chars().count())
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if ok {
        Ok(name)
    } else {
        Err(Error::invalid(
            "name",
            "an operator name is 1 to 40 letters, digits, '.', '-' or '_'",
        ))
    }
}

/// Creates the administrator of a store that has no operator yet (the first
/// start of a new event). Refused once any operator exists.
pub fn create_first_administrator(
    conn: &mut Connection,
    name: &str,
    password: &str,
) -> Result<OperatorId> {
    let now = crate::clock::now();
    let tx = conn.transaction()?;
    let id = insert_first_administrator(&tx, name, password, now)?;
    tx.commit()?;
    Ok(id)
}

/// The same inside a larger transaction (`accredit init` creates the event,
/// its key and its administrator all or nothing).
pub fn insert_first_administrator(
    tx: &Transaction,
    name: &str,
    password: &str,
    now: i64,
) -> Result<OperatorId> {
    let name = check_name(name)?;
    let hash = hash_password(password)?;
    if store::operators::count(tx)? > 0 {
        return Err(Error::Refused(
            "this store already has operators: an administrator creates the others".into(),
        ));
    }
    let id = store::operators::insert(tx, &name, Role::Administrator, &hash, now)?;
    audit::record(
        tx,
        &Actor::system(),
        now,
        Change::new("operator.create", "operator", &name),
        None::<&()>,
        Some(&serde_json::json!({"name": name, "role": Role::Administrator})),
    )?;
    Ok(id)
}

/// The problems of a new operator's name and password, each naming its
/// field, without touching the store (forms show them before saving).
pub fn check_new_operator(name: &str, password: &str) -> Vec<crate::domain::FieldError> {
    let mut errors = Vec::new();
    if let Err(e) = check_name(name) {
        errors.extend(e.field_errors().iter().cloned());
    }
    if password.chars().count() < super::password::MIN_LENGTH {
        errors.push(crate::domain::FieldError::new(
            "password",
            format!(
                "must be at least {} characters",
                super::password::MIN_LENGTH
            ),
        ));
    }
    errors
}

/// Creates an operator with `role`; only an administrator may.
pub fn create_operator(
    conn: &mut Connection,
    actor: &Actor,
    name: &str,
    role: Role,
    password: &str,
) -> Result<OperatorId> {
    actor.require(Permission::ManageOperators)?;
    let name = check_name(name)?;
    let hash = hash_password(password)?;
    let now = crate::clock::now();
    let tx = conn.transaction()?;
    let id = store::operators::insert(&tx, &name, role, &hash, now)?;
    audit::record(
        &tx,
        actor,
        now,
        Change::new("operator.create", "operator", &name),
        None::<&()>,
        Some(&serde_json::json!({"name": name, "role": role})),
    )?;
    tx.commit()?;
    Ok(id)
}
