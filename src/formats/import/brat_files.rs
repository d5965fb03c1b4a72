//! Reading brat standoff: an `.ann` file with its `.txt`, or a folder of such pairs.
//!
//! A folder is read recursively, files sorted by path. Each `T` line becomes a span; a
//! discontinuous one (`START END;START END`) becomes one span from its first start to
//! its last end when only whitespace lies between the fragments (as when a span crosses
//! a line break), and is reported and skipped otherwise. The line's text must equal the
//! fragments' texts joined by a space. `AnnotatorNotes` of the form
//! `annotator: NAME[; suggested: RULE][; note: TEXT]` give the span's annotator, whether
//! it is a suggestion (and its rule), and its note; any other note text becomes the
//! span's note. Relations (`R`) link the spans they name (first
//! argument as head); attributes (`A`, or the older `M`) give a span's attribute values,
//! a yes/no attribute when the line has no value. Events and other lines are counted,
//! not read.

use super::records::{Record, RecordRelation, RecordSpan};
use super::{ImportReport, Problem};
use crate::formats::FormatError;
use crate::formats::brat::{TextBound, parse_ann};
use crate::formats::progress::{self, Progress, Stage};
use crate::model::AttrValue;
use crate::model::{CharIndex, CharRange};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

/// Reads the `.ann` file or folder at `path`.
pub fn read(
    path: &Path,
    report: &mut ImportReport,
    progress: &mut dyn FnMut(Progress),
    cancel: &AtomicBool,
) -> Result<Vec<Record>, FormatError> {
    let mut files = Vec::new();
    if path.is_dir() {
        collect_ann_files(path, &mut files)?;
        files.sort();
    } else {
        files.push(path.to_path_buf());
    }
    let total = files.len();
    let mut records = Vec::new();
    for (i, ann_path) in files.iter().enumerate() {
        progress::check(cancel)?;
        progress(Progress { stage: Stage::Reading, done: i, total });
        let txt_path = ann_path.with_extension("txt");
        let text = match crate::store::read_input_string(&txt_path) {
            Ok(text) => text,
            Err(e) => {
                let message = format!("cannot read its text {}: {e}; skipped", txt_path.display());
                report.problems.push(Problem { location: ann_path.display().to_string(), message });
                continue;
            }
        };
        let ann = crate::store::read_input_string(ann_path).map_err(FormatError::input(ann_path))?;
        records.push(read_pair(ann_path, &txt_path, text, &ann, report));
    }
    progress(Progress { stage: Stage::Reading, done: total, total });
    Ok(records)
}

/// The `.ann` files under `dir`, recursively. Links to folders are not followed (a link
/// to `.` or to a parent would make the walk endless); links to files are.
fn collect_ann_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), FormatError> {
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).map_err(FormatError::read(&folder))? {
            let entry = entry.map_err(FormatError::read(&folder))?;
            let path = entry.path();
            let kind = entry.file_type().map_err(FormatError::read(&path))?;
            if kind.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ann"))
                && (!kind.is_symlink() || path.is_file())
            {
                out.push(path);
            }
        }
    }
    Ok(())
}

fn read_pair(ann_path: &Path, txt_path: &Path, text: String, ann: &str, report: &mut ImportReport) -> Record {
    let name = ann_path.display().to_string();
    let file = parse_ann(ann);
    report.ignored_lines += file.ignored;
    for (line, message) in file.bad {
        report
            .problems
            .push(Problem { location: format!("{name}:{line}"), message: format!("{message}; skipped") });
    }
    for (line, message) in file.partly {
        report.problems.push(Problem { location: format!("{name}:{line}"), message });
    }
    let index = CharIndex::new(&text);
    let mut record = Record {
        location: name.clone(),
        id: ann_path.file_stem().map(|s| s.to_string_lossy().into_owned()),
        source: txt_path.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
        untyped_values: true,
        ..Default::default()
    };
    for tb in &file.spans {
        let location = format!("{name}:{}", tb.line);
        let (start, end) = match join_fragments(&text, &index, tb) {
            Ok(range) => range,
            Err(message) => {
                report.problems.push(Problem { location, message });
                continue;
            }
        };
        let SpanNote { annotator, note, suggested } =
            file.notes.get(&tb.id).map(|n| split_note(n)).unwrap_or_default();
        let attributes = file
            .attributes
            .iter()
            .filter(|a| a.target == tb.id)
            .map(|a| (a.name.clone(), a.value.clone().map_or(AttrValue::Flag(true), AttrValue::Text)))
            .collect();
        record.spans.push(RecordSpan {
            location,
            start,
            end,
            label: tb.label.clone(),
            text: None,
            annotator,
            note,
            key: Some(tb.id.clone()),
            attributes,
            suggested,
        });
    }
    for a in file.attributes.iter().filter(|a| !file.spans.iter().any(|tb| tb.id == a.target)) {
        report.problems.push(Problem {
            location: format!("{name}:{}", a.line),
            message: format!(
                "attribute {} on {}, which is not a text-bound annotation; skipped",
                a.name, a.target
            ),
        });
    }
    for relation in &file.relations {
        let annotator = file.notes.get(&relation.head).and_then(|n| split_note(n).annotator);
        record.relations.push(RecordRelation {
            location: format!("{name}:{}", relation.line),
            key: None,
            head: relation.head.clone(),
            tail: relation.tail.clone(),
            kind: relation.kind.clone(),
            annotator,
        });
    }
    record.text = text;
    record
}

/// One range for the fragments, after checking them and the line's text.
fn join_fragments(text: &str, index: &CharIndex, tb: &TextBound) -> Result<(usize, usize), String> {
    let mut pieces = Vec::new();
    for fragment in &tb.fragments {
        let piece = index.slice(text, *fragment).map_err(|e| format!("offsets {fragment}: {e}; skipped"))?;
        pieces.push(piece);
    }
    let joined = pieces.join(" ");
    if !tb.text.is_empty() && joined != tb.text {
        return Err(format!("offsets give {joined:?}, the line says {:?}; skipped", tb.text));
    }
    let (Some(first), Some(last)) = (tb.fragments.first(), tb.fragments.last()) else {
        return Err("no offsets; skipped".into());
    };
    for pair in tb.fragments.windows(2) {
        let [a, b] = pair else { continue };
        let gap = if b.start >= a.end {
            index.slice(text, CharRange { start: a.end, end: b.start }).ok()
        } else {
            None
        };
        let only_space = b.start == a.end || gap.is_some_and(|g| g.chars().all(char::is_whitespace));
        if !only_space {
            return Err("discontinuous span with text between its fragments; skipped".into());
        }
    }
    Ok((first.start.0, last.end.0))
}

/// What an `AnnotatorNotes` line of our export says: the annotator, the note and, for a
/// suggestion, its rule.
#[derive(Debug, Default, PartialEq, Eq)]
struct SpanNote {
    annotator: Option<String>,
    note: Option<String>,
    suggested: Option<String>,
}

/// `annotator: NAME[; suggested: RULE][; note: TEXT]`, or a free note.
fn split_note(note: &str) -> SpanNote {
    let Some(rest) = note.strip_prefix("annotator: ") else {
        return SpanNote {
            note: Some(note.to_string()).filter(|n| !n.trim().is_empty()),
            ..Default::default()
        };
    };
    let (head, note) = match rest.split_once("; note: ") {
        Some((head, text)) => (head, Some(text.to_string())),
        None => (rest, None),
    };
    let (name, suggested) = match head.split_once("; suggested: ") {
        Some((name, rule)) => (name, Some(rule.trim().to_string())),
        None => (head, None),
    };
    SpanNote { annotator: Some(name.trim().to_string()), note, suggested }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_across_a_line_break_become_one_span() {
        let text = "قتل\nمدنياً وقال";
        let index = CharIndex::new(text);
        let tb = |fragments: Vec<CharRange>, t: &str| TextBound {
            line: 1,
            id: "T1".into(),
            label: "claim".into(),
            fragments,
            text: t.into(),
        };
        let joined = tb(vec![CharRange::new(0, 3), CharRange::new(4, 10)], "قتل مدنياً");
        assert_eq!(join_fragments(text, &index, &joined), Ok((0, 10)));
        let gap = tb(vec![CharRange::new(0, 3), CharRange::new(11, 15)], "قتل وقال");
        assert!(join_fragments(text, &index, &gap).unwrap_err().contains("between its fragments"));
        let wrong = tb(vec![CharRange::new(0, 3)], "قال");
        assert!(join_fragments(text, &index, &wrong).unwrap_err().contains("the line says"));
        let outside = tb(vec![CharRange::new(0, 99)], "");
        assert!(join_fragments(text, &index, &outside).unwrap_err().contains("past the end"));
    }

    #[test]
    fn notes_give_annotator_and_note() {
        let note = |a: Option<&str>, n: Option<&str>, r: Option<&str>| SpanNote {
            annotator: a.map(Into::into),
            note: n.map(Into::into),
            suggested: r.map(Into::into),
        };
        assert_eq!(split_note("annotator: amal"), note(Some("amal"), None, None));
        assert_eq!(split_note("annotator: amal; note: check 12"), note(Some("amal"), Some("check 12"), None));
        assert_eq!(split_note("free text"), note(None, Some("free text"), None));
        assert_eq!(
            split_note("annotator: amal; suggested: figure:digits; note: a; suggested: b"),
            note(Some("amal"), Some("a; suggested: b"), Some("figure:digits"))
        );
    }
}
