//! The units agreement is computed over, written out so that independent tools can
//! recompute every figure: per document its length in code points, its tokens and
//! each annotator's spans.

use super::report::layer_named;
use crate::model::{Project, tokens::tokenize};
use serde::Serialize;
use std::collections::BTreeMap;

/// Everything needed to recompute the agreement figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UnitsDump {
    /// Label ids in project order (the order that breaks ties between overlapping spans).
    pub labels: Vec<String>,
    pub annotators: Vec<String>,
    pub documents: Vec<DocumentUnits>,
}

/// One document's units.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocumentUnits {
    pub id: String,
    /// Length of the text in code points: the characters coded for alpha_chars
    /// and the positions of the alpha_u continuum.
    pub length: usize,
    /// Token ranges `[start, end)` in code points, in order.
    pub tokens: Vec<[usize; 2]>,
    /// Each annotator's spans as `[start, end, label]`, in reading order.
    pub spans: BTreeMap<String, Vec<(usize, usize, String)>>,
    /// The annotators who worked on the document (marked it done, or made a span on
    /// it), in the order compared: a pair is compared over the documents both worked on.
    pub worked: Vec<String>,
}

/// The units of every document of `project` for `annotators`.
pub fn dump_units(project: &Project, annotators: &[String]) -> UnitsDump {
    let documents = project
        .documents
        .iter()
        .map(|doc| DocumentUnits {
            worked: annotators.iter().filter(|n| super::scope::worked_on(project, n, doc)).cloned().collect(),
            id: doc.id.to_string(),
            length: doc.text.chars().count(),
            tokens: tokenize(&doc.text).iter().map(|t| [t.range.start.0, t.range.end.0]).collect(),
            spans: annotators
                .iter()
                .map(|name| {
                    let spans = layer_named(project, name).map(|l| l.spans(&doc.id)).unwrap_or(&[]);
                    let spans = spans.iter().map(|s| (s.start.0, s.end.0, s.label.0.to_string())).collect();
                    (name.clone(), spans)
                })
                .collect(),
        })
        .collect();
    UnitsDump {
        labels: project.labels.iter().map(|l| l.id.0.to_string()).collect(),
        annotators: annotators.to_vec(),
        documents,
    }
}
