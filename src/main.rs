//! The `accredit` binary: the CLI, or the GUI when no command is given.

use std::process::ExitCode;

use clap::Parser;

use accredit::cli::Cli;

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("ACCREDIT_LOG")
                .unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let mut cli = Cli::parse();
    match cli.command.take() {
        Some(command) => accredit::cli::run(cli, command),
        None => open_gui(cli),
    }
}

#[cfg(feature = "gui")]
fn open_gui(cli: Cli) -> ExitCode {
    accredit::gui::run(cli)
}

#[cfg(not(feature = "gui"))]
fn open_gui(_cli: Cli) -> ExitCode {
    use clap::CommandFactory;
    let _ = Cli::command().print_help();
    eprintln!("\nThis build has no GUI (built without the `gui` feature): give a command.");
    ExitCode::from(2)
}
