//! The editing model of a text field: caret and selection, typing, deleting, moving,
//! undo and redo, IME composition. Pure: the window's field widget feeds it events and
//! draws what it says through the same engine as the document view.
//!
//! Offsets are code points into the field's text. The caret stops only at grapheme
//! boundaries, so Backspace and Delete take a letter with its harakat as one. Arrow keys
//! move logically, one grapheme at a time, in the direction of the paragraph they are in
//! (Left moves forward through an Arabic paragraph): every place in the text is reached by
//! one key press each, and a Shift+arrow selection is always one logical range, which is
//! what a span of a note or a name is. Up, Down, Home and End work on the laid-out lines.

use super::segment::grapheme_boundaries;
use super::{Affinity, DocLayout};
use crate::offsets::CharRange;
use unicode_segmentation::UnicodeSegmentation;

#[cfg(test)]
mod tests;

/// The selection: `anchor` stays where it began, `cursor` moves. Empty when equal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    pub anchor: usize,
    pub cursor: usize,
}

impl Selection {
    /// A caret at `at`.
    pub fn caret(at: usize) -> Self {
        Self { anchor: at, cursor: at }
    }

    /// The selected range, start before end.
    pub fn range(&self) -> CharRange {
        CharRange::new(self.anchor.min(self.cursor), self.anchor.max(self.cursor))
    }

    pub fn is_empty(&self) -> bool {
        self.anchor == self.cursor
    }
}

/// Where a key moves the caret.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    /// The Left arrow: backward in a left-to-right paragraph, forward in an Arabic one.
    Left,
    Right,
    /// Ctrl+Left and Ctrl+Right: by word, in the same directions.
    WordLeft,
    WordRight,
    Up,
    Down,
    /// Home and End: the ends of the laid-out line.
    LineStart,
    LineEnd,
    /// Ctrl+Home and Ctrl+End.
    TextStart,
    TextEnd,
}

/// Which kind of change the last undo step holds, so that typing letter after letter is
/// one step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Typing,
    Deleting,
    Other,
}

/// One state to go back to.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Snapshot {
    text: String,
    selection: Selection,
}

/// The editing state of one field between frames.
#[derive(Clone, Debug, PartialEq)]
pub struct EditState {
    selection: Selection,
    /// Which line a caret at a line break is drawn on.
    affinity: Affinity,
    /// Whether the field takes several lines (a newline typed or pasted stays one).
    multiline: bool,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    last_step: Option<Step>,
    /// The text being composed by an input method, shown in place until committed.
    preedit: Option<CharRange>,
    /// The x the caret keeps while moving up and down.
    goal_x: Option<f32>,
}

/// Undo steps kept per field.
const UNDO_LIMIT: usize = 200;

impl EditState {
    /// A state with the caret at the end of `text`.
    pub fn new(text: &str, multiline: bool) -> Self {
        let end = text.chars().count();
        Self {
            selection: Selection::caret(end),
            affinity: Affinity::Downstream,
            multiline,
            undo: Vec::new(),
            redo: Vec::new(),
            last_step: None,
            preedit: None,
            goal_x: None,
        }
    }

    pub fn selection(&self) -> Selection {
        self.selection
    }

    pub fn affinity(&self) -> Affinity {
        self.affinity
    }

    /// The range an input method is composing, if any.
    pub fn preedit(&self) -> Option<CharRange> {
        self.preedit
    }

    /// Keeps the selection inside `text` and on grapheme boundaries (the text may have been
    /// changed from outside the field).
    pub fn clamp(&mut self, text: &str) {
        let bounds = grapheme_boundaries(text);
        let snap = |at: usize| {
            let i = bounds.partition_point(|&b| b < at);
            bounds.get(i).or(bounds.last()).copied().unwrap_or(0)
        };
        self.selection =
            Selection { anchor: snap(self.selection.anchor), cursor: snap(self.selection.cursor) };
        if self.preedit.is_some_and(|r| r.end.0 > bounds.last().copied().unwrap_or(0)) {
            self.preedit = None;
        }
    }

    /// Puts the caret at `at` (a click), or moves the selection's end there (Shift+click, a drag).
    pub fn place(&mut self, at: usize, affinity: Affinity, extend: bool) {
        self.selection =
            if extend { Selection { cursor: at, ..self.selection } } else { Selection::caret(at) };
        self.affinity = affinity;
        self.goal_x = None;
        self.last_step = None;
    }

    /// Selects `range` with the caret at its end.
    pub fn select(&mut self, range: CharRange) {
        self.selection = Selection { anchor: range.start.0, cursor: range.end.0 };
        self.affinity = Affinity::Upstream;
        self.goal_x = None;
    }

    /// Selects everything.
    pub fn select_all(&mut self, text: &str) {
        self.select(CharRange::new(0, text.chars().count()));
    }

    /// Selects the word (or the run of spaces, or the mark) at `at` (a double click).
    pub fn select_word_at(&mut self, text: &str, at: usize) {
        let len = text.chars().count();
        let probe = if at >= len { at.saturating_sub(1) } else { at };
        let range = super::word_at(text, probe).unwrap_or(CharRange::new(at.min(len), at.min(len)));
        self.select(range);
    }

    /// Selects the paragraph at `at`, without its newline (a triple click).
    pub fn select_paragraph_at(&mut self, text: &str, at: usize) {
        let mut start = 0;
        for para in text.split('\n') {
            let end = start + para.chars().count();
            if at <= end {
                self.select(CharRange::new(start, end));
                return;
            }
            start = end + 1;
        }
    }

    /// The selected text.
    pub fn selected_text<'t>(&self, text: &'t str) -> &'t str {
        let range = self.selection.range();
        crate::offsets::slice_chars(text, range).unwrap_or("")
    }

    /// Replaces the selection with `input` (typing, a paste). In a one-line field newlines
    /// become spaces; control characters other than newline and tab are dropped.
    pub fn insert(&mut self, text: &mut String, input: &str) {
        let clean = self.clean(input);
        if clean.is_empty() && self.selection.is_empty() {
            return;
        }
        let typing = self.selection.is_empty() && clean.chars().count() == 1;
        self.checkpoint(text, if typing { Step::Typing } else { Step::Other });
        self.replace(text, self.selection.range(), &clean);
    }

    /// What `input` becomes in this field.
    fn clean(&self, input: &str) -> String {
        let input = input.replace("\r\n", "\n");
        input
            .chars()
            .filter_map(|c| match c {
                '\n' | '\r' if !self.multiline => Some(' '),
                '\n' | '\t' => Some(c),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect()
    }

    /// Deletes the selection, or the grapheme before the caret (Backspace), or the word
    /// before it (`word`: Ctrl+Backspace).
    pub fn backspace(&mut self, text: &mut String, word: bool) {
        let at = self.selection.cursor;
        let from = if word { word_before(text, at) } else { prev_boundary(text, at) };
        self.delete_to(text, from);
    }

    /// Deletes the selection, or the grapheme after the caret (Delete), or up to the end of
    /// the word after it (`word`: Ctrl+Delete).
    pub fn delete(&mut self, text: &mut String, word: bool) {
        let at = self.selection.cursor;
        let to = if word { word_after(text, at) } else { next_boundary(text, at) };
        self.delete_to(text, to);
    }

    fn delete_to(&mut self, text: &mut String, other: usize) {
        let range = if self.selection.is_empty() {
            let at = self.selection.cursor;
            CharRange::new(at.min(other), at.max(other))
        } else {
            self.selection.range()
        };
        if range.is_empty() {
            return;
        }
        self.checkpoint(text, Step::Deleting);
        self.replace(text, range, "");
    }

    /// Cuts the selection: returns its text (for the clipboard) and deletes it.
    pub fn cut(&mut self, text: &mut String) -> Option<String> {
        if self.selection.is_empty() {
            return None;
        }
        let cut = self.selected_text(text).to_string();
        self.checkpoint(text, Step::Other);
        self.replace(text, self.selection.range(), "");
        Some(cut)
    }

    /// Shows `composing` in place of the selection (or of the text composed so far).
    pub fn preedit_text(&mut self, text: &mut String, composing: &str) {
        if self.preedit.is_none() {
            if composing.is_empty() {
                return;
            }
            self.checkpoint(text, Step::Other);
        }
        let range = self.preedit.unwrap_or(self.selection.range());
        let start = range.start.0;
        self.replace(text, range, composing);
        let len = composing.chars().count();
        self.preedit = (len > 0).then(|| CharRange::new(start, start + len));
    }

    /// The input method's final text replaces what it was composing.
    pub fn commit(&mut self, text: &mut String, committed: &str) {
        match self.preedit.take() {
            Some(range) => self.replace(text, range, &self.clean(committed)),
            None => self.insert(text, committed),
        }
        self.last_step = Some(Step::Other);
    }

    /// Deletes `before` graphemes before the caret and `after` after it (an input method
    /// asking to replace the surrounding text).
    pub fn delete_surrounding(&mut self, text: &mut String, before: usize, after: usize) {
        let at = self.selection.cursor;
        let (mut from, mut to) = (at, at);
        for _ in 0..before {
            from = prev_boundary(text, from);
        }
        for _ in 0..after {
            to = next_boundary(text, to);
        }
        if from < to {
            self.checkpoint(text, Step::Other);
            self.replace(text, CharRange::new(from, to), "");
        }
    }

    /// Replaces `range` with `with` and puts the caret after it.
    fn replace(&mut self, text: &mut String, range: CharRange, with: &str) {
        let (Some(a), Some(b)) = (byte_of(text, range.start.0), byte_of(text, range.end.0)) else {
            return;
        };
        text.replace_range(a..b, with);
        let at = range.start.0 + with.chars().count();
        self.selection = Selection::caret(at);
        self.affinity = Affinity::Downstream;
        self.goal_x = None;
    }

    /// Keeps the state before a change for undo; letters typed one after the other (and
    /// graphemes deleted one after the other) are one step.
    fn checkpoint(&mut self, text: &str, step: Step) {
        let merge = step != Step::Other && self.last_step == Some(step);
        if !merge {
            self.undo.push(Snapshot { text: text.to_string(), selection: self.selection });
            if self.undo.len() > UNDO_LIMIT {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.last_step = Some(step);
    }

    /// Goes back one step; returns whether there was one.
    pub fn undo(&mut self, text: &mut String) -> bool {
        let Some(snapshot) = self.undo.pop() else { return false };
        self.redo.push(Snapshot { text: std::mem::replace(text, snapshot.text), selection: self.selection });
        self.restored(snapshot.selection);
        true
    }

    /// Goes forward one undone step; returns whether there was one.
    pub fn redo(&mut self, text: &mut String) -> bool {
        let Some(snapshot) = self.redo.pop() else { return false };
        self.undo.push(Snapshot { text: std::mem::replace(text, snapshot.text), selection: self.selection });
        self.restored(snapshot.selection);
        true
    }

    fn restored(&mut self, selection: Selection) {
        self.selection = selection;
        self.last_step = None;
        self.preedit = None;
        self.goal_x = None;
    }

    /// Moves the caret (`extend`: the selection's end, with Shift). `layout` is the field's
    /// text as laid out, for the paragraph's direction and the lines.
    pub fn move_caret(&mut self, text: &str, layout: &DocLayout, motion: Motion, extend: bool) {
        self.last_step = None;
        let sel = self.selection;
        let rtl = paragraph_rtl(layout, sel.cursor);
        // Without Shift, an arrow on a selection goes to the selection's end on that side.
        if !extend && !sel.is_empty() && matches!(motion, Motion::Left | Motion::Right) {
            let forward = (motion == Motion::Right) != rtl;
            let range = sel.range();
            let at = if forward { range.end.0 } else { range.start.0 };
            self.selection = Selection::caret(at);
            self.goal_x = None;
            return;
        }
        let (at, affinity) = match motion {
            Motion::Left | Motion::Right => {
                let forward = (motion == Motion::Right) != rtl;
                let at =
                    if forward { next_boundary(text, sel.cursor) } else { prev_boundary(text, sel.cursor) };
                (at, Affinity::Downstream)
            }
            Motion::WordLeft | Motion::WordRight => {
                let forward = (motion == Motion::WordRight) != rtl;
                let at = if forward { word_after(text, sel.cursor) } else { word_before(text, sel.cursor) };
                (at, Affinity::Downstream)
            }
            Motion::Up | Motion::Down => return self.move_vertically(layout, motion == Motion::Down, extend),
            Motion::LineStart | Motion::LineEnd => self.line_end(layout, motion == Motion::LineEnd),
            Motion::TextStart => (0, Affinity::Downstream),
            Motion::TextEnd => (text.chars().count(), Affinity::Downstream),
        };
        self.goal_x = None;
        self.affinity = affinity;
        self.selection = if extend { Selection { cursor: at, ..sel } } else { Selection::caret(at) };
    }

    /// The start or end of the laid-out line the caret is on.
    fn line_end(&self, layout: &DocLayout, end: bool) -> (usize, Affinity) {
        let at = self.selection.cursor;
        let index = layout.paragraph_of(at);
        let Some(p) = layout.paragraphs.get(index) else { return (at, self.affinity) };
        let caret = p.layout.caret(at.saturating_sub(p.start), self.affinity);
        let Some(line) = p.layout.lines.get(caret.line) else { return (at, self.affinity) };
        let last = caret.line + 1 == p.layout.lines.len();
        if end {
            // A wrapped line ends before its trailing space, on the same line.
            let mut stop = line.range.end.0;
            if !last && stop > line.range.start.0 {
                stop -= 1;
            }
            (p.start + stop, Affinity::Upstream)
        } else {
            (p.start + line.range.start.0, Affinity::Downstream)
        }
    }

    fn move_vertically(&mut self, layout: &DocLayout, down: bool, extend: bool) {
        let caret = layout.caret(self.selection.cursor, self.affinity);
        let x = *self.goal_x.get_or_insert(caret.x);
        let y = if down { caret.top + caret.height * 1.5 } else { caret.top - caret.height * 0.5 };
        let (at, affinity) = if y < 0.0 {
            (0, Affinity::Downstream)
        } else if y >= layout.height {
            let end = layout.paragraphs.last().map_or(0, |p| p.range().end.0);
            (end, Affinity::Downstream)
        } else {
            let hit = layout.hit_test(x, y);
            (hit.offset, hit.affinity)
        };
        self.affinity = affinity;
        self.selection =
            if extend { Selection { cursor: at, ..self.selection } } else { Selection::caret(at) };
    }
}

/// Whether the paragraph holding `at` reads right to left.
fn paragraph_rtl(layout: &DocLayout, at: usize) -> bool {
    layout.paragraphs.get(layout.paragraph_of(at)).is_some_and(|p| p.layout.rtl)
}

/// The byte index of code point `at` (the length at the end).
fn byte_of(text: &str, at: usize) -> Option<usize> {
    if at == 0 {
        return Some(0);
    }
    text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).nth(at)
}

/// The grapheme boundary after `at` (the end when there is none).
pub fn next_boundary(text: &str, at: usize) -> usize {
    super::next_grapheme(text, at)
}

/// The grapheme boundary before `at` (0 when there is none).
pub fn prev_boundary(text: &str, at: usize) -> usize {
    super::prev_grapheme(text, at)
}

/// Word-bound segments of `text` as code point ranges, with whether each is a word.
fn words(text: &str) -> Vec<CharRange> {
    let mut offset = 0;
    let mut out = Vec::new();
    for seg in text.split_word_bounds() {
        let len = seg.chars().count();
        if seg.chars().any(char::is_alphanumeric) {
            out.push(CharRange::new(offset, offset + len));
        }
        offset += len;
    }
    out
}

/// The end of the word at or after `at` (the end of the text when there is none).
pub fn word_after(text: &str, at: usize) -> usize {
    words(text).into_iter().find(|w| w.end.0 > at).map_or_else(|| text.chars().count(), |w| w.end.0)
}

/// The start of the word before `at` (0 when there is none).
pub fn word_before(text: &str, at: usize) -> usize {
    words(text).into_iter().rev().find(|w| w.start.0 < at).map_or(0, |w| w.start.0)
}
