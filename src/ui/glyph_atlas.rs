//! The texture atlas of document glyphs: each glyph the text engine positions is
//! rasterized once by ab_glyph (at the screen's physical pixel size, with a few
//! sub-pixel positions) and packed into one egui texture, so painting a line is a
//! mesh of textured quads.

use crate::text::{FontId, Fonts, rasterize};
use ahash::HashMap;
use egui::{Color32, ColorImage, TextureHandle, TextureOptions};

/// Side of the square atlas texture, in pixels.
const ATLAS_SIZE: usize = 2048;
/// Horizontal sub-pixel positions per pixel.
pub const SUBPIXEL_STEPS: u8 = 4;
/// Empty pixels around each glyph, so linear filtering never bleeds a neighbour in.
const PADDING: usize = 1;

/// What identifies one rasterized glyph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GlyphKey {
    pub font: FontId,
    pub id: u16,
    /// Physical pixels per em, as bits.
    pub px_bits: u32,
    /// Sub-pixel step, 0..SUBPIXEL_STEPS.
    pub subpixel: u8,
}

/// Where a glyph is in the atlas, and how its bitmap sits relative to the pen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AtlasGlyph {
    /// Normalized texture coordinates.
    pub uv: egui::Rect,
    /// Bitmap size in physical pixels.
    pub size: [u32; 2],
    /// Offset of the bitmap's top-left from the pen position (physical pixels).
    pub left: i32,
    pub top: i32,
}

/// Glyph bitmaps packed in rows ("shelves") of one texture.
#[derive(Default)]
pub struct GlyphAtlas {
    texture: Option<TextureHandle>,
    glyphs: HashMap<GlyphKey, Option<AtlasGlyph>>,
    /// Bumped whenever the atlas starts over, so cached texture coordinates expire.
    generation: u64,
    shelf_x: usize,
    shelf_y: usize,
    shelf_h: usize,
}

impl GlyphAtlas {
    /// The texture, created on first use.
    pub fn texture_id(&mut self, ctx: &egui::Context) -> egui::TextureId {
        self.texture(ctx).id()
    }

    fn texture(&mut self, ctx: &egui::Context) -> &mut TextureHandle {
        self.texture.get_or_insert_with(|| {
            let blank = ColorImage::filled([ATLAS_SIZE, ATLAS_SIZE], Color32::TRANSPARENT);
            ctx.load_texture("hashiya-glyphs", blank, TextureOptions::LINEAR)
        })
    }

    /// The glyph's place in the atlas, rasterizing and uploading it the first time.
    /// `None` for glyphs without ink (spaces).
    pub fn glyph(&mut self, ctx: &egui::Context, fonts: &Fonts, key: GlyphKey) -> Option<AtlasGlyph> {
        if let Some(found) = self.glyphs.get(&key) {
            return *found;
        }
        let px = f32::from_bits(key.px_bits);
        let subpixel = f32::from(key.subpixel) / f32::from(SUBPIXEL_STEPS);
        let placed = rasterize(fonts, key.font, key.id, px, subpixel).and_then(|bitmap| {
            let (w, h) = (bitmap.w as usize, bitmap.h as usize);
            let generation = self.generation;
            let [x, y] = self.allocate(w + 2 * PADDING, h + 2 * PADDING)?;
            if self.generation != generation {
                // The atlas started over: glyphs already placed this frame point at cells
                // being reused, so draw the frame again.
                ctx.request_repaint();
            }
            let pixels = bitmap.data.iter().map(|&a| Color32::from_rgba_premultiplied(a, a, a, a)).collect();
            let image = ColorImage::new([w, h], pixels);
            self.texture(ctx).set_partial([x + PADDING, y + PADDING], image, TextureOptions::LINEAR);
            let size = ATLAS_SIZE as f32;
            let min = egui::pos2((x + PADDING) as f32 / size, (y + PADDING) as f32 / size);
            let max = egui::pos2((x + PADDING + w) as f32 / size, (y + PADDING + h) as f32 / size);
            Some(AtlasGlyph {
                uv: egui::Rect::from_min_max(min, max),
                size: [bitmap.w, bitmap.h],
                left: bitmap.left,
                top: bitmap.top,
            })
        });
        self.glyphs.insert(key, placed);
        placed
    }

    /// A free `w` x `h` cell; when the atlas is full it starts over (every glyph is
    /// rasterized again on demand, which only happens after many zoom levels).
    fn allocate(&mut self, w: usize, h: usize) -> Option<[usize; 2]> {
        if w > ATLAS_SIZE || h > ATLAS_SIZE {
            return None;
        }
        if self.shelf_x + w > ATLAS_SIZE {
            self.shelf_y += self.shelf_h;
            self.shelf_x = 0;
            self.shelf_h = 0;
        }
        if self.shelf_y + h > ATLAS_SIZE {
            self.glyphs.clear();
            self.generation += 1;
            self.shelf_x = 0;
            self.shelf_y = 0;
            self.shelf_h = 0;
        }
        let cell = [self.shelf_x, self.shelf_y];
        self.shelf_x += w;
        self.shelf_h = self.shelf_h.max(h);
        Some(cell)
    }

    /// Changes whenever earlier texture coordinates become invalid.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Number of glyphs rasterized so far.
    pub fn len(&self) -> usize {
        self.glyphs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.glyphs.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shelves_fill_left_to_right_then_top_to_bottom() {
        let mut atlas = GlyphAtlas::default();
        assert_eq!(atlas.allocate(1000, 10), Some([0, 0]));
        assert_eq!(atlas.allocate(1000, 20), Some([1000, 0]));
        assert_eq!(atlas.allocate(100, 5), Some([0, 20]));
        assert_eq!(atlas.allocate(4000, 5), None);
    }

    #[test]
    fn glyphs_are_rasterized_once_and_spaces_have_no_cell() {
        let ctx = egui::Context::default();
        let fonts = Fonts::new().unwrap();
        let layout = crate::text::layout_paragraph(&fonts, "سوريا A", 400.0, 20.0);
        let mut atlas = GlyphAtlas::default();
        for g in &layout.lines[0].glyphs {
            let key = GlyphKey { font: g.font, id: g.id, px_bits: 20f32.to_bits(), subpixel: 0 };
            let first = atlas.glyph(&ctx, &fonts, key);
            assert_eq!(first, atlas.glyph(&ctx, &fonts, key));
        }
        let inked = atlas.glyphs.values().filter(|g| g.is_some()).count();
        assert!(inked >= 3, "letters have bitmaps");
        assert!(atlas.glyphs.values().any(Option::is_none), "the space has none");
    }
}
