//! Laying out, highlighting and drawing an annotated text, with a legend below it.

use super::canvas::{Canvas, PngError, Rgb};
use crate::model::CharRange;
use crate::text::{AlphaBitmap, DocLayout, FontId, Fonts, Glyph, LayoutCache, layout_paragraph, rasterize};
use std::collections::{BTreeMap, HashMap};

const BACKGROUND: Rgb = Rgb([255, 255, 255]);
const INK: Rgb = Rgb([26, 26, 26]);
/// Opacity of a span's background.
const FILL_ALPHA: f32 = 0.35;
/// Opacity and thickness of the bands that show overlapping spans.
const BAND_ALPHA: f32 = 0.9;
const BAND_PX: f32 = 3.0;
/// Subpixel positions per pixel when rasterizing glyphs.
const SUBPIXEL_STEPS: f32 = 4.0;

/// One highlighted span.
#[derive(Clone, Debug, PartialEq)]
pub struct RenderSpan {
    /// Code points of the whole text.
    pub range: CharRange,
    pub color: Rgb,
    /// The label's name, shown in the legend.
    pub label: String,
}

/// Size of the picture.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RenderOptions {
    /// Width of the text area in pixels.
    pub width: u32,
    /// Font size in pixels per em.
    pub font_size: f32,
    /// White space around the text, in pixels.
    pub margin: u32,
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self { width: 800, font_size: 22.0, margin: 24 }
    }
}

/// Rasterized glyphs, by face, glyph id and subpixel step.
#[derive(Default)]
struct GlyphCache {
    bitmaps: HashMap<(FontId, u16, u8), Option<AlphaBitmap>>,
}

impl GlyphCache {
    /// Draws `glyph` with its pen at `(x, baseline)` on the canvas.
    fn draw(&mut self, fonts: &Fonts, canvas: &mut Canvas, glyph: &Glyph, x: f32, baseline: f32, px: f32) {
        let whole = x.floor();
        let step = ((x - whole) * SUBPIXEL_STEPS).floor().clamp(0.0, SUBPIXEL_STEPS - 1.0);
        let key = (glyph.font, glyph.id, step as u8);
        let bitmap = self
            .bitmaps
            .entry(key)
            .or_insert_with(|| rasterize(fonts, glyph.font, glyph.id, px, step / SUBPIXEL_STEPS));
        let Some(bitmap) = bitmap else {
            return;
        };
        let left = whole as i64 + i64::from(bitmap.left);
        let top = baseline.round() as i64 + i64::from(bitmap.top);
        for (i, &a) in bitmap.data.iter().enumerate() {
            if a == 0 {
                continue;
            }
            let (dx, dy) = ((i as u32 % bitmap.w) as i64, (i as u32 / bitmap.w) as i64);
            canvas.blend(left + dx, top + dy, INK, f32::from(a) / 255.0);
        }
    }
}

/// Track of each span: 0 for the first layer (drawn as a background), 1, 2, ... for spans
/// overlapping an earlier one (drawn as bands at the bottom of the line).
fn tracks(spans: &[RenderSpan]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| spans.get(i).map(|s| (s.range.start, std::cmp::Reverse(s.range.end))));
    let mut track_end: Vec<CharRange> = Vec::new();
    let mut out = vec![0; spans.len()];
    for i in order {
        let Some(span) = spans.get(i) else { continue };
        let free = track_end.iter().position(|end| end.end <= span.range.start);
        let t = free.unwrap_or(track_end.len());
        if let Some(slot) = track_end.get_mut(t) {
            *slot = span.range;
        } else {
            track_end.push(span.range);
        }
        if let Some(o) = out.get_mut(i) {
            *o = t;
        }
    }
    out
}

/// Draws `text` with its spans and a legend of their labels.
pub fn render(fonts: &Fonts, text: &str, spans: &[RenderSpan], options: RenderOptions) -> Canvas {
    let px = options.font_size;
    let margin = options.margin as f32;
    let mut cache = LayoutCache::new();
    let doc = DocLayout::new(fonts, text, options.width as f32, px, &mut cache);
    let legend: BTreeMap<&str, Rgb> = spans.iter().map(|s| (s.label.as_str(), s.color)).collect();
    let line_height = fonts.metrics(px).line_height();
    let legend_height = if legend.is_empty() { 0.0 } else { line_height + margin / 2.0 };
    let width = options.width + 2 * options.margin;
    let height = (doc.height + legend_height + 2.0 * margin).ceil() as u32;
    let mut canvas = Canvas::new(width, height, BACKGROUND);

    for (span, track) in spans.iter().zip(tracks(spans)) {
        for r in doc.highlight(span.range) {
            let r = r.translate(margin, margin);
            if track == 0 {
                canvas.fill_rect(r.x0, r.y0, r.x1, r.y1, span.color, FILL_ALPHA);
            } else {
                let bottom = r.y1 - (track - 1) as f32 * (BAND_PX + 1.0);
                canvas.fill_rect(r.x0, bottom - BAND_PX, r.x1, bottom, span.color, BAND_ALPHA);
            }
        }
    }
    let mut glyphs = GlyphCache::default();
    for p in &doc.paragraphs {
        for line in &p.layout.lines {
            let baseline = margin + p.y + line.baseline;
            for g in &line.glyphs {
                let pen_y = baseline + (g.y - line.baseline);
                glyphs.draw(fonts, &mut canvas, g, margin + g.x, pen_y, px);
            }
        }
    }
    draw_legend(fonts, &mut canvas, &mut glyphs, &legend, margin, margin * 1.5 + doc.height, px);
    canvas
}

/// A row of colour swatches, each followed by its label name.
fn draw_legend(
    fonts: &Fonts,
    canvas: &mut Canvas,
    glyphs: &mut GlyphCache,
    legend: &BTreeMap<&str, Rgb>,
    left: f32,
    top: f32,
    px: f32,
) {
    let mut x = left;
    for (name, color) in legend {
        let layout = layout_paragraph(fonts, name, 10_000.0, px);
        let Some(line) = layout.lines.first() else { continue };
        let swatch = px * 0.8;
        let swatch_top = top + line.baseline - swatch;
        canvas.fill_rect(x, swatch_top, x + swatch, swatch_top + swatch, *color, 1.0);
        x += swatch + px * 0.3;
        let min_x = line.clusters.iter().map(|c| c.x0).fold(f32::INFINITY, f32::min);
        let max_x = line.clusters.iter().map(|c| c.x1).fold(f32::NEG_INFINITY, f32::max);
        if min_x.is_finite() && max_x.is_finite() {
            for g in &line.glyphs {
                glyphs.draw(fonts, canvas, g, x + g.x - min_x, top + g.y, px);
            }
            x += max_x - min_x;
        }
        x += px;
    }
}

/// [`render`], encoded as PNG bytes.
pub fn render_png(
    fonts: &Fonts,
    text: &str,
    spans: &[RenderSpan],
    options: RenderOptions,
) -> Result<Vec<u8>, PngError> {
    render(fonts, text, spans, options).to_png()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize) -> RenderSpan {
        RenderSpan { range: CharRange::new(start, end), color: Rgb([0, 0, 255]), label: "x".into() }
    }

    #[test]
    fn overlapping_spans_get_separate_tracks() {
        assert_eq!(tracks(&[span(0, 10), span(5, 8), span(10, 12), span(6, 7)]), vec![0, 1, 0, 2]);
    }
}
