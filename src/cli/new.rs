//! `hashiya new NAME --out FILE.ron`: create an empty project file with the default labels.

use crate::model::Project;
use crate::store::ProjectFile;
use anyhow::Context;
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
    let project = Project::new(args.name);
    ProjectFile::create(&args.out, &project).context("cannot create the project")?;
    outln!("created {}", args.out.display());
    Ok(ExitCode::SUCCESS)
}
