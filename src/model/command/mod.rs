//! Every change to a project is a [`Command`], applied in one place by [`apply`].
//!
//! `apply` returns the inverse command, which the undo history keeps; applying the
//! inverse restores the project exactly. Widgets never change a project directly: they
//! push commands, and the app applies them at the end of the frame.
//!
//! This module holds the types and the dispatcher; each kind of change is applied by a
//! function of its own, one module per thing changed: `spans`, `relations` (and the
//! relation types), `labels`, `documents` (and their status), `layers` (a whole layer,
//! rejected suggestions and suggestion patterns).

mod documents;
mod labels;
mod layers;
mod relations;
mod spans;
#[cfg(test)]
mod tests;

use super::{
    DocId, Document, Label, LabelId, Layer, Pattern, Project, Rejection, Relation, RelationId, RelationType,
    Span, SpanId, Status,
};

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
    #[error("{0}")]
    BadAttribute(String),
    #[error("a \"{kind}\" link cannot go from a \"{head}\" span to a \"{tail}\" span")]
    LinkNotAllowed { kind: LabelId, head: LabelId, tail: LabelId },
    #[error(
        "{count} spans labelled \"{label}\" hold attribute values the changed label would not accept; change or clear them first"
    )]
    AttributesInUse { label: LabelId, count: usize },
    #[error("{count} \"{kind}\" links join labels the changed type would not allow; remove them first")]
    LinksNotAllowed { kind: LabelId, count: usize },
}

/// Applies `command` to `project` and returns its inverse.
/// On error the project is left exactly as it was.
pub fn apply(project: &mut Project, command: Command) -> Result<Command, CommandError> {
    match command {
        Command::AddSpan { layer, doc, span } => spans::add(project, layer, doc, span),
        Command::RemoveSpan { layer, doc, id } => spans::remove(project, layer, doc, id),
        Command::UpdateSpan { layer, doc, span } => spans::update(project, layer, doc, span),
        Command::AddRelation { layer, doc, relation } => relations::add(project, layer, doc, relation),
        Command::RemoveRelation { layer, doc, id } => relations::remove(project, layer, doc, id),
        Command::UpdateRelation { layer, doc, relation } => relations::update(project, layer, doc, relation),
        Command::SetRelationTypes { types } => relations::set_types(project, types),
        Command::SetStatus { doc, annotator, status } => {
            documents::set_status(project, doc, annotator, status)
        }
        Command::AddLabel { index, label } => labels::add(project, index, label),
        Command::UpdateLabel { label } => labels::update(project, label),
        Command::RemoveLabel { id } => labels::remove(project, id),
        Command::AddDocuments { docs } => documents::add(project, docs),
        Command::RemoveDocuments { ids } => documents::remove(project, ids),
        Command::SetLayer { layer, content } => layers::set_layer(project, layer, content),
        Command::SetRejected { rejection, rejected } => layers::set_rejected(project, rejection, rejected),
        Command::SetPatterns { patterns } => layers::set_patterns(project, patterns),
        Command::Batch(commands) => apply_batch(project, commands),
    }
}

/// Applies `commands` in order; if one fails, rolls back what the batch already did.
/// The inverse is the batch of inverses, newest first.
fn apply_batch(project: &mut Project, commands: Vec<Command>) -> Result<Command, CommandError> {
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
