//! brat standoff: per document `ID.txt` (the exact stored text) and `ID.ann`.
//!
//! Each span is a text-bound line `T1<TAB>label START END<TAB>text`. brat reads `.ann`
//! files line by line, so a span that crosses a line break becomes a discontinuous
//! annotation `START END;START END` with one fragment per line, and its text is the
//! fragments joined by a space, as brat expects. Offsets are code points over the
//! `.txt` file (brat reads both files as UTF-8 strings and indexes them by character).
//! Each span also gets `#N<TAB>AnnotatorNotes TN<TAB>annotator: NAME` (with
//! `; note: NOTE` when it has one). The folder also gets `annotation.conf` (the entity
//! types, with a comment saying offsets are code points) and `visual.conf` (colours),
//! so brat and INCEpTION can open it directly.

use super::FormatError;
use super::select::ExportDoc;
use crate::model::{CharRange, Project};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Characters that end a line for Python's `str.splitlines`, which brat's reader uses.
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\u{0b}'
            | '\u{0c}'
            | '\u{1c}'
            | '\u{1d}'
            | '\u{1e}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Writes a brat folder one document at a time.
pub struct FolderWriter {
    dir: PathBuf,
    stems: BTreeSet<String>,
    types: BTreeSet<String>,
}

impl FolderWriter {
    /// Creates the folder (and its parents) when missing.
    pub fn create(dir: &Path) -> Result<Self, FormatError> {
        std::fs::create_dir_all(dir).map_err(FormatError::write(dir))?;
        Ok(Self { dir: dir.to_path_buf(), stems: BTreeSet::new(), types: BTreeSet::new() })
    }

    /// Writes `ID.txt` and `ID.ann` for one document.
    pub fn write_doc(&mut self, doc: &ExportDoc<'_>) -> Result<(), FormatError> {
        let stem = self.unique_stem(doc.doc.id.as_str());
        let mut ann = String::new();
        let mut n = 0;
        for s in &doc.spans {
            let fragments = fragments(&doc.doc.text, doc, s.range());
            if fragments.is_empty() {
                continue;
            }
            n += 1;
            let label = entity_type(s.span.label.as_str());
            self.types.insert(label.clone());
            let offsets: Vec<String> =
                fragments.iter().map(|(r, _)| format!("{} {}", r.start, r.end)).collect();
            let texts: Vec<&str> = fragments.iter().map(|(_, t)| *t).collect();
            let _ = writeln!(ann, "T{n}\t{label} {}\t{}", offsets.join(";"), texts.join(" "));
            let mut note = format!("annotator: {}", one_line(s.annotator).replace(';', ","));
            if let Some(text) = &s.span.note {
                let _ = write!(note, "; note: {}", one_line(text));
            }
            let _ = writeln!(ann, "#{n}\tAnnotatorNotes T{n}\t{note}");
        }
        let txt = self.dir.join(format!("{stem}.txt"));
        std::fs::write(&txt, &doc.doc.text).map_err(FormatError::write(&txt))?;
        let ann_path = self.dir.join(format!("{stem}.ann"));
        std::fs::write(&ann_path, ann).map_err(FormatError::write(&ann_path))
    }

    /// Writes `annotation.conf` and `visual.conf`.
    pub fn finish(mut self, project: &Project) -> Result<(), FormatError> {
        let mut annotation = String::from(
            "# Entity types of this export. Offsets in the .ann files count Unicode code points\n\
             # (characters) over the .txt files, which hold each document's text exactly.\n[entities]\n",
        );
        let mut visual = String::from("[labels]\n");
        let mut drawing = String::from("[drawing]\n");
        for label in &project.labels {
            let name = entity_type(label.id.as_str());
            self.types.remove(&name);
            let _ = writeln!(annotation, "{name}");
            let _ = writeln!(visual, "{name} | {}", one_line(&label.name).replace('|', "/"));
            let _ = writeln!(drawing, "{name}\tbgColor:{}", label.color.to_hex());
        }
        for name in &self.types {
            let _ = writeln!(annotation, "{name}");
        }
        annotation.push_str("\n[relations]\n\n[events]\n\n[attributes]\n");
        visual.push('\n');
        visual.push_str(&drawing);
        let conf = self.dir.join("annotation.conf");
        std::fs::write(&conf, annotation).map_err(FormatError::write(&conf))?;
        let conf = self.dir.join("visual.conf");
        std::fs::write(&conf, visual).map_err(FormatError::write(&conf))
    }

    fn unique_stem(&mut self, id: &str) -> String {
        let base: String = id
            .chars()
            .map(|c| if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' })
            .collect();
        let base = base.trim_start_matches('.');
        let base = if base.is_empty() { "doc".to_string() } else { base.to_string() };
        let mut stem = base.clone();
        let mut n = 2;
        while !self.stems.insert(stem.to_lowercase()) {
            stem = format!("{base}-{n}");
            n += 1;
        }
        stem
    }
}

/// The line-break-free pieces of `range`, with their text.
fn fragments<'t>(text: &'t str, doc: &ExportDoc<'_>, range: CharRange) -> Vec<(CharRange, &'t str)> {
    let mut out: Vec<CharRange> = Vec::new();
    let Ok(span_text) = doc.index.slice(text, range) else { return Vec::new() };
    let mut start = range.start.0;
    for (i, c) in span_text.chars().enumerate() {
        let at = range.start.0 + i;
        if is_line_break(c) {
            if at > start {
                out.push(CharRange::new(start, at));
            }
            start = at + 1;
        }
    }
    if range.end.0 > start {
        out.push(CharRange::new(start, range.end.0));
    }
    out.into_iter().filter_map(|r| doc.index.slice(text, r).ok().map(|t| (r, t))).collect()
}

/// A label as a brat entity type: no whitespace.
fn entity_type(label: &str) -> String {
    label.chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect()
}

fn one_line(text: &str) -> String {
    text.chars().map(|c| if is_line_break(c) || c == '\t' { ' ' } else { c }).collect()
}

/// A text-bound annotation read from an `.ann` file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextBound {
    /// 1-based line number in the `.ann` file.
    pub line: usize,
    pub id: String,
    pub label: String,
    pub fragments: Vec<CharRange>,
    /// The text written after the offsets (fragments joined by a space).
    pub text: String,
}

/// The annotations of one `.ann` file that an import uses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AnnFile {
    pub spans: Vec<TextBound>,
    /// `AnnotatorNotes` by target id.
    pub notes: std::collections::BTreeMap<String, String>,
    /// Lines that are not text-bound annotations or notes (relations, events, ...).
    pub ignored: usize,
    /// Lines that could not be read: (line number, why).
    pub bad: Vec<(usize, String)>,
}

/// Reads the text-bound annotations and notes of an `.ann` file.
pub fn parse_ann(content: &str) -> AnnFile {
    let mut file = AnnFile::default();
    for (i, line) in content.split('\n').enumerate() {
        let line_no = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let mut parts = line.splitn(3, '\t');
        let (id, data, tail) = (parts.next().unwrap_or(""), parts.next(), parts.next());
        if id.starts_with('T') {
            match parse_text_bound(data.unwrap_or(""), tail) {
                Ok((label, fragments, text)) => {
                    file.spans.push(TextBound { line: line_no, id: id.to_string(), label, fragments, text })
                }
                Err(why) => file.bad.push((line_no, why)),
            }
        } else if id.starts_with('#') {
            let mut data = data.unwrap_or("").split_whitespace();
            if data.next() == Some("AnnotatorNotes")
                && let Some(target) = data.next()
            {
                file.notes.insert(target.to_string(), tail.unwrap_or("").to_string());
            } else {
                file.ignored += 1;
            }
        } else {
            file.ignored += 1;
        }
    }
    file
}

fn parse_text_bound(data: &str, tail: Option<&str>) -> Result<(String, Vec<CharRange>, String), String> {
    let Some((label, offsets)) = data.split_once(' ') else {
        return Err(format!("text-bound annotation without offsets: {data:?}"));
    };
    let mut fragments = Vec::new();
    for piece in offsets.split(';') {
        let mut numbers = piece.split_whitespace().map(str::parse::<usize>);
        let (Some(Ok(start)), Some(Ok(end)), None) = (numbers.next(), numbers.next(), numbers.next()) else {
            return Err(format!("bad offsets {piece:?}"));
        };
        fragments.push(CharRange::new(start, end));
    }
    Ok((label.to_string(), fragments, tail.unwrap_or("").to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_bound_lines_notes_and_skips_the_rest() {
        let ann = "T1\tclaim 0 3;4 7\tabc def\n#1\tAnnotatorNotes T1\tannotator: amal\nR1\tRel Arg1:T1 Arg2:T2\nT2\tfigure x y\tq\n";
        let file = parse_ann(ann);
        assert_eq!(file.spans.len(), 1);
        let t = &file.spans[0];
        assert_eq!((t.line, t.label.as_str(), t.text.as_str()), (1, "claim", "abc def"));
        assert_eq!(t.fragments, [CharRange::new(0, 3), CharRange::new(4, 7)]);
        assert_eq!(file.notes["T1"], "annotator: amal");
        assert_eq!(file.ignored, 1);
        assert_eq!(file.bad.len(), 1);
        assert_eq!(file.bad[0].0, 4);
    }

    #[test]
    fn stems_are_safe_and_unique() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = FolderWriter::create(dir.path()).unwrap();
        assert_eq!(w.unique_stem("a/b"), "a_b");
        assert_eq!(w.unique_stem("a?b"), "a_b-2");
        assert_eq!(w.unique_stem("..hidden"), "hidden");
        assert_eq!(w.unique_stem(""), "doc");
        assert!(is_line_break('\u{2028}') && !is_line_break(' '));
    }
}
