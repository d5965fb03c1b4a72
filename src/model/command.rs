//! Every change to a project is a [`Command`], applied in one place by [`apply`].
//!
//! `apply` returns the inverse command, which the undo history keeps; applying the
//! inverse restores the project exactly. Widgets never change a project directly: they
//! push commands, and the app applies them at the end of the frame.

use super::{DocId, Document, Label, LabelId, Layer, Pattern, Project, Rejection, Span, SpanId, Status};
use std::sync::Arc;

/// Which layer a span command targets.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LayerRef {
    /// The named annotator's layer (created on first use).
    Annotator(String),
    /// The adjudicated gold layer.
    Gold,
}

impl LayerRef {
    pub fn annotator(name: impl Into<String>) -> Self {
        Self::Annotator(name.into())
    }

    pub fn name(&self) -> &str {
        match self {
            LayerRef::Annotator(name) => name,
            LayerRef::Gold => "gold",
        }
    }
}

/// One change to a project.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Adds a span (its id must be unused in the layer).
    AddSpan { layer: LayerRef, doc: DocId, span: Span },
    /// Removes the span with this id.
    RemoveSpan { layer: LayerRef, doc: DocId, id: SpanId },
    /// Replaces the span with the same id (relabel, note, boundaries).
    UpdateSpan { layer: LayerRef, doc: DocId, span: Span },
    /// Sets an annotator's status on a document.
    SetStatus { doc: DocId, annotator: String, status: Status },
    /// Inserts a label at `index` (clamped to the end).
    AddLabel { index: usize, label: Label },
    /// Replaces the label with the same id (name, colour, hotkey, guideline).
    UpdateLabel { label: Label },
    /// Removes a label; fails if any span still uses it (remove those first, in a batch).
    RemoveLabel { id: LabelId },
    /// Appends documents (their ids must be unused).
    AddDocuments { docs: Vec<Document> },
    /// Removes documents and every layer's spans on them.
    RemoveDocuments { ids: Vec<DocId> },
    /// Replaces a whole annotator layer (merging a colleague's work).
    SetLayer { layer: LayerRef, content: Option<Layer> },
    /// Records (or, with `rejected: false`, forgets) a rejected suggestion.
    SetRejected { rejection: Rejection, rejected: bool },
    /// Replaces the project's suggestion patterns.
    SetPatterns { patterns: Vec<Pattern> },
    /// Several commands as one undo step, applied in order.
    Batch(Vec<Command>),
}

/// Why a command could not be applied. The project is unchanged when this is returned.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    #[error("no document \"{0}\"")]
    NoDocument(DocId),
    #[error("no span {} in the {layer} layer of document \"{doc}\"", id.0)]
    NoSpan { layer: String, doc: DocId, id: SpanId },
    #[error("span id {} is already used", .0.0)]
    DuplicateSpan(SpanId),
    #[error("span {start}..{end} does not fit the document ({len} code points)")]
    BadRange { start: usize, end: usize, len: usize },
    #[error("no label \"{0}\"")]
    NoLabel(LabelId),
    #[error("label \"{0}\" already exists")]
    DuplicateLabel(LabelId),
    #[error("label \"{label}\" is still used by {count} spans")]
    LabelInUse { label: LabelId, count: usize },
    #[error("hotkey {key:?} is already used by \"{other}\"")]
    HotkeyClash { key: char, other: LabelId },
    #[error("document id \"{0}\" is already used")]
    DuplicateDocument(DocId),
}

fn layer_mut<'p>(project: &'p mut Project, layer: &LayerRef) -> &'p mut Layer {
    match layer {
        LayerRef::Annotator(name) => project.layers.entry(name.clone()).or_default(),
        LayerRef::Gold => &mut project.gold,
    }
}

fn check_span(project: &Project, doc: &DocId, span: &Span) -> Result<(), CommandError> {
    let document = project.document(doc).ok_or_else(|| CommandError::NoDocument(doc.clone()))?;
    let len = super::char_len(&document.text);
    if span.range().check(len).is_err() {
        return Err(CommandError::BadRange { start: span.start.0, end: span.end.0, len });
    }
    if project.label(&span.label).is_none() {
        return Err(CommandError::NoLabel(span.label.clone()));
    }
    Ok(())
}

fn check_hotkey(project: &Project, label: &Label) -> Result<(), CommandError> {
    let Some(key) = label.hotkey else { return Ok(()) };
    match project.labels.iter().find(|l| l.hotkey == Some(key) && l.id != label.id) {
        Some(other) => Err(CommandError::HotkeyClash { key, other: other.id.clone() }),
        None => Ok(()),
    }
}

/// Applies `command` to `project` and returns its inverse.
/// On error the project is left exactly as it was.
pub fn apply(project: &mut Project, command: Command) -> Result<Command, CommandError> {
    match command {
        Command::AddSpan { layer, doc, span } => {
            check_span(project, &doc, &span)?;
            if project.layer(&layer).is_some_and(|l| l.spans(&doc).iter().any(|s| s.id == span.id)) {
                return Err(CommandError::DuplicateSpan(span.id));
            }
            // Shared, not copied: only its id and hash are needed.
            let document = project
                .documents
                .iter()
                .find(|d| d.id == doc)
                .map(Arc::clone)
                .ok_or_else(|| CommandError::NoDocument(doc.clone()))?;
            let spans = &mut layer_mut(project, &layer).doc_mut(&document).spans;
            let at = spans.partition_point(|s| Span::reading_order(s, &span).is_lt());
            let id = span.id;
            spans.insert(at, span);
            Ok(Command::RemoveSpan { layer, doc, id })
        }
        Command::RemoveSpan { layer, doc, id } => {
            let no_span = || CommandError::NoSpan { layer: layer.name().into(), doc: doc.clone(), id };
            let spans = match &layer {
                LayerRef::Annotator(name) => project.layers.get_mut(name).ok_or_else(no_span)?,
                LayerRef::Gold => &mut project.gold,
            }
            .existing_doc_mut(&doc)
            .map(|d| &mut d.spans)
            .ok_or_else(no_span)?;
            let at = spans.iter().position(|s| s.id == id).ok_or_else(no_span)?;
            let span = spans.remove(at);
            Ok(Command::AddSpan { layer, doc, span })
        }
        Command::UpdateSpan { layer, doc, span } => {
            check_span(project, &doc, &span)?;
            let id = span.id;
            let no_span = || CommandError::NoSpan { layer: layer.name().into(), doc: doc.clone(), id };
            let spans = match &layer {
                LayerRef::Annotator(name) => project.layers.get_mut(name).ok_or_else(no_span)?,
                LayerRef::Gold => &mut project.gold,
            }
            .existing_doc_mut(&doc)
            .map(|d| &mut d.spans)
            .ok_or_else(no_span)?;
            let at = spans.iter().position(|s| s.id == id).ok_or_else(no_span)?;
            let old = spans.remove(at);
            let at = spans.partition_point(|s| Span::reading_order(s, &span).is_lt());
            spans.insert(at, span);
            Ok(Command::UpdateSpan { layer, doc, span: old })
        }
        Command::SetStatus { doc, annotator, status } => {
            let document = project.document_mut(&doc).ok_or_else(|| CommandError::NoDocument(doc.clone()))?;
            let old = document.status_of(&annotator);
            if status == Status::New {
                document.status.remove(&annotator);
            } else {
                document.status.insert(annotator.clone(), status);
            }
            Ok(Command::SetStatus { doc, annotator, status: old })
        }
        Command::AddLabel { index, label } => {
            if project.label(&label.id).is_some() {
                return Err(CommandError::DuplicateLabel(label.id));
            }
            check_hotkey(project, &label)?;
            let id = label.id.clone();
            let index = index.min(project.labels.len());
            project.labels.insert(index, label);
            Ok(Command::RemoveLabel { id })
        }
        Command::UpdateLabel { label } => {
            check_hotkey(project, &label)?;
            let slot = project
                .labels
                .iter_mut()
                .find(|l| l.id == label.id)
                .ok_or_else(|| CommandError::NoLabel(label.id.clone()))?;
            let old = std::mem::replace(slot, label);
            Ok(Command::UpdateLabel { label: old })
        }
        Command::RemoveLabel { id } => {
            let count = project
                .named_layers_all()
                .flat_map(|(_, l)| l.docs.values())
                .flat_map(|d| d.spans.iter())
                .filter(|s| s.label == id)
                .count();
            if count > 0 {
                return Err(CommandError::LabelInUse { label: id, count });
            }
            let index = project
                .labels
                .iter()
                .position(|l| l.id == id)
                .ok_or_else(|| CommandError::NoLabel(id.clone()))?;
            let label = project.labels.remove(index);
            Ok(Command::AddLabel { index, label })
        }
        Command::AddDocuments { docs } => {
            for (i, doc) in docs.iter().enumerate() {
                let dup_in_batch = docs.iter().take(i).any(|d| d.id == doc.id);
                if dup_in_batch || project.document(&doc.id).is_some() {
                    return Err(CommandError::DuplicateDocument(doc.id.clone()));
                }
            }
            let ids = docs.iter().map(|d| d.id.clone()).collect();
            project.documents.extend(docs.into_iter().map(Arc::new));
            Ok(Command::RemoveDocuments { ids })
        }
        Command::RemoveDocuments { ids } => {
            if let Some(missing) = ids.iter().find(|id| project.document(id).is_none()) {
                return Err(CommandError::NoDocument(missing.clone()));
            }
            // The inverse restores the documents and every layer's spans on them.
            let mut restore = Vec::new();
            for (name, layer) in project.layers.iter_mut() {
                for id in &ids {
                    if let Some(layer_doc) = layer.docs.remove(id) {
                        restore.push((LayerRef::Annotator(name.clone()), id.clone(), layer_doc));
                    }
                }
            }
            for id in &ids {
                if let Some(layer_doc) = project.gold.docs.remove(id) {
                    restore.push((LayerRef::Gold, id.clone(), layer_doc));
                }
            }
            let (docs, kept): (Vec<Arc<Document>>, Vec<Arc<Document>>) =
                std::mem::take(&mut project.documents).into_iter().partition(|d| ids.contains(&d.id));
            project.documents = kept;
            let docs = docs.into_iter().map(Arc::unwrap_or_clone).collect();
            let mut inverse = vec![Command::AddDocuments { docs }];
            for (layer, doc, layer_doc) in restore {
                inverse.extend(
                    Arc::unwrap_or_clone(layer_doc).spans.into_iter().map(|span| Command::AddSpan {
                        layer: layer.clone(),
                        doc: doc.clone(),
                        span,
                    }),
                );
            }
            Ok(Command::Batch(inverse))
        }
        Command::SetLayer { layer, content } => {
            let old = match (&layer, content) {
                (LayerRef::Annotator(name), Some(content)) => project.layers.insert(name.clone(), content),
                (LayerRef::Annotator(name), None) => project.layers.remove(name),
                (LayerRef::Gold, content) => {
                    Some(std::mem::replace(&mut project.gold, content.unwrap_or_default()))
                }
            };
            Ok(Command::SetLayer { layer, content: old })
        }
        Command::SetRejected { rejection, rejected } => {
            let at = project.rejected.binary_search(&rejection);
            let was = at.is_ok();
            match (at, rejected) {
                (Err(i), true) => project.rejected.insert(i, rejection.clone()),
                (Ok(i), false) => {
                    project.rejected.remove(i);
                }
                _ => {}
            }
            Ok(Command::SetRejected { rejection, rejected: was })
        }
        Command::SetPatterns { patterns } => {
            let old = std::mem::replace(&mut project.patterns, patterns);
            Ok(Command::SetPatterns { patterns: old })
        }
        Command::Batch(commands) => {
            let mut inverses = Vec::with_capacity(commands.len());
            for command in commands {
                match apply(project, command) {
                    Ok(inverse) => inverses.push(inverse),
                    Err(err) => {
                        // Roll back what this batch already did, newest first.
                        for inverse in inverses.into_iter().rev() {
                            let _ = apply(project, inverse);
                        }
                        return Err(err);
                    }
                }
            }
            inverses.reverse();
            Ok(Command::Batch(inverses))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharRange, Timestamp, default_labels};

    fn project() -> Project {
        let mut p = Project::new("t");
        p.push_document(Document::new(DocId::new("d1"), "d1.txt", "قتل 12 مدنياً في الرقة".into()));
        p
    }

    fn span(id: u64, start: usize, end: usize, label: &str) -> Span {
        Span::new(SpanId(id), CharRange::new(start, end), LabelId::new(label), "amal", Timestamp(1))
    }

    fn amal() -> LayerRef {
        LayerRef::annotator("amal")
    }

    /// Applies a command, then its inverse, and checks the project is back where it was.
    fn round_trip(mut p: Project, command: Command) -> Project {
        let before = p.clone();
        let inverse = apply(&mut p, command).unwrap();
        let after = p.clone();
        let redo = apply(&mut p, inverse).unwrap();
        assert_eq!(p.documents, before.documents);
        assert_eq!(p.labels, before.labels);
        assert_eq!(p.gold, before.gold);
        apply(&mut p, redo).unwrap();
        assert_eq!(p, after);
        after
    }

    #[test]
    fn add_relabel_remove_span_and_undo() {
        let doc = DocId::new("d1");
        let p = round_trip(
            project(),
            Command::AddSpan { layer: amal(), doc: doc.clone(), span: span(1, 4, 6, "figure") },
        );
        assert_eq!(p.layers["amal"].spans(&doc).len(), 1);
        let p = round_trip(
            p,
            Command::UpdateSpan { layer: amal(), doc: doc.clone(), span: span(1, 4, 13, "claim") },
        );
        assert_eq!(p.layers["amal"].spans(&doc)[0].label.as_str(), "claim");
        let p = round_trip(p, Command::RemoveSpan { layer: amal(), doc: doc.clone(), id: SpanId(1) });
        assert!(p.layers["amal"].spans(&doc).is_empty());
    }

    #[test]
    fn spans_are_kept_in_reading_order() {
        let mut p = project();
        let doc = DocId::new("d1");
        for (id, start) in [(1, 10), (2, 0), (3, 5)] {
            apply(
                &mut p,
                Command::AddSpan {
                    layer: amal(),
                    doc: doc.clone(),
                    span: span(id, start, start + 2, "claim"),
                },
            )
            .unwrap();
        }
        let starts: Vec<usize> = p.layers["amal"].spans(&doc).iter().map(|s| s.start.0).collect();
        assert_eq!(starts, [0, 5, 10]);
    }

    #[test]
    fn invalid_commands_change_nothing() {
        let mut p = project();
        let before = p.clone();
        let doc = DocId::new("d1");
        let bad = [
            Command::AddSpan { layer: amal(), doc: doc.clone(), span: span(1, 4, 99, "claim") },
            Command::AddSpan { layer: amal(), doc: doc.clone(), span: span(1, 4, 6, "rumour") },
            Command::AddSpan { layer: amal(), doc: DocId::new("nope"), span: span(1, 4, 6, "claim") },
            Command::RemoveSpan { layer: amal(), doc: doc.clone(), id: SpanId(5) },
            Command::RemoveLabel { id: LabelId::new("rumour") },
        ];
        for command in bad {
            assert!(apply(&mut p, command).is_err());
            assert_eq!(p, before);
        }
    }

    #[test]
    fn failed_batch_rolls_back() {
        let mut p = project();
        let before = p.clone();
        let doc = DocId::new("d1");
        let batch = Command::Batch(vec![
            Command::AddSpan { layer: amal(), doc: doc.clone(), span: span(1, 0, 3, "claim") },
            Command::AddSpan { layer: amal(), doc: doc.clone(), span: span(1, 4, 6, "claim") },
        ]);
        assert_eq!(apply(&mut p, batch), Err(CommandError::DuplicateSpan(SpanId(1))));
        assert_eq!(p.layers.get("amal").map(|l| l.span_count()), Some(0));
        assert_eq!(p.documents, before.documents);
    }

    #[test]
    fn labels_in_use_cannot_be_removed_and_hotkeys_cannot_clash() {
        let mut p = project();
        let doc = DocId::new("d1");
        apply(&mut p, Command::AddSpan { layer: amal(), doc, span: span(1, 4, 6, "figure") }).unwrap();
        assert!(matches!(
            apply(&mut p, Command::RemoveLabel { id: LabelId::new("figure") }),
            Err(CommandError::LabelInUse { count: 1, .. })
        ));
        let mut clash = default_labels()[0].clone();
        clash.id = LabelId::new("source");
        assert!(matches!(
            apply(&mut p, Command::AddLabel { index: 9, label: clash }),
            Err(CommandError::HotkeyClash { key: '1', .. })
        ));
        let p = round_trip(p, Command::RemoveLabel { id: LabelId::new("denial") });
        assert_eq!(p.labels.len(), 2);
    }

    #[test]
    fn removing_documents_restores_their_spans_on_undo() {
        let mut p = project();
        let doc = DocId::new("d1");
        apply(&mut p, Command::AddSpan { layer: amal(), doc: doc.clone(), span: span(1, 4, 6, "figure") })
            .unwrap();
        apply(
            &mut p,
            Command::AddSpan { layer: LayerRef::Gold, doc: doc.clone(), span: span(1, 4, 6, "figure") },
        )
        .unwrap();
        let before = p.clone();
        let inverse = apply(&mut p, Command::RemoveDocuments { ids: vec![doc.clone()] }).unwrap();
        assert!(p.documents.is_empty());
        assert_eq!(p.layers["amal"].span_count(), 0);
        apply(&mut p, inverse).unwrap();
        assert_eq!(p, before);
    }

    #[test]
    fn status_round_trip() {
        let p = round_trip(
            project(),
            Command::SetStatus { doc: DocId::new("d1"), annotator: "amal".into(), status: Status::Done },
        );
        assert_eq!(p.documents[0].status_of("amal"), Status::Done);
    }
}
