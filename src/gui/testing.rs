//! Helpers for the GUI's tests: run a screen's `Task` to completion (the
//! worker jobs really run, on the test's data directory) and collect the
//! messages it produces, to feed them back to `update` as the runtime would.

use iced::Task;
use iced_test::futures::futures::{StreamExt, executor};
use iced_test::runtime::{Action, task};

/// Every message the task outputs, in order; widget operations (focus,
/// scrolling) are dropped, as there is no window.
pub fn run<M: Send + 'static>(t: Task<M>) -> Vec<M> {
    let Some(stream) = task::into_stream(t) else {
        return Vec::new();
    };
    executor::block_on(
        stream
            .filter_map(|action| async move {
                match action {
                    Action::Output(m) => Some(m),
                    _ => None,
                }
            })
            .collect(),
    )
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
