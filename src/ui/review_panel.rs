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
use crate::i18n::{plain_count, tr};
use crate::model::{CharIndex, Color, DocId, Project};
use crate::review::state::{Agreed, ReviewState};
use crate::tr;
use egui::{RichText, Ui};

/// Said when a decision or U finds no undecided item left (logical order, for a toast).
pub fn all_decided() -> String {
    crate::i18n::plain("review-all-decided")
}

/// The colour of `name`'s marks under the text: one per annotator, by their place among
/// the project's layers (the same as "Show layers" uses).
pub fn annotator_color(project: &Project, name: &str) -> Color {
    let i = project.annotators().position(|a| a == name).unwrap_or(0);
    theme::LAYER_COLORS[i % theme::LAYER_COLORS.len()]
}

/// "7 spans and 1 link", for the offer and the toast, in logical order (it goes inside
/// another message).
pub fn agreed_text(agreed: Agreed) -> String {
    let mut args = crate::i18n::FluentArgs::new();
    args.set("spans", plain_count("review-spans", agreed.spans));
    args.set("links", plain_count("review-links", agreed.links));
    crate::i18n::plain_args("review-spans-and-links", &args)
}

/// The toast after accepting what both agree on (logical order).
pub fn accepted_message(added: Agreed) -> String {
    if added.is_empty() {
        crate::i18n::plain("review-nothing-agreed")
    } else {
        crate::tr_logical!("review-accepted", what = agreed_text(added))
    }
}

/// The hint line of the review panel (logical order), built from the shortcut table and
/// naming the annotators A and B stand for.
pub fn review_hint(ctx: &egui::Context, review: &ReviewState) -> String {
    let key = |cmd: UiCommand| cmd.key_text(ctx);
    let name = |i: usize| review.annotators().get(i).map_or("–", String::as_str);
    crate::tr_logical!(
        "review-hint",
        undecided = key(UiCommand::NextUndecided),
        next = key(UiCommand::NextDisagreement),
        previous = key(UiCommand::PreviousDisagreement),
        a = key(UiCommand::AcceptFirst),
        first = name(0),
        b = key(UiCommand::AcceptSecond),
        second = name(1),
        selection = key(UiCommand::UseSelection),
        reject = key(UiCommand::RejectDisagreement),
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
        ui.label(RichText::new(tr("review-legend-under")).small());
        for (slot, name) in ["A", "B"].iter().zip(review.annotators()) {
            swatch(ui, annotator_color(project, name));
            ui.label(RichText::new(tr!("review-legend-slot", slot = *slot, name = name.as_str())).small());
        }
        ui.label(RichText::new(tr("review-legend-marks")).small());
    });
}

/// The A and B pickers.
fn picker_ui(ui: &mut Ui, cx: &mut UiContext<'_>, review: &ReviewState) {
    let project = cx.frame.project;
    let me = cx.frame.annotator;
    egui::Grid::new("review pair").num_columns(2).show(ui, |ui| {
        for (slot, key) in [UiCommand::AcceptFirst, UiCommand::AcceptSecond].into_iter().enumerate() {
            let chosen = review.annotators().get(slot).map_or("", String::as_str);
            let label = tr!("review-as-key", key = key.key_text(ui.ctx()));
            egui::ComboBox::new(("compare", slot), label).selected_text(chosen).show_ui(ui, |ui| {
                for name in project.annotators() {
                    let text = if name == me {
                        tr!("review-you", name = name)
                    } else {
                        crate::text::for_display(name)
                    };
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
        let color = theme::status_color(false);
        super::wrapped_rich(ui, &crate::i18n::plain("review-own-layer"), |t| {
            RichText::new(t).small().color(color)
        });
    }
}

/// The offer to accept what both agree on, with its button and key.
fn agreed_offer_ui(ui: &mut Ui, cx: &mut UiContext<'_>, review: &ReviewState) {
    let agreed = review.agreed();
    if agreed.is_empty() {
        return;
    }
    let name = |i: usize| review.annotators().get(i).cloned().unwrap_or_default();
    egui::Frame::group(ui.style()).show(ui, |ui| {
        let offer = crate::tr_logical!(
            "review-agreed-offer",
            what = agreed_text(agreed),
            first = name(0),
            second = name(1)
        );
        super::wrapped_label(ui, &offer);
        let key = UiCommand::AcceptAgreed.key_text(ui.ctx());
        if ui.button(tr!("review-accept-into-gold", key = key)).clicked() {
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
    ui.heading(tr("review-heading"));
    // egui's grid in the right-aligned column of the Arabic interface stretches the
    // column to an infinite width; it is laid out from the left edge instead.
    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| picker_ui(ui, cx, review));
    if review.annotators().len() < 2 {
        super::wrapped_label(ui, &crate::i18n::plain("review-needs-two"));
        return;
    }
    super::wrapped_rich(ui, &review_hint(ui.ctx(), review), |t| RichText::new(t).small().weak());
    agreed_offer_ui(ui, cx, review);
    let list = review.disagreements();
    let (decided, remaining) = review.progress();
    let gold = cx.frame.project.gold.spans(doc).len();
    ui.label(
        RichText::new(tr!("review-progress", items = list.len(), decided = decided, remaining = remaining))
            .strong(),
    );
    ui.label(RichText::new(tr!("review-gold-spans", count = gold)).small());
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
                    let mark = if decided { tr("review-decided") } else { tr("review-undecided") };
                    ui.label(RichText::new(mark).small().color(theme::status_color(decided)));
                    ui.label(RichText::new(kind_text(&d.kind)).strong());
                    ui.label(RichText::new(d.range.to_string()).small().weak());
                    let gold = review.decided_count(i);
                    if gold > 0 {
                        ui.label(RichText::new(tr!("review-item-gold", count = gold)).small());
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
            let kinds =
                if kinds.is_empty() { crate::i18n::plain("review-no-link") } else { kinds.join("، ") };
            let text = tr!("review-name-value", name = name.as_str(), value = kinds);
            ui.label(RichText::new(text).small().color(color_of(project, name)));
        }
    }
    for span in &d.spans {
        let label = project.label(&span.span.label).map_or(span.span.label.as_str(), |l| l.name.as_str());
        let values: Vec<String> = if d.kind == crate::review::DisagreementKind::AttributesDiffer {
            span.span.attributes.iter().map(|(k, v)| format!("{k}: {v}")).collect()
        } else {
            Vec::new()
        };
        let value =
            if values.is_empty() { label.to_string() } else { format!("{label} — {}", values.join("; ")) };
        ui.label(
            RichText::new(tr!("review-name-value", name = span.annotator.as_str(), value = value))
                .small()
                .color(color_of(project, &span.annotator)),
        );
        let snippet = index.slice(text, span.span.range()).unwrap_or("");
        text_line(ui, cx.engine, snippet, theme::LIST_FONT_SIZE * 0.85, ui.available_width(), Some(1));
    }
    for missing in d.missing() {
        ui.label(RichText::new(tr!("review-nothing-from", name = missing)).small().weak());
    }
}

/// What kind of item a disagreement is, from the catalogue.
fn kind_text(kind: &crate::review::DisagreementKind) -> String {
    use crate::review::DisagreementKind as K;
    match kind {
        K::SameRangeDifferentLabel => tr("review-kind-label"),
        K::BoundaryMismatch => tr("review-kind-boundary"),
        K::OnlyIn(names) => tr!("review-kind-only-in", names = names.join(", ")),
        K::AttributesDiffer => tr("review-kind-values"),
        K::LinksDiffer => tr("review-kind-links"),
    }
}

fn color_of(project: &Project, name: &str) -> egui::Color32 {
    theme::label_color(annotator_color(project, name), 255)
}
