//! `hashiya export FILE.ron --format FORMAT --out PATH [--annotator NAME | --gold] [--labels a,b] [--status done]`

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The project file.
    pub project: PathBuf,
    /// jsonl, doccano, prodigy, conll, brat or csv.
    #[arg(long)]
    pub format: String,
    /// Output file (a folder for brat).
    #[arg(long)]
    pub out: PathBuf,
    /// Export only this annotator's layer.
    #[arg(long, conflicts_with = "gold")]
    pub annotator: Option<String>,
    /// Export the gold (adjudicated) layer.
    #[arg(long)]
    pub gold: bool,
    /// Only these label ids, comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub labels: Vec<String>,
    /// Only documents with this status (new, in-progress, done).
    #[arg(long)]
    pub status: Option<String>,
}

pub fn run(args: ExportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`export` is not available yet ({:?})", args.out)
}
