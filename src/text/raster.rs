//! Glyph rasterization by glyph id with ab_glyph, for the PNG renderer and the view's
//! texture atlas.

use super::fonts::{FontId, Fonts};
use ab_glyph::{Font as _, GlyphId, PxScale, point};

/// A glyph's coverage bitmap. Its top-left pixel is at `(pen_x + left, baseline + top)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlphaBitmap {
    pub w: u32,
    pub h: u32,
    pub left: i32,
    pub top: i32,
    /// Coverage 0..=255, row by row.
    pub data: Vec<u8>,
}

/// Rasterizes glyph `id` of `font` at `px` pixels per em, with the pen at horizontal
/// subpixel offset `subpixel_x` (0..1). `None` for glyphs with no outline (spaces).
pub fn rasterize(fonts: &Fonts, font: FontId, id: u16, px: f32, subpixel_x: f32) -> Option<AlphaBitmap> {
    let face = fonts.face(font);
    let raster = face.raster();
    // ab_glyph scales by ascent-to-descent height; convert pixels per em to it.
    let scale = PxScale::from(px * face.scale(1.0) * raster.height_unscaled());
    let glyph = GlyphId(id).with_scale_and_position(scale, point(subpixel_x, 0.0));
    let outlined = raster.outline_glyph(glyph)?;
    let bounds = outlined.px_bounds();
    let w = bounds.width().max(0.0) as u32;
    let h = bounds.height().max(0.0) as u32;
    if w == 0 || h == 0 {
        return None;
    }
    let mut data = vec![0u8; (w * h) as usize];
    outlined.draw(|x, y, c| {
        if let Some(p) = data.get_mut((y * w + x) as usize) {
            *p = (c.clamp(0.0, 1.0) * 255.0).round() as u8;
        }
    });
    Some(AlphaBitmap { w, h, left: bounds.min.x.floor() as i32, top: bounds.min.y.floor() as i32, data })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::layout_paragraph;

    #[test]
    fn a_letter_has_ink_above_the_baseline_and_a_space_has_none() {
        let fonts = Fonts::new().unwrap();
        let layout = layout_paragraph(&fonts, "A ب", 300.0, 20.0);
        let glyphs = &layout.lines[0].glyphs;
        let a = glyphs.iter().find(|g| g.font == FontId::Latin && g.cluster.start.0 == 0).unwrap();
        let bitmap = rasterize(&fonts, a.font, a.id, 20.0, 0.0).unwrap();
        assert!(bitmap.top < 0 && bitmap.h >= 10 && bitmap.h <= 20, "{bitmap:?}");
        assert!(bitmap.data.contains(&255));
        let space = glyphs.iter().find(|g| g.cluster.start.0 == 1).unwrap();
        assert_eq!(rasterize(&fonts, space.font, space.id, 20.0, 0.0), None);
    }
}
