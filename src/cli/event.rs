use clap::Subcommand;
use serde::Serialize;

use super::{Context, output};
use accredit::Result;
use accredit::lookup;

#[derive(Debug, Subcommand)]
pub enum EventCommand {
    /// Show the event.
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Change the event's settings (only those given).
    Set(Box<super::event_settings::SetArgs>),
    /// Draw a sample badge with the event's settings, as it will print, to a PNG.
    Preview(super::event_settings::PreviewArgs),
}

#[derive(Serialize)]
struct EventView {
    code: String,
    name: String,
    venue: String,
    time_zone: String,
    start_date: String,
    end_date: String,
    badge_valid_from: i64,
    badge_valid_until: i64,
    title_band: String,
    footer: String,
    default_layout: String,
    participants: u64,
    delegations: usize,
    band_colour: String,
    has_logo: bool,
    revocation_max_age_minutes: u32,
}

pub fn run(ctx: &Context, cmd: EventCommand) -> Result<()> {
    match cmd {
        EventCommand::Show { json } => {
            let conn = ctx.open()?;
            let e = lookup::event::get(&conn)?;
            let participants: u64 = lookup::participants::count_by_status(&conn)?
                .iter()
                .map(|(_, n)| n)
                .sum();
            let view = EventView {
                code: e.code.to_string(),
                name: e.name.clone(),
                venue: e.venue.clone(),
                time_zone: e.time_zone.clone(),
                start_date: e.start_date.to_string(),
                end_date: e.end_date.to_string(),
                badge_valid_from: e.badge_valid_from,
                badge_valid_until: e.badge_valid_until,
                title_band: e.title_band.clone(),
                footer: e.footer.clone(),
                default_layout: e.default_layout.to_string(),
                participants,
                delegations: lookup::delegations::list(&conn)?.len(),
                band_colour: e.band_colour.hex(),
                has_logo: lookup::event::logo(&conn)?.is_some(),
                revocation_max_age_minutes: e.revocation_max_age_minutes,
            };
            if json {
                return output::json(&view);
            }
            output::say(format!(
                "{} — {}\n{}, {} ({})\nBadges valid {} to {}\n{} participants, {} delegations\nData: {}",
                view.code,
                view.name,
                view.venue,
                e.dates_label(),
                view.time_zone,
                e.local_time(e.badge_valid_from),
                e.local_time(e.badge_valid_until),
                view.participants,
                view.delegations,
                ctx.workspace.event_place()
            ))
        }
        EventCommand::Set(args) => super::event_settings::run_set(ctx, *args),
        EventCommand::Preview(args) => super::event_settings::run_preview(ctx, args),
    }
}
