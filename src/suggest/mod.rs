//! Suggestions: spans proposed by rules, for the annotator to accept, correct or reject.
//!
//! Built-in rules, for the labels `figure`, `claim` and `denial`:
//! - [`figures`]: numbers in digits or words with what they count, their value and unit;
//! - [`clauses`]: attributed claims (attribution verbs, sources) and denials.
//!
//! The project's own [`crate::model::Pattern`]s add suggestions for any label
//! ([`patterns`]). The word lists are plain text files in `src/suggest/lexicon/`, one
//! entry per line with comments ([`lexicon`]), matched with the folding search uses.
//!
//! [`suggest_text`] works on one text; [`suggest_project`] on a project's documents, and
//! [`add_suggestions`] puts suggestions into an annotator's layer as spans with
//! [`Origin::Suggested`], leaving out what the layer already has (any span of the same
//! label overlapping it) and what the annotator rejected ([`Project::rejected`]).
//! Nothing here knows about egui.

pub mod clauses;
pub mod figures;
pub mod lexicon;
pub mod patterns;
pub mod words;

use crate::model::{
    AttrValue, CharRange, ContentHash, DocId, Document, LabelId, LayerDoc, Origin, Project, Span, Timestamp,
};
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The layer suggestions go to when no annotator is named (`hashiya suggest`, a model's
/// suggestions, `hashiya import --as-suggestions`); the window takes them from there into
/// the annotator's own layer.
pub const SUGGESTIONS_LAYER: &str = "suggestions";

/// The labels the built-in rules suggest.
pub const BUILTIN_LABELS: [&str; 3] = ["figure", "claim", "denial"];

/// A proposed span.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub range: CharRange,
    pub label: LabelId,
    /// What proposed it: `figure:digits`, `figure:words`, `figure:dual`, `claim:verb`,
    /// `claim:source`, `denial:verb`, `denial:phrase`, `pattern`.
    pub rule: String,
    /// A figure's value.
    pub value: Option<f64>,
    /// What a figure counts, as written (`قتيلاً`, `كم`, `%`).
    pub unit: Option<String>,
    /// How sure a learned model is of the span, 0..1 (`None` for the rules).
    pub score: Option<f32>,
}

/// Suggestions for the labels in `labels` over one text, sorted by position then label;
/// two suggestions of one label never overlap (the first found is kept).
pub fn suggest_text(text: &str, labels: &[LabelId], patterns: &[crate::model::Pattern]) -> Vec<Suggestion> {
    let wants = |id: &str| labels.iter().any(|l| l.as_str() == id);
    let lex = lexicon::builtin();
    let mut out: Vec<Suggestion> = Vec::new();
    if BUILTIN_LABELS.iter().any(|l| wants(l)) {
        let toks = words::tokenize(text);
        if wants("figure") {
            let chars: Vec<char> = text.chars().collect();
            out.extend(figures::find(&chars, &toks, lex).into_iter().map(|f| Suggestion {
                range: f.range,
                label: LabelId::new("figure"),
                rule: f.rule.to_string(),
                value: Some(f.value),
                unit: f.unit,
                score: None,
            }));
        }
        for (label, cues) in [("claim", clauses::claims as fn(_, _) -> _), ("denial", clauses::denials)] {
            if wants(label) {
                out.extend(cues(&toks, lex).into_iter().map(|c: clauses::Cue| Suggestion {
                    range: c.range,
                    label: LabelId::new(label),
                    rule: c.rule.to_string(),
                    value: None,
                    unit: None,
                    score: None,
                }));
            }
        }
    }
    for (range, pattern) in patterns::find(text, patterns) {
        if wants(pattern.label.as_str()) {
            out.push(Suggestion {
                range,
                label: pattern.label.clone(),
                rule: "pattern".into(),
                value: None,
                unit: None,
                score: None,
            });
        }
    }
    let mut kept: Vec<Suggestion> = Vec::with_capacity(out.len());
    for s in out {
        if !kept.iter().any(|k| k.label == s.label && k.range.overlaps(&s.range)) {
            kept.push(s);
        }
    }
    kept.sort_by(|a, b| (a.range.start, a.range.end, &a.label).cmp(&(b.range.start, b.range.end, &b.label)));
    kept
}

/// Suggestions for every document of the project, in document order. Documents are
/// shared out over the machine's cores; the result does not depend on how.
pub fn suggest_project(project: &Project, labels: &[LabelId]) -> Vec<(DocId, Suggestion)> {
    suggest_documents(project, labels, None, &|_, _| true).unwrap_or_default()
}

/// Suggestions for the documents `ids` of the project (every document with `None`), in
/// that order: what the command line and the window's "Suggest" both run. Documents are
/// shared out over the machine's cores; the result does not depend on how. `progress` is
/// told `(done, total)` as documents finish, from the worker threads; when it answers
/// `false` the work stops and the answer is `None` (cancelled).
pub fn suggest_documents(
    project: &Project,
    labels: &[LabelId],
    ids: Option<&[DocId]>,
    progress: &(dyn Fn(usize, usize) -> bool + Sync),
) -> Option<Vec<(DocId, Suggestion)>> {
    let docs: Vec<&Document> = match ids {
        None => project.documents.iter().map(|d| &**d).collect(),
        Some(ids) => ids.iter().filter_map(|id| project.document(id)).collect(),
    };
    let total = docs.len();
    let done = AtomicUsize::new(0);
    let stopped = AtomicBool::new(false);
    let one_chunk = |part: &[&Document]| -> Vec<(DocId, Suggestion)> {
        let mut found = Vec::new();
        for doc in part {
            if stopped.load(Ordering::Relaxed) {
                break;
            }
            let suggestions = suggest_text(&doc.text, labels, &project.patterns);
            found.extend(suggestions.into_iter().map(|s| (doc.id.clone(), s)));
            if !progress(done.fetch_add(1, Ordering::Relaxed) + 1, total) {
                stopped.store(true, Ordering::Relaxed);
            }
        }
        found
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    let found = if threads == 1 || total < 64 {
        one_chunk(&docs)
    } else {
        let chunk = total.div_ceil(threads).max(1);
        std::thread::scope(|scope| {
            let handles: Vec<_> = docs.chunks(chunk).map(|part| scope.spawn(|| one_chunk(part))).collect();
            // A worker can only fail by panicking; then run its part again here so the
            // panic surfaces on this thread.
            let parts: Vec<Vec<(DocId, Suggestion)>> = handles
                .into_iter()
                .zip(docs.chunks(chunk))
                .map(|(handle, part)| handle.join().unwrap_or_else(|_| one_chunk(part)))
                .collect();
            parts.into_iter().flatten().collect()
        })
    };
    (!stopped.load(Ordering::Relaxed)).then_some(found)
}

/// True when the suggestion would add nothing to `annotator`'s layer: the layer has a span
/// of that label overlapping it (suggested or not), or the annotator rejected it.
pub fn is_known(project: &Project, annotator: &str, doc: &DocId, suggestion: &Suggestion) -> bool {
    let has_span = project.layers.get(annotator).is_some_and(|layer| {
        layer.spans(doc).iter().any(|s| s.label == suggestion.label && s.range().overlaps(&suggestion.range))
    });
    has_span || project.is_rejected(annotator, doc, suggestion.range, &suggestion.label)
}

/// Adds the suggestions that are not known yet ([`is_known`]) to `annotator`'s layer as
/// suggested spans created at `now`; existing spans are never changed. Labels the project
/// lacks are skipped. Returns what was added, per document.
pub fn add_suggestions(
    project: &mut Project,
    annotator: &str,
    suggestions: &[(DocId, Suggestion)],
    now: Timestamp,
) -> Vec<(DocId, Span)> {
    let mut added = Vec::new();
    // Ids counted on from the largest, skipping any in use (see `model::advance_id`).
    let used: HashSet<u64> = project
        .layers
        .get(annotator)
        .map(|l| l.docs.values().flat_map(|d| d.spans.iter().map(|s| s.id.0)).collect())
        .unwrap_or_default();
    let mut next = project.layers.get(annotator).map_or(1, |l| l.next_span_id().0);
    let hashes: HashMap<DocId, ContentHash> =
        project.documents.iter().map(|d| (d.id.clone(), d.hash.clone())).collect();
    for (doc_id, suggestion) in suggestions {
        if project.label(&suggestion.label).is_none() || is_known(project, annotator, doc_id, suggestion) {
            continue;
        }
        let Some(hash) = hashes.get(doc_id) else { continue };
        let id = crate::model::SpanId(crate::model::advance_id(&mut next, &|n| used.contains(&n)));
        let mut span = Span::new(id, suggestion.range, suggestion.label.clone(), annotator, now);
        span.origin = Origin::Suggested { rule: suggestion.rule.as_str().into() };
        // A figure's value and unit come with it, where its label declares them.
        let declares =
            |name: &str| project.label(&suggestion.label).is_some_and(|l| l.attribute(name).is_some());
        if let Some(value) = suggestion.value.filter(|v| v.is_finite() && declares("value")) {
            span.attributes.set("value", Some(AttrValue::Number(value)));
        }
        if let Some(unit) = suggestion.unit.as_ref().filter(|u| !u.is_empty() && declares("unit")) {
            span.attributes.set("unit", Some(AttrValue::Text(unit.clone())));
        }
        let layer = project.layers.entry(annotator.to_string()).or_default();
        let layer_doc = std::sync::Arc::make_mut(
            layer
                .docs
                .entry(doc_id.clone())
                .or_insert_with(|| std::sync::Arc::new(LayerDoc::new(hash.clone()))),
        );
        let at = layer_doc.spans.partition_point(|s| Span::reading_order(s, &span).is_lt());
        layer_doc.spans.insert(at, span.clone());
        added.push((doc_id.clone(), span));
    }
    added
}

/// Makes every annotator-layer span of `after` that `before` did not have a suggestion with
/// the rule `rule` (for `hashiya import --as-suggestions`), and drops those the annotator
/// rejected before. Gold spans are left as they are. Returns how many are suggestions now.
pub fn mark_new_spans_suggested(before: &Project, after: &mut Project, rule: &str) -> usize {
    let mut count = 0;
    for (name, layer) in &mut after.layers {
        let old = before.layers.get(name);
        for (doc, layer_doc) in &mut layer.docs {
            let known: std::collections::HashSet<crate::model::SpanId> =
                old.map(|l| l.spans(doc).iter().map(|s| s.id).collect()).unwrap_or_default();
            std::sync::Arc::make_mut(layer_doc).spans.retain_mut(|span| {
                if known.contains(&span.id) {
                    return true;
                }
                if before.is_rejected(name, doc, span.range(), &span.label) {
                    return false;
                }
                span.origin = Origin::Suggested { rule: rule.into() };
                count += 1;
                true
            });
        }
    }
    count
}

/// Turns every suggested span of every layer into a manual one (for exporting suggestions
/// with `hashiya export --include-suggestions`, on a copy of the project).
pub fn confirm_all(project: &mut Project) {
    for layer in project.layers.values_mut().chain(std::iter::once(&mut project.gold)) {
        for span in layer.docs.values_mut().flat_map(|d| std::sync::Arc::make_mut(d).spans.iter_mut()) {
            if span.is_suggested() {
                span.origin = Origin::Manual;
            }
        }
        for relation in layer.docs.values_mut().flat_map(|d| std::sync::Arc::make_mut(d).relations.iter_mut())
        {
            if relation.origin.is_suggested() {
                relation.origin = Origin::Manual;
            }
        }
    }
}

#[cfg(test)]
mod tests;
