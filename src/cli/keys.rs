use std::path::PathBuf;

use clap::Subcommand;

use super::{Context, output, write_file};
use crate::credential::kid_hex;
use crate::error::Result;
use crate::signing;

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Start a new signing key; older keys stay in the trust list for the badges they signed.
    Rotate,
    /// Write the trust list (spec section 6) that gates and verifiers load.
    TrustList {
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Sign a new revocation list of every revoked badge (rising sequence) and write it.
    Revocations {
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
}

pub fn run(ctx: &Context, cmd: KeysCommand) -> Result<()> {
    let (mut conn, actor) = ctx.sign_in()?;
    match cmd {
        KeysCommand::Rotate => {
            let key = signing::rotate(&ctx.workspace, &mut conn, &actor)?;
            output::say(format!(
                "New signing key {} (signs badges valid from {} to {}).",
                kid_hex(&key.kid),
                key.not_before,
                key.not_after
            ))
        }
        KeysCommand::TrustList { output: path } => {
            actor.require(crate::auth::Permission::ManageKeys)?;
            let list = signing::trust_list(&conn)?;
            write_file(&path, format!("{}\n", list.to_json()).as_bytes())?;
            output::say(format!(
                "Wrote the trust list ({} key(s)) to {}.",
                list.keys.len(),
                path.display()
            ))
        }
        KeysCommand::Revocations { output: path } => {
            let list = signing::issue_revocation_list(&ctx.workspace, &mut conn, &actor)?;
            write_file(&path, &list.signed)?;
            output::say(format!(
                "Wrote revocation list {} ({} bytes) to {}.",
                list.sequence,
                list.signed.len(),
                path.display()
            ))
        }
    }
}
