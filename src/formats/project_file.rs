//! Loading and saving project files for the export and import commands.
//!
//! Kept in one place so that it can be switched to the store's `load`/`save` in one edit.

use super::FormatError;
use crate::model::Project;
use std::path::Path;

/// Reads a project file and checks every invariant.
pub fn load(path: &Path) -> Result<Project, FormatError> {
    let text = std::fs::read_to_string(path).map_err(FormatError::read(path))?;
    let project: Project = ron::from_str(&text)
        .map_err(|e| FormatError::Project { path: path.to_path_buf(), message: e.to_string() })?;
    if let Some(problem) = project.validate().first() {
        return Err(FormatError::Project { path: path.to_path_buf(), message: problem.to_string() });
    }
    Ok(project)
}

/// Writes a project file (pretty RON), through a temporary file renamed over the target.
pub fn save(project: &Project, path: &Path) -> Result<(), FormatError> {
    let config = ron::ser::PrettyConfig::new().escape_strings(false);
    let text = ron::ser::to_string_pretty(project, config)
        .map_err(|e| FormatError::Project { path: path.to_path_buf(), message: e.to_string() })?;
    super::export::write_atomically(path, text.as_bytes())
}
