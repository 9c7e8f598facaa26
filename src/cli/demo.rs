use clap::Args;

use super::{Context, output};
use accredit::Result;
use accredit::demo;

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// How many synthetic participants to create.
    #[arg(long, default_value_t = demo::DEFAULT_PARTICIPANTS)]
    participants: usize,
    /// Replace the event this data directory already holds (an administrator of it signs in).
    #[arg(long)]
    force: bool,
    /// Also record this many gate scans over the event's days (four entries
    /// for each exit), to rehearse the dashboard.
    #[arg(long, default_value_t = 0, value_name = "N")]
    scans: usize,
    /// The conference's first day (YYYY-MM-DD) [default: yesterday in
    /// Hanoi, so that the second day is today]. `--date 2025-10-25` gives
    /// the seed's own dates.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<jiff::civil::Date>,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Context, args: DemoArgs) -> Result<()> {
    // Replacing an event destroys it: only an administrator of it may.
    if args.force && ctx.workspace.has_event()? {
        let (_, actor) = ctx.sign_in()?;
        actor.require(accredit::auth::Permission::ConfigureEvent)?;
    }
    let started = std::time::Instant::now();
    let now = accredit::clock::now();
    let dates = match args.date {
        Some(first_day) => demo::Dates::starting(first_day, now),
        None => demo::Dates::around(now),
    };
    let summary = demo::create(&ctx.workspace, args.participants, dates, args.force)?;
    let traffic = if args.scans > 0 {
        Some(demo::traffic::add(&ctx.workspace, args.scans)?)
    } else {
        None
    };
    if args.json {
        let mut value = serde_json::to_value(&summary)
            .map_err(|e| accredit::Error::Other(format!("could not write JSON: {e}")))?;
        if let Some(t) = &traffic {
            value["scans"] = serde_json::to_value(t)
                .map_err(|e| accredit::Error::Other(format!("could not write JSON: {e}")))?;
        }
        return output::json(&value);
    }
    output::say(format!(
        "Created the demo conference {} ({} to {}) in {} ({:.1} s):\n  {} delegations ({} states, {} organisations and others), {} participants, {} photos, {} badges, {} sessions, {} checkpoints.\n  Operators: {} (password: demo-<name>).",
        summary.event,
        summary.first_day,
        summary.last_day,
        ctx.workspace.event_place(),
        started.elapsed().as_secs_f64(),
        summary.delegations,
        summary.states,
        summary.organisations,
        summary.participants,
        summary.photos,
        summary.badges,
        summary.sessions,
        summary.checkpoints,
        summary.operators.join(", "),
    ))?;
    if let Some(t) = traffic {
        output::say(format!(
            "  Gate traffic: {} entries and {} exits ({} refused, {} overridden, {} imported from an offline tablet), {} session check-ins.",
            t.entries, t.exits, t.refused, t.overridden, t.imported, t.checkins
        ))?;
    }
    Ok(())
}
