//! Reading Label Studio JSON exports: a list of tasks with `data.text` and
//! `annotations[].result[]` of type `labels` (`value: {start, end, text, labels}`).
//!
//! Relations are the results of type `relation` (`from_id`, `to_id`, `labels`, and
//! `direction`: `left` swaps head and tail); a relation without a label is reported.
//! Per-region results (`choices`, `textarea`, `number`, `rating`) that share a region's
//! `id` become that span's attributes, named by their `from_name`.
//!
//! Each annotation goes to the layer of its `completed_by`: the user's `email` (or
//! `username`) when the export gives the user object, `labelstudio-N` when it gives
//! only the user number N; without one, to `--annotator`. Cancelled annotations
//! (`was_cancelled`) and predictions are not imported. Locations are `file: task N`
//! (the task's position in the list, from 1), as the file is one JSON document.
//!
//! Offsets: Label Studio versions before the fix of its issue #1347 counted UTF-16 units,
//! so spans after an emoji were off. When a span's code-point offsets do not give its
//! `text` but the same numbers read as UTF-16 units do, they are converted (counted in
//! [`ImportReport::utf16_converted`]); otherwise the span is checked as usual.

use super::records::{Record, RecordRelation, RecordSpan};
use super::{ImportReport, Problem};
use crate::formats::FormatError;
use crate::formats::progress::{self, Progress, Stage};
use crate::model::AttrValue;
use serde_json::Value;
use std::path::Path;
use std::sync::atomic::AtomicBool;

/// Reads every task of the export at `path`.
pub fn read(
    path: &Path,
    report: &mut ImportReport,
    progress: &mut dyn FnMut(Progress),
    cancel: &AtomicBool,
) -> Result<Vec<Record>, FormatError> {
    let content = crate::store::read_input_string(path).map_err(FormatError::input(path))?;
    let name = path.display().to_string();
    let value: Value = serde_json::from_str(content.trim_start_matches('\u{feff}')).map_err(|e| {
        FormatError::Parse { location: format!("{name}:{}", e.line()), message: format!("not JSON: {e}") }
    })?;
    let tasks = match value {
        Value::Array(tasks) => tasks,
        task @ Value::Object(_) => vec![task],
        _ => {
            let message = "not a Label Studio export (a list of tasks)".to_string();
            return Err(FormatError::Parse { location: name, message });
        }
    };
    let total = tasks.len();
    let mut records = Vec::new();
    for (i, task) in tasks.iter().enumerate() {
        progress::check(cancel)?;
        progress(Progress { stage: Stage::Reading, done: i, total });
        let location = format!("{name}: task {}", i + 1);
        match read_task(task, &location, report) {
            Ok(record) => records.push(record),
            Err(message) => report.problems.push(Problem { location, message }),
        }
    }
    progress(Progress { stage: Stage::Reading, done: total, total });
    Ok(records)
}

fn read_task(task: &Value, location: &str, report: &mut ImportReport) -> Result<Record, String> {
    let data = task.get("data").and_then(Value::as_object).ok_or("no \"data\" object; skipped")?;
    let text = data
        .get("text")
        .and_then(Value::as_str)
        .or_else(|| data.values().find_map(Value::as_str))
        .ok_or("no text in \"data\"; skipped")?;
    let mut record = Record {
        location: location.to_string(),
        id: task
            .get("id")
            .map(|id| format!("task-{}", id.as_str().map_or_else(|| id.to_string(), str::to_string))),
        source: data.get("source").and_then(Value::as_str).unwrap_or_default().to_string(),
        text: text.to_string(),
        ..Default::default()
    };
    let annotations = task.get("annotations").or_else(|| task.get("completions")).and_then(Value::as_array);
    for (n, annotation) in annotations.into_iter().flatten().enumerate() {
        if annotation.get("was_cancelled").and_then(Value::as_bool) == Some(true) {
            continue;
        }
        let annotator = annotator_name(annotation.get("completed_by"));
        let results = annotation.get("result").and_then(Value::as_array);
        // Region ids are unique within one annotation: keys carry the annotation's number.
        let region_key = |result: &Value| {
            let id = result.get("id")?;
            Some(format!("{n}/{}", id.as_str().map_or_else(|| id.to_string(), str::to_string)))
        };
        let first_span = record.spans.len();
        let mut others = Vec::new();
        for result in results.into_iter().flatten() {
            if result.get("type").and_then(Value::as_str) != Some("labels") {
                others.push(result);
                continue;
            }
            let value = result.get("value");
            let problem = |message: String| Problem { location: location.to_string(), message };
            let offset = |key: &str| match value.and_then(|v| v.get(key)) {
                None | Some(Value::Null) => Err(format!("result without {key} offset: {result}; skipped")),
                Some(n) => n.as_u64().and_then(|n| usize::try_from(n).ok()).ok_or_else(|| {
                    format!("{key} {n} is not a character offset (a whole number from 0): {result}; skipped")
                }),
            };
            let (start, end) = match (offset("start"), offset("end")) {
                (Ok(start), Ok(end)) => (start, end),
                (Err(message), _) | (_, Err(message)) => {
                    report.problems.push(problem(message));
                    continue;
                }
            };
            let span_text = value.and_then(|v| v.get("text")).and_then(Value::as_str).map(str::to_string);
            let (start, end) = match &span_text {
                Some(t) => code_points_or_utf16(text, start, end, t, report),
                None => (start, end),
            };
            let labels: Vec<&str> = match value.and_then(|v| v.get("labels")).and_then(Value::as_array) {
                Some(labels) if labels.iter().all(Value::is_string) && !labels.is_empty() => {
                    labels.iter().filter_map(Value::as_str).collect()
                }
                _ => {
                    report.problems.push(problem(format!(
                        "result without a list of label names in \"labels\": {result}; skipped"
                    )));
                    continue;
                }
            };
            for label in labels {
                record.spans.push(RecordSpan {
                    location: location.to_string(),
                    start,
                    end,
                    label: label.to_string(),
                    text: span_text.clone(),
                    annotator: annotator.clone(),
                    note: None,
                    key: region_key(result),
                    attributes: Vec::new(),
                    suggested: None,
                });
            }
        }
        for result in others {
            let kind = result.get("type").and_then(Value::as_str).unwrap_or_default();
            let value = result.get("value");
            if kind == "relation" {
                let ends = (region_key_of(result, "from_id", n), region_key_of(result, "to_id", n));
                let label = result
                    .get("labels")
                    .and_then(Value::as_array)
                    .and_then(|l| l.first())
                    .and_then(Value::as_str);
                let (Some(from), Some(to)) = ends else {
                    report.problems.push(Problem {
                        location: location.to_string(),
                        message: format!("relation without from_id and to_id: {result}; skipped"),
                    });
                    continue;
                };
                let Some(label) = label else {
                    report.problems.push(Problem {
                        location: location.to_string(),
                        message: format!("relation without a label in \"labels\": {result}; skipped"),
                    });
                    continue;
                };
                let left = result.get("direction").and_then(Value::as_str) == Some("left");
                let (head, tail) = if left { (to, from) } else { (from, to) };
                record.relations.push(RecordRelation {
                    location: location.to_string(),
                    key: None,
                    head,
                    tail,
                    kind: label.to_string(),
                    annotator: annotator.clone(),
                });
                continue;
            }
            let choices = value.and_then(|v| v.get("choices")).and_then(Value::as_array);
            if kind == "choices"
                && let Some(choices) = choices.filter(|c| c.len() > 1)
            {
                // An attribute holds one value: the others are named, not lost silently.
                let names: Vec<&str> = choices.iter().filter_map(Value::as_str).collect();
                report.problems.push(Problem {
                    location: location.to_string(),
                    message: format!(
                        "{} choices ({}) for one attribute; only the first, {:?}, is kept",
                        names.len(),
                        names.join(", "),
                        names.first().copied().unwrap_or_default()
                    ),
                });
            }
            let attribute = match (kind, value) {
                ("choices", Some(_)) => choices
                    .and_then(|c| c.first())
                    .and_then(Value::as_str)
                    .map(|c| AttrValue::Text(c.to_string())),
                ("textarea", Some(v)) => v.get("text").and_then(Value::as_array).map(|t| {
                    AttrValue::Text(t.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("\n"))
                }),
                ("number", Some(v)) => v.get("number").and_then(Value::as_f64).map(AttrValue::Number),
                ("rating", Some(v)) => v.get("rating").and_then(Value::as_f64).map(AttrValue::Number),
                _ => None,
            };
            let name = result.get("from_name").and_then(Value::as_str);
            let key = region_key(result);
            let region = key.as_ref().and_then(|key| {
                record.spans[first_span..]
                    .iter()
                    .position(|s| s.key.as_ref() == Some(key))
                    .map(|i| first_span + i)
            });
            match (attribute, name, region) {
                (Some(value), Some(name), Some(at)) => {
                    // A region with two labels is two spans: each gets the attribute.
                    let key = record.spans[at].key.clone();
                    for span in record.spans[first_span..].iter_mut().filter(|s| s.key == key) {
                        span.attributes.push((name.to_string(), value.clone()));
                    }
                }
                _ => report.ignored_lines += 1,
            }
        }
    }
    Ok(record)
}

/// The key of the region a relation end names (`from_id`, `to_id`) in annotation `n`.
fn region_key_of(result: &Value, field: &str, n: usize) -> Option<String> {
    let id = result.get(field)?;
    Some(format!("{n}/{}", id.as_str().map_or_else(|| id.to_string(), str::to_string)))
}

fn annotator_name(completed_by: Option<&Value>) -> Option<String> {
    match completed_by? {
        Value::Object(user) => ["email", "username"]
            .iter()
            .find_map(|k| user.get(*k).and_then(Value::as_str).filter(|s| !s.is_empty()))
            .map(str::to_string)
            .or_else(|| user.get("id").map(|id| format!("labelstudio-{id}"))),
        Value::Number(n) => Some(format!("labelstudio-{n}")),
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        _ => None,
    }
}

/// The offsets as code points when they give `expected`, else as UTF-16 units converted
/// to code points when those give it, else unchanged (the apply step reports them).
fn code_points_or_utf16(
    text: &str,
    start: usize,
    end: usize,
    expected: &str,
    report: &mut ImportReport,
) -> (usize, usize) {
    let slice = |s: usize, e: usize| text.chars().skip(s).take(e.saturating_sub(s)).collect::<String>();
    if slice(start, end) == expected {
        return (start, end);
    }
    let (mut units, mut cs, mut ce) = (0, None, None);
    for (i, c) in text.chars().chain(std::iter::once('\0')).enumerate() {
        if units == start {
            cs = Some(i);
        }
        if units == end {
            ce = Some(i);
        }
        units += c.len_utf16();
    }
    if let (Some(s), Some(e)) = (cs, ce)
        && slice(s, e) == expected
    {
        report.utf16_converted += 1;
        return (s, e);
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tasks_annotators_and_labels() {
        let task = serde_json::json!({
            "id": 7,
            "data": {"text": "نفى الجيش 12"},
            "annotations": [
                {"completed_by": {"id": 1, "email": "amal@example.org"}, "result": [
                    {"type": "labels", "value": {"start": 10, "end": 12, "text": "12", "labels": ["figure"]}},
                    {"type": "choices", "value": {"choices": ["x"]}}
                ]},
                {"completed_by": 3, "result": [
                    {"type": "labels", "value": {"start": 0, "end": 3, "text": "نفى", "labels": ["denial", "claim"]}}
                ]},
                {"completed_by": 4, "was_cancelled": true, "result": [
                    {"type": "labels", "value": {"start": 0, "end": 1, "labels": ["claim"]}}
                ]}
            ]
        });
        let mut report = ImportReport::default();
        let r = read_task(&task, "f: task 1", &mut report).unwrap();
        assert_eq!(r.id.as_deref(), Some("task-7"));
        let got: Vec<_> =
            r.spans.iter().map(|s| (s.start, s.label.as_str(), s.annotator.as_deref())).collect();
        assert_eq!(
            got,
            [
                (10, "figure", Some("amal@example.org")),
                (0, "denial", Some("labelstudio-3")),
                (0, "claim", Some("labelstudio-3"))
            ]
        );
        assert_eq!(report.ignored_lines, 1);
    }

    #[test]
    fn relations_and_per_region_attributes() {
        let task = serde_json::json!({
            "data": {"text": "نفى الجيش مقتل 12"},
            "annotations": [{"completed_by": 2, "result": [
                {"id": "c1", "from_name": "counts", "type": "choices", "value": {"choices": ["killed"]}},
                {"id": "d1", "type": "labels", "value": {"start": 0, "end": 3, "text": "نفى", "labels": ["denial"]}},
                {"id": "c1", "type": "labels", "value": {"start": 10, "end": 17, "text": "مقتل 12", "labels": ["claim"]}},
                {"type": "relation", "from_id": "c1", "to_id": "d1", "direction": "left", "labels": ["denies"]},
                {"type": "relation", "from_id": "c1", "to_id": "d1", "labels": []}
            ]}]
        });
        let mut report = ImportReport::default();
        let r = read_task(&task, "f: task 1", &mut report).unwrap();
        assert_eq!(r.spans[1].attributes, [("counts".to_string(), AttrValue::Text("killed".into()))]);
        assert_eq!(r.relations.len(), 1);
        let rel = &r.relations[0];
        assert_eq!((rel.head.as_str(), rel.tail.as_str(), rel.kind.as_str()), ("0/d1", "0/c1", "denies"));
        assert_eq!(report.problems.len(), 1, "the relation without a label is reported");
    }

    #[test]
    fn utf16_offsets_after_an_emoji_are_converted() {
        // "👍 قتل": the emoji is one code point but two UTF-16 units.
        let text = "👍 قتل";
        let mut report = ImportReport::default();
        assert_eq!(code_points_or_utf16(text, 2, 5, "قتل", &mut report), (2, 5));
        assert_eq!(report.utf16_converted, 0);
        assert_eq!(code_points_or_utf16(text, 3, 6, "قتل", &mut report), (2, 5));
        assert_eq!(report.utf16_converted, 1);
        assert_eq!(
            code_points_or_utf16(text, 0, 1, "x", &mut report),
            (0, 1),
            "a mismatch is left for the check"
        );
    }
}
