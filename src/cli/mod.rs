//! The command line: a stable interface other programs script against. Each
//! command is a thin face over a core function; once a command, flag or JSON
//! field exists it keeps its name (add, don't rename). Documented in README.md.

mod audit;
mod backup;
mod badges;
mod categories;
mod checkpoints;
mod context;
pub mod credential;
mod db;
mod delegations;
mod demo;
mod event;
mod event_settings;
mod gate;
mod init;
mod keys;
mod letters;
mod operators;
mod output;
mod participants;
mod reference;
mod report;
mod scan;
mod sessions;
mod transfer;
mod verify;
mod vetting;
mod zones;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use accredit::Error;

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

    /// The event server, e.g. postgresql://desk@10.0.0.5:5432/hanoi?sslmode=verify-full
    /// (default: the data directory's own SQLite store). The password comes from
    /// PGPASSWORD, ~/.pgpass or a prompt, never from the address.
    #[arg(long, global = true, env = "ACCREDIT_DATABASE", value_name = "URL")]
    pub database: Option<String>,

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
    /// Create a new event in an empty data directory, with its first administrator.
    Init(Box<init::InitArgs>),
    /// The event of this data directory.
    #[command(subcommand)]
    Event(event::EventCommand),
    /// Delegations (states and organisations).
    #[command(subcommand)]
    Delegations(reference::DelegationsCommand),
    /// Checkpoints at the venue's entrances.
    #[command(subcommand)]
    Checkpoints(reference::CheckpointsCommand),
    /// Badge categories: code, name, colour, default zones, order, default quota.
    #[command(subcommand)]
    Categories(categories::CategoriesCommand),
    /// Access zones, numbered 1 to 64.
    #[command(subcommand)]
    Zones(zones::ZonesCommand),
    /// The programme: sessions, open or by invitation.
    #[command(subcommand)]
    Sessions(sessions::SessionsCommand),
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
    /// The event's store as a whole: copy it between SQLite and an event server.
    #[command(subcommand)]
    Db(db::DbCommand),
    /// Operators: list, add, change role, disable, enable, set a password.
    #[command(subcommand)]
    Operators(operators::OperatorsCommand),
    /// The audit trail: list entries, verify the hash chain.
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// Write an encrypted backup of the store (the passphrase from ACCREDIT_BACKUP_PASSPHRASE or a prompt).
    Backup(backup::BackupArgs),
    /// Replace the store with a backup, after checking it; the current store is kept aside.
    Restore(backup::RestoreArgs),
    /// Automatic backups: list them, take one now, change their settings.
    #[command(subcommand)]
    Backups(backup::BackupsCommand),
    /// Scan a badge at a checkpoint: check it, record the scan, print the verdict.
    Scan(scan::ScanArgs),
    /// Gates: offline packages, scans coming home, revocation updates, overrides;
    /// `gate --package FILE` opens the gate screen on a package.
    Gate(gate::GateArgs),
    /// Import a nomination list (CSV, XLSX), or write the template to send to delegations.
    Import(transfer::ImportArgs),
    /// Participant photos: import a folder or ZIP archive.
    #[command(subcommand)]
    Photos(transfer::PhotosCommand),
    /// Export participants, badges or scans as CSV or XLSX.
    Export(transfer::ExportArgs),
    /// Reports for organisers: attendance as JSON, CSV, XLSX or PDF.
    #[command(subcommand)]
    Report(report::ReportCommand),
    /// Letters for delegates (acknowledgement, visa support), one per person, with a signed code.
    Letters(Box<letters::LettersArgs>),
    /// Security vetting by the host country: send lists, read the answers, see what waits.
    #[command(subcommand)]
    Vetting(vetting::VettingCommand),
}

impl Command {
    /// The gate package to open the gate screen on, for `accredit gate --package FILE`.
    pub fn gate_screen(&self) -> Option<PathBuf> {
        match self {
            Command::Gate(args) => args.screen_package().map(PathBuf::from),
            _ => None,
        }
    }
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
        Command::Init(args) => init::run(&ctx, *args),
        Command::Event(cmd) => event::run(&ctx, cmd),
        Command::Delegations(cmd) => reference::run_delegations(&ctx, cmd),
        Command::Checkpoints(cmd) => reference::run_checkpoints(&ctx, cmd),
        Command::Categories(cmd) => categories::run(&ctx, cmd),
        Command::Zones(cmd) => zones::run(&ctx, cmd),
        Command::Sessions(cmd) => sessions::run(&ctx, cmd),
        Command::Participants(cmd) => participants::run(&ctx, *cmd),
        Command::Badges(cmd) => badges::run(&ctx, cmd),
        Command::Keys(cmd) => keys::run(&ctx, cmd),
        Command::Verify(args) => verify::run(&ctx, args),
        Command::Operators(cmd) => operators::run(&ctx, cmd),
        Command::Audit(cmd) => audit::run(&ctx, cmd),
        Command::Backup(args) => backup::run_backup(&ctx, args),
        Command::Restore(args) => backup::run_restore(&ctx, args),
        Command::Backups(cmd) => backup::run_backups(&ctx, cmd),
        Command::Scan(args) => scan::run(&ctx, args),
        Command::Gate(args) => gate::run(&ctx, args),
        Command::Import(args) => transfer::run_import(&ctx, args),
        Command::Photos(cmd) => transfer::run_photos(&ctx, cmd),
        Command::Export(args) => transfer::run_export(&ctx, args),
        Command::Report(cmd) => report::run(&ctx, cmd),
        Command::Vetting(cmd) => vetting::run(&ctx, cmd),
        Command::Letters(args) => letters::run(&ctx, *args),
        Command::Db(cmd) => db::run(&ctx, cmd),
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

pub(crate) use accredit::files::write_atomic as write_file;
