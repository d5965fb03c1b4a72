//! The project file format: RON, written for people and for `git diff`.
//!
//! What a file looks like:
//! - `version` comes first, then `name`, `labels`, the annotator `layers`, the `gold` layer and
//!   the `documents` (the model's field order).
//! - Every span is written on one line: `(id: 3, start: 10, end: 24, label: "claim", ...)`, so an
//!   added, moved or relabelled span is a one-line diff (a note holding a line break keeps
//!   it, so that span takes two lines).
//! - Strings are written as they are, in UTF-8: Arabic letters, harakat, emoji and bidi marks
//!   are not turned into `\u{..}` escapes. A document text keeps its line breaks as real line
//!   breaks, so a long article reads (and diffs) as the paragraphs it has. A string holding a
//!   `"` or a `\` is written as a raw string, `r#"..."#`, so nothing inside it is escaped either.
//!   Continuation lines of a text start at column 0: the text is exactly what lies between the
//!   quotes.
//! - Maps are `BTreeMap`s and lists keep the model's order, so the same project always gives
//!   the same bytes.
//!
//! Files are written by the `writer` module in one pass and read by ron's deserializer.
//!
//! Older versions are migrated when read, and the next save writes the current version:
//! - 1 -> 2: version 1 wrote a suggested span's origin as the bare word `Suggested`;
//!   version 2 names the rule that made it, `Suggested(rule: "...")`, so a version-1
//!   `origin: Suggested` is read as `Suggested(rule: "")`. The new fields (`patterns`,
//!   `rejected`) are simply absent from version-1 files and start empty.
//! - 2 -> 3: links and attributes. Older files have no `relation_types`: they get the
//!   default ones whose labels the project has (`denies`, `quantifies`). Their labels
//!   declare no attributes: the default labels (`claim`, `denial`, `figure`) get theirs
//!   (`source`; `value`, `unit`, `counts`). Spans and layers gain nothing until edited.
//! - 3 -> 4: team projects. Documents may name their `assigned` annotators, attributes may be
//!   `required`, and a layer's entry for a document may hold `active_seconds` and
//!   `last_active`; all are absent from older files and start empty. A figure's `value`
//!   becomes required (what a new project's figure declares), so that figures without a
//!   value are counted as missing values.
//!
//! Reading is strict: a field this build does not know is an error (the model's types deny
//! unknown fields), because loading a file while dropping a field would lose it at the next
//! save. Fields that may be absent (labels, layers, notes, status, ...) carry `#[serde(default)]`
//! in the model. A file whose `version` is newer than [`FORMAT_VERSION`] is refused with a
//! message that says so, even when its fields are unknown here, since the version is read on
//! its own when the full read fails.

use super::{StoreError, scan, writer};
use crate::model::{FORMAT_VERSION, Project, default_attributes, default_relation_types_for, interning};
use serde::Deserialize;
use std::path::Path;

/// Only the version, read first from a file that does not parse as a whole.
#[derive(Deserialize)]
struct VersionProbe {
    version: u32,
}

/// The project as the text of a project file (deterministic: same project, same bytes).
pub fn to_ron(project: &Project) -> String {
    writer::write_project(project)
}

/// [`to_ron`] handed to `sink` a chunk at a time, for saving without holding the text.
pub fn write_ron(
    project: &Project,
    sink: &mut dyn FnMut(&str) -> std::io::Result<()>,
) -> std::io::Result<()> {
    writer::write_project_to(project, sink)
}

/// Parses and checks the text of a project file: version, then every field, then
/// [`Project::validate`]. `path` only names the file in errors.
pub fn from_ron(text: &str, path: &Path) -> Result<Project, StoreError> {
    check(parse(text, path)?, path)
}

/// [`parse`] of a file's whole text, which it takes over, after the streaming reading of
/// the file declined it: an older file is migrated in that same buffer (so two copies of a
/// file are never held) and streamed; any other is parsed whole, which decides.
pub(crate) fn parse_owned(text: String, path: &Path) -> Result<Project, StoreError> {
    if leading_version(&text) == Some(1) {
        return parse_current(&migrate_v1_owned(text), path, Reading::Stream { migrated: true });
    }
    parse_current(&text, path, Reading::Whole)
}

/// Parses a project file's text and checks its version, but not its consistency.
pub(crate) fn parse(text: &str, path: &Path) -> Result<Project, StoreError> {
    if leading_version(text) == Some(1) {
        return parse_current(&migrate_v1(text), path, Reading::Stream { migrated: true });
    }
    parse_current(text, path, Reading::Stream { migrated: false })
}

/// How [`parse_current`] reads a text.
#[derive(Clone, Copy)]
enum Reading {
    /// Entry by entry through the streaming reader (on two threads), and whole when it
    /// declines.
    Stream { migrated: bool },
    /// Whole only: the streaming reader already declined this text.
    Whole,
}

/// [`parse`] of a text already in the current format's syntax.
fn parse_current(text: &str, path: &Path, reading: Reading) -> Result<Project, StoreError> {
    // The streaming reader gives exactly what a whole reading gives, or declines; anything
    // unexpected is read as one piece below, which decides and gives any error its position.
    let streamed = match reading {
        Reading::Stream { migrated } => super::stream::read_text(text, migrated).map(Ok),
        Reading::Whole => None,
    };
    // Label ids and annotator names repeat on every span: read, they share one string each.
    let project: Project = match streamed.unwrap_or_else(|| interning(|| ron::from_str(text))) {
        Ok(project) => project,
        Err(error) => {
            // A newer file may hold fields unknown here: say it is newer, not that it is broken.
            let version = ron::from_str::<VersionProbe>(text).ok().map(|p| p.version);
            if let Some(version) = version.or_else(|| leading_version(text)) {
                check_version(version, path)?;
            }
            return Err(StoreError::Parse {
                path: path.to_path_buf(),
                line: error.span.start.line,
                col: error.span.start.col,
                message: error.code.to_string(),
            });
        }
    };
    finish(project, path)
}

/// What every reading does after parsing: refuse a newer version, migrate an older one.
fn finish(mut project: Project, path: &Path) -> Result<Project, StoreError> {
    check_version(project.version, path)?;
    if project.version < 3 {
        migrate_v2(&mut project);
    }
    if project.version < 4 {
        migrate_v3(&mut project);
    }
    project.version = FORMAT_VERSION;
    Ok(project)
}

/// Version 3 to 4 (see the module documentation): a figure's number `value` is required.
fn migrate_v3(project: &mut Project) {
    for label in project.labels.iter_mut().filter(|l| l.id.as_str() == "figure") {
        for def in &mut label.attributes {
            if def.name == "value" && def.kind == crate::model::AttributeKind::Number {
                def.required = true;
            }
        }
    }
}

/// Version 2 to 3 (see the module documentation): default relation types and attributes.
fn migrate_v2(project: &mut Project) {
    for label in &mut project.labels {
        if label.attributes.is_empty() {
            label.attributes = default_attributes(label.id.as_str());
        }
    }
    project.relation_types = default_relation_types_for(&project.labels);
}

/// What version 1 to 2 inserts after a bare `origin: Suggested`.
const V1_RULE: &str = "(rule: \"\")";

/// Version 1 to 2: `origin: Suggested` (a bare word) becomes `origin: Suggested(rule: "")`.
fn migrate_v1(text: &str) -> String {
    let at = v1_insertions(text);
    let mut out = String::with_capacity(text.len() + at.len() * V1_RULE.len());
    let mut copied = 0;
    for pos in at {
        out.push_str(text.get(copied..pos).unwrap_or(""));
        out.push_str(V1_RULE);
        copied = pos;
    }
    out.push_str(text.get(copied..).unwrap_or(""));
    out
}

/// [`migrate_v1`] in the file's own buffer (grown by what is inserted, the rest moved
/// along from the end), so a big file is never held twice.
fn migrate_v1_owned(text: String) -> String {
    let at = v1_insertions(&text);
    if at.is_empty() {
        return text;
    }
    let mut bytes = text.into_bytes();
    let mut end = bytes.len();
    bytes.resize(end + at.len() * V1_RULE.len(), 0);
    for (k, &pos) in at.iter().enumerate().rev() {
        let to = pos + (k + 1) * V1_RULE.len();
        bytes.copy_within(pos..end, to);
        if let Some(gap) = bytes.get_mut(to - V1_RULE.len()..to) {
            gap.copy_from_slice(V1_RULE.as_bytes());
        }
        end = pos;
    }
    // Only ASCII was inserted, at character boundaries: this is UTF-8 still.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Where [`migrate_v1`] inserts [`V1_RULE`]: byte offsets just after each bare `Suggested`
/// that is the value of an `origin:` field outside strings and comments. Document texts,
/// notes and names (plain, raw or character literals) and comments are skipped as they are,
/// by the one scanner of RON text.
fn v1_insertions(text: &str) -> Vec<usize> {
    const FIELD: &[u8] = b"origin";
    const BARE: &[u8] = b"Suggested";
    let bytes = text.as_bytes();
    let ident = |i: usize| bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
    let mut at = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(n) = scan::literal_len(bytes, i) {
            i += n;
            continue;
        }
        if (i == 0 || !ident(i - 1)) && bytes.get(i..).is_some_and(|r| r.starts_with(FIELD)) {
            let colon = scan::skip_blank(bytes, i + FIELD.len());
            let value = scan::skip_blank(bytes, colon + 1);
            let end = value + BARE.len();
            if bytes.get(colon) == Some(&b':')
                && bytes.get(value..).is_some_and(|r| r.starts_with(BARE))
                && !ident(end)
                && bytes.get(scan::skip_blank(bytes, end)) != Some(&b'(')
            {
                at.push(end);
                i = end;
                continue;
            }
        }
        i += 1;
    }
    at
}

/// Refuses an inconsistent project with every problem found.
pub(crate) fn check(project: Project, path: &Path) -> Result<Project, StoreError> {
    let problems = project.validate();
    if !problems.is_empty() {
        return Err(StoreError::Invalid { path: path.to_path_buf(), problems });
    }
    Ok(project)
}

/// [`finish`] and [`check`] of a project read from a stream; when every text was hashed
/// as it was read and matched, the checks leave the texts' hashes out.
pub(crate) fn check_streamed(streamed: super::stream::Streamed, path: &Path) -> Result<Project, StoreError> {
    let project = finish(streamed.project, path)?;
    if !streamed.texts_match {
        return check(project, path);
    }
    let problems = project.validate_structure();
    if !problems.is_empty() {
        return Err(StoreError::Invalid { path: path.to_path_buf(), problems });
    }
    Ok(project)
}

/// The version written first in a file, `(version: N, ...`, read without parsing the rest
/// (for files a newer build wrote with syntax this one cannot parse).
pub(crate) fn leading_version(text: &str) -> Option<u32> {
    let rest = text.trim_start_matches('\u{feff}').trim_start();
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_').trim_start();
    let rest =
        rest.strip_prefix('(')?.trim_start().strip_prefix("version")?.trim_start().strip_prefix(':')?;
    let rest = rest.trim_start();
    let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
    rest.get(..digits)?.parse().ok()
}

fn check_version(found: u32, path: &Path) -> Result<(), StoreError> {
    if found > FORMAT_VERSION {
        return Err(StoreError::NewerVersion { path: path.to_path_buf(), found, supported: FORMAT_VERSION });
    }
    if found == 0 {
        return Err(StoreError::UnknownVersion { path: path.to_path_buf(), found });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_projects::sample_project;

    fn path() -> &'static Path {
        Path::new("test.ron")
    }

    #[test]
    fn version_comes_first_and_arabic_is_not_escaped() {
        let text = to_ron(&sample_project());
        assert!(text.starts_with("(\n    version: 4,\n    name: "), "{text}");
        assert!(text.contains("مسلّحين"), "{text}");
        assert!(!text.contains("\\u{"), "{text}");
    }

    #[test]
    fn each_span_is_one_line() {
        let text = to_ron(&sample_project());
        let span_lines: Vec<&str> =
            text.lines().filter(|l| l.trim_start().starts_with("(id: ") && l.contains("start: ")).collect();
        assert_eq!(span_lines.len(), 4, "{text}");
        for line in span_lines {
            if line.contains("note:") {
                // A note with a line break keeps it (unescaped), so that span takes two lines.
                assert!(line.ends_with("r#\"عدد \"تقريبي\""), "{line}");
            } else {
                assert!(line.trim_end().ends_with("),"), "{line}");
            }
        }
        assert!(text.contains("\nسطر ثانٍ\"#), origin: Manual),\n"), "{text}");
        assert!(
            text.contains(
                "(id: 1, head: 2, tail: 1, kind: \"quantifies\", annotator: \"amal\", created: 5, modified: 5, \
                 origin: Manual),\n"
            ),
            "a relation is one line: {text}"
        );
        assert!(
            text.contains(
                "origin: Manual, attributes: {\"counts\": \"killed\", \"unit\": \"مسلّحين\", \"value\": 12.0})"
            ),
            "{text}"
        );
    }

    #[test]
    fn team_fields_are_written_only_when_set() {
        let text = to_ron(&sample_project());
        assert!(text.contains("            assigned: [\"amal\", \"omar\"],\n"), "{text}");
        assert!(text.contains("                    active_seconds: 95,\n"), "{text}");
        assert!(text.contains("                    last_active: Some(1700000200),\n"), "{text}");
        assert!(text.contains("(name: \"value\", kind: Number, required: true)"), "{text}");
        assert_eq!(text.matches("assigned:").count(), 1, "d2 is assigned to nobody: {text}");
        assert_eq!(text.matches("active_seconds:").count(), 1, "{text}");
        assert_eq!(from_ron(&text, path()).unwrap(), sample_project());
    }

    #[test]
    fn text_line_breaks_are_real_line_breaks() {
        let text = to_ron(&sample_project());
        assert!(text.contains("text: \"قال مصدر\nإن"), "{text}");
    }

    #[test]
    fn quotes_and_backslashes_use_raw_strings_and_round_trip() {
        let mut project = sample_project();
        let note = "he said \"no\" \\ and #\"# too";
        std::sync::Arc::make_mut(project.layers.get_mut("amal").unwrap().docs.values_mut().next().unwrap())
            .spans[0]
            .note = Some(note.into());
        let text = to_ron(&project);
        assert!(text.contains("r##\""), "{text}");
        assert_eq!(from_ron(&text, path()).unwrap(), project);
    }

    #[test]
    fn control_characters_round_trip() {
        let mut project = sample_project();
        project.name = "a\rb\tc\0d\u{2028}e\u{200f}f\u{feff}".into();
        let text = to_ron(&project);
        assert_eq!(from_ron(&text, path()).unwrap(), project);
    }

    #[test]
    fn file_form_carries_every_field_of_the_model() {
        // The file layout is written through a mirror of the model; it must hold exactly
        // what the model's own serialization holds, or a field would be lost on save.
        let project = sample_project();
        let ours: ron::Value = ron::from_str(&to_ron(&project)).unwrap();
        let model: ron::Value = ron::from_str(&ron::to_string(&project).unwrap()).unwrap();
        assert_eq!(ours, model);
    }

    #[test]
    fn same_project_same_bytes() {
        let a = to_ron(&sample_project());
        let b = to_ron(&sample_project().clone());
        assert_eq!(a, b);
        assert_eq!(to_ron(&from_ron(&a, path()).unwrap()), a);
    }

    #[test]
    fn newer_version_with_unknown_fields_says_newer() {
        let text =
            to_ron(&sample_project()).replacen("version: 4,", "version: 7,\n    colour_scheme: \"dark\",", 1);
        let err = from_ron(&text, path()).unwrap_err();
        assert!(matches!(err, StoreError::NewerVersion { found: 7, supported: 4, .. }), "{err}");
        assert!(err.to_string().contains("newer Hashiya"), "{err}");
    }

    #[test]
    fn newer_version_with_new_syntax_says_newer() {
        let text = "#![enable(implicit_some)]\n(\n  version: 5,\n  name: <new syntax>,\n)";
        assert!(
            matches!(from_ron(text, path()), Err(StoreError::Parse { .. })),
            "a file starting with attributes is not looked into"
        );
        let text = "Project(\n  version: 5,\n  name: <new syntax>,\n)";
        assert!(matches!(from_ron(text, path()), Err(StoreError::NewerVersion { found: 5, .. })));
        assert_eq!(leading_version("(version:12)"), Some(12));
        assert_eq!(leading_version("(name: 1, version: 2)"), None);
        assert_eq!(leading_version("(version: x)"), None);
    }

    #[test]
    fn newer_version_that_parses_is_still_refused() {
        let text = to_ron(&sample_project()).replacen("version: 4,", "version: 5,", 1);
        assert!(matches!(from_ron(&text, path()), Err(StoreError::NewerVersion { found: 5, .. })));
    }

    #[test]
    fn unknown_field_is_refused_with_position() {
        let text = to_ron(&sample_project()).replacen("name:", "colour: 3,\n    name:", 1);
        let err = from_ron(&text, path()).unwrap_err();
        let StoreError::Parse { line, message, .. } = &err else { panic!("{err}") };
        assert_eq!(*line, 3);
        assert!(message.contains("colour"), "{message}");
    }

    #[test]
    fn missing_optional_fields_take_defaults() {
        let text = "(version: 1, name: \"bare\")";
        let project = from_ron(text, path()).unwrap();
        assert_eq!(project.labels, crate::model::default_labels());
        assert!(project.documents.is_empty());
    }

    #[test]
    fn version_1_is_migrated_and_saved_as_version_2() {
        let v1 = "(version: 1, name: \"old\", documents: [(id: \"d\", title: \"t\", source: \"s\", \
                  hash: \"HASH\", text: \"origin: Suggested 12\")], layers: {\"amal\": (docs: {\"d\": \
                  (hash: \"HASH\", spans: [(id: 1, start: 0, end: 2, label: \"figure\", annotator: \"amal\", \
                  created: 0, modified: 0, origin: Suggested), (id: 2, start: 0, end: 1, label: \"claim\", \
                  annotator: \"amal\", created: 0, modified: 0, origin:Suggested )])})})";
        let hash = crate::model::ContentHash::of("origin: Suggested 12").0;
        let project = from_ron(&v1.replace("HASH", &hash), path()).unwrap();
        assert_eq!(project.version, FORMAT_VERSION);
        let spans = project.layers["amal"].spans(&crate::model::DocId::new("d"));
        assert!(
            spans.iter().all(|s| s.origin == crate::model::Origin::Suggested { rule: Default::default() })
        );
        assert_eq!(project.documents[0].text, "origin: Suggested 12", "texts are never rewritten");
        assert!(to_ron(&project).starts_with("(\n    version: 4,"));
        let owned = parse_owned(v1.replace("HASH", &hash), path()).unwrap();
        for text in
            [v1, "origin: Suggested", "x", "", "(origin: Suggested, n: \"origin: Suggested\", o: Suggested)"]
        {
            assert_eq!(migrate_v1_owned(text.to_string()), migrate_v1(text), "{text}");
        }
        assert_eq!(migrate_v1("(origin:Suggested )"), "(origin:Suggested(rule: \"\") )");
        assert_eq!(owned, project, "reading a file's own text gives the same project");
    }

    #[test]
    fn version_1_with_a_quote_in_a_comment_migrates() {
        // Issue 18, case 20: the quote in the comment used to open a "string" that hid the
        // bare `Suggested` after it.
        let hash = crate::model::ContentHash::of("نص").0;
        let v1 = format!(
            "(version: 1, name: \"old\", // the \"draft\n documents: [(id: \"d\", title: \"t\", source: \"s\", \
             hash: \"{hash}\", text: \"نص\")], /* a \" */ layers: {{\"amal\": (docs: {{\"d\": (hash: \"{hash}\", \
             spans: [(id: 1, start: 0, end: 2, label: \"claim\", annotator: \"amal\", created: 0, modified: 0, \
             origin: Suggested)])}})}})"
        );
        let project = from_ron(&v1, path()).unwrap();
        let spans = project.layers["amal"].spans(&crate::model::DocId::new("d"));
        assert_eq!(spans[0].origin, crate::model::Origin::Suggested { rule: Default::default() });
        assert_eq!(parse_owned(v1, path()).unwrap(), project);
    }

    #[test]
    fn a_file_converted_to_crlf_says_so() {
        // Issue 18, case 19.
        let text = to_ron(&sample_project()).replace('\n', "\r\n");
        let err = from_ron(&text, path()).unwrap_err();
        assert!(err.to_string().contains("line endings were changed to CRLF"), "{err}");
        assert!(matches!(err.problems()[0], crate::model::ValidationError::LineEndingsChanged { .. }));
    }

    #[test]
    fn tampered_text_names_the_document() {
        let text = to_ron(&sample_project()).replacen("إن 12", "إن 21", 1);
        let err = from_ron(&text, path()).unwrap_err();
        assert!(err.to_string().contains("\"d1\""), "{err}");
        assert!(matches!(err.problems()[0], crate::model::ValidationError::TextHashMismatch { .. }));
    }
}
