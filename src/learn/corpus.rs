//! What the learner learns from: one layer's spans (an annotator's or gold) over the
//! project's documents, with every text turned into token features.
//!
//! Suggested spans that were never accepted are left out; suggestions the annotator
//! rejected (the project's `rejected` list) are kept as negatives, weighted more than
//! other outside tokens. When the annotator has marked documents done, only documents done
//! or holding spans are learned from (the others may simply not be annotated yet);
//! otherwise every document is, and one without spans teaches that none of its words
//! belongs to a span of these labels.

use super::features::{self, TextFeatures};
use crate::model::{CharRange, DocId, Document, LabelId, Pattern, Project, Status};

/// Which layer to learn from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LayerChoice {
    Annotator(String),
    Gold,
    /// Gold when it has spans, else the one annotator layer with spans of its own.
    Default,
}

/// Why a corpus cannot be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CorpusError {
    #[error("the project has no annotator {0:?} (annotators: {1})")]
    NoAnnotator(String, String),
    #[error(
        "the gold layer is empty and several annotators have spans ({0}); say which to learn from with --annotator NAME or --gold"
    )]
    Ambiguous(String),
    #[error("there are no spans to learn from (no gold spans and no annotator's own spans)")]
    NoSpans,
    #[error("the project has no label {0}")]
    UnknownLabel(String),
    #[error("{0} labels are more than the learner handles (64); choose some with --labels")]
    TooManyLabels(usize),
}

/// One document as the learner sees it.
#[derive(Clone, Debug)]
pub struct CorpusDoc {
    pub id: DocId,
    pub text: TextFeatures,
    /// The layer's own spans, as (label index, range).
    pub spans: Vec<(usize, CharRange)>,
    /// Rejected suggestions, as (label index, range).
    pub rejected: Vec<(usize, CharRange)>,
}

/// The documents and spans to learn from.
#[derive(Clone, Debug)]
pub struct Corpus {
    pub labels: Vec<LabelId>,
    /// The layer's name (`gold` for the gold layer).
    pub layer: String,
    pub docs: Vec<CorpusDoc>,
}

impl Corpus {
    pub fn span_count(&self) -> usize {
        self.docs.iter().map(|d| d.spans.len()).sum()
    }
}

/// The layer chosen by `choice`, as its name.
pub fn layer_name(project: &Project, choice: &LayerChoice) -> Result<String, CorpusError> {
    let own = |layer: &crate::model::Layer| {
        layer.docs.values().flat_map(|d| d.spans.iter()).any(|s| !s.is_suggested())
    };
    match choice {
        LayerChoice::Gold => Ok("gold".into()),
        LayerChoice::Annotator(name) => {
            if project.layers.contains_key(name) {
                Ok(name.clone())
            } else {
                let names: Vec<&str> = project.layers.keys().map(String::as_str).collect();
                Err(CorpusError::NoAnnotator(
                    name.clone(),
                    if names.is_empty() { "none".into() } else { names.join(", ") },
                ))
            }
        }
        LayerChoice::Default => {
            if own(&project.gold) {
                return Ok("gold".into());
            }
            let with: Vec<&str> =
                project.layers.iter().filter(|(_, l)| own(l)).map(|(n, _)| n.as_str()).collect();
            match with.as_slice() {
                [] => Err(CorpusError::NoSpans),
                [one] => Ok((*one).to_string()),
                many => Err(CorpusError::Ambiguous(many.join(", "))),
            }
        }
    }
}

/// The labels asked for (all the project's when none), checked against the project.
pub fn labels(project: &Project, asked: &[String]) -> Result<Vec<LabelId>, CorpusError> {
    let labels: Vec<LabelId> = if asked.is_empty() {
        project.labels.iter().map(|l| l.id.clone()).collect()
    } else {
        asked.iter().map(|l| LabelId::new(l.trim())).collect()
    };
    if let Some(unknown) = labels.iter().find(|l| project.label(l).is_none()) {
        return Err(CorpusError::UnknownLabel(unknown.as_str().to_string()));
    }
    if labels.len() > 64 {
        return Err(CorpusError::TooManyLabels(labels.len()));
    }
    Ok(labels)
}

/// The features of a document's text, with the project's patterns for `labels`.
pub fn text_features(text: &str, patterns: &[Pattern], labels: &[LabelId]) -> TextFeatures {
    let mut out = features::extract(text);
    let hits: Vec<_> = crate::suggest::patterns::find(text, patterns)
        .into_iter()
        .filter(|(_, p)| labels.contains(&p.label))
        .collect();
    if hits.is_empty() {
        return out;
    }
    // Rebuild the flat table with the pattern features added to the tokens they cover.
    let mut feats = Vec::with_capacity(out.feats.len());
    let mut starts = vec![0u32];
    for i in 0..out.len() {
        feats.extend_from_slice(out.of(i));
        if let Some(r) = out.ranges.get(i) {
            for (hit, pattern) in &hits {
                if hit.overlaps(r) {
                    feats.push(features::hash("pat", pattern.label.as_str()));
                }
            }
        }
        starts.push(u32::try_from(feats.len()).unwrap_or(u32::MAX));
    }
    out.feats = feats;
    out.starts = starts;
    out
}

/// The features of many documents, shared out over the cores; in document order.
pub fn features_of(docs: &[&Document], patterns: &[Pattern], labels: &[LabelId]) -> Vec<TextFeatures> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    let chunk = docs.len().div_ceil(threads).max(1);
    let one = |part: &[&Document]| -> Vec<TextFeatures> {
        part.iter().map(|d| text_features(&d.text, patterns, labels)).collect()
    };
    if threads == 1 || docs.len() < 16 {
        return one(docs);
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = docs.chunks(chunk).map(|part| scope.spawn(move || one(part))).collect();
        handles
            .into_iter()
            .zip(docs.chunks(chunk))
            .flat_map(|(h, part)| h.join().unwrap_or_else(|_| one(part)))
            .collect()
    })
}

/// The corpus of `layer` (a name from [`layer_name`]) for `labels`.
pub fn corpus(project: &Project, layer: &str, labels: &[LabelId]) -> Corpus {
    let source = if layer == "gold" { Some(&project.gold) } else { project.layers.get(layer) };
    let index = |label: &LabelId| labels.iter().position(|l| l == label);
    let spans_of = |doc: &DocId| -> Vec<(usize, CharRange)> {
        source
            .map(|l| l.spans(doc))
            .unwrap_or_default()
            .iter()
            .filter(|s| !s.is_suggested())
            .filter_map(|s| Some((index(&s.label)?, s.range())))
            .collect()
    };
    let any_done = layer != "gold" && project.documents.iter().any(|d| d.status_of(layer) == Status::Done);
    let chosen: Vec<&Document> = project
        .documents
        .iter()
        .map(AsRef::as_ref)
        .filter(|d| !any_done || d.status_of(layer) == Status::Done || !spans_of(&d.id).is_empty())
        .collect();
    let texts = features_of(&chosen, &project.patterns, labels);
    let docs = chosen
        .iter()
        .zip(texts)
        .map(|(d, text)| CorpusDoc {
            id: d.id.clone(),
            text,
            spans: spans_of(&d.id),
            rejected: project
                .rejected
                .iter()
                .filter(|r| r.annotator == layer && r.doc == d.id)
                .filter_map(|r| Some((index(&r.label)?, CharRange { start: r.start, end: r.end })))
                .collect(),
        })
        .collect();
    Corpus { labels: labels.to_vec(), layer: layer.to_string(), docs }
}
