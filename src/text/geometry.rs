//! The inverse maps of a laid-out paragraph: point -> code point (hit-testing), code
//! point range -> rectangles (highlights), and code point -> caret position.
//!
//! A cluster covering several code points (lam-alef, a letter with harakat) is split
//! proportionally by code point, and hit-testing only stops at grapheme boundaries inside
//! it, so a letter is never parted from its harakat.

use super::paragraph::{ClusterBox, Line, ParagraphLayout};
use crate::offsets::CharRange;

/// An axis-aligned rectangle in pixels (y grows downwards).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Rect {
    pub fn contains(&self, x: f32, y: f32) -> bool {
        self.x0 <= x && x < self.x1 && self.y0 <= y && y < self.y1
    }

    pub fn width(&self) -> f32 {
        self.x1 - self.x0
    }

    /// The same rectangle moved by `(dx, dy)`.
    pub fn translate(self, dx: f32, dy: f32) -> Self {
        Self { x0: self.x0 + dx, y0: self.y0 + dy, x1: self.x1 + dx, y1: self.y1 + dy }
    }
}

/// Which side of its offset a caret belongs to, where one offset has two places on
/// screen (line ends, bidi run edges).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Affinity {
    /// With the character before the offset.
    Upstream,
    /// With the character at the offset.
    Downstream,
}

/// The result of hit-testing a point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The caret offset nearest to the point (always a grapheme boundary).
    pub offset: usize,
    pub affinity: Affinity,
    /// The first code point of the grapheme under the point, when the point is over a
    /// cluster rather than past a line end.
    pub char_under: Option<usize>,
    /// Index of the line hit.
    pub line: usize,
}

/// A caret's place: a vertical bar at `x` from `top` to `top + height`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Caret {
    pub line: usize,
    pub x: f32,
    pub top: f32,
    pub height: f32,
}

impl ClusterBox {
    /// x of code point offset `at` inside this cluster (proportional by code point).
    fn x_of(&self, at: usize) -> f32 {
        let len = self.range.len().max(1) as f32;
        let f = (at.saturating_sub(self.range.start.0)) as f32 / len;
        if self.rtl { self.x1 - f * (self.x1 - self.x0) } else { self.x0 + f * (self.x1 - self.x0) }
    }

    /// Horizontal middle of the cluster.
    pub fn center(&self) -> f32 {
        (self.x0 + self.x1) / 2.0
    }
}

impl ParagraphLayout {
    /// Index of the line at `y` (clamped to the first and last lines).
    pub fn line_at_y(&self, y: f32) -> usize {
        let i = self.lines.partition_point(|l| l.y + l.height <= y);
        i.min(self.lines.len().saturating_sub(1))
    }

    /// Index of the line holding offset `at`; an offset at a line break belongs to the
    /// line it starts, the paragraph's end to the last line.
    pub fn line_of(&self, at: usize) -> usize {
        let i = self.lines.partition_point(|l| l.range.end.0 <= at);
        i.min(self.lines.len().saturating_sub(1))
    }

    /// Grapheme boundaries inside `range` (excluding its ends).
    fn inner_stops(&self, range: CharRange) -> &[usize] {
        let a = self.inner_stops.partition_point(|&s| s <= range.start.0);
        let b = self.inner_stops.partition_point(|&s| s < range.end.0);
        self.inner_stops.get(a..b).unwrap_or(&[])
    }

    /// The offset under the point `(x, y)`, relative to the paragraph.
    pub fn hit_test(&self, x: f32, y: f32) -> Hit {
        let index = self.line_at_y(y);
        let Some(line) = self.lines.get(index) else {
            return Hit { offset: 0, affinity: Affinity::Downstream, char_under: None, line: 0 };
        };
        let (Some(first), Some(last)) = (line.clusters.first(), line.clusters.last()) else {
            return Hit {
                offset: line.range.start.0,
                affinity: Affinity::Downstream,
                char_under: None,
                line: index,
            };
        };
        if x < first.x0 {
            return self.edge_hit(line, first, true, index);
        }
        if x >= last.x1 {
            return self.edge_hit(line, last, false, index);
        }
        let i = line.clusters.partition_point(|c| c.x1 <= x).min(line.clusters.len() - 1);
        let Some(cluster) = line.clusters.get(i) else {
            return self.edge_hit(line, last, false, index);
        };
        // Stops the caret may take inside the cluster, in logical order.
        let mut stops = vec![cluster.range.start.0];
        stops.extend_from_slice(self.inner_stops(cluster.range));
        stops.push(cluster.range.end.0);
        let mut under = cluster.range.start.0;
        let mut best = (f32::INFINITY, cluster.range.start.0);
        for (k, &s) in stops.iter().enumerate() {
            let sx = cluster.x_of(s);
            if (sx - x).abs() < best.0 {
                best = ((sx - x).abs(), s);
            }
            if let Some(&next) = stops.get(k + 1) {
                let (lo, hi) = ordered(sx, cluster.x_of(next));
                if lo <= x && x < hi {
                    under = s;
                }
            }
        }
        let offset = best.1;
        let affinity = if offset == cluster.range.end.0 { Affinity::Upstream } else { Affinity::Downstream };
        Hit { offset, affinity, char_under: Some(under), line: index }
    }

    /// A click beyond a line's left or right end: the caret goes to the outer edge of the
    /// outermost cluster, which is the line end or start depending on direction.
    fn edge_hit(&self, line: &Line, cluster: &ClusterBox, left: bool, index: usize) -> Hit {
        let at_logical_end = left == cluster.rtl;
        if at_logical_end {
            // Trailing spaces hang past the line; a click beyond the text lands before them
            // on a wrapped line, so the caret stays on this line.
            let end = if index + 1 < self.lines.len() {
                cluster.range.end.0.min(line.range.end.0)
            } else {
                cluster.range.end.0
            };
            Hit { offset: end, affinity: Affinity::Upstream, char_under: None, line: index }
        } else {
            Hit {
                offset: cluster.range.start.0,
                affinity: Affinity::Downstream,
                char_under: None,
                line: index,
            }
        }
    }

    /// Rectangles covering the glyphs of `range` (paragraph-relative), one per visually
    /// contiguous piece per line, left to right, top to bottom.
    pub fn highlight(&self, range: CharRange) -> Vec<Rect> {
        let mut rects = Vec::new();
        if range.is_empty() {
            return rects;
        }
        let first = self.line_of(range.start.0);
        for line in self.lines.iter().skip(first) {
            if line.range.start >= range.end {
                break;
            }
            let mut current: Option<Rect> = None;
            for c in &line.clusters {
                let a = c.range.start.max(range.start).0;
                let b = c.range.end.min(range.end).0;
                if a >= b {
                    continue;
                }
                let (x0, x1) = ordered(c.x_of(a), c.x_of(b));
                match &mut current {
                    Some(r) if (r.x1 - x0).abs() < 0.01 => r.x1 = x1,
                    _ => {
                        rects.extend(current.take());
                        current = Some(Rect { x0, y0: line.y, x1, y1: line.y + line.height });
                    }
                }
            }
            rects.extend(current);
        }
        rects
    }

    /// Where the caret for offset `at` is drawn (`affinity` picks the line when `at` is
    /// both the end of one line and the start of the next).
    pub fn caret(&self, at: usize, affinity: Affinity) -> Caret {
        let mut index = self.line_of(at);
        if affinity == Affinity::Upstream
            && index > 0
            && self.lines.get(index).is_some_and(|l| l.range.start.0 == at)
        {
            index -= 1;
        }
        let Some(line) = self.lines.get(index) else {
            return Caret { line: 0, x: 0.0, top: 0.0, height: 0.0 };
        };
        let x = caret_x(line, at, self.rtl, self.width);
        Caret { line: index, x, top: line.y, height: line.height }
    }
}

fn ordered(a: f32, b: f32) -> (f32, f32) {
    if a <= b { (a, b) } else { (b, a) }
}

/// x of the caret at `at` on `line`: the leading edge of the cluster starting there, a
/// proportional place inside a cluster, or the trailing edge of the cluster ending there.
fn caret_x(line: &Line, at: usize, rtl: bool, width: f32) -> f32 {
    if let Some(c) = line.clusters.iter().find(|c| c.range.start.0 == at) {
        return if c.rtl { c.x1 } else { c.x0 };
    }
    if let Some(c) = line.clusters.iter().find(|c| c.range.start.0 < at && at < c.range.end.0) {
        return c.x_of(at);
    }
    if let Some(c) = line.clusters.iter().find(|c| c.range.end.0 == at) {
        return if c.rtl { c.x0 } else { c.x1 };
    }
    if rtl { width } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Fonts, layout_paragraph};

    #[test]
    fn clicks_past_the_ends_of_an_rtl_line() {
        let fonts = Fonts::new().unwrap();
        let layout = layout_paragraph(&fonts, "قتل 25 شخصاً", 600.0, 20.0);
        let line = &layout.lines[0];
        let y = line.y + line.height / 2.0;
        // Right of an RTL line is its start, left of it its end.
        assert_eq!(layout.hit_test(599.0, y).offset, 0);
        assert_eq!(layout.hit_test(0.0, y).offset, 12);
        assert_eq!(layout.hit_test(0.0, y).char_under, None);
    }

    #[test]
    fn caret_at_start_of_rtl_paragraph_is_on_the_right() {
        let fonts = Fonts::new().unwrap();
        let layout = layout_paragraph(&fonts, "قتل", 300.0, 20.0);
        let caret = layout.caret(0, Affinity::Downstream);
        assert!((caret.x - 300.0).abs() < 0.5, "{caret:?}");
        let end = layout.caret(3, Affinity::Upstream);
        assert!(end.x < caret.x);
    }

    #[test]
    fn lam_alef_splits_between_its_letters() {
        let fonts = Fonts::new().unwrap();
        let layout = layout_paragraph(&fonts, "لا", 300.0, 20.0);
        let c = layout.lines[0].clusters[0];
        assert_eq!(c.range, CharRange::new(0, 2));
        let y = layout.lines[0].y + 5.0;
        // The right quarter is the lam (first letter), the left quarter the alef.
        let right = layout.hit_test(c.x1 - (c.x1 - c.x0) * 0.25, y);
        let left = layout.hit_test(c.x0 + (c.x1 - c.x0) * 0.25, y);
        assert_eq!(right.char_under, Some(0));
        assert_eq!(left.char_under, Some(1));
        let rects = layout.highlight(CharRange::new(1, 2));
        assert_eq!(rects.len(), 1);
        assert!((rects[0].x0 - c.x0).abs() < 0.01 && (rects[0].x1 - c.center()).abs() < 0.01);
    }

    #[test]
    fn harakat_stay_with_their_letter() {
        let fonts = Fonts::new().unwrap();
        // Beh + kasra, then meem: the kasra is inside the beh's cluster.
        let layout = layout_paragraph(&fonts, "بِم", 300.0, 20.0);
        let clusters = &layout.lines[0].clusters;
        assert!(clusters.iter().any(|c| c.range == CharRange::new(0, 2)), "{clusters:?}");
        for c in clusters {
            let hit = layout.hit_test(c.center(), 5.0);
            assert_ne!(hit.offset, 1, "the caret never sits between a letter and its haraka");
        }
    }
}
