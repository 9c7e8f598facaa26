//! The report as a workbook: one sheet per table, a bold header row that stays
//! in view (frozen pane) with a filter, columns sized to their content, counts
//! as numbers, categories in their colour. Sheet names, headers and fixed
//! words in the report's language.

use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, XlsxError};

use super::Report;
use super::tables::{Cell, Table};
use crate::error::{Error, Result};
use crate::i18n::Language;

pub fn write(report: &Report, tables: &[Table], language: Language) -> Result<Vec<u8>> {
    build(report, tables, language)
        .map_err(|e| Error::Other(format!("could not write the XLSX report: {e}")))
}

fn build(report: &Report, tables: &[Table], language: Language) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0x1F3B73))
        .set_font_color(Color::White)
        .set_border_bottom(FormatBorder::Thin);
    let total = Format::new().set_bold();
    let count = Format::new().set_num_format("#,##0");
    let total_count = Format::new().set_bold().set_num_format("#,##0");
    for table in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(&table.title))?;
        for (c, column) in table.columns.iter().enumerate() {
            let c = c as u16;
            sheet.write_string_with_format(0, c, &column.title, &header)?;
            sheet.set_column_width(c, f64::from(column.width.max(6.0)))?;
        }
        let first_total = table.rows.len().saturating_sub(table.total_rows);
        for (r, row) in table.rows.iter().enumerate() {
            let is_total = r >= first_total;
            let line = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Count(n) => {
                        let f = if is_total { &total_count } else { &count };
                        sheet.write_number_with_format(line, c, f64::from(*n), f)?;
                    }
                    Cell::Empty => {}
                    Cell::Category { code, colour } => {
                        let text = colour.readable_text();
                        let f = Format::new()
                            .set_background_color(Color::RGB(hex(*colour)))
                            .set_font_color(Color::RGB(hex(text)));
                        sheet.write_string_with_format(line, c, code, &f)?;
                    }
                    other if is_total => {
                        sheet.write_string_with_format(line, c, other.text_in(language), &total)?;
                    }
                    other => {
                        sheet.write_string(line, c, other.text_in(language))?;
                    }
                }
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        if !table.rows.is_empty() {
            sheet.autofilter(
                0,
                0,
                table.rows.len() as u32,
                table.columns.len().saturating_sub(1) as u16,
            )?;
        }
    }
    let properties = rust_xlsxwriter::DocProperties::new()
        .set_title(crate::tr!(
            language,
            "doc-report-document-title",
            event = &report.event.name
        ))
        .set_subject(report.scope_label_in(language))
        .set_comment(crate::tr!(
            language,
            "doc-report-figures-as-of",
            moment = super::local_minute_in(language, &report.figures.as_of_local),
            zone = &report.figures.time_zone
        ));
    book.set_properties(&properties);
    book.save_to_buffer()
}

fn hex(c: crate::domain::Colour) -> u32 {
    (u32::from(c.r) << 16) | (u32::from(c.g) << 8) | u32::from(c.b)
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
pub(super) fn sheet_name(title: &str) -> String {
    title
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect()
}
