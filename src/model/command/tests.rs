//! Every command and its inverse, through the one public [`apply`].

use super::*;
use crate::model::{AttrValue, Attributes, CharRange, Timestamp, default_labels};

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
    let p =
        round_trip(p, Command::UpdateSpan { layer: amal(), doc: doc.clone(), span: span(1, 4, 13, "claim") });
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
            Command::AddSpan { layer: amal(), doc: doc.clone(), span: span(id, start, start + 2, "claim") },
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
        Command::UpdateRelation { layer: amal(), doc: doc.clone(), relation: link(2, 2, 1, "denies") },
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

/// The model never holds a value its label does not accept, nor a link its type does not
/// allow: what the loader would refuse cannot be made by a command either.
#[test]
fn attribute_values_and_links_must_fit_their_labels_and_types() {
    let doc = DocId::new("d1");
    let mut p = project();
    let mut figure = span(1, 4, 6, "figure");
    figure.attributes.set("value", Some(AttrValue::Text("twelve".into())));
    let add = |span: Span| Command::AddSpan { layer: amal(), doc: doc.clone(), span };
    assert!(matches!(apply(&mut p, add(figure.clone())), Err(CommandError::BadAttribute(_))));
    figure.attributes.set("value", Some(AttrValue::Number(12.0)));
    apply(&mut p, add(figure.clone())).unwrap();
    let mut claim = span(2, 7, 13, "claim");
    claim.attributes.set("counts", Some(AttrValue::Text("killed".into())));
    assert!(matches!(apply(&mut p, add(claim.clone())), Err(CommandError::BadAttribute(_))), "undeclared");
    claim.attributes = Attributes::default();
    apply(&mut p, add(claim.clone())).unwrap();

    // `denies` goes from a denial to a claim, not from a figure.
    let link = |kind: &str| {
        Relation::new(RelationId(1), SpanId(1), SpanId(2), LabelId::new(kind), "amal", Timestamp(1))
    };
    let add_link =
        |kind: &str| Command::AddRelation { layer: amal(), doc: doc.clone(), relation: link(kind) };
    assert!(matches!(apply(&mut p, add_link("denies")), Err(CommandError::LinkNotAllowed { .. })));
    apply(&mut p, add_link("quantifies")).unwrap();
    // Relabelling the figure would leave its link disallowed; the model refuses it.
    let mut relabelled = figure.clone();
    relabelled.label = LabelId::new("denial");
    relabelled.attributes = Attributes::default();
    let update = Command::UpdateSpan { layer: amal(), doc: doc.clone(), span: relabelled };
    assert!(matches!(apply(&mut p, update), Err(CommandError::LinkNotAllowed { .. })));

    // A label may not change its attributes under values in use, nor a type its ends.
    let mut label = p.label(&LabelId::new("figure")).unwrap().clone();
    label.attributes.retain(|a| a.name != "value");
    let err = apply(&mut p, Command::UpdateLabel { label }).unwrap_err();
    assert_eq!(err, CommandError::AttributesInUse { label: LabelId::new("figure"), count: 1 });
    let mut types = p.relation_types.clone();
    for kind in &mut types {
        kind.heads = vec![LabelId::new("denial")];
    }
    let err = apply(&mut p, Command::SetRelationTypes { types }).unwrap_err();
    assert_eq!(err, CommandError::LinksNotAllowed { kind: LabelId::new("quantifies"), count: 1 });
    assert!(p.validate().is_empty(), "{:?}", p.validate());
}
