//! Operators: the first administrator of a new store; further operators,
//! their roles, disabling and passwords, by an administrator; each
//! operator's own language. Every change writes an audit entry in its
//! transaction.

use super::{Actor, Permission, hash_password};
use crate::audit::{self, Change};
use crate::domain::{Operator, OperatorId, Role};
use crate::error::{Error, Result};
use crate::i18n::Language;
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
    conn.write(|tx| insert_first_administrator(tx, name, password, now))
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
    conn.write(|tx| {
        let id = store::operators::insert(tx, &name, role, &hash, now)?;
        audit::record(
            tx,
            actor,
            now,
            Change::new("operator.create", "operator", &name),
            None::<&()>,
            Some(&serde_json::json!({"name": name, "role": role})),
        )?;
        Ok(id)
    })
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
    conn.write(|tx| {
        let before = find(tx, name)?;
        if before.role == role {
            return Ok(before);
        }
        if role != Role::Administrator {
            keep_an_administrator(tx, &before)?;
        }
        store::operators::set_role(tx, before.id, role)?;
        audit::record(
            tx,
            actor,
            crate::clock::now(),
            Change::new("operator.role", "operator", &before.name),
            Some(&serde_json::json!({"role": before.role})),
            Some(&serde_json::json!({"role": role})),
        )?;
        find(tx, &before.name)
    })
}

/// Disables an operator (they can no longer sign in) or enables them again;
/// only an administrator may. Operators are never deleted: the audit trail
/// names them.
pub fn set_active(conn: &mut Db, actor: &Actor, name: &str, active: bool) -> Result<Operator> {
    actor.require(Permission::ManageOperators)?;
    conn.write(|tx| {
        let before = find(tx, name)?;
        if before.active == active {
            return Ok(before);
        }
        if !active {
            keep_an_administrator(tx, &before)?;
        }
        store::operators::set_active(tx, before.id, active)?;
        audit::record(
            tx,
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
        find(tx, &before.name)
    })
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
    conn.write(|tx| {
        let op = find(tx, name)?;
        store::operators::set_password_hash(tx, op.id, &hash)?;
        audit::record(
            tx,
            actor,
            crate::clock::now(),
            Change::new("operator.password", "operator", &op.name),
            None::<&()>,
            Some(&serde_json::json!({"password": "changed"})),
        )
    })
}

/// A stored language code as a language. A code this program does not
/// speak (written by a newer one) counts as none: the machine's default.
pub(crate) fn language_of(code: Option<&str>) -> Option<Language> {
    code.and_then(Language::from_locale)
}

/// The languages operators saved, by operator id (those who saved none
/// work in the machine's default); only an administrator may see them.
pub fn languages(conn: &Db, actor: &Actor) -> Result<Vec<(OperatorId, Language)>> {
    actor.require(Permission::ManageOperators)?;
    Ok(store::operators::languages(conn)?
        .into_iter()
        .filter_map(|(id, code)| language_of(Some(&code)).map(|l| (id, l)))
        .collect())
}

/// Saves the signed-in operator's own language (`None`: the machine's
/// default, `ACCREDIT_LANG` or the system's locale). Any operator may set
/// their own, and only their own; nothing is written when it is unchanged.
pub fn set_own_language(conn: &mut Db, actor: &Actor, language: Option<Language>) -> Result<()> {
    let Some(id) = actor.operator else {
        return Err(Error::Refused(
            "only a signed-in operator has a language of their own".into(),
        ));
    };
    let code = language.map(Language::code);
    conn.write(|tx| {
        let before = store::operators::language(tx, id)?;
        if before.as_deref() == code {
            return Ok(());
        }
        store::operators::set_language(tx, id, code)?;
        audit::record(
            tx,
            actor,
            crate::clock::now(),
            Change::new("operator.language", "operator", &actor.name),
            Some(&serde_json::json!({"language": before})),
            Some(&serde_json::json!({"language": code})),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{MIGRATIONS, schema::LATEST};

    /// 25 October 2025, 09:00 in Hanoi: during the demo (seed dates).
    const DURING: i64 = 1_761_357_600;

    fn demo_into(db: &mut Db, keys: &std::path::Path) {
        let tx = db.transaction().unwrap();
        crate::demo::build(&tx, 20, crate::demo::Dates::seed(), Some(keys)).unwrap();
        tx.commit().unwrap();
    }

    /// The demo written at version 9 (before operators had a language),
    /// then upgraded: every operator is carried with none (the machine's
    /// default), still signs in, and may then save one.
    fn check_upgraded_from_9(upgraded: &mut Db) {
        assert_eq!(upgraded.schema_version().unwrap(), LATEST);
        let all = store::operators::list(upgraded).unwrap();
        assert_eq!(all.len(), crate::demo::OPERATORS.len());
        for op in &all {
            assert_eq!(store::operators::language(upgraded, op.id).unwrap(), None);
        }
        let signed =
            super::super::sign_in_operator(upgraded, "clerk", "demo-clerk", DURING).unwrap();
        assert_eq!(signed.language, None);
        set_own_language(upgraded, &signed.actor, Some(Language::French)).unwrap();
        let again =
            super::super::sign_in_operator(upgraded, "clerk", "demo-clerk", DURING).unwrap();
        assert_eq!(again.language, Some(Language::French));
        assert!(crate::audit::verify(upgraded).unwrap().is_intact());
    }

    #[test]
    fn sqlite_operators_of_version_9_are_upgraded_with_no_language() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v9.sqlite");
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        MIGRATIONS.to_version(&mut conn, 9).unwrap();
        let mut old = Db::from_sqlite(conn);
        demo_into(&mut old, &dir.path().join("keys"));
        drop(old);
        check_upgraded_from_9(&mut Db::open_sqlite(&path).unwrap());
    }

    #[test]
    fn postgres_operators_of_version_9_are_upgraded_with_no_language() {
        let Some(url) = crate::test_server::new_database() else {
            return;
        };
        let url = store::ServerUrl::parse(&url).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut old = Db::connect_at_version(&url, 9).unwrap();
        demo_into(&mut old, &dir.path().join("keys"));
        drop(old);
        check_upgraded_from_9(&mut Db::connect(&url, None).unwrap());
    }
}
