//! Moving about the open project: opening a document, stepping through documents and
//! spans, selecting text or a span, revealing a place, and the selected text that Copy takes.

use super::Session;
use super::edits::{find_span, step_span};
use crate::model::{CharRange, DocId, SpanId, Timestamp};
use crate::session::ViewState;

impl Session {
    /// Shows `doc` with nothing selected.
    pub fn open_document(&mut self, doc: DocId) {
        self.view = ViewState { doc: Some(doc), ..ViewState::default() };
        // As when a project is opened (see `open`).
        let _ = self.take_in_layer_suggestions(Timestamp::now());
    }

    /// Shows the next (or previous) document, stopping at the ends. Returns it.
    /// With "Assigned to me" on, only the annotator's documents are visited.
    pub fn step_document(&mut self, forward: bool) -> Option<DocId> {
        let docs = self.walked_documents();
        // Where the current document lies among those walked: how many come before it, and
        // whether it is one of them.
        let current = self.view.doc.as_ref();
        let at = current.and_then(|d| self.project()?.documents.iter().position(|x| &x.id == d));
        let before = at.map(|_| docs.iter().take_while(|(_, i)| Some(*i) < at).count());
        let on_one = before.is_some_and(|b| docs.get(b).is_some_and(|(_, i)| Some(*i) == at));
        let next = match (before, forward) {
            (Some(i), true) if on_one => (i + 1).min(docs.len().saturating_sub(1)),
            (Some(i), true) => i.min(docs.len().saturating_sub(1)),
            (Some(i), false) => i.saturating_sub(1),
            (None, _) => 0,
        };
        let doc = docs.get(next)?.0.clone();
        if self.view.doc.as_ref() != Some(&doc) {
            self.open_document(doc.clone());
        }
        Some(doc)
    }

    /// Selects the next (or previous) span of the edited layer in reading order, wrapping
    /// around, and scrolls to it.
    pub fn step_span(&mut self, forward: bool) -> Option<SpanId> {
        let layer = self.edit_layer().ok()?;
        let (project, doc) = self.parts().ok()?;
        let spans = project.layer(&layer).map(|l| l.spans(&doc)).unwrap_or(&[]);
        let next = step_span(spans, self.view.selected_span, forward);
        let range = next.and_then(|id| spans.iter().find(|s| s.id == id)).map(|s| s.range());
        self.view.reveal = range.or(self.view.reveal);
        self.view.selected_span = next;
        self.view.selection = None;
        next
    }

    /// Sets the text selection (an empty range clears it); a selection replaces a selected span.
    pub fn select_text(&mut self, range: Option<CharRange>) {
        self.view.selection = range.filter(|r| !r.is_empty());
        if self.view.selection.is_some() {
            self.view.selected_span = None;
        }
    }

    /// Selects a span of the edited layer (or none); it replaces a text selection.
    pub fn select_span(&mut self, span: Option<SpanId>) {
        // While a link is being made, a click on another span picks it as the target.
        if let (Some(link), Some(id)) = (&self.view.link, span)
            && link.head != id
        {
            let _ = self.set_link_target(id);
            return;
        }
        self.view.selected_span = span;
        if span.is_some() {
            self.view.selection = None;
        }
    }

    /// Shows `range` of `doc`, opening the document when it is another.
    pub fn reveal(&mut self, doc: DocId, range: CharRange) {
        if self.view.doc.as_ref() != Some(&doc) {
            self.open_document(doc);
        }
        self.view.reveal = Some(range);
    }

    /// The selected text, or else the selected span's text, exactly as stored (what Copy
    /// puts on the clipboard).
    pub fn selected_text(&self) -> Option<&str> {
        let range = match self.view.selection {
            Some(range) => range,
            None => {
                let (project, doc) = self.parts().ok()?;
                let layer = self.edit_layer().ok()?;
                find_span(project, &doc, &layer, self.view.selected_span?)?.range()
            }
        };
        crate::model::slice_chars(&self.document()?.text, range).ok()
    }
}
