//! `hashiya agree FILE.ron [--annotators a,b] [--json] [--iou X]`

use crate::review::{AgreementOptions, AgreementReport, agreement, dump::dump_units};
use anyhow::Context;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct AgreeArgs {
    /// The project file.
    pub project: PathBuf,
    /// Annotators to compare, comma-separated (default: all).
    #[arg(long, value_delimiter = ',')]
    pub annotators: Vec<String>,
    /// Print JSON instead of tables.
    #[arg(long)]
    pub json: bool,
    /// IoU threshold for overlap matching.
    #[arg(long, default_value_t = 0.5)]
    pub iou: f64,
    /// Print the units (tokens, lengths, spans) as JSON, for cross-checks.
    #[arg(long, hide = true)]
    pub dump_units: bool,
}

pub fn run(args: AgreeArgs) -> anyhow::Result<ExitCode> {
    let mut timings = super::timings::Timings::start();
    let project = crate::store::load(&args.project)?;
    timings.step("load");
    let annotators = args.annotators.iter().map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect();
    let options = AgreementOptions { annotators, iou: args.iou };
    let report = agreement(&project, &options)
        .with_context(|| format!("cannot measure agreement in {}", args.project.display()))?;
    timings.step("measure");
    let out = if args.dump_units {
        serde_json::to_string(&dump_units(&project, &report.annotators))?
    } else if args.json {
        serde_json::to_string_pretty(&report)?
    } else {
        tables(&report)
    };
    outln!("{out}");
    timings.step("print");
    drop(project);
    timings.step("free");
    timings.report();
    Ok(ExitCode::SUCCESS)
}

/// A measure with three decimals, `-` when undefined (the tables of `agree` and `status`).
pub(super) fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_string(), |v| format!("{v:.3}"))
}

/// The report as plain-text tables: one per pair of annotators, then alpha across all
/// of them, the documents from the least agreed, and the warnings.
fn tables(report: &AgreementReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} documents, {} worked on by every annotator compared: {} tokens, {} characters; overlap matching at IoU >= {}",
        report.documents, report.documents_compared, report.tokens, report.characters, report.iou
    );
    let mut current: Option<(&str, &str)> = None;
    for row in &report.pairs {
        if current != Some((row.a.as_str(), row.b.as_str())) {
            current = Some((row.a.as_str(), row.b.as_str()));
            let documents = if row.documents == 1 { "document" } else { "documents" };
            let _ = writeln!(out, "\n{} vs {} ({} {documents} both worked on)", row.a, row.b, row.documents);
            let _ = writeln!(
                out,
                "{:<12} {:>6} {:>6} {:>8} {:>10} {:>10} {:>8} {:>8} {:>8}",
                "label", "spans", "spans", "exact F1", "overlap F1", "unmatched", "kappa", "alpha_u", "alpha"
            );
            let _ = writeln!(
                out,
                "{:<12} {:>6} {:>6} {:>8} {:>10} {:>10} {:>8} {:>8} {:>8}",
                "", "a", "b", "", "", "a / b", "tokens", "", "chars"
            );
        }
        let _ = writeln!(
            out,
            "{:<12} {:>6} {:>6} {:>8} {:>10} {:>10} {:>8} {:>8} {:>8}",
            row.label,
            row.spans_a,
            row.spans_b,
            figure(row.exact_f1),
            figure(row.overlap_f1),
            format!("{} / {}", row.unmatched_a, row.unmatched_b),
            figure(row.cohen_kappa),
            figure(row.alpha_u),
            figure(row.alpha_chars),
        );
    }
    let _ =
        writeln!(out, "\nlinks (a relation matches when its head and tail spans match and its type agrees):");
    let _ = writeln!(
        out,
        "  {:<20} {:<12} {:>5} {:>5} {:>7} {:>11}",
        "pair", "type", "a", "b", "matched", "relation F1"
    );
    for row in &report.relations {
        let pair = format!("{} vs {}", row.a, row.b);
        let _ = writeln!(
            out,
            "  {pair:<20} {:<12} {:>5} {:>5} {:>7} {:>11}",
            row.kind,
            row.relations_a,
            row.relations_b,
            row.matches,
            figure(row.relation_f1)
        );
    }
    let _ = writeln!(
        out,
        "\nfigure values (figures both marked; agreement = same / both valued, valued = both valued / matched):"
    );
    let _ = writeln!(
        out,
        "  {:<20} {:>7} {:>11} {:>10} {:>9} {:>6}",
        "pair", "matched", "both valued", "same value", "agreement", "valued"
    );
    for row in &report.figure_values {
        let pair = format!("{} vs {}", row.a, row.b);
        let _ = writeln!(
            out,
            "  {pair:<20} {:>7} {:>11} {:>10} {:>9} {:>6}",
            row.matched_figures,
            row.both_valued,
            row.same_value,
            figure(row.value_agreement),
            figure(row.valued_share)
        );
    }
    let _ = writeln!(out, "\nalpha over {}:", report.annotators.join(", "));
    let _ = writeln!(out, "  {:<12} {:>8} {:>11}", "label", "alpha_u", "alpha_chars");
    for (label, alpha) in &report.alpha_u {
        let chars = report.alpha_chars.get(label).copied().flatten();
        let _ = writeln!(out, "  {label:<12} {:>8} {:>11}", figure(*alpha), figure(chars));
    }
    let _ = writeln!(out, "\ndocuments, least agreed first:");
    let width = report.per_document.iter().map(|d| d.id.chars().count()).max().unwrap_or(0).max(2);
    let _ = writeln!(
        out,
        "  {:<width$} {:>8} {:>10} {:>8} {:>6}  title",
        "id", "alpha_u", "overlap F1", "exact F1", "spans"
    );
    for doc in &report.per_document {
        let _ = writeln!(
            out,
            "  {:<width$} {:>8} {:>10} {:>8} {:>6}  {}",
            doc.id,
            figure(doc.alpha_u),
            figure(doc.overlap_f1),
            figure(doc.exact_f1),
            doc.spans,
            doc.title
        );
        if !doc.not_annotated_by.is_empty() {
            let _ = writeln!(out, "  {:<width$} not annotated by {}", "", doc.not_annotated_by.join(", "));
        }
    }
    if !report.warnings.is_empty() {
        let _ = writeln!(out, "\nwarnings:");
        for warning in &report.warnings {
            let _ = writeln!(out, "  - {warning}");
        }
    }
    out.trim_end().to_string()
}
