//! Labels at hand. The picker: `/` opens it, typing filters the labels (folded as search folds), Enter
//! labels the selection with the first match, and the label used comes first next time. The
//! Guidelines panel: F1 shows every label's guideline.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use egui::Key;
use egui_kittest::kittest::Queryable;
use hashiya::model::{CharRange, LayerRef};
use hashiya::ui::Action;

#[test]
fn slash_opens_the_picker_typing_filters_and_enter_labels() {
    let (mut h, _dir, _path) = common::window::sample_window("tester");
    let spans = |h: &egui_kittest::Harness<'_, hashiya::app::HashiyaApp>| {
        let session = &h.state().session;
        let project = session.project().unwrap();
        let doc = session.view().doc.clone().unwrap();
        project.layer(&LayerRef::annotator("tester")).map(|l| l.spans(&doc).to_vec()).unwrap_or_default()
    };
    h.state_mut().push(Action::SetSelection(Some(CharRange::new(0, 3))));
    h.run();
    h.key_press(Key::Slash);
    h.run();
    assert!(h.state().label_picker.open);
    assert!(h.query_by_label("Pick a label").is_some());
    h.event(egui::Event::Text("FIG".into()));
    h.run();
    assert!(h.query_by_label("Claim").is_none(), "filtered out");
    h.key_press(Key::Enter);
    h.run();
    assert!(!h.state().label_picker.open, "closed once used");
    let made = spans(&h);
    assert_eq!(made.len(), 1);
    assert_eq!((made[0].label.as_str(), made[0].start.0, made[0].end.0), ("figure", 0, 3));
    // Next time the label just used is first, so Enter alone applies it.
    h.state_mut().push(Action::SetSelection(Some(CharRange::new(4, 8))));
    h.run();
    h.key_press(Key::Slash);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let made = spans(&h);
    assert_eq!(made.len(), 2);
    assert!(made.iter().all(|s| s.label.as_str() == "figure"));
    // Esc closes it without labelling.
    h.key_press(Key::Slash);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().label_picker.open);
    assert_eq!(spans(&h).len(), 2);
}

#[test]
fn f1_shows_the_guidelines_of_every_label() {
    let (mut h, _dir, _path) = common::window::sample_window("tester");
    h.key_press(Key::F1);
    h.run();
    assert!(h.state().guidelines.open);
    let project = h.state().session.project().unwrap().clone();
    for label in project.labels.iter().filter(|l| !l.description.is_empty()) {
        assert!(h.query_by_label(&label.description).is_some(), "{}", label.name);
    }
    assert!(h.query_by_label_contains("value*: number").is_some(), "the required value is marked");
    h.key_press(Key::F1);
    h.run();
    assert!(!h.state().guidelines.open, "F1 again closes it");
}
