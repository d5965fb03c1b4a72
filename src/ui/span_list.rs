//! The span list of the current document, in reading order: label, span text,
//! annotator and note; click to jump, relabel, delete, edit the note.

use super::{Action, EngineText, text_line};
use crate::model::{DocId, LabelId, Project, SpanId, Timestamp, slice_chars};
use crate::workspace::edit_span_command;
use egui::{RichText, Ui};

/// Shows the spans of `annotator` on `doc`.
pub fn span_list_ui(
    ui: &mut Ui,
    project: &Project,
    doc: &DocId,
    annotator: &str,
    selected: Option<SpanId>,
    engine: &mut EngineText,
    actions: &mut Vec<Action>,
) {
    let Some(document) = project.document(doc) else { return };
    let spans = project.layers.get(annotator).map(|l| l.spans(doc)).unwrap_or(&[]);
    ui.heading(format!("Spans ({})", spans.len()));
    if spans.is_empty() {
        ui.label(
            RichText::new("Select text, then press a label's key (1, 2, 3…) or click its button.").weak(),
        );
    }
    egui::ScrollArea::vertical().id_salt("span-list").auto_shrink([false, false]).show(ui, |ui| {
        for span in spans {
            let is_selected = selected == Some(span.id);
            let label = project.label(&span.label);
            let color =
                label.map(|l| super::theme::label_color(l.color, 255)).unwrap_or(ui.visuals().text_color());
            let frame = egui::Frame::new().inner_margin(4.0).corner_radius(4.0).stroke(if is_selected {
                egui::Stroke::new(1.5, color)
            } else {
                egui::Stroke::NONE
            });
            let row = frame.show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(label.map_or(span.label.as_str(), |l| l.name.as_str()))
                            .strong()
                            .color(color),
                    );
                    ui.label(RichText::new(format!("{}..{}", span.start, span.end)).small().weak());
                    ui.label(RichText::new(&span.annotator).small().weak());
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui.small_button("Delete").on_hover_text("Delete span (Delete)").clicked() {
                            actions.push(Action::SelectSpan(Some(span.id)));
                            actions.push(Action::Run(super::commands::UiCommand::DeleteSpan));
                        }
                        ui.menu_button("Label", |ui| {
                            for l in &project.labels {
                                if ui.button(&l.name).clicked()
                                    && let Some(cmd) = relabel(project, doc, annotator, span.id, &l.id)
                                {
                                    actions.push(Action::Edit(cmd));
                                }
                            }
                        })
                        .response
                        .on_hover_text("Relabel");
                        if ui.small_button("Note").on_hover_text("Note (N)").clicked() {
                            actions.push(Action::SelectSpan(Some(span.id)));
                            actions.push(Action::Run(super::commands::UiCommand::EditNote));
                        }
                    });
                });
                let text = slice_chars(&document.text, span.range()).unwrap_or("");
                text_line(ui, engine, text, super::theme::LIST_FONT_SIZE, ui.available_width());
                if let Some(note) = &span.note {
                    ui.label(RichText::new(format!("Note: {note}")).italics().small());
                }
            });
            let response = ui.interact(
                row.response.rect,
                ui.scope_id().with(("span-row", span.id)),
                egui::Sense::click(),
            );
            if response.clicked() {
                actions.push(Action::SelectSpan(Some(span.id)));
                actions.push(Action::Reveal(doc.clone(), span.range()));
            }
            if is_selected && ui.ctx().input(|i| i.key_pressed(egui::Key::Tab)) {
                response.scroll_to_me(None);
            }
        }
    });
}

fn relabel(
    project: &Project,
    doc: &DocId,
    annotator: &str,
    id: SpanId,
    label: &LabelId,
) -> Option<crate::model::Command> {
    edit_span_command(project, doc, annotator, id, Timestamp::now(), |s| s.label = label.clone())
}
