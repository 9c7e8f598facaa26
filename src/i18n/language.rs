//! The languages the application speaks, and how one is chosen.

use std::fmt;
use std::str::FromStr;

/// A language of the user interface. English, Vietnamese and French are
/// complete; Arabic, Chinese, Russian and Spanish cover the sign-in screen and
/// the gate, and fall back to English elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    #[default]
    English,
    Vietnamese,
    French,
    Arabic,
    Chinese,
    Russian,
    Spanish,
}

impl Language {
    /// Every language, in the order a picker lists them.
    pub const ALL: [Language; 7] = [
        Language::English,
        Language::Vietnamese,
        Language::French,
        Language::Arabic,
        Language::Chinese,
        Language::Russian,
        Language::Spanish,
    ];

    /// The BCP 47 code, also the folder under `resources/locales/`.
    pub const fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Vietnamese => "vi",
            Language::French => "fr",
            Language::Arabic => "ar",
            Language::Chinese => "zh",
            Language::Russian => "ru",
            Language::Spanish => "es",
        }
    }

    /// The language's name in itself, as a picker shows it.
    pub const fn native_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Vietnamese => "Tiếng Việt",
            Language::French => "Français",
            Language::Arabic => "العربية",
            Language::Chinese => "中文",
            Language::Russian => "Русский",
            Language::Spanish => "Español",
        }
    }

    /// Whether every screen is translated (the others cover sign-in and the
    /// gate only).
    pub const fn is_complete(self) -> bool {
        matches!(
            self,
            Language::English | Language::Vietnamese | Language::French
        )
    }

    /// Written right to left.
    pub const fn is_right_to_left(self) -> bool {
        matches!(self, Language::Arabic)
    }

    /// Reads a language from a code or a POSIX locale: `vi`, `fr-FR`,
    /// `fr_CA.UTF-8`, `zh_CN`. `None` for a language the application does
    /// not speak (and for `C` or `POSIX`).
    pub fn from_locale(text: &str) -> Option<Language> {
        let language = text
            .split(['_', '-', '.', '@'])
            .next()?
            .trim()
            .to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.code() == language)
    }

    /// The language to start in: `ACCREDIT_LANG` when set, else the system's
    /// locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, as POSIX orders them), else
    /// English.
    pub fn from_environment() -> Language {
        Self::from_variables(|name| std::env::var(name).ok())
    }

    fn from_variables(var: impl Fn(&str) -> Option<String>) -> Language {
        if let Some(chosen) = var("ACCREDIT_LANG").and_then(|v| Language::from_locale(&v)) {
            return chosen;
        }
        // The first variable that is set decides, as in setlocale(3): a set
        // LC_ALL of a language we lack means English, not LANG's language.
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()))
            .and_then(|v| Language::from_locale(&v))
            .unwrap_or_default()
    }
}

impl fmt::Display for Language {
    /// The native name, so a `pick_list` shows each language in itself.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.native_name())
    }
}

/// The text is not the code of a language the application speaks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a language Accredit speaks (one of en, vi, fr, ar, zh, ru, es)")]
pub struct UnknownLanguage(pub String);

impl FromStr for Language {
    type Err = UnknownLanguage;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Language::from_locale(s).ok_or_else(|| UnknownLanguage(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_name_their_language() {
        assert_eq!(
            Language::from_locale("vi_VN.UTF-8"),
            Some(Language::Vietnamese)
        );
        assert_eq!(Language::from_locale("fr-CA"), Some(Language::French));
        assert_eq!(Language::from_locale("zh_CN"), Some(Language::Chinese));
        assert_eq!(Language::from_locale("AR"), Some(Language::Arabic));
        assert_eq!(Language::from_locale("C.UTF-8"), None);
        assert_eq!(Language::from_locale("de_DE"), None);
        assert_eq!(
            "xx".parse::<Language>(),
            Err(UnknownLanguage("xx".to_owned()))
        );
    }

    #[test]
    fn accredit_lang_comes_first_then_the_posix_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(
            Language::from_variables(env(&[("ACCREDIT_LANG", "vi"), ("LANG", "fr_FR")])),
            Language::Vietnamese
        );
        assert_eq!(
            Language::from_variables(env(&[("LANG", "fr_FR.UTF-8")])),
            Language::French
        );
        assert_eq!(
            Language::from_variables(env(&[("LC_ALL", "C"), ("LANG", "fr_FR")])),
            Language::English
        );
        assert_eq!(
            Language::from_variables(env(&[("ACCREDIT_LANG", "klingon"), ("LANG", "ru_RU")])),
            Language::Russian
        );
        assert_eq!(Language::from_variables(env(&[])), Language::English);
    }
}
