//! Adding, replacing and removing links between spans of one layer, and replacing the
//! project's relation types.

use super::{Command, CommandError, LayerRef};
use crate::model::{DocId, Project, Relation, RelationId, RelationType, SpanId};

/// Checks a relation against its layer: both spans there, distinct, and a known type.
fn check_relation(
    project: &Project,
    layer: &LayerRef,
    doc: &DocId,
    relation: &Relation,
) -> Result<(), CommandError> {
    project.document(doc).ok_or_else(|| CommandError::NoDocument(doc.clone()))?;
    let kind = project
        .relation_type(&relation.kind)
        .ok_or_else(|| CommandError::NoRelationType(relation.kind.clone()))?;
    if relation.head == relation.tail {
        return Err(CommandError::BadRelation("a span cannot link to itself"));
    }
    let layer_doc = project.layer(layer).and_then(|l| l.docs.get(doc));
    let label = |id: SpanId| layer_doc.and_then(|d| d.span(id)).map(|s| &s.label);
    let (Some(head), Some(tail)) = (label(relation.head), label(relation.tail)) else {
        return Err(CommandError::BadRelation("its head or tail span is not there"));
    };
    if !kind.allows(head, tail) {
        return Err(CommandError::LinkNotAllowed {
            kind: kind.id.clone(),
            head: head.clone(),
            tail: tail.clone(),
        });
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

/// [`Command::AddRelation`]: adds the link; the inverse removes it.
pub(super) fn add(
    project: &mut Project,
    layer: LayerRef,
    doc: DocId,
    relation: Relation,
) -> Result<Command, CommandError> {
    check_relation(project, &layer, &doc, &relation)?;
    if project.layer(&layer).is_some_and(|l| l.relations(&doc).iter().any(|r| r.id == relation.id)) {
        return Err(CommandError::DuplicateRelation(relation.id));
    }
    let id = relation.id;
    relations_mut(project, &layer, &doc, || CommandError::BadRelation("no spans there"))?.push(relation);
    Ok(Command::RemoveRelation { layer, doc, id })
}

/// [`Command::RemoveRelation`]: removes the link; the inverse adds it back.
pub(super) fn remove(
    project: &mut Project,
    layer: LayerRef,
    doc: DocId,
    id: RelationId,
) -> Result<Command, CommandError> {
    let missing = || CommandError::NoRelation { layer: layer.name().into(), doc: doc.clone(), id };
    let relations = relations_mut(project, &layer, &doc, missing)?;
    let at = relations.iter().position(|r| r.id == id).ok_or_else(missing)?;
    let relation = relations.remove(at);
    Ok(Command::AddRelation { layer, doc, relation })
}

/// [`Command::UpdateRelation`]: replaces the link with the same id; the inverse puts
/// the old one back.
pub(super) fn update(
    project: &mut Project,
    layer: LayerRef,
    doc: DocId,
    relation: Relation,
) -> Result<Command, CommandError> {
    check_relation(project, &layer, &doc, &relation)?;
    let id = relation.id;
    let missing = || CommandError::NoRelation { layer: layer.name().into(), doc: doc.clone(), id };
    let relations = relations_mut(project, &layer, &doc, missing)?;
    let slot = relations.iter_mut().find(|r| r.id == id).ok_or_else(missing)?;
    let old = std::mem::replace(slot, relation);
    Ok(Command::UpdateRelation { layer, doc, relation: old })
}

/// [`Command::SetRelationTypes`]: replaces the relation types, refusing ids given twice
/// and dropping a type that a link still uses.
pub(super) fn set_types(project: &mut Project, types: Vec<RelationType>) -> Result<Command, CommandError> {
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
    // A type that stays may change what it allows; no link it already joins may fall out.
    for kind in &types {
        let count = project
            .named_layers_all()
            .flat_map(|(_, l)| l.docs.values())
            .flat_map(|d| d.relations.iter().filter(|r| r.kind == kind.id).map(move |r| (d, r)))
            .filter(|(d, r)| match (d.span(r.head), d.span(r.tail)) {
                (Some(head), Some(tail)) => !kind.allows(&head.label, &tail.label),
                _ => false,
            })
            .count();
        if count > 0 {
            return Err(CommandError::LinksNotAllowed { kind: kind.id.clone(), count });
        }
    }
    let old = std::mem::replace(&mut project.relation_types, types);
    Ok(Command::SetRelationTypes { types: old })
}
