//! The editing session: the open project (a [`Workspace`]), who is annotating, the current
//! document and selection, and the mode (annotating, or reviewing colleagues' layers).
//!
//! Every editing rule of the window lives here, without egui: labelling the selection,
//! relabelling, moving span ends, deleting, notes, marking a document done, stepping
//! through documents and spans, which layer an edit goes to, review decisions and the
//! automatic acceptance of agreed spans. Each returns a `Result`, so the rules are
//! unit-tested without a window; the window only turns the user's intents into calls.

mod activity;
pub mod edits;
mod files;
mod frame;
mod links;
mod navigation;
mod queue;
mod review;
mod suggestions;

pub use files::{
    ImportedTexts, Loaded, RecoveryFile, SaveEvent, SaveMode, SkipReason, StoreError, load_project,
    recovery_path,
};
pub use frame::{FrameView, ShownLayer};
pub use links::LinkDraft;

use crate::model::{
    CharRange, Command, CommandError, DocId, Document, Label, LabelId, LayerRef, Project, RelationType,
    SpanId, Status, Timestamp,
};
use crate::review::state::ReviewState;
use crate::store::ProjectFile;
use crate::workspace::Workspace;
use edits::{edit_span_command, find_span, new_span_command, resize_command};
use std::collections::BTreeSet;

/// What the current document view shows and has selected.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewState {
    pub doc: Option<DocId>,
    /// Text selected in the document (not yet a span).
    pub selection: Option<CharRange>,
    /// A span of the layer being edited.
    pub selected_span: Option<SpanId>,
    /// A range to scroll into view on the next frame.
    pub reveal: Option<CharRange>,
    /// A link being made from the selected span.
    pub link: Option<LinkDraft>,
}

/// What the analyst is doing.
#[derive(Clone, Debug, PartialEq)]
pub enum Mode {
    /// Annotating their own layer, with other annotators' layers shown read-only.
    Annotate { shown_layers: BTreeSet<String> },
    /// Comparing annotators and deciding the gold layer.
    Review(ReviewState),
}

impl Default for Mode {
    fn default() -> Self {
        Mode::Annotate { shown_layers: BTreeSet::new() }
    }
}

/// Why an edit was not made. Hints ask the user to do something first; the others are
/// failures.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("Open or create a project first.")]
    NoProject,
    #[error("Open a document first.")]
    NoDocument,
    #[error("Say who is annotating first.")]
    NoAnnotator,
    #[error("{0:?} is the reviewed layer's name, not an annotator's; choose another name.")]
    ReservedName(String),
    #[error("Select some text first, then press the label's key.")]
    NothingSelected,
    #[error("Select a span first (click it, or Tab).")]
    NoSpanSelected,
    #[error("That span is no longer there.")]
    NoSuchSpan,
    #[error("Select a suggested span first (dashed outline; Tab moves to it).")]
    NotASuggestion,
    #[error("This works in review mode (Ctrl+R).")]
    NotReviewing,
    #[error("No disagreement left on this document.")]
    NoDisagreement,
    #[error("Select the text to accept instead, then press E.")]
    NoSelectionForDecision,
    #[error("Press L with a span selected to start a link.")]
    NotLinking,
    #[error("Pick the span to link to: click it, or press Tab.")]
    NoLinkTarget,
    #[error("A span cannot be linked to itself; pick another.")]
    LinkToItself,
    #[error("That link is already there.")]
    LinkExists,
    #[error("The project has no such relation type.")]
    NoRelationType,
    #[error("\"{kind}\" does not go from a {head} to a {tail}; pick another type or target.")]
    LinkNotAllowed { kind: String, head: String, tail: String },
    #[error(
        "No relation type goes from a {head} to a {tail}; add one in Edit labels, or pick another target."
    )]
    NoTypeFits { head: String, tail: String },
    #[error("This span's label has no attribute \"{0}\".")]
    NoSuchAttribute(String),
    #[error("\"{name}\" takes a {kind} value.")]
    BadAttributeValue { name: String, kind: &'static str },
    #[error("Could not apply the change: {0}")]
    Command(#[from] CommandError),
    #[error("Could not record the decision: {0}")]
    Decision(#[from] crate::review::AdjudicationError),
    #[error("{0}")]
    Store(#[from] crate::store::StoreError),
}

/// What merging one colleague's project did, for the window to say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    /// The project's file.
    pub from: String,
    /// Annotator documents taken in or replaced.
    pub documents: usize,
    /// Their documents whose text this project lacks (not merged).
    pub unmatched: usize,
}

impl SessionError {
    /// Whether this asks the user to do something first rather than reporting a failure.
    pub fn is_hint(&self) -> bool {
        !matches!(self, SessionError::Command(_) | SessionError::Decision(_) | SessionError::Store(_))
    }
}

/// The session: at most one open project and the state of its view. Its parts are
/// read through [`Session::frame_view`] and the accessors, and changed only through its
/// methods.
#[derive(Debug, Default)]
pub struct Session {
    workspace: Option<Workspace>,
    annotator: Option<String>,
    view: ViewState,
    mode: Mode,
    /// The active time being counted on the current document.
    activity: activity::Activity,
    /// "Assigned to me" as set by the annotator (`None`: on when they have assignments).
    my_queue: Option<bool>,
}

impl Session {
    /// A session with no project open; `annotator` is who is annotating, if known.
    pub fn new(annotator: Option<String>) -> Self {
        Self { annotator: annotator.and_then(clean_name), ..Self::default() }
    }

    /// Who is annotating, if known yet.
    pub fn annotator(&self) -> Option<&str> {
        self.annotator.as_deref()
    }

    /// Sets who is annotating; the name is trimmed and must not be empty.
    pub fn set_annotator(&mut self, name: &str) -> Result<&str, SessionError> {
        let name = crate::model::clean_name(name).ok_or(SessionError::NoAnnotator)?;
        // Only the reserved name is refused here; `clean_name` below also drops it.
        if crate::model::is_reserved_name(&name) {
            return Err(SessionError::ReservedName(name));
        }
        self.annotator = Some(name);
        // As when a project is opened (see `open`).
        let _ = self.take_in_layer_suggestions(Timestamp::now());
        Ok(self.annotator.as_deref().unwrap_or_default())
    }

    /// Opens a project: its first document (of the annotator's queue, if they have one) is
    /// shown, in annotation mode.
    pub fn open(&mut self, project: Project, file: Option<ProjectFile>) {
        let me = self.annotator.as_deref().unwrap_or_default();
        let mine = project.documents.iter().find(|d| d.is_assigned_to(me));
        let first = mine.or(project.documents.first()).map(|d| d.id.clone());
        self.view = ViewState { doc: first, ..ViewState::default() };
        self.workspace = Some(Workspace::new(project, file));
        self.mode = Mode::default();
        // Suggestions waiting in the suggestions layer become the annotator's; there is
        // nothing to report when there are none or no annotator yet.
        let _ = self.take_in_layer_suggestions(Timestamp::now());
    }

    /// The open project with its file and history, read-only.
    pub fn workspace(&self) -> Option<&Workspace> {
        self.workspace.as_ref()
    }

    /// What the view shows and has selected.
    pub fn view(&self) -> &ViewState {
        &self.view
    }

    /// Annotating or reviewing.
    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// The view scrolled to the range it was asked to reveal.
    pub fn scrolled(&mut self) {
        self.view.reveal = None;
    }

    pub fn project(&self) -> Option<&Project> {
        self.workspace.as_ref().map(|ws| &ws.project)
    }

    /// The document shown, if any.
    pub fn document(&self) -> Option<&Document> {
        self.project()?.document(self.view.doc.as_ref()?)
    }

    /// A number that changes with every edit, undo and redo (0 without a project).
    pub fn generation(&self) -> u64 {
        self.workspace.as_ref().map_or(0, Workspace::generation)
    }

    pub fn is_dirty(&self) -> bool {
        self.workspace.as_ref().is_some_and(Workspace::is_dirty)
    }

    pub fn review(&self) -> Option<&ReviewState> {
        match &self.mode {
            Mode::Review(review) => Some(review),
            Mode::Annotate { .. } => None,
        }
    }

    /// The layer edits go to: gold in review mode, else the annotator's own.
    pub fn edit_layer(&self) -> Result<LayerRef, SessionError> {
        match &self.mode {
            Mode::Review(_) => Ok(LayerRef::Gold),
            Mode::Annotate { .. } => {
                Ok(LayerRef::annotator(self.annotator().ok_or(SessionError::NoAnnotator)?))
            }
        }
    }

    pub(crate) fn parts(&self) -> Result<(&Project, DocId), SessionError> {
        let project = self.project().ok_or(SessionError::NoProject)?;
        let doc = self.view.doc.clone().ok_or(SessionError::NoDocument)?;
        Ok((project, doc))
    }

    /// Applies a change as one undo step (or merged with the previous change of the same
    /// `merge_key`, for a drag). A span added to a document the annotator had not started
    /// moves it to "in progress" in the same step.
    pub fn apply(&mut self, command: Command, merge_key: Option<u64>) -> Result<(), SessionError> {
        let command = self.with_progress(command);
        let ws = self.workspace.as_mut().ok_or(SessionError::NoProject)?;
        match merge_key {
            Some(key) => ws.apply_merging(command, key)?,
            None => ws.apply(command)?,
        }
        Ok(())
    }

    fn with_progress(&self, command: Command) -> Command {
        let Some((doc, annotator)) = started_by(&command) else { return command };
        let is_new = self
            .project()
            .and_then(|p| p.document(doc))
            .is_some_and(|d| d.status_of(annotator) == Status::New);
        if !is_new {
            return command;
        }
        let status = Command::SetStatus {
            doc: doc.clone(),
            annotator: annotator.to_string(),
            status: Status::InProgress,
        };
        Command::Batch(vec![command, status])
    }

    /// Ends a run of merged changes (a drag was released).
    pub fn seal(&mut self) {
        if let Some(ws) = &mut self.workspace {
            ws.seal();
        }
    }

    /// Labels the selection (a new span, then selected) or relabels the selected span.
    /// Returns the span labelled.
    pub fn label(&mut self, label: LabelId, now: Timestamp) -> Result<SpanId, SessionError> {
        let author = self.annotator().ok_or(SessionError::NoAnnotator)?.to_string();
        let layer = self.edit_layer()?;
        let (project, doc) = self.parts()?;
        if let Some(range) = self.view.selection {
            let command = new_span_command(project, &doc, &layer, &author, range, label, now);
            let Command::AddSpan { span, .. } = &command else { return Err(SessionError::NoSuchSpan) };
            let id = span.id;
            self.apply(command, None)?;
            self.view.selection = None;
            self.view.selected_span = Some(id);
            return Ok(id);
        }
        let id = self.view.selected_span.ok_or(SessionError::NothingSelected)?;
        self.relabel(id, label, now)?;
        Ok(id)
    }

    /// Gives span `id` of the edited layer another label.
    /// Values the new label does not accept and links its types do not allow go with the
    /// old label, in the same undo step.
    pub fn relabel(&mut self, id: SpanId, label: LabelId, now: Timestamp) -> Result<(), SessionError> {
        let layer = self.edit_layer()?;
        let (project, doc) = self.parts()?;
        let command =
            edits::relabel_command(project, &doc, &layer, id, label, now).ok_or(SessionError::NoSuchSpan)?;
        self.apply(command, None)
    }

    /// Sets (or, with blank text, removes) the note of span `id`. Line breaks are kept as
    /// `\n`: a pasted `\r\n` or lone `\r` never reaches the project.
    pub fn set_note(&mut self, id: SpanId, text: &str, now: Timestamp) -> Result<(), SessionError> {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let note = Some(text.trim().to_string()).filter(|t| !t.is_empty());
        self.edit_span(id, now, |s| s.note = note.map(Into::into))
    }

    pub(crate) fn edit_span(
        &mut self,
        id: SpanId,
        now: Timestamp,
        edit: impl FnOnce(&mut crate::model::Span),
    ) -> Result<(), SessionError> {
        let layer = self.edit_layer()?;
        let (project, doc) = self.parts()?;
        let command =
            edit_span_command(project, &doc, &layer, id, now, edit).ok_or(SessionError::NoSuchSpan)?;
        self.apply(command, None)
    }

    /// Moves one end of span `id` (its start with `start_end`) to `to`. A drag passes the
    /// same `merge_key` for every move, so the whole drag is one undo step. Returns whether
    /// anything changed (a span never becomes empty).
    pub fn resize(
        &mut self,
        id: SpanId,
        start_end: bool,
        to: usize,
        merge_key: Option<u64>,
        now: Timestamp,
    ) -> Result<bool, SessionError> {
        let layer = self.edit_layer()?;
        let (project, doc) = self.parts()?;
        find_span(project, &doc, &layer, id).ok_or(SessionError::NoSuchSpan)?;
        match resize_command(project, &doc, &layer, id, start_end, to, now) {
            Some(command) => self.apply(command, merge_key).map(|()| true),
            None => Ok(false),
        }
    }

    /// Moves an end of the selected span (its start with `is_start`) to where `step` puts
    /// it, given the document's text and the span's range (the view steps by what is on
    /// screen). Returns whether anything changed; without a selected span, nothing does.
    pub fn nudge_selected(
        &mut self,
        is_start: bool,
        step: impl FnOnce(&str, CharRange) -> Option<usize>,
        now: Timestamp,
    ) -> Result<bool, SessionError> {
        let Some(id) = self.view.selected_span else { return Ok(false) };
        let layer = self.edit_layer()?;
        let (project, doc) = self.parts()?;
        let span = find_span(project, &doc, &layer, id).ok_or(SessionError::NoSuchSpan)?;
        let document = project.document(&doc).ok_or(SessionError::NoDocument)?;
        let Some(to) = step(&document.text, span.range()) else { return Ok(false) };
        self.resize(id, is_start, to, None, now)
    }

    /// The selected span and its note, for the note editor.
    pub fn note_of_selected(&self) -> Result<(SpanId, String), SessionError> {
        let layer = self.edit_layer()?;
        let (project, doc) = self.parts()?;
        let id = self.view.selected_span.ok_or(SessionError::NoSpanSelected)?;
        let span = find_span(project, &doc, &layer, id).ok_or(SessionError::NoSuchSpan)?;
        Ok((id, span.note.as_deref().unwrap_or_default().to_string()))
    }

    /// Deletes the selected span.
    pub fn delete_selected(&mut self) -> Result<(), SessionError> {
        let layer = self.edit_layer()?;
        let (_, doc) = self.parts()?;
        let id = self.view.selected_span.ok_or(SessionError::NoSpanSelected)?;
        self.apply(Command::RemoveSpan { layer, doc, id }, None)?;
        self.view.selected_span = None;
        self.view.link = None;
        Ok(())
    }

    /// Marks the current document done for the annotator, or back to "in progress" when
    /// it already was. Returns the new status.
    pub fn toggle_done(&mut self) -> Result<Status, SessionError> {
        let annotator = self.annotator().ok_or(SessionError::NoAnnotator)?.to_string();
        let document = self.document().ok_or(SessionError::NoDocument)?;
        let status =
            if document.status_of(&annotator) == Status::Done { Status::InProgress } else { Status::Done };
        let doc = document.id.clone();
        self.apply(Command::SetStatus { doc, annotator, status }, None)?;
        Ok(status)
    }

    /// Undoes the last change; returns whether there was one.
    pub fn undo(&mut self) -> Result<bool, SessionError> {
        let ws = self.workspace.as_mut().ok_or(SessionError::NoProject)?;
        let undone = ws.undo()?;
        if undone {
            self.view.selected_span = None;
        }
        Ok(undone)
    }

    /// Redoes the last undone change; returns whether there was one.
    pub fn redo(&mut self) -> Result<bool, SessionError> {
        let ws = self.workspace.as_mut().ok_or(SessionError::NoProject)?;
        let redone = ws.redo()?;
        if redone {
            self.view.selected_span = None;
        }
        Ok(redone)
    }

    /// Replaces the label set by `labels`, removing the spans of `delete_spans_of` (whose
    /// deletion the user confirmed) in the same step. Returns whether anything changed.
    pub fn replace_labels(
        &mut self,
        labels: &[Label],
        delete_spans_of: &[LabelId],
    ) -> Result<bool, SessionError> {
        let types = self.project().ok_or(SessionError::NoProject)?.relation_types.clone();
        self.replace_label_set(labels, delete_spans_of, &types)
    }

    /// Replaces the labels (as [`Session::replace_labels`]) and the relation types, as one
    /// undo step. A relation type still used by links cannot go. Returns whether anything
    /// changed.
    pub fn replace_label_set(
        &mut self,
        labels: &[Label],
        delete_spans_of: &[LabelId],
        relation_types: &[RelationType],
    ) -> Result<bool, SessionError> {
        let project = self.project().ok_or(SessionError::NoProject)?;
        let mut commands: Vec<Command> =
            edits::label_set_command(project, labels, delete_spans_of).into_iter().collect();
        if project.relation_types != relation_types {
            commands.push(Command::SetRelationTypes { types: relation_types.to_vec() });
        }
        if commands.is_empty() {
            return Ok(false);
        }
        self.apply(Command::Batch(commands), None).map(|()| true)
    }

    /// Adds imported documents as one undo step and shows the first. Returns how many.
    pub fn add_documents(&mut self, docs: Vec<Document>) -> Result<usize, SessionError> {
        let n = docs.len();
        let Some(first) = docs.first().map(|d| d.id.clone()) else { return Ok(0) };
        self.apply(Command::AddDocuments { docs }, None)?;
        self.open_document(first);
        Ok(n)
    }

    /// Takes in the project as an annotation import left it (labels and documents added,
    /// layers changed), as one undo step.
    pub fn apply_import(&mut self, imported: Project) -> Result<(), SessionError> {
        let project = self.project().ok_or(SessionError::NoProject)?;
        let command = edits::import_command(project, imported);
        self.apply(command, None)
    }

    /// Merges colleagues' projects (their annotator layers; the annotator's own layer is
    /// never changed), all as one undo step. Returns what was merged from each project.
    pub fn merge(&mut self, others: &[(String, Project)]) -> Result<Vec<Merged>, SessionError> {
        let project = self.project().ok_or(SessionError::NoProject)?;
        let mut scratch = project.clone();
        let mut commands = Vec::new();
        let mut messages = Vec::new();
        for (name, other) in others {
            let (command, report) = crate::review::merge_command(&scratch, other, self.annotator());
            crate::model::apply(&mut scratch, command.clone())?;
            commands.push(command);
            let documents = report.layer_docs.iter().filter(|d| d.outcome.changes()).count();
            messages.push(Merged { from: name.clone(), documents, unmatched: report.unmatched.len() });
        }
        if !commands.is_empty() {
            self.apply(Command::Batch(commands), None)?;
        }
        Ok(messages)
    }

    /// Shows or hides another annotator's layer (annotation mode).
    pub fn show_layer(&mut self, name: &str, on: bool) {
        if let Mode::Annotate { shown_layers } = &mut self.mode {
            if on {
                shown_layers.insert(name.to_string());
            } else {
                shown_layers.remove(name);
            }
        }
    }
}

/// The document and annotator whose work a change starts: a span of the annotator's own
/// (not a suggestion) added or changed, alone or first in a batch.
fn started_by(command: &Command) -> Option<(&DocId, &str)> {
    match command {
        Command::AddSpan { layer: LayerRef::Annotator(annotator), doc, span }
        | Command::UpdateSpan { layer: LayerRef::Annotator(annotator), doc, span }
            if !span.is_suggested() =>
        {
            Some((doc, annotator))
        }
        Command::Batch(commands) => commands.first().and_then(started_by),
        _ => None,
    }
}

/// A name as recorded on spans: cleaned by the one rule for names, never the gold layer's.
fn clean_name(name: String) -> Option<String> {
    crate::model::clean_name(&name).filter(|n| !crate::model::is_reserved_name(n))
}

#[cfg(test)]
mod tests;
