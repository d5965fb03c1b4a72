//! Shaping one run of text (one direction, one face) with harfrust.
//!
//! Runs are shaped with their neighbouring characters as context, so joining forms are
//! right at run edges. Glyph clusters are paragraph-relative code point offsets.

use super::fonts::{FontId, Fonts};
use std::ops::Range;

/// Characters of context given to the shaper on each side of a run.
const CONTEXT: usize = 5;

/// One glyph as the shaper placed it, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct ShapedGlyph {
    pub id: u16,
    /// Paragraph-relative code point offset of the cluster's first character.
    pub cluster: u32,
    pub advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
    /// Breaking the line before this glyph's cluster would change the shaping.
    pub unsafe_to_break: bool,
}

/// A shaped run: the glyphs of `range` in visual order (right-to-left runs reversed).
#[derive(Clone, Debug)]
pub(crate) struct ShapedRun {
    pub range: Range<usize>,
    pub font: FontId,
    pub rtl: bool,
    pub glyphs: Vec<ShapedGlyph>,
}

impl ShapedRun {
    /// The glyphs whose clusters lie in `sub` (a sub-range of `range`), or `None` when
    /// cutting there is unsafe and the piece must be shaped again.
    pub fn slice(&self, sub: Range<usize>) -> Option<Vec<ShapedGlyph>> {
        let inside = |g: &ShapedGlyph| sub.contains(&(g.cluster as usize));
        let cut_at = |at: usize| {
            at > self.range.start
                && at < self.range.end
                && self.glyphs.iter().any(|g| g.cluster as usize == at && g.unsafe_to_break)
        };
        if cut_at(sub.start) || cut_at(sub.end) {
            return None;
        }
        Some(self.glyphs.iter().filter(|g| inside(g)).copied().collect())
    }
}

/// Shapes `chars[range]` with `font` in the given direction at `px` pixels per em.
pub(crate) fn shape_run(
    fonts: &Fonts,
    chars: &[char],
    range: Range<usize>,
    font: FontId,
    rtl: bool,
    px: f32,
) -> ShapedRun {
    let face = fonts.face(font);
    let mut buffer = harfrust::UnicodeBuffer::new();
    let pre: Vec<u32> = chars
        .get(range.start.saturating_sub(CONTEXT)..range.start)
        .unwrap_or(&[])
        .iter()
        .rev()
        .map(|&c| c as u32)
        .collect();
    for (i, &c) in chars.get(range.clone()).unwrap_or(&[]).iter().enumerate() {
        buffer.add(c, (range.start + i) as u32);
    }
    buffer.set_pre_context_codepoints(&pre);
    let post: Vec<u32> = chars
        .get(range.end..(range.end + CONTEXT).min(chars.len()))
        .unwrap_or(&[])
        .iter()
        .map(|&c| c as u32)
        .collect();
    buffer.set_post_context_codepoints(&post);
    let direction = if rtl { harfrust::Direction::RightToLeft } else { harfrust::Direction::LeftToRight };
    buffer.set_direction(direction);
    buffer.guess_segment_properties();
    let shaper = face.shaper_data.shaper(&face.shape_ref).build();
    let output = if buffer.language().is_none() {
        let plan = fonts.plan(font, &shaper, direction, Some(buffer.script()));
        shaper.shape(buffer, harfrust::ShapeOptions::new().plan(Some(&plan)))
    } else {
        shaper.shape(buffer, harfrust::ShapeOptions::new())
    };
    let scale = face.scale(px);
    let glyphs = output
        .glyph_infos()
        .iter()
        .zip(output.glyph_positions())
        .map(|(info, pos)| ShapedGlyph {
            id: u16::try_from(info.glyph_id).unwrap_or(0),
            cluster: info.cluster,
            advance: pos.x_advance as f32 * scale,
            x_offset: pos.x_offset as f32 * scale,
            y_offset: -(pos.y_offset as f32) * scale,
            unsafe_to_break: info.unsafe_to_break(),
        })
        .collect();
    ShapedRun { range, font, rtl, glyphs }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lam_alef_carries_its_width_on_the_lam() {
        // Noto Naskh draws lam-alef as a ligature on the lam and an empty alef glyph.
        let fonts = Fonts::new().unwrap();
        let chars: Vec<char> = "لا".chars().collect();
        let run = shape_run(&fonts, &chars, 0..2, FontId::Arabic, true, 20.0);
        let width = |c: u32| run.glyphs.iter().filter(|g| g.cluster == c).map(|g| g.advance).sum::<f32>();
        assert!(width(0) > 5.0, "{:?}", run.glyphs);
        assert_eq!(width(1), 0.0);
    }

    #[test]
    fn rtl_runs_come_out_in_visual_order() {
        let fonts = Fonts::new().unwrap();
        let chars: Vec<char> = "قتل".chars().collect();
        let run = shape_run(&fonts, &chars, 0..3, FontId::Arabic, true, 20.0);
        let clusters: Vec<u32> = run.glyphs.iter().map(|g| g.cluster).collect();
        assert_eq!(clusters, vec![2, 1, 0]);
    }
}
