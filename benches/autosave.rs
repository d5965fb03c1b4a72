//! Autosave benchmark: what an autosave costs the UI thread on a project of 10,000
//! articles (the `store` bench's project): the time `BackgroundWriter::tick` takes to hand a
//! snapshot to the writer thread, against the writer's own time to put it on disk.
//!
//! Run with `cargo bench --bench autosave`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A benchmark fails loudly.

#[path = "../tests/common/mod.rs"]
mod common;

use hashiya::store::BackgroundWriter;
use std::time::{Duration, Instant};

const ARTICLES: usize = 10_000;
const ARTICLE_BYTES: usize = 2_500;
const SPANS: usize = 20;
const RUNS: usize = 7;

fn main() {
    let mut project = common::generated_project("bench", ARTICLES, ARTICLE_BYTES, SPANS, 1);
    let dir = tempfile::tempdir().unwrap();
    let mut autosaver =
        BackgroundWriter::with_interval(dir.path().join("bench.ron.recovery"), 0, Duration::ZERO);
    let mut on_ui = Vec::new();
    let mut writing = Vec::new();
    for generation in 1..=RUNS as u64 {
        // An edit between autosaves, as while labelling.
        project.name = format!("bench {generation}");
        let start = Instant::now();
        assert!(autosaver.tick(&project, generation));
        on_ui.push(start.elapsed());
        autosaver.wait_idle();
        writing.push(start.elapsed());
    }
    let clone = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            drop(std::hint::black_box(project.clone()));
            start.elapsed()
        })
        .collect();
    println!("project: {ARTICLES} articles, {SPANS} spans per document and annotator");
    report("tick (UI thread)", on_ui);
    report("project.clone()", clone);
    report("until on disk", writing);
}

fn report(name: &str, mut times: Vec<Duration>) {
    times.sort();
    println!(
        "{name:<18} best {:>8.3} ms   median {:>8.3} ms   max {:>8.3} ms",
        ms(times[0]),
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1])
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
