//! Autosave to a recovery file, and finding it again after a crash.
//!
//! While a project has unsaved changes, the [`BackgroundWriter`](super::BackgroundWriter)
//! writes it (atomically, in the project file format) to `NAME.ron.recovery` beside the
//! project file, at most every [`AUTOSAVE_INTERVAL`], so a crash loses at most the last few
//! seconds of work. Every project the window edits has a file (a new project is written to
//! disk when it is created), so the recovery file always sits beside it. A save of the
//! project removes the recovery file; on open, [`recovery_for`] tells whether one newer
//! than the project file is waiting, so the app can offer it.

use super::atomic::{with_suffix, write_atomic_with};
use super::{StoreError, format};
use crate::model::Project;
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How often, at most, unsaved work is written to the recovery file.
pub const AUTOSAVE_INTERVAL: Duration = Duration::from_secs(3);

/// The recovery file of a saved project: `NAME.ron.recovery` beside it.
pub fn recovery_path(project_path: &Path) -> PathBuf {
    with_suffix(project_path, ".recovery")
}

/// A recovery file waiting to be offered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovery {
    pub path: PathBuf,
    pub modified: Option<SystemTime>,
}

/// The recovery file of `project_path` when there is one newer than the project file (or
/// the project file is gone). Load it with [`super::load`]; it is a project file.
pub fn recovery_for(project_path: &Path) -> Option<Recovery> {
    let path = recovery_path(project_path);
    let recovery_time = fs::metadata(&path).ok()?.modified().ok();
    let project_time = fs::metadata(project_path).ok().and_then(|m| m.modified().ok());
    match (recovery_time, project_time) {
        (Some(r), Some(p)) if r < p => None,
        _ => Some(Recovery { path, modified: recovery_time }),
    }
}

/// Removes the recovery file of `project_path`, if any (after a save, or when the user
/// discards the recovered work).
pub fn remove_recovery(project_path: &Path) -> Result<(), StoreError> {
    remove_file_if_present(&recovery_path(project_path))
}

pub(super) fn remove_file_if_present(path: &Path) -> Result<(), StoreError> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != ErrorKind::NotFound => Err(StoreError::io("cannot remove", path, e)),
        _ => Ok(()),
    }
}

/// Writes `project` to the recovery file `path` atomically (no backup kept).
pub fn write_recovery(project: &Project, path: &Path) -> Result<(), StoreError> {
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        fs::create_dir_all(dir).map_err(|e| StoreError::io("cannot create", dir, e))?;
    }
    write_atomic_with(path, false, &mut |w| {
        format::write_ron(project, &mut |chunk: &str| w.write_all(chunk.as_bytes()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::save;
    use crate::store::test_projects::sample_project;

    #[test]
    fn recovery_older_than_the_project_is_not_offered() {
        let dir = tempfile::tempdir().unwrap();
        let project_path = dir.path().join("p.ron");
        write_recovery(&sample_project(), &recovery_path(&project_path)).unwrap();
        assert!(recovery_for(&project_path).is_some(), "no project file: offer it");
        std::thread::sleep(std::time::Duration::from_millis(20));
        save(&sample_project(), &project_path).unwrap();
        assert_eq!(recovery_for(&project_path), None);
    }
}
