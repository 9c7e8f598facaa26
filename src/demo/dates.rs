//! When the demo conference takes place. The seed (`conference.json`) is
//! dated 25–26 October 2025; a demo made today is moved, whole days at a
//! time, so that it is under way now: its first day was yesterday in the
//! event's time zone and its second day is today. Everything the demo
//! records — nominations, prints, hand-overs, rehearsal scans, overrides —
//! lies before the moment it was made.

use jiff::civil::{Date, date};
use jiff::tz::TimeZone;

use crate::error::{Error, Result};

/// The seed's own first day: `--date 2025-10-25` gives the dates of the
/// README's screenshots.
pub const SEED_FIRST_DAY: Date = date(2025, 10, 25);

/// The seed's time zone (the event's, in `conference.json`).
const TIME_ZONE: &str = "Asia/Ho_Chi_Minh";

/// The desk prepares the badges on the eve of the first day, at this hour.
const PREPARED_HOUR: i8 = 18;

/// The demo's first day and the moment it is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dates {
    pub first_day: Date,
    /// Unix seconds: the demo's "now". Nothing it records is later.
    pub now: i64,
}

impl Dates {
    /// A demo under way at `now`: its first day was yesterday in the event's
    /// time zone, its second day is today.
    pub fn around(now: i64) -> Dates {
        let today = jiff::Timestamp::from_second(now)
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
            .to_zoned_datetime(time_zone())
            .date();
        Dates {
            first_day: today.yesterday().unwrap_or(today),
            now,
        }
    }

    /// A demo whose first day is `first_day` (e.g. [`SEED_FIRST_DAY`]), made
    /// at `now`.
    pub fn starting(first_day: Date, now: i64) -> Dates {
        Dates { first_day, now }
    }

    /// The seed's own dates, made at the current clock: for tests and
    /// screenshots that need fixed dates.
    pub fn seed() -> Dates {
        Dates::starting(SEED_FIRST_DAY, crate::clock::now())
    }

    /// How many days the seed moves.
    pub(super) fn shift_days(&self) -> i32 {
        (self.first_day - SEED_FIRST_DAY).get_days()
    }

    /// A date of the seed, moved.
    pub(super) fn date(&self, seed: Date) -> Result<Date> {
        seed.checked_add(jiff::Span::new().days(self.shift_days()))
            .map_err(|e| Error::Other(format!("demo date {seed}: {e}")))
    }

    /// A local date and time of the seed (`2025-10-25T09:00`), moved.
    pub(super) fn local(&self, seed: &str) -> Result<jiff::civil::DateTime> {
        let dt = crate::domain::parse_local_datetime(seed).map_err(Error::Other)?;
        Ok(self.date(dt.date())?.to_datetime(dt.time()))
    }

    /// When the desk prepared the event (nominations, key, prints and
    /// hand-overs): the eve of the first day at 18:00, or now if that is
    /// still to come.
    pub fn prepared_at(&self) -> i64 {
        let eve = self.first_day.yesterday().unwrap_or(self.first_day);
        eve.at(PREPARED_HOUR, 0, 0, 0)
            .to_zoned_datetime(time_zone())
            .map(|z| z.timestamp().as_second())
            .unwrap_or(self.now)
            .min(self.now)
    }
}

fn time_zone() -> TimeZone {
    TimeZone::get(TIME_ZONE).unwrap_or(TimeZone::UTC)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> i64 {
        crate::clock::parse_instant(text).unwrap()
    }

    #[test]
    fn a_demo_made_now_started_yesterday_in_hanoi() {
        // 4 December 2026, 03:00 UTC is 10:00 in Hanoi.
        let d = Dates::around(at("2026-12-04T03:00:00Z"));
        assert_eq!(d.first_day, date(2026, 12, 3));
        // 20:00 UTC on 3 December is already 4 December in Hanoi.
        let d = Dates::around(at("2026-12-03T20:00:00Z"));
        assert_eq!(d.first_day, date(2026, 12, 3));
        assert_eq!(d.prepared_at(), at("2026-12-02T18:00:00+07:00"));
    }

    #[test]
    fn the_seed_keeps_its_dates_and_nothing_is_prepared_after_now() {
        let d = Dates::starting(SEED_FIRST_DAY, at("2026-12-04T03:00:00Z"));
        assert_eq!(d.shift_days(), 0);
        assert_eq!(d.date(date(2025, 10, 26)).unwrap(), date(2025, 10, 26));
        assert_eq!(d.prepared_at(), at("2025-10-24T18:00:00+07:00"));
        // A demo dated next month is prepared now, not in the future.
        let now = at("2026-12-04T03:00:00Z");
        let later = Dates::starting(date(2027, 1, 10), now);
        assert_eq!(later.prepared_at(), now);
        assert_eq!(
            later.local("2025-10-26T09:30").unwrap(),
            date(2027, 1, 11).at(9, 30, 0, 0)
        );
    }
}
