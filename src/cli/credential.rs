//! `accredit credential verify`: a standalone verifier, no store needed.
//!
//! ```text
//! accredit credential verify (--trust-list FILE | --signed-trust-list FILE.acrt --root HEX)
//!     [--revoked SERIAL,SERIAL…] [--at UNIX_SECONDS] [--zone N] [--holder-inside] [--json] TEXT
//! ```
//!
//! With `--signed-trust-list`, the list is first checked against the pinned
//! root (event-trust-v1 section 3); a refused list is an error (exit 1,
//! naming the failed check), and no badge is checked against it.
//!
//! Prints one verdict identifier per credential (with `--json`, one line
//! `{"verdict":…,"claims":{…}|null}`). `TEXT` `-` reads one credential per
//! line from stdin. Exit code 0 whatever the verdicts; 2 on a usage error
//! ([`CliError::exit_code`]).

use std::collections::BTreeSet;
use std::io::{BufRead, Write};
use std::path::PathBuf;

use accredit::credential::{
    Claims, Direction, SignedTrustList, StaticState, TrustList, Verdict, Verification,
    VerifyContext, verify,
};
use serde::Serialize;

/// Arguments of `accredit credential verify`.
#[derive(Debug, Clone, clap::Args)]
pub struct VerifyArgs {
    /// The event's trust list (JSON, format accredit-trust-list/1).
    #[arg(
        long,
        value_name = "FILE",
        required_unless_present = "signed_trust_list",
        conflicts_with = "signed_trust_list"
    )]
    pub trust_list: Option<PathBuf>,

    /// The event's signed trust list (event-trust-v1, `.acrt`), checked
    /// against --root before any badge.
    #[arg(long, value_name = "FILE", requires = "root")]
    pub signed_trust_list: Option<PathBuf>,

    /// The pinned root public key (64 hex digits, from `accredit keys root`).
    #[arg(long, value_name = "HEX", requires = "signed_trust_list")]
    pub root: Option<String>,

    /// Serials to treat as revoked.
    #[arg(long, value_name = "SERIAL,SERIAL…", value_delimiter = ',')]
    pub revoked: Vec<u64>,

    /// Validation time in Unix seconds [default: now].
    #[arg(long, value_name = "UNIX_SECONDS", allow_negative_numbers = true)]
    pub at: Option<i64>,

    /// Verify at a checkpoint of this zone (1–64); without it, the zone and
    /// anti-passback checks are skipped.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=64))]
    pub zone: Option<u8>,

    /// Treat the holder as already inside (anti-passback, entries only).
    #[arg(long)]
    pub holder_inside: bool,

    /// Print one JSON object per credential instead of the bare verdict.
    #[arg(long)]
    pub json: bool,

    /// The credential text (ACR1:…), or `-` to read one per line from stdin.
    #[arg(value_name = "TEXT")]
    pub text: String,
}

/// Why `credential verify` could not run.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The invocation or its inputs are wrong (e.g. an unreadable trust list).
    #[error("{0}")]
    Usage(String),
    /// Reading stdin or writing stdout failed.
    #[error("input/output failed: {0}")]
    Io(#[from] std::io::Error),
    /// The signed trust list was refused (event-trust-v1 section 3).
    #[error("{0}")]
    Refused(String),
}

impl CliError {
    /// The process exit code: 2 for usage errors, 1 for I/O failures.
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Usage(_) => 2,
            CliError::Io(_) | CliError::Refused(_) => 1,
        }
    }
}

/// One line of `--json` output.
#[derive(Serialize)]
struct JsonLine<'a> {
    verdict: Verdict,
    claims: Option<&'a Claims>,
}

/// Runs `credential verify`, reading stdin only for `TEXT` = `-`.
pub fn run_verify(
    args: &VerifyArgs,
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
) -> Result<(), CliError> {
    let trust = load_trust(args)?;
    let state = StaticState {
        revoked: args.revoked.iter().copied().collect::<BTreeSet<u64>>(),
        inside: args.holder_inside,
    };
    let mut ctx = VerifyContext::new(args.at.unwrap_or_else(now), &state);
    if let Some(zone) = args.zone {
        ctx = ctx.at_checkpoint(zone, Direction::Entry);
    }
    let mut print = |verification: Verification| -> Result<(), CliError> {
        if args.json {
            let line = JsonLine {
                verdict: verification.verdict,
                claims: verification.claims.as_ref(),
            };
            serde_json::to_writer(&mut *stdout, &line).map_err(std::io::Error::from)?;
            writeln!(stdout)?;
        } else {
            writeln!(stdout, "{}", verification.verdict)?;
            // Standard output stays one identifier a line for scripts; the
            // person reading learns when an expired badge's window ended.
            if let (Verdict::Expired, Some(claims)) = (verification.verdict, &verification.claims) {
                eprintln!(
                    "serial {}: the badge's validity ended {}",
                    claims.serial,
                    utc(claims.expires)
                );
            }
        }
        Ok(())
    };

    if args.text != "-" {
        print(verify(&args.text, &trust, &ctx))?;
        return stdout.flush().map_err(CliError::from);
    }
    let mut line = Vec::new();
    loop {
        line.clear();
        if stdin.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        let verification = match std::str::from_utf8(strip_line_terminator(&line)) {
            Ok(text) => verify(text, &trust, &ctx),
            // Not UTF-8, so not a credential; it still gets its verdict line.
            Err(_) => Verification {
                verdict: Verdict::Malformed,
                claims: None,
                kid: None,
            },
        };
        print(verification)?;
    }
    stdout.flush().map_err(CliError::from)
}

/// The trust list to verify against: a JSON trust list as it is, or a
/// signed one once it passed every check against the pinned root.
fn load_trust(args: &VerifyArgs) -> Result<TrustList, CliError> {
    if let (Some(path), Some(root)) = (&args.signed_trust_list, &args.root) {
        let root = accredit::credential::parse_public_key(root)
            .map_err(|why| CliError::Usage(format!("--root: {why}")))?;
        let bytes = std::fs::read(path).map_err(|e| {
            CliError::Usage(format!(
                "cannot read the signed trust list {}: {e}",
                path.display()
            ))
        })?;
        let list = SignedTrustList::verify(&bytes, &root, None, None).map_err(|e| {
            CliError::Refused(format!(
                "the signed trust list {} is refused, {e}",
                path.display()
            ))
        })?;
        return Ok(list.trust);
    }
    let Some(path) = &args.trust_list else {
        return Err(CliError::Usage(
            "give --trust-list FILE, or --signed-trust-list FILE.acrt with --root HEX".into(),
        ));
    };
    let json = std::fs::read_to_string(path).map_err(|e| {
        CliError::Usage(format!(
            "cannot read the trust list {}: {e}",
            path.display()
        ))
    })?;
    TrustList::from_json(&json).map_err(|e| CliError::Usage(format!("{}: {e}", path.display())))
}

/// Removes a final `\n` or `\r\n`, nothing else.
fn strip_line_terminator(line: &[u8]) -> &[u8] {
    match line.strip_suffix(b"\n") {
        Some(line) => line.strip_suffix(b"\r").unwrap_or(line),
        None => line,
    }
}

fn now() -> i64 {
    accredit::clock::now()
}

/// `2025-10-26T17:00:00Z`, or the bare number if out of range.
fn utc(unix: u64) -> String {
    i64::try_from(unix)
        .ok()
        .and_then(|t| jiff::Timestamp::from_second(t).ok())
        .map(|t| t.to_string())
        .unwrap_or_else(|| unix.to_string())
}

#[cfg(test)]
mod tests;
