//! What the readers produce: documents with their spans, before they meet the project.

use crate::model::Status;
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
    /// Spans belong to the gold layer (our jsonl with `meta.layer: "gold"`).
    pub gold: bool,
    pub spans: Vec<RecordSpan>,
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
}
