//! `hashiya import FILE.ron PATH...`

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The project file to import into; it is saved afterwards.
    pub project: PathBuf,
    /// Text files or folders of them (and annotation files).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Annotator layer for imported spans that name none.
    #[arg(long)]
    pub annotator: Option<String>,
}

pub fn run(args: ImportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`import` is not available yet ({:?})", args.project)
}
