//! A whole document laid out paragraph by paragraph, with a cache so that nothing is
//! shaped again while the text, width and font size stay the same.
//!
//! Offsets taken and returned here are code points into the whole text; y is measured
//! from the top of the first paragraph.

use super::fonts::Fonts;
use super::geometry::{Affinity, Caret, Rect};
use super::paragraph::{ParagraphLayout, layout_paragraph_spaced};
use crate::offsets::CharRange;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

/// Identifies one paragraph layout: the paragraph's text (by hash and length), the width
/// and the font size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct CacheKey {
    text_hash: u64,
    text_len: usize,
    width_bits: u32,
    px_bits: u32,
    leading_bits: u32,
}

/// Paragraph layouts kept between frames. Entries not used by the latest
/// [`DocLayout::new`] calls are dropped by [`LayoutCache::trim`].
#[derive(Default)]
pub struct LayoutCache {
    entries: HashMap<CacheKey, (Arc<ParagraphLayout>, u64)>,
    generation: u64,
    /// Layouts served from the cache since it was made.
    pub hits: u64,
    /// Layouts computed since the cache was made.
    pub misses: u64,
}

impl LayoutCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of paragraph layouts held.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Drops layouts not used since the previous `trim`.
    pub fn trim(&mut self) {
        let generation = self.generation;
        self.entries.retain(|_, (_, used)| *used >= generation);
        self.generation += 1;
    }

    fn get_or_layout(
        &mut self,
        fonts: &Fonts,
        text: &str,
        width: f32,
        px: f32,
        leading: f32,
    ) -> Arc<ParagraphLayout> {
        let mut hasher = DefaultHasher::new();
        text.hash(&mut hasher);
        let key = CacheKey {
            text_hash: hasher.finish(),
            text_len: text.len(),
            width_bits: width.to_bits(),
            px_bits: px.to_bits(),
            leading_bits: leading.to_bits(),
        };
        let generation = self.generation;
        if let Some((layout, used)) = self.entries.get_mut(&key) {
            *used = generation;
            self.hits += 1;
            return Arc::clone(layout);
        }
        self.misses += 1;
        let layout = Arc::new(layout_paragraph_spaced(fonts, text, width, px, leading));
        self.entries.insert(key, (Arc::clone(&layout), generation));
        layout
    }
}

/// One paragraph of a [`DocLayout`], placed in the document.
#[derive(Clone, Debug)]
pub struct PlacedParagraph {
    /// Code point offset of the paragraph's first character in the whole text.
    pub start: usize,
    /// Top of the paragraph.
    pub y: f32,
    pub layout: Arc<ParagraphLayout>,
}

impl PlacedParagraph {
    /// The paragraph's code point range in the whole text (without its `'\n'`).
    pub fn range(&self) -> CharRange {
        CharRange::new(self.start, self.start + self.layout.char_len)
    }
}

/// A line of a [`DocLayout`]: paragraph index and line index within it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineRef {
    pub paragraph: usize,
    pub line: usize,
}

/// A hit in document terms: offsets into the whole text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocHit {
    pub offset: usize,
    pub affinity: Affinity,
    pub char_under: Option<usize>,
    pub line: LineRef,
}

/// The whole text laid out at one width and font size.
#[derive(Clone, Debug)]
pub struct DocLayout {
    pub paragraphs: Vec<PlacedParagraph>,
    pub width: f32,
    pub px: f32,
    pub height: f32,
}

impl DocLayout {
    /// Lays out `text` (paragraphs split on `'\n'`) at `width` pixels and `px` pixels per em,
    /// taking unchanged paragraphs from `cache`.
    pub fn new(fonts: &Fonts, text: &str, width: f32, px: f32, cache: &mut LayoutCache) -> Self {
        Self::spaced(fonts, text, width, px, 0.0, cache)
    }

    /// [`DocLayout::new`] with `leading` pixels of room below every line, inside its line
    /// box (see [`crate::text::layout_paragraph_spaced`]).
    pub fn spaced(
        fonts: &Fonts,
        text: &str,
        width: f32,
        px: f32,
        leading: f32,
        cache: &mut LayoutCache,
    ) -> Self {
        let mut paragraphs = Vec::new();
        let mut start = 0;
        let mut y = 0.0;
        for para in text.split('\n') {
            let layout = cache.get_or_layout(fonts, para, width, px, leading);
            let len = layout.char_len;
            let height = layout.height;
            paragraphs.push(PlacedParagraph { start, y, layout });
            start += len + 1;
            y += height;
        }
        Self { paragraphs, width, px, height: y }
    }

    /// Index of the paragraph at `y` (clamped).
    pub fn paragraph_at_y(&self, y: f32) -> usize {
        let i = self.paragraphs.partition_point(|p| p.y + p.layout.height <= y);
        i.min(self.paragraphs.len().saturating_sub(1))
    }

    /// Index of the paragraph holding offset `at` (a `'\n'` belongs to the paragraph it ends).
    pub fn paragraph_of(&self, at: usize) -> usize {
        let i = self.paragraphs.partition_point(|p| p.start <= at);
        i.saturating_sub(1)
    }

    /// The line at `y` (clamped to the document).
    pub fn line_at_y(&self, y: f32) -> LineRef {
        let paragraph = self.paragraph_at_y(y);
        let line = self.paragraphs.get(paragraph).map_or(0, |p| p.layout.line_at_y(y - p.y));
        LineRef { paragraph, line }
    }

    /// Lines that intersect `y0..y1`, top to bottom, found by binary search.
    pub fn visible_lines(&self, y0: f32, y1: f32) -> Vec<LineRef> {
        let mut out = Vec::new();
        let first = self.paragraphs.partition_point(|p| p.y + p.layout.height <= y0);
        for (index, p) in self.paragraphs.iter().enumerate().skip(first) {
            if p.y >= y1 {
                break;
            }
            let lines = &p.layout.lines;
            let from = lines.partition_point(|l| p.y + l.y + l.height <= y0);
            for (line, l) in lines.iter().enumerate().skip(from) {
                if p.y + l.y >= y1 {
                    break;
                }
                out.push(LineRef { paragraph: index, line });
            }
        }
        out
    }

    /// The code point range of paragraphs that intersect `y0..y1`.
    pub fn visible_range(&self, y0: f32, y1: f32) -> CharRange {
        let first = self.paragraph_at_y(y0);
        let last = self.paragraph_at_y(y1);
        let start = self.paragraphs.get(first).map_or(0, |p| p.start);
        let end = self.paragraphs.get(last).map_or(0, |p| p.range().end.0);
        CharRange::new(start, end)
    }

    /// The offset under `(x, y)`.
    pub fn hit_test(&self, x: f32, y: f32) -> DocHit {
        let paragraph = self.paragraph_at_y(y);
        let Some(p) = self.paragraphs.get(paragraph) else {
            return DocHit {
                offset: 0,
                affinity: Affinity::Downstream,
                char_under: None,
                line: LineRef { paragraph: 0, line: 0 },
            };
        };
        let hit = p.layout.hit_test(x, y - p.y);
        DocHit {
            offset: p.start + hit.offset,
            affinity: hit.affinity,
            char_under: hit.char_under.map(|c| p.start + c),
            line: LineRef { paragraph, line: hit.line },
        }
    }

    /// Highlight rectangles for `range` (whole-text offsets) in document coordinates.
    pub fn highlight(&self, range: CharRange) -> Vec<Rect> {
        let mut rects = Vec::new();
        self.highlight_into(range, &mut rects);
        rects
    }

    /// Appends the highlight rectangles of `range` to `out` (no allocation when it has room).
    pub fn highlight_into(&self, range: CharRange, out: &mut Vec<Rect>) {
        let first = self.paragraph_of(range.start.0);
        for p in self.paragraphs.iter().skip(first) {
            if p.start >= range.end.0 {
                break;
            }
            let local =
                CharRange::new(range.start.0.saturating_sub(p.start), range.end.0.saturating_sub(p.start));
            out.extend(p.layout.highlight(local).into_iter().map(|r| r.translate(0.0, p.y)));
        }
    }

    /// The caret for offset `at` in document coordinates.
    pub fn caret(&self, at: usize, affinity: Affinity) -> Caret {
        let paragraph = self.paragraph_of(at);
        let Some(p) = self.paragraphs.get(paragraph) else {
            return Caret { line: 0, x: 0.0, top: 0.0, height: 0.0 };
        };
        let caret = p.layout.caret(at.saturating_sub(p.start), affinity);
        Caret { top: caret.top + p.y, ..caret }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_stack_and_offsets_are_absolute() {
        let fonts = Fonts::new().unwrap();
        let mut cache = LayoutCache::new();
        let text = "قتل 25 شخصاً\n\nHello world";
        let doc = DocLayout::new(&fonts, text, 400.0, 20.0, &mut cache);
        assert_eq!(doc.paragraphs.len(), 3);
        assert_eq!(doc.paragraphs[2].start, 14);
        let line_h = fonts.metrics(20.0).line_height();
        assert!((doc.height - 3.0 * line_h).abs() < 0.01, "an empty paragraph still takes a line");
        let p = &doc.paragraphs[2];
        let first = p.layout.lines[0].clusters[0];
        let hit = doc.hit_test((first.x0 + first.x1) / 2.0, p.y + 2.0);
        assert_eq!(hit.char_under, Some(14));
        let rects = doc.highlight(CharRange::new(14, 19));
        assert_eq!(rects.len(), 1);
        assert!(rects[0].y0 >= p.y - 0.01);
    }

    #[test]
    fn the_cache_serves_unchanged_paragraphs() {
        let fonts = Fonts::new().unwrap();
        let mut cache = LayoutCache::new();
        let text = "أ ب\nج د\nأ ب";
        DocLayout::new(&fonts, text, 300.0, 20.0, &mut cache);
        assert_eq!((cache.misses, cache.hits), (2, 1));
        DocLayout::new(&fonts, text, 300.0, 20.0, &mut cache);
        assert_eq!((cache.misses, cache.hits), (2, 4));
        DocLayout::new(&fonts, text, 320.0, 20.0, &mut cache);
        assert_eq!(cache.misses, 4);
        cache.trim();
        cache.trim();
        assert_eq!(cache.len(), 0);
    }

    #[test]
    fn visible_lines_are_found_by_y() {
        let fonts = Fonts::new().unwrap();
        let mut cache = LayoutCache::new();
        let text = vec!["سطر"; 100].join("\n");
        let doc = DocLayout::new(&fonts, &text, 300.0, 20.0, &mut cache);
        let h = fonts.metrics(20.0).line_height();
        let lines = doc.visible_lines(10.5 * h, 13.5 * h);
        let paras: Vec<usize> = lines.iter().map(|l| l.paragraph).collect();
        assert_eq!(paras, vec![10, 11, 12, 13]);
    }
}
