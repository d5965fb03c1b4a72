//! Background work of the window: File > Export, File > Import annotations and the
//! agreement figures run on a thread with a progress bar and a cancel button, so the
//! window stays responsive on large projects. Jobs are started by actions, never inside
//! a widget, and their errors stay typed until shown.
//!
//! The background thread works on a copy of the project. An import's result comes back
//! as the changed project, which the session turns into one batch command (new labels,
//! new documents, changed layers), so it is undone in one step; edits are paused while
//! a job runs.

use super::{Action, theme};
use crate::formats::import::{ImportOptions, ImportReport};
use crate::formats::{ExportFormat, ExportOptions, ExportReport, FormatError, LayerChoice, Progress};
use crate::i18n::tr;
use crate::model::{DocId, LabelId, Project, Status};
use crate::review::{AgreementError, AgreementOptions, AgreementReport};
use crate::suggest::{Suggestion, suggest_documents};
use crate::text::for_display;
use crate::tr;
use egui::Ui;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;

/// Which kind of background job.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JobKind {
    Export,
    Import,
    Agreement,
    Suggest,
}

impl JobKind {
    /// "Export", "Import", "Agreement", for messages.
    pub fn name(self) -> String {
        tr(match self {
            JobKind::Export => "job-export",
            JobKind::Import => "job-import",
            JobKind::Agreement => "job-agreement",
            JobKind::Suggest => "job-suggest",
        })
    }
}

/// Why a background job failed.
#[derive(Debug, thiserror::Error)]
pub enum JobError {
    #[error("{0}")]
    Format(#[from] FormatError),
    #[error("{0}")]
    Agreement(#[from] AgreementError),
    #[error("cancelled")]
    Cancelled,
    #[error("the background job stopped unexpectedly")]
    Crashed,
}

/// What finished in the background.
#[derive(Debug)]
pub enum Finished {
    Exported { report: ExportReport, out: PathBuf },
    Imported { project: Project, reports: Vec<ImportReport> },
    Agreement(AgreementReport),
    Suggested(Vec<(DocId, Suggestion)>),
    Failed { what: JobKind, error: JobError },
}

/// A job running in the background.
struct Job {
    kind: JobKind,
    what: String,
    progress: Arc<Mutex<Option<Progress>>>,
    cancel: Arc<AtomicBool>,
    handle: JoinHandle<Finished>,
}

/// The export window's choices and the running job, if any.
#[derive(Default)]
pub struct Transfer {
    pub export_open: bool,
    format: Option<ExportFormat>,
    layer: LayerChoice,
    labels: Vec<LabelId>,
    status: Option<Status>,
    job: Option<Job>,
}

impl Transfer {
    /// Whether a job is running (edits wait until it is done).
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// Starts exporting a copy of `project` to `out`.
    pub fn start_export(
        &mut self,
        project: &Project,
        format: ExportFormat,
        options: ExportOptions,
        out: PathBuf,
    ) {
        let project = project.clone();
        let what = tr!("job-exporting", format = format.name(), path = out.display().to_string());
        self.spawn(JobKind::Export, what, move |progress, cancel| {
            let mut report = |p: Progress| set(&progress, p);
            match crate::formats::export(&project, format, &options, &out, &mut report, &cancel) {
                Ok(report) => Finished::Exported { report, out },
                Err(error) => Finished::Failed { what: JobKind::Export, error: error.into() },
            }
        });
    }

    /// Starts importing annotation files into a copy of `project`.
    pub fn start_import(&mut self, project: &Project, paths: Vec<PathBuf>, annotator: Option<String>) {
        let mut copy = project.clone();
        self.spawn(JobKind::Import, tr("job-importing"), move |progress, cancel| {
            let options = ImportOptions::new(annotator);
            let mut reports = Vec::new();
            for path in &paths {
                let mut report = |p: Progress| set(&progress, p);
                match crate::formats::import::import_annotations(
                    &mut copy,
                    path,
                    &options,
                    &mut report,
                    &cancel,
                ) {
                    Ok(r) => reports.push(r),
                    Err(error) => return Finished::Failed { what: JobKind::Import, error: error.into() },
                }
            }
            Finished::Imported { project: copy, reports }
        });
    }

    /// Starts computing the agreement figures of a copy of `project`.
    pub fn start_agreement(&mut self, project: &Project, options: AgreementOptions) {
        let project = project.clone();
        self.spawn(JobKind::Agreement, tr("job-computing-agreement"), move |_, _| {
            match crate::review::agreement(&project, &options) {
                Ok(report) => Finished::Agreement(report),
                Err(error) => Finished::Failed { what: JobKind::Agreement, error: error.into() },
            }
        });
    }

    /// Starts looking for suggestions of `labels` in `docs` of a copy of `project`.
    pub fn start_suggest(&mut self, project: &Project, labels: Vec<LabelId>, docs: Vec<DocId>) {
        let project = project.clone();
        let what =
            tr!("job-suggesting", labels = labels.iter().map(LabelId::as_str).collect::<Vec<_>>().join(", "));
        self.spawn(JobKind::Suggest, what, move |progress, cancel| {
            // The command line's own run, over the machine's cores.
            let report = |done: usize, total: usize| {
                set(&progress, Progress { stage: crate::formats::Stage::Suggesting, done, total });
                !cancel.load(Ordering::Relaxed)
            };
            match suggest_documents(&project, &labels, Some(&docs), &report) {
                Some(found) => Finished::Suggested(found),
                None => Finished::Failed { what: JobKind::Suggest, error: JobError::Cancelled },
            }
        });
    }

    fn spawn(
        &mut self,
        kind: JobKind,
        what: String,
        work: impl FnOnce(Arc<Mutex<Option<Progress>>>, Arc<AtomicBool>) -> Finished + Send + 'static,
    ) {
        let progress = Arc::new(Mutex::new(None));
        let cancel = Arc::new(AtomicBool::new(false));
        let (p, c) = (Arc::clone(&progress), Arc::clone(&cancel));
        let handle = std::thread::spawn(move || work(p, c));
        self.job = Some(Job { kind, what, progress, cancel, handle });
    }

    /// Shows the running job; returns what finished this frame.
    pub fn poll(&mut self, ctx: &egui::Context) -> Option<Finished> {
        let job = self.job.as_ref()?;
        if job.handle.is_finished() {
            let job = self.job.take()?;
            return match job.handle.join() {
                Ok(finished) => Some(finished),
                Err(_) => Some(Finished::Failed { what: job.kind, error: JobError::Crashed }),
            };
        }
        let progress = *job.progress.lock().unwrap_or_else(PoisonError::into_inner);
        egui::Modal::new(egui::Id::unique("hashiya-transfer")).show(ctx, |ui| {
            ui.heading(&job.what);
            let (fraction, text) = match progress {
                Some(p) => (
                    p.fraction(),
                    tr!(
                        "job-progress",
                        stage = crate::i18n::plain(stage_id(p.stage)),
                        done = p.done,
                        total = p.total
                    ),
                ),
                None => (0.0, tr("job-starting")),
            };
            ui.add(egui::ProgressBar::new(fraction).text(text).desired_width(360.0));
            if ui.button(tr("button-cancel")).clicked() {
                job.cancel.store(true, Ordering::Relaxed);
            }
        });
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
        None
    }

    /// The export window: format, layer, labels and status; "Export…" pushes
    /// [`Action::Export`], and the app asks where to write.
    pub fn export_ui(&mut self, ctx: &egui::Context, project: &Project, actions: &mut Vec<Action>) {
        if !self.export_open {
            return;
        }
        let mut open = true;
        let mut start = None;
        egui::Window::new(tr("export-title")).open(&mut open).resizable(false).show(ctx, |ui| {
            start = self.choices_ui(ui, project);
        });
        self.export_open = open;
        if let Some((format, options)) = start {
            actions.push(Action::Export(format, options));
        }
    }

    fn choices_ui(&mut self, ui: &mut Ui, project: &Project) -> Option<(ExportFormat, ExportOptions)> {
        super::wrapped_label(ui, &crate::i18n::plain("export-offsets"));
        let format = self.format.get_or_insert(ExportFormat::Jsonl);
        egui::ComboBox::from_label(tr("export-format")).selected_text(format.name()).show_ui(ui, |ui| {
            for f in ExportFormat::ALL {
                ui.selectable_value(format, f, f.name());
            }
        });
        let layer_name = match &self.layer {
            LayerChoice::Default => tr("export-layer-default"),
            LayerChoice::Gold => tr("export-layer-gold"),
            LayerChoice::Annotator(a) => for_display(a),
        };
        egui::ComboBox::from_label(tr("export-layer")).selected_text(layer_name).show_ui(ui, |ui| {
            ui.selectable_value(&mut self.layer, LayerChoice::Default, tr("export-layer-default"));
            ui.selectable_value(&mut self.layer, LayerChoice::Gold, tr("export-layer-gold"));
            for a in project.annotators() {
                ui.selectable_value(&mut self.layer, LayerChoice::Annotator(a.to_string()), for_display(a));
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(tr("export-labels"));
            for label in &project.labels {
                let mut on = self.labels.is_empty() || self.labels.contains(&label.id);
                let text =
                    egui::RichText::new(for_display(&label.name)).color(theme::label_color(label.color, 255));
                if ui.checkbox(&mut on, text).changed() {
                    if self.labels.is_empty() {
                        self.labels = project.labels.iter().map(|l| l.id.clone()).collect();
                    }
                    if on {
                        self.labels.push(label.id.clone());
                    } else {
                        self.labels.retain(|l| l != &label.id);
                    }
                    if self.labels.len() == project.labels.len() {
                        self.labels.clear();
                    }
                }
            }
        });
        let status_name = self.status.map_or_else(|| tr("export-any-status"), super::doc_list::status_text);
        egui::ComboBox::from_label(tr("export-documents")).selected_text(status_name).show_ui(ui, |ui| {
            ui.selectable_value(&mut self.status, None, tr("export-any-status"));
            for s in Status::ALL {
                ui.selectable_value(&mut self.status, Some(s), super::doc_list::status_text(s));
            }
        });
        let format = *format;
        ui.button(tr("export-button")).clicked().then(|| {
            let options = ExportOptions {
                layer: self.layer.clone(),
                labels: self.labels.clone(),
                status: self.status,
                include_suggestions: false,
            };
            (format, options)
        })
    }
}

fn set(progress: &Mutex<Option<Progress>>, p: Progress) {
    *progress.lock().unwrap_or_else(PoisonError::into_inner) = Some(p);
}
/// The catalogue id of a background job's stage ("reading", "importing"…).
fn stage_id(stage: crate::formats::Stage) -> &'static str {
    use crate::formats::Stage;
    match stage {
        Stage::Reading => "job-stage-reading",
        Stage::Applying => "job-stage-importing",
        Stage::Writing => "job-stage-exporting",
        Stage::Suggesting => "job-stage-suggesting",
    }
}
