//! The label palette: one button per label with its colour and hotkey; the guideline
//! is the tooltip.

use super::Action;
use crate::model::Project;
use egui::{RichText, Ui};

pub fn palette_ui(ui: &mut Ui, project: &Project, enabled: bool, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        for label in &project.labels {
            let color = super::theme::label_color(label.color, 255);
            let text = match label.hotkey {
                Some(key) => format!("{key}  {}", label.name),
                None => label.name.clone(),
            };
            let button = egui::Button::new(RichText::new(text).strong())
                .fill(super::theme::label_color(label.color, 70))
                .stroke(egui::Stroke::new(1.5, color));
            let response = ui.add_enabled(enabled, button);
            let guideline =
                if label.description.is_empty() { label.name.as_str() } else { label.description.as_str() };
            let response = response.on_hover_text(guideline).on_disabled_hover_text(guideline);
            if response.clicked() {
                actions.push(Action::ApplyLabel(label.id.clone()));
            }
        }
    });
}
