//! Line breaking per UAX #14 on logical text, measured with shaped advances.
//!
//! A word wider than the line is broken at grapheme boundaries, so a letter is never
//! parted from its harakat.

use std::ops::Range;
use unicode_linebreak::{BreakClass, BreakOpportunity, break_property, linebreaks};

/// Characters that must stay with the one before them, even after a space.
fn is_mark_or_joiner(c: char) -> bool {
    matches!(
        break_property(c as u32),
        BreakClass::CombiningMark | BreakClass::ZeroWidthJoiner | BreakClass::WordJoiner
    )
}
use unicode_segmentation::UnicodeSegmentation;

/// Widths of logical character ranges, from per-character advances.
pub(crate) struct Advances {
    /// `prefix[i]` is the advance of characters `0..i`.
    prefix: Vec<f32>,
}

impl Advances {
    /// `per_char[i]` is the advance of the cluster starting at character `i` (0 inside clusters).
    pub fn new(per_char: &[f32]) -> Self {
        let mut prefix = Vec::with_capacity(per_char.len() + 1);
        let mut sum = 0.0;
        prefix.push(0.0);
        for &a in per_char {
            sum += a;
            prefix.push(sum);
        }
        Self { prefix }
    }

    pub fn width(&self, range: Range<usize>) -> f32 {
        let end = self.prefix.get(range.end).copied().unwrap_or(0.0);
        let start = self.prefix.get(range.start).copied().unwrap_or(0.0);
        end - start
    }
}

/// End of `start..end` without its trailing whitespace.
pub(crate) fn trim_end(chars: &[char], start: usize, mut end: usize) -> usize {
    while end > start && chars.get(end - 1).is_some_and(|c| c.is_whitespace()) {
        end -= 1;
    }
    end
}

/// Breaks a paragraph into logical line ranges that fit `width` where possible.
/// `byte_of[i]` is the byte offset of character `i`, with the text length at the end.
pub(crate) fn break_lines(
    text: &str,
    chars: &[char],
    byte_of: &[usize],
    advances: &Advances,
    width: f32,
) -> Vec<Range<usize>> {
    let n = chars.len();
    let char_at_byte = |b: usize| byte_of.binary_search(&b).unwrap_or_else(|i| i);
    let fits = |s: usize, e: usize| advances.width(s..trim_end(chars, s, e)) <= width + 0.01;
    let mut lines = Vec::new();
    let mut start = 0;
    let mut last_fit: Option<usize> = None;
    for (pos, kind) in opportunities(text, chars, &char_at_byte) {
        let pos = pos.min(n);
        if pos <= start {
            continue;
        }
        if !fits(start, pos) {
            if let Some(b) = last_fit.take() {
                lines.push(start..b);
                start = b;
            }
            if !fits(start, pos) {
                start = split_long_word(text, chars, byte_of, advances, width, start, pos, &mut lines);
            }
        }
        last_fit = Some(pos);
        if kind == BreakOpportunity::Mandatory {
            lines.push(start..pos);
            start = pos;
            last_fit = None;
        }
    }
    if start < n || lines.is_empty() {
        lines.push(start..n);
    }
    lines
}

/// Break opportunities as code point offsets, ascending: UAX #14's, plus one after every
/// run of spaces, as browsers do (Blink breaks after any space run, so `( مصدر` and
/// `"..." [` may wrap after their spaces where UAX #14 rules LB14 and LB15 forbid it).
fn opportunities(
    text: &str,
    chars: &[char],
    char_at_byte: &dyn Fn(usize) -> usize,
) -> Vec<(usize, BreakOpportunity)> {
    let mut out: Vec<(usize, BreakOpportunity)> =
        linebreaks(text).map(|(byte, kind)| (char_at_byte(byte), kind)).collect();
    let extra: Vec<usize> = (1..chars.len())
        .filter(|&i| {
            chars.get(i - 1) == Some(&' ') && chars.get(i).is_some_and(|&c| c != ' ' && !is_mark_or_joiner(c))
        })
        .collect();
    if !extra.is_empty() {
        out.extend(extra.into_iter().map(|i| (i, BreakOpportunity::Allowed)));
        out.sort_by_key(|&(i, kind)| (i, kind == BreakOpportunity::Allowed));
        out.dedup_by_key(|&mut (i, _)| i);
    }
    out
}

/// Pushes lines for `start..end` broken at grapheme boundaries and returns the start of
/// the remainder, which fits.
#[allow(clippy::too_many_arguments)]
fn split_long_word(
    text: &str,
    chars: &[char],
    byte_of: &[usize],
    advances: &Advances,
    width: f32,
    mut start: usize,
    end: usize,
    lines: &mut Vec<Range<usize>>,
) -> usize {
    let (Some(&b0), Some(&b1)) = (byte_of.get(start), byte_of.get(end)) else {
        return start;
    };
    let Some(piece) = text.get(b0..b1) else {
        return start;
    };
    let mut offset = start;
    let mut stops = Vec::new();
    for g in piece.graphemes(true) {
        offset += g.chars().count();
        stops.push(offset);
    }
    let mut last_fit: Option<usize> = None;
    for stop in stops {
        if advances.width(start..trim_end(chars, start, stop)) <= width + 0.01 {
            last_fit = Some(stop);
            continue;
        }
        // The grapheme does not fit: end the line before it, or after it when alone.
        let cut = last_fit.unwrap_or(stop);
        lines.push(start..cut);
        start = cut;
        last_fit = (stop > cut).then_some(stop);
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    fn break_fixed(text: &str, width: f32) -> Vec<Range<usize>> {
        let chars: Vec<char> = text.chars().collect();
        let mut byte_of: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        byte_of.push(text.len());
        let advances = Advances::new(&vec![10.0; chars.len()]);
        break_lines(text, &chars, &byte_of, &advances, width)
    }

    #[test]
    fn breaks_after_spaces_and_hangs_them() {
        // "aaa bbb ccc": each word is 30 px; a line of 70 px holds two words.
        assert_eq!(break_fixed("aaa bbb ccc", 70.0), vec![0..8, 8..11]);
        assert_eq!(break_fixed("aaa bbb ccc", 200.0), vec![0..11]);
    }

    #[test]
    fn long_words_break_at_graphemes() {
        assert_eq!(break_fixed("abcdef", 25.0), vec![0..2, 2..4, 4..6]);
        // A letter with a haraka is one grapheme and stays whole.
        assert_eq!(break_fixed("بَبَ", 25.0), vec![0..2, 2..4]);
    }

    #[test]
    fn a_bracket_after_a_quote_may_start_a_line() {
        // `"ab" [cd]`: 4 + 1 + 4 characters; 60 px hold the quote but not the bracket.
        assert_eq!(break_fixed("\"ab\" [cd]", 60.0), vec![0..5, 5..9]);
    }

    #[test]
    fn an_opening_bracket_and_space_may_end_a_line() {
        // `ab ( cd )`: a browser may break after `( `, which UAX #14 forbids.
        assert_eq!(break_fixed("ab ( cd )", 45.0), vec![0..5, 5..9]);
    }

    #[test]
    fn empty_text_has_one_line() {
        assert_eq!(break_fixed("", 100.0), vec![0..0]);
    }
}
