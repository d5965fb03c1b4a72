//! Text drawn through the Arabic text engine in egui: the shared fonts, layout cache and
//! glyph atlas, a painter for laid-out lines, and [`text_line`] for short texts in the
//! side panels (titles, span texts). Nothing here uses egui's own text layout, which has
//! no bidi.

use super::glyph_atlas::{GlyphAtlas, GlyphKey, SUBPIXEL_STEPS};
use crate::text::{DocLayout, FontError, Fonts, LayoutCache, Line};
use egui::{Color32, Mesh, Pos2, Rect, Sense, Ui, Vec2};

/// One glyph on screen: where (points, relative to its paragraph) and which part of the atlas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quad {
    pub rect: Rect,
    pub uv: Rect,
}

/// `origin` moved to the nearest whole physical pixel, so glyphs stay crisp.
pub fn snap(ctx: &egui::Context, origin: Pos2) -> Pos2 {
    let ppp = ctx.pixels_per_point();
    egui::pos2((origin.x * ppp).round() / ppp, (origin.y * ppp).round() / ppp)
}

/// Adds `quads` at `origin` to `mesh` in `color`.
pub fn push_quads(mesh: &mut Mesh, quads: &[Quad], origin: Pos2, color: Color32) {
    let offset = origin.to_vec2();
    for q in quads {
        mesh.add_rect_with_uv(q.rect.translate(offset), q.uv, color);
    }
}

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

    /// [`EngineText::layout`] with `leading` points of room below every line for marks
    /// under the text.
    pub fn layout_spaced(&mut self, text: &str, width: f32, size: f32, leading: f32) -> DocLayout {
        DocLayout::spaced(&self.fonts, text, width, size, leading, &mut self.cache)
    }

    /// Adds the glyphs of `line` to `mesh`. `origin` is the top-left of the line's paragraph
    /// on screen (points); `size` the font size the line was laid out at (points).
    pub fn push_line(
        &mut self,
        ctx: &egui::Context,
        mesh: &mut Mesh,
        line: &Line,
        origin: Pos2,
        size: f32,
        color: Color32,
    ) {
        let quads = self.line_quads(ctx, line, size);
        push_quads(mesh, &quads, snap(ctx, origin), color);
    }

    /// The textured quads of `line`'s glyphs relative to its paragraph's origin, for an
    /// origin on a whole physical pixel (see [`snap`]): positions in points, texture
    /// coordinates in the atlas. Valid while [`EngineText::atlas_generation`] is unchanged.
    pub fn line_quads(&mut self, ctx: &egui::Context, line: &Line, size: f32) -> Vec<Quad> {
        let ppp = ctx.pixels_per_point();
        let px_bits = (size * ppp).to_bits();
        let steps = f32::from(SUBPIXEL_STEPS);
        let mut quads = Vec::with_capacity(line.glyphs.len());
        for glyph in &line.glyphs {
            // Pen position in physical pixels: a whole pixel plus a sub-pixel step.
            let x = glyph.x * ppp;
            let y = (glyph.y * ppp).round();
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
            quads.push(Quad { rect: Rect::from_min_size(min, size), uv: placed.uv });
        }
        quads
    }

    /// Changes whenever quads from [`EngineText::line_quads`] must be made again.
    pub fn atlas_generation(&self) -> u64 {
        self.atlas.generation()
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
/// `max_width` and cut after `max_lines` lines with an ellipsis at its end (on the left of
/// an Arabic line): right-aligned when it is Arabic. Screen readers get the whole text.
pub fn text_line(
    ui: &mut Ui,
    engine: &mut EngineText,
    text: &str,
    size: f32,
    max_width: f32,
    max_lines: Option<usize>,
) -> egui::Response {
    let width = max_width.max(size);
    let mut layout = engine.layout(text, width, size);
    let line_height = engine.fonts.metrics(size).line_height();
    let lines: usize = layout.paragraphs.iter().map(|p| p.layout.lines.len()).sum();
    let cut = max_lines.is_some_and(|n| lines > n);
    let ellipsis = size;
    if cut {
        // Room for the ellipsis at the end of the last line shown.
        layout = engine.layout(text, (width - ellipsis).max(size), size);
    }
    let height = max_lines.map_or(layout.height, |n| layout.height.min(n as f32 * line_height));
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
    if ui.is_rect_visible(rect) {
        let color = ui.visuals().text_color();
        let ctx = ui.ctx().clone();
        let mut mesh = engine.mesh(&ctx);
        let mut last_shown = None;
        for p in &layout.paragraphs {
            let origin = rect.min + Vec2::new(0.0, p.y);
            for line in p.layout.lines.iter().filter(|l| p.y + l.y + l.height <= height + 0.5) {
                engine.push_line(&ctx, &mut mesh, line, origin, size, color);
                last_shown = Some((p.layout.rtl, p.y + line.y, line));
            }
        }
        ui.painter().add(mesh);
        if cut && let Some((rtl, y, line)) = last_shown {
            let x = if rtl {
                line.clusters.first().map_or(rect.left(), |c| rect.left() + c.x0) - ellipsis / 2.0
            } else {
                line.clusters.last().map_or(rect.right(), |c| rect.left() + c.x1) + ellipsis / 2.0
            };
            let at = egui::pos2(x, rect.top() + y + line.baseline);
            let font = egui::FontId::proportional(size * 0.8);
            ui.painter().text(at, egui::Align2::CENTER_BOTTOM, "…", font, color);
        }
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    response
}
