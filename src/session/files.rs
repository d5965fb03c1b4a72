//! The session's file work: saves (made by the background writer from a snapshot, so the
//! window never waits for the disk), the autosave tick, recovering or discarding unsaved
//! work, and importing text files as documents. The window reaches files only through
//! these.

use super::{Merged, Session, SessionError};
use crate::model::Project;
use crate::store::{self, AutosaveState, ImportReport, ProjectFile, Recovery};
use crate::workspace::{FileEvent, SaveRequest};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

pub use crate::store::{Recovery as RecoveryFile, SaveMode, SkipReason, StoreError, recovery_path};
pub use crate::workspace::SaveEvent;

/// What an import of text files brought in.
#[derive(Debug, Default)]
pub struct ImportedTexts {
    /// Documents added (as one undo step).
    pub added: usize,
    /// Files left out, with why.
    pub report: ImportReport,
}

/// A project read from its file (on any thread), for [`Session::open_loaded`].
pub type Loaded = Result<(ProjectFile, Project), StoreError>;

/// Reads and checks the project at `path` (on any thread; a big one takes a second).
pub fn load_project(path: &Path) -> Loaded {
    ProjectFile::open(path)
}

impl Session {
    /// Opens a project read by [`load_project`]; on failure the open project stays.
    pub fn open_loaded(&mut self, loaded: Loaded) -> Result<(), SessionError> {
        let (file, project) = loaded?;
        self.open(project, Some(file));
        Ok(())
    }

    /// Creates an empty project file at `path` (never replacing a file) and opens it.
    pub fn create_project(&mut self, path: PathBuf) -> Result<(), SessionError> {
        let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let project = Project::new(name);
        let file = ProjectFile::create(path, &project)?;
        self.open(project, Some(file));
        Ok(())
    }

    /// Merges colleagues' project files (their annotator layers; ours is never changed),
    /// all as one undo step. Returns what was merged from each file, and why the others
    /// could not be read.
    pub fn merge_files(
        &mut self,
        paths: &[PathBuf],
    ) -> Result<(Vec<Merged>, Vec<store::StoreError>), SessionError> {
        let mut others = Vec::new();
        let mut failures = Vec::new();
        for path in paths {
            match store::load(path) {
                Ok(other) => others.push((path.display().to_string(), other)),
                Err(err) => failures.push(err),
            }
        }
        let merged = if others.is_empty() { Vec::new() } else { self.merge(&others)? };
        Ok((merged, failures))
    }

    /// The project's file, if it has one.
    pub fn path(&self) -> Option<&Path> {
        self.workspace.as_ref()?.path()
    }

    /// Saves the project to its own file (`to: None`) or to `to` (Save as), in the
    /// background; [`Session::poll_saves`] tells how it went. Returns `false` when the
    /// project has no file yet and `to` names none: ask for a path first. A save asked
    /// while another is written is made after it.
    pub fn save(&mut self, mode: SaveMode, to: Option<PathBuf>) -> Result<bool, SessionError> {
        self.flush_activity();
        let ws = self.workspace.as_mut().ok_or(SessionError::NoProject)?;
        Ok(ws.request_save(SaveRequest { mode, to }))
    }

    /// Whether a save is being written.
    pub fn is_saving(&self) -> bool {
        self.workspace.as_ref().is_some_and(crate::workspace::Workspace::is_saving)
    }

    /// The saves that ended since the last call (called every frame).
    pub fn poll_saves(&mut self) -> Vec<SaveEvent> {
        self.workspace.as_mut().map(crate::workspace::Workspace::poll_saves).unwrap_or_default()
    }

    /// Waits for every save asked so far (closing the window, tests).
    pub fn finish_saves(&mut self) -> Vec<SaveEvent> {
        self.workspace.as_mut().map(crate::workspace::Workspace::finish_saves).unwrap_or_default()
    }

    /// The process is about to end: saves asked so far are written and unsaved work goes
    /// to the recovery file, before this returns.
    pub fn flush_for_exit(&mut self) -> Vec<SaveEvent> {
        self.workspace.as_mut().map(crate::workspace::Workspace::flush_for_exit).unwrap_or_default()
    }

    /// Hands unsaved work to the background writer when it is due (called every frame).
    /// Returns how long until the next autosave could be due.
    pub fn autosave_tick(&mut self) -> Option<Duration> {
        self.workspace.as_mut()?.autosave_tick()
    }

    /// When unsaved work last reached the recovery file, and the last autosave error.
    pub fn autosave_state(&self) -> Option<AutosaveState> {
        self.workspace.as_ref()?.autosave_state()
    }

    /// When the project was last read from or written to its file, and which it was.
    pub fn file_event(&self) -> Option<(FileEvent, SystemTime)> {
        self.workspace.as_ref()?.file_event()
    }

    /// The recovery file waiting beside the open project, if one is newer than it.
    pub fn recovery(&self) -> Option<Recovery> {
        self.path().and_then(store::recovery_for)
    }

    /// Replaces the open project by its autosaved version, unsaved until saved.
    pub fn recover(&mut self, recovery: &Recovery) -> Result<(), SessionError> {
        let project = store::load(&recovery.path)?;
        let ws = self.workspace.as_mut().ok_or(SessionError::NoProject)?;
        ws.replace_project(project);
        self.keep_view_valid();
        Ok(())
    }

    /// Removes the recovery file of the open project (the user chose not to recover it).
    pub fn discard_recovery(&mut self) -> Result<(), SessionError> {
        let path = self.path().ok_or(SessionError::NoProject)?.to_path_buf();
        Ok(store::remove_recovery(&path)?)
    }

    /// Forgets unsaved changes: the project is read again from its file.
    pub fn discard_changes(&mut self) -> Result<(), SessionError> {
        let ws = self.workspace.as_mut().ok_or(SessionError::NoProject)?;
        ws.discard_changes()?;
        self.keep_view_valid();
        Ok(())
    }

    /// Imports text files (or folders of them) as new documents, one undo step, and shows
    /// the first. Files that cannot be imported are reported, the others still come in.
    pub fn import_texts(&mut self, paths: &[PathBuf]) -> Result<ImportedTexts, SessionError> {
        let project = self.project().ok_or(SessionError::NoProject)?;
        let mut scratch: Project = project.clone();
        let before = scratch.documents.len();
        let mut report = ImportReport::default();
        for path in paths {
            report.extend(store::import::import_texts(&mut scratch, path));
        }
        let docs: Vec<_> =
            scratch.documents.split_off(before).into_iter().map(std::sync::Arc::unwrap_or_clone).collect();
        let added = self.add_documents(docs)?;
        Ok(ImportedTexts { added, report })
    }

    /// After the project was replaced: the document shown stays if it is still there,
    /// else the first is shown; selections go.
    fn keep_view_valid(&mut self) {
        let Some(project) = self.project() else { return };
        let doc = self.view.doc.clone().filter(|d| project.document(d).is_some());
        let doc = doc.or_else(|| project.documents.first().map(|d| d.id.clone()));
        self.view = super::ViewState { doc, ..super::ViewState::default() };
    }
}
