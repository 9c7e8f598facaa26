//! `accredit operators …`: who may sign in, with which role.

use clap::Subcommand;

use super::context::secret;
use super::{Context, output};
use accredit::Result;
use accredit::auth;
use accredit::domain::{Operator, Role};

/// Where a new password comes from when it is not typed at a prompt.
pub const NEW_PASSWORD_ENV: &str = "ACCREDIT_NEW_PASSWORD";

#[derive(Debug, Subcommand)]
pub enum OperatorsCommand {
    /// Every operator with their role and whether they may sign in.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Create an operator (the password from ACCREDIT_NEW_PASSWORD or a prompt).
    Add {
        name: String,
        /// administrator, supervisor, clerk, gate or viewer.
        #[arg(long)]
        role: Role,
    },
    /// Give an operator another role.
    SetRole { name: String, role: Role },
    /// Stop an operator from signing in (they stay in the audit trail).
    Disable { name: String },
    /// Let a disabled operator sign in again.
    Enable { name: String },
    /// Set a new password (from ACCREDIT_NEW_PASSWORD or a prompt); clears a lockout.
    Password { name: String },
}

pub fn run(ctx: &Context, cmd: OperatorsCommand) -> Result<()> {
    let (mut conn, actor) = ctx.sign_in()?;
    match cmd {
        OperatorsCommand::List { json } => {
            let operators = auth::operators::list(&conn, &actor)?;
            if json {
                return output::json(&operators);
            }
            let event = accredit::lookup::event::get(&conn)?;
            let rows: Vec<Vec<String>> = operators
                .iter()
                .map(|o| {
                    vec![
                        o.name.clone(),
                        o.role.to_string(),
                        state(o, accredit::clock::now(), |t| event.local_time(t)),
                    ]
                })
                .collect();
            output::table(&["NAME", "ROLE", "STATE"], &rows)
        }
        OperatorsCommand::Add { name, role } => {
            // Checked before the prompt, so nobody types a password for nothing.
            actor.require(auth::Permission::ManageOperators)?;
            let password = secret(NEW_PASSWORD_ENV, &format!("New password for {name}"), true)?;
            auth::create_operator(&mut conn, &actor, &name, role, &password)?;
            output::say(format!("Created operator {name} ({role})."))
        }
        OperatorsCommand::SetRole { name, role } => {
            let op = auth::operators::set_role(&mut conn, &actor, &name, role)?;
            output::say(format!("{} is now {}.", op.name, op.role))
        }
        OperatorsCommand::Disable { name } => {
            let op = auth::operators::set_active(&mut conn, &actor, &name, false)?;
            output::say(format!("{} can no longer sign in.", op.name))
        }
        OperatorsCommand::Enable { name } => {
            let op = auth::operators::set_active(&mut conn, &actor, &name, true)?;
            output::say(format!("{} can sign in again.", op.name))
        }
        OperatorsCommand::Password { name } => {
            if actor.name != name.trim() {
                actor.require(auth::Permission::ManageOperators)?;
            }
            let password = secret(NEW_PASSWORD_ENV, &format!("New password for {name}"), true)?;
            auth::operators::set_password(&mut conn, &actor, &name, &password)?;
            output::say(format!("New password set for {name}."))
        }
    }
}

/// "active", "disabled" or "locked until …", for the table.
fn state(o: &Operator, now: i64, local_time: impl Fn(i64) -> String) -> String {
    match o.locked_until {
        _ if !o.active => "disabled".into(),
        Some(until) if o.is_locked(now) => format!("locked until {}", local_time(until)),
        _ => "active".into(),
    }
}
