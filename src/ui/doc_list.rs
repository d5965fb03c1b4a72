//! The document list: titles, status and span counts per label, a status filter and
//! the project's progress.

use super::{Action, text_line};
use crate::model::{DocId, Project, Status};
use egui::{RichText, Ui};

/// Which documents the list shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatusFilter {
    #[default]
    All,
    Only(Status),
}

/// Shows the list; pushes [`Action::OpenDocument`] when a row is clicked.
pub fn doc_list_ui(
    ui: &mut Ui,
    project: &Project,
    annotator: &str,
    current: Option<&DocId>,
    filter: &mut StatusFilter,
    engine: &mut super::EngineText,
    actions: &mut Vec<Action>,
) {
    let total = project.documents.len();
    let done = project.documents.iter().filter(|d| d.status_of(annotator) == Status::Done).count();
    ui.heading("Documents");
    let fraction = if total == 0 { 0.0 } else { done as f32 / total as f32 };
    ui.add(egui::ProgressBar::new(fraction).text(format!("{done} / {total} done")));
    ui.horizontal(|ui| {
        egui::ComboBox::from_label("documents shown")
            .selected_text(match filter {
                StatusFilter::All => "all",
                StatusFilter::Only(s) => s.name(),
            })
            .show_ui(ui, |ui| {
                ui.selectable_value(filter, StatusFilter::All, "all");
                for status in Status::ALL {
                    ui.selectable_value(filter, StatusFilter::Only(status), status.name());
                }
            });
    });
    ui.separator();
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        for (index, doc) in project.documents.iter().enumerate() {
            let status = doc.status_of(annotator);
            if let StatusFilter::Only(wanted) = *filter
                && wanted != status
            {
                continue;
            }
            let selected = current == Some(&doc.id);
            let spans = project.layers.get(annotator).map(|l| l.spans(&doc.id)).unwrap_or(&[]);
            let frame = egui::Frame::new().inner_margin(4.0).corner_radius(4.0).fill(if selected {
                ui.visuals().selection.bg_fill.gamma_multiply(0.5)
            } else {
                egui::Color32::TRANSPARENT
            });
            let response = frame
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    text_line(ui, engine, &doc.title, super::theme::LIST_FONT_SIZE, ui.available_width());
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(format!("{}. {}", index + 1, status.name())).small().weak());
                        for label in &project.labels {
                            let n = spans.iter().filter(|s| s.label == label.id).count();
                            ui.label(
                                RichText::new(format!("{} {n}", label.name))
                                    .small()
                                    .color(super::theme::label_color(label.color, 255)),
                            );
                        }
                    });
                })
                .response;
            let response =
                ui.interact(response.rect, ui.scope_id().with(("doc-row", index)), egui::Sense::click());
            if response.clicked() {
                actions.push(Action::OpenDocument(doc.id.clone()));
            }
            if selected
                && ui.ctx().input(|i| i.key_pressed(egui::Key::PageDown) || i.key_pressed(egui::Key::PageUp))
            {
                response.scroll_to_me(None);
            }
        }
    });
}
