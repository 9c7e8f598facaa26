//! `accredit gate`: offline gate packages, scans coming home, revocation
//! updates, overrides. `accredit gate --package FILE` (no subcommand) opens
//! the gate screen on a package; `main` does that before commands run.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use serde::Serialize;

use super::scan::{open_station, print_outcome};
use super::{Context, output};
use crate::clock;
use crate::error::{Error, Result};
use crate::gate::{self, package, transfer};

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, arg_required_else_help = true)]
pub struct GateArgs {
    /// Open the gate screen on this gate package, with no main store.
    #[arg(long, value_name = "FILE")]
    package: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<GateCommand>,
}

impl GateArgs {
    /// The package to open the gate screen on, for `accredit gate --package FILE`.
    pub fn screen_package(&self) -> Option<&Path> {
        match self.command {
            None => self.package.as_deref(),
            Some(_) => None,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum GateCommand {
    /// Write an offline gate package for the checkpoints a gate serves.
    Export {
        /// A checkpoint the gate serves (several names, or the flag repeated).
        #[arg(long = "checkpoint", value_name = "NAME", required = true, num_args = 1..)]
        checkpoints: Vec<String>,
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Write a gate's scans (a package's, or the main store's) for import-scans.
    Scans {
        /// The gate package whose scans to write [default: the main store's].
        #[arg(long, value_name = "FILE", env = "ACCREDIT_GATE_PACKAGE")]
        package: Option<PathBuf>,
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Merge a gate's scans into the main store; each scan once, however often imported.
    ImportScans {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Load a newer signed revocation list into a gate package.
    UpdateRevocations {
        /// The revocation list (from `accredit keys revocations`).
        file: PathBuf,
        #[arg(long, value_name = "FILE", env = "ACCREDIT_GATE_PACKAGE")]
        package: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Let the holder of a refused scan through, with a reason (supervisors, administrators).
    Override {
        /// The refused scan's id (`scan` in the output of `accredit scan`).
        scan: String,
        /// Why the refused badge is let through.
        #[arg(long)]
        reason: String,
        /// When, in Unix seconds [default: now].
        #[arg(long, value_name = "UNIX_SECONDS", allow_negative_numbers = true)]
        at: Option<i64>,
        /// The gate station [default: the computer's name].
        #[arg(long, value_name = "NAME", env = "ACCREDIT_STATION")]
        station: Option<String>,
        #[arg(long, value_name = "FILE", env = "ACCREDIT_GATE_PACKAGE")]
        package: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Serialize)]
struct ScansWritten<'a> {
    file: String,
    event: &'a str,
    scans: usize,
}

#[derive(Serialize)]
struct RevocationsLoaded {
    package: String,
    sequence: u64,
    revoked: usize,
}

pub fn run(ctx: &Context, args: GateArgs) -> Result<()> {
    let Some(command) = args.command else {
        if args.package.is_none() {
            // With ACCREDIT_* set, clap sees arguments and shows no help itself.
            use clap::CommandFactory;
            super::Cli::command()
                .error(
                    clap::error::ErrorKind::MissingSubcommand,
                    "`accredit gate` needs a subcommand, or --package FILE to open the gate screen",
                )
                .exit();
        }
        return Err(Error::Refused(
            "this build has no GUI to open the gate screen in (built without the `gui` feature); use `accredit scan --package FILE`"
                .into(),
        ));
    };
    match command {
        GateCommand::Export {
            checkpoints,
            output: path,
            json,
        } => {
            let (mut conn, actor) = ctx.sign_in()?;
            let summary = package::export(
                &ctx.workspace,
                &mut conn,
                &actor,
                &checkpoints,
                &path,
                clock::now(),
            )?;
            if json {
                return output::json(&summary);
            }
            output::say(format!(
                "Wrote the gate package for {} to {}: {} badge holders, {} photos, {} operators, revocation list {} ({} revoked), {} bytes.",
                summary.checkpoints.join(", "),
                summary.file,
                summary.holders,
                summary.photos,
                summary.operators,
                summary.revocation_sequence,
                summary.revoked,
                summary.bytes
            ))
        }
        GateCommand::Scans {
            package,
            output: path,
            json,
        } => {
            let (station, actor) = open_station(ctx, package.as_deref())?;
            let file = station.export_scans(&actor)?;
            transfer::write_scans(&path, &file)?;
            let written = ScansWritten {
                file: path.display().to_string(),
                event: &file.event,
                scans: file.scans.len(),
            };
            if json {
                return output::json(&written);
            }
            output::say(format!(
                "Wrote {} scans of event {} to {}.",
                written.scans, written.event, written.file
            ))
        }
        GateCommand::ImportScans { file: path, json } => {
            let (mut conn, actor) = ctx.sign_in()?;
            let file = transfer::read_scans(&path)?;
            let name = path.display().to_string();
            let summary = transfer::import_scans(&mut conn, &actor, &file, &name)?;
            if json {
                return output::json(&summary);
            }
            output::say(format!(
                "Imported {} new scans from {name} ({} already here{}).",
                summary.new,
                summary.already,
                if summary.overrides > 0 {
                    format!(", {} overrides", summary.overrides)
                } else {
                    String::new()
                }
            ))
        }
        GateCommand::UpdateRevocations {
            file,
            package,
            json,
        } => {
            let package = package.ok_or_else(|| {
                Error::Refused(
                    "name the gate package to update with --package FILE (or ACCREDIT_GATE_PACKAGE)"
                        .into(),
                )
            })?;
            let signed = std::fs::read(&file).map_err(|e| Error::io(&file, e))?;
            let (mut station, actor) = open_station(ctx, Some(&package))?;
            let (sequence, revoked) = station.update_revocations(&actor, &signed)?;
            let loaded = RevocationsLoaded {
                package: package.display().to_string(),
                sequence,
                revoked,
            };
            if json {
                return output::json(&loaded);
            }
            output::say(format!(
                "Revocation list {sequence} ({revoked} revoked badges) is now in {}.",
                loaded.package
            ))
        }
        GateCommand::Override {
            scan,
            reason,
            at,
            station: station_name,
            package,
            json,
        } => {
            let at = at.unwrap_or_else(clock::now);
            let (mut station, actor) = open_station(ctx, package.as_deref())?;
            let station_name = station_name.unwrap_or_else(gate::default_station_name);
            let outcome =
                station.override_refusal(&actor, &actor, &scan, &reason, at, &station_name)?;
            if json {
                output::json(&outcome)
            } else {
                print_outcome(&outcome)
            }
        }
    }
}
