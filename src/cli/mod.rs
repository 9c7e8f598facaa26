//! The command line: a stable interface other programs script against. Each
//! command is a thin face over a core function; once a command, flag or JSON
//! field exists it keeps its name (add, don't rename). Documented in README.md.

mod badges;
mod context;
pub mod credential;
mod demo;
mod event;
mod keys;
mod output;
mod participants;
mod reference;
mod report;
mod verify;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::error::Error;

pub use context::Context;

#[derive(Debug, Parser)]
#[command(
    name = "accredit",
    version,
    about = "Accreditation for diplomatic conferences: nominations, signed badges, gates, attendance.",
    long_about = "Accreditation for diplomatic conferences.\n\nWith no command, opens the desktop application."
)]
pub struct Cli {
    /// The data directory of the event (default: the platform's data directory).
    #[arg(long, global = true, env = "ACCREDIT_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// The operator acting (the password comes from ACCREDIT_PASSWORD or a prompt).
    #[arg(long, global = true, env = "ACCREDIT_OPERATOR", value_name = "NAME")]
    pub operator: Option<String>,

    /// Open the demo conference in the GUI, creating it if the data directory holds no event.
    #[arg(long)]
    pub demo: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the demo conference (HN25, Hanoi) in an empty data directory.
    Demo(demo::DemoArgs),
    /// The event of this data directory.
    #[command(subcommand)]
    Event(event::EventCommand),
    /// Delegations (states and organisations).
    #[command(subcommand)]
    Delegations(reference::DelegationsCommand),
    /// Checkpoints at the venue's entrances.
    #[command(subcommand)]
    Checkpoints(reference::CheckpointsCommand),
    /// Participants: list, search, add, edit, approve, reject, cancel.
    #[command(subcommand)]
    Participants(Box<participants::ParticipantsCommand>),
    /// Badges: print, reprint, revoke, hand over, list.
    #[command(subcommand)]
    Badges(badges::BadgesCommand),
    /// The event's signing keys, trust list and revocation lists.
    #[command(subcommand)]
    Keys(keys::KeysCommand),
    /// Badge credentials on their own, with no store.
    #[command(subcommand)]
    Credential(CredentialCommand),
    /// Check a credential against this store, as a gate would, recording nothing.
    Verify(verify::VerifyArgs),
    /// Reports for organisers: attendance as JSON, CSV, XLSX or PDF.
    #[command(subcommand)]
    Report(report::ReportCommand),
}

#[derive(Debug, Subcommand)]
pub enum CredentialCommand {
    /// Verify credentials with a trust list only (prints one verdict per credential).
    Verify(credential::VerifyArgs),
}

/// Runs a command; the caller opens the GUI when there is none.
pub fn run(cli: Cli, command: Command) -> ExitCode {
    // The standalone verifier needs no data directory at all.
    if let Command::Credential(CredentialCommand::Verify(args)) = &command {
        let mut stdin = std::io::stdin().lock();
        let mut stdout = std::io::stdout().lock();
        return match credential::run_verify(args, &mut stdin, &mut stdout) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(e.exit_code() as u8)
            }
        };
    }
    let ctx = match Context::new(&cli) {
        Ok(ctx) => ctx,
        Err(e) => return fail(&e),
    };
    let result = match command {
        Command::Demo(args) => demo::run(&ctx, args),
        Command::Event(cmd) => event::run(&ctx, cmd),
        Command::Delegations(cmd) => reference::run_delegations(&ctx, cmd),
        Command::Checkpoints(cmd) => reference::run_checkpoints(&ctx, cmd),
        Command::Participants(cmd) => participants::run(&ctx, *cmd),
        Command::Badges(cmd) => badges::run(&ctx, cmd),
        Command::Keys(cmd) => keys::run(&ctx, cmd),
        Command::Verify(args) => verify::run(&ctx, args),
        Command::Report(cmd) => report::run(&ctx, cmd),
        Command::Credential(_) => unreachable!("handled above"),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

/// Prints the error to stderr. Exit code 1 for every failure of the command
/// itself; clap uses 2 for usage errors.
fn fail(e: &Error) -> ExitCode {
    // A reader that stopped early (`| head`) is not a failure.
    if let Error::Io { source, .. } = e
        && source.kind() == std::io::ErrorKind::BrokenPipe
    {
        return ExitCode::SUCCESS;
    }
    eprintln!("error: {e}");
    ExitCode::from(1)
}

pub(crate) use crate::files::write_atomic as write_file;
