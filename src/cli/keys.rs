use std::path::PathBuf;

use clap::Subcommand;

use super::{Context, output, write_file};
use accredit::Result;
use accredit::credential::kid_hex;
use accredit::signing;

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
    /// Give this desk a signing key of its own (its secret stays in this data
    /// directory); its public half joins the event's trust list.
    Enrol {
        /// The desk's name, e.g. "Desk 3".
        #[arg(long, value_name = "NAME")]
        desk: String,
        #[arg(long)]
        json: bool,
    },
    /// End one desk's key: it signs nothing more; the badges it signed stay valid.
    Retire {
        /// The key's kid (16 hex digits, as `keys list` shows it).
        kid: String,
        #[arg(long)]
        json: bool,
    },
    /// The event's signing keys: desk, validity, retired or not, and whether
    /// this machine holds the secret.
    List {
        #[arg(long)]
        json: bool,
    },
}

/// One signing key as `keys list` shows it. Field names are part of the
/// CLI's JSON.
#[derive(Debug, serde::Serialize)]
struct KeyView {
    kid: String,
    desk: String,
    not_before: i64,
    not_after: i64,
    created_at: i64,
    retired_at: Option<i64>,
    /// This machine holds its secret (it signs here).
    here: bool,
}

fn view(ctx: &Context, k: &accredit::lookup::keys::KeyRecord) -> KeyView {
    KeyView {
        kid: kid_hex(&k.kid),
        desk: k.desk.clone(),
        not_before: k.not_before,
        not_after: k.not_after,
        created_at: k.created_at,
        retired_at: k.retired_at,
        here: accredit::credential::secret_path(&ctx.workspace.keys_dir(), &k.kid).exists(),
    }
}

pub fn run(ctx: &Context, cmd: KeysCommand) -> Result<()> {
    let (mut conn, actor) = ctx.sign_in()?;
    match cmd {
        KeysCommand::Enrol { desk, json } => {
            let key = signing::enrol_desk(&ctx.workspace, &mut conn, &actor, &desk)?;
            if json {
                return output::json(&view(ctx, &key));
            }
            output::say(format!(
                "Enrolled desk \"{}\" with signing key {}: it prints badges from now on.",
                key.desk,
                kid_hex(&key.kid)
            ))
        }
        KeysCommand::Retire { kid, json } => {
            let key = signing::retire(&mut conn, &actor, &kid)?;
            if json {
                return output::json(&view(ctx, &key));
            }
            output::say(format!(
                "Retired key {}{}: it signs nothing more; the badges it signed stay valid.",
                kid_hex(&key.kid),
                if key.desk.is_empty() {
                    String::new()
                } else {
                    format!(" (desk \"{}\")", key.desk)
                }
            ))
        }
        KeysCommand::List { json } => {
            let keys: Vec<KeyView> = signing::keys(&conn, &actor)?
                .iter()
                .map(|k| view(ctx, k))
                .collect();
            if json {
                return output::json(&keys);
            }
            for k in &keys {
                output::say(format!(
                    "{}  {:<16} {}{}",
                    k.kid,
                    if k.desk.is_empty() {
                        "(first desk)"
                    } else {
                        &k.desk
                    },
                    if k.retired_at.is_some() {
                        "retired"
                    } else {
                        "signing"
                    },
                    if k.here { ", here" } else { "" }
                ))?;
            }
            Ok(())
        }
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
            actor.require(accredit::auth::Permission::ManageKeys)?;
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
            actor.require(accredit::auth::Permission::ManageKeys)?;
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
