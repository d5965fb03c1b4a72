//! The Guidelines panel (F1): every label's guideline (its description), key and
//! attributes (required ones marked), and what each link type joins, so the annotation
//! rules are at hand while working.

use super::label_editor::format_attributes;
use super::theme;
use crate::i18n::tr;
use crate::model::Project;
use crate::text::for_display;
use crate::tr;
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
        egui::Window::new(tr("guidelines-title")).open(&mut open).default_width(420.0).show(ctx, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                for label in &project.labels {
                    ui.horizontal(|ui| {
                        let color = theme::label_color(label.color, 255);
                        ui.label(RichText::new(for_display(&label.name)).strong().color(color));
                        if let Some(key) = label.hotkey {
                            ui.weak(tr!("guidelines-key", key = key.to_string()));
                        }
                    });
                    if !label.description.is_empty() {
                        super::wrapped_label(ui, &label.description);
                    }
                    if !label.attributes.is_empty() {
                        let list = format_attributes(&label.attributes);
                        let text = crate::tr_logical!("guidelines-attributes", list = list);
                        super::wrapped_rich(ui, &text, |t| RichText::new(t).weak());
                    }
                    ui.separator();
                }
                for kind in &project.relation_types {
                    let joins = |ids: &[crate::model::LabelId]| {
                        if ids.is_empty() {
                            crate::i18n::plain("guidelines-any-label")
                        } else {
                            ids.iter().map(|id| id.as_str()).collect::<Vec<_>>().join(", ")
                        }
                    };
                    let color = theme::label_color(kind.color, 255);
                    ui.label(RichText::new(for_display(&kind.name)).strong().color(color));
                    let text = crate::tr_logical!(
                        "guidelines-joins",
                        from = joins(&kind.heads),
                        to = joins(&kind.tails)
                    );
                    super::wrapped_rich(ui, &text, |t| RichText::new(t).weak());
                    if !kind.description.is_empty() {
                        super::wrapped_label(ui, &kind.description);
                    }
                }
            });
        });
        self.open = open;
    }
}
