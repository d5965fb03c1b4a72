//! Adding read records to a project: match documents on their content hash, check
//! every span against the text, add unknown labels, never duplicate.
//!
//! Attributes are read by the kinds the span's label declares (brat's text `43` becomes
//! the number 43 for a number attribute); one the label does not declare is added to it,
//! of the kind of the value. Relations link spans of the same record by the keys the file
//! gives them (or by `start:end:label`); both ends must have been imported into the same
//! layer, else the relation is reported and skipped. Unknown relation types are added,
//! allowing any labels.

use super::records::{Record, offsets_key};
use super::{ImportOptions, ImportReport, Problem};
use crate::formats::FormatError;
use crate::model::document::title_of;
use crate::model::{
    AttrValue, AttributeDef, AttributeKind, Attributes, CharIndex, CharOffset, CharRange, Color, ContentHash,
    DocId, Document, Label, LabelId, Layer, MAX_ID, Origin, Project, Relation, RelationType, Span, SpanId,
    advance_id, clean_name,
};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// What makes two spans of one layer and document the same: start, end and label.
type SpanKey = (usize, usize, String);

/// The layer name that means the gold layer.
const GOLD: &str = "gold";

/// Fails, naming the first such span, when a span names no annotator and no default is given.
pub fn check_annotators(records: &[Record], options: &ImportOptions) -> Result<(), FormatError> {
    if options.annotator.as_deref().is_some_and(|a| !a.trim().is_empty()) {
        return Ok(());
    }
    let unnamed = records
        .iter()
        .filter(|r| !r.gold)
        .flat_map(|r| &r.spans)
        .find(|s| s.annotator.as_deref().is_none_or(|a| a.trim().is_empty()));
    match unnamed {
        Some(span) => Err(FormatError::NoAnnotator { location: span.location.clone() }),
        None => Ok(()),
    }
}

/// Adds `records` to `project`; `progress` gets the number of records done.
pub fn apply(
    project: &mut Project,
    records: Vec<Record>,
    options: &ImportOptions,
    fallback_stem: &str,
    report: &mut ImportReport,
    progress: &mut dyn FnMut(usize),
) {
    let mut by_hash: HashMap<ContentHash, DocId> =
        project.documents.iter().map(|d| (d.hash.clone(), d.id.clone())).collect();
    let mut taken: BTreeSet<String> = project.documents.iter().map(|d| d.id.to_string()).collect();
    let mut labels: BTreeSet<String> = project.labels.iter().map(|l| l.id.0.to_string()).collect();
    let mut next_id: BTreeMap<String, u64> = BTreeMap::new();
    let mut next_relation: BTreeMap<String, u64> = BTreeMap::new();
    let mut used_span_ids: HashMap<String, HashSet<u64>> = HashMap::new();
    let mut used_relation_ids: HashMap<String, HashSet<u64>> = HashMap::new();
    let mut touched: BTreeSet<(String, DocId)> = BTreeSet::new();
    // The spans of each layer and document touched, for the duplicate check in O(1).
    let mut present: HashMap<(String, DocId), HashSet<SpanKey>> = HashMap::new();
    let default_annotator = options.annotator.as_deref().and_then(clean_name);
    let total = records.len();
    for (i, record) in records.into_iter().enumerate() {
        if i % 256 == 0 {
            progress(i);
        }
        let problem =
            |message: &str| Problem { location: record.location.clone(), message: message.to_string() };
        if record.text.contains('\r') {
            report.problems.push(problem(
                "the text contains carriage returns (\\r); its offsets count them, and removing them \
                 would shift every span after one, so the document is not imported",
            ));
            continue;
        }
        if record.text.trim().is_empty() {
            report.problems.push(problem("the text is empty; skipped"));
            continue;
        }
        if let Some(offset) = record.text.chars().position(|c| c == '\0') {
            report.problems.push(problem(&format!(
                "the text holds a NUL character (at code point {offset}), as binary data does; \
                 the document is not imported"
            )));
            continue;
        }
        let hash = ContentHash::of(&record.text);
        let doc_id = if let Some(id) = by_hash.get(&hash) {
            report.documents_matched += 1;
            if let Some(doc) = project.document_mut(id) {
                for (who, status) in &record.status {
                    if let Some(who) = clean_name(who) {
                        doc.status.entry(who).or_insert(*status);
                    }
                }
            }
            id.clone()
        } else {
            let id = fresh_id(record.id.as_deref().unwrap_or(fallback_stem), &mut taken);
            let mut doc = Document::new(id.clone(), one_line(&record.source), record.text.clone());
            if let Some(title) = record.title.as_deref().map(one_line).filter(|t| !t.is_empty()) {
                doc.title = title;
            } else {
                doc.title = title_of(&record.text);
            }
            doc.status = record.status.iter().filter_map(|(who, s)| Some((clean_name(who)?, *s))).collect();
            by_hash.insert(hash.clone(), id.clone());
            report.documents_added.push(id.clone());
            project.push_document(doc);
            id
        };
        let index = CharIndex::new(&record.text);
        // Where each span of the record went: its keys -> (layer, span id).
        let mut placed: HashMap<String, (String, SpanId)> = HashMap::new();
        for span in record.spans {
            let range = CharRange::new(span.start, span.end);
            let at = |message: String| Problem { location: span.location.clone(), message };
            let found = match index.slice(&record.text, range) {
                Ok(found) => found,
                Err(e) => {
                    report.problems.push(at(format!("span {range} {:?}: {e}; skipped", span.label)));
                    continue;
                }
            };
            if let Some(expected) = span.text.as_deref().filter(|t| *t != found) {
                report.problems.push(at(format!(
                    "span {range} {:?}: the offsets give {found:?} but the file says {expected:?}; skipped",
                    span.label
                )));
                continue;
            }
            if span.label.trim().is_empty() {
                report.problems.push(at(format!("span {range} has an empty label; skipped")));
                continue;
            }
            let Some(label_id) = clean_name(&span.label) else {
                report.problems.push(at(format!(
                    "span {range}: the label {:?} has no letter or digit; skipped",
                    span.label
                )));
                continue;
            };
            let named = match span.annotator.as_deref().filter(|a| !a.trim().is_empty()) {
                Some(raw) => match clean_name(raw) {
                    Some(name) => Some(name),
                    None => {
                        report.problems.push(at(format!(
                            "span {range}: the annotator name {raw:?} has no letter or digit; skipped"
                        )));
                        continue;
                    }
                },
                None => None,
            };
            if labels.insert(label_id.clone()) {
                project.labels.push(new_label(&label_id));
                report.labels_added.push(LabelId::new(label_id.clone()));
            }
            let (layer_key, who) = if record.gold {
                (GOLD.to_string(), named.or_else(|| default_annotator.clone()).unwrap_or_default())
            } else {
                let name = named.or_else(|| default_annotator.clone()).unwrap_or_default();
                if name == GOLD { (GOLD.to_string(), String::new()) } else { (name.clone(), name) }
            };
            let layer: &mut Layer = if layer_key == GOLD {
                &mut project.gold
            } else {
                project.layers.entry(layer_key.clone()).or_default()
            };
            let next = next_id.entry(layer_key.clone()).or_insert_with(|| layer.next_span_id().0);
            let used = used_span_ids.entry(layer_key.clone()).or_insert_with(|| {
                layer.docs.values().flat_map(|d| d.spans.iter().map(|s| s.id.0)).collect()
            });
            let layer_doc = std::sync::Arc::make_mut(
                layer
                    .docs
                    .entry(doc_id.clone())
                    .or_insert_with(|| std::sync::Arc::new(crate::model::LayerDoc::new(hash.clone()))),
            );
            let seen = present.entry((layer_key.clone(), doc_id.clone())).or_insert_with(|| {
                layer_doc.spans.iter().map(|s| (s.start.0, s.end.0, s.label.0.to_string())).collect()
            });
            let mut keys = vec![offsets_key(span.start, span.end, &span.label)];
            keys.extend(span.key.clone());
            if !seen.insert((span.start, span.end, label_id.clone())) {
                report.spans_duplicate += 1;
                let same = |s: &&Span| {
                    s.start.0 == span.start && s.end.0 == span.end && s.label.as_str() == label_id
                };
                if let Some(existing) = layer_doc.spans.iter().find(same) {
                    for key in keys {
                        placed.insert(key, (layer_key.clone(), existing.id));
                    }
                }
                continue;
            }
            // A suggestion stays one (our exports say which spans are); the gold layer holds
            // reviewed spans only, so a suggestion bound for it is refused.
            let origin = match (&span.suggested, layer_key == GOLD) {
                (Some(_), true) => {
                    report.problems.push(at(format!(
                        "span {range} {:?} is a suggestion and cannot go into the gold layer; skipped",
                        span.label
                    )));
                    continue;
                }
                (Some(rule), false) => Origin::Suggested { rule: rule.as_str().into() },
                (None, true) => Origin::Accepted { by: "import".into() },
                (None, false) => Origin::Manual,
            };
            // Our own export's ids (`amal:3`) are kept when free, so a round trip is exact;
            // one past MAX_ID gets a fresh id, so counting on never wraps to one in use.
            let wanted = span.key.as_deref().and_then(file_id);
            let kept = wanted.filter(|n| (1..=MAX_ID).contains(n) && !used.contains(n));
            if let Some(n) = wanted.filter(|n| *n > MAX_ID) {
                report.problems.push(at(format!("span id {n} is too large; given a new id")));
            }
            let id = SpanId(kept.unwrap_or_else(|| advance_id(next, &|n| used.contains(&n))));
            used.insert(id.0);
            let label = LabelId::new(label_id);
            let mut dropped = Vec::new();
            let attributes =
                read_attributes(&mut project.labels, &label, span.attributes, report, &mut dropped);
            for message in dropped {
                report.problems.push(at(format!("span {range} {:?}: {message}", label.as_str())));
            }
            let layer: &mut Layer = if layer_key == GOLD {
                &mut project.gold
            } else {
                project.layers.entry(layer_key.clone()).or_default()
            };
            let layer_doc = std::sync::Arc::make_mut(
                layer
                    .docs
                    .entry(doc_id.clone())
                    .or_insert_with(|| std::sync::Arc::new(crate::model::LayerDoc::new(hash.clone()))),
            );
            layer_doc.spans.push(Span {
                id,
                start: CharOffset(span.start),
                end: CharOffset(span.end),
                label,
                annotator: who.into(),
                created: options.now,
                modified: options.now,
                note: span.note.filter(|n| !n.is_empty()).map(Into::into),
                origin,
                attributes,
            });
            for key in keys {
                placed.insert(key, (layer_key.clone(), id));
            }
            if let Some(kept) = kept {
                *next = (*next).max(kept + 1);
            }
            report.spans_added += 1;
            touched.insert((layer_key, doc_id.clone()));
        }
        for relation in record.relations {
            let problem = |message: String| Problem { location: relation.location.clone(), message };
            let (Some((head_layer, head)), Some((tail_layer, tail))) =
                (placed.get(&relation.head), placed.get(&relation.tail))
            else {
                let missing =
                    if placed.contains_key(&relation.head) { &relation.tail } else { &relation.head };
                report.problems.push(problem(format!(
                    "relation {} {} -> {}: span {missing} was not imported; skipped",
                    relation.kind, relation.head, relation.tail
                )));
                continue;
            };
            if head_layer != tail_layer {
                report.problems.push(problem(format!(
                    "relation {} {} -> {}: its spans are in different layers ({head_layer}, {tail_layer}); skipped",
                    relation.kind, relation.head, relation.tail
                )));
                continue;
            }
            if head == tail {
                report
                    .problems
                    .push(problem(format!("relation {} links a span to itself; skipped", relation.kind)));
                continue;
            }
            let Some(kind) = clean_name(&relation.kind) else {
                report.problems.push(problem(format!(
                    "relation type {:?} has no letter or digit; skipped",
                    relation.kind
                )));
                continue;
            };
            let kind = LabelId::new(kind);
            if project.relation_type(&kind).is_none() {
                project.relation_types.push(RelationType::open(kind.as_str(), colour_for(kind.as_str())));
                report.relation_types_added.push(kind.clone());
            }
            let layer_key = head_layer.clone();
            let (head, tail) = (*head, *tail);
            let layer: &mut Layer = if layer_key == GOLD {
                &mut project.gold
            } else {
                project.layers.entry(layer_key.clone()).or_default()
            };
            let next = next_relation.entry(layer_key.clone()).or_insert_with(|| layer.next_relation_id().0);
            let used = used_relation_ids.entry(layer_key.clone()).or_insert_with(|| {
                layer.docs.values().flat_map(|d| d.relations.iter().map(|r| r.id.0)).collect()
            });
            let Some(layer_doc) = layer.existing_doc_mut(&doc_id) else { continue };
            let label_of = |id: SpanId| layer_doc.span(id).map(|s| s.label.clone());
            if let (Some(head_label), Some(tail_label), Some(allowed)) =
                (label_of(head), label_of(tail), project.relation_types.iter().find(|t| t.id == kind))
                && !allowed.allows(&head_label, &tail_label)
            {
                report.problems.push(problem(format!(
                    "relation {} {} -> {}: a {kind} link cannot go from a {head_label} span to a {tail_label} span; skipped",
                    relation.kind, relation.head, relation.tail
                )));
                continue;
            }
            if layer_doc.relations.iter().any(|r| r.head == head && r.tail == tail && r.kind == kind) {
                report.relations_duplicate += 1;
                continue;
            }
            let annotator = if layer_key == GOLD {
                relation.annotator.as_deref().and_then(clean_name).unwrap_or_default()
            } else {
                layer_key.clone()
            };
            let wanted = relation.key.as_deref().and_then(file_id);
            let kept = wanted.filter(|n| (1..=MAX_ID).contains(n) && !used.contains(n));
            if let Some(n) = wanted.filter(|n| *n > MAX_ID) {
                report.problems.push(problem(format!("relation id {n} is too large; given a new id")));
            }
            let id = kept.unwrap_or_else(|| advance_id(next, &|n| used.contains(&n)));
            used.insert(id);
            let mut added =
                Relation::new(crate::model::RelationId(id), head, tail, kind, annotator, options.now);
            if layer_key == GOLD {
                added.origin = Origin::Accepted { by: "import".into() };
            }
            layer_doc.relations.push(added);
            if let Some(kept) = kept {
                *next = (*next).max(kept + 1);
            }
            report.relations_added += 1;
        }
    }
    for (layer_key, doc_id) in touched {
        let layer =
            if layer_key == GOLD { Some(&mut project.gold) } else { project.layers.get_mut(&layer_key) };
        if let Some(layer_doc) = layer.and_then(|l| l.existing_doc_mut(&doc_id)) {
            layer_doc.spans.sort_by(Span::reading_order);
        }
    }
    progress(total);
}

/// The attribute values of a span labelled `label`, read by the kinds its label declares;
/// an attribute the label does not declare is declared, of the value's kind. A value of the
/// wrong kind (`twelve` for a number, a choice not among the options, a value-less brat
/// `A` line for a text) is dropped, and `problems` says so.
fn read_attributes(
    labels: &mut [Label],
    label: &LabelId,
    values: Vec<(String, AttrValue)>,
    report: &mut super::ImportReport,
    problems: &mut Vec<String>,
) -> Attributes {
    let mut attributes = Attributes::default();
    let Some(label) = labels.iter_mut().find(|l| &l.id == label) else { return attributes };
    for (name, value) in values {
        let Some(name) = clean_name(&name) else { continue };
        if attributes.get(&name).is_some() {
            problems.push(format!("attribute {name:?} is given twice; the first value is kept"));
            continue;
        }
        let value = match (label.attribute(&name).map(|d| &d.kind), value) {
            (Some(kind), AttrValue::Text(text)) => kind.parse(&text).unwrap_or(AttrValue::Text(text)),
            (_, value) => value,
        };
        if let Some(def) = label.attribute(&name)
            && !def.kind.accepts(&value)
        {
            let shown = match &value {
                AttrValue::Flag(true) if !matches!(def.kind, AttributeKind::Flag) => "no value".to_string(),
                other => format!("the value {other}"),
            };
            problems.push(format!("attribute {name:?} has {shown}, not {}; dropped", def.kind.expected()));
            continue;
        }
        if label.attribute(&name).is_none() {
            let kind = match value {
                AttrValue::Number(_) => AttributeKind::Number,
                AttrValue::Flag(_) => AttributeKind::Flag,
                AttrValue::Text(_) => AttributeKind::Text,
            };
            label.attributes.push(AttributeDef { name: name.clone(), kind });
            report.attributes_added.push(format!("{}.{name}", label.id));
        }
        attributes.set(&name, Some(value));
    }
    attributes
}

/// The number in an id of our own exports, `amal:3` -> 3.
fn file_id(key: &str) -> Option<u64> {
    key.rsplit_once(':').and_then(|(_, n)| n.parse().ok())
}

/// A title or source on one line: control characters (line breaks, tabs, NUL) become
/// spaces, and the ends are trimmed.
fn one_line(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect::<String>().trim().to_string()
}

/// A document id from `stem` (by [`clean_name`]) that no document uses.
fn fresh_id(stem: &str, taken: &mut BTreeSet<String>) -> DocId {
    let base = clean_name(stem).unwrap_or_else(|| "doc".to_string());
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    DocId::new(id)
}

/// A label for an id met in an import, with a colour derived from the id.
fn new_label(id: &str) -> Label {
    Label {
        id: LabelId::new(id),
        name: id.to_string(),
        color: colour_for(id),
        hotkey: None,
        description: "Added by an annotation import.".into(),
        attributes: Vec::new(),
    }
}

/// A stable, fairly saturated colour for a label id (the hue comes from an FNV-1a hash).
pub fn colour_for(id: &str) -> Color {
    let hash =
        id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    let hue = (hash % 360) as f32;
    let (s, v) = (0.55_f32, 0.85_f32);
    let c = v * s;
    let x = c * (1.0 - ((hue / 60.0) % 2.0 - 1.0).abs());
    let (r, g, b) = match (hue / 60.0) as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let m = v - c;
    let byte = |f: f32| ((f + m) * 255.0).round().clamp(0.0, 255.0) as u8;
    Color([byte(r), byte(g), byte(b)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::import::RecordSpan;
    use crate::model::Timestamp;

    fn record(text: &str, spans: Vec<(usize, usize, &str, Option<&str>)>) -> Record {
        Record {
            location: "f:1".into(),
            id: Some("a".into()),
            text: text.into(),
            spans: spans
                .into_iter()
                .map(|(start, end, label, t)| RecordSpan {
                    location: "f:1".into(),
                    start,
                    end,
                    label: label.into(),
                    text: t.map(str::to_string),
                    annotator: Some("amal".into()),
                    note: None,
                    key: None,
                    attributes: Vec::new(),
                    suggested: None,
                })
                .collect(),
            ..Default::default()
        }
    }

    fn options() -> ImportOptions {
        ImportOptions { annotator: None, now: Timestamp(5) }
    }

    #[test]
    fn repeated_import_adds_nothing_and_bad_spans_are_skipped() {
        let mut p = Project::new("t");
        let rec = record(
            "قتل 12 مدنياً",
            vec![(4, 6, "figure", Some("12")), (4, 6, "figure", Some("13")), (0, 99, "claim", None)],
        );
        let mut report = ImportReport::default();
        apply(&mut p, vec![rec.clone()], &options(), "f", &mut report, &mut |_| {});
        assert_eq!((report.documents_added.len(), report.spans_added), (1, 1));
        assert_eq!(report.problems.len(), 2, "{:?}", report.problems);
        assert!(report.problems[0].message.contains("\"13\""));
        assert!(report.problems[1].message.contains("past the end"));
        let mut again = ImportReport::default();
        apply(&mut p, vec![rec], &options(), "f", &mut again, &mut |_| {});
        assert_eq!((again.documents_matched, again.spans_added, again.spans_duplicate), (1, 0, 1));
        assert_eq!(p.documents.len(), 1);
        assert_eq!(p.layers["amal"].span_count(), 1);
        assert_eq!(p.validate(), vec![]);
    }

    #[test]
    fn unknown_labels_are_added_and_carriage_returns_refused() {
        let mut p = Project::new("t");
        let mut report = ImportReport::default();
        let records = vec![
            record("a\r\nb", vec![(0, 1, "claim", None)]),
            record("نص آخر", vec![(0, 2, "rumour", None)]),
        ];
        apply(&mut p, records, &options(), "f", &mut report, &mut |_| {});
        assert!(report.problems[0].message.contains("carriage returns"));
        assert_eq!(report.labels_added, [LabelId::new("rumour")]);
        assert_eq!(p.label(&LabelId::new("rumour")).unwrap().color, colour_for("rumour"));
        assert_eq!(p.documents[0].id.as_str(), "a");
        assert_eq!(p.validate(), vec![]);
    }

    #[test]
    fn spans_without_an_annotator_need_one() {
        let mut rec = record("نص", vec![(0, 1, "claim", None)]);
        rec.spans[0].annotator = None;
        let err = check_annotators(std::slice::from_ref(&rec), &options()).unwrap_err();
        assert!(err.to_string().contains("--annotator"), "{err}");
        let given = ImportOptions { annotator: Some("omar".into()), now: Timestamp(0) };
        assert!(check_annotators(&[rec], &given).is_ok());
    }

    #[test]
    fn ids_are_fresh_and_colours_stable() {
        let mut taken = BTreeSet::from(["a".to_string()]);
        assert_eq!(fresh_id("a", &mut taken).as_str(), "a-2");
        assert_eq!(fresh_id("b c", &mut taken).as_str(), "b_c");
        assert_eq!(colour_for("rumour"), colour_for("rumour"));
        assert_ne!(colour_for("rumour"), colour_for("source"));
    }
}
