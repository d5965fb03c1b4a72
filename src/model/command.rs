//! Every change to a project is a [`Command`], applied in one place by [`apply`].
//!
//! `apply` returns the inverse command, which the undo history keeps; applying the
//! inverse restores the project exactly. Widgets never change a project directly: they
//! push commands, and the app applies them at the end of the frame.

use super::{
    DocId, Document, Label, LabelId, Layer, Pattern, Project, Rejection, Relation, RelationId, RelationType,
    Span, SpanId, Status,
};
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
    /// Removes the span with this id and every relation that links it.
    RemoveSpan { layer: LayerRef, doc: DocId, id: SpanId },
    /// Replaces the span with the same id (relabel, note, boundaries).
    UpdateSpan { layer: LayerRef, doc: DocId, span: Span },
    /// Adds a relation between two spans of the layer (its id must be unused).
    AddRelation { layer: LayerRef, doc: DocId, relation: Relation },
    /// Removes the relation with this id.
    RemoveRelation { layer: LayerRef, doc: DocId, id: RelationId },
    /// Replaces the relation with the same id (its type, ends or origin).
    UpdateRelation { layer: LayerRef, doc: DocId, relation: Relation },
    /// Replaces the project's relation types; fails if a relation uses a type it drops.
    SetRelationTypes { types: Vec<RelationType> },
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
    #[error("no relation {} in the {layer} layer of document \"{doc}\"", id.0)]
    NoRelation { layer: String, doc: DocId, id: RelationId },
    #[error("relation id {} is already used", .0.0)]
    DuplicateRelation(RelationId),
    #[error("a relation needs two spans of the layer: {0}")]
    BadRelation(&'static str),
    #[error("no relation type \"{0}\"")]
    NoRelationType(LabelId),
    #[error("relation type \"{kind}\" is still used by {count} relations")]
    RelationTypeInUse { kind: LabelId, count: usize },
    #[error("relation type id \"{0}\" is used twice")]
    DuplicateRelationType(LabelId),
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

/// Checks a relation against its layer: both spans there, distinct, and a known type.
fn check_relation(
    project: &Project,
    layer: &LayerRef,
    doc: &DocId,
    relation: &Relation,
) -> Result<(), CommandError> {
    project.document(doc).ok_or_else(|| CommandError::NoDocument(doc.clone()))?;
    if project.relation_type(&relation.kind).is_none() {
        return Err(CommandError::NoRelationType(relation.kind.clone()));
    }
    if relation.head == relation.tail {
        return Err(CommandError::BadRelation("a span cannot link to itself"));
    }
    let layer_doc = project.layer(layer).and_then(|l| l.docs.get(doc));
    let has = |id: SpanId| layer_doc.is_some_and(|d| d.span(id).is_some());
    if !has(relation.head) || !has(relation.tail) {
        return Err(CommandError::BadRelation("its head or tail span is not there"));
    }
    Ok(())
}

/// The relations of `doc` in `layer`, to change.
fn relations_mut<'p>(
    project: &'p mut Project,
    layer: &LayerRef,
    doc: &DocId,
    missing: impl Fn() -> CommandError,
) -> Result<&'p mut Vec<Relation>, CommandError> {
    match layer {
        LayerRef::Annotator(name) => project.layers.get_mut(name).ok_or_else(&missing)?,
        LayerRef::Gold => &mut project.gold,
    }
    .existing_doc_mut(doc)
    .map(|d| &mut d.relations)
    .ok_or_else(missing)
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
            let layer_doc = match &layer {
                LayerRef::Annotator(name) => project.layers.get_mut(name).ok_or_else(no_span)?,
                LayerRef::Gold => &mut project.gold,
            }
            .existing_doc_mut(&doc)
            .ok_or_else(no_span)?;
            let at = layer_doc.spans.iter().position(|s| s.id == id).ok_or_else(no_span)?;
            let span = layer_doc.spans.remove(at);
            // The span's links go with it; undo brings the span back first, then its links.
            let (gone, kept): (Vec<Relation>, Vec<Relation>) =
                std::mem::take(&mut layer_doc.relations).into_iter().partition(|r| r.touches(id));
            layer_doc.relations = kept;
            let add_span = Command::AddSpan { layer: layer.clone(), doc: doc.clone(), span };
            if gone.is_empty() {
                return Ok(add_span);
            }
            let mut inverse = vec![add_span];
            inverse.extend(gone.into_iter().map(|relation| Command::AddRelation {
                layer: layer.clone(),
                doc: doc.clone(),
                relation,
            }));
            Ok(Command::Batch(inverse))
        }
        Command::AddRelation { layer, doc, relation } => {
            check_relation(project, &layer, &doc, &relation)?;
            if project.layer(&layer).is_some_and(|l| l.relations(&doc).iter().any(|r| r.id == relation.id)) {
                return Err(CommandError::DuplicateRelation(relation.id));
            }
            let id = relation.id;
            relations_mut(project, &layer, &doc, || CommandError::BadRelation("no spans there"))?
                .push(relation);
            Ok(Command::RemoveRelation { layer, doc, id })
        }
        Command::RemoveRelation { layer, doc, id } => {
            let missing = || CommandError::NoRelation { layer: layer.name().into(), doc: doc.clone(), id };
            let relations = relations_mut(project, &layer, &doc, missing)?;
            let at = relations.iter().position(|r| r.id == id).ok_or_else(missing)?;
            let relation = relations.remove(at);
            Ok(Command::AddRelation { layer, doc, relation })
        }
        Command::UpdateRelation { layer, doc, relation } => {
            check_relation(project, &layer, &doc, &relation)?;
            let id = relation.id;
            let missing = || CommandError::NoRelation { layer: layer.name().into(), doc: doc.clone(), id };
            let relations = relations_mut(project, &layer, &doc, missing)?;
            let slot = relations.iter_mut().find(|r| r.id == id).ok_or_else(missing)?;
            let old = std::mem::replace(slot, relation);
            Ok(Command::UpdateRelation { layer, doc, relation: old })
        }
        Command::SetRelationTypes { types } => {
            for (i, kind) in types.iter().enumerate() {
                if types.iter().take(i).any(|t| t.id == kind.id) {
                    return Err(CommandError::DuplicateRelationType(kind.id.clone()));
                }
            }
            for old in &project.relation_types {
                if types.iter().any(|t| t.id == old.id) {
                    continue;
                }
                let count = project
                    .named_layers_all()
                    .flat_map(|(_, l)| l.docs.values())
                    .flat_map(|d| d.relations.iter())
                    .filter(|r| r.kind == old.id)
                    .count();
                if count > 0 {
                    return Err(CommandError::RelationTypeInUse { kind: old.id.clone(), count });
                }
            }
            let old = std::mem::replace(&mut project.relation_types, types);
            Ok(Command::SetRelationTypes { types: old })
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
                let super::LayerDoc { spans, relations, .. } = Arc::unwrap_or_clone(layer_doc);
                inverse.extend(spans.into_iter().map(|span| Command::AddSpan {
                    layer: layer.clone(),
                    doc: doc.clone(),
                    span,
                }));
                inverse.extend(relations.into_iter().map(|relation| Command::AddRelation {
                    layer: layer.clone(),
                    doc: doc.clone(),
                    relation,
                }));
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

    fn link(id: u64, head: u64, tail: u64, kind: &str) -> Relation {
        Relation::new(RelationId(id), SpanId(head), SpanId(tail), LabelId::new(kind), "amal", Timestamp(2))
    }

    /// A claim (1), a denial (2) and a figure (3) in amal's layer, the denial linked to the claim.
    fn linked() -> Project {
        let mut p = project();
        let doc = DocId::new("d1");
        for s in [span(1, 0, 13, "claim"), span(2, 14, 22, "denial"), span(3, 4, 13, "figure")] {
            apply(&mut p, Command::AddSpan { layer: amal(), doc: doc.clone(), span: s }).unwrap();
        }
        round_trip(p, Command::AddRelation { layer: amal(), doc, relation: link(1, 2, 1, "denies") })
    }

    #[test]
    fn relations_add_update_remove_and_undo() {
        let doc = DocId::new("d1");
        let p = linked();
        assert_eq!(p.layers["amal"].relations(&doc), [link(1, 2, 1, "denies")]);
        let p = round_trip(
            p,
            Command::AddRelation { layer: amal(), doc: doc.clone(), relation: link(2, 3, 1, "quantifies") },
        );
        assert_eq!(p.layers["amal"].next_relation_id(), RelationId(3));
        let p = round_trip(
            p,
            Command::UpdateRelation { layer: amal(), doc: doc.clone(), relation: link(2, 3, 1, "denies") },
        );
        assert_eq!(p.layers["amal"].relations(&doc)[1].kind.as_str(), "denies");
        let p = round_trip(p, Command::RemoveRelation { layer: amal(), doc: doc.clone(), id: RelationId(1) });
        assert_eq!(p.layers["amal"].relations(&doc).len(), 1);
        assert_eq!(p.validate(), vec![]);
    }

    #[test]
    fn bad_relations_change_nothing() {
        let mut p = linked();
        let before = p.clone();
        let doc = DocId::new("d1");
        let bad = [
            (link(1, 3, 1, "quantifies"), "duplicate id"),
            (link(5, 3, 9, "quantifies"), "missing tail"),
            (link(5, 3, 3, "quantifies"), "to itself"),
            (link(5, 3, 1, "cites"), "unknown type"),
        ];
        for (relation, why) in bad {
            assert!(
                apply(&mut p, Command::AddRelation { layer: amal(), doc: doc.clone(), relation }).is_err(),
                "{why}"
            );
            assert_eq!(p, before, "{why}");
        }
        let relation = link(1, 2, 1, "denies");
        let other = LayerRef::annotator("omar");
        assert!(apply(&mut p, Command::AddRelation { layer: other, doc, relation }).is_err());
    }

    #[test]
    fn removing_a_span_removes_its_relations_and_undo_brings_both_back() {
        let doc = DocId::new("d1");
        let mut p = linked();
        apply(
            &mut p,
            Command::AddRelation { layer: amal(), doc: doc.clone(), relation: link(2, 3, 1, "quantifies") },
        )
        .unwrap();
        let before = p.clone();
        let inverse =
            apply(&mut p, Command::RemoveSpan { layer: amal(), doc: doc.clone(), id: SpanId(1) }).unwrap();
        assert!(p.layers["amal"].relations(&doc).is_empty(), "both links touched the claim");
        assert_eq!(p.validate(), vec![]);
        let redo = apply(&mut p, inverse).unwrap();
        assert_eq!(p, before);
        apply(&mut p, redo).unwrap();
        // Removing the figure keeps the denial's link.
        let mut p = before.clone();
        apply(&mut p, Command::RemoveSpan { layer: amal(), doc: doc.clone(), id: SpanId(3) }).unwrap();
        assert_eq!(p.layers["amal"].relations(&doc), [link(1, 2, 1, "denies")]);
        // Removing the document and undoing brings relations back too.
        let mut p = before.clone();
        let inverse = apply(&mut p, Command::RemoveDocuments { ids: vec![doc] }).unwrap();
        apply(&mut p, inverse).unwrap();
        assert_eq!(p, before);
    }

    #[test]
    fn relation_types_in_use_cannot_be_dropped() {
        let mut p = linked();
        let only_quantifies: Vec<_> =
            p.relation_types.iter().filter(|t| t.id.as_str() == "quantifies").cloned().collect();
        assert!(matches!(
            apply(&mut p, Command::SetRelationTypes { types: only_quantifies }),
            Err(CommandError::RelationTypeInUse { count: 1, .. })
        ));
        let mut types = p.relation_types.clone();
        types[1].name = "Counts for".into();
        types.push(RelationType::open("cites", Default::default()));
        let p = round_trip(p, Command::SetRelationTypes { types });
        assert_eq!(p.relation_types.len(), 3);
        let mut p = p;
        let twice = vec![p.relation_types[0].clone(), p.relation_types[0].clone()];
        assert!(apply(&mut p, Command::SetRelationTypes { types: twice }).is_err());
    }
}
