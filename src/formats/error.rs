//! Errors of the export and import functions.

use std::path::PathBuf;

/// Why an export or an import could not be done. Problems with single spans or
/// documents during an import are not errors: they are listed in the import report.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    // The io error is part of the message rather than a `source`, so that showing the
    // error alone (as the window does) still says why.
    #[error("cannot read {path}: {error}")]
    Read { path: PathBuf, error: std::io::Error },
    #[error("cannot write {path}: {error}")]
    Write { path: PathBuf, error: std::io::Error },
    #[error("{location}: {message}")]
    Parse { location: String, message: String },
    #[error("unknown export format {0:?}; use jsonl, doccano, prodigy, conll, brat or csv")]
    UnknownFormat(String),
    #[error("unknown status {0:?}; use new, in-progress or done")]
    UnknownStatus(String),
    #[error("the project has no annotator {name:?} (annotators: {known})")]
    UnknownAnnotator { name: String, known: String },
    #[error(
        "the project has no gold layer yet (no reviewed spans); export an annotator with --annotator NAME"
    )]
    NoGold,
    #[error("the project has no label {name:?} (labels: {known})")]
    UnknownLabel { name: String, known: String },
    #[error("{location}: spans name no annotator; give one with --annotator NAME")]
    NoAnnotator { location: String },
    #[error(
        "{path}: not a file format that can be imported (jsonl, doccano, prodigy, brat, Label Studio json)"
    )]
    UnknownImportFormat { path: PathBuf },
    #[error("project file {path}: {message}")]
    Project { path: PathBuf, message: String },
    #[error("cancelled")]
    Cancelled,
    /// The output path cannot be written safely (a read-only file, a device, a folder
    /// that is not a previous export, ...).
    #[error("{0}")]
    Target(crate::store::StoreError),
    /// A file or folder that is not for reading (a device, a pipe, too large).
    #[error("cannot read {path}: {error}")]
    Input { path: PathBuf, error: crate::store::InputError },
    #[error("{message}: {path}")]
    Refused { path: PathBuf, message: String },
}

impl FormatError {
    /// A read error for `path`.
    pub fn read(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> Self + '_ {
        move |error| Self::Read { path: path.to_path_buf(), error }
    }

    /// An input error for `path`: an io error as [`FormatError::Read`], a refused file as
    /// [`FormatError::Input`].
    pub fn input(path: &std::path::Path) -> impl FnOnce(crate::store::InputError) -> Self + '_ {
        move |error| match error {
            crate::store::InputError::Io(error) => Self::Read { path: path.to_path_buf(), error },
            error => Self::Input { path: path.to_path_buf(), error },
        }
    }

    /// A write error for `path`.
    pub fn write(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> Self + '_ {
        move |error| Self::Write { path: path.to_path_buf(), error }
    }
}
