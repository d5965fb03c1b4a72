//! Bringing colleagues' annotator layers into a project.
//!
//! Documents are matched by content hash, never by id: a colleague's `doc7` is ours
//! when its text is byte for byte ours, whatever either project calls it. The policy,
//! per annotator layer of the other project and per document:
//!
//! - a document whose text is not in our project is reported and not merged (its text
//!   is not imported either: import it first, then merge again);
//! - our own layer (`me`) is never changed, whatever the other project holds for it;
//! - an annotator we have nothing from on that document: their spans are added;
//! - identical spans: nothing to do;
//! - different spans: theirs replace ours only when theirs were edited more recently (the
//!   newest `modified` timestamp among their spans is later than the newest among ours)
//!   and they are not fewer than ours. Otherwise ours are kept and the conflict is
//!   reported: ours were edited more recently ([`MergeOutcome::KeptNewer`]), or theirs
//!   are not newer or are fewer ([`MergeOutcome::KeptFewer`]). Merging an old copy of a
//!   layer, our own included when `me` is not given, therefore never undoes work.
//!
//! The annotator's status on a merged document comes along with the spans; where their
//! spans are the same as ours (or neither has any), their status is taken only when it is
//! further along (new, in progress, done). The active time recorded on a document comes
//! with the spans, and with identical spans when theirs was recorded later. Labels that
//! merged spans use and we lack are added (without a hotkey when theirs is taken). The
//! other project's gold layer is not merged; its size is reported.
//!
//! In a project whose documents are assigned (`hashiya assign`), spans an annotator made on
//! a document not assigned to them are merged all the same, and reported
//! ([`MergeReport::unassigned`]).

use crate::model::{
    Command, CommandError, ContentHash, DocId, Label, LabelId, LayerDoc, LayerRef, Project, RelationType,
    Status, Timestamp, apply,
};
use std::collections::{BTreeMap, BTreeSet};

/// What happened to one annotator's spans on one document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MergeOutcome {
    /// We had nothing from this annotator on this document; theirs were added.
    Added,
    /// Theirs differed and replaced ours.
    Replaced,
    /// Identical to ours.
    Unchanged,
    /// Our own layer: kept although theirs differs.
    KeptOwn,
    /// Ours were edited more recently: kept although theirs differs.
    KeptNewer,
    /// Theirs differs but is not newer than ours, or has fewer spans: ours kept.
    KeptFewer,
}

impl MergeOutcome {
    /// Whether the project changes.
    pub fn changes(self) -> bool {
        matches!(self, MergeOutcome::Added | MergeOutcome::Replaced)
    }

    /// A short description for reports.
    pub fn describe(self) -> &'static str {
        match self {
            MergeOutcome::Added => "added",
            MergeOutcome::Replaced => "replaced",
            MergeOutcome::Unchanged => "unchanged",
            MergeOutcome::KeptOwn => "kept (your own layer)",
            MergeOutcome::KeptNewer => "kept (yours were edited more recently)",
            MergeOutcome::KeptFewer => {
                "kept yours, theirs not merged (it differs and has fewer spans or none edited later)"
            }
        }
    }
}

/// One annotator's spans on one document, and what the merge did with them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayerDocMerge {
    pub annotator: String,
    /// Our id for the document.
    pub doc: DocId,
    /// The other project's id for it.
    pub their_doc: DocId,
    pub outcome: MergeOutcome,
    /// Number of spans in their copy.
    pub spans: usize,
}

/// A document of the other project whose text is not in ours.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnmatchedDocument {
    /// The other project's id for it.
    pub their_doc: DocId,
    pub title: String,
    /// Hash of their text, which no document of ours has.
    pub hash: ContentHash,
    /// Set when we have a document with the same id: its text differs from theirs.
    pub same_id_differs: bool,
    /// Annotators who have a layer on it there, sorted.
    pub annotators: Vec<String>,
}

/// What a merge did, in a stable order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Each annotator's spans on each matched document, by annotator then their doc id.
    pub layer_docs: Vec<LayerDocMerge>,
    /// Their documents whose text we lack, in their project order.
    pub unmatched: Vec<UnmatchedDocument>,
    /// Labels added to our project because merged spans use them.
    pub labels_added: Vec<LabelId>,
    /// Spans in the other project's gold layer, which is never merged.
    pub gold_spans_ignored: usize,
    /// Documents whose status for an annotator changes, apart from merged spans'.
    pub statuses_changed: usize,
    /// Annotators' spans on documents not assigned to them (when ours has assignments):
    /// `(annotator, our document id, their spans)`; merged like any other.
    pub unassigned: Vec<(String, DocId, usize)>,
}

impl MergeReport {
    /// Whether the merge changes the project.
    pub fn changed(&self) -> bool {
        self.layer_docs.iter().any(|m| m.outcome.changes())
            || !self.labels_added.is_empty()
            || self.statuses_changed > 0
    }

    /// How many annotator layer documents had this outcome.
    pub fn count(&self, outcome: MergeOutcome) -> usize {
        self.layer_docs.iter().filter(|m| m.outcome == outcome).count()
    }
}

fn newest(doc: &LayerDoc) -> Option<Timestamp> {
    let spans = doc.spans.iter().map(|s| s.modified.max(s.created));
    spans.chain(doc.relations.iter().map(|r| r.modified.max(r.created))).max()
}

fn outcome(ours: Option<&LayerDoc>, theirs: &LayerDoc, own: bool) -> MergeOutcome {
    match ours {
        // The same spans with time recorded later: their copy, with its time, is taken.
        Some(ours)
            if ours.spans == theirs.spans
                && ours.relations == theirs.relations
                && !own
                && theirs.last_active > ours.last_active =>
        {
            MergeOutcome::Replaced
        }
        Some(ours) if ours.spans == theirs.spans && ours.relations == theirs.relations => {
            MergeOutcome::Unchanged
        }
        _ if own => MergeOutcome::KeptOwn,
        None => MergeOutcome::Added,
        Some(ours) if newest(ours) > newest(theirs) => MergeOutcome::KeptNewer,
        Some(ours) if newest(ours) == newest(theirs) || theirs.spans.len() < ours.spans.len() => {
            MergeOutcome::KeptFewer
        }
        Some(_) => MergeOutcome::Replaced,
    }
}

/// Labels the merged spans need that `into` lacks, ready to add (hotkeys freed of clashes).
fn missing_labels(into: &Project, other: &Project, used: &BTreeSet<&LabelId>) -> Vec<Label> {
    let mut keys: BTreeSet<char> = into.labels.iter().filter_map(|l| l.hotkey).collect();
    let mut out = Vec::new();
    for label in &other.labels {
        if used.contains(&label.id) && into.label(&label.id).is_none() {
            let mut label = label.clone();
            if label.hotkey.is_some_and(|k| !keys.insert(k)) {
                label.hotkey = None;
            }
            out.push(label);
        }
    }
    out
}

/// Our relation types plus those the merged relations need and we lack (hotkeys freed of
/// clashes); `None` when nothing is missing.
fn with_missing_types(
    into: &Project,
    other: &Project,
    used: &BTreeSet<&LabelId>,
) -> Option<Vec<RelationType>> {
    let mut keys: BTreeSet<char> = into.relation_types.iter().filter_map(|t| t.hotkey).collect();
    let mut types = into.relation_types.clone();
    for kind in &other.relation_types {
        if used.contains(&kind.id) && into.relation_type(&kind.id).is_none() {
            let mut kind = kind.clone();
            if kind.hotkey.is_some_and(|k| !keys.insert(k)) {
                kind.hotkey = None;
            }
            types.push(kind);
        }
    }
    (types.len() > into.relation_types.len()).then_some(types)
}

/// Plans the merge of `other`'s annotator layers into `into` (see the module docs):
/// one undoable command, and the report of what it does.
pub fn merge_command(into: &Project, other: &Project, me: Option<&str>) -> (Command, MergeReport) {
    let mut report = MergeReport { gold_spans_ignored: other.gold.span_count(), ..Default::default() };
    let mut layers: BTreeMap<&str, crate::model::Layer> = BTreeMap::new();
    let mut statuses = Vec::new();
    let mut used: BTreeSet<&LabelId> = BTreeSet::new();
    let mut used_kinds: BTreeSet<&LabelId> = BTreeSet::new();
    for (name, layer) in &other.layers {
        for (their_id, theirs) in &layer.docs {
            let Some(ours_doc) = into.document_by_hash(&theirs.hash) else { continue };
            let current = layers.get(name.as_str()).or_else(|| into.layers.get(name));
            let ours = current.and_then(|l| l.docs.get(&ours_doc.id)).map(|d| &**d);
            let outcome = outcome(ours, theirs, me == Some(name.as_str()));
            if outcome.changes() {
                let target = layers
                    .entry(name.as_str())
                    .or_insert_with(|| into.layers.get(name).cloned().unwrap_or_default());
                target.docs.insert(
                    ours_doc.id.clone(),
                    LayerDoc { hash: ours_doc.hash.clone(), ..(**theirs).clone() }.into(),
                );
                used.extend(theirs.spans.iter().map(|s| &s.label));
                used_kinds.extend(theirs.relations.iter().map(|r| &r.kind));
                let status = other.document(their_id).map_or(Status::New, |d| d.status_of(name));
                if status != ours_doc.status_of(name) {
                    statuses.push(Command::SetStatus {
                        doc: ours_doc.id.clone(),
                        annotator: name.clone(),
                        status,
                    });
                }
            }
            if !ours_doc.assigned.is_empty() && !ours_doc.is_assigned_to(name) && !theirs.spans.is_empty() {
                report.unassigned.push((name.clone(), ours_doc.id.clone(), theirs.spans.len()));
            }
            report.layer_docs.push(LayerDocMerge {
                annotator: name.clone(),
                doc: ours_doc.id.clone(),
                their_doc: their_id.clone(),
                outcome,
                spans: theirs.spans.len(),
            });
        }
    }
    let further = further_statuses(into, other, me, &statuses);
    report.statuses_changed = further.len();
    statuses.extend(further);
    for doc in &other.documents {
        if into.document_by_hash(&doc.hash).is_none() {
            report.unmatched.push(UnmatchedDocument {
                their_doc: doc.id.clone(),
                title: doc.title.clone(),
                hash: doc.hash.clone(),
                same_id_differs: into.document(&doc.id).is_some(),
                annotators: other
                    .layers
                    .iter()
                    .filter(|(_, l)| l.docs.contains_key(&doc.id))
                    .map(|(n, _)| n.clone())
                    .collect(),
            });
        }
    }
    let labels = missing_labels(into, other, &used);
    report.labels_added = labels.iter().map(|l| l.id.clone()).collect();
    let mut commands: Vec<Command> =
        labels.into_iter().map(|label| Command::AddLabel { index: usize::MAX, label }).collect();
    if let Some(types) = with_missing_types(into, other, &used_kinds) {
        commands.push(Command::SetRelationTypes { types });
    }
    commands.extend(layers.into_iter().map(|(name, content)| Command::SetLayer {
        layer: LayerRef::annotator(name),
        content: Some(content),
    }));
    commands.extend(statuses);
    (Command::Batch(commands), report)
}

/// Statuses of `other` further along than ours where no spans come with them (identical
/// spans, or none on either side), for annotators other than `me`, not already in `planned`.
fn further_statuses(into: &Project, other: &Project, me: Option<&str>, planned: &[Command]) -> Vec<Command> {
    let mut out = Vec::new();
    for doc in &other.documents {
        let Some(ours) = into.document_by_hash(&doc.hash) else { continue };
        for (name, &status) in &doc.status {
            let already = planned.iter().any(|c| {
                matches!(c, Command::SetStatus { doc, annotator, .. } if doc == &ours.id && annotator == name)
            });
            let theirs = other.layers.get(name).and_then(|l| l.docs.get(&doc.id));
            let mine = into.layers.get(name).and_then(|l| l.docs.get(&ours.id));
            let same_spans = match (theirs, mine) {
                (Some(t), Some(m)) => t.spans == m.spans && t.relations == m.relations,
                (Some(t), None) => t.spans.is_empty() && t.relations.is_empty(),
                (None, _) => true,
            };
            if me == Some(name.as_str()) || already || !same_spans || status <= ours.status_of(name) {
                continue;
            }
            out.push(Command::SetStatus { doc: ours.id.clone(), annotator: name.clone(), status });
        }
    }
    out
}

/// Merges `other`'s annotator layers into `into` (see the module docs). On error the
/// project is unchanged.
pub fn merge(into: &mut Project, other: &Project, me: Option<&str>) -> Result<MergeReport, CommandError> {
    let (command, report) = merge_command(into, other, me);
    apply(into, command)?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharOffset, Color, Document, Origin, Span, SpanId};

    fn span(id: u64, start: usize, end: usize, label: &str, modified: u64) -> Span {
        Span {
            id: SpanId(id),
            start: CharOffset(start),
            end: CharOffset(end),
            label: LabelId::new(label),
            annotator: Default::default(),
            created: Timestamp(0),
            modified: Timestamp(modified),
            note: None,
            origin: Origin::Manual,
            attributes: Default::default(),
        }
    }

    fn project(docs: &[(&str, &str)]) -> Project {
        let mut p = Project::new("p");
        for (id, text) in docs {
            p.push_document(Document::new(DocId::new(*id), format!("{id}.txt"), (*text).into()));
        }
        p
    }

    fn set(p: &mut Project, annotator: &str, doc: &str, spans: Vec<Span>) {
        let document = p.document(&DocId::new(doc)).cloned().unwrap();
        let spans = spans.into_iter().map(|s| Span { annotator: annotator.into(), ..s }).collect();
        p.layers.entry(annotator.into()).or_default().doc_mut(&document).spans = spans;
    }

    fn spans(p: &Project, annotator: &str, doc: &str) -> Vec<Span> {
        p.layers[annotator]
            .spans(&DocId::new(doc))
            .iter()
            .map(|s| Span { annotator: Default::default(), ..s.clone() })
            .collect()
    }

    const A: &str = "قتل 12 مدنياً";
    const B: &str = "نفى الجيش ذلك";

    #[test]
    fn layers_follow_the_text_not_the_id() {
        let mut ours = project(&[("a", A), ("b", B)]);
        set(&mut ours, "amal", "a", vec![span(1, 0, 3, "claim", 5)]);
        let mut theirs = project(&[("x1", B), ("x2", A)]);
        set(&mut theirs, "omar", "x1", vec![span(1, 0, 3, "denial", 5)]);
        set(&mut theirs, "omar", "x2", vec![span(1, 4, 6, "figure", 5)]);
        theirs.document_mut(&DocId::new("x1")).unwrap().status.insert("omar".into(), Status::Done);
        let report = merge(&mut ours, &theirs, Some("amal")).unwrap();
        assert_eq!(spans(&ours, "omar", "b"), &[span(1, 0, 3, "denial", 5)]);
        assert_eq!(spans(&ours, "omar", "a"), &[span(1, 4, 6, "figure", 5)]);
        assert_eq!(ours.document(&DocId::new("b")).unwrap().status_of("omar"), Status::Done);
        assert_eq!(report.count(MergeOutcome::Added), 2);
        assert!(report.unmatched.is_empty() && report.changed());
        assert_eq!(ours.validate(), vec![]);
        // Merging the same file again changes nothing.
        let again = merge(&mut ours, &theirs, Some("amal")).unwrap();
        assert_eq!(again.count(MergeOutcome::Unchanged), 2);
        assert!(!again.changed());
    }

    #[test]
    fn a_different_text_is_reported_not_merged() {
        let mut ours = project(&[("a", A)]);
        let mut theirs = project(&[("a", "قتل 21 مدنياً"), ("new", B)]);
        set(&mut theirs, "omar", "a", vec![span(1, 0, 3, "claim", 5)]);
        let before = ours.clone();
        let report = merge(&mut ours, &theirs, None).unwrap();
        assert_eq!(ours, before);
        assert_eq!(report.unmatched.len(), 2);
        assert_eq!(report.unmatched[0].their_doc.as_str(), "a");
        assert!(report.unmatched[0].same_id_differs);
        assert_eq!(report.unmatched[0].annotators, ["omar"]);
        assert!(!report.unmatched[1].same_id_differs && report.unmatched[1].annotators.is_empty());
        assert!(report.layer_docs.is_empty() && !report.changed());
    }

    #[test]
    fn own_layer_is_never_changed() {
        let mut ours = project(&[("a", A), ("b", B)]);
        set(&mut ours, "amal", "a", vec![span(1, 0, 3, "claim", 5)]);
        let mut theirs = project(&[("a", A), ("b", B)]);
        set(&mut theirs, "amal", "a", vec![span(1, 0, 6, "claim", 9)]);
        set(&mut theirs, "amal", "b", vec![span(1, 0, 3, "denial", 9)]);
        let report = merge(&mut ours, &theirs, Some("amal")).unwrap();
        assert_eq!(spans(&ours, "amal", "a"), &[span(1, 0, 3, "claim", 5)]);
        assert!(spans(&ours, "amal", "b").is_empty());
        assert_eq!(report.count(MergeOutcome::KeptOwn), 2);
        assert!(!report.changed());
    }

    #[test]
    fn a_colleagues_layer_is_replaced_unless_ours_is_newer() {
        let mut ours = project(&[("a", A), ("b", B)]);
        set(&mut ours, "omar", "a", vec![span(1, 0, 3, "claim", 5)]);
        set(&mut ours, "omar", "b", vec![span(1, 0, 3, "claim", 50)]);
        let mut theirs = project(&[("a", A), ("b", B)]);
        // Newer on a (edited at 9 > 5): replaces. Older on b (20 < 50): ours kept.
        set(&mut theirs, "omar", "a", vec![span(1, 0, 6, "claim", 9)]);
        set(&mut theirs, "omar", "b", vec![span(1, 0, 9, "claim", 20)]);
        let report = merge(&mut ours, &theirs, None).unwrap();
        assert_eq!(spans(&ours, "omar", "a"), &[span(1, 0, 6, "claim", 9)]);
        assert_eq!(spans(&ours, "omar", "b"), &[span(1, 0, 3, "claim", 50)]);
        let outcomes: Vec<_> = report.layer_docs.iter().map(|m| m.outcome).collect();
        assert_eq!(outcomes, [MergeOutcome::Replaced, MergeOutcome::KeptNewer]);
    }

    #[test]
    fn regression_an_older_copy_with_fewer_spans_never_replaces_a_layer() {
        // Issue 14, case 4: merging without `me` an older copy of our own layer (45 of its
        // 50 spans, all stamped the same second) replaced it.
        let many = |n: u64| (0..n).map(|i| span(i + 1, 0, 3, "claim", 7)).collect::<Vec<_>>();
        let mut ours = project(&[("a", A), ("b", B)]);
        set(&mut ours, "amal", "a", many(50));
        set(&mut ours, "amal", "b", vec![span(1, 0, 3, "claim", 5), span(2, 4, 6, "claim", 5)]);
        let mut theirs = project(&[("a", A), ("b", B)]);
        set(&mut theirs, "amal", "a", many(45));
        // Edited later, but one span fewer: not taken either.
        set(&mut theirs, "amal", "b", vec![span(1, 0, 3, "claim", 9)]);
        let before = ours.clone();
        let report = merge(&mut ours, &theirs, None).unwrap();
        assert_eq!(ours, before);
        assert_eq!(report.count(MergeOutcome::KeptFewer), 2);
        assert!(!report.changed());
    }

    #[test]
    fn unknown_labels_are_added_and_undo_restores_everything() {
        let mut ours = project(&[("a", A)]);
        let mut theirs = project(&[("a", A)]);
        let rumour = Label {
            id: LabelId::new("rumour"),
            name: "Rumour".into(),
            color: Color([1, 2, 3]),
            hotkey: Some('1'),
            description: String::new(),
            attributes: Vec::new(),
        };
        theirs.labels.push(rumour);
        set(&mut theirs, "omar", "a", vec![span(1, 0, 3, "rumour", 1)]);
        theirs.gold = theirs.layers["omar"].clone();
        let before = ours.clone();
        let (command, report) = merge_command(&ours, &theirs, None);
        assert_eq!(report.labels_added, [LabelId::new("rumour")]);
        assert_eq!(report.gold_spans_ignored, 1);
        let inverse = apply(&mut ours, command).unwrap();
        let added = ours.label(&LabelId::new("rumour")).unwrap();
        // Key 1 is claim's: the new label comes without a hotkey.
        assert_eq!(added.hotkey, None);
        assert_eq!(ours.validate(), vec![]);
        assert!(ours.gold.docs.is_empty());
        apply(&mut ours, inverse).unwrap();
        assert_eq!(ours, before);
    }
}
