//! `hashiya validate FILE.ron`: load a project with every check and print a summary.

use crate::model::Project;
use crate::store;
use anyhow::Context;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Checks the format version, every field, every document's text against its hash, and every
span's range and label. Prints a summary on stdout; on any problem prints each one on stderr
and exits with status 1.")]
pub struct ValidateArgs {
    /// The project file to check.
    pub project: PathBuf,
}

pub fn run(args: ValidateArgs) -> anyhow::Result<ExitCode> {
    let project = store::load(&args.project).context("validation failed")?;
    out!("{}", summary(&project));
    Ok(ExitCode::SUCCESS)
}

/// The summary `validate` prints: counts, then spans per label (rows) and layer (columns).
pub fn summary(project: &Project) -> String {
    let characters: usize = project.documents.iter().map(|d| d.text.chars().count()).sum();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "project:    {} (format version {})",
        super::output::escape_name(&project.name),
        project.version
    );
    let _ = writeln!(out, "documents:  {}", project.documents.len());
    let _ = writeln!(out, "characters: {characters}");
    let _ = writeln!(out, "annotators: {}", project.layers.len());
    let _ = writeln!(out, "gold spans: {}", project.gold.span_count());

    let layers: Vec<(&str, &crate::model::Layer)> = project.named_layers_all().collect();
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut labels: Vec<&str> = project.labels.iter().map(|l| l.id.as_str()).collect();
    for (layer_name, layer) in &layers {
        for span in layer.docs.values().flat_map(|d| d.spans.iter()) {
            *counts.entry((span.label.as_str(), layer_name)).or_default() += 1;
            if !labels.contains(&span.label.as_str()) {
                labels.push(span.label.as_str());
            }
        }
    }
    let _ = writeln!(out, "\nspans per label and annotator:");
    let label_width = labels.iter().map(|l| l.chars().count()).chain([5]).max().unwrap_or(5);
    let widths: Vec<usize> = layers.iter().map(|(name, _)| name.chars().count().max(5)).collect();
    let _ = write!(out, "  {:<label_width$}", "label");
    for ((name, _), width) in layers.iter().zip(&widths) {
        let _ = write!(out, "  {name:>width$}");
    }
    let _ = writeln!(out);
    let mut totals = vec![0usize; layers.len()];
    for label in &labels {
        let _ = write!(out, "  {label:<label_width$}");
        for (((name, _), width), total) in layers.iter().zip(&widths).zip(&mut totals) {
            let n = counts.get(&(*label, *name)).copied().unwrap_or(0);
            *total += n;
            let _ = write!(out, "  {n:>width$}");
        }
        let _ = writeln!(out);
    }
    let _ = write!(out, "  {:<label_width$}", "total");
    for (total, width) in totals.iter().zip(&widths) {
        let _ = write!(out, "  {total:>width$}");
    }
    let _ = writeln!(out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharRange, DocId, Document, LabelId, Span, SpanId, Timestamp};

    fn span(id: u64, label: &str) -> Span {
        Span::new(SpanId(id), CharRange::new(0, 2), LabelId::new(label), "amal", Timestamp(0))
    }

    #[test]
    fn summary_counts_spans_per_label_and_layer() {
        let mut project = Project::new("أخبار");
        let doc = Document::new(DocId::new("d"), "d.txt", "نص قصير".into());
        project.layers.entry("amal".into()).or_default().doc_mut(&doc).spans =
            vec![span(1, "claim"), span(2, "claim"), span(3, "figure")];
        project.layers.entry("omar".into()).or_default().doc_mut(&doc).spans = vec![span(1, "denial")];
        project.gold.doc_mut(&doc).spans = vec![span(1, "claim")];
        project.push_document(doc);
        let expected = "\
project:    أخبار (format version 4)
documents:  1
characters: 7
annotators: 2
gold spans: 1

spans per label and annotator:
  label    amal   omar   gold
  claim       2      0      1
  denial      0      1      0
  figure      1      0      0
  total       3      1      1
";
        assert_eq!(summary(&project), expected);
    }
}
