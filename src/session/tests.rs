//! The session's editing rules, without a window.

use super::*;
use crate::model::{Origin, Span};
use crate::review::state::{Agreed, Choice};

const TEXT: &str = "قال المرصد إن 12 مدنياً قتلوا في الرقة";

fn doc(id: &str) -> DocId {
    DocId::new(id)
}

/// Two documents; "omar" and "amal" have each marked "12 مدنياً" on the first, omar as a
/// figure and amal as a claim, and both "المرصد" as a claim.
fn project() -> Project {
    let mut p = Project::new("t");
    p.push_document(Document::new(doc("a"), "a.txt", TEXT.into()));
    p.push_document(Document::new(doc("b"), "b.txt", "نفى الجيش ذلك".into()));
    let first = p.documents[0].clone();
    for (annotator, label) in [("amal", "claim"), ("omar", "figure")] {
        let spans = &mut p.layers.entry(annotator.into()).or_default().doc_mut(&first).spans;
        spans.push(Span::new(
            SpanId(1),
            CharRange::new(4, 10),
            LabelId::new("claim"),
            annotator,
            Timestamp(1),
        ));
        spans.push(Span::new(
            SpanId(2),
            CharRange::new(14, 23),
            LabelId::new(label),
            annotator,
            Timestamp(1),
        ));
    }
    p
}

fn session(annotator: Option<&str>) -> Session {
    let mut s = Session::new(annotator.map(str::to_string));
    s.open(project(), None);
    s
}

fn spans_of<'s>(s: &'s Session, layer: &LayerRef) -> &'s [Span] {
    s.project().and_then(|p| p.layer(layer)).map(|l| l.spans(&doc("a"))).unwrap_or(&[])
}

#[test]
fn labelling_the_selection_adds_a_span_to_the_annotators_layer_and_starts_the_document() {
    let mut s = session(Some("  tester "));
    assert_eq!(s.annotator(), Some("tester"), "the name is trimmed");
    s.select_text(Some(CharRange::new(0, 3)));
    let id = s.label(LabelId::new("claim"), Timestamp(7)).unwrap();
    let me = LayerRef::annotator("tester");
    let spans = spans_of(&s, &me);
    assert_eq!(spans.len(), 1);
    assert_eq!(
        (spans[0].id, spans[0].range(), spans[0].origin.clone()),
        (id, CharRange::new(0, 3), Origin::Manual)
    );
    assert_eq!(s.view.selected_span, Some(id), "the new span is selected");
    assert_eq!(s.view.selection, None);
    assert_eq!(s.document().unwrap().status_of("tester"), Status::InProgress);
    // The same key again relabels the selected span, in one more undo step.
    s.label(LabelId::new("denial"), Timestamp(8)).unwrap();
    assert_eq!(spans_of(&s, &me)[0].label.as_str(), "denial");
    assert!(s.undo().unwrap());
    assert_eq!(spans_of(&s, &me)[0].label.as_str(), "claim");
    assert!(s.undo().unwrap());
    assert!(spans_of(&s, &me).is_empty());
    assert_eq!(s.document().unwrap().status_of("tester"), Status::New, "status and span are one step");
    assert!(s.redo().unwrap());
    assert_eq!(spans_of(&s, &me).len(), 1);
}

#[test]
fn labelling_needs_a_name_and_something_selected() {
    let mut s = session(None);
    s.select_text(Some(CharRange::new(0, 3)));
    assert!(matches!(s.label(LabelId::new("claim"), Timestamp(1)), Err(SessionError::NoAnnotator)));
    assert!(matches!(s.set_annotator("   "), Err(SessionError::NoAnnotator)));
    s.set_annotator("rana").unwrap();
    s.select_text(None);
    let err = s.label(LabelId::new("claim"), Timestamp(1)).unwrap_err();
    assert!(matches!(err, SessionError::NothingSelected) && err.is_hint());
    s.select_text(Some(CharRange::new(2, 2)));
    assert_eq!(s.view.selection, None, "an empty selection is no selection");
    assert!(matches!(s.delete_selected(), Err(SessionError::NoSpanSelected)));
    assert!(matches!(Session::new(None).toggle_done(), Err(SessionError::NoAnnotator)));
}

#[test]
fn delete_note_resize_and_done() {
    let mut s = session(Some("amal"));
    let amal = LayerRef::annotator("amal");
    s.select_span(Some(SpanId(2)));
    s.set_note(SpanId(2), "  عدد تقريبي  ", Timestamp(2)).unwrap();
    assert_eq!(s.note_of_selected().unwrap(), (SpanId(2), "عدد تقريبي".to_string()));
    s.set_note(SpanId(2), "   ", Timestamp(3)).unwrap();
    assert_eq!(spans_of(&s, &amal)[1].note, None, "a blank note removes it");

    // A drag is one undo step; a span never becomes empty.
    assert!(s.resize(SpanId(2), false, 20, Some(9), Timestamp(4)).unwrap());
    assert!(s.resize(SpanId(2), false, 16, Some(9), Timestamp(4)).unwrap());
    assert!(s.resize(SpanId(2), false, 2, Some(9), Timestamp(4)).unwrap());
    assert_eq!(spans_of(&s, &amal)[1].range(), CharRange::new(14, 15));
    assert!(!s.resize(SpanId(2), false, 15, Some(9), Timestamp(4)).unwrap(), "no change, no step");
    s.seal();
    s.undo().unwrap();
    assert_eq!(spans_of(&s, &amal)[1].range(), CharRange::new(14, 23));
    assert!(matches!(s.resize(SpanId(99), true, 0, None, Timestamp(4)), Err(SessionError::NoSuchSpan)));

    s.select_span(Some(SpanId(1)));
    s.delete_selected().unwrap();
    assert_eq!(spans_of(&s, &amal).len(), 1);
    assert_eq!(s.view.selected_span, None);

    assert_eq!(s.toggle_done().unwrap(), Status::Done);
    assert_eq!(s.toggle_done().unwrap(), Status::InProgress);
}

#[test]
fn stepping_through_documents_stops_at_the_ends_and_spans_wrap() {
    let mut s = session(Some("omar"));
    s.select_text(Some(CharRange::new(0, 3)));
    assert_eq!(s.step_document(false), Some(doc("a")), "the first stays first");
    assert_eq!(s.view.selection, Some(CharRange::new(0, 3)), "staying keeps the selection");
    assert_eq!(s.step_document(true), Some(doc("b")));
    assert_eq!(s.view.selection, None);
    assert_eq!(s.step_document(true), Some(doc("b")), "the last stays last");
    s.step_document(false);
    assert_eq!(s.step_span(true), Some(SpanId(1)));
    assert_eq!(s.view.reveal, Some(CharRange::new(4, 10)));
    assert_eq!(s.step_span(true), Some(SpanId(2)));
    assert_eq!(s.step_span(true), Some(SpanId(1)), "wraps around");
    assert_eq!(s.step_span(false), Some(SpanId(2)));
    s.reveal(doc("b"), CharRange::new(0, 3));
    assert_eq!((s.view.doc.clone(), s.view.reveal), (Some(doc("b")), Some(CharRange::new(0, 3))));
    assert_eq!(s.step_span(true), None, "no spans on b");
}

#[test]
fn review_edits_go_to_gold_and_agreed_spans_are_accepted_when_asked() {
    let mut s = session(Some("rev"));
    assert_eq!(s.edit_layer().unwrap(), LayerRef::annotator("rev"));
    assert!(s.toggle_review().unwrap());
    assert_eq!(s.edit_layer().unwrap(), LayerRef::Gold);
    assert_eq!(s.review().unwrap().annotators(), ["amal", "omar"]);
    // Both marked المرصد as a claim: it goes to gold when the reviewer asks, once.
    s.refresh_review();
    assert!(spans_of(&s, &LayerRef::Gold).is_empty(), "nothing goes to gold by itself");
    assert_eq!(s.review().unwrap().agreed(), Agreed { spans: 1, links: 0 });
    assert_eq!(s.accept_agreed(Timestamp(5)).unwrap(), Agreed { spans: 1, links: 0 });
    assert_eq!(s.accept_agreed(Timestamp(6)).unwrap(), Agreed::default());
    assert_eq!(spans_of(&s, &LayerRef::Gold).len(), 1);
    // Undo takes the whole acceptance back as one step.
    assert!(s.undo().unwrap());
    s.refresh_review();
    assert!(spans_of(&s, &LayerRef::Gold).is_empty());
    assert_eq!(s.review().unwrap().agreed(), Agreed { spans: 1, links: 0 });
    assert!(s.redo().unwrap());
    s.refresh_review();
    assert_eq!(s.review().unwrap().disagreements().len(), 1, "12 مدنياً: claim or figure");

    // E without a selection asks for one; B takes omar's figure into gold.
    assert!(matches!(s.decide(Choice::Selection, Timestamp(7)), Err(SessionError::NoSelectionForDecision)));
    assert!(!s.decide(Choice::Second, Timestamp(7)).unwrap(), "no undecided item is left");
    let gold = spans_of(&s, &LayerRef::Gold);
    assert_eq!(gold.len(), 2);
    assert!(
        gold.iter()
            .any(|g| g.label.as_str() == "figure" && g.origin == Origin::Accepted { by: "rev".into() })
    );

    // A label in review mode labels gold, not the reviewer's own layer.
    s.select_text(Some(CharRange::new(33, 38)));
    s.label(LabelId::new("claim"), Timestamp(8)).unwrap();
    assert_eq!(spans_of(&s, &LayerRef::Gold).len(), 3);
    assert!(!s.project().unwrap().layers.contains_key("rev"));

    // Choosing omar as A swaps the pair; nothing goes into gold by it.
    s.compare(0, "omar");
    assert_eq!(s.review().unwrap().annotators(), ["omar", "amal"]);
    assert_eq!(spans_of(&s, &LayerRef::Gold).len(), 3, "changing the pair accepts nothing");
    assert!(!s.toggle_review().unwrap());
    assert!(matches!(s.step_disagreement(true), Err(SessionError::NotReviewing)));
}

#[test]
fn review_document_opens_it_in_review_mode() {
    let mut s = session(Some("rev"));
    s.review_document(doc("b")).unwrap();
    assert!(s.review().is_some());
    assert_eq!(s.view.doc, Some(doc("b")));
    s.review_document(doc("a")).unwrap();
    assert!(s.review().is_some(), "already reviewing: stays in review mode");
}

#[test]
fn relabel_replace_labels_and_layers_shown() {
    let mut s = session(Some("amal"));
    s.relabel(SpanId(2), LabelId::new("figure"), Timestamp(3)).unwrap();
    assert_eq!(spans_of(&s, &LayerRef::annotator("amal"))[1].label.as_str(), "figure");
    let mut labels = s.project().unwrap().labels.clone();
    labels.retain(|l| l.id.as_str() != "figure");
    assert!(s.replace_labels(&labels, &[LabelId::new("figure")]).unwrap());
    assert_eq!(s.project().unwrap().labels.len(), 2);
    assert_eq!(spans_of(&s, &LayerRef::annotator("amal")).len(), 1, "the figure spans went with the label");
    assert!(!s.replace_labels(&labels, &[]).unwrap(), "the same set is no change");
    s.show_layer("omar", true);
    assert!(matches!(&s.mode, Mode::Annotate { shown_layers } if shown_layers.contains("omar")));
    s.show_layer("omar", false);
    assert_eq!(s.mode, Mode::default());
}

#[test]
fn imports_and_merges_are_one_step_each_and_merge_keeps_my_layer() {
    let mut s = session(Some("amal"));
    let docs = vec![Document::new(doc("c"), "c.txt", "نص ثالث".into())];
    assert_eq!(s.add_documents(docs).unwrap(), 1);
    assert_eq!(s.view.doc, Some(doc("c")), "the first imported document is shown");
    assert_eq!(s.add_documents(Vec::new()).unwrap(), 0);

    let mut theirs = project();
    theirs.layers.remove("amal");
    theirs.layers.insert("amal".into(), crate::model::Layer::default());
    theirs
        .layers
        .entry("rana".into())
        .or_default()
        .doc_mut(&theirs.documents[0].clone())
        .spans
        .push(Span::new(SpanId(1), CharRange::new(0, 3), LabelId::new("claim"), "rana", Timestamp(2)));
    let messages = s.merge(&[("theirs.ron".into(), theirs)]).unwrap();
    assert_eq!(messages.len(), 1);
    let p = s.project().unwrap();
    assert_eq!(p.layers["rana"].span_count(), 1);
    assert_eq!(p.layers["amal"].span_count(), 2, "my own layer is never replaced");
    s.undo().unwrap();
    assert!(!s.project().unwrap().layers.contains_key("rana"));
}

#[test]
fn suggestions_are_accepted_rejected_and_remembered() {
    let mut s = session(Some("amal"));
    let found = crate::suggest::suggest_text(TEXT, &[LabelId::new("figure"), LabelId::new("claim")], &[]);
    let found: Vec<_> = found.into_iter().map(|f| (doc("a"), f)).collect();
    // amal already has a claim over المرصد and one over 12 مدنياً: only what is new comes in.
    let added = s.add_suggested(&found, Timestamp(3)).unwrap();
    let amal = LayerRef::annotator("amal");
    let suggested: Vec<Span> = spans_of(&s, &amal).iter().filter(|x| x.is_suggested()).cloned().collect();
    assert_eq!(added, suggested.len());
    assert!(added >= 1, "the figure 12 مدنياً is new to amal's layer");

    s.select_span(Some(SpanId(1)));
    assert!(matches!(s.accept_suggestion(Timestamp(4)), Err(SessionError::NotASuggestion)));
    let figure = suggested.iter().find(|x| x.label.as_str() == "figure").unwrap().clone();
    s.select_span(Some(figure.id));
    s.reject_suggestion().unwrap();
    assert!(s.project().unwrap().is_rejected("amal", &doc("a"), figure.range(), &figure.label));
    assert_eq!(s.add_suggested(&found, Timestamp(5)).unwrap(), 0, "a rejected suggestion does not come back");
    s.undo().unwrap();
    assert!(!s.project().unwrap().is_rejected("amal", &doc("a"), figure.range(), &figure.label));
    assert_eq!(s.document().unwrap().status_of("amal"), Status::New, "suggesting is not annotating");
    s.select_span(Some(figure.id));
    s.accept_suggestion(Timestamp(6)).unwrap();
    assert_eq!(s.document().unwrap().status_of("amal"), Status::InProgress, "accepting is");
    let span = spans_of(&s, &amal).iter().find(|x| x.id == figure.id).unwrap().clone();
    assert_eq!(span.origin, Origin::Accepted { by: "amal".into() });
}
