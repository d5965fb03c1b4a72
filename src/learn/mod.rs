//! Learning from the analyst: an offline span labeller trained on a layer's own spans,
//! whose predictions come back as suggestions (`hashiya learn`, `hashiya suggest --model`).
//!
//! - [`apply`]: a model's spans as suggestions (rule `model`, with a score);
//! - [`background`]: training on its own thread for the window, retraining after changes,
//!   and the most-uncertain-first order of documents;
//! - [`features`]: hashed token features for Arabic (folding, clitics, affixes, character
//!   trigrams, shape, neighbours, quotes, place in the sentence and clause, lexicons);
//! - [`lexicon`]: the training spans' own texts, as features and as the paste-back baseline;
//! - [`corpus`]: which layer, documents and spans are learned from;
//! - [`tagger`]: one logistic classifier per label over the tokens (so spans of different
//!   labels may overlap), trained by averaged stochastic gradient descent;
//! - [`decode`]: spans from token marginals above a threshold per label, and the exact and
//!   partial (SemEval) span measures;
//! - [`eval`]: cross-validation, learning curve and the baseline (`--eval`);
//! - [`file`]: the model file (versioned, with its label set);
//! - [`synthetic`]: generated corpora for tests and benches.
//!
//! The thresholds are chosen by cross-validation inside the training data ([`fit`]): the
//! training documents are split in parts, each part is predicted by a tagger trained on the
//! others, and each label's threshold is the one that maximizes the micro-averaged partial
//! F1 over those predictions. They are stored in the model. Nothing here knows about egui.

pub mod apply;
pub mod background;
pub mod corpus;
pub mod decode;
pub mod eval;
pub mod features;
pub mod file;
pub mod lexicon;
pub mod synthetic;
pub mod tagger;

use crate::model::{CharRange, Pattern};
use corpus::{Corpus, CorpusDoc};
use decode::{Counts, Cut, Predicted};
use features::TextFeatures;
use lexicon::{Labelled, SpanLexicon};
use tagger::{Matrix, Tagger, TrainOptions};

/// How a model is trained.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LearnOptions {
    pub train: TrainOptions,
    /// Parts the training documents are split into to choose the thresholds.
    pub inner_folds: usize,
}

impl Default for LearnOptions {
    fn default() -> Self {
        Self { train: TrainOptions::default(), inner_folds: 5 }
    }
}

impl LearnOptions {
    /// The options for `labels` labels: the weight table shrinks for many labels so the
    /// model file stays under 20 MB.
    pub fn for_labels(labels: usize) -> Self {
        let mut options = Self::default();
        options.train.bits = if labels <= 36 { 18 } else { 17 };
        options
    }

    /// Label trainings one [`fit`] runs (for progress).
    pub fn steps(&self, labels: usize, docs: usize) -> usize {
        let inner = if docs >= 2 { self.inner_folds.min(docs) } else { 0 };
        labels * (inner + 1)
    }
}

/// Told of progress (one label trained) and asked whether to stop.
pub struct Hooks<'a> {
    pub progress: &'a (dyn Fn() + Sync),
    pub cancel: &'a (dyn Fn() -> bool + Sync),
}

impl Hooks<'_> {
    pub fn none() -> Hooks<'static> {
        Hooks { progress: &|| {}, cancel: &|| false }
    }
}

/// A trained model: its labels, weights, cuts (thresholds) and the training spans' texts.
#[derive(Clone, Debug)]
pub struct Model {
    pub labels: Vec<String>,
    pub cuts: Vec<Cut>,
    pub tagger: Tagger,
    pub lexicon: SpanLexicon,
    pub info: file::ModelInfo,
}

/// A tagger and lexicon trained on some documents.
struct Fitted {
    tagger: Tagger,
    lexicon: SpanLexicon,
}

fn labelled<'a>(corpus: &'a Corpus, docs: &[usize]) -> Vec<Labelled<'a>> {
    docs.iter()
        .filter_map(|&i| corpus.docs.get(i))
        .map(|d| Labelled { text: &d.text, spans: &d.spans })
        .collect()
}

/// Bit masks of the labels each token is inside of.
fn masks(doc: &CorpusDoc, spans: &[(usize, CharRange)]) -> Vec<u64> {
    let mut out = vec![0u64; doc.text.len()];
    for &(label, range) in spans {
        for i in lexicon::tokens_in(&doc.text, range) {
            if let Some(m) = out.get_mut(i) {
                *m |= 1u64 << label;
            }
        }
    }
    out
}

/// Trains on the documents `docs` of the corpus. The span-text features of each training
/// document come from the spans of the other documents (in four parts), as they will for
/// unseen text.
fn fit(corpus: &Corpus, docs: &[usize], options: &TrainOptions, hooks: &Hooks<'_>) -> Fitted {
    let names: Vec<String> = corpus.labels.iter().map(|l| l.as_str().to_string()).collect();
    let parts = 4.min(docs.len());
    let mut extra: Vec<Vec<Vec<u32>>> = vec![Vec::new(); docs.len()];
    if parts >= 2 {
        for part in 0..parts {
            let others: Vec<usize> =
                docs.iter().enumerate().filter(|(k, _)| k % parts != part).map(|(_, &d)| d).collect();
            let lex = SpanLexicon::build(&labelled(corpus, &others));
            for (k, &d) in docs.iter().enumerate().filter(|(k, _)| k % parts == part) {
                if let (Some(slot), Some(doc)) = (extra.get_mut(k), corpus.docs.get(d)) {
                    *slot = lex.features(&doc.text, &names);
                }
            }
        }
    }
    let mask = (1u32 << options.bits) - 1;
    let mut m = Matrix::new();
    for (k, &d) in docs.iter().enumerate() {
        let Some(doc) = corpus.docs.get(d) else { continue };
        let inside = masks(doc, &doc.spans);
        let rejected = masks(doc, &doc.rejected);
        for i in 0..doc.text.len() {
            let more = extra.get(k).and_then(|e| e.get(i)).map_or(&[][..], Vec::as_slice);
            m.push(
                doc.text.of(i).iter().chain(more).copied(),
                mask,
                inside.get(i).copied().unwrap_or(0),
                rejected.get(i).copied().unwrap_or(0),
            );
        }
    }
    let tagger = Tagger::train(&m, corpus.labels.len(), options, hooks.progress, hooks.cancel);
    Fitted { tagger, lexicon: SpanLexicon::build(&labelled(corpus, docs)) }
}

/// Token probabilities (token-major) of a text under a tagger and lexicon.
pub fn probabilities(
    tagger: &Tagger,
    lexicon: &SpanLexicon,
    labels: &[String],
    text: &TextFeatures,
) -> Vec<f32> {
    let extra = lexicon.features(text, labels);
    let mut out = vec![0f32; text.len() * labels.len()];
    for (i, row) in out.chunks_mut(labels.len().max(1)).enumerate() {
        let more = extra.get(i).map_or(&[][..], Vec::as_slice);
        tagger.score(text.of(i).iter().chain(more).copied(), row);
    }
    out
}

/// The candidate thresholds; above 1 means the label is never predicted.
pub const THRESHOLDS: [f32; 25] = [
    0.02, 0.04, 0.06, 0.08, 0.1, 0.13, 0.16, 0.2, 0.24, 0.28, 0.32, 0.36, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65,
    0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01,
];

/// The candidate `extend` factors of a cut.
pub const EXTENDS: [f32; 3] = [1.0, 0.6, 0.35];

/// Every candidate cut: each threshold with each factor, then pasting back.
pub fn candidates() -> Vec<Cut> {
    EXTENDS
        .iter()
        .flat_map(|&extend| {
            THRESHOLDS.iter().map(move |&threshold| Cut { threshold, extend, paste_back: false })
        })
        .chain(std::iter::once(Cut::paste()))
        .collect()
}

/// Held-out predictions: each document's token probabilities and pasted-back spans.
struct Held {
    doc: usize,
    probs: Vec<f32>,
    pasted: Vec<(usize, CharRange)>,
}

/// Per label and candidate cut, the counts of the held-out predictions against the
/// documents' spans.
fn counts_by_cut(corpus: &Corpus, held: &[Held]) -> Vec<Vec<Counts>> {
    let labels = corpus.labels.len();
    let candidates = candidates();
    let mut table = vec![vec![Counts::default(); candidates.len()]; labels];
    for (c, &cut) in candidates.iter().enumerate() {
        let cuts = vec![cut; labels];
        for h in held {
            let Some(doc) = corpus.docs.get(h.doc) else { continue };
            let predicted: Vec<(usize, CharRange)> = if cut.paste_back {
                h.pasted.clone()
            } else {
                decode::decode(&doc.text, &h.probs, &cuts).into_iter().map(|s| (s.label, s.range)).collect()
            };
            for (l, counts) in decode::count(labels, &predicted, &doc.spans).iter().enumerate() {
                if let Some(cell) = table.get_mut(l).and_then(|row| row.get_mut(c)) {
                    cell.add(counts);
                }
            }
        }
    }
    table
}

/// The cuts (one per label, columns of the table as [`candidates`]) that maximize the
/// micro partial F1 over the table, by coordinate ascent from each label's own best.
pub fn choose_cuts(table: &[Vec<Counts>]) -> Vec<Cut> {
    let candidates = candidates();
    let best_alone = |row: &Vec<Counts>| {
        (0..row.len())
            .max_by(|&a, &b| {
                let f = |i: usize| row.get(i).map_or(0.0, |c| c.partial().f1);
                f(a).total_cmp(&f(b)).then(b.cmp(&a))
            })
            .unwrap_or(0)
    };
    let mut pick: Vec<usize> = table.iter().map(best_alone).collect();
    let micro = |pick: &[usize]| {
        let mut total = Counts::default();
        for (row, &c) in table.iter().zip(pick) {
            if let Some(cell) = row.get(c) {
                total.add(cell);
            }
        }
        total.partial().f1
    };
    for _round in 0..4 {
        let mut changed = false;
        for l in 0..table.len() {
            let mut best = (micro(&pick), pick.get(l).copied().unwrap_or(0));
            for c in 0..candidates.len() {
                let mut trial = pick.clone();
                if let Some(slot) = trial.get_mut(l) {
                    *slot = c;
                }
                let f = micro(&trial);
                if f > best.0 + 1e-9 {
                    best = (f, c);
                }
            }
            if pick.get(l) != Some(&best.1) {
                changed = true;
                if let Some(slot) = pick.get_mut(l) {
                    *slot = best.1;
                }
            }
        }
        if !changed {
            break;
        }
    }
    pick.iter().map(|&c| candidates.get(c).copied().unwrap_or(Cut::at(0.5))).collect()
}

/// Splits `docs` into `folds` parts by position.
pub fn split(docs: &[usize], folds: usize, fold: usize) -> (Vec<usize>, Vec<usize>) {
    let (mut train, mut test) = (Vec::new(), Vec::new());
    for (k, &d) in docs.iter().enumerate() {
        if k % folds == fold { test.push(d) } else { train.push(d) }
    }
    (train, test)
}

/// Trains on `docs` with thresholds chosen by cross-validation inside them.
pub fn train_on(corpus: &Corpus, docs: &[usize], options: &LearnOptions, hooks: &Hooks<'_>) -> Model {
    let names: Vec<String> = corpus.labels.iter().map(|l| l.as_str().to_string()).collect();
    let inner = options.inner_folds.min(docs.len());
    let cuts = if inner >= 2 {
        let mut held: Vec<Held> = Vec::new();
        for fold in 0..inner {
            let (train, test) = split(docs, inner, fold);
            let fitted = fit(corpus, &train, &options.train, hooks);
            for d in test {
                if let Some(doc) = corpus.docs.get(d) {
                    held.push(Held {
                        doc: d,
                        probs: probabilities(&fitted.tagger, &fitted.lexicon, &names, &doc.text),
                        pasted: fitted.lexicon.paste_back(&doc.text),
                    });
                }
            }
        }
        choose_cuts(&counts_by_cut(corpus, &held))
    } else {
        vec![Cut::at(0.5); names.len()]
    };
    let fitted = fit(corpus, docs, &options.train, hooks);
    let info = file::ModelInfo {
        layer: corpus.layer.clone(),
        documents: docs.len(),
        spans: docs.iter().filter_map(|&d| corpus.docs.get(d)).map(|d| d.spans.len()).sum(),
    };
    Model { labels: names, cuts, tagger: fitted.tagger, lexicon: fitted.lexicon, info }
}

/// Trains on the whole corpus.
pub fn train(corpus: &Corpus, options: &LearnOptions, hooks: &Hooks<'_>) -> Model {
    let docs: Vec<usize> = (0..corpus.docs.len()).collect();
    train_on(corpus, &docs, options, hooks)
}

impl Model {
    /// The spans the model finds in a text (with the project's `patterns`), as (label
    /// index into [`Model::labels`], range, score).
    pub fn predict(&self, text: &str, patterns: &[Pattern]) -> Vec<Predicted> {
        let ids: Vec<crate::model::LabelId> =
            self.labels.iter().map(|l| crate::model::LabelId::new(l.as_str())).collect();
        let features = corpus::text_features(text, patterns, &ids);
        self.predict_features(&features)
    }

    /// The spans the model finds in a text already turned into features.
    pub fn predict_features(&self, text: &TextFeatures) -> Vec<Predicted> {
        let probs = probabilities(&self.tagger, &self.lexicon, &self.labels, text);
        let mut out = decode::decode(text, &probs, &self.cuts);
        if self.cuts.iter().any(|c| c.paste_back) {
            for (label, range) in self.lexicon.paste_back(text) {
                if self.cuts.get(label).is_some_and(|c| c.paste_back) {
                    // Scored by the tagger's probabilities of its tokens.
                    out.push(Predicted {
                        label,
                        range,
                        score: score_of(&probs, self.labels.len(), text, label, range),
                    });
                }
            }
            out.sort_by_key(|s| (s.range.start, s.range.end, s.label));
        }
        out
    }
}

/// The mean probability of the tokens of `range` for `label`.
fn score_of(probs: &[f32], labels: usize, text: &TextFeatures, label: usize, range: CharRange) -> f32 {
    let tokens = lexicon::tokens_in(text, range);
    let n = tokens.len().max(1) as f32;
    tokens.map(|i| probs.get(i * labels + label).copied().unwrap_or(0.0)).sum::<f32>() / n
}

#[cfg(test)]
mod tests;
