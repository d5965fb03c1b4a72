//! The `hashiya` binary: parse the command line, then open the window or run a subcommand.

use clap::Parser;
use hashiya::cli::Cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(command) => hashiya::cli::run(command),
        None if cli.install_desktop => hashiya::cli::desktop::run(),
        None => hashiya::app::run_window(cli.project, cli.annotator),
    };
    result.unwrap_or_else(|err| {
        hashiya::cli::output::print_error(&err);
        ExitCode::FAILURE
    })
}
