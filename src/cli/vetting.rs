//! `accredit vetting`: the lists sent to the host's security service and
//! its answers; a thin face over `vetting`.

use std::path::PathBuf;

use clap::Subcommand;

use super::{Context, output};
use accredit::lookup;
use accredit::transfer::xlsx::TableFormat;
use accredit::vetting::{self, answers, export};
use accredit::{Error, Result};

#[derive(Debug, Subcommand)]
pub enum VettingCommand {
    /// Write the list the security service asks for and mark those on it sent, as one batch.
    Export {
        /// Only these delegations (codes; repeat the flag for several).
        #[arg(long, value_name = "CODE")]
        delegation: Vec<String>,
        /// Only people never sent before [default: everyone without a final answer].
        #[arg(long)]
        not_sent: bool,
        /// csv or xlsx [default: from the output file's extension].
        #[arg(long)]
        format: Option<TableFormat>,
        /// Also write the photos to this ZIP archive, named by reference.
        #[arg(long, value_name = "FILE.zip")]
        photos: Option<PathBuf>,
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Read the answered list back (clearance: cleared, refused or more-information).
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Check the file and report what would change; write nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// The batches sent and what still waits in each, with their age.
    Status {
        #[arg(long)]
        json: bool,
    },
}

pub fn run(ctx: &Context, cmd: VettingCommand) -> Result<()> {
    let (mut conn, actor) = ctx.sign_in()?;
    match cmd {
        VettingCommand::Export {
            delegation,
            not_sent,
            format,
            photos,
            output: path,
            json,
        } => {
            let format = match format.or_else(|| TableFormat::of_path(&path)) {
                Some(f) => f,
                None => {
                    return Err(Error::invalid(
                        "format",
                        format!(
                            "say --format csv or xlsx: {} has neither extension",
                            path.display()
                        ),
                    ));
                }
            };
            let mut selection = export::VettingSelection {
                only_not_sent: not_sent,
                ..Default::default()
            };
            for code in &delegation {
                selection.delegations.push(
                    lookup::delegations::find_by_code(&conn, code)?
                        .ok_or_else(|| Error::not_found("delegation", code))?
                        .id,
                );
            }
            let summary = export::export(
                &mut conn,
                &actor,
                &selection,
                format,
                &path,
                photos.as_deref(),
            )?;
            if json {
                return output::json(&summary);
            }
            output::say(format!(
                "Batch {}: sent {} participant(s) to {}{}; they are marked sent.",
                summary.batch,
                summary.people,
                path.display(),
                summary
                    .photos_file
                    .as_ref()
                    .map(|p| format!(", {} photo(s) to {}", summary.photos, p.display()))
                    .unwrap_or_default()
            ))
        }
        VettingCommand::Import {
            file,
            dry_run,
            json,
        } => {
            let report = answers::import_answers(&mut conn, &actor, &file, dry_run)?;
            if json {
                return output::json(&report);
            }
            output::say(format!(
                "{}{}: {} row(s): {} cleared, {} refused, {} more information requested, {} unchanged, {} without an answer, {} problem(s).",
                if report.dry_run {
                    "Dry run, nothing written. "
                } else {
                    ""
                },
                report.file,
                report.rows,
                report.cleared,
                report.refused,
                report.more_information,
                report.unchanged,
                report.unanswered,
                report.problems.len()
            ))?;
            if !report.revoked.is_empty() {
                output::say(format!(
                    "Revoked after refusal: badge(s) {}.",
                    report
                        .revoked
                        .iter()
                        .map(|s| s.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))?;
            }
            for p in report.problems.iter().chain(&report.unanswered_rows) {
                output::say(format!("  line {}: {} — {}", p.line, p.reference, p.reason))?;
            }
            Ok(())
        }
        VettingCommand::Status { json } => {
            let rule = vetting::rule(&conn)?;
            let batches = vetting::batches(&conn, &actor)?;
            let now = accredit::clock::now();
            if json {
                return output::json(&serde_json::json!({
                    "clearance": rule.to_setting(),
                    "batches": batches,
                }));
            }
            output::say(format!("Security clearance: {}.", rule.describe()))?;
            let rows: Vec<Vec<String>> = batches
                .iter()
                .map(|b| {
                    vec![
                        b.id.to_string(),
                        vetting::age_label(now - b.sent_at),
                        b.people.to_string(),
                        b.waiting.to_string(),
                        b.cleared.to_string(),
                        b.refused.to_string(),
                        b.more_information.to_string(),
                        b.file_name.clone(),
                    ]
                })
                .collect();
            output::table(
                &[
                    "BATCH",
                    "AGE",
                    "PEOPLE",
                    "WAITING",
                    "CLEARED",
                    "REFUSED",
                    "MORE INFO",
                    "FILE",
                ],
                &rows,
            )
        }
    }
}
