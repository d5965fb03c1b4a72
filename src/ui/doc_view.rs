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

use super::engine_text::{EngineText, Quad, push_quads, snap};
use super::marks::{Band, lanes, paint_bands, paint_current};
use super::{Action, Look, UiContext, theme};
use crate::model::{CharIndex, CharRange, Color, ContentHash, Document, Label, LayerRef, Span, SpanId};
use crate::session::FrameView;
use crate::text::lanes::{leading, text_part};
use crate::text::{Affinity, DocLayout, Rect as TRect, next_grapheme, prev_grapheme, snap_to_words, word_at};
use egui::{Color32, Mesh, Pos2, Rect, Sense, Stroke, Ui, Vec2};

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
                && c.width_bits == width.to_bits()
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
        // Whole points: panel widths wobble by fractions of a point as their content changes,
        // and each new width would lay the whole article out again.
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

    /// The lines a span covers on screen: each line's top, bottom and the middle of the
    /// span's part of it, from the first line to the last.
    fn span_lines(&self, range: CharRange, origin: Pos2) -> Vec<(f32, f32, f32)> {
        let Some(cached) = &self.cached else { return Vec::new() };
        let mut lines: Vec<(f32, f32, f32, f32)> = Vec::new();
        for r in cached.layout.highlight(range) {
            match lines.iter_mut().find(|l| (l.0 - r.y0).abs() < 0.5) {
                Some(line) => {
                    line.2 = line.2.min(r.x0);
                    line.3 = line.3.max(r.x1);
                }
                None => lines.push((r.y0, r.y1, r.x0, r.x1)),
            }
        }
        lines.sort_by(|a, b| a.0.total_cmp(&b.0));
        lines
            .into_iter()
            .map(|(y0, y1, x0, x1)| (origin.y + y0, origin.y + y1, origin.x + (x0 + x1) / 2.0))
            .collect()
    }

    /// The connector from span range `head` to `tail` and the tip of its arrow, with
    /// whether the arrow points down. It joins the lines of the two spans that are
    /// closest to each other (a figure inside its claim is joined over their shared line).
    fn connector(
        &self,
        head: CharRange,
        tail: CharRange,
        origin: Pos2,
        margin_x: f32,
        rise: f32,
    ) -> Option<(Vec<Pos2>, Pos2, bool)> {
        let (heads, tails) = (self.span_lines(head, origin), self.span_lines(tail, origin));
        let (h, t) = heads
            .iter()
            .flat_map(|h| tails.iter().map(move |t| (h, t)))
            .min_by(|a, b| (a.0.0 - a.1.0).abs().total_cmp(&(b.0.0 - b.1.0).abs()))?;
        let (h_top, h_bottom, h_x) = *h;
        let (t_top, t_bottom, t_x) = *t;
        if (h_top - t_top).abs() < 1.0 {
            let (from, to) = (egui::pos2(h_x, h_top), egui::pos2(t_x, t_top));
            return Some((route(from, to, margin_x, -rise), to, true));
        }
        if t_top > h_top {
            let (from, to) = (egui::pos2(h_x, h_bottom), egui::pos2(t_x, t_top));
            Some((route(from, to, margin_x, rise), to, true))
        } else {
            let (from, to) = (egui::pos2(h_x, h_top), egui::pos2(t_x, t_bottom));
            Some((route(from, to, margin_x, -rise), to, false))
        }
    }

    /// The links of the edited layer with an end on screen, and the link being made.
    fn paint_links(&self, painter: &egui::Painter, input: &Input<'_>, origin: Pos2, visible: CharRange) {
        let Some(cached) = &self.cached else { return };
        let margin_x = origin.x + cached.layout.width + 4.0;
        let find = |id: SpanId| input.frame.spans.iter().find(|s| s.id == id);
        let font = egui::FontId::proportional(9.5);
        for (k, relation) in input.frame.relations.iter().enumerate() {
            let (Some(head), Some(tail)) = (find(relation.head), find(relation.tail)) else { continue };
            if !head.range().overlaps(&visible) && !tail.range().overlaps(&visible) {
                continue;
            }
            let lane = (k % 4) as f32;
            let Some((points, tip, down)) =
                self.connector(head.range(), tail.range(), origin, margin_x + lane * 4.0, 3.0 + lane)
            else {
                continue;
            };
            let kind = input.frame.project.relation_types.iter().find(|t| t.id == relation.kind);
            let color = theme::label_color(kind.map_or(Color([128, 128, 128]), |t| t.color), 210);
            painter.add(egui::Shape::line(points.clone(), Stroke::new(1.5, color)));
            arrow_head(painter, tip, down, color);
            let name = kind.map_or(relation.kind.as_str(), |t| t.name.as_str());
            if let (Some(at), Some(next)) = (points.get(1), points.get(2)) {
                // Small, centred on the gap the connector runs along, beside the bend.
                let galley = painter.layout_no_wrap(name.to_string(), font.clone(), color);
                let size = galley.size();
                let x = if next.x >= at.x { at.x + 3.0 } else { at.x - 3.0 - size.x };
                let pos = egui::pos2(x, at.y - size.y / 2.0);
                let back = Rect::from_min_size(pos, size).expand(1.0);
                let paper = if input.look.dark { Color([30, 30, 30]) } else { Color([255, 255, 255]) };
                painter.rect_filled(back, 3.0, theme::label_color(paper, 170));
                painter.galley(pos, galley, color);
            }
        }
        if let Some((head, target)) = input.link
            && let Some(head) = find(head)
        {
            let stroke = Stroke::new(2.0, theme::selected_span_stroke(input.look.dark));
            let connector = target
                .and_then(find)
                .and_then(|t| self.connector(head.range(), t.range(), origin, margin_x + 16.0, 6.0));
            match connector {
                Some((points, tip, down)) => {
                    painter.extend(egui::Shape::dashed_line(&points, stroke, 5.0, 3.0));
                    arrow_head(painter, tip, down, stroke.color);
                }
                None => {
                    if let Some(&(top, _, x)) = self.span_lines(head.range(), origin).first() {
                        painter.circle_stroke(egui::pos2(x, top), 4.0, stroke);
                    }
                }
            }
        }
    }

    /// The innermost span of the editable layer under the pointer, with a tooltip.
    fn hovered_span<'s>(
        &self,
        input: &Input<'s>,
        origin: Pos2,
        response: &egui::Response,
    ) -> Option<&'s Span> {
        let cached = self.cached.as_ref()?;
        let pos = response.hover_pos()?;
        let at = cached.layout.hit_test(pos.x - origin.x, pos.y - origin.y).char_under?;
        let contains = |s: &&Span| s.start.0 <= at && at < s.end.0;
        let own = input.frame.spans.iter().filter(contains).min_by_key(|s| s.range().len());
        let mut lines: Vec<String> = own.iter().map(|s| describe(&input.frame.project.labels, s)).collect();
        for other in &input.others {
            lines.extend(
                other.spans.iter().filter(contains).map(|s| describe(&input.frame.project.labels, s)),
            );
        }
        if !lines.is_empty() {
            response.clone().on_hover_ui_at_pointer(|ui| {
                for line in &lines {
                    ui.label(line);
                }
            });
        }
        own
    }

    fn handle_pointer(
        &mut self,
        ui: &Ui,
        input: &Input<'_>,
        origin: Pos2,
        response: &egui::Response,
        hovered: Option<&Span>,
        actions: &mut Vec<Action>,
    ) {
        let Some(cached) = &self.cached else { return };
        let layout = &cached.layout;
        let (shift, alt) = ui.input(|i| (i.modifiers.shift, i.modifiers.alt));
        let hit_at = |pos: Pos2| layout.hit_test(pos.x - origin.x, pos.y - origin.y);
        if response.drag_started()
            && let Some(press) = ui.input(|i| i.pointer.press_origin())
        {
            response.request_focus();
            self.drags += 1;
            self.drag = match self.boundary_under(input, origin, press) {
                Some((span, start_end)) => Some(Drag::Boundary { span, start_end, key: self.drags }),
                None => {
                    let anchor = match (shift, input.frame.view.selection, self.anchor) {
                        (true, Some(_), Some(anchor)) => anchor,
                        _ => hit_at(press).offset,
                    };
                    self.anchor = Some(anchor);
                    Some(Drag::Select { anchor })
                }
            };
        }
        if response.dragged()
            && let Some(pos) = response.interact_pointer_pos()
        {
            let head = hit_at(pos).offset;
            match self.drag {
                Some(Drag::Select { anchor }) => {
                    let range = ordered(anchor, head);
                    let range = if alt { range } else { self.snap(&input.doc.text, range) };
                    let selection = Some(range).filter(|r| !r.is_empty());
                    // Only a change is an action: holding the button still asks for nothing.
                    if selection != input.frame.view.selection {
                        actions.push(Action::SetSelection(selection));
                    }
                }
                Some(Drag::Boundary { span, start_end, key }) if resizes(input, span, start_end, head) => {
                    actions.push(Action::Resize { span, start_end, to: head, drag: Some(key) });
                }
                Some(Drag::Boundary { .. }) | None => {}
            }
        }
        if response.drag_stopped() {
            if matches!(self.drag, Some(Drag::Boundary { .. })) {
                actions.push(Action::EndDrag);
            }
            self.drag = None;
        }
        if response.double_clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            if let Some(word) = hit_at(pos).char_under.and_then(|at| self.word_at(&input.doc.text, at)) {
                self.anchor = Some(word.start.0);
                actions.push(Action::SetSelection(Some(word)));
            }
        } else if response.clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            response.request_focus();
            let hit = hit_at(pos);
            match (shift, input.frame.view.selection, self.anchor) {
                (true, Some(_), Some(anchor)) => {
                    let range = ordered(anchor, hit.offset);
                    let range = if alt { range } else { self.snap(&input.doc.text, range) };
                    actions.push(Action::SetSelection(Some(range)));
                }
                _ => match hovered {
                    Some(span) => actions.push(Action::SelectSpan(Some(span.id))),
                    None => {
                        self.anchor = Some(hit.offset);
                        actions.push(Action::SetSelection(None));
                        actions.push(Action::SelectSpan(None));
                    }
                },
            }
        }
    }

    /// The selected span's end near `pos`, if any: (span, true for its start).
    fn boundary_under(&self, input: &Input<'_>, origin: Pos2, pos: Pos2) -> Option<(SpanId, bool)> {
        let layout = &self.cached.as_ref()?.layout;
        let span = input.frame.spans.iter().find(|s| Some(s.id) == input.frame.view.selected_span)?;
        for (at, affinity, is_start) in
            [(span.start.0, Affinity::Downstream, true), (span.end.0, Affinity::Upstream, false)]
        {
            let caret = layout.caret(at, affinity);
            let x = origin.x + caret.x;
            let top = origin.y + caret.top;
            if (pos.x - x).abs() <= HANDLE_REACH && pos.y >= top && pos.y <= top + caret.height {
                return Some((span.id, is_start));
            }
        }
        None
    }

    /// `range` grown to whole words, looking only at the paragraphs it touches.
    fn snap(&self, text: &str, range: CharRange) -> CharRange {
        let Some(cached) = &self.cached else { return range };
        let layout = &cached.layout;
        let para = |at: usize| layout.paragraphs.get(layout.paragraph_of(at)).map(|p| p.range());
        let (Some(first), Some(last)) =
            (para(range.start.0), para(range.end.0.saturating_sub(1).max(range.start.0)))
        else {
            return range;
        };
        let slice = |r: CharRange| self.index().slice(text, r).unwrap_or("");
        let start_para = slice(first);
        let local_end = if first == last { range.end.0 - first.start.0 } else { first.len() };
        let snapped_start =
            snap_to_words(start_para, CharRange::new(range.start.0 - first.start.0, local_end));
        let start = first.start.0 + snapped_start.start.0;
        let end = if first == last {
            first.start.0 + snapped_start.end.0
        } else {
            let end_para = slice(last);
            let snapped =
                snap_to_words(end_para, CharRange::new(0, range.end.0.saturating_sub(last.start.0)));
            last.start.0 + snapped.end.0
        };
        CharRange::new(start, end.max(start))
    }

    fn word_at(&self, text: &str, at: usize) -> Option<CharRange> {
        let cached = self.cached.as_ref()?;
        let p = cached.layout.paragraphs.get(cached.layout.paragraph_of(at))?;
        let para = self.index().slice(text, p.range()).ok()?;
        let word = word_at(para, at - p.start)?;
        Some(CharRange::new(word.start.0 + p.start, word.end.0 + p.start))
    }

    /// Where the end (or, with `is_start`, the start) of `span` goes when moved one
    /// grapheme to the left or right on screen, in the visual direction of its paragraph.
    pub fn nudged(&self, text: &str, span: CharRange, is_start: bool, left: bool) -> Option<usize> {
        let layout = &self.cached.as_ref()?.layout;
        let at = if is_start { span.start.0 } else { span.end.0 };
        let p = layout.paragraphs.get(layout.paragraph_of(at.saturating_sub(usize::from(!is_start))))?;
        let para = self.index().slice(text, p.range()).ok()?;
        let forward = left == p.layout.rtl;
        let local = at.saturating_sub(p.start);
        Some(p.start + if forward { next_grapheme(para, local) } else { prev_grapheme(para, local) })
    }
}

/// Whether moving one end of span `id` to `to` changes it.
fn resizes(input: &Input<'_>, id: SpanId, start_end: bool, to: usize) -> bool {
    input
        .frame
        .spans
        .iter()
        .find(|s| s.id == id)
        .is_some_and(|s| crate::session::edits::resized_range(s.range(), start_end, to).is_some())
}

fn label_color(labels: &[Label], span: &Span) -> Color {
    labels.iter().find(|l| l.id == span.label).map_or(Color([128, 128, 128]), |l| l.color)
}

fn describe(labels: &[Label], span: &Span) -> String {
    let name = labels.iter().find(|l| l.id == span.label).map_or(span.label.as_str(), |l| l.name.as_str());
    if let crate::model::Origin::Suggested { rule } = &span.origin {
        return format!("{name} — suggested ({rule}): Y accepts, X rejects");
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

/// The connector of a link from `from` to `to` (span edges): from `from` by `step` (down
/// when positive) into the gap beside its line; on one line or neighbouring lines, along
/// that gap to `to`; otherwise along the gap to the margin at `margin_x`, down or up the
/// margin, and back along the gap beside `to` (`step` the other way round).
fn route(from: Pos2, to: Pos2, margin_x: f32, step: f32) -> Vec<Pos2> {
    let out = from.y + step;
    if (from.y - to.y).abs() < 1.0 {
        return vec![from, egui::pos2(from.x, out), egui::pos2(to.x, out), to];
    }
    let back = to.y - step;
    // Two neighbouring lines: along the gap between them.
    if (out - back).abs() <= 2.0 * step.abs() + 1.0 {
        let gap = (from.y + to.y) / 2.0;
        return vec![from, egui::pos2(from.x, gap), egui::pos2(to.x, gap), to];
    }
    vec![
        from,
        egui::pos2(from.x, out),
        egui::pos2(margin_x, out),
        egui::pos2(margin_x, back),
        egui::pos2(to.x, back),
        to,
    ]
}

/// A small arrow onto `tip`, pointing down (or up).
fn arrow_head(painter: &egui::Painter, tip: Pos2, down: bool, color: Color32) {
    let back = if down { -5.0 } else { 5.0 };
    let points = vec![tip, egui::pos2(tip.x + 3.5, tip.y + back), egui::pos2(tip.x - 3.5, tip.y + back)];
    painter.add(egui::Shape::convex_polygon(points, color, Stroke::NONE));
}

fn to_screen(r: TRect, origin: Pos2) -> Rect {
    Rect::from_min_max(
        egui::pos2(origin.x + r.x0, origin.y + r.y0),
        egui::pos2(origin.x + r.x1, origin.y + r.y1),
    )
}
