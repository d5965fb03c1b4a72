//! What the readers produce: documents with their spans, before they meet the project.

use crate::model::{AttrValue, Status};
use std::collections::BTreeMap;

/// One document read from a file, with its spans.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    /// Where the document was read (`file:line`), for messages.
    pub location: String,
    /// The id the file gives, used when it is free.
    pub id: Option<String>,
    pub title: Option<String>,
    pub source: String,
    pub text: String,
    pub status: BTreeMap<String, Status>,
    /// Seconds each annotator worked on the document (our JSONL's `meta.lead_time`).
    pub lead_time: BTreeMap<String, u64>,
    /// Spans belong to the gold layer (our jsonl with `meta.layer: "gold"`).
    pub gold: bool,
    /// Attribute values are untyped text (brat): one a label does not declare is declared a
    /// number when it reads as one.
    pub untyped_values: bool,
    pub spans: Vec<RecordSpan>,
    /// Links between this record's spans, by the keys the file gives them.
    pub relations: Vec<RecordRelation>,
}

/// One span as a file states it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecordSpan {
    /// Where the span was read (`file:line`), for messages.
    pub location: String,
    pub start: usize,
    pub end: usize,
    pub label: String,
    /// The span text the file gives, checked against the offsets.
    pub text: Option<String>,
    pub annotator: Option<String>,
    pub note: Option<String>,
    /// The span's id in the file (`amal:3`, `T3`, a doccano or Label Studio id), by which
    /// relations name it.
    pub key: Option<String>,
    /// Attribute values as the file gives them (brat's are text, read by the label's kinds).
    pub attributes: Vec<(String, AttrValue)>,
    /// The file marks the span as a suggestion (our exports with `--include-suggestions`),
    /// made by this rule (empty when it names none).
    pub suggested: Option<String>,
}

/// One relation as a file states it: head and tail are span keys of the same record, or
/// `start:end:label` for formats that point at spans by their offsets (Prodigy).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecordRelation {
    pub location: String,
    /// The relation's id in the file, when it gives one.
    pub key: Option<String>,
    pub head: String,
    pub tail: String,
    pub kind: String,
    pub annotator: Option<String>,
}

/// The key a relation uses to point at a span by its offsets and label.
pub fn offsets_key(start: usize, end: usize, label: &str) -> String {
    format!("{start}:{end}:{label}")
}
