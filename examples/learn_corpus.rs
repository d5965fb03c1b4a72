//! Writes a generated project for trying `hashiya learn`: paragraphs where each of the
//! labels `t01`.. has a few cue phrases and a span is a cue with the words after it (see
//! `hashiya::learn::synthetic`), in the annotator layer `analyst`.
//! Run with `cargo run --release --example learn_corpus OUT.ron [PARAGRAPHS] [LABELS]`
//! (default 2,000 paragraphs, 23 labels), then `hashiya learn OUT.ron --eval`.

use hashiya::learn::synthetic::{self, Shape};
use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.first().map(PathBuf::from) else {
        anyhow::bail!("usage: learn_corpus OUT.ron [PARAGRAPHS] [LABELS]");
    };
    let paragraphs = args.get(1).map(|s| s.parse()).transpose()?.unwrap_or(2_000);
    let labels = args.get(2).map(|s| s.parse()).transpose()?.unwrap_or(23);
    let shape = Shape { paragraphs, labels, ..Shape::persuasion() };
    let project = synthetic::project(&shape);
    hashiya::store::save(&project, &out)?;
    let chars: usize = project.documents.iter().map(|d| d.text.chars().count()).sum();
    let spans: usize = project.layers.values().map(hashiya::model::Layer::span_count).sum();
    println!(
        "{}: {paragraphs} paragraphs, {chars} characters, {spans} spans, {labels} labels",
        out.display()
    );
    Ok(())
}
