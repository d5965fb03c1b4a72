//! The span list of the current document, in reading order: label, offsets, annotator,
//! note and the span's text; click to jump, relabel, delete, edit the note. Each span's
//! links follow it as rows of their own (type, direction and the other span's text; click
//! to go to the other span, Delete to remove the link). Rows have one height, so only the
//! visible ones are built, however many spans there are.
//!
//! Above the list: the link being made (its head, target and the types that fit), and the
//! selected span's attributes, edited in place.

use super::commands::UiCommand;
use super::{Action, LinkStep, TextField, UiContext, bars, text_line, theme};
use crate::i18n::{plain, tr};
use crate::model::{AttrValue, AttributeKind, CharIndex, DocId, Label, Project, Relation, Span, SpanId};
use crate::text::for_display;
use crate::tr;
use egui::{RichText, Ui};

/// One row of the list: a span, or a link of the span above it.
enum Row<'a> {
    Span(&'a Span),
    /// A link of `of`: outgoing when `of` is its head.
    Link {
        of: &'a Span,
        relation: &'a Relation,
        other: &'a Span,
    },
}

/// Shows the edited layer's spans on `doc`. With `reveal`, the selected span is scrolled
/// into view. `index` is the code point index of the document's text.
pub fn span_list_ui(ui: &mut Ui, cx: &mut UiContext<'_>, doc: &DocId, reveal: bool, index: &CharIndex) {
    let (project, annotator, selected) = (cx.frame.project, cx.frame.annotator, cx.frame.view.selected_span);
    let Some(document) = project.document(doc) else { return };
    let layer_doc = project.layers.get(annotator).and_then(|l| l.docs.get(doc));
    let spans = layer_doc.map(|d| d.spans.as_slice()).unwrap_or(&[]);
    let relations = layer_doc.map(|d| d.relations.as_slice()).unwrap_or(&[]);
    ui.heading(tr!("spans-heading", count = spans.len()));
    if spans.is_empty() {
        super::wrapped_rich(ui, &crate::i18n::plain("spans-empty"), |t| RichText::new(t).weak());
        return;
    }
    let text = document.text.as_str();
    let slice = |span: &Span| -> &str { index.slice(text, span.range()).unwrap_or("") };
    link_bar_ui(ui, cx, spans, text, index);
    if let Some(span) = selected.and_then(|id| spans.iter().find(|s| s.id == id)) {
        attributes_ui(ui, cx, span);
    }
    let rows = rows(spans, relations);
    let text_height = cx.engine.fonts.metrics(theme::LIST_FONT_SIZE).line_height();
    let note_height = cx.engine.fonts.metrics(theme::NOTE_FONT_SIZE).line_height();
    let header = ui.spacing().interact_size.y;
    let row_height = 2.0 * header
        + text_height
        + note_height
        + 2.0 * theme::LIST_ROW_PADDING
        + 3.0 * ui.spacing().item_spacing.y;
    let mut area = egui::ScrollArea::vertical().id_salt("span-list").auto_shrink([false, false]);
    if reveal && let Some(row) = rows.iter().position(|r| matches!(r, Row::Span(s) if Some(s.id) == selected))
    {
        let spacing = ui.spacing().item_spacing.y;
        area = area.vertical_scroll_offset((row as f32 * (row_height + spacing) - 2.0 * row_height).max(0.0));
    }
    area.show_rows(ui, row_height, rows.len(), |ui, range| {
        for row in rows.get(range).unwrap_or(&[]) {
            match row {
                Row::Span(span) => {
                    let click = row_click(ui, ("span-row", span.id), row_height);
                    span_row_ui(ui, cx, span, slice(span));
                    if click.clicked() {
                        cx.actions.push(Action::SelectSpan(Some(span.id)));
                        cx.actions.push(Action::Reveal(doc.clone(), span.range()));
                    }
                }
                Row::Link { of, relation, other } => {
                    let click = row_click(ui, ("link-row", of.id, relation.id), row_height);
                    link_row_ui(ui, cx, of, relation, other, slice(other));
                    if click.on_hover_text(tr("spans-go-to-linked")).clicked() {
                        cx.actions.push(Action::SelectSpan(Some(other.id)));
                        cx.actions.push(Action::Reveal(doc.clone(), other.range()));
                    }
                }
            }
        }
    });
}

/// The spans in reading order, each followed by its links.
fn rows<'a>(spans: &'a [Span], relations: &'a [Relation]) -> Vec<Row<'a>> {
    let mut rows = Vec::with_capacity(spans.len() + 2 * relations.len());
    for span in spans {
        rows.push(Row::Span(span));
        for relation in relations.iter().filter(|r| r.touches(span.id)) {
            let other_id = if relation.head == span.id { relation.tail } else { relation.head };
            if let Some(other) = spans.iter().find(|s| s.id == other_id) {
                rows.push(Row::Link { of: span, relation, other });
            }
        }
    }
    rows
}

fn label_of<'p>(project: &'p Project, span: &Span) -> (Option<&'p Label>, egui::Color32) {
    let label = project.label(&span.label);
    (label, label.map_or(egui::Color32::GRAY, |l| theme::label_color(l.color, 255)))
}

/// A click anywhere on a row goes to its span. Made before the row's buttons, so they stay
/// on top and get their own clicks.
fn row_click(ui: &Ui, salt: impl std::hash::Hash + std::fmt::Debug, height: f32) -> egui::Response {
    let rect = egui::Rect::from_min_size(ui.cursor().min, egui::vec2(ui.available_width(), height));
    ui.interact(rect, ui.scope_id().with(salt), egui::Sense::click())
}

fn span_row_ui(ui: &mut Ui, cx: &mut UiContext<'_>, span: &Span, text: &str) {
    let project = cx.frame.project;
    let is_selected = cx.frame.view.selected_span == Some(span.id);
    let is_target = cx.frame.view.link.as_ref().is_some_and(|l| l.target == Some(span.id));
    let (label, color) = label_of(project, span);
    let stroke = if is_selected || is_target { egui::Stroke::new(1.5, color) } else { egui::Stroke::NONE };
    let frame = egui::Frame::new().inner_margin(theme::LIST_ROW_PADDING).corner_radius(4.0).stroke(stroke);
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        // The header has a row of its own, so the offsets, the annotator and the suggested
        // marker show at any panel width; the buttons go on the next row.
        bars::row(ui, |ui| {
            let name = label.map_or(span.label.as_str(), |l| l.name.as_str());
            ui.label(RichText::new(for_display(name)).strong().color(color));
            ui.label(format!("{}–{}", span.start, span.end));
            ui.label(for_display(&span.annotator));
            if is_target {
                ui.label(RichText::new(tr("spans-link-target")).small().italics());
            }
            if span.is_suggested() {
                suggestion_buttons(ui, span.id, cx.actions);
            }
            if let Some(def) = label.and_then(|l| crate::model::missing_required(l, &span.attributes).next())
            {
                ui.label(
                    RichText::new(for_display(&format!("{} ?", def.name))).small().color(theme::ERROR_COLOR),
                )
                .on_hover_text(tr("spans-attribute-hint"));
            }
        });
        bars::row(ui, |ui| {
            row_buttons(ui, project, span.id, cx.actions);
            for (name, value) in span.attributes.iter().take(2) {
                ui.label(RichText::new(for_display(&format!("{name}: {value}"))).small())
                    .on_hover_text(tr("spans-attribute-hint"));
            }
        });
        text_line(ui, cx.engine, text, theme::LIST_FONT_SIZE, ui.available_width(), Some(1));
        let note = span.note.as_deref().map(|n| format!("{}: {n}", plain("spans-note"))).unwrap_or_default();
        text_line(ui, cx.engine, &note, theme::NOTE_FONT_SIZE, ui.available_width(), Some(1));
    });
}

/// "suggested" with buttons to accept (Y) and reject (X) the suggestion.
fn suggestion_buttons(ui: &mut Ui, id: SpanId, actions: &mut Vec<Action>) {
    ui.label(RichText::new(tr("spans-suggested")).small().italics().color(theme::SUGGESTED_COLOR));
    for (message, cmd) in
        [("spans-accept", UiCommand::AcceptSuggestion), ("spans-reject", UiCommand::RejectSuggestion)]
    {
        if ui.small_button(tr(message)).on_hover_text(hint(&cmd.label(), cmd, ui)).clicked() {
            actions.push(Action::SelectSpan(Some(id)));
            actions.push(Action::Run(cmd));
        }
    }
}

/// A link row, indented under its span: `Denies -> Claim` (or `<- Denies Denial` when
/// the span is the link's tail) and the other span's text.
fn link_row_ui(
    ui: &mut Ui,
    cx: &mut UiContext<'_>,
    of: &Span,
    relation: &Relation,
    other: &Span,
    text: &str,
) {
    let project = cx.frame.project;
    let kind = project.relation_type(&relation.kind);
    let kind_color = kind.map_or(egui::Color32::GRAY, |k| theme::label_color(k.color, 255));
    let (other_label, other_color) = label_of(project, other);
    let outgoing = relation.head == of.id;
    egui::Frame::new()
        .inner_margin(egui::Margin { left: 22, right: theme::LIST_ROW_PADDING as i8, top: 4, bottom: 4 })
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            egui::Sides::new().shrink_left().truncate().show(
                ui,
                |ui| {
                    let name = kind.map_or(relation.kind.as_str(), |k| k.name.as_str());
                    let name = for_display(name);
                    let text = if outgoing { format!("{name} ->") } else { format!("<- {name}") };
                    let tip = if outgoing { tr("spans-link-from-this") } else { tr("spans-link-to-this") };
                    ui.label(RichText::new(text).color(kind_color).strong()).on_hover_text(tip);
                    ui.label(
                        RichText::new(for_display(
                            other_label.map_or(other.label.as_str(), |l| l.name.as_str()),
                        ))
                        .color(other_color)
                        .small(),
                    );
                    if relation.origin.is_suggested() {
                        ui.label(RichText::new(tr("spans-suggested")).small().italics());
                    }
                },
                |ui| {
                    if ui
                        .small_button(tr("spans-delete"))
                        .on_hover_text(tr("spans-delete-link-hint"))
                        .clicked()
                    {
                        cx.actions.push(Action::Link(LinkStep::Delete(relation.id)));
                    }
                },
            );
            text_line(ui, cx.engine, text, theme::LIST_FONT_SIZE, ui.available_width(), Some(1));
        });
}

/// While a link is made: its head, its target and a button per relation type (those that
/// do not fit the two labels are disabled, with why).
fn link_bar_ui(ui: &mut Ui, cx: &mut UiContext<'_>, spans: &[Span], text: &str, index: &CharIndex) {
    let slice = |span: &Span| -> String { index.slice(text, span.range()).unwrap_or("").to_string() };
    let Some(link) = cx.frame.view.link.clone() else { return };
    let project = cx.frame.project;
    let find = |id: SpanId| spans.iter().find(|s| s.id == id);
    let Some(head) = find(link.head) else { return };
    let target = link.target.and_then(find);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(RichText::new(tr("spans-link-from")).strong());
            let (label, color) = label_of(project, head);
            let name = for_display(label.map_or(head.label.as_str(), |l| l.name.as_str()));
            ui.label(RichText::new(name).color(color));
        });
        text_line(ui, cx.engine, &slice(head), theme::LIST_FONT_SIZE, ui.available_width(), Some(1));
        match target {
            Some(target) => {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(tr("spans-link-to")).strong());
                    let (label, color) = label_of(project, target);
                    let name = for_display(label.map_or(target.label.as_str(), |l| l.name.as_str()));
                    ui.label(RichText::new(name).color(color));
                });
                text_line(
                    ui,
                    cx.engine,
                    &slice(target),
                    theme::LIST_FONT_SIZE,
                    ui.available_width(),
                    Some(1),
                );
                ui.horizontal_wrapped(|ui| {
                    for kind in &project.relation_types {
                        let fits = kind.allows(&head.label, &target.label);
                        let key =
                            kind.hotkey.map(|k| format!(" ({})", k.to_ascii_uppercase())).unwrap_or_default();
                        let text = RichText::new(format!("{}{key}", for_display(&kind.name)))
                            .color(theme::label_color(kind.color, 255));
                        let button = ui.add_enabled(fits, egui::Button::new(text));
                        let button = if fits {
                            button.on_hover_text(&kind.description)
                        } else {
                            button.on_disabled_hover_text(tr("spans-type-does-not-fit"))
                        };
                        if button.clicked() {
                            cx.actions.push(Action::Link(LinkStep::Finish(Some(kind.id.clone()))));
                        }
                    }
                });
            }
            None => {
                super::wrapped_rich(ui, &crate::i18n::plain("spans-pick-target"), |t| {
                    RichText::new(t).weak()
                });
            }
        }
        if ui.small_button(tr("spans-cancel-link")).clicked() {
            cx.actions.push(Action::Link(LinkStep::Cancel));
        }
    });
}

/// The selected span's attributes, as its label declares them: a field for numbers and
/// text (Enter or leaving the field sets it; Arabic is shown shaped below), a list for a
/// choice, a box for yes/no.
fn attributes_ui(ui: &mut Ui, cx: &mut UiContext<'_>, span: &Span) {
    let Some(label) = cx.frame.project.label(&span.label) else { return };
    if label.attributes.is_empty() {
        return;
    }
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(tr!("spans-attributes-of", label = label.name.as_str())).strong());
        egui::Grid::new(("attributes", span.id)).num_columns(2).show(ui, |ui| {
            for def in &label.attributes {
                let kind = super::error_text::attribute_kind(&def.kind);
                let name = super::hover_wrapped(ui.label(&def.name), &kind).id;
                let current = span.attributes.get(&def.name);
                match &def.kind {
                    AttributeKind::Choice { options } => {
                        let shown = current.map_or("—".to_string(), ToString::to_string);
                        egui::ComboBox::from_id_salt(("choice", span.id, &def.name))
                            .selected_text(shown)
                            .show_ui(ui, |ui| {
                                if ui.selectable_label(current.is_none(), "—").clicked() {
                                    cx.actions.push(Action::SetAttributeValue {
                                        span: span.id,
                                        name: def.name.clone(),
                                        value: None,
                                    });
                                }
                                for option in options {
                                    let value = AttrValue::Text(option.clone());
                                    if ui.selectable_label(current == Some(&value), option).clicked() {
                                        cx.actions.push(Action::SetAttributeValue {
                                            span: span.id,
                                            name: def.name.clone(),
                                            value: Some(value),
                                        });
                                    }
                                }
                            })
                            .response
                            .labelled_by(name);
                    }
                    AttributeKind::Flag => {
                        let mut on = matches!(current, Some(AttrValue::Flag(true)));
                        if ui.checkbox(&mut on, "").labelled_by(name).changed() {
                            cx.actions.push(Action::SetAttributeValue {
                                span: span.id,
                                name: def.name.clone(),
                                value: on.then_some(AttrValue::Flag(true)),
                            });
                        }
                    }
                    AttributeKind::Number | AttributeKind::Text => {
                        text_attribute_ui(ui, cx, span, &def.name, current, name);
                    }
                }
                ui.end_row();
            }
        });
    });
}

/// A field for a number or text attribute, with its draft kept while it is edited.
fn text_attribute_ui(
    ui: &mut Ui,
    cx: &mut UiContext<'_>,
    span: &Span,
    name: &str,
    current: Option<&AttrValue>,
    label: egui::Id,
) {
    let id = ui.make_persistent_id(("attribute", span.id, name));
    let shown = current.map(ToString::to_string).unwrap_or_default();
    let mut draft = ui.data_mut(|d| d.get_temp::<String>(id)).unwrap_or_else(|| shown.clone());
    ui.vertical(|ui| {
        let width = ui.available_width().min(220.0);
        let field = TextField::singleline(&mut draft)
            .id(id.with("field"))
            .desired_width(width)
            .hint("—")
            .show(ui, cx.engine);
        let response = field.response.labelled_by(label);
        let done = response.lost_focus() || field.submitted;
        if response.has_focus() || response.changed() {
            ui.data_mut(|d| d.insert_temp(id, draft.clone()));
        }
        if done {
            ui.data_mut(|d| d.remove::<String>(id));
            if draft.trim() != shown {
                cx.actions.push(Action::SetAttribute {
                    span: span.id,
                    name: name.to_string(),
                    text: draft.clone(),
                });
            }
        }
    });
}

/// Delete, relabel and note buttons of one row.
fn row_buttons(ui: &mut Ui, project: &Project, id: SpanId, actions: &mut Vec<Action>) {
    let delete = hint(&UiCommand::DeleteSpan.label(), UiCommand::DeleteSpan, ui);
    if ui.small_button(tr("spans-delete")).on_hover_text(delete).clicked() {
        actions.push(Action::SelectSpan(Some(id)));
        actions.push(Action::Run(UiCommand::DeleteSpan));
    }
    ui.menu_button(tr("spans-label"), |ui| {
        for l in &project.labels {
            if ui.button(for_display(&l.name)).clicked() {
                actions.push(Action::Relabel { span: id, label: l.id.clone() });
            }
        }
    })
    .response
    .on_hover_text(tr("spans-relabel"));
    let note = hint(&tr("spans-note"), UiCommand::EditNote, ui);
    if ui.small_button(tr("spans-note")).on_hover_text(note).clicked() {
        actions.push(Action::SelectSpan(Some(id)));
        actions.push(Action::Run(UiCommand::EditNote));
    }
    let link = hint(&tr("spans-link-hint"), UiCommand::StartLink, ui);
    if ui.small_button(tr("spans-link")).on_hover_text(link).clicked() {
        actions.push(Action::SelectSpan(Some(id)));
        actions.push(Action::Link(LinkStep::Start));
    }
}

/// "Delete span (Delete)": a tooltip with the command's key from the shortcut table.
fn hint(text: &str, cmd: UiCommand, ui: &Ui) -> String {
    match cmd.shortcut() {
        Some(s) => format!("{text} ({})", ui.ctx().format_shortcut(&s)),
        None => text.to_string(),
    }
}
