//! Typed offsets into document text and the conversions between them. Shared by the
//! model (spans) and the text engine (layout, hit-testing), which knows nothing else of
//! projects.
//!
//! Spans are stored as code-point offsets ([`CharOffset`]); Rust strings are indexed
//! by bytes ([`ByteOffset`]). The helpers here convert between the two and check
//! ranges without ever panicking on bad input.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An offset counted in Unicode code points (Python `str` indices).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CharOffset(pub usize);

/// An offset counted in UTF-8 bytes (Rust `str` indices).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ByteOffset(pub usize);

impl fmt::Display for CharOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A half-open range `start..end` of code points.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CharRange {
    pub start: CharOffset,
    pub end: CharOffset,
}

impl CharRange {
    pub fn new(start: usize, end: usize) -> Self {
        Self { start: CharOffset(start), end: CharOffset(end) }
    }

    /// Number of code points covered (0 for an empty or reversed range).
    pub fn len(&self) -> usize {
        self.end.0.saturating_sub(self.start.0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the two ranges share at least one code point.
    pub fn overlaps(&self, other: &CharRange) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn contains(&self, offset: CharOffset) -> bool {
        self.start <= offset && offset < self.end
    }

    /// Checks that the range is non-empty, ordered and lies within a text of `len` code points.
    pub fn check(&self, len: usize) -> Result<(), OffsetError> {
        if self.start > self.end {
            return Err(OffsetError::Reversed { start: self.start.0, end: self.end.0 });
        }
        if self.end.0 > len {
            return Err(OffsetError::OutOfBounds { end: self.end.0, len });
        }
        if self.start == self.end {
            return Err(OffsetError::Empty { at: self.start.0 });
        }
        Ok(())
    }
}

impl fmt::Display for CharRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start.0, self.end.0)
    }
}

/// Why a range does not fit a text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OffsetError {
    #[error("range {start}..{end} ends before it starts")]
    Reversed { start: usize, end: usize },
    #[error("range ends at {end}, past the end of the text ({len} code points)")]
    OutOfBounds { end: usize, len: usize },
    #[error("range at {at} is empty")]
    Empty { at: usize },
    #[error("byte offset {0} is not on a character boundary")]
    NotCharBoundary(usize),
}

/// Number of code points in `text`.
pub fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// Byte offset of code point `offset`; `offset == char_len` gives `text.len()`.
pub fn char_to_byte(text: &str, offset: CharOffset) -> Option<ByteOffset> {
    if offset.0 == 0 {
        return Some(ByteOffset(0));
    }
    match text.char_indices().nth(offset.0) {
        Some((byte, _)) => Some(ByteOffset(byte)),
        None if char_len(text) == offset.0 => Some(ByteOffset(text.len())),
        None => None,
    }
}

/// Code point offset of byte `offset`, or an error when it falls inside a character.
pub fn byte_to_char(text: &str, offset: ByteOffset) -> Result<CharOffset, OffsetError> {
    let Some(head) = text.get(..offset.0) else {
        return Err(OffsetError::NotCharBoundary(offset.0));
    };
    Ok(CharOffset(char_len(head)))
}

/// The text of a code-point range, after checking it.
pub fn slice_chars(text: &str, range: CharRange) -> Result<&str, OffsetError> {
    range.check(char_len(text))?;
    let (Some(start), Some(end)) = (char_to_byte(text, range.start), char_to_byte(text, range.end)) else {
        return Err(OffsetError::OutOfBounds { end: range.end.0, len: char_len(text) });
    };
    text.get(start.0..end.0).ok_or(OffsetError::NotCharBoundary(start.0))
}

/// A precomputed code point -> byte table for one text, for O(1) conversions on
/// long documents.
#[derive(Clone, Debug, Default)]
pub struct CharIndex {
    /// Byte offset of every code point, plus `text.len()` at the end.
    bytes: Vec<usize>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        Self { bytes }
    }

    /// Number of code points in the indexed text.
    pub fn char_len(&self) -> usize {
        self.bytes.len().saturating_sub(1)
    }

    pub fn to_byte(&self, offset: CharOffset) -> Option<ByteOffset> {
        self.bytes.get(offset.0).copied().map(ByteOffset)
    }

    /// Code point offset of a byte offset that lies on a character boundary.
    pub fn to_char(&self, offset: ByteOffset) -> Result<CharOffset, OffsetError> {
        self.bytes
            .binary_search(&offset.0)
            .map(CharOffset)
            .map_err(|_| OffsetError::NotCharBoundary(offset.0))
    }

    /// The text of `range` within `text` (which must be the indexed text).
    pub fn slice<'t>(&self, text: &'t str, range: CharRange) -> Result<&'t str, OffsetError> {
        range.check(self.char_len())?;
        let (Some(start), Some(end)) = (self.to_byte(range.start), self.to_byte(range.end)) else {
            return Err(OffsetError::OutOfBounds { end: range.end.0, len: self.char_len() });
        };
        text.get(start.0..end.0).ok_or(OffsetError::NotCharBoundary(start.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // "مسلّحين" has a shadda (U+0651) after the lam: 7 code points, 14 bytes.
    const WORD: &str = "مسلّحين";

    #[test]
    fn arabic_with_harakat_counts_code_points() {
        assert_eq!(char_len(WORD), 7);
        assert_eq!(WORD.len(), 14);
        assert_eq!(char_to_byte(WORD, CharOffset(4)), Some(ByteOffset(8)));
        assert_eq!(byte_to_char(WORD, ByteOffset(8)), Ok(CharOffset(4)));
        assert_eq!(byte_to_char(WORD, ByteOffset(7)), Err(OffsetError::NotCharBoundary(7)));
    }

    #[test]
    fn slices_mixed_scripts_and_emoji() {
        let text = "قال ريان ديلون (Ryan Dillon) 👍 إن 120كم";
        let idx = CharIndex::new(text);
        assert_eq!(idx.char_len(), char_len(text));
        let start = text.chars().position(|c| c == 'R').unwrap_or_default();
        let range = CharRange::new(start, start + 11);
        assert_eq!(slice_chars(text, range), Ok("Ryan Dillon"));
        assert_eq!(idx.slice(text, range), Ok("Ryan Dillon"));
        let emoji = text.chars().position(|c| c == '👍').unwrap_or_default();
        assert_eq!(slice_chars(text, CharRange::new(emoji, emoji + 1)), Ok("👍"));
        assert_eq!(idx.to_char(ByteOffset(text.len())), Ok(CharOffset(idx.char_len())));
    }

    #[test]
    fn combining_marks_are_their_own_code_points() {
        // A letter with fatha and shadda is three code points; a span may cover all of them.
        let text = "شَدّ";
        assert_eq!(char_len(text), 4);
        assert_eq!(slice_chars(text, CharRange::new(0, 2)), Ok("شَ"));
    }

    #[test]
    fn bad_ranges_are_errors_not_panics() {
        let text = "سوريا";
        assert_eq!(slice_chars(text, CharRange::new(3, 2)), Err(OffsetError::Reversed { start: 3, end: 2 }));
        assert_eq!(slice_chars(text, CharRange::new(2, 9)), Err(OffsetError::OutOfBounds { end: 9, len: 5 }));
        assert_eq!(slice_chars(text, CharRange::new(2, 2)), Err(OffsetError::Empty { at: 2 }));
        assert_eq!(char_to_byte(text, CharOffset(6)), None);
        assert_eq!(char_to_byte(text, CharOffset(5)), Some(ByteOffset(text.len())));
        let idx = CharIndex::new(text);
        assert!(idx.slice(text, CharRange::new(4, 99)).is_err());
        assert_eq!(idx.to_byte(CharOffset(99)), None);
    }

    #[test]
    fn overlap_and_contains() {
        let a = CharRange::new(0, 5);
        assert!(a.overlaps(&CharRange::new(4, 8)));
        assert!(!a.overlaps(&CharRange::new(5, 8)));
        assert!(a.contains(CharOffset(4)));
        assert!(!a.contains(CharOffset(5)));
    }
}
