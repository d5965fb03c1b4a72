//! Copy and paste: Ctrl+C in the document copies the selected text (or the selected
//! span's text) as plain text; a paste goes into the note exactly as it was copied.

#![allow(clippy::unwrap_used)] // a test fails loudly on a broken fixture

use crate::common;
use common::window::sample_window;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hashiya::app::HashiyaApp;
use hashiya::model::{CharRange, LayerRef};
use hashiya::ui::Action;

/// The code-point range of the first occurrence of `word` in the document shown.
fn range_of(h: &Harness<'_, HashiyaApp>, word: &str) -> CharRange {
    let text = &h.state().session.document().unwrap().text;
    let byte = text.find(word).unwrap();
    let start = text[..byte].chars().count();
    CharRange::new(start, start + word.chars().count())
}

/// What the last frame put on the clipboard.
fn copied(h: &Harness<'_, HashiyaApp>) -> Option<String> {
    h.output().platform_output.commands.iter().find_map(|c| match c {
        egui::OutputCommand::CopyText(text) => Some(text.clone()),
        _ => None,
    })
}

#[test]
fn copy_in_the_document_copies_the_selection_then_the_selected_span() {
    let (mut h, _dir, _) = sample_window("tester");
    h.run();
    let word = "الجيش السوري";
    let range = range_of(&h, word);
    h.state_mut().push(Action::SetSelection(Some(range)));
    h.run();
    h.event(egui::Event::Copy);
    h.step();
    assert_eq!(copied(&h).as_deref(), Some(word), "the selected text, exactly");

    // Labelled, the span is selected and the selection gone: Copy takes the span's text.
    h.key_press(Key::Num1);
    h.run();
    assert!(h.state().session.view().selection.is_none());
    assert!(h.state().session.view().selected_span.is_some());
    h.event(egui::Event::Copy);
    h.step();
    assert_eq!(copied(&h).as_deref(), Some(word));
}

#[test]
fn a_paste_into_the_note_is_saved_exactly() {
    let (mut h, _dir, _) = sample_window("tester");
    h.run();
    let range = range_of(&h, "الجيش السوري");
    h.state_mut().push(Action::SetSelection(Some(range)));
    h.run();
    h.key_press(Key::Num1);
    h.run();
    h.key_press(Key::N);
    h.run();
    assert!(matches!(h.state().modal, Some(hashiya::ui::modal::Modal::EditNote { .. })), "N opens the note");
    let pasted = "راجعت المصدر 3 مرات عبر BBC قبل 12 يوما";
    h.event(egui::Event::Paste(pasted.into()));
    h.run();
    h.get_by_label("Save note").click();
    h.run();
    let doc = h.state().session.view().doc.clone().unwrap();
    let project = h.state().session.project().unwrap();
    let spans = project.layer(&LayerRef::annotator("tester")).unwrap().spans(&doc);
    assert_eq!(spans[0].note.as_deref(), Some(pasted));
}
