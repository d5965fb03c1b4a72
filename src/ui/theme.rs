//! Colours, spacing and sizes used by the window, named once.

use crate::model::Color;
use egui::Color32;

/// Default font size of document text, in points.
pub const DOC_FONT_SIZE: f32 = 22.0;
/// Smallest and largest document font sizes reachable by zoom.
pub const DOC_FONT_SIZE_RANGE: (f32, f32) = (12.0, 48.0);
/// Zoom step for Ctrl+plus/minus, in points.
pub const ZOOM_STEP: f32 = 2.0;
/// Font size of titles and span texts in the side lists.
pub const LIST_FONT_SIZE: f32 = 17.0;
/// Text typed into a field: Arabic with its harakat needs more than the interface's body size.
pub const FIELD_FONT_SIZE: f32 = 18.0;
/// A span's note under its text in the span list.
pub const NOTE_FONT_SIZE: f32 = 14.0;
/// The "suggested" marker of a span card.
pub const SUGGESTED_COLOR: Color32 = Color32::from_rgb(150, 110, 20);
/// Height of the small line of figures under a list row's title.
pub const LIST_STATS_HEIGHT: f32 = 19.0;
/// Padding inside list rows.
pub const LIST_ROW_PADDING: f32 = 4.0;
/// Width of the document list and span list panels.
pub const SIDE_PANEL_WIDTH: f32 = 300.0;
/// The narrowest a side panel gets.
pub const SIDE_PANEL_MIN_WIDTH: f32 = 160.0;
/// Margin around the document text.
pub const DOC_MARGIN: f32 = 24.0;
/// Opacity of a span's background highlight.
pub const HIGHLIGHT_ALPHA: u8 = 110;
/// Opacity of a selected span or the live selection.
pub const SELECTION_ALPHA: u8 = 90;
/// Height of the underline band of a second, overlapping span.
pub const UNDERLINE_HEIGHT: f32 = 3.0;

/// The text selection colour.
pub fn selection_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgba_unmultiplied(90, 140, 230, SELECTION_ALPHA)
    } else {
        Color32::from_rgba_unmultiplied(60, 120, 220, SELECTION_ALPHA)
    }
}

/// Background of a search hit.
pub fn search_hit_color() -> Color32 {
    Color32::from_rgba_unmultiplied(250, 230, 60, 150)
}

/// Outline of the selected span.
pub fn selected_span_stroke(dark: bool) -> Color32 {
    if dark { Color32::WHITE } else { Color32::BLACK }
}

/// Document text colour.
pub fn text_color(dark: bool) -> Color32 {
    if dark { Color32::from_gray(230) } else { Color32::from_gray(20) }
}

/// A label colour as an egui colour with the given alpha.
pub fn label_color(color: Color, alpha: u8) -> Color32 {
    let [r, g, b] = color.0;
    Color32::from_rgba_unmultiplied(r, g, b, alpha)
}

/// Colours for other annotators' read-only layers, picked by index.
pub const LAYER_COLORS: [Color; 6] = [
    Color([0x8e, 0x44, 0xad]),
    Color([0x16, 0xa0, 0x85]),
    Color([0xd3, 0x54, 0x00]),
    Color([0x27, 0x6f, 0xbf]),
    Color([0xc0, 0x39, 0x2b]),
    Color([0x7f, 0x8c, 0x8d]),
];

/// Colour of the "saved"/"unsaved" indicator.
pub fn status_color(ok: bool) -> Color32 {
    if ok { Color32::from_rgb(60, 160, 90) } else { Color32::from_rgb(210, 120, 40) }
}

/// Width of the window's own file chooser.
pub const CHOOSER_WIDTH: f32 = 560.0;
/// Height of the file chooser's folder listing.
pub const CHOOSER_LIST_HEIGHT: f32 = 280.0;
/// Space between the chooser's explanation and its fields.
pub const CHOOSER_SPACING: f32 = 6.0;
/// Widest a toast gets.
pub const TOAST_WIDTH: f32 = 420.0;
/// Room a toast keeps beside its text for its "Details…" and × buttons.
pub const TOAST_BUTTONS_WIDTH: f32 = 110.0;
/// Distance of the toasts from the window's bottom-right corner (above the status bar).
pub const TOAST_OFFSET: [f32; 2] = [-12.0, -36.0];
/// Height of the import report's details list.
pub const DETAILS_HEIGHT: f32 = 360.0;

/// Colour of error toasts.
pub const ERROR_COLOR: Color32 = Color32::from_rgb(200, 60, 60);

/// The side panels' default width and the range they may be resized in, for a window
/// `width` points wide: each at most a quarter of the window, so the document view keeps
/// at least half of it whatever the panels hold.
pub fn side_panel_size(width: f32) -> (f32, egui::Rangef) {
    let max = (width * 0.25).max(SIDE_PANEL_MIN_WIDTH);
    (SIDE_PANEL_WIDTH.min(max), egui::Rangef::new(SIDE_PANEL_MIN_WIDTH, max))
}
