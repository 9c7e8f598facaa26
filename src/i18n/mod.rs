//! The user interface's words in its users' languages. Every string the GUI
//! shows, and the documents that take `--lang` (attendance report, receipt,
//! letters), come from the Fluent catalogues in `resources/locales/LANG/`,
//! compiled into the binary. The CLI's own messages and JSON stay English:
//! scripts read them.
//!
//! `t!` looks a message up in the current language (`t!(KEY, name = value)`
//! with KEY a string literal); `tr!(language, KEY, …)` in a given one (documents, the gate's second
//! language). Keys are literals at the call site, so the catalogue test can
//! find every key the code uses.

mod format;
mod language;

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

pub use format::{date_long, date_short, number};
pub use language::{Language, UnknownLanguage};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./resources/locales",
        fallback_language: "en",
        customise: |bundle| {
            // Unicode isolation marks around placeables show as boxes in
            // labels; names are isolated by the text shaper instead.
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(format::number_formatter(&bundle.locales)));
        },
    };
}

/// The application's language: set at start-up and when an operator signs
/// in. A thread may override it ([`LanguageScope`]), which is how tests run
/// screens in several languages at once.
static CURRENT: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static OVERRIDE: Cell<Option<Language>> = const { Cell::new(None) };
}

/// The language the interface speaks now, on this thread.
pub fn current() -> Language {
    OVERRIDE.with(Cell::get).unwrap_or_else(|| {
        let index = usize::from(CURRENT.load(Ordering::Relaxed));
        Language::ALL.get(index).copied().unwrap_or_default()
    })
}

/// Makes `language` the interface's language, for every thread that does
/// not override it.
pub fn set_current(language: Language) {
    let index = Language::ALL
        .iter()
        .position(|l| *l == language)
        .unwrap_or(0);
    CURRENT.store(u8::try_from(index).unwrap_or(0), Ordering::Relaxed);
}

/// This thread speaks `language` until the scope is dropped.
#[must_use = "the language holds only while the scope lives"]
pub struct LanguageScope {
    previous: Option<Language>,
}

impl LanguageScope {
    pub fn new(language: Language) -> LanguageScope {
        LanguageScope {
            previous: OVERRIDE.with(|o| o.replace(Some(language))),
        }
    }
}

impl Drop for LanguageScope {
    fn drop(&mut self) {
        OVERRIDE.with(|o| o.set(self.previous));
    }
}

/// A value for a message's placeable: text (names stay as entered) or a
/// number (formatted, and chosen on for plurals, per language).
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(v: &str) -> Self {
        Arg::Text(v.to_owned())
    }
}
impl From<String> for Arg {
    fn from(v: String) -> Self {
        Arg::Text(v)
    }
}
impl From<&String> for Arg {
    fn from(v: &String) -> Self {
        Arg::Text(v.clone())
    }
}
impl From<Cow<'_, str>> for Arg {
    fn from(v: Cow<'_, str>) -> Self {
        Arg::Text(v.into_owned())
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless, reason = "counts in a sentence, far below 2^52")]
            fn from(v: $t) -> Self { Arg::Number(v as f64) }
        }
        impl From<&$t> for Arg {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless, reason = "counts in a sentence, far below 2^52")]
            fn from(v: &$t) -> Self { Arg::Number(*v as f64) }
        }
    )*};
}
number_arg!(i32, i64, u8, u16, u32, u64, usize, f64);

fn language_id(language: Language) -> LanguageIdentifier {
    language
        .code()
        .parse()
        .unwrap_or_else(|_| LanguageIdentifier::default())
}

/// The message `key` in `language`, falling back to English; a key that no
/// catalogue holds comes back as itself, so a slip shows and is not blank.
pub fn lookup(language: Language, key: &str, args: &[(&'static str, Arg)]) -> String {
    let id = language_id(language);
    let found = if args.is_empty() {
        LOCALES.try_lookup(&id, key)
    } else {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Arg::Text(s) => FluentValue::from(s.clone()),
                    Arg::Number(n) => FluentValue::from(*n),
                };
                (Cow::Borrowed(*name), value)
            })
            .collect();
        LOCALES.try_lookup_with_args(&id, key, &args)
    };
    found.unwrap_or_else(|| key.to_owned())
}

/// Whether `language`'s own catalogue (not the English fallback) holds `key`.
pub fn has_own(language: Language, key: &str) -> bool {
    match LOCALES.lookup_single_language::<&str>(&language_id(language), key, None) {
        Ok(_) => true,
        // Formatted without its placeables' values, a message that has some
        // reports Fluent errors: it is there all the same. (The crate does
        // not export its error type, so its variant is read off its Debug.)
        Err(e) => format!("{e:?}").starts_with("FluentError"),
    }
}

/// The message KEY (a string literal) in the current language:
/// `t!(KEY)`, or `t!(KEY, count = n, name = s)` with placeables.
#[macro_export]
macro_rules! t {
    ($key:literal $(,)?) => {
        $crate::i18n::lookup($crate::i18n::current(), $key, &[])
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::lookup(
            $crate::i18n::current(),
            $key,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

/// The message KEY in a given language: `tr!(language, KEY, name = value)`.
#[macro_export]
macro_rules! tr {
    ($language:expr, $key:literal $(,)?) => {
        $crate::i18n::lookup($language, $key, &[])
    };
    ($language:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::lookup(
            $language,
            $key,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests;
