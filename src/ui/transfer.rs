//! File > Export and File > Import annotations in the window: the choices, then the work
//! on a background thread with a progress bar and a cancel button, so the window stays
//! responsive on large projects.
//!
//! The background thread works on a copy of the project. An import's result comes back
//! as one batch command (new labels, new documents, changed layers), so it is undone in
//! one step; edits are paused while it runs.

use super::theme;
use crate::formats::import::{ImportOptions, ImportReport};
use crate::formats::{ExportFormat, ExportOptions, ExportReport, LayerChoice, Progress};
use crate::model::{Command, LabelId, LayerRef, Project, Status};
use egui::Ui;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;

/// What finished in the background.
pub enum Finished {
    Exported(Result<ExportReport, String>, PathBuf),
    Imported(Result<(Project, Vec<ImportReport>), String>),
}

/// A job running in the background.
struct Job {
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
        self.spawn(format!("Exporting {} to {}", format.name(), out.display()), move |progress, cancel| {
            let mut report = |p: Progress| set(&progress, p);
            let result = crate::formats::export(&project, format, &options, &out, &mut report, &cancel);
            Finished::Exported(result.map_err(|e| e.to_string()), out)
        });
    }

    /// Starts importing annotation files into a copy of `project`.
    pub fn start_import(&mut self, project: &Project, paths: Vec<PathBuf>, annotator: Option<String>) {
        let mut copy = project.clone();
        self.spawn("Importing annotations".to_string(), move |progress, cancel| {
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
                    Err(err) => return Finished::Imported(Err(format!("{err}"))),
                }
            }
            Finished::Imported(Ok((copy, reports)))
        });
    }

    fn spawn(
        &mut self,
        what: String,
        work: impl FnOnce(Arc<Mutex<Option<Progress>>>, Arc<AtomicBool>) -> Finished + Send + 'static,
    ) {
        let progress = Arc::new(Mutex::new(None));
        let cancel = Arc::new(AtomicBool::new(false));
        let (p, c) = (Arc::clone(&progress), Arc::clone(&cancel));
        let handle = std::thread::spawn(move || work(p, c));
        self.job = Some(Job { what, progress, cancel, handle });
    }

    /// Shows the running job; returns what finished this frame.
    pub fn poll(&mut self, ctx: &egui::Context) -> Option<Finished> {
        let job = self.job.as_ref()?;
        if job.handle.is_finished() {
            let job = self.job.take()?;
            return match job.handle.join() {
                Ok(finished) => Some(finished),
                Err(_) => Some(Finished::Imported(Err("the background job stopped unexpectedly".into()))),
            };
        }
        let progress = *job.progress.lock().unwrap_or_else(PoisonError::into_inner);
        egui::Modal::new(egui::Id::unique("transfer")).show(ctx, |ui| {
            ui.heading(&job.what);
            let (fraction, text) = match progress {
                Some(p) => (p.fraction(), format!("{} {} of {}", p.stage.name(), p.done, p.total)),
                None => (0.0, "starting".to_string()),
            };
            ui.add(egui::ProgressBar::new(fraction).text(text).desired_width(360.0));
            if ui.button("Cancel").clicked() {
                job.cancel.store(true, Ordering::Relaxed);
            }
        });
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
        None
    }

    /// The export window: format, layer, labels and status, then a save dialog.
    pub fn export_ui(&mut self, ctx: &egui::Context, project: &Project) {
        if !self.export_open {
            return;
        }
        let mut open = true;
        let mut start = None;
        egui::Window::new("Export").open(&mut open).resizable(false).show(ctx, |ui| {
            start = self.choices_ui(ui, project);
        });
        self.export_open = open;
        if let Some((format, options)) = start {
            let dialog = rfd::FileDialog::new().set_file_name(format!(
                "{}.{}",
                project.name,
                format.extension().unwrap_or("")
            ));
            let out = if format == ExportFormat::Brat { dialog.pick_folder() } else { dialog.save_file() };
            if let Some(out) = out {
                self.export_open = false;
                self.start_export(project, format, options, out);
            }
        }
    }

    fn choices_ui(&mut self, ui: &mut Ui, project: &Project) -> Option<(ExportFormat, ExportOptions)> {
        ui.label("Offsets are Unicode code points over the stored text (Python str indices).");
        let format = self.format.get_or_insert(ExportFormat::Jsonl);
        egui::ComboBox::from_label("format").selected_text(format.name()).show_ui(ui, |ui| {
            for f in ExportFormat::ALL {
                ui.selectable_value(format, f, f.name());
            }
        });
        let layer_name = match &self.layer {
            LayerChoice::Default => "gold if adjudicated, else every annotator".to_string(),
            LayerChoice::Gold => "gold".to_string(),
            LayerChoice::Annotator(a) => a.clone(),
        };
        egui::ComboBox::from_label("layer").selected_text(layer_name).show_ui(ui, |ui| {
            ui.selectable_value(
                &mut self.layer,
                LayerChoice::Default,
                "gold if adjudicated, else every annotator",
            );
            ui.selectable_value(&mut self.layer, LayerChoice::Gold, "gold");
            for a in project.annotators() {
                ui.selectable_value(&mut self.layer, LayerChoice::Annotator(a.to_string()), a);
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label("Labels:");
            for label in &project.labels {
                let mut on = self.labels.is_empty() || self.labels.contains(&label.id);
                let text = egui::RichText::new(&label.name).color(theme::label_color(label.color, 255));
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
        let status_name = self.status.map_or("any status", Status::name);
        egui::ComboBox::from_label("documents").selected_text(status_name).show_ui(ui, |ui| {
            ui.selectable_value(&mut self.status, None, "any status");
            for s in Status::ALL {
                ui.selectable_value(&mut self.status, Some(s), s.name());
            }
        });
        let format = *format;
        ui.button("Export…").clicked().then(|| {
            let options =
                ExportOptions { layer: self.layer.clone(), labels: self.labels.clone(), status: self.status };
            (format, options)
        })
    }
}

fn set(progress: &Mutex<Option<Progress>>, p: Progress) {
    *progress.lock().unwrap_or_else(PoisonError::into_inner) = Some(p);
}

/// The batch command that turns `current` into `imported` (the same project after an
/// import): labels and documents appended, changed layers replaced.
pub fn import_command(current: &Project, imported: Project) -> Command {
    let mut commands = Vec::new();
    for (index, label) in imported.labels.iter().enumerate() {
        if current.label(&label.id).is_none() {
            commands.push(Command::AddLabel { index, label: label.clone() });
        }
    }
    let new_docs: Vec<_> =
        imported.documents.iter().filter(|d| current.document(&d.id).is_none()).cloned().collect();
    if !new_docs.is_empty() {
        commands.push(Command::AddDocuments { docs: new_docs });
    }
    for (name, layer) in imported.layers {
        if current.layers.get(&name) != Some(&layer) {
            commands.push(Command::SetLayer { layer: LayerRef::Annotator(name), content: Some(layer) });
        }
    }
    Command::Batch(commands)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocId, Document, apply};

    #[test]
    fn an_import_is_one_undoable_step() {
        let mut current = Project::new("p");
        current.documents.push(Document::new(DocId::new("a"), "a.txt", "نص أول".into()));
        let mut imported = current.clone();
        imported.documents.push(Document::new(DocId::new("b"), "b.txt", "نص ثان".into()));
        imported.layers.entry("omar".into()).or_default();
        let before = current.clone();
        let inverse = apply(&mut current, import_command(&before, imported.clone())).unwrap();
        assert_eq!(current, imported);
        apply(&mut current, inverse).unwrap();
        assert_eq!(current, before);
    }
}
