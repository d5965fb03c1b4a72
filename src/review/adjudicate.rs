//! Adjudication: turning review decisions into gold spans.
//!
//! Every function here is pure: it returns a [`Command`] for the caller to apply (so a
//! decision is one undo step) and never changes the project itself. Gold spans get the
//! origin [`Origin::Accepted`] with the reviewer's name; `annotator` keeps whose span
//! was accepted (the reviewer's own name for edited spans).
//!
//! A decision on a disagreement first removes the gold spans that an earlier decision
//! on it left there (gold spans overlapping its range that are not agreed spans), so
//! a reviewer can change their mind. Decisions on links and attribute values (see
//! `disagreement::links`) replace the gold links between the two spans, or the gold span's
//! values, in the same way.

use super::disagreement::links::{agreed_attributes, agreed_links, gold_links_between, gold_with};
use super::disagreement::{Disagreement, DisagreementKind, SpanKey, agreed};
use crate::model::{
    Attributes, CharRange, Command, DocId, LabelId, LayerRef, Origin, Project, Relation, RelationId, Span,
    SpanId, Timestamp,
};
use std::collections::BTreeMap;

/// A reviewer's decision on one disagreement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Take this annotator's spans (nothing, when they marked nothing here).
    Accept(String),
    /// Nothing from here goes into the gold layer.
    Reject,
    /// The reviewer's own spans instead.
    Edit(Vec<(CharRange, LabelId)>),
}

/// Why a decision cannot be turned into gold spans.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AdjudicationError {
    #[error("no document {0:?}")]
    NoDocument(DocId),
    #[error("{0:?} is not one of the annotators under review")]
    NotUnderReview(String),
    #[error("links and attribute values are decided with A, B or R, not with a selection")]
    NotForLinks,
    #[error("the spans of this decision are not in the gold layer yet: accept what both agree on first (G)")]
    NoGoldSpan,
}

/// Hands out span ids past every id of the gold layer.
struct Ids(u64);

impl Ids {
    fn new(project: &Project) -> Self {
        Self(project.gold.next_span_id().0)
    }

    fn next(&mut self) -> SpanId {
        let id = SpanId(self.0);
        self.0 += 1;
        id
    }
}

fn gold_span(source: &Span, id: SpanId, annotator: &str, by: &str, now: Timestamp) -> Span {
    Span {
        id,
        annotator: annotator.into(),
        modified: now,
        origin: Origin::Accepted { by: by.into() },
        ..source.clone()
    }
}

/// Adds to the gold layer every span all `annotators` agree on that it lacks yet.
/// Empty when there is nothing to add.
pub fn auto_accept_agreed(
    project: &Project,
    doc: &DocId,
    annotators: &[&str],
    by: &str,
    now: Timestamp,
) -> Command {
    let mut missing = agreed(project, doc, annotators);
    for span in project.gold.spans(doc) {
        if let Some(n) = missing.get_mut(&(span.range(), span.label.clone())) {
            *n = n.saturating_sub(1);
        }
    }
    let mut ids = Ids::new(project);
    let mut commands = Vec::new();
    let first = annotators.first().copied().unwrap_or_default();
    let source = project.layers.get(first).map(|l| l.spans(doc)).unwrap_or(&[]);
    // Where each agreed span is (or will be) in gold, for the agreed links.
    let mut gold_ids: BTreeMap<SpanKey, SpanId> =
        project.gold.spans(doc).iter().map(|s| ((s.range(), s.label.clone()), s.id)).collect();
    for ((range, label), n) in missing {
        let Some(span) = source.iter().find(|s| s.range() == range && s.label == label) else { continue };
        let key = (range, label);
        for _ in 0..n {
            let mut span = gold_span(span, ids.next(), first, by, now);
            span.attributes = agreed_attributes(project, doc, annotators, &key);
            gold_ids.entry(key.clone()).or_insert(span.id);
            commands.push(Command::AddSpan { layer: LayerRef::Gold, doc: doc.clone(), span });
        }
    }
    if annotators.len() >= 2 {
        let gold_relations = project.gold.relations(doc);
        let mut next = project.gold.next_relation_id().0;
        for (head, tail, kind) in agreed_links(project, doc, annotators) {
            let (Some(&h), Some(&t)) = (gold_ids.get(&head), gold_ids.get(&tail)) else { continue };
            if gold_relations.iter().any(|r| r.head == h && r.tail == t && r.kind == kind) {
                continue;
            }
            let mut relation = Relation::new(RelationId(next), h, t, kind, first, now);
            relation.origin = Origin::Accepted { by: by.into() };
            next += 1;
            commands.push(Command::AddRelation { layer: LayerRef::Gold, doc: doc.clone(), relation });
        }
    }
    Command::Batch(commands)
}

/// How many gold spans (for links: gold links; for values: the gold span when it has
/// values) decide `disagreement`.
pub fn decided_count(project: &Project, doc: &DocId, disagreement: &Disagreement) -> usize {
    match (&disagreement.kind, &disagreement.link) {
        (DisagreementKind::LinksDiffer, Some(link)) => {
            gold_links_between(project, doc, &link.head, &link.tail).len()
        }
        (DisagreementKind::AttributesDiffer, _) => {
            let key = disagreement.spans.first().map(|s| (s.span.range(), s.span.label.clone()));
            key.and_then(|k| gold_with(project, doc, &k)).is_some_and(|s| !s.attributes.is_empty()) as usize
        }
        _ => decided(project, doc, disagreement).len(),
    }
}

/// The command for a decision on links or attribute values (see `disagreement::links`).
fn adjudicate_links_or_values(
    project: &Project,
    doc: &DocId,
    disagreement: &Disagreement,
    decision: &Decision,
    by: &str,
    now: Timestamp,
) -> Result<Command, AdjudicationError> {
    let chosen = match decision {
        Decision::Accept(annotator) if disagreement.annotators.contains(annotator) => {
            Some(annotator.as_str())
        }
        Decision::Accept(annotator) => return Err(AdjudicationError::NotUnderReview(annotator.clone())),
        Decision::Reject => None,
        Decision::Edit(_) => return Err(AdjudicationError::NotForLinks),
    };
    let gold = LayerRef::Gold;
    if let Some(link) = &disagreement.link {
        let (Some(head), Some(tail)) =
            (gold_with(project, doc, &link.head), gold_with(project, doc, &link.tail))
        else {
            return Err(AdjudicationError::NoGoldSpan);
        };
        let mut commands: Vec<Command> = gold_links_between(project, doc, &link.head, &link.tail)
            .into_values()
            .map(|r| Command::RemoveRelation { layer: gold.clone(), doc: doc.clone(), id: r.id })
            .collect();
        let kinds =
            chosen.and_then(|a| link.kinds.iter().find(|(name, _)| name == a)).map(|(_, k)| k.clone());
        let ids = project.gold.next_relation_id().0..;
        for (next, kind) in ids.zip(kinds.into_iter().flatten()) {
            let mut relation =
                Relation::new(RelationId(next), head.id, tail.id, kind, chosen.unwrap_or(by), now);
            relation.origin = Origin::Accepted { by: by.into() };
            commands.push(Command::AddRelation { layer: gold.clone(), doc: doc.clone(), relation });
        }
        return Ok(Command::Batch(commands));
    }
    let first = disagreement.spans.first().ok_or(AdjudicationError::NoGoldSpan)?;
    let key = (first.span.range(), first.span.label.clone());
    let gold_span = gold_with(project, doc, &key).ok_or(AdjudicationError::NoGoldSpan)?;
    let attributes = match chosen {
        Some(a) => disagreement.spans_of(a).next().map(|s| s.attributes.clone()).unwrap_or_default(),
        None => Attributes::default(),
    };
    let span =
        Span { attributes, modified: now, origin: Origin::Accepted { by: by.into() }, ..gold_span.clone() };
    Ok(Command::Batch(vec![Command::UpdateSpan { layer: gold, doc: doc.clone(), span }]))
}

/// The annotator's links that touch the spans just accepted (`accepted`: their span id and
/// new gold id) and whose other end is in gold too (accepted now, or already there and not
/// being `removed`), as gold links. A decision on a span keeps the links it had.
fn carried_links(
    project: &Project,
    doc: &DocId,
    annotator: &str,
    accepted: &[(SpanId, SpanId)],
    removed: &[SpanId],
    by: &str,
    now: Timestamp,
) -> Vec<Command> {
    let Some(layer) = project.layers.get(annotator) else { return Vec::new() };
    let spans = layer.spans(doc);
    let gold_spans = project.gold.spans(doc);
    // Where one of the annotator's spans is in gold: accepted now, or the same range and
    // label already there.
    let in_gold = |id: SpanId| -> Option<SpanId> {
        if let Some(&(_, gold)) = accepted.iter().find(|(ours, _)| *ours == id) {
            return Some(gold);
        }
        let span = spans.iter().find(|s| s.id == id)?;
        gold_spans
            .iter()
            .find(|g| g.range() == span.range() && g.label == span.label && !removed.contains(&g.id))
            .map(|g| g.id)
    };
    let mut next = project.gold.next_relation_id().0;
    let mut out = Vec::new();
    let mut made: Vec<(SpanId, SpanId, LabelId)> = Vec::new();
    for relation in layer.relations(doc).iter().filter(|r| !r.origin.is_suggested()) {
        let touches_accepted = accepted.iter().any(|(ours, _)| relation.touches(*ours));
        let (Some(head), Some(tail)) = (in_gold(relation.head), in_gold(relation.tail)) else { continue };
        let exists = project
            .gold
            .relations(doc)
            .iter()
            .any(|r| r.head == head && r.tail == tail && r.kind == relation.kind);
        if !touches_accepted || exists || made.contains(&(head, tail, relation.kind.clone())) {
            continue;
        }
        made.push((head, tail, relation.kind.clone()));
        let mut gold = Relation::new(RelationId(next), head, tail, relation.kind.clone(), annotator, now);
        gold.origin = Origin::Accepted { by: by.into() };
        next += 1;
        out.push(Command::AddRelation { layer: LayerRef::Gold, doc: doc.clone(), relation: gold });
    }
    out
}

/// The gold spans that a decision on `disagreement` has put there, in reading order.
pub fn decided<'p>(project: &'p Project, doc: &DocId, disagreement: &Disagreement) -> Vec<&'p Span> {
    let names: Vec<&str> = disagreement.annotators.iter().map(String::as_str).collect();
    let agreed: BTreeMap<SpanKey, usize> = agreed(project, doc, &names);
    project
        .gold
        .spans(doc)
        .iter()
        .filter(|s| s.range().overlaps(&disagreement.range))
        .filter(|s| !agreed.contains_key(&(s.range(), s.label.clone())))
        .collect()
}

/// The command that records `decision` on `disagreement` in the gold layer, replacing
/// an earlier decision on it.
pub fn adjudicate(
    project: &Project,
    doc: &DocId,
    disagreement: &Disagreement,
    decision: &Decision,
    by: &str,
    now: Timestamp,
) -> Result<Command, AdjudicationError> {
    if project.document(doc).is_none() {
        return Err(AdjudicationError::NoDocument(doc.clone()));
    }
    if matches!(disagreement.kind, DisagreementKind::AttributesDiffer | DisagreementKind::LinksDiffer) {
        return adjudicate_links_or_values(project, doc, disagreement, decision, by, now);
    }
    let removed: Vec<SpanId> = decided(project, doc, disagreement).into_iter().map(|s| s.id).collect();
    let mut commands: Vec<Command> = removed
        .iter()
        .map(|&id| Command::RemoveSpan { layer: LayerRef::Gold, doc: doc.clone(), id })
        .collect();
    let mut ids = Ids::new(project);
    let mut add =
        |span: Span| commands.push(Command::AddSpan { layer: LayerRef::Gold, doc: doc.clone(), span });
    match decision {
        Decision::Accept(annotator) => {
            if !disagreement.annotators.contains(annotator) {
                return Err(AdjudicationError::NotUnderReview(annotator.clone()));
            }
            let mut accepted = Vec::new();
            for span in disagreement.spans_of(annotator) {
                let gold = gold_span(span, ids.next(), annotator, by, now);
                accepted.push((span.id, gold.id));
                add(gold);
            }
            commands.extend(carried_links(project, doc, annotator, &accepted, &removed, by, now));
        }
        Decision::Reject => {}
        Decision::Edit(spans) => {
            for (range, label) in spans {
                add(Span {
                    id: ids.next(),
                    start: range.start,
                    end: range.end,
                    label: label.clone(),
                    annotator: by.into(),
                    created: now,
                    modified: now,
                    note: None,
                    origin: Origin::Accepted { by: by.into() },
                    attributes: Attributes::default(),
                });
            }
        }
    }
    Ok(Command::Batch(commands))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::apply;
    use crate::review::disagreement::spans::tests::review_project;
    use crate::review::{DisagreementKind, disagreements};

    const NOW: Timestamp = Timestamp(99);

    fn doc() -> DocId {
        DocId::new("d")
    }

    fn gold(p: &Project) -> Vec<(CharRange, &str, &str)> {
        p.gold.spans(&doc()).iter().map(|s| (s.range(), s.label.as_str(), s.annotator.as_str())).collect()
    }

    #[test]
    fn agreed_spans_are_accepted_once() {
        let mut p = review_project();
        let command = auto_accept_agreed(&p, &doc(), &["amal", "omar"], "lina", NOW);
        apply(&mut p, command).unwrap();
        assert_eq!(gold(&p), [(CharRange::new(0, 3), "claim", "amal")]);
        let accepted = &p.gold.spans(&doc())[0];
        assert_eq!(accepted.origin, Origin::Accepted { by: "lina".into() });
        assert_eq!((accepted.created, accepted.modified), (Timestamp(1), NOW));
        // Already in gold: nothing more to add.
        assert_eq!(auto_accept_agreed(&p, &doc(), &["amal", "omar"], "lina", NOW), Command::Batch(vec![]));
        assert_eq!(p.validate(), vec![]);
    }

    #[test]
    fn accept_then_change_of_mind_then_reject_then_undo() {
        let mut p = review_project();
        let agreed = auto_accept_agreed(&p, &doc(), &["amal", "omar"], "lina", NOW);
        apply(&mut p, agreed).unwrap();
        let found = disagreements(&p, &doc(), &["amal", "omar"]);
        let boundary = found.iter().find(|d| d.kind == DisagreementKind::BoundaryMismatch).unwrap();
        // Accept omar's shorter claim.
        let accept_b =
            adjudicate(&p, &doc(), boundary, &Decision::Accept("omar".into()), "lina", NOW).unwrap();
        apply(&mut p, accept_b).unwrap();
        assert_eq!(
            gold(&p),
            [(CharRange::new(0, 3), "claim", "amal"), (CharRange::new(7, 10), "claim", "omar")]
        );
        assert_eq!(decided(&p, &doc(), boundary).len(), 1);
        // Change of mind: amal's version replaces it; the agreed span stays.
        let accept_a =
            adjudicate(&p, &doc(), boundary, &Decision::Accept("amal".into()), "lina", NOW).unwrap();
        let undo = apply(&mut p, accept_a).unwrap();
        assert_eq!(
            gold(&p),
            [(CharRange::new(0, 3), "claim", "amal"), (CharRange::new(7, 13), "claim", "amal")]
        );
        apply(&mut p, undo).unwrap();
        assert_eq!(gold(&p)[1], (CharRange::new(7, 10), "claim", "omar"));
        // Reject clears the decision.
        let reject = adjudicate(&p, &doc(), boundary, &Decision::Reject, "lina", NOW).unwrap();
        apply(&mut p, reject).unwrap();
        assert_eq!(gold(&p), [(CharRange::new(0, 3), "claim", "amal")]);
        assert_eq!(p.validate(), vec![]);
    }

    #[test]
    fn accepting_spans_keeps_their_links_to_gold_spans() {
        let mut p = review_project();
        let d = doc();
        let doc0 = p.documents[0].clone();
        // amal links her longer claim 7..13 to the agreed claim 0..3, by a type open to any labels.
        p.relation_types.push(crate::model::RelationType::open("cites", crate::model::Color::default()));
        let link =
            Relation::new(RelationId(1), SpanId(3), SpanId(1), LabelId::new("cites"), "amal", Timestamp(1));
        std::sync::Arc::make_mut(p.layers.get_mut("amal").unwrap().docs.get_mut(&doc0.id).unwrap())
            .relations = vec![link];
        let agreed = auto_accept_agreed(&p, &d, &["amal", "omar"], "lina", NOW);
        apply(&mut p, agreed).unwrap();
        assert!(p.gold.relations(&d).is_empty(), "omar did not make it: not agreed");
        let found = disagreements(&p, &d, &["amal", "omar"]);
        let boundary = found.iter().find(|x| x.kind == DisagreementKind::BoundaryMismatch).unwrap();
        let accept = adjudicate(&p, &d, boundary, &Decision::Accept("amal".into()), "lina", NOW).unwrap();
        apply(&mut p, accept).unwrap();
        let links = p.gold.relations(&d);
        assert_eq!(links.len(), 1, "the link comes with the accepted span");
        let end = |id| p.gold.spans(&d).iter().find(|s| s.id == id).unwrap().range();
        assert_eq!((end(links[0].head), end(links[0].tail)), (CharRange::new(7, 13), CharRange::new(0, 3)));
        assert_eq!(links[0].origin, Origin::Accepted { by: "lina".into() });
        // A change of mind takes the span, and so its link, out again.
        let found = disagreements(&p, &d, &["amal", "omar"]);
        let boundary = found.iter().find(|x| x.kind == DisagreementKind::BoundaryMismatch).unwrap();
        let accept = adjudicate(&p, &d, boundary, &Decision::Accept("omar".into()), "lina", NOW).unwrap();
        apply(&mut p, accept).unwrap();
        assert!(p.gold.relations(&d).is_empty());
        assert_eq!(p.validate(), vec![]);
    }

    #[test]
    fn edit_and_errors() {
        let mut p = review_project();
        let found = disagreements(&p, &doc(), &["amal", "omar"]);
        let same_range = &found[0];
        assert_eq!(same_range.kind, DisagreementKind::SameRangeDifferentLabel);
        let edit = Decision::Edit(vec![(CharRange::new(4, 13), LabelId::new("figure"))]);
        let command = adjudicate(&p, &doc(), same_range, &edit, "lina", NOW).unwrap();
        apply(&mut p, command).unwrap();
        assert_eq!(gold(&p), [(CharRange::new(4, 13), "figure", "lina")]);
        let only_amal = &found[2];
        // Accepting omar, who marked nothing there, adds nothing.
        let command =
            adjudicate(&p, &doc(), only_amal, &Decision::Accept("omar".into()), "lina", NOW).unwrap();
        assert_eq!(command, Command::Batch(vec![]));
        assert_eq!(
            adjudicate(&p, &doc(), only_amal, &Decision::Accept("zaid".into()), "lina", NOW),
            Err(AdjudicationError::NotUnderReview("zaid".into()))
        );
        assert_eq!(
            adjudicate(&p, &DocId::new("nope"), only_amal, &Decision::Reject, "lina", NOW),
            Err(AdjudicationError::NoDocument(DocId::new("nope")))
        );
    }
}
