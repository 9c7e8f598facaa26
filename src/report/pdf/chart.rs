//! The arrivals chart, drawn as vectors: a bar per quarter-hour, entries in a
//! light tone with first arrivals over them in the dark one, a scale on the
//! left, hours below and a line where a new day starts.

use super::doc::{CONTENT_WIDTH, Document, MARGIN, MUTED, NAVY, RULE, Style};
use crate::attendance::{Arrivals, QuarterHour};
use crate::badge::text::Align;
use crate::domain::Colour;
use crate::i18n::Language;
use crate::report::tables::{TableId, nice_step};
use crate::tr;

pub const ENTRIES: Colour = Colour::new(0x9D, 0xB7, 0xE0);
const PLOT: f32 = 120.0;
const SCALE: f32 = 30.0;

pub fn draw(doc: &mut Document, arrivals: &Arrivals, language: Language) {
    let buckets = arrivals.busy_quarter_hours();
    doc.ensure(32.0 + PLOT + 50.0);
    doc.text(
        MARGIN,
        doc.y,
        CONTENT_WIDTH,
        18.0,
        &crate::report::tables::title(TableId::QuarterHours, language),
        Style::new(12.0).bold(),
    );
    // Room for the date labels above the plot.
    doc.y += 32.0;
    if buckets.is_empty() {
        doc.text(
            MARGIN,
            doc.y,
            CONTENT_WIDTH,
            14.0,
            &tr!(language, "doc-report-chart-empty"),
            Style::new(9.0).colour(MUTED),
        );
        doc.y += 24.0;
        return;
    }
    let top = doc.y;
    let bottom = top + PLOT;
    let left = MARGIN + SCALE;
    let width = CONTENT_WIDTH - SCALE;
    let highest = buckets
        .iter()
        .map(|q| q.entries.max(q.first_arrivals))
        .max()
        .unwrap_or(0);
    let step = nice_step(highest);
    let ceiling = (highest.div_ceil(step).max(1) * step) as f32;
    let y_of = |v: u32| bottom - v as f32 / ceiling * PLOT;

    let mut v = 0;
    while v as f32 <= ceiling {
        let y = y_of(v);
        doc.line((left, y), (left + width, y), RULE, 0.4);
        doc.text(
            MARGIN,
            y - 6.0,
            SCALE - 4.0,
            12.0,
            &crate::i18n::number(language, i64::from(v)),
            Style::new(6.8).colour(MUTED).align(Align::End),
        );
        v += step;
    }

    let slot = width / buckets.len() as f32;
    let bar = if slot > 2.5 { slot * 0.8 } else { slot };
    for (i, q) in buckets.iter().enumerate() {
        let x = left + i as f32 * slot + (slot - bar) / 2.0;
        if q.entries > 0 {
            doc.fill(x, y_of(q.entries), bar, bottom - y_of(q.entries), ENTRIES);
        }
        if q.first_arrivals > 0 {
            let y = y_of(q.first_arrivals);
            doc.fill(x, y, bar, bottom - y, NAVY);
        }
    }
    doc.line((left, bottom), (left + width, bottom), MUTED, 0.6);
    hour_labels(doc, buckets, left, slot, top, bottom, language);

    doc.y = bottom + 26.0;
    legend(doc, language);
}

/// Hour labels under the axis, as many as fit, and a line with the date at
/// each local midnight (and at the start).
fn hour_labels(
    doc: &mut Document,
    buckets: &[QuarterHour],
    left: f32,
    slot: f32,
    top: f32,
    bottom: f32,
    language: Language,
) {
    let hour_width = slot * 4.0;
    let every = [1u32, 2, 3, 4, 6, 12]
        .into_iter()
        .find(|&h| hour_width * h as f32 >= 34.0)
        .unwrap_or(24);
    for (i, q) in buckets.iter().enumerate() {
        let (Some(hour), Some(minute)) = (
            q.local.get(11..13).and_then(|h| h.parse::<u32>().ok()),
            q.local.get(14..16),
        ) else {
            continue;
        };
        let x = left + i as f32 * slot;
        let midnight = hour == 0 && minute == "00";
        if midnight || i == 0 {
            if midnight {
                doc.line((x, top - 4.0), (x, bottom), MUTED, 0.6);
            }
            doc.text(
                x + 2.0,
                top - 10.0,
                80.0,
                10.0,
                &crate::report::local_minute_in(language, q.local.get(..10).unwrap_or_default()),
                Style::new(7.0).bold().colour(MUTED),
            );
        }
        if minute == "00" && hour % every == 0 {
            doc.line((x, bottom), (x, bottom + 3.0), MUTED, 0.5);
            doc.text(
                x - 15.0,
                bottom + 3.0,
                30.0,
                10.0,
                &format!("{hour:02}:00"),
                Style::new(6.8).colour(MUTED).align(Align::Center),
            );
        }
    }
}

fn legend(doc: &mut Document, language: Language) {
    let y = doc.y;
    let mut x = MARGIN + SCALE;
    for (colour, label) in [
        (ENTRIES, tr!(language, "doc-report-chart-entries")),
        (NAVY, tr!(language, "doc-report-chart-first-arrivals")),
    ] {
        doc.fill(x, y + 2.0, 8.0, 8.0, colour);
        doc.text(
            x + 12.0,
            y,
            220.0,
            12.0,
            &label,
            Style::new(7.5).colour(MUTED),
        );
        x += 230.0;
    }
    doc.y = y + 24.0;
}
