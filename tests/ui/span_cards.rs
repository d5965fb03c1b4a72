//! The span list's cards: the header (label, offsets, annotator) shows in a narrow panel,
//! a suggested span is marked and has Accept and Reject buttons, a note is shown under the
//! span's text.

#![allow(clippy::unwrap_used)] // a test fails loudly on a broken fixture

use crate::common;

use common::window::{wait_for_job, window_on};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hashiya::app::HashiyaApp;
use hashiya::model::{DocId, Document, LayerRef, Project, Span};

const TEXT: &str = "قال المرصد إن 12 مدنياً قتلوا وأصيب ثلاثة أشخاص. ونفى الجيش ذلك.";

fn spans(h: &Harness<'_, HashiyaApp>) -> Vec<Span> {
    let project = h.state().session.project().unwrap();
    project
        .layer(&LayerRef::annotator("rana"))
        .map(|l| l.spans(&DocId::new("d")).to_vec())
        .unwrap_or_default()
}

#[test]
fn a_suggested_card_shows_its_header_and_is_accepted_from_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let mut project = Project::new("s");
    project.push_document(Document::new(DocId::new("d"), "d.txt", TEXT.into()));
    hashiya::store::save(&project, &path).unwrap();
    let mut h = window_on(&path, "rana");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::G);
    h.step();
    wait_for_job(&mut h);
    let first = spans(&h)[0].clone();
    assert!(first.is_suggested());
    // The header is whole: offsets and annotator are on screen, not cut to "Claim 9…".
    assert!(h.query_by_label(&format!("{}–{}", first.start, first.end)).is_some(), "offsets shown");
    assert!(!h.query_all_by_label("rana").collect::<Vec<_>>().is_empty(), "annotator shown");
    let marked = h.query_all_by_label("suggested").count();
    assert_eq!(marked, spans(&h).len(), "each suggested card says so");
    h.query_all_by_label("Accept").next().unwrap().click();
    h.run();
    let after = spans(&h);
    assert!(!after.iter().find(|s| s.range() == first.range()).unwrap().is_suggested(), "accepted");

    // A note shows under the span's text.
    h.key_press(Key::N);
    h.run();
    h.event(egui::Event::Paste("راجعت المصدر".into()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    assert!(h.query_by_label("Note: راجعت المصدر").is_some(), "the note is on the card");
}
