//! `hashiya new NAME --out FILE.ron`

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The project's name.
    pub name: String,
    /// Where to write the project file (must not exist yet).
    #[arg(long)]
    pub out: PathBuf,
}

pub fn run(args: NewArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`new` is not available yet ({:?})", args.out)
}
