//! Learning in the background, for the window: a training on a snapshot of the project
//! runs on its own thread with progress and cancel, the model it makes is kept (and saved
//! beside the project when a path is given), and after every `retrain_after` new, accepted
//! or rejected spans it is trained again, never blocking a frame. A model saved earlier is
//! read and checked on a thread of its own when a project opens; suggesting with the model
//! in all documents runs on threads too, with progress and cancel. Also the "most
//! uncertain first" order of documents: those whose predictions score nearest 0.5 first,
//! documents without predictions last, as active learning does.
//!
//! Nothing here knows about egui; the window polls [`Learner::poll`] once per frame.

use super::corpus::{self, CorpusError};
use super::decode::Predicted;
use super::{Hooks, LearnOptions, Model};
use crate::model::{DocId, LabelId, Project};
use crate::suggest::Suggestion;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::JoinHandle;

/// The number of span changes after which a model is trained again, by default.
pub const RETRAIN_AFTER: usize = 20;

/// What a thread of the learner hands back.
enum Done {
    /// A model trained or read, the documents most uncertain first under it, and where it
    /// was saved (or why it was not).
    Model {
        model: Box<Model>,
        order: Vec<DocId>,
        saved: Option<Result<PathBuf, String>>,
        read_from: Option<PathBuf>,
    },
    /// The model's suggestions in the documents asked.
    Suggestions(Vec<(DocId, Suggestion)>),
    /// A saved model that does not fit the project (the message says why).
    Refused(String),
    /// Cancelled, or nothing to learn from.
    Nothing,
}

/// A thread of the learner: training, reading a saved model, or suggesting.
struct Job {
    done: Arc<AtomicUsize>,
    total: usize,
    cancel: Arc<AtomicBool>,
    handle: JoinHandle<Done>,
    /// Reading a saved model rather than training one.
    reading: bool,
}

impl Job {
    fn spawn(total: usize, work: impl FnOnce(&AtomicUsize, &AtomicBool) -> Done + Send + 'static) -> Self {
        let done = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (d, c) = (done.clone(), cancel.clone());
        let handle = std::thread::spawn(move || work(&d, &c));
        Self { done, total: total.max(1), cancel, handle, reading: false }
    }

    fn progress(&self) -> f32 {
        (self.done.load(Ordering::Relaxed) as f32 / self.total as f32).min(1.0)
    }
}

/// How a background job ended.
#[derive(Debug)]
pub enum Outcome {
    /// A new model, kept as the current one; `saved` says where it was written (or why
    /// not), `None` when no path was given.
    Trained {
        labels: usize,
        spans: usize,
        saved: Option<Result<PathBuf, String>>,
    },
    Cancelled,
    /// The thread stopped unexpectedly.
    Crashed,
    /// A model saved beside the project was read and kept as the current one.
    Loaded {
        path: PathBuf,
        labels: usize,
    },
    /// A model saved beside the project was not used: the message says why.
    Refused(String),
    /// The model's suggestions in the documents asked (to be added to the layer).
    Suggested(Vec<(DocId, Suggestion)>),
    /// Suggesting was cancelled; nothing was added.
    SuggestingCancelled,
}

/// The window's learner: the current model, a training in progress, the suggestions
/// being made, and the count of span changes since the last training.
pub struct Learner {
    job: Option<Job>,
    suggesting: Option<Job>,
    model: Option<Arc<Model>>,
    changes: usize,
    /// Span changes after which a model is trained again (0: never by itself).
    pub retrain_after: usize,
    /// Where a trained model is saved (beside the project), if anywhere.
    pub save_to: Option<PathBuf>,
    /// The layer the current model learns from.
    layer: Option<String>,
    /// The project's documents, most uncertain first under the current model.
    order: Vec<DocId>,
    /// Counts the orders taken in, so a list sorted by it knows when to sort again.
    order_version: u64,
}

impl Default for Learner {
    fn default() -> Self {
        Self {
            job: None,
            suggesting: None,
            model: None,
            changes: 0,
            retrain_after: RETRAIN_AFTER,
            save_to: None,
            layer: None,
            order: Vec::new(),
            order_version: 0,
        }
    }
}

impl Learner {
    /// Starts training on `layer` of a snapshot of the project (all its labels); a training
    /// already running is cancelled first. The model is saved to [`Learner::save_to`].
    pub fn start(&mut self, project: &Project, layer: &str) -> Result<(), CorpusError> {
        self.cancel();
        let labels = corpus::labels(project, &[])?;
        let snapshot = project.clone();
        let options = LearnOptions::for_labels(labels.len());
        // Progress counts label trainings; feature extraction is quick beside them.
        let total = options.steps(labels.len(), snapshot.documents.len());
        let (layer_name, save_to) = (layer.to_string(), self.save_to.clone());
        self.job = Some(Job::spawn(total, move |d, c| {
            let corpus = corpus::corpus(&snapshot, &layer_name, &labels);
            if corpus.span_count() == 0 {
                return Done::Nothing;
            }
            let progress = || {
                d.fetch_add(1, Ordering::Relaxed);
            };
            let stop = || c.load(Ordering::Relaxed);
            let model = super::train(&corpus, &options, &Hooks { progress: &progress, cancel: &stop });
            if c.load(Ordering::Relaxed) {
                return Done::Nothing;
            }
            // Ordered here, off the window's thread: it predicts every document.
            let order = ordered(&snapshot, &model, &AtomicUsize::new(0), c);
            if c.load(Ordering::Relaxed) {
                return Done::Nothing;
            }
            let saved = save_to.map(|path| match super::file::save(&model, &path) {
                Ok(_) => Ok(path),
                Err(err) => Err(err.to_string()),
            });
            Done::Model { model: Box::new(model), order, saved, read_from: None }
        }));
        self.layer = Some(layer.to_string());
        self.changes = 0;
        Ok(())
    }

    /// Reads the model saved at `path` on a thread of its own, if the file exists, and
    /// checks it against the project (format version and label set): a model that fits
    /// becomes the current one, learning from `layer` when trained again (else from the
    /// layer it was trained on); one that does not is refused ([`Outcome::Refused`]).
    /// Returns whether there was a file to read.
    pub fn load(&mut self, path: &Path, project: &Project, layer: Option<&str>) -> bool {
        if !path.is_file() {
            return false;
        }
        self.cancel();
        let (path, snapshot) = (path.to_path_buf(), project.clone());
        let total = project.documents.len() + 1;
        self.job = Some(Job::spawn(total, move |d, c| {
            let model = match super::file::load(&path) {
                Ok(model) => model,
                Err(err) => return Done::Refused(err.to_string()),
            };
            if let Err(err) = super::file::check_labels(&model, &snapshot) {
                return Done::Refused(format!("{}: {err}", path.display()));
            }
            d.fetch_add(1, Ordering::Relaxed);
            let order = ordered(&snapshot, &model, d, c);
            if c.load(Ordering::Relaxed) {
                return Done::Nothing;
            }
            Done::Model { model: Box::new(model), order, saved: None, read_from: Some(path) }
        }));
        if let Some(job) = &mut self.job {
            job.reading = true;
        }
        self.layer = layer.map(str::to_string);
        self.changes = 0;
        true
    }

    /// Starts suggesting with the current model in the documents `docs` of a snapshot of
    /// the project, for the labels `labels`, over the cores; a suggesting already running
    /// is cancelled first. Returns false when there is no model yet.
    pub fn suggest(&mut self, project: &Project, docs: Vec<DocId>, labels: Vec<LabelId>) -> bool {
        let Some(model) = self.model.clone() else { return false };
        self.cancel_suggesting();
        let snapshot = project.clone();
        self.suggesting = Some(Job::spawn(docs.len(), move |d, c| {
            let found = suggest_in(&snapshot, &docs, &model, &labels, d, c);
            if c.load(Ordering::Relaxed) { Done::Nothing } else { Done::Suggestions(found) }
        }));
        true
    }

    /// The share of the running training done, 0..1, if one runs (not while a saved model
    /// is read: that is quiet).
    pub fn progress(&self) -> Option<f32> {
        self.job.as_ref().filter(|j| !j.reading).map(Job::progress)
    }

    /// The share of the documents suggested in so far, 0..1, while suggesting.
    pub fn suggesting_progress(&self) -> Option<f32> {
        self.suggesting.as_ref().map(Job::progress)
    }

    /// Whether a training, a reading or a suggesting is running.
    pub fn busy(&self) -> bool {
        self.job.is_some() || self.suggesting.is_some()
    }

    /// Asks the running training to stop; [`Learner::poll`] reports it cancelled.
    pub fn cancel(&mut self) {
        if let Some(job) = &self.job {
            job.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Asks the running suggesting to stop; nothing it found is reported.
    pub fn cancel_suggesting(&mut self) {
        if let Some(job) = &self.suggesting {
            job.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Takes in a finished job, if one finished since the last call (one per call).
    pub fn poll(&mut self) -> Option<Outcome> {
        if self.job.as_ref().is_some_and(|j| j.handle.is_finished()) {
            let job = self.job.take()?;
            return Some(self.take_in(job, false));
        }
        if self.suggesting.as_ref().is_some_and(|j| j.handle.is_finished()) {
            let job = self.suggesting.take()?;
            return Some(self.take_in(job, true));
        }
        None
    }

    fn take_in(&mut self, job: Job, suggesting: bool) -> Outcome {
        let cancelled = job.cancel.load(Ordering::Relaxed);
        match job.handle.join() {
            Ok(Done::Model { model, order, saved, read_from }) => {
                let (labels, spans) = (model.labels.len(), model.info.spans);
                if self.layer.is_none() {
                    self.layer = Some(model.info.layer.clone());
                }
                self.model = Some(Arc::from(model));
                self.order = order;
                self.order_version += 1;
                match read_from {
                    Some(path) => Outcome::Loaded { path, labels },
                    None => Outcome::Trained { labels, spans, saved },
                }
            }
            Ok(Done::Suggestions(found)) => Outcome::Suggested(found),
            Ok(Done::Refused(why)) => Outcome::Refused(why),
            Ok(Done::Nothing) if cancelled && suggesting => Outcome::SuggestingCancelled,
            Ok(Done::Nothing) if cancelled => Outcome::Cancelled,
            Ok(Done::Nothing) => Outcome::Trained { labels: 0, spans: 0, saved: None },
            Err(_) => Outcome::Crashed,
        }
    }

    /// Blocks until the running jobs end, then takes in the first that ended (for tests
    /// and closing; call again for the other).
    pub fn wait(&mut self) -> Option<Outcome> {
        while [&self.job, &self.suggesting]
            .iter()
            .any(|j| j.as_ref().is_some_and(|j| !j.handle.is_finished()))
        {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        self.poll()
    }

    /// The documents most uncertain first under the current model (as the project was when
    /// it was trained; empty before a model exists).
    pub fn uncertain_order(&self) -> &[DocId] {
        &self.order
    }

    /// A number that changes each time [`Learner::uncertain_order`] does.
    pub fn order_version(&self) -> u64 {
        self.order_version
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
            Some(layer) if due && self.job.is_none() => self.start(project, &layer).is_ok(),
            _ => false,
        }
    }
}

/// `work` on each document of `docs` (those still in the project), over the cores,
/// results in the order of `docs`; `done` counts the documents done, and `cancel` stops the
/// work between two documents.
fn per_document<T: Send>(
    project: &Project,
    docs: &[DocId],
    work: impl Fn(&crate::model::Document) -> T + Sync,
    done: &AtomicUsize,
    cancel: &AtomicBool,
) -> Vec<(usize, T)> {
    let next = AtomicUsize::new(0);
    let worker = || {
        let mut out = Vec::new();
        while !cancel.load(Ordering::Relaxed) {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(id) = docs.get(i) else { break };
            if let Some(doc) = project.document(id) {
                out.push((i, work(doc)));
            }
            done.fetch_add(1, Ordering::Relaxed);
        }
        out
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    let mut out: Vec<(usize, T)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads).map(|_| scope.spawn(worker)).collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    });
    out.sort_by_key(|(i, _)| *i);
    out
}

/// The model's suggestions in `docs` of the project, in their order, over the cores (see
/// [`per_document`]).
fn suggest_in(
    project: &Project,
    docs: &[DocId],
    model: &Model,
    labels: &[LabelId],
    done: &AtomicUsize,
    cancel: &AtomicBool,
) -> Vec<(DocId, Suggestion)> {
    let suggest = |doc: &crate::model::Document| {
        super::apply::suggest_text(model, &doc.text, &project.patterns, labels)
    };
    per_document(project, docs, suggest, done, cancel)
        .into_iter()
        .filter_map(|(i, found)| Some((docs.get(i)?.clone(), found)))
        .flat_map(|(id, found)| found.into_iter().map(move |s| (id.clone(), s)))
        .collect()
}

/// How uncertain the model is about a document: the distance to 0.5 of the score of its
/// least certain prediction (0 is the most uncertain); `None` for a document without
/// predictions.
pub fn uncertainty(model: &Model, text: &str, patterns: &[crate::model::Pattern]) -> Option<f32> {
    least_certain(&model.predict(text, patterns))
}

/// The distance to 0.5 of the least certain of `predicted`, if any.
fn least_certain(predicted: &[Predicted]) -> Option<f32> {
    predicted.iter().map(|p| (p.score - 0.5).abs()).reduce(f32::min)
}

/// The project's documents, most uncertain first, documents without predictions last
/// (ties in document order); predicted over the cores.
pub fn most_uncertain_first(project: &Project, model: &Model) -> Vec<DocId> {
    ordered(project, model, &AtomicUsize::new(0), &AtomicBool::new(false))
}

/// [`most_uncertain_first`], counting the documents predicted in `done` and stopping early
/// (with a partial order) when `cancel` is raised.
fn ordered(project: &Project, model: &Model, done: &AtomicUsize, cancel: &AtomicBool) -> Vec<DocId> {
    let ids: Vec<DocId> = project.documents.iter().map(|d| d.id.clone()).collect();
    let score = |doc: &crate::model::Document| uncertainty(model, &doc.text, &project.patterns);
    let mut scored: Vec<(f32, usize)> = per_document(project, &ids, score, done, cancel)
        .into_iter()
        .map(|(i, score)| (score.unwrap_or(f32::INFINITY), i))
        .collect();
    scored.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    scored.into_iter().filter_map(|(_, i)| ids.get(i).cloned()).collect()
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
        let score = |id: &DocId| {
            uncertainty(model, &project.document(id).unwrap().text, &[]).unwrap_or(f32::INFINITY)
        };
        for pair in order.windows(2) {
            assert!(score(&pair[0]) <= score(&pair[1]));
        }
        // Documents the model finds nothing in come last.
        let mut with_empty = project.clone();
        let empty = crate::model::Document::new(DocId::new("empty"), "empty", String::new());
        with_empty.documents.insert(0, Arc::new(empty));
        let order = most_uncertain_first(&with_empty, model);
        let at = order.iter().position(|id| id.as_str() == "empty").unwrap();
        let predicted =
            |id: &DocId| uncertainty(model, &with_empty.document(id).unwrap().text, &[]).is_some();
        assert!(order[..at].iter().all(predicted), "every document with predictions comes before it");
        assert!(!order[at..].iter().any(predicted), "{order:?}");
    }

    fn trained(project: &Project, save_to: Option<PathBuf>) -> Learner {
        let mut learner = Learner { save_to, ..Learner::default() };
        learner.start(project, "analyst").unwrap();
        assert!(matches!(learner.wait(), Some(Outcome::Trained { labels: 3, .. })));
        learner
    }

    #[test]
    fn suggests_in_the_background_as_the_command_line_does() {
        let project = project(60);
        let mut learner = trained(&project, None);
        let labels: Vec<LabelId> = ["t01", "t02", "t03"].into_iter().map(LabelId::new).collect();
        let docs: Vec<DocId> = project.documents.iter().map(|d| d.id.clone()).collect();
        assert!(learner.suggest(&project, docs, labels.clone()));
        assert!(learner.suggesting_progress().is_some_and(|p| (0.0..=1.0).contains(&p)));
        let Some(Outcome::Suggested(found)) = learner.wait() else { panic!("suggestions") };
        let model = learner.model().unwrap();
        assert!(!found.is_empty());
        assert_eq!(found, crate::learn::apply::suggest_project(&project, model, &labels));
        assert!(!learner.busy());
    }

    #[test]
    fn a_cancelled_suggesting_reports_nothing() {
        let project = project(400);
        let mut learner = trained(&project, None);
        let docs: Vec<DocId> = project.documents.iter().map(|d| d.id.clone()).collect();
        assert!(learner.suggest(&project, docs, Vec::new()));
        learner.cancel_suggesting();
        assert!(matches!(learner.wait(), Some(Outcome::SuggestingCancelled)));
        // No model, no suggesting.
        assert!(!Learner::default().suggest(&project, Vec::new(), Vec::new()));
    }

    #[test]
    fn a_saved_model_is_read_back_or_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.model");
        let project = project(40);
        let mut learner = Learner { save_to: Some(path.clone()), ..Learner::default() };
        learner.start(&project, "analyst").unwrap();
        let Some(Outcome::Trained { saved: Some(Ok(saved)), .. }) = learner.wait() else { panic!("saved") };
        assert_eq!(saved, path);
        let mut again = Learner::default();
        assert!(!again.load(&dir.path().join("none.model"), &project, None), "no file, nothing read");
        assert!(again.load(&path, &project, Some("analyst")));
        assert!(matches!(again.wait(), Some(Outcome::Loaded { labels: 3, .. })));
        assert_eq!(again.model().unwrap().labels, learner.model().unwrap().labels);
        assert_eq!(again.uncertain_order(), learner.uncertain_order());
        // Another label set: refused with the reason, no model kept.
        let other = synthetic::project(&Shape {
            paragraphs: 5,
            labels: 2,
            spans_per_paragraph: 1.0,
            words: 10,
            seed: 3,
        });
        let mut renamed = other.clone();
        for label in &mut renamed.labels {
            label.id = LabelId::new(format!("x{}", label.id.as_str()));
        }
        let mut refused = Learner::default();
        assert!(refused.load(&path, &renamed, Some("analyst")));
        let Some(Outcome::Refused(why)) = refused.wait() else { panic!("refused") };
        assert!(why.contains("another label set"), "{why}");
        assert!(refused.model().is_none());
        // Another format version: refused too.
        let mut bytes = std::fs::read(&path).unwrap();
        bytes[crate::learn::file::MAGIC.len()] = 99;
        std::fs::write(&path, bytes).unwrap();
        assert!(refused.load(&path, &project, Some("analyst")));
        let Some(Outcome::Refused(why)) = refused.wait() else { panic!("refused") };
        assert!(why.contains("format 99"), "{why}");
    }
}
