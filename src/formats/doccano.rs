//! doccano sequence-labelling JSONL: `{"text","label":[[start,end,label]]}`.
//!
//! One line per document and layer, so that two annotators' spans are never mixed in
//! one record; two harmless extra keys follow: `doc_id`, and `annotator` when the
//! line has spans (doccano keeps unknown keys as metadata).

use super::select::ExportDoc;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    label: Vec<(usize, usize, &'a str)>,
    doc_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    annotator: Option<&'a str>,
}

/// Writes the lines of one document.
pub fn write_doc(w: &mut dyn Write, doc: &ExportDoc<'_>) -> std::io::Result<()> {
    let groups = doc.by_layer();
    if groups.is_empty() {
        let line =
            Line { text: &doc.doc.text, label: Vec::new(), doc_id: doc.doc.id.as_str(), annotator: None };
        return write_line(w, &line);
    }
    for (layer, spans) in groups {
        let label = spans.iter().map(|s| (s.span.start.0, s.span.end.0, s.span.label.as_str())).collect();
        let line = Line { text: &doc.doc.text, label, doc_id: doc.doc.id.as_str(), annotator: Some(layer) };
        write_line(w, &line)?;
    }
    Ok(())
}

fn write_line(w: &mut dyn Write, line: &Line<'_>) -> std::io::Result<()> {
    super::json_line::write(w, line)
}
