//! `hashiya import FILE.ron PATH...`: add texts to a project and save it once, atomically.
//!
//! Each PATH is dispatched by kind in [`import_path`]: a folder or a `.txt` file is read as
//! plain text; other formats (JSONL, brat) plug in there as further `match` arms.

use crate::model::Project;
use crate::store::import::{ImportReport, import_texts, is_text_file};
use crate::store::{ProjectFile, SaveMode, SkipReason};
use anyhow::Context;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Added documents are listed on stdout, files that could not be imported on stderr with the reason.
The project is saved once at the end, atomically (the previous file is kept as FILE.ron.bak).

Exit status:
  0  every file was imported, or some were and the others were refused (warnings on stderr)
  1  nothing at all could be imported (the project is left as it was), or the project
     cannot be loaded or saved")]
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
    let (mut file, mut project) = ProjectFile::open(&args.project).context("cannot import")?;
    let mut report = ImportReport::default();
    for path in &args.paths {
        report.extend(import_path(&mut project, path));
    }
    for (path, reason) in &report.skipped {
        eprintln!("hashiya: skipped {}: {reason}", path.display());
    }
    if report.added.is_empty() {
        eprintln!("hashiya: nothing was imported; {} is unchanged", args.project.display());
        return Ok(ExitCode::FAILURE);
    }
    file.save(&project, SaveMode::Checked).context("cannot save the imported documents")?;
    for id in &report.added {
        println!("added {id}");
    }
    println!(
        "imported {} document(s) into {}, {} file(s) skipped",
        report.added.len(),
        args.project.display(),
        report.skipped.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// Imports one command-line path according to what it is.
fn import_path(project: &mut Project, path: &Path) -> ImportReport {
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match extension.as_deref() {
        _ if path.is_dir() => import_texts(project, path),
        _ if is_text_file(path) => import_texts(project, path),
        _ if !path.exists() => refused(path, "no such file or folder".into()),
        _ => refused(path, "not a supported file type (expected a .txt file or a folder)".into()),
    }
}

fn refused(path: &Path, why: String) -> ImportReport {
    ImportReport { added: Vec::new(), skipped: vec![(path.to_path_buf(), SkipReason::Unsupported(why))] }
}
