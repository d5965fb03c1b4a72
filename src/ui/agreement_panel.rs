//! The agreement panel: everything `hashiya agree` reports (spans per pair and label,
//! alpha across all annotators, links per type, figure values, documents from the least
//! agreed, warnings), with a legend for its bars and short readings in the tooltips. It
//! sits below the document instead of over it, so the document a click opens stays in
//! view.

use super::{Action, EngineText, text_line, theme};
use crate::i18n::tr;
use crate::model::DocId;
use crate::review::report::{FigureValueAgreement, RelationAgreement};
use crate::review::{AgreementError, AgreementReport, DocumentAgreement};
use crate::text::for_display;
use crate::tr;
use egui::{RichText, Ui};

/// The catalogue ids of what each figure means and how to read it, for the column
/// tooltips.
pub mod tips {
    pub const EXACT_F1: &str = "agree-tip-exact-f1";
    pub const OVERLAP_F1: &str = "agree-tip-overlap-f1";
    pub const KAPPA: &str = "agree-tip-kappa";
    pub const ALPHA_U: &str = "agree-tip-alpha-u";
    pub const ALPHA_CHARS: &str = "agree-tip-alpha-chars";
    pub const UNMATCHED: &str = "agree-tip-unmatched";
    pub const DOCUMENTS: &str = "agree-tip-documents";
    pub const RELATION_F1: &str = "agree-tip-relation-f1";
    pub const VALUE_AGREEMENT: &str = "agree-tip-value-agreement";
    pub const VALUED_SHARE: &str = "agree-tip-valued-share";
    pub const BAR: &str = "agree-tip-bar";
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
                ui.heading(tr("agree-title"));
                if ui.button(tr("agree-recompute")).clicked() && !self.requested {
                    self.requested = true;
                    actions.push(Action::ComputeAgreement);
                }
                if ui.button(tr("button-close")).clicked() {
                    open = false;
                }
            });
            match &self.report {
                Some(Ok(report)) => report_ui(ui, engine, report, actions),
                Some(Err(err)) => {
                    ui.colored_label(
                        theme::ERROR_COLOR,
                        for_display(&super::error_text::agreement_error(err)),
                    );
                }
                None => {
                    ui.label(tr("agree-computing"));
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
    let summary = crate::tr_logical!(
        "agree-summary",
        annotators = report.annotators.join(", "),
        documents = report.documents,
        compared = report.documents_compared,
        tokens = report.tokens,
        characters = report.characters,
        iou = report.iou.to_string()
    );
    super::wrapped_label(ui, &summary);
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
                    ui.strong(tr("agree-warnings"));
                    for w in &report.warnings {
                        ui.colored_label(theme::status_color(false), for_display(&w.text))
                            .on_hover_text(w.code);
                    }
                }
            },
        );
    });
}

/// What the bars show.
fn legend_ui(ui: &mut Ui) {
    let legend = ui
        .horizontal_wrapped(|ui| {
            ui.label(RichText::new(tr("agree-bars")).small());
            for (alpha, id) in [(160, "agree-overlap-f1"), (255, "agree-exact-f1")] {
                let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 10.0), egui::Sense::hover());
                ui.painter().rect_filled(rect, 2.0, theme::label_color(theme::LAYER_COLORS[1], alpha));
                ui.label(RichText::new(tr(id)).small());
            }
            ui.label(RichText::new(tr("agree-bars-reading")).small().weak());
        })
        .response;
    super::hover_wrapped(legend, &crate::i18n::plain(tips::BAR));
}

/// A column header with its tooltip (catalogue ids; no tooltip for an empty one).
fn header(ui: &mut Ui, text: &str, tip: &str) {
    let text = if text.is_empty() { String::new() } else { tr(text) };
    if tip.is_empty() {
        ui.strong(text);
    } else {
        super::hover_wrapped(ui.strong(text), &crate::i18n::plain(tip));
    }
}

/// The span figures per pair and label, a bar per row.
fn spans_ui(ui: &mut Ui, report: &AgreementReport) {
    ui.strong(tr("agree-spans"));
    egui::Grid::new("agreement spans").striped(true).num_columns(10).show(ui, |ui| {
        let headers = [
            ("agree-pair", ""),
            ("agree-label", ""),
            ("agree-docs", tips::DOCUMENTS),
            ("agree-exact-f1", tips::EXACT_F1),
            ("agree-overlap-f1", tips::OVERLAP_F1),
            ("agree-kappa", tips::KAPPA),
            ("agree-alpha-u", tips::ALPHA_U),
            ("agree-alpha-chars", tips::ALPHA_CHARS),
            ("agree-unmatched", tips::UNMATCHED),
            ("", ""),
        ];
        for (text, tip) in headers {
            header(ui, text, tip);
        }
        ui.end_row();
        for p in &report.pairs {
            ui.label(for_display(&format!("{} / {}", p.a, p.b)));
            ui.label(for_display(&p.label));
            ui.label(p.documents.to_string());
            ui.label(fmt(p.exact_f1));
            ui.label(fmt(p.overlap_f1));
            ui.label(fmt(p.cohen_kappa));
            ui.label(fmt(p.alpha_u));
            ui.label(fmt(p.alpha_chars));
            ui.label(format!("{} / {}", p.unmatched_a, p.unmatched_b));
            let bar = bar(ui, p.overlap_f1.unwrap_or(0.0), p.exact_f1.unwrap_or(0.0));
            super::hover_wrapped(bar, &crate::i18n::plain(tips::BAR));
            ui.end_row();
        }
    });
}

/// Alpha across every chosen annotator, per label.
fn across_ui(ui: &mut Ui, report: &AgreementReport) {
    ui.strong(tr("agree-across"));
    egui::Grid::new("agreement across").striped(true).num_columns(3).show(ui, |ui| {
        header(ui, "agree-label", "");
        header(ui, "agree-alpha-u", tips::ALPHA_U);
        header(ui, "agree-alpha-chars", tips::ALPHA_CHARS);
        ui.end_row();
        for (label, value) in &report.alpha_u {
            ui.label(for_display(label));
            ui.label(fmt(*value));
            ui.label(fmt(report.alpha_chars.get(label).copied().flatten()));
            ui.end_row();
        }
    });
}

/// Link agreement per pair and relation type.
fn links_ui(ui: &mut Ui, rows: &[RelationAgreement]) {
    ui.strong(tr("agree-links"));
    egui::Grid::new("agreement links").striped(true).num_columns(5).show(ui, |ui| {
        for (text, tip) in [
            ("agree-pair", ""),
            ("agree-type", ""),
            ("agree-a", ""),
            ("agree-b", ""),
            ("agree-matched", ""),
            ("agree-relation-f1", tips::RELATION_F1),
        ] {
            header(ui, text, tip);
        }
        ui.end_row();
        for r in rows {
            ui.label(for_display(&format!("{} / {}", r.a, r.b)));
            ui.label(for_display(&r.kind));
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
    ui.strong(tr("agree-figure-values"));
    egui::Grid::new("agreement values").striped(true).num_columns(6).show(ui, |ui| {
        let headers = [
            ("agree-pair", ""),
            ("agree-matched-figures", ""),
            ("agree-both-valued", ""),
            ("agree-same-value", ""),
            ("agree-value-agreement", tips::VALUE_AGREEMENT),
            ("agree-valued-share", tips::VALUED_SHARE),
        ];
        for (text, tip) in headers {
            header(ui, text, tip);
        }
        ui.end_row();
        for r in rows {
            ui.label(for_display(&format!("{} / {}", r.a, r.b)));
            ui.label(r.matched_figures.to_string());
            ui.label(r.both_valued.to_string());
            ui.label(r.same_value.to_string());
            ui.label(tr!(
                "agree-value-of",
                value = fmt(r.value_agreement),
                same = r.same_value,
                both = r.both_valued
            ));
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
    ui.strong(tr("agree-documents"));
    egui::Grid::new("agreement documents grid").striped(true).num_columns(6).show(ui, |ui| {
        for (text, tip) in [
            ("agree-document", ""),
            ("agree-alpha-u", tips::ALPHA_U),
            ("agree-overlap-f1", tips::OVERLAP_F1),
            ("agree-exact-f1", tips::EXACT_F1),
            ("agree-spans-column", ""),
        ] {
            header(ui, text, tip);
        }
        ui.end_row();
        for doc in documents {
            ui.vertical(|ui| {
                if ui.link(&doc.id).on_hover_text(for_display(&doc.title)).clicked() {
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
                    RichText::new(tr!("agree-not-annotated-by", names = doc.not_annotated_by.join(", ")))
                        .weak(),
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
