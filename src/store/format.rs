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
//! Reading is strict: a field this build does not know is an error (the model's types deny
//! unknown fields), because loading a file while dropping a field would lose it at the next
//! save. Fields that may be absent (labels, layers, notes, status, ...) carry `#[serde(default)]`
//! in the model. A file whose `version` is newer than [`FORMAT_VERSION`] is refused with a
//! message that says so, even when its fields are unknown here, since the version is read on
//! its own when the full read fails.

use super::{StoreError, writer};
use crate::model::{FORMAT_VERSION, Project};
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

/// Parses and checks the text of a project file: version, then every field, then
/// [`Project::validate`]. `path` only names the file in errors.
pub fn from_ron(text: &str, path: &Path) -> Result<Project, StoreError> {
    check(parse(text, path)?, path)
}

/// Parses a project file's text and checks its version, but not its consistency.
pub(crate) fn parse(text: &str, path: &Path) -> Result<Project, StoreError> {
    let project: Project = match ron::from_str(text) {
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
    check_version(project.version, path)?;
    Ok(project)
}

/// Refuses an inconsistent project with every problem found.
pub(crate) fn check(project: Project, path: &Path) -> Result<Project, StoreError> {
    let problems = project.validate();
    if !problems.is_empty() {
        return Err(StoreError::Invalid { path: path.to_path_buf(), problems });
    }
    Ok(project)
}

/// The version written first in a file, `(version: N, ...`, read without parsing the rest
/// (for files a newer build wrote with syntax this one cannot parse).
fn leading_version(text: &str) -> Option<u32> {
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
        assert!(text.starts_with("(\n    version: 1,\n    name: "), "{text}");
        assert!(text.contains("مسلّحين"), "{text}");
        assert!(!text.contains("\\u{"), "{text}");
    }

    #[test]
    fn each_span_is_one_line() {
        let text = to_ron(&sample_project());
        let span_lines: Vec<&str> = text.lines().filter(|l| l.trim_start().starts_with("(id: ")).collect();
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
            .note = Some(note.to_string());
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
            to_ron(&sample_project()).replacen("version: 1,", "version: 7,\n    colour_scheme: \"dark\",", 1);
        let err = from_ron(&text, path()).unwrap_err();
        assert!(matches!(err, StoreError::NewerVersion { found: 7, supported: 1, .. }), "{err}");
        assert!(err.to_string().contains("newer Hashiya"), "{err}");
    }

    #[test]
    fn newer_version_with_new_syntax_says_newer() {
        let text = "#![enable(implicit_some)]\n(\n  version: 3,\n  name: <new syntax>,\n)";
        assert!(
            matches!(from_ron(text, path()), Err(StoreError::Parse { .. })),
            "a file starting with attributes is not looked into"
        );
        let text = "Project(\n  version: 3,\n  name: <new syntax>,\n)";
        assert!(matches!(from_ron(text, path()), Err(StoreError::NewerVersion { found: 3, .. })));
        assert_eq!(leading_version("(version:12)"), Some(12));
        assert_eq!(leading_version("(name: 1, version: 2)"), None);
        assert_eq!(leading_version("(version: x)"), None);
    }

    #[test]
    fn newer_version_that_parses_is_still_refused() {
        let text = to_ron(&sample_project()).replacen("version: 1,", "version: 2,", 1);
        assert!(matches!(from_ron(&text, path()), Err(StoreError::NewerVersion { found: 2, .. })));
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
    fn tampered_text_names_the_document() {
        let text = to_ron(&sample_project()).replacen("إن 12", "إن 21", 1);
        let err = from_ron(&text, path()).unwrap_err();
        assert!(err.to_string().contains("\"d1\""), "{err}");
        assert!(matches!(err.problems()[0], crate::model::ValidationError::TextHashMismatch { .. }));
    }
}
