//! Rows of an XLSX worksheet read from its XML as the cells come, so that
//! memory is that of a row, not of the sheet. They are the very rows that
//! calamine's whole-sheet range gives: the same box (from the first to the
//! last row and column holding a value), gaps as empty cells, and a formula
//! reported on its cell when it has no saved value.

use std::io::Cursor;

use calamine::{Data, Xlsx, XlsxCellFormula, XlsxCellReader};

use super::table::{RawRow, cell_name, cell_text};
use crate::error::{Error, Result};

type Book = Xlsx<Cursor<Vec<u8>>>;

/// The rows and columns (from zero) that hold a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    rows: (u32, u32),
    columns: (u32, u32),
}

/// What a first pass over a sheet, in constant memory, found.
pub enum Layout {
    /// The box of its values (`None`: it has none).
    Streamable(Option<Bounds>),
    /// The streamed rows could not reproduce it exactly (cells out of order
    /// or repeated, a part that is not a worksheet, unreadable XML or
    /// formulas): it is read whole instead, which keeps its rows and
    /// messages as they were.
    Whole,
}

pub fn scan(book: &mut Book, sheet: &str) -> Layout {
    match bounds_of(book, sheet) {
        Some(bounds) => Layout::Streamable(bounds),
        None => Layout::Whole,
    }
}

/// `None` when the sheet is not streamable.
fn bounds_of(book: &mut Book, sheet: &str) -> Option<Option<Bounds>> {
    let mut cells = book.worksheet_cells_reader(sheet).ok()?;
    let mut bounds: Option<Bounds> = None;
    let mut last: Option<(u32, u32)> = None;
    while let Some(cell) = cells.next_cell_with_formula().ok()? {
        if last.is_some_and(|at| cell.pos <= at) {
            return None;
        }
        last = Some(cell.pos);
        if matches!(cell.value, calamine::DataRef::Empty) {
            continue;
        }
        let (row, column) = cell.pos;
        bounds = Some(match bounds {
            None => Bounds {
                rows: (row, row),
                columns: (column, column),
            },
            Some(b) => Bounds {
                rows: (b.rows.0, row),
                columns: (b.columns.0.min(column), b.columns.1.max(column)),
            },
        });
    }
    Some(bounds)
}

/// The rows of a scanned sheet, pulled one by one from its cell reader.
pub struct StreamedRows<'a> {
    /// Boxed: the reader and its buffers are large, the rows are moved.
    cells: Box<XlsxCellReader<'a, Cursor<Vec<u8>>>>,
    bounds: Option<Bounds>,
    /// The row to give next (from zero).
    next: u32,
    /// The first cell of a later row, read while finishing the last one.
    ahead: Option<XlsxCellFormula<'a>>,
    /// Names the sheet in messages.
    place: String,
}

impl<'a> StreamedRows<'a> {
    /// Opens the sheet again to read the rows within `bounds` (from [`scan`]).
    pub fn open(
        book: &'a mut Book,
        sheet: &str,
        bounds: Option<Bounds>,
        file: &str,
    ) -> Result<StreamedRows<'a>> {
        let place = format!("{file}: sheet \"{sheet}\"");
        let cells = book
            .worksheet_cells_reader(sheet)
            .map_err(|e| unreadable(&place, e))?;
        Ok(StreamedRows {
            cells: Box::new(cells),
            next: bounds.map_or(0, |b| b.rows.0),
            bounds,
            ahead: None,
            place,
        })
    }

    pub fn next_row(&mut self) -> Result<Option<RawRow>> {
        let Some(bounds) = self.bounds else {
            return Ok(None);
        };
        let row = self.next;
        if row > bounds.rows.1 {
            return Ok(None);
        }
        self.next += 1;
        let (first_column, last_column) = bounds.columns;
        let width = (last_column - first_column + 1) as usize;
        let mut cells = vec![String::new(); width];
        let mut issues = Vec::new();
        while let Some(cell) = self.next_cell()? {
            if cell.pos.0 > row {
                self.ahead = Some(cell);
                break;
            }
            // Cells before the box hold no value (a formula there is not
            // reported, as it is not on a row of the sheet's values).
            let column = cell.pos.1;
            if cell.pos.0 < row || column < first_column || column > last_column {
                continue;
            }
            let index = (column - first_column) as usize;
            let value = Data::from(cell.value);
            let (text, issue) = cell_text(&value);
            if let Some(issue) = issue {
                issues.push((index, issue));
            } else if text.is_empty()
                && let Some(formula) = cell.formula.filter(|f| !f.is_empty())
            {
                issues.push((
                    index,
                    format!(
                        "cell {} holds a formula (={formula}) with no saved value: open the file in a spreadsheet program, let it calculate and save it again",
                        cell_name(cell.pos)
                    ),
                ));
            }
            cells[index] = text;
        }
        Ok(Some(RawRow {
            line: u64::from(row) + 1,
            cells,
            issues,
            unterminated: false,
        }))
    }

    fn next_cell(&mut self) -> Result<Option<XlsxCellFormula<'a>>> {
        if let Some(cell) = self.ahead.take() {
            return Ok(Some(cell));
        }
        self.cells
            .next_cell_with_formula()
            .map_err(|e| unreadable(&self.place, e))
    }
}

fn unreadable(place: &str, e: calamine::XlsxError) -> Error {
    Error::Refused(format!(
        "{place} cannot be read: {}",
        calamine::Error::Xlsx(e)
    ))
}
