//! Links between spans and attribute values, as the window makes them: start a link from
//! the selected span, pick the target (a click, or Tab through the document's spans), then
//! the type (its key, or the first type that fits); delete a link; set an attribute from
//! what was typed.

use super::{Session, SessionError};
use crate::model::{AttrValue, Command, LabelId, Relation, RelationId, Span, SpanId, Timestamp, types_for};

/// A link being made: from `head`, to `target` once one is picked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkDraft {
    pub head: SpanId,
    pub target: Option<SpanId>,
}

impl Session {
    /// The spans of the edited layer on the current document (empty without one).
    fn edited_spans(&self) -> Result<&[Span], SessionError> {
        let layer = self.edit_layer()?;
        let (project, doc) = self.parts()?;
        Ok(project.layer(&layer).map(|l| l.spans(&doc)).unwrap_or(&[]))
    }

    fn edited_span(&self, id: SpanId) -> Result<&Span, SessionError> {
        self.edited_spans()?.iter().find(|s| s.id == id).ok_or(SessionError::NoSuchSpan)
    }

    /// Starts a link from the selected span.
    pub fn start_link(&mut self) -> Result<SpanId, SessionError> {
        let head = self.view.selected_span.ok_or(SessionError::NoSpanSelected)?;
        self.edited_span(head)?;
        self.view.link = Some(LinkDraft { head, target: None });
        Ok(head)
    }

    /// Stops making a link; nothing changes.
    pub fn cancel_link(&mut self) {
        self.view.link = None;
    }

    /// Picks `target` as the other end of the link being made.
    pub fn set_link_target(&mut self, target: SpanId) -> Result<(), SessionError> {
        let link = self.view.link.clone().ok_or(SessionError::NotLinking)?;
        if target == link.head {
            return Err(SessionError::LinkToItself);
        }
        self.edited_span(target)?;
        self.view.link = Some(LinkDraft { target: Some(target), ..link });
        Ok(())
    }

    /// Moves the link's target to the next (or previous) span in reading order, skipping
    /// the head. Spans that some relation type allows from the head come first: when there
    /// are any, only they are visited. Returns the new target.
    pub fn step_link_target(&mut self, forward: bool) -> Result<SpanId, SessionError> {
        let link = self.view.link.clone().ok_or(SessionError::NotLinking)?;
        let project = self.project().ok_or(SessionError::NoProject)?;
        let spans = self.edited_spans()?;
        let head = spans.iter().find(|s| s.id == link.head).ok_or(SessionError::NoSuchSpan)?;
        let fits = |s: &&Span| types_for(&project.relation_types, &head.label, &s.label).next().is_some();
        let others: Vec<&Span> = spans.iter().filter(|s| s.id != link.head).collect();
        let fitting: Vec<&Span> = others.iter().copied().filter(fits).collect();
        let candidates = if fitting.is_empty() { others } else { fitting };
        if candidates.is_empty() {
            return Err(SessionError::NoLinkTarget);
        }
        let n = candidates.len();
        let at = link.target.and_then(|t| candidates.iter().position(|s| s.id == t));
        let next = match (at, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            // From the head's place in the text: the first span after it (or before it).
            (None, true) => candidates.iter().position(|s| s.start >= head.start).unwrap_or(0),
            (None, false) => candidates.iter().rposition(|s| s.start <= head.start).unwrap_or(n - 1),
        };
        let picked = candidates.get(next).ok_or(SessionError::NoLinkTarget)?;
        let (target, range) = (picked.id, picked.range());
        self.view.link = Some(LinkDraft { target: Some(target), ..link });
        self.view.reveal = Some(range);
        Ok(target)
    }

    /// Makes the link: from the head to the picked target, of type `kind` (or, with `None`,
    /// the first type that fits). The link becomes one undo step; the head stays selected.
    pub fn finish_link(&mut self, kind: Option<LabelId>, now: Timestamp) -> Result<RelationId, SessionError> {
        let link = self.view.link.clone().ok_or(SessionError::NotLinking)?;
        let target = link.target.ok_or(SessionError::NoLinkTarget)?;
        let author = self.annotator().ok_or(SessionError::NoAnnotator)?.to_string();
        let layer = self.edit_layer()?;
        let (project, doc) = self.parts()?;
        let head = self.edited_span(link.head)?;
        let tail = self.edited_span(target)?;
        let kind = match kind {
            Some(kind) => {
                let t = project.relation_type(&kind).ok_or(SessionError::NoRelationType)?;
                if !t.allows(&head.label, &tail.label) {
                    return Err(SessionError::LinkNotAllowed {
                        kind: t.name.clone(),
                        head: label_name(project, &head.label),
                        tail: label_name(project, &tail.label),
                    });
                }
                kind
            }
            None => types_for(&project.relation_types, &head.label, &tail.label)
                .next()
                .map(|t| t.id.clone())
                .ok_or_else(|| SessionError::NoTypeFits {
                    head: label_name(project, &head.label),
                    tail: label_name(project, &tail.label),
                })?,
        };
        let layer_ref = project.layer(&layer);
        if layer_ref.is_some_and(|l| {
            l.relations(&doc).iter().any(|r| r.head == link.head && r.tail == target && r.kind == kind)
        }) {
            return Err(SessionError::LinkExists);
        }
        let id = layer_ref.map_or(RelationId(1), |l| l.next_relation_id());
        let relation = Relation::new(id, link.head, target, kind, author, now);
        self.apply(Command::AddRelation { layer, doc, relation }, None)?;
        self.view.link = None;
        self.view.selected_span = Some(link.head);
        Ok(id)
    }

    /// Deletes relation `id` of the edited layer on the current document.
    pub fn delete_relation(&mut self, id: RelationId) -> Result<(), SessionError> {
        let layer = self.edit_layer()?;
        let (_, doc) = self.parts()?;
        self.apply(Command::RemoveRelation { layer, doc, id }, None)
    }

    /// Sets attribute `name` of span `id` from typed text, read by the kind its label
    /// declares (numbers in any digits; a choice must be one of its words); blank text
    /// removes the value.
    pub fn set_attribute(
        &mut self,
        id: SpanId,
        name: &str,
        text: &str,
        now: Timestamp,
    ) -> Result<(), SessionError> {
        let project = self.project().ok_or(SessionError::NoProject)?;
        let span = self.edited_span(id)?;
        let label = project.label(&span.label).ok_or(SessionError::NoSuchSpan)?;
        let def = label.attribute(name).ok_or_else(|| SessionError::NoSuchAttribute(name.to_string()))?;
        let value = if text.trim().is_empty() {
            None
        } else {
            Some(def.kind.parse(text).ok_or_else(|| SessionError::BadAttributeValue {
                name: name.to_string(),
                kind: def.kind.describe(),
            })?)
        };
        self.set_attribute_value(id, name, value, now)
    }

    /// Sets attribute `name` of span `id` to `value` (or removes it), as one undo step.
    pub fn set_attribute_value(
        &mut self,
        id: SpanId,
        name: &str,
        value: Option<AttrValue>,
        now: Timestamp,
    ) -> Result<(), SessionError> {
        if self.edited_span(id)?.attributes.get(name) == value.as_ref() {
            return Ok(());
        }
        self.edit_span(id, now, |s| s.attributes.set(name, value))
    }
}

fn label_name(project: &crate::model::Project, id: &LabelId) -> String {
    project.label(id).map_or_else(|| id.to_string(), |l| l.name.clone())
}

#[cfg(test)]
mod tests;
