//! `accredit scan`: a badge scanned at a checkpoint, recorded, its verdict
//! printed; on the main store, or with `--package` as an offline gate would.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{Context, output};
use crate::auth::Actor;
use crate::clock;
use crate::domain::Direction;
use crate::error::Result;
use crate::gate::{self, ScanOutcome, ScanRequest, Station};

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// The credential text (ACR1:…), as the scanner reads it.
    text: String,
    /// The checkpoint where the badge is presented.
    #[arg(long, value_name = "NAME")]
    checkpoint: String,
    /// entry or exit.
    #[arg(long, default_value = "entry")]
    direction: Direction,
    /// When, in Unix seconds [default: now].
    #[arg(long, value_name = "UNIX_SECONDS", allow_negative_numbers = true)]
    at: Option<i64>,
    /// The gate station recording the scan [default: the computer's name].
    #[arg(long, value_name = "NAME", env = "ACCREDIT_STATION")]
    station: Option<String>,
    /// Run from this gate package alone, as an offline gate (scans kept beside it).
    #[arg(long, value_name = "FILE", env = "ACCREDIT_GATE_PACKAGE")]
    package: Option<PathBuf>,
    #[arg(long)]
    json: bool,
}

/// Opens the station the command runs on: the package (signing in against
/// the operators it carries) or the main store, whose trust list is taken
/// as of `at`.
pub(super) fn open_station(
    ctx: &Context,
    package: Option<&Path>,
    at: i64,
) -> Result<(Station, Actor)> {
    match package {
        Some(path) => {
            let mut station = Station::open_package(path)?;
            let (name, password) = ctx.credentials()?;
            let actor = station.sign_in(&name, &password, clock::now())?;
            Ok((station, actor))
        }
        None => {
            let (conn, actor) = ctx.sign_in()?;
            Ok((Station::open_store(conn, at)?, actor))
        }
    }
}

pub fn run(ctx: &Context, args: ScanArgs) -> Result<()> {
    let at = args.at.unwrap_or_else(clock::now);
    let (mut station, actor) = open_station(ctx, args.package.as_deref(), at)?;
    let checkpoint = station.checkpoint_named(&args.checkpoint)?.id;
    let station_name = args.station.unwrap_or_else(gate::default_station_name);
    let outcome = station.scan(
        &actor,
        &ScanRequest {
            text: &args.text,
            checkpoint,
            direction: args.direction,
            at,
            station: &station_name,
        },
    )?;
    if args.json {
        output::json(&outcome)
    } else {
        print_outcome(&outcome)
    }
}

/// The verdict for people: identifier and words, then who it is, then the scan's id.
pub(super) fn print_outcome(o: &ScanOutcome) -> Result<()> {
    for warning in &o.warnings {
        eprintln!("warning: {warning}");
    }
    output::say(format!("{}  {}", o.verdict, o.message))?;
    if !o.override_reason.is_empty() {
        output::say(format!("reason: {}", o.override_reason))?;
    }
    if let Some(h) = &o.holder {
        let mut line = format!("{} · {} {}", h.name, h.delegation, h.delegation_name);
        if let Some(b) = &o.badge {
            line.push_str(&format!(
                " · {} {} · zones {}",
                b.category, b.category_name, b.zones
            ));
        }
        output::say(line)?;
    }
    output::say(format!("scan {}", o.scan))
}
