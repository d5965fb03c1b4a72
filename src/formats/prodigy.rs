//! Prodigy JSONL: `{"text","spans":[{"start","end","label"}],"meta"}`.
//!
//! One line per document and layer. After the required keys come `_annotator_id` (the
//! layer: an annotator's name or `gold`) and `answer: "accept"`, both as Prodigy itself
//! writes them; `meta` holds `id`, `title` and `offsets: "unicode_codepoints"`, and with
//! `--include-suggestions` `suggested`: the `[start, end, label]` of the spans that are
//! suggestions (absent when none are).
//!
//! Relations: Prodigy's relation records point at tokens (`head`, `child`), and these
//! lines carry no tokens, so each relation is written with Prodigy's token-free parts
//! only: `{"head_span": {"start","end","label"}, "child_span": {...}, "label"}` (head to
//! child as head to tail). Attributes are not part of Prodigy's format and are left out.

use super::OFFSETS_UNIT;
use super::select::{ExportDoc, ExportSpan};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    spans: Vec<SpanOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    relations: Vec<RelationOut<'a>>,
    meta: Meta<'a>,
    #[serde(rename = "_annotator_id", skip_serializing_if = "Option::is_none")]
    annotator_id: Option<&'a str>,
    answer: &'static str,
}

#[derive(Serialize)]
struct SpanOut<'a> {
    start: usize,
    end: usize,
    label: &'a str,
}

impl<'a> SpanOut<'a> {
    fn of(s: &ExportSpan<'a>) -> Self {
        SpanOut { start: s.span.start.0, end: s.span.end.0, label: s.span.label.as_str() }
    }
}

#[derive(Serialize)]
struct RelationOut<'a> {
    head_span: SpanOut<'a>,
    child_span: SpanOut<'a>,
    label: &'a str,
}

#[derive(Serialize)]
struct Meta<'a> {
    id: &'a str,
    title: &'a str,
    offsets: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suggested: Vec<(usize, usize, &'a str)>,
}

/// Writes the lines of one document.
pub fn write_doc(w: &mut dyn Write, doc: &ExportDoc<'_>) -> std::io::Result<()> {
    let meta =
        |suggested| Meta { id: doc.doc.id.as_str(), title: &doc.doc.title, offsets: OFFSETS_UNIT, suggested };
    let groups = doc.by_layer();
    if groups.is_empty() {
        let line = Line {
            text: &doc.doc.text,
            spans: Vec::new(),
            relations: Vec::new(),
            meta: meta(Vec::new()),
            annotator_id: None,
            answer: "accept",
        };
        return write_line(w, &line);
    }
    for (layer, spans) in groups {
        let suggested = spans
            .iter()
            .filter(|s| s.span.is_suggested())
            .map(|s| (s.span.start.0, s.span.end.0, s.span.label.as_str()))
            .collect();
        let spans = spans.iter().map(|s| SpanOut::of(s)).collect();
        let relations = doc
            .relations_of(layer)
            .map(|r| RelationOut {
                head_span: SpanOut::of(&doc.spans[r.head]),
                child_span: SpanOut::of(&doc.spans[r.tail]),
                label: r.relation.kind.as_str(),
            })
            .collect();
        let line = Line {
            text: &doc.doc.text,
            spans,
            relations,
            meta: meta(suggested),
            annotator_id: Some(layer),
            answer: "accept",
        };
        write_line(w, &line)?;
    }
    Ok(())
}

fn write_line(w: &mut dyn Write, line: &Line<'_>) -> std::io::Result<()> {
    super::json_line::write(w, line)
}
