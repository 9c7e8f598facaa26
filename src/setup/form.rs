//! The event's settings as typed: every field is text, as in the GUI's form
//! and the CLI's flags, and becomes an [`Event`] or a list of problems, each
//! naming its field.

use jiff::civil::{Date, DateTime, Time};

use super::clean_field;
use crate::domain::{
    Colour, Event, EventCode, FieldError, Layout, clean_text, parse_date, parse_local_datetime,
};

/// The footer of a new event's badges.
pub const DEFAULT_FOOTER: &str = "This badge must be worn visibly at all times";
/// The title band colour of a new event: a deep blue that takes white text.
pub const DEFAULT_BAND_COLOUR: Colour = Colour::new(0x1F, 0x3B, 0x73);
/// A badge window longer than this is surely a typing mistake.
const MAX_WINDOW_DAYS: i64 = 366;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventForm {
    pub code: String,
    pub name: String,
    pub venue: String,
    /// IANA name, e.g. `Asia/Ho_Chi_Minh`.
    pub time_zone: String,
    /// `2025-10-25`, `25/10/2025` or `25.10.2025`.
    pub start_date: String,
    pub end_date: String,
    /// Local date and time in the event's zone, `2025-10-23T00:00`; empty
    /// means the default window ([`default_badge_window`]).
    pub badge_valid_from: String,
    pub badge_valid_until: String,
    /// Empty: the band shows the event's name.
    pub title_band: String,
    pub footer: String,
    /// `#RRGGBB`; empty means the default.
    pub band_colour: String,
    /// `a6`, `card` or `a4x4`; empty means `a6`.
    pub default_layout: String,
}

/// Badges of a new event are valid from two days before its first day
/// (delegations arrive and collect them early) until the day after its last.
pub fn default_badge_window(start: Date, end: Date) -> (DateTime, DateTime) {
    let from = start
        .checked_sub(jiff::Span::new().days(2))
        .unwrap_or(start);
    let until = end.checked_add(jiff::Span::new().days(1)).unwrap_or(end);
    (
        from.to_datetime(Time::midnight()),
        until.to_datetime(Time::midnight()),
    )
}

impl EventForm {
    /// A new event's form: nothing typed yet but the usual footer.
    pub fn new() -> EventForm {
        EventForm {
            footer: DEFAULT_FOOTER.into(),
            ..EventForm::default()
        }
    }

    /// The form showing an event's current settings.
    pub fn from_event(e: &Event) -> EventForm {
        let local = |t: i64| {
            jiff::Timestamp::from_second(t)
                .map(|ts| {
                    ts.to_zoned_datetime(e.tz())
                        .datetime()
                        .strftime("%Y-%m-%dT%H:%M")
                        .to_string()
                })
                .unwrap_or_default()
        };
        EventForm {
            code: e.code.to_string(),
            name: e.name.clone(),
            venue: e.venue.clone(),
            time_zone: e.time_zone.clone(),
            start_date: e.start_date.to_string(),
            end_date: e.end_date.to_string(),
            badge_valid_from: local(e.badge_valid_from),
            badge_valid_until: local(e.badge_valid_until),
            title_band: e.title_band.clone(),
            footer: e.footer.clone(),
            band_colour: e.band_colour.hex(),
            default_layout: e.default_layout.to_string(),
        }
    }

    /// The event the form describes, or every problem at once. `base` gives
    /// the settings the form does not show (the revocation list's age).
    pub fn parse(&self, base: Option<&Event>) -> Result<Event, Vec<FieldError>> {
        let mut errors = Vec::new();
        let code_text = clean_text(&self.code).to_uppercase();
        let code = match EventCode::parse(&code_text) {
            Ok(c) => Some(c),
            Err(_) if code_text.is_empty() => {
                errors.push(FieldError::new(
                    "code",
                    "is required: 1 to 16 capital letters, digits or '-' (e.g. HN25)",
                ));
                None
            }
            Err(e) => {
                errors.push(FieldError::new("code", e));
                None
            }
        };
        let name = clean_field(&mut errors, "name", &self.name, 200);
        if name.is_empty() {
            errors.push(FieldError::new("name", "is required"));
        }
        let venue = clean_field(&mut errors, "venue", &self.venue, 200);
        let title_band = clean_field(&mut errors, "title_band", &self.title_band, 200);
        let footer = clean_field(&mut errors, "footer", &self.footer, 200);
        let time_zone = clean_text(&self.time_zone);
        let tz = if time_zone.is_empty() {
            errors.push(FieldError::new(
                "time_zone",
                "is required (e.g. Asia/Ho_Chi_Minh)",
            ));
            None
        } else {
            match jiff::tz::TimeZone::get(&time_zone) {
                Ok(tz) => Some(tz),
                Err(_) => {
                    errors.push(FieldError::new(
                        "time_zone",
                        format!("\"{time_zone}\" is not a known time zone (e.g. Asia/Ho_Chi_Minh)"),
                    ));
                    None
                }
            }
        };
        let mut date = |field: &'static str, raw: &str| match parse_date(raw) {
            Ok(d) => Some(d),
            Err(e) if raw.trim().is_empty() => {
                let _ = e;
                errors.push(FieldError::new(field, "is required"));
                None
            }
            Err(e) => {
                errors.push(FieldError::new(field, e));
                None
            }
        };
        let start = date("start_date", &self.start_date);
        let end = date("end_date", &self.end_date);
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            errors.push(FieldError::new("end_date", "is before the start date"));
        }
        let band_colour = if self.band_colour.trim().is_empty() {
            DEFAULT_BAND_COLOUR
        } else {
            Colour::parse(&self.band_colour).unwrap_or_else(|e| {
                errors.push(FieldError::new("band_colour", e));
                DEFAULT_BAND_COLOUR
            })
        };
        let default_layout = if self.default_layout.trim().is_empty() {
            Layout::A6
        } else {
            self.default_layout.parse().unwrap_or_else(|e| {
                errors.push(FieldError::new("default_layout", e));
                Layout::A6
            })
        };

        // The badge window, in the event's time zone.
        let mut window = [None, None];
        if let (Some(s), Some(e), Some(tz)) = (start, end, &tz) {
            let (default_from, default_until) = default_badge_window(s, e);
            for (slot, (field, raw, default)) in [
                ("badge_valid_from", &self.badge_valid_from, default_from),
                ("badge_valid_until", &self.badge_valid_until, default_until),
            ]
            .into_iter()
            .enumerate()
            {
                let local = if raw.trim().is_empty() {
                    Ok(default)
                } else {
                    parse_local_datetime(raw)
                };
                match local.and_then(|dt| {
                    dt.to_zoned_datetime(tz.clone())
                        .map(|z| z.timestamp().as_second())
                        .map_err(|e| e.to_string())
                }) {
                    Ok(t) => window[slot] = Some(t),
                    Err(e) => errors.push(FieldError::new(field, e)),
                }
            }
            if let [Some(from), Some(until)] = window {
                let first_day = s
                    .to_datetime(Time::midnight())
                    .to_zoned_datetime(tz.clone())
                    .map(|z| z.timestamp().as_second())
                    .unwrap_or(from);
                let after_last_day = e
                    .checked_add(jiff::Span::new().days(1))
                    .ok()
                    .and_then(|d| {
                        d.to_datetime(Time::midnight())
                            .to_zoned_datetime(tz.clone())
                            .ok()
                    })
                    .map(|z| z.timestamp().as_second())
                    .unwrap_or(until);
                if until <= from {
                    errors.push(FieldError::new(
                        "badge_valid_until",
                        "must be after the start of badge validity",
                    ));
                } else if until <= first_day || from >= after_last_day {
                    errors.push(FieldError::new(
                        "badge_valid_until",
                        "badges would not be valid on any day of the event",
                    ));
                } else if until - from > MAX_WINDOW_DAYS * 86_400 {
                    errors.push(FieldError::new(
                        "badge_valid_until",
                        format!("the badge window is longer than {MAX_WINDOW_DAYS} days"),
                    ));
                }
            }
        }

        match (code, start, end, window) {
            (Some(code), Some(start_date), Some(end_date), [Some(from), Some(until)])
                if errors.is_empty() =>
            {
                let event = Event {
                    code,
                    name,
                    venue,
                    time_zone,
                    start_date,
                    end_date,
                    badge_valid_from: from,
                    badge_valid_until: until,
                    title_band,
                    footer,
                    band_colour,
                    default_layout,
                    revocation_max_age_minutes: base
                        .map(|b| b.revocation_max_age_minutes)
                        .unwrap_or(60),
                };
                let errors = event.validate();
                if errors.is_empty() {
                    Ok(event)
                } else {
                    Err(errors)
                }
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hanoi() -> EventForm {
        EventForm {
            code: "hn26".into(),
            name: "  Regional Cybercrime\u{200B} Conference ".into(),
            venue: "National Convention Center, Hanoi".into(),
            time_zone: "Asia/Ho_Chi_Minh".into(),
            start_date: "12/03/2026".into(),
            end_date: "2026-03-13".into(),
            ..EventForm::new()
        }
    }

    #[test]
    fn a_typed_event_is_cleaned_and_gets_the_default_window() {
        let e = hanoi().parse(None).unwrap();
        assert_eq!(e.code.as_str(), "HN26");
        assert_eq!(e.name, "Regional Cybercrime Conference");
        assert_eq!(e.start_date, Date::constant(2026, 3, 12));
        assert_eq!(e.footer, DEFAULT_FOOTER);
        assert_eq!(e.default_layout, Layout::A6);
        // 10 March 2026 00:00 and 14 March 2026 00:00 in Hanoi (UTC+7).
        assert_eq!(e.local_time(e.badge_valid_from), "2026-03-10 00:00");
        assert_eq!(e.local_time(e.badge_valid_until), "2026-03-14 00:00");
        assert_eq!(EventForm::from_event(&e).parse(Some(&e)).unwrap(), e);
    }

    #[test]
    fn every_problem_is_named_at_once() {
        let form = EventForm {
            code: "HN 26!".into(),
            name: " ".into(),
            time_zone: "Asia/Hanoi City".into(),
            start_date: "31/02/2026".into(),
            end_date: "".into(),
            band_colour: "blue".into(),
            default_layout: "a5".into(),
            footer: "x".repeat(201),
            ..EventForm::new()
        };
        let fields: Vec<&str> = form
            .parse(None)
            .unwrap_err()
            .iter()
            .map(|e| e.field)
            .collect();
        for f in [
            "code",
            "name",
            "time_zone",
            "start_date",
            "end_date",
            "band_colour",
            "default_layout",
            "footer",
        ] {
            assert!(fields.contains(&f), "{f} in {fields:?}");
        }
    }

    #[test]
    fn the_badge_window_must_cover_the_event() {
        let mut form = hanoi();
        form.badge_valid_from = "2026-03-14T00:00".into();
        form.badge_valid_until = "2026-03-13T00:00".into();
        let e = form.parse(None).unwrap_err();
        assert_eq!(e[0].field, "badge_valid_until");
        form.badge_valid_from = "2026-01-01T00:00".into();
        form.badge_valid_until = "2026-02-01T00:00".into();
        assert!(
            form.parse(None).unwrap_err()[0]
                .message
                .contains("not be valid on any day")
        );
        form.badge_valid_until = "2027-06-01T00:00".into();
        assert!(form.parse(None).unwrap_err()[0].message.contains("longer"));
        form.badge_valid_from = "2026-03-11 08:00".into();
        form.badge_valid_until = "13/03/2026".into();
        assert!(
            form.parse(None).unwrap_err()[0]
                .message
                .contains("not a date and time")
        );
    }
}
