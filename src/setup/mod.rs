//! Setting up an event: creating it (`init`), its settings, categories,
//! zones, checkpoints, sessions and delegations, and the badge preview.
//!
//! Every change checks `Permission::ConfigureEvent`, runs in one transaction
//! and writes its audit entry in it (for the editors' items, once, in
//! `item.rs`). A change that printed badges depend on
//! is refused with the reason (removing a zone or category in use, changing
//! the event code or a category code once badges carry it) or, when it is
//! legitimate but leaves printed badges out of date, comes back as
//! [`Outcome::NeedsConfirmation`] with the consequences in words, and is
//! applied only when called again with `confirmed`.

mod categories;
mod checkpoints;
mod create;
mod delegations;
mod documents;
mod event;
mod form;
mod init;
mod item;
pub mod preview;
mod sessions;
mod zones;

pub use categories::{
    AffectedBadge, CategoryForm, CategoryInfo, add_category, affected_badges, edit_category,
    list_categories, remove_category,
};
pub use checkpoints::{CheckpointForm, add_checkpoint, edit_checkpoint, remove_checkpoint};
pub use create::{EventSetup, create_event, insert_event};
pub use delegations::{
    DelegationForm, ReferenceEntry, add_delegation, edit_delegation, match_reference,
    reference_body, remove_delegation, search_reference,
};
pub use documents::{document_language, set_document_language};
pub use event::{EventUpdate, LogoChange, UpdateSummary, normalise_logo, update_event};
pub use form::{DEFAULT_FOOTER, EventForm, default_badge_window};
pub use init::{InitSummary, init};
pub use sessions::{SessionForm, add_session, edit_session, participant_names, remove_session};
pub use zones::{ZoneForm, add_zone, edit_zone, remove_zone};

/// What a change did, or what it would do to badges already issued and
/// printed, for the operator to confirm first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome<T> {
    Done(T),
    /// Nothing was changed: each line says what the change would leave
    /// wrong. Call again with `confirmed` to apply it.
    NeedsConfirmation(Vec<String>),
}

impl<T> Outcome<T> {
    /// The same outcome with `f` applied to the value of a change done.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Outcome<U> {
        match self {
            Outcome::Done(v) => Outcome::Done(f(v)),
            Outcome::NeedsConfirmation(lines) => Outcome::NeedsConfirmation(lines),
        }
    }

    /// The value, or the consequences as an error that says how to go on
    /// (`hint`, e.g. "add --confirm").
    pub fn or_refuse(self, hint: &str) -> crate::Result<T> {
        match self {
            Outcome::Done(v) => Ok(v),
            Outcome::NeedsConfirmation(lines) => Err(crate::Error::Refused(format!(
                "{}\n{hint}",
                lines.join("\n")
            ))),
        }
    }
}

/// Text typed into a set-up form, cleaned (NFC, invisible characters out,
/// spaces folded) and checked for length.
pub(crate) fn clean_field(
    errors: &mut Vec<crate::domain::FieldError>,
    field: &'static str,
    raw: &str,
    max: usize,
) -> String {
    let text = crate::domain::clean_text(raw);
    let n = text.chars().count();
    if n > max {
        errors.push(crate::domain::FieldError::new(
            field,
            format!("is {n} characters long; at most {max} fit"),
        ));
    }
    text
}

/// "it" or "them", "passes" or "pass": the words that follow a count.
pub(crate) fn it_them(n: u64) -> (&'static str, &'static str, &'static str) {
    if n == 1 {
        ("it", "passes", "shows")
    } else {
        ("them", "pass", "show")
    }
}

/// "1 badge" / "3 badges".
pub(crate) fn plural(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::store::Db;

    use crate::auth::Actor;
    use crate::domain::{
        BadgeSerial, Delegation, DelegationKind, ParticipantDetails, ParticipantId,
    };
    use crate::workspace::Workspace;
    use crate::{clock, desk, signing, store};

    /// A new event (NBO26, Nairobi, 14–15 September 2026) made by `init`,
    /// with its administrator signed in.
    pub(crate) fn new_event(dir: &std::path::Path) -> (Workspace, Db, Actor) {
        let ws = Workspace::new(dir);
        let event = super::EventForm {
            code: "NBO26".into(),
            name: "Nairobi Cyber Dialogue".into(),
            venue: "UN Office at Nairobi".into(),
            time_zone: "Africa/Nairobi".into(),
            start_date: "2026-09-14".into(),
            end_date: "2026-09-15".into(),
            ..super::EventForm::new()
        }
        .parse(None)
        .unwrap();
        let (_, admin) = super::init(&ws, &event, "organiser", "correct horse").unwrap();
        let conn = ws.open().unwrap();
        (ws, conn, admin)
    }

    /// An approved participant of delegation KEN in `category`, with a
    /// printed badge.
    pub(crate) fn approved_with_badge(
        ws: &Workspace,
        conn: &mut Db,
        admin: &Actor,
        category: &str,
    ) -> (ParticipantId, BadgeSerial) {
        let delegation = match store::delegations::find_by_code(conn, "KEN").unwrap() {
            Some(d) => d.id,
            None => {
                let tx = conn.transaction().unwrap();
                let id = store::delegations::insert(
                    &tx,
                    &Delegation {
                        id: 0,
                        code: "KEN".into(),
                        name: "Kenya".into(),
                        kind: DelegationKind::MemberState,
                        focal_point_name: String::new(),
                        focal_point_email: String::new(),
                        quotas: vec![],
                    },
                )
                .unwrap();
                tx.commit().unwrap();
                id
            }
        };
        let category = store::categories::find_by_code(conn, category)
            .unwrap()
            .unwrap();
        let id = desk::participants::add(
            conn,
            admin,
            ParticipantDetails {
                delegation,
                category: category.id,
                given_names: "Wanjiru".into(),
                family_name: "Kamau".into(),
                ..Default::default()
            },
        )
        .unwrap();
        desk::participants::approve(conn, admin, &[id], None).unwrap();
        let now = clock::now();
        let tx = conn.transaction().unwrap();
        let event = store::event::get(&tx).unwrap();
        let key = signing::signing_key(&ws.keys_dir(), &tx).unwrap();
        let p = store::participants::get(&tx, id).unwrap();
        let badge = desk::badges::issue_in(&tx, admin, &event, &key, &p, now).unwrap();
        store::badges::record_print(&tx, badge.serial, now, &admin.name, "new").unwrap();
        tx.commit().unwrap();
        (id, badge.serial)
    }
}
