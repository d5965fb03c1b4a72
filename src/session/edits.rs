//! Pure builders of the commands the session applies: a new span, an edited span, a span
//! end moved, the label set replaced, an import taken in. Each returns a
//! [`Command`] and changes nothing itself.

use crate::model::{
    CharRange, Command, DocId, Label, LabelId, LayerRef, Origin, Project, Span, SpanId, Timestamp,
};

/// The command that labels `range` of `doc` with `label` in `layer`, made by `author`.
/// Spans added to the gold layer are marked as accepted by the author.
pub fn new_span_command(
    project: &Project,
    doc: &DocId,
    layer: &LayerRef,
    author: &str,
    range: CharRange,
    label: LabelId,
    now: Timestamp,
) -> Command {
    let id = project.layer(layer).map_or(SpanId(1), |l| l.next_span_id());
    let origin = match layer {
        LayerRef::Gold => Origin::Accepted { by: author.into() },
        LayerRef::Annotator(_) => Origin::Manual,
    };
    let span = Span {
        id,
        start: range.start,
        end: range.end,
        label,
        annotator: author.into(),
        created: now,
        modified: now,
        note: None,
        origin,
        attributes: Default::default(),
    };
    Command::AddSpan { layer: layer.clone(), doc: doc.clone(), span }
}

/// The span `id` of `layer` on `doc`, if it exists.
pub fn find_span<'p>(project: &'p Project, doc: &DocId, layer: &LayerRef, id: SpanId) -> Option<&'p Span> {
    project.layer(layer)?.spans(doc).iter().find(|s| s.id == id)
}

/// The command that replaces span `id` of `layer` by `edit(span)`, stamping the
/// modification time.
pub fn edit_span_command(
    project: &Project,
    doc: &DocId,
    layer: &LayerRef,
    id: SpanId,
    now: Timestamp,
    edit: impl FnOnce(&mut Span),
) -> Option<Command> {
    let mut span = find_span(project, doc, layer, id)?.clone();
    edit(&mut span);
    span.modified = now;
    Some(Command::UpdateSpan { layer: layer.clone(), doc: doc.clone(), span })
}

/// The command giving span `id` of `layer` the label `label`, as one undo step: the span
/// keeps the attribute values the new label declares and accepts, and its links whose type
/// does not join the new label are removed first. (The model refuses a span holding values
/// its label does not accept, or a link its type does not allow.)
pub fn relabel_command(
    project: &Project,
    doc: &DocId,
    layer: &LayerRef,
    id: SpanId,
    label: LabelId,
    now: Timestamp,
) -> Option<Command> {
    let layer_doc = project.layer(layer)?.docs.get(doc)?;
    let mut span = layer_doc.span(id)?.clone();
    if let Some(declared) = project.label(&label) {
        span.attributes = declared.fitting(&span.attributes);
    }
    span.label = label;
    span.modified = now;
    let label_of =
        |other: SpanId| if other == id { Some(&span.label) } else { layer_doc.span(other).map(|s| &s.label) };
    let mut commands: Vec<Command> = layer_doc
        .relations
        .iter()
        .filter(|r| r.touches(id))
        .filter(|r| match (project.relation_type(&r.kind), label_of(r.head), label_of(r.tail)) {
            (Some(kind), Some(head), Some(tail)) => !kind.allows(head, tail),
            _ => false,
        })
        .map(|r| Command::RemoveRelation { layer: layer.clone(), doc: doc.clone(), id: r.id })
        .collect();
    let update = Command::UpdateSpan { layer: layer.clone(), doc: doc.clone(), span };
    if commands.is_empty() {
        return Some(update);
    }
    commands.push(update);
    Some(Command::Batch(commands))
}

/// The span after (or before) `current` in reading order, wrapping around.
pub fn step_span(spans: &[Span], current: Option<SpanId>, forward: bool) -> Option<SpanId> {
    let position = current.and_then(|id| spans.iter().position(|s| s.id == id));
    let n = spans.len();
    if n == 0 {
        return None;
    }
    let next = match (position, forward) {
        (None, true) => 0,
        (None, false) => n - 1,
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
    };
    spans.get(next).map(|s| s.id)
}

/// The range of `span` with one end (its start with `start_end`) moved to `to`; `None` if
/// nothing would change. A span never becomes empty: the moved end stops one code point
/// short of the other.
pub fn resized_range(span: CharRange, start_end: bool, to: usize) -> Option<CharRange> {
    let moved = if start_end {
        CharRange::new(to.min(span.end.0.saturating_sub(1)), span.end.0)
    } else {
        CharRange::new(span.start.0, to.max(span.start.0 + 1))
    };
    (moved != span && !moved.is_empty()).then_some(moved)
}

/// The command moving one end of span `id` to `to` (see [`resized_range`]).
pub fn resize_command(
    project: &Project,
    doc: &DocId,
    layer: &LayerRef,
    id: SpanId,
    start_end: bool,
    to: usize,
    now: Timestamp,
) -> Option<Command> {
    let mut span = find_span(project, doc, layer, id)?.clone();
    let range = resized_range(span.range(), start_end, to)?;
    (span.start, span.end) = (range.start, range.end);
    span.modified = now;
    Some(Command::UpdateSpan { layer: layer.clone(), doc: doc.clone(), span })
}

/// One batch command from the project's labels to `drafts`: spans of labels the user
/// chose to delete are removed first, then labels removed, updated and added.
pub fn label_set_command(project: &Project, drafts: &[Label], deletions: &[LabelId]) -> Option<Command> {
    let mut commands = Vec::new();
    let layers = project
        .layers
        .iter()
        .map(|(name, layer)| (LayerRef::annotator(name.as_str()), layer))
        .chain(std::iter::once((LayerRef::Gold, &project.gold)));
    for (layer_ref, layer) in layers {
        for (doc, layer_doc) in &layer.docs {
            for span in layer_doc.spans.iter().filter(|s| deletions.contains(&s.label)) {
                commands.push(Command::RemoveSpan {
                    layer: layer_ref.clone(),
                    doc: doc.clone(),
                    id: span.id,
                });
            }
        }
    }
    for label in &project.labels {
        if !drafts.iter().any(|d| d.id == label.id) {
            commands.push(Command::RemoveLabel { id: label.id.clone() });
        }
    }
    // Clear hotkeys first so that swapping two keys does not clash half-way.
    let mut updates = Vec::new();
    for draft in drafts {
        if let Some(old) = project.label(&draft.id)
            && old != draft
        {
            if old.hotkey.is_some() && old.hotkey != draft.hotkey {
                commands.push(Command::UpdateLabel { label: Label { hotkey: None, ..old.clone() } });
            }
            updates.push(Command::UpdateLabel { label: draft.clone() });
        }
    }
    commands.extend(updates);
    for (index, draft) in drafts.iter().enumerate() {
        if project.label(&draft.id).is_none() {
            commands.push(Command::AddLabel { index, label: draft.clone() });
        }
    }
    (!commands.is_empty()).then_some(Command::Batch(commands))
}

/// The batch command that turns `current` into `imported` (the same project after an
/// import): labels and documents appended, labels that gained attributes updated, relation
/// types added, changed layers (the gold layer too) replaced.
pub fn import_command(current: &Project, imported: Project) -> Command {
    let mut commands = Vec::new();
    for (index, label) in imported.labels.iter().enumerate() {
        match current.label(&label.id) {
            None => commands.push(Command::AddLabel { index, label: label.clone() }),
            Some(old) if old != label => commands.push(Command::UpdateLabel { label: label.clone() }),
            Some(_) => {}
        }
    }
    if current.relation_types != imported.relation_types {
        commands.push(Command::SetRelationTypes { types: imported.relation_types.clone() });
    }
    if current.gold != imported.gold {
        commands.push(Command::SetLayer { layer: LayerRef::Gold, content: Some(imported.gold.clone()) });
    }
    let new_docs: Vec<_> = imported
        .documents
        .iter()
        .filter(|d| current.document(&d.id).is_none())
        .map(|d| (**d).clone())
        .collect();
    if !new_docs.is_empty() {
        commands.push(Command::AddDocuments { docs: new_docs });
    }
    for (name, layer) in imported.layers {
        if current.layers.get(&name) != Some(&layer) {
            commands.push(Command::SetLayer { layer: LayerRef::Annotator(name), content: Some(layer) });
        }
    }
    Command::Batch(commands)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, apply, default_labels};
    use crate::workspace::Workspace;

    #[test]
    fn label_then_relabel_then_step() {
        let mut p = Project::new("t");
        p.push_document(Document::new(DocId::new("d"), "d.txt", "قتل 12 مدنياً في الرقة".into()));
        let doc = DocId::new("d");
        let mut ws = Workspace::new(p, None);
        let amal = LayerRef::annotator("amal");
        let add = new_span_command(
            &ws.project,
            &doc,
            &amal,
            "amal",
            CharRange::new(4, 6),
            LabelId::new("figure"),
            Timestamp(5),
        );
        ws.apply(add).unwrap();
        let add = new_span_command(
            &ws.project,
            &doc,
            &amal,
            "amal",
            CharRange::new(0, 3),
            LabelId::new("claim"),
            Timestamp(5),
        );
        ws.apply(add).unwrap();
        let spans = ws.project.layers["amal"].spans(&doc).to_vec();
        assert_eq!(spans.iter().map(|s| s.id.0).collect::<Vec<_>>(), [2, 1]);
        let relabel = edit_span_command(&ws.project, &doc, &amal, SpanId(1), Timestamp(9), |s| {
            s.label = LabelId::new("claim");
        })
        .unwrap();
        ws.apply(relabel).unwrap();
        let span = find_span(&ws.project, &doc, &amal, SpanId(1)).unwrap();
        assert_eq!((span.label.as_str(), span.modified, span.created), ("claim", Timestamp(9), Timestamp(5)));
        assert_eq!(step_span(&spans, None, true), Some(SpanId(2)));
        assert_eq!(step_span(&spans, Some(SpanId(2)), true), Some(SpanId(1)));
        assert_eq!(step_span(&spans, Some(SpanId(1)), true), Some(SpanId(2)));
        assert_eq!(step_span(&spans, Some(SpanId(2)), false), Some(SpanId(1)));
        assert_eq!(step_span(&[], None, true), None);

        let gold = new_span_command(
            &ws.project,
            &doc,
            &LayerRef::Gold,
            "rev",
            CharRange::new(4, 6),
            LabelId::new("figure"),
            Timestamp(7),
        );
        ws.apply(gold).unwrap();
        let span = &ws.project.gold.spans(&doc)[0];
        assert_eq!(span.origin, Origin::Accepted { by: "rev".into() });
    }

    #[test]
    fn an_import_is_one_undoable_step() {
        let mut current = Project::new("p");
        current.push_document(Document::new(DocId::new("a"), "a.txt", "نص أول".into()));
        let mut imported = current.clone();
        imported.push_document(Document::new(DocId::new("b"), "b.txt", "نص ثان".into()));
        imported.layers.entry("omar".into()).or_default();
        let before = current.clone();
        let inverse = apply(&mut current, import_command(&before, imported.clone())).unwrap();
        assert_eq!(current, imported);
        apply(&mut current, inverse).unwrap();
        assert_eq!(current, before);
    }

    fn project_with_figure_span() -> Project {
        let mut p = Project::new("t");
        let doc = Document::new(DocId::new("d"), "d.txt", "قتل 12 مدنياً".into());
        let span = Span::new(SpanId(1), CharRange::new(4, 6), LabelId::new("figure"), "amal", Timestamp(0));
        p.layers.entry("amal".into()).or_default().doc_mut(&doc).spans.push(span);
        p.push_document(doc);
        p
    }

    #[test]
    fn rename_keeps_spans_and_swapping_keys_works() {
        let mut p = project_with_figure_span();
        let mut drafts = default_labels();
        drafts[2].name = "Number".into();
        drafts[0].hotkey = Some('2');
        drafts[1].hotkey = Some('1');
        let command = label_set_command(&p, &drafts, &[]).unwrap();
        apply(&mut p, command).unwrap();
        assert_eq!(p.labels, drafts);
        assert_eq!(p.layers["amal"].span_count(), 1);
        assert_eq!(p.label(&LabelId::new("figure")).unwrap().name, "Number");
    }

    #[test]
    fn deleting_a_used_label_removes_its_spans_in_one_step() {
        let mut p = project_with_figure_span();
        let before = p.clone();
        let drafts: Vec<Label> = default_labels().into_iter().filter(|l| l.id.as_str() != "figure").collect();
        let command = label_set_command(&p, &drafts, &[LabelId::new("figure")]).unwrap();
        let inverse = apply(&mut p, command).unwrap();
        assert_eq!(p.labels.len(), 2);
        assert_eq!(p.layers["amal"].span_count(), 0);
        apply(&mut p, inverse).unwrap();
        assert_eq!(p, before);
    }

    #[test]
    fn deleting_without_confirmation_fails_and_changes_nothing() {
        let mut p = project_with_figure_span();
        let before = p.clone();
        let drafts: Vec<Label> = default_labels().into_iter().filter(|l| l.id.as_str() != "figure").collect();
        let command = label_set_command(&p, &drafts, &[]).unwrap();
        assert!(apply(&mut p, command).is_err());
        assert_eq!(p, before);
    }
}
