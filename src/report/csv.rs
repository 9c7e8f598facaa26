//! One table as CSV: UTF-8 with a byte-order mark (so that spreadsheet
//! programs read accents and scripts right), a header row, counts as plain
//! numbers.

use super::tables::Table;
use crate::error::{Error, Result};

const BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn write(table: &Table) -> Result<Vec<u8>> {
    let csv_error = |e: csv::Error| Error::Other(format!("could not write the CSV report: {e}"));
    let mut writer = csv::Writer::from_writer(BOM.to_vec());
    writer
        .write_record(table.columns.iter().map(|c| c.title.as_str()))
        .map_err(csv_error)?;
    for row in &table.rows {
        writer
            .write_record(row.iter().map(|cell| cell.text()))
            .map_err(csv_error)?;
    }
    writer
        .into_inner()
        .map_err(|e| Error::Other(format!("could not write the CSV report: {e}")))
}
