//! Learning in the background, for the window: a training on a snapshot of the project
//! runs on its own thread with progress and cancel, the model it makes is kept, and after
//! every `retrain_after` new, accepted or rejected spans it is trained again, never
//! blocking a frame. Also the "most uncertain first" order of documents: those whose
//! predictions score nearest 0.5 first, as active learning does.
//!
//! Nothing here knows about egui; the window polls [`Learner::poll`] once per frame.

use super::corpus::{self, CorpusError};
use super::{Hooks, LearnOptions, Model};
use crate::model::{DocId, Project};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::JoinHandle;

/// The number of span changes after which a model is trained again, by default.
pub const RETRAIN_AFTER: usize = 20;

/// A training running on its own thread.
struct Job {
    done: Arc<AtomicUsize>,
    total: usize,
    cancel: Arc<AtomicBool>,
    handle: JoinHandle<Option<(Model, Vec<DocId>)>>,
}

/// How a background training ended.
#[derive(Debug)]
pub enum Outcome {
    /// A new model, kept as the current one.
    Trained {
        labels: usize,
        spans: usize,
    },
    Cancelled,
    /// The thread stopped unexpectedly.
    Crashed,
}

/// The window's learner: the current model, a training in progress, and the count of
/// span changes since the last training.
pub struct Learner {
    job: Option<Job>,
    model: Option<Arc<Model>>,
    changes: usize,
    /// Span changes after which a model is trained again (0: never by itself).
    pub retrain_after: usize,
    /// The layer the current model learned from.
    layer: Option<String>,
    /// The project's documents, most uncertain first under the current model.
    order: Vec<DocId>,
}

impl Default for Learner {
    fn default() -> Self {
        Self {
            job: None,
            model: None,
            changes: 0,
            retrain_after: RETRAIN_AFTER,
            layer: None,
            order: Vec::new(),
        }
    }
}

impl Learner {
    /// Starts training on `layer` of a snapshot of the project (all its labels); a training
    /// already running is cancelled first.
    pub fn start(&mut self, project: &Project, layer: &str) -> Result<(), CorpusError> {
        self.cancel();
        let labels = corpus::labels(project, &[])?;
        let snapshot = project.clone();
        let options = LearnOptions::for_labels(labels.len());
        // Progress counts label trainings; feature extraction is quick beside them.
        let docs = snapshot.documents.len();
        let total = options.steps(labels.len(), docs).max(1);
        let done = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (d, c, layer_name) = (done.clone(), cancel.clone(), layer.to_string());
        let handle = std::thread::spawn(move || {
            let corpus = corpus::corpus(&snapshot, &layer_name, &labels);
            if corpus.span_count() == 0 {
                return None;
            }
            let progress = || {
                d.fetch_add(1, Ordering::Relaxed);
            };
            let stop = || c.load(Ordering::Relaxed);
            let model = super::train(&corpus, &options, &Hooks { progress: &progress, cancel: &stop });
            if c.load(Ordering::Relaxed) {
                return None;
            }
            // Ordered here, off the window's thread: it predicts every document.
            let order = most_uncertain_first(&snapshot, &model);
            Some((model, order))
        });
        self.job = Some(Job { done, total, cancel, handle });
        self.layer = Some(layer.to_string());
        self.changes = 0;
        Ok(())
    }

    /// The share of the running training done, 0..1, if one runs.
    pub fn progress(&self) -> Option<f32> {
        self.job.as_ref().map(|j| (j.done.load(Ordering::Relaxed) as f32 / j.total as f32).min(1.0))
    }

    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// Asks the running training to stop; [`Learner::poll`] reports it cancelled.
    pub fn cancel(&mut self) {
        if let Some(job) = &self.job {
            job.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Takes in a finished training, if one finished since the last call.
    pub fn poll(&mut self) -> Option<Outcome> {
        if !self.job.as_ref()?.handle.is_finished() {
            return None;
        }
        let job = self.job.take()?;
        let cancelled = job.cancel.load(Ordering::Relaxed);
        Some(match job.handle.join() {
            Ok(Some((model, order))) => {
                let outcome = Outcome::Trained { labels: model.labels.len(), spans: model.info.spans };
                self.model = Some(Arc::new(model));
                self.order = order;
                outcome
            }
            Ok(None) if cancelled => Outcome::Cancelled,
            Ok(None) => Outcome::Trained { labels: 0, spans: 0 },
            Err(_) => Outcome::Crashed,
        })
    }

    /// Blocks until the running training ends, then takes it in (for tests and closing).
    pub fn wait(&mut self) -> Option<Outcome> {
        while self.job.as_ref().is_some_and(|j| !j.handle.is_finished()) {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        self.poll()
    }

    /// The documents most uncertain first under the current model (as the project was when
    /// it was trained; empty before a model exists).
    pub fn uncertain_order(&self) -> &[DocId] {
        &self.order
    }

    /// The current model, if one was trained.
    pub fn model(&self) -> Option<&Arc<Model>> {
        self.model.as_ref()
    }

    /// Counts `n` span changes (new, accepted or rejected spans); once a model exists and
    /// `retrain_after` changes have added up, trains again on the same layer of `project`
    /// in the background. Returns whether a training started.
    pub fn note_changes(&mut self, n: usize, project: &Project) -> bool {
        self.changes += n;
        let due = self.model.is_some() && self.retrain_after > 0 && self.changes >= self.retrain_after;
        match self.layer.clone() {
            Some(layer) if due && !self.busy() => self.start(project, &layer).is_ok(),
            _ => false,
        }
    }
}

/// How uncertain the model is about a document: the distance to 0.5 of the score of its
/// least certain prediction (0 is the most uncertain); documents without predictions are
/// the most certain (0.5).
pub fn uncertainty(model: &Model, text: &str, patterns: &[crate::model::Pattern]) -> f32 {
    model.predict(text, patterns).iter().map(|p| (p.score - 0.5).abs()).fold(0.5, f32::min)
}

/// The project's documents, most uncertain first (ties in document order).
pub fn most_uncertain_first(project: &Project, model: &Model) -> Vec<DocId> {
    let mut scored: Vec<(f32, usize, DocId)> = project
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (uncertainty(model, &d.text, &project.patterns), i, d.id.clone()))
        .collect();
    scored.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, _, id)| id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::synthetic::{self, Shape};

    fn project(paragraphs: usize) -> Project {
        synthetic::project(&Shape { paragraphs, labels: 3, spans_per_paragraph: 1.5, words: 30, seed: 11 })
    }

    #[test]
    fn trains_in_the_background_with_progress() {
        let project = project(40);
        let mut learner = Learner::default();
        assert!(learner.model().is_none() && learner.progress().is_none());
        learner.start(&project, "analyst").unwrap();
        assert!(learner.busy());
        assert!(learner.progress().is_some_and(|p| (0.0..=1.0).contains(&p)));
        assert!(matches!(learner.wait(), Some(Outcome::Trained { labels: 3, .. })));
        assert!(!learner.busy());
        assert_eq!(learner.model().unwrap().labels, vec!["t01", "t02", "t03"]);
        assert_eq!(learner.uncertain_order().len(), project.documents.len());
    }

    #[test]
    fn a_cancelled_training_keeps_the_old_model() {
        let project = project(200);
        let mut learner = Learner::default();
        learner.start(&project, "analyst").unwrap();
        learner.cancel();
        assert!(matches!(learner.wait(), Some(Outcome::Cancelled)), "cancelled before it ended");
        assert!(learner.model().is_none());
    }

    #[test]
    fn retrains_after_enough_changes() {
        let project = project(30);
        let mut learner = Learner { retrain_after: 5, ..Learner::default() };
        // No model yet: changes alone start nothing.
        assert!(!learner.note_changes(10, &project));
        learner.start(&project, "analyst").unwrap();
        learner.wait();
        let first = Arc::clone(learner.model().unwrap());
        assert!(!learner.note_changes(4, &project));
        assert!(learner.note_changes(1, &project), "the fifth change starts a training");
        assert!(matches!(learner.wait(), Some(Outcome::Trained { .. })));
        assert!(!Arc::ptr_eq(&first, learner.model().unwrap()), "a new model");
    }

    #[test]
    fn uncertain_documents_come_first() {
        let project = project(60);
        let mut learner = Learner::default();
        learner.start(&project, "analyst").unwrap();
        learner.wait();
        let model = learner.model().unwrap();
        let order = most_uncertain_first(&project, model);
        assert_eq!(order.len(), project.documents.len());
        let score = |id: &DocId| uncertainty(model, &project.document(id).unwrap().text, &[]);
        for pair in order.windows(2) {
            assert!(score(&pair[0]) <= score(&pair[1]));
        }
    }
}
