//! Suggestion benchmark: the built-in rules for all three labels (figure, claim, denial)
//! over the generated project of 10,000 articles (~2.5 KB of Arabic each) that the store
//! benchmark uses, and adding the suggestions to a layer. Target: <= 2 s for the rules.
//!
//! Then the same on real text: a project of 10,000 articles made of the five seed articles
//! in `/work/shared/seeds` (or the folder in `HASHIYA_SEEDS`), each rule timed alone, and
//! the whole of `hashiya suggest --dry-run` (load, rules, leaving out what is known) from a
//! saved file. Target: <= 3 s, load included.
//!
//! Run with `cargo bench --bench suggest` (`-- --seeds` for the seeds part alone).
#![allow(clippy::unwrap_used, clippy::expect_used)] // A benchmark fails loudly.

#[path = "../tests/common/mod.rs"]
mod common;

use hashiya::model::{DocId, Document, LabelId, Project, Timestamp};
use hashiya::suggest;
use std::time::{Duration, Instant};

const ARTICLES: usize = 10_000;
const ARTICLE_BYTES: usize = 2_500;
const SPANS: usize = 20;
const RUNS: usize = 3;

fn main() {
    if std::env::args().any(|a| a == "--seeds") {
        seeds_bench();
        return;
    }
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
    seeds_bench();
}

/// A project of `n` articles, each one of the seed texts with its number on a first line.
fn seeds_project(n: usize) -> Option<Project> {
    let dir = std::env::var("HASHIYA_SEEDS").unwrap_or_else(|_| "/work/shared/seeds".into());
    let mut seeds: Vec<String> =
        std::fs::read_dir(&dir).ok()?.filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok()).collect();
    seeds.sort();
    if seeds.is_empty() {
        return None;
    }
    let mut project = Project::new("seeds");
    project.labels = hashiya::model::default_labels();
    for i in 0..n {
        let text = format!("مقال {i}\n{}", seeds[i % seeds.len()]);
        project.push_document(Document::new(DocId::new(format!("s{i:05}")), format!("s{i:05}.txt"), text));
    }
    Some(project)
}

fn seeds_bench() {
    let Some(project) = seeds_project(ARTICLES) else {
        println!("seeds: no seed articles found; set HASHIYA_SEEDS to a folder of .txt files");
        return;
    };
    // Where the time goes, on one thread: tokenizing, then each rule on the tokens.
    let lex = suggest::lexicon::builtin();
    let start = Instant::now();
    let n: usize = project.documents.iter().map(|d| hashiya::model::tokens::sentences(&d.text).len()).sum();
    println!(
        "seeds, the project's tokens and sentences (one thread): {:.3} s, {n}",
        start.elapsed().as_secs_f64()
    );
    let start = Instant::now();
    let toks: Vec<_> = project.documents.iter().map(|d| suggest::words::tokenize(&d.text)).collect();
    println!("seeds, tokenizing (one thread): {:.3} s", start.elapsed().as_secs_f64());
    let start = Instant::now();
    let n: usize = project
        .documents
        .iter()
        .zip(&toks)
        .map(|(d, t)| suggest::figures::find(&d.text.chars().collect::<Vec<_>>(), t, lex).len())
        .sum();
    println!("seeds, figure rules on the tokens (one thread): {:.3} s, {n}", start.elapsed().as_secs_f64());
    let start = Instant::now();
    let n: usize = toks.iter().map(|t| suggest::clauses::claims(t, lex).len()).sum();
    println!("seeds, claim rules on the tokens (one thread): {:.3} s, {n}", start.elapsed().as_secs_f64());
    let start = Instant::now();
    let n: usize = toks.iter().map(|t| suggest::clauses::denials(t, lex).len()).sum();
    println!("seeds, denial rules on the tokens (one thread): {:.3} s, {n}", start.elapsed().as_secs_f64());
    drop(toks);
    for label in suggest::BUILTIN_LABELS {
        let labels = [LabelId::new(label)];
        let start = Instant::now();
        let found = suggest::suggest_project(&project, &labels);
        println!("seeds, {label} alone: {:.3} s, {} suggestions", start.elapsed().as_secs_f64(), found.len());
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("seeds.ron");
    hashiya::store::save(&project, &path).unwrap();
    let start = Instant::now();
    let loaded = hashiya::store::load(&path).unwrap();
    let load = start.elapsed();
    let labels: Vec<LabelId> = suggest::BUILTIN_LABELS.iter().map(|l| LabelId::new(*l)).collect();
    let found: Vec<_> = suggest::suggest_project(&loaded, &labels)
        .into_iter()
        .filter(|(doc, s)| !suggest::is_known(&loaded, "suggestions", doc, s))
        .collect();
    println!(
        "seeds, suggest --dry-run over {ARTICLES} articles: {:.3} s (load {:.3} s), {} suggestions; target <= 3 s",
        start.elapsed().as_secs_f64(),
        load.as_secs_f64(),
        found.len()
    );
}
