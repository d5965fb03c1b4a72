//! The document view driven with a simulated mouse through egui_kittest: dragging across
//! Arabic words selects exactly their code points, Alt gives single characters, double-click
//! selects a word, and labelling the selection makes a span with that exact range.

#![allow(clippy::unwrap_used)] // a test fails loudly on a broken fixture

use crate::common;

use common::window::sample_window;
use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hashiya::app::HashiyaApp;
use hashiya::model::{CharRange, slice_chars};

fn text(h: &Harness<'_, HashiyaApp>) -> String {
    let app = h.state();
    let ws = app.session.workspace().unwrap();
    ws.project.document(app.session.view().doc.as_ref().unwrap()).unwrap().text.clone()
}

/// The code-point range of the `n`-th (1-based) occurrence of `word`.
fn find(text: &str, word: &str, n: usize) -> CharRange {
    let byte = text.match_indices(word).nth(n - 1).unwrap().0;
    let start = text[..byte].chars().count();
    CharRange::new(start, start + word.chars().count())
}

/// Screen points just inside the visual right and left ends of `range` (one line).
fn ends(h: &Harness<'_, HashiyaApp>, range: CharRange) -> (Pos2, Pos2) {
    let rects = h.state().doc_view.screen_rects(range);
    assert_eq!(rects.len(), 1, "{range} is drawn in one piece: {rects:?}");
    let r = rects[0];
    (Pos2::new(r.max.x - 2.0, r.center().y), Pos2::new(r.min.x + 2.0, r.center().y))
}

/// Presses at `from`, moves to `to` in two steps and releases, holding `modifiers`.
fn drag_with(h: &mut Harness<'_, HashiyaApp>, from: Pos2, to: Pos2, modifiers: Modifiers) {
    h.event(egui::Event::ModifiersChanged(modifiers));
    h.hover_at(from);
    h.run();
    h.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers,
    });
    h.run();
    let mid = Pos2::new((from.x + to.x) / 2.0, (from.y + to.y) / 2.0);
    h.hover_at(mid);
    h.run();
    h.hover_at(to);
    h.run();
    h.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers,
    });
    h.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    h.run();
}

fn drag(h: &mut Harness<'_, HashiyaApp>, from: Pos2, to: Pos2) {
    drag_with(h, from, to, Modifiers::NONE);
}

fn click(h: &mut Harness<'_, HashiyaApp>, at: Pos2) {
    h.hover_at(at);
    h.run();
    h.drag_at(at);
    h.drop_at(at);
    h.run();
}

#[test]
fn dragging_across_an_arabic_word_selects_exactly_it() {
    let (mut h, _dir, _) = sample_window("tester");
    let text = text(&h);
    // "الأميركي" (with hamza) in the first line's "التحالف الأميركي: لن نستهدف".
    let word = find(&text, "الأميركي", 1);
    let (right, left) = ends(&h, word);
    // Right to left, as an Arabic reader drags.
    drag(&mut h, right, left);
    assert_eq!(h.state().session.view().selection, Some(word));
    assert_eq!(slice_chars(&text, word).unwrap(), "الأميركي");
}

#[test]
fn a_drag_snaps_to_whole_words_and_alt_gives_characters() {
    let (mut h, _dir, _) = sample_window("tester");
    let text = text(&h);
    let phrase = find(&text, "لن نستهدف", 1);
    // Start inside the first word and stop inside the last: the words are completed.
    let first = CharRange::new(phrase.start.0, phrase.start.0 + 2);
    let last = CharRange::new(phrase.start.0 + 3, phrase.end.0);
    let inside_right = h.state().doc_view.screen_rects(first)[0].center();
    let inside_left = h.state().doc_view.screen_rects(last)[0].center();
    drag(&mut h, inside_right, inside_left);
    assert_eq!(h.state().session.view().selection, Some(phrase));

    // With Alt the same drag stops at the characters under the pointer.
    drag_with(&mut h, inside_right, inside_left, Modifiers::ALT);
    let sel = h.state().session.view().selection.unwrap();
    assert!(sel.start > phrase.start && sel.end < phrase.end, "{sel} inside {phrase}");
}

#[test]
fn label_the_dragged_words_then_relabel_and_undo() {
    let (mut h, _dir, _) = sample_window("tester");
    let text = text(&h);
    let word = find(&text, "داعش", 1);
    let (right, left) = ends(&h, word);
    drag(&mut h, right, left);
    h.key_press(Key::Num1);
    h.run();
    let doc = h.state().session.view().doc.clone().unwrap();
    let spans = h.state().session.workspace().unwrap().project.layers["tester"].spans(&doc).to_vec();
    assert_eq!(spans.len(), 1);
    assert_eq!((spans[0].range(), spans[0].label.as_str()), (word, "claim"));
    h.key_press(Key::Num2);
    h.run();
    let label = |h: &Harness<'_, HashiyaApp>| {
        h.state().session.workspace().unwrap().project.layers["tester"].spans(&doc)[0].label.0.clone()
    };
    assert_eq!(label(&h), "denial");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(label(&h), "claim");
}

#[test]
fn clicking_a_span_selects_it_and_shift_arrow_moves_its_end() {
    let (mut h, _dir, _) = sample_window("tester");
    let text = text(&h);
    let phrase = find(&text, "لن نستهدف", 1);
    let (right, left) = ends(&h, phrase);
    drag(&mut h, right, left);
    h.key_press(Key::Num2);
    h.run();
    h.state_mut().push(hashiya::ui::Action::SelectSpan(None));
    h.run();
    let centre = h.state().doc_view.screen_rects(phrase)[0].center();
    click(&mut h, centre);
    let selected = h.state().session.view().selected_span;
    assert!(selected.is_some(), "a click on the span selects it");
    // In a right-to-left paragraph Shift+Left moves the end forward by one character.
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
    h.run();
    let doc = h.state().session.view().doc.clone().unwrap();
    let span = h.state().session.workspace().unwrap().project.layers["tester"].spans(&doc)[0].clone();
    assert_eq!(span.range(), CharRange::new(phrase.start.0, phrase.end.0 + 1));
}

#[test]
fn screen_readers_get_the_text_in_logical_order() {
    let (h, _dir, _) = sample_window("tester");
    let text = text(&h);
    // The document view is one node whose label is the text as stored, not as drawn.
    let by = egui_kittest::kittest::By::new().role(egui::accesskit::Role::Document).label(&text);
    assert_eq!(h.query_all(by).count(), 1);
}
