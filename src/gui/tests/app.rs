//! The application as a clerk meets it, for the flow tests: signed in on
//! the demo, clicked and typed into through `iced_test` at 1366 × 768, its
//! tasks run as the runtime would (`harness::drive`).

use iced::{Settings, Task};
use iced_test::{Simulator, selector};

use super::harness::{Demo, drive};
use crate::gui::screen::participant;
use crate::gui::screen::participants::SEARCH_INPUT;
use crate::gui::screen::sign_in;
use crate::gui::{App, Desk, Message};
use accredit::domain::{Participant, ParticipantStatus};
use accredit::lookup;

/// The application after `operator` signed in on the demo.
pub(super) fn signed_in(demo: &Demo, operator: &str) -> App {
    let (mut app, boot) = App::boot(demo.workspace.clone(), false);
    run(&mut app, boot);
    for message in [
        sign_in::Message::NameChanged(operator.into()),
        sign_in::Message::PasswordChanged(format!("demo-{operator}")),
        sign_in::Message::Submit,
    ] {
        let task = app.update(Message::SignIn(message));
        run(&mut app, task);
    }
    assert!(matches!(app, App::Desk(_)), "{operator} is signed in");
    app
}

pub(super) fn run(app: &mut App, task: Task<Message>) {
    drive(task, |m| app.update(m));
}

pub(super) fn desk(app: &App) -> &Desk {
    match app {
        App::Desk(desk) => desk,
        _ => panic!("the desk is not shown"),
    }
}

pub(super) fn detail(app: &App) -> &participant::State {
    &desk(app).detail.as_ref().expect("a participant is open").1
}

pub(super) fn simulator(app: &App) -> Simulator<'_, Message> {
    Simulator::with_size(Settings::default(), (1366.0, 768.0), app.view())
}

/// Runs the messages a simulation produced through the application.
pub(super) fn apply(app: &mut App, messages: Vec<Message>) {
    for message in messages {
        let task = app.update(message);
        run(app, task);
    }
}

/// Clicks the widget showing `label` and lets the application react.
pub(super) fn click(app: &mut App, label: &str) {
    let mut ui = simulator(app);
    ui.click(label)
        .unwrap_or_else(|e| panic!("cannot click {label:?}: {e}"));
    let messages: Vec<Message> = ui.into_messages().collect();
    apply(app, messages);
}

/// Clicks the text input with `id` and types `text` into it.
pub(super) fn type_into(app: &mut App, id: &'static str, text: &str) {
    let mut ui = simulator(app);
    ui.click(selector::id(id))
        .unwrap_or_else(|e| panic!("no input {id}: {e}"));
    ui.tap_key(iced::keyboard::key::Named::End);
    ui.typewrite(text);
    let messages: Vec<Message> = ui.into_messages().collect();
    apply(app, messages);
}

pub(super) fn shows(app: &App, label: &str) -> bool {
    simulator(app).find(label).is_ok()
}

pub(super) fn find_participant(
    demo: &Demo,
    status: ParticipantStatus,
    with_badge: bool,
) -> Participant {
    let conn = demo.workspace.open().unwrap();
    lookup::participants::list(&conn, &lookup::participants::Filter::default())
        .unwrap()
        .into_iter()
        .find(|p| {
            p.status == status
                && lookup::badges::active_for(&conn, p.id)
                    .unwrap()
                    .is_some_and(|b| b.print_count > 0)
                    == with_badge
        })
        .expect("a demo participant of that kind")
}

pub(super) fn open_by_search(app: &mut App, p: &Participant) {
    let name = p.details.display_name();
    type_into(app, SEARCH_INPUT, &p.details.document.number);
    assert_eq!(
        desk(app).participants.shown_count(),
        1,
        "one hit for {name}"
    );
    // A click on the selected row opens it (the first hit is selected as
    // the search narrows; otherwise the first click selects it).
    click(app, &name);
    if desk(app).detail.is_none() {
        click(app, &name);
    }
    assert_eq!(detail(app).id(), p.id);
}
