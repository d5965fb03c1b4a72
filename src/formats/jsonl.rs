//! Our own JSONL: one document per line, keys in a fixed order, read back by the importer.
//!
//! `{"id","title","text","spans":[{"id","start","end","label","text","annotator","attributes",
//! "note","origin","rule"}],"relations":[{"id","head","tail","type","annotator"}],"meta":{...}}`;
//! `note` is null when the span has none, `origin` is `manual`, `accepted` or `suggested`
//! (with `--include-suggestions`), `rule` names a suggestion's rule (null otherwise). A span's `id` is stable within the project (`amal:3`: its layer
//! and its id there); a relation's `head` and `tail` are span ids of the same line.
//! `attributes` is an object (numbers as JSON numbers, integers without a fraction).
//! `meta` holds `source`, `hash` (SHA-256
//! of the text), `status` (per annotator), `layer` (`gold`, an annotator's name, or
//! `annotators` when every annotator's layer is in the file),
//! `offsets: "unicode_codepoints"` and, when the window recorded any, `lead_time`: the
//! seconds each annotator (of the layer exported, or all) worked on the document, as
//! Label Studio's `lead_time` (an import reads it back). Arabic is written as UTF-8, not
//! `\u` escapes.

use super::OFFSETS_UNIT;
use super::select::{ExportDoc, ExportOptions, LayerChoice, status_key};
use crate::model::Project;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;

/// The `meta.layer` value of a jsonl export, telling the importer where spans belong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayerKind<'a> {
    Gold,
    Annotator(&'a str),
    Annotators,
}

impl<'a> LayerKind<'a> {
    pub fn of(project: &Project, options: &'a ExportOptions) -> Self {
        match &options.layer {
            LayerChoice::Gold => LayerKind::Gold,
            LayerChoice::Annotator(name) => LayerKind::Annotator(name),
            LayerChoice::Default if super::select::gold_covers(project) => LayerKind::Gold,
            LayerChoice::Default => LayerKind::Annotators,
        }
    }

    fn name(self) -> &'a str {
        match self {
            LayerKind::Gold => "gold",
            LayerKind::Annotator(name) => name,
            LayerKind::Annotators => "annotators",
        }
    }
}

/// The `meta.layer` value meaning "spans belong to the gold layer".
pub const GOLD_LAYER: &str = "gold";

#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    title: &'a str,
    text: &'a str,
    spans: Vec<SpanOut<'a>>,
    relations: Vec<RelationOut<'a>>,
    meta: Meta<'a>,
}

#[derive(Serialize)]
struct SpanOut<'a> {
    id: String,
    start: usize,
    end: usize,
    label: &'a str,
    text: &'a str,
    annotator: &'a str,
    attributes: serde_json::Value,
    /// Always written (null when empty), so every line has one schema.
    note: Option<&'a str>,
    origin: &'static str,
    /// The rule that suggested a suggestion; null otherwise.
    rule: Option<&'a str>,
}

#[derive(Serialize)]
struct RelationOut<'a> {
    id: String,
    head: String,
    tail: String,
    #[serde(rename = "type")]
    kind: &'a str,
    annotator: &'a str,
}

#[derive(Serialize)]
struct Meta<'a> {
    source: &'a str,
    hash: &'a str,
    status: BTreeMap<&'a str, &'static str>,
    layer: &'a str,
    offsets: &'static str,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    lead_time: BTreeMap<&'a str, u64>,
}

/// Seconds of active work per annotator on `doc` (those of `layer` only, for one
/// annotator's layer); annotators with none left out.
fn lead_time<'a>(project: &'a Project, doc: &ExportDoc<'_>, layer: LayerKind<'_>) -> BTreeMap<&'a str, u64> {
    project
        .layers
        .iter()
        .filter(|(name, _)| !matches!(layer, LayerKind::Annotator(only) if only != name.as_str()))
        .filter_map(|(name, l)| Some((name.as_str(), l.docs.get(&doc.doc.id)?.active_seconds)))
        .filter(|(_, seconds)| *seconds > 0)
        .collect()
}

/// Writes one document as one line.
pub fn write_doc(
    w: &mut dyn Write,
    doc: &ExportDoc<'_>,
    layer: LayerKind<'_>,
    project: &Project,
) -> std::io::Result<()> {
    let line = Line {
        id: doc.doc.id.as_str(),
        title: &doc.doc.title,
        text: &doc.doc.text,
        spans: doc
            .spans
            .iter()
            .map(|s| SpanOut {
                id: s.export_id(),
                start: s.span.start.0,
                end: s.span.end.0,
                label: s.span.label.as_str(),
                text: s.text,
                annotator: s.annotator,
                attributes: s.span.attributes.to_json(),
                note: s.span.note.as_deref().filter(|n| !n.is_empty()),
                origin: s.origin(),
                rule: s.rule(),
            })
            .collect(),
        relations: doc
            .relations
            .iter()
            .map(|r| RelationOut {
                id: r.export_id(),
                head: doc.spans[r.head].export_id(),
                tail: doc.spans[r.tail].export_id(),
                kind: r.relation.kind.as_str(),
                annotator: r.annotator,
            })
            .collect(),
        meta: Meta {
            source: &doc.doc.source,
            hash: &doc.doc.hash.0,
            status: doc.doc.status.iter().map(|(k, v)| (k.as_str(), status_key(*v))).collect(),
            layer: layer.name(),
            offsets: OFFSETS_UNIT,
            lead_time: lead_time(project, doc, layer),
        },
    };
    super::json_line::write(w, &line)
}
