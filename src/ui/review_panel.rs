//! Review mode: two or more annotators' spans on the current document side by side,
//! the list of their disagreements in reading order, and keyboard adjudication into the
//! gold layer (J/K next/previous, A/B accept the first/second annotator, E take the
//! selection instead, R reject). Spans every chosen annotator agrees on are accepted
//! into gold automatically when a document is reviewed.
//!
//! Also the agreement window: the figures of `hashiya agree` as a table, a small chart
//! per label, and the documents from the least to the most agreed (a click opens one in
//! review mode).

use super::{Action, EngineText, text_line, theme};
use crate::model::{CharIndex, CharRange, DocId, LabelId, Project, Timestamp};
use crate::review::{
    AgreementOptions, AgreementReport, Decision, Disagreement, DocumentAgreement, adjudicate, agreement,
    disagreements,
};
use egui::{RichText, Ui};

/// The review mode's state.
#[derive(Debug, Default)]
pub struct Review {
    pub active: bool,
    /// The annotators compared (at least two).
    pub annotators: Vec<String>,
    /// Disagreements of the current document, how many gold spans decide each, and what
    /// they were computed for.
    list: Vec<Disagreement>,
    decided: Vec<usize>,
    computed_for: Option<(DocId, u64, Vec<String>)>,
    /// The disagreement shown.
    pub current: Option<usize>,
    /// The agreement window and its last figures.
    pub agreement_open: bool,
    report: Option<Result<AgreementReport, String>>,
}

impl Review {
    /// Turns review mode on (choosing every annotator when none is chosen) or off.
    pub fn toggle(&mut self, project: &Project) {
        self.active = !self.active;
        if self.active && self.annotators.len() < 2 {
            self.annotators = project.annotators().map(str::to_string).collect();
        }
        self.computed_for = None;
    }

    /// Recomputes the disagreements when the document, the project or the chosen
    /// annotators changed (`generation` changes with every edit).
    pub fn refresh(&mut self, project: &Project, doc: &DocId, generation: u64) {
        let key = (doc.clone(), generation, self.annotators.clone());
        if self.computed_for.as_ref() == Some(&key) {
            return;
        }
        let same_doc = self.computed_for.as_ref().is_some_and(|(d, _, a)| d == doc && a == &self.annotators);
        let names: Vec<&str> = self.annotators.iter().map(String::as_str).collect();
        self.list = disagreements(project, doc, &names);
        self.decided = self.list.iter().map(|d| crate::review::decided(project, doc, d).len()).collect();
        if !same_doc {
            self.current = (!self.list.is_empty()).then_some(0);
        }
        if let Some(i) = self.current {
            self.current = Some(i.min(self.list.len().saturating_sub(1))).filter(|_| !self.list.is_empty());
        }
        self.computed_for = Some(key);
    }

    pub fn disagreements(&self) -> &[Disagreement] {
        &self.list
    }

    pub fn current_disagreement(&self) -> Option<&Disagreement> {
        self.list.get(self.current?)
    }

    /// Moves to the next or previous disagreement, returning its range.
    pub fn step(&mut self, forward: bool) -> Option<CharRange> {
        let n = self.list.len();
        if n == 0 {
            return None;
        }
        let next = match (self.current, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1).min(n - 1),
            (Some(i), false) => i.saturating_sub(1),
        };
        self.current = Some(next);
        self.list.get(next).map(|d| d.range)
    }

    /// The gold-layer command for `decision` on the current disagreement.
    pub fn decide(
        &self,
        project: &Project,
        doc: &DocId,
        decision: &Decision,
        by: &str,
    ) -> Option<Result<crate::model::Command, String>> {
        let d = self.current_disagreement()?;
        Some(adjudicate(project, doc, d, decision, by, Timestamp::now()).map_err(|e| e.to_string()))
    }

    /// The decision "take this selection instead", labelled like the disagreement's first span.
    pub fn edit_decision(&self, selection: CharRange) -> Option<Decision> {
        let d = self.current_disagreement()?;
        let label: LabelId = d.spans.first()?.span.label.clone();
        Some(Decision::Edit(vec![(selection, label)]))
    }

    /// The side panel: annotators to compare and the disagreements.
    #[allow(clippy::too_many_arguments)]
    pub fn panel_ui(
        &mut self,
        ui: &mut Ui,
        project: &Project,
        doc: &DocId,
        index: &CharIndex,
        engine: &mut EngineText,
        actions: &mut Vec<Action>,
    ) {
        ui.heading("Review");
        ui.label(
            RichText::new("J/K next/previous · A/B accept first/second · E use selection · R reject")
                .small()
                .weak(),
        );
        ui.horizontal_wrapped(|ui| {
            ui.label("Compare:");
            for (i, name) in project.annotators().enumerate() {
                let mut on = self.annotators.iter().any(|a| a == name);
                let color = theme::label_color(theme::LAYER_COLORS[i % theme::LAYER_COLORS.len()], 255);
                if ui.checkbox(&mut on, RichText::new(name).color(color)).changed() {
                    if on {
                        self.annotators.push(name.to_string());
                    } else {
                        self.annotators.retain(|a| a != name);
                    }
                    // "First" and "second" (A and B) follow the order shown, not the clicks.
                    let order: Vec<&str> = project.annotators().collect();
                    self.annotators.sort_by_key(|a| order.iter().position(|o| o == a));
                }
            }
        });
        if self.annotators.len() < 2 {
            ui.label("Choose at least two annotators.");
            return;
        }
        let gold = project.gold.spans(doc).len();
        ui.label(format!("{} disagreements · {gold} gold spans on this document", self.list.len()));
        ui.separator();
        let Some(document) = project.document(doc) else { return };
        egui::ScrollArea::vertical().id_salt("disagreements").auto_shrink([false, false]).show(ui, |ui| {
            for (i, d) in self.list.iter().enumerate() {
                let current = self.current == Some(i);
                let stroke = if current {
                    egui::Stroke::new(1.5, ui.visuals().selection.stroke.color)
                } else {
                    egui::Stroke::NONE
                };
                let row =
                    egui::Frame::new().inner_margin(4.0).corner_radius(4.0).stroke(stroke).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        let decided = self.decided.get(i).copied().unwrap_or(0);
                        ui.horizontal(|ui| {
                            ui.label(RichText::new(d.kind.describe()).strong());
                            ui.label(RichText::new(format!("{}", d.range)).small().weak());
                            if decided > 0 {
                                ui.label(RichText::new(format!("gold: {decided}")).small());
                            }
                        });
                        for span in &d.spans {
                            let label = project
                                .label(&span.span.label)
                                .map_or(span.span.label.as_str(), |l| l.name.as_str());
                            ui.label(RichText::new(format!("{}: {label}", span.annotator)).small());
                            let text = index.slice(&document.text, span.span.range()).unwrap_or("");
                            text_line(
                                ui,
                                engine,
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
                let response = ui.interact(
                    row.response.rect,
                    ui.scope_id().with(("disagreement", i)),
                    egui::Sense::click(),
                );
                if response.clicked() {
                    self.current = Some(i);
                    actions.push(Action::Reveal(doc.clone(), d.range));
                }
                if current && self.computed_for.is_some() && response.rect.is_positive() {
                    // keep the current one visible when stepping with the keyboard
                    if ui.input(|i| i.key_pressed(egui::Key::J) || i.key_pressed(egui::Key::K)) {
                        response.scroll_to_me(None);
                    }
                }
            }
        });
    }

    /// The agreement window: recomputed on demand, since it reads the whole project.
    /// Clicking a document pushes [`Action::ReviewDocument`].
    pub fn agreement_ui(&mut self, ctx: &egui::Context, project: &Project, actions: &mut Vec<Action>) {
        if !self.agreement_open {
            return;
        }
        let mut open = true;
        egui::Window::new("Agreement").open(&mut open).default_width(640.0).show(ctx, |ui| {
            if self.report.is_none() || ui.button("Recompute").clicked() {
                let options =
                    AgreementOptions { annotators: self.annotators.clone(), ..AgreementOptions::default() };
                self.report = Some(agreement(project, &options).map_err(|e| e.to_string()));
            }
            match &self.report {
                Some(Ok(report)) => {
                    agreement_table(ui, report);
                    ui.separator();
                    documents_list(ui, &report.per_document, actions);
                }
                Some(Err(err)) => {
                    ui.colored_label(theme::ERROR_COLOR, err);
                }
                None => {}
            }
        });
        self.agreement_open = open;
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
                if ui.link(name).on_hover_text(&doc.id).clicked() {
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
