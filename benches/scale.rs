//! Scaling benchmark (issue 14, case 12): one document with many spans, and a folder of
//! many small `.txt` files. Each step must grow near-linearly:
//! - importing 100,000 spans on one document (our jsonl): at most 3 s;
//! - `agree` on two annotators' 100,000 spans each on that document: at most 10 s;
//! - importing a folder of 40,000 `.txt` files: at most 5 s.
//!
//! Run: `cargo bench --bench scale` (`-- --quick` for a tenth of the sizes). Prints each
//! size's time, so a quadratic step shows as a time that grows four-fold when the size
//! doubles. Timings use `std::time`; no framework.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A benchmark fails loudly.

use hashiya::formats::import::{ImportOptions, import_annotations};
use hashiya::formats::{ExportFormat, ExportOptions, LayerChoice, export};
use hashiya::model::{CharRange, DocId, Document, LabelId, Project, Span, SpanId, Timestamp};
use hashiya::review::{AgreementOptions, agreement};
use hashiya::store::import::import_texts;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

const SPANS: usize = 100_000;
const FILES: usize = 40_000;
const IMPORT_BUDGET: f64 = 3.0;
const AGREE_BUDGET: f64 = 10.0;
const FILES_BUDGET: f64 = 5.0;

/// One document of `spans` words, with a span on each word for amal and, shifted on
/// every third word, for omar.
fn span_project(spans: usize) -> Project {
    let words = ["قال", "مصدر", "12", "مدنياً", "نفى", "الجيش", "كم", "الرقة"];
    let mut text = String::new();
    let mut ranges = Vec::with_capacity(spans);
    let mut at = 0;
    for i in 0..spans {
        let word = words[i % words.len()];
        let len = word.chars().count();
        ranges.push(CharRange::new(at, at + len));
        text.push_str(word);
        text.push(if i % 20 == 19 { '\n' } else { ' ' });
        at += len + 1;
    }
    let mut project = Project::new("scale");
    let doc = Document::new(DocId::new("big"), "big.txt", text);
    let labels = ["claim", "denial", "figure"];
    for (name, shift) in [("amal", 0), ("omar", 3)] {
        let layer = project.layers.entry(name.into()).or_default();
        layer.doc_mut(&doc).spans = ranges
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let label = labels[(i + usize::from(i % shift.max(1) == 0 && shift > 0)) % 3];
                Span::new(SpanId(i as u64 + 1), *r, LabelId::new(label), name, Timestamp(1))
            })
            .collect();
    }
    project.push_document(doc);
    project
}

fn seconds(start: Instant) -> f64 {
    start.elapsed().as_secs_f64()
}

fn bench_spans(spans: usize, dir: &std::path::Path) -> (f64, f64) {
    let project = span_project(spans);
    let jsonl = dir.join(format!("spans-{spans}.jsonl"));
    let options = ExportOptions { layer: LayerChoice::Annotator("amal".into()), ..Default::default() };
    export(&project, ExportFormat::Jsonl, &options, &jsonl, &mut |_| {}, &AtomicBool::new(false)).unwrap();
    let mut fresh = Project::new("import");
    let start = Instant::now();
    let report = import_annotations(
        &mut fresh,
        &jsonl,
        &ImportOptions::new(None),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    let problems = fresh.validate();
    let import = seconds(start);
    assert_eq!(report.spans_added, spans);
    assert!(problems.is_empty());
    let start = Instant::now();
    let agreement = agreement(&project, &AgreementOptions { annotators: Vec::new(), iou: 0.5 }).unwrap();
    let agree = seconds(start);
    assert!(!agreement.pairs.is_empty());
    (import, agree)
}

fn bench_files(files: usize, dir: &std::path::Path) -> f64 {
    let folder = dir.join(format!("texts-{files}"));
    std::fs::create_dir_all(&folder).unwrap();
    for i in 0..files {
        std::fs::write(folder.join(format!("{i:06}.txt")), format!("نص الخبر رقم {i}\nقال مصدر إن {i} كم"))
            .unwrap();
    }
    let mut project = Project::new("files");
    let start = Instant::now();
    let report = import_texts(&mut project, &folder);
    let time = seconds(start);
    assert_eq!(report.added.len(), files);
    time
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let scale = |n: usize| if quick { n / 10 } else { n };
    let dir = tempfile::tempdir().unwrap();
    let mut last = (0.0, 0.0);
    for n in [scale(SPANS) / 4, scale(SPANS) / 2, scale(SPANS)] {
        last = bench_spans(n, dir.path());
        println!("{n:>7} spans on one document: import {:.2} s, agree {:.2} s", last.0, last.1);
    }
    let mut files_time = 0.0;
    for n in [scale(FILES) / 2, scale(FILES)] {
        files_time = bench_files(n, dir.path());
        println!("{n:>7} .txt files: import {files_time:.2} s");
    }
    if !quick {
        let ok = last.0 <= IMPORT_BUDGET && last.1 <= AGREE_BUDGET && files_time <= FILES_BUDGET;
        println!(
            "budgets: import {IMPORT_BUDGET} s, agree {AGREE_BUDGET} s, 40,000 files {FILES_BUDGET} s: {}",
            if ok { "met" } else { "MISSED" }
        );
        if !ok {
            std::process::exit(1);
        }
    }
}
