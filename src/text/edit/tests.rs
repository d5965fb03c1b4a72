use super::*;
use crate::text::{DocLayout, Fonts, LayoutCache};

fn layout(text: &str) -> DocLayout {
    let fonts = Fonts::new().unwrap();
    DocLayout::new(&fonts, text, 400.0, 20.0, &mut LayoutCache::new())
}

/// Presses `motion` `times` times.
fn press(state: &mut EditState, text: &str, motion: Motion, extend: bool, times: usize) {
    let layout = layout(text);
    for _ in 0..times {
        state.move_caret(text, &layout, motion, extend);
    }
}

fn at(text: &str, offset: usize, multiline: bool) -> EditState {
    let mut state = EditState::new(text, multiline);
    state.place(offset, Affinity::Downstream, false);
    state
}

#[test]
fn arrows_and_shift_arrows_through_arabic_with_a_number() {
    let text = "عدد 123 مرحبا";
    assert_eq!(text.chars().count(), 13);
    let mut state = at(text, 0, false);
    // An Arabic paragraph: Left moves forward, one character at a time.
    press(&mut state, text, Motion::Left, false, 4);
    assert_eq!(state.selection(), Selection::caret(4));
    press(&mut state, text, Motion::Left, true, 3);
    assert_eq!(state.selection(), Selection { anchor: 4, cursor: 7 });
    assert_eq!(state.selected_text(text), "123");
    // Right without Shift goes to the selection's start (backward in Arabic).
    press(&mut state, text, Motion::Right, false, 1);
    assert_eq!(state.selection(), Selection::caret(4));
    press(&mut state, text, Motion::Right, false, 10);
    assert_eq!(state.selection(), Selection::caret(0), "stops at the start");
    press(&mut state, text, Motion::LineEnd, true, 1);
    assert_eq!(state.selection().range(), CharRange::new(0, 13));
}

#[test]
fn ctrl_arrows_move_by_word() {
    let text = "عدد 123 مرحبا";
    let mut state = at(text, 0, false);
    let mut seen = Vec::new();
    for _ in 0..4 {
        press(&mut state, text, Motion::WordLeft, false, 1);
        seen.push(state.selection().cursor);
    }
    assert_eq!(seen, vec![3, 7, 13, 13]);
    seen.clear();
    for _ in 0..4 {
        press(&mut state, text, Motion::WordRight, false, 1);
        seen.push(state.selection().cursor);
    }
    assert_eq!(seen, vec![8, 4, 0, 0]);
}

#[test]
fn latin_inside_arabic_is_one_word_and_keeps_its_order() {
    let mut text = "قال BBC اليوم".to_string();
    let mut state = EditState::new(&text, false);
    state.select_word_at(&text, 5);
    assert_eq!(state.selected_text(&text), "BBC");
    assert_eq!(state.selection().range(), CharRange::new(4, 7));
    // In a left-to-right paragraph Right is forward.
    let latin = "see BBC";
    let mut ltr = at(latin, 4, false);
    press(&mut ltr, latin, Motion::Right, true, 3);
    assert_eq!(ltr.selected_text(latin), "BBC");
    state.place(7, Affinity::Downstream, false);
    state.insert(&mut text, "x");
    assert_eq!(text, "قال BBCx اليوم");
    assert_eq!(state.selection(), Selection::caret(8));
}

#[test]
fn brackets_and_numbers_are_stops_of_their_own() {
    let text = "(مثلاً 120 كم)";
    let layout = layout(text);
    assert!(layout.paragraphs[0].layout.rtl, "the first strong letter is Arabic");
    let mut state = at(text, 0, false);
    press(&mut state, text, Motion::Left, false, 1);
    assert_eq!(state.selection().cursor, 1, "past the bracket");
    state.select_word_at(text, 0);
    assert_eq!(state.selected_text(text), "(");
    state.select_word_at(text, 8);
    assert_eq!(state.selected_text(text), "120");
    // The caret at the start of an Arabic paragraph is at its right edge.
    let caret = layout.caret(0, Affinity::Downstream);
    assert!(caret.x > 390.0, "{caret:?}");
}

#[test]
fn a_trailing_newline_makes_a_last_empty_line() {
    let mut text = "سطر\n".to_string();
    let mut state = EditState::new(&text, true);
    assert_eq!(state.selection(), Selection::caret(4));
    let layout = layout(&text);
    let caret = layout.caret(4, state.affinity());
    assert!(caret.top > 0.0, "the caret is on the second line: {caret:?}");
    press(&mut state, &text, Motion::Up, false, 1);
    assert!(state.selection().cursor <= 3, "up goes to the first line: {:?}", state.selection());
    press(&mut state, &text, Motion::TextEnd, false, 1);
    state.backspace(&mut text, false);
    assert_eq!(text, "سطر");
    // A one-line field turns a newline into a space.
    let mut one = String::new();
    let mut single = EditState::new(&one, false);
    single.insert(&mut one, "أ\nب");
    assert_eq!(one, "أ ب");
}

#[test]
fn harakat_go_with_their_letter() {
    let mut text = "بِسْمِ".to_string();
    let mut state = EditState::new(&text, false);
    state.backspace(&mut text, false);
    assert_eq!(text, "بِسْ", "meem and its kasra go together");
    state.place(0, Affinity::Downstream, false);
    state.delete(&mut text, false);
    assert_eq!(text, "سْ");
    let mut state = at("بِسْمِ", 0, false);
    press(&mut state, "بِسْمِ", Motion::Left, false, 1);
    assert_eq!(state.selection().cursor, 2, "the caret never stands between a letter and its haraka");
    // A caret put between them from outside is moved to a boundary.
    let mut inside = at("بِسْمِ", 1, false);
    inside.clamp("بِسْمِ");
    assert_eq!(inside.selection().cursor, 2);
}

#[test]
fn a_mixed_paste_is_kept_exactly_and_undone_in_one_step() {
    let pasted = "راجعت المصدر 3 مرات عبر BBC قبل 12 يوما";
    let mut text = String::new();
    let mut state = EditState::new(&text, true);
    state.insert(&mut text, pasted);
    assert_eq!(text, pasted);
    assert_eq!(state.selection(), Selection::caret(pasted.chars().count()));
    // Paste over a selection replaces it.
    state.select_word_at(&text, 25);
    assert_eq!(state.selected_text(&text), "BBC");
    state.insert(&mut text, "الجزيرة");
    assert_eq!(text, "راجعت المصدر 3 مرات عبر الجزيرة قبل 12 يوما");
    assert!(state.undo(&mut text));
    assert_eq!(text, pasted);
    assert!(state.undo(&mut text));
    assert_eq!(text, "");
    assert!(state.redo(&mut text));
    assert_eq!(text, pasted);
    // Windows line ends become plain newlines.
    let mut crlf = String::new();
    EditState::new(&crlf, true).insert(&mut crlf, "أ\r\nب");
    assert_eq!(crlf, "أ\nب");
}

#[test]
fn typed_letters_are_one_undo_step_and_cut_takes_the_selection() {
    let mut text = String::new();
    let mut state = EditState::new(&text, false);
    for letter in ["م", "ر", "ح", "ب", "ا"] {
        state.insert(&mut text, letter);
    }
    assert_eq!(text, "مرحبا");
    state.select_all(&text);
    assert_eq!(state.cut(&mut text).as_deref(), Some("مرحبا"));
    assert_eq!(text, "");
    assert!(state.undo(&mut text));
    assert_eq!(text, "مرحبا");
    assert!(state.undo(&mut text));
    assert_eq!(text, "", "the five letters were one step");
    assert!(!state.undo(&mut text));
}

#[test]
fn an_input_method_composes_in_place() {
    let mut text = "قال ".to_string();
    let mut state = EditState::new(&text, false);
    state.preedit_text(&mut text, "ن");
    assert_eq!(text, "قال ن");
    assert_eq!(state.preedit(), Some(CharRange::new(4, 5)));
    state.preedit_text(&mut text, "نع");
    assert_eq!(text, "قال نع");
    state.commit(&mut text, "نعم");
    assert_eq!(text, "قال نعم");
    assert_eq!(state.preedit(), None);
    assert_eq!(state.selection(), Selection::caret(7));
    state.delete_surrounding(&mut text, 3, 0);
    assert_eq!(text, "قال ");
}

#[test]
fn triple_click_selects_the_paragraph_and_home_end_the_line() {
    let text = "أول\nثاني سطر";
    let mut state = EditState::new(text, true);
    state.select_paragraph_at(text, 6);
    assert_eq!(state.selected_text(text), "ثاني سطر");
    let mut state = at(text, 6, true);
    press(&mut state, text, Motion::LineStart, false, 1);
    assert_eq!(state.selection().cursor, 4);
    press(&mut state, text, Motion::LineEnd, false, 1);
    assert_eq!(state.selection().cursor, 12);
    press(&mut state, text, Motion::TextStart, true, 1);
    assert_eq!(state.selection().range(), CharRange::new(0, 12));
}
