//! View > Team progress: in a team project, each annotator's progress bar and counts, the
//! documents done per day (a chart), spans per label per annotator (bars), agreement on
//! each shared document (a histogram, and the least agreed documents, a click opening one
//! in review) and the spans that lack a required value. Charts are drawn with `egui_plot`.
//!
//! The figures are those of `hashiya status` (`team::team_status`), computed when the
//! window opens and again on "Refresh", not every frame: a project has thousands of
//! documents.

use super::Action;
use super::theme;
use crate::i18n::tr;
use crate::model::{DocId, Project};
use crate::team::{TeamStatus, lacks_value, team_status};
use crate::text::for_display;
use crate::{tr, tr_logical};
use egui_plot::{Bar, BarChart, Legend, Plot};
use std::collections::BTreeMap;

/// Bins of the agreement histogram (overlap F1 from 0 to 1).
const BINS: usize = 10;
/// Least agreed documents listed under the histogram.
const LISTED: usize = 12;
/// Height of each chart.
const CHART_HEIGHT: f32 = 120.0;
/// Categories a bar chart makes room for at least, so that one or two bars stay narrow.
const MIN_CATEGORIES: f64 = 6.0;

/// The Team progress window and the figures it shows.
#[derive(Debug, Default)]
pub struct TeamWindow {
    pub open: bool,
    /// The figures and the project generation they were computed at.
    shown: Option<(u64, TeamView)>,
}

/// What the window shows, computed once from the project.
#[derive(Clone, Debug)]
struct TeamView {
    status: TeamStatus,
    /// Spans lacking a required value, per annotator, with the documents they are on.
    missing: BTreeMap<String, Vec<(DocId, usize)>>,
}

impl TeamView {
    fn of(project: &Project) -> Self {
        let mut missing: BTreeMap<String, Vec<(DocId, usize)>> = BTreeMap::new();
        for (name, layer) in &project.layers {
            for (doc, entry) in &layer.docs {
                let n = entry.spans.iter().filter(|s| !s.is_suggested() && lacks_value(project, s)).count();
                if n > 0 {
                    missing.entry(name.clone()).or_default().push((doc.clone(), n));
                }
            }
        }
        Self { status: team_status(project), missing }
    }
}

impl TeamWindow {
    /// Opens the window; the figures are computed afresh.
    pub fn open(&mut self) {
        self.open = true;
        self.shown = None;
    }

    /// The window (nothing while closed).
    pub fn ui(&mut self, ctx: &egui::Context, project: &Project, generation: u64, actions: &mut Vec<Action>) {
        if !self.open {
            return;
        }
        if self.shown.is_none() {
            self.shown = Some((generation, TeamView::of(project)));
        }
        let mut open = true;
        let mut refresh = false;
        let window = egui::Window::new(tr("team-title")).open(&mut open).default_size([660.0, 780.0]);
        window.show(ctx, |ui| {
            let Some((at, view)) = &self.shown else { return };
            ui.horizontal(|ui| {
                refresh = ui.button(tr("team-refresh")).clicked();
                if *at != generation {
                    ui.weak(tr("team-changed-since"));
                }
            });
            egui::ScrollArea::vertical().show(ui, |ui| team_ui(ui, project, view, actions));
        });
        if refresh {
            self.shown = Some((generation, TeamView::of(project)));
        }
        self.open = open;
    }
}

fn team_ui(ui: &mut egui::Ui, project: &Project, view: &TeamView, actions: &mut Vec<Action>) {
    let status = &view.status;
    let summary = tr_logical!(
        "team-summary",
        documents = status.documents,
        shared = status.overlap_documents,
        missing = status.missing_values
    );
    super::wrapped_label(ui, &summary);
    if status.annotators.is_empty() {
        super::wrapped_label(ui, &tr_logical!("team-none-assigned"));
        return;
    }
    progress_ui(ui, status);
    ui.separator();
    ui.strong(tr("team-done-per-day"));
    done_per_day_ui(ui, status);
    ui.separator();
    ui.strong(tr("team-spans-per-label"));
    per_label_ui(ui, project, status);
    ui.separator();
    ui.strong(tr("team-agreement"));
    agreement_ui(ui, status, actions);
    ui.separator();
    ui.strong(tr("team-missing"));
    missing_ui(ui, view, actions);
}

fn progress_ui(ui: &mut egui::Ui, status: &TeamStatus) {
    egui::Grid::new("team-progress").num_columns(2).striped(true).show(ui, |ui| {
        for a in &status.annotators {
            ui.label(for_display(&a.name));
            ui.vertical(|ui| {
                let fraction = if a.assigned == 0 { 0.0 } else { a.done as f32 / a.assigned as f32 };
                let text = tr!("team-done-of", done = a.done, assigned = a.assigned);
                ui.add(egui::ProgressBar::new(fraction).desired_width(260.0).text(text));
                let last = a.last_active.clone().unwrap_or_else(|| crate::i18n::plain("team-never"));
                ui.weak(tr!(
                    "team-annotator-figures",
                    in_progress = a.in_progress,
                    untouched = a.untouched,
                    spans = a.spans,
                    active = duration(a.active_seconds),
                    last = last
                ));
            });
            ui.end_row();
        }
    });
}

/// Seconds as `h:mm:ss`.
fn duration(seconds: u64) -> String {
    format!("{}:{:02}:{:02}", seconds / 3600, seconds % 3600 / 60, seconds % 60)
}

fn annotator_color(i: usize) -> egui::Color32 {
    let color = theme::LAYER_COLORS.get(i % theme::LAYER_COLORS.len()).copied().unwrap_or_default();
    theme::label_color(color, 255)
}

fn done_per_day_ui(ui: &mut egui::Ui, status: &TeamStatus) {
    let days: Vec<&String> = {
        let mut days: Vec<&String> = status.annotators.iter().flat_map(|a| a.done_per_day.keys()).collect();
        days.sort();
        days.dedup();
        days
    };
    if days.is_empty() {
        ui.weak(tr("team-nothing-done"));
        return;
    }
    let mut charts: Vec<BarChart> = Vec::new();
    for (i, a) in status.annotators.iter().enumerate() {
        let bars = days
            .iter()
            .enumerate()
            .map(|(x, day)| {
                let n = a.done_per_day.get(*day).copied().unwrap_or(0);
                Bar::new(x as f64, n as f64).name(tr!("team-bar-value", name = day.as_str(), count = n))
            })
            .collect();
        let refs: Vec<&BarChart> = charts.iter().collect();
        let chart =
            BarChart::new(for_display(&a.name), bars).color(annotator_color(i)).width(0.5).stack_on(&refs);
        charts.push(chart);
    }
    let labels: Vec<String> = days.iter().map(|d| d.get(5..).unwrap_or(d).to_string()).collect();
    bar_plot(ui, "team-done-per-day", labels, charts);
}

/// Bar charts over named categories (one per whole x), fixed in place, with a legend.
fn bar_plot(ui: &mut egui::Ui, id: &str, labels: Vec<String>, charts: Vec<BarChart>) {
    Plot::new(id)
        .height(CHART_HEIGHT)
        .include_x(-0.5)
        .include_x((labels.len() as f64).max(MIN_CATEGORIES) - 0.5)
        .include_y(0.0)
        .legend(Legend::default())
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .x_axis_formatter(move |mark, _| label_at(&labels, mark.value))
        .show(ui, |plot| charts.into_iter().for_each(|c| plot.bar_chart(c)));
}

/// The label of the category at `x` (a whole number), or nothing between categories.
fn label_at(labels: &[String], x: f64) -> String {
    let i = x.round();
    if (x - i).abs() > 1e-6 || i < 0.0 {
        return String::new();
    }
    labels.get(i as usize).cloned().unwrap_or_default()
}

fn per_label_ui(ui: &mut egui::Ui, project: &Project, status: &TeamStatus) {
    let n = status.annotators.len().max(1) as f64;
    let width = 0.8 / n;
    let charts: Vec<BarChart> = status
        .annotators
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let bars = project
                .labels
                .iter()
                .enumerate()
                .map(|(x, label)| {
                    let count = a.per_label.get(label.id.as_str()).copied().unwrap_or(0);
                    let at = x as f64 - 0.4 + width * (i as f64 + 0.5);
                    Bar::new(at, count as f64).width(width).name(tr!(
                        "team-bar-label",
                        name = a.name.as_str(),
                        label = label.name.as_str(),
                        count = count
                    ))
                })
                .collect();
            BarChart::new(for_display(&a.name), bars).color(annotator_color(i))
        })
        .collect();
    let labels: Vec<String> = project.labels.iter().map(|l| for_display(&l.name)).collect();
    bar_plot(ui, "team-per-label", labels, charts);
}

/// The bin of an overlap F1 in the histogram.
fn bin(f1: f64) -> usize {
    ((f1 * BINS as f64) as usize).min(BINS - 1)
}

fn agreement_ui(ui: &mut egui::Ui, status: &TeamStatus, actions: &mut Vec<Action>) {
    let agreement = &status.agreement;
    // The histogram and the documents to look at first come before the pairs' lines, which
    // grow with the team: in a window of the default size they stay in sight.
    let mut counts = [0usize; BINS];
    for doc in &agreement.per_document {
        if let Some(slot) = doc.overlap_f1.and_then(|f1| counts.get_mut(bin(f1))) {
            *slot += 1;
        }
    }
    let bars = counts
        .iter()
        .enumerate()
        .map(|(i, &n)| {
            let from = i as f64 / BINS as f64;
            Bar::new(from + 0.05, n as f64).width(0.09).name(tr!(
                "team-bin",
                from = format!("{from:.1}"),
                to = format!("{:.1}", from + 0.1),
                count = n
            ))
        })
        .collect();
    Plot::new("team-agreement")
        .height(CHART_HEIGHT)
        .include_x(0.0)
        .include_x(1.0)
        .include_y(0.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .show(ui, |plot| plot.bar_chart(BarChart::new(tr("team-documents-series"), bars)));
    let mut least: Vec<_> = agreement.per_document.iter().filter(|d| d.overlap_f1.is_some()).collect();
    least.sort_by(|a, b| a.overlap_f1.unwrap_or(0.0).total_cmp(&b.overlap_f1.unwrap_or(0.0)));
    ui.weak(tr("team-least-agreed"));
    links_row(ui, |ui| {
        for doc in least.into_iter().take(LISTED) {
            let text = tr!(
                "team-least-doc",
                doc = doc.doc.as_str(),
                a = doc.a.as_str(),
                b = doc.b.as_str(),
                f1 = format!("{:.2}", doc.overlap_f1.unwrap_or(0.0))
            );
            if ui.link(text).clicked() {
                actions.push(Action::ReviewDocument(doc.doc.clone()));
            }
        }
    });
    for pair in &agreement.pairs {
        let figure = |x: Option<f64>| x.map_or_else(|| "-".to_string(), |x| format!("{x:.2}"));
        ui.label(tr!(
            "team-pair",
            a = pair.a.as_str(),
            b = pair.b.as_str(),
            documents = pair.documents,
            f1 = figure(pair.overlap_f1),
            alpha = figure(pair.alpha_u)
        ));
    }
}

fn missing_ui(ui: &mut egui::Ui, view: &TeamView, actions: &mut Vec<Action>) {
    if view.missing.is_empty() {
        ui.weak(tr("team-all-valued"));
        return;
    }
    for (name, docs) in &view.missing {
        let total: usize = docs.iter().map(|(_, n)| n).sum();
        links_row(ui, |ui| {
            ui.label(tr!("team-bar-value", name = name.as_str(), count = total));
            for (doc, n) in docs.iter().take(LISTED) {
                if ui.link(tr!("team-doc-count", doc = doc.as_str(), count = *n)).clicked() {
                    actions.push(Action::OpenDocument(doc.clone()));
                }
            }
        });
    }
}

/// A row of links that wraps between links, never inside one (a link's text is in visual
/// order, so egui must not break it), flowing from the right in the Arabic interface.
fn links_row(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui)) {
    let layout = if crate::i18n::lang().is_rtl() {
        egui::Layout::right_to_left(egui::Align::Min)
    } else {
        egui::Layout::left_to_right(egui::Align::Min)
    };
    ui.with_layout(layout.with_main_wrap(true), |ui| {
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
        add(ui);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_bins_and_axis_labels() {
        assert_eq!((bin(0.0), bin(0.25), bin(0.99), bin(1.0)), (0, 2, 9, 9));
        let labels = vec!["claim".to_string(), "figure".to_string()];
        assert_eq!(label_at(&labels, 1.0), "figure");
        assert_eq!(label_at(&labels, 0.5), "");
        assert_eq!(label_at(&labels, 7.0), "");
        assert_eq!(duration(3725), "1:02:05");
    }
}
