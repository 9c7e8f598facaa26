//! The nomination spreadsheet sent to delegations: the columns the import
//! expects, drop-down lists of this event's delegations and categories, date
//! and text formats that keep what people type, and a sheet of instructions.

use crate::store::Db;
use std::path::Path;

use rust_xlsxwriter::{
    DataValidation, DataValidationRule, ExcelDateTime, Format, FormatAlign, Formula, Workbook,
    Worksheet,
};
use serde::Serialize;

use super::import::Field;
use super::xlsx::{self, header_format};
use crate::auth::{Actor, Permission};
use crate::domain::{DocumentKind, limits};
use crate::error::Result;
use crate::store;

/// The columns of the template, in order.
pub const COLUMNS: [Field; 16] = [
    Field::Delegation,
    Field::Category,
    Field::FamilyName,
    Field::GivenNames,
    Field::BadgeName,
    Field::Function,
    Field::Gender,
    Field::Nationality,
    Field::DateOfBirth,
    Field::DocumentType,
    Field::DocumentNumber,
    Field::DocumentExpiry,
    Field::Email,
    Field::Phone,
    Field::Reference,
    Field::Notes,
];

/// Rows of the nomination sheet that carry the drop-downs and formats.
const ROWS: u32 = 5000;

/// What the template holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TemplateSummary {
    pub columns: Vec<String>,
    pub delegations: usize,
    pub categories: usize,
    pub bytes: usize,
}

/// Writes the template to `path` (XLSX).
pub fn write_template(conn: &Db, actor: &Actor, path: &Path) -> Result<TemplateSummary> {
    actor.require(Permission::ImportNominations)?;
    let event = store::event::get(conn)?;
    let delegations = store::delegations::list(conn)?;
    let categories = store::categories::list(conn)?;

    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    nominations_sheet(sheet, delegations.len(), categories.len()).map_err(xlsx::error)?;

    let sheet = book.add_worksheet();
    instructions_sheet(sheet, &event.name, &event.dates_label()).map_err(xlsx::error)?;

    let lists = book.add_worksheet();
    lists.set_name("Lists").map_err(xlsx::error)?;
    let bold = header_format();
    for (col, title) in ["Delegation", "Name", "", "Category", "Name"]
        .into_iter()
        .enumerate()
    {
        if !title.is_empty() {
            lists
                .write_string_with_format(0, col as u16, title, &bold)
                .map_err(xlsx::error)?;
        }
    }
    for (i, d) in delegations.iter().enumerate() {
        let row = i as u32 + 1;
        lists.write_string(row, 0, &d.code).map_err(xlsx::error)?;
        lists.write_string(row, 1, &d.name).map_err(xlsx::error)?;
    }
    for (i, c) in categories.iter().enumerate() {
        let row = i as u32 + 1;
        lists.write_string(row, 3, &c.code).map_err(xlsx::error)?;
        lists.write_string(row, 4, &c.name).map_err(xlsx::error)?;
    }
    lists.set_column_width(0, 12).map_err(xlsx::error)?;
    lists.set_column_width(1, 60).map_err(xlsx::error)?;
    lists.set_column_width(3, 12).map_err(xlsx::error)?;
    lists.set_column_width(4, 36).map_err(xlsx::error)?;
    lists.set_freeze_panes(1, 0).map_err(xlsx::error)?;

    let bytes = book.save_to_buffer().map_err(xlsx::error)?;
    crate::files::write_atomic(path, &bytes)?;
    Ok(TemplateSummary {
        columns: COLUMNS.iter().map(|f| f.label().to_string()).collect(),
        delegations: delegations.len(),
        categories: categories.len(),
        bytes: bytes.len(),
    })
}

fn nominations_sheet(
    sheet: &mut Worksheet,
    delegations: usize,
    categories: usize,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    sheet.set_name("Nominations")?.set_active(true);
    let header = header_format();
    let text = Format::new().set_num_format("@");
    let date = Format::new()
        .set_num_format("dd/mm/yyyy")
        .set_align(FormatAlign::Left);
    for (col, field) in COLUMNS.iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, field.label(), &header)?;
        sheet.set_column_width(col, width(*field))?;
        match field {
            Field::DateOfBirth | Field::DocumentExpiry => {
                sheet.set_column_format(col, &date)?;
            }
            // Kept as typed: leading zeros, long digit runs.
            Field::DocumentNumber | Field::Phone | Field::Reference => {
                sheet.set_column_format(col, &text)?;
            }
            _ => {}
        }
        if let Some(rule) = validation(*field, delegations, categories)? {
            sheet.add_data_validation(1, col, ROWS, col, &rule)?;
        }
    }
    sheet.set_row_height(0, 30)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn width(field: Field) -> f64 {
    match field {
        Field::Delegation | Field::Category | Field::Gender | Field::Nationality => 12.0,
        Field::DateOfBirth | Field::DocumentExpiry => 14.0,
        Field::Email | Field::Function | Field::Notes => 32.0,
        Field::DocumentType => 20.0,
        _ => 20.0,
    }
}

fn validation(
    field: Field,
    delegations: usize,
    categories: usize,
) -> Result<Option<DataValidation>, rust_xlsxwriter::XlsxError> {
    let list = |column: char, count: usize| {
        DataValidation::new().allow_list_formula(Formula::new(format!(
            "=Lists!${column}$2:${column}${}",
            count.max(1) + 1
        )))
    };
    let rule = match field {
        Field::Delegation => list('A', delegations)
            .set_input_title("Delegation")?
            .set_input_message("The delegation's code, from the list (sheet Lists).")?,
        Field::Category => list('D', categories)
            .set_input_title("Category")?
            .set_input_message("The participant's category code, from the list (sheet Lists).")?,
        Field::Gender => DataValidation::new()
            .allow_list_strings(&["F", "M", "X"])?
            .set_input_message("F (female), M (male) or X; may be left empty.")?,
        Field::DocumentType => {
            let kinds: Vec<&str> = DocumentKind::ALL.iter().map(|k| k.as_str()).collect();
            DataValidation::new().allow_list_strings(&kinds)?
        }
        Field::DateOfBirth | Field::DocumentExpiry => DataValidation::new()
            .allow_date(DataValidationRule::Between(
                ExcelDateTime::from_ymd(1900, 1, 2)?,
                ExcelDateTime::from_ymd(2099, 12, 31)?,
            ))
            .set_input_message("A date, e.g. 25/10/1975 (day/month/year).")?
            .set_error_message("Type a date as day/month/year, e.g. 25/10/1975.")?,
        Field::FamilyName | Field::GivenNames => DataValidation::new()
            .allow_text_length(DataValidationRule::LessThanOrEqualTo(limits::NAME as u32))
            .set_input_message("As written in the passport, with its accents.")?,
        Field::Nationality => DataValidation::new()
            .allow_text_length(DataValidationRule::EqualTo(3))
            .set_input_message("Three-letter country code, e.g. VNM, FRA.")?,
        _ => return Ok(None),
    };
    Ok(Some(rule))
}

fn instructions_sheet(
    sheet: &mut Worksheet,
    event: &str,
    dates: &str,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    sheet.set_name("Instructions")?;
    let title = Format::new().set_bold().set_font_size(14);
    let wrap = Format::new().set_text_wrap();
    sheet.set_column_width(0, 110)?;
    sheet.write_string_with_format(0, 0, format!("{event} — nominations"), &title)?;
    let lines = [
        dates.to_string(),
        String::new(),
        "Fill one row per participant on the sheet Nominations. Keep its first row (the column names) as it is.".into(),
        "Delegation and Category: choose the code from the drop-down list (all codes are on the sheet Lists).".into(),
        "Family name and Given names: as written in the passport, with every accent. For a single name, use Family name.".into(),
        "Name on badge: only when the badge should show another form of the name (e.g. H.E. Ms …).".into(),
        "Dates: day/month/year (25/10/1975) or year-month-day (1975-10-25). The document must be valid after the event.".into(),
        "Document type: passport, diplomatic_passport, official_passport, national_id, laissez_passer or other.".into(),
        "Reference: your own number for the person. Keep it when you send a corrected list: the same reference updates the same person instead of adding a new one.".into(),
        "Send the file back as it is (XLSX). A CSV export also works, in any encoding.".into(),
    ];
    for (i, line) in lines.iter().enumerate() {
        sheet.write_string_with_format(i as u32 + 2, 0, line, &wrap)?;
    }
    Ok(())
}
