//! Word and grapheme boundaries for caret movement and selection snapping.
//!
//! Pure functions over a text and code point offsets into it (the widget passes one
//! paragraph and paragraph-relative offsets). Words follow UAX #29: an Arabic word keeps
//! its harakat, and `120كم` is one word. Graphemes never part a letter from its harakat.

use crate::offsets::CharRange;
use unicode_segmentation::UnicodeSegmentation;

/// Every grapheme boundary of `text` as a code point offset, `0` and the length included.
pub fn grapheme_boundaries(text: &str) -> Vec<usize> {
    let mut out = vec![0];
    let mut offset = 0;
    for g in text.graphemes(true) {
        offset += g.chars().count();
        out.push(offset);
    }
    out
}

/// The next grapheme boundary after `at` (the length when there is none).
pub fn next_grapheme(text: &str, at: usize) -> usize {
    let bounds = grapheme_boundaries(text);
    let i = bounds.partition_point(|&b| b <= at);
    bounds.get(i).or(bounds.last()).copied().unwrap_or(0)
}

/// The grapheme boundary before `at` (0 when there is none).
pub fn prev_grapheme(text: &str, at: usize) -> usize {
    let bounds = grapheme_boundaries(text);
    let i = bounds.partition_point(|&b| b < at);
    i.checked_sub(1).and_then(|i| bounds.get(i)).copied().unwrap_or(0)
}

/// Word-bound segments of `text` as code point ranges, with whether each is a word
/// (has a letter or digit) rather than spaces or punctuation.
fn segments(text: &str) -> impl Iterator<Item = (CharRange, bool)> + '_ {
    let mut offset = 0;
    text.split_word_bounds().map(move |seg| {
        let len = seg.chars().count();
        let range = CharRange::new(offset, offset + len);
        offset += len;
        (range, seg.chars().any(char::is_alphanumeric))
    })
}

/// The word-bound segment holding code point `at` (a word, a run of spaces, or a
/// punctuation mark); `None` past the end.
pub fn word_at(text: &str, at: usize) -> Option<CharRange> {
    segments(text).map(|(r, _)| r).find(|r| r.start.0 <= at && at < r.end.0)
}

/// `range` grown to whole words at both ends (for drag selection). Spaces and punctuation
/// at the edges are dropped unless the range holds nothing else.
pub fn snap_to_words(text: &str, range: CharRange) -> CharRange {
    let (mut start, mut end) = (range.start.0, range.end.0);
    let mut first_word: Option<CharRange> = None;
    let mut last_word: Option<CharRange> = None;
    for (seg, is_word) in segments(text) {
        if seg.end.0 <= range.start.0 {
            continue;
        }
        if seg.start.0 >= range.end.0.max(range.start.0 + 1) {
            break;
        }
        if seg.start.0 <= range.start.0 {
            start = seg.start.0;
        }
        end = end.max(seg.end.0);
        if is_word {
            first_word.get_or_insert(seg);
            last_word = Some(seg);
        }
    }
    match (first_word, last_word) {
        (Some(a), Some(b)) => CharRange { start: a.start, end: b.end },
        _ => CharRange::new(start, end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn harakat_stay_in_their_grapheme() {
        // بِسْمِ: three letters, each with a haraka.
        assert_eq!(grapheme_boundaries("بِسْمِ"), vec![0, 2, 4, 6]);
        assert_eq!(next_grapheme("بِسْمِ", 0), 2);
        assert_eq!(prev_grapheme("بِسْمِ", 4), 2);
        assert_eq!(next_grapheme("بِسْمِ", 6), 6);
    }

    #[test]
    fn an_arabic_word_with_harakat_and_shadda_is_one_word() {
        let text = "قال مُحَمَّدٌ اليوم";
        assert_eq!(word_at(text, 6), Some(CharRange::new(4, 13)));
    }

    #[test]
    fn digits_stuck_to_letters_follow_the_segmenter() {
        // UAX #29 keeps digits and letters together: 120كم is one word.
        assert_eq!(word_at("مسافة 120كم فقط", 7), Some(CharRange::new(6, 11)));
    }

    #[test]
    fn drag_snaps_to_whole_words_without_edge_spaces() {
        let text = "قتل 25 شخصاً اليوم";
        // From inside قتل to inside شخصاً.
        assert_eq!(snap_to_words(text, CharRange::new(1, 9)), CharRange::new(0, 12));
        // Starting on a space moves to the next word.
        assert_eq!(snap_to_words(text, CharRange::new(3, 5)), CharRange::new(4, 6));
    }
}
