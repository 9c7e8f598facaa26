use clap::Subcommand;

use super::{Context, output};
use accredit::desk::delegations;
use accredit::domain::ParticipantId;
use accredit::lookup;
use accredit::{Error, Result};

#[derive(Debug, Subcommand)]
pub enum DelegationsCommand {
    /// List the delegations with their participants counted per status and
    /// per category against the quotas.
    List {
        #[arg(long)]
        json: bool,
    },
    #[command(flatten)]
    Change(super::delegations::DelegationChange),
    /// Approve the nominated participants of a delegation after review:
    /// exactly the ids given, all or none (each must still be nominated).
    Approve {
        /// The delegation's code.
        code: String,
        /// The reviewed participants' ids.
        #[arg(required = true, value_name = "ID")]
        ids: Vec<ParticipantId>,
        /// Approve even though a category goes past its quota, for this
        /// reason (recorded in the audit trail). Without it such an approval
        /// is refused.
        #[arg(long, value_name = "REASON")]
        over_quota: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum CheckpointsCommand {
    /// List the checkpoints.
    List {
        #[arg(long)]
        json: bool,
    },
    #[command(flatten)]
    Change(super::checkpoints::CheckpointChange),
}

pub fn run_delegations(ctx: &Context, cmd: DelegationsCommand) -> Result<()> {
    match cmd {
        DelegationsCommand::List { json } => {
            let (conn, actor) = ctx.sign_in()?;
            let views = delegations::overview(&conn, &actor)?;
            if json {
                return output::json(&views);
            }
            let rows: Vec<Vec<String>> = views
                .iter()
                .map(|v| {
                    vec![
                        v.code.clone(),
                        v.name.clone(),
                        v.kind.as_str().into(),
                        v.participants.to_string(),
                        v.statuses.nominated.to_string(),
                        v.statuses.approved.to_string(),
                        v.over_quota_categories()
                            .map(|c| {
                                format!("{} {}/{}", c.category, c.counted, c.quota.unwrap_or(0))
                            })
                            .collect::<Vec<_>>()
                            .join(", "),
                    ]
                })
                .collect();
            output::table(
                &[
                    "CODE",
                    "NAME",
                    "KIND",
                    "PARTICIPANTS",
                    "NOMINATED",
                    "APPROVED",
                    "OVER QUOTA",
                ],
                &rows,
            )
        }
        DelegationsCommand::Approve {
            code,
            ids,
            over_quota,
        } => {
            let (mut conn, actor) = ctx.sign_in()?;
            let d = lookup::delegations::find_by_code(&conn, &code)?
                .ok_or_else(|| Error::not_found("delegation", &code))?;
            let approved = delegations::approve_reviewed(
                &mut conn,
                &actor,
                d.id,
                &ids,
                over_quota.as_deref(),
            )?;
            output::say(format!(
                "Approved {} nominated participant(s) of {}.",
                approved.len(),
                d.code
            ))
        }
        DelegationsCommand::Change(change) => super::delegations::run(ctx, change),
    }
}

pub fn run_checkpoints(ctx: &Context, cmd: CheckpointsCommand) -> Result<()> {
    match cmd {
        CheckpointsCommand::List { json } => {
            let (conn, _actor) = ctx.sign_in()?;
            let checkpoints = lookup::checkpoints::list(&conn)?;
            if json {
                return output::json(&checkpoints);
            }
            let zones = lookup::zones::list(&conn)?;
            let rows: Vec<Vec<String>> = checkpoints
                .iter()
                .map(|c| {
                    let zone = zones
                        .iter()
                        .find(|z| z.number == c.zone)
                        .map(|z| format!("{} {}", z.number, z.name))
                        .unwrap_or_else(|| c.zone.to_string());
                    vec![c.name.clone(), zone, c.directions.as_str().into()]
                })
                .collect();
            output::table(&["CHECKPOINT", "ZONE", "DIRECTIONS"], &rows)
        }
        CheckpointsCommand::Change(change) => super::checkpoints::run(ctx, change),
    }
}
