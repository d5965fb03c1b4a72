//! A model's spans as suggestions ([`crate::suggest::Suggestion`] with the rule `model`
//! and a score), for `hashiya suggest --model` and the window.

use super::Model;
use crate::model::{DocId, Document, LabelId, Project};
use crate::suggest::Suggestion;

/// The rule name model suggestions carry.
pub const RULE: &str = "model";

/// The model's suggestions for the labels `labels` (all the model's when empty) in one
/// text, sorted by position then label.
pub fn suggest_text(
    model: &Model,
    text: &str,
    patterns: &[crate::model::Pattern],
    labels: &[LabelId],
) -> Vec<Suggestion> {
    let mut out: Vec<Suggestion> = model
        .predict(text, patterns)
        .into_iter()
        .filter_map(|p| {
            let label = LabelId::new(model.labels.get(p.label)?.as_str());
            (labels.is_empty() || labels.contains(&label)).then(|| Suggestion {
                range: p.range,
                label,
                rule: RULE.into(),
                value: None,
                unit: None,
                score: Some(p.score.clamp(0.0, 1.0)),
            })
        })
        .collect();
    out.sort_by(|a, b| (a.range.start, a.range.end, &a.label).cmp(&(b.range.start, b.range.end, &b.label)));
    out
}

/// The model's suggestions over `docs` of the project, in their order; shared out over
/// the cores, the result does not depend on how.
pub fn suggest_docs(
    project: &Project,
    docs: &[&Document],
    model: &Model,
    labels: &[LabelId],
) -> Vec<(DocId, Suggestion)> {
    let one = |part: &[&Document]| -> Vec<(DocId, Suggestion)> {
        part.iter()
            .flat_map(|d| {
                suggest_text(model, &d.text, &project.patterns, labels).into_iter().map(|s| (d.id.clone(), s))
            })
            .collect()
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    if threads == 1 || docs.len() < 16 {
        return one(docs);
    }
    let chunk = docs.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = docs.chunks(chunk).map(|part| scope.spawn(move || one(part))).collect();
        handles
            .into_iter()
            .zip(docs.chunks(chunk))
            .flat_map(|(h, part)| h.join().unwrap_or_else(|_| one(part)))
            .collect()
    })
}

/// The model's suggestions over every document of the project.
pub fn suggest_project(project: &Project, model: &Model, labels: &[LabelId]) -> Vec<(DocId, Suggestion)> {
    let docs: Vec<&Document> = project.documents.iter().map(AsRef::as_ref).collect();
    suggest_docs(project, &docs, model, labels)
}

/// Checks the labels asked for against the model's; returns them (all the model's when
/// none are asked).
pub fn model_labels(model: &Model, asked: &[String]) -> Result<Vec<LabelId>, super::file::ModelError> {
    let asked: Vec<&str> = asked.iter().map(|l| l.trim()).filter(|l| !l.is_empty()).collect();
    if let Some(unknown) = asked.iter().find(|l| !model.labels.iter().any(|m| m == *l)) {
        return Err(super::file::ModelError::UnknownLabel((*unknown).to_string(), model.labels.join(", ")));
    }
    Ok(if asked.is_empty() {
        model.labels.iter().map(|l| LabelId::new(l.as_str())).collect()
    } else {
        asked.into_iter().map(LabelId::new).collect()
    })
}
