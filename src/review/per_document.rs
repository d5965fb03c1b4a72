//! Agreement per document, so that a reviewer starts where colleagues disagree most:
//! exact and overlap F1 pooled over every pair of the chosen annotators, and
//! Krippendorff's unitizing alpha over the document alone.
//!
//! A document one of the chosen annotators never worked on (see `scope`) is marked
//! "not annotated by" them: its figures are over those who did (undefined when fewer
//! than two did), and it is left out of the ranking, listed after the ranked documents
//! in project order, so the "least agreed" document is never simply one somebody skipped.

use super::continuum;
use super::matching::{exact_matches, overlap_matching};
use super::report::{DocumentAgreement, layer_named};
use crate::model::{Document, Project, Span};
use std::cmp::Ordering;

/// One row per document of `project`, the least agreed first, then those some annotator
/// never worked on. `worked[a][d]`: whether annotator `a` of `annotators` worked on
/// document `d`.
pub fn per_document(
    project: &Project,
    annotators: &[&str],
    worked: &[Vec<bool>],
    iou: f64,
) -> Vec<DocumentAgreement> {
    let (mut ranked, mut unranked): (Vec<DocumentAgreement>, Vec<DocumentAgreement>) = project
        .documents
        .iter()
        .enumerate()
        .map(|(d, doc)| {
            let who: Vec<&str> = annotators
                .iter()
                .zip(worked)
                .filter(|(_, w)| w.get(d).copied().unwrap_or(false))
                .map(|(n, _)| *n)
                .collect();
            let missing = annotators.iter().filter(|n| !who.contains(n)).map(|n| n.to_string()).collect();
            row(project, &who, missing, iou, doc)
        })
        .partition(|r| r.not_annotated_by.is_empty());
    ranked.sort_by(least_agreed_first);
    ranked.append(&mut unranked);
    ranked
}

fn row(
    project: &Project,
    annotators: &[&str],
    missing: Vec<String>,
    iou: f64,
    doc: &Document,
) -> DocumentAgreement {
    let spans: Vec<Vec<&Span>> = annotators
        .iter()
        .map(|n| {
            layer_named(project, n)
                .map(|l| l.spans(&doc.id).iter().filter(|s| !s.is_suggested()).collect())
                .unwrap_or_default()
        })
        .collect();
    let (mut total, mut exact, mut overlap) = (0, 0, 0);
    for (i, a) in spans.iter().enumerate() {
        for b in spans.iter().skip(i + 1) {
            total += a.len() + b.len();
            exact += exact_matches(a, b);
            overlap += overlap_matching(a, b, iou).len();
        }
    }
    let f1 = |m: usize| (total > 0).then(|| 2.0 * m as f64 / total as f64);
    let alpha_u =
        if annotators.len() < 2 { None } else { continuum::study(project, annotators, &[doc]).alpha() };
    DocumentAgreement {
        id: doc.id.to_string(),
        title: doc.title.clone(),
        exact_f1: f1(exact),
        overlap_f1: f1(overlap),
        alpha_u,
        spans: spans.iter().map(Vec::len).sum(),
        not_annotated_by: missing,
    }
}

/// Lower alpha_u first, then lower overlap F1, then lower exact F1; an undefined figure
/// (nothing to agree on) after every defined one. Ties keep the project's order.
pub fn least_agreed_first(a: &DocumentAgreement, b: &DocumentAgreement) -> Ordering {
    let key = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    key(a.alpha_u, b.alpha_u).then(key(a.overlap_f1, b.overlap_f1)).then(key(a.exact_f1, b.exact_f1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharRange, DocId, LabelId, SpanId, Timestamp};

    fn span(start: usize, end: usize, label: &str) -> Span {
        Span::new(SpanId(start as u64), CharRange::new(start, end), LabelId::new(label), "", Timestamp(0))
    }

    #[test]
    fn documents_come_least_agreed_first() {
        let mut p = Project::new("t");
        let text = "abcdefghijklmnopqrst";
        let docs: Vec<Document> = ["same", "apart", "blank"]
            .iter()
            .map(|id| Document::new(DocId::new(*id), *id, text.into()))
            .collect();
        let mut put = |name: &str, doc: usize, spans: Vec<Span>| {
            p.layers.entry(name.into()).or_default().doc_mut(&docs[doc]).spans = spans;
        };
        put("amal", 0, vec![span(2, 6, "claim")]);
        put("omar", 0, vec![span(2, 6, "claim")]);
        put("amal", 1, vec![span(2, 6, "claim"), span(10, 14, "figure")]);
        put("omar", 1, vec![span(3, 6, "claim")]);
        p.documents = docs.into_iter().map(Into::into).collect();
        let worked = super::super::scope::worked(&p, &["amal", "omar"]);
        let rows = per_document(&p, &["amal", "omar"], &worked, 0.5);
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["apart", "same", "blank"]);
        assert_eq!(rows[2].not_annotated_by, ["amal", "omar"], "nobody worked on blank");
        let [apart, same, blank] = [&rows[0], &rows[1], &rows[2]];
        assert_eq!(
            (same.exact_f1, same.overlap_f1, same.alpha_u, same.spans),
            (Some(1.0), Some(1.0), Some(1.0), 2)
        );
        // apart: claim 2..6 vs 3..6 match by overlap (IoU 3/4), not exactly: 2 x 1 / 3.
        assert_eq!((apart.exact_f1, apart.overlap_f1), (Some(0.0), Some(2.0 / 3.0)));
        assert!(apart.alpha_u.is_some_and(|a| a < 1.0));
        assert_eq!((blank.exact_f1, blank.overlap_f1, blank.alpha_u, blank.spans), (None, None, None, 0));
    }
}
