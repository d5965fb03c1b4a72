//! Review mode: two or more annotators' spans on the current document side by side,
//! the list of their disagreements in reading order, and keyboard adjudication into the
//! gold layer (J/K next/previous, A/B accept the first/second annotator, E take the
//! selection instead, R reject). Spans every chosen annotator agrees on are accepted
//! into gold automatically when a document is reviewed.
//!
//! Also the agreement window: the figures of `hashiya agree` as a table, a small chart
//! per label, and the documents from the least to the most agreed (a click opens one in
//! review mode).

use super::commands::UiCommand;
use super::{Action, UiContext, text_line, theme};
use crate::model::{CharIndex, DocId};
use crate::review::state::ReviewState;
use crate::review::{AgreementError, AgreementReport, DocumentAgreement};
use egui::{RichText, Ui};

/// The hint line of the review panel, built from the shortcut table.
pub fn review_hint(ctx: &egui::Context) -> String {
    let key = |cmd: UiCommand| cmd.key_text(ctx);
    format!(
        "{}/{} next/previous · {}/{} accept first/second · {} use selection · {} reject",
        key(UiCommand::NextDisagreement),
        key(UiCommand::PreviousDisagreement),
        key(UiCommand::AcceptFirst),
        key(UiCommand::AcceptSecond),
        key(UiCommand::UseSelection),
        key(UiCommand::RejectDisagreement),
    )
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
    ui.label(RichText::new(review_hint(ui.ctx())).small().weak());
    let project = cx.frame.project;
    ui.horizontal_wrapped(|ui| {
        ui.label("Compare:");
        for (i, name) in project.annotators().enumerate() {
            let mut on = review.annotators().iter().any(|a| a == name);
            let color = theme::label_color(theme::LAYER_COLORS[i % theme::LAYER_COLORS.len()], 255);
            if ui.checkbox(&mut on, RichText::new(name).color(color)).changed() {
                cx.actions.push(Action::Compare(name.to_string(), on));
            }
        }
    });
    if review.annotators().len() < 2 {
        ui.label("Choose at least two annotators.");
        return;
    }
    let list = review.disagreements();
    let gold = project.gold.spans(doc).len();
    ui.label(format!("{} disagreements · {gold} gold spans on this document", list.len()));
    ui.separator();
    let Some(document) = project.document(doc) else { return };
    // Keep the current disagreement in view when it was chosen by key.
    let stepped = ui.input(|i| {
        [UiCommand::NextDisagreement, UiCommand::PreviousDisagreement]
            .into_iter()
            .filter_map(UiCommand::shortcut)
            .any(|s| i.key_pressed(s.logical_key))
    });
    egui::ScrollArea::vertical().id_salt("disagreements").auto_shrink([false, false]).show(ui, |ui| {
        for (i, d) in list.iter().enumerate() {
            let current = review.current() == Some(i);
            let stroke = if current {
                egui::Stroke::new(1.5, ui.visuals().selection.stroke.color)
            } else {
                egui::Stroke::NONE
            };
            let row = egui::Frame::new().inner_margin(4.0).corner_radius(4.0).stroke(stroke).show(ui, |ui| {
                ui.set_width(ui.available_width());
                let decided = review.decided_count(i);
                ui.horizontal(|ui| {
                    ui.label(RichText::new(d.kind.describe()).strong());
                    ui.label(RichText::new(format!("{}", d.range)).small().weak());
                    if decided > 0 {
                        ui.label(RichText::new(format!("gold: {decided}")).small());
                    }
                });
                if let Some(link) = &d.link {
                    // Each annotator's link types between the two spans.
                    for (name, kinds) in &link.kinds {
                        let kinds: Vec<&str> = kinds
                            .iter()
                            .map(|k| project.relation_type(k).map_or(k.as_str(), |t| t.name.as_str()))
                            .collect();
                        let kinds = if kinds.is_empty() { "no link".to_string() } else { kinds.join(", ") };
                        ui.label(RichText::new(format!("{name}: {kinds}")).small());
                    }
                }
                for span in &d.spans {
                    let label =
                        project.label(&span.span.label).map_or(span.span.label.as_str(), |l| l.name.as_str());
                    let values: Vec<String> = if d.kind == crate::review::DisagreementKind::AttributesDiffer {
                        span.span.attributes.iter().map(|(k, v)| format!("{k}: {v}")).collect()
                    } else {
                        Vec::new()
                    };
                    let values =
                        if values.is_empty() { String::new() } else { format!(" — {}", values.join("; ")) };
                    ui.label(RichText::new(format!("{}: {label}{values}", span.annotator)).small());
                    let text = index.slice(&document.text, span.span.range()).unwrap_or("");
                    text_line(
                        ui,
                        cx.engine,
                        text,
                        theme::LIST_FONT_SIZE * 0.85,
                        ui.available_width(),
                        Some(1),
                    );
                }
                for missing in d.missing() {
                    ui.label(RichText::new(format!("{missing}: nothing")).small().weak());
                }
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

/// The agreement window and its last figures. The figures are computed in the
/// background: the window pushes [`Action::ComputeAgreement`] and the app hands the
/// result back with [`AgreementWindow::show_result`].
#[derive(Debug, Default)]
pub struct AgreementWindow {
    pub open: bool,
    report: Option<Result<AgreementReport, AgreementError>>,
    requested: bool,
}

impl AgreementWindow {
    /// Opens the window; the figures are computed afresh.
    pub fn open(&mut self) {
        self.open = true;
        self.report = None;
        self.requested = false;
    }

    /// Whether the figures (or why they could not be computed) are shown.
    pub fn has_result(&self) -> bool {
        self.report.is_some()
    }

    /// The figures computed in the background (or why they could not be).
    pub fn show_result(&mut self, report: Result<AgreementReport, AgreementError>) {
        self.report = Some(report);
        self.requested = false;
    }

    /// The window; clicking a document pushes [`Action::ReviewDocument`].
    pub fn ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        if !self.open {
            return;
        }
        if self.report.is_none() && !self.requested {
            self.requested = true;
            actions.push(Action::ComputeAgreement);
        }
        let mut open = true;
        egui::Window::new("Agreement").open(&mut open).default_width(640.0).show(ctx, |ui| {
            if ui.button("Recompute").clicked() && !self.requested {
                self.requested = true;
                actions.push(Action::ComputeAgreement);
            }
            match &self.report {
                Some(Ok(report)) => {
                    agreement_table(ui, report);
                    ui.separator();
                    documents_list(ui, &report.per_document, actions);
                }
                Some(Err(err)) => {
                    ui.colored_label(theme::ERROR_COLOR, err.to_string());
                }
                None => {
                    ui.label("Computing…");
                }
            }
        });
        self.open = open;
        if !open {
            self.report = None;
        }
    }
}

fn fmt(v: Option<f64>) -> String {
    v.map_or("–".to_string(), |v| format!("{v:.3}"))
}

/// The figures per pair and label, a bar per label, and the warnings.
fn agreement_table(ui: &mut Ui, report: &AgreementReport) {
    ui.label(format!(
        "{} · {} documents · {} tokens · {} characters · IoU ≥ {}",
        report.annotators.join(", "),
        report.documents,
        report.tokens,
        report.characters,
        report.iou
    ));
    egui::Grid::new("agreement").striped(true).num_columns(10).show(ui, |ui| {
        for h in [
            "pair",
            "label",
            "exact F1",
            "overlap F1",
            "kappa",
            "alpha_u",
            "alpha chars",
            "unmatched a",
            "unmatched b",
            "",
        ] {
            ui.strong(h);
        }
        ui.end_row();
        for p in &report.pairs {
            ui.label(format!("{} / {}", p.a, p.b));
            ui.label(&p.label);
            ui.label(fmt(p.exact_f1));
            ui.label(fmt(p.overlap_f1));
            ui.label(fmt(p.cohen_kappa));
            ui.label(fmt(p.alpha_u));
            ui.label(fmt(p.alpha_chars));
            ui.label(p.unmatched_a.to_string());
            ui.label(p.unmatched_b.to_string());
            bar(ui, p.overlap_f1.unwrap_or(0.0), p.exact_f1.unwrap_or(0.0));
            ui.end_row();
        }
    });
    ui.separator();
    ui.label(
        "Krippendorff's alpha_u (unitizing, continuum) and alpha over characters, all chosen annotators:",
    );
    for (label, value) in &report.alpha_u {
        let chars = report.alpha_chars.get(label).copied().flatten();
        ui.horizontal(|ui| {
            ui.label(format!("{label}: alpha_u {} · chars {}", fmt(*value), fmt(chars)));
            bar(ui, value.unwrap_or(0.0).max(0.0), 0.0);
        });
    }
    if !report.warnings.is_empty() {
        ui.separator();
        for w in &report.warnings {
            ui.colored_label(theme::status_color(false), w);
        }
    }
}

/// The documents from the least to the most agreed; a click opens one in review mode.
fn documents_list(ui: &mut Ui, documents: &[DocumentAgreement], actions: &mut Vec<Action>) {
    ui.label("Documents, least agreed first (click to review):");
    egui::ScrollArea::vertical().id_salt("agreement documents").max_height(220.0).show(ui, |ui| {
        egui::Grid::new("agreement documents grid").striped(true).num_columns(5).show(ui, |ui| {
            for h in ["document", "alpha_u", "overlap F1", "exact F1", "spans"] {
                ui.strong(h);
            }
            ui.end_row();
            for doc in documents {
                let name = if doc.title.is_empty() { doc.id.as_str() } else { doc.title.as_str() };
                // In display order: egui would show an Arabic title's words reversed.
                if ui.link(crate::text::for_display(name)).on_hover_text(&doc.id).clicked() {
                    actions.push(Action::ReviewDocument(DocId::new(doc.id.clone())));
                }
                ui.label(fmt(doc.alpha_u));
                ui.label(fmt(doc.overlap_f1));
                ui.label(fmt(doc.exact_f1));
                ui.label(doc.spans.to_string());
                ui.end_row();
            }
        });
    });
}

/// A small horizontal bar: `value` (0..1) filled, `inner` as a darker part.
fn bar(ui: &mut Ui, value: f64, inner: f64) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(120.0, 10.0), egui::Sense::hover());
    let painter = ui.painter();
    painter.rect_filled(rect, 2.0, ui.visuals().faint_bg_color);
    let w = |v: f64| rect.width() * v.clamp(0.0, 1.0) as f32;
    painter.rect_filled(
        egui::Rect::from_min_size(rect.min, egui::vec2(w(value), rect.height())),
        2.0,
        theme::label_color(theme::LAYER_COLORS[1], 160),
    );
    painter.rect_filled(
        egui::Rect::from_min_size(rect.min, egui::vec2(w(inner), rect.height())),
        2.0,
        theme::label_color(theme::LAYER_COLORS[1], 255),
    );
}
