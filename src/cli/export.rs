//! `hashiya export FILE.ron --format FORMAT --out PATH [--annotator NAME | --gold] [--labels a,b] [--status done]`
//!
//! Writes the training data, then a one-line summary on stderr (and, for conll, what
//! token boundaries and overlaps cost). A progress line is shown while it runs when
//! stderr is a terminal.

pub(crate) mod progress_line;

use anyhow::Context;
use progress_line::ProgressLine;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use crate::formats::{self, ExportFormat, ExportOptions, LayerChoice};
use crate::model::LabelId;
use crate::store as project_file;

/// What `export --help` says about the layer taken when none is named.
const LAYER_RULE: &str = "Without --annotator or --gold, the gold (reviewed) layer is exported when it \
covers the project: every document with an annotator's spans has gold spans. Otherwise every \
annotator's spans are exported, each with its annotator, and stderr says why gold was not taken. \
--gold on a project without gold spans is an error.";

#[derive(Debug, clap::Args)]
#[command(after_help = LAYER_RULE)]
pub struct ExportArgs {
    /// The project file.
    pub project: PathBuf,
    /// jsonl, doccano, prodigy, conll, brat or csv.
    #[arg(long)]
    pub format: String,
    /// Output file (a folder for brat); `-` writes to stdout.
    #[arg(long)]
    pub out: PathBuf,
    /// Export only this annotator's layer.
    #[arg(long, conflicts_with = "gold")]
    pub annotator: Option<String>,
    /// Export the gold (adjudicated) layer, even where it covers only some documents.
    #[arg(long)]
    pub gold: bool,
    /// Only these label ids, comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub labels: Vec<String>,
    /// Only documents with this status (new, in-progress, done): with --annotator, that
    /// annotator's status; otherwise any annotator's.
    #[arg(long)]
    pub status: Option<String>,
    /// Export suggested spans too (left out by default until they are accepted).
    #[arg(long)]
    pub include_suggestions: bool,
}

pub fn run(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let format = ExportFormat::parse(&args.format)?;
    let status = args.status.as_deref().map(formats::parse_status).transpose()?;
    let layer = match (&args.annotator, args.gold) {
        (Some(name), _) => LayerChoice::Annotator(name.clone()),
        (None, true) => LayerChoice::Gold,
        (None, false) => LayerChoice::Default,
    };
    let labels =
        args.labels.iter().filter(|l| !l.trim().is_empty()).map(|l| LabelId::new(l.trim())).collect();
    let options = ExportOptions { layer, labels, status, include_suggestions: args.include_suggestions };
    refuse_project_as_output(&args.project, &args.out)?;
    if format == ExportFormat::Brat && args.out == std::path::Path::new(formats::export::STDOUT) {
        anyhow::bail!("a brat export writes a folder; --out - (stdout) is for the other formats");
    }
    let project = project_file::load(&args.project).context("cannot load the project")?;
    // Said once the export is written: gold was not taken because it covers too little.
    let partial_gold = (options.layer == LayerChoice::Default
        && project.gold.span_count() > 0
        && !formats::gold_covers(&project))
    .then(|| formats::gold_coverage(&project));
    let mut line = ProgressLine::new();
    let report = formats::export(
        &project,
        format,
        &options,
        &args.out,
        &mut |p| line.show(p),
        &AtomicBool::new(false),
    )
    .context("cannot export")?;
    line.finish();
    errln!(
        "exported {} documents, {} spans ({}: {}) as {} to {}{}",
        report.documents,
        report.spans,
        if report.layers.contains(", ") { "layers" } else { "layer" },
        report.layers,
        format.name(),
        args.out.display(),
        // CoNLL has tokens, not offsets.
        if format == ExportFormat::Conll {
            "; one token per line"
        } else {
            "; offsets are Unicode code points"
        }
    );
    if let Some(conll) = report.conll {
        errln!(
            "conll: {} tokens; {} tokens claimed by overlapping spans (longer span won); \
             {} spans dropped, {} truncated",
            conll.tokens,
            conll.contested_tokens,
            conll.dropped_spans,
            conll.truncated_spans
        );
    }
    if let Some((covered, of)) = partial_gold {
        errln!(
            "hashiya: the gold layer covers {covered} of the {of} documents with spans, so every annotator's \
             layer was exported; use --gold for the gold layer alone"
        );
    }
    for loss in &report.losses {
        errln!("warning: {}: {loss}", format.name());
    }
    if report.spans == 0 {
        errln!("warning: the export holds no spans (check --annotator, --labels and --status)");
    }
    if report.bad_spans > 0 {
        errln!("warning: {} spans did not fit their document and were left out", report.bad_spans);
    }
    Ok(ExitCode::SUCCESS)
}

/// Refuses an output that would replace the project file, its backup, recovery or lock file.
pub(crate) fn refuse_project_as_output(
    project: &std::path::Path,
    out: &std::path::Path,
) -> anyhow::Result<()> {
    if project_file::is_project_or_companion(project, out) {
        anyhow::bail!(
            "--out is the project file or one kept beside it; refusing to overwrite it: {}",
            out.display()
        );
    }
    Ok(())
}
