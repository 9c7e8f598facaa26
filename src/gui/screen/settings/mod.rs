//! Settings: the event's set-up in six sections — the event and its badge
//! design (with a live preview), categories (with a preview too), zones,
//! checkpoints, sessions and delegations. Everything is read in one job off
//! the UI thread and read again after each save. An operator whose role may
//! not configure the event sees it all, without the buttons that change it
//! (the core refuses them anyway).

mod categories;
mod checkpoints;
mod delegations;
mod editor;
mod event;
mod sessions;
mod vetting;
mod zones;

use accredit::db::Db;
use accredit::t;
use std::collections::HashMap;
use std::sync::Arc;

use iced::widget::{button, column, container, row, rule, text};
use iced::{Element, Fill, Task};

use crate::gui::Session as AppSession;
use crate::gui::style;
use crate::gui::worker::{self, JobError, Outcome};
use accredit::auth::Permission;
use accredit::domain::{
    Checkpoint, Delegation, Event as EventInfo, FieldError, ParticipantId, Session, Zone,
    ZoneNumber,
};
use accredit::lookup::{self, usage::ZoneUse};
use accredit::setup::preview::Sample;
use accredit::setup::{self, CategoryInfo};
use accredit::workspace::Workspace;
use accredit::{Error, Result};

/// The event's whole set-up, as the sections show it.
#[derive(Debug)]
pub struct SetupData {
    pub event: EventInfo,
    pub logo: Option<Arc<Vec<u8>>>,
    pub categories: Vec<CategoryInfo>,
    pub zones: Vec<(Zone, ZoneUse)>,
    pub checkpoints: Vec<Checkpoint>,
    pub sessions: Vec<Session>,
    pub delegations: Vec<Delegation>,
    /// Name and delegation code of the participants invited to sessions.
    pub invited: HashMap<ParticipantId, (String, String)>,
    /// Who needs security clearance.
    pub clearance: accredit::domain::ClearanceRule,
    /// The language of the event's letters, receipts and reports.
    pub document_language: accredit::i18n::Language,
    /// The text of each kind of letter (the default in the documents'
    /// language where an administrator wrote none).
    pub templates: Vec<(accredit::letters::LetterKind, accredit::letters::Template)>,
}

impl SetupData {
    pub fn load(ws: &Workspace, actor: &accredit::auth::Actor) -> Result<SetupData> {
        let conn = ws.connection()?;
        let mut zones = Vec::new();
        for z in lookup::zones::list(&conn)? {
            let used = lookup::usage::zone_use(&conn, z.number)?;
            zones.push((z, used));
        }
        let sessions = lookup::sessions::list(&conn)?;
        let ids: Vec<ParticipantId> = sessions
            .iter()
            .flat_map(|s| &s.invitees)
            .filter_map(|i| match i {
                accredit::domain::Invitee::Participant(p) => Some(*p),
                accredit::domain::Invitee::Delegation(_) => None,
            })
            .collect();
        let invited = if ids.is_empty() || !actor.may(Permission::ViewParticipants) {
            HashMap::new()
        } else {
            setup::participant_names(&conn, actor, &ids)?
                .into_iter()
                .map(|(id, name, code)| (id, (name, code)))
                .collect()
        };
        let document_language = setup::document_language(&conn)?;
        Ok(SetupData {
            event: lookup::event::get(&conn)?,
            logo: lookup::event::logo(&conn)?.map(Arc::new),
            categories: setup::list_categories(&conn)?,
            zones,
            checkpoints: lookup::checkpoints::list(&conn)?,
            sessions,
            delegations: lookup::delegations::list(&conn)?,
            invited,
            clearance: accredit::vetting::rule(&conn)?,
            document_language,
            templates: accredit::letters::LetterKind::ALL
                .into_iter()
                .map(|k| {
                    let language = accredit::report::document_language(document_language);
                    Ok((k, accredit::letters::template_in(&conn, k, language)?))
                })
                .collect::<Result<_>>()?,
        })
    }

    pub fn zone_label(&self, number: ZoneNumber) -> String {
        self.zones
            .iter()
            .find(|(z, _)| z.number == number)
            .map(|(z, _)| format!("{} {}", z.number, z.name))
            .unwrap_or_else(|| number.to_string())
    }
}

/// A job's value, or the problems of its fields (a job's other failures
/// come as a `JobError`): forms show field problems next to their fields.
pub type Checked<T> = std::result::Result<T, Vec<FieldError>>;

/// Runs a set-up job; an `Error::Invalid` comes back as its field problems.
pub fn checked<T>(result: Result<T>) -> Result<Checked<T>> {
    match result {
        Ok(v) => Ok(Ok(v)),
        Err(Error::Invalid(errors)) => Ok(Err(errors)),
        Err(e) => Err(e),
    }
}

/// Runs a set-up job off the UI thread on a connection of its own, signed in
/// as the session's operator; see [`checked`].
pub fn spawn_job<T, M>(
    session: &AppSession,
    job: impl FnOnce(&mut Db, &accredit::auth::Actor) -> Result<T> + Send + 'static,
    done: impl Fn(Outcome<Checked<T>>) -> M + Send + 'static,
) -> Task<M>
where
    T: Send + 'static,
    M: Send + 'static,
{
    let (ws, actor) = (session.workspace.clone(), session.actor.clone());
    worker::spawn(
        move || {
            let mut conn = ws.connection()?;
            checked(job(&mut conn, &actor))
        },
        done,
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Event,
    Categories,
    Zones,
    Checkpoints,
    Sessions,
    Delegations,
    Vetting,
}

impl Section {
    pub const ALL: [Section; 7] = [
        Section::Event,
        Section::Categories,
        Section::Zones,
        Section::Checkpoints,
        Section::Sessions,
        Section::Delegations,
        Section::Vetting,
    ];

    pub fn label(self) -> String {
        match self {
            Section::Event => t!("settings-section-event"),
            Section::Categories => t!("settings-section-categories"),
            Section::Zones => t!("settings-section-zones"),
            Section::Checkpoints => t!("settings-section-checkpoints"),
            Section::Sessions => t!("settings-section-sessions"),
            Section::Delegations => t!("settings-section-delegations"),
            Section::Vetting => t!("settings-section-vetting"),
        }
    }
}

pub struct State {
    section: Section,
    data: Option<Arc<SetupData>>,
    error: Option<JobError>,
    event: event::State,
    categories: categories::State,
    zones: zones::State,
    checkpoints: checkpoints::State,
    sessions: sessions::State,
    delegations: delegations::State,
    vetting: vetting::State,
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(Outcome<Arc<SetupData>>),
    Section(Section),
    Event(event::Message),
    Categories(categories::Message),
    Zones(zones::Message),
    Checkpoints(checkpoints::Message),
    Sessions(sessions::Message),
    Delegations(delegations::Message),
    Vetting(vetting::Message),
}

/// What the application must do after a change here.
#[derive(Debug, Clone)]
pub enum Event {
    /// The set-up changed: the window's title, header and filters follow.
    Changed,
}

/// What a section tells the settings screen.
pub enum Saved {
    /// Something was saved: read everything again.
    Reload,
}

impl Default for State {
    fn default() -> Self {
        State::new()
    }
}

impl State {
    pub fn new() -> State {
        State {
            section: Section::Event,
            data: None,
            error: None,
            event: event::State::default(),
            categories: categories::State::default(),
            zones: zones::State::default(),
            checkpoints: checkpoints::State::default(),
            sessions: sessions::State::default(),
            delegations: delegations::State::default(),
            vetting: vetting::State::default(),
        }
    }

    /// Reads the set-up off the UI thread.
    pub fn load(session: &AppSession) -> Task<Message> {
        let (ws, actor) = (session.workspace.clone(), session.actor.clone());
        worker::spawn(
            move || SetupData::load(&ws, &actor).map(Arc::new),
            Message::Loaded,
        )
    }

    pub fn data(&self) -> Option<&SetupData> {
        self.data.as_deref()
    }

    pub fn update(
        &mut self,
        message: Message,
        session: &AppSession,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Loaded(Ok(data)) => {
                self.error = None;
                self.data = Some(data.clone());
                let tasks = [
                    self.event.loaded(&data).map(Message::Event),
                    self.categories.loaded(&data).map(Message::Categories),
                ];
                self.zones.loaded(&data);
                self.checkpoints.loaded(&data);
                self.sessions.loaded(&data);
                self.delegations.loaded(&data);
                self.vetting.loaded(&data);
                (Task::batch(tasks), None)
            }
            Message::Loaded(Err(e)) => {
                self.error = Some(e);
                (Task::none(), None)
            }
            Message::Section(s) => {
                self.section = s;
                (Task::none(), None)
            }
            other => {
                let Some(data) = self.data.clone() else {
                    return (Task::none(), None);
                };
                let (task, saved) = match other {
                    Message::Event(m) => {
                        let (t, s) = self.event.update(m, &data, session);
                        (t.map(Message::Event), s)
                    }
                    Message::Categories(m) => {
                        let (t, s) = self.categories.update(m, &data, session);
                        (t.map(Message::Categories), s)
                    }
                    Message::Zones(m) => {
                        let (t, s) = self.zones.update(m, &data, session);
                        (t.map(Message::Zones), s)
                    }
                    Message::Checkpoints(m) => {
                        let (t, s) = self.checkpoints.update(m, &data, session);
                        (t.map(Message::Checkpoints), s)
                    }
                    Message::Sessions(m) => {
                        let (t, s) = self.sessions.update(m, &data, session);
                        (t.map(Message::Sessions), s)
                    }
                    Message::Delegations(m) => {
                        let (t, s) = self.delegations.update(m, &data, session);
                        (t.map(Message::Delegations), s)
                    }
                    Message::Vetting(m) => {
                        let (t, s) = self.vetting.update(m, &data, session);
                        (t.map(Message::Vetting), s)
                    }
                    Message::Loaded(_) | Message::Section(_) => (Task::none(), None),
                };
                self.after(task, saved, session)
            }
        }
    }

    fn after(
        &mut self,
        task: Task<Message>,
        saved: Option<Saved>,
        session: &AppSession,
    ) -> (Task<Message>, Option<Event>) {
        match saved {
            Some(Saved::Reload) => (
                Task::batch([task, State::load(session)]),
                Some(Event::Changed),
            ),
            None => (task, None),
        }
    }

    pub fn view<'a>(&'a self, session: &'a AppSession) -> Element<'a, Message> {
        let may_edit = session.actor.may(Permission::ConfigureEvent);
        let tabs = Section::ALL.iter().fold(row![].spacing(4), |r, &s| {
            r.push(
                button(text(s.label()).size(14))
                    .padding([6, 12])
                    .style(if s == self.section {
                        button::primary
                    } else {
                        button::text
                    })
                    .on_press(Message::Section(s)),
            )
        });
        let mut page = column![tabs, rule::horizontal(1)]
            .spacing(8)
            .padding([10, 16]);
        if !may_edit {
            page = page.push(
                text(t!(
                    "settings-read-only",
                    name = &session.actor.name,
                    role = role_label(session.actor.role)
                ))
                .size(14),
            );
        }
        if let Some(e) = &self.error {
            page = page.push(style::error_text(&e.to_string()));
        }
        let Some(data) = &self.data else {
            return page
                .push(container(text(t!("settings-loading"))).padding(20))
                .into();
        };
        let body: Element<'a, Message> = match self.section {
            Section::Event => self.event.view(data, may_edit).map(Message::Event),
            Section::Categories => self
                .categories
                .view(data, may_edit)
                .map(Message::Categories),
            Section::Zones => self.zones.view(data, may_edit).map(Message::Zones),
            Section::Checkpoints => self
                .checkpoints
                .view(data, may_edit)
                .map(Message::Checkpoints),
            Section::Sessions => self.sessions.view(data, may_edit).map(Message::Sessions),
            Section::Delegations => self
                .delegations
                .view(data, may_edit)
                .map(Message::Delegations),
            Section::Vetting => self.vetting.view(data, may_edit).map(Message::Vetting),
        };
        page.push(container(body).height(Fill)).into()
    }
}

/// An operator's role, as the read-only note names it.
fn role_label(role: accredit::domain::Role) -> String {
    use accredit::domain::Role;
    match role {
        Role::Administrator => t!("settings-role-administrator"),
        Role::Supervisor => t!("settings-role-supervisor"),
        Role::Clerk => t!("settings-role-clerk"),
        Role::Gate => t!("settings-role-gate"),
        Role::Viewer => t!("settings-role-viewer"),
    }
}

/// A sample participant of the badge previews, named in the interface's
/// language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SampleChoice(pub Sample);

impl std::fmt::Display for SampleChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self.0 {
            Sample::LongName => t!("settings-sample-long-name"),
            Sample::ArabicName => t!("settings-sample-arabic-name"),
        })
    }
}

/// The editor's buttons: save, and remove when editing something stored.
pub fn editor_buttons<'a, M: Clone + 'a>(
    may_edit: bool,
    busy: bool,
    save: M,
    remove: Option<M>,
) -> Element<'a, M> {
    let enabled = may_edit && !busy;
    let mut r = row![
        button(text(t!("settings-save")))
            .padding([8, 20])
            .on_press_maybe(enabled.then_some(save))
    ]
    .spacing(10);
    if let Some(remove) = remove {
        r = r.push(
            button(text(t!("settings-remove")))
                .padding([8, 16])
                .style(button::danger)
                .on_press_maybe(enabled.then_some(remove)),
        );
    }
    r.into()
}

/// The saved message, the refusal and the busy note under an editor.
pub fn outcome_notes<'a, M: 'a>(
    saved: &Option<String>,
    problem: &Option<JobError>,
    busy: bool,
) -> Element<'a, M> {
    let mut col = column![].spacing(6).width(Fill);
    if busy {
        col = col.push(text(t!("settings-saving")).size(14));
    }
    if let Some(s) = saved {
        col = col.push(super::form::saved(s));
    }
    if let Some(p) = problem {
        col = col.push(super::form::problem(&p.to_string()));
    }
    col.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::screen::badge_preview;
    use crate::gui::tests::fixtures::{approved_with_badge, new_event};
    use crate::gui::tests::harness::{self, simulator};

    /// The settings screen of a new event, read, with every job it started
    /// run; returns the messages those jobs produced.
    fn opened(dir: &std::path::Path) -> (State, AppSession, Vec<Message>) {
        let (ws, _conn, admin) = new_event(dir);
        let session = AppSession::load(ws, admin).unwrap();
        let mut state = State::new();
        let mut produced = Vec::new();
        let mut pending = harness::messages(State::load(&session));
        while let Some(m) = pending.pop() {
            produced.push(m.clone());
            pending.extend(harness::messages(state.update(m, &session).0));
        }
        (state, session, produced)
    }

    /// Runs the messages of a simulated interaction and everything they
    /// start; returns every message and the last event.
    fn settle(
        state: &mut State,
        session: &AppSession,
        first: Vec<Message>,
    ) -> (Vec<Message>, Option<Event>) {
        let mut produced = Vec::new();
        let mut last = None;
        let mut pending = first;
        pending.reverse();
        while let Some(m) = pending.pop() {
            produced.push(m.clone());
            let (task, event) = state.update(m, session);
            if event.is_some() {
                last = event;
            }
            let mut next = harness::messages(task);
            next.reverse();
            pending.extend(next);
        }
        (produced, last)
    }

    fn drawn(messages: &[Message]) -> Vec<Vec<u8>> {
        messages
            .iter()
            .filter_map(|m| match m {
                Message::Event(event::Message::Preview(badge_preview::Message::Drawn(Ok(d)))) => {
                    Some(d.a6.clone())
                }
                _ => None,
            })
            .collect()
    }

    fn click(state: &State, session: &AppSession, label: &str) -> Vec<Message> {
        let mut ui = simulator(state.view(session));
        ui.click(label).unwrap_or_else(|e| panic!("{label}: {e:?}"));
        ui.into_messages().collect()
    }

    /// Clicks the text `label` and runs what follows.
    fn press(
        state: &mut State,
        session: &AppSession,
        label: &str,
    ) -> (Vec<Message>, Option<Event>) {
        let messages = click(state, session, label);
        settle(state, session, messages)
    }

    fn type_in(state: &State, session: &AppSession, id: &'static str, text: &str) -> Vec<Message> {
        let mut ui = simulator(state.view(session));
        ui.click(iced_test::selector::id(id)).unwrap();
        ui.tap_key(iced::keyboard::Key::Named(iced::keyboard::key::Named::End));
        ui.typewrite(text);
        ui.into_messages().collect()
    }

    #[test]
    fn the_badge_preview_follows_the_settings_as_they_are_typed() {
        let dir = tempfile::tempdir().unwrap();
        let (mut state, session, produced) = opened(dir.path());
        let first = drawn(&produced);
        assert_eq!(first.len(), 1, "one drawing when the settings open");
        let png = image::load_from_memory(&first[0]).unwrap();
        assert!(png.height() > png.width(), "the A6 badge is portrait");
        let mut ui = simulator(state.view(&session));
        assert!(ui.find("Card (ID-1)").is_ok());
        assert!(ui.find("A6 (each badge of A4 × 4)").is_ok());
        drop(ui);

        let typed = type_in(
            &state,
            &session,
            event::FOOTER_INPUT,
            " — and shown on request",
        );
        let (produced, event) = settle(&mut state, &session, typed);
        assert!(event.is_none(), "typing saves nothing");
        let after = drawn(&produced);
        assert!(!after.is_empty(), "the preview was drawn again");
        assert_ne!(after.last(), first.last(), "with the new footer");
        let conn = session.workspace.open().unwrap();
        assert_eq!(
            lookup::event::get(&conn).unwrap().footer,
            setup::DEFAULT_FOOTER,
            "not saved yet"
        );

        // Saving stores it and tells the application.
        let (_, event) = press(&mut state, &session, "Save");
        assert!(matches!(event, Some(Event::Changed)));
        assert!(
            lookup::event::get(&conn)
                .unwrap()
                .footer
                .ends_with("and shown on request")
        );
    }

    #[test]
    fn invalid_settings_are_shown_next_to_their_fields_and_not_saved() {
        let dir = tempfile::tempdir().unwrap();
        let (mut state, session, _) = opened(dir.path());
        let typed = type_in(&state, &session, event::CODE_INPUT, " 2");
        settle(&mut state, &session, typed);
        let mut ui = simulator(state.view(&session));
        assert!(
            ui.find("\"NBO26 2\" is not an event code: 1 to 16 capital letters, digits or '-'")
                .is_ok()
        );
        drop(ui);
        let (_, event) = press(&mut state, &session, "Save");
        assert!(event.is_none());
        let conn = session.workspace.open().unwrap();
        assert_eq!(lookup::event::get(&conn).unwrap().code.as_str(), "NBO26");
    }

    #[test]
    fn a_category_change_that_makes_badges_wrong_is_explained_with_the_badges() {
        let dir = tempfile::tempdir().unwrap();
        let (ws, mut conn, admin) = new_event(dir.path());
        let (_, serial) = approved_with_badge(&ws, &mut conn, &admin, "DEL");
        let session = AppSession::load(ws, admin).unwrap();
        let mut state = State::new();
        settle(
            &mut state,
            &session,
            harness::messages(State::load(&session)),
        );
        settle(
            &mut state,
            &session,
            vec![Message::Section(Section::Categories)],
        );
        press(&mut state, &session, "Delegate");
        // Delegates lose the side event rooms.
        press(&mut state, &session, "7 Side event rooms");
        let (_, event) = press(&mut state, &session, "Save");
        assert!(event.is_none(), "nothing changes before it is confirmed");
        let mut ui = simulator(state.view(&session));
        assert!(ui.find("Apply anyway").is_ok());
        assert!(
            ui.find(format!("{serial} · Wanjiru KAMAU (KEN)")).is_ok(),
            "the badge to reprint is listed"
        );
        drop(ui);
        let del = lookup::categories::find_by_code(&conn, "DEL")
            .unwrap()
            .unwrap();
        assert!(del.default_zones.contains(7));

        let (_, event) = press(&mut state, &session, "Apply anyway");
        assert!(matches!(event, Some(Event::Changed)));
        let del = lookup::categories::find_by_code(&conn, "DEL")
            .unwrap()
            .unwrap();
        assert!(!del.default_zones.contains(7));
        let mut ui = simulator(state.view(&session));
        assert!(ui.find("1 badge to reprint (reason data-change):").is_ok());
        assert!(ui.find("carries zones 1,3,5,7, should open 1,3,5").is_ok());

        // Removing the category in use is refused with the reason.
        drop(ui);
        press(&mut state, &session, "Remove");
        let mut ui = simulator(state.view(&session));
        assert!(
            ui.find("the category DEL (Delegate) is in use by 1 participant (of any status); move them to another category first")
                .is_ok()
        );
    }

    #[test]
    fn a_delegation_is_added_from_the_reference_lists_in_one_click() {
        let dir = tempfile::tempdir().unwrap();
        let (mut state, session, _) = opened(dir.path());
        settle(
            &mut state,
            &session,
            vec![Message::Section(Section::Delegations)],
        );
        let typed = type_in(&state, &session, delegations::REFERENCE_INPUT, "cote d");
        settle(&mut state, &session, typed);
        let (_, event) = press(&mut state, &session, "Add");
        assert!(matches!(event, Some(Event::Changed)));
        let conn = session.workspace.open().unwrap();
        let civ = lookup::delegations::find_by_code(&conn, "CIV")
            .unwrap()
            .unwrap();
        assert_eq!(civ.name, "Côte d'Ivoire");
        let mut ui = simulator(state.view(&session));
        assert!(ui.find("Added").is_ok(), "the list marks it added");
        assert!(ui.find("Delegations (1)").is_ok());
    }

    #[test]
    fn the_settings_speak_vietnamese_and_french() {
        let dir = tempfile::tempdir().unwrap();
        let (mut state, session, _) = opened(dir.path());
        {
            let _vi = accredit::i18n::LanguageScope::new(accredit::i18n::Language::Vietnamese);
            let mut ui = simulator(state.view(&session));
            assert!(ui.find("Sự kiện và thẻ").is_ok());
            assert!(ui.find("Hoàn tác thay đổi").is_ok());
            drop(ui);
            press(&mut state, &session, "Khu vực");
            let mut ui = simulator(state.view(&session));
            assert!(ui.find("Khu vực mới").is_ok());
            assert!(ui.find("Tên (hiển thị tại cổng kiểm soát)").is_ok());
        }
        let _fr = accredit::i18n::LanguageScope::new(accredit::i18n::Language::French);
        settle(
            &mut state,
            &session,
            vec![Message::Section(Section::Checkpoints)],
        );
        let mut ui = simulator(state.view(&session));
        assert!(ui.find("Nouveau point de contrôle").is_ok());
        assert!(ui.find("Zone desservie").is_ok());
    }

    #[test]
    fn a_zone_in_use_is_not_removed_and_the_reason_is_shown() {
        let dir = tempfile::tempdir().unwrap();
        let (mut state, session, _) = opened(dir.path());
        settle(&mut state, &session, vec![Message::Section(Section::Zones)]);
        press(&mut state, &session, "SIGN — Signing ceremony hall");
        press(&mut state, &session, "Remove");
        let mut ui = simulator(state.view(&session));
        assert!(ui
            .find("zone 2 (Signing ceremony hall) is in use by the default zones of HOS, HOD, UN, STF, SEC; it can be removed once nothing uses it")
            .is_ok());
    }
}

#[cfg(test)]
mod role_tests {
    use super::*;
    use crate::gui::tests::fixtures::new_event;
    use crate::gui::tests::harness::{self, simulator};
    use accredit::domain::Role;

    #[test]
    fn an_operator_who_may_not_configure_sees_the_set_up_without_changing_it() {
        let dir = tempfile::tempdir().unwrap();
        let (ws, mut conn, admin) = new_event(dir.path());
        accredit::auth::create_operator(&mut conn, &admin, "desk1", Role::Clerk, "clerk-password")
            .unwrap();
        let clerk = accredit::auth::sign_in(&conn, "desk1", "clerk-password", 0).unwrap();
        let session = AppSession::load(ws, clerk).unwrap();
        let mut state = State::new();
        for m in harness::messages(State::load(&session)) {
            let _ = state.update(m, &session);
        }
        let mut ui = simulator(state.view(&session));
        assert!(
            ui.find("desk1 (clerk) may look at the set-up; only an administrator changes it.")
                .is_ok()
        );
        assert!(ui.find("NBO26").is_ok(), "the settings are shown");
        ui.click("Save").unwrap();
        assert_eq!(
            ui.into_messages().count(),
            0,
            "Save does nothing for a clerk"
        );
    }
}
