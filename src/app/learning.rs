//! Suggest > Learn from my spans: a model trained on the annotator's layer in the
//! background ([`crate::learn::background`]), with a progress bar and a cancel button;
//! then Suggest with the model in this or all documents, and Go to the document the model
//! is least sure of (most uncertain first, documents the annotator marked done left out).
//! Once a model exists, every `retrain_after` changes to the project train it again in
//! the background.

use super::HashiyaApp;
use crate::i18n::plain;
use crate::i18n::tr;
use crate::learn::background::{Learner, Outcome};
use crate::model::{Document, LabelId, Timestamp};
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
            match self.learning.learner.start(project, annotator) {
                Ok(()) => self.toasts.info(plain("learn-started")),
                Err(err) => self.toasts.error(tr_logical!("learn-cannot", error = err.to_string())),
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
        let docs: Vec<&Document> = if cmd == UiCommand::SuggestWithModelAll {
            project.documents.iter().map(AsRef::as_ref).collect()
        } else {
            self.session.document().into_iter().collect()
        };
        let labels: Vec<LabelId> = model
            .labels
            .iter()
            .map(|l| LabelId::new(l.as_str()))
            .filter(|l| project.label(l).is_some())
            .collect();
        let found = crate::learn::apply::suggest_docs(project, &docs, &model, &labels);
        let result = self.session.add_suggested(&found, Timestamp::now());
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
        match self.learning.learner.poll() {
            Some(Outcome::Trained { labels, spans }) => {
                let labels = crate::i18n::plain_count("learn-labels", labels);
                self.toasts.info(tr_logical!("learn-trained", labels = labels, spans = spans));
            }
            Some(Outcome::Cancelled) => self.toasts.info(plain("learn-cancelled")),
            Some(Outcome::Crashed) => self.toasts.error(plain("learn-crashed")),
            None => {}
        }
        // Every change counts toward training again; the training never blocks a frame.
        if let (Some(generation), Some(project)) =
            (self.session.workspace().map(crate::workspace::Workspace::generation), self.session.project())
            && self.learning.seen.replace(generation).is_some_and(|old| old != generation)
        {
            self.learning.learner.note_changes(1, project);
        }
    }
}
