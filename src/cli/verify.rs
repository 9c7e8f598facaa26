use clap::Args;

use super::{Context, output};
use accredit::credential::{Direction, Verdict};
use accredit::{Error, Result};
use accredit::{clock, gate, lookup};

/// `accredit verify`: a credential checked against this store, nothing recorded.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The credential text (ACR1:…).
    text: String,
    /// Check at this checkpoint (zone and anti-passback).
    #[arg(long, value_name = "NAME")]
    checkpoint: Option<String>,
    /// entry or exit (with --checkpoint).
    #[arg(long, default_value = "entry")]
    direction: Direction,
    /// Validation time, Unix seconds [default: now].
    #[arg(long, value_name = "UNIX_SECONDS", allow_negative_numbers = true)]
    at: Option<i64>,
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Context, args: VerifyArgs) -> Result<()> {
    let (conn, actor) = ctx.sign_in()?;
    let checkpoint = match &args.checkpoint {
        Some(name) => Some(
            lookup::checkpoints::find_by_name(&conn, name)?
                .ok_or_else(|| Error::not_found("checkpoint", name))?,
        ),
        None => None,
    };
    let at = args.at.unwrap_or_else(clock::now);
    let v = gate::verify(
        &conn,
        &actor,
        &args.text,
        checkpoint.as_ref(),
        args.direction,
        at,
    )?;
    if args.json {
        return output::json(&v);
    }
    output::say(v.verdict)?;
    // Standard output stays the bare identifier for scripts.
    if let (Verdict::Expired, Some(claims)) = (v.verdict, &v.claims) {
        let event = lookup::event::get(&conn)?;
        eprintln!(
            "Badge expired on {} ({}): its validity window has ended.",
            gate::verdict::day_and_time(&event, claims.expires as i64),
            event.time_zone
        );
    }
    Ok(())
}
