//! Agreement on links and attributes between two annotators.
//!
//! Spans are first paired by the overlap rule of span agreement (same label, IoU at the
//! threshold, a maximum one-to-one matching per document; exact matches are overlap
//! matches with IoU 1). A relation of `a` then matches a relation of `b` when its head is
//! paired with theirs, its tail with theirs, and the types are the same; matching is
//! one-to-one. `relation_f1 = 2 x matches / (relations of a + relations of b)`, per
//! relation type and over all types. Suggested spans and relations count for no one.
//!
//! For figures (spans whose label declares a `value` attribute), the pairs of matched
//! spans are counted, those where both gave a value, and among them those whose `value`s
//! are equal: `value_agreement = same / both valued` says how often two values agree,
//! `valued_share = both valued / matched` how often both gave one.

use super::matching::overlap_matching;
use super::report::{ALL_LABELS, FigureValueAgreement, RelationAgreement, layer_named};
use crate::model::{Document, Project, Relation, Span, SpanId};
use std::collections::{BTreeMap, HashMap};

/// What one document contributes for one pair.
#[derive(Default)]
struct Tally {
    /// Per relation type: (relations of a, relations of b, matches).
    by_type: BTreeMap<String, [usize; 3]>,
    /// Matched figure pairs, those where both have a value, and those with equal values.
    figures: [usize; 3],
}

/// Relation and figure-value agreement of annotators `a` and `b` over `documents` (those
/// both worked on).
pub fn relation_agreement(
    project: &Project,
    a: &str,
    b: &str,
    iou: f64,
    documents: &[&Document],
) -> (Vec<RelationAgreement>, FigureValueAgreement) {
    let (layer_a, layer_b) = (layer_named(project, a), layer_named(project, b));
    let mut tally = Tally::default();
    for kind in &project.relation_types {
        tally.by_type.insert(kind.id.to_string(), [0; 3]);
    }
    let valued = |span: &Span| project.label(&span.label).is_some_and(|l| l.attribute("value").is_some());
    for doc in documents {
        fn spans<'p>(layer: Option<&'p crate::model::Layer>, doc: &crate::model::DocId) -> Vec<&'p Span> {
            layer.map(|l| l.spans(doc).iter().filter(|s| !s.is_suggested()).collect()).unwrap_or_default()
        }
        fn relations<'p>(
            layer: Option<&'p crate::model::Layer>,
            doc: &crate::model::DocId,
        ) -> Vec<&'p Relation> {
            layer
                .map(|l| l.relations(doc).iter().filter(|r| !r.origin.is_suggested()).collect())
                .unwrap_or_default()
        }
        let (sa, sb) = (spans(layer_a, &doc.id), spans(layer_b, &doc.id));
        let (ra, rb) = (relations(layer_a, &doc.id), relations(layer_b, &doc.id));
        let pairs = overlap_matching(&sa, &sb, iou);
        let paired: HashMap<SpanId, SpanId> = pairs.iter().map(|&(i, j)| (sa[i].id, sb[j].id)).collect();
        for &(i, j) in &pairs {
            let (x, y) = (sa[i], sb[j]);
            if valued(x) {
                tally.figures[0] += 1;
                let (vx, vy) = (x.attributes.get("value"), y.attributes.get("value"));
                if vx.is_some() && vy.is_some() {
                    tally.figures[1] += 1;
                    if vx == vy {
                        tally.figures[2] += 1;
                    }
                }
            }
        }
        for r in &ra {
            tally.by_type.entry(r.kind.to_string()).or_default()[0] += 1;
        }
        for r in &rb {
            tally.by_type.entry(r.kind.to_string()).or_default()[1] += 1;
        }
        let mut taken = vec![false; rb.len()];
        for r in &ra {
            let (Some(head), Some(tail)) = (paired.get(&r.head), paired.get(&r.tail)) else { continue };
            let found = rb.iter().enumerate().find(|(k, other)| {
                !taken[*k] && other.head == *head && other.tail == *tail && other.kind == r.kind
            });
            if let Some((k, _)) = found {
                taken[k] = true;
                tally.by_type.entry(r.kind.to_string()).or_default()[2] += 1;
            }
        }
    }
    let row = |kind: &str, [na, nb, m]: [usize; 3]| RelationAgreement {
        a: a.to_string(),
        b: b.to_string(),
        kind: kind.to_string(),
        relation_f1: (na + nb > 0).then(|| 2.0 * m as f64 / (na + nb) as f64),
        relations_a: na,
        relations_b: nb,
        matches: m,
    };
    let total = tally.by_type.values().fold([0; 3], |acc, c| [acc[0] + c[0], acc[1] + c[1], acc[2] + c[2]]);
    let mut rows = vec![row(ALL_LABELS, total)];
    rows.extend(tally.by_type.iter().map(|(kind, counts)| row(kind, *counts)));
    let [matched, both_valued, same] = tally.figures;
    let figures = FigureValueAgreement {
        a: a.to_string(),
        b: b.to_string(),
        matched_figures: matched,
        both_valued,
        same_value: same,
        same_value_share: (matched > 0).then(|| same as f64 / matched as f64),
        value_agreement: (both_valued > 0).then(|| same as f64 / both_valued as f64),
        valued_share: (matched > 0).then(|| both_valued as f64 / matched as f64),
    };
    (rows, figures)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AttrValue, CharRange, DocId, Document, LabelId, RelationId, Timestamp};

    fn span(id: u64, start: usize, end: usize, label: &str) -> Span {
        Span::new(SpanId(id), CharRange::new(start, end), LabelId::new(label), "", Timestamp(0))
    }

    fn link(id: u64, head: u64, tail: u64, kind: &str) -> Relation {
        Relation::new(RelationId(id), SpanId(head), SpanId(tail), LabelId::new(kind), "", Timestamp(0))
    }

    fn figure(id: u64, start: usize, end: usize, value: f64) -> Span {
        let mut s = span(id, start, end, "figure");
        s.attributes.set("value", Some(AttrValue::Number(value)));
        s
    }

    fn all(p: &Project) -> Vec<&Document> {
        p.documents.iter().map(|d| &**d).collect()
    }

    // "نفى الجيش مقتل 12 مدنياً وقال إن 3 أصيبوا"
    const TEXT: &str = "نفى الجيش مقتل 12 مدنياً وقال إن 3 أصيبوا";

    #[test]
    fn relations_match_through_matched_spans_and_types() {
        let mut p = Project::new("t");
        let doc = Document::new(DocId::new("d"), "d", TEXT.into());
        // amal: denial 0..3 denies claim 10..24; figure 15..17 (12) quantifies the claim;
        // figure 33..34 (3).
        let amal = p.layers.entry("amal".into()).or_default().doc_mut(&doc);
        amal.spans = vec![
            span(1, 0, 3, "denial"),
            span(2, 10, 24, "claim"),
            figure(3, 15, 17, 12.0),
            figure(4, 33, 34, 3.0),
        ];
        amal.relations = vec![link(1, 1, 2, "denies"), link(2, 3, 2, "quantifies")];
        // omar: the same denial, a claim 10..17 (IoU 7/14 = 0.5 with 10..24: matched), the
        // figure 15..17 with value 21, figure 33..34 with 3; denies matches, quantifies is
        // missing, and he adds a link amal does not have.
        let omar = p.layers.entry("omar".into()).or_default().doc_mut(&doc);
        omar.spans = vec![
            span(7, 0, 3, "denial"),
            span(8, 10, 17, "claim"),
            figure(9, 15, 17, 21.0),
            figure(10, 33, 34, 3.0),
        ];
        omar.relations = vec![link(5, 7, 8, "denies"), link(6, 10, 8, "quantifies")];
        p.push_document(doc);
        let (rows, figures) = relation_agreement(&p, "amal", "omar", 0.5, &all(&p));
        let row = |kind: &str| rows.iter().find(|r| r.kind == kind).unwrap();
        // denies: 1 each, 1 match -> 1.0. quantifies: 1 each, none match -> 0. all: 2 x 1 / 4.
        assert_eq!((row("denies").matches, row("denies").relation_f1), (1, Some(1.0)));
        assert_eq!((row("quantifies").matches, row("quantifies").relation_f1), (0, Some(0.0)));
        assert_eq!((row("all").relations_a, row("all").matches, row("all").relation_f1), (2, 1, Some(0.5)));
        // Two matched figure pairs, both valued; one has the same value.
        assert_eq!((figures.matched_figures, figures.both_valued, figures.same_value), (2, 2, 1));
        assert_eq!(figures.same_value_share, Some(0.5));
        assert_eq!((figures.value_agreement, figures.valued_share), (Some(0.5), Some(1.0)));
        // With a stricter threshold the claims no longer pair, so no relation matches.
        let (rows, _) = relation_agreement(&p, "amal", "omar", 0.6, &all(&p));
        assert_eq!(rows[0].matches, 0);
    }

    #[test]
    fn a_figure_valued_by_one_side_only_lowers_the_valued_share_not_the_value_agreement() {
        let mut p = Project::new("t");
        let doc = Document::new(DocId::new("d"), "d", TEXT.into());
        p.layers.entry("amal".into()).or_default().doc_mut(&doc).spans =
            vec![figure(1, 15, 17, 12.0), figure(2, 33, 34, 3.0)];
        // omar marks both figures, but gives only the second a value.
        p.layers.entry("omar".into()).or_default().doc_mut(&doc).spans =
            vec![span(1, 15, 17, "figure"), figure(2, 33, 34, 3.0)];
        p.push_document(doc);
        let (_, figures) = relation_agreement(&p, "amal", "omar", 0.5, &all(&p));
        assert_eq!((figures.matched_figures, figures.both_valued, figures.same_value), (2, 1, 1));
        assert_eq!(figures.value_agreement, Some(1.0), "the one pair valued by both agrees");
        assert_eq!(figures.valued_share, Some(0.5));
        assert_eq!(figures.same_value_share, Some(0.5), "the old share counts the unvalued one against");
    }

    #[test]
    fn no_relations_means_no_figure() {
        let mut p = Project::new("t");
        let doc = Document::new(DocId::new("d"), "d", TEXT.into());
        p.layers.entry("amal".into()).or_default().doc_mut(&doc).spans = vec![span(1, 0, 3, "denial")];
        p.push_document(doc);
        let (rows, figures) = relation_agreement(&p, "amal", "omar", 0.5, &all(&p));
        assert!(rows.iter().all(|r| r.relation_f1.is_none()));
        assert_eq!(figures.same_value_share, None);
    }
}
