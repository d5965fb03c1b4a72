//! The open project and everything that changes it: the undo history, the file it
//! came from, and whether it has unsaved changes. No egui here, so the window's
//! editing logic is tested without a window.

use crate::model::{Command, CommandError, History, Project};
use crate::store::{self, Autosaver, ProjectFile, SaveMode, StoreError};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The last thing that happened between the project and its file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileEvent {
    /// Read from the file (opened, or reloaded after discarding changes).
    Opened,
    /// Written to the file.
    Saved,
}

/// A project being edited.
pub struct Workspace {
    pub project: Project,
    /// The file it was loaded from or last saved to; `None` for a project not yet saved.
    file: Option<ProjectFile>,
    history: History,
    /// History generation at the last save (or load).
    saved_generation: u64,
    /// Writes unsaved work to the recovery file in the background.
    autosaver: Option<Autosaver>,
    /// When the project was last read from or written to its file.
    file_event: Option<(FileEvent, SystemTime)>,
}

impl std::fmt::Debug for Workspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workspace").field("name", &self.project.name).field("file", &self.file).finish()
    }
}

impl Workspace {
    /// A project in memory; `file` is where it came from, if anywhere. Unsaved work is
    /// autosaved beside that file.
    pub fn new(project: Project, file: Option<ProjectFile>) -> Self {
        let autosaver = file.as_ref().map(|f| Autosaver::new(store::recovery_path(&f.path), 0));
        let file_event = file.as_ref().map(|_| (FileEvent::Opened, SystemTime::now()));
        Self { project, file, history: History::default(), saved_generation: 0, autosaver, file_event }
    }

    /// The project file, if the project has one.
    pub fn path(&self) -> Option<&Path> {
        self.file.as_ref().map(|f| f.path.as_path())
    }

    /// Applies a change as one undo step.
    pub fn apply(&mut self, command: Command) -> Result<(), CommandError> {
        self.history.apply(&mut self.project, command)
    }

    /// Applies a change that merges with the previous one of the same key (a drag).
    pub fn apply_merging(&mut self, command: Command, key: u64) -> Result<(), CommandError> {
        self.history.apply_merging(&mut self.project, command, Some(key))
    }

    /// Ends a merging run (the drag was released).
    pub fn seal(&mut self) {
        self.history.seal();
    }

    pub fn undo(&mut self) -> Result<bool, CommandError> {
        self.history.undo(&mut self.project)
    }

    pub fn redo(&mut self) -> Result<bool, CommandError> {
        self.history.redo(&mut self.project)
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// A number that changes with every edit, undo and redo.
    pub fn generation(&self) -> u64 {
        self.history.generation()
    }

    /// Whether there are changes since the last save.
    pub fn is_dirty(&self) -> bool {
        self.history.generation() != self.saved_generation
    }

    /// Saves to the project's file; `None` when the project has no file yet (use
    /// [`Workspace::save_as`]). With [`SaveMode::Checked`] a file changed on disk since it
    /// was opened is not replaced ([`StoreError::ChangedOnDisk`]).
    pub fn save(&mut self, mode: SaveMode) -> Option<Result<(), StoreError>> {
        let file = self.file.as_mut()?;
        let result = file.save(&self.project, mode);
        if result.is_ok() {
            self.mark_saved();
            self.file_event = Some((FileEvent::Saved, SystemTime::now()));
        }
        Some(result)
    }

    /// Saves to a new path (Save as); the project's file is that path from now on.
    pub fn save_as(&mut self, path: PathBuf) -> Result<(), StoreError> {
        let stamp = store::save(&self.project, &path)?;
        let recovery = store::recovery_path(&path);
        self.file = Some(ProjectFile { path, disk_stamp: Some(stamp) });
        self.autosaver = Some(Autosaver::new(recovery, self.history.generation()));
        self.mark_saved();
        self.file_event = Some((FileEvent::Saved, SystemTime::now()));
        Ok(())
    }

    /// When the project was last read from or written to its file, and which it was.
    pub fn file_event(&self) -> Option<(FileEvent, SystemTime)> {
        self.file_event
    }

    fn mark_saved(&mut self) {
        self.saved_generation = self.history.generation();
        if let Some(autosaver) = &mut self.autosaver {
            autosaver.mark_saved(self.saved_generation);
        }
    }

    /// Replaces the project by another version of it (recovered from an autosave): the undo
    /// history starts afresh and the project counts as unsaved until it is saved. The change
    /// counter keeps counting up, so nothing keyed on it mistakes the new project for an old
    /// state.
    pub fn replace_project(&mut self, project: Project) {
        self.project = project;
        self.history.restart();
        self.saved_generation = u64::MAX;
    }

    /// Forgets unsaved changes (the user chose to discard them): the project is read again
    /// from its file and the recovery file is removed. A project without a file keeps its
    /// contents and only stops counting as unsaved.
    pub fn discard_changes(&mut self) -> Result<(), StoreError> {
        if let Some(file) = &self.file {
            let (file, project) = ProjectFile::open(file.path.clone())?;
            self.file = Some(file);
            self.project = project;
            self.history.restart();
        }
        self.mark_saved();
        if self.file.is_some() {
            self.file_event = Some((FileEvent::Opened, SystemTime::now()));
        }
        Ok(())
    }

    /// Called every frame: hands unsaved work to the autosaver when it is due. Returns how
    /// long until the next autosave could be due, for `request_repaint_after`.
    pub fn autosave_tick(&mut self) -> Option<Duration> {
        let generation = self.history.generation();
        let autosaver = self.autosaver.as_mut()?;
        autosaver.tick(&self.project, generation);
        autosaver.next_due(generation)
    }

    /// When unsaved work last reached the recovery file, and the last autosave error.
    pub fn autosave_state(&self) -> Option<store::AutosaveState> {
        self.autosaver.as_ref().map(Autosaver::state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocId, Document, Status};

    #[test]
    fn dirty_follows_edits_undo_and_save() {
        let mut p = Project::new("t");
        p.push_document(Document::new(DocId::new("d"), "d.txt", "نص".into()));
        let mut ws = Workspace::new(p, None);
        assert!(!ws.is_dirty());
        ws.apply(Command::SetStatus { doc: DocId::new("d"), annotator: "amal".into(), status: Status::Done })
            .unwrap();
        assert!(ws.is_dirty());
        let dir = tempfile::tempdir().unwrap();
        ws.save_as(dir.path().join("x.ron")).unwrap();
        assert!(!ws.is_dirty());
        assert!(dir.path().join("x.ron").exists());
        ws.undo().unwrap();
        assert!(ws.is_dirty());
        ws.replace_project(Project::new("recovered"));
        assert!(ws.is_dirty());
        assert!(!ws.can_undo());
    }
}
