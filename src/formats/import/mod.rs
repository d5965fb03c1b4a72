//! Importing annotations from our jsonl, doccano, Prodigy, brat and Label Studio.
//!
//! An import runs in two steps. Reading parses the file(s) into [`Record`]s (one
//! document with its spans each), reporting lines that cannot be read; it can be
//! cancelled. Applying adds them to the project: documents are matched on the SHA-256
//! of their text (a repeated import adds no document and no identical span), spans
//! whose offsets do not fit the text or do not give the span text the file states are
//! reported by `file:line` and skipped (never shifted), unknown labels are added with a
//! colour of their own. The project is changed only when `Ok` is returned.
//!
//! Where spans go: to the layer the file names (our `meta.layer: "gold"`, a span's
//! `annotator`, doccano's `annotator`, Prodigy's `_annotator_id`, Label Studio's
//! `completed_by`, brat's `AnnotatorNotes ... annotator: NAME`; the name `gold` means
//! the gold layer), otherwise to [`ImportOptions::annotator`]; when neither names one
//! the import fails with a message saying to give one, before anything changes.

mod apply;
mod brat_files;
mod detect;
mod json_lines;
mod label_studio;
mod records;
mod values;

pub use detect::{ImportFormat, detect, why_not_annotations};
pub use records::{Record, RecordSpan};

use super::FormatError;
use super::progress::{self, Progress, Stage};
use crate::model::{DocId, LabelId, Project, Timestamp};
use std::path::Path;
use std::sync::atomic::AtomicBool;

/// How to import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportOptions {
    /// Annotator layer for spans whose file names no annotator.
    pub annotator: Option<String>,
    /// Creation time given to imported spans.
    pub now: Timestamp,
    /// The file holds a model's predictions (`--as-suggestions`): they go onto documents
    /// already in the project, and a record whose text matches none is reported as
    /// unmatched rather than added as a new document.
    pub predictions: bool,
}

impl ImportOptions {
    /// Options with the current time.
    pub fn new(annotator: Option<String>) -> Self {
        Self { annotator, now: Timestamp::now(), predictions: false }
    }
}

/// One span or document that was not imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// `file:line` (Label Studio: `file: task N`).
    pub location: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub format: Option<ImportFormat>,
    /// Documents read from the file(s).
    pub records: usize,
    /// New documents, in order.
    pub documents_added: Vec<DocId>,
    /// Records whose text was already in the project (matched on the content hash).
    pub documents_matched: usize,
    pub spans_added: usize,
    /// Spans already present with the same offsets and label in the same layer.
    pub spans_duplicate: usize,
    /// Labels that were not in the project and were added.
    pub labels_added: Vec<LabelId>,
    pub relations_added: usize,
    /// Relations already present (same head, tail and type in the same layer).
    pub relations_duplicate: usize,
    /// Relation types that were not in the project and were added.
    pub relation_types_added: Vec<LabelId>,
    /// Attributes a label did not declare and now does, as `label.attribute`.
    pub attributes_added: Vec<String>,
    /// Lines or results that hold something other than spans, relations and attributes
    /// (brat events, Label Studio choices not tied to a region, ...).
    pub ignored_lines: usize,
    /// Label Studio spans whose offsets were UTF-16 units, converted to code points.
    pub utf16_converted: usize,
    /// Lines, documents and spans that were skipped.
    pub problems: Vec<Problem>,
}

impl ImportReport {
    /// True when the file had something to import and all of it was refused (every
    /// document or span reported, nothing added and nothing already there): a failure, not
    /// "nothing new".
    pub fn all_refused(&self) -> bool {
        !self.problems.is_empty()
            && self.documents_added.is_empty()
            && self.spans_added + self.spans_duplicate + self.relations_added + self.relations_duplicate == 0
    }

    /// A few lines for people: what was added, then each problem.
    pub fn summary(&self) -> Vec<String> {
        let format = self.format.map_or("annotations", ImportFormat::name);
        let mut lines = vec![format!(
            "{format}: {} documents read, {} added, {} already in the project; {} spans added, {} already present",
            self.records,
            self.documents_added.len(),
            self.documents_matched,
            self.spans_added,
            self.spans_duplicate
        )];
        if self.relations_added + self.relations_duplicate > 0 {
            lines.push(format!(
                "{} relations added, {} already present",
                self.relations_added, self.relations_duplicate
            ));
        }
        if !self.relation_types_added.is_empty() {
            let names: Vec<&str> = self.relation_types_added.iter().map(LabelId::as_str).collect();
            lines.push(format!("new relation types added: {}", names.join(", ")));
        }
        if !self.attributes_added.is_empty() {
            lines.push(format!("new attributes declared: {}", self.attributes_added.join(", ")));
        }
        if !self.labels_added.is_empty() {
            let names: Vec<&str> = self.labels_added.iter().map(LabelId::as_str).collect();
            lines.push(format!("new labels added: {}", names.join(", ")));
        }
        if self.utf16_converted > 0 {
            lines
                .push(format!("{} spans had UTF-16 offsets, converted to code points", self.utf16_converted));
        }
        if self.ignored_lines > 0 {
            lines.push(format!("{} events or other entries that are not spans left out", self.ignored_lines));
        }
        lines.extend(self.problems.iter().map(|p| format!("skipped: {p}")));
        lines
    }
}

/// Imports the annotation file or brat folder at `path` into `project`.
///
/// `progress` is called while reading and applying; setting `cancel` stops the
/// reading with [`FormatError::Cancelled`] and leaves the project unchanged.
pub fn import_annotations(
    project: &mut Project,
    path: &Path,
    options: &ImportOptions,
    progress: &mut dyn FnMut(Progress),
    cancel: &AtomicBool,
) -> Result<ImportReport, FormatError> {
    let Some(format) = detect(path) else {
        return Err(FormatError::UnknownImportFormat { path: path.to_path_buf() });
    };
    let mut report = ImportReport { format: Some(format), ..Default::default() };
    let records = match format {
        ImportFormat::Jsonl | ImportFormat::Doccano | ImportFormat::Prodigy => {
            json_lines::read(path, &mut report, progress, cancel)?
        }
        ImportFormat::LabelStudio => label_studio::read(path, &mut report, progress, cancel)?,
        ImportFormat::Brat => brat_files::read(path, &mut report, progress, cancel)?,
    };
    progress::check(cancel)?;
    report.records = records.len();
    check_annotators(&records, options)?;
    let total = records.len();
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    apply::apply(project, records, options, &stem, &mut report, &mut |done| {
        progress(Progress { stage: Stage::Applying, done, total })
    });
    Ok(report)
}

/// Fails, naming the first such span, when a span names no annotator and no default is given.
pub fn check_annotators(records: &[Record], options: &ImportOptions) -> Result<(), FormatError> {
    if options.annotator.as_deref().is_some_and(|a| !a.trim().is_empty()) {
        return Ok(());
    }
    let unnamed = records
        .iter()
        .filter(|r| !r.gold)
        .flat_map(|r| &r.spans)
        .find(|s| s.annotator.as_deref().is_none_or(|a| a.trim().is_empty()));
    match unnamed {
        Some(span) => Err(FormatError::NoAnnotator { location: span.location.clone() }),
        None => Ok(()),
    }
}
