//! The receipt a liaison officer signs for the badges of their delegation:
//! the event's letterhead, the delegation, each badge (name, category,
//! serial), those still to come, the time, the clerk, and signature lines
//! for both sides. A4, on the deterministic PDF writer the attendance
//! report uses: the same data gives the same bytes.

use crate::badge::text::Align;
use crate::domain::Event;
use crate::error::Result;
use crate::report::pdf::doc::{CONTENT_WIDTH, Document, MARGIN, MUTED, NAVY, RULE, Style};

use super::liaison::{LiaisonSummary, ReceiptLine};

const ROW: f32 = 17.0;

/// The event's letterhead at the top of the first page: logo, name, venue
/// and dates, and a rule under them. Shared with the letters.
pub(crate) fn letterhead(doc: &mut Document, event: &Event, logo: Option<&[u8]>) {
    let top = doc.y;
    let mut x = MARGIN;
    if let Some(image) = logo.and_then(|l| crate::badge::pdf::image::decode_logo(l).ok()) {
        doc.set_logo(image);
        let ratio = doc.logo_ratio().unwrap_or(1.0).clamp(0.3, 4.0);
        let h = 46.0;
        let w = h * ratio;
        doc.logo(MARGIN, top, w, h);
        x += w + 12.0;
    }
    let w = CONTENT_WIDTH - (x - MARGIN);
    doc.text(
        x,
        top,
        w,
        22.0,
        &event.name,
        Style::new(15.0).bold().colour(NAVY).shrink(0.6),
    );
    doc.text(
        x,
        top + 24.0,
        w,
        16.0,
        &format!("{} · {}", event.venue, event.dates_label()),
        Style::new(10.0).colour(MUTED).shrink(0.7),
    );
    doc.y = top + 54.0;
    doc.line((MARGIN, doc.y), (MARGIN + CONTENT_WIDTH, doc.y), NAVY, 1.2);
    doc.y += 16.0;
}

pub fn render(event: &Event, logo: Option<&[u8]>, s: &LiaisonSummary) -> Result<Vec<u8>> {
    let mut doc = Document::new();
    letterhead(&mut doc, event, logo);
    doc.text(
        MARGIN,
        doc.y,
        CONTENT_WIDTH,
        24.0,
        "Badge collection receipt",
        Style::new(18.0).bold(),
    );
    doc.y += 32.0;
    let facts = [
        ("Receipt", format!("No. {}", s.collection)),
        (
            "Delegation",
            format!("{} — {}", s.delegation, s.delegation_name),
        ),
        ("Collected by", s.collected_by.clone()),
        ("Identity document", s.id_check.clone()),
        ("Handed over", event.local_time(s.at)),
        ("Desk clerk", s.clerk.clone()),
        (
            "Badges",
            format!(
                "{} handed over, {} still to come",
                s.handed_over.len(),
                s.still_to_come.len()
            ),
        ),
    ];
    for (label, value) in facts {
        doc.text(
            MARGIN,
            doc.y,
            120.0,
            15.0,
            label,
            Style::new(10.0).colour(MUTED),
        );
        doc.text(
            MARGIN + 120.0,
            doc.y,
            CONTENT_WIDTH - 120.0,
            15.0,
            &value,
            Style::new(10.5).shrink(0.6),
        );
        doc.y += 16.0;
    }
    doc.y += 10.0;
    table(
        &mut doc,
        "Badges handed over",
        &s.handed_over,
        "Serial",
        |l| l.serial.map(|x| x.to_string()).unwrap_or_default(),
    );
    if !s.still_to_come.is_empty() {
        doc.y += 8.0;
        table(&mut doc, "Still to come", &s.still_to_come, "", |l| {
            l.note.clone()
        });
    }
    signatures(&mut doc, s);
    let left = format!(
        "{} · Badge collection receipt No. {} · {}",
        event.code, s.collection, s.delegation
    );
    doc.finish_as(
        &format!(
            "Badge collection receipt {} — {}",
            s.collection, s.delegation
        ),
        "Accredit receipts",
        |n, count| (left.clone(), format!("Page {n} of {count}")),
    )
}

fn table(
    doc: &mut Document,
    title: &str,
    lines: &[ReceiptLine],
    last: &str,
    last_of: impl Fn(&ReceiptLine) -> String,
) {
    let cols = [
        (MARGIN, 28.0),
        (MARGIN + 28.0, 260.0),
        (MARGIN + 288.0, 140.0),
        (MARGIN + 428.0, CONTENT_WIDTH - 428.0),
    ];
    let header = |doc: &mut Document| {
        doc.text(
            MARGIN,
            doc.y,
            CONTENT_WIDTH,
            18.0,
            title,
            Style::new(12.0).bold().colour(NAVY),
        );
        doc.y += 20.0;
        for ((x, w), label) in cols.iter().zip(["#", "Name", "Category", last]) {
            doc.text(
                *x,
                doc.y,
                *w,
                14.0,
                label,
                Style::new(9.0).bold().colour(MUTED),
            );
        }
        doc.y += 15.0;
        doc.line((MARGIN, doc.y), (MARGIN + CONTENT_WIDTH, doc.y), RULE, 0.6);
        doc.y += 2.0;
    };
    doc.ensure(60.0);
    header(doc);
    for (i, l) in lines.iter().enumerate() {
        if doc.ensure(ROW) {
            header(doc);
        }
        let cells = [
            (i + 1).to_string(),
            l.name.clone(),
            l.category.clone(),
            last_of(l),
        ];
        for (n, ((x, w), cell)) in cols.iter().zip(cells).enumerate() {
            let style = match n {
                1 => Style::new(10.5).shrink(0.55),
                3 => Style::new(10.0).align(Align::Start).shrink(0.6),
                _ => Style::new(10.0).colour(MUTED).shrink(0.7),
            };
            doc.text(*x, doc.y, w - 6.0, ROW, &cell, style);
        }
        doc.y += ROW;
        doc.line((MARGIN, doc.y), (MARGIN + CONTENT_WIDTH, doc.y), RULE, 0.3);
    }
}

fn signatures(doc: &mut Document, s: &LiaisonSummary) {
    doc.y += 24.0;
    doc.ensure(110.0);
    doc.text(
        MARGIN,
        doc.y,
        CONTENT_WIDTH,
        28.0,
        "The liaison officer received the badges listed above for the delegation and will hand each to its holder.",
        Style::new(9.5).colour(MUTED).lines(2),
    );
    doc.y += 58.0;
    let half = (CONTENT_WIDTH - 30.0) / 2.0;
    for (i, (role, name)) in [
        ("Handed over by (accreditation desk)", s.clerk.as_str()),
        ("Received by (liaison officer)", s.collected_by.as_str()),
    ]
    .into_iter()
    .enumerate()
    {
        let x = MARGIN + i as f32 * (half + 30.0);
        doc.line((x, doc.y), (x + half, doc.y), MUTED, 0.8);
        doc.text(
            x,
            doc.y + 3.0,
            half,
            14.0,
            role,
            Style::new(9.0).colour(MUTED),
        );
        doc.text(
            x,
            doc.y + 17.0,
            half,
            15.0,
            name,
            Style::new(10.5).shrink(0.6),
        );
    }
    doc.y += 40.0;
}
