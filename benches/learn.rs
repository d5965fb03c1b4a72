//! Learner benchmark on generated data the size of the persuasion-technique corpora it is
//! meant for (`hashiya::learn::synthetic::Shape::persuasion`: 1,300 paragraphs, about
//! 260,000 characters, 2,400 spans, 23 labels): training with thresholds chosen by
//! cross-validation (target <= 120 s on two cores), predicting 700 unseen paragraphs
//! (target <= 5 s), the model file's size (target <= 20 MB), and the partial F1 on those
//! paragraphs beside the paste-back baseline.
//!
//! Run with `cargo bench --bench learn`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A benchmark fails loudly.

use hashiya::learn::decode::{self, Counts};
use hashiya::learn::synthetic::{self, Shape};
use hashiya::learn::{Hooks, LearnOptions, apply, corpus, file};
use hashiya::model::{CharRange, LabelId};
use std::time::Instant;

fn main() {
    let shape = Shape::persuasion();
    let project = synthetic::project(&shape);
    let chars: usize = project.documents.iter().map(|d| d.text.chars().count()).sum();
    let labels: Vec<LabelId> = project.labels.iter().map(|l| l.id.clone()).collect();
    let start = Instant::now();
    let corpus = corpus::corpus(&project, "analyst", &labels);
    let model = hashiya::learn::train(&corpus, &LearnOptions::for_labels(labels.len()), &Hooks::none());
    let train = start.elapsed().as_secs_f64();
    println!(
        "train: {} paragraphs, {chars} characters, {} spans, {} labels: {train:.1} s (target <= 120 s)",
        corpus.docs.len(),
        corpus.span_count(),
        labels.len()
    );
    let bytes = file::to_bytes(&model).len();
    println!("model file: {:.1} MB (target <= 20 MB)", bytes as f64 / 1e6);

    let unseen = synthetic::project(&Shape { paragraphs: 700, seed: 4242, ..shape });
    let start = Instant::now();
    let found = apply::suggest_project(&unseen, &model, &labels);
    let predict = start.elapsed().as_secs_f64();
    println!("predict: 700 paragraphs, {} suggestions: {predict:.2} s (target <= 5 s)", found.len());

    let test = corpus::corpus(&unseen, "analyst", &labels);
    let (mut learned, mut pasted) = (Counts::default(), Counts::default());
    for doc in &test.docs {
        let predicted: Vec<(usize, CharRange)> =
            model.predict_features(&doc.text).into_iter().map(|p| (p.label, p.range)).collect();
        for c in decode::count(labels.len(), &predicted, &doc.spans) {
            learned.add(&c);
        }
        for c in decode::count(labels.len(), &model.lexicon.paste_back(&doc.text), &doc.spans) {
            pasted.add(&c);
        }
    }
    println!(
        "partial F1 on the unseen paragraphs: model {:.3} (P {:.3} R {:.3}), paste-back {:.3}",
        learned.partial().f1,
        learned.partial().precision,
        learned.partial().recall,
        pasted.partial().f1
    );
}
