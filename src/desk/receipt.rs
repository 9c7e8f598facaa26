//! The receipt a liaison officer signs for the badges of their delegation:
//! the event's letterhead, the delegation, each badge (name, category,
//! serial), those still to come, the time, the clerk, and signature lines
//! for both sides. A4, on the deterministic PDF writer the attendance
//! report uses: the same data gives the same bytes. Written in a given
//! language (the names stay as entered).

use crate::badge::text::Align;
use crate::domain::Event;
use crate::error::Result;
use crate::i18n::Language;
use crate::report::pdf::doc::{CONTENT_WIDTH, Document, MARGIN, MUTED, NAVY, RULE, Style};
use crate::tr;

use super::liaison::{LiaisonSummary, ReceiptLine};

const ROW: f32 = 17.0;

/// The event's letterhead at the top of the first page: logo, name, venue
/// and dates (in `language`), and a rule under them. Shared with the
/// letters.
pub(crate) fn letterhead(
    doc: &mut Document,
    event: &Event,
    logo: Option<&[u8]>,
    language: Language,
) {
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
        &format!("{} · {}", event.venue, event.dates_label_in(language)),
        Style::new(10.0).colour(MUTED).shrink(0.7),
    );
    doc.y = top + 54.0;
    doc.line((MARGIN, doc.y), (MARGIN + CONTENT_WIDTH, doc.y), NAVY, 1.2);
    doc.y += 16.0;
}

pub fn render(event: &Event, logo: Option<&[u8]>, s: &LiaisonSummary) -> Result<Vec<u8>> {
    render_in(event, logo, s, Language::English)
}

/// The receipt with its words, dates and numbers in `language`.
pub fn render_in(
    event: &Event,
    logo: Option<&[u8]>,
    s: &LiaisonSummary,
    language: Language,
) -> Result<Vec<u8>> {
    let l = language;
    let mut doc = Document::new();
    letterhead(&mut doc, event, logo, l);
    doc.text(
        MARGIN,
        doc.y,
        CONTENT_WIDTH,
        24.0,
        &tr!(l, "doc-receipt-title"),
        Style::new(18.0).bold(),
    );
    doc.y += 32.0;
    let facts = [
        (
            tr!(l, "doc-receipt-number-label"),
            tr!(l, "doc-receipt-number", number = s.collection.to_string()),
        ),
        (
            tr!(l, "doc-receipt-delegation"),
            format!("{} — {}", s.delegation, s.delegation_name),
        ),
        (tr!(l, "doc-receipt-collected-by"), s.collected_by.clone()),
        (tr!(l, "doc-receipt-identity-document"), s.id_check.clone()),
        (
            tr!(l, "doc-receipt-handed-over"),
            crate::report::local_minute_in(l, &event.local_time(s.at)),
        ),
        (tr!(l, "doc-receipt-clerk"), s.clerk.clone()),
        (
            tr!(l, "doc-receipt-badges"),
            tr!(
                l,
                "doc-receipt-badges-count",
                handed_over = s.handed_over.len(),
                to_come = s.still_to_come.len()
            ),
        ),
    ];
    for (label, value) in facts {
        doc.text(
            MARGIN,
            doc.y,
            120.0,
            15.0,
            &label,
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
    let headers = |last: String| {
        [
            "#".to_string(),
            tr!(l, "doc-receipt-col-name"),
            tr!(l, "doc-receipt-col-category"),
            last,
        ]
    };
    table(
        &mut doc,
        &tr!(l, "doc-receipt-badges-handed-over"),
        &s.handed_over,
        &headers(tr!(l, "doc-receipt-col-serial")),
        |line| line.serial.map(|x| x.to_string()).unwrap_or_default(),
    );
    if !s.still_to_come.is_empty() {
        doc.y += 8.0;
        table(
            &mut doc,
            &tr!(l, "doc-receipt-still-to-come"),
            &s.still_to_come,
            &headers(String::new()),
            |line| super::liaison::note_in(&line.note, l),
        );
    }
    signatures(&mut doc, s, l);
    let left = tr!(
        l,
        "doc-receipt-footer",
        event = event.code.as_str(),
        number = s.collection.to_string(),
        delegation = &s.delegation
    );
    doc.finish_as(
        &tr!(
            l,
            "doc-receipt-document-title",
            number = s.collection.to_string(),
            delegation = &s.delegation
        ),
        "Accredit receipts",
        |n, count| (left.clone(), crate::report::pdf::page_of(l, n, count)),
    )
}

fn table(
    doc: &mut Document,
    title: &str,
    lines: &[ReceiptLine],
    headers: &[String; 4],
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
        for ((x, w), label) in cols.iter().zip(headers) {
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

fn signatures(doc: &mut Document, s: &LiaisonSummary, language: Language) {
    doc.y += 24.0;
    doc.ensure(110.0);
    doc.text(
        MARGIN,
        doc.y,
        CONTENT_WIDTH,
        28.0,
        &tr!(language, "doc-receipt-statement"),
        Style::new(9.5).colour(MUTED).lines(2),
    );
    doc.y += 58.0;
    let half = (CONTENT_WIDTH - 30.0) / 2.0;
    for (i, (role, name)) in [
        (
            tr!(language, "doc-receipt-handed-over-by"),
            s.clerk.as_str(),
        ),
        (
            tr!(language, "doc-receipt-received-by"),
            s.collected_by.as_str(),
        ),
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
            &role,
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
