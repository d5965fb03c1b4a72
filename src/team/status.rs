//! A team's progress: per annotator the documents assigned, done, in progress and not
//! touched, their spans (per label), their active time and when they last worked; spans
//! whose required attributes are unset; and agreement on the documents two annotators
//! share. What `hashiya status` prints and the Team progress window shows.
//!
//! Suggestions not yet accepted are nobody's annotation: they are left out everywhere.

use super::agreement::{TeamAgreement, team_agreement};
use crate::model::{Document, Layer, LayerDoc, Project, Span, Status, Timestamp, missing_required};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The overlap matching threshold `status` uses (that of `hashiya agree`).
pub const STATUS_IOU: f64 = 0.5;

/// The whole report; its JSON is a stable contract (`hashiya status --json`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TeamStatus {
    /// Documents in the project.
    pub documents: usize,
    /// Documents assigned to two annotators or more.
    pub overlap_documents: usize,
    /// One row per annotator (assigned a document, or with a span or time), by name.
    pub annotators: Vec<AnnotatorProgress>,
    /// Spans (of every annotator) whose label's required attributes are not all set.
    pub missing_values: usize,
    /// Agreement on the overlap documents.
    pub agreement: TeamAgreement,
}

/// One annotator's progress.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnnotatorProgress {
    pub name: String,
    /// Documents assigned to them.
    pub assigned: usize,
    /// Assigned documents they marked done.
    pub done: usize,
    /// Assigned documents marked in progress, or not marked but with their spans or time.
    pub in_progress: usize,
    /// Assigned documents they have not touched.
    pub untouched: usize,
    /// Their spans in the project, on any document (suggestions left out).
    pub spans: usize,
    /// Their spans per label id.
    pub per_label: BTreeMap<String, usize>,
    /// Seconds of active work recorded by the window, over every document.
    pub active_seconds: u64,
    /// When they last worked (UTC, ISO 8601): their latest recorded activity or span edit.
    pub last_active: Option<String>,
    /// Documents they marked done, per day (UTC date), for the progress chart.
    #[serde(skip)]
    pub done_per_day: BTreeMap<String, usize>,
}

/// The progress of `project`'s team.
pub fn team_status(project: &Project) -> TeamStatus {
    let mut names: BTreeSet<&str> = BTreeSet::new();
    for doc in &project.documents {
        names.extend(doc.assigned.iter().map(String::as_str));
    }
    for (name, layer) in &project.layers {
        if layer.docs.values().any(|d| d.active_seconds > 0 || d.spans.iter().any(|s| !s.is_suggested())) {
            names.insert(name);
        }
    }
    let empty = Layer::default();
    let annotators = names
        .iter()
        .map(|name| progress(project, name, project.layers.get(*name).unwrap_or(&empty)))
        .collect();
    TeamStatus {
        documents: project.documents.len(),
        overlap_documents: project.documents.iter().filter(|d| d.assigned.len() >= 2).count(),
        annotators,
        missing_values: missing_values(project),
        agreement: team_agreement(project, STATUS_IOU),
    }
}

fn progress(project: &Project, name: &str, layer: &Layer) -> AnnotatorProgress {
    let (mut assigned, mut done, mut in_progress) = (0, 0, 0);
    let mut done_per_day = BTreeMap::new();
    for doc in project.documents.iter().filter(|d| d.is_assigned_to(name)) {
        assigned += 1;
        match doc.status_of(name) {
            Status::Done => {
                done += 1;
                if let Some(day) = last_touch(layer, doc) {
                    *done_per_day.entry(day.date()).or_insert(0) += 1;
                }
            }
            Status::InProgress => in_progress += 1,
            Status::New if layer.docs.get(&doc.id).is_some_and(|d| touched(d)) => in_progress += 1,
            Status::New => {}
        }
    }
    let mut per_label: BTreeMap<String, usize> = BTreeMap::new();
    let mut spans = 0;
    let (mut active_seconds, mut last) = (0, None::<Timestamp>);
    for entry in layer.docs.values() {
        active_seconds += entry.active_seconds;
        last = last.max(entry.last_active);
        for span in entry.spans.iter().filter(|s| !s.is_suggested()) {
            spans += 1;
            *per_label.entry(span.label.0.to_string()).or_insert(0) += 1;
            last = last.max(Some(span.modified.max(span.created)));
        }
    }
    AnnotatorProgress {
        name: name.to_string(),
        assigned,
        done,
        in_progress,
        untouched: assigned - done - in_progress,
        spans,
        per_label,
        active_seconds,
        last_active: last.filter(|t| t.0 > 0).map(Timestamp::iso8601),
        done_per_day,
    }
}

/// Whether the annotator did something on a document: a span, a link or active time.
fn touched(entry: &LayerDoc) -> bool {
    !entry.spans.is_empty() || !entry.relations.is_empty() || entry.active_seconds > 0
}

/// The latest activity or span edit of `layer` on `doc`.
fn last_touch(layer: &Layer, doc: &Document) -> Option<Timestamp> {
    let entry = layer.docs.get(&doc.id)?;
    let spans = entry.spans.iter().map(|s| s.modified.max(s.created));
    spans.chain(entry.last_active).max()
}

/// Whether `span`'s label declares a required attribute the span leaves unset.
pub fn lacks_value(project: &Project, span: &Span) -> bool {
    project.label(&span.label).is_some_and(|label| missing_required(label, &span.attributes).next().is_some())
}

/// Spans of the annotators' layers with a required attribute unset (suggestions left out).
pub fn missing_values(project: &Project) -> usize {
    // Labels without a required attribute need no look at their spans' values.
    let wanting: BTreeSet<&str> = project
        .labels
        .iter()
        .filter(|l| l.attributes.iter().any(|a| a.required))
        .map(|l| l.id.as_str())
        .collect();
    if wanting.is_empty() {
        return 0;
    }
    project
        .layers
        .values()
        .flat_map(|l| l.docs.values())
        .flat_map(|d| d.spans.iter())
        .filter(|s| !s.is_suggested() && wanting.contains(s.label.as_str()) && lacks_value(project, s))
        .count()
}
