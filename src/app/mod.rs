//! The `eframe::App`: the session (project, annotator, view, mode) and the window's
//! runtime parts (panels' own state, the text engine, background jobs, the question being
//! asked). Each frame draws the top bar, the side panels and the document view, then
//! applies the actions they pushed ([`command_handling`]); opening, saving, importing and
//! merging files is in [`files`].

mod command_handling;
mod files;
pub mod learning;
pub mod start;
pub mod stats;

use crate::model::{DocId, SpanId};
use crate::session::{Mode, Session};
use crate::ui::agreement_panel::AgreementPanel;
use crate::ui::bars::{menu_bar_ui, status_bar_ui};
use crate::ui::dialogs::{FileDialogs, NativeDialogs};
use crate::ui::doc_list::{DocOrder, StatusFilter, Uncertain, doc_list_ui};
use crate::ui::doc_view::{DocView, Highlights};
use crate::ui::file_chooser::{Chooser, Outcome, file_chooser_ui};
use crate::ui::label_editor::LabelEditor;
use crate::ui::modal::{Modal, Pending, modal_ui};
use crate::ui::patterns::PatternEditor;
use crate::ui::performance::PerformanceWindow;
use crate::ui::prefs::Prefs;
use crate::ui::review_panel::{review_legend_ui, review_panel_ui};
use crate::ui::search::Search;
use crate::ui::span_list::span_list_ui;
use crate::ui::toasts::Toasts;
use crate::ui::transfer::Transfer;
use crate::ui::{Action, EngineText, Look, UiContext, theme};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::PoisonError;
use std::time::{Duration, Instant};

/// How often the window looks for the end of a save while one is written.
const SAVE_POLL: Duration = Duration::from_millis(50);

/// The Hashiya window.
pub struct HashiyaApp {
    pub session: Session,
    pub prefs: Prefs,
    pub toasts: Toasts,
    /// The question being asked, if any.
    pub modal: Option<Modal>,
    pub label_editor: LabelEditor,
    pub pattern_editor: PatternEditor,
    pub search: Search,
    pub doc_view: DocView,
    pub agreement: AgreementPanel,
    pub transfer: Transfer,
    pub performance: PerformanceWindow,
    /// The model learned from the annotator's spans, and its training in the background.
    pub learning: learning::Learning,
    /// View > Team progress.
    pub team: crate::ui::team_view::TeamWindow,
    /// The label picker (`/`).
    pub label_picker: crate::ui::label_picker::LabelPicker,
    /// The Guidelines panel (F1).
    pub guidelines: crate::ui::guidelines::GuidelinesWindow,
    /// Frame times and input latency, shown in View > Performance.
    pub frame_stats: stats::SharedRecorder,
    /// Raised on SIGTERM: the next frame writes what is unsaved and ends the process.
    pub terminate: stats::TerminateFlag,
    /// Where the frame statistics go on exit (`HASHIYA_FRAME_STATS`).
    pub stats_file: Option<PathBuf>,
    /// Which documents the list shows.
    pub filter: StatusFilter,
    /// The order the list shows them in.
    pub doc_order: DocOrder,
    dialogs: Box<dyn FileDialogs>,
    /// The window's own file chooser, open when the system's dialog could not be shown.
    pub chooser: Option<Chooser>,
    /// The document and span the side lists showed last frame.
    listed: (Option<DocId>, Option<SpanId>),
    engine: EngineText,
    actions: Vec<Action>,
    /// Set once the user agreed to close (or nothing was unsaved).
    allow_close: bool,
    /// What waits for the save being written (closing, opening another project).
    after_save: Option<Pending>,
    /// The window title last sent to the window.
    shown_title: String,
}

impl HashiyaApp {
    /// An app with no project open, using the platform's file dialogs. Fails only if the
    /// embedded fonts cannot be read.
    pub fn new(prefs: Prefs) -> Result<Self, crate::text::FontError> {
        Self::with_dialogs(prefs, Box::new(NativeDialogs))
    }

    /// An app asking `dialogs` for files (tests pass a scripted fake).
    pub fn with_dialogs(prefs: Prefs, dialogs: Box<dyn FileDialogs>) -> Result<Self, crate::text::FontError> {
        let session = Session::new(prefs.annotator.clone());
        crate::i18n::set_lang(crate::i18n::Lang::at_start(crate::i18n::Lang::from_env(), prefs.lang));
        crate::i18n::set_indic_digits(prefs.indic_digits);
        let modal = session.annotator().is_none().then(|| Modal::AskName { draft: String::new() });
        Ok(Self {
            session,
            prefs,
            toasts: Toasts::default(),
            modal,
            label_editor: LabelEditor::default(),
            pattern_editor: PatternEditor::default(),
            search: Search::default(),
            doc_view: DocView::default(),
            agreement: AgreementPanel::default(),
            transfer: Transfer::default(),
            performance: PerformanceWindow::default(),
            learning: learning::Learning::default(),
            team: Default::default(),
            label_picker: Default::default(),
            guidelines: Default::default(),
            frame_stats: stats::SharedRecorder::default(),
            terminate: stats::TerminateFlag::default(),
            stats_file: None,
            filter: StatusFilter::default(),
            doc_order: DocOrder::default(),
            dialogs,
            chooser: None,
            listed: (None, None),
            engine: EngineText::new()?,
            actions: Vec::new(),
            allow_close: false,
            after_save: None,
            shown_title: String::new(),
        })
    }

    /// The current annotator's name ("" until asked).
    pub fn annotator(&self) -> &str {
        self.session.annotator().unwrap_or("")
    }

    /// The window title: `Hashiya — NAME`, with `*` when there are unsaved changes.
    pub fn title(&self) -> String {
        match self.session.project() {
            Some(project) => {
                format!("Hashiya — {}{}", project.name, if self.session.is_dirty() { " *" } else { "" })
            }
            None => "Hashiya".to_string(),
        }
    }

    /// SIGTERM arrived: the saves in progress finish, unsaved work goes to the recovery
    /// file (offered again at the next start), the statistics are written, and the process
    /// ends with the status SIGTERM gives.
    fn exit_on_terminate(&mut self) -> ! {
        for event in self.session.flush_for_exit() {
            if let crate::session::SaveEvent::Failed { error, .. } = event {
                eprintln!(
                    "hashiya: the save asked before SIGTERM failed: {error}; the work is in the recovery file"
                );
            }
        }
        if let Some(path) = &self.stats_file {
            stats::write_stats(&self.frame_stats, path);
        }
        std::process::exit(stats::SIGTERM_STATUS);
    }

    /// Queues an action as if a widget had pushed it (for tests and drag-and-drop).
    pub fn push(&mut self, action: Action) {
        self.actions.push(action);
    }

    /// Draws one frame, then applies what it asked for.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.terminate.load(std::sync::atomic::Ordering::SeqCst) {
            self.exit_on_terminate();
        }
        let (focused, input) = ctx
            .input(|i| (i.viewport().focused.unwrap_or(true), !i.events.is_empty() || i.pointer.is_moving()));
        self.session.note_activity(crate::model::Timestamp::now(), focused, input);
        self.handle_keys(&ctx);
        self.handle_dropped_files(&ctx);
        self.session.refresh_review();
        self.saves_ended(&ctx);
        egui::Panel::top("menu").show(ui, |ui| menu_bar_ui(ui, &self.prefs, &mut self.actions));
        let refresh = egui::Panel::bottom("status").show(ui, |ui| status_bar_ui(ui, &self.session)).inner;
        // Below the document, never over it.
        self.agreement.ui(ui, &mut self.engine, &mut self.actions);
        self.panels(ui);
        self.windows(&ctx);
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
        if let Some(due) = self.session.autosave_tick() {
            // Wake up when the autosave is due; the label's "autosaved 5 s ago" follows along.
            ctx.request_repaint_after(due.max(Duration::from_millis(200)));
        }
        if self.session.is_saving() {
            // Look again soon for the end of the save.
            ctx.request_repaint_after(SAVE_POLL);
        }
        if let Some(refresh) = refresh {
            ctx.request_repaint_after(refresh);
        }
        // Sending a viewport command asks for a repaint: only send the title when it changes.
        let title = self.title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    /// The question being asked and the windows that float over the panels.
    fn windows(&mut self, ctx: &egui::Context) {
        if let Some(modal) = &mut self.modal
            && let Some(answer) = modal_ui(ctx, modal, &mut self.engine)
        {
            self.modal = None;
            self.actions.push(Action::Answer(answer));
        }
        if let Some(chooser) = &mut self.chooser
            && let Some(outcome) = file_chooser_ui(ctx, chooser, &mut self.engine)
        {
            let request = chooser.request().clone();
            self.chooser = None;
            if let Outcome::Chosen(paths) = outcome {
                self.actions.push(Action::FileChosen { request, paths });
            }
        }
        if let Some(project) = self.session.project() {
            self.label_editor.ui(ctx, project, &mut self.engine, &mut self.actions);
            self.pattern_editor.ui(ctx, project, &mut self.engine, &mut self.actions);
            self.transfer.export_ui(ctx, project, &mut self.actions);
            self.team.ui(ctx, project, self.session.generation(), &mut self.actions);
            self.label_picker.ui(ctx, project, &mut self.actions);
            self.guidelines.ui(ctx, project);
        }
        self.performance.ui(ctx, &self.frame_stats.lock().unwrap_or_else(PoisonError::into_inner));
        if let Some(finished) = self.transfer.poll(ctx) {
            self.finished(finished);
        }
        self.learning_ui(ctx);
        self.toasts.ui(ctx);
    }

    /// The side lists and the document, all reading one [`UiContext`] built for the frame.
    fn panels(&mut self, ui: &mut egui::Ui) {
        let Some(frame) = self.session.frame_view() else {
            egui::CentralPanel::default_margins().show(ui, |ui| {
                ui.centered_and_justified(|ui| ui.label(crate::i18n::tr("empty-no-project")));
            });
            return;
        };
        // Lists scroll to the current document and span when they change.
        let reveal_doc = frame.view.doc != self.listed.0;
        let reveal_span = frame.view.selected_span != self.listed.1;
        self.listed = (frame.view.doc.clone(), frame.view.selected_span);
        let look = Look { font_size: self.prefs.font_size, dark: self.prefs.dark };
        let mut cx = UiContext { frame, look, engine: &mut self.engine, actions: &mut self.actions };
        let width = ui.available_width();
        let (default, range) = theme::side_panel_size(width);
        // The Arabic interface mirrors: documents on the right, spans on the left.
        let rtl = crate::i18n::lang().is_rtl();
        let (documents, spans) = if rtl {
            (egui::Panel::right("documents"), egui::Panel::left("spans"))
        } else {
            (egui::Panel::left("documents"), egui::Panel::right("spans"))
        };
        // Headings and controls start from the right too.
        let column = egui::Layout::top_down(if rtl { egui::Align::Max } else { egui::Align::Min });
        let learner = &self.learning.learner;
        let uncertain = learner
            .model()
            .map(|_| Uncertain { order: learner.uncertain_order(), version: learner.order_version() });
        let (filter, order) = (&mut self.filter, &mut self.doc_order);
        documents.default_size(default).size_range(range).show(ui, |ui| {
            ui.with_layout(column, |ui| doc_list_ui(ui, &mut cx, filter, order, uncertain, reveal_doc));
        });
        let doc_view = &mut self.doc_view;
        spans.default_size(default).size_range(range).show(ui, |ui| {
            ui.with_layout(column, |ui| {
                let Some(document) = cx.frame.document else { return };
                let index = doc_view.index_for(document);
                match cx.frame.mode {
                    Mode::Review(review) => review_panel_ui(ui, &mut cx, review, &document.id, index),
                    Mode::Annotate { shown_layers } => {
                        layer_toggles_ui(ui, &mut cx, shown_layers);
                        span_list_ui(ui, &mut cx, &document.id, reveal_span, index);
                    }
                }
            });
        });
        let search = &mut self.search;
        egui::CentralPanel::default_margins().show(ui, |ui| central_ui(ui, &mut cx, search, doc_view));
        drop(cx);
        // The range asked for was scrolled to.
        self.session.scrolled();
    }
}

/// The search bar, the label palette, the document's status line and the document.
fn central_ui(ui: &mut egui::Ui, cx: &mut UiContext<'_>, search: &mut Search, doc_view: &mut DocView) {
    let frame = cx.frame.clone();
    search.ui(ui, frame.project, frame.view.doc.as_ref(), frame.generation, cx.engine, cx.actions);
    crate::ui::palette::palette_ui(ui, cx);
    ui.separator();
    let Some(doc) = frame.document else {
        crate::ui::wrapped_label(ui, &crate::i18n::plain("empty-no-documents"));
        return;
    };
    ui.horizontal(|ui| {
        // Legible: the status and where the text came from, at body size.
        ui.label(crate::ui::doc_list::status_text(doc.status_of(frame.annotator)));
        ui.label(egui::RichText::new(crate::text::for_display(&doc.source)).color(ui.visuals().text_color()));
    });
    if let Some(review) = frame.review() {
        review_legend_ui(ui, frame.project, review);
    }
    let hits = Highlights { hits: search.hits_in(&doc.id), current: search.current_in(&doc.id) };
    doc_view.ui(ui, cx, hits);
}

impl eframe::App for HashiyaApp {
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        let had_input = raw_input.events.iter().any(stats::is_user_input);
        self.frame_stats
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .begin_frame(Instant::now(), had_input);
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        if let Some(seconds) = frame.info().cpu_usage {
            self.frame_stats
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .previous_frame_total(Duration::try_from_secs_f32(seconds).unwrap_or_default());
        }
        self.frame_ui(ui);
        self.frame_stats.lock().unwrap_or_else(PoisonError::into_inner).end_ui(Instant::now());
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // A save asked before closing is written before the window goes.
        self.session.finish_saves();
        if let Some(path) = &self.stats_file {
            stats::write_stats(&self.frame_stats, path);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.remember_document();
        self.prefs.annotator = self.session.annotator().map(str::to_string);
        self.prefs.save(storage);
    }
}

/// Checkboxes to show other annotators' layers (read-only) under the text.
fn layer_toggles_ui(ui: &mut egui::Ui, cx: &mut UiContext<'_>, shown: &std::collections::BTreeSet<String>) {
    let annotator = cx.frame.annotator;
    let others: Vec<&str> =
        cx.frame.project.named_layers().map(|(name, _)| name).filter(|name| *name != annotator).collect();
    if others.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(crate::i18n::tr("show-layers"));
        for (i, name) in others.into_iter().enumerate() {
            let mut on = shown.contains(name);
            let color = theme::label_color(theme::LAYER_COLORS[i % theme::LAYER_COLORS.len()], 255);
            if ui.checkbox(&mut on, egui::RichText::new(name).color(color)).changed() {
                cx.actions.push(Action::ShowLayer(name.to_string(), on));
            }
        }
    });
    ui.separator();
}

/// Opens the main window on `project` (or the last project, else the sample written to
/// the data folder) and runs until it closes.
pub fn run_window(project: Option<PathBuf>, annotator: Option<String>) -> anyhow::Result<ExitCode> {
    // A project named on the command line is read while the window and its GL context
    // are being made, so a big one is on screen sooner.
    let preload = project.clone().map(|path| std::thread::spawn(move || crate::session::load_project(&path)));
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
            let (path, start_error) = match project {
                Some(path) => (Some(path), None),
                None => match start::start_project(&prefs, start::data_dir().as_deref()) {
                    Ok(path) => (path, None),
                    Err(err) => (None, Some(err)),
                },
            };
            let mut app = HashiyaApp::new(prefs)?;
            if let Some(err) = start_error {
                app.toasts.error(crate::tr_logical!(
                    "start-sample-failed",
                    error = crate::ui::error_text::io_error(&err)
                ));
            }
            app.stats_file = stats::stats_file_from_env();
            stats::watch_sigterm(
                cc.egui_ctx.clone(),
                std::sync::Arc::clone(&app.terminate),
                std::sync::Arc::clone(&app.frame_stats),
                app.stats_file.clone(),
            );
            match preload {
                Some(reading) => match reading.join() {
                    Ok(loaded) => app.open_loaded(loaded),
                    // The reading thread panicked: read again here, where the panic shows.
                    Err(_) => path.iter().for_each(|p| app.open_path(p)),
                },
                None => path.iter().for_each(|p| app.open_path(p)),
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|err| anyhow::anyhow!("could not open the window: {}", window_error(&err.to_string())))?;
    Ok(ExitCode::SUCCESS)
}

/// What went wrong opening the window, in plain words: no display at all is said so, and
/// the windowing library's source locations (a path on the machine the program was built
/// on) are left out.
fn window_error(raw: &str) -> String {
    let no_display =
        ["DISPLAY", "WAYLAND_DISPLAY"].iter().all(|v| std::env::var_os(v).is_none_or(|s| s.is_empty()));
    if no_display {
        return "there is no display to open it on (neither DISPLAY nor WAYLAND_DISPLAY is set); start it from \
                a desktop session, or use a command such as `hashiya validate` or `hashiya export` without a window"
            .into();
    }
    without_source_locations(raw)
}

/// `raw` without ` at /path/to/file.rs:765:` locations.
fn without_source_locations(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find(" at /") {
        let after = rest.get(at + 4..).unwrap_or("");
        let Some(rs) = after.find(".rs:") else { break };
        let digits = after.get(rs + 4..).unwrap_or("");
        let line_len = digits.len() - digits.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        out.push_str(rest.get(..at).unwrap_or(""));
        rest = after.get(rs + 4 + line_len..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::without_source_locations;

    #[test]
    fn source_locations_are_left_out() {
        // Issue 18, case 22.
        let raw = "winit EventLoopError: os error at /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/\
                   winit-0.30.13/src/platform_impl/linux/mod.rs:765: neither WAYLAND_DISPLAY nor DISPLAY is set.";
        assert_eq!(
            without_source_locations(raw),
            "winit EventLoopError: os error: neither WAYLAND_DISPLAY nor DISPLAY is set."
        );
        assert_eq!(without_source_locations("plain"), "plain");
    }
}
