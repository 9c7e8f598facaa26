use clap::{Args, Subcommand};

use super::{Context, output};
use accredit::db::ServerUrl;
use accredit::{Error, Result};

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Copy the whole event to or from an event server: every row, the audit
    /// chain still verifying, serials going on. The receiving store must be empty.
    Copy(CopyArgs),
}

#[derive(Debug, Args)]
pub struct CopyArgs {
    /// Copy this event (the data directory's, or --database's) into the empty
    /// database at URL.
    #[arg(
        long,
        value_name = "URL",
        conflicts_with = "from",
        required_unless_present = "from"
    )]
    to: Option<String>,
    /// Copy the event at URL into this store (the data directory's, or
    /// --database's), which must hold no event.
    #[arg(long, value_name = "URL")]
    from: Option<String>,
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Context, cmd: DbCommand) -> Result<()> {
    let DbCommand::Copy(args) = cmd;
    let here = ctx.workspace.clone();
    let (from, to) = match (&args.to, &args.from) {
        (Some(url), None) => (here.clone(), here.on_server(server(url)?, None)),
        (None, Some(url)) => (here.clone().on_server(server(url)?, None), here),
        _ => return Err(Error::invalid("db copy", "give --to URL or --from URL")),
    };
    // The operator signs in on the event being copied.
    let actor = {
        let db = from.open()?;
        let (name, password) = ctx.credentials()?;
        accredit::auth::sign_in(&db, &name, &password, accredit::clock::now())?
    };
    let summary = accredit::backup::copy::copy_event(&from, &to, &actor)?;
    if args.json {
        return output::json(&summary);
    }
    output::say(format!(
        "Copied the event from {} to {}: {} rows in {} tables.",
        from.event_place(),
        to.event_place(),
        summary.rows,
        summary.tables.len()
    ))
}

fn server(url: &str) -> Result<ServerUrl> {
    let url = ServerUrl::parse(url)?;
    if let Some(warning) = url.warning() {
        eprintln!("warning: {warning}");
    }
    Ok(url)
}
