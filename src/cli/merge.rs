//! `hashiya merge FILE.ron OTHER.ron... [--me NAME]`: colleagues' projects, or the
//! packages `hashiya assign --out` wrote, brought home.

use super::output::escape_name;
use crate::review::{MergeOutcome, MergeReport, merge};
use crate::store::{self, ProjectFile, ProjectLock, SaveMode};
use anyhow::Context;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The project to merge into; it is saved afterwards.
    pub project: PathBuf,
    /// Colleagues' project files, or folders of them.
    #[arg(required = true)]
    pub others: Vec<PathBuf>,
    /// Your annotator name: your own layer is never changed by a merge.
    #[arg(long)]
    pub me: Option<String>,
}

pub fn run(args: MergeArgs) -> anyhow::Result<ExitCode> {
    // Held from the load to the save, so a concurrent change is not overwritten.
    let _lock = ProjectLock::acquire_reporting(&args.project, &mut crate::cli::say_waiting)
        .context("cannot merge")?;
    let (mut target, mut project) = ProjectFile::open(&args.project).context("cannot merge")?;
    let files = project_files(&args.others, &args.project)?;
    let mut changed = false;
    for file in &files {
        let other = store::load(file)?;
        let report = merge(&mut project, &other, args.me.as_deref())
            .with_context(|| format!("cannot merge {}", file.display()))?;
        out!("{}", describe(file, &report));
        changed |= report.changed();
    }
    if changed {
        target.save(&project, SaveMode::Checked).context("cannot save the merged project")?;
        outln!("saved {}", args.project.display());
    } else {
        outln!("nothing changed; {} not rewritten", args.project.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// The files to merge: each file given, and the `.ron` files of each folder given
/// (sorted, not recursive), leaving out the project merged into.
fn project_files(paths: &[PathBuf], target: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let target = target.canonicalize().ok();
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries =
                std::fs::read_dir(path).with_context(|| format!("cannot list {}", path.display()))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "ron"))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    files.retain(|f| f.canonicalize().ok() != target || target.is_none());
    Ok(files)
}

fn describe(file: &Path, report: &MergeReport) -> String {
    let mut out = format!("{}:\n", file.display());
    for m in &report.layer_docs {
        let id = if m.doc == m.their_doc {
            m.doc.to_string()
        } else {
            format!("{} (theirs: {})", m.doc, m.their_doc)
        };
        out.push_str(&format!(
            "  {} on {}: {} spans, {}\n",
            escape_name(&m.annotator),
            escape_name(&id),
            m.spans,
            m.outcome.describe()
        ));
    }
    for d in &report.unmatched {
        let why =
            if d.same_id_differs { "its text differs from ours" } else { "its text is not in this project" };
        let who = if d.annotators.is_empty() {
            String::new()
        } else {
            format!(" (layers: {})", d.annotators.join(", "))
        };
        out.push_str(&format!(
            "  not merged: document {} \"{}\": {why}{}\n",
            escape_name(d.their_doc.as_str()),
            escape_name(&d.title),
            escape_name(&who)
        ));
    }
    for (annotator, doc, spans) in &report.unassigned {
        out.push_str(&format!(
            "  kept: {} has {spans} spans on {}, which is not assigned to them\n",
            escape_name(annotator),
            escape_name(doc.as_str())
        ));
    }
    if report.statuses_changed > 0 {
        out.push_str(&format!("  {} document statuses moved forward\n", report.statuses_changed));
    }
    for label in &report.labels_added {
        out.push_str(&format!("  label added: {label}\n"));
    }
    if report.gold_spans_ignored > 0 {
        out.push_str(&format!("  their gold layer ({} spans) is not merged\n", report.gold_spans_ignored));
    }
    out.push_str(&format!(
        "  {} added, {} replaced, {} unchanged, {} kept, {} documents not merged\n",
        report.count(MergeOutcome::Added),
        report.count(MergeOutcome::Replaced),
        report.count(MergeOutcome::Unchanged),
        report.count(MergeOutcome::KeptOwn)
            + report.count(MergeOutcome::KeptNewer)
            + report.count(MergeOutcome::KeptFewer),
        report.unmatched.len()
    ));
    out
}
