//! Adding and removing documents, and an annotator's status on one. Removing documents
//! takes every layer's spans and links on them, and the inverse brings them all back.

use super::{Command, CommandError, LayerRef};
use crate::model::{DocId, Document, LayerDoc, Project, Status};
use std::sync::Arc;

/// [`Command::SetStatus`]: sets an annotator's status on a document (`New` is stored as
/// no entry); the inverse sets the old status.
pub(super) fn set_status(
    project: &mut Project,
    doc: DocId,
    annotator: String,
    status: Status,
) -> Result<Command, CommandError> {
    let document = project.document_mut(&doc).ok_or_else(|| CommandError::NoDocument(doc.clone()))?;
    let old = document.status_of(&annotator);
    if status == Status::New {
        document.status.remove(&annotator);
    } else {
        document.status.insert(annotator.clone(), status);
    }
    Ok(Command::SetStatus { doc, annotator, status: old })
}

/// [`Command::AddDocuments`]: appends documents with unused ids; the inverse removes them.
pub(super) fn add(project: &mut Project, docs: Vec<Document>) -> Result<Command, CommandError> {
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

/// [`Command::RemoveDocuments`]: removes the documents and every layer's spans and links
/// on them; the inverse adds the documents back, then those spans and links.
pub(super) fn remove(project: &mut Project, ids: Vec<DocId>) -> Result<Command, CommandError> {
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
        let LayerDoc { spans, relations, .. } = Arc::unwrap_or_clone(layer_doc);
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
