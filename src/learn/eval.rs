//! `hashiya learn --eval`: cross-validated precision, recall and F1 of the learner, per
//! label and overall (micro average), exact and partial (see [`super::decode`]), beside the
//! paste-back baseline on the same folds, and a learning curve.
//!
//! The documents are put in a fixed pseudo-random order and dealt into `folds` parts; each
//! part is predicted by a model trained on the others, whose thresholds were chosen by
//! cross-validation inside its own training documents (so no threshold ever saw the part it
//! is scored on). The learning curve trains on the first 10, 25 and 50% of each fold's
//! training documents (in that order) and scores the same held-out part; 100% is the main
//! result.

use super::corpus::Corpus;
use super::decode::{self, Counts, Prf};
use super::lexicon::SpanLexicon;
use super::{Hooks, LearnOptions, labelled, split, train_on};
use crate::model::CharRange;
use serde::Serialize;

/// How the evaluation runs.
#[derive(Clone, Debug)]
pub struct EvalOptions {
    pub folds: usize,
    pub learn: LearnOptions,
    /// Shares of the training documents for the learning curve (1.0 is the main result).
    pub curve: Vec<f64>,
}

impl Default for EvalOptions {
    fn default() -> Self {
        Self { folds: 5, learn: LearnOptions::default(), curve: vec![0.1, 0.25, 0.5, 1.0] }
    }
}

/// Exact and partial scores.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Scores {
    pub predicted: usize,
    pub gold: usize,
    pub exact: Prf,
    pub partial: Prf,
}

impl From<&Counts> for Scores {
    fn from(c: &Counts) -> Self {
        Self { predicted: c.predicted, gold: c.gold, exact: c.exact(), partial: c.partial() }
    }
}

/// One label's scores.
#[derive(Clone, Debug, Serialize)]
pub struct LabelScores {
    pub label: String,
    pub model: Scores,
    pub baseline: Scores,
}

/// One point of the learning curve.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct CurvePoint {
    pub share: f64,
    /// Training documents per fold (the mean over folds, rounded).
    pub documents: usize,
    pub exact_f1: f64,
    pub partial_f1: f64,
}

/// The whole evaluation.
#[derive(Clone, Debug, Serialize)]
pub struct EvalReport {
    pub layer: String,
    pub documents: usize,
    pub spans: usize,
    pub folds: usize,
    pub labels: Vec<LabelScores>,
    pub overall: Scores,
    /// The paste-back baseline: every training span's text marked wherever it occurs.
    pub baseline: Scores,
    pub curve: Vec<CurvePoint>,
}

/// The documents in a fixed pseudo-random order.
fn order(n: usize) -> Vec<usize> {
    let mut keyed: Vec<(u64, usize)> = (0..n)
        .map(|i| {
            let mut h = (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            h ^= h >> 29;
            (h.wrapping_mul(0xBF58_476D_1CE4_E5B9), i)
        })
        .collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// Per-label counts of a model trained on `train` predicting `test`.
fn score_model(
    corpus: &Corpus,
    train: &[usize],
    test: &[usize],
    options: &LearnOptions,
    hooks: &Hooks<'_>,
) -> Vec<Counts> {
    let model = train_on(corpus, train, options, hooks);
    let mut total = vec![Counts::default(); corpus.labels.len()];
    for doc in test.iter().filter_map(|&d| corpus.docs.get(d)) {
        let predicted: Vec<(usize, CharRange)> =
            model.predict_features(&doc.text).into_iter().map(|p| (p.label, p.range)).collect();
        add_all(&mut total, &decode::count(corpus.labels.len(), &predicted, &doc.spans));
    }
    total
}

fn add_all(total: &mut [Counts], more: &[Counts]) {
    for (t, m) in total.iter_mut().zip(more) {
        t.add(m);
    }
}

fn sum(counts: &[Counts]) -> Counts {
    let mut total = Counts::default();
    for c in counts {
        total.add(c);
    }
    total
}

/// Label trainings [`evaluate`] runs (for progress).
pub fn steps(corpus: &Corpus, options: &EvalOptions) -> usize {
    let n = corpus.docs.len();
    let per = |docs: usize| options.learn.steps(corpus.labels.len(), docs);
    let folds = options.folds.clamp(2, n.max(2));
    let train = n - n / folds;
    options.curve.iter().map(|s| per(((train as f64 * s).ceil() as usize).max(1))).sum::<usize>() * folds
}

/// Cross-validates the learner and the baseline on the corpus.
pub fn evaluate(corpus: &Corpus, options: &EvalOptions, hooks: &Hooks<'_>) -> EvalReport {
    let labels = corpus.labels.len();
    let docs = order(corpus.docs.len());
    let folds = options.folds.clamp(2, docs.len().max(2));
    let mut model = vec![Counts::default(); labels];
    let mut baseline = vec![Counts::default(); labels];
    let mut curve: Vec<(Counts, usize)> = vec![(Counts::default(), 0); options.curve.len()];
    for fold in 0..folds {
        let (train, test) = split(&docs, folds, fold);
        if train.is_empty() || test.is_empty() {
            continue;
        }
        let lexicon = SpanLexicon::build(&labelled(corpus, &train));
        for doc in test.iter().filter_map(|&d| corpus.docs.get(d)) {
            add_all(&mut baseline, &decode::count(labels, &lexicon.paste_back(&doc.text), &doc.spans));
        }
        for (point, &share) in curve.iter_mut().zip(&options.curve) {
            let take = ((train.len() as f64 * share).ceil() as usize).clamp(1, train.len());
            let part = train.get(..take).unwrap_or(&train);
            let counts = score_model(corpus, part, &test, &options.learn, hooks);
            point.0.add(&sum(&counts));
            point.1 += take;
            if take == train.len() && share >= 1.0 {
                add_all(&mut model, &counts);
            }
        }
        if (hooks.cancel)() {
            break;
        }
    }
    let names = corpus.labels.iter().map(|l| l.as_str().to_string());
    EvalReport {
        layer: corpus.layer.clone(),
        documents: corpus.docs.len(),
        spans: corpus.span_count(),
        folds,
        labels: names
            .zip(model.iter().zip(&baseline))
            .map(|(label, (m, b))| LabelScores { label, model: m.into(), baseline: b.into() })
            .collect(),
        overall: (&sum(&model)).into(),
        baseline: (&sum(&baseline)).into(),
        curve: curve
            .iter()
            .zip(&options.curve)
            .map(|((c, n), &share)| CurvePoint {
                share,
                documents: (*n as f64 / folds as f64).round() as usize,
                exact_f1: c.exact().f1,
                partial_f1: c.partial().f1,
            })
            .collect(),
    }
}
