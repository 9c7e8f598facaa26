//! `accredit import`, `accredit photos import` and `accredit export`: thin
//! faces over `transfer`.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::{Context, output};
use accredit::transfer::export::{self, ExportKind};
use accredit::transfer::import::{self, ImportOptions, ImportReport};
use accredit::transfer::photos::{self, PhotoReport};
use accredit::transfer::template;
use accredit::transfer::xlsx::TableFormat;
use accredit::{Error, Result};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The nomination list: CSV (any encoding and separator), XLSX, XLS or ODS.
    #[arg(
        value_name = "FILE",
        required_unless_present = "template",
        conflicts_with = "template"
    )]
    file: Option<PathBuf>,
    /// The delegation (code) of a file from one delegation: rows with no
    /// delegation are theirs, rows of another delegation are refused.
    #[arg(long, value_name = "CODE")]
    delegation: Option<String>,
    /// Check the file and report what would be imported; write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Write the empty nomination spreadsheet to send to delegations (with -o).
    #[arg(long, requires = "output")]
    template: bool,
    /// Where to write the template.
    #[arg(short, long, value_name = "FILE.xlsx")]
    output: Option<PathBuf>,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Subcommand)]
pub enum PhotosCommand {
    /// Import the photos of a folder or ZIP archive; each file is named after
    /// the participant's reference or document number (VNM-0001.jpg).
    Import {
        #[arg(value_name = "FOLDER_OR_ZIP")]
        source: PathBuf,
        /// Check every photo and report; write nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportWhat {
    /// Participants, with their badge and its hand-over.
    Participants,
    /// Every badge ever issued.
    Badges,
    /// Every scan at a checkpoint.
    Scans,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    what: ExportWhat,
    /// csv or xlsx (default: from the output file's extension).
    #[arg(long)]
    format: Option<TableFormat>,
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
    #[arg(long)]
    json: bool,
}

pub fn run_import(ctx: &Context, args: ImportArgs) -> Result<()> {
    let (mut conn, actor) = ctx.sign_in()?;
    if args.template {
        let path = args
            .output
            .ok_or_else(|| Error::invalid("output", "give the template's file with -o"))?;
        let summary = template::write_template(&conn, &actor, &path)?;
        if args.json {
            return output::json(&summary);
        }
        return output::say(format!(
            "Wrote {} ({} columns, {} delegations, {} categories in the drop-down lists).",
            path.display(),
            summary.columns.len(),
            summary.delegations,
            summary.categories
        ));
    }
    let Some(file) = args.file else {
        return Err(Error::invalid("file", "name the file to import"));
    };
    let report = import::import_nominations(
        &mut conn,
        &actor,
        &file,
        &ImportOptions {
            delegation: args.delegation,
            dry_run: args.dry_run,
        },
    )?;
    if args.json {
        return output::json(&report);
    }
    print_import(&report)
}

fn print_import(r: &ImportReport) -> Result<()> {
    let mut how = vec![r.format.clone()];
    how.extend(r.encoding.clone());
    if let Some(sep) = &r.separator {
        how.push(format!("separator {sep}"));
    }
    if let Some(sheet) = &r.sheet {
        how.push(format!("sheet \"{sheet}\""));
    }
    how.push(format!("header on line {}", r.header_line));
    output::say(format!("{}: {}", r.file, how.join(", ")))?;
    let columns: Vec<String> = r
        .columns
        .iter()
        .map(|c| format!("{} → {}", c.column, c.field.key()))
        .collect();
    output::say(format!("Columns: {}", columns.join("; ")))?;
    for c in &r.ignored_columns {
        output::say(format!("Ignored column \"{}\": {}", c.column, c.reason))?;
    }
    for m in &r.missing_columns {
        output::say(m.message.as_str())?;
    }
    output::say(format!(
        "{} rows: {} imported, {} updated, {} unchanged, {} rejected.{}",
        r.rows,
        r.imported,
        r.updated,
        r.unchanged,
        r.rejected,
        if r.dry_run {
            " Dry run: nothing was written."
        } else {
            ""
        }
    ))?;
    if !r.problems.is_empty() {
        output::say("\nRejected rows:")?;
        let rows: Vec<Vec<String>> = r
            .problems
            .iter()
            .map(|p| vec![p.line.to_string(), p.column.clone(), p.reason.clone()])
            .collect();
        output::table(&["LINE", "COLUMN", "REASON"], &rows)?;
    }
    if !r.notices.is_empty() {
        output::say("\nNotices:")?;
        let rows: Vec<Vec<String>> = r
            .notices
            .iter()
            .map(|n| {
                vec![
                    n.line.to_string(),
                    n.participant.map(|p| p.to_string()).unwrap_or_default(),
                    n.message.clone(),
                ]
            })
            .collect();
        output::table(&["LINE", "PARTICIPANT", "NOTICE"], &rows)?;
    }
    Ok(())
}

pub fn run_photos(ctx: &Context, cmd: PhotosCommand) -> Result<()> {
    let (mut conn, actor) = ctx.sign_in()?;
    match cmd {
        PhotosCommand::Import {
            source,
            dry_run,
            json,
        } => {
            let report = photos::import_photos(&mut conn, &actor, &source, dry_run)?;
            if json {
                return output::json(&report);
            }
            print_photos(&report)
        }
    }
}

fn print_photos(r: &PhotoReport) -> Result<()> {
    output::say(format!(
        "{}: {} files: {} imported, {} unchanged, {} rejected.{}",
        r.source,
        r.files,
        r.imported,
        r.unchanged,
        r.rejected,
        if r.dry_run {
            " Dry run: nothing was written."
        } else {
            ""
        }
    ))?;
    if !r.problems.is_empty() {
        output::say("\nRejected files:")?;
        let rows: Vec<Vec<String>> = r
            .problems
            .iter()
            .map(|p| vec![p.file.clone(), p.reason.clone()])
            .collect();
        output::table(&["FILE", "REASON"], &rows)?;
    }
    if !r.notices.is_empty() {
        output::say("\nNotices:")?;
        let rows: Vec<Vec<String>> = r
            .notices
            .iter()
            .map(|n| vec![n.file.clone(), n.participant.to_string(), n.message.clone()])
            .collect();
        output::table(&["FILE", "PARTICIPANT", "NOTICE"], &rows)?;
    }
    Ok(())
}

pub fn run_export(ctx: &Context, args: ExportArgs) -> Result<()> {
    let (conn, actor) = ctx.sign_in()?;
    let format = match args.format.or_else(|| TableFormat::of_path(&args.output)) {
        Some(f) => f,
        None => {
            return Err(Error::invalid(
                "format",
                "say --format csv or --format xlsx (or end the file name in .csv or .xlsx)",
            ));
        }
    };
    let kind = match args.what {
        ExportWhat::Participants => ExportKind::Participants,
        ExportWhat::Badges => ExportKind::Badges,
        ExportWhat::Scans => ExportKind::Scans,
    };
    let summary = export::export(&conn, &actor, kind, format, &args.output)?;
    if args.json {
        return output::json(&summary);
    }
    output::say(format!(
        "Wrote {} {} to {} ({} bytes).",
        summary.rows,
        kind.as_str(),
        args.output.display(),
        summary.bytes
    ))
}
