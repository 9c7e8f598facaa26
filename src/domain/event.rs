use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};

use super::FieldError;

/// The event's code, `[A-Z0-9-]{1,16}`: it is signed into every credential.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EventCode(String);

impl EventCode {
    pub fn parse(code: &str) -> Result<EventCode, String> {
        let ok = (1..=16).contains(&code.len())
            && code
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
        if ok {
            Ok(EventCode(code.to_string()))
        } else {
            Err(format!(
                "\"{code}\" is not an event code: 1 to 16 capital letters, digits or '-'"
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for EventCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The badge layouts the printer knows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// A6 portrait lanyard badge, 105 × 148 mm.
    #[default]
    A6,
    /// ID-1 card, portrait, for card printers.
    Card,
    /// Four A6 badges on an A4 sheet with crop marks.
    A4x4,
}

impl Layout {
    pub const ALL: [Layout; 3] = [Layout::A6, Layout::Card, Layout::A4x4];

    pub fn as_str(self) -> &'static str {
        match self {
            Layout::A6 => "a6",
            Layout::Card => "card",
            Layout::A4x4 => "a4x4",
        }
    }
}

impl std::fmt::Display for Layout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Layout {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "a6" => Ok(Layout::A6),
            "card" | "id1" | "id-1" => Ok(Layout::Card),
            "a4x4" | "a4" => Ok(Layout::A4x4),
            other => Err(format!("\"{other}\" is not a layout (a6, card, a4x4)")),
        }
    }
}

/// The conference being accredited. One event per data directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub code: EventCode,
    pub name: String,
    pub venue: String,
    /// IANA time zone name, e.g. `Asia/Ho_Chi_Minh`.
    pub time_zone: String,
    pub start_date: Date,
    pub end_date: Date,
    /// Badges are valid from this instant (Unix seconds)…
    pub badge_valid_from: i64,
    /// …until this one.
    pub badge_valid_until: i64,
    /// The text of the badge's title band.
    pub title_band: String,
    /// The footer line printed on every badge.
    pub footer: String,
    /// The colour of the badge's title band.
    pub band_colour: super::Colour,
    pub default_layout: Layout,
    /// A gate warns when its revocation list is older than this.
    pub revocation_max_age_minutes: u32,
}

impl Event {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if let Err(e) = EventCode::parse(self.code.as_str()) {
            errors.push(FieldError::new("code", e));
        }
        if self.name.trim().is_empty() {
            errors.push(FieldError::new("name", "is required"));
        }
        if self.name.chars().count() > 200 {
            errors.push(FieldError::new("name", "is longer than 200 characters"));
        }
        if TimeZone::get(&self.time_zone).is_err() {
            errors.push(FieldError::new(
                "time_zone",
                format!(
                    "\"{}\" is not a known time zone (e.g. Asia/Ho_Chi_Minh)",
                    self.time_zone
                ),
            ));
        }
        if self.end_date < self.start_date {
            errors.push(FieldError::new("end_date", "is before the start date"));
        }
        if self.badge_valid_until <= self.badge_valid_from {
            errors.push(FieldError::new(
                "badge_valid_until",
                "must be after the start of badge validity",
            ));
        }
        errors
    }

    pub fn tz(&self) -> TimeZone {
        TimeZone::get(&self.time_zone).unwrap_or(TimeZone::UTC)
    }

    /// "25–26 October 2025" style dates for titles and badges.
    pub fn dates_label(&self) -> String {
        let (s, e) = (self.start_date, self.end_date);
        let month = |d: Date| d.strftime("%B").to_string();
        if s == e {
            format!("{} {} {}", s.day(), month(s), s.year())
        } else if s.year() == e.year() && s.month() == e.month() {
            format!("{}–{} {} {}", s.day(), e.day(), month(e), e.year())
        } else if s.year() == e.year() {
            format!(
                "{} {} – {} {} {}",
                s.day(),
                month(s),
                e.day(),
                month(e),
                e.year()
            )
        } else {
            format!("{} – {}", s, e)
        }
    }

    /// [`Event::dates_label`] as `language` writes it, for the documents
    /// that take a language: "25–26 octobre 2025", "ngày 25–26 tháng 10
    /// năm 2025". English gives exactly [`Event::dates_label`].
    pub fn dates_label_in(&self, language: crate::i18n::Language) -> String {
        let (s, e) = (self.start_date, self.end_date);
        let day = |d: Date| d.day().to_string();
        let year = |d: Date| d.year().to_string();
        if s == e {
            crate::i18n::date_long(language, s)
        } else if s.year() == e.year() && s.month() == e.month() {
            crate::tr!(
                language,
                "doc-dates-same-month",
                start_day = day(s),
                end_day = day(e),
                month = month_name_in(language, e),
                year = year(e),
            )
        } else if s.year() == e.year() {
            crate::tr!(
                language,
                "doc-dates-same-year",
                start_day = day(s),
                start_month = month_name_in(language, s),
                end_day = day(e),
                end_month = month_name_in(language, e),
                year = year(e),
            )
        } else {
            crate::tr!(
                language,
                "doc-dates-years",
                start = crate::i18n::date_short(language, s),
                end = crate::i18n::date_short(language, e),
            )
        }
    }

    /// Formats an instant in the event's time zone, `2025-10-25 09:41`.
    pub fn local_time(&self, unix: i64) -> String {
        match jiff::Timestamp::from_second(unix) {
            Ok(ts) => ts
                .to_zoned_datetime(self.tz())
                .strftime("%Y-%m-%d %H:%M")
                .to_string(),
            Err(_) => unix.to_string(),
        }
    }

    /// The instant of a local date-time in the event's time zone.
    pub fn instant_of(&self, local: jiff::civil::DateTime) -> Result<i64, String> {
        local
            .to_zoned_datetime(self.tz())
            .map(|z| z.timestamp().as_second())
            .map_err(|e| e.to_string())
    }
}

/// The name of a date's month in `language` (the words of `dates.ftl`).
fn month_name_in(language: crate::i18n::Language, date: Date) -> String {
    match date.month() {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_codes() {
        assert!(EventCode::parse("HN25").is_ok());
        assert!(EventCode::parse("UN-2025-HANOI").is_ok());
        let e = EventCode::parse("hn25").unwrap_err();
        assert!(e.contains("\"hn25\" is not an event code"), "{e}");
        let e = EventCode::parse("").unwrap_err();
        assert!(e.contains("\"\" is not an event code"), "{e}");
        let e = EventCode::parse("ABCDEFGHIJKLMNOPQ").unwrap_err();
        assert!(
            e.contains("\"ABCDEFGHIJKLMNOPQ\" is not an event code"),
            "{e}"
        );
    }

    fn event(start: Date, end: Date) -> Event {
        Event {
            code: EventCode::parse("HN25").unwrap(),
            name: "Conference".into(),
            venue: "Hanoi".into(),
            time_zone: "Asia/Ho_Chi_Minh".into(),
            start_date: start,
            end_date: end,
            badge_valid_from: 0,
            badge_valid_until: 1,
            title_band: String::new(),
            footer: String::new(),
            band_colour: super::super::Colour::BLACK,
            default_layout: Layout::A6,
            revocation_max_age_minutes: 10,
        }
    }

    #[test]
    fn dates_read_in_each_language_and_english_as_before() {
        use crate::i18n::Language;
        use jiff::civil::date;
        let spans = [
            (date(2025, 10, 25), date(2025, 10, 25)),
            (date(2025, 10, 25), date(2025, 10, 26)),
            (date(2025, 10, 30), date(2025, 11, 2)),
            (date(2025, 12, 30), date(2026, 1, 2)),
        ];
        for (s, e) in spans {
            let ev = event(s, e);
            assert_eq!(ev.dates_label_in(Language::English), ev.dates_label());
        }
        let two_days = event(date(2025, 10, 25), date(2025, 10, 26));
        assert_eq!(two_days.dates_label(), "25–26 October 2025");
        assert_eq!(
            two_days.dates_label_in(Language::French),
            "25–26 octobre 2025"
        );
        assert_eq!(
            two_days.dates_label_in(Language::Vietnamese),
            "ngày 25–26 tháng 10 năm 2025"
        );
        let over_a_month = event(date(2025, 10, 30), date(2025, 11, 2));
        assert_eq!(
            over_a_month.dates_label_in(Language::French),
            "30 octobre – 2 novembre 2025"
        );
        assert_eq!(
            over_a_month.dates_label_in(Language::Vietnamese),
            "ngày 30 tháng 10 – ngày 2 tháng 11 năm 2025"
        );
        let new_year = event(date(2025, 12, 30), date(2026, 1, 2));
        assert_eq!(
            new_year.dates_label_in(Language::French),
            "30/12/2025 – 02/01/2026"
        );
    }
}
