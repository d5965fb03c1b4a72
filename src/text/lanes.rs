//! Lanes for marks under the text (each compared annotator's spans in review, overlapping
//! spans of one layer): thin bands in room added below each line's descenders, so no dot,
//! hamza or tail below the baseline is ever covered.
//!
//! A document is laid out with [`leading`] for the number of lanes (see
//! [`crate::text::DocLayout::spaced`]); a highlight rectangle of that layout then spans
//! the text and the room below it, and [`lane`] gives the band of lane `i` in that room,
//! [`text_part`] the part over the letters.

use super::geometry::Rect;

/// Height of one lane's band.
pub const LANE_HEIGHT: f32 = 3.0;
/// Space between two lanes, and between the descenders and the first lane.
pub const LANE_GAP: f32 = 1.5;

/// The room to add below every line for `lanes` lanes (none for none).
pub fn leading(lanes: usize) -> f32 {
    if lanes == 0 { 0.0 } else { LANE_GAP + lanes as f32 * (LANE_HEIGHT + LANE_GAP) }
}

/// The band of lane `lane` under `line_rect`, a highlight rectangle of a layout made with
/// `leading` (which must hold the lane: `lane < lanes` for `leading(lanes)`).
pub fn lane(line_rect: Rect, leading: f32, lane: usize) -> Rect {
    let top = line_rect.y1 - leading + LANE_GAP + lane as f32 * (LANE_HEIGHT + LANE_GAP);
    Rect { y0: top, y1: top + LANE_HEIGHT, ..line_rect }
}

/// The part of `line_rect` over the letters, without the room for lanes.
pub fn text_part(line_rect: Rect, leading: f32) -> Rect {
    Rect { y1: (line_rect.y1 - leading).max(line_rect.y0), ..line_rect }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lanes_lie_in_the_room_below_the_text_one_under_the_other() {
        let line = Rect { x0: 10.0, x1: 50.0, y0: 0.0, y1: 38.0 + leading(2) };
        let text = text_part(line, leading(2));
        assert_eq!((text.y0, text.y1), (0.0, 38.0));
        let (a, b) = (lane(line, leading(2), 0), lane(line, leading(2), 1));
        assert!(a.y0 > text.y1 && b.y0 >= a.y1 && b.y1 <= line.y1, "{a:?} {b:?}");
        assert_eq!((a.x0, a.x1), (10.0, 50.0));
        assert_eq!(leading(0), 0.0);
    }
}
