//! Suggest > Learn from my spans: the model trains in the background, then suggests in the
//! open document; after enough changes it trains again by itself.

#![allow(clippy::unwrap_used)] // a test fails loudly on a broken fixture

use crate::common;

use common::window::window_on;
use egui::Key;
use egui_kittest::Harness;
use hashiya::app::HashiyaApp;
use hashiya::learn::synthetic::{self, Shape};
use hashiya::model::{DocId, LayerRef};
use hashiya::ui::Action;
use hashiya::ui::commands::UiCommand;
use std::sync::Arc;

/// Runs frames until the learner is idle.
fn wait_for_learning(h: &mut Harness<'_, HashiyaApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while h.state().learning.learner.busy() {
        assert!(std::time::Instant::now() < deadline, "the training ends");
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.run_steps(16);
}

#[test]
fn learn_then_suggest_then_retrain_after_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.ron");
    let mut project = synthetic::project(&Shape {
        paragraphs: 80,
        labels: 3,
        spans_per_paragraph: 1.5,
        words: 30,
        seed: 21,
    });
    // The analyst has not annotated the last document yet.
    let last = project.documents.last().unwrap().id.clone();
    let layer = project.layers.get_mut("analyst").unwrap();
    let had = layer.docs.get(&last).map_or(0, |d| d.spans.len());
    layer.docs.remove(&last);
    assert!(had > 0, "the fixture's last paragraph has spans to find again");
    hashiya::store::save(&project, &path).unwrap();
    let mut h = window_on(&path, "analyst");

    h.state_mut().push(Action::Run(UiCommand::LearnFromSpans));
    h.step();
    assert!(h.state().learning.learner.busy(), "the training runs in the background");
    wait_for_learning(&mut h);
    let first = Arc::clone(h.state().learning.learner.model().unwrap());
    assert_eq!(first.labels, vec!["t01", "t02", "t03"]);

    // The documents come most uncertain first; going to the least sure one opens another.
    let order = h.state().learning.learner.uncertain_order().to_vec();
    assert_eq!(order.len(), 80);
    let before = h.state().session.view().doc.clone();
    h.state_mut().push(Action::Run(UiCommand::MostUncertainDocument));
    h.run_steps(16);
    let opened = h.state().session.view().doc.clone().unwrap();
    assert_ne!(Some(&opened), before.as_ref());
    assert_eq!(Some(&opened), order.iter().find(|d| Some(*d) != before.as_ref()));

    // The model suggests in the unannotated document.
    h.state_mut().push(Action::OpenDocument(last.clone()));
    h.run_steps(16);
    h.state_mut().push(Action::Run(UiCommand::SuggestWithModel));
    h.run_steps(16);
    let spans = |h: &Harness<'_, HashiyaApp>| {
        let project = h.state().session.project().unwrap();
        project
            .layer(&LayerRef::annotator("analyst"))
            .map(|l| l.spans(&DocId::new(last.as_str())).to_vec())
            .unwrap()
    };
    let suggested = spans(&h);
    assert!(!suggested.is_empty() && suggested.iter().all(|s| s.is_suggested()), "{suggested:?}");

    // Accepting two of them are changes: with retraining after two, a new model comes.
    h.state_mut().learning.learner.retrain_after = 2;
    h.key_press(Key::Tab);
    h.run_steps(16);
    h.key_press(Key::Y);
    h.run_steps(16);
    h.key_press(Key::Y);
    h.run_steps(16);
    assert!(spans(&h).iter().filter(|s| !s.is_suggested()).count() >= 1);
    wait_for_learning(&mut h);
    let second = h.state().learning.learner.model().unwrap();
    assert!(!Arc::ptr_eq(&first, second), "trained again after the changes");
}
