//! Review mode's side panel: the two annotators compared, picked explicitly (A and B,
//! each with the colour of their marks under the text), what both agree on offered for
//! gold (accepted only when the reviewer says so), how many items are decided and how
//! many remain, and the items of the current document in reading order.
//!
//! Keys: U next undecided, J/K next/previous item, A/B accept A's or B's spans, E take
//! the selection instead, R reject, G accept what both agree on. A decision moves on to
//! the next undecided item, never past one.

use super::commands::UiCommand;
use super::{Action, UiContext, text_line, theme};
use crate::model::{CharIndex, Color, DocId, Project};
use crate::review::state::{Agreed, ReviewState};
use egui::{RichText, Ui};

/// Said when a decision or U finds no undecided item left.
pub const ALL_DECIDED: &str = "Every item on this document is decided.";

/// The colour of `name`'s marks under the text: one per annotator, by their place among
/// the project's layers (the same as "Show layers" uses).
pub fn annotator_color(project: &Project, name: &str) -> Color {
    let i = project.annotators().position(|a| a == name).unwrap_or(0);
    theme::LAYER_COLORS[i % theme::LAYER_COLORS.len()]
}

/// "7 spans and 1 link", for the offer and the toast.
pub fn agreed_text(agreed: Agreed) -> String {
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!("{} and {}", plural(agreed.spans, "span", "spans"), plural(agreed.links, "link", "links"))
}

/// The toast after accepting what both agree on.
pub fn accepted_message(added: Agreed) -> String {
    if added.is_empty() {
        "Nothing new that both annotators agree on here.".to_string()
    } else {
        format!("Accepted {} into gold (Ctrl+Z takes them back).", agreed_text(added))
    }
}

/// The hint line of the review panel, built from the shortcut table and naming the
/// annotators A and B stand for.
pub fn review_hint(ctx: &egui::Context, review: &ReviewState) -> String {
    let key = |cmd: UiCommand| cmd.key_text(ctx);
    let name = |i: usize| review.annotators().get(i).map_or("–", String::as_str);
    format!(
        "{} next undecided · {}/{} next/previous · {} = {} · {} = {} · {} use selection · {} reject",
        key(UiCommand::NextUndecided),
        key(UiCommand::NextDisagreement),
        key(UiCommand::PreviousDisagreement),
        key(UiCommand::AcceptFirst),
        name(0),
        key(UiCommand::AcceptSecond),
        name(1),
        key(UiCommand::UseSelection),
        key(UiCommand::RejectDisagreement),
    )
}

/// A small bar of `color`, as in the marks under the text.
fn swatch(ui: &mut Ui, color: Color) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(18.0, 10.0), egui::Sense::hover());
    let band = egui::Rect::from_min_max(egui::pos2(rect.min.x, rect.max.y - 4.0), rect.max);
    ui.painter().rect_filled(band, 1.0, theme::label_color(color, 230));
}

/// The legend of review marks: each compared annotator's colour, gold filled, the
/// current item outlined.
pub fn review_legend_ui(ui: &mut Ui, project: &Project, review: &ReviewState) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Under the text:").small());
        for (slot, name) in ["A", "B"].iter().zip(review.annotators()) {
            swatch(ui, annotator_color(project, name));
            ui.label(RichText::new(format!("{slot} = {name}")).small());
        }
        ui.label(RichText::new("· gold filled · current item outlined").small());
    });
}

/// The A and B pickers.
fn picker_ui(ui: &mut Ui, cx: &mut UiContext<'_>, review: &ReviewState) {
    let project = cx.frame.project;
    let me = cx.frame.annotator;
    egui::Grid::new("review pair").num_columns(2).show(ui, |ui| {
        for (slot, key) in [UiCommand::AcceptFirst, UiCommand::AcceptSecond].into_iter().enumerate() {
            let chosen = review.annotators().get(slot).map_or("", String::as_str);
            let label = format!("as {}", key.key_text(ui.ctx()));
            egui::ComboBox::new(("compare", slot), label).selected_text(chosen).show_ui(ui, |ui| {
                for name in project.annotators() {
                    let text = if name == me { format!("{name} (you)") } else { name.to_string() };
                    if ui.selectable_label(name == chosen, text).clicked() && name != chosen {
                        cx.actions.push(Action::Compare(slot, name.to_string()));
                    }
                }
            });
            swatch(ui, annotator_color(project, chosen));
            ui.end_row();
        }
    });
    if review.annotators().iter().any(|a| a == me) {
        ui.label(
            RichText::new("Your own layer is one of the two compared.")
                .small()
                .color(theme::status_color(false)),
        );
    }
}

/// The offer to accept what both agree on, with its button and key.
fn agreed_offer_ui(ui: &mut Ui, cx: &mut UiContext<'_>, review: &ReviewState) {
    let agreed = review.agreed();
    if agreed.is_empty() {
        return;
    }
    let names = review.annotators().join(" and ");
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(format!("{} {names} agree on: accept into gold?", agreed_text(agreed)));
        let key = UiCommand::AcceptAgreed.key_text(ui.ctx());
        if ui.button(format!("Accept into gold ({key})")).clicked() {
            cx.actions.push(Action::Run(UiCommand::AcceptAgreed));
        }
    });
}

/// The side panel in review mode: annotators to compare and the disagreements of the
/// current document. `index` is the code point index of its text.
pub fn review_panel_ui(
    ui: &mut Ui,
    cx: &mut UiContext<'_>,
    review: &ReviewState,
    doc: &DocId,
    index: &CharIndex,
) {
    ui.heading("Review");
    picker_ui(ui, cx, review);
    if review.annotators().len() < 2 {
        ui.label("Review compares two annotators; this project has fewer.");
        return;
    }
    ui.label(RichText::new(review_hint(ui.ctx(), review)).small().weak());
    agreed_offer_ui(ui, cx, review);
    let list = review.disagreements();
    let (decided, remaining) = review.progress();
    let gold = cx.frame.project.gold.spans(doc).len();
    ui.label(
        RichText::new(format!("{} items · {decided} decided · {remaining} remaining", list.len())).strong(),
    );
    ui.label(RichText::new(format!("{gold} gold spans on this document")).small());
    ui.separator();
    items_ui(ui, cx, review, doc, index);
}

/// The items of the current document, the current one outlined.
fn items_ui(ui: &mut Ui, cx: &mut UiContext<'_>, review: &ReviewState, doc: &DocId, index: &CharIndex) {
    let project = cx.frame.project;
    let Some(document) = project.document(doc) else { return };
    // Keep the current item in view when it was chosen by key.
    let stepped = ui.input(|i| {
        [
            UiCommand::NextDisagreement,
            UiCommand::PreviousDisagreement,
            UiCommand::NextUndecided,
            UiCommand::AcceptFirst,
            UiCommand::AcceptSecond,
            UiCommand::RejectDisagreement,
            UiCommand::UseSelection,
        ]
        .into_iter()
        .filter_map(UiCommand::shortcut)
        .any(|s| i.key_pressed(s.logical_key))
    });
    egui::ScrollArea::vertical().id_salt("disagreements").auto_shrink([false, false]).show(ui, |ui| {
        for (i, d) in review.disagreements().iter().enumerate() {
            let current = review.current() == Some(i);
            let stroke = if current {
                egui::Stroke::new(2.0, theme::selected_span_stroke(ui.visuals().dark_mode))
            } else {
                egui::Stroke::NONE
            };
            let row = egui::Frame::new().inner_margin(4.0).corner_radius(4.0).stroke(stroke).show(ui, |ui| {
                ui.set_width(ui.available_width());
                let decided = review.is_decided(i);
                ui.horizontal(|ui| {
                    let mark = if decided { "decided" } else { "undecided" };
                    ui.label(RichText::new(mark).small().color(theme::status_color(decided)));
                    ui.label(RichText::new(d.kind.describe()).strong());
                    ui.label(RichText::new(format!("{}", d.range)).small().weak());
                    let gold = review.decided_count(i);
                    if gold > 0 {
                        ui.label(RichText::new(format!("gold: {gold}")).small());
                    }
                });
                item_details_ui(ui, cx, d, &document.text, index);
            });
            let response =
                ui.interact(row.response.rect, ui.scope_id().with(("disagreement", i)), egui::Sense::click());
            if response.clicked() {
                cx.actions.push(Action::GoToDisagreement(i));
            }
            if current && stepped {
                response.scroll_to_me(None);
            }
        }
    });
}

/// Each annotator's spans (text, label, values) or links on one item.
fn item_details_ui(
    ui: &mut Ui,
    cx: &mut UiContext<'_>,
    d: &crate::review::Disagreement,
    text: &str,
    index: &CharIndex,
) {
    let project = cx.frame.project;
    if let Some(link) = &d.link {
        // Each annotator's link types between the two spans.
        for (name, kinds) in &link.kinds {
            let kinds: Vec<&str> = kinds
                .iter()
                .map(|k| project.relation_type(k).map_or(k.as_str(), |t| t.name.as_str()))
                .collect();
            let kinds = if kinds.is_empty() { "no link".to_string() } else { kinds.join(", ") };
            ui.label(RichText::new(format!("{name}: {kinds}")).small().color(color_of(project, name)));
        }
    }
    for span in &d.spans {
        let label = project.label(&span.span.label).map_or(span.span.label.as_str(), |l| l.name.as_str());
        let values: Vec<String> = if d.kind == crate::review::DisagreementKind::AttributesDiffer {
            span.span.attributes.iter().map(|(k, v)| format!("{k}: {v}")).collect()
        } else {
            Vec::new()
        };
        let values = if values.is_empty() { String::new() } else { format!(" — {}", values.join("; ")) };
        ui.label(
            RichText::new(format!("{}: {label}{values}", span.annotator))
                .small()
                .color(color_of(project, &span.annotator)),
        );
        let snippet = index.slice(text, span.span.range()).unwrap_or("");
        text_line(ui, cx.engine, snippet, theme::LIST_FONT_SIZE * 0.85, ui.available_width(), Some(1));
    }
    for missing in d.missing() {
        ui.label(RichText::new(format!("{missing}: nothing")).small().weak());
    }
}

fn color_of(project: &Project, name: &str) -> egui::Color32 {
    theme::label_color(annotator_color(project, name), 255)
}
