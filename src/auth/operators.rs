//! Operators: the first administrator of a new store; further operators,
//! their roles, disabling and passwords, by an administrator. Every change
//! writes an audit entry in its transaction.

use super::{Actor, Permission, hash_password};
use crate::audit::{self, Change};
use crate::domain::{Operator, OperatorId, Role};
use crate::error::{Error, Result};
use crate::store;
use crate::store::{Db, Tx};

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
pub fn create_first_administrator(conn: &mut Db, name: &str, password: &str) -> Result<OperatorId> {
    let now = crate::clock::now();
    let tx = conn.transaction()?;
    let id = insert_first_administrator(&tx, name, password, now)?;
    tx.commit()?;
    Ok(id)
}

/// The same inside a larger transaction (`accredit init` creates the event,
/// its key and its administrator all or nothing).
pub fn insert_first_administrator(
    tx: &Tx,
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
    conn: &mut Db,
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

/// Every operator, by name; only an administrator may see them.
pub fn list(conn: &Db, actor: &Actor) -> Result<Vec<Operator>> {
    actor.require(Permission::ManageOperators)?;
    store::operators::list(conn)
}

fn find(conn: &Db, name: &str) -> Result<Operator> {
    store::operators::find_by_name(conn, name.trim())?
        .ok_or_else(|| Error::not_found("operator", name.trim()))
}

/// Refuses a change that would leave the store without an active
/// administrator: nobody could then manage operators or keys.
fn keep_an_administrator(conn: &Db, op: &Operator) -> Result<()> {
    if op.role == Role::Administrator
        && op.active
        && store::operators::active_administrators(conn)? <= 1
    {
        return Err(Error::Refused(format!(
            "{} is the only active administrator: make another operator administrator first",
            op.name
        )));
    }
    Ok(())
}

/// Gives an operator another role; only an administrator may.
pub fn set_role(conn: &mut Db, actor: &Actor, name: &str, role: Role) -> Result<Operator> {
    actor.require(Permission::ManageOperators)?;
    let tx = conn.transaction()?;
    let before = find(&tx, name)?;
    if before.role == role {
        return Ok(before);
    }
    if role != Role::Administrator {
        keep_an_administrator(&tx, &before)?;
    }
    store::operators::set_role(&tx, before.id, role)?;
    audit::record(
        &tx,
        actor,
        crate::clock::now(),
        Change::new("operator.role", "operator", &before.name),
        Some(&serde_json::json!({"role": before.role})),
        Some(&serde_json::json!({"role": role})),
    )?;
    let after = find(&tx, &before.name)?;
    tx.commit()?;
    Ok(after)
}

/// Disables an operator (they can no longer sign in) or enables them again;
/// only an administrator may. Operators are never deleted: the audit trail
/// names them.
pub fn set_active(conn: &mut Db, actor: &Actor, name: &str, active: bool) -> Result<Operator> {
    actor.require(Permission::ManageOperators)?;
    let tx = conn.transaction()?;
    let before = find(&tx, name)?;
    if before.active == active {
        return Ok(before);
    }
    if !active {
        keep_an_administrator(&tx, &before)?;
    }
    store::operators::set_active(&tx, before.id, active)?;
    audit::record(
        &tx,
        actor,
        crate::clock::now(),
        Change::new(
            if active {
                "operator.enable"
            } else {
                "operator.disable"
            },
            "operator",
            &before.name,
        ),
        Some(&serde_json::json!({"active": before.active})),
        Some(&serde_json::json!({"active": active})),
    )?;
    let after = find(&tx, &before.name)?;
    tx.commit()?;
    Ok(after)
}

/// Sets a new password: an administrator for anyone, any operator for
/// themselves. Clears a lockout. The audit entry says that the password
/// changed, never what it is.
pub fn set_password(conn: &mut Db, actor: &Actor, name: &str, password: &str) -> Result<()> {
    let own = actor.name == name.trim() && actor.operator.is_some();
    if !own {
        actor.require(Permission::ManageOperators)?;
    }
    let hash = hash_password(password)?;
    let tx = conn.transaction()?;
    let op = find(&tx, name)?;
    store::operators::set_password_hash(&tx, op.id, &hash)?;
    audit::record(
        &tx,
        actor,
        crate::clock::now(),
        Change::new("operator.password", "operator", &op.name),
        None::<&()>,
        Some(&serde_json::json!({"password": "changed"})),
    )?;
    tx.commit()?;
    Ok(())
}
