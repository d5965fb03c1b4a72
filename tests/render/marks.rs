//! Marks under the text never cover a letter: the lanes of review marks (and of
//! overlapping spans) lie in the room laid out below each line's descenders, so the hamza
//! under إ and the dots under ب and ي stay visible. Checked on the glyphs' own pixels:
//! each glyph is rasterized where the layout puts it, and no ink pixel may fall inside a
//! lane's band.

// A test fails loudly on a bad fixture.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use hashiya::model::CharRange;
use hashiya::text::lanes::{LANE_HEIGHT, lane, leading};
use hashiya::text::{DocLayout, Fonts, LayoutCache, Rect, rasterize};

/// From the sentence of the report: the hamza of إ and the dots under ب and ي.
const TEXT: &str = "الإرهابيين في";
const PX: f32 = 22.0;

/// An ink pixel, `(x, y)` in layout pixels.
type Pixel = (i64, i64);

/// The ink of the first line: every pixel, the line's baseline, and each glyph's
/// pixels with the code points of its cluster.
struct Ink {
    all: Vec<Pixel>,
    baseline: f32,
    by_glyph: Vec<(CharRange, Vec<Pixel>)>,
}

fn ink(fonts: &Fonts, layout: &DocLayout) -> Ink {
    let p = &layout.paragraphs[0];
    let line = &p.layout.lines[0];
    let mut all = Vec::new();
    let mut by_glyph = Vec::new();
    for g in &line.glyphs {
        let whole = g.x.floor();
        let Some(bitmap) = rasterize(fonts, g.font, g.id, PX, g.x - whole) else { continue };
        let left = whole as i64 + i64::from(bitmap.left);
        let top = (p.y + g.y).round() as i64 + i64::from(bitmap.top);
        let mut pixels = Vec::new();
        for (i, &a) in bitmap.data.iter().enumerate() {
            if a > 0 {
                pixels.push((left + (i as u32 % bitmap.w) as i64, top + (i as u32 / bitmap.w) as i64));
            }
        }
        all.extend(&pixels);
        by_glyph.push((g.cluster, pixels));
    }
    Ink { all, baseline: p.y + line.baseline, by_glyph }
}

/// Ink pixels inside `band` (pixel centres inside the rectangle).
fn covered(ink: &[(i64, i64)], band: Rect) -> usize {
    ink.iter()
        .filter(|(x, y)| {
            let (cx, cy) = (*x as f32 + 0.5, *y as f32 + 0.5);
            band.x0 <= cx && cx < band.x1 && band.y0 <= cy && cy < band.y1
        })
        .count()
}

#[test]
fn no_review_mark_covers_ink_below_the_baseline() {
    let fonts = Fonts::new().unwrap();
    let whole = CharRange::new(0, TEXT.chars().count());
    for lanes in [1, 2, 3] {
        let room = leading(lanes);
        let layout = DocLayout::spaced(&fonts, TEXT, 600.0, PX, room, &mut LayoutCache::new());
        let Ink { all: ink, baseline, by_glyph } = ink(&fonts, &layout);
        // The letters do reach below the baseline: the hamza of إ (code point 2) and the
        // dots of ب (6) and ي (7, 8).
        let below = |at: usize| {
            by_glyph
                .iter()
                .filter(|(c, _)| c.start.0 <= at && at < c.end.0.max(c.start.0 + 1))
                .any(|(_, px)| px.iter().any(|&(_, y)| y as f32 > baseline + 2.0))
        };
        for at in [2, 6, 7] {
            assert!(below(at), "code point {at} has ink below the baseline");
        }
        let deepest = ink.iter().map(|&(_, y)| y).max().unwrap() as f32 + 1.0;
        for r in layout.highlight(whole) {
            for i in 0..lanes {
                let band = lane(r, room, i);
                assert_eq!(covered(&ink, band), 0, "lane {i} of {lanes} covers ink: {band:?}");
                assert!(
                    band.y0 >= deepest,
                    "lane {i} starts below the deepest ink ({} < {deepest})",
                    band.y0
                );
                assert!(band.y1 <= r.y1 && band.y1 - band.y0 == LANE_HEIGHT);
            }
        }
    }
}

#[test]
fn the_old_underline_at_the_bottom_of_the_line_box_did_cover_ink() {
    // What the view drew before: bands at the bottom of the line box, one above the
    // other. On this text they hide part of the letters below the baseline, which is
    // what the lanes above avoid.
    let fonts = Fonts::new().unwrap();
    let layout = DocLayout::new(&fonts, TEXT, 600.0, PX, &mut LayoutCache::new());
    let ink = ink(&fonts, &layout).all;
    let whole = CharRange::new(0, TEXT.chars().count());
    let hidden: usize = layout
        .highlight(whole)
        .into_iter()
        .flat_map(|r| {
            (0..3).map(move |i| {
                let bottom = r.y1 - 1.0 - i as f32 * (3.0 + 1.0);
                Rect { y0: bottom - 3.0, y1: bottom, ..r }
            })
        })
        .map(|band| covered(&ink, band))
        .sum();
    assert!(hidden > 0, "three lanes at the bottom of the line box cover some ink");
}
