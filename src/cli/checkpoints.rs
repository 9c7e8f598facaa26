//! `accredit checkpoints add|edit|remove` (the listing is in `reference.rs`).

use accredit::db::Db;
use clap::Subcommand;

use super::{Context, output};
use accredit::domain::Checkpoint;
use accredit::lookup;
use accredit::setup::{self, CheckpointForm};
use accredit::{Error, Result};

#[derive(Debug, Subcommand)]
pub enum CheckpointChange {
    /// Add a checkpoint.
    Add {
        #[arg(long)]
        name: String,
        /// The zone it lets people into.
        #[arg(long)]
        zone: String,
        /// entry, exit or both.
        #[arg(long, default_value = "both")]
        directions: String,
    },
    /// Change a checkpoint (only the fields given).
    Edit {
        /// The checkpoint's name.
        checkpoint: String,
        /// A new name.
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        zone: Option<String>,
        /// entry, exit or both.
        #[arg(long)]
        directions: Option<String>,
    },
    /// Remove a checkpoint where no badge was scanned.
    Remove { checkpoint: String },
}

fn find(conn: &Db, name: &str) -> Result<Checkpoint> {
    lookup::checkpoints::find_by_name(conn, name)?
        .ok_or_else(|| Error::not_found("checkpoint", name))
}

pub fn run(ctx: &Context, cmd: CheckpointChange) -> Result<()> {
    let (mut conn, actor) = ctx.sign_in()?;
    match cmd {
        CheckpointChange::Add {
            name,
            zone,
            directions,
        } => {
            let c = CheckpointForm {
                name,
                zone,
                directions,
            }
            .parse(0)
            .map_err(Error::Invalid)?;
            setup::add_checkpoint(&mut conn, &actor, &c)?;
            output::say(format!(
                "Added the checkpoint \"{}\" (zone {}, {}).",
                c.name,
                c.zone,
                c.directions.as_str()
            ))
        }
        CheckpointChange::Edit {
            checkpoint,
            name,
            zone,
            directions,
        } => {
            let current = find(&conn, &checkpoint)?;
            let mut form = CheckpointForm::from_checkpoint(&current);
            for (value, target) in [
                (name, &mut form.name),
                (zone, &mut form.zone),
                (directions, &mut form.directions),
            ] {
                if let Some(v) = value {
                    *target = v;
                }
            }
            let c = form.parse(current.id).map_err(Error::Invalid)?;
            setup::edit_checkpoint(&mut conn, &actor, &c)?;
            output::say(format!(
                "Saved the checkpoint \"{}\" (zone {}, {}).",
                c.name,
                c.zone,
                c.directions.as_str()
            ))
        }
        CheckpointChange::Remove { checkpoint } => {
            let current = find(&conn, &checkpoint)?;
            setup::remove_checkpoint(&mut conn, &actor, current.id)?;
            output::say(format!("Removed the checkpoint \"{}\".", current.name))
        }
    }
}
