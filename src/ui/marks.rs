//! Marks under the text of the document view: the lanes of the editable layer's
//! overlapping spans and of the other layers shown (each compared annotator in review),
//! drawn in the room the layout leaves below every line's descenders
//! ([`crate::text::lanes`]), and the strong outline of the review item shown.

use super::theme;
use crate::model::{CharRange, Color, Span};
use crate::text::lanes::lane;
use crate::text::{DocLayout, Rect as TRect};
use egui::{Mesh, Painter, Pos2, Rect, Stroke};

/// One span drawn as a band in lane `lane`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    pub range: CharRange,
    pub color: Color,
    pub lane: usize,
}

/// Lane of each span (spans in reading order): the first lane free at its start, so that
/// overlapping spans get different lanes.
pub fn lanes(spans: &[Span]) -> Vec<usize> {
    let mut lane_ends: Vec<usize> = Vec::new();
    spans
        .iter()
        .map(|span| {
            let lane = lane_ends.iter().position(|&end| end <= span.start.0).unwrap_or(lane_ends.len());
            match lane_ends.get_mut(lane) {
                Some(end) => *end = span.end.0,
                None => lane_ends.push(span.end.0),
            }
            lane
        })
        .collect()
}

fn to_screen(r: TRect, origin: Pos2) -> Rect {
    Rect::from_min_max(
        egui::pos2(origin.x + r.x0, origin.y + r.y0),
        egui::pos2(origin.x + r.x1, origin.y + r.y1),
    )
}

/// The bands, as one mesh, in the room `room` below the lines of `layout`.
pub fn paint_bands(painter: &Painter, layout: &DocLayout, origin: Pos2, bands: &[Band], room: f32) {
    let mut mesh = Mesh::default();
    let mut rects = Vec::new();
    for band in bands {
        rects.clear();
        layout.highlight_into(band.range, &mut rects);
        for r in &rects {
            mesh.add_colored_rect(
                to_screen(lane(*r, room, band.lane), origin),
                theme::label_color(band.color, 230),
            );
        }
    }
    painter.add(mesh);
}

/// The review item shown: a strong outline round its text and its lanes, outside the
/// letters so none is covered.
pub fn paint_current(painter: &Painter, layout: &DocLayout, origin: Pos2, range: CharRange, dark: bool) {
    let stroke = Stroke::new(2.5, theme::selected_span_stroke(dark));
    for r in layout.highlight(range) {
        painter.rect_stroke(to_screen(r, origin).expand(1.0), 3.0, stroke, egui::StrokeKind::Outside);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LabelId, SpanId, Timestamp};

    fn span(id: u64, start: usize, end: usize) -> Span {
        Span::new(SpanId(id), CharRange::new(start, end), LabelId::new("claim"), "amal", Timestamp(0))
    }

    #[test]
    fn overlapping_spans_get_different_lanes() {
        let spans = [span(1, 0, 10), span(2, 2, 4), span(3, 5, 12), span(4, 10, 11), span(5, 12, 14)];
        assert_eq!(lanes(&spans), [0, 1, 1, 0, 0]);
        assert!(lanes(&[]).is_empty());
    }
}
