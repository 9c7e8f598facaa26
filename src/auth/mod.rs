//! Operators, roles and what each role may do. Permissions are checked in the
//! core functions themselves, so a GUI that forgot to hide a button, or a
//! script calling the library, still cannot act beyond its role.

pub mod operators;
mod password;

pub use operators::{
    check_new_operator, create_first_administrator, create_operator, insert_first_administrator,
    set_own_language,
};
pub use password::{hash_password, verify_password};
// Who acts and what they may do are domain types, so that the audit trail
// can name the actor without depending on sign-in.
pub use crate::domain::{Actor, Permission};

use crate::error::{Error, Result};
use crate::i18n::Language;
use crate::store;
use crate::store::Db;

/// Failed sign-ins after which an operator is locked out…
pub const LOCK_AFTER_FAILURES: u32 = 5;
/// …for this many seconds.
pub const LOCK_SECONDS: i64 = 60;

/// An operator just signed in: who acts, and the language they saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedIn {
    pub actor: Actor,
    /// The operator's own language; `None` for the machine's default.
    pub language: Option<Language>,
}

/// Checks an operator's password. After [`LOCK_AFTER_FAILURES`] failures in
/// a row the operator is locked for [`LOCK_SECONDS`], whatever the password.
pub fn sign_in(conn: &Db, name: &str, password: &str, now: i64) -> Result<Actor> {
    sign_in_operator(conn, name, password, now).map(|signed| signed.actor)
}

/// [`sign_in`], with the operator's saved language (the desktop switches to
/// it).
pub fn sign_in_operator(conn: &Db, name: &str, password: &str, now: i64) -> Result<SignedIn> {
    let refused = || Error::Refused("unknown operator or wrong password".into());
    let Some(creds) = store::operators::credentials(conn, name.trim())? else {
        return Err(refused());
    };
    if let Some(until) = creds.operator.locked_until
        && now < until
    {
        return Err(Error::Refused(format!(
            "{} is locked after {} failed sign-ins; try again in {} s",
            creds.operator.name,
            creds.failed_sign_ins,
            until - now
        )));
    }
    if !creds.operator.active {
        return Err(Error::Refused(format!(
            "{} is disabled; ask an administrator",
            creds.operator.name
        )));
    }
    if !verify_password(password, &creds.password_hash) {
        let tx = conn.transaction_unchecked()?;
        store::operators::record_failure(
            &tx,
            creds.operator.id,
            LOCK_AFTER_FAILURES,
            now + LOCK_SECONDS,
        )?;
        // A lockout is a security event: someone may be guessing passwords.
        if creds.failed_sign_ins + 1 >= LOCK_AFTER_FAILURES {
            crate::audit::record(
                &tx,
                &Actor::system(),
                now,
                crate::audit::Change::new("operator.lock", "operator", &creds.operator.name),
                None::<&()>,
                Some(
                    &serde_json::json!({"failed_sign_ins": LOCK_AFTER_FAILURES, "locked_until": now + LOCK_SECONDS}),
                ),
            )?;
        }
        tx.commit()?;
        return Err(refused());
    }
    store::operators::record_success(conn, creds.operator.id)?;
    Ok(SignedIn {
        actor: Actor {
            operator: Some(creds.operator.id),
            name: creds.operator.name,
            role: creds.operator.role,
        },
        language: operators::language_of(creds.language.as_deref()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Role;

    #[test]
    fn sign_in_and_lockout() {
        let conn = store::open_in_memory().unwrap();
        let hash = hash_password("demo-clerk").unwrap();
        store::operators::insert(&conn, "clerk", Role::Clerk, &hash, 0).unwrap();
        let actor = sign_in(&conn, "clerk", "demo-clerk", 10).unwrap();
        assert_eq!(actor.role, Role::Clerk);
        let e = sign_in(&conn, "nobody", "x", 10).unwrap_err();
        assert!(
            matches!(&e, crate::Error::Refused(m) if m.contains("unknown operator or wrong password")),
            "{e}"
        );
        for _ in 0..LOCK_AFTER_FAILURES {
            let e = sign_in(&conn, "clerk", "wrong", 20).unwrap_err();
            assert!(
                matches!(&e, crate::Error::Refused(m) if m.contains("unknown operator or wrong password")),
                "{e}"
            );
        }
        let locked = sign_in(&conn, "clerk", "demo-clerk", 30).unwrap_err();
        assert!(locked.to_string().contains("locked"), "{locked}");
        assert!(sign_in(&conn, "clerk", "demo-clerk", 20 + LOCK_SECONDS).is_ok());
    }

    #[test]
    fn an_operator_s_language_is_saved_read_back_at_sign_in_and_audited() {
        let mut conn = store::open_in_memory().unwrap();
        let hash = hash_password("demo-clerk").unwrap();
        let id = store::operators::insert(&conn, "clerk", Role::Clerk, &hash, 0).unwrap();
        // A new operator has none: the machine's default.
        let signed = sign_in_operator(&conn, "clerk", "demo-clerk", 10).unwrap();
        assert_eq!(signed.language, None);
        assert_eq!(store::operators::language(&conn, id).unwrap(), None);

        set_own_language(&mut conn, &signed.actor, Some(Language::Vietnamese)).unwrap();
        assert_eq!(
            store::operators::language(&conn, id).unwrap().as_deref(),
            Some("vi")
        );
        let admin = Actor::system();
        assert_eq!(
            operators::languages(&conn, &admin).unwrap(),
            [(id, Language::Vietnamese)]
        );
        let refused = operators::languages(&conn, &signed.actor).unwrap_err();
        assert!(
            matches!(refused, Error::PermissionDenied { .. }),
            "a clerk may not: {refused}"
        );
        let again = sign_in_operator(&conn, "clerk", "demo-clerk", 20).unwrap();
        assert_eq!(again.language, Some(Language::Vietnamese));
        assert_eq!(again.actor, signed.actor);
        // The same language again writes nothing; back to the default does.
        set_own_language(&mut conn, &signed.actor, Some(Language::Vietnamese)).unwrap();
        set_own_language(&mut conn, &signed.actor, None).unwrap();
        assert_eq!(store::operators::language(&conn, id).unwrap(), None);
        let entries: Vec<(String, String, String, String)> = conn
            .query_map(
                "SELECT operator, entity_id, before, after FROM audit_log
                 WHERE action = 'operator.language' ORDER BY id",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
        let expected = |before: &str, after: &str| {
            (
                "clerk".to_owned(),
                "clerk".to_owned(),
                before.to_owned(),
                after.to_owned(),
            )
        };
        assert_eq!(
            entries,
            [
                expected(r#"{"language":null}"#, r#"{"language":"vi"}"#),
                expected(r#"{"language":"vi"}"#, r#"{"language":null}"#),
            ]
        );
        assert!(crate::audit::verify(&conn).unwrap().is_intact());
        // A code this program does not speak is the machine's default.
        store::operators::set_language(&conn, id, Some("tlh")).unwrap();
        let unknown = sign_in_operator(&conn, "clerk", "demo-clerk", 30).unwrap();
        assert_eq!(unknown.language, None);
        // The application itself has no language of its own to save.
        let err = set_own_language(&mut conn, &Actor::system(), Some(Language::French));
        assert!(matches!(err, Err(Error::Refused(_))), "{err:?}");
    }

    #[test]
    fn roles_are_enforced() {
        let clerk = Actor {
            operator: Some(1),
            name: "clerk".into(),
            role: Role::Clerk,
        };
        assert!(clerk.require(Permission::EditParticipants).is_ok());
        let err = clerk.require(Permission::ApproveParticipants).unwrap_err();
        assert!(matches!(err, Error::PermissionDenied { .. }));
        assert!(err.to_string().contains("clerk (clerk) may not approve"));
    }
}
