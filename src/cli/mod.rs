//! The command line: `hashiya [PROJECT.ron]` opens the window; subcommands work on
//! project files without one. Names and options here are a stable contract for scripts.

/// Writes a line to stdout (see [`output::write_out`]): a closed pipe is not an error.
macro_rules! outln {
    ($($arg:tt)*) => { $crate::cli::output::write_out(format_args!("{}\n", format_args!($($arg)*))) };
}

/// Writes to stdout without adding a line break.
macro_rules! out {
    ($($arg:tt)*) => { $crate::cli::output::write_out(format_args!($($arg)*)) };
}

/// Writes a line to stderr (see [`output::write_err`]): a closed pipe is not an error.
macro_rules! errln {
    ($($arg:tt)*) => { $crate::cli::output::write_err(format_args!("{}\n", format_args!($($arg)*))) };
}

/// Writes to stderr without adding a line break.
macro_rules! errout {
    ($($arg:tt)*) => { $crate::cli::output::write_err(format_args!($($arg)*)) };
}

mod agree;
mod assign;
pub mod desktop;
mod export;
mod import;
pub mod learn;
mod merge;
mod new;
pub mod output;
mod render;
mod status;
mod suggest;
pub mod timings;
mod validate;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Hashiya: annotate Arabic news articles with claims, denials and figures.
#[derive(Debug, Parser)]
#[command(name = "hashiya", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Project file to open in the window (default: the last one, or the sample project).
    pub project: Option<PathBuf>,
    /// Annotate as NAME (remembered for next time; asked once when never given).
    #[arg(long, value_name = "NAME")]
    pub annotator: Option<String>,
    /// Add Hashiya to the desktop's applications menu (entry and icon in the user's data
    /// folders) so it starts without a terminal and opens .ron projects from the file manager.
    #[arg(long)]
    pub install_desktop: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create an empty project file.
    New(new::NewArgs),
    /// Import texts (files or folders) or annotations into a project, and save it.
    Import(import::ImportArgs),
    /// Load a project with every check and print a summary.
    Validate(validate::ValidateArgs),
    /// Draw an annotated document to a PNG file, without a window.
    Render(render::RenderArgs),
    /// Export annotations as training data.
    Export(export::ExportArgs),
    /// Merge colleagues' annotator layers into a project.
    Merge(merge::MergeArgs),
    /// Measure agreement between annotators.
    Agree(agree::AgreeArgs),
    /// Suggest figures, claims and denials (and project patterns) as spans to accept or reject.
    Suggest(suggest::SuggestArgs),
    /// Learn a span labeller from a layer's spans, or cross-validate one with --eval.
    Learn(learn::LearnArgs),
    /// Share the documents out among annotators, with an overlap, and write their packages.
    Assign(assign::AssignArgs),
    /// Show the team's progress: documents done per annotator, spans, time, agreement.
    Status(status::StatusArgs),
}

/// Runs a subcommand; errors are printed to stderr by the caller.
pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::New(args) => new::run(args),
        Command::Import(args) => import::run(args),
        Command::Validate(args) => validate::run(args),
        Command::Render(args) => render::run(args),
        Command::Export(args) => export::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Agree(args) => agree::run(args),
        Command::Learn(args) => learn::run(args),
        Command::Suggest(args) => suggest::run(args),
        Command::Assign(args) => assign::run(args),
        Command::Status(args) => status::run(args),
    }
}

/// Says on stderr that a command waits for another one's lock on the project.
pub(crate) fn say_waiting(lock: &std::path::Path) {
    errln!(
        "hashiya: waiting for {} (another Hashiya is changing the project; giving up after {} s)",
        lock.display(),
        std::env::var("HASHIYA_LOCK_WAIT")
            .ok()
            .and_then(|s| s.trim().parse::<u64>().ok())
            .unwrap_or(crate::store::LOCK_WAIT.as_secs())
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
