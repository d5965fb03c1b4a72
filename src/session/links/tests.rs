//! The link and attribute rules of the session, without a window: what a link may join,
//! how the target steps, what typed attribute text becomes, and what relabelling keeps.

use super::super::{Session, SessionError};
use crate::model::{
    AttrValue, CharRange, DocId, Document, LabelId, LayerRef, Project, Relation, RelationId, Span, SpanId,
    Timestamp,
};

const TEXT: &str = "نفى الجيش أن 12 مدنياً قتلوا، وقال المرصد إنهم 15";

/// One document where omar marked a denial (0..9), a figure (13..15), a claim (35..41)
/// and a second figure (47..49).
fn session() -> Session {
    let mut p = Project::new("t");
    p.push_document(Document::new(DocId::new("a"), "a.txt", TEXT.into()));
    let doc = p.documents[0].clone();
    let layer = p.layers.entry("omar".into()).or_default().doc_mut(&doc);
    for (id, start, end, label) in
        [(1, 0, 9, "denial"), (2, 13, 15, "figure"), (3, 35, 41, "claim"), (4, 47, 49, "figure")]
    {
        layer.spans.push(Span::new(
            SpanId(id),
            CharRange::new(start, end),
            LabelId::new(label),
            "omar",
            Timestamp(1),
        ));
    }
    let mut s = Session::new(Some("omar".into()));
    s.open(p, None);
    s.open_document(DocId::new("a"));
    s
}

fn relations(s: &Session) -> Vec<Relation> {
    let p = s.project().unwrap();
    p.layer(&LayerRef::annotator("omar")).unwrap().relations(&DocId::new("a")).to_vec()
}

fn span(s: &Session, id: u64) -> Span {
    let p = s.project().unwrap();
    p.layer(&LayerRef::annotator("omar"))
        .unwrap()
        .spans(&DocId::new("a"))
        .iter()
        .find(|x| x.id.0 == id)
        .unwrap()
        .clone()
}

#[test]
fn a_link_needs_a_head_a_target_and_a_type_that_joins_their_labels() {
    let mut s = session();
    assert!(matches!(s.start_link(), Err(SessionError::NoSpanSelected)));
    s.select_span(Some(SpanId(2)));
    assert_eq!(s.start_link().unwrap(), SpanId(2));
    assert!(matches!(s.finish_link(None, Timestamp(2)), Err(SessionError::NoLinkTarget)));
    assert!(matches!(s.set_link_target(SpanId(2)), Err(SessionError::LinkToItself)));
    // Only the claim fits a figure's types, so Tab visits only it, whichever way.
    assert_eq!(s.step_link_target(true).unwrap(), SpanId(3));
    assert_eq!(s.step_link_target(true).unwrap(), SpanId(3));
    assert_eq!(s.step_link_target(false).unwrap(), SpanId(3));
    // A type that does not join a figure to a claim is refused by name.
    let err = s.finish_link(Some(LabelId::new("denies")), Timestamp(2)).unwrap_err();
    assert!(matches!(err, SessionError::LinkNotAllowed { .. }), "{err}");
    let id = s.finish_link(None, Timestamp(2)).unwrap();
    assert_eq!(id, RelationId(1));
    let made = relations(&s);
    assert_eq!((made[0].head, made[0].tail, made[0].kind.as_str()), (SpanId(2), SpanId(3), "quantifies"));
    assert_eq!(s.view().selected_span, Some(SpanId(2)), "the head stays selected");
    // The same link again is refused; a denial has no type towards a figure.
    s.start_link().unwrap();
    s.set_link_target(SpanId(3)).unwrap();
    assert!(matches!(s.finish_link(None, Timestamp(3)), Err(SessionError::LinkExists)));
    s.cancel_link();
    s.select_span(Some(SpanId(1)));
    s.start_link().unwrap();
    s.set_link_target(SpanId(4)).unwrap();
    assert!(matches!(s.finish_link(None, Timestamp(3)), Err(SessionError::NoTypeFits { .. })));
    s.cancel_link();
    s.delete_relation(id).unwrap();
    assert!(relations(&s).is_empty());
}

#[test]
fn attribute_text_is_read_by_its_kind() {
    let mut s = session();
    s.set_attribute(SpanId(2), "value", "١٢", Timestamp(2)).unwrap();
    assert_eq!(span(&s, 2).attributes.get("value"), Some(&AttrValue::Number(12.0)));
    let err = s.set_attribute(SpanId(2), "value", "twelve", Timestamp(3)).unwrap_err();
    assert!(matches!(err, SessionError::BadAttributeValue { .. }), "{err}");
    assert!(matches!(
        s.set_attribute(SpanId(2), "colour", "x", Timestamp(3)),
        Err(SessionError::NoSuchAttribute(_))
    ));
    let err = s.set_attribute(SpanId(2), "counts", "bananas", Timestamp(3)).unwrap_err();
    assert!(
        matches!(err, SessionError::BadAttributeValue { .. }),
        "a choice must be one of its words: {err}"
    );
    s.set_attribute(SpanId(2), "counts", "killed", Timestamp(3)).unwrap();
    s.set_attribute(SpanId(2), "value", "  ", Timestamp(4)).unwrap();
    assert_eq!(span(&s, 2).attributes.get("value"), None, "blank text removes the value");
    assert_eq!(span(&s, 2).attributes.get("counts"), Some(&AttrValue::Text("killed".into())));
}

#[test]
fn relabelling_drops_what_the_new_label_cannot_hold_in_one_undo_step() {
    let mut s = session();
    s.set_attribute(SpanId(2), "value", "12", Timestamp(2)).unwrap();
    s.select_span(Some(SpanId(2)));
    s.start_link().unwrap();
    s.set_link_target(SpanId(3)).unwrap();
    s.finish_link(None, Timestamp(3)).unwrap();
    s.seal();
    // A figure made a claim: a claim has no `value`, and `quantifies` starts at a figure.
    s.relabel(SpanId(2), LabelId::new("claim"), Timestamp(4)).unwrap();
    assert_eq!(span(&s, 2).label.as_str(), "claim");
    assert!(span(&s, 2).attributes.is_empty());
    assert!(relations(&s).is_empty());
    assert!(s.project().unwrap().validate().is_empty(), "{:?}", s.project().unwrap().validate());
    s.seal();
    s.undo().unwrap();
    assert_eq!(span(&s, 2).label.as_str(), "figure");
    assert_eq!(span(&s, 2).attributes.get("value"), Some(&AttrValue::Number(12.0)));
    assert_eq!(relations(&s).len(), 1);
}

#[test]
fn notes_never_keep_a_carriage_return_and_gold_is_no_annotator() {
    let mut s = session();
    s.set_note(SpanId(2), "سطر أول\r\nسطر ثان\rثالث", Timestamp(2)).unwrap();
    assert_eq!(span(&s, 2).note.as_deref(), Some("سطر أول\nسطر ثان\nثالث"));
    assert!(matches!(s.set_annotator("Gold"), Err(SessionError::ReservedName(_))));
    assert_eq!(s.set_annotator(" amal x ").unwrap(), "amal_x", "names go through the one rule");
    assert_eq!(Session::new(Some("gold".into())).annotator(), None);
}
