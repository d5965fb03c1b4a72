//! The document view: the article drawn by the text engine, with span highlights, the
//! selection and search hits, and the mouse mapped to exact code point offsets.
//!
//! The whole document is laid out once per (text, width, font size) and kept; each frame
//! only the visible lines are painted and only the spans that reach them are measured.
//! Dragging selects whole words (hold Alt for single graphemes; a letter never parts from
//! its harakat), double-click selects a word, Shift+click extends. Dragging an end of the
//! selected span moves that end (one undo step per drag); the span-end keys of the
//! shortcut table move its end/start by one grapheme ([`DocView::nudged`]).
//!
//! Links are drawn as connectors that keep off the letters: they run only in the gaps
//! between lines and in the right margin (where the right-to-left lines start). From the
//! head span's edge that faces the tail (its bottom when the tail is further down, its top
//! when the tail is higher up) into the gap, along the gap to the margin, down or up the
//! margin to the gap beside the tail, and along it to an arrow on the tail's facing edge; a
//! link within one line is a bracket over it. The type's name sits on the connector by the
//! head.
//!
//! This module lays out and paints; `pointer` handles the mouse (hover, selection, span
//! ends) and the keyboard's span-end moves; `links` draws the connectors.

use super::engine_text::{EngineText, Quad, push_quads, snap};
use super::marks::{Band, lanes, paint_bands, paint_current};
use super::{Action, Look, UiContext, theme};
use crate::model::{CharIndex, CharRange, Color, ContentHash, Document, Label, LayerRef, Span, SpanId};
use crate::session::FrameView;
use crate::text::lanes::{leading, text_part};
use crate::text::{Affinity, DocLayout, Rect as TRect};
use egui::{Color32, Mesh, Pos2, Rect, Sense, Stroke, Ui, Vec2};

mod links;
mod pointer;

/// Lines whose glyph quads are kept between frames.
const MAX_CACHED_LINES: usize = 4096;

/// How close (in points) to a span end a press must be to drag that end.
const HANDLE_REACH: f32 = 6.0;

/// A read-only layer shown under the text: another annotator's spans.
pub struct OtherLayer<'a> {
    pub name: &'a str,
    pub color: Color,
    pub spans: &'a [Span],
}

/// The search hits to mark in the document shown, and the current one.
#[derive(Clone, Copy, Debug, Default)]
pub struct Highlights<'a> {
    pub hits: &'a [CharRange],
    pub current: Option<CharRange>,
}

/// What the view draws this frame, gathered from the frame's context.
struct Input<'a> {
    frame: FrameView<'a>,
    doc: &'a Document,
    others: Vec<OtherLayer<'a>>,
    hits: Highlights<'a>,
    look: Look,
    /// The link being made: its head and, once picked, its target.
    link: Option<(SpanId, Option<SpanId>)>,
    /// In review, the text of the item shown: outlined strongly.
    current: Vec<CharRange>,
}

impl<'a> Input<'a> {
    fn new(cx: &UiContext<'a>, hits: Highlights<'a>) -> Option<Self> {
        let frame = cx.frame.clone();
        let doc = frame.document?;
        let mut others: Vec<OtherLayer<'a>> = frame
            .shown_layers()
            .into_iter()
            .map(|l| OtherLayer {
                name: l.name,
                color: theme::LAYER_COLORS[l.index % theme::LAYER_COLORS.len()],
                spans: l.spans,
            })
            .collect();
        let review = frame.review();
        if let Some(review) = review {
            // A's lane first, then B's.
            others.sort_by_key(|o| review.annotators().iter().position(|a| a == o.name));
        }
        let current = review.and_then(|r| r.current_disagreement()).map(|d| d.marked()).unwrap_or_default();
        let link = frame.view.link.as_ref().map(|l| (l.head, l.target));
        Some(Self { frame, doc, others, hits, look: cx.look, link, current })
    }
}

/// How far (points) the view's width may move before the document is laid out again: a
/// line broken for a width one point off still fits the margin.
const WIDTH_SLACK: f32 = 1.0;

/// The layout of one document at one width and size, kept between frames.
struct CachedLayout {
    hash: ContentHash,
    width_bits: u32,
    px_bits: u32,
    leading_bits: u32,
    layout: DocLayout,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Drag {
    /// Selecting text from `anchor`.
    Select { anchor: usize },
    /// Moving one end of a span.
    Boundary { span: SpanId, start_end: bool, key: u64 },
}

/// The view's state between frames.
#[derive(Default)]
pub struct DocView {
    cached: Option<CachedLayout>,
    drag: Option<Drag>,
    /// Where the last selection started, for Shift+click.
    anchor: Option<usize>,
    drags: u64,
    /// Screen position of the layout's top-left in the last frame.
    origin: Option<Pos2>,
    /// Code point index of the current document's text.
    index: Option<(ContentHash, CharIndex)>,
    /// The paragraphs painted in the last frame.
    visible: Option<CharRange>,
    /// Glyph quads of lines already painted, per line of the cached layout.
    quads: ahash::HashMap<(usize, usize), Vec<Quad>>,
    /// Atlas generation and pixels per point the quads were made for.
    quads_for: (u64, u32),
    /// Lanes of the editable layer's spans and the longest span, and what they were
    /// computed for (document, layer, revision, span count).
    lanes: Vec<usize>,
    lane_count: usize,
    longest: usize,
    lanes_for: Option<(ContentHash, LayerRef, u64, usize)>,
    /// How many times a document was laid out (for tests and benchmarks).
    layouts: u64,
}

impl DocView {
    /// How many times the view laid out a whole document: once per document shown (and
    /// per width or font size), never for an edit or a repaint.
    pub fn layouts_made(&self) -> u64 {
        self.layouts
    }

    /// The layout in use, if the view was drawn (for tests and benchmarks).
    pub fn layout(&self) -> Option<&DocLayout> {
        self.cached.as_ref().map(|c| &c.layout)
    }

    fn index(&self) -> &CharIndex {
        match &self.index {
            Some((_, index)) => index,
            None => unreachable_index(),
        }
    }

    /// The code point range of the paragraphs painted in the last frame.
    pub fn last_visible_range(&self) -> Option<CharRange> {
        self.visible
    }

    /// Where `range` was drawn in the last frame, in screen points (one rectangle per
    /// line and bidi run).
    pub fn screen_rects(&self, range: CharRange) -> Vec<Rect> {
        let (Some(cached), Some(origin)) = (&self.cached, self.origin) else { return Vec::new() };
        cached.layout.highlight(range).into_iter().map(|r| to_screen(r, origin)).collect()
    }

    /// The code point index of `doc`'s text, built once per document.
    pub fn index_for(&mut self, doc: &Document) -> &CharIndex {
        let stale = self.index.as_ref().is_none_or(|(hash, _)| hash != &doc.hash);
        if stale {
            self.index = Some((doc.hash.clone(), CharIndex::new(&doc.text)));
        }
        self.index()
    }

    fn ensure_layout(&mut self, engine: &mut EngineText, doc: &Document, width: f32, size: f32, room: f32) {
        self.index_for(doc);
        let fresh = self.cached.as_ref().is_some_and(|c| {
            c.hash == doc.hash
                && (f32::from_bits(c.width_bits) - width).abs() <= WIDTH_SLACK
                && c.px_bits == size.to_bits()
                && c.leading_bits == room.to_bits()
        });
        if fresh {
            return;
        }
        let layout = engine.layout_spaced(&doc.text, width, size, room);
        self.layouts += 1;
        self.quads.clear();
        self.cached = Some(CachedLayout {
            hash: doc.hash.clone(),
            width_bits: width.to_bits(),
            px_bits: size.to_bits(),
            leading_bits: room.to_bits(),
            layout,
        });
    }

    /// Draws the document and turns mouse and keys into actions.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut UiContext<'_>, hits: Highlights<'_>) {
        let Some(input) = Input::new(cx, hits) else { return };
        let input = &input;
        let (engine, actions) = (&mut *cx.engine, &mut *cx.actions);
        let margin = theme::DOC_MARGIN;
        // Whole points, and a layout kept within `WIDTH_SLACK` of its width: panel widths
        // wobble by fractions of a point as they settle (a panel's first frame is 287.4
        // points wide, its next 287), and each new width would lay the whole article out
        // again.
        let width = (ui.available_width() - 2.0 * margin).max(input.look.font_size * 4.0).floor();
        // Room below every line for the marks under the text: the editable layer's
        // overlapping spans and the other layers shown, one lane each.
        self.update_lanes(input);
        let room = leading(self.lane_count.saturating_sub(1) + input.others.len());
        self.ensure_layout(engine, input.doc, width, input.look.font_size, room);
        egui::ScrollArea::vertical().id_salt("doc-view").auto_shrink([false, false]).show_viewport(
            ui,
            |ui, viewport| {
                let Some(cached) = &self.cached else { return };
                let height = cached.layout.height + 2.0 * margin;
                let (rect, response) =
                    ui.allocate_exact_size(Vec2::new(width + 2.0 * margin, height), Sense::click_and_drag());
                let origin = rect.min + Vec2::splat(margin);
                self.origin = Some(origin);
                let y0 = viewport.min.y - margin;
                let y1 = viewport.max.y - margin;
                if let Some(range) = input.frame.view.reveal
                    && let Some(first) = cached.layout.highlight(range).first()
                {
                    ui.scroll_to_rect(to_screen(*first, origin), Some(egui::Align::Center));
                }
                let text = &input.doc.text;
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Document, true, text));
                self.visible = Some(cached.layout.visible_range(y0, y1));
                self.paint(ui, engine, input, origin, y0, y1);
                let hovered = self.hovered_span(input, origin, &response);
                self.handle_pointer(ui, input, origin, &response, hovered, actions);
                if response.hovered() {
                    let zoom = ui.input(|i| i.zoom_delta());
                    if zoom > 1.0 {
                        actions.push(Action::Run(super::commands::UiCommand::ZoomIn));
                    } else if zoom < 1.0 {
                        actions.push(Action::Run(super::commands::UiCommand::ZoomOut));
                    }
                }
            },
        );
    }

    /// The lanes of the editable layer's spans, computed again when they changed.
    fn update_lanes(&mut self, input: &Input<'_>) {
        let key = (
            input.doc.hash.clone(),
            input.frame.edit_layer.clone(),
            input.frame.generation,
            input.frame.spans.len(),
        );
        if self.lanes_for.as_ref() != Some(&key) {
            self.lanes = lanes(input.frame.spans);
            self.longest = input.frame.spans.iter().map(|s| s.range().len()).max().unwrap_or(0);
            self.lane_count = self.lanes.iter().max().map_or(0, |m| m + 1);
            self.lanes_for = Some(key);
        }
    }

    /// The room below each line of the layout in use, for the marks under the text.
    fn room(&self) -> f32 {
        self.cached.as_ref().map_or(0.0, |c| f32::from_bits(c.leading_bits))
    }

    /// Room below each line for marks under the text in the layout in use (for tests).
    pub fn lane_room(&self) -> f32 {
        self.room()
    }

    fn paint(&mut self, ui: &Ui, engine: &mut EngineText, input: &Input<'_>, origin: Pos2, y0: f32, y1: f32) {
        let Some(cached) = &self.cached else { return };
        let layout = &cached.layout;
        let painter = ui.painter();
        let visible = layout.visible_range(y0, y1);
        // Backgrounds and underlines are two plain meshes: one shape each, however many
        // spans are on screen.
        let mut fills = Mesh::default();
        let mut rects = Vec::new();
        let room = self.room();
        let mut fill = |range: CharRange, color: Color32, rects: &mut Vec<TRect>| {
            rects.clear();
            layout.highlight_into(range, rects);
            for r in rects.iter() {
                fills.add_colored_rect(to_screen(text_part(*r, room), origin), color);
            }
        };
        for hit in input.hits.hits.iter().filter(|h| h.overlaps(&visible)) {
            fill(*hit, theme::search_hit_color(), &mut rects);
        }
        if let Some(hit) = input.hits.current {
            fill(hit, theme::search_hit_color().gamma_multiply(1.6), &mut rects);
        }
        // The editable layer: the first span of a stack filled, the spans overlapping it
        // underlined, one lane each. Spans are in reading order, so the ones on screen are found by binary search.
        let first = input.frame.spans.partition_point(|s| s.start.0 + self.longest <= visible.start.0);
        let last = input.frame.spans.partition_point(|s| s.start < visible.end);
        let mut underlines = Vec::new();
        let mut suggested = Vec::new();
        let on_screen = input.frame.spans.iter().zip(&self.lanes).take(last).skip(first);
        for (span, lane) in on_screen {
            if !span.range().overlaps(&visible) {
                continue;
            }
            let color = label_color(&input.frame.project.labels, span);
            if span.is_suggested() {
                // A suggestion is not the annotator's yet: an outline, never a fill.
                suggested.push((span.range(), color));
                continue;
            }
            match lane.checked_sub(1) {
                None => fill(span.range(), theme::label_color(color, theme::HIGHLIGHT_ALPHA), &mut rects),
                Some(lane) => underlines.push(Band { range: span.range(), color, lane }),
            }
        }
        // Other layers' bands go below the editable layer's own underline lanes.
        let own_lanes = self.lane_count.saturating_sub(1);
        for (i, other) in input.others.iter().enumerate() {
            for span in other.spans.iter().filter(|s| s.range().overlaps(&visible)) {
                underlines.push(Band { range: span.range(), color: other.color, lane: own_lanes + i });
            }
        }
        if let Some(selection) = input.frame.view.selection {
            fill(selection, theme::selection_color(input.look.dark), &mut rects);
        }
        painter.add(fills);
        let color = theme::text_color(input.look.dark);
        let ctx = ui.ctx();
        let quads_for = (engine.atlas_generation(), ctx.pixels_per_point().to_bits());
        // Quads are kept for lines painted before; a long scroll through a huge document
        // starts the cache afresh rather than letting it grow without bound.
        if quads_for != self.quads_for || self.quads.len() > MAX_CACHED_LINES {
            self.quads.clear();
            self.quads_for = quads_for;
        }
        let lines = layout.visible_lines(y0, y1);
        let mut glyphs = 0;
        for line_ref in &lines {
            let Some(p) = layout.paragraphs.get(line_ref.paragraph) else { continue };
            let Some(line) = p.layout.lines.get(line_ref.line) else { continue };
            let quads = self
                .quads
                .entry((line_ref.paragraph, line_ref.line))
                .or_insert_with(|| engine.line_quads(ctx, line, input.look.font_size));
            glyphs += quads.len();
        }
        let mut mesh = engine.mesh(ctx);
        mesh.reserve_triangles(2 * glyphs);
        mesh.reserve_vertices(4 * glyphs);
        for line_ref in &lines {
            let (Some(p), Some(quads)) = (
                layout.paragraphs.get(line_ref.paragraph),
                self.quads.get(&(line_ref.paragraph, line_ref.line)),
            ) else {
                continue;
            };
            push_quads(&mut mesh, quads, snap(ctx, origin + Vec2::new(0.0, p.y)), color);
        }
        painter.add(mesh);
        paint_bands(painter, layout, origin, &underlines, room);
        for current in &input.current {
            paint_current(painter, layout, origin, *current, input.look.dark);
        }
        for (range, color) in suggested {
            rects.clear();
            layout.highlight_into(range, &mut rects);
            let stroke = Stroke::new(1.5, theme::label_color(color, 255));
            for r in &rects {
                let r = to_screen(text_part(*r, room), origin).shrink(1.0);
                let corners = [r.left_top(), r.right_top(), r.right_bottom(), r.left_bottom(), r.left_top()];
                painter.extend(egui::Shape::dashed_line(&corners, stroke, 4.0, 3.0));
            }
        }
        self.paint_links(painter, input, origin, visible);
        if let Some(span) =
            input.frame.view.selected_span.and_then(|id| input.frame.spans.iter().find(|s| s.id == id))
        {
            let stroke = Stroke::new(1.5, theme::selected_span_stroke(input.look.dark));
            for r in layout.highlight(span.range()) {
                painter.rect_stroke(to_screen(r, origin), 2.0, stroke, egui::StrokeKind::Outside);
            }
            for (at, affinity) in [(span.start.0, Affinity::Downstream), (span.end.0, Affinity::Upstream)] {
                let caret = layout.caret(at, affinity);
                let x = origin.x + caret.x;
                let top = origin.y + caret.top;
                painter.line_segment(
                    [egui::pos2(x, top), egui::pos2(x, top + caret.height)],
                    Stroke::new(2.5, stroke.color),
                );
            }
        }
    }
}

fn label_color(labels: &[Label], span: &Span) -> Color {
    labels.iter().find(|l| l.id == span.label).map_or(Color([128, 128, 128]), |l| l.color)
}

/// What the tooltip says of `span` (logical order, drawn wrapped).
fn describe(labels: &[Label], span: &Span) -> String {
    let name = labels.iter().find(|l| l.id == span.label).map_or(span.label.as_str(), |l| l.name.as_str());
    if let crate::model::Origin::Suggested { rule } = &span.origin {
        return crate::tr_logical!("doc-suggested-hover", name = name, rule = rule.as_str());
    }
    match &span.note {
        Some(note) => format!("{name} — {} — {note}", span.annotator),
        None => format!("{name} — {}", span.annotator),
    }
}

/// An empty index, for a view that has shown no document yet.
fn unreachable_index() -> &'static CharIndex {
    static EMPTY: std::sync::OnceLock<CharIndex> = std::sync::OnceLock::new();
    EMPTY.get_or_init(CharIndex::default)
}

fn ordered(a: usize, b: usize) -> CharRange {
    if a <= b { CharRange::new(a, b) } else { CharRange::new(b, a) }
}

fn to_screen(r: TRect, origin: Pos2) -> Rect {
    Rect::from_min_max(
        egui::pos2(origin.x + r.x0, origin.y + r.y0),
        egui::pos2(origin.x + r.x1, origin.y + r.y1),
    )
}
