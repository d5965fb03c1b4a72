//! The Guidelines panel (F1): every label's guideline (its description), key and
//! attributes (required ones marked), and what each link type joins, so the annotation
//! rules are at hand while working.

use super::label_editor::format_attributes;
use super::theme;
use crate::model::Project;
use egui::RichText;

/// The panel; open or closed.
#[derive(Debug, Default)]
pub struct GuidelinesWindow {
    pub open: bool,
}

impl GuidelinesWindow {
    /// The window (nothing while closed).
    pub fn ui(&mut self, ctx: &egui::Context, project: &Project) {
        if !self.open {
            return;
        }
        let mut open = true;
        egui::Window::new("Guidelines").open(&mut open).default_width(420.0).show(ctx, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                for label in &project.labels {
                    ui.horizontal(|ui| {
                        let color = theme::label_color(label.color, 255);
                        ui.label(RichText::new(&label.name).strong().color(color));
                        if let Some(key) = label.hotkey {
                            ui.weak(format!("key {key}"));
                        }
                    });
                    if !label.description.is_empty() {
                        ui.label(&label.description);
                    }
                    if !label.attributes.is_empty() {
                        ui.weak(format!("attributes: {} (* required)", format_attributes(&label.attributes)));
                    }
                    ui.separator();
                }
                for kind in &project.relation_types {
                    let joins = |ids: &[crate::model::LabelId]| {
                        if ids.is_empty() {
                            "any label".to_string()
                        } else {
                            ids.iter().map(|id| id.as_str()).collect::<Vec<_>>().join(", ")
                        }
                    };
                    let color = theme::label_color(kind.color, 255);
                    ui.label(RichText::new(&kind.name).strong().color(color));
                    ui.weak(format!("from {} to {}", joins(&kind.heads), joins(&kind.tails)));
                    if !kind.description.is_empty() {
                        ui.label(&kind.description);
                    }
                }
            });
        });
        self.open = open;
    }
}
