use clap::Subcommand;

use std::path::PathBuf;

use super::{Context, output};
use accredit::desk::badges::{self as desk, ReprintReason};
use accredit::desk::printing::{self, Selection};
use accredit::domain::{BadgeSerial, Layout, ParticipantId};
use accredit::lookup;
use accredit::{Error, Result};

#[derive(Debug, Subcommand)]
pub enum BadgesCommand {
    /// Print the badges of every approved participant selected to one PDF
    /// (new serials where none is active, else the active badge again).
    Print {
        /// Only these delegations (codes; repeat the flag for several).
        #[arg(long, value_name = "CODE")]
        delegation: Vec<String>,
        /// Only these categories (codes; repeat the flag for several).
        #[arg(long, value_name = "CODE")]
        category: Vec<String>,
        /// Only these participants (ids; repeat the flag for several).
        #[arg(long, value_name = "ID")]
        participant: Vec<ParticipantId>,
        /// Skip participants whose badge was printed already.
        #[arg(long)]
        only_unprinted: bool,
        /// Print again badges already handed over too (their holders carry
        /// a card already; skipped otherwise, with the reason).
        #[arg(long)]
        handed_over_again: bool,
        /// a6, card or a4x4 [default: the event's default layout].
        #[arg(long)]
        layout: Option<Layout>,
        #[arg(short, long, value_name = "FILE.pdf")]
        output: PathBuf,
        /// Print even badges whose validity has ended or ends before the
        /// event's last day (refused otherwise, with the reason).
        #[arg(long)]
        confirm: bool,
        #[arg(long)]
        json: bool,
    },
    /// Replace a lost or damaged badge: revoke it and print a new serial.
    Reprint {
        participant: ParticipantId,
        /// lost, damaged or data-change.
        #[arg(long)]
        reason: ReprintReason,
        #[arg(long)]
        layout: Option<Layout>,
        #[arg(short, long, value_name = "FILE.pdf")]
        output: PathBuf,
        /// Print even if the new badge's validity has ended or ends before
        /// the event's last day (refused otherwise, with the reason).
        #[arg(long)]
        confirm: bool,
        #[arg(long)]
        json: bool,
    },
    /// Revoke a badge: no gate lets it through again.
    Revoke {
        serial: BadgeSerial,
        #[arg(long)]
        reason: String,
    },
    /// Hand a participant's printed badge over, after checking their identity document;
    /// with --delegation, hand a delegation's badges to its liaison officer against a receipt.
    HandOver {
        #[arg(required_unless_present = "delegation", conflicts_with = "delegation")]
        participant: Option<ParticipantId>,
        /// The document checked, e.g. "passport C1234567 seen".
        #[arg(long, value_name = "TEXT")]
        id_check: String,
        /// Hand every printed, uncollected badge of this delegation (code) to its liaison officer.
        #[arg(long, value_name = "CODE", requires_all = ["collected_by", "output"])]
        delegation: Option<String>,
        /// The liaison officer who collects the badges.
        #[arg(long, value_name = "NAME", requires = "delegation")]
        collected_by: Option<String>,
        /// With --delegation: only these participants (ids; repeat the flag for several).
        #[arg(long = "participant", value_name = "ID", requires = "delegation")]
        participants: Vec<ParticipantId>,
        /// With --delegation: where to write the receipt.
        #[arg(short, long, value_name = "RECEIPT.pdf", requires = "delegation")]
        output: Option<PathBuf>,
        /// With --delegation: the receipt's language, en, vi, fr, ar, zh, ru
        /// or es (English where the receipt is not translated). [default: the
        /// event's document language, `event set --language`]
        #[arg(long, value_name = "CODE", requires = "delegation")]
        lang: Option<String>,
        #[arg(long, requires = "delegation")]
        json: bool,
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
        BadgesCommand::Print {
            delegation,
            category,
            participant,
            only_unprinted,
            handed_over_again,
            layout,
            output: path,
            confirm,
            json,
        } => {
            // Every badge selected, printed before or not, unless
            // --only-unprinted; one already handed over only with
            // --handed-over-again (a second card with one serial).
            let mut selection = Selection {
                participants: participant,
                only_unprinted,
                confirmed: confirm,
                handed_over_again,
                ..Default::default()
            };
            for code in &delegation {
                selection.delegations.push(
                    lookup::delegations::find_by_code(&conn, code)?
                        .ok_or_else(|| Error::not_found("delegation", code))?
                        .id,
                );
            }
            for code in &category {
                selection.categories.push(
                    lookup::categories::find_by_code(&conn, code)?
                        .ok_or_else(|| Error::not_found("category", code))?
                        .id,
                );
            }
            let layout = match layout {
                Some(l) => l,
                None => lookup::event::get(&conn)?.default_layout,
            };
            let summary = printing::print(
                &ctx.workspace,
                &mut conn,
                &actor,
                &selection,
                layout,
                &path,
                &|_| true,
            )?;
            if json {
                return output::json(&summary);
            }
            output::say(format!(
                "Printed {} badge(s) on {} page(s) to {}: {} new, {} printed again, {} skipped.",
                summary.badges,
                summary.pages,
                path.display(),
                summary.new,
                summary.reprinted,
                summary.skipped.len()
            ))?;
            for warning in &summary.validity_warnings {
                output::say(format!("  confirmed, {warning}"))?;
            }
            let mut reasons: Vec<(String, usize)> = Vec::new();
            for s in &summary.skipped {
                match reasons.iter_mut().find(|(r, _)| *r == s.reason) {
                    Some(slot) => slot.1 += 1,
                    None => reasons.push((s.reason.clone(), 1)),
                }
            }
            for (reason, n) in reasons {
                output::say(format!("  skipped, {reason}: {n}"))?;
            }
            Ok(())
        }
        BadgesCommand::Reprint {
            participant,
            reason,
            layout,
            output: path,
            confirm,
            json,
        } => {
            let layout = match layout {
                Some(l) => l,
                None => lookup::event::get(&conn)?.default_layout,
            };
            let (old, new) = printing::reprint(
                &ctx.workspace,
                &mut conn,
                &actor,
                participant,
                reason,
                layout,
                &path,
                confirm,
            )?;
            if json {
                return output::json(&serde_json::json!({
                    "participant": participant,
                    "revoked": old.map(|b| b.serial),
                    "serial": new.serial,
                    "reason": reason,
                    "output": path,
                }));
            }
            output::say(format!(
                "Printed badge {} for participant {participant} to {}{}.",
                new.serial,
                path.display(),
                old.map(|b| format!("; badge {} is revoked", b.serial))
                    .unwrap_or_default()
            ))
        }
        BadgesCommand::Revoke { serial, reason } => {
            let b = desk::revoke(&mut conn, &actor, serial, &reason)?;
            output::say(format!(
                "Revoked badge {} of participant {}.",
                b.serial, b.participant
            ))
        }
        BadgesCommand::HandOver {
            participant: None,
            id_check,
            delegation: Some(code),
            collected_by,
            participants,
            output: Some(path),
            lang,
            json,
        } => {
            let chosen = lang.as_deref().map(super::report::language).transpose()?;
            let language = super::report::or_the_events(chosen, &conn)?;
            let delegation = lookup::delegations::find_by_code(&conn, &code)?
                .ok_or_else(|| Error::not_found("delegation", &code))?;
            let request = accredit::desk::liaison::LiaisonRequest {
                delegation: delegation.id,
                collected_by: collected_by.unwrap_or_default(),
                id_check,
                participants,
            };
            let s = accredit::desk::liaison::hand_over_in(
                &mut conn, &actor, &request, &path, language,
            )?;
            if json {
                return output::json(&s);
            }
            output::say(format!(
                "Handed {} badge(s) of {} to {} (receipt No. {} in {}); {} still to come.",
                s.handed_over.len(),
                s.delegation,
                s.collected_by,
                s.collection,
                path.display(),
                s.still_to_come.len()
            ))
        }
        BadgesCommand::HandOver {
            participant: None, ..
        } => Err(Error::invalid(
            "participant",
            "say which participant, or --delegation CODE --collected-by NAME -o RECEIPT.pdf",
        )),
        BadgesCommand::HandOver {
            participant: Some(participant),
            id_check,
            ..
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
                    actor.require(accredit::auth::Permission::ViewParticipants)?;
                    lookup::badges::list(&conn)?
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
