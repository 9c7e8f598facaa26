//! `accredit init`: a new event in an empty data directory.

use clap::Args;

use super::{Context, output};
use accredit::setup::{self, EventForm};
use accredit::{Error, Result};

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The event's code, 1 to 16 capital letters, digits or '-' (signed into every badge).
    #[arg(long)]
    code: String,
    #[arg(long)]
    name: String,
    #[arg(long, default_value = "")]
    venue: String,
    /// First day (2025-10-25, 25/10/2025 or 25.10.2025).
    #[arg(long, value_name = "DATE")]
    start: String,
    /// Last day.
    #[arg(long, value_name = "DATE")]
    end: String,
    /// IANA time zone, e.g. Asia/Ho_Chi_Minh.
    #[arg(long, value_name = "TZ")]
    time_zone: String,
    /// Badges valid from this local date and time [default: two days before the start, 00:00].
    #[arg(long, value_name = "YYYY-MM-DDTHH:MM")]
    badge_from: Option<String>,
    /// Badges valid until this local date and time [default: the day after the end, 00:00].
    #[arg(long, value_name = "YYYY-MM-DDTHH:MM")]
    badge_until: Option<String>,
    /// The text of the badge's title band [default: the event's name].
    #[arg(long)]
    title_band: Option<String>,
    /// The footer line of every badge.
    #[arg(long, default_value = setup::DEFAULT_FOOTER)]
    footer: String,
    /// The first administrator (the password comes from ACCREDIT_PASSWORD or a prompt).
    #[arg(long, value_name = "NAME", default_value = "admin")]
    admin: String,
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Context, args: InitArgs) -> Result<()> {
    let form = EventForm {
        code: args.code,
        name: args.name,
        venue: args.venue,
        time_zone: args.time_zone,
        start_date: args.start,
        end_date: args.end,
        badge_valid_from: args.badge_from.unwrap_or_default(),
        badge_valid_until: args.badge_until.unwrap_or_default(),
        title_band: args.title_band.unwrap_or_default(),
        footer: args.footer,
        ..EventForm::new()
    };
    let event = form.parse(None).map_err(Error::Invalid)?;
    if ctx.workspace.has_event()? {
        // Said before asking for a password that would not be used.
        return Err(Error::Refused(format!(
            "{} already holds an event (one event per data directory or database): choose another --data-dir or --database",
            ctx.workspace.event_place()
        )));
    }
    let password = admin_password(&args.admin)?;
    let (summary, _) = setup::init(&ctx.workspace, &event, &args.admin, &password)?;
    if args.json {
        return output::json(&summary);
    }
    output::say(format!(
        "Created {} — {} in {}:\n  {} zones and {} categories (change them with `accredit zones` and `accredit categories`), signing key {}.\n  Administrator: {}. Badges valid {} to {} ({}).\n  Root fingerprint: {} (write it down: gates are enrolled with it, see `accredit keys root`).",
        summary.event,
        summary.name,
        summary.data_dir,
        summary.zones,
        summary.categories,
        summary.key,
        summary.administrator,
        event.local_time(event.badge_valid_from),
        event.local_time(event.badge_valid_until),
        event.time_zone,
        summary.root_fingerprint,
    ))
}

fn admin_password(admin: &str) -> Result<String> {
    if let Ok(p) = std::env::var("ACCREDIT_PASSWORD") {
        return Ok(p);
    }
    let ask = |prompt: String| {
        rpassword::prompt_password(prompt)
            .map_err(|e| Error::Refused(format!("no password given for {admin}: {e}")))
    };
    let first = ask(format!("Password for the administrator {admin}: "))?;
    let again = ask("The same password again: ".into())?;
    if first != again {
        return Err(Error::invalid("password", "the two passwords differ"));
    }
    Ok(first)
}
