//! Agreement on the documents two annotators share: for each pair of annotators, overlap
//! F1 and Krippendorff's unitizing alpha over the documents assigned to both, with the
//! measures of the agreement module (`review::matching`, `review::unitizing`). Each
//! document is measured on its own and dropped, so memory stays that of one document.

use crate::model::{DocId, Document, Project, Span};
use crate::review::matching::overlap_matching;
use crate::review::unitizing::Study;
use serde::Serialize;
use std::collections::BTreeMap;

/// Agreement on the overlap documents.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TeamAgreement {
    /// The overlap matching threshold.
    pub iou: f64,
    /// Overlap documents measured.
    pub documents: usize,
    /// Overlap F1 pooled over every pair: `2 × matches / spans`; `None` without spans.
    pub overlap_f1: Option<f64>,
    /// One row per pair of annotators sharing a document, by names.
    pub pairs: Vec<PairOverlap>,
    /// Each overlap document, for the histogram of the Team progress window.
    #[serde(skip)]
    pub per_document: Vec<DocumentOverlap>,
}

/// Agreement between two annotators on the documents assigned to both.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairOverlap {
    pub a: String,
    pub b: String,
    /// Documents assigned to both.
    pub documents: usize,
    pub spans_a: usize,
    pub spans_b: usize,
    /// `2 × overlap matches / (spans_a + spans_b)`; `None` when neither has a span.
    pub overlap_f1: Option<f64>,
    /// Unitizing alpha over those documents laid end to end; `None` when undefined.
    pub alpha_u: Option<f64>,
}

/// Agreement on one document shared by two annotators.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentOverlap {
    pub doc: DocId,
    pub a: String,
    pub b: String,
    pub overlap_f1: Option<f64>,
    pub alpha_u: Option<f64>,
}

fn f1(matches: usize, spans: usize) -> Option<f64> {
    (spans > 0).then(|| 2.0 * matches as f64 / spans as f64)
}

/// The annotators' own spans on `doc` (suggestions left out).
fn spans_of<'p>(project: &'p Project, annotator: &str, doc: &Document) -> Vec<&'p Span> {
    project
        .layers
        .get(annotator)
        .map(|l| l.spans(&doc.id).iter().filter(|s| !s.is_suggested()).collect())
        .unwrap_or_default()
}

/// Agreement on the documents of `project` assigned to two annotators or more.
pub fn team_agreement(project: &Project, iou: f64) -> TeamAgreement {
    // The documents of each pair, in project order.
    let mut by_pair: BTreeMap<(&str, &str), Vec<&Document>> = BTreeMap::new();
    let mut documents = 0;
    for doc in project.documents.iter().filter(|d| d.assigned.len() >= 2) {
        documents += 1;
        for (i, a) in doc.assigned.iter().enumerate() {
            for b in doc.assigned.iter().skip(i + 1) {
                let key = if a <= b { (a.as_str(), b.as_str()) } else { (b.as_str(), a.as_str()) };
                by_pair.entry(key).or_default().push(doc);
            }
        }
    }
    let (mut all_matches, mut all_spans) = (0, 0);
    let mut pairs = Vec::new();
    let mut per_document = Vec::new();
    for ((a, b), docs) in by_pair {
        let lengths: Vec<u64> = docs.iter().map(|d| d.text.chars().count() as u64).collect();
        let mut study = Study::new(2, lengths.iter().sum());
        let (mut spans_a, mut spans_b, mut matches) = (0, 0, 0);
        let mut offset = 0;
        for (doc, &length) in docs.iter().zip(&lengths) {
            let (sa, sb) = (spans_of(project, a, doc), spans_of(project, b, doc));
            let matched = overlap_matching(&sa, &sb, iou).len();
            let mut own = Study::new(2, length);
            for (rater, spans) in [(0, &sa), (1, &sb)] {
                for &span in spans.iter() {
                    let len = span.range().len() as u64;
                    study.add(rater, offset + span.start.0 as u64, len, &span.label);
                    own.add(rater, span.start.0 as u64, len, &span.label);
                }
            }
            per_document.push(DocumentOverlap {
                doc: doc.id.clone(),
                a: a.to_string(),
                b: b.to_string(),
                overlap_f1: f1(matched, sa.len() + sb.len()),
                alpha_u: own.alpha(),
            });
            spans_a += sa.len();
            spans_b += sb.len();
            matches += matched;
            offset += length;
        }
        all_matches += matches;
        all_spans += spans_a + spans_b;
        pairs.push(PairOverlap {
            a: a.to_string(),
            b: b.to_string(),
            documents: docs.len(),
            spans_a,
            spans_b,
            overlap_f1: f1(matches, spans_a + spans_b),
            alpha_u: study.alpha(),
        });
    }
    TeamAgreement { iou, documents, overlap_f1: f1(all_matches, all_spans), pairs, per_document }
}
