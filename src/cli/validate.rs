//! `hashiya validate FILE.ron`

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// The project file to check.
    pub project: PathBuf,
}

pub fn run(args: ValidateArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`validate` is not available yet ({:?})", args.project)
}
