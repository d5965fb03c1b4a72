//! `hashiya suggest FILE.ron [--labels figure,claim,denial] [--annotator NAME] [--dry-run] [--json]`:
//! run the suggestion rules ([`crate::suggest`]) over every document and put what they
//! find into an annotator's layer as suggested spans, saving the project once, atomically.
//! With `--model MODEL` a learned model ([`crate::learn`]) suggests instead of the rules.

use crate::model::{DocId, LabelId, Project, Timestamp};
use crate::store::{ProjectFile, ProjectLock, SaveMode};
use crate::suggest::{self, Suggestion};
use anyhow::Context;
use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// The layer suggestions go to when no annotator is named.
pub const DEFAULT_LAYER: &str = crate::suggest::SUGGESTIONS_LAYER;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Suggested spans have origin Suggested(rule: ...): exports leave them out (unless
--include-suggestions is given) and agreement never counts them until they are accepted.
A suggestion is not added when the layer already has a span of the same label overlapping
it, or when the annotator rejected it before (the project's `rejected` list), so running
the command again adds nothing new. Existing spans are never changed.

With --json, one object per line on stdout, offsets in code points:
  {\"doc_id\": str, \"start\": int, \"end\": int, \"label\": str, \"text\": str,
   \"value\": number or null, \"unit\": str or null, \"rule\": str}
and for a model's suggestions (--model, rule \"model\") also \"score\": number from 0 to 1.
A model (from `hashiya learn`) is refused when it was made by another version of Hashiya
or for another label set (none of its labels in this project); labels of the model the
project lacks are named on stderr and not suggested.
Without --dry-run the project is saved once at the end, atomically (the previous file is
kept as FILE.ron.bak).")]
pub struct SuggestArgs {
    /// The project file.
    pub project: PathBuf,
    /// Labels to suggest, comma-separated (default: figure, claim, denial and every label
    /// that has project patterns).
    #[arg(long, value_delimiter = ',')]
    pub labels: Vec<String>,
    /// Annotator layer the suggestions go to (default: a layer named "suggestions").
    #[arg(long, value_name = "NAME")]
    pub annotator: Option<String>,
    /// Print what would be suggested without changing the project.
    #[arg(long)]
    pub dry_run: bool,
    /// Print the suggestions as JSON lines.
    #[arg(long)]
    pub json: bool,
    /// Suggest with this learned model (from `hashiya learn`) instead of the rules
    /// (--labels: the model's labels to suggest; default all).
    #[arg(long, value_name = "MODEL")]
    pub model: Option<std::path::PathBuf>,
}

pub fn run(args: SuggestArgs) -> anyhow::Result<ExitCode> {
    // Names go through the one rule; `gold` is the reviewed layer, never an annotator's.
    let annotator = match args.annotator.as_deref() {
        None => DEFAULT_LAYER.to_string(),
        Some(raw) => {
            let Some(name) = crate::model::clean_name(raw) else {
                anyhow::bail!("--annotator {raw:?}: a name needs at least one letter or digit");
            };
            if name.eq_ignore_ascii_case("gold") {
                anyhow::bail!(
                    "--annotator {raw:?}: gold is the reviewed layer, not an annotator; suggestions go to an \
                     annotator's layer and become gold only through review"
                );
            }
            name
        }
    };
    let annotator = annotator.as_str();
    // Held from the load to the save, as for `import`: another change waits its turn.
    let _lock = ProjectLock::acquire_reporting(&args.project, &mut crate::cli::say_waiting)
        .context("cannot suggest")?;
    let (mut file, mut project) = ProjectFile::open(&args.project).context("cannot suggest")?;
    let found = match &args.model {
        Some(path) => model_suggestions(&project, path, &args.labels)?,
        None => {
            let labels = labels(&args.labels, &project);
            let unknown: Vec<&str> =
                labels.iter().filter(|l| project.label(l).is_none()).map(LabelId::as_str).collect();
            if !unknown.is_empty() {
                anyhow::bail!("the project has no label {}", unknown.join(", "));
            }
            suggest::suggest_project(&project, &labels)
        }
    };
    let found: Vec<(DocId, Suggestion)> =
        found.into_iter().filter(|(doc, s)| !suggest::is_known(&project, annotator, doc, s)).collect();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, s) in &found {
        *counts.entry(s.label.as_str()).or_default() += 1;
    }
    if args.json || args.dry_run {
        let mut out = std::io::stdout().lock();
        let mut texts = SpanTexts::new(&project);
        for (doc, s) in &found {
            let text = texts.get(doc, s.range);
            let line = if args.json { json_line(doc, text, s) } else { text_line(doc, text, s) };
            // A closed pipe (`| head`) ends the listing quietly.
            if writeln!(out, "{line}").is_err() {
                break;
            }
        }
    }
    let summary: Vec<String> = counts.iter().map(|(l, n)| format!("{l}: {n}")).collect();
    let summary = if summary.is_empty() { "none".to_string() } else { summary.join(", ") };
    if args.dry_run {
        eprintln!("hashiya: {} suggestion(s) ({summary}); dry run, nothing saved", found.len());
        return Ok(ExitCode::SUCCESS);
    }
    let added = suggest::add_suggestions(&mut project, annotator, &found, Timestamp::now());
    if added.is_empty() {
        eprintln!("hashiya: nothing new to suggest; {} is unchanged", args.project.display());
        return Ok(ExitCode::SUCCESS);
    }
    file.save(&project, SaveMode::Checked).context("cannot save the suggestions")?;
    eprintln!(
        "hashiya: added {} suggestion(s) ({summary}) to the layer {annotator} in {}",
        added.len(),
        args.project.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The suggestions of the model at `path` for the labels asked (all the model's when
/// none), after checking the model against the project's labels.
fn model_suggestions(
    project: &Project,
    path: &std::path::Path,
    asked: &[String],
) -> anyhow::Result<Vec<(DocId, Suggestion)>> {
    use crate::learn::{apply, file};
    let model = file::load(path).context("cannot suggest")?;
    let missing = file::check_labels(&model, project).context("cannot suggest")?;
    let mut labels = apply::model_labels(&model, asked).context("cannot suggest")?;
    let lacking: Vec<&String> =
        missing.iter().filter(|m| labels.iter().any(|l| l.as_str() == m.as_str())).collect();
    if !lacking.is_empty() {
        let names: Vec<&str> = lacking.iter().map(|s| s.as_str()).collect();
        errln!(
            "hashiya: the project has no label {} of the model; spans of those labels are not suggested (add the labels to suggest them)",
            names.join(", ")
        );
        labels.retain(|l| !missing.iter().any(|m| m.as_str() == l.as_str()));
    }
    Ok(apply::suggest_project(project, &model, &labels))
}

/// The labels asked for, or the default set.
fn labels(asked: &[String], project: &Project) -> Vec<LabelId> {
    let asked: Vec<LabelId> =
        asked.iter().map(|l| l.trim()).filter(|l| !l.is_empty()).map(LabelId::new).collect();
    if !asked.is_empty() {
        return asked;
    }
    let mut out: Vec<LabelId> = suggest::BUILTIN_LABELS.iter().map(|l| LabelId::new(*l)).collect();
    for pattern in &project.patterns {
        if !out.contains(&pattern.label) {
            out.push(pattern.label.clone());
        }
    }
    out.retain(|l| project.label(l).is_some());
    out
}

/// The texts of suggestions, found with a map of the documents and a code point index of
/// the document at hand (suggestions come document by document), so that listing many
/// suggestions over many documents takes time in proportion to their number.
struct SpanTexts<'p> {
    docs: std::collections::HashMap<&'p DocId, &'p crate::model::Document>,
    current: Option<(&'p DocId, &'p str, crate::model::CharIndex)>,
}

impl<'p> SpanTexts<'p> {
    fn new(project: &'p Project) -> Self {
        Self { docs: project.documents.iter().map(|d| (&d.id, &**d)).collect(), current: None }
    }

    fn get(&mut self, doc: &DocId, range: crate::model::CharRange) -> &'p str {
        if self.current.as_ref().is_none_or(|(id, _, _)| *id != doc) {
            self.current =
                self.docs.get(doc).map(|d| (&d.id, d.text.as_str(), crate::model::CharIndex::new(&d.text)));
        }
        self.current.as_ref().and_then(|(_, text, index)| index.slice(text, range).ok()).unwrap_or("")
    }
}

/// A value as a JSON number: integers without a fraction.
pub fn json_number(value: f64) -> serde_json::Value {
    if value.fract() == 0.0 && value.abs() < 9e15 {
        serde_json::Value::from(value as i64)
    } else {
        serde_json::Number::from_f64(value).map_or(serde_json::Value::Null, serde_json::Value::Number)
    }
}

/// One suggestion, whose text is `text`, as the JSON object of the command-line contract,
/// keys in its order.
pub fn json_line(doc: &DocId, text: &str, s: &Suggestion) -> String {
    let json = |v: serde_json::Value| v.to_string();
    // A model's suggestion carries its score, to three decimals.
    let score = s
        .score
        .map(|v| format!(",\"score\":{}", json(json_number((f64::from(v) * 1000.0).round() / 1000.0))))
        .unwrap_or_default();
    format!(
        "{{\"doc_id\":{},\"start\":{},\"end\":{},\"label\":{},\"text\":{},\"value\":{},\"unit\":{},\"rule\":{}{score}}}",
        json(doc.as_str().into()),
        s.range.start.0,
        s.range.end.0,
        json(s.label.as_str().into()),
        json(text.into()),
        json(s.value.map_or(serde_json::Value::Null, json_number)),
        json(s.unit.clone().into()),
        json(s.rule.clone().into()),
    )
}

fn text_line(doc: &DocId, text: &str, s: &Suggestion) -> String {
    let value = s.value.map(|v| format!(" = {}", json_number(v))).unwrap_or_default();
    let unit = s.unit.as_deref().map(|u| format!(" ({u})")).unwrap_or_default();
    format!("{doc}\t{}\t{}\t{}{value}{unit}\t[{}]", s.range, s.label.as_str(), text, s.rule)
}
