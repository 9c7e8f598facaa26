//! Numbers and dates as each language writes them. Fluent chooses plural
//! forms itself but prints numbers bare, so its bundles get a formatter that
//! groups thousands per language (CLDR's symbols for these seven languages);
//! dates take their words from the catalogues.

use fluent_bundle::FluentValue;
use fluent_templates::LanguageIdentifier;

use super::Language;

/// How a language writes numbers: the group separator, the decimal mark, and
/// the fewest integer digits that get grouped (Spanish leaves 4-digit
/// numbers whole: 3000, 30.000).
struct Symbols {
    group: &'static str,
    decimal: char,
    min_digits: usize,
}

const fn symbols(language: Language) -> Symbols {
    match language {
        Language::English | Language::Chinese | Language::Arabic => Symbols {
            group: ",",
            decimal: '.',
            min_digits: 4,
        },
        Language::Vietnamese => Symbols {
            group: ".",
            decimal: ',',
            min_digits: 4,
        },
        Language::Spanish => Symbols {
            group: ".",
            decimal: ',',
            min_digits: 5,
        },
        // A narrow no-break space, as CLDR has it: "3 000".
        Language::French => Symbols {
            group: "\u{202F}",
            decimal: ',',
            min_digits: 4,
        },
        Language::Russian => Symbols {
            group: "\u{00A0}",
            decimal: ',',
            min_digits: 4,
        },
    }
}

/// `n` as `language` writes it: 3,000 (en), 3.000 (vi), 3 000 (fr).
pub fn number(language: Language, n: i64) -> String {
    group(language, &n.to_string(), true)
}

/// Groups the integer part of a plain decimal ("-1234.5") and sets the
/// language's decimal mark.
fn group(language: Language, plain: &str, use_grouping: bool) -> String {
    let s = symbols(language);
    let (sign, unsigned) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain),
    };
    let (integer, fraction) = match unsigned.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (unsigned, None),
    };
    let mut out = String::from(sign);
    if use_grouping && integer.len() >= s.min_digits {
        for (i, digit) in integer.chars().enumerate() {
            if i > 0 && (integer.len() - i) % 3 == 0 {
                out.push_str(s.group);
            }
            out.push(digit);
        }
    } else {
        out.push_str(integer);
    }
    if let Some(fraction) = fraction {
        out.push(s.decimal);
        out.push_str(fraction);
    }
    out
}

fn format_value<M, const LANGUAGE: usize>(value: &FluentValue, _: &M) -> Option<String> {
    let language = Language::ALL.get(LANGUAGE).copied().unwrap_or_default();
    match value {
        FluentValue::Number(n) => Some(group(language, &n.as_string(), n.options.use_grouping)),
        _ => None,
    }
}

/// The formatter for a bundle of `locales` (its first is its language).
pub(super) fn number_formatter<M>(
    locales: &[LanguageIdentifier],
) -> fn(&FluentValue, &M) -> Option<String> {
    let language = locales
        .first()
        .and_then(|l| Language::from_locale(l.language.as_str()))
        .unwrap_or_default();
    match language {
        Language::English => format_value::<M, 0>,
        Language::Vietnamese => format_value::<M, 1>,
        Language::French => format_value::<M, 2>,
        Language::Arabic => format_value::<M, 3>,
        Language::Chinese => format_value::<M, 4>,
        Language::Russian => format_value::<M, 5>,
        Language::Spanish => format_value::<M, 6>,
    }
}

/// A date in a table or a line: "2026-12-07", "07/12/2026".
pub fn date_short(language: Language, date: jiff::civil::Date) -> String {
    date_message(language, date, false)
}

/// A date in a sentence or a letter: "7 December 2026", "7 décembre 2026",
/// "ngày 7 tháng 12 năm 2026".
pub fn date_long(language: Language, date: jiff::civil::Date) -> String {
    date_message(language, date, true)
}

/// The names a date message may use, each language taking what it writes
/// (the catalogue test checks each language's date messages against them).
#[cfg(test)]
pub(super) const DATE_ARGS: [&str; 6] = [
    "day",
    "day_number",
    "month",
    "month_number",
    "month_name",
    "year",
];

fn date_message(language: Language, date: jiff::civil::Date, long: bool) -> String {
    let args = [
        ("day", format!("{:02}", date.day())),
        ("day_number", date.day().to_string()),
        ("month", format!("{:02}", date.month())),
        ("month_number", date.month().to_string()),
        ("month_name", month_name(language, date.month())),
        ("year", date.year().to_string()),
    ]
    .map(|(name, value)| (name, super::Arg::Text(value)));
    if long {
        super::lookup(language, "date-long", &args)
    } else {
        super::lookup(language, "date-short", &args)
    }
}

fn month_name(language: Language, month: i8) -> String {
    match month {
        1 => crate::tr!(language, "month-1"),
        2 => crate::tr!(language, "month-2"),
        3 => crate::tr!(language, "month-3"),
        4 => crate::tr!(language, "month-4"),
        5 => crate::tr!(language, "month-5"),
        6 => crate::tr!(language, "month-6"),
        7 => crate::tr!(language, "month-7"),
        8 => crate::tr!(language, "month-8"),
        9 => crate::tr!(language, "month-9"),
        10 => crate::tr!(language, "month-10"),
        11 => crate::tr!(language, "month-11"),
        _ => crate::tr!(language, "month-12"),
    }
}
