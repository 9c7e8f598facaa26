//! A new event from scratch (`accredit init` and the GUI's first start):
//! the event with the default zones and categories of `resources/`, its
//! signing key and its first administrator, all or nothing.

use serde::Serialize;

use super::{EventSetup, insert_event};
use crate::auth::{self, Actor};
use crate::credential::kid_hex;
use crate::domain::{Event, FieldError, Role};
use crate::error::{Error, Result};
use crate::workspace::Workspace;
use crate::{clock, reference, signing};

/// What `init` created. Field names are part of the CLI's JSON interface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InitSummary {
    pub event: String,
    pub name: String,
    pub administrator: String,
    pub zones: usize,
    pub categories: usize,
    /// The signing key's id (hex).
    pub key: String,
    /// The root key's fingerprint (event-trust-v1), to write down for gates.
    pub root_fingerprint: String,
    pub data_dir: String,
}

/// Creates `event` in an empty data directory, with the default zones and
/// categories, a signing key covering its badge window and the first
/// administrator `admin_name`. Returns what was made and the administrator,
/// signed in. Refused where an event already exists; every problem of the
/// event, the name and the password is reported at once.
pub fn init(
    ws: &Workspace,
    event: &Event,
    admin_name: &str,
    admin_password: &str,
) -> Result<(InitSummary, Actor)> {
    if ws.has_event()? {
        return Err(Error::Refused(format!(
            "{} already holds an event (one event per data directory): choose another directory",
            ws.data_dir().display()
        )));
    }
    let mut errors: Vec<FieldError> = event.validate();
    // The operator's "name" is the administrator's here, not the event's.
    errors.extend(
        auth::check_new_operator(admin_name, admin_password)
            .into_iter()
            .map(|e| match e.field {
                "name" => FieldError::new("admin_name", e.message),
                _ => e,
            }),
    );
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let now = clock::now();
    let mut conn = ws.open()?;
    let tx = conn.transaction()?;
    let id = auth::insert_first_administrator(&tx, admin_name, admin_password, now)?;
    let admin = Actor {
        operator: Some(id),
        name: crate::domain::clean_text(admin_name),
        role: Role::Administrator,
    };
    let setup = EventSetup {
        event: event.clone(),
        zones: reference::default_zones(),
        categories: reference::default_categories(),
    };
    insert_event(&tx, &admin, &setup, now)?;
    let key = signing::create_key(&ws.keys_dir(), &tx, event, now)?;
    let root = signing::create_root(&ws.keys_dir(), &tx, now)?;
    tx.commit()?;
    Ok((
        InitSummary {
            event: event.code.to_string(),
            name: event.name.clone(),
            administrator: admin.name.clone(),
            zones: setup.zones.len(),
            categories: setup.categories.len(),
            key: kid_hex(&key.kid),
            root_fingerprint: crate::credential::fingerprint(
                &ed25519_dalek::VerifyingKey::from_bytes(&root.public_key)
                    .map_err(|e| Error::Other(e.to_string()))?,
            ),
            data_dir: ws.data_dir().display().to_string(),
        },
        admin,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::setup::EventForm;
    use crate::store;

    fn event() -> Event {
        EventForm {
            code: "GVA26".into(),
            name: "Geneva Review Conference".into(),
            venue: "Palais des Nations".into(),
            time_zone: "Europe/Zurich".into(),
            start_date: "2026-05-04".into(),
            end_date: "2026-05-06".into(),
            ..EventForm::new()
        }
        .parse(None)
        .unwrap()
    }

    #[test]
    fn init_creates_event_key_and_administrator_once() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path().join("gva"));
        let (summary, admin) = init(&ws, &event(), "organiser", "correct horse").unwrap();
        assert_eq!(summary.event, "GVA26");
        assert_eq!(admin.role, Role::Administrator);
        let conn = ws.open().unwrap();
        assert_eq!(store::categories::list(&conn).unwrap().len(), 11);
        assert_eq!(store::zones::list(&conn).unwrap().len(), 9);
        assert!(signing::signing_key(&ws.keys_dir(), &conn).is_ok());
        assert!(auth::sign_in(&conn, "organiser", "correct horse", clock::now()).is_ok());
        let audit = store::audit::list(&conn, &Default::default()).unwrap();
        assert!(
            audit
                .iter()
                .any(|e| e.action == "event.create" && e.operator == "organiser")
        );
        let again = init(&ws, &event(), "other", "correct horse").unwrap_err();
        assert!(
            again.to_string().contains("already holds an event"),
            "{again}"
        );
    }

    #[test]
    fn a_bad_name_or_password_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path());
        let err = init(&ws, &event(), "two words", "short").unwrap_err();
        let fields: Vec<_> = err.field_errors().iter().map(|e| e.field).collect();
        assert_eq!(fields, ["admin_name", "password"]);
        assert!(!ws.has_event().unwrap());
        init(&ws, &event(), "organiser", "correct horse").unwrap();
    }
}
