//! The span list of the current document, in reading order: label, offsets, annotator,
//! note and the span's text; click to jump, relabel, delete, edit the note. Rows have one
//! height, so only the visible ones are built, however many spans there are.

use super::commands::UiCommand;
use super::{Action, UiContext, text_line, theme};
use crate::model::{CharIndex, DocId, Project, SpanId};
use egui::{RichText, Ui};

/// Shows the annotator's spans on `doc`. With `reveal`, the selected span is scrolled
/// into view. `index` is the code point index of the document's text.
pub fn span_list_ui(ui: &mut Ui, cx: &mut UiContext<'_>, doc: &DocId, reveal: bool, index: &CharIndex) {
    let (project, annotator, selected) = (cx.project, cx.annotator, cx.view.selected_span);
    let Some(document) = project.document(doc) else { return };
    let spans = project.layers.get(annotator).map(|l| l.spans(doc)).unwrap_or(&[]);
    ui.heading(format!("Spans ({})", spans.len()));
    if spans.is_empty() {
        ui.label(
            RichText::new("Select text, then press a label's key (1, 2, 3…) or click its button.").weak(),
        );
        return;
    }
    let text_height = cx.engine.fonts.metrics(theme::LIST_FONT_SIZE).line_height();
    let header = ui.spacing().interact_size.y;
    let row_height = header + text_height + 2.0 * theme::LIST_ROW_PADDING + ui.spacing().item_spacing.y;
    let mut area = egui::ScrollArea::vertical().id_salt("span-list").auto_shrink([false, false]);
    if reveal && let Some(row) = spans.iter().position(|s| Some(s.id) == selected) {
        let spacing = ui.spacing().item_spacing.y;
        area = area.vertical_scroll_offset((row as f32 * (row_height + spacing) - 2.0 * row_height).max(0.0));
    }
    area.show_rows(ui, row_height, spans.len(), |ui, rows| {
        for span in spans.get(rows).unwrap_or(&[]) {
            let is_selected = selected == Some(span.id);
            let label = project.label(&span.label);
            let color = label.map_or(ui.visuals().text_color(), |l| theme::label_color(l.color, 255));
            let stroke = if is_selected { egui::Stroke::new(1.5, color) } else { egui::Stroke::NONE };
            let frame =
                egui::Frame::new().inner_margin(theme::LIST_ROW_PADDING).corner_radius(4.0).stroke(stroke);
            let row = frame.show(ui, |ui| {
                ui.set_width(ui.available_width());
                // The buttons keep their place; the label, offsets and annotator are cut short
                // when the panel is narrow.
                egui::Sides::new().shrink_left().truncate().show(
                    ui,
                    |ui| {
                        ui.label(
                            RichText::new(label.map_or(span.label.as_str(), |l| l.name.as_str()))
                                .strong()
                                .color(color),
                        );
                        if span.is_suggested() {
                            ui.label(RichText::new("suggested").small().italics())
                                .on_hover_text("Y accepts, X rejects");
                        }
                        ui.label(RichText::new(format!("{}..{}", span.start, span.end)).small().weak());
                        ui.label(RichText::new(&span.annotator).small().weak());
                        if let Some(note) = &span.note {
                            ui.label(RichText::new("note").small().italics()).on_hover_text(note.as_str());
                        }
                    },
                    |ui| row_buttons(ui, project, span.id, cx.actions),
                );
                let text = index.slice(&document.text, span.range()).unwrap_or("");
                text_line(ui, cx.engine, text, theme::LIST_FONT_SIZE, ui.available_width(), Some(1));
            });
            let response = ui.interact(
                row.response.rect,
                ui.scope_id().with(("span-row", span.id)),
                egui::Sense::click(),
            );
            if response.clicked() {
                cx.actions.push(Action::SelectSpan(Some(span.id)));
                cx.actions.push(Action::Reveal(doc.clone(), span.range()));
            }
        }
    });
}

/// Delete, relabel and note buttons of one row.
fn row_buttons(ui: &mut Ui, project: &Project, id: SpanId, actions: &mut Vec<Action>) {
    if ui.small_button("Delete").on_hover_text(hint("Delete span", UiCommand::DeleteSpan, ui)).clicked() {
        actions.push(Action::SelectSpan(Some(id)));
        actions.push(Action::Run(UiCommand::DeleteSpan));
    }
    ui.menu_button("Label", |ui| {
        for l in &project.labels {
            if ui.button(&l.name).clicked() {
                actions.push(Action::Relabel { span: id, label: l.id.clone() });
            }
        }
    })
    .response
    .on_hover_text("Relabel");
    if ui.small_button("Note").on_hover_text(hint("Note", UiCommand::EditNote, ui)).clicked() {
        actions.push(Action::SelectSpan(Some(id)));
        actions.push(Action::Run(UiCommand::EditNote));
    }
}

/// "Delete span (Delete)": a tooltip with the command's key from the shortcut table.
fn hint(text: &str, cmd: UiCommand, ui: &Ui) -> String {
    match cmd.shortcut() {
        Some(s) => format!("{text} ({})", ui.ctx().format_shortcut(&s)),
        None => text.to_string(),
    }
}
