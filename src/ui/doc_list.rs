//! The document list: titles, status and the annotator's span counts per label (only the
//! labels used, suggestions not counted, on one line that never widens the panel), a status filter,
//! an order (the project's, or most uncertain first once a model learned from the annotator's
//! spans exists), "Assigned to me" in a team project, and the project's progress. Rows have one height, so only the visible ones are built, however
//! many documents the project has.

use super::{Action, UiContext, text_line, theme};
use crate::i18n::tr;
use crate::model::{DocId, Document, LabelId, Project, Span, Status};
use crate::tr;
use egui::text::LayoutJob;
use egui::{TextFormat, Ui};

/// Which documents the list shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum StatusFilter {
    #[default]
    All,
    Only(Status),
}

/// The order of the documents in the list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DocOrder {
    /// The project's order.
    #[default]
    Project,
    /// Documents whose predictions score nearest 0.5 first, documents without predictions
    /// last (the model's order; the project's while there is no model).
    MostUncertain,
}

/// The model's documents most uncertain first, and a number that changes with them.
#[derive(Clone, Copy)]
pub struct Uncertain<'a> {
    pub order: &'a [DocId],
    pub version: u64,
}

/// `make()`, kept in egui's memory under `key` until the key changes.
fn cached<K, T>(ui: &Ui, key: K, make: impl FnOnce() -> T) -> T
where
    K: PartialEq + Clone + Send + Sync + 'static,
    T: Clone + Send + Sync + 'static,
{
    let id = ui.make_persistent_id(std::any::type_name::<(K, T)>());
    if let Some((k, value)) = ui.data(|d| d.get_temp::<(K, T)>(id))
        && k == key
    {
        return value;
    }
    let value = make();
    ui.data_mut(|d| d.insert_temp(id, (key, value.clone())));
    value
}

/// Shows the list; pushes [`Action::OpenDocument`] when a row is clicked. With `reveal`,
/// the current document is scrolled into view.
pub fn doc_list_ui(
    ui: &mut Ui,
    cx: &mut UiContext<'_>,
    filter: &mut StatusFilter,
    order: &mut DocOrder,
    uncertain: Option<Uncertain<'_>>,
    reveal: bool,
) {
    let (project, annotator, current) = (cx.frame.project, cx.frame.annotator, cx.frame.view.doc.as_ref());
    let total = project.documents.len();
    let queue = cx.frame.my_queue == Some(true);
    // Counted once per edit, not every frame: a project has thousands of documents. With
    // "Assigned to me", the progress is that of the annotator's queue.
    let (done, of) = cached(ui, ("doc-list-done", cx.frame.generation, annotator.to_string(), queue), || {
        let mine = project.documents.iter().filter(|d| !queue || d.is_assigned_to(annotator));
        mine.fold((0, 0), |(done, of), d| {
            (done + usize::from(d.status_of(annotator) == Status::Done), of + 1)
        })
    });
    ui.heading(tr("documents-heading"));
    let fraction = if of == 0 { 0.0 } else { done as f32 / of as f32 };
    ui.add(egui::ProgressBar::new(fraction).text(tr!("documents-done", done = done, total = of)));
    ui.horizontal(|ui| {
        egui::ComboBox::from_label(tr("documents-shown"))
            .selected_text(match filter {
                StatusFilter::All => tr("documents-all"),
                StatusFilter::Only(s) => status_text(*s),
            })
            .show_ui(ui, |ui| {
                ui.selectable_value(filter, StatusFilter::All, tr("documents-all"));
                for status in Status::ALL {
                    ui.selectable_value(filter, StatusFilter::Only(status), status_text(status));
                }
            });
    });
    order_ui(ui, order, uncertain.is_some());
    if let Some(mut on) = cx.frame.my_queue
        && ui.checkbox(&mut on, tr("documents-assigned-to-me")).changed()
    {
        cx.actions.push(Action::SetMyQueue(on));
    }
    ui.separator();
    let wanted = *filter;
    // Sorted by the model's order only while there is one.
    let by_model = uncertain.filter(|_| *order == DocOrder::MostUncertain);
    let key = (cx.frame.generation, annotator.to_string(), wanted, queue, by_model.map(|u| u.version));
    let shown: std::sync::Arc<Vec<usize>> = cached(ui, ("doc-list-shown", key), || {
        let mut shown: Vec<usize> = (0..total)
            .filter(|&i| match (wanted, project.documents.get(i)) {
                (_, Some(doc)) if queue && !doc.is_assigned_to(annotator) => false,
                (StatusFilter::All, _) => true,
                (StatusFilter::Only(wanted), Some(doc)) => doc.status_of(annotator) == wanted,
                (_, None) => false,
            })
            .collect();
        if let Some(uncertain) = by_model {
            sort_most_uncertain_first(project, &mut shown, uncertain.order);
        }
        std::sync::Arc::new(shown)
    });
    let title_height = cx.engine.fonts.metrics(theme::LIST_FONT_SIZE).line_height();
    let row_height = title_height + theme::LIST_STATS_HEIGHT + 2.0 * theme::LIST_ROW_PADDING;
    let mut area = egui::ScrollArea::vertical().id_salt("doc-list").auto_shrink([false, false]);
    if reveal
        && let Some(row) = shown.iter().position(|&i| project.documents.get(i).map(|d| &d.id) == current)
    {
        let spacing = ui.spacing().item_spacing.y;
        area = area.vertical_scroll_offset((row as f32 * (row_height + spacing) - 2.0 * row_height).max(0.0));
    }
    area.show_rows(ui, row_height, shown.len(), |ui, rows| {
        for index in shown.get(rows).unwrap_or(&[]).iter().copied() {
            let Some(doc) = project.documents.get(index) else { continue };
            let selected = current == Some(&doc.id);
            let spans = project.layers.get(annotator).map(|l| l.spans(&doc.id)).unwrap_or(&[]);
            let fill = if selected {
                ui.visuals().selection.bg_fill.gamma_multiply(0.5)
            } else {
                egui::Color32::TRANSPARENT
            };
            let frame =
                egui::Frame::new().inner_margin(theme::LIST_ROW_PADDING).corner_radius(4.0).fill(fill);
            let row = frame.show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.set_height(row_height - 2.0 * theme::LIST_ROW_PADDING);
                text_line(ui, cx.engine, &doc.title, theme::LIST_FONT_SIZE, ui.available_width(), Some(1));
                let stats = row_stats(ui, project, index, doc, annotator, spans);
                ui.add(egui::Label::new(stats).truncate().selectable(false));
            });
            let response =
                ui.interact(row.response.rect, ui.scope_id().with(("doc-row", index)), egui::Sense::click());
            if response.clicked() {
                cx.actions.push(Action::OpenDocument(doc.id.clone()));
            }
        }
    });
}

/// Order: the project's, or most uncertain first (only offered once a model exists).
fn order_ui(ui: &mut Ui, order: &mut DocOrder, have_model: bool) {
    let text = |o: DocOrder| {
        tr(match o {
            DocOrder::Project => "documents-order-project",
            DocOrder::MostUncertain => "documents-order-uncertain",
        })
    };
    let current = if have_model { *order } else { DocOrder::Project };
    egui::ComboBox::from_label(tr("documents-order")).selected_text(text(current)).show_ui(ui, |ui| {
        ui.selectable_value(order, DocOrder::Project, text(DocOrder::Project));
        ui.add_enabled_ui(have_model, |ui| {
            ui.selectable_value(order, DocOrder::MostUncertain, text(DocOrder::MostUncertain))
                .on_disabled_hover_ui(|ui| {
                    super::wrapped_label(ui, &crate::i18n::plain("documents-order-uncertain-needs-model"));
                });
        });
    });
}

/// The documents at `shown` (indices into the project) in the model's order; those it
/// does not know (added since it was trained) last, in the project's order.
fn sort_most_uncertain_first(project: &Project, shown: &mut [usize], order: &[DocId]) {
    let rank: ahash::HashMap<&DocId, usize> = order.iter().enumerate().map(|(r, id)| (id, r)).collect();
    let rank_of =
        |i: usize| project.documents.get(i).and_then(|d| rank.get(&d.id).copied()).unwrap_or(usize::MAX);
    shown.sort_by_key(|&i| (rank_of(i), i));
}

/// "3. in progress · Claim 2 · Figure 5": the document's place and status, then the count
/// of each label the annotator used on it, in the label's colour. Labels with no span
/// are left out, so a project with many labels still fits.
fn row_stats(
    ui: &Ui,
    project: &Project,
    index: usize,
    doc: &Document,
    annotator: &str,
    spans: &[Span],
) -> LayoutJob {
    // Body size in the text colour: a line to read, not a hint.
    let font = egui::TextStyle::Body.resolve(ui.style());
    let weak = ui.visuals().text_color();
    let mut job = LayoutJob::default();
    let status = format!("{}. {}", index + 1, status_text(doc.status_of(annotator)));
    job.append(&status, 0.0, TextFormat::simple(font.clone(), weak));
    // One pass over the spans, however many labels the project has.
    let mut counts: ahash::HashMap<&LabelId, usize> = ahash::HashMap::default();
    for span in spans.iter().filter(|s| !s.is_suggested()) {
        *counts.entry(&span.label).or_default() += 1;
    }
    for label in &project.labels {
        let Some(n) = counts.get(&label.id).copied() else { continue };
        job.append(" · ", 0.0, TextFormat::simple(font.clone(), weak));
        let color = theme::label_color(label.color, 255);
        let name = crate::text::for_display(&label.name);
        job.append(&format!("{name} {n}"), 0.0, TextFormat::simple(font.clone(), color));
    }
    job
}

/// A document's status in the interface language.
pub fn status_text(status: Status) -> String {
    tr(match status {
        Status::New => "status-new",
        Status::InProgress => "status-in-progress",
        Status::Done => "status-done",
    })
}
