//! `accredit audit …`: who changed what, and whether the trail is intact.

use clap::Subcommand;

use super::{Context, output};
use accredit::audit;
use accredit::domain::{AuditEntry, Event};
use accredit::lookup::audit::Filter;
use accredit::{Error, Result};

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Audit entries, oldest first.
    List {
        /// Only what happened to this participant.
        #[arg(long, value_name = "ID")]
        participant: Option<i64>,
        /// Only what this operator did. (Not `--operator`: that global flag
        /// names who signs in.)
        #[arg(long, value_name = "OPERATOR")]
        by: Option<String>,
        /// From this day (in the event's time zone, e.g. 2025-10-25) or
        /// instant (Unix seconds or RFC 3339) on.
        #[arg(long, value_name = "DATE_OR_INSTANT")]
        since: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Check the hash chain: fails, naming the entry, when one was edited or deleted.
    Verify {
        #[arg(long)]
        json: bool,
    },
}

pub fn run(ctx: &Context, cmd: AuditCommand) -> Result<()> {
    let (conn, actor) = ctx.sign_in()?;
    let event = accredit::lookup::event::get(&conn)?;
    match cmd {
        AuditCommand::List {
            participant,
            by,
            since,
            json,
        } => {
            let since = since.map(|s| parse_since(&event, &s)).transpose()?;
            let filter = Filter {
                participant,
                operator: by.map(|o| o.trim().to_string()),
                since,
                limit: None,
            };
            let entries = audit::list(&conn, &actor, &filter)?;
            if json {
                return output::json(&entries);
            }
            let rows: Vec<Vec<String>> = entries.iter().map(|e| row(&event, e)).collect();
            output::table(
                &["ID", "TIME", "OPERATOR", "ACTION", "ENTITY", "CHANGE"],
                &rows,
            )
        }
        AuditCommand::Verify { json } => {
            let report = audit::check_chain(&conn, &actor)?;
            if json {
                output::json(&report)?;
            }
            match (&report.broken_at, &report.problem) {
                (Some(at), problem) => Err(Error::Refused(format!(
                    "the audit trail is broken at entry {at}: {}",
                    problem.as_deref().unwrap_or("it does not verify")
                ))),
                (None, _) if json => Ok(()),
                (None, _) => output::say(format!(
                    "The audit trail is intact: {} entries, each chained to the one before.",
                    report.entries
                )),
            }
        }
    }
}

/// A day in the event's time zone (its midnight) or an instant.
fn parse_since(event: &Event, text: &str) -> Result<i64> {
    if let Some(t) = accredit::clock::parse_instant(text) {
        return Ok(t);
    }
    let date = accredit::domain::parse_date(text).map_err(|e| {
        Error::invalid(
            "since",
            format!("{e}: give a date (2025-10-25) or an instant (2025-10-25T09:00:00+07:00 or Unix seconds)"),
        )
    })?;
    event
        .instant_of(date.to_datetime(jiff::civil::Time::midnight()))
        .map_err(|e| Error::invalid("since", e))
}

fn row(event: &Event, e: &AuditEntry) -> Vec<String> {
    vec![
        e.id.to_string(),
        event.local_time(e.at),
        e.operator.clone(),
        e.action.clone(),
        format!("{} {}", e.entity, e.entity_id),
        summary(e),
    ]
}

/// "field: old → new, …" kept short enough for a terminal line.
fn summary(e: &AuditEntry) -> String {
    let text = |v: Option<&serde_json::Value>| match v {
        None | Some(serde_json::Value::Null) => "—".to_string(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    };
    let after = e.after.as_ref().and_then(|a| a.as_object());
    let before = e.before.as_ref().and_then(|b| b.as_object());
    let mut parts = Vec::new();
    if let Some(after) = after {
        for (key, new) in after {
            let old = before.and_then(|b| b.get(key));
            parts.push(match old {
                Some(old) => format!("{key}: {} → {}", text(Some(old)), text(Some(new))),
                None => format!("{key}: {}", text(Some(new))),
            });
        }
    }
    let mut line = parts.join(", ");
    if line.chars().count() > 100 {
        line = line.chars().take(99).collect::<String>() + "…";
    }
    line
}
