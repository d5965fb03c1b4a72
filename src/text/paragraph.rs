//! Laying out one paragraph: bidi levels, shaping per (direction x face) run, line
//! breaking on logical text, then visual reordering and placement of each line.
//!
//! All offsets in a [`ParagraphLayout`] are code points relative to the paragraph's first
//! character; [`super::DocLayout`] adds the paragraph's start in the document.

use super::breaking::{Advances, break_lines};
use super::fonts::{FontId, Fonts};
use super::reorder::visual_runs;
use super::shape::{ShapedGlyph, ShapedRun, shape_run};
use crate::offsets::CharRange;
use std::ops::Range;
use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo};
use unicode_segmentation::UnicodeSegmentation;

/// A positioned glyph. `x` is the pen position plus the shaper's offset; `y` is the
/// baseline plus the shaper's offset (y grows downwards), both relative to the paragraph.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Glyph {
    pub font: FontId,
    pub id: u16,
    pub x: f32,
    pub y: f32,
    pub advance: f32,
    /// The code points this glyph's cluster stands for.
    pub cluster: CharRange,
}

/// The horizontal extent of one glyph cluster on a line: what a caret, a click or a
/// highlight works with. Clusters tile the line's range: each code point is in one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClusterBox {
    pub x0: f32,
    pub x1: f32,
    pub range: CharRange,
    /// Whether the cluster sits in a right-to-left run (its logical start is on the right).
    pub rtl: bool,
}

/// One visual line.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Top of the line box.
    pub y: f32,
    pub height: f32,
    /// Baseline, from the paragraph's top.
    pub baseline: f32,
    /// The logical range of the line, trailing spaces included.
    pub range: CharRange,
    /// Glyphs in visual order, left to right.
    pub glyphs: Vec<Glyph>,
    /// Clusters in visual order, left to right.
    pub clusters: Vec<ClusterBox>,
}

/// A laid-out paragraph.
#[derive(Clone, Debug, PartialEq)]
pub struct ParagraphLayout {
    pub lines: Vec<Line>,
    /// Width the paragraph was laid out at.
    pub width: f32,
    /// Total height of the lines.
    pub height: f32,
    /// Base direction from the first strong character (right-to-left: right-aligned).
    pub rtl: bool,
    /// Number of code points in the paragraph.
    pub char_len: usize,
    /// Grapheme boundaries that fall strictly inside a multi-character cluster, sorted.
    pub(crate) inner_stops: Vec<usize>,
}

/// A run of characters with one bidi level and one face, shaped once.
fn runs_of(fonts: &Fonts, chars: &[char], levels: &[Level], faces: &[FontId], px: f32) -> Vec<ShapedRun> {
    let mut runs = Vec::new();
    let mut start = 0;
    for i in 1..=chars.len() {
        let same = i < chars.len() && levels.get(i) == levels.get(start) && faces.get(i) == faces.get(start);
        if same {
            continue;
        }
        let font = faces.get(start).copied().unwrap_or(FontId::Latin);
        let rtl = levels.get(start).is_some_and(|l| l.is_rtl());
        runs.push(shape_run(fonts, chars, start..i, font, rtl, px));
        start = i;
    }
    runs
}

/// Lays out `text` (one paragraph, without `'\n'`) at `width` pixels and `px` pixels per em.
pub fn layout_paragraph(fonts: &Fonts, text: &str, width: f32, px: f32) -> ParagraphLayout {
    layout_paragraph_spaced(fonts, text, width, px, 0.0)
}

/// [`layout_paragraph`] with `leading` pixels of room added below every line (under its
/// descenders, inside its line box): where marks under the text go without touching a
/// letter's dots.
pub fn layout_paragraph_spaced(
    fonts: &Fonts,
    text: &str,
    width: f32,
    px: f32,
    leading: f32,
) -> ParagraphLayout {
    let chars: Vec<char> = text.chars().collect();
    let mut byte_of: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_of.push(text.len());
    let metrics = fonts.metrics(px);
    let line_height = metrics.line_height() + leading.max(0.0);
    let baseline = metrics.line_gap / 2.0 + metrics.ascent;

    let bidi = ParagraphBidiInfo::new(text, None);
    let rtl = bidi.paragraph_level.is_rtl();
    let levels: Vec<Level> = byte_of
        .iter()
        .take(chars.len())
        .map(|&b| bidi.levels.get(b).copied().unwrap_or(bidi.paragraph_level))
        .collect();
    let faces = fonts.assign(&chars);
    let runs = runs_of(fonts, &chars, &levels, &faces, px);

    let mut per_char = vec![0.0f32; chars.len()];
    for g in runs.iter().flat_map(|r| r.glyphs.iter()) {
        if let Some(a) = per_char.get_mut(g.cluster as usize) {
            *a += g.advance;
        }
    }
    let advances = Advances::new(&per_char);
    let ranges = break_lines(text, &chars, &byte_of, &advances, width);

    let classes: Vec<BidiClass> = byte_of
        .iter()
        .take(chars.len())
        .map(|&b| bidi.original_classes.get(b).copied().unwrap_or(BidiClass::WS))
        .collect();
    let para_level = bidi.paragraph_level;
    let ctx = LineContext {
        fonts,
        chars: &chars,
        levels: &levels,
        classes: &classes,
        para_level,
        runs: &runs,
        px,
        rtl,
        width,
    };
    let mut lines = Vec::with_capacity(ranges.len());
    for (i, range) in ranges.into_iter().enumerate() {
        let y = i as f32 * line_height;
        lines.push(ctx.line(range, y, line_height, y + baseline));
    }
    let inner_stops = inner_grapheme_stops(text, &lines);
    ParagraphLayout {
        height: lines.len() as f32 * line_height,
        lines,
        width,
        rtl,
        char_len: chars.len(),
        inner_stops,
    }
}

/// Grapheme boundaries strictly inside clusters of more than one code point.
fn inner_grapheme_stops(text: &str, lines: &[Line]) -> Vec<usize> {
    let multi: Vec<CharRange> =
        lines.iter().flat_map(|l| l.clusters.iter()).filter(|c| c.range.len() > 1).map(|c| c.range).collect();
    if multi.is_empty() {
        return Vec::new();
    }
    let mut stops = Vec::new();
    let mut offset = 0;
    for g in text.graphemes(true) {
        offset += g.chars().count();
        stops.push(offset);
    }
    let mut inner: Vec<usize> =
        stops.into_iter().filter(|&s| multi.iter().any(|r| r.start.0 < s && s < r.end.0)).collect();
    inner.sort_unstable();
    inner
}

/// What every line of one paragraph needs.
struct LineContext<'a> {
    fonts: &'a Fonts,
    chars: &'a [char],
    levels: &'a [Level],
    classes: &'a [BidiClass],
    para_level: Level,
    runs: &'a [ShapedRun],
    px: f32,
    rtl: bool,
    width: f32,
}

impl LineContext<'_> {
    /// Glyphs of `sub` in visual order: sliced from the paragraph's shaping when safe,
    /// shaped again otherwise (a cut inside a ligature, or a direction changed by rule L1).
    fn piece(&self, run: &ShapedRun, sub: Range<usize>, rtl: bool) -> Vec<ShapedGlyph> {
        if run.rtl == rtl
            && let Some(glyphs) = run.slice(sub.clone())
        {
            return glyphs;
        }
        shape_run(self.fonts, self.chars, sub, run.font, rtl, self.px).glyphs
    }

    fn line(&self, range: Range<usize>, y: f32, height: f32, baseline: f32) -> Line {
        let mut glyphs = Vec::new();
        let mut clusters: Vec<ClusterBox> = Vec::new();
        let mut pen = 0.0f32;
        let levels = self.levels.get(range.clone()).unwrap_or(&[]);
        let classes = self.classes.get(range.clone()).unwrap_or(&[]);
        for (span, level) in visual_runs(levels, classes, self.para_level, range.start) {
            let rtl = level.is_rtl();
            let mut pieces: Vec<Range<usize>> = Vec::new();
            for run in self.runs.iter().filter(|r| r.range.start < span.end && span.start < r.range.end) {
                pieces.push(run.range.start.max(span.start)..run.range.end.min(span.end));
            }
            if rtl {
                pieces.reverse();
            }
            for sub in pieces {
                let Some(run) =
                    self.runs.iter().find(|r| r.range.start <= sub.start && sub.end <= r.range.end)
                else {
                    continue;
                };
                let shaped = self.piece(run, sub.clone(), rtl);
                place_piece(&shaped, &sub, run.font, rtl, baseline, &mut pen, &mut glyphs, &mut clusters);
            }
        }
        // Right-to-left lines are right-aligned. Trailing spaces take the paragraph level
        // (rule L1), so they sit at the left end, and hang past it when the line is full.
        let shift = if self.rtl { self.width - pen } else { 0.0 };
        if shift != 0.0 {
            for g in &mut glyphs {
                g.x += shift;
            }
            for c in &mut clusters {
                c.x0 += shift;
                c.x1 += shift;
            }
        }
        Line { y, height, baseline, range: char_range(range), glyphs, clusters }
    }
}

fn char_range(r: Range<usize>) -> CharRange {
    CharRange::new(r.start, r.end)
}

/// Places the glyphs of logical range `sub` at the pen and records their clusters.
#[allow(clippy::too_many_arguments)]
fn place_piece(
    shaped: &[ShapedGlyph],
    sub: &Range<usize>,
    font: FontId,
    rtl: bool,
    baseline: f32,
    pen: &mut f32,
    glyphs: &mut Vec<Glyph>,
    clusters: &mut Vec<ClusterBox>,
) {
    // Cluster starts in logical order; the first one is stretched to the piece's start.
    // A cluster with no advance of its own (the alef of Naskh's lam-alef, a ZWNJ) joins
    // the cluster before it, so every cluster can be clicked.
    let mut widths: Vec<(usize, f32)> = shaped.iter().map(|g| (g.cluster as usize, g.advance)).collect();
    widths.sort_unstable_by_key(|&(c, _)| c);
    let mut starts: Vec<usize> = Vec::with_capacity(widths.len());
    let mut i = 0;
    while let Some(&(cluster, _)) = widths.get(i) {
        let mut total = 0.0;
        while let Some(&(c, a)) = widths.get(i)
            && c == cluster
        {
            total += a;
            i += 1;
        }
        if total != 0.0 || starts.is_empty() {
            starts.push(cluster);
        }
    }
    if let Some(first) = starts.first_mut() {
        *first = sub.start;
    }
    let range_of = |cluster: usize| {
        let i = starts.partition_point(|&s| s <= cluster).saturating_sub(1);
        let start = starts.get(i).copied().unwrap_or(sub.start);
        let end = starts.get(i + 1).copied().unwrap_or(sub.end);
        CharRange::new(start, end)
    };
    if shaped.is_empty() && !sub.is_empty() {
        clusters.push(ClusterBox { x0: *pen, x1: *pen, range: char_range(sub.clone()), rtl });
        return;
    }
    for g in shaped {
        let range = range_of(g.cluster as usize);
        glyphs.push(Glyph {
            font,
            id: g.id,
            x: *pen + g.x_offset,
            y: baseline + g.y_offset,
            advance: g.advance,
            cluster: range,
        });
        let x0 = *pen;
        *pen += g.advance;
        match clusters.last_mut() {
            Some(last) if last.range == range => last.x1 = *pen,
            _ => clusters.push(ClusterBox { x0, x1: *pen, range, rtl }),
        }
    }
}
