use clap::Subcommand;
use serde::Serialize;

use super::{Context, output};
use crate::error::Result;
use crate::store;

#[derive(Debug, Subcommand)]
pub enum DelegationsCommand {
    /// List the delegations with their participant counts.
    List {
        #[arg(long)]
        json: bool,
    },
    #[command(flatten)]
    Change(super::delegations::DelegationChange),
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

#[derive(Serialize)]
struct DelegationView {
    code: String,
    name: String,
    kind: String,
    focal_point_name: String,
    focal_point_email: String,
    participants: u64,
    quotas: Vec<QuotaView>,
}

#[derive(Serialize)]
struct QuotaView {
    category: String,
    quota: u32,
}

pub fn run_delegations(ctx: &Context, cmd: DelegationsCommand) -> Result<()> {
    match cmd {
        DelegationsCommand::List { json } => {
            let (conn, _actor) = ctx.sign_in()?;
            let categories = store::categories::list(&conn)?;
            let mut counts = std::collections::HashMap::new();
            let mut stmt = conn.prepare(
                "SELECT delegation_id, count(*) FROM participants GROUP BY delegation_id",
            )?;
            for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))? {
                let (d, n) = row?;
                counts.insert(d, n as u64);
            }
            let views: Vec<DelegationView> = store::delegations::list(&conn)?
                .into_iter()
                .map(|d| DelegationView {
                    participants: counts.get(&d.id).copied().unwrap_or(0),
                    quotas: d
                        .quotas
                        .iter()
                        .filter_map(|q| {
                            categories
                                .iter()
                                .find(|c| c.id == q.category)
                                .map(|c| QuotaView {
                                    category: c.code.clone(),
                                    quota: q.max,
                                })
                        })
                        .collect(),
                    code: d.code,
                    name: d.name,
                    kind: d.kind.as_str().into(),
                    focal_point_name: d.focal_point_name,
                    focal_point_email: d.focal_point_email,
                })
                .collect();
            if json {
                return output::json(&views);
            }
            let rows: Vec<Vec<String>> = views
                .iter()
                .map(|v| {
                    vec![
                        v.code.clone(),
                        v.name.clone(),
                        v.kind.clone(),
                        v.participants.to_string(),
                    ]
                })
                .collect();
            output::table(&["CODE", "NAME", "KIND", "PARTICIPANTS"], &rows)
        }
        DelegationsCommand::Change(change) => super::delegations::run(ctx, change),
    }
}

pub fn run_checkpoints(ctx: &Context, cmd: CheckpointsCommand) -> Result<()> {
    match cmd {
        CheckpointsCommand::List { json } => {
            let (conn, _actor) = ctx.sign_in()?;
            let checkpoints = store::checkpoints::list(&conn)?;
            if json {
                return output::json(&checkpoints);
            }
            let zones = store::zones::list(&conn)?;
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
