//! Reading and writing project files for the review commands.
//!
//! Kept in one small place so that it can be switched to the store module's
//! `load`/`save` without touching the rest of the review code.

use crate::model::{Project, ValidationError};
use std::path::{Path, PathBuf};

/// Why a project file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum ProjectFileError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path} is not a valid project file: {source}")]
    Parse { path: PathBuf, source: Box<ron::error::SpannedError> },
    #[error("{path} is inconsistent ({} problems), first: {}", .problems.len(), first(.problems))]
    Invalid { path: PathBuf, problems: Vec<ValidationError> },
    #[error("cannot encode the project: {0}")]
    Encode(#[from] ron::Error),
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
}

fn first(problems: &[ValidationError]) -> String {
    problems.first().map(ToString::to_string).unwrap_or_default()
}

/// Loads a project file and checks every invariant.
pub fn load(path: &Path) -> Result<Project, ProjectFileError> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| ProjectFileError::Read { path: path.into(), source })?;
    let project: Project = ron::from_str(&text)
        .map_err(|source| ProjectFileError::Parse { path: path.into(), source: Box::new(source) })?;
    let problems = project.validate();
    if !problems.is_empty() {
        return Err(ProjectFileError::Invalid { path: path.into(), problems });
    }
    Ok(project)
}

/// Saves a project atomically: written to a temporary file beside `path`, then renamed.
pub fn save(project: &Project, path: &Path) -> Result<(), ProjectFileError> {
    let mut text = ron::ser::to_string_pretty(project, ron::ser::PrettyConfig::new().struct_names(false))?;
    text.push('\n');
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    let write_err = |source| ProjectFileError::Write { path: path.into(), source };
    std::fs::write(&tmp, text).map_err(write_err)?;
    std::fs::rename(&tmp, path).map_err(write_err)
}
