//! Attendance reports: every figure of the dashboard as JSON, CSV, XLSX or a
//! PDF an organiser hands to a chair. One [`Report`] is built from the store
//! ([`build`]), laid out as tables ([`tables`]) that the CSV, XLSX and PDF
//! writers share, and written with [`export_in`] (which the CLI and the
//! dashboard's export buttons both call).

mod csv;
pub(crate) mod pdf;
pub mod tables;
mod xlsx;

use crate::store::Db;
use std::path::Path;

use serde::Serialize;

use crate::attendance::{self, Figures, PersonRow, SessionDetail};
use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::error::{Error, Result};
use crate::i18n::Language;
use crate::store;

pub use tables::{Cell, Column, Table, TableId};

/// The file formats of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Json,
    Csv,
    Xlsx,
    Pdf,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Pdf, Format::Xlsx, Format::Csv, Format::Json];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Pdf => "pdf",
        }
    }

    /// The file name extension.
    pub fn extension(self) -> &'static str {
        self.as_str()
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            "xlsx" => Ok(Format::Xlsx),
            "pdf" => Ok(Format::Pdf),
            other => Err(format!(
                "\"{other}\" is not a report format (json, csv, xlsx, pdf)"
            )),
        }
    }
}

/// What a report covers: the whole event, one delegation, one session, or
/// one delegation at one session. Names as the user types them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// A session's name (any case).
    pub session: Option<String>,
    /// A delegation's code (any case).
    pub delegation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventSummary {
    pub code: String,
    pub name: String,
    pub venue: String,
    /// "25–26 October 2025": in the document's language (English in JSON).
    pub dates: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DelegationRef {
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScopeSummary {
    pub delegation: Option<DelegationRef>,
    pub session: Option<String>,
}

/// Everything a report shows. Serialised as it is for `--format json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Always `attendance`.
    pub report: &'static str,
    pub event: EventSummary,
    pub scope: ScopeSummary,
    #[serde(flatten)]
    pub figures: Figures,
    /// The session in detail, with `--session`; null otherwise.
    pub session: Option<SessionDetail>,
    /// Every participant of the delegation (`--delegation`) or every person
    /// invited to or attending the session (`--session`); null for the
    /// whole event.
    pub participants: Option<Vec<PersonRow>>,
}

impl Report {
    /// "All participants", "Delegation VNM — Viet Nam", "Session …".
    pub fn scope_label(&self) -> String {
        self.scope_label_in(Language::English)
    }

    /// [`Report::scope_label`] in `language`.
    pub fn scope_label_in(&self, language: Language) -> String {
        let delegation = self
            .scope
            .delegation
            .as_ref()
            .map(|d| format!("{} — {}", d.code, d.name));
        match (&self.scope.session, delegation) {
            (None, None) => crate::tr!(language, "doc-report-scope-all"),
            (None, Some(d)) => crate::tr!(language, "doc-report-scope-delegation", delegation = d),
            (Some(s), None) => s.clone(),
            (Some(s), Some(d)) => crate::tr!(
                language,
                "doc-report-scope-session-delegation",
                session = s,
                delegation = d
            ),
        }
    }
}

/// The language a document is written in: `language` when the documents
/// are translated into it (English, Vietnamese, French), else English, so
/// that a document never mixes two languages' words.
pub fn document_language(language: Language) -> Language {
    if crate::i18n::has_own(language, "doc-report-title") {
        language
    } else {
        Language::English
    }
}

/// A local date, or date and minute, of the figures ("2025-10-25",
/// "2025-10-25 09:00") with the date as `language` writes it in a table
/// ("25/10/2025 09:00"); anything else as it is.
pub(crate) fn local_minute_in(language: Language, local: &str) -> String {
    let Some(date) = local
        .get(..10)
        .and_then(|d| d.parse::<jiff::civil::Date>().ok())
    else {
        return local.to_string();
    };
    match local.get(10..) {
        Some("") => crate::i18n::date_short(language, date),
        Some(rest) if rest.starts_with(' ') => {
            format!("{}{rest}", crate::i18n::date_short(language, date))
        }
        _ => local.to_string(),
    }
}

/// Computes the report as of `at`. Refuses an unknown delegation or session,
/// naming it.
pub fn build(conn: &Db, actor: &Actor, scope: &Scope, at: i64) -> Result<Report> {
    build_in(conn, actor, scope, at, Language::English)
}

/// [`build`], the event's dates written in `language`.
pub fn build_in(
    conn: &Db,
    actor: &Actor,
    scope: &Scope,
    at: i64,
    language: Language,
) -> Result<Report> {
    actor.require(Permission::ViewReports)?;
    let event = store::event::get(conn)?;
    let delegation = match &scope.delegation {
        Some(code) => Some(
            store::delegations::find_by_code(conn, code)?.ok_or_else(|| {
                Error::invalid(
                    "delegation",
                    format!("no delegation has the code \"{}\"", code.trim()),
                )
            })?,
        ),
        None => None,
    };
    let session = match &scope.session {
        Some(name) => Some(match store::sessions::find_by_name(conn, name)? {
            Some(s) => s,
            None => {
                let names: Vec<String> = store::sessions::list(conn)?
                    .into_iter()
                    .map(|s| format!("\"{}\"", s.name))
                    .collect();
                return Err(Error::invalid(
                    "session",
                    format!(
                        "no session is called \"{}\"; the sessions are: {}",
                        name.trim(),
                        names.join(", ")
                    ),
                ));
            }
        }),
        None => None,
    };
    let loaded = attendance::load(conn, actor, at, delegation.as_ref().map(|d| d.id))?;
    let detail = session
        .as_ref()
        .and_then(|s| SessionDetail::compute(&loaded.facts, &loaded.figures, s.id));
    let participants = if let Some(s) = &session {
        let selector =
            attendance::Selector::new(attendance::Group::All, attendance::Measure::Attended(s.id));
        let invited =
            attendance::Selector::new(attendance::Group::All, attendance::Measure::Invited(s.id));
        let mut positions = selector.select(&loaded.facts);
        positions.extend(invited.select(&loaded.facts));
        positions.sort_unstable();
        positions.dedup();
        Some(attendance::people_rows(
            conn,
            &loaded.facts,
            &positions,
            Some(s.id),
        )?)
    } else if delegation.is_some() {
        let positions: Vec<usize> = (0..loaded.facts.people.len()).collect();
        Some(attendance::people_rows(
            conn,
            &loaded.facts,
            &positions,
            None,
        )?)
    } else {
        None
    };
    Ok(Report {
        report: "attendance",
        event: EventSummary {
            code: event.code.to_string(),
            name: event.name.clone(),
            venue: event.venue.clone(),
            dates: event.dates_label_in(language),
        },
        scope: ScopeSummary {
            delegation: delegation.map(|d| DelegationRef {
                code: d.code,
                name: d.name,
            }),
            session: session.map(|s| s.name),
        },
        figures: loaded.figures,
        session: detail,
        participants,
    })
}

/// The report in `format`. `table` chooses the table of a CSV file (default:
/// delegations for the whole event, participants for a delegation or a
/// session); the other formats hold every table.
pub fn render(report: &Report, format: Format, table: Option<TableId>) -> Result<Vec<u8>> {
    render_in(report, format, table, Language::English)
}

/// [`render`] with the XLSX's sheet names and headers and the PDF's words in
/// `language`; JSON and CSV stay English (scripts read them).
pub fn render_in(
    report: &Report,
    format: Format,
    table: Option<TableId>,
    language: Language,
) -> Result<Vec<u8>> {
    match format {
        Format::Json => serde_json::to_vec_pretty(report)
            .map_err(|e| Error::Other(format!("could not write the JSON report: {e}"))),
        Format::Csv => {
            let all = tables::tables(report);
            let wanted = table.unwrap_or_else(|| tables::default_csv_table(report));
            let chosen = all.iter().find(|t| t.id == wanted).ok_or_else(|| {
                Error::invalid(
                    "table",
                    format!(
                        "this report has no {} table; it has: {}",
                        wanted.as_str(),
                        all.iter()
                            .map(|t| t.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
            })?;
            csv::write(chosen)
        }
        Format::Xlsx => xlsx::write(report, &tables::tables_in(report, language), language),
        Format::Pdf => pdf::write(report, &tables::tables_in(report, language), language),
    }
}

/// What to export: the scope, the instant of the figures, the format and,
/// for CSV, the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub scope: Scope,
    pub at: i64,
    pub format: Format,
    pub table: Option<TableId>,
}

/// Where an export goes.
pub enum Destination<'a> {
    /// A file, written whole or not at all.
    File(&'a Path),
    /// A stream, e.g. standard output (`-o -`).
    Stream(&'a mut dyn std::io::Write),
}

/// What [`export_in`] wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportSummary {
    pub format: Format,
    /// The file, or `-` for a stream.
    pub path: String,
    pub bytes: usize,
    pub as_of: i64,
    pub scope: String,
}

/// Builds the report, writes it, and records the export in the audit trail
/// (the file holds personal data) in the same transaction: when the file
/// cannot be written, no export is recorded. The PDF's words and the XLSX's sheet names and headers in
/// `language` (English where the documents are not translated into it);
/// JSON and CSV stay English. The audit trail records the export in English.
pub fn export_in(
    conn: &mut Db,
    actor: &Actor,
    request: &Request,
    to: Destination,
    language: Language,
) -> Result<ExportSummary> {
    let language = match request.format {
        Format::Json | Format::Csv => Language::English,
        Format::Xlsx | Format::Pdf => document_language(language),
    };
    let report = build_in(conn, actor, &request.scope, request.at, language)?;
    let bytes = render_in(&report, request.format, request.table, language)?;
    // Immediate: the audit chain is read and extended under the write lock,
    // so a gate or another export committing meanwhile makes this wait
    // (busy timeout) instead of fail.
    let tx = conn.transaction()?;
    let summary = ExportSummary {
        format: request.format,
        path: match &to {
            Destination::File(path) => path.display().to_string(),
            Destination::Stream(_) => "-".into(),
        },
        bytes: bytes.len(),
        as_of: request.at,
        scope: report.scope_label(),
    };
    audit::record(
        &tx,
        actor,
        crate::clock::now(),
        Change::new("report.export", "report", "attendance"),
        None::<&()>,
        Some(&summary),
    )?;
    match to {
        Destination::File(path) => crate::files::write_atomic(path, &bytes)?,
        Destination::Stream(out) => out
            .write_all(&bytes)
            .and_then(|()| out.flush())
            .map_err(|e| Error::io("stdout", e))?,
    }
    tx.commit()?;
    Ok(summary)
}

/// Where the dashboard puts the reports it exports: `reports/` in the data
/// directory, readable by its owner only (reports hold personal data).
pub fn reports_dir(workspace: &crate::Workspace) -> Result<std::path::PathBuf> {
    let dir = workspace.data_dir().join("reports");
    crate::workspace::create_private_dir(&dir)?;
    Ok(dir)
}

/// A file name for a report: `attendance-HN25-2025-10-25-09-00.pdf`, with the
/// delegation's code and the start of the session's name when scoped
/// (`attendance-HN25-VNM-signing-ceremony-of-the-2025-10-25-09-00.pdf`).
pub fn file_name(event: &str, scope: &Scope, as_of_local: &str, format: Format) -> String {
    let slug = |text: &str, max: usize| -> String {
        let words: Vec<String> = text
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
        let mut out = String::new();
        for w in words {
            if !out.is_empty() && out.len() + 1 + w.len() > max {
                break;
            }
            if !out.is_empty() {
                out.push('-');
            }
            out.push_str(&w);
        }
        out
    };
    let mut parts = vec!["attendance".to_string(), event.to_string()];
    if let Some(code) = &scope.delegation {
        parts.push(code.trim().to_ascii_uppercase());
    }
    if let Some(name) = &scope.session {
        parts.push(slug(name, 24));
    }
    parts.push(slug(as_of_local, 20));
    parts.retain(|p| !p.is_empty());
    format!("{}.{}", parts.join("-"), format.extension())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_say_what_and_when() {
        let all = Scope::default();
        assert_eq!(
            file_name("HN25", &all, "2025-10-25 09:00", Format::Pdf),
            "attendance-HN25-2025-10-25-09-00.pdf"
        );
        let scoped = Scope {
            session: Some("Signing ceremony of the United Nations Convention".into()),
            delegation: Some("vnm".into()),
        };
        assert_eq!(
            file_name("HN25", &scoped, "2025-10-26 18:00", Format::Xlsx),
            "attendance-HN25-VNM-signing-ceremony-of-the-2025-10-26-18-00.xlsx"
        );
    }

    #[test]
    fn local_dates_read_in_each_language() {
        for local in [
            "2025-10-25 09:00",
            "2025-10-25",
            "",
            "soon",
            "2025-10-25T09",
        ] {
            assert_eq!(local_minute_in(Language::English, local), local);
        }
        assert_eq!(
            local_minute_in(Language::Vietnamese, "2025-10-25 09:00"),
            "25/10/2025 09:00"
        );
        assert_eq!(
            local_minute_in(Language::French, "2025-10-25"),
            "25/10/2025"
        );
    }

    #[test]
    fn documents_fall_back_to_english_whole() {
        assert_eq!(document_language(Language::French), Language::French);
        assert_eq!(
            document_language(Language::Vietnamese),
            Language::Vietnamese
        );
        assert_eq!(document_language(Language::Arabic), Language::English);
        assert_eq!(document_language(Language::English), Language::English);
    }

    #[test]
    fn formats_parse() {
        for f in Format::ALL {
            assert_eq!(f.as_str().parse::<Format>().unwrap(), f);
        }
        let err = "docx".parse::<Format>().unwrap_err();
        assert!(err.contains("json, csv, xlsx, pdf"), "{err}");
    }
}
