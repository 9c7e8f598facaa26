use std::path::PathBuf;

use clap::Subcommand;

use super::{Context, output};
use accredit::clock;
use accredit::i18n::Language;
use accredit::report::{self, Destination, Format, Request, Scope, TableId};
use accredit::{Error, Result};

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Attendance: accreditation pipeline, states and organisations
    /// represented, categories, delegations, sessions, zones, arrivals.
    Attendance {
        /// Only this session (its name, any case).
        #[arg(long, value_name = "NAME")]
        session: Option<String>,
        /// Only this delegation (its code).
        #[arg(long, value_name = "CODE")]
        delegation: Option<String>,
        /// json, csv, xlsx or pdf.
        #[arg(long)]
        format: Format,
        /// For CSV, the table to write [default: delegations, or participants
        /// with --session or --delegation].
        #[arg(long, value_name = "NAME")]
        table: Option<TableId>,
        /// The figures as of this instant (Unix seconds or RFC 3339) [default: now].
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        /// The language of the PDF and of the XLSX's sheet names and headers:
        /// en, vi, fr, ar, zh, ru or es (English where the report is not
        /// translated). JSON and CSV stay English. [default: the event's
        /// document language, `event set --language`, English unless set]
        #[arg(long, value_name = "CODE")]
        lang: Option<String>,
        /// The file to write, or `-` for standard output.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
}

pub fn run(ctx: &Context, cmd: ReportCommand) -> Result<()> {
    let ReportCommand::Attendance {
        session,
        delegation,
        format,
        table,
        at,
        lang,
        output: path,
    } = cmd;
    let chosen = lang.as_deref().map(language).transpose()?;
    if table.is_some() && format != Format::Csv {
        return Err(Error::invalid(
            "table",
            "--table chooses the table of a CSV file; the other formats hold every table",
        ));
    }
    let at = match at {
        Some(text) => clock::parse_instant(&text).ok_or_else(|| {
            Error::invalid(
                "at",
                format!(
                    "\"{text}\" is not an instant (Unix seconds or e.g. 2025-10-25T09:00:00+07:00)"
                ),
            )
        })?,
        None => clock::now(),
    };
    let (mut conn, actor) = ctx.sign_in()?;
    let language = or_the_events(chosen, &conn)?;
    let request = Request {
        scope: Scope {
            session,
            delegation,
        },
        at,
        format,
        table,
    };
    if path.as_os_str() == "-" {
        let mut stdout = std::io::stdout().lock();
        report::export_in(
            &mut conn,
            &actor,
            &request,
            Destination::Stream(&mut stdout),
            language,
        )?;
        return Ok(());
    }
    let summary = report::export_in(
        &mut conn,
        &actor,
        &request,
        Destination::File(&path),
        language,
    )?;
    output::say(format!(
        "Wrote the attendance report ({}, {}, figures as of {}) to {} ({} bytes).",
        summary.format.as_str().to_uppercase(),
        summary.scope,
        accredit::attendance::local_minute(at, &accredit::lookup::event::get(&conn)?.tz()),
        path.display(),
        summary.bytes
    ))
}

/// The language a `--lang` chose, else the event's document language
/// (`event set --language`).
pub(super) fn or_the_events(chosen: Option<Language>, conn: &accredit::db::Db) -> Result<Language> {
    match chosen {
        Some(language) => Ok(language),
        None => accredit::setup::document_language(conn),
    }
}

/// The language a `--lang` names: one line naming the flag when it names
/// none the application speaks.
pub(super) fn language(code: &str) -> Result<Language> {
    code.parse::<Language>()
        .map_err(|e| Error::Other(format!("--lang: {e}")))
}
