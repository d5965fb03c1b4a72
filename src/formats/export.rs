//! The export entry point: choose documents and spans, then write one of the formats.

use super::progress::{self, Progress, Stage};
use super::select::{ExportOptions, Selection};
use super::{FormatError, brat, conll, csv, doccano, jsonl, prodigy};
use crate::model::Project;
use crate::store::atomic;
use std::fs::OpenOptions;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::atomic::AtomicBool;

pub use super::conll::ConllStats;

/// The export formats, named as on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ExportFormat {
    Jsonl,
    Doccano,
    Prodigy,
    Conll,
    Brat,
    Csv,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 6] = [
        ExportFormat::Jsonl,
        ExportFormat::Doccano,
        ExportFormat::Prodigy,
        ExportFormat::Conll,
        ExportFormat::Brat,
        ExportFormat::Csv,
    ];

    /// The name used by `--format`.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Doccano => "doccano",
            ExportFormat::Prodigy => "prodigy",
            ExportFormat::Conll => "conll",
            ExportFormat::Brat => "brat",
            ExportFormat::Csv => "csv",
        }
    }

    /// Parses a `--format` value (case-insensitive).
    pub fn parse(text: &str) -> Result<Self, FormatError> {
        let lower = text.trim().to_lowercase();
        Self::ALL.into_iter().find(|f| f.name() == lower).ok_or(FormatError::UnknownFormat(text.to_string()))
    }

    /// The usual file name extension of the output (brat writes a folder).
    pub fn extension(self) -> Option<&'static str> {
        match self {
            ExportFormat::Jsonl | ExportFormat::Doccano | ExportFormat::Prodigy => Some("jsonl"),
            ExportFormat::Conll => Some("conll"),
            ExportFormat::Csv => Some("csv"),
            ExportFormat::Brat => None,
        }
    }
}

/// What an export wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportReport {
    /// Documents written.
    pub documents: usize,
    /// Spans written (for conll: spans considered; see `conll` for what was lost).
    pub spans: usize,
    /// The exported layer(s), e.g. `gold` or `amal, omar`.
    pub layers: String,
    /// Spans skipped because their range does not fit the document (never in a valid project).
    pub bad_spans: usize,
    /// Token-level losses of a conll export.
    pub conll: Option<ConllStats>,
    /// Relations written (none in conll, which holds spans only).
    pub relations: usize,
    /// The second file a CSV export writes its relations to.
    pub relations_file: Option<std::path::PathBuf>,
    /// What the format could not hold exactly (brat), one message each.
    pub losses: Vec<String>,
}

/// Exports `project` in `format` to `out` (a file; a folder for brat).
///
/// Files are written through a temporary file renamed over `out`, so a failed or
/// cancelled export leaves no half-written file; a brat folder is written whole into a
/// temporary folder that then takes the place of `out` (see `brat::FolderWriter`). `progress` is called after each
/// document; setting `cancel` stops the export with [`FormatError::Cancelled`].
pub fn export(
    project: &Project,
    format: ExportFormat,
    options: &ExportOptions,
    out: &Path,
    progress: &mut dyn FnMut(Progress),
    cancel: &AtomicBool,
) -> Result<ExportReport, FormatError> {
    let mut selection = Selection::new(project, options)?;
    let docs = selection.documents();
    let total = docs.len();
    let mut report = ExportReport { layers: selection.layer_description(), ..Default::default() };
    if format == ExportFormat::Brat {
        let mut writer = brat::FolderWriter::create(out)?;
        for (i, doc) in docs.into_iter().enumerate() {
            progress::check(cancel)?;
            let doc = selection.export_doc(doc);
            report.documents += 1;
            report.spans += doc.spans.len();
            report.relations += doc.relations.len();
            writer.write_doc(&doc)?;
            progress(Progress { stage: Stage::Writing, done: i + 1, total });
        }
        report.losses = writer.finish(project)?;
        report.bad_spans = selection.bad_spans;
        return Ok(report);
    }
    let layer_kind = jsonl::LayerKind::of(project, options);
    let mut stats = ConllStats::default();
    let mut line = 0;
    let mut relation_rows = Vec::new();
    write_with(out, |w| {
        if format == ExportFormat::Csv {
            csv::write_header(w)?;
        }
        for (i, doc) in docs.into_iter().enumerate() {
            progress::check(cancel).map_err(std::io::Error::other)?;
            let doc = selection.export_doc(doc);
            report.documents += 1;
            report.spans += doc.spans.len();
            if format != ExportFormat::Conll {
                report.relations += doc.relations.len();
            }
            match format {
                ExportFormat::Jsonl => jsonl::write_doc(w, &doc, layer_kind, project)?,
                ExportFormat::Doccano => doccano::write_doc(w, &doc)?,
                ExportFormat::Prodigy => prodigy::write_doc(w, &doc)?,
                ExportFormat::Conll => conll::write_doc(w, &doc, &project.labels, &mut stats)?,
                ExportFormat::Csv => {
                    csv::write_doc(w, &doc, &mut line)?;
                    relation_rows.extend(csv::relation_rows(&doc));
                }
                ExportFormat::Brat => {}
            }
            progress(Progress { stage: Stage::Writing, done: i + 1, total });
        }
        Ok(())
    })?;
    report.bad_spans = selection.bad_spans;
    if format == ExportFormat::Conll {
        report.conll = Some(stats);
    }
    if format == ExportFormat::Csv && out != Path::new(STDOUT) {
        let path = csv::relations_path(out);
        write_with(&path, |w| csv::write_relations(w, &relation_rows))?;
        report.relations_file = Some(path);
    }
    Ok(report)
}

/// Writes `out` through a temporary file beside it (created fresh, never through an
/// existing file or link), renamed over `out` once `body` succeeds. `out` may be a link to
/// a regular file (its target is replaced); a folder, a device or a read-only file is
/// refused. `-` writes to stdout instead (a closed pipe ends the output quietly). A
/// cancellation inside `body` (an `io::Error` wrapping [`FormatError::Cancelled`]) is
/// returned as such.
pub(crate) fn write_with(
    out: &Path,
    body: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), FormatError> {
    if out == Path::new(STDOUT) {
        return write_stdout(body);
    }
    let (target, existing) = atomic::replaceable_target(out).map_err(FormatError::Target)?;
    let temp = atomic::temp_path(&target);
    let result = (|| {
        // `create_new` is O_EXCL: it neither follows nor truncates anything already there.
        let file = OpenOptions::new().write(true).create_new(true).open(&temp)?;
        let mut writer = BufWriter::new(file);
        body(&mut writer)?;
        let file = writer.into_inner().map_err(|e| e.into_error())?;
        if let Some(meta) = &existing {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, &target)
    })();
    result.map_err(|error| {
        // The temporary file is ours; it may not exist when creating it failed.
        let _ = std::fs::remove_file(&temp);
        cancelled_or(error, out)
    })?;
    atomic::sync_dir(atomic::parent_dir(&target)).map_err(FormatError::Target)
}

/// The `--out` value that means stdout.
pub const STDOUT: &str = "-";

fn write_stdout(body: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), FormatError> {
    let stdout = std::io::stdout();
    let mut writer = BufWriter::new(stdout.lock());
    let result = body(&mut writer).and_then(|()| writer.flush());
    match result {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(cancelled_or(error, Path::new(STDOUT))),
        Ok(()) => Ok(()),
    }
}

fn cancelled_or(error: std::io::Error, out: &Path) -> FormatError {
    match error.downcast::<FormatError>() {
        Ok(inner) => inner,
        Err(error) => FormatError::Write { path: out.to_path_buf(), error },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for format in ExportFormat::ALL {
            assert_eq!(ExportFormat::parse(format.name()).unwrap(), format);
        }
        assert_eq!(ExportFormat::parse("JSONL").unwrap(), ExportFormat::Jsonl);
        assert!(ExportFormat::parse("xml").unwrap_err().to_string().contains("jsonl, doccano"));
    }

    #[test]
    fn failed_write_leaves_no_file_and_cancel_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.jsonl");
        let err = write_with(&out, |w| {
            w.write_all(b"half")?;
            Err(std::io::Error::other(FormatError::Cancelled))
        })
        .unwrap_err();
        assert!(matches!(err, FormatError::Cancelled));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        write_with(&out, |w| w.write_all(b"whole")).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"whole");
    }
}
