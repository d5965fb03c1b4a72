//! Links in the document view: where a span sits on screen line by line, and the
//! connectors drawn between linked spans (along the gaps between lines and down the
//! margin), with their arrow heads.

use super::{DocView, Input};
use crate::model::CharRange;
use crate::model::{Color, SpanId};
use crate::ui::theme;
use egui::Rect;
use egui::{Color32, Pos2, Stroke};

impl DocView {
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
    pub(super) fn paint_links(
        &self,
        painter: &egui::Painter,
        input: &Input<'_>,
        origin: Pos2,
        visible: CharRange,
    ) {
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
