//! Fixtures for the GUI tests: a demo store, an offline session, a
//! simulator the size of the window, and the runtime's part (run a screen's
//! `Task` to completion, the worker jobs really running, and feed its
//! messages back to `update`).

use iced::Task;
use iced::futures::StreamExt;
use iced::futures::executor::block_on;
use iced_test::runtime::Action;
use iced_test::runtime::task::into_stream;

use crate::gui::Session;
use crate::gui::screen::participants::Choice;
use accredit::auth::Actor;
use accredit::domain::Role;
use accredit::workspace::Workspace;

/// A demo event in a temporary directory, removed when dropped.
pub struct Demo {
    _dir: tempfile::TempDir,
    pub workspace: Workspace,
}

impl Demo {
    pub fn new(participants: usize) -> Demo {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let workspace = Workspace::new(dir.path());
        // Under way now, as the GUI's own demo: the screens run at the real clock.
        let dates = accredit::demo::Dates::around(accredit::clock::now());
        accredit::demo::create(&workspace, participants, dates, false).expect("the demo event");
        Demo {
            _dir: dir,
            workspace,
        }
    }
}

/// A session with no store behind it, for `update()` tests whose tasks are
/// never run.
pub fn offline_session(role: Role) -> Session {
    let choices = |all: &str, items: &[(i64, &str)]| {
        let mut v = vec![Choice {
            id: None,
            label: all.into(),
        }];
        v.extend(items.iter().map(|(id, label)| Choice {
            id: Some(*id),
            label: (*label).into(),
        }));
        v
    };
    Session {
        // Under a device file: a job that runs anyway fails at once, creating nothing.
        workspace: Workspace::new("/dev/null/accredit-test"),
        actor: Actor {
            operator: None,
            name: role.as_str().into(),
            role,
        },
        // Under way now, as a demo made today: prints need no confirming.
        event: accredit::demo::event(&accredit::demo::Dates::around(accredit::clock::now()))
            .expect("the demo event"),
        delegation_choices: choices(
            "All delegations",
            &[(1, "VNM — Viet Nam"), (2, "FRA — France")],
        ),
        category_choices: choices(
            "All categories",
            &[(1, "HOS — Head of State"), (3, "DEL — Delegate")],
        ),
    }
}

/// Runs `task` to its end and returns the messages it produced (widget
/// operations such as focus or scrolling are dropped).
pub fn messages<M: Send + 'static>(task: Task<M>) -> Vec<M> {
    let Some(stream) = into_stream(task) else {
        return Vec::new();
    };
    block_on(
        stream
            .filter_map(|action| async move {
                match action {
                    Action::Output(message) => Some(message),
                    _ => None,
                }
            })
            .collect(),
    )
}

/// Feeds the messages of `task` to `update`, and those of the tasks it
/// returns, until nothing is left: what the runtime does between frames.
pub fn drive<M: Send + 'static>(task: Task<M>, mut update: impl FnMut(M) -> Task<M>) {
    let mut pending = vec![task];
    while let Some(task) = pending.pop() {
        for message in messages(task) {
            pending.push(update(message));
        }
    }
}

/// A simulator of `element` in a window the size the application opens.
pub fn simulator<'a, M>(
    element: impl Into<iced::Element<'a, M>>,
) -> iced_test::Simulator<'a, M, iced::Theme, iced::Renderer> {
    iced_test::Simulator::with_size(
        iced::Settings::default(),
        iced::Size::new(1366.0, 768.0),
        element,
    )
}
