//! `accredit zones list|add|edit|remove`.

use clap::Subcommand;
use serde::Serialize;

use super::{Context, output};
use accredit::domain::ZoneNumber;
use accredit::lookup;
use accredit::setup::{self, ZoneForm};
use accredit::{Error, Result};

#[derive(Debug, Subcommand)]
pub enum ZonesCommand {
    /// List the zones with what uses each.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add a zone.
    Add {
        /// 1 to 64: what badges carry and print.
        #[arg(long)]
        number: String,
        /// 1 to 8 capital letters or digits.
        #[arg(long)]
        code: String,
        #[arg(long)]
        name: String,
    },
    /// Change a zone's code or name (its number never changes).
    Edit {
        number: ZoneNumber,
        #[arg(long)]
        code: Option<String>,
        #[arg(long)]
        name: Option<String>,
    },
    /// Remove a zone nothing uses.
    Remove { number: ZoneNumber },
}

#[derive(Serialize)]
struct ZoneView {
    number: ZoneNumber,
    code: String,
    name: String,
    /// Categories that open it by default.
    categories: Vec<String>,
    checkpoints: Vec<String>,
    sessions: Vec<String>,
    active_badges: u64,
}

pub fn run(ctx: &Context, cmd: ZonesCommand) -> Result<()> {
    let (mut conn, actor) = ctx.sign_in()?;
    match cmd {
        ZonesCommand::List { json } => {
            let mut views = Vec::new();
            for z in lookup::zones::list(&conn)? {
                let used = lookup::usage::zone_use(&conn, z.number)?;
                views.push(ZoneView {
                    number: z.number,
                    code: z.code,
                    name: z.name,
                    categories: used.categories,
                    checkpoints: used.checkpoints,
                    sessions: used.sessions,
                    active_badges: used.active_badges,
                });
            }
            if json {
                return output::json(&views);
            }
            let rows: Vec<Vec<String>> = views
                .iter()
                .map(|v| {
                    vec![
                        v.number.to_string(),
                        v.code.clone(),
                        v.name.clone(),
                        v.categories.join(" "),
                        v.checkpoints.len().to_string(),
                        v.active_badges.to_string(),
                    ]
                })
                .collect();
            output::table(
                &[
                    "ZONE",
                    "CODE",
                    "NAME",
                    "CATEGORIES",
                    "CHECKPOINTS",
                    "BADGES",
                ],
                &rows,
            )
        }
        ZonesCommand::Add { number, code, name } => {
            let zone = ZoneForm { number, code, name }
                .parse()
                .map_err(Error::Invalid)?;
            setup::add_zone(&mut conn, &actor, &zone)?;
            output::say(format!(
                "Added zone {} {} ({}).",
                zone.number, zone.code, zone.name
            ))
        }
        ZonesCommand::Edit { number, code, name } => {
            let current = lookup::zones::find(&conn, number)?
                .ok_or_else(|| Error::not_found("zone", number))?;
            let mut form = ZoneForm::from_zone(&current);
            if let Some(code) = code {
                form.code = code;
            }
            if let Some(name) = name {
                form.name = name;
            }
            let zone = form.parse().map_err(Error::Invalid)?;
            setup::edit_zone(&mut conn, &actor, &zone)?;
            output::say(format!(
                "Saved zone {} {} ({}).",
                zone.number, zone.code, zone.name
            ))
        }
        ZonesCommand::Remove { number } => {
            setup::remove_zone(&mut conn, &actor, number)?;
            output::say(format!("Removed zone {number}."))
        }
    }
}
