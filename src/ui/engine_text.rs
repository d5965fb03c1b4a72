//! Text drawn through the Arabic text engine in egui: the shared fonts, layout cache and
//! glyph atlas, a painter for laid-out lines, and [`text_line`] for short texts in the
//! side panels (titles, span texts). Nothing here uses egui's own text layout, which has
//! no bidi.

use super::glyph_atlas::{GlyphAtlas, GlyphKey, SUBPIXEL_STEPS};
use crate::text::{DocLayout, FontError, Fonts, LayoutCache, Line};
use egui::{Color32, Mesh, Pos2, Rect, Sense, Ui, Vec2};

/// The text engine's state kept by the window between frames.
pub struct EngineText {
    pub fonts: Fonts,
    pub cache: LayoutCache,
    pub atlas: GlyphAtlas,
}

impl std::fmt::Debug for EngineText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EngineText")
            .field("layouts", &self.cache.len())
            .field("glyphs", &self.atlas.len())
            .finish()
    }
}

impl EngineText {
    /// Parses the embedded fonts.
    pub fn new() -> Result<Self, FontError> {
        Ok(Self { fonts: Fonts::new()?, cache: LayoutCache::new(), atlas: GlyphAtlas::default() })
    }

    /// Lays out a short text (paragraphs split on `\n`) at `width` points, from the cache
    /// when it was laid out before.
    pub fn layout(&mut self, text: &str, width: f32, size: f32) -> DocLayout {
        DocLayout::new(&self.fonts, text, width, size, &mut self.cache)
    }

    /// Adds the glyphs of `line` to `mesh`. `origin` is the top-left of the line's paragraph
    /// on screen (points); `size` the font size the line was laid out at (points).
    #[allow(clippy::too_many_arguments)]
    pub fn push_line(
        &mut self,
        ctx: &egui::Context,
        mesh: &mut Mesh,
        line: &Line,
        origin: Pos2,
        size: f32,
        color: Color32,
    ) {
        let ppp = ctx.pixels_per_point();
        let px_bits = (size * ppp).to_bits();
        let steps = f32::from(SUBPIXEL_STEPS);
        for glyph in &line.glyphs {
            // Pen position in physical pixels: whole pixel plus a sub-pixel step.
            let x = (origin.x + glyph.x) * ppp;
            let y = ((origin.y + glyph.y) * ppp).round();
            let mut whole = x.floor();
            let mut step = ((x - whole) * steps).round();
            if step >= steps {
                whole += 1.0;
                step = 0.0;
            }
            let key = GlyphKey { font: glyph.font, id: glyph.id, px_bits, subpixel: step as u8 };
            let Some(placed) = self.atlas.glyph(ctx, &self.fonts, key) else { continue };
            let min = egui::pos2((whole + placed.left as f32) / ppp, (y + placed.top as f32) / ppp);
            let size = Vec2::new(placed.size[0] as f32, placed.size[1] as f32) / ppp;
            mesh.add_rect_with_uv(Rect::from_min_size(min, size), placed.uv, color);
        }
    }

    /// A mesh for the atlas texture, to fill with [`EngineText::push_line`].
    pub fn mesh(&mut self, ctx: &egui::Context) -> Mesh {
        Mesh::with_texture(self.atlas.texture_id(ctx))
    }

    /// Called once per frame, after painting: drops layouts no longer used.
    pub fn end_frame(&mut self) {
        self.cache.trim();
    }
}

/// A short text (a title, a span's text) drawn through the engine, wrapped at
/// `max_width` and cut after `max_lines` lines: right-aligned when it is Arabic. Screen
/// readers get the whole text.
pub fn text_line(
    ui: &mut Ui,
    engine: &mut EngineText,
    text: &str,
    size: f32,
    max_width: f32,
    max_lines: Option<usize>,
) -> egui::Response {
    let width = max_width.max(size);
    let layout = engine.layout(text, width, size);
    let line_height = engine.fonts.metrics(size).line_height();
    let height = max_lines.map_or(layout.height, |n| layout.height.min(n as f32 * line_height));
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
    if ui.is_rect_visible(rect) {
        let color = ui.visuals().text_color();
        let ctx = ui.ctx().clone();
        let mut mesh = engine.mesh(&ctx);
        for p in &layout.paragraphs {
            let origin = rect.min + Vec2::new(0.0, p.y);
            for line in p.layout.lines.iter().filter(|l| p.y + l.y + l.height <= height + 0.5) {
                engine.push_line(&ctx, &mut mesh, line, origin, size, color);
            }
        }
        ui.painter().add(mesh);
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    response
}
