//! The `eframe::App`: holds the open project and runtime state, and each frame
//! dispatches to the panels, then applies the actions they pushed.

use crate::model::{CharRange, Command, DocId, LayerRef, Project, SpanId, Status, Timestamp};
use crate::review::Decision;
use crate::store::{self, ProjectFile, Recovery, SaveMode, StoreError};
use crate::ui::commands::{MENUS, UiCommand};
use crate::ui::doc_list::{StatusFilter, doc_list_ui};
use crate::ui::doc_view::{DocView, DocViewInput, OtherLayer};
use crate::ui::label_editor::LabelEditor;
use crate::ui::prefs::Prefs;
use crate::ui::review_panel::Review;
use crate::ui::search::Search;
use crate::ui::span_list::span_list_ui;
use crate::ui::toasts::Toasts;
use crate::ui::transfer::{Finished, Transfer, import_command};
use crate::ui::{Action, EngineText, theme};
use crate::workspace::{Workspace, edit_span_command, new_span_command, step_span};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A question the window is waiting for the user to answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Modal {
    /// Ask the analyst's name (once; kept in preferences).
    AskName { draft: String },
    /// There are unsaved changes; `then` runs after saving or discarding.
    ConfirmDiscard { then: Pending },
    /// A note on a span.
    EditNote { span: SpanId, text: String },
    /// An autosave newer than the project file was found at open.
    Recover { recovery: Recovery },
    /// The file changed on disk since it was opened; saving would overwrite that.
    ChangedOnDisk { path: PathBuf },
}

/// Something postponed until the user answers a [`Modal`].
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    Open(PathBuf),
    NewProject,
    Close,
}

/// Per-document view state: what is selected and shown.
#[derive(Clone, Debug, Default)]
pub struct ViewState {
    pub doc: Option<DocId>,
    pub selection: Option<CharRange>,
    pub selected_span: Option<SpanId>,
    pub filter: StatusFilter,
    /// A range to scroll into view on the next frame.
    pub reveal: Option<CharRange>,
}

/// The Hashiya window.
pub struct HashiyaApp {
    pub workspace: Option<Workspace>,
    pub view: ViewState,
    pub prefs: Prefs,
    pub toasts: Toasts,
    pub modal: Option<Modal>,
    pub label_editor: LabelEditor,
    pub search: Search,
    /// Other annotators' layers shown read-only under the text.
    pub shown_layers: BTreeSet<String>,
    pub doc_view: DocView,
    pub review: Review,
    pub transfer: Transfer,
    /// Documents (with the annotators compared) whose agreed spans were accepted into gold.
    auto_accepted: BTreeSet<(DocId, Vec<String>)>,
    /// The document and span the side lists showed last frame.
    listed: (Option<DocId>, Option<SpanId>),
    engine: EngineText,
    actions: Vec<Action>,
    /// Set once the user agreed to close (or nothing was unsaved).
    allow_close: bool,
    /// The window title last sent to the window.
    shown_title: String,
}

impl HashiyaApp {
    /// An app with no project open. Fails only if the embedded fonts cannot be read.
    pub fn new(prefs: Prefs) -> Result<Self, crate::text::FontError> {
        let modal = prefs.annotator.is_none().then(|| Modal::AskName { draft: String::new() });
        Ok(Self {
            workspace: None,
            view: ViewState::default(),
            prefs,
            toasts: Toasts::default(),
            modal,
            label_editor: LabelEditor::default(),
            search: Search::default(),
            shown_layers: BTreeSet::new(),
            doc_view: DocView::default(),
            review: Review::default(),
            transfer: Transfer::default(),
            auto_accepted: BTreeSet::new(),
            listed: (None, None),
            engine: EngineText::new()?,
            actions: Vec::new(),
            allow_close: false,
            shown_title: String::new(),
        })
    }

    /// The current annotator's name ("" until asked).
    pub fn annotator(&self) -> &str {
        self.prefs.annotator.as_deref().unwrap_or("")
    }

    /// Opens a project that is already in memory.
    pub fn set_project(&mut self, project: Project, file: Option<ProjectFile>) {
        self.view =
            ViewState { doc: project.documents.first().map(|d| d.id.clone()), ..ViewState::default() };
        if let Some(file) = &file {
            self.prefs.remember(file.path.clone());
        }
        self.workspace = Some(Workspace::new(project, file));
        self.review = Review::default();
        self.search = Search::default();
        self.label_editor = LabelEditor::default();
        self.shown_layers.clear();
        self.auto_accepted.clear();
        self.modal = self.modal.take().filter(|m| matches!(m, Modal::AskName { .. }));
    }

    /// Loads and opens a project file, offering to recover an autosave newer than it;
    /// errors become a toast and change nothing.
    pub fn open_path(&mut self, path: &Path) {
        match ProjectFile::open(path) {
            Ok((file, project)) => {
                self.set_project(project, Some(file));
                // While the name is asked, the recovery offer waits until it is given.
                if self.modal.is_none()
                    && let Some(recovery) = store::recovery_for(path)
                {
                    self.modal = Some(Modal::Recover { recovery });
                }
            }
            Err(err) => self.toasts.error(format!("Could not open the project: {err}")),
        }
    }

    /// Replaces the open project by the autosaved one, unsaved until the user saves.
    fn recover(&mut self, recovery: &Recovery) {
        let Some(ws) = &mut self.workspace else { return };
        match store::load(&recovery.path) {
            Ok(project) => {
                ws.replace_project(project);
                self.toasts.info("Recovered the unsaved work. Save to keep it.");
            }
            Err(err) => self.toasts.error(format!("Could not read the autosave: {err}")),
        }
    }

    /// The window title: `Hashiya — NAME`, with `*` when there are unsaved changes.
    pub fn title(&self) -> String {
        match &self.workspace {
            Some(ws) => format!("Hashiya — {}{}", ws.project.name, if ws.is_dirty() { " *" } else { "" }),
            None => "Hashiya".to_string(),
        }
    }

    /// Queues an action as if a widget had pushed it (for tests and drag-and-drop).
    pub fn push(&mut self, action: Action) {
        self.actions.push(action);
    }

    /// Draws one frame.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.handle_keys(&ctx);
        self.handle_dropped_files(&ctx);
        if let (Some(ws), Some(doc)) = (&self.workspace, &self.view.doc)
            && self.review.active
        {
            self.review.refresh(&ws.project, doc, ws.generation());
        }
        self.auto_accept();
        self.menu_bar(ui);
        self.status_bar(ui);
        self.side_panels(ui);
        self.central(ui);
        self.modals(&ctx);
        if let Some(ws) = &self.workspace {
            self.label_editor.ui(&ctx, &ws.project, &mut self.actions);
        }
        if let Some(ws) = &self.workspace {
            self.review.agreement_ui(&ctx, &ws.project, &mut self.actions);
            self.transfer.export_ui(&ctx, &ws.project);
        }
        if let Some(finished) = self.transfer.poll(&ctx) {
            self.finished(finished);
        }
        self.toasts.ui(&ctx);
        self.engine.end_frame();
        let actions = std::mem::take(&mut self.actions);
        if !actions.is_empty() {
            // What the actions changed (a new span, a question to ask) is drawn next frame.
            ctx.request_repaint();
        }
        for action in actions {
            self.handle(action, &ctx);
        }
        self.handle_close_request(&ctx);
        if let Some(due) = self.workspace.as_mut().and_then(Workspace::autosave_tick) {
            // Wake up when the autosave is due; the label's "autosaved 5 s ago" follows along.
            ctx.request_repaint_after(due.max(std::time::Duration::from_millis(200)));
        }
        // Sending a viewport command asks for a repaint: only send the title when it changes.
        let title = self.title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                for (title, commands) in MENUS {
                    ui.menu_button(title, |ui| {
                        for &cmd in commands {
                            self.menu_item(ui, cmd);
                        }
                        if title == "File" {
                            self.recent_menu(ui);
                        }
                    });
                }
            });
        });
    }

    fn recent_menu(&mut self, ui: &mut egui::Ui) {
        ui.menu_button("Recent projects", |ui| {
            for path in self.prefs.recent.clone() {
                if ui.button(path.display().to_string()).clicked() {
                    self.actions.push(Action::OpenProject(path));
                }
            }
        });
    }

    fn menu_item(&mut self, ui: &mut egui::Ui, cmd: UiCommand) {
        let mut button = egui::Button::new(cmd.label());
        if let Some(shortcut) = cmd.shortcut() {
            button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
        }
        if ui.add(button).clicked() {
            self.actions.push(Action::Run(cmd));
        }
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                match &self.workspace {
                    Some(ws) if ws.is_dirty() => {
                        let autosave = ws.autosave_state();
                        let note = match autosave.as_ref().and_then(|a| a.last_written) {
                            Some(t) => format!("Unsaved changes, autosaved {}", ago(t)),
                            None => "Unsaved changes".to_string(),
                        };
                        ui.colored_label(theme::status_color(false), note);
                        if let Some(err) = autosave.and_then(|a| a.last_error) {
                            ui.colored_label(theme::ERROR_COLOR, format!("Autosave failed: {err}"));
                        }
                    }
                    Some(ws) => {
                        let where_ = ws.path().map(|p| p.display().to_string()).unwrap_or_default();
                        ui.colored_label(theme::status_color(true), format!("Saved {where_}"));
                    }
                    None => {
                        ui.label("No project open");
                    }
                }
                ui.separator();
                ui.label(format!("Annotator: {}", self.annotator()));
                if let Some(range) = self.view.selection {
                    ui.separator();
                    ui.label(format!("Selection {}..{} ({} chars)", range.start, range.end, range.len()));
                }
            });
        });
    }

    fn side_panels(&mut self, ui: &mut egui::Ui) {
        let Some(ws) = &self.workspace else { return };
        let annotator = self.prefs.annotator.clone().unwrap_or_default();
        // Lists scroll to the current document and span when they change.
        let reveal_doc = self.view.doc != self.listed.0;
        let reveal_span = self.view.selected_span != self.listed.1;
        self.listed = (self.view.doc.clone(), self.view.selected_span);
        egui::Panel::left("documents").default_size(theme::SIDE_PANEL_WIDTH).show(ui, |ui| {
            doc_list_ui(
                ui,
                &ws.project,
                &annotator,
                self.view.doc.as_ref(),
                &mut self.view.filter,
                reveal_doc,
                &mut self.engine,
                &mut self.actions,
            );
        });
        egui::Panel::right("spans").default_size(theme::SIDE_PANEL_WIDTH).show(ui, |ui| {
            if self.review.active {
                if let Some(doc) = &self.view.doc
                    && let Some(document) = ws.project.document(doc)
                {
                    let index = self.doc_view.index_for(document);
                    self.review.panel_ui(ui, &ws.project, doc, index, &mut self.engine, &mut self.actions);
                }
                return;
            }
            layer_toggles_ui(ui, &ws.project, &annotator, &mut self.shown_layers);
            if let Some(doc) = &self.view.doc
                && let Some(document) = ws.project.document(doc)
            {
                let index = self.doc_view.index_for(document);
                span_list_ui(
                    ui,
                    &ws.project,
                    doc,
                    &annotator,
                    self.view.selected_span,
                    reveal_span,
                    index,
                    &mut self.engine,
                    &mut self.actions,
                );
            }
        });
    }

    fn central(&mut self, ui: &mut egui::Ui) {
        egui::CentralPanel::default_margins().show(ui, |ui| {
            let Some(ws) = &self.workspace else {
                ui.centered_and_justified(|ui| ui.label("Open a project (Ctrl+O) or drop a .ron file here."));
                return;
            };
            let project = &ws.project;
            let doc = self.view.doc.as_ref().and_then(|id| project.document(id));
            self.search.ui(ui, project, self.view.doc.as_ref(), ws.generation(), &mut self.actions);
            let can_label = self.view.selection.is_some() || self.view.selected_span.is_some();
            crate::ui::palette::palette_ui(ui, project, can_label, &mut self.actions);
            ui.separator();
            let Some(doc) = doc else {
                ui.label(
                    "This project has no documents yet: import texts with Ctrl+I or drop .txt files here.",
                );
                return;
            };
            let annotator = self.prefs.annotator.as_deref().unwrap_or("");
            ui.horizontal(|ui| {
                ui.label(egui::RichText::new(doc.status_of(annotator).name()).weak());
                ui.label(egui::RichText::new(&doc.source).weak().small());
            });
            let reviewing = self.review.active;
            let others: Vec<OtherLayer<'_>> = project
                .layers
                .iter()
                .map(|(name, layer)| (name.as_str(), layer))
                .enumerate()
                .filter(|(_, (name, _))| {
                    if reviewing {
                        self.review.annotators.iter().any(|a| a == name)
                    } else {
                        *name != annotator && self.shown_layers.contains(*name)
                    }
                })
                .map(|(i, (name, layer))| OtherLayer {
                    name,
                    color: theme::LAYER_COLORS[i % theme::LAYER_COLORS.len()],
                    spans: layer.spans(&doc.id),
                })
                .collect();
            let (layer, spans) = if reviewing {
                (LayerRef::Gold, project.gold.spans(&doc.id))
            } else {
                (
                    LayerRef::annotator(annotator),
                    project.layers.get(annotator).map(|l| l.spans(&doc.id)).unwrap_or(&[]),
                )
            };
            if reviewing {
                ui.label(
                    egui::RichText::new(
                        "Review mode: gold spans are filled; each annotator is underlined in their colour.",
                    )
                    .small(),
                );
            }
            let hits = self.search.hits_in(&doc.id);
            let input = DocViewInput {
                doc,
                labels: &project.labels,
                layer,
                spans,
                others: &others,
                selection: self.view.selection,
                selected_span: self.view.selected_span,
                search_hits: hits,
                current_hit: self.search.current_in(&doc.id),
                font_size: self.prefs.font_size,
                dark: self.prefs.dark,
                reveal: self.view.reveal.take(),
                revision: ws.generation(),
            };
            self.doc_view.ui(ui, &mut self.engine, &input, &mut self.actions);
        });
    }

    fn modals(&mut self, ctx: &egui::Context) {
        // The question is taken out while it is answered, so that an answer that asks
        // another question (a save that finds the file changed, an open that finds an
        // autosave) leaves that new question up.
        let Some(modal) = self.modal.take() else { return };
        let original = modal.clone();
        let mut close = false;
        let mut next = None;
        egui::Modal::new(egui::Id::unique("modal")).show(ctx, |ui| match modal {
            Modal::AskName { mut draft } => {
                ui.heading("Who is annotating?");
                ui.label("Your name is recorded on every span you make.");
                let response = ui.text_edit_singleline(&mut draft);
                response.request_focus();
                let ok = ui.button("OK").clicked() || ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ok && !draft.trim().is_empty() {
                    self.prefs.annotator = Some(draft.trim().to_string());
                    close = true;
                    if let Some(recovery) =
                        self.workspace.as_ref().and_then(|ws| ws.path()).and_then(store::recovery_for)
                    {
                        self.modal = Some(Modal::Recover { recovery });
                    }
                } else {
                    next = Some(Modal::AskName { draft });
                }
            }
            Modal::ConfirmDiscard { then } => {
                ui.heading("Unsaved changes");
                ui.label("The project has changes that are not saved.");
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        close = true;
                        if self.save(false) {
                            self.run_pending(then.clone(), ctx);
                        }
                    }
                    if ui.button("Discard changes").clicked() {
                        close = true;
                        if let Some(ws) = &mut self.workspace
                            && let Err(err) = ws.discard_changes()
                        {
                            self.toasts.error(format!("Could not reload the saved project: {err}"));
                        }
                        self.run_pending(then.clone(), ctx);
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            }
            Modal::Recover { recovery } => {
                ui.heading("Recover unsaved work?");
                let when = recovery.modified.map(ago).unwrap_or_default();
                ui.label(format!("Hashiya found work autosaved {when} that was never saved to the project."));
                ui.horizontal(|ui| {
                    if ui.button("Recover").clicked() {
                        close = true;
                        self.recover(&recovery);
                    }
                    if ui.button("Discard it").clicked() {
                        close = true;
                        if let Some(path) =
                            self.workspace.as_ref().and_then(|ws| ws.path().map(Path::to_path_buf))
                            && let Err(err) = store::remove_recovery(&path)
                        {
                            self.toasts.error(err.to_string());
                        }
                    }
                });
            }
            Modal::ChangedOnDisk { path } => {
                ui.heading("The project file changed on disk");
                ui.label("Someone (another window, a colleague, git) changed the file since you opened it.");
                ui.label(path.display().to_string());
                ui.horizontal(|ui| {
                    if ui.button("Overwrite it with my version").clicked() {
                        close = true;
                        self.save_with(SaveMode::Overwrite);
                    }
                    if ui.button("Save mine elsewhere…").clicked() {
                        close = true;
                        self.save(true);
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            }
            Modal::EditNote { span, mut text } => {
                ui.heading("Note");
                let response = ui.add(egui::TextEdit::multiline(&mut text).desired_rows(3));
                response.request_focus();
                ui.horizontal(|ui| {
                    if ui.button("Save note").clicked() {
                        close = true;
                        self.set_note(span, text.clone());
                    } else if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape))
                    {
                        close = true;
                    } else {
                        next = Some(Modal::EditNote { span, text: text.clone() });
                    }
                });
            }
        });
        if !close && self.modal.is_none() {
            self.modal = Some(next.unwrap_or(original));
        }
    }

    /// Turns shortcuts into actions. Bare keys (digits, N, Delete, Tab) are ignored while a
    /// text field has the keyboard.
    fn handle_keys(&mut self, ctx: &egui::Context) {
        if self.modal.is_some() || self.transfer.busy() {
            return;
        }
        let typing = ctx.text_edit_focused();
        let mut commands = Vec::new();
        // egui matches a shortcut without Shift also when Shift is held, so the shortcuts
        // with more modifiers are tried first (Ctrl+Shift+Z before Ctrl+Z).
        let mut table = UiCommand::ALL;
        table.sort_by_key(|cmd| std::cmp::Reverse(cmd.shortcut().map_or(0, |s| modifier_count(s.modifiers))));
        ctx.input_mut(|input| {
            for cmd in table {
                let Some(shortcut) = cmd.shortcut() else { continue };
                if typing && !cmd.works_while_typing() {
                    continue;
                }
                if input.consume_shortcut(&shortcut) {
                    commands.push(cmd);
                }
            }
        });
        // egui turns Ctrl+C into a copy event rather than a key press.
        if !typing && ctx.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Copy))) {
            commands.push(UiCommand::CopySelection);
        }
        self.actions.extend(commands.into_iter().map(Action::Run));
        if typing {
            return;
        }
        let Some(ws) = &self.workspace else { return };
        let mut labels = Vec::new();
        ctx.input_mut(|input| {
            for label in &ws.project.labels {
                let Some(key) = label.hotkey.and_then(crate::ui::commands::hotkey_key) else { continue };
                if input.consume_key(egui::Modifiers::NONE, key) {
                    labels.push(label.id.clone());
                }
            }
        });
        self.actions.extend(labels.into_iter().map(Action::ApplyLabel));
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> =
            ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect());
        if !dropped.is_empty() && self.transfer.busy() {
            self.toasts
                .info("Wait until the import or export in progress has finished, then drop the files again.");
            return;
        }
        let (projects, rest): (Vec<PathBuf>, Vec<PathBuf>) =
            dropped.into_iter().partition(|p| p.extension().is_some_and(|e| e == "ron"));
        let (annotations, texts): (Vec<PathBuf>, Vec<PathBuf>) =
            rest.into_iter().partition(|p| crate::formats::import::detect(p).is_some());
        if !annotations.is_empty() {
            self.import_annotations(annotations);
        }
        if let Some(project) = projects.into_iter().next() {
            self.actions.push(Action::OpenProject(project));
        }
        if !texts.is_empty() {
            self.actions.push(Action::Import(texts));
        }
    }

    /// Applies one action.
    pub fn handle(&mut self, action: Action, ctx: &egui::Context) {
        match action {
            Action::Edit(command) => {
                self.edit(command, None);
            }
            Action::EditMerging(command, key) => {
                self.edit(command, Some(key));
            }
            Action::Seal => {
                if let Some(ws) = &mut self.workspace {
                    ws.seal();
                }
            }
            Action::Run(cmd) => self.run(cmd, ctx),
            Action::OpenDocument(doc) => {
                self.view = ViewState { doc: Some(doc), filter: self.view.filter, ..ViewState::default() };
            }
            Action::ReviewDocument(doc) => {
                if let Some(ws) = &self.workspace
                    && !self.review.active
                {
                    self.review.toggle(&ws.project);
                }
                self.view = ViewState { doc: Some(doc), filter: self.view.filter, ..ViewState::default() };
            }
            Action::SelectSpan(span) => {
                self.view.selected_span = span;
                if span.is_some() {
                    self.view.selection = None;
                }
            }
            Action::SetSelection(range) => {
                self.view.selection = range.filter(|r| !r.is_empty());
                if self.view.selection.is_some() {
                    self.view.selected_span = None;
                }
            }
            Action::ApplyLabel(label) => self.apply_label(label),
            Action::Reveal(doc, range) => {
                if self.view.doc.as_ref() != Some(&doc) {
                    self.view =
                        ViewState { doc: Some(doc), filter: self.view.filter, ..ViewState::default() };
                }
                self.view.reveal = Some(range);
            }
            Action::OpenProject(_) if self.transfer.busy() => {
                self.toasts.info("Wait until the import or export in progress has finished.");
            }
            Action::OpenProject(path) => self.when_saved(Pending::Open(path), ctx),
            Action::Import(paths) => self.import(&paths),
        }
    }

    /// Applies a change; on failure the user is told and nothing changes. Returns success.
    fn edit(&mut self, command: Command, merge_key: Option<u64>) -> bool {
        let command = self.with_progress(command);
        let Some(ws) = &mut self.workspace else { return false };
        let result = match merge_key {
            Some(key) => ws.apply_merging(command, key),
            None => ws.apply(command),
        };
        match result {
            Ok(()) => true,
            Err(err) => {
                self.toasts.error(format!("Could not apply the change: {err}"));
                false
            }
        }
    }

    /// A span added to a new document moves it to "in progress", in the same undo step.
    fn with_progress(&self, command: Command) -> Command {
        let Command::AddSpan { layer: LayerRef::Annotator(annotator), doc, .. } = &command else {
            return command;
        };
        let is_new = self
            .workspace
            .as_ref()
            .and_then(|ws| ws.project.document(doc))
            .is_some_and(|d| d.status_of(annotator) == Status::New);
        if !is_new {
            return command;
        }
        let status =
            Command::SetStatus { doc: doc.clone(), annotator: annotator.clone(), status: Status::InProgress };
        Command::Batch(vec![command, status])
    }

    /// The layer edits go to: the gold layer in review mode, else the annotator's own.
    fn edit_layer(&self) -> LayerRef {
        if self.review.active { LayerRef::Gold } else { LayerRef::annotator(self.annotator()) }
    }

    /// Labels the selection (a new span) or relabels the selected span.
    fn apply_label(&mut self, label: crate::model::LabelId) {
        let annotator = self.annotator().to_string();
        if annotator.is_empty() {
            self.modal = Some(Modal::AskName { draft: String::new() });
            return;
        }
        let layer = self.edit_layer();
        let (Some(ws), Some(doc)) = (&self.workspace, self.view.doc.clone()) else { return };
        let command = if let Some(range) = self.view.selection {
            Some(new_span_command(&ws.project, &doc, &layer, &annotator, range, label, Timestamp::now()))
        } else if let Some(id) = self.view.selected_span {
            edit_span_command(&ws.project, &doc, &layer, id, Timestamp::now(), |s| s.label = label)
        } else {
            self.toasts.info("Select some text first, then press the label's key.");
            None
        };
        let Some(command) = command else { return };
        let new_id = match &command {
            Command::AddSpan { span, .. } => Some(span.id),
            _ => self.view.selected_span,
        };
        self.edit(command, None);
        self.view.selection = None;
        self.view.selected_span = new_id;
    }

    fn set_note(&mut self, span: SpanId, text: String) {
        let layer = self.edit_layer();
        let (Some(ws), Some(doc)) = (&self.workspace, &self.view.doc) else { return };
        let note = Some(text.trim().to_string()).filter(|t| !t.is_empty());
        if let Some(command) =
            edit_span_command(&ws.project, doc, &layer, span, Timestamp::now(), |s| s.note = note)
        {
            self.edit(command, None);
        }
    }

    fn run(&mut self, cmd: UiCommand, ctx: &egui::Context) {
        let annotator = self.annotator().to_string();
        match cmd {
            UiCommand::NewProject => self.when_saved(Pending::NewProject, ctx),
            UiCommand::Open => {
                if let Some(path) = rfd::FileDialog::new().add_filter("Hashiya project", &["ron"]).pick_file()
                {
                    self.when_saved(Pending::Open(path), ctx);
                }
            }
            UiCommand::Save => {
                self.save(false);
            }
            UiCommand::SaveAs => {
                self.save(true);
            }
            UiCommand::ImportTexts => {
                if let Some(paths) = rfd::FileDialog::new().add_filter("Text", &["txt"]).pick_files() {
                    self.import(&paths);
                }
            }
            UiCommand::ImportFolder => {
                if let Some(path) = rfd::FileDialog::new().pick_folder() {
                    self.import(&[path]);
                }
            }
            UiCommand::Undo | UiCommand::Redo | UiCommand::RedoAlt => {
                let Some(ws) = &mut self.workspace else { return };
                let result = if cmd == UiCommand::Undo { ws.undo() } else { ws.redo() };
                match result {
                    Ok(true) => self.view.selected_span = None,
                    Ok(false) => {}
                    Err(err) => self.toasts.error(format!("Could not undo: {err}")),
                }
            }
            UiCommand::NextDocument | UiCommand::PreviousDocument => {
                let Some(ws) = &self.workspace else { return };
                let docs = &ws.project.documents;
                let current = self.view.doc.as_ref().and_then(|d| docs.iter().position(|x| &x.id == d));
                let next = match (current, cmd == UiCommand::NextDocument) {
                    (Some(i), true) => (i + 1).min(docs.len().saturating_sub(1)),
                    (Some(i), false) => i.saturating_sub(1),
                    (None, _) => 0,
                };
                if let Some(doc) = docs.get(next) {
                    self.actions.push(Action::OpenDocument(doc.id.clone()));
                }
            }
            UiCommand::NextSpan | UiCommand::PreviousSpan => {
                let (Some(ws), Some(doc)) = (&self.workspace, &self.view.doc) else { return };
                let spans = ws.project.layer(&self.edit_layer()).map(|l| l.spans(doc)).unwrap_or(&[]);
                let next = step_span(spans, self.view.selected_span, cmd == UiCommand::NextSpan);
                if let Some(span) = next.and_then(|id| spans.iter().find(|s| s.id == id)) {
                    self.view.reveal = Some(span.range());
                }
                self.view.selected_span = next;
                self.view.selection = None;
            }
            UiCommand::MarkDone => {
                let Some(doc) = self.view.doc.clone() else { return };
                let done = self
                    .workspace
                    .as_ref()
                    .and_then(|ws| ws.project.document(&doc))
                    .map(|d| d.status_of(&annotator) == Status::Done);
                let status = if done == Some(true) { Status::InProgress } else { Status::Done };
                self.edit(Command::SetStatus { doc, annotator, status }, None);
            }
            UiCommand::DeleteSpan => {
                let (Some(doc), Some(id)) = (self.view.doc.clone(), self.view.selected_span) else { return };
                self.edit(Command::RemoveSpan { layer: self.edit_layer(), doc, id }, None);
                self.view.selected_span = None;
            }
            UiCommand::EditNote => {
                let (Some(ws), Some(doc), Some(id)) =
                    (&self.workspace, &self.view.doc, self.view.selected_span)
                else {
                    self.toasts.info("Select a span first (click it, or Tab).");
                    return;
                };
                let text = crate::workspace::find_span(&ws.project, doc, &self.edit_layer(), id)
                    .and_then(|s| s.note.clone());
                self.modal = Some(Modal::EditNote { span: id, text: text.unwrap_or_default() });
            }
            UiCommand::ZoomIn | UiCommand::ZoomOut | UiCommand::ZoomReset => {
                let (lo, hi) = theme::DOC_FONT_SIZE_RANGE;
                self.prefs.font_size = match cmd {
                    UiCommand::ZoomIn => (self.prefs.font_size + theme::ZOOM_STEP).min(hi),
                    UiCommand::ZoomOut => (self.prefs.font_size - theme::ZOOM_STEP).max(lo),
                    _ => theme::DOC_FONT_SIZE,
                };
            }
            UiCommand::ToggleTheme => {
                self.prefs.dark = !self.prefs.dark;
                ctx.set_theme(if self.prefs.dark { egui::Theme::Dark } else { egui::Theme::Light });
            }
            UiCommand::EditLabels => {
                if let Some(ws) = &self.workspace {
                    self.label_editor.open(&ws.project);
                }
            }
            UiCommand::CopySelection => {
                let (Some(ws), Some(doc), Some(range)) =
                    (&self.workspace, &self.view.doc, self.view.selection)
                else {
                    return;
                };
                if let Some(text) =
                    ws.project.document(doc).and_then(|d| crate::model::slice_chars(&d.text, range).ok())
                {
                    ctx.copy_text(text.to_string());
                }
            }
            UiCommand::Search => self.search.open(),
            UiCommand::ReviewMode => {
                if let Some(ws) = &self.workspace {
                    self.review.toggle(&ws.project);
                    self.view.selected_span = None;
                    self.view.selection = None;
                }
            }
            UiCommand::Agreement => self.review.agreement_open = true,
            UiCommand::MergeColleague => {
                if let Some(paths) =
                    rfd::FileDialog::new().add_filter("Hashiya project", &["ron"]).pick_files()
                {
                    self.merge_files(&paths);
                }
            }
            UiCommand::NextDisagreement | UiCommand::PreviousDisagreement => {
                if !self.review.active {
                    return;
                }
                if let (Some(range), Some(doc)) =
                    (self.review.step(cmd == UiCommand::NextDisagreement), self.view.doc.clone())
                {
                    self.actions.push(Action::Reveal(doc, range));
                }
            }
            UiCommand::AcceptFirst
            | UiCommand::AcceptSecond
            | UiCommand::UseSelection
            | UiCommand::RejectDisagreement => {
                self.adjudicate(cmd);
            }
            UiCommand::Export => self.transfer.export_open = true,
            UiCommand::ImportAnnotations => {
                let dialog = rfd::FileDialog::new().add_filter("Annotations", &["jsonl", "json", "ann"]);
                if let Some(paths) = dialog.pick_files() {
                    self.import_annotations(paths);
                }
            }
        }
    }

    /// Records the reviewer's decision on the current disagreement in the gold layer, then
    /// moves to the next disagreement.
    fn adjudicate(&mut self, cmd: UiCommand) {
        if !self.review.active {
            return;
        }
        let (Some(ws), Some(doc)) = (&self.workspace, self.view.doc.clone()) else { return };
        let decision = match cmd {
            UiCommand::AcceptFirst => self.review.annotators.first().cloned().map(Decision::Accept),
            UiCommand::AcceptSecond => self.review.annotators.get(1).cloned().map(Decision::Accept),
            UiCommand::RejectDisagreement => Some(Decision::Reject),
            _ => match self.view.selection {
                Some(selection) => self.review.edit_decision(selection),
                None => {
                    self.toasts.info("Select the text to accept instead, then press E.");
                    return;
                }
            },
        };
        let Some(decision) = decision else { return };
        match self.review.decide(&ws.project, &doc, &decision, self.annotator()) {
            Some(Ok(command)) => {
                self.edit(command, None);
                self.view.selection = None;
                if let Some(range) = self.review.step(true) {
                    self.view.reveal = Some(range);
                }
            }
            Some(Err(err)) => self.toasts.error(format!("Could not record the decision: {err}")),
            None => self.toasts.info("No disagreement left on this document."),
        }
    }

    /// Merges colleagues' project files (their annotator layers) into the open project,
    /// all files as one undo step; our own layer is never changed.
    pub fn merge_files(&mut self, paths: &[PathBuf]) {
        let me = self.prefs.annotator.clone();
        let Some(ws) = &self.workspace else { return };
        let mut scratch = ws.project.clone();
        let mut commands = Vec::new();
        let mut messages = Vec::new();
        for path in paths {
            let other = match store::load(path) {
                Ok(other) => other,
                Err(err) => {
                    self.toasts.error(format!("Could not read the colleague's project: {err}"));
                    continue;
                }
            };
            let (command, report) = crate::review::merge_command(&scratch, &other, me.as_deref());
            if let Err(err) = crate::model::apply(&mut scratch, command.clone()) {
                self.toasts.error(format!("Could not merge {}: {err}", path.display()));
                continue;
            }
            commands.push(command);
            let merged = report.layer_docs.iter().filter(|d| d.outcome.changes()).count();
            let mut message = format!("Merged {merged} annotator documents from {}", path.display());
            if !report.unmatched.is_empty() {
                message.push_str(&format!(
                    "; {} of their documents have a text this project lacks (not merged)",
                    report.unmatched.len()
                ));
            }
            messages.push(message);
        }
        if commands.is_empty() {
            return;
        }
        if self.edit(Command::Batch(commands), None) {
            for message in messages {
                self.toasts.info(message);
            }
        }
    }

    /// Imports annotation files in the background (see [`Transfer`]).
    fn import_annotations(&mut self, paths: Vec<PathBuf>) {
        let Some(ws) = &self.workspace else {
            self.toasts.error("Open or create a project before importing annotations.");
            return;
        };
        self.transfer.start_import(&ws.project, paths, self.prefs.annotator.clone());
    }

    /// A background export or import finished: report it, and apply an import as one step.
    fn finished(&mut self, finished: Finished) {
        match finished {
            Finished::Exported(Ok(report), out) => self.toasts.info(format!(
                "Exported {} documents and {} spans ({}) to {}",
                report.documents,
                report.spans,
                report.layers,
                out.display()
            )),
            Finished::Exported(Err(err), _) => self.toasts.error(format!("Export failed: {err}")),
            Finished::Imported(Ok((imported, reports))) => {
                let lines: Vec<String> = reports.iter().flat_map(|r| r.summary()).collect();
                let Some(ws) = &self.workspace else { return };
                let command = import_command(&ws.project, imported);
                if self.edit(command, None) {
                    for line in lines {
                        self.toasts.info(line);
                    }
                }
            }
            Finished::Imported(Err(err)) => self.toasts.error(format!("Import failed: {err}")),
        }
    }

    /// Accepts into gold what every chosen annotator agrees on, once per document.
    fn auto_accept(&mut self) {
        if !self.review.active || self.review.annotators.len() < 2 {
            return;
        }
        let (Some(ws), Some(doc)) = (&mut self.workspace, &self.view.doc) else { return };
        if !self.auto_accepted.insert((doc.clone(), self.review.annotators.clone())) {
            return;
        }
        let names: Vec<&str> = self.review.annotators.iter().map(String::as_str).collect();
        let by = self.prefs.annotator.as_deref().unwrap_or("");
        let command = crate::review::auto_accept_agreed(&ws.project, doc, &names, by, Timestamp::now());
        if matches!(&command, Command::Batch(c) if c.is_empty()) {
            return;
        }
        let n = if let Command::Batch(c) = &command { c.len() } else { 1 };
        match ws.apply(command) {
            Ok(()) => self.toasts.info(format!("Accepted {n} spans all annotators agree on into gold.")),
            Err(err) => self.toasts.error(format!("Could not accept the agreed spans: {err}")),
        }
    }

    /// Runs `then` now if nothing is unsaved, otherwise asks first.
    fn when_saved(&mut self, then: Pending, ctx: &egui::Context) {
        if self.workspace.as_ref().is_some_and(Workspace::is_dirty) {
            self.modal = Some(Modal::ConfirmDiscard { then });
        } else {
            self.run_pending(then, ctx);
        }
    }

    fn run_pending(&mut self, pending: Pending, ctx: &egui::Context) {
        match pending {
            Pending::Open(path) => self.open_path(&path),
            Pending::NewProject => {
                let Some(path) = rfd::FileDialog::new()
                    .add_filter("Hashiya project", &["ron"])
                    .set_file_name("project.ron")
                    .save_file()
                else {
                    return;
                };
                let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                let project = Project::new(name);
                match ProjectFile::create(path, &project) {
                    Ok(file) => self.set_project(project, Some(file)),
                    Err(err) => self.toasts.error(format!("Could not create the project: {err}")),
                }
            }
            Pending::Close => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Saves the project (asking for a path when it has none, or for Save as). Returns success.
    fn save(&mut self, save_as: bool) -> bool {
        let Some(ws) = &mut self.workspace else { return false };
        if !save_as && ws.path().is_some() {
            return self.save_with(SaveMode::Checked);
        }
        let Some(path) = rfd::FileDialog::new().add_filter("Hashiya project", &["ron"]).save_file() else {
            return false;
        };
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
    fn save_with(&mut self, mode: SaveMode) -> bool {
        let Some(ws) = &mut self.workspace else { return false };
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
            None => self.save(true),
        }
    }

    fn import(&mut self, paths: &[PathBuf]) {
        let Some(ws) = &mut self.workspace else {
            self.toasts.error("Open or create a project before importing texts.");
            return;
        };
        let mut scratch = ws.project.clone();
        let before = scratch.documents.len();
        let mut report = store::ImportReport::default();
        for path in paths {
            report.extend(store::import::import_texts(&mut scratch, path));
        }
        let docs: Vec<_> = scratch.documents.split_off(before);
        for (path, reason) in &report.skipped {
            self.toasts.error(format!("Not imported: {reason} — {}", path.display()));
        }
        if docs.is_empty() {
            return;
        }
        let n = docs.len();
        let first = docs.first().map(|d| d.id.clone());
        self.edit(Command::AddDocuments { docs }, None);
        self.toasts.info(format!("Imported {n} document{}.", if n == 1 { "" } else { "s" }));
        if let Some(first) = first {
            self.view = ViewState { doc: Some(first), ..ViewState::default() };
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.allow_close {
            return;
        }
        if self.workspace.as_ref().is_some_and(Workspace::is_dirty) {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.modal = Some(Modal::ConfirmDiscard { then: Pending::Close });
        }
    }
}

impl eframe::App for HashiyaApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.prefs.save(storage);
    }
}

/// Checkboxes to show other annotators' layers (read-only) under the text.
fn layer_toggles_ui(ui: &mut egui::Ui, project: &Project, me: &str, shown: &mut BTreeSet<String>) {
    let others: Vec<&str> = project.named_layers().map(|(name, _)| name).filter(|name| *name != me).collect();
    if others.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label("Show layers:");
        for (i, name) in others.into_iter().enumerate() {
            let mut on = shown.contains(name);
            let color = theme::label_color(theme::LAYER_COLORS[i % theme::LAYER_COLORS.len()], 255);
            if ui.checkbox(&mut on, egui::RichText::new(name).color(color)).changed() {
                if on {
                    shown.insert(name.to_string());
                } else {
                    shown.remove(name);
                }
            }
        }
    });
    ui.separator();
}

/// "5 s ago", "3 min ago".
fn ago(time: std::time::SystemTime) -> String {
    let secs = time.elapsed().map(|d| d.as_secs()).unwrap_or(0);
    if secs < 60 { format!("{secs} s ago") } else { format!("{} min ago", secs / 60) }
}

fn modifier_count(m: egui::Modifiers) -> u8 {
    u8::from(m.command || m.ctrl) + u8::from(m.shift) + u8::from(m.alt)
}

/// The project to open when none is named: the last one used, else the sample.
fn default_project(prefs: &Prefs) -> Option<PathBuf> {
    let last = prefs.recent.iter().find(|p| p.exists()).cloned();
    let sample = ["projects/sample.ron", concat!(env!("CARGO_MANIFEST_DIR"), "/projects/sample.ron")]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.exists());
    last.or(sample)
}

/// Opens the main window on `project` (or the last/sample project) and runs until it closes.
pub fn run_window(project: Option<PathBuf>, annotator: Option<String>) -> anyhow::Result<ExitCode> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1280.0, 800.0]).with_title("Hashiya"),
        ..Default::default()
    };
    eframe::run_native(
        "hashiya",
        options,
        Box::new(move |cc| {
            crate::ui::setup_context(&cc.egui_ctx);
            let mut prefs = Prefs::load(cc.storage);
            if let Some(name) = annotator.filter(|n| !n.trim().is_empty()) {
                prefs.annotator = Some(name.trim().to_string());
            }
            cc.egui_ctx.set_theme(if prefs.dark { egui::Theme::Dark } else { egui::Theme::Light });
            let path = project.or_else(|| default_project(&prefs));
            let mut app = HashiyaApp::new(prefs)?;
            if let Some(path) = path {
                app.open_path(&path);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|err| anyhow::anyhow!("could not open the window: {err}"))?;
    Ok(ExitCode::SUCCESS)
}
