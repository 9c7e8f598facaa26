//! Importing nomination lists from CSV and spreadsheets, as delegations send
//! them: in any encoding, separator and language of headers, with title rows,
//! two-row headers and formulas. One function, [`import_nominations`], serves
//! the CLI and the GUI alike. It reads the file as a stream (memory is that of
//! a row for CSV and XLSX), checks every row, and writes everything in one
//! transaction with an audit entry per participant; a dry run runs the very
//! same code and rolls back, so its counts are exact.

mod apply;
mod columns;
pub(crate) mod decode;
mod known;
mod rows;
mod streamed;
pub(crate) mod table;

use crate::store::{Db, Tx};
use std::path::Path;

use serde::Serialize;

pub use columns::{
    ColumnUse, Field, IgnoredColumn, MissingColumn, Recognition, field_of, recognise,
};
pub use decode::display_name;
pub use rows::document_key;

use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::domain::ParticipantId;
use crate::error::{Error, Result};
use columns::HeaderMap;
use decode::Content;
use table::{CsvRows, RawRow, Rows, Workbook};

/// How many non-blank rows may come before the header (titles, notes).
pub(crate) const HEADER_SEARCH_ROWS: usize = 20;

/// What to import and how.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// The delegation (code) of a file from one delegation: rows with an
    /// empty delegation cell are theirs, rows naming another are refused.
    pub delegation: Option<String>,
    /// Check and count everything, then roll back: nothing is written.
    pub dry_run: bool,
}

/// A problem that keeps a row out, in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The line of the CSV file where the row starts, or the sheet's row number.
    pub line: u64,
    /// The column as headed in the file; empty for the row as a whole.
    pub column: String,
    /// The participant field (`family_name`, `date_of_birth`…); empty for
    /// the row as a whole.
    pub field: String,
    pub reason: String,
}

impl Problem {
    pub(crate) fn new(line: u64, column: &str, field: Field, reason: String) -> Problem {
        Problem {
            line,
            column: column.to_string(),
            field: field.key().to_string(),
            reason,
        }
    }

    pub(crate) fn row(line: u64, reason: String) -> Problem {
        Problem {
            line,
            column: String::new(),
            field: String::new(),
            reason,
        }
    }
}

/// What kind of thing a notice reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// Likely the same person as someone of another delegation: not merged.
    Duplicate,
    /// An approved participant's active badge shows data the row changed.
    Reprint,
    /// A rejected or cancelled participant's details were updated.
    Status,
    /// A participant was updated on the strength of the name alone.
    NameOnly,
    /// Rows before the header were left out.
    Skipped,
}

/// Something the desk should know about a row that was imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub line: u64,
    pub participant: Option<ParticipantId>,
    pub kind: NoticeKind,
    pub message: String,
}

/// What an import did (or, in a dry run, would do). Field names are part of
/// the CLI's JSON interface.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// The file's name.
    pub file: String,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// csv, xlsx, xls or ods.
    pub format: String,
    /// The text encoding found (CSV only).
    pub encoding: Option<String>,
    /// The separator found (CSV only): "," ";" "tab" or "|".
    pub separator: Option<String>,
    /// The sheet read (workbooks only).
    pub sheet: Option<String>,
    /// The line (or row) of the header.
    pub header_line: u64,
    pub columns: Vec<ColumnUse>,
    pub ignored_columns: Vec<IgnoredColumn>,
    /// Fields the import needs or a check relies on (date of birth, document
    /// expiry) that no column gives, in plain words.
    pub missing_columns: Vec<MissingColumn>,
    pub dry_run: bool,
    /// Data rows read (blank rows are not counted).
    pub rows: usize,
    pub imported: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub rejected: usize,
    /// Every problem of every rejected row.
    pub problems: Vec<Problem>,
    pub notices: Vec<Notice>,
    /// The participants created or updated, in file order.
    pub participants: Vec<ParticipantId>,
    /// The codes of the delegations of those participants, in the order
    /// first met.
    pub delegations: Vec<String>,
}

impl ImportReport {
    fn note_delegation(&mut self, code: &str) {
        if !self.delegations.iter().any(|c| c == code) {
            self.delegations.push(code.to_string());
        }
    }
}

/// Imports a nomination list (CSV, XLSX, XLS or ODS) as nominated
/// participants. Rows that match someone already nominated update them;
/// rows with problems are left out and reported. Everything is written in
/// one transaction, or nothing (a dry run, or a failure half-way).
pub fn import_nominations(
    conn: &mut Db,
    actor: &Actor,
    path: &Path,
    options: &ImportOptions,
) -> Result<ImportReport> {
    actor.require(Permission::ImportNominations)?;
    let scan = decode::scan(path)?;
    let started = ImportReport {
        file: display_name(path),
        sha256: hex::encode(scan.sha256),
        dry_run: options.dry_run,
        ..Default::default()
    };
    let now = crate::clock::now();
    // A try that meets another desk starts over: the file is read again
    // from its start, into a report of its own.
    conn.write_or_dry_run(options.dry_run, |tx| {
        let mut report = started.clone();
        with_rows(path, &scan.content, &mut report, |rows, header, report| {
            import_rows(tx, actor, options, now, rows, header, report)
        })?;
        Ok(report)
    })
}

/// Checks and writes the rows after the header, inside `tx`.
fn import_rows(
    tx: &Tx,
    actor: &Actor,
    options: &ImportOptions,
    now: i64,
    rows: &mut Rows,
    header: HeaderMap,
    report: &mut ImportReport,
) -> Result<()> {
    let refs = rows::References::load(tx, options.delegation.as_deref())?;
    if !header.has(Field::Delegation) && refs.default_delegation.is_none() {
        return Err(Error::Refused(format!(
            "{} has no Delegation column: add one, or import it with --delegation CODE if the whole file is from one delegation",
            report.file
        )));
    }
    report.columns = header.uses();
    report.ignored_columns = header.ignored.clone();
    report.missing_columns = header.missing(refs.default_delegation.is_some());
    let mut writer = apply::Writer::new(tx, actor, now, refs, header)?;
    while let Some(row) = rows.next_row()? {
        if !row.is_blank() {
            writer.row(&row, report)?;
        }
    }
    drop(writer);
    audit::record(
        tx,
        actor,
        now,
        Change::new("import.nominations", "import", &report.sha256),
        None::<&()>,
        Some(&serde_json::json!({
            "file": report.file,
            "sha256": report.sha256,
            "rows": report.rows,
            "imported": report.imported,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "rejected": report.rejected,
        })),
    )
}

/// Opens the rows of the file, reads up to its header and hands the rows
/// after it to `body`. The rows of a sheet borrow the workbook opened here,
/// hence the callback.
fn with_rows<T>(
    path: &Path,
    content: &Content,
    report: &mut ImportReport,
    body: impl FnOnce(&mut Rows, HeaderMap, &mut ImportReport) -> Result<T>,
) -> Result<T> {
    match *content {
        Content::Text { encoding, .. } => {
            let (csv, separator) = CsvRows::open(path, encoding)?;
            report.format = "csv".into();
            report.encoding = Some(encoding.name().to_string());
            report.separator = Some(match separator {
                b'\t' => "tab".to_string(),
                other => (other as char).to_string(),
            });
            let mut rows = Rows::Csv(csv);
            match find_header(&mut rows)? {
                HeaderSearch::Found(header) => {
                    header.note(report);
                    body(&mut rows, header.map, report)
                }
                HeaderSearch::NotFound { first } => Err(no_header(&report.file, first, None)),
            }
        }
        Content::Workbook => {
            let mut book = Workbook::open(path)?;
            report.format = book.format().to_string();
            let sheets = book.sheet_names();
            let mut first_seen = None;
            for sheet in &sheets {
                let mut rows = Rows::Sheet(book.rows(sheet)?);
                match find_header(&mut rows)? {
                    HeaderSearch::Found(header) => {
                        report.sheet = Some(sheet.clone());
                        header.note(report);
                        return body(&mut rows, header.map, report);
                    }
                    HeaderSearch::NotFound { first } => {
                        first_seen = first_seen.or(first);
                    }
                }
            }
            Err(no_header(&report.file, first_seen, Some(&sheets)))
        }
    }
}

struct Header {
    map: HeaderMap,
    line: u64,
    /// Non-blank lines before the header (titles, notes).
    skipped: Vec<u64>,
}

impl Header {
    fn note(&self, report: &mut ImportReport) {
        report.header_line = self.line;
        if let Some(&first) = self.skipped.first() {
            let lines = self
                .skipped
                .iter()
                .map(|l| l.to_string())
                .collect::<Vec<_>>()
                .join(", ");
            report.notices.push(Notice {
                line: first,
                participant: None,
                kind: NoticeKind::Skipped,
                message: if self.skipped.len() == 1 {
                    format!(
                        "line {lines} comes before the header (line {}) and was not imported",
                        self.line
                    )
                } else {
                    format!(
                        "lines {lines} come before the header (line {}) and were not imported",
                        self.line
                    )
                },
            });
        }
    }
}

enum HeaderSearch {
    Found(Header),
    /// No header; the first non-blank row (its line and cells), to say what
    /// the file looks like instead.
    NotFound {
        first: Option<(u64, String)>,
    },
}

/// Reads rows until one reads as a header (looking at most at
/// [`HEADER_SEARCH_ROWS`] non-blank rows).
fn find_header(rows: &mut Rows) -> Result<HeaderSearch> {
    let mut previous: Option<RawRow> = None;
    let mut skipped: Vec<u64> = Vec::new();
    let mut first = None;
    while let Some(row) = rows.next_row()? {
        if row.is_blank() {
            continue;
        }
        let map = HeaderMap::read(&row.cells, previous.as_ref().map(|r| r.cells.as_slice()));
        if map.is_header() {
            if map.uses_row_above {
                skipped.pop();
            }
            return Ok(HeaderSearch::Found(Header {
                map,
                line: row.line,
                skipped,
            }));
        }
        if first.is_none() {
            let shown: Vec<String> = row
                .cells
                .iter()
                .filter(|c| !c.trim().is_empty())
                .take(6)
                .map(|c| format!("\"{}\"", c.trim().chars().take(40).collect::<String>()))
                .collect();
            first = Some((row.line, shown.join(", ")));
        }
        skipped.push(row.line);
        if skipped.len() >= HEADER_SEARCH_ROWS {
            break;
        }
        previous = Some(row);
    }
    Ok(HeaderSearch::NotFound { first })
}

fn no_header(file: &str, first: Option<(u64, String)>, sheets: Option<&[String]>) -> Error {
    let seen = match first {
        Some((line, cells)) => format!(" (line {line} reads {cells})"),
        None => " (it holds no data)".to_string(),
    };
    let place = match sheets {
        Some(names) => format!(" in any sheet ({})", names.join(", ")),
        None => String::new(),
    };
    Error::Refused(format!(
        "{file}: no header row found{place}{seen}. The first rows must name the columns, e.g. Family name, Given names, Delegation, Category, Date of birth; `accredit import --template` writes a spreadsheet with them"
    ))
}

#[cfg(test)]
mod tests;
