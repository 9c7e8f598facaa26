//! The `accredit` binary: the CLI, or the GUI when no command is given.

use std::process::ExitCode;

use clap::Parser;

mod cli;
#[cfg(feature = "gui")]
mod gui;

use cli::Cli;

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
        Some(command) => match command.gate_screen() {
            Some(package) => open_gate_screen(package, cli.data_dir.clone()),
            None => cli::run(cli, command),
        },
        None => open_gui(cli),
    }
}

/// `accredit gate --package FILE`: the gate screen on a package, no main store.
#[cfg(feature = "gui")]
fn open_gate_screen(package: std::path::PathBuf, data_dir: Option<std::path::PathBuf>) -> ExitCode {
    // The gate's enrolment lives in the laptop's data directory.
    let data_dir = match data_dir
        .map(Ok)
        .unwrap_or_else(accredit::workspace::Workspace::default_data_dir)
    {
        Ok(dir) => dir,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    gui::run_gate(package, data_dir)
}

#[cfg(not(feature = "gui"))]
fn open_gate_screen(
    _package: std::path::PathBuf,
    _data_dir: Option<std::path::PathBuf>,
) -> ExitCode {
    eprintln!(
        "error: this build has no GUI (built without the `gui` feature): use `accredit scan --package FILE`"
    );
    ExitCode::from(1)
}

#[cfg(feature = "gui")]
fn open_gui(cli: Cli) -> ExitCode {
    gui::run(cli.data_dir, cli.database, cli.demo)
}

#[cfg(not(feature = "gui"))]
fn open_gui(_cli: Cli) -> ExitCode {
    use clap::CommandFactory;
    let _ = Cli::command().print_help();
    eprintln!("\nThis build has no GUI (built without the `gui` feature): give a command.");
    ExitCode::from(2)
}
