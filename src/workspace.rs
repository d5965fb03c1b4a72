//! The open project and everything that changes it: the undo history, the file it
//! came from, and whether it has unsaved changes. No egui here, so the window's
//! editing logic is tested without a window.

use crate::model::{
    CharRange, Command, CommandError, DocId, History, LabelId, LayerRef, Origin, Project, Span, SpanId,
    Timestamp,
};
use crate::store::{self, Autosaver, ProjectFile, SaveMode, StoreError};
use std::path::{Path, PathBuf};
use std::time::Duration;

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
        Self { project, file, history: History::default(), saved_generation: 0, autosaver }
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
        Ok(())
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

/// The command that labels `range` of `doc` with `label` in `layer`, made by `author`.
/// Spans added to the gold layer are marked as accepted by the author.
pub fn new_span_command(
    project: &Project,
    doc: &DocId,
    layer: &LayerRef,
    author: &str,
    range: CharRange,
    label: LabelId,
    now: Timestamp,
) -> Command {
    let id = project.layer(layer).map_or(SpanId(1), |l| l.next_span_id());
    let origin = match layer {
        LayerRef::Gold => Origin::Accepted { by: author.to_string() },
        LayerRef::Annotator(_) => Origin::Manual,
    };
    let span = Span {
        id,
        start: range.start,
        end: range.end,
        label,
        annotator: author.to_string(),
        created: now,
        modified: now,
        note: None,
        origin,
    };
    Command::AddSpan { layer: layer.clone(), doc: doc.clone(), span }
}

/// The span `id` of `layer` on `doc`, if it exists.
pub fn find_span<'p>(project: &'p Project, doc: &DocId, layer: &LayerRef, id: SpanId) -> Option<&'p Span> {
    project.layer(layer)?.spans(doc).iter().find(|s| s.id == id)
}

/// The command that replaces span `id` of `layer` by `edit(span)`, stamping the
/// modification time.
pub fn edit_span_command(
    project: &Project,
    doc: &DocId,
    layer: &LayerRef,
    id: SpanId,
    now: Timestamp,
    edit: impl FnOnce(&mut Span),
) -> Option<Command> {
    let mut span = find_span(project, doc, layer, id)?.clone();
    edit(&mut span);
    span.modified = now;
    Some(Command::UpdateSpan { layer: layer.clone(), doc: doc.clone(), span })
}

/// The span after (or before) `current` in reading order, wrapping around.
pub fn step_span(spans: &[Span], current: Option<SpanId>, forward: bool) -> Option<SpanId> {
    let position = current.and_then(|id| spans.iter().position(|s| s.id == id));
    let n = spans.len();
    if n == 0 {
        return None;
    }
    let next = match (position, forward) {
        (None, true) => 0,
        (None, false) => n - 1,
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
    };
    spans.get(next).map(|s| s.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Status};

    #[test]
    fn dirty_follows_edits_undo_and_save() {
        let mut p = Project::new("t");
        p.documents.push(Document::new(DocId::new("d"), "d.txt", "نص".into()));
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

    #[test]
    fn label_then_relabel_then_step() {
        let mut p = Project::new("t");
        p.documents.push(Document::new(DocId::new("d"), "d.txt", "قتل 12 مدنياً في الرقة".into()));
        let doc = DocId::new("d");
        let mut ws = Workspace::new(p, None);
        let amal = LayerRef::annotator("amal");
        let add = new_span_command(
            &ws.project,
            &doc,
            &amal,
            "amal",
            CharRange::new(4, 6),
            LabelId::new("figure"),
            Timestamp(5),
        );
        ws.apply(add).unwrap();
        let add = new_span_command(
            &ws.project,
            &doc,
            &amal,
            "amal",
            CharRange::new(0, 3),
            LabelId::new("claim"),
            Timestamp(5),
        );
        ws.apply(add).unwrap();
        let spans = ws.project.layers["amal"].spans(&doc).to_vec();
        assert_eq!(spans.iter().map(|s| s.id.0).collect::<Vec<_>>(), [2, 1]);
        let relabel = edit_span_command(&ws.project, &doc, &amal, SpanId(1), Timestamp(9), |s| {
            s.label = LabelId::new("claim");
        })
        .unwrap();
        ws.apply(relabel).unwrap();
        let span = find_span(&ws.project, &doc, &amal, SpanId(1)).unwrap();
        assert_eq!((span.label.as_str(), span.modified, span.created), ("claim", Timestamp(9), Timestamp(5)));
        assert_eq!(step_span(&spans, None, true), Some(SpanId(2)));
        assert_eq!(step_span(&spans, Some(SpanId(2)), true), Some(SpanId(1)));
        assert_eq!(step_span(&spans, Some(SpanId(1)), true), Some(SpanId(2)));
        assert_eq!(step_span(&spans, Some(SpanId(2)), false), Some(SpanId(1)));
        assert_eq!(step_span(&[], None, true), None);

        let gold = new_span_command(
            &ws.project,
            &doc,
            &LayerRef::Gold,
            "rev",
            CharRange::new(4, 6),
            LabelId::new("figure"),
            Timestamp(7),
        );
        ws.apply(gold).unwrap();
        let span = &ws.project.gold.spans(&doc)[0];
        assert_eq!(span.origin, Origin::Accepted { by: "rev".into() });
    }
}
