//! The project: label set, documents, and one annotation layer per annotator.

use super::{
    ContentHash, DocId, Document, Label, LabelId, Relation, RelationId, RelationType, Span, SpanId,
    Timestamp, default_labels, default_relation_types,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// The project file format this build writes. Files with a larger version are refused;
/// older ones are migrated when read (see `store::format`).
///
/// - 1: the first format.
/// - 2: suggestions: `Suggested(rule: ...)` origins, project `patterns`, and `rejected`
///   suggestions.
/// - 3: links and attributes: project `relation_types`, label `attributes`, span
///   `attributes` and per-document `relations` in each layer.
/// - 4: team projects: a document's `assigned` annotators, an attribute's `required` flag,
///   and the active time an annotator spent on a document (`active_seconds`, `last_active`
///   in each layer's entry for it).
pub const FORMAT_VERSION: u32 = 4;

/// A project's own phrase (or regular expression) that suggests spans of a label, matched
/// with the folding search uses (harakat and tatweel ignored, alef forms alike).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pattern {
    pub label: LabelId,
    pub phrase: String,
    /// True when `phrase` is a regular expression rather than words to find.
    #[serde(default)]
    pub regex: bool,
}

/// A suggestion an annotator rejected: the same range and label is never suggested again
/// in that annotator's layer on that document (whose text cannot change, see its hash).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rejection {
    pub annotator: String,
    pub doc: DocId,
    pub start: super::CharOffset,
    pub end: super::CharOffset,
    pub label: LabelId,
}

/// One annotator's spans on one document, tied to the text they were made on.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LayerDoc {
    /// Hash of the document text the spans were made on; must equal the document's.
    pub hash: ContentHash,
    /// Spans in reading order.
    #[serde(deserialize_with = "spans_exact")]
    pub spans: Vec<Span>,
    /// Links between these spans, in the order they were made.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<Relation>,
    /// Seconds the annotator spent on the document with the window focused (idle gaps over
    /// two minutes not counted).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub active_seconds: u64,
    /// When the annotator last worked on the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_active: Option<Timestamp>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl LayerDoc {
    /// An empty layer for a document with text hash `hash`.
    pub fn new(hash: ContentHash) -> Self {
        Self { hash, spans: Vec::new(), relations: Vec::new(), active_seconds: 0, last_active: None }
    }

    pub fn span(&self, id: SpanId) -> Option<&Span> {
        self.spans.iter().find(|s| s.id == id)
    }
}

/// Reads a list of spans into a vector holding exactly them: a list grows by doubling while
/// it is read, and a loaded project keeps hundreds of thousands of spans.
fn spans_exact<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<Span>, D::Error> {
    let mut spans = Vec::<Span>::deserialize(deserializer)?;
    spans.shrink_to_fit();
    Ok(spans)
}

/// One annotator's work: spans per document.
///
/// Each document's spans sit behind an [`Arc`], so cloning a layer (an autosave snapshot)
/// copies pointers; an edit copies only the spans of the document it changes, and only
/// while a snapshot still holds them ([`Layer::doc_mut`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    #[serde(default, deserialize_with = "super::unique::layer_docs")]
    pub docs: BTreeMap<DocId, Arc<LayerDoc>>,
}

impl Layer {
    /// Spans on `doc`, in reading order (empty when there are none).
    pub fn spans(&self, doc: &DocId) -> &[Span] {
        self.docs.get(doc).map(|d| d.spans.as_slice()).unwrap_or(&[])
    }

    /// All spans of the layer, over every document.
    pub fn span_count(&self) -> usize {
        self.docs.values().map(|d| d.spans.len()).sum()
    }

    /// The spans of `doc`, created (empty) when missing.
    pub fn doc_mut(&mut self, doc: &Document) -> &mut LayerDoc {
        Arc::make_mut(
            self.docs.entry(doc.id.clone()).or_insert_with(|| Arc::new(LayerDoc::new(doc.hash.clone()))),
        )
    }

    /// The spans of `doc` to change, if the layer has any there.
    pub fn existing_doc_mut(&mut self, doc: &DocId) -> Option<&mut LayerDoc> {
        self.docs.get_mut(doc).map(Arc::make_mut)
    }

    /// Relations on `doc`, in the order they were made (empty when there are none).
    pub fn relations(&self, doc: &DocId) -> &[Relation] {
        self.docs.get(doc).map(|d| d.relations.as_slice()).unwrap_or(&[])
    }

    /// All relations of the layer, over every document.
    pub fn relation_count(&self) -> usize {
        self.docs.values().map(|d| d.relations.len()).sum()
    }

    /// An id not used by any relation of this layer.
    pub fn next_relation_id(&self) -> RelationId {
        RelationId(next_free(self.docs.values().flat_map(|d| d.relations.iter()).map(|r| r.id.0)))
    }

    /// An id not used by any span of this layer.
    pub fn next_span_id(&self) -> SpanId {
        SpanId(next_free(self.docs.values().flat_map(|d| d.spans.iter()).map(|s| s.id.0)))
    }
}

/// The largest id kept from outside (an import's `amal:3`): a JSON reader holds ids up to
/// here exactly, and counting on from any of them never runs out. Larger ones are given a
/// fresh id.
pub const MAX_ID: u64 = (1 << 53) - 1;

/// An id past the largest of `ids` (1 when there are none); when the largest is at or
/// past [`MAX_ID`] (a hand-edited file), the smallest id not in `ids`, so counting on
/// never wraps around to an id in use.
pub fn next_free(ids: impl Iterator<Item = u64> + Clone) -> u64 {
    match ids.clone().max() {
        None => 1,
        Some(max) if max < MAX_ID => max + 1,
        Some(_) => {
            let used: BTreeSet<u64> = ids.collect();
            (1..).find(|n| !used.contains(n)).unwrap_or(1)
        }
    }
}

/// The next id to give after `next`, skipping those in `used` (see [`next_free`]).
pub fn advance_id(next: &mut u64, used: &impl Fn(u64) -> bool) -> u64 {
    while *next == 0 || *next > MAX_ID || used(*next) {
        *next = if *next >= MAX_ID { 1 } else { *next + 1 };
    }
    let id = *next;
    *next += 1;
    id
}

/// An annotation project: what a project file holds.
///
/// Documents and each layer's per-document spans are shared ([`Arc`]): a clone copies
/// pointers, not texts and spans, so the autosaver takes its snapshot on the UI thread in
/// a few milliseconds for 10,000 articles. Changing a document or its spans goes through
/// [`Project::document_mut`] and [`Layer::doc_mut`], which copy that one document when a
/// snapshot still shares it. The file format does not see the sharing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// Format version of the file; see [`FORMAT_VERSION`].
    pub version: u32,
    pub name: String,
    #[serde(default = "default_labels")]
    pub labels: Vec<Label>,
    /// The kinds of link between spans.
    #[serde(default = "default_relation_types")]
    pub relation_types: Vec<RelationType>,
    /// The project's own suggestion patterns, per label.
    #[serde(default)]
    pub patterns: Vec<Pattern>,
    /// Annotator layers keyed by annotator name.
    #[serde(default, deserialize_with = "super::unique::layers")]
    pub layers: BTreeMap<String, Layer>,
    /// The adjudicated layer built during review; exports use it when it has spans.
    #[serde(default)]
    pub gold: Layer,
    /// Suggestions annotators rejected, so they are not suggested again.
    #[serde(default)]
    pub rejected: Vec<Rejection>,
    #[serde(default)]
    pub documents: Vec<Arc<Document>>,
}

impl Project {
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            version: FORMAT_VERSION,
            name: name.into(),
            labels: default_labels(),
            relation_types: default_relation_types(),
            patterns: Vec::new(),
            layers: BTreeMap::new(),
            gold: Layer::default(),
            rejected: Vec::new(),
            documents: Vec::new(),
        }
    }

    pub fn document(&self, id: &DocId) -> Option<&Document> {
        self.documents.iter().find(|d| &d.id == id).map(|d| &**d)
    }

    /// The document to change (copied first if a snapshot shares it).
    pub fn document_mut(&mut self, id: &DocId) -> Option<&mut Document> {
        self.documents.iter_mut().find(|d| &d.id == id).map(Arc::make_mut)
    }

    /// Adds a document at the end.
    pub fn push_document(&mut self, doc: Document) {
        self.documents.push(Arc::new(doc));
    }

    /// True when `annotator` rejected this suggestion on `doc`.
    pub fn is_rejected(
        &self,
        annotator: &str,
        doc: &DocId,
        range: super::CharRange,
        label: &LabelId,
    ) -> bool {
        self.rejected.iter().any(|r| {
            r.annotator == annotator
                && &r.doc == doc
                && r.start == range.start
                && r.end == range.end
                && &r.label == label
        })
    }

    pub fn label(&self, id: &super::LabelId) -> Option<&Label> {
        self.labels.iter().find(|l| &l.id == id)
    }

    pub fn relation_type(&self, id: &LabelId) -> Option<&RelationType> {
        self.relation_types.iter().find(|t| &t.id == id)
    }

    /// Annotator names in sorted order.
    pub fn annotators(&self) -> impl Iterator<Item = &str> {
        self.layers.keys().map(String::as_str)
    }

    /// Every layer with its display name: the annotators', then `gold` when it has spans.
    pub fn named_layers(&self) -> impl Iterator<Item = (&str, &Layer)> {
        let gold = (self.gold.span_count() > 0).then_some(("gold", &self.gold));
        self.layers.iter().map(|(k, v)| (k.as_str(), v)).chain(gold)
    }

    /// The layer a [`super::LayerRef`] names, if it exists (the gold layer always does).
    pub fn layer(&self, layer: &super::LayerRef) -> Option<&Layer> {
        match layer {
            super::LayerRef::Annotator(name) => self.layers.get(name),
            super::LayerRef::Gold => Some(&self.gold),
        }
    }

    /// Every layer including an empty gold layer, with its display name.
    pub fn named_layers_all(&self) -> impl Iterator<Item = (&str, &Layer)> {
        self.layers.iter().map(|(k, v)| (k.as_str(), v)).chain(std::iter::once(("gold", &self.gold)))
    }

    /// A document id derived from `stem` (by [`super::clean_name`]) that no document uses yet.
    pub fn unique_doc_id(&self, stem: &str) -> DocId {
        let base = super::clean_name(stem).unwrap_or_else(|| "doc".to_string());
        let taken: BTreeSet<&str> = self.documents.iter().map(|d| d.id.as_str()).collect();
        if !taken.contains(base.as_str()) {
            return DocId::new(base);
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|c| !taken.contains(c.as_str()))
            .map(DocId::new)
            .unwrap_or_default()
    }

    /// The document with this content hash, if any.
    pub fn document_by_hash(&self, hash: &ContentHash) -> Option<&Document> {
        self.documents.iter().find(|d| &d.hash == hash).map(|d| &**d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ValidationError;
    use crate::model::{CharRange, LabelId, Timestamp};

    fn span(id: u64, start: usize, end: usize, label: &str) -> Span {
        Span::new(SpanId(id), CharRange::new(start, end), LabelId::new(label), "amal", Timestamp(0))
    }

    fn project_with(text: &str, spans: Vec<Span>) -> Project {
        let mut p = Project::new("t");
        let doc = Document::new(DocId::new("d1"), "d1.txt", text.into());
        let layer = p.layers.entry("amal".into()).or_default();
        layer.doc_mut(&doc).spans = spans;
        p.push_document(doc);
        p
    }

    #[test]
    fn a_clone_shares_texts_and_spans_until_one_side_changes() {
        let mut p = project_with("قتل 12 مدنياً", vec![span(1, 4, 6, "figure")]);
        let snapshot = p.clone();
        let id = DocId::new("d1");
        assert!(Arc::ptr_eq(&p.documents[0], &snapshot.documents[0]));
        assert!(Arc::ptr_eq(&p.layers["amal"].docs[&id], &snapshot.layers["amal"].docs[&id]));
        // Editing the project copies the one document it touches; the snapshot is unchanged.
        let doc = Arc::clone(&p.documents[0]);
        p.layers.get_mut("amal").unwrap().doc_mut(&doc).spans.push(span(2, 0, 3, "claim"));
        p.document_mut(&id).unwrap().status.insert("amal".into(), super::super::Status::Done);
        assert_eq!(snapshot.layers["amal"].spans(&id).len(), 1);
        assert_eq!(p.layers["amal"].spans(&id).len(), 2);
        assert!(snapshot.documents[0].status.is_empty());
        assert!(!Arc::ptr_eq(&p.documents[0], &snapshot.documents[0]));
        assert_ne!(p, snapshot);
        assert_eq!(snapshot, project_with("قتل 12 مدنياً", vec![span(1, 4, 6, "figure")]));
    }

    #[test]
    fn valid_project_has_no_problems() {
        let p = project_with("قتل 12 مدنياً", vec![span(1, 4, 6, "figure"), span(2, 0, 13, "claim")]);
        assert_eq!(p.validate(), vec![]);
    }

    #[test]
    fn tampered_text_is_named() {
        let mut p = project_with("قتل 12 مدنياً", vec![span(1, 4, 6, "figure")]);
        Arc::make_mut(&mut p.documents[0]).text = "قتل 21 مدنياً".into();
        let problems = p.validate();
        assert!(
            matches!(&problems[0], ValidationError::TextHashMismatch { doc, .. } if doc.as_str() == "d1")
        );
    }

    #[test]
    fn bad_spans_unknown_labels_and_duplicates_are_reported() {
        let p = project_with("نص", vec![span(1, 0, 9, "figure"), span(1, 0, 1, "rumour")]);
        let problems = p.validate();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(matches!(problems[0], ValidationError::BadRange { span: 1, .. }));
        assert!(matches!(problems[1], ValidationError::UnknownLabel { .. }));
        assert!(matches!(problems[2], ValidationError::DuplicateSpanId { .. }));
    }

    #[test]
    fn unique_doc_ids() {
        let p = project_with("x", vec![]);
        assert_eq!(p.unique_doc_id("d1").as_str(), "d1-2");
        assert_eq!(p.unique_doc_id("new file").as_str(), "new_file");
        assert_eq!(p.unique_doc_id("").as_str(), "doc");
    }

    #[test]
    fn next_span_id_is_past_the_largest() {
        let p = project_with("abcdef", vec![span(7, 0, 1, "claim"), span(3, 1, 2, "claim")]);
        assert_eq!(p.layers["amal"].next_span_id(), SpanId(8));
        assert_eq!(Layer::default().next_span_id(), SpanId(1));
    }
}
