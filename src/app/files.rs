//! The window's file work: opening (with the recovery offer), creating and saving
//! projects, importing texts and annotations, exporting, merging colleagues' projects,
//! dropped files, and what is postponed until unsaved changes are dealt with. File names
//! come from the injected [`FileDialogs`](crate::ui::dialogs::FileDialogs) or, when the
//! system's dialog cannot be shown, from the window's own chooser a frame or more later:
//! each flow asks with [`HashiyaApp::ask_file`] and carries on in
//! [`HashiyaApp::file_chosen`].

use super::HashiyaApp;
use crate::formats::{ExportFormat, ExportOptions};
use crate::i18n::plain;
use crate::review::AgreementOptions;
use crate::session::{Loaded, RecoveryFile as Recovery, SaveEvent, SaveMode, SkipReason, StoreError};
use crate::tr_logical;
use crate::ui::Action;
use crate::ui::commands::UiCommand;
use crate::ui::dialogs::{DialogAnswer, FileRequest};
use crate::ui::error_text::{job_error, session_error, skip_reason, store_error};
use crate::ui::file_chooser::Chooser;
use crate::ui::modal::{Modal, Pending};
use crate::ui::toasts::ToastKind;
use crate::ui::transfer::Finished;
use std::path::{Path, PathBuf};

impl HashiyaApp {
    /// Loads and opens a project file, offering to recover an autosave newer than it;
    /// errors become a message and change nothing.
    pub fn open_path(&mut self, path: &Path) {
        self.open_loaded(crate::session::load_project(path));
    }

    /// Shows a project read by [`load_project`](crate::session::load_project) (here or on
    /// another thread), or why it could not be read; the document that was open in it last
    /// time is shown again.
    pub fn open_loaded(&mut self, loaded: Loaded) {
        let path = loaded.as_ref().ok().map(|(file, _)| file.path.clone());
        self.remember_document();
        match self.session.open_loaded(loaded) {
            Ok(()) => {
                if let Some(path) = path {
                    self.prefs.remember(path.clone());
                    self.reopen_last_document(&path);
                }
                self.project_opened();
                self.offer_recovery();
            }
            Err(err) => self.toasts.error(tr_logical!("toast-open-failed", error = session_error(&err))),
        }
    }

    /// Shows the document that was open when the project at `path` was last left.
    fn reopen_last_document(&mut self, path: &Path) {
        let Some(last) = self.prefs.last_document(path) else { return };
        let doc = self.session.project().and_then(|p| p.documents.iter().find(|d| d.id.as_str() == last));
        if let Some(doc) = doc.map(|d| d.id.clone()) {
            self.session.open_document(doc);
        }
    }

    /// Opens a project that is only in memory (no file: nothing is autosaved; benches).
    pub fn open_in_memory(&mut self, project: crate::model::Project) {
        self.session.open(project, None);
        self.project_opened();
    }

    /// Resets the panels that belonged to the project that was open before.
    fn project_opened(&mut self) {
        self.search = Default::default();
        self.label_editor = Default::default();
        self.pattern_editor = Default::default();
        self.agreement = Default::default();
        self.learning_project_opened();
        // Only the name question outlives the project it was asked over.
        self.modal = self.modal.take().filter(|m| matches!(m, Modal::AskName { .. }));
    }

    /// Remembers the document open in the project (its file's), to reopen it there.
    pub fn remember_document(&mut self) {
        let Some(path) = self.session.path().map(Path::to_path_buf) else { return };
        if let Some(doc) = &self.session.view().doc {
            self.prefs.remember_document(&path, doc.as_str());
        }
    }

    /// Asks for files: a native dialog's answer carries on at once; when no native dialog
    /// can be shown, the window's own chooser opens, saying why under its title, and the
    /// flow carries on when it answers. A cancel does nothing.
    pub(super) fn ask_file(&mut self, request: FileRequest, ctx: &egui::Context) {
        match self.dialogs.ask(&request) {
            DialogAnswer::Picked(paths) => self.file_chosen(request, paths, ctx),
            DialogAnswer::Cancelled => {}
            DialogAnswer::Unavailable(reason) => {
                let start = self
                    .session
                    .path()
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
                    // What was asked goes on once the save is written (see `saves_ended`).
                    self.after_save = Some(then);
                }
            }
            FileRequest::Texts | FileRequest::TextFolder => self.import_texts(&paths),
            FileRequest::Annotations => self.import_annotations(paths),
            FileRequest::ColleagueProjects => self.merge_files(&paths),
            FileRequest::ExportTarget { format, options, .. } => self.export_to(format, options, first),
        }
    }

    /// Offers the autosave of the open project, if there is one (after the name question).
    pub(super) fn offer_recovery(&mut self) {
        if self.modal.is_some() {
            return;
        }
        if let Some(recovery) = self.session.recovery() {
            self.modal = Some(Modal::Recover { recovery });
        }
    }

    /// Replaces the open project by the autosaved one, unsaved until the user saves.
    pub(super) fn recover(&mut self, recovery: &Recovery) {
        match self.session.recover(recovery) {
            Ok(()) => self.toasts.info(plain("toast-recovered")),
            Err(err) => self.toasts.error(tr_logical!("toast-recovery-failed", error = session_error(&err))),
        }
    }

    pub(super) fn discard_recovery(&mut self) {
        let result = self.session.discard_recovery();
        self.report(result);
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
        self.remember_document();
        match self.session.create_project(path.clone()) {
            Ok(()) => {
                self.prefs.remember(path);
                self.project_opened();
            }
            Err(err) => self.toasts.error(tr_logical!("toast-create-failed", error = session_error(&err))),
        }
    }

    pub(super) fn ask_open(&mut self, ctx: &egui::Context) {
        self.ask_file(FileRequest::OpenProject, ctx);
    }

    /// Saves the project in the background (asking for a path when it has none, or for
    /// Save as). Returns whether a save was asked for now; when a path is asked for, the
    /// save, then `then`, follow the answer. The status bar says "Saving…" until
    /// [`HashiyaApp::saves_ended`] reports it.
    pub(super) fn save(&mut self, save_as: bool, then: Option<Pending>, ctx: &egui::Context) -> bool {
        if !save_as && self.session.path().is_some() {
            return self.save_with(SaveMode::Checked, ctx);
        }
        let Some(project) = self.session.project() else { return false };
        let suggested = format!("{}.ron", project.name);
        self.ask_file(FileRequest::SaveProject { suggested, then }, ctx);
        false
    }

    /// Saves the project to `path` (Save as) in the background. Returns whether the save
    /// was asked for.
    fn save_to(&mut self, path: PathBuf) -> bool {
        let result = self.session.save(SaveMode::Overwrite, Some(path));
        self.report(result).unwrap_or(false)
    }

    /// Saves to the project's own file; a file changed on disk is only replaced with
    /// [`SaveMode::Overwrite`], otherwise the user is asked when the save ends.
    pub(super) fn save_with(&mut self, mode: SaveMode, ctx: &egui::Context) -> bool {
        match self.session.save(mode, None) {
            Ok(true) => true,
            Ok(false) => self.save(true, None, ctx),
            Err(err) => {
                self.report::<()>(Err(err));
                false
            }
        }
    }

    /// Takes in the saves that ended: a success is remembered and lets what waited for it
    /// go on (closing, opening another project); a failure keeps the unsaved state and
    /// says why.
    pub(super) fn saves_ended(&mut self, ctx: &egui::Context) {
        for event in self.session.poll_saves() {
            match event {
                SaveEvent::Saved { path } => self.prefs.remember(path),
                SaveEvent::Failed { error: StoreError::ChangedOnDisk { path }, .. } => {
                    self.after_save = None;
                    self.modal = Some(Modal::ChangedOnDisk { path });
                }
                SaveEvent::Failed { error, dropped } => {
                    self.after_save = None;
                    let id = if dropped { "toast-save-failed-both" } else { "toast-save-failed" };
                    self.toasts.error(tr_logical!(id, error = store_error(&error)));
                }
            }
        }
        if self.session.is_saving() {
            return;
        }
        if let Some(then) = self.after_save.take() {
            if self.session.is_dirty() {
                // Changed again while the save was written: ask, as before any save.
                self.modal = Some(Modal::ConfirmDiscard { then });
            } else {
                self.run_pending(then, ctx);
            }
        }
    }

    pub(super) fn ask_import_texts(&mut self, cmd: UiCommand, ctx: &egui::Context) {
        let request =
            if cmd == UiCommand::ImportFolder { FileRequest::TextFolder } else { FileRequest::Texts };
        self.ask_file(request, ctx);
    }

    /// Imports text files (or folders of them) as new documents, one undo step.
    pub(super) fn import_texts(&mut self, paths: &[PathBuf]) {
        let result = self.session.import_texts(paths);
        let Some(imported) = self.report(result) else { return };
        self.report_skipped(&imported.report.skipped);
        let n = imported.added;
        if n > 0 {
            self.toasts.info(tr_logical!("toast-imported-documents", count = n));
        }
    }

    /// Says which files a text import passed over: a text already in the project is
    /// information, a file that could not be imported an error; many go into one message
    /// with the list behind "Details…".
    fn report_skipped(&mut self, skipped: &[(PathBuf, SkipReason)]) {
        let (duplicates, refused): (Vec<_>, Vec<_>) =
            skipped.iter().partition(|(_, reason)| matches!(reason, SkipReason::Duplicate(_)));
        let lines = |skipped: &[&(PathBuf, SkipReason)], id: &str| -> Vec<String> {
            let line = |path: &PathBuf, reason: &SkipReason| {
                tr_logical!(id, reason = skip_reason(reason), path = path.display().to_string())
            };
            skipped.iter().map(|(path, reason)| line(path, reason)).collect()
        };
        let summary = tr_logical!("import-already", count = duplicates.len());
        self.toasts.report(ToastKind::Info, summary, lines(&duplicates, "import-already-line"));
        let summary = tr_logical!("import-refused", count = refused.len());
        self.toasts.report(ToastKind::Error, summary, lines(&refused, "import-refused-line"));
    }

    pub(super) fn ask_import_annotations(&mut self, ctx: &egui::Context) {
        self.ask_file(FileRequest::Annotations, ctx);
    }

    /// Imports annotation files in the background.
    pub(super) fn import_annotations(&mut self, paths: Vec<PathBuf>) {
        let Some(project) = self.session.project() else {
            self.toasts.error(plain("toast-import-needs-project"));
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
            self.session.view().doc.iter().cloned().collect()
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
        let result = self.session.merge_files(paths);
        if let Some((messages, failures)) = self.report(result) {
            for error in failures {
                self.toasts.error(tr_logical!("toast-merge-unreadable", error = store_error(&error)));
            }
            for m in messages {
                let from = m.from.as_str();
                self.toasts.info(if m.unmatched == 0 {
                    tr_logical!("toast-merged", count = m.documents, from = from)
                } else {
                    tr_logical!(
                        "toast-merged-unmatched",
                        count = m.documents,
                        from = from,
                        unmatched = m.unmatched
                    )
                });
            }
        }
    }

    /// A background job finished: report it; an import is applied as one undo step.
    pub(super) fn finished(&mut self, finished: Finished) {
        match finished {
            Finished::Exported { report, out } => self.toasts.info(tr_logical!(
                "toast-exported",
                documents = report.documents,
                spans = report.spans,
                layers = report.layers.to_string(),
                path = out.display().to_string()
            )),
            Finished::Imported { project, reports } => {
                let lines: Vec<String> =
                    reports.iter().flat_map(crate::ui::import_text::import_summary).collect();
                let result = self.session.apply_import(project);
                if self.report(result).is_some() {
                    let summary =
                        tr_logical!("toast-imported-annotations", files = reports.len(), lines = lines.len());
                    self.toasts.report(ToastKind::Info, summary, lines);
                }
            }
            Finished::Agreement(report) => self.agreement.show_result(Ok(report)),
            Finished::Suggested(found) => {
                let result = self.session.add_suggested(&found, crate::model::Timestamp::now());
                if let Some(n) = self.report(result) {
                    self.toasts.info(match n {
                        0 => plain("toast-no-suggestions"),
                        n => tr_logical!("toast-suggestions-added", count = n),
                    });
                }
            }
            Finished::Failed { what: crate::ui::transfer::JobKind::Agreement, error } => {
                self.toasts.error(tr_logical!("toast-agreement-failed", error = job_error(&error)));
                if let crate::ui::transfer::JobError::Agreement(err) = error {
                    self.agreement.show_result(Err(err));
                }
            }
            Finished::Failed { what, error } => {
                self.toasts.error(tr_logical!(
                    "toast-job-failed",
                    job = what.name(),
                    error = job_error(&error)
                ));
            }
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
