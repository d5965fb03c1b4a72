//! Interface texts that may wrap (messages, hints, toasts, guidelines) drawn as a browser
//! draws a `dir=auto` paragraph: [`crate::text::wrap_for_display`] breaks the text in
//! logical order at the width egui's fonts measure, and the lines go top to bottom, each in
//! visual order and right-aligned when its paragraph is right to left. egui's own wrapping
//! would break a line already put in visual order and stack an Arabic message upside down,
//! so texts that may be longer than their room come here in logical order
//! (`tr_logical!`, `i18n::plain`, names as typed).

use egui::{Galley, Response, RichText, Sense, TextWrapMode, Ui, Vec2, WidgetText};
use std::sync::Arc;

/// `text` (logical order) as a label wrapped at the available width.
pub fn wrapped_label(ui: &mut Ui, text: &str) -> Response {
    wrapped_rich(ui, text, RichText::new)
}

/// [`wrapped_label`] with the look `style` gives each line (small, weak, a colour…). A text
/// with a right-to-left paragraph takes the whole width and its right-to-left lines end at
/// the right edge; a left-to-right one is left to egui. Screen readers get the whole text
/// in logical order.
pub fn wrapped_rich(ui: &mut Ui, text: &str, style: impl Fn(String) -> RichText) -> Response {
    let width = ui.available_width();
    wrapped_at(ui, text, width, style)
}

/// [`wrapped_rich`] wrapped at `width` points (room left beside it for buttons).
pub fn wrapped_at(ui: &mut Ui, text: &str, width: f32, style: impl Fn(String) -> RichText) -> Response {
    if !text.chars().any(crate::text::is_rtl) {
        // Left-to-right text: egui's own wrapping is right.
        return ui.label(style(text.to_string()));
    }
    let width = width.max(ui.spacing().interact_size.x);
    let galley = |ui: &Ui, line: &str| {
        WidgetText::from(style(line.to_string())).into_galley(
            ui,
            Some(TextWrapMode::Extend),
            f32::INFINITY,
            egui::FontSelection::Default,
        )
    };
    let paragraphs = crate::text::wrap_for_display(text, width, |line| galley(ui, line).size().x);
    let lines: Vec<(bool, Arc<Galley>)> =
        paragraphs.iter().flat_map(|p| p.lines.iter().map(|l| (p.rtl, galley(ui, l)))).collect();
    // A right-to-left paragraph fills the width and its lines end at its right edge, as a
    // browser aligns a `dir=rtl` paragraph; otherwise the block is as wide as its lines.
    let widest = lines.iter().map(|(_, g)| g.size().x).fold(0.0, f32::max);
    let fill = paragraphs.iter().any(|p| p.rtl) && width.is_finite();
    let block =
        Vec2::new(if fill { width.max(widest) } else { widest }, lines.iter().map(|(_, g)| g.size().y).sum());
    let (rect, response) = ui.allocate_exact_size(block, Sense::hover());
    if ui.is_rect_visible(rect) {
        let color = ui.visuals().text_color();
        let mut y = rect.top();
        for (rtl, line) in lines {
            let x = if rtl { rect.right() - line.size().x } else { rect.left() };
            let height = line.size().y;
            ui.painter().galley(egui::pos2(x, y), line, color);
            y += height;
        }
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    response
}

/// `response` with a tooltip of `text` (logical order), wrapped as [`wrapped_label`] wraps.
pub fn hover_wrapped(response: Response, text: &str) -> Response {
    response.on_hover_ui(|ui| {
        wrapped_label(ui, text);
    })
}
