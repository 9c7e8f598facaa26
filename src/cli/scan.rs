//! `accredit scan`: a badge scanned at a checkpoint, recorded, its verdict
//! printed; on the main store, or with `--package` as an offline gate would.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use clap::Args;

use super::{Context, output};
use accredit::auth::Actor;
use accredit::clock;
use accredit::domain::{CheckpointId, Direction};
use accredit::gate::enrolment::Enrolment;
use accredit::gate::{self, ScanOutcome, ScanRequest, Station};
use accredit::{Error, Result};

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// The credential text (ACR1:…), as the scanner reads it; `-` reads one
    /// per line from stdin and prints one verdict per line.
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
pub(super) fn open_station(ctx: &Context, package: Option<&Path>) -> Result<(Station, Actor)> {
    match package {
        Some(path) => {
            let mut enrolment = Enrolment::load(ctx.workspace.data_dir())?;
            let mut station = Station::open_package(path, &mut enrolment)?;
            let (name, password) = ctx.credentials()?;
            let actor = station.sign_in(&name, &password, clock::now())?;
            Ok((station, actor))
        }
        None => {
            let (conn, actor) = ctx.sign_in()?;
            Ok((Station::open_store(conn)?, actor))
        }
    }
}

pub fn run(ctx: &Context, args: ScanArgs) -> Result<()> {
    let at = args.at.unwrap_or_else(clock::now);
    let (mut station, actor) = open_station(ctx, args.package.as_deref())?;
    let checkpoint = station.checkpoint_named(&args.checkpoint)?.id;
    let station_name = args
        .station
        .clone()
        .unwrap_or_else(gate::default_station_name);
    if args.text == "-" {
        return scan_lines(&mut station, &actor, &args, checkpoint, &station_name);
    }
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

/// `accredit scan -`: a scanner (or a script) writes one credential per
/// line; each gets its verdict line once its scan is committed. Lines that
/// arrived together are committed together (one fsync for the lot).
fn scan_lines(
    station: &mut Station,
    actor: &Actor,
    args: &ScanArgs,
    checkpoint: CheckpointId,
    station_name: &str,
) -> Result<()> {
    let mut input = BufReader::with_capacity(256 * 1024, std::io::stdin().lock());
    let stdout = std::io::stdout();
    loop {
        // Wait for one line, then take every complete line already read.
        let mut lines = Vec::new();
        let first = read_line(&mut input)?;
        let Some(first) = first else {
            return Ok(());
        };
        lines.push(first);
        while input.buffer().contains(&b'\n') {
            match read_line(&mut input)? {
                Some(line) => lines.push(line),
                None => break,
            }
        }
        let texts: Vec<&str> = lines
            .iter()
            .map(|l| l.as_str())
            .filter(|l| !l.is_empty())
            .collect();
        let requests: Vec<ScanRequest> = texts
            .iter()
            .map(|text| ScanRequest {
                text,
                checkpoint,
                direction: args.direction,
                at: args.at.unwrap_or_else(clock::now),
                station: station_name,
            })
            .collect();
        for outcome in station.scan_batch(actor, &requests)? {
            let outcome = outcome?;
            if args.json {
                let mut out = stdout.lock();
                serde_json::to_writer(&mut out, &outcome)
                    .map_err(|e| Error::Other(format!("could not write JSON: {e}")))?;
                writeln!(out).map_err(|e| Error::io("stdout", e))?;
            } else {
                output::say(format!("{}  {}", outcome.verdict, outcome.message))?;
            }
        }
        stdout.lock().flush().map_err(|e| Error::io("stdout", e))?;
    }
}

/// The next line of `input` without its `\n` or `\r\n`; `None` at the end.
/// Bytes that are not UTF-8 are kept as replacement characters: the line is
/// then no credential, and is recorded as such.
fn read_line(input: &mut impl BufRead) -> Result<Option<String>> {
    let mut bytes = Vec::new();
    if input
        .read_until(b'\n', &mut bytes)
        .map_err(|e| Error::io("stdin", e))?
        == 0
    {
        return Ok(None);
    }
    let line = bytes.strip_suffix(b"\n").unwrap_or(&bytes);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    Ok(Some(String::from_utf8_lossy(line).into_owned()))
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
