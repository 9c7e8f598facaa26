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
    /// Write the trust list (spec section 6) that gates and verifiers load;
    /// with --signed, the signed trust list of event-trust-v1 (`.acrt`).
    TrustList {
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Sign it with the event's root (event-trust-v1), with the next sequence.
        #[arg(long)]
        signed: bool,
    },
    /// Show the event's root public key, its kid and its fingerprint: what
    /// gates are enrolled with and verifiers pin.
    Root {
        #[arg(long)]
        json: bool,
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
        KeysCommand::Root { json } => {
            actor.require(crate::auth::Permission::ManageKeys)?;
            let root = signing::root_info(&conn)?;
            if json {
                return output::json(&root);
            }
            output::say(format!(
                "Root public key: {}\nKid:             {}\nFingerprint:     {}",
                root.public_key, root.kid, root.fingerprint
            ))
        }
        KeysCommand::TrustList {
            output: path,
            signed: true,
        } => {
            let (sequence, keys, signed) =
                signing::sign_trust_list(&ctx.workspace, &mut conn, &actor)?;
            write_file(&path, &signed)?;
            output::say(format!(
                "Wrote signed trust list {sequence} ({keys} key(s), {} bytes) to {}.",
                signed.len(),
                path.display()
            ))
        }
        KeysCommand::TrustList { output: path, .. } => {
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
