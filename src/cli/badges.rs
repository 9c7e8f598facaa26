use clap::Subcommand;

use super::{Context, output};
use crate::desk::badges as desk;
use crate::domain::{BadgeSerial, ParticipantId};
use crate::error::Result;
use crate::store;

#[derive(Debug, Subcommand)]
pub enum BadgesCommand {
    /// Revoke a badge: no gate lets it through again.
    Revoke {
        serial: BadgeSerial,
        #[arg(long)]
        reason: String,
    },
    /// Hand a participant's printed badge over, after checking their identity document.
    HandOver {
        participant: ParticipantId,
        /// The document checked, e.g. "passport C1234567 seen".
        #[arg(long, value_name = "TEXT")]
        id_check: String,
    },
    /// List badges (every one ever issued, or one participant's).
    List {
        #[arg(long, value_name = "ID")]
        participant: Option<ParticipantId>,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(ctx: &Context, cmd: BadgesCommand) -> Result<()> {
    let (mut conn, actor) = ctx.sign_in()?;
    match cmd {
        BadgesCommand::Revoke { serial, reason } => {
            let b = desk::revoke(&mut conn, &actor, serial, &reason)?;
            output::say(format!(
                "Revoked badge {} of participant {}.",
                b.serial, b.participant
            ))
        }
        BadgesCommand::HandOver {
            participant,
            id_check,
        } => {
            let b = desk::hand_over(&mut conn, &actor, participant, &id_check)?;
            output::say(format!(
                "Badge {} handed over to participant {participant}.",
                b.serial
            ))
        }
        BadgesCommand::List { participant, json } => {
            let badges = match participant {
                Some(p) => desk::history(&conn, &actor, p)?.0,
                None => {
                    actor.require(crate::auth::Permission::ViewParticipants)?;
                    store::badges::list(&conn)?
                }
            };
            if json {
                return output::json(&badges);
            }
            let rows: Vec<Vec<String>> = badges
                .iter()
                .map(|b| {
                    vec![
                        b.serial.to_string(),
                        b.participant.to_string(),
                        b.status.as_str().into(),
                        b.print_count.to_string(),
                        if b.collected.is_some() {
                            "yes".into()
                        } else {
                            String::new()
                        },
                        b.revocation_reason.clone(),
                    ]
                })
                .collect();
            output::table(
                &[
                    "SERIAL",
                    "PARTICIPANT",
                    "STATUS",
                    "PRINTS",
                    "COLLECTED",
                    "REVOKED BECAUSE",
                ],
                &rows,
            )
        }
    }
}
