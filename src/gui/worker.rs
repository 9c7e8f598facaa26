//! Blocking work (database, PDF, files) off the UI thread: each job runs on
//! its own thread and its result comes back as a message. A job that fails
//! or panics comes back as an error text for the window to show. A job
//! speaks the language of the thread that started it (what it says reaches
//! the same window).

use std::panic::AssertUnwindSafe;

use iced::Task;
use iced::futures::channel::{mpsc, oneshot};

/// What a background job gives back: its value, or what went wrong in words.
pub type Outcome<T> = Result<T, String>;

/// Runs `job` on a new thread; `done` turns its outcome into a message.
pub fn spawn<T, M>(
    job: impl FnOnce() -> accredit::Result<T> + Send + 'static,
    done: impl Fn(Outcome<T>) -> M + Send + 'static,
) -> Task<M>
where
    T: Send + 'static,
    M: Send + 'static,
{
    let (tx, rx) = oneshot::channel();
    let language = accredit::i18n::current();
    let spawned = std::thread::Builder::new()
        .name("accredit-worker".into())
        .spawn(move || {
            let _language = accredit::i18n::LanguageScope::new(language);
            let outcome = match std::panic::catch_unwind(AssertUnwindSafe(job)) {
                Ok(Ok(value)) => Ok(value),
                Ok(Err(e)) => Err(e.to_string()),
                Err(_) => Err(accredit::t!("common-error-internal")),
            };
            let _ = tx.send(outcome);
        });
    if let Err(e) = spawned {
        return Task::done(done(Err(accredit::t!(
            "common-error-not-started",
            error = e.to_string()
        ))));
    }
    Task::perform(rx, move |received| {
        done(received.unwrap_or_else(|_| Err(accredit::t!("common-error-interrupted"))))
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
    job: impl FnOnce(&dyn Fn(usize)) -> accredit::Result<T> + Send + 'static,
    on: impl Fn(Progress<T>) -> M + Send + 'static,
) -> Task<M>
where
    T: Send + 'static,
    M: Send + 'static,
{
    let (tx, rx) = mpsc::unbounded();
    let language = accredit::i18n::current();
    let spawned = std::thread::Builder::new()
        .name("accredit-worker".into())
        .spawn(move || {
            let _language = accredit::i18n::LanguageScope::new(language);
            let report = |n: usize| {
                let _ = tx.unbounded_send(Progress::Step(n));
            };
            let outcome = match std::panic::catch_unwind(AssertUnwindSafe(|| job(&report))) {
                Ok(Ok(value)) => Ok(value),
                Ok(Err(e)) => Err(e.to_string()),
                Err(_) => Err(accredit::t!("common-error-internal")),
            };
            let _ = tx.unbounded_send(Progress::Done(outcome));
        });
    if let Err(e) = spawned {
        return Task::done(on(Progress::Done(Err(accredit::t!(
            "common-error-not-started",
            error = e.to_string()
        )))));
    }
    Task::run(rx, on)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::tests::harness::messages;
    use accredit::i18n::{Language, LanguageScope};

    #[test]
    fn a_job_speaks_the_language_of_the_thread_that_started_it() {
        let _vi = LanguageScope::new(Language::Vietnamese);
        let said = messages(spawn(
            || Ok(accredit::t!("common-tab-gate")),
            |outcome: Outcome<String>| outcome,
        ));
        assert_eq!(said, vec![Ok("Cổng kiểm soát".to_owned())]);
        let failed = messages(spawn(
            || -> accredit::Result<()> { panic!("a job that breaks") },
            |outcome| outcome,
        ));
        assert_eq!(
            failed,
            vec![Err(
                "lỗi nội bộ: thao tác dừng đột ngột (chi tiết trong stderr)".to_owned()
            )]
        );
    }
}
