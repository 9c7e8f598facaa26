use clap::Args;

use super::{Context, output};
use crate::demo;
use crate::error::Result;

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// How many synthetic participants to create.
    #[arg(long, default_value_t = demo::DEFAULT_PARTICIPANTS)]
    participants: usize,
    /// Replace the event this data directory already holds (an administrator of it signs in).
    #[arg(long)]
    force: bool,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Context, args: DemoArgs) -> Result<()> {
    // Replacing an event destroys it: only an administrator of it may.
    if args.force && ctx.workspace.has_event()? {
        let (_, actor) = ctx.sign_in()?;
        actor.require(crate::auth::Permission::ConfigureEvent)?;
    }
    let started = std::time::Instant::now();
    let summary = demo::create(&ctx.workspace, args.participants, args.force)?;
    if args.json {
        return output::json(&summary);
    }
    output::say(format!(
        "Created the demo conference {} in {} ({:.1} s):\n  {} delegations ({} states, {} organisations and others), {} participants, {} photos, {} badges, {} sessions, {} checkpoints.\n  Operators: {} (password: demo-<name>).",
        summary.event,
        ctx.workspace.data_dir().display(),
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
    ))
}
