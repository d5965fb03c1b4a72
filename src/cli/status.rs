//! `hashiya status FILE.ron [--json]`: the team's progress: per annotator the documents
//! assigned, done, in progress and untouched, their spans per label, active time and last
//! activity; spans missing a required value; agreement on the shared documents.

use super::agree::figure;
use super::output::escape_name;
use crate::team::{TeamStatus, team_status};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
The JSON (--json) is stable:
  {\"documents\", \"overlap_documents\", \"annotators\": [{\"name\", \"assigned\", \"done\",
   \"in_progress\", \"untouched\", \"spans\", \"per_label\": {label: n}, \"active_seconds\",
   \"last_active\"}], \"missing_values\", \"agreement\": {\"iou\", \"documents\", \"overlap_f1\",
   \"pairs\": [{\"a\", \"b\", \"documents\", \"spans_a\", \"spans_b\", \"overlap_f1\", \"alpha_u\"}]}}
Suggestions not yet accepted are left out of every count.")]
pub struct StatusArgs {
    /// The project file.
    pub project: PathBuf,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: StatusArgs) -> anyhow::Result<ExitCode> {
    let mut timings = super::timings::Timings::start();
    let project = crate::store::load(&args.project)?;
    timings.step("load");
    let status = team_status(&project);
    timings.step("measure");
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&status)?);
    } else {
        out!("{}", table(&status));
    }
    timings.step("print");
    drop(project);
    timings.step("free");
    timings.report();
    Ok(ExitCode::SUCCESS)
}

/// Seconds as `h:mm:ss`.
pub fn duration(seconds: u64) -> String {
    format!("{}:{:02}:{:02}", seconds / 3600, seconds % 3600 / 60, seconds % 60)
}

/// The report as plain-text tables.
fn table(status: &TeamStatus) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} documents, {} assigned to two annotators or more",
        status.documents, status.overlap_documents
    );
    let width = status.annotators.iter().map(|a| a.name.chars().count()).max().unwrap_or(0).max(9);
    let _ = writeln!(
        out,
        "\n{:<width$} {:>8} {:>6} {:>11} {:>9} {:>6} {:>10}  last active",
        "annotator", "assigned", "done", "in progress", "untouched", "spans", "active"
    );
    for a in &status.annotators {
        let _ = writeln!(
            out,
            "{:<width$} {:>8} {:>6} {:>11} {:>9} {:>6} {:>10}  {}",
            escape_name(&a.name),
            a.assigned,
            a.done,
            a.in_progress,
            a.untouched,
            a.spans,
            duration(a.active_seconds),
            a.last_active.as_deref().unwrap_or("-")
        );
    }
    let mut labels: Vec<&str> =
        status.annotators.iter().flat_map(|a| a.per_label.keys().map(String::as_str)).collect();
    labels.sort_unstable();
    labels.dedup();
    if !labels.is_empty() {
        let _ = writeln!(out, "\nspans per label:");
        for label in labels {
            let counts: Vec<String> = status
                .annotators
                .iter()
                .map(|a| format!("{} {}", escape_name(&a.name), a.per_label.get(label).copied().unwrap_or(0)))
                .collect();
            let _ = writeln!(out, "  {:<12} {}", escape_name(label), counts.join(", "));
        }
    }
    let _ =
        writeln!(out, "\nmissing values: {} span(s) with a required attribute unset", status.missing_values);
    let agreement = &status.agreement;
    let _ = writeln!(
        out,
        "\nagreement on the {} shared document(s) (overlap F1 at IoU >= {}; unitizing alpha):",
        agreement.documents, agreement.iou
    );
    for pair in &agreement.pairs {
        let _ = writeln!(
            out,
            "  {} vs {}: {} document(s), spans {} / {}, overlap F1 {}, alpha_u {}",
            escape_name(&pair.a),
            escape_name(&pair.b),
            pair.documents,
            pair.spans_a,
            pair.spans_b,
            figure(pair.overlap_f1),
            figure(pair.alpha_u)
        );
    }
    let _ = writeln!(out, "  all pairs: overlap F1 {}", figure(agreement.overlap_f1));
    out
}
