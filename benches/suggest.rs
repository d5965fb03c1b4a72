//! Suggestion benchmark: the built-in rules for all three labels (figure, claim, denial)
//! over the generated project of 10,000 articles (~2.5 KB of Arabic each) that the store
//! benchmark uses, and adding the suggestions to a layer. Target: <= 2 s for the rules.
//!
//! Run with `cargo bench --bench suggest`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A benchmark fails loudly.

#[path = "../tests/common/mod.rs"]
mod common;

use hashiya::model::{LabelId, Timestamp};
use hashiya::suggest;
use std::time::{Duration, Instant};

const ARTICLES: usize = 10_000;
const ARTICLE_BYTES: usize = 2_500;
const SPANS: usize = 20;
const RUNS: usize = 3;

fn main() {
    let project = common::generated_project("bench", ARTICLES, ARTICLE_BYTES, SPANS, 1);
    let labels: Vec<LabelId> = suggest::BUILTIN_LABELS.iter().map(|l| LabelId::new(*l)).collect();
    // The lexicons are read once per process; do it outside the timing.
    let _ = suggest::suggest_text("قتل 12 مدنياً", &labels, &[]);
    let mut times: Vec<Duration> = Vec::new();
    let mut found = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        found = suggest::suggest_project(&project, &labels);
        times.push(start.elapsed());
    }
    times.sort();
    let median = times[RUNS / 2];
    let mut counts = std::collections::BTreeMap::new();
    for (_, s) in &found {
        *counts.entry(s.label.as_str().to_string()).or_insert(0usize) += 1;
    }
    println!(
        "suggest (figure, claim, denial) over {ARTICLES} articles: median {:.3} s (min {:.3} s, max {:.3} s); {} suggestions {counts:?}; target <= 2 s",
        median.as_secs_f64(),
        times[0].as_secs_f64(),
        times[RUNS - 1].as_secs_f64(),
        found.len()
    );
    let mut copy = project.clone();
    let start = Instant::now();
    let added = suggest::add_suggestions(&mut copy, "suggestions", &found, Timestamp(0));
    println!("adding {} suggestions to a layer: {:.3} s", added.len(), start.elapsed().as_secs_f64());
}
