//! Reading a large project file on two cores. One pass over the text finds its top-level
//! fields and, in `layers`, each annotator's entry for each document (the spans and links,
//! nearly all of a big file's work); 60% of those entries are parsed on a second thread,
//! the rest with the documents and the other fields (name, labels, …) on the caller's.
//!
//! The scanner knows RON's brackets and its string, raw string and character literals, so
//! nothing inside a text or a note can end a field. Anything unexpected (no `(` first, a
//! field twice, a field that does not parse) gives `None`, and the caller parses the whole
//! text as one, which also gives the error message with its line and column. Both ways
//! give the same project: tests compare them.

use crate::model::{DocId, Document, Layer, LayerDoc, Project, interning};
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

/// Files smaller than this are parsed in one piece: threads would not pay for themselves.
const MIN_SPLIT: usize = 4 << 20;

/// The project in `text`, its layers and documents parsed on other threads; `None` when
/// the text is not laid out as expected (see the module documentation).
pub(crate) fn parse_split(text: &str) -> Option<Project> {
    if text.len() < MIN_SPLIT {
        return None;
    }
    let Scan { fields, names, entries } = scan(text)?;
    let value = |name: &str| fields.iter().find(|(n, _, _)| *n == name).map(|(_, _, v)| v.clone());
    let documents = value("documents")?;
    value("layers")?;
    // Everything else, as a project of its own with no layers and no documents.
    let mut rest = String::from("(");
    for (name, field, _) in &fields {
        if *name != "layers" && *name != "documents" {
            rest.push_str(text.get(field.clone())?);
            rest.push_str(",\n");
        }
    }
    rest.push(')');
    let names: Vec<String> =
        names.into_iter().map(|key| ron::from_str::<String>(text.get(key)?).ok()).collect::<Option<_>>()?;
    if names.iter().enumerate().any(|(i, n)| names.iter().take(i).any(|m| m == n)) {
        return None; // an annotator twice: the whole-file reading says what it makes of that
    }
    // The layers are most of the work: 60% of their entries (by size) are read on a second
    // thread, the rest on this one, which also reads the documents (about a fifth of the
    // layers' work). Two threads, not more, keep the allocator's per-thread pools few.
    let total: usize = entries.iter().map(|e| e.2.len()).sum();
    let mut size = 0;
    let half = entries
        .iter()
        .position(|e| {
            size += e.2.len();
            size > total / 5 * 3
        })
        .unwrap_or(entries.len());
    let (first, second) = entries.split_at(half);
    let parse_entries = |part: &[Entry]| {
        interning(|| {
            part.iter()
                .map(|(layer, key, value)| {
                    let doc = ron::from_str::<DocId>(text.get(key.clone())?).ok()?;
                    let layer_doc = ron::from_str::<Arc<LayerDoc>>(text.get(value.clone())?).ok()?;
                    Some((*layer, doc, layer_doc))
                })
                .collect::<Option<Vec<_>>>()
        })
    };
    let (first, second, documents, project) = std::thread::scope(|scope| {
        let first = scope.spawn(|| parse_entries(first));
        let second = parse_entries(second);
        let documents = text.get(documents).and_then(|d| ron::from_str::<Vec<Arc<Document>>>(d).ok());
        let project = interning(|| ron::from_str::<Project>(&rest).ok());
        (first.join().ok().flatten(), second, documents, project)
    });
    let mut project = project?;
    let mut layers: BTreeMap<String, Layer> = names.iter().map(|n| (n.clone(), Layer::default())).collect();
    for (layer, doc, layer_doc) in first?.into_iter().chain(second?) {
        layers.entry(names.get(layer)?.clone()).or_default().docs.insert(doc, layer_doc);
    }
    project.layers = layers;
    project.documents = documents?;
    Some(project)
}

/// One layer's entry for one document: the layer's index in the file, the document id's
/// range and the range of its spans and links.
type Entry = (usize, Range<usize>, Range<usize>);

/// What one pass over a project file finds: its top-level fields, and in `layers` each
/// annotator's name and each of their documents' entries.
struct Scan<'t> {
    fields: Vec<Field<'t>>,
    names: Vec<Range<usize>>,
    entries: Vec<Entry>,
}

/// Scans `text` once (see [`Scan`]); `None` when it is not laid out as the writer writes.
fn scan(text: &str) -> Option<Scan<'_>> {
    let mut names = Vec::new();
    let mut entries = Vec::new();
    let fields = top_level_fields_with(text, &mut |bytes, start, name| {
        if name == "layers" {
            scan_layers(bytes, start, &mut names, &mut entries)
        } else {
            value_end(bytes, start)
        }
    })?;
    Some(Scan { fields, names, entries })
}

/// The layers map `{ "name": (docs: { "doc": (…), … }), … }` starting at `i`: its names'
/// and entries' ranges are pushed; returns where the map ends (just past its `}`).
fn scan_layers(
    bytes: &[u8],
    mut i: usize,
    names: &mut Vec<Range<usize>>,
    entries: &mut Vec<Entry>,
) -> Option<usize> {
    let expect = |i: usize, b: u8| (bytes.get(i) == Some(&b)).then_some(i + 1);
    i = expect(i, b'{')?;
    loop {
        i = skip_blank(bytes, i);
        match bytes.get(i)? {
            b'}' => return Some(i + 1),
            b',' => {
                i += 1;
                continue;
            }
            _ => {}
        }
        let key_end = string_end_checked(bytes, i)?;
        let layer = names.len();
        names.push(i..key_end);
        i = expect(skip_blank(bytes, key_end), b':')?;
        i = expect(skip_blank(bytes, i), b'(')?;
        i = skip_blank(bytes, i);
        if bytes.get(i..i + 4)? != b"docs" {
            return None;
        }
        i = expect(skip_blank(bytes, i + 4), b':')?;
        i = expect(skip_blank(bytes, i), b'{')?;
        loop {
            i = skip_blank(bytes, i);
            match bytes.get(i)? {
                b'}' => break,
                b',' => {
                    i += 1;
                    continue;
                }
                _ => {}
            }
            let key_end = string_end_checked(bytes, i)?;
            let key = i..key_end;
            let start = skip_blank(bytes, expect(skip_blank(bytes, key_end), b':')?);
            let end = value_end(bytes, start)?;
            entries.push((layer, key, start..end));
            i = end;
        }
        // Past the docs map's `}`: an optional comma, then the layer's `)`.
        i = skip_blank(bytes, i + 1);
        if bytes.get(i) == Some(&b',') {
            i = skip_blank(bytes, i + 1);
        }
        i = expect(i, b')')?;
    }
}

/// The end of the string (plain or raw) that must start at `i`: a map key.
fn string_end_checked(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i)? {
        b'"' => string_end(bytes, i),
        b'r' => raw_string_end(bytes, i),
        _ => None,
    }
}

/// A top-level field: its name, the range of `name: value` and the range of the value.
type Field<'t> = (&'t str, Range<usize>, Range<usize>);

/// [`top_level_fields_with`] where every value ends at its closing bracket.
#[cfg(test)]
fn top_level_fields(text: &str) -> Option<Vec<Field<'_>>> {
    top_level_fields_with(text, &mut |bytes, start, _| value_end(bytes, start))
}

/// Finds where a field's value that starts at an index ends, given the field's name.
type EndOf<'a> = dyn FnMut(&[u8], usize, &str) -> Option<usize> + 'a;

/// The top-level fields of `( name: value, … )`, each value's end found by
/// `end_of(bytes, start, name)`. `None` when the text is not one such struct, or a name
/// repeats.
fn top_level_fields_with<'t>(text: &'t str, end_of: &mut EndOf<'_>) -> Option<Vec<Field<'t>>> {
    let bytes = text.as_bytes();
    let start = text.len() - text.trim_start_matches(['\u{feff}', ' ', '\t', '\n', '\r']).len();
    if bytes.get(start) != Some(&b'(') {
        return None;
    }
    let mut fields: Vec<Field<'_>> = Vec::new();
    let mut i = start + 1;
    loop {
        i = skip_blank(bytes, i);
        match bytes.get(i)? {
            b')' => break,
            b',' => {
                i += 1;
                continue;
            }
            _ => {}
        }
        let name_start = i;
        while bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_') {
            i += 1;
        }
        let name = text.get(name_start..i).filter(|n| !n.is_empty())?;
        i = skip_blank(bytes, i);
        if bytes.get(i) != Some(&b':') {
            return None;
        }
        let value_start = skip_blank(bytes, i + 1);
        let value_end = end_of(bytes, value_start, name)?;
        if fields.iter().any(|(n, _, _)| *n == name) {
            return None;
        }
        fields.push((name, name_start..value_end, value_start..value_end));
        i = value_end;
    }
    // Nothing but blanks may follow the struct.
    (skip_blank(bytes, i + 1) == bytes.len()).then_some(fields)
}

pub(crate) fn skip_blank(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
        i += 1;
    }
    i
}

/// Where the value starting at `i` ends: at the `,` or `)` that closes it at its own depth,
/// brackets and literals skipped.
pub(crate) fn value_end(bytes: &[u8], mut i: usize) -> Option<usize> {
    let mut depth = 0usize;
    loop {
        match *bytes.get(i)? {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth == 0 => return Some(i),
            b')' | b']' | b'}' => depth -= 1,
            b',' if depth == 0 => return Some(i),
            b'"' => i = string_end(bytes, i)? - 1,
            b'r' if bytes.get(i + 1).is_some_and(|b| *b == b'"' || *b == b'#') && !ident_before(bytes, i) => {
                i = raw_string_end(bytes, i)? - 1;
            }
            b'\'' => i = char_end(bytes, i)? - 1,
            _ => {}
        }
        i += 1;
    }
}

fn ident_before(bytes: &[u8], i: usize) -> bool {
    i > 0 && bytes.get(i - 1).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
}

/// The index just past the `"…"` string starting at `i` (escapes skipped).
pub(crate) fn string_end(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    loop {
        j += memchr::memchr2(b'"', b'\\', bytes.get(j..)?)?;
        match *bytes.get(j)? {
            b'\\' => j += 2,
            _ => return Some(j + 1),
        }
    }
}

/// The index just past the raw string `r#"…"#` starting at `i`.
pub(crate) fn raw_string_end(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    let mut hashes = 0;
    while bytes.get(j) == Some(&b'#') {
        hashes += 1;
        j += 1;
    }
    if bytes.get(j) != Some(&b'"') {
        return None;
    }
    j += 1;
    loop {
        j += memchr::memchr(b'"', bytes.get(j..)?)?;
        if (1..=hashes).all(|k| bytes.get(j + k) == Some(&b'#')) {
            return Some(j + 1 + hashes);
        }
        j += 1;
    }
}

/// The index just past the character literal starting at `i` (`'x'`, `'\''`, a
/// multi-byte letter).
fn char_end(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    if bytes.get(j) == Some(&b'\\') {
        j += 2;
    } else {
        j += 1;
        // The rest of a multi-byte character.
        while bytes.get(j).is_some_and(|b| b & 0xC0 == 0x80) {
            j += 1;
        }
    }
    while bytes.get(j).is_some_and(|b| *b != b'\'') {
        j += 1;
    }
    Some(j + 1)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::store::test_projects::sample_project;

    /// A project of over 4 MB with four annotators, links, values and notes full of the
    /// characters a scanner could trip on.
    pub(crate) fn tricky_project() -> Project {
        use crate::model::{
            AttrValue, CharRange, DocId, LabelId, Relation, RelationId, Span, SpanId, Timestamp,
        };
        let mut project = Project::new("كبير");
        let tricky = [
            "a note with \"quotes\" and ) ] } brackets",
            "line\n            \"doc\": (fake entry",
            "r#\"raw\"# and '\\'' and \\",
            "},\n        \"omar\": (docs: {",
        ];
        let mut docs = Vec::new();
        for d in 0..1200 {
            let text = format!("نص {d} «قال» \"x\" ) ] }} r#\"y\"# '\\'' {}", "كلمة ".repeat(300));
            docs.push(Document::new(DocId::new(format!("d{d:04}")), "s", text));
        }
        for (a, who) in ["amal", "omar", "سارة", "o\"neil"].into_iter().enumerate() {
            let layer = project.layers.entry(who.to_string()).or_default();
            for (d, doc) in docs.iter().enumerate().filter(|(d, _)| (d + a) % 3 != 0) {
                let mut spans: Vec<Span> = (0..4)
                    .map(|k| {
                        let mut s = Span::new(
                            SpanId(k + 1),
                            CharRange::new(k as usize, k as usize + 3),
                            LabelId::new("claim"),
                            who,
                            Timestamp(d as u64),
                        );
                        s.note = Some(tricky[(d + k as usize) % tricky.len()].into());
                        s.attributes.set("source", Some(AttrValue::Text(tricky[k as usize % 4].into())));
                        s
                    })
                    .collect();
                spans.sort_by(Span::reading_order);
                let layer_doc = layer.doc_mut(doc);
                layer_doc.spans = spans;
                layer_doc.relations = vec![Relation::new(
                    RelationId(1),
                    SpanId(1),
                    SpanId(2),
                    LabelId::new("denies"),
                    who,
                    Timestamp(1),
                )];
            }
        }
        // A reviewed gold layer on every other document, with the first annotator's spans.
        let amal = project.layers["amal"].clone();
        for doc in docs.iter().step_by(2) {
            if let Some(layer_doc) = amal.docs.get(&doc.id) {
                let mut gold = (**layer_doc).clone();
                gold.spans
                    .iter_mut()
                    .for_each(|s| s.origin = crate::model::Origin::Accepted { by: "lina".into() });
                project.gold.docs.insert(doc.id.clone(), Arc::new(gold));
            }
        }
        project.documents = docs.into_iter().map(Arc::new).collect();
        project
    }

    #[test]
    fn tricky_notes_and_many_layers_split_like_the_whole() {
        let project = tricky_project();
        let text = crate::store::to_ron(&project);
        assert!(text.len() > MIN_SPLIT, "{}", text.len());
        let split = parse_split(&text).expect("the writer's layout splits");
        let whole: Project = interning(|| ron::from_str(&text)).unwrap();
        assert_eq!(split, whole);
        assert_eq!(split, project);
        // A damaged file is left to the whole-file reading, which reports where.
        let damaged = text.replacen("spans: [", "spans: [[", 1);
        assert!(parse_split(&damaged).is_none());
    }

    #[test]
    fn fields_are_found_past_brackets_and_literals() {
        let text = "(\n a: \"x, ) ] }\\\" (\", b: r##\"a\"# ) , \"##, c: [')', '\\'', 'ع'], d: {\"k\": (e: 1)},\n)\n";
        let fields = top_level_fields(text).unwrap();
        let names: Vec<&str> = fields.iter().map(|(n, _, _)| *n).collect();
        assert_eq!(names, ["a", "b", "c", "d"]);
        assert_eq!(&text[fields[2].2.clone()], "[')', '\\'', 'ع']");
        assert_eq!(&text[fields[3].2.clone()], "{\"k\": (e: 1)}");
        assert!(top_level_fields("(a: 1, a: 2)").is_none(), "a field twice");
        assert!(top_level_fields("Project(a: 1)").is_none());
        assert!(top_level_fields("(a: 1) trailing").is_none());
        assert!(top_level_fields("(a: \"open").is_none());
    }

    #[test]
    fn split_parse_gives_the_same_project() {
        let mut project = sample_project();
        // Large enough to be split: texts with quotes, brackets and line breaks.
        let doc = (*project.documents[0]).clone();
        for i in 0..2000 {
            let mut d = doc.clone();
            d.id = crate::model::DocId::new(format!("copy-{i}"));
            d.title = format!("\"), ] {{ r#\" نص {i}");
            project.documents.push(Arc::new(d));
        }
        let text = crate::store::to_ron(&project);
        let padding = "x".repeat(MIN_SPLIT);
        project.name = padding.clone();
        let text_big = text.replacen("name: \"تجربة\"", &format!("name: \"{padding}\""), 1);
        let split = parse_split(&text_big).expect("a file as the writer writes it splits");
        let whole: Project = interning(|| ron::from_str(&text_big)).unwrap();
        assert_eq!(split, whole);
        assert_eq!(split, project);
        assert!(parse_split(&text).is_none(), "a small file is parsed whole");
    }
}
