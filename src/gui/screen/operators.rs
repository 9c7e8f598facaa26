//! Operators, for administrators: who may sign in, with which role and in
//! which language; add an operator, change a role, disable or enable, set a
//! new password. Every action is the same core function as
//! `accredit operators …`.

use std::collections::HashMap;
use std::fmt;

use accredit::db::Db;
use iced::widget::{button, column, container, pick_list, row, rule, scrollable, text, text_input};
use iced::{Center, Element, Fill, Task};

use crate::gui::Session;
use crate::gui::screen::sign_in::role_name;
use crate::gui::style;
use crate::gui::worker::{self, JobError, Outcome};
use accredit::auth;
use accredit::domain::{Operator, OperatorId, Role};
use accredit::i18n::Language;
use accredit::t;

/// A role as the pickers show it: its name in the interface's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct RoleChoice(Role);

impl RoleChoice {
    const ALL: [RoleChoice; 5] = [
        RoleChoice(Role::ALL[0]),
        RoleChoice(Role::ALL[1]),
        RoleChoice(Role::ALL[2]),
        RoleChoice(Role::ALL[3]),
        RoleChoice(Role::ALL[4]),
    ];
}

impl fmt::Display for RoleChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&role_name(self.0))
    }
}

/// The operators and the languages they saved (those with none work in the
/// machine's default).
pub type Listing = (Vec<Operator>, Vec<(OperatorId, Language)>);

/// What a change did, said in the interface's language when shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Added(String, Role),
    RoleChanged(String, Role),
    Enabled(String),
    Disabled(String),
    PasswordSet(String),
}

impl Notice {
    fn text(&self) -> String {
        match self {
            Notice::Added(name, role) => {
                t!("operators-added", name = name, role = role_name(*role))
            }
            Notice::RoleChanged(name, role) => {
                t!(
                    "operators-role-changed",
                    name = name,
                    role = role_name(*role)
                )
            }
            Notice::Enabled(name) => t!("operators-enabled", name = name),
            Notice::Disabled(name) => t!("operators-disabled", name = name),
            Notice::PasswordSet(name) => t!("operators-password-set", name = name),
        }
    }
}

pub struct State {
    operators: Vec<Operator>,
    languages: HashMap<OperatorId, Language>,
    loaded: bool,
    busy: bool,
    error: Option<JobError>,
    notice: Option<Notice>,
    new_name: String,
    new_role: Role,
    new_password: String,
    /// The operator whose password is being set, and the new one typed.
    reset: Option<(String, String)>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(Outcome<Listing>),
    NewName(String),
    NewRole(Role),
    NewPassword(String),
    Add,
    SetRole(String, Role),
    SetActive(String, bool),
    ResetFor(String),
    ResetPassword(String),
    ResetSave,
    ResetCancel,
    /// A change went through (what to say) or failed.
    Done(Outcome<Notice>),
}

pub enum Event {
    /// The signed-in administrator changed their own role or disabled
    /// themselves: their session's rights are no longer theirs.
    SignOut,
}

pub const NAME_INPUT: &str = "operators-new-name";

impl Default for State {
    fn default() -> Self {
        State::new()
    }
}

impl State {
    pub fn new() -> State {
        State {
            operators: Vec::new(),
            languages: HashMap::new(),
            loaded: false,
            busy: false,
            error: None,
            notice: None,
            new_name: String::new(),
            new_role: Role::Clerk,
            new_password: String::new(),
            reset: None,
        }
    }

    #[cfg(test)]
    pub fn operators(&self) -> &[Operator] {
        &self.operators
    }

    pub fn load(session: &Session) -> Task<Message> {
        let (ws, actor) = (session.workspace.clone(), session.actor.clone());
        worker::spawn(
            move || {
                let conn = ws.connection()?;
                let operators = auth::operators::list(&conn, &actor)?;
                let languages = auth::operators::languages(&conn, &actor)?;
                Ok((operators, languages))
            },
            Message::Loaded,
        )
    }

    /// Runs a change off the UI thread; `Done` reloads the list.
    fn change(
        &mut self,
        session: &Session,
        job: impl FnOnce(&mut Db, &auth::Actor) -> accredit::Result<Notice> + Send + 'static,
    ) -> Task<Message> {
        self.busy = true;
        self.error = None;
        self.notice = None;
        let (ws, actor) = (session.workspace.clone(), session.actor.clone());
        worker::spawn(move || job(&mut *ws.connection()?, &actor), Message::Done)
    }

    pub fn update(
        &mut self,
        message: Message,
        session: &Session,
    ) -> (Task<Message>, Option<Event>) {
        let own = session.actor.name.clone();
        match message {
            Message::Loaded(Ok((list, languages))) => {
                self.operators = list;
                self.languages = languages.into_iter().collect();
                self.loaded = true;
            }
            Message::Loaded(Err(e)) => self.error = Some(e),
            Message::NewName(v) => self.new_name = v,
            Message::NewRole(r) => self.new_role = r,
            Message::NewPassword(v) => self.new_password = v,
            Message::Add => {
                if self.busy || self.new_name.trim().is_empty() {
                    return (Task::none(), None);
                }
                let (name, role, password) = (
                    self.new_name.trim().to_string(),
                    self.new_role,
                    std::mem::take(&mut self.new_password),
                );
                return (
                    self.change(session, move |conn, actor| {
                        auth::create_operator(conn, actor, &name, role, &password)?;
                        Ok(Notice::Added(name, role))
                    }),
                    None,
                );
            }
            Message::SetRole(name, role) => {
                return (
                    self.change(session, move |conn, actor| {
                        let op = auth::operators::set_role(conn, actor, &name, role)?;
                        Ok(Notice::RoleChanged(op.name, op.role))
                    }),
                    None,
                );
            }
            Message::SetActive(name, active) => {
                return (
                    self.change(session, move |conn, actor| {
                        let op = auth::operators::set_active(conn, actor, &name, active)?;
                        Ok(if active {
                            Notice::Enabled(op.name)
                        } else {
                            Notice::Disabled(op.name)
                        })
                    }),
                    None,
                );
            }
            Message::ResetFor(name) => self.reset = Some((name, String::new())),
            Message::ResetPassword(v) => {
                if let Some((_, password)) = &mut self.reset {
                    *password = v;
                }
            }
            Message::ResetCancel => self.reset = None,
            Message::ResetSave => {
                let Some((name, password)) = self.reset.take() else {
                    return (Task::none(), None);
                };
                return (
                    self.change(session, move |conn, actor| {
                        auth::operators::set_password(conn, actor, &name, &password)?;
                        Ok(Notice::PasswordSet(name))
                    }),
                    None,
                );
            }
            Message::Done(Ok(notice)) => {
                self.busy = false;
                self.notice = Some(notice);
                self.new_name.clear();
                return (State::load(session), None);
            }
            Message::Done(Err(e)) => {
                self.busy = false;
                self.error = Some(e);
            }
        }
        // Whoever's rights changed under them signs in again.
        let me = self.operators.iter().find(|o| o.name == own);
        if me.is_some_and(|o| !o.active || o.role != session.actor.role) {
            return (Task::none(), Some(Event::SignOut));
        }
        (Task::none(), None)
    }

    pub fn view(&self) -> Element<'_, Message> {
        let idle = !self.busy;
        let add = row![
            text_input(&t!("operators-new-name"), &self.new_name)
                .id(NAME_INPUT)
                .on_input(Message::NewName)
                .padding(8)
                .width(220),
            pick_list(RoleChoice::ALL, Some(RoleChoice(self.new_role)), |r| {
                Message::NewRole(r.0)
            })
            .width(160),
            text_input(&t!("operators-new-password"), &self.new_password)
                .secure(true)
                .on_input(Message::NewPassword)
                .on_submit(Message::Add)
                .padding(8)
                .width(260),
            button(text(t!("operators-add")))
                .padding([8, 16])
                .on_press_maybe(idle.then_some(Message::Add)),
        ]
        .spacing(10)
        .align_y(Center);

        let now = accredit::clock::now();
        let header = row![
            text(t!("operators-column-operator")).width(200),
            text(t!("operators-column-role")).width(180),
            text(t!("operators-column-language")).width(140),
            text(t!("operators-column-state")).width(Fill),
            text("").width(250),
        ]
        .spacing(12);
        let rows = self.operators.iter().fold(column![].spacing(6), |col, o| {
            let state = if !o.active {
                (
                    t!("operators-state-disabled"),
                    style::status_colour(accredit::domain::ParticipantStatus::Cancelled),
                )
            } else if o.is_locked(now) {
                (
                    t!("operators-state-locked"),
                    style::status_colour(accredit::domain::ParticipantStatus::Rejected),
                )
            } else {
                (
                    t!("operators-state-active"),
                    style::status_colour(accredit::domain::ParticipantStatus::Approved),
                )
            };
            let name = o.name.clone();
            let language = match self.languages.get(&o.id) {
                Some(language) => language.native_name().to_owned(),
                None => t!("operators-language-default"),
            };
            let toggle = if o.active {
                button(text(t!("operators-disable")).size(14))
                    .style(button::secondary)
                    .on_press_maybe(idle.then(|| Message::SetActive(o.name.clone(), false)))
            } else {
                button(text(t!("operators-enable")).size(14))
                    .style(button::secondary)
                    .on_press_maybe(idle.then(|| Message::SetActive(o.name.clone(), true)))
            };
            col.push(
                row![
                    text(&o.name).width(200),
                    pick_list(RoleChoice::ALL, Some(RoleChoice(o.role)), move |r| {
                        Message::SetRole(name.clone(), r.0)
                    })
                    .width(180),
                    text(language).width(140),
                    text(state.0).color(state.1).width(Fill),
                    row![
                        toggle,
                        button(text(t!("operators-set-password")).size(14))
                            .style(button::secondary)
                            .on_press_maybe(idle.then(|| Message::ResetFor(o.name.clone()))),
                    ]
                    .spacing(8)
                    .width(250),
                ]
                .spacing(12)
                .align_y(Center),
            )
        });

        let mut page = column![
            text(t!("operators-title")).size(24),
            text(t!("operators-intro")).size(14),
            add,
        ]
        .spacing(12)
        .padding(16);
        // Right under the form, where the eye is after pressing "Set password…".
        if let Some((name, password)) = &self.reset {
            page = page.push(
                row![
                    text(t!("operators-new-password-for", name = name)),
                    text_input(&t!("operators-password-placeholder"), password)
                        .secure(true)
                        .on_input(Message::ResetPassword)
                        .on_submit(Message::ResetSave)
                        .padding(8)
                        .width(260),
                    button(text(t!("operators-save")))
                        .on_press_maybe(idle.then_some(Message::ResetSave)),
                    button(text(t!("operators-cancel")))
                        .style(button::secondary)
                        .on_press(Message::ResetCancel),
                ]
                .spacing(10)
                .align_y(Center),
            );
        }
        page = page.push(rule::horizontal(1)).push(header);
        if let Some(e) = &self.error {
            page = page.push(style::error_text(&e.to_string()));
        }
        if let Some(n) = &self.notice {
            page = page.push(text(n.text()));
        }
        if !self.loaded && self.error.is_none() {
            page = page.push(text(t!("operators-loading")));
        }
        page = page.push(scrollable(rows).height(Fill));
        container(page).width(Fill).height(Fill).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use accredit::auth::Actor;
    use accredit::workspace::Workspace;

    fn session(dir: &std::path::Path, actor: Actor) -> Session {
        Session::load(Workspace::new(dir), actor).unwrap()
    }

    fn demo() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        accredit::demo::create(
            &Workspace::new(dir.path()),
            5,
            accredit::demo::Dates::seed(),
            false,
        )
        .unwrap();
        dir
    }

    fn admin(dir: &std::path::Path) -> Actor {
        let conn = Workspace::new(dir).open().unwrap();
        auth::sign_in(&conn, "admin", "demo-admin", 0).unwrap()
    }

    /// Runs a change's job as the worker would, and feeds its outcome back.
    fn done(state: &mut State, s: &Session, outcome: Outcome<Notice>) -> Option<Event> {
        state.update(Message::Done(outcome), s).1
    }

    #[test]
    fn a_changed_list_signs_out_the_administrator_who_demoted_themselves() {
        let dir = demo();
        let s = session(dir.path(), admin(dir.path()));
        let mut state = State::new();
        let list =
            auth::operators::list(&Workspace::new(dir.path()).open().unwrap(), &s.actor).unwrap();
        assert!(
            state
                .update(Message::Loaded(Ok((list.clone(), Vec::new()))), &s)
                .1
                .is_none()
        );
        assert_eq!(state.operators().len(), 5);
        let demoted: Vec<Operator> = list
            .into_iter()
            .map(|mut o| {
                if o.name == "admin" {
                    o.role = Role::Supervisor;
                }
                o
            })
            .collect();
        let event = state
            .update(Message::Loaded(Ok((demoted, Vec::new()))), &s)
            .1;
        assert!(matches!(event, Some(Event::SignOut)));
    }

    #[test]
    fn the_form_keeps_the_password_out_of_the_state_once_sent() {
        let dir = demo();
        let s = session(dir.path(), admin(dir.path()));
        let mut state = State::new();
        let _ = state.update(Message::NewName("desk2".into()), &s);
        let _ = state.update(Message::NewRole(Role::Gate), &s);
        let _ = state.update(Message::NewPassword("desk2-password".into()), &s);
        let _ = state.update(Message::Add, &s);
        assert!(state.new_password.is_empty());
        assert!(state.busy);
        assert!(
            done(
                &mut state,
                &s,
                Err(JobError::from(accredit::Error::Refused(
                    "an operator named \"desk2\" already exists".into()
                )))
            )
            .is_none()
        );
        assert!(!state.busy);
        assert!(
            state
                .error
                .as_ref()
                .is_some_and(|e| e.to_string().contains("already exists"))
        );
        let _ = state.update(Message::ResetFor("clerk".into()), &s);
        let _ = state.update(Message::ResetPassword("new-password".into()), &s);
        let _ = state.update(Message::ResetSave, &s);
        assert!(
            state.reset.is_none(),
            "the typed password is gone once sent"
        );
    }

    #[test]
    fn the_screen_lists_operators_and_offers_their_actions() {
        let dir = demo();
        let s = session(dir.path(), admin(dir.path()));
        // The clerk works in Vietnamese; the others in the machine's language.
        {
            let mut conn = Workspace::new(dir.path()).open().unwrap();
            let clerk = auth::sign_in(&conn, "clerk", "demo-clerk", 0).unwrap();
            auth::set_own_language(&mut conn, &clerk, Some(Language::Vietnamese)).unwrap();
        }
        let mut state = State::new();
        for message in crate::gui::tests::harness::messages(State::load(&s)) {
            let _ = state.update(message, &s);
        }
        assert_eq!(state.operators().len(), 5);
        let mut ui = iced_test::simulator(state.view());
        assert!(ui.find("supervisor").is_ok());
        assert!(ui.find("Add operator").is_ok());
        assert!(ui.find("Language").is_ok());
        assert!(ui.find("Tiếng Việt").is_ok(), "the clerk's language");
        assert!(ui.find("machine default").is_ok(), "the others'");
        let _ = ui.click("Set password…");
        let messages: Vec<Message> = ui.into_messages().collect();
        assert!(
            matches!(messages.first(), Some(Message::ResetFor(name)) if name == "admin"),
            "{messages:?}"
        );
    }

    #[test]
    fn the_screen_speaks_vietnamese() {
        let _vi = accredit::i18n::LanguageScope::new(Language::Vietnamese);
        let dir = demo();
        let s = session(dir.path(), admin(dir.path()));
        let mut state = State::new();
        for message in crate::gui::tests::harness::messages(State::load(&s)) {
            let _ = state.update(message, &s);
        }
        let _ = done(
            &mut state,
            &s,
            Ok(Notice::RoleChanged("clerk".into(), Role::Supervisor)),
        );
        // The roles' pickers draw their names, which `find` does not see: the
        // notice names one.
        let mut ui = iced_test::simulator(state.view());
        for words in [
            "Người dùng",
            "Thêm người dùng",
            "Đặt mật khẩu…",
            "mặc định của máy",
            "clerk nay là giám sát viên.",
        ] {
            assert!(ui.find(words).is_ok(), "{words}");
        }
    }
}
