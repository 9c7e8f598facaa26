//! The report a chair is handed: the event and what the report covers, the
//! instant of the figures, the headline numbers, the arrivals chart, then the
//! tables. A4 portrait, bundled fonts, written with the badge module's
//! deterministic PDF writer (the same data gives the same bytes).

mod chart;
pub(crate) mod doc;
mod table;

use doc::{CONTENT_WIDTH, Document, MARGIN, MUTED, NAVY, PAGE_WIDTH, RULE, Style};

use super::tables::Table;
use super::{Report, local_minute_in};
use crate::badge::text::Align;
use crate::domain::Colour;
use crate::error::Result;
use crate::i18n::Language;
use crate::tr;

pub fn write(report: &Report, tables: &[Table], language: Language) -> Result<Vec<u8>> {
    let l = language;
    let mut doc = Document::new();
    title(&mut doc, report, l);
    cards(&mut doc, &headline(report, l));
    if report.session.is_none() {
        chart::draw(&mut doc, &report.figures.arrivals, l);
    }
    for t in tables.iter().filter(|t| t.in_pdf) {
        table::draw(&mut doc, t, l);
    }
    let left = tr!(
        l,
        "doc-report-footer",
        event = &report.event.code,
        scope = report.scope_label_in(l),
        as_of = local_minute_in(l, &report.figures.as_of_local),
        zone = &report.figures.time_zone
    );
    doc.finish(
        &tr!(l, "doc-report-document-title", event = &report.event.name),
        |n, count| (left.clone(), page_of(l, n, count)),
    )
}

/// "Page 2 of 5" in `language`, for every document's footer.
pub(crate) fn page_of(language: Language, n: usize, count: usize) -> String {
    tr!(
        language,
        "doc-page",
        page = n.to_string(),
        pages = count.to_string()
    )
}

fn title(doc: &mut Document, r: &Report, language: Language) {
    let l = language;
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
        &tr!(l, "doc-report-title"),
        Style::new(20.0).bold(),
    );
    doc.y += 28.0;
    doc.text(
        MARGIN,
        doc.y,
        CONTENT_WIDTH,
        28.0,
        &r.scope_label_in(l),
        Style::new(11.0).lines(2).shrink(0.8),
    );
    doc.y += 26.0;
    doc.text(
        MARGIN,
        doc.y,
        CONTENT_WIDTH,
        14.0,
        &tr!(
            l,
            "doc-report-figures-as-of",
            moment = long_local(&r.figures.as_of_local, l),
            zone = &r.figures.time_zone
        ),
        Style::new(9.5).colour(MUTED),
    );
    doc.y += 24.0;
}

/// "2025-10-25 09:00" as "25 October 2025, 09:00" in `language`.
fn long_local(local: &str, language: Language) -> String {
    let date = local
        .get(..10)
        .and_then(|d| d.parse::<jiff::civil::Date>().ok());
    match (date, local.get(11..)) {
        (Some(d), Some(time)) => tr!(
            language,
            "doc-report-moment",
            date = crate::i18n::date_long(language, d),
            time = time
        ),
        _ => local.to_string(),
    }
}

/// A headline number: what, how many, and a line of context.
struct Card {
    label: String,
    value: String,
    context: String,
}

fn share(part: u32, whole: u32, language: Language) -> String {
    if whole == 0 {
        "—".into()
    } else {
        tr!(
            language,
            "doc-report-percent",
            percent = format!("{:.0}", f64::from(part) * 100.0 / f64::from(whole))
        )
    }
}

fn headline(r: &Report, language: Language) -> Vec<Card> {
    let l = language;
    let thousands = |n: u32| crate::i18n::number(l, i64::from(n));
    let short_date = |local: &str| local_minute_in(l, local.get(..10).unwrap_or_default());
    if let Some(s) = &r.session {
        let f = &s.figures;
        let count = |n: Option<u32>| {
            n.map(thousands)
                .unwrap_or_else(|| tr!(l, "doc-report-open-value"))
        };
        let absent = f
            .invited
            .zip(f.attended_invited)
            .map(|(i, a)| i.saturating_sub(a));
        let with_someone = || tr!(l, "doc-report-card-with-someone-there");
        return vec![
            Card {
                label: tr!(l, "doc-report-card-invited"),
                value: count(f.invited),
                context: if f.invitation_only {
                    tr!(l, "doc-report-card-approved-and-invited")
                } else {
                    tr!(l, "doc-report-open-session")
                },
            },
            Card {
                label: tr!(l, "doc-report-card-attended"),
                value: thousands(f.attended),
                context: tr!(l, "doc-report-card-checked-in", count = f.checked_in),
            },
            Card {
                label: tr!(l, "doc-report-card-invited-there"),
                value: count(f.attended_invited),
                context: match f.invited {
                    Some(i) => tr!(
                        l,
                        "doc-report-card-of-the-invited",
                        share = share(f.attended_invited.unwrap_or(0), i, l)
                    ),
                    None => String::new(),
                },
            },
            Card {
                label: tr!(l, "doc-report-card-invited-not-there"),
                value: count(absent),
                context: String::new(),
            },
            Card {
                label: tr!(l, "doc-report-card-attended-not-invited"),
                value: count(f.attended_uninvited),
                context: tr!(l, "doc-report-card-staff-security-media"),
            },
            Card {
                label: tr!(l, "doc-report-card-states-at-session"),
                value: thousands(s.states.attended),
                context: match s.states.invited {
                    Some(i) => tr!(l, "doc-report-card-of-states-invited", count = i),
                    None => with_someone(),
                },
            },
            Card {
                label: tr!(l, "doc-report-card-organisations-there"),
                value: thousands(s.organisations.attended),
                context: match s.organisations.invited {
                    Some(i) => tr!(l, "doc-report-card-of-organisations-invited", count = i),
                    None => with_someone(),
                },
            },
            Card {
                label: tr!(l, "doc-report-card-when"),
                value: f.starts_local.get(11..).unwrap_or_default().to_string(),
                context: tr!(
                    l,
                    "doc-report-card-until",
                    date = short_date(&f.starts_local),
                    time = f.ends_local.get(11..).unwrap_or_default()
                ),
            },
        ];
    }
    let p = &r.figures.pipeline;
    let rep = &r.figures.representation;
    let mut cards = vec![
        Card {
            label: tr!(l, "doc-report-stage-nominated"),
            value: thousands(p.nominated),
            context: tr!(l, "doc-report-card-awaiting", count = p.pending),
        },
        Card {
            label: tr!(l, "doc-report-stage-approved"),
            value: thousands(p.approved),
            context: tr!(
                l,
                "doc-report-card-rejected-cancelled",
                rejected = p.rejected,
                cancelled = p.cancelled
            ),
        },
        Card {
            label: tr!(l, "doc-report-card-badges-printed"),
            value: thousands(p.badges_printed),
            context: tr!(
                l,
                "doc-report-card-of-the-approved",
                share = share(p.badges_printed, p.approved, l)
            ),
        },
        Card {
            label: tr!(l, "doc-report-card-badges-collected"),
            value: thousands(p.badges_collected),
            context: tr!(
                l,
                "doc-report-card-of-those-printed",
                share = share(p.badges_collected, p.badges_printed, l)
            ),
        },
        Card {
            label: tr!(l, "doc-report-stage-arrived"),
            value: thousands(p.arrived),
            context: tr!(
                l,
                "doc-report-card-of-the-approved",
                share = share(p.arrived, p.approved, l)
            ),
        },
        Card {
            label: tr!(l, "doc-report-stage-present"),
            value: thousands(p.present),
            context: tr!(l, "doc-report-card-inside-a-zone"),
        },
    ];
    if r.scope.delegation.is_none() {
        cards.push(Card {
            label: tr!(l, "doc-report-card-states-represented"),
            value: thousands(rep.states.arrived),
            context: tr!(
                l,
                "doc-report-card-of-states-registered",
                count = rep.states.registered
            ),
        });
        cards.push(Card {
            label: tr!(l, "doc-report-card-organisations-represented"),
            value: thousands(rep.organisations.arrived),
            context: tr!(
                l,
                "doc-report-card-of-organisations-registered",
                count = rep.organisations.registered
            ),
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
            label: tr!(l, "doc-report-card-sessions-attended"),
            value: thousands(sessions),
            context: tr!(
                l,
                "doc-report-card-of-programme",
                count = r.figures.sessions.len()
            ),
        });
        cards.push(Card {
            label: tr!(l, "doc-report-card-first-arrival"),
            value: first.get(11..).unwrap_or("—").to_string(),
            context: short_date(&first),
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
                &card.label,
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
