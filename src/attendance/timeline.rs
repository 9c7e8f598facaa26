//! Arrivals over time, in the event's time zone: per quarter of an hour and
//! per day.
//!
//! Passages are counted per quarter-hour of Unix time during the pass; every
//! time zone in use today is a whole number of quarter-hours away from UTC,
//! so each of those slots is exactly one local quarter-hour.

use std::collections::{BTreeSet, HashMap};

use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Serialize;

use super::facts::{Facts, QUARTER_HOUR};

/// Counts per quarter-hour slot (`at` div 900): a plain table over the
/// event's days and a few either side, where nearly every passage falls, and
/// a map for the rest (a gate whose clock was far off).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SlotCounts {
    first: i64,
    table: Vec<u32>,
    others: HashMap<i64, u32>,
}

impl SlotCounts {
    /// A table from three days before `from` to three days after `until`.
    pub fn around(from: i64, until: i64) -> SlotCounts {
        const MARGIN: i64 = 3 * 86_400;
        let first = (from - MARGIN).div_euclid(QUARTER_HOUR);
        let last = (until + MARGIN).div_euclid(QUARTER_HOUR);
        let len = usize::try_from(last - first + 1).unwrap_or(0).min(1 << 20);
        SlotCounts {
            first,
            table: vec![0; len],
            others: HashMap::new(),
        }
    }

    pub fn add(&mut self, slot: i64) {
        let cell = usize::try_from(slot - self.first)
            .ok()
            .and_then(|i| self.table.get_mut(i));
        match cell {
            Some(n) => *n += 1,
            None => *self.others.entry(slot).or_default() += 1,
        }
    }

    pub fn get(&self, slot: i64) -> u32 {
        usize::try_from(slot - self.first)
            .ok()
            .and_then(|i| self.table.get(i).copied())
            .unwrap_or_else(|| self.others.get(&slot).copied().unwrap_or(0))
    }

    /// The slots with a count.
    pub fn slots(&self) -> impl Iterator<Item = i64> + '_ {
        self.table
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(i, _)| self.first + i as i64)
            .chain(self.others.keys().copied())
    }
}

/// One quarter of an hour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuarterHour {
    /// Its first second (Unix).
    pub start: i64,
    /// Its start in the event's time zone, `2025-10-25 08:15`.
    pub local: String,
    /// Passages into a zone (accepted or overridden entries).
    pub entries: u32,
    /// People whose first passage into any zone fell in it.
    pub first_arrivals: u32,
}

/// One day, in the event's time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Day {
    /// `2025-10-25`.
    pub date: String,
    /// Its first second (Unix): local midnight.
    pub start: i64,
    pub entries: u32,
    pub first_arrivals: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Arrivals {
    /// Every quarter-hour of every day listed in `per_day`, in order.
    pub per_quarter_hour: Vec<QuarterHour>,
    /// The event's days and every other day with a passage, in order.
    pub per_day: Vec<Day>,
}

impl Arrivals {
    pub fn compute(facts: &Facts) -> Arrivals {
        let tz = facts.event.tz();
        let mut first: HashMap<i64, u32> = HashMap::new();
        for p in &facts.people {
            if let Some(at) = p.first_arrival {
                *first.entry(at.div_euclid(QUARTER_HOUR)).or_default() += 1;
            }
        }
        let mut days: BTreeSet<Date> = BTreeSet::new();
        let mut day = facts.event.start_date;
        while day <= facts.event.end_date {
            days.insert(day);
            match day.tomorrow() {
                Ok(next) => day = next,
                Err(_) => break,
            }
        }
        for slot in facts.entries.slots().chain(first.keys().copied()) {
            if let Ok(ts) = jiff::Timestamp::from_second(slot * QUARTER_HOUR) {
                days.insert(ts.to_zoned_datetime(tz.clone()).date());
            }
        }

        let mut per_quarter_hour = Vec::with_capacity(days.len() * 96);
        let mut per_day = Vec::with_capacity(days.len());
        for date in days {
            let (Some(start), Some(end)) = (day_start(date, &tz), next_day_start(date, &tz)) else {
                continue;
            };
            let mut day = Day {
                date: date.to_string(),
                start,
                entries: 0,
                first_arrivals: 0,
            };
            let mut t = start;
            while t < end {
                let slot = t.div_euclid(QUARTER_HOUR);
                let q = QuarterHour {
                    start: t,
                    local: local_minute(t, &tz),
                    entries: facts.entries.get(slot),
                    first_arrivals: first.get(&slot).copied().unwrap_or(0),
                };
                day.entries += q.entries;
                day.first_arrivals += q.first_arrivals;
                per_quarter_hour.push(q);
                t += QUARTER_HOUR;
            }
            per_day.push(day);
        }
        Arrivals {
            per_quarter_hour,
            per_day,
        }
    }

    /// The quarter-hours from the first to the last one with an entry, with
    /// the hour around them: what a chart of one event shows.
    pub fn busy_quarter_hours(&self) -> &[QuarterHour] {
        let busy = |q: &QuarterHour| q.entries > 0 || q.first_arrivals > 0;
        let Some(first) = self.per_quarter_hour.iter().position(busy) else {
            return &[];
        };
        let last = self
            .per_quarter_hour
            .iter()
            .rposition(busy)
            .unwrap_or(first);
        let from = first.saturating_sub(4);
        let to = (last + 5).min(self.per_quarter_hour.len());
        &self.per_quarter_hour[from..to]
    }
}

fn day_start(date: Date, tz: &TimeZone) -> Option<i64> {
    date.to_zoned_datetime(tz.clone())
        .ok()
        .map(|z| z.timestamp().as_second())
}

fn next_day_start(date: Date, tz: &TimeZone) -> Option<i64> {
    date.tomorrow().ok().and_then(|d| day_start(d, tz))
}

/// `2025-10-25 08:15` in `tz`.
pub fn local_minute(unix: i64, tz: &TimeZone) -> String {
    match jiff::Timestamp::from_second(unix) {
        Ok(ts) => ts
            .to_zoned_datetime(tz.clone())
            .strftime("%Y-%m-%d %H:%M")
            .to_string(),
        Err(_) => unix.to_string(),
    }
}
