//! The session's rules for suggestions: taking in what the suggestion rules found (one
//! undo step), accepting a suggested span (it becomes the annotator's, accepted), rejecting
//! one (it goes, and is remembered so it is not suggested again), accepting every
//! suggestion of a label on the document, and the project's own patterns. Suggestions made
//! elsewhere (`hashiya suggest`, a model, `import --as-suggestions`) wait in the layer
//! [`SUGGESTIONS_LAYER`]; opening a document takes them into the annotator's own layer as
//! suggestions, where they are accepted and rejected like the window's own.

use super::{Session, SessionError};
use crate::model::{Command, DocId, LabelId, LayerRef, Origin, Pattern, Rejection, Span, SpanId, Timestamp};
use crate::suggest::{SUGGESTIONS_LAYER, Suggestion, add_suggestions};

impl Session {
    /// Adds `suggestions` to the annotator's layer as suggested spans, leaving out what the
    /// layer already has and what the annotator rejected, as one undo step. Returns how
    /// many were added.
    pub fn add_suggested(
        &mut self,
        suggestions: &[(DocId, Suggestion)],
        now: Timestamp,
    ) -> Result<usize, SessionError> {
        let annotator = self.annotator().ok_or(SessionError::NoAnnotator)?.to_string();
        let project = self.project().ok_or(SessionError::NoProject)?;
        let mut scratch = project.clone();
        let added = add_suggestions(&mut scratch, &annotator, suggestions, now);
        let layer = LayerRef::annotator(annotator);
        let commands: Vec<Command> = added
            .into_iter()
            .map(|(doc, span)| Command::AddSpan { layer: layer.clone(), doc, span })
            .collect();
        let n = commands.len();
        if n > 0 {
            self.apply(Command::Batch(commands), None)?;
        }
        Ok(n)
    }

    /// Takes the suggestions of the [`SUGGESTIONS_LAYER`] on the current document into the
    /// annotator's layer as suggestions (one undo step), leaving out what the annotator has
    /// already accepted, overlaps with a span of that label, or rejected. Nothing happens in
    /// review mode, without an annotator, or for the annotator named like that layer.
    /// Returns how many were taken in.
    pub fn take_in_layer_suggestions(&mut self, now: Timestamp) -> Result<usize, SessionError> {
        if self.review().is_some() || self.annotator().is_none_or(|a| a == SUGGESTIONS_LAYER) {
            return Ok(0);
        }
        let (project, doc) = self.parts()?;
        let Some(layer) = project.layers.get(SUGGESTIONS_LAYER) else { return Ok(0) };
        let waiting: Vec<(DocId, Suggestion)> = layer
            .spans(&doc)
            .iter()
            .filter_map(|span| {
                let Origin::Suggested { rule } = &span.origin else { return None };
                let number = |name: &str| match span.attributes.get(name) {
                    Some(crate::model::AttrValue::Number(v)) => Some(*v),
                    _ => None,
                };
                let unit = match span.attributes.get("unit") {
                    Some(crate::model::AttrValue::Text(t)) => Some(t.clone()),
                    _ => None,
                };
                let suggestion = Suggestion {
                    range: span.range(),
                    label: span.label.clone(),
                    rule: rule.to_string(),
                    value: number("value"),
                    unit,
                    score: None,
                };
                Some((doc.clone(), suggestion))
            })
            .collect();
        if waiting.is_empty() {
            return Ok(0);
        }
        self.add_suggested(&waiting, now)
    }

    /// The selected span, if it is a suggestion of the annotator's layer.
    fn selected_suggestion(&self) -> Result<(DocId, Span), SessionError> {
        let layer = self.edit_layer()?;
        let (project, doc) = self.parts()?;
        let id = self.view.selected_span.ok_or(SessionError::NoSpanSelected)?;
        let span = super::edits::find_span(project, &doc, &layer, id).ok_or(SessionError::NoSuchSpan)?;
        if !span.is_suggested() {
            return Err(SessionError::NotASuggestion);
        }
        Ok((doc, span.clone()))
    }

    /// Accepts the selected suggestion: it stays, as the annotator's accepted span, and the
    /// next suggestion of the document is selected.
    pub fn accept_suggestion(&mut self, now: Timestamp) -> Result<SpanId, SessionError> {
        let (_, span) = self.selected_suggestion()?;
        let by = self.annotator().ok_or(SessionError::NoAnnotator)?.to_string();
        self.edit_span(span.id, now, |s| s.origin = Origin::Accepted { by: by.into() })?;
        self.select_next_suggestion(span.id);
        Ok(span.id)
    }

    /// Rejects the selected suggestion: it is removed and remembered, so the same range and
    /// label is not suggested again to this annotator; the next suggestion is selected.
    pub fn reject_suggestion(&mut self) -> Result<SpanId, SessionError> {
        let (doc, span) = self.selected_suggestion()?;
        let annotator = self.annotator().ok_or(SessionError::NoAnnotator)?.to_string();
        let layer = LayerRef::annotator(annotator.clone());
        let rejection = Rejection {
            annotator,
            doc: doc.clone(),
            start: span.start,
            end: span.end,
            label: span.label.clone(),
        };
        let commands = vec![
            Command::RemoveSpan { layer, doc, id: span.id },
            Command::SetRejected { rejection, rejected: true },
        ];
        self.apply(Command::Batch(commands), None)?;
        self.select_next_suggestion(span.id);
        Ok(span.id)
    }

    /// Accepts every suggestion of `label` on the current document, as one undo step.
    /// Returns how many.
    pub fn accept_all_suggestions(&mut self, label: &LabelId, now: Timestamp) -> Result<usize, SessionError> {
        let by = self.annotator().ok_or(SessionError::NoAnnotator)?.to_string();
        let layer = self.edit_layer()?;
        let (project, doc) = self.parts()?;
        let spans = project.layer(&layer).map(|l| l.spans(&doc)).unwrap_or(&[]);
        let commands: Vec<Command> = spans
            .iter()
            .filter(|s| s.is_suggested() && &s.label == label)
            .map(|s| {
                let span =
                    Span { origin: Origin::Accepted { by: by.as_str().into() }, modified: now, ..s.clone() };
                Command::UpdateSpan { layer: layer.clone(), doc: doc.clone(), span }
            })
            .collect();
        let n = commands.len();
        if n > 0 {
            self.apply(Command::Batch(commands), None)?;
        }
        Ok(n)
    }

    /// The label of the selected span, for "accept all of this label".
    pub fn selected_label(&self) -> Result<LabelId, SessionError> {
        let layer = self.edit_layer()?;
        let (project, doc) = self.parts()?;
        let id = self.view.selected_span.ok_or(SessionError::NoSpanSelected)?;
        let span = super::edits::find_span(project, &doc, &layer, id).ok_or(SessionError::NoSuchSpan)?;
        Ok(span.label.clone())
    }

    /// Replaces the project's suggestion patterns (one undo step). Returns whether they changed.
    pub fn set_patterns(&mut self, patterns: Vec<Pattern>) -> Result<bool, SessionError> {
        let project = self.project().ok_or(SessionError::NoProject)?;
        if project.patterns == patterns {
            return Ok(false);
        }
        self.apply(Command::SetPatterns { patterns }, None).map(|()| true)
    }

    /// Selects the first suggestion after span `after` in reading order (or none), and
    /// scrolls to it.
    fn select_next_suggestion(&mut self, after: SpanId) {
        let next = (|| {
            let layer = self.edit_layer().ok()?;
            let (project, doc) = self.parts().ok()?;
            let spans = project.layer(&layer)?.spans(&doc);
            let from = spans.iter().position(|s| s.id == after).map_or(0, |i| i + 1);
            let found = spans.iter().skip(from).chain(spans.iter().take(from)).find(|s| s.is_suggested())?;
            Some((found.id, found.range()))
        })();
        self.view.selected_span = next.map(|(id, _)| id);
        if let Some((_, range)) = next {
            self.view.reveal = Some(range);
        }
    }
}
