//! `hashiya agree FILE.ron [--annotators a,b] [--json]`

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct AgreeArgs {
    /// The project file.
    pub project: PathBuf,
    /// Annotators to compare, comma-separated (default: all).
    #[arg(long, value_delimiter = ',')]
    pub annotators: Vec<String>,
    /// Print JSON instead of tables.
    #[arg(long)]
    pub json: bool,
    /// IoU threshold for overlap matching.
    #[arg(long, default_value_t = 0.5)]
    pub iou: f64,
}

pub fn run(args: AgreeArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`agree` is not available yet ({:?})", args.project)
}
