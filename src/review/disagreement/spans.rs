//! Span disagreements: the spans not every chosen annotator made alike, grouped into
//! clusters of overlapping spans (two spans overlap when they share a code point; a
//! cluster is a connected group, so clusters never overlap each other). Each cluster is
//! one [`Disagreement`], classified as:
//!
//! - [`DisagreementKind::SameRangeDifferentLabel`]: every span has the same range, the
//!   labels differ;
//! - [`DisagreementKind::BoundaryMismatch`]: spans of two or more annotators overlap
//!   with different ranges;
//! - [`DisagreementKind::OnlyIn`]: the spans come from these annotators only (the
//!   others marked nothing that overlaps), with the same label where there are several.

use super::{AnnotatedSpan, Disagreement, DisagreementKind, agreed, key, layer_spans};
use crate::model::{CharOffset, CharRange, DocId, Project, Span};

/// The clusters of spans on `doc` that `annotators` did not all make alike, in reading
/// order (links and attributes are left to `links`).
pub fn span_disagreements(project: &Project, doc: &DocId, annotators: &[&str]) -> Vec<Disagreement> {
    let common = agreed(project, doc, annotators);
    let mut rest: Vec<(usize, AnnotatedSpan)> = Vec::new();
    for (order, (name, spans)) in annotators.iter().zip(layer_spans(project, doc, annotators)).enumerate() {
        let mut left = common.clone();
        for span in spans {
            if let Some(n) = left.get_mut(&key(span)).filter(|n| **n > 0) {
                *n -= 1;
                continue;
            }
            rest.push((order, AnnotatedSpan { annotator: (*name).to_string(), span: span.clone() }));
        }
    }
    rest.sort_by(|(oa, a), (ob, b)| Span::reading_order(&a.span, &b.span).then(oa.cmp(ob)));
    let names: Vec<String> = annotators.iter().map(|a| (*a).to_string()).collect();
    let mut out: Vec<Disagreement> = Vec::new();
    let mut cluster: Vec<AnnotatedSpan> = Vec::new();
    let mut end = CharOffset(0);
    for (_, item) in rest {
        if !cluster.is_empty() && item.span.start >= end {
            out.push(classify(std::mem::take(&mut cluster), &names));
        }
        end = if cluster.is_empty() { item.span.end } else { end.max(item.span.end) };
        cluster.push(item);
    }
    if !cluster.is_empty() {
        out.push(classify(cluster, &names));
    }
    out
}

fn classify(spans: Vec<AnnotatedSpan>, annotators: &[String]) -> Disagreement {
    let present: Vec<String> =
        annotators.iter().filter(|a| spans.iter().any(|s| &s.annotator == *a)).cloned().collect();
    let first = spans.first().map(|s| s.span.range()).unwrap_or_default();
    let same_range = spans.iter().all(|s| s.span.range() == first);
    let same_label = spans.windows(2).all(|w| matches!(w, [a, b] if a.span.label == b.span.label));
    let kind = if (same_range && same_label) || present.len() == 1 {
        DisagreementKind::OnlyIn(present)
    } else if same_range {
        DisagreementKind::SameRangeDifferentLabel
    } else {
        DisagreementKind::BoundaryMismatch
    };
    let start = spans.iter().map(|s| s.span.start).min().unwrap_or_default();
    let end = spans.iter().map(|s| s.span.end).max().unwrap_or_default();
    Disagreement { kind, range: CharRange { start, end }, spans, annotators: annotators.to_vec(), link: None }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Document, LabelId, SpanId, Timestamp};
    use crate::review::disagreement::disagreements;

    pub(crate) fn span(id: u64, start: usize, end: usize, label: &str) -> Span {
        Span::new(SpanId(id), CharRange::new(start, end), LabelId::new(label), "", Timestamp(1))
    }

    /// One document of 40 code points with amal's and omar's spans:
    /// 0..3 claim both (agreed); 4..6 figure vs claim (same range); 7..13 vs 7..10 claim
    /// (boundaries); 14..19 denial amal only; 20..22 figure omar only.
    pub(crate) fn review_project() -> Project {
        let mut p = Project::new("t");
        let doc = Document::new(DocId::new("d"), "d.txt", "قتل 12 مدنياً اليوم، وقال الجيش إن 5 جرحى".into());
        let amal = vec![
            span(1, 0, 3, "claim"),
            span(2, 4, 6, "figure"),
            span(3, 7, 13, "claim"),
            span(4, 14, 19, "denial"),
        ];
        let omar = vec![
            span(1, 0, 3, "claim"),
            span(2, 4, 6, "claim"),
            span(3, 7, 10, "claim"),
            span(4, 20, 22, "figure"),
        ];
        let amal = amal.into_iter().map(|s| Span { annotator: "amal".into(), ..s }).collect();
        p.layers.entry("amal".into()).or_default().doc_mut(&doc).spans = amal;
        let omar = omar.into_iter().map(|s| Span { annotator: "omar".into(), ..s }).collect();
        p.layers.entry("omar".into()).or_default().doc_mut(&doc).spans = omar;
        p.push_document(doc);
        p
    }

    #[test]
    fn kinds_in_reading_order() {
        let p = review_project();
        let found = disagreements(&p, &DocId::new("d"), &["amal", "omar"]);
        let summary: Vec<(DisagreementKind, CharRange)> =
            found.iter().map(|d| (d.kind.clone(), d.range)).collect();
        assert_eq!(
            summary,
            [
                (DisagreementKind::SameRangeDifferentLabel, CharRange::new(4, 6)),
                (DisagreementKind::BoundaryMismatch, CharRange::new(7, 13)),
                (DisagreementKind::OnlyIn(vec!["amal".into()]), CharRange::new(14, 19)),
                (DisagreementKind::OnlyIn(vec!["omar".into()]), CharRange::new(20, 22)),
            ]
        );
        assert_eq!(found[1].spans_of("omar").map(|s| s.range()).collect::<Vec<_>>(), [CharRange::new(7, 10)]);
        assert_eq!(found[2].missing(), ["omar"]);
        assert_eq!(found[2].kind.describe(), "only amal");
        assert_eq!(found[1].kind.describe(), "boundary mismatch");
        let agreed = agreed(&p, &DocId::new("d"), &["amal", "omar"]);
        assert_eq!(
            agreed.into_iter().collect::<Vec<_>>(),
            [((CharRange::new(0, 3), LabelId::new("claim")), 1)]
        );
    }

    #[test]
    fn identical_or_single_layers_have_no_disagreements() {
        let mut p = review_project();
        let amal = p.layers["amal"].clone();
        p.layers.insert("omar".into(), amal);
        assert!(disagreements(&p, &DocId::new("d"), &["amal", "omar"]).is_empty());
        // One annotator alone: nothing is agreed, every span stands alone.
        let alone = disagreements(&p, &DocId::new("d"), &["amal"]);
        assert_eq!(alone.len(), 4);
        assert!(alone.iter().all(|d| d.kind == DisagreementKind::OnlyIn(vec!["amal".into()])));
    }

    #[test]
    fn three_annotators_and_chains_of_overlaps() {
        let mut p = review_project();
        let doc = p.documents[0].clone();
        // sara agrees with amal on 14..19 and adds 2..5 claim, which overlaps 0..3 and 4..6.
        p.layers.entry("sara".into()).or_default().doc_mut(&doc).spans =
            vec![span(1, 0, 3, "claim"), span(2, 2, 5, "claim"), span(3, 14, 19, "denial")];
        let found = disagreements(&p, &DocId::new("d"), &["amal", "omar", "sara"]);
        // 0..3 claim is agreed by all three; 2..5 chains with 4..6 into one cluster 2..6.
        assert_eq!(found[0].range, CharRange::new(2, 6));
        assert_eq!(found[0].kind, DisagreementKind::BoundaryMismatch);
        let only = found.iter().find(|d| d.range == CharRange::new(14, 19)).unwrap();
        assert_eq!(only.kind, DisagreementKind::OnlyIn(vec!["amal".into(), "sara".into()]));
        assert_eq!(only.missing(), ["omar"]);
    }

    #[test]
    fn suggested_spans_are_no_ones_decision() {
        let mut p = review_project();
        let d = DocId::new("d");
        let before = disagreements(&p, &d, &["amal", "omar"]).len();
        let mut suggestion = Span { annotator: "amal".into(), ..span(9, 30, 33, "figure") };
        suggestion.origin = crate::model::Origin::Suggested { rule: "figure:digits".into() };
        let doc = p.documents[0].clone();
        p.layers.entry("amal".into()).or_default().doc_mut(&doc).spans.push(suggestion);
        assert_eq!(disagreements(&p, &d, &["amal", "omar"]).len(), before);
    }
}
