//! What one frame of the window draws, read from the session in one call: the project,
//! the document shown, the layer edits go to with its spans and links, the other layers
//! shown beside it, the view and the change counter. Panels read this and nothing else of
//! the session.

use super::{Mode, Session, ViewState};
use crate::model::{Document, LayerRef, Project, Relation, Span};

/// Another annotator's layer shown read-only under the text (or compared in review).
#[derive(Clone, Copy, Debug)]
pub struct ShownLayer<'a> {
    pub name: &'a str,
    /// The layer's place among the project's layers, for its colour.
    pub index: usize,
    pub spans: &'a [Span],
}

/// A frame's read-only view of the session.
#[derive(Clone, Debug)]
pub struct FrameView<'a> {
    pub project: &'a Project,
    /// The document shown, if any.
    pub document: Option<&'a Document>,
    /// The layer edits go to: gold in review mode, else the annotator's own.
    pub edit_layer: LayerRef,
    /// That layer's spans and links on the document shown.
    pub spans: &'a [Span],
    pub relations: &'a [Relation],
    /// Who is annotating ("" until asked).
    pub annotator: &'a str,
    pub mode: &'a Mode,
    pub view: &'a ViewState,
    /// Changes with every edit, undo and redo.
    pub generation: u64,
    /// "Assigned to me": `None` when the annotator has no assignment, else whether the
    /// list and the steps keep to their queue.
    pub my_queue: Option<bool>,
}

impl Session {
    /// What this frame draws; `None` without a project.
    pub fn frame_view(&self) -> Option<FrameView<'_>> {
        let ws = self.workspace.as_ref()?;
        let project = &ws.project;
        let annotator = self.annotator().unwrap_or("");
        let edit_layer = match &self.mode {
            Mode::Review(_) => LayerRef::Gold,
            Mode::Annotate { .. } => LayerRef::annotator(annotator),
        };
        let document = self.view.doc.as_ref().and_then(|id| project.document(id));
        let layer_doc = document.and_then(|d| project.layer(&edit_layer).and_then(|l| l.docs.get(&d.id)));
        Some(FrameView {
            project,
            document,
            edit_layer,
            spans: layer_doc.map(|d| d.spans.as_slice()).unwrap_or(&[]),
            relations: layer_doc.map(|d| d.relations.as_slice()).unwrap_or(&[]),
            annotator,
            mode: &self.mode,
            view: &self.view,
            generation: ws.generation(),
            my_queue: self.has_assignments().then(|| self.my_queue()),
        })
    }
}

impl<'a> FrameView<'a> {
    /// The other annotators' layers drawn with the text: those compared in review, or
    /// those the annotator chose to show.
    pub fn shown_layers(&self) -> Vec<ShownLayer<'a>> {
        let Some(document) = self.document else { return Vec::new() };
        let mode = self.mode;
        let annotator = self.annotator;
        self.project
            .layers
            .iter()
            .enumerate()
            .filter(|(_, (name, _))| match mode {
                Mode::Review(review) => review.annotators().contains(*name),
                Mode::Annotate { shown_layers } => *name != annotator && shown_layers.contains(*name),
            })
            .map(|(index, (name, layer))| ShownLayer { name, index, spans: layer.spans(&document.id) })
            .collect()
    }

    /// Review mode's state, when reviewing.
    pub fn review(&self) -> Option<&'a crate::review::state::ReviewState> {
        match self.mode {
            Mode::Review(review) => Some(review),
            Mode::Annotate { .. } => None,
        }
    }
}
