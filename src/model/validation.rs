//! Checking a project's invariants: what the loader refuses and what a save checks
//! before it replaces a file. Every problem names what is wrong and where.

use super::{
    ContentHash, DocId, Document, Label, LabelId, OffsetError, Project, Relation, RelationType, Span, SpanId,
};
use std::collections::{BTreeMap, BTreeSet};

/// A way in which a project is inconsistent. Each names what is wrong and where.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ValidationError {
    #[error(
        "document \"{doc}\": its text does not match its stored hash (stored {stored}, text hashes to {actual}); the text was changed after import"
    )]
    TextHashMismatch { doc: DocId, stored: String, actual: String },
    #[error(
        "document \"{doc}\": its line endings were changed to CRLF (\\r\\n) after import, so its text no \
         longer matches its stored hash; convert the file back to LF line endings (for example with dos2unix)"
    )]
    LineEndingsChanged { doc: DocId },
    #[error(
        "document \"{doc}\": the {layer} layer was made on a different text (hash {layer_hash}, document {doc_hash}); refusing to shift its spans"
    )]
    LayerHashMismatch { doc: DocId, layer: String, layer_hash: String, doc_hash: String },
    #[error("the {layer} layer has spans on document \"{doc}\", which is not in the project")]
    UnknownDocument { layer: String, doc: DocId },
    #[error("document \"{doc}\", {layer} layer, span {span}: {error}")]
    BadRange { doc: DocId, layer: String, span: u64, error: OffsetError },
    #[error("document \"{doc}\", {layer} layer, span {span}: unknown label {label:?}")]
    UnknownLabel { doc: DocId, layer: String, span: u64, label: String },
    #[error("document \"{doc}\", {layer} layer, span {span}: {problem}")]
    BadAttribute { doc: DocId, layer: String, span: u64, problem: String },
    #[error("document \"{doc}\", {layer} layer: span id {span} is used twice")]
    DuplicateSpanId { doc: DocId, layer: String, span: u64 },
    #[error("document id \"{0}\" is used twice")]
    DuplicateDocument(DocId),
    #[error("label id {0:?} is used twice")]
    DuplicateLabel(String),
    #[error("hotkey {key:?} is given to both {a:?} and {b:?}")]
    HotkeyClash { key: char, a: String, b: String },
    #[error("{what} {name:?} {problem}")]
    BadName { what: &'static str, name: String, problem: &'static str },
    #[error("document \"{doc}\", {layer} layer, span {span}: made by {annotator:?}, not by {layer:?}")]
    ForeignSpan { doc: DocId, layer: String, span: u64, annotator: String },
    #[error("relation type id {0:?} is used twice")]
    DuplicateRelationType(String),
    #[error("document \"{doc}\", {layer} layer, relation {relation}: {problem}")]
    BadRelation { doc: DocId, layer: String, relation: u64, problem: String },
}

impl Project {
    /// Checks every invariant: hashes, span ranges, labels, unique ids and hotkeys.
    /// Returns all problems found, in a stable order.
    pub fn validate(&self) -> Vec<ValidationError> {
        self.validate_with(true)
    }

    /// [`Project::validate`] without hashing every text again: each document's stored hash
    /// is taken as its text's (documents are hashed when made, and checked at load). What a
    /// save checks, so that it never writes a file the loader refuses.
    pub fn validate_structure(&self) -> Vec<ValidationError> {
        self.validate_with(false)
    }

    fn validate_with(&self, hash_texts: bool) -> Vec<ValidationError> {
        let mut problems = Vec::new();
        let mut label_ids = BTreeSet::new();
        let labels: BTreeMap<&str, &Label> = self.labels.iter().map(|l| (l.id.as_str(), l)).collect();
        let types: BTreeMap<&str, &RelationType> =
            self.relation_types.iter().map(|t| (t.id.as_str(), t)).collect();
        let mut hotkeys: BTreeMap<char, &str> = BTreeMap::new();
        let mut name_problems = |what: &'static str, name: &str| {
            if let Some(problem) = super::name_problem(name) {
                problems.push(ValidationError::BadName { what, name: name.to_string(), problem });
            }
        };
        for label in &self.labels {
            name_problems("label id", label.id.as_str());
        }
        for kind in &self.relation_types {
            name_problems("relation type id", kind.id.as_str());
        }
        for name in self.layers.keys() {
            name_problems("annotator name", name);
        }
        for doc in &self.documents {
            name_problems("document id", doc.id.as_str());
            doc.assigned.iter().for_each(|name| name_problems("assigned annotator", name));
        }
        for (doc, i) in self.documents.iter().flat_map(|d| (0..d.assigned.len()).map(move |i| (d, i))) {
            if let Some(name) = doc.assigned.get(i).filter(|n| doc.assigned.iter().take(i).any(|m| m == *n)) {
                let problem = "is assigned the same document twice";
                problems.push(ValidationError::BadName {
                    what: "assigned annotator",
                    name: name.clone(),
                    problem,
                });
            }
        }
        for label in &self.labels {
            if !label_ids.insert(label.id.as_str()) {
                problems.push(ValidationError::DuplicateLabel(label.id.0.to_string()));
            }
            if let Some(key) = label.hotkey
                && let Some(other) = hotkeys.insert(key, label.id.as_str())
            {
                problems.push(ValidationError::HotkeyClash {
                    key,
                    a: other.to_string(),
                    b: label.id.0.to_string(),
                });
            }
        }
        let mut type_ids = BTreeSet::new();
        for kind in &self.relation_types {
            if !type_ids.insert(kind.id.as_str()) {
                problems.push(ValidationError::DuplicateRelationType(kind.id.0.to_string()));
            }
        }
        // Only each text's length in code points is needed: a full CharIndex per document
        // would cost 8 bytes per character for the whole project at once.
        let mut docs: BTreeMap<&DocId, (&Document, usize)> = BTreeMap::new();
        for doc in &self.documents {
            let actual = if hash_texts { ContentHash::of(&doc.text) } else { doc.hash.clone() };
            if actual != doc.hash
                && doc.text.contains('\r')
                && ContentHash::of(&doc.text.replace("\r\n", "\n")) == doc.hash
            {
                problems.push(ValidationError::LineEndingsChanged { doc: doc.id.clone() });
            } else if actual != doc.hash {
                problems.push(ValidationError::TextHashMismatch {
                    doc: doc.id.clone(),
                    stored: doc.hash.0.clone(),
                    actual: actual.0,
                });
            }
            if docs.insert(&doc.id, (doc, super::char_len(&doc.text))).is_some() {
                problems.push(ValidationError::DuplicateDocument(doc.id.clone()));
            }
        }
        let declared = Declared { labels, types };
        for (layer_name, layer) in self.named_layers_all() {
            let gold = std::ptr::eq(layer, &self.gold);
            for (doc_id, layer_doc) in &layer.docs {
                let Some(&(doc, char_len)) = docs.get(doc_id) else {
                    problems.push(ValidationError::UnknownDocument {
                        layer: layer_name.to_string(),
                        doc: doc_id.clone(),
                    });
                    continue;
                };
                if layer_doc.hash != doc.hash {
                    problems.push(ValidationError::LayerHashMismatch {
                        doc: doc_id.clone(),
                        layer: layer_name.to_string(),
                        layer_hash: layer_doc.hash.0.clone(),
                        doc_hash: doc.hash.0.clone(),
                    });
                    continue;
                }
                let at = At { doc: doc_id, layer: layer_name, gold };
                let ids = declared.span_problems(&at, &layer_doc.spans, char_len, &mut problems);
                declared.relation_problems(&at, &layer_doc.relations, &ids, &mut problems);
            }
        }
        problems
    }
}

/// The labels and relation types a project declares, by id: what its spans and links are
/// checked against.
struct Declared<'p> {
    labels: BTreeMap<&'p str, &'p Label>,
    types: BTreeMap<&'p str, &'p RelationType>,
}

/// Where a problem is: one layer's entry for one document.
struct At<'a> {
    doc: &'a DocId,
    layer: &'a str,
    /// The gold layer holds spans made by anyone; an annotator's layer only their own.
    gold: bool,
}

impl<'p> Declared<'p> {
    /// Checks one layer's spans on a document of `char_len` code points: ranges, labels,
    /// attribute values, authors and unique ids. Returns each span's label by id.
    fn span_problems<'s>(
        &self,
        at: &At,
        spans: &'s [Span],
        char_len: usize,
        problems: &mut Vec<ValidationError>,
    ) -> BTreeMap<SpanId, &'s LabelId> {
        let (doc, layer) = (at.doc, at.layer.to_string());
        let mut ids = BTreeMap::new();
        for span in spans {
            let id = span.id.0;
            if let Err(error) = span.range().check(char_len) {
                problems.push(ValidationError::BadRange {
                    doc: doc.clone(),
                    layer: layer.clone(),
                    span: id,
                    error,
                });
            }
            match self.labels.get(span.label.as_str()) {
                None => problems.push(ValidationError::UnknownLabel {
                    doc: doc.clone(),
                    layer: layer.clone(),
                    span: id,
                    label: span.label.0.to_string(),
                }),
                Some(label) => {
                    if let Some(problem) = label.attributes_problem(&span.attributes) {
                        problems.push(ValidationError::BadAttribute {
                            doc: doc.clone(),
                            layer: layer.clone(),
                            span: id,
                            problem,
                        });
                    }
                }
            }
            if !at.gold && span.annotator != at.layer {
                problems.push(ValidationError::ForeignSpan {
                    doc: doc.clone(),
                    layer: layer.clone(),
                    span: id,
                    annotator: span.annotator.to_string(),
                });
            }
            if ids.insert(span.id, &span.label).is_some() {
                problems.push(ValidationError::DuplicateSpanId {
                    doc: doc.clone(),
                    layer: layer.clone(),
                    span: id,
                });
            }
        }
        ids
    }

    /// Checks one layer's links on a document against its spans (`ids`, each span's label):
    /// unique ids, both ends there and distinct, a declared type that allows the two labels,
    /// and the author.
    fn relation_problems(
        &self,
        at: &At,
        relations: &[Relation],
        ids: &BTreeMap<SpanId, &LabelId>,
        problems: &mut Vec<ValidationError>,
    ) {
        let mut relation_ids = BTreeSet::new();
        for relation in relations {
            let mut bad = |problem: String| {
                problems.push(ValidationError::BadRelation {
                    doc: at.doc.clone(),
                    layer: at.layer.to_string(),
                    relation: relation.id.0,
                    problem,
                })
            };
            if !relation_ids.insert(relation.id) {
                bad("its id is used twice".into());
            }
            for (end, id) in [("head", relation.head), ("tail", relation.tail)] {
                if !ids.contains_key(&id) {
                    bad(format!("its {end} span {} is not in the layer", id.0));
                }
            }
            if relation.head == relation.tail {
                bad("it links a span to itself".into());
            }
            match self.types.get(relation.kind.as_str()) {
                None => bad(format!("unknown relation type {:?}", relation.kind.as_str())),
                Some(kind) => {
                    if let (Some(head), Some(tail)) = (ids.get(&relation.head), ids.get(&relation.tail))
                        && !kind.allows(head, tail)
                    {
                        bad(format!(
                            "type {:?} does not link a {:?} span to a {:?} span",
                            kind.id.as_str(),
                            head.as_str(),
                            tail.as_str()
                        ));
                    }
                }
            }
            if !at.gold && relation.annotator != at.layer {
                bad(format!("made by {:?}, not by {:?}", relation.annotator.as_str(), at.layer));
            }
        }
    }
}
