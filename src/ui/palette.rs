//! The label palette: one button per label with its colour and hotkey; the guideline
//! is the tooltip.

use super::{Action, UiContext};
use crate::text::for_display;
use egui::{RichText, Ui};

/// The buttons wrap onto more lines when there are many labels; they are enabled while
/// there is a selection or a selected span to label.
pub fn palette_ui(ui: &mut Ui, cx: &mut UiContext<'_>) {
    let enabled = cx.frame.view.selection.is_some() || cx.frame.view.selected_span.is_some();
    ui.horizontal_wrapped(|ui| {
        for label in &cx.frame.project.labels {
            let color = super::theme::label_color(label.color, 255);
            let text = match label.hotkey {
                Some(key) => format!("{key}  {}", for_display(&label.name)),
                None => for_display(&label.name),
            };
            let button = egui::Button::new(RichText::new(text).strong())
                .fill(super::theme::label_color(label.color, 70))
                .stroke(egui::Stroke::new(1.5, color));
            let response = ui.add_enabled(enabled, button);
            let guideline =
                if label.description.is_empty() { label.name.as_str() } else { label.description.as_str() };
            let response = response.on_hover_text(guideline).on_disabled_hover_text(guideline);
            if response.clicked() {
                cx.actions.push(Action::ApplyLabel(label.id.clone()));
            }
        }
    });
}
