//! `hashiya learn FILE.ron [--annotator NAME | --gold] [--labels a,b] [--out MODEL]`:
//! train a span labeller on one layer's spans ([`crate::learn`]) and save it as a model
//! file; with `--eval [--folds 5] [--json]`, cross-validate it instead and print the scores.

use crate::learn::corpus::{self, LayerChoice};
use crate::learn::eval::{self, EvalOptions, EvalReport, Scores};
use crate::learn::{self, Hooks, LearnOptions, file};
use anyhow::Context;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Learns from one layer: gold with --gold, an annotator's with --annotator NAME, or by default
gold when it has spans, else the one annotator layer with spans of its own. Suggested spans
never accepted are left out; rejected suggestions are learned as negatives. One classifier
per label decides for every token whether it is inside a span of that label, so spans of
different labels may overlap; a span is a run of tokens above the label's threshold, chosen
by cross-validation on the training documents and stored in the model.

The model goes to MODEL (default: the project's path with the extension .model). It records
its format version and labels; `hashiya suggest FILE.ron --model MODEL` refuses a model of
another version or for labels the project lacks.

--eval trains nothing to disk: it prints cross-validated precision, recall and F1 per label
and overall (micro average), exact and partial (SemEval: each predicted span earns the share
of it covered by gold spans of its label, each gold span the share of it covered by
predictions of its label), beside the paste-back baseline (every training span's text marked
wherever it occurs), and a learning curve at 10, 25, 50 and 100% of the documents.")]
pub struct LearnArgs {
    /// The project file.
    pub project: PathBuf,
    /// Learn from this annotator's layer.
    #[arg(long, value_name = "NAME", conflicts_with = "gold")]
    pub annotator: Option<String>,
    /// Learn from the gold layer.
    #[arg(long)]
    pub gold: bool,
    /// Labels to learn, comma-separated (default: every label of the project).
    #[arg(long, value_delimiter = ',')]
    pub labels: Vec<String>,
    /// Where to save the model (default: FILE.model beside the project).
    #[arg(long, value_name = "MODEL", conflicts_with = "eval")]
    pub out: Option<PathBuf>,
    /// Cross-validate instead of saving a model.
    #[arg(long)]
    pub eval: bool,
    /// Parts for cross-validation (with --eval).
    #[arg(long, default_value_t = 5, requires = "eval")]
    pub folds: usize,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

/// The default model path: the project's with the extension `.model`.
pub fn default_model_path(project: &Path) -> PathBuf {
    crate::learn::file::default_path(project)
}

pub fn run(args: LearnArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let project = crate::store::load(&args.project).context("cannot learn")?;
    let choice = match (&args.annotator, args.gold) {
        (Some(name), _) => LayerChoice::Annotator(name.clone()),
        (None, true) => LayerChoice::Gold,
        (None, false) => LayerChoice::Default,
    };
    let layer = corpus::layer_name(&project, &choice).context("cannot learn")?;
    let labels = corpus::labels(&project, &args.labels).context("cannot learn")?;
    let corpus = corpus::corpus(&project, &layer, &labels);
    if corpus.span_count() == 0 {
        anyhow::bail!("cannot learn: the layer {layer} has no spans of {}", names(&labels));
    }
    let options = LearnOptions::for_labels(labels.len());
    if args.eval {
        if args.folds < 2 {
            anyhow::bail!("--folds {}: cross-validation needs at least 2 parts", args.folds);
        }
        if corpus.docs.len() < 2 {
            anyhow::bail!(
                "cannot evaluate: the layer has {} document(s), and cross-validation needs 2",
                corpus.docs.len()
            );
        }
        let folds = args.folds.min(corpus.docs.len());
        if folds < args.folds {
            errln!(
                "hashiya: {} documents to learn from: {folds} folds, one document each",
                corpus.docs.len()
            );
        }
        let options = EvalOptions { folds, learn: options, ..EvalOptions::default() };
        let report = eval::evaluate(&corpus, &options, &Hooks::none());
        if args.json {
            outln!("{}", serde_json::to_string(&report)?);
        } else {
            out!("{}", eval_text(&report));
        }
        errln!("hashiya: evaluated in {:.1} s", started.elapsed().as_secs_f64());
        return Ok(ExitCode::SUCCESS);
    }
    let model = learn::train(&corpus, &options, &Hooks::none());
    let path = args.out.clone().unwrap_or_else(|| default_model_path(&args.project));
    let bytes = file::save(&model, &path).context("cannot learn")?;
    let seconds = started.elapsed().as_secs_f64();
    if args.json {
        let labels: Vec<serde_json::Value> = model
            .labels
            .iter()
            .zip(&model.cuts)
            .map(|(label, cut)| {
                let spans = corpus.docs.iter().flat_map(|d| &d.spans).filter(|(l, _)| labels.get(*l).is_some_and(|x| x.as_str() == label)).count();
                serde_json::json!({"label": label, "spans": spans, "threshold": cut.threshold, "extend": cut.extend})
            })
            .collect();
        outln!(
            "{}",
            serde_json::json!({"model": path.display().to_string(), "layer": layer, "documents": corpus.docs.len(),
                "spans": corpus.span_count(), "labels": labels, "bytes": bytes, "seconds": seconds})
        );
    }
    errln!(
        "hashiya: learned {} label(s) from the layer {layer} ({} documents, {} spans) in {seconds:.1} s; model saved to {} ({:.1} MB)",
        labels.len(),
        corpus.docs.len(),
        corpus.span_count(),
        path.display(),
        bytes as f64 / 1e6
    );
    Ok(ExitCode::SUCCESS)
}

fn names(labels: &[crate::model::LabelId]) -> String {
    labels.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(", ")
}

fn row(name: &str, s: &Scores, baseline: &Scores, width: usize) -> String {
    format!(
        "{name:<width$}  {:>5} {:>5}   {:.3} {:.3} {:.3}   {:.3} {:.3} {:.3}   {:.3}\n",
        s.gold,
        s.predicted,
        s.exact.precision,
        s.exact.recall,
        s.exact.f1,
        s.partial.precision,
        s.partial.recall,
        s.partial.f1,
        baseline.partial.f1,
    )
}

/// The evaluation as a text table.
pub fn eval_text(report: &EvalReport) -> String {
    let width = report.labels.iter().map(|l| l.label.chars().count()).chain([7]).max().unwrap_or(7);
    let mut out = format!(
        "layer {}: {} documents, {} spans, {} folds\n\n{:<width$}  {:>5} {:>5}   {:<17}   {:<17}   {}\n{:<width$}  {:>5} {:>5}   P     R     F1      P     R     F1      F1\n",
        report.layer,
        report.documents,
        report.spans,
        report.folds,
        "",
        "",
        "",
        "exact",
        "partial",
        "paste-back",
        "label",
        "gold",
        "pred"
    );
    for l in &report.labels {
        out.push_str(&row(&l.label, &l.model, &l.baseline, width));
    }
    out.push_str(&row("overall", &report.overall, &report.baseline, width));
    let b = &report.baseline;
    out.push_str(&format!(
        "\npaste-back baseline: {} predicted; exact P {:.3} R {:.3} F1 {:.3}; partial P {:.3} R {:.3} F1 {:.3}\n",
        b.predicted, b.exact.precision, b.exact.recall, b.exact.f1, b.partial.precision, b.partial.recall, b.partial.f1
    ));
    out.push_str("\nlearning curve (training documents per fold: exact F1, partial F1)\n");
    for p in &report.curve {
        out.push_str(&format!(
            "  {:>3.0}%  {:>6}  {:.3}  {:.3}\n",
            p.share * 100.0,
            p.documents,
            p.exact_f1,
            p.partial_f1
        ));
    }
    out
}
