//! The report a chair is handed: the event and what the report covers, the
//! instant of the figures, the headline numbers, the arrivals chart, then the
//! tables. A4 portrait, bundled fonts, written with the badge module's
//! deterministic PDF writer (the same data gives the same bytes).

mod chart;
pub(crate) mod doc;
mod table;

use doc::{CONTENT_WIDTH, Document, MARGIN, MUTED, NAVY, PAGE_WIDTH, RULE, Style};

use super::Report;
use super::tables::{Table, thousands};
use crate::badge::text::Align;
use crate::domain::Colour;
use crate::error::Result;

pub fn write(report: &Report, tables: &[Table]) -> Result<Vec<u8>> {
    let mut doc = Document::new();
    title(&mut doc, report);
    cards(&mut doc, &headline(report));
    if report.session.is_none() {
        chart::draw(&mut doc, &report.figures.arrivals);
    }
    for t in tables.iter().filter(|t| t.in_pdf) {
        table::draw(&mut doc, t);
    }
    let left = format!(
        "{} · Attendance report · {} · figures as of {} ({})",
        report.event.code,
        report.scope_label(),
        report.figures.as_of_local,
        report.figures.time_zone
    );
    doc.finish(
        &format!("Attendance report — {}", report.event.name),
        |n, count| (left.clone(), format!("Page {n} of {count}")),
    )
}

fn title(doc: &mut Document, r: &Report) {
    let band = 64.0;
    doc.fill(0.0, 0.0, PAGE_WIDTH, band, NAVY);
    doc.text(
        MARGIN,
        10.0,
        CONTENT_WIDTH,
        32.0,
        &r.event.name,
        Style::new(14.0)
            .bold()
            .colour(Colour::WHITE)
            .lines(2)
            .shrink(0.7),
    );
    doc.text(
        MARGIN,
        42.0,
        CONTENT_WIDTH,
        14.0,
        &format!("{} · {}", r.event.venue, r.event.dates),
        Style::new(9.0).colour(Colour::new(0xDD, 0xE4, 0xF0)),
    );
    doc.y = band + 18.0;
    doc.text(
        MARGIN,
        doc.y,
        CONTENT_WIDTH,
        26.0,
        "Attendance report",
        Style::new(20.0).bold(),
    );
    doc.y += 28.0;
    doc.text(
        MARGIN,
        doc.y,
        CONTENT_WIDTH,
        28.0,
        &r.scope_label(),
        Style::new(11.0).lines(2).shrink(0.8),
    );
    doc.y += 26.0;
    doc.text(
        MARGIN,
        doc.y,
        CONTENT_WIDTH,
        14.0,
        &format!(
            "Figures as of {} ({})",
            long_local(&r.figures.as_of_local),
            r.figures.time_zone
        ),
        Style::new(9.5).colour(MUTED),
    );
    doc.y += 24.0;
}

/// "2025-10-25 09:00" as "25 October 2025, 09:00".
fn long_local(local: &str) -> String {
    let date = local
        .get(..10)
        .and_then(|d| d.parse::<jiff::civil::Date>().ok());
    match (date, local.get(11..)) {
        (Some(d), Some(time)) => format!("{}, {time}", d.strftime("%-d %B %Y")),
        _ => local.to_string(),
    }
}

/// A headline number: what, how many, and a line of context.
struct Card {
    label: &'static str,
    value: String,
    context: String,
}

fn share(part: u32, whole: u32) -> String {
    if whole == 0 {
        "—".into()
    } else {
        format!("{:.0} %", f64::from(part) * 100.0 / f64::from(whole))
    }
}

fn headline(r: &Report) -> Vec<Card> {
    if let Some(s) = &r.session {
        let f = &s.figures;
        let count = |n: Option<u32>| n.map(thousands).unwrap_or_else(|| "open".into());
        let absent = f
            .invited
            .zip(f.attended_invited)
            .map(|(i, a)| i.saturating_sub(a));
        return vec![
            Card {
                label: "Invited",
                value: count(f.invited),
                context: if f.invitation_only {
                    "approved and invited".into()
                } else {
                    "open session".into()
                },
            },
            Card {
                label: "Attended",
                value: thousands(f.attended),
                context: format!("{} checked in by protocol", thousands(f.checked_in)),
            },
            Card {
                label: "Invited and there",
                value: count(f.attended_invited),
                context: match f.invited {
                    Some(i) => format!(
                        "{} of the invited",
                        share(f.attended_invited.unwrap_or(0), i)
                    ),
                    None => String::new(),
                },
            },
            Card {
                label: "Invited, not there",
                value: count(absent),
                context: String::new(),
            },
            Card {
                label: "Attended, not invited",
                value: count(f.attended_uninvited),
                context: "staff, security, media…".into(),
            },
            Card {
                label: "States at the session",
                value: thousands(s.states.attended),
                context: match s.states.invited {
                    Some(i) => format!("of {} invited", thousands(i)),
                    None => "delegations with someone there".into(),
                },
            },
            Card {
                label: "Organisations there",
                value: thousands(s.organisations.attended),
                context: match s.organisations.invited {
                    Some(i) => format!("of {} invited", thousands(i)),
                    None => "delegations with someone there".into(),
                },
            },
            Card {
                label: "When",
                value: f.starts_local.get(11..).unwrap_or_default().to_string(),
                context: format!(
                    "{} until {}",
                    f.starts_local.get(..10).unwrap_or_default(),
                    f.ends_local.get(11..).unwrap_or_default()
                ),
            },
        ];
    }
    let p = &r.figures.pipeline;
    let rep = &r.figures.representation;
    let mut cards = vec![
        Card {
            label: "Nominations received",
            value: thousands(p.nominated),
            context: format!("{} awaiting a decision", thousands(p.pending)),
        },
        Card {
            label: "Approved",
            value: thousands(p.approved),
            context: format!(
                "{} rejected · {} cancelled",
                thousands(p.rejected),
                thousands(p.cancelled)
            ),
        },
        Card {
            label: "Badges printed",
            value: thousands(p.badges_printed),
            context: format!("{} of the approved", share(p.badges_printed, p.approved)),
        },
        Card {
            label: "Badges collected",
            value: thousands(p.badges_collected),
            context: format!(
                "{} of those printed",
                share(p.badges_collected, p.badges_printed)
            ),
        },
        Card {
            label: "Arrived at least once",
            value: thousands(p.arrived),
            context: format!("{} of the approved", share(p.arrived, p.approved)),
        },
        Card {
            label: "Present now",
            value: thousands(p.present),
            context: "inside at least one zone".into(),
        },
    ];
    if r.scope.delegation.is_none() {
        cards.push(Card {
            label: "States represented",
            value: thousands(rep.states.arrived),
            context: format!("of {} registered", thousands(rep.states.registered)),
        });
        cards.push(Card {
            label: "Organisations represented",
            value: thousands(rep.organisations.arrived),
            context: format!("of {} registered", thousands(rep.organisations.registered)),
        });
    } else {
        let sessions = r.figures.sessions.iter().filter(|s| s.attended > 0).count() as u32;
        let first = r
            .figures
            .delegations
            .first()
            .and_then(|d| d.first_arrival)
            .map(|t| crate::attendance::local_minute(t, &tz(r)))
            .unwrap_or_default();
        cards.push(Card {
            label: "Sessions attended",
            value: thousands(sessions),
            context: format!("of {} in the programme", r.figures.sessions.len()),
        });
        cards.push(Card {
            label: "First arrival",
            value: first.get(11..).unwrap_or("—").to_string(),
            context: first.get(..10).unwrap_or_default().to_string(),
        });
    }
    cards
}

fn tz(r: &Report) -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::get(&r.figures.time_zone).unwrap_or(jiff::tz::TimeZone::UTC)
}

/// Four cards to a row.
fn cards(doc: &mut Document, cards: &[Card]) {
    let gap = 8.0;
    let width = (CONTENT_WIDTH - 3.0 * gap) / 4.0;
    let height = 58.0;
    for row in cards.chunks(4) {
        doc.ensure(height + gap);
        for (i, card) in row.iter().enumerate() {
            let x = MARGIN + i as f32 * (width + gap);
            let y = doc.y;
            doc.frame(x, y, width, height, RULE, 0.8);
            doc.fill(x, y, 3.0, height, NAVY);
            doc.text(
                x + 10.0,
                y + 4.0,
                width - 14.0,
                13.0,
                card.label,
                Style::new(7.8).colour(MUTED).shrink(0.8),
            );
            doc.text(
                x + 10.0,
                y + 17.0,
                width - 14.0,
                24.0,
                &card.value,
                Style::new(19.0).bold().shrink(0.6),
            );
            doc.text(
                x + 10.0,
                y + 41.0,
                width - 14.0,
                12.0,
                &card.context,
                Style::new(7.2)
                    .colour(MUTED)
                    .shrink(0.8)
                    .align(Align::Start),
            );
        }
        doc.y += height + gap;
    }
    doc.y += 10.0;
}
