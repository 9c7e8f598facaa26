//! Letters as one A4 PDF, one page per person: the event's letterhead, the
//! date, the addressee, the subject, the body, the signatory, and the signed
//! QR code with a line saying what it is for. Same data, same bytes.

use crate::badge::qr;
use crate::badge::text::Align;
use crate::domain::{Event, ParticipantId};
use crate::error::{Error, Result};
use crate::i18n::Language;
use crate::report::pdf::doc::{CONTENT_BOTTOM, CONTENT_WIDTH, Document, MARGIN, MUTED, Style};
use crate::tr;

use super::LetterKind;

/// One letter, filled in.
pub struct Letter {
    pub participant: ParticipantId,
    pub recipient: Vec<String>,
    pub subject: String,
    pub body: Vec<String>,
    pub signatory: String,
    pub date: String,
    pub code: String,
}

const QR_SIDE: f32 = 96.0;

/// The PDF and its page count; the fixed words in `language`.
pub fn render(
    event: &Event,
    logo: Option<&[u8]>,
    kind: LetterKind,
    letters: &[Letter],
    language: Language,
) -> Result<(Vec<u8>, usize)> {
    let l = language;
    let mut doc = Document::new();
    let mut footers = Vec::new();
    for (i, letter) in letters.iter().enumerate() {
        if i > 0 {
            doc.new_page();
        }
        let first_page = footers.len();
        letterhead_and_text(&mut doc, event, logo, letter, l);
        // The QR code at the foot of the letter's last page.
        let matrix = qr::encode(&letter.code).map_err(|e| {
            Error::Other(format!(
                "the letter code of participant {} does not fit a QR code: {e:?}",
                letter.participant
            ))
        })?;
        doc.ensure(QR_SIDE + 10.0);
        let top = CONTENT_BOTTOM - QR_SIDE;
        doc.qr(&matrix, MARGIN + CONTENT_WIDTH - QR_SIDE, top, QR_SIDE);
        doc.text(
            MARGIN,
            top + 20.0,
            CONTENT_WIDTH - QR_SIDE - 16.0,
            30.0,
            &tr!(l, "doc-letter-code-note"),
            Style::new(8.0).colour(MUTED).lines(2).shrink(0.8),
        );
        doc.text(
            MARGIN,
            top + 56.0,
            CONTENT_WIDTH - QR_SIDE - 16.0,
            14.0,
            &tr!(
                l,
                "doc-letter-code-line",
                kind = kind.label_in(l),
                participant = letter.participant.to_string()
            ),
            Style::new(8.0).colour(MUTED),
        );
        let pages_now = page_count(&doc, first_page, &footers);
        for _ in 0..pages_now {
            footers.push(letter.participant);
        }
    }
    let total = footers.len();
    let code = event.code.to_string();
    let label = kind.label_in(l);
    let pdf = doc.finish_as(
        &tr!(
            l,
            "doc-letter-document-title",
            kind = &label,
            event = &event.name
        ),
        "Accredit letters",
        |n, count| {
            let participant = footers.get(n - 1).copied().unwrap_or_default();
            (
                tr!(
                    l,
                    "doc-letter-footer",
                    event = &code,
                    kind = &label,
                    participant = participant.to_string()
                ),
                crate::report::pdf::page_of(l, n, count),
            )
        },
    )?;
    Ok((pdf, total))
}

/// How many pages the letter started at `first_page` took.
fn page_count(doc: &Document, first_page: usize, _footers: &[ParticipantId]) -> usize {
    doc.page_count() - first_page
}

fn letterhead_and_text(
    doc: &mut Document,
    event: &Event,
    logo: Option<&[u8]>,
    l: &Letter,
    language: Language,
) {
    crate::desk::receipt::letterhead(doc, event, logo, language);
    doc.text(
        MARGIN,
        doc.y,
        CONTENT_WIDTH,
        14.0,
        &l.date,
        Style::new(10.5).align(Align::End),
    );
    doc.y += 24.0;
    for line in &l.recipient {
        doc.text(
            MARGIN,
            doc.y,
            CONTENT_WIDTH * 0.7,
            15.0,
            line,
            Style::new(11.0).shrink(0.6),
        );
        doc.y += 15.0;
    }
    doc.y += 18.0;
    doc.paragraph(
        MARGIN,
        CONTENT_WIDTH,
        &l.subject,
        Style::new(12.0).bold(),
        16.0,
    );
    doc.y += 10.0;
    for paragraph in &l.body {
        doc.paragraph(MARGIN, CONTENT_WIDTH, paragraph, Style::new(11.0), 15.5);
        doc.y += 8.0;
    }
    doc.y += 24.0;
    doc.ensure(40.0);
    doc.text(
        MARGIN,
        doc.y,
        CONTENT_WIDTH * 0.6,
        16.0,
        &l.signatory,
        Style::new(11.0).bold(),
    );
    doc.y += 18.0;
    doc.text(
        MARGIN,
        doc.y,
        CONTENT_WIDTH * 0.6,
        14.0,
        &event.name,
        Style::new(10.0).colour(MUTED).shrink(0.6),
    );
    doc.y += 20.0;
}
