//! The annotation workflow driven through the real window code with egui_kittest:
//! keyboard labelling, relabelling, undo and redo, delete, notes, status, save and reload.

#![allow(clippy::unwrap_used)] // a test fails loudly on a broken fixture

use crate::common;

use common::window::sample_window;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use hashiya::app::HashiyaApp;
use hashiya::model::{CharRange, DocId, SpanId, Status, slice_chars};
use hashiya::ui::Action;

fn first_doc(h: &Harness<'_, HashiyaApp>) -> DocId {
    h.state().session.workspace().unwrap().project.documents[0].id.clone()
}

fn tester_spans(h: &Harness<'_, HashiyaApp>, doc: &DocId) -> Vec<hashiya::model::Span> {
    let ws = h.state().session.workspace().unwrap();
    ws.project.layers.get("tester").map(|l| l.spans(doc).to_vec()).unwrap_or_default()
}

/// Selects the first `word` of `doc` and presses a label key; returns the word's range.
fn label_word(h: &mut Harness<'_, HashiyaApp>, doc: &DocId, word: &str, key: Key) -> CharRange {
    let range = range_of(h, doc, word);
    h.state_mut().push(Action::SetSelection(Some(range)));
    h.run();
    h.key_press(key);
    h.run();
    range
}

/// The code-point range of the first occurrence of `word` in the document.
fn range_of(h: &Harness<'_, HashiyaApp>, doc: &DocId, word: &str) -> CharRange {
    let text = &h.state().session.workspace().unwrap().project.document(doc).unwrap().text;
    let byte = text.find(word).unwrap();
    let start = text[..byte].chars().count();
    CharRange::new(start, start + word.chars().count())
}

#[test]
fn label_relabel_undo_redo_delete_by_keyboard() {
    let (mut h, _dir, _) = sample_window("tester");
    h.run();
    let doc = first_doc(&h);
    let range = label_word(&mut h, &doc, "الجيش السوري", Key::Num1);
    let spans = tester_spans(&h, &doc);
    assert_eq!(spans.len(), 1);
    assert_eq!(
        (spans[0].range(), spans[0].label.as_str(), spans[0].annotator.as_str()),
        (range, "claim", "tester")
    );
    let text = &h.state().session.workspace().unwrap().project.documents[0].text;
    assert_eq!(slice_chars(text, spans[0].range()).unwrap(), "الجيش السوري");
    assert!(h.state().title().ends_with('*'), "title marks unsaved work: {}", h.state().title());

    // The new span is selected: 2 relabels it.
    h.key_press(Key::Num2);
    h.run();
    assert_eq!(tester_spans(&h, &doc)[0].label.as_str(), "denial");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(tester_spans(&h, &doc)[0].label.as_str(), "claim");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(tester_spans(&h, &doc)[0].label.as_str(), "denial");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(tester_spans(&h, &doc)[0].label.as_str(), "claim");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(tester_spans(&h, &doc)[0].label.as_str(), "denial");

    h.state_mut().push(Action::SelectSpan(Some(SpanId(1))));
    h.run();
    h.key_press(Key::Delete);
    h.run();
    assert!(tester_spans(&h, &doc).is_empty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(tester_spans(&h, &doc).len(), 1);
}

#[test]
fn tab_walks_spans_and_ctrl_enter_marks_done() {
    let (mut h, _dir, _) = sample_window("tester");
    h.run();
    let doc = first_doc(&h);
    for word in ["التحالف", "داعش"] {
        label_word(&mut h, &doc, word, Key::Num3);
    }
    h.state_mut().push(Action::SelectSpan(None));
    h.run();
    h.key_press(Key::Tab);
    h.run();
    let first = tester_spans(&h, &doc)[0].id;
    assert_eq!(h.state().session.view().selected_span, Some(first));
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(h.state().session.view().selected_span, Some(tester_spans(&h, &doc)[1].id));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    let ws = h.state().session.workspace().unwrap();
    assert_eq!(ws.project.document(&doc).unwrap().status_of("tester"), Status::Done);

    h.key_press(Key::PageDown);
    h.run();
    let second = h.state().session.workspace().unwrap().project.documents[1].id.clone();
    assert_eq!(h.state().session.view().doc.as_ref(), Some(&second));
    h.key_press(Key::PageUp);
    h.run();
    assert_eq!(h.state().session.view().doc.as_ref(), Some(&doc));
}

#[test]
fn save_and_reload_keep_the_spans() {
    let (mut h, _dir, path) = sample_window("tester");
    h.run();
    let doc = first_doc(&h);
    let range = label_word(&mut h, &doc, "قادة داعش", Key::Num1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    common::window::wait_for_save(&mut h);
    assert!(!h.state().title().ends_with('*'), "saved: {}", h.state().title());
    let reloaded = hashiya::store::load(&path).unwrap();
    let spans = reloaded.layers["tester"].spans(&doc);
    assert_eq!(spans.len(), 1);
    assert_eq!(spans[0].range(), range);
    assert_eq!(reloaded.layers["amal"], h.state().session.workspace().unwrap().project.layers["amal"]);
}

#[test]
fn search_finds_a_word_with_and_without_shadda() {
    let (mut h, _dir, _) = sample_window("tester");
    h.run();
    let doc = first_doc(&h);
    let text = h.state().session.workspace().unwrap().project.document(&doc).unwrap().text.clone();
    // The article writes "مسلّحيه" with a shadda; the analyst types it without.
    assert!(text.contains("مسلّحيه"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.event(egui::Event::Text("مسلحيه".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let hit = range_of(&h, &doc, "مسلّحيه");
    assert!(h.state().search.hit_count() >= 1);
    assert_eq!(h.state().search.current_in(&doc), Some(hit));
    // And typed with the shadda it finds the same place.
    h.state_mut().search.query = "مسلّحيه".into();
    h.run();
    assert_eq!(h.state().search.hits_in(&doc).first(), Some(&hit));
}

/// Regression: answering "Save" to the unsaved-changes question when the file changed on
/// disk used to drop the "changed on disk" question it raised, saving nothing.
#[test]
fn a_save_that_finds_the_file_changed_keeps_asking() {
    use egui_kittest::kittest::Queryable as _;
    let (mut h, dir, path) = sample_window("tester");
    h.run();
    let doc = first_doc(&h);
    label_word(&mut h, &doc, "داعش", Key::Num1);
    // A colleague's save changes the file under us.
    let mut theirs = hashiya::store::load(&path).unwrap();
    theirs.name = "changed elsewhere".into();
    hashiya::store::save(&theirs, &path).unwrap();
    let other = dir.path().join("other.ron");
    hashiya::store::save(&hashiya::model::Project::new("other"), &other).unwrap();
    h.state_mut().push(Action::OpenProject(other));
    h.run();
    assert!(matches!(h.state().modal, Some(hashiya::ui::modal::Modal::ConfirmDiscard { .. })));
    h.get_by_label("Save").click();
    h.run();
    common::window::wait_for_save(&mut h);
    assert!(
        matches!(h.state().modal, Some(hashiya::ui::modal::Modal::ChangedOnDisk { .. })),
        "{:?}",
        h.state().modal
    );
    assert_eq!(hashiya::store::load(&path).unwrap().name, "changed elsewhere", "nothing was overwritten");
    assert_eq!(
        h.state().session.workspace().unwrap().project.name,
        "Syria sample",
        "our project is still open"
    );
}

/// Regression: Ctrl+Z typed in the search box undid the last project edit.
#[test]
fn undo_keys_in_a_text_field_do_not_undo_the_project() {
    let (mut h, _dir, _) = sample_window("tester");
    h.run();
    let doc = first_doc(&h);
    label_word(&mut h, &doc, "داعش", Key::Num1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.event(egui::Event::Text("الرقة".into()));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(tester_spans(&h, &doc).len(), 1, "the span is still there");
}
