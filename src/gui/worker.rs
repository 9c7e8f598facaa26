//! Blocking work (database, PDF, files) off the UI thread: each job runs on
//! its own thread and its result comes back as a message. A job that fails
//! or panics comes back as a [`JobError`], which every screen keeps until
//! its view puts it in words. A job speaks the language of the thread that
//! started it (what it says reaches the same window).

use std::fmt;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;

use iced::Task;
use iced::futures::channel::{mpsc, oneshot};

/// What a background job gives back: its value, or what went wrong.
pub type Outcome<T> = Result<T, JobError>;

/// Why a background job gave back no value, kept as it came: what shows it
/// decides the words (`Display`, in the language of the moment).
#[derive(Debug, Clone)]
pub enum JobError {
    /// The core's error.
    Failed(Arc<accredit::Error>),
    /// The job panicked (the details went to stderr).
    Panicked,
    /// Its thread could not be started.
    NotStarted(Arc<std::io::Error>),
    /// Its thread ended without an answer.
    Interrupted,
}

impl From<accredit::Error> for JobError {
    fn from(e: accredit::Error) -> JobError {
        JobError::Failed(Arc::new(e))
    }
}

impl fmt::Display for JobError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JobError::Failed(e) => e.fmt(f),
            JobError::Panicked => f.write_str(&accredit::t!("common-error-internal")),
            JobError::NotStarted(e) => f.write_str(&accredit::t!(
                "common-error-not-started",
                error = e.to_string()
            )),
            JobError::Interrupted => f.write_str(&accredit::t!("common-error-interrupted")),
        }
    }
}

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
            let _ = tx.send(run(job));
        });
    if let Err(e) = spawned {
        return Task::done(done(Err(JobError::NotStarted(Arc::new(e)))));
    }
    Task::perform(rx, move |received| {
        done(received.unwrap_or(Err(JobError::Interrupted)))
    })
}

/// Runs `job` here, a panic caught as [`JobError::Panicked`].
fn run<T>(job: impl FnOnce() -> accredit::Result<T>) -> Result<T, JobError> {
    match std::panic::catch_unwind(AssertUnwindSafe(job)) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => Err(JobError::from(e)),
        Err(_) => Err(JobError::Panicked),
    }
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
            let _ = tx.unbounded_send(Progress::Done(run(|| job(&report))));
        });
    if let Err(e) = spawned {
        return Task::done(on(Progress::Done(Err(JobError::NotStarted(Arc::new(e))))));
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
        let said: Vec<_> = said
            .into_iter()
            .map(|o| o.map_err(|e| e.to_string()))
            .collect();
        assert_eq!(said, vec![Ok("Cổng kiểm soát".to_owned())]);
    }

    #[test]
    fn a_kept_error_is_the_cores_and_takes_its_words_where_it_is_shown() {
        let failed = messages(spawn(
            || -> accredit::Result<()> { Err(accredit::Error::not_found("delegation", "XYZ")) },
            |outcome: Outcome<()>| outcome,
        ));
        let [Err(JobError::Failed(e))] = failed.as_slice() else {
            panic!("{failed:?}")
        };
        assert!(matches!(
            **e,
            accredit::Error::NotFound {
                what: "delegation",
                ..
            }
        ));
        assert_eq!(e.to_string(), "delegation XYZ does not exist");
        let panicked = messages(spawn(
            || -> accredit::Result<()> { panic!("a job that breaks") },
            |outcome: Outcome<()>| outcome,
        ));
        let [Err(e @ JobError::Panicked)] = panicked.as_slice() else {
            panic!("{panicked:?}")
        };
        let _fr = LanguageScope::new(Language::French);
        let in_french = e.to_string();
        let _en = LanguageScope::new(Language::English);
        assert_ne!(in_french, e.to_string(), "worded when shown, not when made");
        assert_eq!(
            e.to_string(),
            "internal error: the operation stopped unexpectedly (details on stderr)"
        );
    }
}
