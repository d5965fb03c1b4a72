//! Typing Arabic into the window's fields: a mixed note pasted under an Arabic keyboard
//! layout and edited at both ends by clicks, search typed in Arabic and stepped with Enter,
//! a label renamed in Arabic, and shortcuts matched on the physical key.

#![allow(clippy::unwrap_used)] // a test fails loudly on a broken fixture

use crate::common;

use common::window::sample_window;
use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable as _};
use hashiya::app::HashiyaApp;
use hashiya::model::{CharRange, LabelId, LayerRef};
use hashiya::ui::Action;
use hashiya::ui::modal::Modal;

const NOTE: &str = "راجعت المصدر 3 مرات عبر BBC قبل 12 يوما";

/// A key pressed under the Arabic layout: the physical key, and the Arabic letter it types.
fn arabic_key(h: &mut Harness<'_, HashiyaApp>, key: Key, letter: &str) {
    let event = |pressed| Event::Key {
        key,
        physical_key: Some(key),
        pressed,
        repeat: false,
        modifiers: Modifiers::NONE,
    };
    h.event(event(true));
    h.event(Event::Text(letter.into()));
    h.event(event(false));
}

/// A fast click of the primary button at `pos`: moved there, pressed and released in one
/// frame, as `xdotool mousemove X Y click 1` gives.
fn click_at(h: &mut Harness<'_, HashiyaApp>, pos: egui::Pos2) {
    h.hover_at(pos);
    h.drag_at(pos);
    h.event(Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
}

/// The text field whose text is `value`.
fn field(value: &str) -> By<'_> {
    By::new().role(Role::TextInput).value(value)
}

/// Labels the first occurrence of `word` as a claim (its span is then selected).
fn label_word(h: &mut Harness<'_, HashiyaApp>, word: &str) {
    let text = h.state().session.document().unwrap().text.clone();
    let start = text[..text.find(word).unwrap()].chars().count();
    h.state_mut().push(Action::SetSelection(Some(CharRange::new(start, start + word.chars().count()))));
    h.run();
    h.key_press(Key::Num1);
    h.run();
}

fn first_note(h: &Harness<'_, HashiyaApp>) -> Option<String> {
    let doc = h.state().session.view().doc.clone().unwrap();
    let project = h.state().session.project().unwrap();
    let spans = project.layer(&LayerRef::annotator("tester")).unwrap().spans(&doc);
    spans[0].note.as_deref().map(str::to_string)
}

#[test]
fn a_mixed_note_pasted_under_an_arabic_layout_is_edited_at_both_ends() {
    let (mut h, _dir, _) = sample_window("tester");
    h.run();
    label_word(&mut h, "الجيش السوري");
    // The N key types ن under the Arabic layout: it still opens the note, and the letter
    // does not land in it.
    arabic_key(&mut h, Key::N, "ن");
    h.run();
    assert!(matches!(h.state().modal, Some(Modal::EditNote { .. })), "N opens the note");
    h.event(Event::Paste(NOTE.into()));
    h.run();
    let rect = h.get(field(NOTE)).rect();
    // Right-aligned like a browser's textarea: the left of the field is past the note's
    // end, its right edge is the note's start.
    let y = rect.top() + 10.0;
    click_at(&mut h, egui::pos2(rect.left() + 6.0, y));
    h.run();
    arabic_key(&mut h, Key::H, "ا");
    h.run();
    click_at(&mut h, egui::pos2(rect.right() - 3.0, y));
    h.run();
    // In an Arabic paragraph Ctrl+Left moves forward: to the end of the first word.
    h.key_press_modifiers(Modifiers::COMMAND, Key::ArrowLeft);
    h.run();
    arabic_key(&mut h, Key::B, "ب");
    h.run();
    let expected = format!("راجعتب{}ا", NOTE.strip_prefix("راجعت").unwrap());
    assert!(h.query(field(&expected)).is_some(), "both letters at their places");
    // Ctrl+Enter keeps the note.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    assert!(h.state().modal.is_none());
    assert_eq!(first_note(&h).as_deref(), Some(expected.as_str()));
}

#[test]
fn the_note_field_deletes_by_grapheme_undoes_cuts_and_escape_cancels() {
    let (mut h, _dir, _) = sample_window("tester");
    h.run();
    label_word(&mut h, "الجيش السوري");
    h.key_press(Key::N);
    h.run();
    h.event(Event::Paste("بِسْمِ".into()));
    h.run();
    h.key_press(Key::Backspace);
    h.run();
    assert!(h.query(field("بِسْ")).is_some(), "the meem goes with its kasra");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.query(field("بِسْمِ")).is_some(), "undo inside the field");
    // Select all and cut: the clipboard gets the text, the field is empty; paste brings it back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(Event::Cut);
    h.step();
    let copied = h.output().platform_output.commands.iter().find_map(|c| match c {
        egui::OutputCommand::CopyText(text) => Some(text.clone()),
        _ => None,
    });
    assert_eq!(copied.as_deref(), Some("بِسْمِ"));
    h.run();
    let empty = matches!(&h.state().modal, Some(Modal::EditNote { text, .. }) if text.is_empty());
    assert!(empty, "cut empties the field");
    h.event(Event::Paste("بِسْمِ".into()));
    h.run();
    assert!(h.query(field("بِسْمِ")).is_some());
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().modal.is_none());
    assert_eq!(first_note(&h), None, "nothing was kept");
}

#[test]
fn search_typed_in_arabic_steps_with_enter_and_bare_letters_type() {
    let (mut h, _dir, _) = sample_window("tester");
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    // Bare letters type while the field has the keyboard: N is not the note command here.
    for letter in ["ا", "ل", "ج", "ي", "ش"] {
        arabic_key(&mut h, Key::N, letter);
        h.run();
    }
    assert!(h.state().modal.is_none(), "no note was opened");
    assert!(h.query(field("الجيش")).is_some());
    let hits = h.state().search.hit_count();
    assert!(hits >= 2, "{hits} hits");
    let mut places = Vec::new();
    for _ in 0..2 {
        h.key_press(Key::Enter);
        h.run();
        places.push(h.state().search.current());
    }
    assert_eq!(places, [Some(0), Some(1)], "each Enter steps to the next hit");
}

#[test]
fn a_label_renamed_in_arabic_keeps_its_letters_in_order() {
    let (mut h, _dir, _) = sample_window("tester");
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    h.get(field("Claim")).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(Event::Paste("ادعاء (رقم 12)".into()));
    h.run();
    h.get_by_label("Apply").click();
    h.run();
    let project = &h.state().session.workspace().unwrap().project;
    assert_eq!(project.label(&LabelId::new("claim")).unwrap().name, "ادعاء (رقم 12)");
}

#[test]
fn shortcuts_work_on_the_physical_key_under_an_arabic_layout() {
    let (mut h, _dir, _) = sample_window("tester");
    h.run();
    label_word(&mut h, "الجيش السوري");
    // Under the Arabic layout the D key types ي; a key the table does not know is matched
    // on its place. Delete removes the span; the L key (م) starts a link.
    let event = |key, physical| Event::Key {
        key,
        physical_key: Some(physical),
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    };
    h.event(event(Key::Backtick, Key::L));
    h.event(Event::Text("م".into()));
    h.run();
    assert!(h.state().session.view().link.is_some(), "L starts a link");
}

#[test]
fn an_input_method_composes_in_the_note() {
    let (mut h, _dir, _) = sample_window("tester");
    h.run();
    label_word(&mut h, "الجيش السوري");
    h.key_press(Key::N);
    h.run();
    let preedit =
        |text: &str| Event::Ime(egui::ImeEvent::Preedit { text: text.into(), active_range_chars: None });
    h.event(preedit("ن"));
    h.run();
    assert!(h.query(field("ن")).is_some(), "the composition shows in place");
    h.event(preedit("نع"));
    h.event(Event::Ime(egui::ImeEvent::Commit("نعم".into())));
    h.run();
    assert!(h.query(field("نعم")).is_some());
    assert!(h.output().platform_output.ime.is_some(), "the platform is told where the caret is");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    assert_eq!(first_note(&h).as_deref(), Some("نعم"));
}
