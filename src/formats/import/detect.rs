//! Recognising an annotation file's format from its name and first line.
//!
//! - a folder holding `.ann` files, or an `.ann` file: brat;
//! - a file whose first non-empty line is a JSON object: JSONL, told apart by its keys:
//!   ours has `id`, `title`, `spans` and `meta`; doccano has `label` (a list) or
//!   `entities`; Prodigy has `spans` or only `text`;
//! - a JSON file holding a list of tasks with `data` and `annotations` (or the older
//!   `completions`): a Label Studio export.

use serde_json::Value;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// The annotation formats an import reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ImportFormat {
    /// Our own JSONL export.
    Jsonl,
    Doccano,
    Prodigy,
    Brat,
    LabelStudio,
}

impl ImportFormat {
    pub fn name(self) -> &'static str {
        match self {
            ImportFormat::Jsonl => "jsonl",
            ImportFormat::Doccano => "doccano",
            ImportFormat::Prodigy => "prodigy",
            ImportFormat::Brat => "brat",
            ImportFormat::LabelStudio => "label-studio",
        }
    }
}

/// The format of the file or folder at `path`, or `None` when it is not an annotation
/// file (plain texts are for the text import).
pub fn detect(path: &Path) -> Option<ImportFormat> {
    if path.is_dir() {
        let has_ann = std::fs::read_dir(path).ok()?.flatten().any(|e| has_extension(&e.path(), "ann"));
        return has_ann.then_some(ImportFormat::Brat);
    }
    if has_extension(path, "ann") {
        return Some(ImportFormat::Brat);
    }
    // Regular files only: a device would be read without end, a pipe would block.
    let (file, _) = crate::store::input::open_input(path, crate::store::MAX_INPUT_BYTES).ok()?;
    let mut reader = BufReader::new(file);
    let first = first_line(&mut reader).ok()??;
    let first = first.trim().trim_start_matches('\u{feff}');
    if let Ok(Value::Object(map)) = serde_json::from_str::<Value>(first) {
        if is_label_studio_task(&map) {
            return Some(ImportFormat::LabelStudio);
        }
        return classify_line(&map);
    }
    if first.starts_with('[') || first.starts_with('{') {
        // A JSON document spread over several lines: look for Label Studio's keys.
        let mut head = first.to_string();
        reader.take(1 << 20).read_to_string(&mut head).ok()?;
        let looks_like_tasks = head.contains("\"data\"")
            && (head.contains("\"annotations\"") || head.contains("\"completions\""));
        return looks_like_tasks.then_some(ImportFormat::LabelStudio);
    }
    None
}

/// Why [`detect`] does not recognise the file at `path` as annotations, for a message
/// about a `.json`, `.jsonl` or other file that was meant to be one.
pub fn why_not_annotations(path: &Path) -> String {
    let file = match crate::store::input::open_input(path, crate::store::MAX_INPUT_BYTES) {
        Ok((file, _)) => file,
        Err(error) => return error.to_string(),
    };
    let mut reader = BufReader::new(file);
    let (first, line_no) = match first_line_numbered(&mut reader) {
        Ok(Some(found)) => found,
        Ok(None) => return "the file holds no JSON (it is empty)".into(),
        Err(error) => return format!("cannot read it as UTF-8 text: {error}"),
    };
    let first = first.trim().trim_start_matches('\u{feff}');
    match serde_json::from_str::<Value>(first) {
        Err(error) if first.starts_with('[') || first.starts_with('{') => {
            format!("line {line_no} is not valid JSON ({error}), and the file is not a Label Studio export")
        }
        Err(error) => format!("line {line_no} is not JSON ({error})"),
        Ok(Value::Object(map)) if !map.get("text").is_some_and(Value::is_string) => format!(
            "line {line_no} is a JSON object without a \"text\" string: not jsonl, doccano, Prodigy or Label Studio"
        ),
        Ok(_) => format!("line {line_no} is JSON but not an object with a \"text\" string"),
    }
}

/// The first line that is not blank, whole however long it is (one document of our own
/// export, or a line of 400,000 predictions, can be far over any fixed prefix; the file's
/// size was bounded when it was opened). `None` for a file of blank lines.
fn first_line(reader: &mut impl BufRead) -> std::io::Result<Option<String>> {
    Ok(first_line_numbered(reader)?.map(|(line, _)| line))
}

/// [`first_line`] with its line number.
fn first_line_numbered(reader: &mut impl BufRead) -> std::io::Result<Option<(String, usize)>> {
    let mut line = String::new();
    let mut line_no = 0;
    while line.trim().is_empty() {
        line.clear();
        line_no += 1;
        if reader.read_line(&mut line)? == 0 {
            return Ok(None);
        }
    }
    Ok(Some((line, line_no)))
}

fn is_label_studio_task(map: &serde_json::Map<String, Value>) -> bool {
    map.get("data").is_some_and(Value::is_object)
        && (map.contains_key("annotations") || map.contains_key("completions"))
}

/// Which JSONL flavour a line's keys belong to.
pub(super) fn classify_line(map: &serde_json::Map<String, Value>) -> Option<ImportFormat> {
    if !map.get("text").is_some_and(Value::is_string) {
        return None;
    }
    if map.contains_key("id")
        && map.contains_key("title")
        && map.contains_key("spans")
        && map.contains_key("meta")
    {
        return Some(ImportFormat::Jsonl);
    }
    if map.get("label").is_some_and(Value::is_array) || map.get("entities").is_some_and(Value::is_array) {
        return Some(ImportFormat::Doccano);
    }
    Some(ImportFormat::Prodigy)
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect_text(name: &str, content: &str) -> Option<ImportFormat> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        detect(&path)
    }

    #[test]
    fn sniffs_the_first_line() {
        let ours = r#"{"id":"a","title":"t","text":"x","spans":[],"meta":{}}"#;
        assert_eq!(detect_text("a.jsonl", ours), Some(ImportFormat::Jsonl));
        assert_eq!(
            detect_text("a.jsonl", r#"{"text":"x","label":[[0,1,"claim"]]}"#),
            Some(ImportFormat::Doccano)
        );
        assert_eq!(detect_text("a.jsonl", "\n{\"text\":\"x\",\"spans\":[]}"), Some(ImportFormat::Prodigy));
        assert_eq!(detect_text("a.txt", "قتل 12 مدنياً"), None);
        assert_eq!(detect_text("a.jsonl", "{\"label\":[]}"), None);
        assert_eq!(detect_text("empty.jsonl", ""), None);
    }

    #[test]
    fn label_studio_exports_and_brat() {
        let ls =
            "[\n  {\n    \"id\": 1,\n    \"annotations\": [],\n    \"data\": {\"text\": \"x\"}\n  }\n]\n";
        assert_eq!(detect_text("export.json", ls), Some(ImportFormat::LabelStudio));
        assert_eq!(detect_text("a.ann", "T1\tclaim 0 1\tx\n"), Some(ImportFormat::Brat));
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(detect(dir.path()), None);
        std::fs::write(dir.path().join("a.ann"), "").unwrap();
        assert_eq!(detect(dir.path()), Some(ImportFormat::Brat));
    }
}
