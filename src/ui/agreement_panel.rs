//! The agreement panel: everything `hashiya agree` reports (spans per pair and label,
//! alpha across all annotators, links per type, figure values, documents from the least
//! agreed, warnings), with a legend for its bars and short readings in the tooltips. It
//! sits below the document instead of over it, so the document a click opens stays in
//! view.

use super::{Action, EngineText, text_line, theme};
use crate::model::DocId;
use crate::review::report::{FigureValueAgreement, RelationAgreement};
use crate::review::{AgreementError, AgreementReport, DocumentAgreement};
use egui::{RichText, Ui};

/// What each figure means and how to read it, for the column tooltips.
pub mod tips {
    pub const EXACT_F1: &str = "Spans both marked with the same start, end and label (2 × matches / all spans). \
        Well below overlap F1: the annotators find the same things but draw the boundaries differently.";
    pub const OVERLAP_F1: &str = "Spans matched by label and overlap (IoU at the threshold). Low: the annotators \
        find different things.";
    pub const KAPPA: &str = "Cohen's kappa over tokens: agreement on each word's label beyond chance. \
        1 is full agreement, 0 chance.";
    pub const ALPHA_U: &str = "Krippendorff's unitizing alpha: where spans begin and end, and their labels, beyond \
        chance. ≥ 0.8 reliable; 0.667–0.8 only for tentative conclusions; below 0.667 not reliable. \
        The figure to report.";
    pub const ALPHA_CHARS: &str = "Krippendorff's alpha over characters (each labelled or not): the same \
        thresholds as alpha_u; a boundary off by one character costs one character.";
    pub const UNMATCHED: &str = "Spans of each annotator with no overlap match on the other side.";
    pub const DOCUMENTS: &str = "Documents both worked on (marked done, or with a span of theirs): the figures \
        are computed over these only.";
    pub const RELATION_F1: &str = "Links whose two ends are matched spans and whose types agree \
        (2 × matches / all links).";
    pub const VALUE_AGREEMENT: &str =
        "Of the matched figures both gave a value, the share with the same value.";
    pub const VALUED_SHARE: &str = "Of the matched figures, the share both gave a value: low means values are \
        missing, not that they differ.";
    pub const BAR: &str = "Light: overlap F1. Dark: exact F1. The light part beyond the dark is spans found \
        alike but bounded differently.";
}

/// The agreement panel and its last figures. The figures are computed in the
/// background: the panel pushes [`Action::ComputeAgreement`] and the app hands the
/// result back with [`AgreementPanel::show_result`].
#[derive(Debug, Default)]
pub struct AgreementPanel {
    pub open: bool,
    report: Option<Result<AgreementReport, AgreementError>>,
    requested: bool,
}

impl AgreementPanel {
    /// Opens the panel; the figures are computed afresh.
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

    /// The panel, along the bottom of the window; clicking a document pushes
    /// [`Action::ReviewDocument`]. Call before the central panel.
    pub fn ui(&mut self, ui: &mut Ui, engine: &mut EngineText, actions: &mut Vec<Action>) {
        if !self.open {
            return;
        }
        if self.report.is_none() && !self.requested {
            self.requested = true;
            actions.push(Action::ComputeAgreement);
        }
        let mut open = true;
        let most = (ui.available_height() * 0.6).max(200.0);
        let panel =
            egui::Panel::bottom("agreement").resizable(true).default_size(340.0).size_range(200.0..=most);
        panel.show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("Agreement");
                if ui.button("Recompute").clicked() && !self.requested {
                    self.requested = true;
                    actions.push(Action::ComputeAgreement);
                }
                if ui.button("Close").clicked() {
                    open = false;
                }
            });
            match &self.report {
                Some(Ok(report)) => report_ui(ui, engine, report, actions),
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

/// The whole report: figures on the left, documents and warnings on the right.
fn report_ui(ui: &mut Ui, engine: &mut EngineText, report: &AgreementReport, actions: &mut Vec<Action>) {
    ui.label(format!(
        "{} · {} documents, {} worked on by all of them · {} tokens · {} characters · IoU ≥ {}",
        report.annotators.join(", "),
        report.documents,
        report.documents_compared,
        report.tokens,
        report.characters,
        report.iou
    ));
    ui.columns(2, |columns| {
        let [left, right] = columns else { return };
        egui::ScrollArea::both().id_salt("agreement figures").auto_shrink([false, false]).show(left, |ui| {
            legend_ui(ui);
            spans_ui(ui, report);
            ui.separator();
            across_ui(ui, report);
            ui.separator();
            links_ui(ui, &report.relations);
            ui.separator();
            values_ui(ui, &report.figure_values);
        });
        egui::ScrollArea::vertical().id_salt("agreement documents").auto_shrink([false, false]).show(
            right,
            |ui| {
                documents_ui(ui, engine, &report.per_document, actions);
                if !report.warnings.is_empty() {
                    ui.separator();
                    ui.strong("Warnings");
                    for w in &report.warnings {
                        ui.colored_label(theme::status_color(false), &w.text).on_hover_text(w.code);
                    }
                }
            },
        );
    });
}

/// What the bars show.
fn legend_ui(ui: &mut Ui) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Bars:").small());
        for (alpha, text) in [(160, "overlap F1"), (255, "exact F1")] {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 10.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, theme::label_color(theme::LAYER_COLORS[1], alpha));
            ui.label(RichText::new(text).small());
        }
        ui.label(RichText::new("(light beyond dark: same spans, other boundaries)").small().weak());
    })
    .response
    .on_hover_text(tips::BAR);
}

/// A column header with its tooltip.
fn header(ui: &mut Ui, text: &str, tip: &str) {
    if tip.is_empty() {
        ui.strong(text);
    } else {
        ui.strong(text).on_hover_text(tip);
    }
}

/// The span figures per pair and label, a bar per row.
fn spans_ui(ui: &mut Ui, report: &AgreementReport) {
    ui.strong("Spans");
    egui::Grid::new("agreement spans").striped(true).num_columns(10).show(ui, |ui| {
        let headers = [
            ("pair", ""),
            ("label", ""),
            ("docs", tips::DOCUMENTS),
            ("exact F1", tips::EXACT_F1),
            ("overlap F1", tips::OVERLAP_F1),
            ("kappa", tips::KAPPA),
            ("alpha_u", tips::ALPHA_U),
            ("alpha chars", tips::ALPHA_CHARS),
            ("unmatched a / b", tips::UNMATCHED),
            ("", ""),
        ];
        for (text, tip) in headers {
            header(ui, text, tip);
        }
        ui.end_row();
        for p in &report.pairs {
            ui.label(format!("{} / {}", p.a, p.b));
            ui.label(&p.label);
            ui.label(p.documents.to_string());
            ui.label(fmt(p.exact_f1));
            ui.label(fmt(p.overlap_f1));
            ui.label(fmt(p.cohen_kappa));
            ui.label(fmt(p.alpha_u));
            ui.label(fmt(p.alpha_chars));
            ui.label(format!("{} / {}", p.unmatched_a, p.unmatched_b));
            bar(ui, p.overlap_f1.unwrap_or(0.0), p.exact_f1.unwrap_or(0.0)).on_hover_text(tips::BAR);
            ui.end_row();
        }
    });
}

/// Alpha across every chosen annotator, per label.
fn across_ui(ui: &mut Ui, report: &AgreementReport) {
    ui.strong("Across all annotators");
    egui::Grid::new("agreement across").striped(true).num_columns(3).show(ui, |ui| {
        header(ui, "label", "");
        header(ui, "alpha_u", tips::ALPHA_U);
        header(ui, "alpha chars", tips::ALPHA_CHARS);
        ui.end_row();
        for (label, value) in &report.alpha_u {
            ui.label(label);
            ui.label(fmt(*value));
            ui.label(fmt(report.alpha_chars.get(label).copied().flatten()));
            ui.end_row();
        }
    });
}

/// Link agreement per pair and relation type.
fn links_ui(ui: &mut Ui, rows: &[RelationAgreement]) {
    ui.strong("Links");
    egui::Grid::new("agreement links").striped(true).num_columns(5).show(ui, |ui| {
        for (text, tip) in [
            ("pair", ""),
            ("type", ""),
            ("a", ""),
            ("b", ""),
            ("matched", ""),
            ("relation F1", tips::RELATION_F1),
        ] {
            header(ui, text, tip);
        }
        ui.end_row();
        for r in rows {
            ui.label(format!("{} / {}", r.a, r.b));
            ui.label(&r.kind);
            ui.label(r.relations_a.to_string());
            ui.label(r.relations_b.to_string());
            ui.label(r.matches.to_string());
            ui.label(fmt(r.relation_f1));
            ui.end_row();
        }
    });
}

/// Figure values per pair.
fn values_ui(ui: &mut Ui, rows: &[FigureValueAgreement]) {
    ui.strong("Figure values");
    egui::Grid::new("agreement values").striped(true).num_columns(6).show(ui, |ui| {
        let headers = [
            ("pair", ""),
            ("matched figures", ""),
            ("both valued", ""),
            ("same value", ""),
            ("value agreement", tips::VALUE_AGREEMENT),
            ("valued share", tips::VALUED_SHARE),
        ];
        for (text, tip) in headers {
            header(ui, text, tip);
        }
        ui.end_row();
        for r in rows {
            ui.label(format!("{} / {}", r.a, r.b));
            ui.label(r.matched_figures.to_string());
            ui.label(r.both_valued.to_string());
            ui.label(r.same_value.to_string());
            ui.label(format!("{} ({} of {})", fmt(r.value_agreement), r.same_value, r.both_valued));
            ui.label(fmt(r.valued_share));
            ui.end_row();
        }
    });
}

/// The documents from the least to the most agreed, then those someone never annotated;
/// a click opens one in review mode.
fn documents_ui(
    ui: &mut Ui,
    engine: &mut EngineText,
    documents: &[DocumentAgreement],
    actions: &mut Vec<Action>,
) {
    ui.strong("Documents, least agreed first (click to review)");
    egui::Grid::new("agreement documents grid").striped(true).num_columns(6).show(ui, |ui| {
        for (text, tip) in [
            ("document", ""),
            ("alpha_u", tips::ALPHA_U),
            ("overlap F1", tips::OVERLAP_F1),
            ("exact F1", tips::EXACT_F1),
            ("spans", ""),
        ] {
            header(ui, text, tip);
        }
        ui.end_row();
        for doc in documents {
            ui.vertical(|ui| {
                if ui.link(&doc.id).on_hover_text(&doc.title).clicked() {
                    actions.push(Action::ReviewDocument(DocId::new(doc.id.clone())));
                }
                // Arabic titles go through the text engine, which orders them right to left.
                text_line(ui, engine, &doc.title, theme::LIST_FONT_SIZE * 0.8, 220.0, Some(1));
            });
            if doc.not_annotated_by.is_empty() {
                ui.label(fmt(doc.alpha_u));
                ui.label(fmt(doc.overlap_f1));
                ui.label(fmt(doc.exact_f1));
            } else {
                ui.label(
                    RichText::new(format!("not annotated by {}", doc.not_annotated_by.join(", "))).weak(),
                );
                ui.label("");
                ui.label("");
            }
            ui.label(doc.spans.to_string());
            ui.end_row();
        }
    });
}

/// A small horizontal bar: `value` (0..1) filled light, `inner` over it dark.
fn bar(ui: &mut Ui, value: f64, inner: f64) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(120.0, 10.0), egui::Sense::hover());
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
    response
}
