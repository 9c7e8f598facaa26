//! Sign-in: every action in the store is attributed to an operator. The
//! screen also picks the language: the one chosen here is saved for the
//! operator who signs in; without a choice, the operator's saved language
//! (else the machine's) is switched to.

use std::sync::OnceLock;

use iced::widget::{button, column, container, pick_list, row, text, text_input};
use iced::{Center, Element, Fill, Task};

use crate::gui::style;
use crate::gui::worker::{self, JobError, Outcome};
use accredit::auth::{self, Actor, SignedIn};
use accredit::clock;
use accredit::domain::Role;
use accredit::i18n::Language;
use accredit::t;
use accredit::workspace::Workspace;

/// The machine's language: `ACCREDIT_LANG`, else the system's locale, read
/// once when the application starts.
static MACHINE_LANGUAGE: OnceLock<Language> = OnceLock::new();

/// Starts the interface in the machine's language, which is also the
/// language of every operator who saved none. Called once at start-up.
pub fn use_machine_language() {
    let language = *MACHINE_LANGUAGE.get_or_init(Language::from_environment);
    accredit::i18n::set_current(language);
}

/// The machine's language (English until [`use_machine_language`] ran, as in
/// tests).
fn machine_language() -> Language {
    MACHINE_LANGUAGE.get().copied().unwrap_or_default()
}

/// The language an operator works in once signed in: the one picked on the
/// sign-in screen, else the one they saved, else the machine's.
pub fn language_after_sign_in(picked: Option<Language>, saved: Option<Language>) -> Language {
    picked.or(saved).unwrap_or_else(machine_language)
}

/// A role's name in the interface's language (the sign-in's demo list and
/// the operators screen).
pub fn role_name(role: Role) -> String {
    match role {
        Role::Administrator => t!("sign-in-role-administrator"),
        Role::Supervisor => t!("sign-in-role-supervisor"),
        Role::Clerk => t!("sign-in-role-clerk"),
        Role::Gate => t!("sign-in-role-gate"),
        Role::Viewer => t!("sign-in-role-viewer"),
    }
}

pub struct State {
    workspace: Workspace,
    event_name: String,
    pub name: String,
    pub password: String,
    busy: bool,
    error: Option<JobError>,
    /// The language chosen on this screen, if any: saved for the operator
    /// who signs in.
    picked: Option<Language>,
    /// On the demo event only: its operators and passwords, to sign in with.
    demo_operators: Vec<(&'static str, Role, String)>,
}

#[derive(Debug, Clone)]
pub enum Message {
    NameChanged(String),
    PasswordChanged(String),
    /// A language was chosen: the interface speaks it at once.
    LanguagePicked(Language),
    Submit,
    Done(Outcome<SignedIn>),
    /// Whether the event is the demo (its operators are then listed).
    DemoChecked(Outcome<bool>),
    /// An operator of the demo's list was chosen: the form is filled in.
    UseDemoOperator(String, String),
    OpenAnotherDirectory,
}

pub enum Event {
    SignedIn(Actor),
    /// Open another data directory (another event).
    OpenAnotherDirectory,
}

pub const NAME_INPUT: &str = "sign-in-name";

impl State {
    /// The screen, and the task that finds out whether the event is the
    /// demo.
    pub fn new(workspace: Workspace, event_name: String) -> (State, Task<Message>) {
        let ws = workspace.clone();
        let check = worker::spawn(
            move || accredit::demo::is_demo(&*ws.connection()?),
            Message::DemoChecked,
        );
        (
            State {
                workspace,
                event_name,
                name: String::new(),
                password: String::new(),
                busy: false,
                error: None,
                picked: None,
                demo_operators: Vec::new(),
            },
            check,
        )
    }

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        match message {
            Message::NameChanged(v) => self.name = v,
            Message::PasswordChanged(v) => self.password = v,
            Message::LanguagePicked(language) => {
                self.picked = Some(language);
                accredit::i18n::set_current(language);
            }
            Message::Submit => {
                if self.busy || self.name.trim().is_empty() {
                    return (Task::none(), None);
                }
                self.busy = true;
                self.error = None;
                let (ws, name, password, picked) = (
                    self.workspace.clone(),
                    self.name.clone(),
                    self.password.clone(),
                    self.picked,
                );
                let task = worker::spawn(
                    move || {
                        let mut conn = ws.connection()?;
                        let signed = auth::sign_in_operator(&conn, &name, &password, clock::now())?;
                        // The language chosen here becomes the operator's own.
                        if let Some(language) = picked {
                            auth::set_own_language(&mut conn, &signed.actor, Some(language))?;
                        }
                        Ok(signed)
                    },
                    Message::Done,
                );
                return (task, None);
            }
            Message::Done(Ok(signed)) => {
                self.busy = false;
                self.password.clear();
                accredit::i18n::set_current(language_after_sign_in(self.picked, signed.language));
                return (Task::none(), Some(Event::SignedIn(signed.actor)));
            }
            Message::Done(Err(e)) => {
                self.busy = false;
                self.password.clear();
                self.error = Some(e);
            }
            Message::DemoChecked(Ok(true)) => {
                self.demo_operators = accredit::demo::operator_passwords();
            }
            // Not the demo, or not known: sign in as usual.
            Message::DemoChecked(_) => self.demo_operators.clear(),
            Message::UseDemoOperator(name, password) => {
                self.name = name;
                self.password = password;
            }
            Message::OpenAnotherDirectory => {
                return (Task::none(), Some(Event::OpenAnotherDirectory));
            }
        }
        (Task::none(), None)
    }

    pub fn view(&self) -> Element<'_, Message> {
        let submit = (!self.busy).then_some(Message::Submit);
        let language = row![
            text(t!("sign-in-language")).size(14),
            pick_list(
                Language::ALL,
                Some(accredit::i18n::current()),
                Message::LanguagePicked
            )
            .text_size(14),
        ]
        .spacing(8)
        .align_y(Center);
        let mut form = column![
            text(&self.event_name).size(22).align_x(Center),
            text(t!("sign-in-title")).size(30),
            text_input(&t!("sign-in-operator"), &self.name)
                .id(NAME_INPUT)
                .on_input(Message::NameChanged)
                .on_submit(Message::Submit)
                .padding(10),
            text_input(&t!("sign-in-password"), &self.password)
                .secure(true)
                .on_input(Message::PasswordChanged)
                .on_submit(Message::Submit)
                .padding(10),
            button(text(t!("sign-in-submit")))
                .padding([10, 24])
                .on_press_maybe(submit),
            language,
        ]
        .spacing(14)
        .align_x(Center)
        .max_width(420);
        if let Some(e) = &self.error {
            form = form.push(style::error_text(&e.to_string()));
        }
        if !self.demo_operators.is_empty() {
            form = form.push(self.demo_operators_view());
        }
        form = form.push(
            button(text(t!("sign-in-open-another-directory")).size(13))
                .style(button::text)
                .on_press(Message::OpenAnotherDirectory),
        );
        container(form).center(Fill).into()
    }

    /// The demo's operators, one per role, with their passwords: a click
    /// fills the form in.
    fn demo_operators_view(&self) -> Element<'_, Message> {
        let mut list = column![text(t!("sign-in-demo-intro")).size(14)]
            .spacing(4)
            .align_x(Center);
        for (name, role, password) in &self.demo_operators {
            list = list.push(
                button(
                    text(t!(
                        "sign-in-demo-operator",
                        name = *name,
                        role = role_name(*role),
                        password = password
                    ))
                    .size(14),
                )
                .style(button::text)
                .on_press(Message::UseDemoOperator(name.to_string(), password.clone())),
            );
        }
        container(list)
            .padding(10)
            .style(container::bordered_box)
            .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::tests::harness::{messages, simulator};

    fn opened(ws: Workspace) -> State {
        let (mut state, check) = State::new(ws, "An event".into());
        for message in messages(check) {
            let _ = state.update(message);
        }
        state
    }

    #[test]
    fn the_demo_s_sign_in_lists_its_operators() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path());
        accredit::demo::create(&ws, 5, accredit::demo::Dates::seed(), false).unwrap();
        let mut state = opened(ws);
        let mut ui = simulator(state.view());
        for (name, role) in accredit::demo::OPERATORS {
            let line = format!("{name} ({role}) — password demo-{name}");
            assert!(ui.find(line.as_str()).is_ok(), "{line}");
        }
        // A click fills the form in.
        let _ = ui.click("gate (gate) — password demo-gate");
        let clicked: Vec<Message> = ui.into_messages().collect();
        for message in clicked {
            let _ = state.update(message);
        }
        assert_eq!(
            (state.name.as_str(), state.password.as_str()),
            ("gate", "demo-gate")
        );
    }

    #[test]
    fn the_language_picked_comes_first_then_the_operator_s_then_the_machine_s() {
        use Language::{English, French, Vietnamese};
        assert_eq!(
            language_after_sign_in(Some(French), Some(Vietnamese)),
            French
        );
        assert_eq!(language_after_sign_in(None, Some(Vietnamese)), Vietnamese);
        assert_eq!(language_after_sign_in(Some(English), None), English);
        // No operator's language and no choice: the machine's (English in tests).
        assert_eq!(language_after_sign_in(None, None), English);
    }

    /// Signs in as `name` on `state`, running the job as the worker would.
    fn sign_in(state: &mut State, name: &str, password: &str) -> Option<Event> {
        let _ = state.update(Message::NameChanged(name.into()));
        let _ = state.update(Message::PasswordChanged(password.into()));
        let (task, event) = state.update(Message::Submit);
        assert!(event.is_none(), "the sign-in runs off the UI thread");
        let mut last = None;
        for message in messages(task) {
            last = state.update(message).1;
        }
        last
    }

    #[test]
    fn a_language_picked_on_the_sign_in_is_saved_for_the_operator() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path());
        accredit::demo::create(&ws, 5, accredit::demo::Dates::seed(), false).unwrap();
        let language_of = |name: &str| {
            let conn = ws.open().unwrap();
            let op = accredit::lookup::operators::find_by_name(&conn, name)
                .unwrap()
                .unwrap();
            accredit::lookup::operators::language(&conn, op.id)
                .unwrap()
                .map(|code| code.parse::<Language>().unwrap())
        };
        // The clerk works in Vietnamese, and picks English on this desk.
        {
            let mut conn = ws.open().unwrap();
            let clerk = auth::sign_in(&conn, "clerk", "demo-clerk", 0).unwrap();
            auth::set_own_language(&mut conn, &clerk, Some(Language::Vietnamese)).unwrap();
        }
        let mut state = opened(ws.clone());
        let mut ui = simulator(state.view());
        assert!(ui.find("Language").is_ok(), "the picker is on the screen");
        drop(ui);
        // English stays the language of every other test running at once.
        let _ = state.update(Message::LanguagePicked(Language::English));
        assert_eq!(accredit::i18n::current(), Language::English);
        let event = sign_in(&mut state, "clerk", "demo-clerk");
        let Some(Event::SignedIn(actor)) = event else {
            panic!("not signed in: {:?}", state.error)
        };
        assert_eq!(actor.name, "clerk");
        assert_eq!(language_of("clerk"), Some(Language::English));
        // Without a choice on the screen, nothing is saved.
        let mut state = opened(ws.clone());
        assert!(matches!(
            sign_in(&mut state, "supervisor", "demo-supervisor"),
            Some(Event::SignedIn(_))
        ));
        assert_eq!(language_of("supervisor"), None);
        // A wrong password saves nothing either.
        let mut state = opened(ws.clone());
        let _ = state.update(Message::LanguagePicked(Language::English));
        assert!(sign_in(&mut state, "viewer", "wrong").is_none());
        assert!(state.error.is_some());
        assert_eq!(language_of("viewer"), None);
    }

    #[test]
    fn a_real_event_s_sign_in_lists_nobody() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path());
        let event = accredit::demo::event(&accredit::demo::Dates::seed()).unwrap();
        accredit::setup::init(&ws, &event, "admin", "a long enough password").unwrap();
        let state = opened(ws);
        assert!(state.demo_operators.is_empty());
        let mut ui = simulator(state.view());
        assert!(matches!(
            ui.find("This is the demo conference. Sign in as:"),
            Err(iced_test::Error::SelectorNotFound { .. })
        ));
    }

    #[test]
    fn the_sign_in_speaks_every_language() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path());
        accredit::demo::create(&ws, 5, accredit::demo::Dates::seed(), false).unwrap();
        let state = opened(ws);
        for (language, words) in [
            (Language::Vietnamese, "Đăng nhập"),
            (Language::French, "Se connecter"),
            (Language::Arabic, "تسجيل الدخول"),
            (Language::Chinese, "登录"),
            (Language::Russian, "Войти"),
            (Language::Spanish, "Iniciar sesión"),
        ] {
            let _scope = accredit::i18n::LanguageScope::new(language);
            let mut ui = simulator(state.view());
            assert!(ui.find(words).is_ok(), "{language:?}: {words}");
        }
        let _vi = accredit::i18n::LanguageScope::new(Language::Vietnamese);
        let mut ui = simulator(state.view());
        let line = "gate (cán bộ kiểm soát) — mật khẩu demo-gate";
        assert!(ui.find(line).is_ok(), "{line}");
    }
}
