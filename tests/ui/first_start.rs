//! A first start as a new user meets it: no preferences, so no annotator yet. The name
//! question comes up, takes typed keys and Enter, asks for no frames while it waits, and
//! the name is on the next span.

#![allow(clippy::unwrap_used)] // a test fails loudly on a broken fixture

use crate::common;

use common::window::{SAMPLE, window_with};
use egui::Key;
use egui_kittest::kittest::Queryable as _;
use hashiya::model::{CharRange, LayerRef};
use hashiya::ui::Action;
use hashiya::ui::dialogs::ScriptedDialogs;
use hashiya::ui::modal::Modal;
use hashiya::ui::prefs::Prefs;

#[test]
fn a_first_start_asks_the_name_takes_typed_keys_and_enter_and_idles_while_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.ron");
    std::fs::copy(SAMPLE, &path).unwrap();
    let mut h = window_with(Prefs::default(), &path, ScriptedDialogs::default());

    // The question is up, and the window settles: no frame is asked for while it waits
    // (a text cursor's blink is a delayed repaint, which is not an immediate one).
    let frames = h.try_run().expect("the window settles while the name is asked");
    assert!(frames <= 4, "{frames} frames to settle");
    assert!(matches!(h.state().modal, Some(Modal::AskName { .. })));
    assert!(h.query_by_label("Who is annotating?").is_some());
    for _ in 0..3 {
        h.step();
        assert_eq!(h.try_run().unwrap(), 1, "each later frame is the last one");
    }

    // Keys typed reach the field without a click; Enter answers.
    h.event(egui::Event::Text("Rana".into()));
    h.run();
    assert!(matches!(&h.state().modal, Some(Modal::AskName { draft }) if draft == "Rana"));
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().modal.is_none(), "Enter closed the question");
    assert_eq!(h.state().session.annotator(), Some("Rana"));
    assert_eq!(h.state().prefs.annotator.as_deref(), Some("Rana"), "remembered for the next start");
    assert!(h.query_by_label_contains("Annotator: Rana").is_some());
    h.step();
    assert_eq!(h.try_run().unwrap(), 1, "idle after the name too");

    // The next span carries the name.
    h.state_mut().push(Action::SetSelection(Some(CharRange::new(0, 8))));
    h.run();
    h.key_press(Key::Num1);
    h.run();
    let project = h.state().session.project().unwrap();
    let doc = &project.documents[0].id;
    let spans = project.layer(&LayerRef::annotator("Rana")).unwrap().spans(doc);
    assert_eq!(spans.len(), 1);
    assert_eq!((spans[0].annotator.as_str(), spans[0].label.as_str()), ("Rana", "claim"));
}

#[test]
fn a_blank_name_is_not_taken_and_labelling_before_the_name_asks_for_it() {
    let mut h = window_with(Prefs::default(), std::path::Path::new(SAMPLE), ScriptedDialogs::default());
    h.run();
    h.event(egui::Event::Text("   ".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(matches!(h.state().modal, Some(Modal::AskName { .. })), "a blank name is no name");
    assert_eq!(h.state().session.annotator(), None);
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().modal.is_some());
}
