//! Suggest > Learn from my spans: a model trained on the annotator's layer in the
//! background ([`crate::learn::background`]), with a progress bar and a cancel button;
//! then Suggest with the model in this or all documents, and Go to the document the model
//! is least sure of (most uncertain first, documents the annotator marked done left out).
//! Once a model exists, every `retrain_after` new, accepted or rejected spans (a
//! preference) train it again in the background. The model is saved beside the project
//! (where `hashiya learn` puts it) and read again when the project opens; suggesting in all
//! documents runs in the background too, with progress and cancel.

use super::HashiyaApp;
use crate::i18n::plain;
use crate::i18n::tr;
use crate::learn::background::{Learner, Outcome};
use crate::model::{DocId, Document, LabelId, Project, Timestamp};
use crate::suggest::Suggestion;
use crate::tr_logical;
use crate::ui::commands::UiCommand;
use crate::ui::modal::Modal;
use std::time::Duration;

/// The window's learner and what it has counted.
#[derive(Default)]
pub struct Learning {
    pub learner: Learner,
    /// The project's generation when changes were last counted.
    seen: Option<u64>,
    /// The annotator's accepted spans and rejected suggestions when last counted.
    tally: Option<(usize, usize)>,
}

/// The annotator's spans that are not suggestions, and the suggestions they rejected.
fn span_tally(project: &Project, annotator: &str) -> (usize, usize) {
    let spans = project.layers.get(annotator).map_or(0, |layer| {
        layer.docs.values().map(|d| d.spans.iter().filter(|s| !s.is_suggested()).count()).sum()
    });
    let rejected = project.rejected.iter().filter(|r| r.annotator == annotator).count();
    (spans, rejected)
}

impl HashiyaApp {
    /// Learn from my spans, and suggesting with the model.
    pub(super) fn run_learning_command(&mut self, cmd: UiCommand) {
        let Some(project) = self.session.project() else { return };
        let Some(annotator) = self.session.annotator() else {
            self.modal.get_or_insert(Modal::AskName { draft: String::new() });
            return;
        };
        if cmd == UiCommand::LearnFromSpans {
            self.learning.learner.save_to = self.session.path().map(crate::learn::file::default_path);
            match self.learning.learner.start(project, annotator) {
                Ok(()) => self.toasts.info(plain("learn-started")),
                Err(err) => self
                    .toasts
                    .error(tr_logical!("learn-cannot", error = crate::ui::error_text::corpus_error(&err))),
            }
            return;
        }
        let Some(model) = self.learning.learner.model().cloned() else {
            self.toasts.info(plain("learn-first"));
            return;
        };
        if cmd == UiCommand::MostUncertainDocument {
            let current = self.session.view().doc.clone();
            let next = self.learning.learner.uncertain_order().iter().find(|id| {
                Some(*id) != current.as_ref()
                    && project
                        .document(id)
                        .is_some_and(|d| d.status_of(annotator) != crate::model::Status::Done)
            });
            match next.cloned() {
                Some(doc) => self.session.open_document(doc),
                None => self.toasts.info(plain("learn-no-document-left")),
            }
            return;
        }
        let labels: Vec<LabelId> = model
            .labels
            .iter()
            .map(|l| LabelId::new(l.as_str()))
            .filter(|l| project.label(l).is_some())
            .collect();
        // Labels the model knows and the project no longer has are named, never skipped
        // silently.
        let missing: Vec<&str> = model
            .labels
            .iter()
            .map(String::as_str)
            .filter(|l| project.label(&LabelId::new(*l)).is_none())
            .collect();
        if !missing.is_empty() {
            self.toasts.info(tr_logical!("learning-labels-missing", labels = missing.join(", ")));
        }
        if cmd == UiCommand::SuggestWithModelAll {
            // Off the window's thread, with progress and cancel; taken in by `learning_ui`.
            let all = project.documents.iter().map(|d| d.id.clone()).collect();
            self.learning.learner.suggest(project, all, labels);
            return;
        }
        let docs: Vec<&Document> = self.session.document().into_iter().collect();
        let found = crate::learn::apply::suggest_docs(project, &docs, &model, &labels);
        self.take_in_suggestions(&found);
    }

    /// The model's suggestions added to the annotator's layer (one undo step), and how
    /// many there were.
    fn take_in_suggestions(&mut self, found: &[(DocId, Suggestion)]) {
        let result = self.session.add_suggested(found, Timestamp::now());
        if let Some(n) = self.report(result) {
            self.toasts.info(match n {
                0 => plain("learn-no-suggestions"),
                n => tr_logical!("learn-suggestions", count = n),
            });
        }
    }

    /// The training's progress and cancel button, its outcome, and retraining after changes.
    pub(super) fn learning_ui(&mut self, ctx: &egui::Context) {
        if let Some(done) = self.learning.learner.progress() {
            let mut cancel = false;
            egui::Window::new(tr("learn-progress-title")).collapsible(false).resizable(false).show(
                ctx,
                |ui| {
                    ui.add(egui::ProgressBar::new(done).show_percentage());
                    cancel = ui.button(tr("button-cancel")).clicked();
                },
            );
            if cancel {
                self.learning.learner.cancel();
            }
            ctx.request_repaint_after(Duration::from_millis(100));
        }
        self.suggesting_ui(ctx);
        match self.learning.learner.poll() {
            Some(Outcome::Trained { labels, spans, saved }) => {
                let labels = crate::i18n::plain_count("learn-labels", labels);
                self.toasts.info(tr_logical!("learn-trained", labels = labels, spans = spans));
                if let Some(Err(error)) = saved {
                    self.toasts.error(tr_logical!("learning-model-not-saved", error = error));
                }
            }
            Some(Outcome::Cancelled) => self.toasts.info(plain("learn-cancelled")),
            Some(Outcome::Crashed) => self.toasts.error(plain("learn-crashed")),
            Some(Outcome::Loaded { path, labels }) => self.toasts.info(tr_logical!(
                "learning-model-loaded",
                labels = labels,
                path = path.display().to_string()
            )),
            Some(Outcome::Refused(error)) => {
                self.toasts.error(tr_logical!("learning-model-refused", error = error))
            }
            Some(Outcome::Suggested(found)) => self.take_in_suggestions(&found),
            Some(Outcome::SuggestingCancelled) => self.toasts.info(plain("learning-suggesting-cancelled")),
            None => {}
        }
        self.count_span_changes();
    }

    /// Every new, accepted or rejected span (and every one deleted or undone) counts toward
    /// training again; the training never blocks a frame. Counted only when the project
    /// changed.
    fn count_span_changes(&mut self) {
        let (Some(generation), Some(project), Some(annotator)) = (
            self.session.workspace().map(crate::workspace::Workspace::generation),
            self.session.project(),
            self.session.annotator(),
        ) else {
            return;
        };
        if self.learning.learner.model().is_none() && !self.learning.learner.busy() {
            // Nothing to train again yet: not counted (a big project has many spans).
            self.learning.tally = None;
            return;
        }
        let changed = self.learning.seen.replace(generation) != Some(generation);
        if !changed && self.learning.tally.is_some() {
            return;
        }
        // From the first frame a model is being made or read, each change is counted.
        let (spans, rejected) = span_tally(project, annotator);
        if let Some((old_spans, old_rejected)) = self.learning.tally.replace((spans, rejected)) {
            let changes = spans.abs_diff(old_spans) + rejected.abs_diff(old_rejected);
            if changes > 0 {
                self.learning.learner.save_to = self.session.path().map(crate::learn::file::default_path);
                self.learning.learner.note_changes(changes, project);
            }
        }
    }

    /// The progress of suggesting with the model in all documents, and its cancel button.
    fn suggesting_ui(&mut self, ctx: &egui::Context) {
        let Some(done) = self.learning.learner.suggesting_progress() else { return };
        let mut cancel = false;
        egui::Window::new(crate::i18n::tr("learning-suggesting-title"))
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.add(egui::ProgressBar::new(done).show_percentage());
                cancel = ui.button(crate::i18n::tr("learning-suggesting-cancel")).clicked();
            });
        if cancel {
            self.learning.learner.cancel_suggesting();
        }
        ctx.request_repaint_after(Duration::from_millis(100));
    }

    /// A new project is open: the learner of the one before stops, the retraining follows
    /// the preferences, and the model saved beside the project, if any, is read in the
    /// background (refused with the reason when it does not fit the project).
    pub(super) fn learning_project_opened(&mut self) {
        self.learning.learner.cancel();
        self.learning.learner.cancel_suggesting();
        let save_to = self.session.path().map(crate::learn::file::default_path);
        let mut learner = Learner::default();
        (learner.retrain_after, learner.save_to) = (self.prefs.retrain_after, save_to);
        self.learning = Learning { learner, ..Learning::default() };
        if let (Some(project), Some(path)) = (self.session.project(), self.learning.learner.save_to.clone()) {
            self.learning.learner.load(&path, project, self.session.annotator());
        }
    }
}
