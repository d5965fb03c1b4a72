//! Review of links and attributes, next to spans.
//!
//! Both are reviewed on the spans every compared annotator made alike (the agreed spans,
//! which go to gold on their own): where the annotators gave such a span different
//! attribute values, or linked two such spans differently (other types, or only some of
//! them), that is a disagreement of its own in the review list, decided with the same
//! keys as spans: A or B takes that annotator's values or links into gold, R leaves
//! none. Agreed values and links go to gold with the agreed spans.

use super::{AnnotatedSpan, Disagreement, DisagreementKind, LinkChoices, SpanKey, agreed, key};
use crate::model::{Attributes, CharRange, DocId, LabelId, Project, Relation, Span};
use std::collections::{BTreeMap, BTreeSet};

/// An annotator's first span with this key (not a suggestion).
fn span_with<'p>(project: &'p Project, annotator: &str, doc: &DocId, k: &SpanKey) -> Option<&'p Span> {
    let spans = project.layers.get(annotator)?.spans(doc);
    spans.iter().find(|s| !s.is_suggested() && &key(s) == k)
}

/// The relation types from `head` to `tail` in one annotator's layer.
fn kinds_between(
    project: &Project,
    annotator: &str,
    doc: &DocId,
    head: &SpanKey,
    tail: &SpanKey,
) -> BTreeSet<LabelId> {
    let (Some(h), Some(t)) =
        (span_with(project, annotator, doc, head), span_with(project, annotator, doc, tail))
    else {
        return BTreeSet::new();
    };
    let relations = project.layers.get(annotator).map(|l| l.relations(doc)).unwrap_or(&[]);
    relations
        .iter()
        .filter(|r| !r.origin.is_suggested() && r.head == h.id && r.tail == t.id)
        .map(|r| r.kind.clone())
        .collect()
}

/// The agreed spans of `doc` whose attribute values the annotators set differently, and
/// the agreed pairs they linked differently, as review disagreements in reading order.
pub fn link_and_attribute_disagreements(
    project: &Project,
    doc: &DocId,
    annotators: &[&str],
) -> Vec<Disagreement> {
    let names: Vec<String> = annotators.iter().map(|a| (*a).to_string()).collect();
    let agreed_keys: Vec<SpanKey> = agreed(project, doc, annotators).into_keys().collect();
    let mut out = Vec::new();
    for k in &agreed_keys {
        let versions: Vec<AnnotatedSpan> = annotators
            .iter()
            .filter_map(|a| {
                span_with(project, a, doc, k)
                    .map(|s| AnnotatedSpan { annotator: (*a).to_string(), span: s.clone() })
            })
            .collect();
        if versions.windows(2).any(|w| w[0].span.attributes != w[1].span.attributes) {
            out.push(Disagreement {
                kind: DisagreementKind::AttributesDiffer,
                range: k.0,
                spans: versions,
                annotators: names.clone(),
                link: None,
            });
        }
    }
    // Pairs of agreed spans that some annotator linked.
    let mut pairs: BTreeSet<(SpanKey, SpanKey)> = BTreeSet::new();
    for a in annotators {
        let Some(layer) = project.layers.get(*a) else { continue };
        let spans = layer.spans(doc);
        let by_id = |id| spans.iter().find(|s: &&Span| s.id == id);
        for r in layer.relations(doc).iter().filter(|r| !r.origin.is_suggested()) {
            let (Some(h), Some(t)) = (by_id(r.head), by_id(r.tail)) else { continue };
            let (hk, tk) = (key(h), key(t));
            if agreed_keys.contains(&hk) && agreed_keys.contains(&tk) {
                pairs.insert((hk, tk));
            }
        }
    }
    for (head, tail) in pairs {
        let kinds: Vec<(String, BTreeSet<LabelId>)> = annotators
            .iter()
            .map(|a| ((*a).to_string(), kinds_between(project, a, doc, &head, &tail)))
            .collect();
        if kinds.windows(2).all(|w| w[0].1 == w[1].1) {
            continue;
        }
        let spans = annotators
            .iter()
            .flat_map(|a| [&head, &tail].map(|k| (a, k)))
            .filter_map(|(a, k)| {
                span_with(project, a, doc, k)
                    .map(|s| AnnotatedSpan { annotator: (*a).to_string(), span: s.clone() })
            })
            .collect();
        let start = head.0.start.min(tail.0.start);
        let end = head.0.end.max(tail.0.end);
        out.push(Disagreement {
            kind: DisagreementKind::LinksDiffer,
            range: CharRange { start, end },
            spans,
            annotators: names.clone(),
            link: Some(LinkChoices { head, tail, kinds }),
        });
    }
    out
}

/// The attributes an agreed span takes into gold on its own: the annotators' values when
/// they all gave the same, none otherwise (the reviewer decides).
pub fn agreed_attributes(project: &Project, doc: &DocId, annotators: &[&str], k: &SpanKey) -> Attributes {
    let mut versions = annotators.iter().filter_map(|a| span_with(project, a, doc, k)).map(|s| &s.attributes);
    let Some(first) = versions.next() else { return Attributes::default() };
    if versions.all(|v| v == first) { first.clone() } else { Attributes::default() }
}

/// The links between agreed spans that every annotator made alike: (head, tail, type).
pub fn agreed_links(project: &Project, doc: &DocId, annotators: &[&str]) -> Vec<(SpanKey, SpanKey, LabelId)> {
    let Some(first) = annotators.first() else { return Vec::new() };
    let Some(layer) = project.layers.get(*first) else { return Vec::new() };
    let spans = layer.spans(doc);
    let by_id = |id| spans.iter().find(|s: &&Span| s.id == id);
    let agreed_keys = agreed(project, doc, annotators);
    let mut out = Vec::new();
    for r in layer.relations(doc).iter().filter(|r: &&Relation| !r.origin.is_suggested()) {
        let (Some(h), Some(t)) = (by_id(r.head), by_id(r.tail)) else { continue };
        let (hk, tk) = (key(h), key(t));
        if !agreed_keys.contains_key(&hk) || !agreed_keys.contains_key(&tk) {
            continue;
        }
        if annotators.iter().all(|a| kinds_between(project, a, doc, &hk, &tk).contains(&r.kind)) {
            out.push((hk, tk, r.kind.clone()));
        }
    }
    out
}

/// The gold span with this key.
pub fn gold_with<'p>(project: &'p Project, doc: &DocId, k: &SpanKey) -> Option<&'p Span> {
    project.gold.spans(doc).iter().find(|s| &key(s) == k)
}

/// Gold links between two gold spans, by type.
pub fn gold_links_between(
    project: &Project,
    doc: &DocId,
    head: &SpanKey,
    tail: &SpanKey,
) -> BTreeMap<LabelId, Relation> {
    let (Some(h), Some(t)) = (gold_with(project, doc, head), gold_with(project, doc, tail)) else {
        return BTreeMap::new();
    };
    project
        .gold
        .relations(doc)
        .iter()
        .filter(|r| r.head == h.id && r.tail == t.id)
        .map(|r| (r.kind.clone(), r.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AttrValue, Document, Origin, RelationId, SpanId, Timestamp, apply};
    use crate::review::{Decision, adjudicate, auto_accept_agreed, decided_count, disagreements};

    const TEXT: &str = "نفى الجيش مقتل 12 مدنياً";

    fn span(id: u64, start: usize, end: usize, label: &str, who: &str) -> Span {
        Span::new(SpanId(id), CharRange::new(start, end), LabelId::new(label), who, Timestamp(1))
    }

    fn link(id: u64, head: u64, tail: u64, kind: &str, who: &str) -> Relation {
        Relation::new(RelationId(id), SpanId(head), SpanId(tail), LabelId::new(kind), who, Timestamp(1))
    }

    /// Both mark the denial 0..3, the claim 10..24 and the figure 15..24 alike; they give the
    /// figure other values; both link the figure to the claim, only amal the denial.
    fn project() -> Project {
        let mut p = Project::new("t");
        let doc = Document::new(DocId::new("d"), "d", TEXT.into());
        for (who, value, links) in [
            ("amal", 12.0, vec![link(1, 3, 2, "quantifies", "amal"), link(2, 1, 2, "denies", "amal")]),
            ("omar", 21.0, vec![link(1, 3, 2, "quantifies", "omar")]),
        ] {
            let mut figure = span(3, 15, 24, "figure", who);
            figure.attributes.set("value", Some(AttrValue::Number(value)));
            figure.attributes.set("counts", Some(AttrValue::Text("killed".into())));
            let layer_doc = p.layers.entry(who.into()).or_default().doc_mut(&doc);
            layer_doc.spans = vec![span(1, 0, 3, "denial", who), span(2, 10, 24, "claim", who), figure];
            layer_doc.relations = links;
        }
        p.push_document(doc);
        p
    }

    #[test]
    fn differing_values_and_links_are_disagreements_decided_like_spans() {
        let mut p = project();
        let doc = DocId::new("d");
        let names = ["amal", "omar"];
        let agreed = auto_accept_agreed(&p, &doc, &names, "lina", Timestamp(9));
        apply(&mut p, agreed).unwrap();
        // The three agreed spans went to gold, the figure without values (they differ), and
        // the link both made.
        assert_eq!(p.gold.spans(&doc).len(), 3);
        let gold_figure = p.gold.spans(&doc).iter().find(|s| s.label.as_str() == "figure").unwrap().clone();
        assert!(gold_figure.attributes.is_empty());
        let gold_links = p.gold.relations(&doc).to_vec();
        assert_eq!(gold_links.len(), 1);
        assert_eq!(gold_links[0].kind.as_str(), "quantifies");
        assert_eq!(gold_links[0].origin, Origin::Accepted { by: "lina".into() });
        assert_eq!(p.validate(), vec![]);

        let found = disagreements(&p, &doc, &names);
        let kinds: Vec<_> = found.iter().map(|d| d.kind.describe()).collect();
        assert_eq!(kinds, ["links differ", "attributes differ"]);
        let links = &found[0];
        let choices = links.link.as_ref().unwrap();
        assert_eq!(choices.kinds[0].1.len(), 1, "amal linked the denial");
        assert!(choices.kinds[1].1.is_empty(), "omar did not");
        assert_eq!(decided_count(&p, &doc, links), 0);

        // A takes amal's link into gold; R takes it out again.
        let accept =
            adjudicate(&p, &doc, links, &Decision::Accept("amal".into()), "lina", Timestamp(10)).unwrap();
        apply(&mut p, accept).unwrap();
        assert_eq!(p.gold.relations(&doc).len(), 2);
        assert_eq!(decided_count(&p, &doc, links), 1);
        let reject = adjudicate(&p, &doc, links, &Decision::Reject, "lina", Timestamp(11)).unwrap();
        apply(&mut p, reject).unwrap();
        assert_eq!(p.gold.relations(&doc).len(), 1);

        // B takes omar's values for the figure.
        let values = &found[1];
        let accept =
            adjudicate(&p, &doc, values, &Decision::Accept("omar".into()), "lina", Timestamp(12)).unwrap();
        apply(&mut p, accept).unwrap();
        let figure = p.gold.spans(&doc).iter().find(|s| s.label.as_str() == "figure").unwrap();
        assert_eq!(figure.attributes.get("value"), Some(&AttrValue::Number(21.0)));
        assert_eq!(decided_count(&p, &doc, values), 1);
        let edit = Decision::Edit(vec![(CharRange::new(15, 17), LabelId::new("figure"))]);
        assert!(adjudicate(&p, &doc, values, &edit, "lina", Timestamp(13)).is_err());
        assert_eq!(p.validate(), vec![]);
    }
}
