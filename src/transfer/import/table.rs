//! Rows of cells out of a file: CSV streamed record by record and XLSX
//! sheets cell by cell (memory is that of one row), or the first sheet of a
//! workbook that has a nomination header. Each row carries the line (CSV) or row number (sheet) people see
//! in their editor, and the problems of its cells.

use std::io::{Cursor, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use calamine::{Data, Range, Reader};

use super::decode::{self, display_name};
use super::streamed::{self, Layout, StreamedRows};
use crate::error::{Error, Result};

/// One row of the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawRow {
    /// The line of the CSV file where the row starts, or the sheet's row number.
    pub line: u64,
    pub cells: Vec<String>,
    /// Problems of single cells, by column index (a formula with no saved
    /// value, an error value, undecodable bytes).
    pub issues: Vec<(usize, String)>,
    /// The last row of a text file that does not end with a line break: if
    /// it is also short of cells, the file was cut off.
    pub unterminated: bool,
}

impl RawRow {
    pub fn is_blank(&self) -> bool {
        self.issues.is_empty() && self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// Where the rows come from. A sheet's rows borrow their workbook.
pub enum Rows<'a> {
    Csv(CsvRows),
    Sheet(SheetRows<'a>),
}

impl Rows<'_> {
    pub fn next_row(&mut self) -> Result<Option<RawRow>> {
        match self {
            Rows::Csv(r) => r.next_row(),
            Rows::Sheet(SheetRows::Streamed(r)) => r.next_row(),
            Rows::Sheet(SheetRows::Whole(r)) => Ok(r.next_row()),
        }
    }
}

/// Rows of a delimited text file, decoded on the fly. One row is read
/// ahead, to know which is the last.
pub struct CsvRows {
    reader: csv::Reader<Box<dyn Read + Send>>,
    record: csv::ByteRecord,
    name: String,
    ahead: Option<RawRow>,
    started: bool,
    /// Set once the text turned out not to end with a line break.
    unterminated: Arc<AtomicBool>,
}

/// The separators recognised, in order of preference on a tie.
const SEPARATORS: [u8; 4] = [b',', b';', b'\t', b'|'];

impl CsvRows {
    /// Opens the text file; returns the reader and the separator found.
    pub fn open(path: &Path, encoding: &'static encoding_rs::Encoding) -> Result<(CsvRows, u8)> {
        let unterminated = Arc::new(AtomicBool::new(false));
        let mut text = decode::text_reader(path, encoding, unterminated.clone())?;
        let mut sample = Vec::with_capacity(64 * 1024);
        (&mut text)
            .take(64 * 1024)
            .read_to_end(&mut sample)
            .map_err(|e| Error::io(path, e))?;
        let separator = detect_separator(&sample);
        let stream: Box<dyn Read + Send> = Box::new(Cursor::new(sample).chain(text));
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(separator)
            .from_reader(stream);
        Ok((
            CsvRows {
                reader,
                record: csv::ByteRecord::new(),
                name: display_name(path),
                ahead: None,
                started: false,
                unterminated,
            },
            separator,
        ))
    }

    fn next_row(&mut self) -> Result<Option<RawRow>> {
        if !self.started {
            self.started = true;
            self.ahead = self.read()?;
        }
        let Some(mut row) = self.ahead.take() else {
            return Ok(None);
        };
        self.ahead = self.read()?;
        if self.ahead.is_none() {
            row.unterminated = self.unterminated.load(Ordering::Relaxed);
        }
        Ok(Some(row))
    }

    fn read(&mut self) -> Result<Option<RawRow>> {
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => return Ok(None),
            Ok(true) => {}
            Err(e) => {
                let at = e
                    .position()
                    .map(|p| format!(" at line {}", p.line()))
                    .unwrap_or_default();
                return Err(Error::Refused(format!(
                    "{} cannot be read{at}: {e}",
                    self.name
                )));
            }
        }
        // The text ends every record with '\n' (see `UnixLines`), so the
        // reader now stands on the line after the record's last one.
        let end = self.reader.position().line().saturating_sub(1);
        let mut issues = Vec::new();
        let mut breaks = 0u64;
        let mut cells = Vec::with_capacity(self.record.len());
        for (i, field) in self.record.iter().enumerate() {
            breaks += field.iter().filter(|&&b| b == b'\n').count() as u64;
            let text = match std::str::from_utf8(field) {
                Ok(t) => t.to_string(),
                Err(_) => {
                    issues.push((
                        i,
                        "holds bytes that are not UTF-8 text (the file may be cut off, or mix encodings)".into(),
                    ));
                    String::from_utf8_lossy(field).into_owned()
                }
            };
            if text.contains('\u{FFFD}') && !issues.iter().any(|(c, _)| *c == i) {
                issues.push((
                    i,
                    "holds a character that could not be decoded (the file may be cut off, or mix encodings)".into(),
                ));
            }
            cells.push(text);
        }
        Ok(Some(RawRow {
            line: end.saturating_sub(breaks).max(1),
            cells,
            issues,
            unterminated: false,
        }))
    }
}

/// The separator that splits the sample's lines into the same number of
/// fields most often (and into more than one).
pub fn detect_separator(sample: &[u8]) -> u8 {
    // The last line of the sample may be cut short.
    let cut = match sample.iter().rposition(|&b| b == b'\n') {
        Some(i) => &sample[..=i],
        None => sample,
    };
    let mut best = (b',', 0usize, 0usize);
    for sep in SEPARATORS {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(sep)
            .from_reader(cut);
        let counts: Vec<usize> = reader
            .byte_records()
            .take(50)
            .map_while(|r| r.ok())
            .filter(|r| r.iter().any(|f| !f.is_empty()))
            .map(|r| r.len())
            .collect();
        let Some(mode) = mode_of(&counts) else {
            continue;
        };
        if mode < 2 {
            continue;
        }
        let agreeing = counts.iter().filter(|&&n| n == mode).count();
        if (agreeing, mode) > (best.1, best.2) {
            best = (sep, agreeing, mode);
        }
    }
    best.0
}

fn mode_of(values: &[usize]) -> Option<usize> {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for &v in values {
        match counts.iter_mut().find(|(x, _)| *x == v) {
            Some(c) => c.1 += 1,
            None => counts.push((v, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(v, n)| (n, v))
        .map(|(v, _)| v)
}

/// Rows of one worksheet. Formulas give their saved (cached) value; a
/// formula with none is reported on its cell.
pub enum SheetRows<'a> {
    /// XLSX, read from the sheet's XML as the cells come.
    Streamed(StreamedRows<'a>),
    /// XLS, XLSB and ODS (calamine reads them only whole), and XLSX sheets
    /// whose cells are out of order.
    Whole(WholeRows),
}

/// The rows of a sheet read whole, with its formulas.
pub struct WholeRows {
    range: Range<Data>,
    formulas: Range<String>,
    next: usize,
}

/// An open workbook (XLSX, XLS, ODS).
pub struct Workbook {
    book: calamine::Sheets<Cursor<Vec<u8>>>,
    name: String,
}

impl Workbook {
    /// Opens a workbook. The file is read whole: calamine needs the archive,
    /// and a workbook is compressed far below the size of its rows (which
    /// [`Workbook::rows`] streams for XLSX).
    pub fn open(path: &Path) -> Result<Workbook> {
        let name = display_name(path);
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
            Error::Refused(format!(
                "{name} cannot be read as a spreadsheet (it may be damaged, cut off, or a ZIP archive of something else): {e}"
            ))
        })?;
        Ok(Workbook { book, name })
    }

    /// xlsx, xls, xlsb or ods.
    pub fn format(&self) -> &'static str {
        match self.book {
            calamine::Sheets::Xlsx(_) => "xlsx",
            calamine::Sheets::Xls(_) => "xls",
            calamine::Sheets::Xlsb(_) => "xlsb",
            calamine::Sheets::Ods(_) => "ods",
        }
    }

    pub fn sheet_names(&self) -> Vec<String> {
        self.book.sheet_names()
    }

    /// The rows of one sheet. An XLSX sheet is read twice as a stream: once
    /// for the box of its values (its first and last row and column), then
    /// for its rows.
    pub fn rows(&mut self, sheet: &str) -> Result<SheetRows<'_>> {
        let layout = match &mut self.book {
            calamine::Sheets::Xlsx(xlsx) => streamed::scan(xlsx, sheet),
            _ => Layout::Whole,
        };
        let Workbook { book, name } = self;
        match (layout, book) {
            (Layout::Streamable(bounds), calamine::Sheets::Xlsx(xlsx)) => Ok(SheetRows::Streamed(
                StreamedRows::open(xlsx, sheet, bounds, name)?,
            )),
            (_, book) => WholeRows::read(book, name, sheet).map(SheetRows::Whole),
        }
    }
}

impl WholeRows {
    fn read(
        book: &mut calamine::Sheets<Cursor<Vec<u8>>>,
        name: &str,
        sheet: &str,
    ) -> Result<WholeRows> {
        let range = book.worksheet_range(sheet).map_err(|e| {
            Error::Refused(format!("{name}: sheet \"{sheet}\" cannot be read: {e}"))
        })?;
        // A sheet whose formulas cannot be read still has its values.
        let formulas = book
            .worksheet_formula(sheet)
            .unwrap_or_else(|_| Range::empty());
        Ok(WholeRows {
            range,
            formulas,
            next: 0,
        })
    }

    fn next_row(&mut self) -> Option<RawRow> {
        let (height, width) = self.range.get_size();
        if self.next >= height {
            return None;
        }
        let r = self.next;
        self.next += 1;
        let (row0, col0) = self.range.start().unwrap_or((0, 0));
        let mut cells = Vec::with_capacity(width);
        let mut issues = Vec::new();
        for c in 0..width {
            let value = self.range.get((r, c)).unwrap_or(&Data::Empty);
            let position = (row0 + r as u32, col0 + c as u32);
            let (text, issue) = cell_text(value);
            if let Some(issue) = issue {
                issues.push((c, issue));
            } else if text.is_empty()
                && let Some(formula) = self.formulas.get_value(position).filter(|f| !f.is_empty())
            {
                issues.push((
                    c,
                    format!(
                        "cell {} holds a formula (={formula}) with no saved value: open the file in a spreadsheet program, let it calculate and save it again",
                        cell_name(position)
                    ),
                ));
            }
            cells.push(text);
        }
        Some(RawRow {
            line: u64::from(row0) + r as u64 + 1,
            cells,
            issues,
            unterminated: false,
        })
    }
}

/// "D12" for row 11, column 3 (both from zero).
pub(super) fn cell_name((row, col): (u32, u32)) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

/// A cell's value as the text a person would read in it.
pub(super) fn cell_text(value: &Data) -> (String, Option<String>) {
    match value {
        Data::Empty => (String::new(), None),
        Data::String(s) => (s.clone(), None),
        Data::Int(i) => (i.to_string(), None),
        // Numbers typed into text columns (document numbers, phones) are
        // integers; Excel stores them as floating point.
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => ((*f as i64).to_string(), None),
        Data::Float(f) => (f.to_string(), None),
        Data::Bool(b) => (if *b { "TRUE" } else { "FALSE" }.into(), None),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, hh, mm, ss, _) = dt.to_ymd_hms_milli();
            if (hh, mm, ss) == (0, 0, 0) {
                (format!("{y:04}-{m:02}-{d:02}"), None)
            } else {
                (
                    format!("{y:04}-{m:02}-{d:02} {hh:02}:{mm:02}:{ss:02}"),
                    None,
                )
            }
        }
        Data::DateTime(dt) => (dt.as_f64().to_string(), None),
        Data::DateTimeIso(s) | Data::DurationIso(s) => (s.clone(), None),
        Data::Error(e) => (
            String::new(),
            Some(format!("the cell shows the error {e} instead of a value")),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_are_detected() {
        assert_eq!(detect_separator(b"a,b,c\n1,2,3\n4,5,6\n"), b',');
        assert_eq!(detect_separator(b"a;b;c\n1;2,5;3\n4;5;6\n"), b';');
        assert_eq!(detect_separator(b"a\tb\tc\n1\t2\t3\n"), b'\t');
        // A title line above the header does not mislead.
        assert_eq!(
            detect_separator(b"Delegation of France, 2025\nNom;Prenom;Date\nA;B;C\nD;E;F\n"),
            b';'
        );
        assert_eq!(detect_separator(b"single\ncolumn\n"), b',');
    }

    /// An XLSX file holding one sheet with these rows (`<row>` elements).
    fn workbook_with(rows: &str) -> tempfile::NamedTempFile {
        use std::io::Write;
        const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
        const DOC: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        let parts = [
            (
                "[Content_Types].xml",
                r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string(),
            ),
            (
                "_rels/.rels",
                format!(r#"<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ),
            (
                "xl/workbook.xml",
                format!(r#"<workbook xmlns="{MAIN}" xmlns:r="{DOC}"><sheets><sheet name="List" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ),
            (
                "xl/_rels/workbook.xml.rels",
                format!(r#"<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#),
            ),
            (
                "xl/worksheets/sheet1.xml",
                format!(r#"<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData></worksheet>"#),
            ),
        ];
        let file = tempfile::Builder::new().suffix(".xlsx").tempfile().unwrap();
        let mut zip = zip::ZipWriter::new(file.reopen().unwrap());
        for (name, text) in parts {
            zip.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
        file
    }

    fn all_rows(mut rows: Rows) -> Vec<RawRow> {
        std::iter::from_fn(|| rows.next_row().unwrap()).collect()
    }

    /// The rows of every sheet, streamed when calamine's cell reader allows
    /// it, and read whole.
    fn both_ways(path: &Path) -> Vec<(bool, Vec<RawRow>, Vec<RawRow>)> {
        let mut book = Workbook::open(path).unwrap();
        let mut compared = Vec::new();
        for sheet in book.sheet_names() {
            let rows = book.rows(&sheet).unwrap();
            let streamed = matches!(rows, SheetRows::Streamed(_));
            let read = all_rows(Rows::Sheet(rows));
            let whole = WholeRows::read(&mut book.book, &book.name, &sheet).unwrap();
            compared.push((
                streamed,
                read,
                all_rows(Rows::Sheet(SheetRows::Whole(whole))),
            ));
        }
        compared
    }

    #[test]
    fn streamed_sheets_give_the_rows_of_whole_sheets() {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/import");
        for name in ["formulas.xlsx", "title-and-merged-header.xlsx"] {
            for (streamed, read, whole) in both_ways(&corpus.join(name)) {
                assert!(streamed, "{name}");
                assert_eq!(read, whole, "{name}");
            }
        }
        // The box starts at column C and widens to F on a later row; a
        // formula with no value before the box is not on its rows, one
        // within it is reported, as is an error value; row 4 is a gap.
        let file = workbook_with(concat!(
            r#"<row r="1"><c r="A1"><f>B9*2</f></c></row>"#,
            r#"<row r="2"><c r="C2" t="inlineStr"><is><t>Name</t></is></c><c r="D2"><v>1.5</v></c></row>"#,
            r#"<row r="3"><c r="D3"><f>C2&amp;"x"</f></c><c r="E3" t="e"><v>#N/A</v></c></row>"#,
            r#"<row r="5"><c r="C5"><v>42</v></c><c r="F5" t="b"><v>1</v></c><c r="H5"/></row>"#,
        ));
        let compared = both_ways(file.path());
        let (streamed, read, whole) = &compared[0];
        assert!(streamed);
        assert_eq!(read, whole);
        let lines: Vec<u64> = read.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 3, 4, 5]);
        assert_eq!(read[3].cells, ["42", "", "", "TRUE"]);
        assert_eq!(read[1].issues.len(), 2);
        assert!(
            read[1].issues[0]
                .1
                .starts_with("cell D3 holds a formula (=C2&\"x\")")
        );
        // Cells out of order are read whole.
        let file = workbook_with(concat!(
            r#"<row r="2"><c r="A2"><v>2</v></c></row>"#,
            r#"<row r="1"><c r="A1"><v>1</v></c></row>"#,
        ));
        let compared = both_ways(file.path());
        let (streamed, read, whole) = &compared[0];
        assert!(!streamed);
        assert_eq!(read, whole);
    }

    #[test]
    fn cell_names() {
        assert_eq!(cell_name((0, 0)), "A1");
        assert_eq!(cell_name((11, 3)), "D12");
        assert_eq!(cell_name((0, 26)), "AA1");
    }
}
