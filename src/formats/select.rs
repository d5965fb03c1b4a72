//! Which documents and spans an export writes: the layer, label and status filters.
//!
//! Layer rule: with no choice, the gold layer when it covers the project (every document
//! that has spans in some annotator's layer has gold spans: [`gold_covers`]), otherwise
//! every annotator's spans with the annotator recorded, so a short visit to review mode
//! never shrinks an export to a few agreed spans. `--gold` on a project without gold
//! spans is an error. Status rule: with `--annotator`, the
//! document passes when that annotator's status matches; otherwise when any annotator
//! of the project has that status on it (a document nobody has opened is `new`).
//! Suggested spans (origin `Suggested`, not yet accepted) are left out unless
//! `include_suggestions` is set (`--include-suggestions`); then every format that can hold
//! it says which spans are suggestions (see `docs/formats.md`), so an import keeps them
//! suggestions. A relation is exported when both of its spans are (and it is not itself a
//! suggestion, unless suggestions are included).

use super::FormatError;
use crate::model::{CharIndex, CharRange, Document, LabelId, Project, Relation, Span, Status};
use std::collections::BTreeSet;

/// Which layer to export.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum LayerChoice {
    /// Gold when it covers the project ([`gold_covers`]), otherwise every annotator's layer.
    #[default]
    Default,
    /// One annotator's layer.
    Annotator(String),
    /// The gold (adjudicated) layer.
    Gold,
}

/// What to export, apart from the format.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    pub layer: LayerChoice,
    /// Only spans with these labels; empty means all labels.
    pub labels: Vec<LabelId>,
    /// Only documents with this status (see the module documentation).
    pub status: Option<Status>,
    /// Suggested spans and links too, marked as suggestions.
    pub include_suggestions: bool,
}

/// A status as written on the command line and in exports: `new`, `in-progress`, `done`.
pub fn status_key(status: Status) -> &'static str {
    match status {
        Status::New => "new",
        Status::InProgress => "in-progress",
        Status::Done => "done",
    }
}

/// Parses `new`, `in-progress` (also `in_progress`, `in progress`) or `done`.
pub fn parse_status(text: &str) -> Result<Status, FormatError> {
    match text.trim().to_lowercase().replace(['_', ' '], "-").as_str() {
        "new" => Ok(Status::New),
        "in-progress" => Ok(Status::InProgress),
        "done" => Ok(Status::Done),
        _ => Err(FormatError::UnknownStatus(text.to_string())),
    }
}

/// Whether the gold layer covers the project: it has spans, and so does every document
/// on which some annotator has spans. What an export takes by default.
pub fn gold_covers(project: &Project) -> bool {
    let has_gold =
        |doc: &crate::model::DocId| project.gold.docs.get(doc).is_some_and(|d| !d.spans.is_empty());
    project.gold.span_count() > 0
        && project
            .layers
            .values()
            .flat_map(|l| l.docs.iter())
            .filter(|(_, d)| d.spans.iter().any(|s| !s.is_suggested()))
            .all(|(doc, _)| has_gold(doc))
}

/// How many of the documents with annotators' spans have gold spans, of how many.
pub fn gold_coverage(project: &Project) -> (usize, usize) {
    let docs: BTreeSet<&crate::model::DocId> = project
        .layers
        .values()
        .flat_map(|l| l.docs.iter())
        .filter(|(_, d)| d.spans.iter().any(|s| !s.is_suggested()))
        .map(|(doc, _)| doc)
        .collect();
    let covered = docs.iter().filter(|doc| project.gold.docs.get(**doc).is_some_and(|d| !d.spans.is_empty()));
    (covered.count(), docs.len())
}

/// One span chosen for export, with its text.
#[derive(Clone, Debug)]
pub struct ExportSpan<'a> {
    pub span: &'a Span,
    /// The layer it comes from: an annotator's name or `gold`.
    pub layer: &'a str,
    /// Who made it: the layer's annotator, or for gold spans the annotator whose span was accepted.
    pub annotator: &'a str,
    pub text: &'a str,
}

impl ExportSpan<'_> {
    pub fn range(&self) -> CharRange {
        self.span.range()
    }

    /// The span's id in exports, stable within the project: its layer and its id there,
    /// `amal:3` or `gold:7` (span ids are unique within a layer).
    pub fn export_id(&self) -> String {
        format!("{}:{}", self.layer, self.span.id.0)
    }

    /// How the span came to be, as exports write it: `manual`, `accepted` or `suggested`.
    pub fn origin(&self) -> &'static str {
        match self.span.origin {
            crate::model::Origin::Manual => "manual",
            crate::model::Origin::Accepted { .. } => "accepted",
            crate::model::Origin::Suggested { .. } => "suggested",
        }
    }

    /// The rule that suggested the span, for a suggestion.
    pub fn rule(&self) -> Option<&str> {
        match &self.span.origin {
            crate::model::Origin::Suggested { rule } => Some(rule.as_str()),
            _ => None,
        }
    }
}

/// One relation chosen for export: both its spans are in [`ExportDoc::spans`].
#[derive(Clone, Debug)]
pub struct ExportRelation<'a> {
    pub relation: &'a Relation,
    /// The layer it comes from, as for spans.
    pub layer: &'a str,
    /// Who made it (for the gold layer: as recorded on the relation).
    pub annotator: &'a str,
    /// Index of the head span in [`ExportDoc::spans`].
    pub head: usize,
    /// Index of the tail span in [`ExportDoc::spans`].
    pub tail: usize,
}

impl ExportRelation<'_> {
    /// The relation's id in exports: its layer and its id there, `amal:1`.
    pub fn export_id(&self) -> String {
        format!("{}:{}", self.layer, self.relation.id.0)
    }
}

/// One document chosen for export with its spans in reading order.
#[derive(Clone, Debug)]
pub struct ExportDoc<'a> {
    pub doc: &'a Document,
    pub index: CharIndex,
    pub spans: Vec<ExportSpan<'a>>,
    /// Relations between exported spans, by layer, then in the order they were made.
    pub relations: Vec<ExportRelation<'a>>,
}

impl<'a> ExportDoc<'a> {
    /// The spans grouped by layer, in layer-name order (for formats with one record per layer).
    pub fn by_layer(&self) -> Vec<(&'a str, Vec<&ExportSpan<'a>>)> {
        self.layer_names()
            .into_iter()
            .map(|name| (name, self.spans.iter().filter(|s| s.layer == name).collect()))
            .collect()
    }

    /// The relations of one layer.
    pub fn relations_of(&self, layer: &str) -> impl Iterator<Item = &ExportRelation<'a>> {
        self.relations.iter().filter(move |r| r.layer == layer)
    }

    fn layer_names(&self) -> BTreeSet<&'a str> {
        self.spans.iter().map(|s| s.layer).collect()
    }
}

/// The resolved selection: which layers, labels and documents.
pub struct Selection<'a> {
    project: &'a Project,
    layers: Vec<(&'a str, &'a crate::model::Layer)>,
    labels: Option<BTreeSet<&'a str>>,
    status: Option<Status>,
    status_annotator: Option<&'a str>,
    include_suggestions: bool,
    /// Spans whose range does not fit their document (only in unvalidated projects).
    pub bad_spans: usize,
}

impl<'a> Selection<'a> {
    /// Checks the options against the project.
    pub fn new(project: &'a Project, options: &'a ExportOptions) -> Result<Self, FormatError> {
        let known_annotators = || project.annotators().collect::<Vec<_>>().join(", ");
        let (layers, status_annotator) = match &options.layer {
            LayerChoice::Annotator(name) => {
                let Some((key, layer)) = project.layers.get_key_value(name) else {
                    return Err(FormatError::UnknownAnnotator {
                        name: name.clone(),
                        known: known_annotators(),
                    });
                };
                (vec![(key.as_str(), layer)], Some(key.as_str()))
            }
            LayerChoice::Gold if project.gold.span_count() == 0 => return Err(FormatError::NoGold),
            LayerChoice::Gold => (vec![("gold", &project.gold)], None),
            LayerChoice::Default if gold_covers(project) => (vec![("gold", &project.gold)], None),
            LayerChoice::Default => (project.layers.iter().map(|(k, v)| (k.as_str(), v)).collect(), None),
        };
        let labels = if options.labels.is_empty() {
            None
        } else {
            let mut set = BTreeSet::new();
            for label in &options.labels {
                let Some(known) = project.label(label) else {
                    let known = project.labels.iter().map(|l| l.id.as_str()).collect::<Vec<_>>().join(", ");
                    return Err(FormatError::UnknownLabel { name: label.0.to_string(), known });
                };
                set.insert(known.id.as_str());
            }
            Some(set)
        };
        Ok(Self {
            project,
            layers,
            labels,
            status: options.status,
            status_annotator,
            include_suggestions: options.include_suggestions,
            bad_spans: 0,
        })
    }

    /// A short description of the exported layer(s), for summaries.
    pub fn layer_description(&self) -> String {
        let names: Vec<&str> = self.layers.iter().map(|(n, _)| *n).collect();
        if names.is_empty() { "no annotator layers".to_string() } else { names.join(", ") }
    }

    /// The documents that pass the status filter, in project order.
    pub fn documents(&self) -> Vec<&'a Document> {
        self.project.documents.iter().map(|d| &**d).filter(|d| self.passes_status(d)).collect()
    }

    fn passes_status(&self, doc: &Document) -> bool {
        let Some(wanted) = self.status else { return true };
        if let Some(annotator) = self.status_annotator {
            return doc.status_of(annotator) == wanted;
        }
        let mut names: BTreeSet<&str> = self.project.annotators().collect();
        names.extend(doc.status.keys().map(String::as_str));
        if names.is_empty() {
            return wanted == Status::New;
        }
        names.into_iter().any(|name| doc.status_of(name) == wanted)
    }

    /// The spans of `doc` chosen for export, sorted by position, label, layer and id.
    pub fn export_doc(&mut self, doc: &'a Document) -> ExportDoc<'a> {
        let index = CharIndex::new(&doc.text);
        let mut spans = Vec::new();
        for (layer_name, layer) in &self.layers {
            let Some(layer_doc) = layer.docs.get(&doc.id) else { continue };
            if layer_doc.hash != doc.hash {
                self.bad_spans += layer_doc.spans.len();
                continue;
            }
            for span in &layer_doc.spans {
                if (span.is_suggested() && !self.include_suggestions)
                    || self.labels.as_ref().is_some_and(|set| !set.contains(span.label.as_str()))
                {
                    continue;
                }
                let Ok(text) = index.slice(&doc.text, span.range()) else {
                    self.bad_spans += 1;
                    continue;
                };
                let annotator = if *layer_name == "gold" && !span.annotator.is_empty() {
                    span.annotator.as_str()
                } else {
                    layer_name
                };
                spans.push(ExportSpan { span, layer: layer_name, annotator, text });
            }
        }
        spans.sort_by(|a, b| {
            (a.span.start, a.span.end, &a.span.label, a.layer, a.span.id).cmp(&(
                b.span.start,
                b.span.end,
                &b.span.label,
                b.layer,
                b.span.id,
            ))
        });
        let mut relations = Vec::new();
        for (layer_name, layer) in &self.layers {
            let Some(layer_doc) = layer.docs.get(&doc.id) else { continue };
            let find = |id| spans.iter().position(|s| s.layer == *layer_name && s.span.id == id);
            for relation in &layer_doc.relations {
                if relation.origin.is_suggested() && !self.include_suggestions {
                    continue;
                }
                if let (Some(head), Some(tail)) = (find(relation.head), find(relation.tail)) {
                    let annotator =
                        if relation.annotator.is_empty() { *layer_name } else { relation.annotator.as_str() };
                    relations.push(ExportRelation { relation, layer: layer_name, annotator, head, tail });
                }
            }
        }
        ExportDoc { doc, index, spans, relations }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocId, SpanId, Timestamp};

    fn span(id: u64, start: usize, end: usize, label: &str, who: &str) -> Span {
        Span::new(SpanId(id), CharRange::new(start, end), LabelId::new(label), who, Timestamp(0))
    }

    fn project() -> Project {
        let mut p = Project::new("t");
        let a = Document::new(DocId::new("a"), "a.txt", "قتل 12 مدنياً".into());
        let mut b = Document::new(DocId::new("b"), "b.txt", "نفى الجيش".into());
        b.status.insert("amal".into(), Status::Done);
        p.layers.entry("amal".into()).or_default().doc_mut(&a).spans =
            vec![span(1, 4, 6, "figure", "amal"), span(2, 0, 13, "claim", "amal")];
        p.layers.entry("omar".into()).or_default().doc_mut(&a).spans = vec![span(1, 4, 13, "figure", "omar")];
        p.documents = vec![a.into(), b.into()];
        p
    }

    #[test]
    fn default_takes_every_annotator_then_gold_once_it_has_spans() {
        let mut p = project();
        let options = ExportOptions::default();
        let mut sel = Selection::new(&p, &options).unwrap();
        let doc = sel.export_doc(&p.documents[0]);
        let got: Vec<_> = doc.spans.iter().map(|s| (s.span.start.0, s.layer, s.text)).collect();
        assert_eq!(got, [(0, "amal", "قتل 12 مدنياً"), (4, "amal", "12"), (4, "omar", "12 مدنياً")]);
        let a = p.documents[0].clone();
        p.gold.doc_mut(&a).spans = vec![span(1, 4, 6, "figure", "omar")];
        let mut sel = Selection::new(&p, &options).unwrap();
        let doc = sel.export_doc(&p.documents[0]);
        assert_eq!(doc.spans.len(), 1);
        assert_eq!((doc.spans[0].layer, doc.spans[0].annotator), ("gold", "omar"));
    }

    #[test]
    fn gold_that_covers_part_of_the_project_is_not_the_default() {
        // Issue 18, case 15: two agreed spans in gold used to make the whole export.
        let mut p = project();
        let b = (*p.documents[1]).clone();
        p.layers.get_mut("amal").unwrap().doc_mut(&b).spans = vec![span(3, 0, 3, "denial", "amal")];
        let a = p.documents[0].clone();
        p.gold.doc_mut(&a).spans = vec![span(1, 4, 6, "figure", "omar")];
        assert!(!gold_covers(&p));
        assert_eq!(gold_coverage(&p), (1, 2));
        let options = ExportOptions::default();
        let sel = Selection::new(&p, &options).unwrap();
        assert_eq!(sel.layer_description(), "amal, omar");
        p.gold.doc_mut(&b).spans = vec![span(1, 0, 3, "denial", "amal")];
        assert!(gold_covers(&p));
        assert_eq!(Selection::new(&p, &options).unwrap().layer_description(), "gold");
        let empty = project();
        let gold = ExportOptions { layer: LayerChoice::Gold, ..Default::default() };
        assert!(matches!(Selection::new(&empty, &gold), Err(FormatError::NoGold)));
    }

    #[test]
    fn label_and_status_filters() {
        let p = project();
        let options = ExportOptions {
            layer: LayerChoice::Annotator("amal".into()),
            labels: vec![LabelId::new("figure")],
            status: Some(Status::Done),
            include_suggestions: false,
        };
        let mut sel = Selection::new(&p, &options).unwrap();
        let docs = sel.documents();
        assert_eq!(docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["b"]);
        let doc = sel.export_doc(&p.documents[0]);
        assert_eq!(doc.spans.len(), 1);
        assert_eq!(doc.spans[0].span.label.as_str(), "figure");
        let new_only = ExportOptions { status: Some(Status::New), ..Default::default() };
        let sel = Selection::new(&p, &new_only).unwrap();
        assert_eq!(sel.documents().len(), 2, "b is new for omar");
    }

    #[test]
    fn unknown_names_are_errors_that_list_the_known_ones() {
        let p = project();
        let bad = ExportOptions { layer: LayerChoice::Annotator("zaid".into()), ..Default::default() };
        let err = Selection::new(&p, &bad).err().unwrap().to_string();
        assert!(err.contains("zaid") && err.contains("amal, omar"), "{err}");
        let bad = ExportOptions { labels: vec![LabelId::new("rumour")], ..Default::default() };
        let err = Selection::new(&p, &bad).err().unwrap().to_string();
        assert!(err.contains("claim, denial, figure"), "{err}");
        assert_eq!(parse_status("In Progress").unwrap(), Status::InProgress);
        assert!(parse_status("finished").is_err());
    }
}
