//! Adding, replacing and removing spans. A layer's spans on a document are kept in
//! reading order; removing a span takes its links with it, and the inverse brings both
//! back.

use super::{Command, CommandError, LayerRef};
use crate::model::{DocId, Layer, Project, Relation, Span, SpanId};
use std::sync::Arc;

/// The layer a span goes to, created on first use for an annotator.
fn layer_mut<'p>(project: &'p mut Project, layer: &LayerRef) -> &'p mut Layer {
    match layer {
        LayerRef::Annotator(name) => project.layers.entry(name.clone()).or_default(),
        LayerRef::Gold => &mut project.gold,
    }
}

/// Checks a span against the project: its document exists, its range fits the text,
/// its label is declared.
fn check_span(project: &Project, doc: &DocId, span: &Span) -> Result<(), CommandError> {
    let document = project.document(doc).ok_or_else(|| CommandError::NoDocument(doc.clone()))?;
    let len = crate::model::char_len(&document.text);
    if span.range().check(len).is_err() {
        return Err(CommandError::BadRange { start: span.start.0, end: span.end.0, len });
    }
    let label = project.label(&span.label).ok_or_else(|| CommandError::NoLabel(span.label.clone()))?;
    match label.attributes_problem(&span.attributes) {
        Some(problem) => Err(CommandError::BadAttribute(problem)),
        None => Ok(()),
    }
}

/// Refuses a new label for a span whose links' types would not allow it.
fn check_links_allow(
    project: &Project,
    layer: &LayerRef,
    doc: &DocId,
    span: &Span,
) -> Result<(), CommandError> {
    let Some(layer_doc) = project.layer(layer).and_then(|l| l.docs.get(doc)) else { return Ok(()) };
    for relation in layer_doc.relations.iter().filter(|r| r.touches(span.id)) {
        let label_of = |id: SpanId| {
            if id == span.id { Some(span.label.clone()) } else { layer_doc.span(id).map(|s| s.label.clone()) }
        };
        let (Some(kind), Some(head), Some(tail)) =
            (project.relation_type(&relation.kind), label_of(relation.head), label_of(relation.tail))
        else {
            continue;
        };
        if !kind.allows(&head, &tail) {
            return Err(CommandError::LinkNotAllowed { kind: kind.id.clone(), head, tail });
        }
    }
    Ok(())
}

/// [`Command::AddSpan`]: inserts the span in reading order; the inverse removes it.
pub(super) fn add(
    project: &mut Project,
    layer: LayerRef,
    doc: DocId,
    span: Span,
) -> Result<Command, CommandError> {
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

/// [`Command::RemoveSpan`]: removes the span and its links; the inverse adds the span
/// back, then its links.
pub(super) fn remove(
    project: &mut Project,
    layer: LayerRef,
    doc: DocId,
    id: SpanId,
) -> Result<Command, CommandError> {
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

/// [`Command::UpdateSpan`]: replaces the span with the same id, keeping reading order;
/// the inverse puts the old one back.
pub(super) fn update(
    project: &mut Project,
    layer: LayerRef,
    doc: DocId,
    span: Span,
) -> Result<Command, CommandError> {
    check_span(project, &doc, &span)?;
    check_links_allow(project, &layer, &doc, &span)?;
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
