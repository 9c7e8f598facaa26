//! Blocking work (database, PDF, files) off the UI thread: each job runs on
//! its own thread and its result comes back as a message. A job that fails
//! or panics comes back as an error text for the window to show.

use std::panic::AssertUnwindSafe;

use iced::Task;
use iced::futures::channel::oneshot;

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
