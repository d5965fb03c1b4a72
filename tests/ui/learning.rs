//! Suggest > Learn from my spans: the model trains in the background, then suggests in the
//! open document; after enough changes it trains again by itself.

#![allow(clippy::unwrap_used)] // a test fails loudly on a broken fixture

use crate::common;

use common::window::window_on;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};
use hashiya::app::HashiyaApp;
use hashiya::learn::synthetic::{self, Shape};
use hashiya::model::{CharRange, DocId, LayerRef};
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

/// A generated project of `paragraphs` paragraphs and three labels whose last document the
/// analyst has not annotated, saved as `name` in `dir`; and that document's id.
fn generated(dir: &std::path::Path, name: &str, paragraphs: usize) -> (std::path::PathBuf, DocId) {
    let path = dir.join(name);
    let mut project =
        synthetic::project(&Shape { paragraphs, labels: 3, spans_per_paragraph: 1.5, words: 30, seed: 21 });
    let last = project.documents.last().unwrap().id.clone();
    project.layers.get_mut("analyst").unwrap().docs.remove(&last);
    hashiya::store::save(&project, &path).unwrap();
    (path, last)
}

/// Learns from the analyst's spans in the window and waits for the model.
fn learn(h: &mut Harness<'_, HashiyaApp>) -> Arc<hashiya::learn::Model> {
    h.state_mut().push(Action::Run(UiCommand::LearnFromSpans));
    h.step();
    wait_for_learning(h);
    Arc::clone(h.state().learning.learner.model().unwrap())
}

/// The analyst's spans on `doc`: (suggested, accepted).
fn counts(h: &Harness<'_, HashiyaApp>, doc: &DocId) -> (usize, usize) {
    let project = h.state().session.project().unwrap();
    let spans = project.layer(&LayerRef::annotator("analyst")).map(|l| l.spans(doc).to_vec()).unwrap();
    let suggested = spans.iter().filter(|s| s.is_suggested()).count();
    (suggested, spans.len() - suggested)
}

#[test]
fn retrains_after_the_number_of_spans_set_in_the_preferences() {
    let dir = tempfile::tempdir().unwrap();
    let (path, last) = generated(dir.path(), "g.ron", 60);
    let mut h = window_on(&path, "analyst");
    assert_eq!(h.state().prefs.retrain_after, 20, "the default");
    h.state_mut().push(Action::SetRetrainAfter(3));
    h.run_steps(4);
    assert_eq!(h.state().prefs.retrain_after, 3, "kept with the other preferences");
    let first = learn(&mut h);

    h.state_mut().push(Action::OpenDocument(last.clone()));
    h.run_steps(4);
    let label = hashiya::model::LabelId::new("t01");
    for (n, start) in [0usize, 40, 80].into_iter().enumerate() {
        assert!(!h.state().learning.learner.busy(), "{n} spans are fewer than 3: no training yet");
        h.state_mut().push(Action::SetSelection(Some(CharRange::new(start, start + 4))));
        h.state_mut().push(Action::ApplyLabel(label.clone()));
        h.step();
        h.step();
        if n == 0 {
            // A status change is no span: it does not count.
            h.state_mut().push(Action::Run(UiCommand::MarkDone));
            h.run_steps(4);
        }
    }
    assert_eq!(counts(&h, &last).1, 3, "three new spans");
    assert!(
        h.state().learning.learner.progress().is_some(),
        "the third span starts a training in the background"
    );
    wait_for_learning(&mut h);
    let second = h.state().learning.learner.model().unwrap();
    assert!(!Arc::ptr_eq(&first, second), "the training finished with a new model");
    assert!(second.info.spans > first.info.spans, "it learned the new spans too");
}

#[test]
fn the_model_is_saved_beside_the_project_and_read_again_when_it_opens() {
    let dir = tempfile::tempdir().unwrap();
    let (path, last) = generated(dir.path(), "g.ron", 80);
    let model_path = hashiya::learn::file::default_path(&path);
    assert_eq!(model_path, dir.path().join("g.model"), "where hashiya learn puts it");
    let mut h = window_on(&path, "analyst");
    let trained = learn(&mut h);
    assert!(model_path.is_file(), "saved beside the project");
    drop(h);

    // After a restart the model is read in the background, and suggests at once.
    let mut h = window_on(&path, "analyst");
    wait_for_learning(&mut h);
    assert!(h.state().learning.learner.model().is_some(), "the saved model is read");
    let loaded = Arc::clone(h.state().learning.learner.model().unwrap());
    assert_eq!(loaded.labels, trained.labels);
    assert_eq!(loaded.cuts, trained.cuts);
    assert!(
        h.state().toasts.messages().any(|(_, t)| t.contains("The model saved beside the project was read"))
    );
    h.state_mut().push(Action::OpenDocument(last.clone()));
    h.run_steps(4);
    h.state_mut().push(Action::Run(UiCommand::SuggestWithModel));
    h.run_steps(4);
    assert!(counts(&h, &last).0 > 0, "the model read from the file suggests");

    // A model made for another label set is refused with the reason, never applied.
    let sample = dir.path().join("sample.ron");
    std::fs::copy(common::window::SAMPLE, &sample).unwrap();
    std::fs::copy(&model_path, dir.path().join("sample.model")).unwrap();
    let mut h = window_on(&sample, "analyst");
    wait_for_learning(&mut h);
    assert!(h.state().learning.learner.model().is_none());
    let refused: Vec<String> = h.state().toasts.messages().map(|(_, t)| t.to_string()).collect();
    assert!(
        refused.iter().any(|t| t.contains("was not used") && t.contains("another label set")),
        "{refused:?}"
    );
}

#[test]
fn suggesting_in_all_documents_runs_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    let (path, last) = generated(dir.path(), "g.ron", 300);
    let mut h = window_on(&path, "analyst");
    learn(&mut h);
    let generation = h.state().session.generation();
    h.state_mut().push(Action::Run(UiCommand::SuggestWithModelAll));
    h.step();
    // The command returned at once: the suggestions are still being made, none added yet.
    assert!(h.state().learning.learner.suggesting_progress().is_some(), "suggesting in the background");
    assert_eq!(h.state().session.generation(), generation);
    // Its progress window shows while it runs (drawn from the next frames on).
    let mut shown = false;
    while !shown && h.state().learning.learner.suggesting_progress().is_some() {
        h.step();
        shown = h.query_by_label_contains("Suggesting with the model").is_some();
    }
    assert!(shown, "its progress is shown");
    wait_for_learning(&mut h);
    assert_eq!(h.state().session.generation(), generation + 1, "added as one undo step");
    assert!(counts(&h, &last).0 > 0, "the result arrived: suggestions in the unannotated document");
    assert!(h.state().toasts.messages().any(|(_, t)| t.contains("suggestions from the model")));

    // Cancelled, it adds nothing.
    h.state_mut().push(Action::Run(UiCommand::SuggestWithModelAll));
    h.step();
    h.state_mut().learning.learner.cancel_suggesting();
    wait_for_learning(&mut h);
    assert_eq!(h.state().session.generation(), generation + 1, "nothing added");
}

#[test]
fn the_document_list_puts_the_most_uncertain_first() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = generated(dir.path(), "g.ron", 60);
    let mut h = window_on(&path, "analyst");
    let project_order = rows(&h);
    assert_eq!(project_order.first(), Some(&1), "the project's order: {project_order:?}");
    learn(&mut h);
    h.get(By::new().role(Role::ComboBox).value("project order")).click();
    h.run();
    h.get_by_label("most uncertain first").click();
    h.run();
    assert_eq!(h.state().doc_order, hashiya::ui::doc_list::DocOrder::MostUncertain);
    let shown = rows(&h);
    let project = h.state().session.project().unwrap();
    let want: Vec<usize> = h
        .state()
        .learning
        .learner
        .uncertain_order()
        .iter()
        .map(|id| project.documents.iter().position(|d| &d.id == id).unwrap() + 1)
        .take(shown.len())
        .collect();
    assert!(shown.len() >= 5, "{shown:?}");
    assert_eq!(shown, want);
    assert_ne!(shown, project_order, "the order changed");
}

/// The numbers of the document rows shown, top to bottom ("12. new · …" is document 12).
fn rows(h: &Harness<'_, HashiyaApp>) -> Vec<usize> {
    let mut rows: Vec<(f32, usize)> = h
        .query_all_by_label_contains(". ")
        .filter_map(|node| {
            let label = node.accesskit_node().value()?;
            let (number, _) = label.split_once(". ")?;
            Some((node.rect().min.y, number.parse().ok()?))
        })
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter().map(|(_, n)| n).collect()
}
