//! doccano JSONL: `{"text","label":[[start,end,label]],"entities":[...],"relations":[...]}`.
//!
//! One line per document and layer, so that two annotators' spans are never mixed in
//! one record. Each line carries the spans twice, in both of doccano's shapes: `label`
//! for sequence-labelling projects, and `entities` (`{"id","label","start_offset",
//! "end_offset"}`, ids counted from 1 on each line) with `relations` (`{"id","from_id",
//! "to_id","type"}`, head to tail) for relation projects; each kind of project reads its
//! own keys and keeps the others as metadata. Two harmless extra keys follow: `doc_id`,
//! and `annotator` when the line has spans; with `--include-suggestions`, `meta.suggested`
//! lists the entity ids of the spans that are suggestions (absent when none are).

use super::select::ExportDoc;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    label: Vec<(usize, usize, &'a str)>,
    entities: Vec<Entity<'a>>,
    relations: Vec<RelationOut<'a>>,
    doc_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    annotator: Option<&'a str>,
    #[serde(skip_serializing_if = "Meta::is_empty")]
    meta: Meta,
}

/// `meta.suggested`: the entity ids of the spans that are suggestions.
#[derive(Serialize, Default)]
struct Meta {
    suggested: Vec<usize>,
}

impl Meta {
    fn is_empty(&self) -> bool {
        self.suggested.is_empty()
    }
}

#[derive(Serialize)]
struct Entity<'a> {
    id: usize,
    label: &'a str,
    start_offset: usize,
    end_offset: usize,
}

#[derive(Serialize)]
struct RelationOut<'a> {
    id: usize,
    from_id: usize,
    to_id: usize,
    #[serde(rename = "type")]
    kind: &'a str,
}

/// Writes the lines of one document.
pub fn write_doc(w: &mut dyn Write, doc: &ExportDoc<'_>) -> std::io::Result<()> {
    let groups = doc.by_layer();
    if groups.is_empty() {
        let line = Line {
            text: &doc.doc.text,
            label: Vec::new(),
            entities: Vec::new(),
            relations: Vec::new(),
            doc_id: doc.doc.id.as_str(),
            annotator: None,
            meta: Meta::default(),
        };
        return write_line(w, &line);
    }
    for (layer, spans) in groups {
        let label = spans.iter().map(|s| (s.span.start.0, s.span.end.0, s.span.label.as_str())).collect();
        let entities = spans
            .iter()
            .enumerate()
            .map(|(i, s)| Entity {
                id: i + 1,
                label: s.span.label.as_str(),
                start_offset: s.span.start.0,
                end_offset: s.span.end.0,
            })
            .collect();
        // Entity ids are positions in this line's list, which holds this layer's spans in order.
        let entity_id =
            |index: usize| spans.iter().position(|s| std::ptr::eq(*s, &doc.spans[index])).map(|p| p + 1);
        let relations = doc
            .relations_of(layer)
            .filter_map(|r| Some((entity_id(r.head)?, entity_id(r.tail)?, r)))
            .enumerate()
            .map(|(i, (from_id, to_id, r))| RelationOut {
                id: i + 1,
                from_id,
                to_id,
                kind: r.relation.kind.as_str(),
            })
            .collect();
        let line = Line {
            text: &doc.doc.text,
            label,
            entities,
            relations,
            doc_id: doc.doc.id.as_str(),
            annotator: Some(layer),
            meta: Meta {
                suggested: (1..).zip(&spans).filter(|(_, s)| s.span.is_suggested()).map(|(i, _)| i).collect(),
            },
        };
        write_line(w, &line)?;
    }
    Ok(())
}

fn write_line(w: &mut dyn Write, line: &Line<'_>) -> std::io::Result<()> {
    super::json_line::write(w, line)
}
