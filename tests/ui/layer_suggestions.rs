//! Suggestions made outside the window (`hashiya suggest`, a model, `import
//! --as-suggestions`) wait in the `suggestions` layer; opening the document takes them into
//! the annotator's layer, where Tab selects them, Y accepts, Shift+Y accepts all of a label
//! and X rejects, as with the window's own; accepted and rejected ones never come back.

#![allow(clippy::unwrap_used)] // a test fails loudly on a broken fixture

use crate::common;

use common::window::window_on;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use hashiya::app::HashiyaApp;
use hashiya::model::{CharRange, DocId, Document, LabelId, LayerRef, Origin, Project, Span, Timestamp};
use hashiya::suggest::{SUGGESTIONS_LAYER, Suggestion, add_suggestions};
use hashiya::ui::Action;

const TEXT: &str = "قال المرصد إن 12 مدنياً قتلوا وأصيب ثلاثة أشخاص. ونفى الجيش ذلك.";

fn model_suggestion(start: usize, end: usize, label: &str) -> (DocId, Suggestion) {
    let suggestion = Suggestion {
        range: CharRange::new(start, end),
        label: LabelId::new(label),
        rule: "model".into(),
        value: None,
        unit: None,
        score: Some(0.8),
    };
    (DocId::new("d"), suggestion)
}

/// A project of two documents whose `suggestions` layer holds three of a model's
/// suggestions on the first, and rana's window on it.
fn window() -> (Harness<'static, HashiyaApp>, tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let mut project = Project::new("s");
    project.push_document(Document::new(DocId::new("d"), "d.txt", TEXT.into()));
    project.push_document(Document::new(DocId::new("e"), "e.txt", "نص آخر.".into()));
    let found = [
        model_suggestion(14, 23, "figure"),
        model_suggestion(36, 47, "figure"),
        model_suggestion(49, 64, "denial"),
    ];
    assert_eq!(add_suggestions(&mut project, SUGGESTIONS_LAYER, &found, Timestamp(1)).len(), 3);
    hashiya::store::save(&project, &path).unwrap();
    (window_on(&path, "rana"), dir, path)
}

fn spans(h: &Harness<'_, HashiyaApp>, layer: &str) -> Vec<Span> {
    let project = h.state().session.project().unwrap();
    project.layer(&LayerRef::annotator(layer)).map(|l| l.spans(&DocId::new("d")).to_vec()).unwrap_or_default()
}

#[test]
fn suggestions_from_the_layer_are_selected_accepted_and_rejected() {
    let (mut h, _dir, _path) = window();
    // Opening the project took them into rana's layer, as suggestions of the rule `model`.
    let mine = spans(&h, "rana");
    assert_eq!(mine.len(), 3, "{mine:?}");
    assert!(mine.iter().all(|s| matches!(&s.origin, Origin::Suggested { rule } if rule.as_str() == "model")));

    // Tab selects the first; Y accepts it (no "Select a span first"), the next is selected.
    h.key_press(Key::Tab);
    h.run();
    let first = h.state().session.view().selected_span.unwrap();
    h.key_press(Key::Y);
    h.run();
    let accepted = spans(&h, "rana").into_iter().find(|s| s.id == first).unwrap();
    assert!(matches!(&accepted.origin, Origin::Accepted { by } if by.as_str() == "rana"), "{accepted:?}");
    // X rejects the second.
    let second = h.state().session.view().selected_span.unwrap();
    assert_ne!(first, second);
    let rejected = spans(&h, "rana").into_iter().find(|s| s.id == second).unwrap();
    h.key_press(Key::X);
    h.run();
    assert!(spans(&h, "rana").iter().all(|s| s.id != second));
    // Shift+Y accepts every denial suggestion left.
    let third = h.state().session.view().selected_span.unwrap();
    assert_eq!(spans(&h, "rana").iter().find(|s| s.id == third).unwrap().label.as_str(), "denial");
    h.key_press_modifiers(Modifiers::SHIFT, Key::Y);
    h.run();
    assert!(spans(&h, "rana").iter().all(|s| !s.is_suggested()));

    // Going away and back takes nothing in again: accepted ones overlap, the rejected one
    // is remembered. The suggestions layer itself is left as it was.
    h.state_mut().push(Action::OpenDocument(DocId::new("e")));
    h.run();
    h.state_mut().push(Action::OpenDocument(DocId::new("d")));
    h.run();
    let mine = spans(&h, "rana");
    assert_eq!(mine.len(), 2, "{mine:?}");
    assert!(!mine.iter().any(|s| s.range() == rejected.range()));
    assert_eq!(spans(&h, SUGGESTIONS_LAYER).len(), 3);
    let project = h.state().session.project().unwrap();
    assert!(project.is_rejected("rana", &DocId::new("d"), rejected.range(), &rejected.label));
}
