//! Tables written as CSV or XLSX alike: CSV in UTF-8 with a byte order mark
//! (so Excel reads the accents right), XLSX with a bold header row, frozen
//! panes, column widths and real dates. XLSX sheets are written in constant
//! memory mode, so an export of 100,000 rows holds one row at a time.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatBorder, Workbook, XlsxError};

use crate::error::{Error, Result};

pub fn error(e: XlsxError) -> Error {
    Error::Other(format!("could not write the spreadsheet: {e}"))
}

/// The bold, shaded header row.
pub fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(0xDDE4EE)
        .set_border_bottom(FormatBorder::Thin)
}

/// A file format of tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TableFormat {
    Csv,
    Xlsx,
}

impl TableFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            TableFormat::Csv => "csv",
            TableFormat::Xlsx => "xlsx",
        }
    }

    /// The format a file name's extension says.
    pub fn of_path(path: &std::path::Path) -> Option<TableFormat> {
        match path
            .extension()?
            .to_string_lossy()
            .to_ascii_lowercase()
            .as_str()
        {
            "csv" => Some(TableFormat::Csv),
            "xlsx" => Some(TableFormat::Xlsx),
            _ => None,
        }
    }
}

impl std::str::FromStr for TableFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "csv" => Ok(TableFormat::Csv),
            "xlsx" => Ok(TableFormat::Xlsx),
            other => Err(format!("\"{other}\" is not a format (csv or xlsx)")),
        }
    }
}

/// One column: its header and its width in the spreadsheet.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub width: f64,
}

pub const fn col(name: &'static str, width: f64) -> Column {
    Column { name, width }
}

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(i64),
    Date(Option<Date>),
    /// Unix seconds, shown in the event's time zone.
    Instant(Option<i64>),
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}

/// Writes rows of one table to CSV or XLSX.
pub struct TableWriter {
    sink: Sink,
    tz: TimeZone,
    rows: usize,
}

enum Sink {
    Csv(csv::Writer<Vec<u8>>),
    Xlsx {
        book: Box<Workbook>,
        date: Format,
        instant: Format,
    },
}

impl TableWriter {
    pub fn new(
        format: TableFormat,
        sheet_name: &str,
        columns: &[Column],
        tz: TimeZone,
    ) -> Result<TableWriter> {
        let sink = match format {
            TableFormat::Csv => {
                let mut buf = Vec::with_capacity(1 << 20);
                buf.extend_from_slice("\u{FEFF}".as_bytes());
                let mut w = csv::Writer::from_writer(buf);
                w.write_record(columns.iter().map(|c| c.name))
                    .map_err(csv_error)?;
                Sink::Csv(w)
            }
            TableFormat::Xlsx => {
                let mut book = Box::new(Workbook::new());
                let sheet = book.add_worksheet_with_constant_memory().map_err(error)?;
                sheet.set_name(sheet_name).map_err(error)?;
                let header = header_format();
                for (i, c) in columns.iter().enumerate() {
                    let i = i as u16;
                    sheet.set_column_width(i, c.width).map_err(error)?;
                    sheet
                        .write_string_with_format(0, i, c.name, &header)
                        .map_err(error)?;
                }
                sheet.set_freeze_panes(1, 0).map_err(error)?;
                Sink::Xlsx {
                    book,
                    date: Format::new().set_num_format("yyyy-mm-dd"),
                    instant: Format::new().set_num_format("yyyy-mm-dd hh:mm"),
                }
            }
        };
        Ok(TableWriter { sink, tz, rows: 0 })
    }

    pub fn row(&mut self, cells: &[Cell]) -> Result<()> {
        self.rows += 1;
        match &mut self.sink {
            Sink::Csv(w) => {
                let texts = cells.iter().map(|c| cell_text(c, &self.tz));
                w.write_record(texts).map_err(csv_error)
            }
            Sink::Xlsx {
                book,
                date,
                instant,
            } => {
                let sheet = book.worksheet_from_index(0).map_err(error)?;
                let row = self.rows as u32;
                for (i, cell) in cells.iter().enumerate() {
                    let col = i as u16;
                    match cell {
                        Cell::Text(t) if t.is_empty() => {}
                        Cell::Text(t) => {
                            sheet.write_string(row, col, t).map_err(error)?;
                        }
                        Cell::Number(n) => {
                            sheet.write_number(row, col, *n as f64).map_err(error)?;
                        }
                        Cell::Date(Some(d)) => {
                            let value = ExcelDateTime::from_ymd(
                                d.year() as u16,
                                d.month() as u8,
                                d.day() as u8,
                            )
                            .map_err(error)?;
                            sheet
                                .write_date_with_format(row, col, &value, date)
                                .map_err(error)?;
                        }
                        Cell::Instant(Some(t)) => {
                            let local = local(*t, &self.tz);
                            let value = ExcelDateTime::from_ymd(
                                local.year() as u16,
                                local.month() as u8,
                                local.day() as u8,
                            )
                            .and_then(|v| v.and_hms(local.hour() as u16, local.minute() as u8, 0))
                            .map_err(error)?;
                            sheet
                                .write_datetime_with_format(row, col, &value, instant)
                                .map_err(error)?;
                        }
                        Cell::Date(None) | Cell::Instant(None) => {}
                    }
                }
                Ok(())
            }
        }
    }

    /// How many data rows were written.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The whole file.
    pub fn finish(self) -> Result<Vec<u8>> {
        match self.sink {
            Sink::Csv(w) => w
                .into_inner()
                .map_err(|e| Error::Other(format!("could not write the CSV: {e}"))),
            Sink::Xlsx { mut book, .. } => book.save_to_buffer().map_err(error),
        }
    }
}

fn csv_error(e: csv::Error) -> Error {
    Error::Other(format!("could not write the CSV: {e}"))
}

fn local(unix: i64, tz: &TimeZone) -> jiff::civil::DateTime {
    jiff::Timestamp::from_second(unix)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_zoned_datetime(tz.clone())
        .datetime()
}

/// A cell as CSV text: dates ISO, instants local `2025-10-25 09:41`.
fn cell_text(cell: &Cell, tz: &TimeZone) -> String {
    match cell {
        Cell::Text(t) => t.clone(),
        Cell::Number(n) => n.to_string(),
        Cell::Date(Some(d)) => d.to_string(),
        Cell::Instant(Some(t)) => local(*t, tz).strftime("%Y-%m-%d %H:%M").to_string(),
        Cell::Date(None) | Cell::Instant(None) => String::new(),
    }
}
