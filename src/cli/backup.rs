//! `accredit backup`, `accredit restore` and `accredit backups …`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::context::secret;
use super::{Context, output};
use accredit::backup::{self, BackupOptions, Manifest, PASSPHRASE_ENV, auto};
use accredit::lookup::backup_settings::BackupSettings;
use accredit::{Error, Result};

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The backup file to write (encrypted; it appears only once complete).
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
    /// Include the event's signing keys (administrators only).
    #[arg(long)]
    with_keys: bool,
    /// Print what the backup holds as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// An encrypted backup (`accredit backup`) or an automatic backup (`backups/*.sqlite`).
    file: PathBuf,
    /// Only check the backup and say what it holds; change nothing.
    #[arg(long)]
    check: bool,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Subcommand)]
pub enum BackupsCommand {
    /// The automatic backups in the data directory, oldest first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Take an automatic backup now (as the running application does every N minutes).
    Run {
        #[arg(long)]
        json: bool,
    },
    /// Show or change how often automatic backups are taken and how many are kept.
    Settings {
        /// Minutes between automatic backups (1 to 1440).
        #[arg(long, value_name = "N")]
        every_minutes: Option<u32>,
        /// How many automatic backups to keep (1 to 1000).
        #[arg(long, value_name = "K")]
        keep: Option<u32>,
        /// Turn automatic backups on (true) or off (false).
        #[arg(long, value_name = "BOOL")]
        enabled: Option<bool>,
        #[arg(long)]
        json: bool,
    },
}

pub fn run_backup(ctx: &Context, args: BackupArgs) -> Result<()> {
    let (_conn, actor) = ctx.sign_in()?;
    // Refused before the passphrase is asked for.
    actor.require(accredit::auth::Permission::Backup)?;
    if args.with_keys {
        actor.require(accredit::auth::Permission::ManageKeys)?;
    }
    let passphrase = secret(PASSPHRASE_ENV, "Passphrase for the backup", true)?;
    let manifest = backup::create(
        &ctx.workspace,
        &actor,
        &args.output,
        &BackupOptions {
            with_keys: args.with_keys,
            passphrase: &passphrase,
        },
    )?;
    if args.json {
        return output::json(&manifest);
    }
    output::say(format!(
        "Wrote {}: {}{}.",
        args.output.display(),
        describe(&manifest),
        if manifest.with_keys {
            format!(", with {} signing key(s)", manifest.keys.len())
        } else {
            ", without the signing keys".into()
        }
    ))
}

fn describe(m: &Manifest) -> String {
    format!(
        "event {} ({}), {} participants, {} badges, {} audit entries, schema version {}",
        m.event, m.event_name, m.participants, m.badges, m.audit_entries, m.schema_version
    )
}

pub fn run_restore(ctx: &Context, args: RestoreArgs) -> Result<()> {
    let head = read_head(&args.file)?;
    let passphrase = if backup::is_encrypted(&head) {
        Some(secret(PASSPHRASE_ENV, "Passphrase of the backup", false)?)
    } else {
        None
    };
    if args.check {
        let manifest = backup::inspect(&ctx.workspace, &args.file, passphrase.as_deref())?;
        if args.json {
            return output::json(&manifest);
        }
        return output::say(format!(
            "{} is a sound backup: {}.",
            args.file.display(),
            describe(&manifest)
        ));
    }
    // Replacing an event needs an administrator of it; an empty or broken
    // data directory has nobody to sign in.
    let actor = if ctx.workspace.has_event().unwrap_or(false) {
        Some(ctx.sign_in()?.1)
    } else {
        None
    };
    let summary = backup::restore(
        &ctx.workspace,
        actor.as_ref(),
        &args.file,
        passphrase.as_deref(),
    )?;
    if args.json {
        return output::json(&summary);
    }
    output::say(format!(
        "Restored {}: {}{}.{}",
        args.file.display(),
        describe(&summary.manifest),
        match summary.keys_restored {
            0 => String::new(),
            n => format!(", {n} signing key(s)"),
        },
        summary
            .kept_aside
            .map(|p| format!(" The replaced store is kept in {}.", p.display()))
            .unwrap_or_default()
    ))
}

fn read_head(file: &std::path::Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let mut head = Vec::with_capacity(16);
    std::fs::File::open(file)
        .and_then(|f| f.take(16).read_to_end(&mut head))
        .map_err(|e| Error::io(file, e))?;
    Ok(head)
}

pub fn run_backups(ctx: &Context, cmd: BackupsCommand) -> Result<()> {
    let (mut conn, actor) = ctx.sign_in()?;
    actor.require(accredit::auth::Permission::Backup)?;
    match cmd {
        BackupsCommand::List { json } => {
            let backups = auto::list(&ctx.workspace)?;
            if json {
                return output::json(&backups);
            }
            let rows: Vec<Vec<String>> = backups
                .iter()
                .map(|b| {
                    vec![
                        b.path.display().to_string(),
                        jiff::Timestamp::from_second(b.taken_at)
                            .map(|t| t.to_string())
                            .unwrap_or_default(),
                        b.bytes.to_string(),
                    ]
                })
                .collect();
            output::table(&["FILE", "TAKEN AT (UTC)", "BYTES"], &rows)
        }
        BackupsCommand::Run { json } => {
            let keep = auto::settings(&conn)?.keep;
            let taken = auto::run_now(&ctx.workspace, keep)?;
            if json {
                return output::json(&taken);
            }
            output::say(format!(
                "Wrote {} ({} bytes); keeping the last {keep}.",
                taken.path.display(),
                taken.bytes
            ))
        }
        BackupsCommand::Settings {
            every_minutes,
            keep,
            enabled,
            json,
        } => {
            let current = auto::settings(&conn)?;
            let wanted = BackupSettings {
                enabled: enabled.unwrap_or(current.enabled),
                every_minutes: every_minutes.unwrap_or(current.every_minutes),
                keep: keep.unwrap_or(current.keep),
            };
            if wanted != current {
                auto::set_settings(&mut conn, &actor, &wanted)?;
            }
            if json {
                return output::json(&wanted);
            }
            output::say(format!(
                "Automatic backups {}: every {} minutes, the last {} kept in {}.",
                if wanted.enabled { "on" } else { "off" },
                wanted.every_minutes,
                wanted.keep,
                auto::dir(&ctx.workspace).display()
            ))
        }
    }
}
