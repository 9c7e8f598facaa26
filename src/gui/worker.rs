//! Blocking work (database, PDF, files) off the UI thread: each job runs on
//! its own thread and its result comes back as a message. A job that fails
//! or panics comes back as an error text for the window to show.

use std::panic::AssertUnwindSafe;

use iced::Task;
use iced::futures::channel::{mpsc, oneshot};

/// What a background job gives back: its value, or what went wrong in words.
pub type Outcome<T> = Result<T, String>;

/// Runs `job` on a new thread; `done` turns its outcome into a message.
pub fn spawn<T, M>(
    job: impl FnOnce() -> crate::Result<T> + Send + 'static,
    done: impl Fn(Outcome<T>) -> M + Send + 'static,
) -> Task<M>
where
    T: Send + 'static,
    M: Send + 'static,
{
    let (tx, rx) = oneshot::channel();
    let spawned = std::thread::Builder::new()
        .name("accredit-worker".into())
        .spawn(move || {
            let outcome = match std::panic::catch_unwind(AssertUnwindSafe(job)) {
                Ok(Ok(value)) => Ok(value),
                Ok(Err(e)) => Err(e.to_string()),
                Err(_) => Err(
                    "internal error: the operation stopped unexpectedly (details on stderr)".into(),
                ),
            };
            let _ = tx.send(outcome);
        });
    if let Err(e) = spawned {
        return Task::done(done(Err(format!("could not start the operation: {e}"))));
    }
    Task::perform(rx, move |received| {
        done(received.unwrap_or_else(|_| Err("the operation was interrupted".into())))
    })
}

/// What a job that reports progress sends: steps as it goes, then its outcome.
#[derive(Debug, Clone)]
pub enum Progress<T> {
    /// How far the job is (its own unit, e.g. badges rendered).
    Step(usize),
    Done(Outcome<T>),
}

/// Runs `job` on a new thread; it reports progress through the function it
/// is given, and `on` turns each report and the outcome into a message.
pub fn spawn_with_progress<T, M>(
    job: impl FnOnce(&dyn Fn(usize)) -> crate::Result<T> + Send + 'static,
    on: impl Fn(Progress<T>) -> M + Send + 'static,
) -> Task<M>
where
    T: Send + 'static,
    M: Send + 'static,
{
    let (tx, rx) = mpsc::unbounded();
    let spawned = std::thread::Builder::new()
        .name("accredit-worker".into())
        .spawn(move || {
            let report = |n: usize| {
                let _ = tx.unbounded_send(Progress::Step(n));
            };
            let outcome = match std::panic::catch_unwind(AssertUnwindSafe(|| job(&report))) {
                Ok(Ok(value)) => Ok(value),
                Ok(Err(e)) => Err(e.to_string()),
                Err(_) => Err(
                    "internal error: the operation stopped unexpectedly (details on stderr)".into(),
                ),
            };
            let _ = tx.unbounded_send(Progress::Done(outcome));
        });
    if let Err(e) = spawned {
        return Task::done(on(Progress::Done(Err(format!(
            "could not start the operation: {e}"
        )))));
    }
    Task::run(rx, on)
}
