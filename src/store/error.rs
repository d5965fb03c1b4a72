//! The errors of reading and writing project files. Every message names the file.

use crate::model::ValidationError;
use std::fmt;
use std::path::PathBuf;

/// Why a project file could not be read, checked or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file or folder could not be read or written. The system's error is part of
    /// the message (not a `source`), so that it is said once however the error is shown.
    #[error("{action} {path}: {error}")]
    Io { action: &'static str, path: PathBuf, error: std::io::Error },
    /// An input file that is not a regular file, or is too large.
    #[error("cannot read {path}: {error}")]
    Input { path: PathBuf, error: super::input::InputError },
    /// The file to replace is not a regular file (a folder, a device, a pipe).
    #[error("{path} is not a regular file; refusing to replace it")]
    NotRegular { path: PathBuf },
    /// The file to replace is read-only for this user.
    #[error("{path} is read-only; refusing to replace it (make it writable first)")]
    ReadOnly { path: PathBuf },
    /// The file is not valid RON for a project (syntax, wrong types, unknown or missing fields).
    #[error("{path}:{line}:{col}: not a valid project file: {message}")]
    Parse { path: PathBuf, line: usize, col: usize, message: String },
    /// The file was written by a newer Hashiya; this build refuses to read (or overwrite) it.
    #[error(
        "{path}: the file has format version {found}, but this Hashiya reads versions up to {supported}; \
         open it with a newer Hashiya (the file was not changed)"
    )]
    NewerVersion { path: PathBuf, found: u32, supported: u32 },
    /// The version number is not one any Hashiya has written.
    #[error("{path}: format version {found} is not a known project format version")]
    UnknownVersion { path: PathBuf, found: u32 },
    /// The file parsed but its contents are inconsistent; nothing was loaded.
    #[error("{path}: the project is inconsistent, refusing to load it:{}", Problems(.problems))]
    Invalid { path: PathBuf, problems: Vec<ValidationError> },
    /// The project in memory is inconsistent: saving it would write a file that no load
    /// accepts, so the file was left as it was.
    #[error(
        "{path}: not saved, the project is inconsistent and the file could not be opened again \
         (the file was not changed):{}",
        Problems(.problems)
    )]
    Unsavable { path: PathBuf, problems: Vec<ValidationError> },
    /// Another program held the project's lock for longer than we wait.
    #[error(
        "{path} is locked by another Hashiya (an import, a merge, suggestions or a window saving) \
         and was still locked after {seconds} s; try again when it has finished"
    )]
    Locked { path: PathBuf, seconds: u64 },
    /// The file on disk changed since it was loaded or last saved (another window, a
    /// colleague, `git pull`); it was not overwritten.
    #[error(
        "{path} was changed on disk since it was opened; it was not overwritten (reload it, or save with overwrite)"
    )]
    ChangedOnDisk { path: PathBuf },
    /// A new project file would replace an existing file.
    #[error("{path} already exists; refusing to overwrite it")]
    AlreadyExists { path: PathBuf },
}

impl StoreError {
    pub(crate) fn input(path: impl Into<PathBuf>, error: super::input::InputError) -> Self {
        match error {
            super::input::InputError::Io(error) => {
                Self::Io { action: "cannot read", path: path.into(), error }
            }
            error => Self::Input { path: path.into(), error },
        }
    }

    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io { action, path: path.into(), error: source }
    }

    /// The problems of an [`StoreError::Invalid`] project, empty for other errors.
    pub fn problems(&self) -> &[ValidationError] {
        match self {
            Self::Invalid { problems, .. } | Self::Unsavable { problems, .. } => problems,
            _ => &[],
        }
    }
}

/// Lists validation problems one per line, for [`StoreError::Invalid`].
struct Problems<'a>(&'a [ValidationError]);

impl fmt::Display for Problems<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for problem in self.0 {
            write!(f, "\n  - {problem}")?;
        }
        Ok(())
    }
}
