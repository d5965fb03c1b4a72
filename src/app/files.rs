//! The window's file work: opening (with the recovery offer), creating and saving
//! projects, importing texts and annotations, exporting, merging colleagues' projects,
//! dropped files, and what is postponed until unsaved changes are dealt with. File names
//! come from the injected [`FileDialogs`](crate::ui::dialogs::FileDialogs) or, when the
//! system's dialog cannot be shown, from the window's own chooser a frame or more later:
//! each flow asks with [`HashiyaApp::ask_file`] and carries on in
//! [`HashiyaApp::file_chosen`].

use super::HashiyaApp;
use crate::formats::{ExportFormat, ExportOptions};
use crate::model::Project;
use crate::review::AgreementOptions;
use crate::store::{self, ProjectFile, Recovery, SaveMode, StoreError};
use crate::ui::Action;
use crate::ui::commands::UiCommand;
use crate::ui::dialogs::{DialogAnswer, FileRequest};
use crate::ui::file_chooser::Chooser;
use crate::ui::modal::{Modal, Pending};
use crate::ui::toasts::ToastKind;
use crate::ui::transfer::Finished;
use std::path::{Path, PathBuf};

impl HashiyaApp {
    /// Opens a project that is already in memory.
    pub fn set_project(&mut self, project: Project, file: Option<ProjectFile>) {
        self.remember_document();
        let last = file.as_ref().and_then(|file| {
            self.prefs.remember(file.path.clone());
            let last = self.prefs.last_document(&file.path)?;
            project.documents.iter().find(|d| d.id.as_str() == last).map(|d| d.id.clone())
        });
        self.session.open(project, file);
        if let Some(doc) = last {
            self.session.open_document(doc);
        }
        self.search = Default::default();
        self.label_editor = Default::default();
        self.pattern_editor = Default::default();
        self.agreement = Default::default();
        // Only the name question outlives the project it was asked over.
        self.modal = self.modal.take().filter(|m| matches!(m, Modal::AskName { .. }));
    }

    /// Remembers the document open in the project (its file's), to reopen it there.
    pub fn remember_document(&mut self) {
        let Some(path) = self.session.workspace.as_ref().and_then(|ws| ws.path()) else { return };
        if let Some(doc) = &self.session.view.doc {
            self.prefs.remember_document(path, doc.as_str());
        }
    }

    /// Asks for files: a native dialog's answer carries on at once; when no native dialog
    /// can be shown, the window's own chooser opens, saying why under its title, and the flow carries on
    /// when it answers. A cancel does nothing.
    pub(super) fn ask_file(&mut self, request: FileRequest, ctx: &egui::Context) {
        match self.dialogs.ask(&request) {
            DialogAnswer::Picked(paths) => self.file_chosen(request, paths, ctx),
            DialogAnswer::Cancelled => {}
            DialogAnswer::Unavailable(reason) => {
                let start = self
                    .session
                    .workspace
                    .as_ref()
                    .and_then(|ws| ws.path())
                    .and_then(Path::parent)
                    .map(Path::to_path_buf)
                    .or_else(|| std::env::current_dir().ok())
                    .unwrap_or_default();
                self.chooser = Some(Chooser::new(request, reason, &start));
            }
        }
    }

    /// Carries on with the flow that asked `request`, now that the user picked `paths`.
    pub(super) fn file_chosen(&mut self, request: FileRequest, paths: Vec<PathBuf>, ctx: &egui::Context) {
        let Some(first) = paths.first().cloned() else { return };
        match request {
            FileRequest::OpenProject => self.when_saved(Pending::Open(first), ctx),
            FileRequest::NewProject { .. } => self.create_project(first),
            FileRequest::SaveProject { then, .. } => {
                if self.save_to(first)
                    && let Some(then) = then
                {
                    self.run_pending(then, ctx);
                }
            }
            FileRequest::Texts | FileRequest::TextFolder => self.import_texts(&paths),
            FileRequest::Annotations => self.import_annotations(paths),
            FileRequest::ColleagueProjects => self.merge_files(&paths),
            FileRequest::ExportTarget { format, options, .. } => self.export_to(format, options, first),
        }
    }

    /// Loads and opens a project file, offering to recover an autosave newer than it;
    /// errors become a message and change nothing.
    pub fn open_path(&mut self, path: &Path) {
        self.open_loaded(ProjectFile::open(path));
    }

    /// Shows a project read by [`ProjectFile::open`] (here or on another thread), or why
    /// it could not be read.
    pub fn open_loaded(&mut self, loaded: Result<(ProjectFile, crate::model::Project), store::StoreError>) {
        match loaded {
            Ok((file, project)) => {
                self.set_project(project, Some(file));
                self.offer_recovery();
            }
            Err(err) => self.toasts.error(format!("Could not open the project: {err}")),
        }
    }

    /// Offers the autosave of the open project, if there is one (after the name question).
    pub(super) fn offer_recovery(&mut self) {
        if self.modal.is_some() {
            return;
        }
        let Some(recovery) =
            self.session.workspace.as_ref().and_then(|ws| ws.path()).and_then(store::recovery_for)
        else {
            return;
        };
        self.modal = Some(Modal::Recover { recovery });
    }

    /// Replaces the open project by the autosaved one, unsaved until the user saves.
    pub(super) fn recover(&mut self, recovery: &Recovery) {
        let Some(ws) = &mut self.session.workspace else { return };
        match store::load(&recovery.path) {
            Ok(project) => {
                ws.replace_project(project);
                self.toasts.info("Recovered the unsaved work. Save to keep it.");
            }
            Err(err) => self.toasts.error(format!("Could not read the autosave: {err}")),
        }
    }

    pub(super) fn discard_recovery(&mut self) {
        let Some(path) = self.session.workspace.as_ref().and_then(|ws| ws.path().map(Path::to_path_buf))
        else {
            return;
        };
        if let Err(err) = store::remove_recovery(&path) {
            self.toasts.error(err.to_string());
        }
    }

    /// Runs `then` now if nothing is unsaved, otherwise asks first.
    pub(super) fn when_saved(&mut self, then: Pending, ctx: &egui::Context) {
        if self.session.is_dirty() {
            self.modal = Some(Modal::ConfirmDiscard { then });
        } else {
            self.run_pending(then, ctx);
        }
    }

    pub(super) fn run_pending(&mut self, pending: Pending, ctx: &egui::Context) {
        match pending {
            Pending::Open(path) => self.open_path(&path),
            Pending::NewProject => self.new_project(ctx),
            Pending::Close => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    fn new_project(&mut self, ctx: &egui::Context) {
        self.ask_file(FileRequest::NewProject { suggested: "project.ron".into() }, ctx);
    }

    fn create_project(&mut self, path: PathBuf) {
        let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let project = Project::new(name);
        match ProjectFile::create(path, &project) {
            Ok(file) => self.set_project(project, Some(file)),
            Err(err) => self.toasts.error(format!("Could not create the project: {err}")),
        }
    }

    pub(super) fn ask_open(&mut self, ctx: &egui::Context) {
        self.ask_file(FileRequest::OpenProject, ctx);
    }

    /// Saves the project (asking for a path when it has none, or for Save as). Returns
    /// whether it was saved now; when a path is asked for, the save, then `then`, follow
    /// the answer.
    pub(super) fn save(&mut self, save_as: bool, then: Option<Pending>, ctx: &egui::Context) -> bool {
        let Some(ws) = &self.session.workspace else { return false };
        if !save_as && ws.path().is_some() {
            return self.save_with(SaveMode::Checked, ctx);
        }
        let suggested = format!("{}.ron", ws.project.name);
        self.ask_file(FileRequest::SaveProject { suggested, then }, ctx);
        false
    }

    /// Saves the project to `path` (Save as). Returns success.
    fn save_to(&mut self, path: PathBuf) -> bool {
        let Some(ws) = &mut self.session.workspace else { return false };
        match ws.save_as(path.clone()) {
            Ok(()) => {
                self.prefs.remember(path);
                true
            }
            Err(err) => {
                self.toasts.error(format!("Could not save: {err}"));
                false
            }
        }
    }

    /// Saves to the project's own file; a file changed on disk is only replaced with
    /// [`SaveMode::Overwrite`], otherwise the user is asked.
    pub(super) fn save_with(&mut self, mode: SaveMode, ctx: &egui::Context) -> bool {
        let Some(ws) = &mut self.session.workspace else { return false };
        match ws.save(mode) {
            Some(Ok(())) => true,
            Some(Err(StoreError::ChangedOnDisk { path })) => {
                self.modal = Some(Modal::ChangedOnDisk { path });
                false
            }
            Some(Err(err)) => {
                self.toasts.error(format!("Could not save: {err}"));
                false
            }
            None => self.save(true, None, ctx),
        }
    }

    pub(super) fn ask_import_texts(&mut self, cmd: UiCommand, ctx: &egui::Context) {
        let request =
            if cmd == UiCommand::ImportFolder { FileRequest::TextFolder } else { FileRequest::Texts };
        self.ask_file(request, ctx);
    }

    /// Imports text files (or folders of them) as new documents, one undo step.
    pub(super) fn import_texts(&mut self, paths: &[PathBuf]) {
        let Some(project) = self.session.project() else {
            self.toasts.error("Open or create a project before importing texts.");
            return;
        };
        let mut scratch = project.clone();
        let before = scratch.documents.len();
        let mut report = store::ImportReport::default();
        for path in paths {
            report.extend(store::import::import_texts(&mut scratch, path));
        }
        let docs: Vec<_> =
            scratch.documents.split_off(before).into_iter().map(std::sync::Arc::unwrap_or_clone).collect();
        self.report_skipped(&report.skipped);
        let result = self.session.add_documents(docs);
        if let Some(n) = self.report(result)
            && n > 0
        {
            self.toasts.info(format!("Imported {n} document{}.", if n == 1 { "" } else { "s" }));
        }
    }

    /// Says which files a text import passed over: a text already in the project is
    /// information, a file that could not be imported an error; many go into one message
    /// with the list behind "Details…".
    fn report_skipped(&mut self, skipped: &[(PathBuf, store::import::SkipReason)]) {
        let (duplicates, refused): (Vec<_>, Vec<_>) =
            skipped.iter().partition(|(_, reason)| matches!(reason, store::import::SkipReason::Duplicate(_)));
        let lines = |skipped: &[&(PathBuf, store::import::SkipReason)], what: &str| -> Vec<String> {
            skipped.iter().map(|(path, reason)| format!("{what}: {reason} — {}", path.display())).collect()
        };
        let summary = format!("{} files were already in the project.", duplicates.len());
        self.toasts.report(ToastKind::Info, summary, lines(&duplicates, "Already imported"));
        let summary = format!("{} files were not imported.", refused.len());
        self.toasts.report(ToastKind::Error, summary, lines(&refused, "Not imported"));
    }

    pub(super) fn ask_import_annotations(&mut self, ctx: &egui::Context) {
        self.ask_file(FileRequest::Annotations, ctx);
    }

    /// Imports annotation files in the background.
    pub(super) fn import_annotations(&mut self, paths: Vec<PathBuf>) {
        let Some(project) = self.session.project() else {
            self.toasts.error("Open or create a project before importing annotations.");
            return;
        };
        self.transfer.start_import(project, paths, self.session.annotator().map(str::to_string));
    }

    /// Asks where to export, then exports there ([`Self::export_to`]).
    pub(super) fn export(&mut self, format: ExportFormat, options: ExportOptions, ctx: &egui::Context) {
        let Some(project) = self.session.project() else { return };
        let suggested = format!("{}.{}", project.name, format.extension().unwrap_or(""));
        let folder = format == ExportFormat::Brat;
        self.ask_file(FileRequest::ExportTarget { suggested, folder, format, options }, ctx);
    }

    /// Exports to `out` in the background.
    fn export_to(&mut self, format: ExportFormat, options: ExportOptions, out: PathBuf) {
        let Some(project) = self.session.project() else { return };
        self.transfer.export_open = false;
        self.transfer.start_export(project, format, options, out);
    }

    /// Computes the agreement figures of the compared annotators in the background.
    pub(super) fn compute_agreement(&mut self) {
        let Some(project) = self.session.project() else { return };
        if self.transfer.busy() {
            return;
        }
        let annotators = self.session.review().map(|r| r.annotators().to_vec()).unwrap_or_default();
        let options = AgreementOptions { annotators, ..AgreementOptions::default() };
        self.transfer.start_agreement(project, options);
    }

    /// Looks for suggestions of the project's labels in the current document (or every
    /// document) in the background.
    pub(super) fn suggest(&mut self, all: bool) {
        let Some(project) = self.session.project() else { return };
        if self.session.annotator().is_none() {
            self.modal.get_or_insert(Modal::AskName { draft: String::new() });
            return;
        }
        let docs: Vec<_> = if all {
            project.documents.iter().map(|d| d.id.clone()).collect()
        } else {
            self.session.view.doc.iter().cloned().collect()
        };
        let labels = project.labels.iter().map(|l| l.id.clone()).collect();
        self.transfer.start_suggest(project, labels, docs);
    }

    pub(super) fn ask_merge(&mut self, ctx: &egui::Context) {
        self.ask_file(FileRequest::ColleagueProjects, ctx);
    }

    /// Merges colleagues' project files (their annotator layers) into the open project,
    /// all files as one undo step; our own layer is never changed.
    pub fn merge_files(&mut self, paths: &[PathBuf]) {
        let mut others = Vec::new();
        for path in paths {
            match store::load(path) {
                Ok(other) => others.push((path.display().to_string(), other)),
                Err(err) => self.toasts.error(format!("Could not read the colleague's project: {err}")),
            }
        }
        if others.is_empty() {
            return;
        }
        let result = self.session.merge(&others);
        if let Some(messages) = self.report(result) {
            for message in messages {
                self.toasts.info(message);
            }
        }
    }

    /// A background job finished: report it; an import is applied as one undo step.
    pub(super) fn finished(&mut self, finished: Finished) {
        match finished {
            Finished::Exported { report, out } => self.toasts.info(format!(
                "Exported {} documents and {} spans ({}) to {}",
                report.documents,
                report.spans,
                report.layers,
                out.display()
            )),
            Finished::Imported { project, reports } => {
                let lines: Vec<String> = reports.iter().flat_map(|r| r.summary()).collect();
                let result = self.session.apply_import(project);
                if self.report(result).is_some() {
                    let summary = format!(
                        "Imported {} annotation file{}; the report has {} lines.",
                        reports.len(),
                        if reports.len() == 1 { "" } else { "s" },
                        lines.len()
                    );
                    self.toasts.report(ToastKind::Info, summary, lines);
                }
            }
            Finished::Agreement(report) => self.agreement.show_result(Ok(report)),
            Finished::Suggested(found) => {
                let result = self.session.add_suggested(&found, crate::model::Timestamp::now());
                if let Some(n) = self.report(result) {
                    self.toasts.info(match n {
                        0 => "No new suggestions.".to_string(),
                        n => format!("{n} suggestions added (dashed): Y accepts, X rejects, Tab moves on."),
                    });
                }
            }
            Finished::Failed { what: crate::ui::transfer::JobKind::Agreement, error } => {
                self.toasts.error(format!("Agreement failed: {error}"));
                if let crate::ui::transfer::JobError::Agreement(err) = error {
                    self.agreement.show_result(Err(err));
                }
            }
            Finished::Failed { what, error } => self.toasts.error(format!("{} failed: {error}", what.name())),
        }
    }

    /// Files dropped on the window: a project is opened, annotation files and texts are
    /// imported.
    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> =
            ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect());
        if dropped.is_empty() {
            return;
        }
        let (projects, rest): (Vec<PathBuf>, Vec<PathBuf>) =
            dropped.into_iter().partition(|p| p.extension().is_some_and(|e| e == "ron"));
        let (annotations, texts): (Vec<PathBuf>, Vec<PathBuf>) =
            rest.into_iter().partition(|p| crate::formats::import::detect(p).is_some());
        if !annotations.is_empty() {
            self.actions.push(Action::ImportAnnotations(annotations));
        }
        if let Some(project) = projects.into_iter().next() {
            self.actions.push(Action::OpenProject(project));
        }
        if !texts.is_empty() {
            self.actions.push(Action::Import(texts));
        }
    }
}
