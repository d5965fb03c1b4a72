//! `hashiya import FILE.ron PATH...`: add texts to a project and save it once, atomically.
//!
//! Each PATH is dispatched by kind: annotation files that [`formats::import::detect`]
//! recognises (our jsonl, doccano, Prodigy, Label Studio, brat folders) go to the
//! annotation importer; a folder or a `.txt` file is read as plain text ([`import_path`]).

use super::export::progress_line::ProgressLine;
use crate::formats;
use crate::formats::import::ImportOptions;
use crate::model::Project;
use crate::store::import::{ImportReport, import_texts, is_text_file};
use crate::store::{ProjectFile, ProjectLock, SaveMode, SkipReason};
use anyhow::Context;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

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
    /// Annotator layer for imported spans that name none (with --as-suggestions: default
    /// "suggestions").
    #[arg(long)]
    pub annotator: Option<String>,
    /// Import the annotation files' spans as suggestions (a model's predictions): they are
    /// drawn apart, left out of exports and agreement until accepted, and any the annotator
    /// rejected before are dropped.
    #[arg(long)]
    pub as_suggestions: bool,
}

pub fn run(mut args: ImportArgs) -> anyhow::Result<ExitCode> {
    if let Some(raw) = args.annotator.take() {
        let Some(name) = crate::model::clean_name(&raw) else {
            anyhow::bail!("--annotator {raw:?}: a name needs at least one letter or digit");
        };
        args.annotator = Some(name);
    }
    // Held from the load to the save: another import or a save from the window waits
    // instead of being overwritten.
    let _lock = ProjectLock::acquire_reporting(&args.project, &mut crate::cli::say_waiting)
        .context("cannot import")?;
    let (mut file, mut project) = ProjectFile::open(&args.project).context("cannot import")?;
    let before = project.clone();
    let annotator = match args.annotator {
        None if args.as_suggestions => Some(crate::cli::suggest::DEFAULT_LAYER.to_string()),
        given => given,
    };
    let mut report = ImportReport::default();
    let mut annotation_files = 0;
    let mut annotation_failures = 0;
    for path in &args.paths {
        if formats::import::detect(path).is_some() {
            annotation_files += 1;
            if !import_annotations(&mut project, path, annotator.clone(), args.as_suggestions) {
                annotation_failures += 1;
            }
        } else {
            report.extend(import_path(&mut project, path));
        }
    }
    if args.as_suggestions {
        let n = crate::suggest::mark_new_spans_suggested(&before, &mut project, "import");
        eprintln!("hashiya: {n} imported span(s) are suggestions");
    }
    for (path, reason) in &report.skipped {
        errln!("hashiya: skipped {}: {reason}", path.display());
    }
    let annotations_read = annotation_files > annotation_failures;
    // Texts already in the project are nothing new, not a failure (as for annotations).
    let only_known_texts = !report.skipped.is_empty()
        && report.skipped.iter().all(|(_, reason)| matches!(reason, SkipReason::Duplicate(_)));
    if report.added.is_empty() && !annotations_read && !only_known_texts {
        errln!("hashiya: nothing was imported; {} is unchanged", args.project.display());
        return Ok(ExitCode::FAILURE);
    }
    if project == before {
        errln!("hashiya: nothing new to import; {} is unchanged", args.project.display());
        return Ok(if annotation_failures > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS });
    }
    file.save(&project, SaveMode::Checked).context("cannot save the imported documents")?;
    for id in &report.added {
        outln!("added {id}");
    }
    // Annotation files add documents and spans of their own: count what the project gained.
    let documents = project.documents.len().saturating_sub(before.documents.len());
    let spans = span_count(&project).saturating_sub(span_count(&before));
    outln!(
        "imported {documents} document(s) into {}, {} file(s) skipped, {spans} span(s) added",
        args.project.display(),
        report.skipped.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// Spans in every layer, gold included.
fn span_count(project: &Project) -> usize {
    project.named_layers_all().map(|(_, layer)| layer.span_count()).sum()
}

/// Imports one annotation file (or brat folder), printing what it did; false on failure.
fn import_annotations(
    project: &mut Project,
    path: &Path,
    annotator: Option<String>,
    predictions: bool,
) -> bool {
    let options = ImportOptions { predictions, ..ImportOptions::new(annotator) };
    let mut line = ProgressLine::new();
    let result = formats::import::import_annotations(
        project,
        path,
        &options,
        &mut |p| line.show(p),
        &AtomicBool::new(false),
    );
    line.finish();
    match result {
        Ok(report) => {
            for (i, line) in report.summary().iter().enumerate() {
                if i == 0 {
                    errln!("hashiya: {line}, from {}", path.display());
                } else {
                    errln!("hashiya: {line}");
                }
            }
            if report.all_refused() {
                errln!(
                    "hashiya: nothing could be imported from {}: everything in it was refused",
                    path.display()
                );
                return false;
            }
            true
        }
        Err(err) => {
            errln!("hashiya: cannot import {}: {err}", path.display());
            false
        }
    }
}

/// Imports one command-line path according to what it is.
fn import_path(project: &mut Project, path: &Path) -> ImportReport {
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if path.is_dir() {
        return import_texts(project, path);
    }
    if !path.exists() {
        return refused(path, "no such file or folder".into());
    }
    // Regular files only: a device or a pipe is refused here, before anything reads it.
    if let Err(error) = crate::store::input::open_input(path, crate::store::MAX_INPUT_BYTES) {
        return refused(path, error.to_string());
    }
    match extension.as_deref() {
        _ if is_text_file(path) => import_texts(project, path),
        Some("json" | "jsonl" | "ndjson") => refused(
            path,
            format!(
                "not an annotation file that can be imported: {}",
                formats::import::why_not_annotations(path)
            ),
        ),
        _ => refused(
            path,
            "not a supported file type: import reads .txt files and folders of them, annotation files \
             (our .jsonl export, doccano and Prodigy .jsonl, Label Studio .json) and brat .ann files or folders"
                .into(),
        ),
    }
}

fn refused(path: &Path, why: String) -> ImportReport {
    ImportReport { added: Vec::new(), skipped: vec![(path.to_path_buf(), SkipReason::Unsupported(why))] }
}
