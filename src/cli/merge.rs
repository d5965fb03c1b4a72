//! `hashiya merge FILE.ron OTHER.ron...`

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The project to merge into; it is saved afterwards.
    pub project: PathBuf,
    /// Colleagues' project files, or folders of them.
    #[arg(required = true)]
    pub others: Vec<PathBuf>,
}

pub fn run(args: MergeArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`merge` is not available yet ({:?})", args.project)
}
