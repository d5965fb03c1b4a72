//! CSV for spreadsheets: one row per span, with some context on each side.
//!
//! Columns: `doc_id,label,annotator,start,end,text,left_context,right_context,note,id,attributes,origin`
//! (`id` as in the jsonl export, `attributes` a JSON object, `{}` when there are none,
//! `origin` `manual`, `accepted` or `suggested`).
//! Relations go to a second file beside it, `NAME.relations.csv` for `NAME.csv`, with
//! [`RELATION_HEADER`]: one row per relation, `head` and `tail` being span `id`s.
//! RFC 4180: rows end with CRLF; a field holding a comma, a quote, CR or LF is quoted
//! and its quotes doubled. `start`/`end` are code points; `text` is the exact span
//! text; the contexts are up to [`CONTEXT`] code points, with line breaks shown as
//! spaces. No byte-order mark (Python's `csv` reads the file as plain UTF-8). Written by
//! hand: quoting is a few lines, not worth a dependency.
//!
//! Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or
//! a tab or CR before one) as a formula, so an annotator named `=1+1` or a span text
//! `=HYPERLINK(...)` would be live in Excel. As OWASP recommends, such a cell is written
//! with a `'` in front, which spreadsheets show as text; a program reading the file
//! strips one leading `'` from a cell whose next character is one of those six.

use super::select::ExportDoc;
use crate::model::CharRange;
use std::io::Write;

/// Code points of context written on each side of a span.
pub const CONTEXT: usize = 40;

const HEADER: [&str; 12] = [
    "doc_id",
    "label",
    "annotator",
    "start",
    "end",
    "text",
    "left_context",
    "right_context",
    "note",
    "id",
    "attributes",
    "origin",
];

/// The columns of the relations file.
pub const RELATION_HEADER: [&str; 10] = [
    "doc_id",
    "id",
    "type",
    "head",
    "tail",
    "annotator",
    "head_label",
    "head_text",
    "tail_label",
    "tail_text",
];

/// Writes the header row.
pub fn write_header(w: &mut dyn Write) -> std::io::Result<()> {
    write_row(w, &HEADER.map(String::from))
}

/// The relations file written beside a CSV export: `NAME.relations.csv` for `NAME.csv`.
pub fn relations_path(out: &std::path::Path) -> std::path::PathBuf {
    let stem = out.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    out.with_file_name(format!("{stem}.relations.csv"))
}

/// The relation rows of one document, for the relations file.
pub fn relation_rows(doc: &ExportDoc<'_>) -> Vec<[String; 10]> {
    doc.relations
        .iter()
        .map(|r| {
            let (head, tail) = (&doc.spans[r.head], &doc.spans[r.tail]);
            [
                doc.doc.id.to_string(),
                r.export_id(),
                r.relation.kind.to_string(),
                head.export_id(),
                tail.export_id(),
                r.annotator.to_string(),
                head.span.label.to_string(),
                head.text.to_string(),
                tail.span.label.to_string(),
                tail.text.to_string(),
            ]
        })
        .collect()
}

/// Writes the relations file: its header, then `rows`.
pub fn write_relations(w: &mut dyn Write, rows: &[[String; 10]]) -> std::io::Result<()> {
    write_row(w, &RELATION_HEADER.map(String::from))?;
    for row in rows {
        write_row(w, row)?;
    }
    Ok(())
}

/// Writes one row per span of the document; `rows` counts rows written so far.
pub fn write_doc(w: &mut dyn Write, doc: &ExportDoc<'_>, rows: &mut usize) -> std::io::Result<()> {
    let len = doc.index.char_len();
    for s in &doc.spans {
        let range = s.range();
        let left = CharRange::new(range.start.0.saturating_sub(CONTEXT), range.start.0);
        let right = CharRange::new(range.end.0, (range.end.0 + CONTEXT).min(len));
        let context = |r: CharRange| {
            if r.is_empty() {
                String::new()
            } else {
                doc.index.slice(&doc.doc.text, r).unwrap_or("").replace('\n', " ")
            }
        };
        let row = [
            doc.doc.id.to_string(),
            s.span.label.0.to_string(),
            s.annotator.to_string(),
            range.start.0.to_string(),
            range.end.0.to_string(),
            s.text.to_string(),
            context(left),
            context(right),
            s.span.note.as_deref().unwrap_or_default().to_string(),
            s.export_id(),
            s.span.attributes.to_json().to_string(),
            s.origin().to_string(),
        ];
        write_row(w, &row)?;
        *rows += 1;
    }
    Ok(())
}

fn write_row(w: &mut dyn Write, fields: &[String]) -> std::io::Result<()> {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        w.write_all(quote(field).as_bytes())?;
    }
    w.write_all(b"\r\n")
}

/// Characters that make a spreadsheet read a cell as a formula when they come first.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A field with a `'` in front when a spreadsheet would take it for a formula.
fn neutralize(field: &str) -> std::borrow::Cow<'_, str> {
    if field.starts_with(FORMULA_STARTS) { format!("'{field}").into() } else { field.into() }
}

/// A field as RFC 4180 writes it, neutralized first.
fn quote(field: &str) -> std::borrow::Cow<'_, str> {
    let field = neutralize(field);
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\"")).into()
    } else {
        field
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(quote("قتل 12"), "قتل 12");
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(quote("two\nlines"), "\"two\nlines\"");
        let mut out = Vec::new();
        write_row(&mut out, &["x".into(), "y,z".into()]).unwrap();
        assert_eq!(out, b"x,\"y,z\"\r\n");
    }

    #[test]
    fn formulas_are_neutralized() {
        assert_eq!(quote("=1+1"), "'=1+1");
        assert_eq!(quote("=HYPERLINK(\"x\",\"y\")"), "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
        assert_eq!(quote("+9"), "'+9");
        assert_eq!(quote("-5 km"), "'-5 km");
        assert_eq!(quote("@sum"), "'@sum");
        assert_eq!(quote("\t=x"), "'\t=x");
        assert_eq!(quote("a=b"), "a=b");
        assert_eq!(quote("12"), "12");
    }
}
