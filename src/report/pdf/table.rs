//! Tables that flow over pages: a title and a note, a shaded header row that
//! is repeated on every page the table continues on, striped rows, numbers
//! right-aligned, categories as chips in their colour, totals in bold.

use super::doc::{CONTENT_WIDTH, Document, INK, MARGIN, MUTED, RULE, Style};
use crate::badge::text::Align;
use crate::domain::Colour;
use crate::i18n::Language;
use crate::report::tables::{Cell, Table};

const ROW: f32 = 13.0;
const HEADER: f32 = 16.0;
const PAD: f32 = 4.0;
const TEXT: f32 = 7.8;
const HEADER_FILL: Colour = Colour::new(0xE4, 0xE9, 0xF1);
const STRIPE: Colour = Colour::new(0xF5, 0xF7, 0xFA);

pub fn draw(doc: &mut Document, table: &Table, language: Language) {
    let total_width: f32 = table.columns.iter().map(|c| c.width).sum();
    let widths: Vec<f32> = table
        .columns
        .iter()
        .map(|c| c.width / total_width * CONTENT_WIDTH)
        .collect();
    let note_height = if table.note.is_empty() { 0.0 } else { 12.0 };
    // The title never stays alone at the foot of a page.
    doc.ensure(20.0 + note_height + HEADER + 3.0 * ROW);
    doc.text(
        MARGIN,
        doc.y,
        CONTENT_WIDTH,
        18.0,
        &table.title,
        Style::new(12.0).bold(),
    );
    doc.y += 18.0;
    if !table.note.is_empty() {
        doc.text(
            MARGIN,
            doc.y,
            CONTENT_WIDTH,
            11.0,
            &table.note,
            Style::new(7.5).colour(MUTED).shrink(0.8),
        );
        doc.y += note_height;
    }
    header(doc, table, &widths);
    let first_total = table.rows.len().saturating_sub(table.total_rows);
    for (r, row) in table.rows.iter().enumerate() {
        if doc.ensure(ROW) {
            doc.text(
                MARGIN,
                doc.y,
                CONTENT_WIDTH,
                16.0,
                &crate::tr!(language, "doc-report-continued", title = &table.title),
                Style::new(9.5).bold().colour(MUTED),
            );
            doc.y += 18.0;
            header(doc, table, &widths);
        }
        let bold = r >= first_total;
        if bold {
            doc.line((MARGIN, doc.y), (MARGIN + CONTENT_WIDTH, doc.y), INK, 0.6);
        } else if r % 2 == 1 {
            doc.fill(MARGIN, doc.y, CONTENT_WIDTH, ROW, STRIPE);
        }
        let mut x = MARGIN;
        for ((cell, column), &w) in row.iter().zip(&table.columns).zip(&widths) {
            let mut style = Style::new(TEXT).shrink(0.85);
            if bold {
                style = style.bold();
            }
            if column.numeric {
                style = style.align(Align::End);
            }
            match cell {
                Cell::Category { code, colour } => {
                    let chip = (w - 2.0 * PAD).min(34.0);
                    doc.fill(x + PAD, doc.y + 2.0, chip, ROW - 4.0, *colour);
                    doc.text(
                        x + PAD,
                        doc.y,
                        chip,
                        ROW,
                        code,
                        Style::new(7.0)
                            .bold()
                            .colour(colour.readable_text())
                            .align(Align::Center),
                    );
                }
                other => {
                    let text = other.display_in(language);
                    if !text.is_empty() {
                        doc.text(x + PAD, doc.y, w - 2.0 * PAD, ROW, &text, style);
                    }
                }
            }
            x += w;
        }
        doc.y += ROW;
    }
    doc.line((MARGIN, doc.y), (MARGIN + CONTENT_WIDTH, doc.y), RULE, 0.5);
    doc.y += 16.0;
}

fn header(doc: &mut Document, table: &Table, widths: &[f32]) {
    doc.fill(MARGIN, doc.y, CONTENT_WIDTH, HEADER, HEADER_FILL);
    let mut x = MARGIN;
    for (column, &w) in table.columns.iter().zip(widths) {
        let mut style = Style::new(7.2).bold().shrink(0.8);
        if column.numeric {
            style = style.align(Align::End);
        }
        doc.text(x + PAD, doc.y, w - 2.0 * PAD, HEADER, &column.title, style);
        x += w;
    }
    doc.y += HEADER;
}
