//! Adding read records to a project: match documents on their content hash, check
//! every span against the text, add unknown labels, never duplicate.
//!
//! Attributes are read by the kinds the span's label declares (brat's text `43` becomes
//! the number 43 for a number attribute); one the label does not declare is added to it,
//! of the kind of the value. Relations link spans of the same record by the keys the file
//! gives them (or by `start:end:label`); both ends must have been imported into the same
//! layer, else the relation is reported and skipped. Unknown relation types are added,
//! allowing any labels.

use super::records::{Record, RecordRelation, RecordSpan, offsets_key};
use super::values::{
    ambiguous_keys, colour_for, file_id, fresh_id, new_label, one_line, read_attributes, take_id,
};
use super::{ImportOptions, ImportReport, Problem};
use crate::model::document::title_of;
use crate::model::{
    CharIndex, CharOffset, CharRange, ContentHash, DocId, Document, LabelId, Layer, LayerDoc, MAX_ID, Origin,
    Project, Relation, RelationType, Span, SpanId, clean_name,
};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

/// What makes two spans of one layer and document the same: start, end and label.
type SpanKey = (usize, usize, String);

/// The layer name that means the gold layer.
const GOLD: &str = "gold";

/// Adds `records` to `project`; `progress` gets the number of records done.
///
/// Each record goes through the phases below: its document is matched or added
/// ([`Importing::document`]), its spans are checked and placed in their layers
/// ([`Importing::span`]), then its relations link the placed spans
/// ([`Importing::relation`]); at the end every layer touched is put back in reading order.
pub fn apply(
    project: &mut Project,
    records: Vec<Record>,
    options: &ImportOptions,
    fallback_stem: &str,
    report: &mut ImportReport,
    progress: &mut dyn FnMut(usize),
) {
    let mut importing = Importing::new(project, options, report);
    let total = records.len();
    for (i, record) in records.into_iter().enumerate() {
        if i % 256 == 0 {
            progress(i);
        }
        let Some((doc_id, hash)) = importing.document(&record, fallback_stem) else { continue };
        importing.lead_time(&record, &doc_id, &hash);
        let index = CharIndex::new(&record.text);
        let ambiguous = ambiguous_keys(&record, &mut importing.report.problems);
        // Where each span of the record went: its keys -> (layer, span id).
        let mut placed: HashMap<String, (String, SpanId)> = HashMap::new();
        for span in record.spans {
            let at = Doc {
                id: &doc_id,
                hash: &hash,
                text: &record.text,
                index: &index,
                gold: record.gold,
                untyped: record.untyped_values,
            };
            importing.span(span, &at, &mut placed);
        }
        for relation in record.relations {
            if let Some(key) = [&relation.head, &relation.tail].into_iter().find(|k| ambiguous.contains(*k)) {
                importing.report.problems.push(Problem {
                    location: relation.location.clone(),
                    message: format!(
                        "relation {} {} -> {}: span id {key} names several spans; skipped",
                        relation.kind, relation.head, relation.tail
                    ),
                });
                continue;
            }
            importing.relation(relation, &doc_id, &placed);
        }
    }
    importing.finish();
    progress(total);
}

/// The document a record's spans go to.
struct Doc<'r> {
    id: &'r DocId,
    hash: &'r ContentHash,
    text: &'r str,
    index: &'r CharIndex,
    /// The record's spans belong to the gold layer.
    gold: bool,
    /// Its attribute values are untyped text (brat).
    untyped: bool,
}

/// An import under way: the project, the report, and what is known so far (documents by
/// hash, ids taken and given, spans present), so each check is a lookup.
struct Importing<'a> {
    project: &'a mut Project,
    options: &'a ImportOptions,
    report: &'a mut ImportReport,
    by_hash: HashMap<ContentHash, DocId>,
    taken: BTreeSet<String>,
    labels: BTreeSet<String>,
    next_id: BTreeMap<String, u64>,
    next_relation: BTreeMap<String, u64>,
    used_span_ids: HashMap<String, HashSet<u64>>,
    used_relation_ids: HashMap<String, HashSet<u64>>,
    touched: BTreeSet<(String, DocId)>,
    /// The spans of each layer and document touched, for the duplicate check in O(1).
    /// With the id each has, so a repeated one is found by a lookup, not a search.
    present: HashMap<(String, DocId), HashMap<SpanKey, Option<SpanId>>>,
    default_annotator: Option<String>,
}

impl<'a> Importing<'a> {
    fn new(project: &'a mut Project, options: &'a ImportOptions, report: &'a mut ImportReport) -> Self {
        Self {
            by_hash: project.documents.iter().map(|d| (d.hash.clone(), d.id.clone())).collect(),
            taken: project.documents.iter().map(|d| d.id.to_string()).collect(),
            labels: project.labels.iter().map(|l| l.id.0.to_string()).collect(),
            next_id: BTreeMap::new(),
            next_relation: BTreeMap::new(),
            used_span_ids: HashMap::new(),
            used_relation_ids: HashMap::new(),
            touched: BTreeSet::new(),
            present: HashMap::new(),
            default_annotator: options.annotator.as_deref().and_then(clean_name),
            project,
            options,
            report,
        }
    }

    /// The layer named `key` (`gold` for the gold layer), created when missing.
    fn layer(&mut self, key: &str) -> &mut Layer {
        if key == GOLD {
            &mut self.project.gold
        } else {
            self.project.layers.entry(key.to_string()).or_default()
        }
    }

    /// Phase 1: the record's document, matched on its text's hash or added; `None` when
    /// the text cannot be imported (reported).
    fn document(&mut self, record: &Record, fallback_stem: &str) -> Option<(DocId, ContentHash)> {
        let problem =
            |message: &str| Problem { location: record.location.clone(), message: message.to_string() };
        if record.text.contains('\r') {
            self.report.problems.push(problem(
                "the text contains carriage returns (\\r); its offsets count them, and removing them \
                 would shift every span after one, so the document is not imported",
            ));
            return None;
        }
        if record.text.trim().is_empty() {
            self.report.problems.push(problem("the text is empty; skipped"));
            return None;
        }
        if let Some(offset) = record.text.chars().position(|c| c == '\0') {
            self.report.problems.push(problem(&format!(
                "the text holds a NUL character (at code point {offset}), as binary data does; \
                 the document is not imported"
            )));
            return None;
        }
        let hash = ContentHash::of(&record.text);
        if let Some(id) = self.by_hash.get(&hash) {
            self.report.documents_matched += 1;
            if let Some(doc) = self.project.document_mut(id) {
                for (who, status) in &record.status {
                    if let Some(who) = clean_name(who) {
                        doc.status.entry(who).or_insert(*status);
                    }
                }
            }
            return Some((id.clone(), hash));
        }
        if self.options.predictions {
            self.report.problems.push(problem(&format!(
                "no document in the project has this text, so its {} prediction(s) are left out \
                 (predictions go onto documents already imported, never add one)",
                record.spans.len()
            )));
            return None;
        }
        let id = fresh_id(record.id.as_deref().unwrap_or(fallback_stem), &mut self.taken);
        let mut doc = Document::new(id.clone(), one_line(&record.source), record.text.clone());
        doc.title = match record.title.as_deref().map(one_line).filter(|t| !t.is_empty()) {
            Some(title) => title,
            None => title_of(&record.text),
        };
        doc.status = record.status.iter().filter_map(|(who, s)| Some((clean_name(who)?, *s))).collect();
        self.by_hash.insert(hash.clone(), id.clone());
        self.report.documents_added.push(id.clone());
        self.project.push_document(doc);
        Some((id, hash))
    }

    /// The record's seconds of work per annotator (`meta.lead_time` of our JSONL), kept in
    /// their layers where they hold less (so importing a file twice adds nothing).
    fn lead_time(&mut self, record: &Record, doc: &DocId, hash: &ContentHash) {
        for (who, &seconds) in &record.lead_time {
            let Some(who) = clean_name(who).filter(|who| who != GOLD) else { continue };
            let entry = self.layer(&who).docs.entry(doc.clone());
            let entry = Arc::make_mut(entry.or_insert_with(|| Arc::new(LayerDoc::new(hash.clone()))));
            entry.active_seconds = entry.active_seconds.max(seconds);
        }
    }

    /// Phase 2: one span, checked against the text and placed in its layer (or matched to
    /// the same span there); `placed` learns where its keys went.
    fn span(&mut self, span: RecordSpan, doc: &Doc<'_>, placed: &mut HashMap<String, (String, SpanId)>) {
        let range = CharRange::new(span.start, span.end);
        let location = span.location.clone();
        let at = |message: String| Problem { location: location.clone(), message };
        let Some((label_id, named)) = self.check_span(&span, doc, &at) else { return };
        if self.labels.insert(label_id.clone()) {
            self.project.labels.push(new_label(&label_id));
            self.report.labels_added.push(LabelId::new(label_id.clone()));
        }
        let default_annotator = self.default_annotator.clone();
        let (layer_key, who) = if doc.gold {
            (GOLD.to_string(), named.or(default_annotator).unwrap_or_default())
        } else {
            let name = named.or(default_annotator).unwrap_or_default();
            if name == GOLD { (GOLD.to_string(), String::new()) } else { (name.clone(), name) }
        };
        let mut keys = vec![offsets_key(span.start, span.end, &span.label)];
        keys.extend(span.key.clone());
        if let Some(existing) = self.duplicate(&layer_key, doc, &span, &label_id) {
            self.report.spans_duplicate += 1;
            if let Some(id) = existing {
                for key in keys {
                    placed.insert(key, (layer_key.clone(), id));
                }
            }
            return;
        }
        // A suggestion stays one (our exports say which spans are; predictions all are);
        // the gold layer holds reviewed spans only, so a suggestion bound for it is refused.
        let suggested = span.suggested.clone().or_else(|| self.options.predictions.then(|| "import".into()));
        let origin = match (&suggested, layer_key == GOLD) {
            (Some(_), true) => {
                self.report.problems.push(at(format!(
                    "span {range} {:?} is a suggestion and cannot go into the gold layer; skipped",
                    span.label
                )));
                return;
            }
            (Some(rule), false) => Origin::Suggested { rule: rule.as_str().into() },
            (None, true) => Origin::Accepted { by: "import".into() },
            (None, false) => Origin::Manual,
        };
        let id = SpanId(self.fresh_span_id(&layer_key, span.key.as_deref(), &at));
        let label_text = label_id.clone();
        let label = LabelId::new(label_id);
        let mut dropped = Vec::new();
        let attributes = read_attributes(
            &mut self.project.labels,
            &label,
            span.attributes,
            self.report,
            &mut dropped,
            doc.untyped,
        );
        for message in dropped {
            self.report.problems.push(at(format!("span {range} {:?}: {message}", label.as_str())));
        }
        let now = self.options.now;
        let layer_doc = Arc::make_mut(
            self.layer(&layer_key)
                .docs
                .entry(doc.id.clone())
                .or_insert_with(|| Arc::new(crate::model::LayerDoc::new(doc.hash.clone()))),
        );
        layer_doc.spans.push(Span {
            id,
            start: CharOffset(span.start),
            end: CharOffset(span.end),
            label,
            annotator: who.into(),
            created: now,
            modified: now,
            // Notes are text of our own: line endings as in every stored text, `\n`.
            note: span
                .note
                .map(|n| n.replace("\r\n", "\n").replace('\r', "\n"))
                .filter(|n| !n.is_empty())
                .map(Into::into),
            origin,
            attributes,
        });
        for key in keys {
            placed.insert(key, (layer_key.clone(), id));
        }
        self.placed(&layer_key, doc.id, (span.start, span.end, label_text), id);
        self.report.spans_added += 1;
        self.touched.insert((layer_key, doc.id.clone()));
    }

    /// The checks of a span against its text and names: its cleaned label and annotator,
    /// or `None` (reported).
    fn check_span(
        &mut self,
        span: &RecordSpan,
        doc: &Doc<'_>,
        at: &dyn Fn(String) -> Problem,
    ) -> Option<(String, Option<String>)> {
        let range = CharRange::new(span.start, span.end);
        let found = match doc.index.slice(doc.text, range) {
            Ok(found) => found,
            Err(e) => {
                self.report.problems.push(at(format!("span {range} {:?}: {e}; skipped", span.label)));
                return None;
            }
        };
        if let Some(expected) = span.text.as_deref().filter(|t| *t != found) {
            self.report.problems.push(at(format!(
                "span {range} {:?}: the offsets give {found:?} but the file says {expected:?}; skipped",
                span.label
            )));
            return None;
        }
        if span.label.trim().is_empty() {
            self.report.problems.push(at(format!("span {range} has an empty label; skipped")));
            return None;
        }
        let Some(label_id) = clean_name(&span.label) else {
            self.report.problems.push(at(format!(
                "span {range}: the label {:?} has no letter or digit; skipped",
                span.label
            )));
            return None;
        };
        let named = match span.annotator.as_deref().filter(|a| !a.trim().is_empty()) {
            Some(raw) => match clean_name(raw) {
                Some(name) => Some(name),
                None => {
                    self.report.problems.push(at(format!(
                        "span {range}: the annotator name {raw:?} has no letter or digit; skipped"
                    )));
                    return None;
                }
            },
            None => None,
        };
        Some((label_id, named))
    }

    /// When the layer already has a span with this range and label on the document:
    /// `Some` with its id (`Some(None)` when it was skipped earlier in this import). A new
    /// one is remembered (its id comes with [`Importing::placed`]).
    fn duplicate(
        &mut self,
        layer_key: &str,
        doc: &Doc<'_>,
        span: &RecordSpan,
        label_id: &str,
    ) -> Option<Option<SpanId>> {
        let existing = self.layer(layer_key).docs.get(doc.id).cloned();
        let seen = self.present.entry((layer_key.to_string(), doc.id.clone())).or_insert_with(|| {
            existing
                .iter()
                .flat_map(|d| d.spans.iter())
                .map(|s| ((s.start.0, s.end.0, s.label.0.to_string()), Some(s.id)))
                .collect()
        });
        match seen.entry((span.start, span.end, label_id.to_string())) {
            std::collections::hash_map::Entry::Occupied(found) => Some(*found.get()),
            std::collections::hash_map::Entry::Vacant(new) => {
                new.insert(None);
                None
            }
        }
    }

    /// Records the id a new span of the layer got, for the duplicates after it.
    fn placed(&mut self, layer_key: &str, doc: &DocId, key: SpanKey, id: SpanId) {
        if let Some(seen) = self.present.get_mut(&(layer_key.to_string(), doc.clone())) {
            seen.insert(key, Some(id));
        }
    }

    /// An id for a span of the layer: our own export's id (`amal:3`) when it is free, so a
    /// round trip is exact; otherwise the next free one. One past [`MAX_ID`] gets a fresh
    /// id, so counting on never wraps to one in use.
    fn fresh_span_id(&mut self, layer_key: &str, key: Option<&str>, at: &dyn Fn(String) -> Problem) -> u64 {
        let layer = if layer_key == GOLD {
            &self.project.gold
        } else {
            self.project.layers.entry(layer_key.to_string()).or_default()
        };
        let next = self.next_id.entry(layer_key.to_string()).or_insert_with(|| layer.next_span_id().0);
        let used = self
            .used_span_ids
            .entry(layer_key.to_string())
            .or_insert_with(|| layer.docs.values().flat_map(|d| d.spans.iter().map(|s| s.id.0)).collect());
        let wanted = key.and_then(file_id);
        if let Some(n) = wanted.filter(|n| *n > MAX_ID) {
            self.report.problems.push(at(format!("span id {n} is too large; given a new id")));
        }
        take_id(wanted, next, used)
    }

    /// Phase 3: one relation between spans placed from the same record.
    fn relation(
        &mut self,
        relation: RecordRelation,
        doc_id: &DocId,
        placed: &HashMap<String, (String, SpanId)>,
    ) {
        let problem = |message: String| Problem { location: relation.location.clone(), message };
        let (Some((head_layer, head)), Some((tail_layer, tail))) =
            (placed.get(&relation.head), placed.get(&relation.tail))
        else {
            let missing = if placed.contains_key(&relation.head) { &relation.tail } else { &relation.head };
            self.report.problems.push(problem(format!(
                "relation {} {} -> {}: span {missing} was not imported; skipped",
                relation.kind, relation.head, relation.tail
            )));
            return;
        };
        if head_layer != tail_layer {
            self.report.problems.push(problem(format!(
                "relation {} {} -> {}: its spans are in different layers ({head_layer}, {tail_layer}); skipped",
                relation.kind, relation.head, relation.tail
            )));
            return;
        }
        if head == tail {
            self.report
                .problems
                .push(problem(format!("relation {} links a span to itself; skipped", relation.kind)));
            return;
        }
        let Some(kind) = clean_name(&relation.kind) else {
            self.report
                .problems
                .push(problem(format!("relation type {:?} has no letter or digit; skipped", relation.kind)));
            return;
        };
        let kind = LabelId::new(kind);
        if self.project.relation_type(&kind).is_none() {
            self.project.relation_types.push(RelationType::open(kind.as_str(), colour_for(kind.as_str())));
            self.report.relation_types_added.push(kind.clone());
        }
        let layer_key = head_layer.clone();
        let (head, tail) = (*head, *tail);
        let layer = if layer_key == GOLD {
            &mut self.project.gold
        } else {
            self.project.layers.entry(layer_key.clone()).or_default()
        };
        let next = self.next_relation.entry(layer_key.clone()).or_insert_with(|| layer.next_relation_id().0);
        let used = self.used_relation_ids.entry(layer_key.clone()).or_insert_with(|| {
            layer.docs.values().flat_map(|d| d.relations.iter().map(|r| r.id.0)).collect()
        });
        let Some(layer_doc) = layer.existing_doc_mut(doc_id) else { return };
        let label_of = |id: SpanId| layer_doc.span(id).map(|s| s.label.clone());
        if let (Some(head_label), Some(tail_label), Some(allowed)) =
            (label_of(head), label_of(tail), self.project.relation_types.iter().find(|t| t.id == kind))
            && !allowed.allows(&head_label, &tail_label)
        {
            self.report.problems.push(problem(format!(
                "relation {} {} -> {}: a {kind} link cannot go from a {head_label} span to a {tail_label} span; skipped",
                relation.kind, relation.head, relation.tail
            )));
            return;
        }
        if layer_doc.relations.iter().any(|r| r.head == head && r.tail == tail && r.kind == kind) {
            self.report.relations_duplicate += 1;
            return;
        }
        let annotator = if layer_key == GOLD {
            relation.annotator.as_deref().and_then(clean_name).unwrap_or_default()
        } else {
            layer_key.clone()
        };
        let wanted = relation.key.as_deref().and_then(file_id);
        if let Some(n) = wanted.filter(|n| *n > MAX_ID) {
            self.report.problems.push(problem(format!("relation id {n} is too large; given a new id")));
        }
        let id = take_id(wanted, next, used);
        let mut added =
            Relation::new(crate::model::RelationId(id), head, tail, kind, annotator, self.options.now);
        if layer_key == GOLD {
            added.origin = Origin::Accepted { by: "import".into() };
        }
        layer_doc.relations.push(added);
        self.report.relations_added += 1;
    }

    /// Last: every layer touched back in reading order.
    fn finish(self) {
        for (layer_key, doc_id) in self.touched {
            let layer = if layer_key == GOLD {
                Some(&mut self.project.gold)
            } else {
                self.project.layers.get_mut(&layer_key)
            };
            if let Some(layer_doc) = layer.and_then(|l| l.existing_doc_mut(&doc_id)) {
                layer_doc.spans.sort_by(Span::reading_order);
            }
        }
    }
}

#[cfg(test)]
mod tests;
