//! The open project and everything that changes it: the undo history, the file it
//! came from, whether it has unsaved changes, and its saves, which the background writer
//! makes from a snapshot while the window goes on. No egui here, so the window's editing
//! logic is tested without a window.

use crate::model::{Command, CommandError, History, Project, Timestamp};
use crate::store::{self, BackgroundWriter, ProjectFile, SaveJob, SaveMode, StoreError};
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

/// A save asked for: to the project's own file (`to: None`) or to another (Save as).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveRequest {
    pub mode: SaveMode,
    pub to: Option<PathBuf>,
}

/// A save that ended.
#[derive(Debug)]
pub enum SaveEvent {
    /// The project as it was at the request is in `path`.
    Saved { path: PathBuf },
    /// Nothing was written; the project keeps its unsaved state. `dropped` says whether a
    /// save asked while this one ran was given up with it.
    Failed { error: StoreError, dropped: bool },
}

/// A project being edited.
pub struct Workspace {
    pub project: Project,
    /// The file it was loaded from or last saved to; `None` for a project not yet saved.
    file: Option<ProjectFile>,
    history: History,
    /// History generation at the last save (or load).
    saved_generation: u64,
    /// Writes saves, and unsaved work to the recovery file, in the background.
    writer: Option<BackgroundWriter>,
    /// When the project was last read from or written to its file.
    file_event: Option<(FileEvent, SystemTime)>,
    /// The save being written.
    saving: Option<SaveRequest>,
    /// A save asked while another was being written: made when that one ends.
    queued: Option<SaveRequest>,
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
        let writer = file.as_ref().map(|f| BackgroundWriter::new(store::recovery_path(&f.path), 0));
        let file_event = file.as_ref().map(|_| (FileEvent::Opened, SystemTime::now()));
        Self {
            project,
            file,
            history: History::default(),
            saved_generation: 0,
            writer,
            file_event,
            saving: None,
            queued: None,
        }
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

    /// Adds `seconds` of active work by `annotator` on `doc`, last at `at`, to their layer.
    /// Not an undo step (undoing an edit never takes time away), but unsaved work.
    pub fn record_time(&mut self, annotator: &str, doc: &crate::model::DocId, seconds: u64, at: Timestamp) {
        let Project { documents, layers, .. } = &mut self.project;
        let Some(document) = documents.iter().find(|d| &d.id == doc) else { return };
        let entry = layers.entry(annotator.to_string()).or_default().doc_mut(document);
        entry.active_seconds += seconds;
        entry.last_active = entry.last_active.max(Some(at));
        self.history.touch();
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

    /// How many steps can be undone.
    pub fn undo_depth(&self) -> usize {
        self.history.depth()
    }

    /// A number that changes with every edit, undo and redo.
    pub fn generation(&self) -> u64 {
        self.history.generation()
    }

    /// Whether there are changes since the last save.
    pub fn is_dirty(&self) -> bool {
        self.history.generation() != self.saved_generation
    }

    /// Asks for a save; the background writer makes it from a snapshot of the project as
    /// it is now, and [`Workspace::poll_saves`] tells how it went. A save asked while
    /// another is being written waits for it (the latest request wins), so none is lost.
    /// Returns `false` when the project has no file and `request.to` names none: ask for
    /// a path first. With [`SaveMode::Checked`] a file changed on disk since it was opened
    /// is not replaced ([`StoreError::ChangedOnDisk`]); Save as always replaces what is at
    /// the new path (the file dialog asked).
    pub fn request_save(&mut self, request: SaveRequest) -> bool {
        if request.to.is_none() && self.file.is_none() {
            return false;
        }
        if self.saving.is_some() {
            self.queued = Some(request);
        } else {
            self.start_save(request);
        }
        true
    }

    fn start_save(&mut self, request: SaveRequest) {
        let (file, mode) = match (&request.to, &self.file) {
            (Some(path), _) => (ProjectFile { path: path.clone(), disk_stamp: None }, SaveMode::Overwrite),
            (None, Some(file)) => (file.clone(), request.mode),
            (None, None) => return,
        };
        let generation = self.history.generation();
        let writer = self
            .writer
            .get_or_insert_with(|| BackgroundWriter::new(store::recovery_path(&file.path), generation));
        writer.save(SaveJob { project: self.project.clone(), generation, file, mode });
        self.saving = Some(request);
    }

    /// Whether a save is being written (or waits for one that is).
    pub fn is_saving(&self) -> bool {
        self.saving.is_some()
    }

    /// Takes in the saves that ended since the last call (every frame): a successful one
    /// marks the project saved at the state it was asked in, and a queued one starts.
    pub fn poll_saves(&mut self) -> Vec<SaveEvent> {
        let outcomes = self.writer.as_ref().map(BackgroundWriter::finished_saves).unwrap_or_default();
        let mut events = Vec::new();
        for outcome in outcomes {
            self.saving = None;
            match outcome.result {
                Ok(()) => {
                    let path = outcome.file.path.clone();
                    let moved = self.path() != Some(path.as_path());
                    if let Some(writer) = &mut self.writer {
                        if moved {
                            writer.set_path(store::recovery_path(&path));
                        }
                        writer.mark_saved(outcome.generation);
                    }
                    self.file = Some(outcome.file);
                    self.saved_generation = outcome.generation;
                    self.file_event = Some((FileEvent::Saved, SystemTime::now()));
                    events.push(SaveEvent::Saved { path });
                }
                Err(error) => {
                    let dropped = self.queued.take().is_some();
                    events.push(SaveEvent::Failed { error, dropped });
                }
            }
        }
        if self.saving.is_none()
            && let Some(next) = self.queued.take()
        {
            self.start_save(next);
        }
        events
    }

    /// Waits until every save asked so far is written, and takes in how they went (tests,
    /// and closing the window).
    pub fn finish_saves(&mut self) -> Vec<SaveEvent> {
        let mut events = Vec::new();
        while self.saving.is_some() {
            if let Some(writer) = &self.writer {
                writer.wait_idle();
            }
            let polled = self.poll_saves();
            if polled.is_empty() && self.writer.as_ref().is_none_or(|w| !w.is_busy()) && self.saving.is_some()
            {
                // The writer ended without answering: nothing more will come.
                self.saving = None;
            }
            events.extend(polled);
        }
        events
    }

    /// The process is about to end (SIGTERM): the saves asked so far are written, then
    /// unsaved work goes to the recovery file at once, and this waits for both.
    pub fn flush_for_exit(&mut self) -> Vec<SaveEvent> {
        let events = self.finish_saves();
        let generation = self.history.generation();
        if let Some(writer) = &mut self.writer {
            writer.flush(&self.project, generation);
        }
        events
    }

    /// When the project was last read from or written to its file, and which it was.
    pub fn file_event(&self) -> Option<(FileEvent, SystemTime)> {
        self.file_event
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
        self.saved_generation = self.history.generation();
        if let Some(writer) = &mut self.writer {
            writer.discard(self.saved_generation);
        }
        if self.file.is_some() {
            self.file_event = Some((FileEvent::Opened, SystemTime::now()));
        }
        Ok(())
    }

    /// Called every frame: hands unsaved work to the autosaver when it is due. Returns how
    /// long until the next autosave could be due, for `request_repaint_after`.
    pub fn autosave_tick(&mut self) -> Option<Duration> {
        let generation = self.history.generation();
        let writer = self.writer.as_mut()?;
        writer.tick(&self.project, generation);
        writer.next_due(generation)
    }

    /// When unsaved work last reached the recovery file, and the last autosave error.
    pub fn autosave_state(&self) -> Option<store::AutosaveState> {
        self.writer.as_ref().map(BackgroundWriter::state)
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
        assert!(ws.request_save(SaveRequest { mode: SaveMode::Checked, to: Some(dir.path().join("x.ron")) }));
        assert!(matches!(ws.finish_saves().as_slice(), [SaveEvent::Saved { .. }]));
        assert!(!ws.is_dirty());
        assert!(dir.path().join("x.ron").exists());
        ws.undo().unwrap();
        assert!(ws.is_dirty());
        ws.replace_project(Project::new("recovered"));
        assert!(ws.is_dirty());
        assert!(!ws.can_undo());
    }

    #[test]
    fn a_save_asked_while_one_is_written_is_queued_and_written_after_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        let mut p = Project::new("t");
        p.push_document(Document::new(DocId::new("d"), "d.txt", "نص".into()));
        let file = ProjectFile::create(&path, &p).unwrap();
        let mut ws = Workspace::new(p, Some(file));
        let done = |status| Command::SetStatus { doc: DocId::new("d"), annotator: "amal".into(), status };
        ws.apply(done(Status::InProgress)).unwrap();
        assert!(ws.request_save(SaveRequest { mode: SaveMode::Checked, to: None }));
        assert!(ws.is_saving());
        ws.apply(done(Status::Done)).unwrap();
        assert!(ws.request_save(SaveRequest { mode: SaveMode::Checked, to: None }), "queued");
        let events = ws.finish_saves();
        assert!(events.iter().all(|e| matches!(e, SaveEvent::Saved { .. })), "{events:?}");
        assert_eq!(events.len(), 2, "both saves were written, the second after the first");
        assert!(!ws.is_dirty());
        let saved = store::load(&path).unwrap();
        assert_eq!(saved.documents[0].status_of("amal"), Status::Done);
    }
}
