//! `accredit gate`: offline gate packages, scans coming home, revocation
//! updates, overrides. `accredit gate --package FILE` (no subcommand) opens
//! the gate screen on a package; `main` does that before commands run.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use serde::Serialize;

use super::scan::{open_station, print_outcome};
use super::{Context, output};
use accredit::clock;
use accredit::gate::{self, enrolment, package, stations, transfer};
use accredit::{Error, Result};

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
    /// Enrol this laptop as a gate, once: pin the event's root and make the
    /// station's key pair (in the data directory). Prints the station's
    /// fingerprint; the station file (-o) goes to the desk (`gate stations add`).
    Enrol {
        /// The event's root public key (64 hex digits, `accredit keys root` on the desk).
        #[arg(
            long,
            value_name = "HEX",
            required_unless_present = "package",
            conflicts_with = "package"
        )]
        root: Option<String>,
        /// Take the root from this package, if its fingerprint is the one typed.
        #[arg(long, value_name = "FILE", requires = "fingerprint")]
        package: Option<PathBuf>,
        /// The root's fingerprint read off the desk's screen ("3F2A 9C01 …").
        #[arg(long, value_name = "TEXT", requires = "package")]
        fingerprint: Option<String>,
        /// The station's name [default: the computer's name].
        #[arg(long, value_name = "NAME", env = "ACCREDIT_STATION")]
        station: Option<String>,
        /// Write the station file (its name and public key) for the desk.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Enrol again although the laptop is enrolled (a new station key).
        #[arg(long)]
        replace: bool,
        #[arg(long)]
        json: bool,
    },
    /// The gate stations the event enrolled, whose signed scans it takes.
    #[command(subcommand)]
    Stations(StationsCommand),
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

#[derive(Debug, Subcommand)]
pub enum StationsCommand {
    /// Enrol a gate station on the desk: from the station file its
    /// enrolment wrote, or by name and public key.
    Add {
        /// The station file (`accredit gate enrol -o FILE`).
        #[arg(value_name = "FILE", required_unless_present = "public_key")]
        file: Option<PathBuf>,
        #[arg(
            long,
            value_name = "NAME",
            requires = "public_key",
            conflicts_with = "file"
        )]
        name: Option<String>,
        #[arg(long, value_name = "HEX", requires = "name")]
        public_key: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// List the enrolled stations.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Withdraw a station: its scans files are refused from now on.
    Remove { name: String },
}

#[derive(Serialize)]
struct ScansWritten<'a> {
    file: String,
    event: &'a str,
    scans: usize,
    station: &'a str,
    station_kid: &'a str,
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
            let mut file = station.export_scans(&actor)?;
            if !station.is_offline() {
                // The main store's own scans are signed by the event's root.
                let conn = ctx.workspace.open()?;
                let root = accredit::signing::root_key(&ctx.workspace.keys_dir(), &conn)?;
                file.sign("the event's root", &root);
            }
            transfer::write_scans(&path, &file)?;
            let written = ScansWritten {
                file: path.display().to_string(),
                event: &file.event,
                scans: file.scans.len(),
                station: &file.station,
                station_kid: &file.station_kid,
            };
            if json {
                return output::json(&written);
            }
            output::say(format!(
                "Wrote {} scans of event {} to {}, signed by station {} (key {}).",
                written.scans, written.event, written.file, written.station, written.station_kid
            ))
        }
        GateCommand::ImportScans { file: path, json } => {
            let (mut conn, actor) = ctx.sign_in()?;
            let name = path.display().to_string();
            let summary = transfer::import_scans_file(&mut conn, &actor, &path)?;
            if json {
                return output::json(&summary);
            }
            output::say(format!(
                "Imported {} new scans from {name}, signed by station {} ({} already here{}).",
                summary.new,
                summary.signed_by,
                summary.already,
                if summary.overrides > 0 {
                    format!(", {} overrides", summary.overrides)
                } else {
                    String::new()
                }
            ))
        }
        GateCommand::Enrol {
            root,
            package,
            fingerprint,
            station,
            output: station_file,
            replace,
            json,
        } => {
            let station = station.unwrap_or_else(gate::default_station_name);
            let dir = ctx.workspace.data_dir();
            let enrolment = match (root, package, fingerprint) {
                (Some(root), _, _) => {
                    enrolment::enrol_with_root(dir, &root, &station, replace, clock::now())?
                }
                (None, Some(package), Some(fingerprint)) => enrolment::enrol_from_package(
                    dir,
                    &package,
                    &fingerprint,
                    &station,
                    replace,
                    clock::now(),
                )?,
                _ => {
                    return Err(Error::invalid(
                        "root",
                        "give --root HEX, or --package FILE with --fingerprint TEXT",
                    ));
                }
            };
            let summary = enrolment.summary();
            if let Some(out) = &station_file {
                let mut text = serde_json::to_string_pretty(&summary.station)
                    .map_err(|e| Error::Other(e.to_string()))?;
                text.push('\n');
                accredit::files::write_atomic(out, text.as_bytes())?;
            }
            if json {
                return output::json(&summary);
            }
            output::say(format!(
                "This laptop is enrolled as gate station {:?} with root {} (fingerprint {}){}.\nStation fingerprint: {} — the desk adds this station with `accredit gate stations add {}` and compares this fingerprint.",
                summary.station.name,
                summary.root_kid,
                summary.fingerprint,
                summary
                    .event
                    .as_ref()
                    .map(|e| format!(", event {e}"))
                    .unwrap_or_default(),
                summary.station.fingerprint,
                station_file
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| format!(
                        "--name {:?} --public-key {}",
                        summary.station.name, summary.station.public_key
                    )),
            ))
        }
        GateCommand::Stations(command) => run_stations(ctx, command),
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

fn run_stations(ctx: &Context, command: StationsCommand) -> Result<()> {
    let (mut conn, actor) = ctx.sign_in()?;
    match command {
        StationsCommand::Add {
            file,
            name,
            public_key,
            json,
        } => {
            let (name, public_key) = match (file, name, public_key) {
                (Some(file), _, _) => {
                    let station = stations::read_station_file(&file)?;
                    (station.name, station.public_key)
                }
                (None, Some(name), Some(key)) => (name, key),
                _ => {
                    return Err(Error::invalid(
                        "station",
                        "give the station file, or --name NAME with --public-key HEX",
                    ));
                }
            };
            let added = stations::add(&mut conn, &actor, &name, &public_key)?;
            if json {
                return output::json(&added);
            }
            output::say(format!(
                "Enrolled gate station {:?} (key {}). Its fingerprint is {}: check that the gate showed the same.",
                added.name, added.kid, added.fingerprint
            ))
        }
        StationsCommand::List { json } => {
            let list = stations::list(&conn, &actor)?;
            if json {
                return output::json(&list);
            }
            if list.is_empty() {
                return output::say(
                    "No gate station is enrolled yet (`accredit gate stations add FILE`).",
                );
            }
            for s in &list {
                println!(
                    "{}\t{}\t{}\tenrolled by {}",
                    s.name, s.kid, s.fingerprint, s.enrolled_by
                );
            }
            Ok(())
        }
        StationsCommand::Remove { name } => {
            stations::remove(&mut conn, &actor, &name)?;
            output::say(format!(
                "Gate station {:?} is withdrawn: its scans files are refused from now on.",
                name.trim()
            ))
        }
    }
}
