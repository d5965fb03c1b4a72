//! Reading JSONL files: our export, doccano and Prodigy, line by line.
//!
//! Spans come from `spans` (`start`, `end`, `label`, optional `text`, `annotator`,
//! `note`, `id`, `attributes`), doccano's `entities` (`id`, `start_offset`, `end_offset`,
//! `label`) or `label` (`[start, end, label]`), the first of these keys present (with
//! doccano's two, `entities`, which has ids). Relations come from `relations`: ours
//! (`head`, `tail`, `type`, `annotator`), doccano's (`from_id`, `to_id`, `type`) or
//! Prodigy's (`head_span`, `child_span`, `label`). Ids may be strings or numbers.
//! Prodigy lines whose `answer` is not `accept` are skipped and reported. Lines that are
//! not JSON objects with a `text` are reported and skipped.

use super::records::{Record, RecordRelation, RecordSpan, offsets_key};
use super::{ImportReport, Problem};
use crate::formats::progress::{self, Progress, Stage};
use crate::formats::{FormatError, parse_status};
use crate::model::AttrValue;
use serde_json::{Map, Value};
use std::path::Path;
use std::sync::atomic::AtomicBool;

/// Reads every line of the file at `path`.
pub fn read(
    path: &Path,
    report: &mut ImportReport,
    progress: &mut dyn FnMut(Progress),
    cancel: &AtomicBool,
) -> Result<Vec<Record>, FormatError> {
    let content = crate::store::read_input_string(path).map_err(FormatError::input(path))?;
    let name = path.display().to_string();
    let lines: Vec<&str> = content.split('\n').collect();
    let total = lines.len();
    let mut records = Vec::new();
    for (i, line) in lines.into_iter().enumerate() {
        if i % 256 == 0 {
            progress::check(cancel)?;
            progress(Progress { stage: Stage::Reading, done: i, total });
        }
        let line = line.strip_suffix('\r').unwrap_or(line);
        let line = if i == 0 { line.trim_start_matches('\u{feff}') } else { line };
        if line.trim().is_empty() {
            continue;
        }
        let location = format!("{name}:{}", i + 1);
        match parse_line(line, &location, &mut report.problems) {
            Ok(record) => records.push(record),
            Err(message) => report.problems.push(Problem { location, message }),
        }
    }
    progress(Progress { stage: Stage::Reading, done: total, total });
    Ok(records)
}

/// One line as a record, or why the whole line is skipped; unreadable spans are added
/// to `problems` and the rest of the line is kept.
fn parse_line(line: &str, location: &str, problems: &mut Vec<Problem>) -> Result<Record, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("not a JSON line: {e}"))?;
    let Value::Object(obj) = value else { return Err("not a JSON object".into()) };
    let Some(text) = obj.get("text").and_then(Value::as_str) else {
        return Err("no \"text\" string; skipped".into());
    };
    if let Some(answer) = obj.get("answer").and_then(Value::as_str)
        && answer != "accept"
    {
        return Err(format!("Prodigy answer {answer:?}, not \"accept\"; skipped"));
    }
    let meta = obj.get("meta").and_then(Value::as_object);
    let meta_str = |key: &str| meta.and_then(|m| m.get(key)).and_then(Value::as_str).map(str::to_string);
    let line_annotator = str_key(&obj, "annotator").or_else(|| str_key(&obj, "_annotator_id"));
    let mut record = Record {
        location: location.to_string(),
        id: str_key(&obj, "id").or_else(|| str_key(&obj, "doc_id")).or_else(|| meta_str("id")),
        title: str_key(&obj, "title").or_else(|| meta_str("title")),
        source: meta_str("source").unwrap_or_default(),
        text: text.to_string(),
        gold: meta_str("layer").as_deref() == Some(crate::formats::jsonl::GOLD_LAYER),
        ..Default::default()
    };
    if let Some(status) = meta.and_then(|m| m.get("status")).and_then(Value::as_object) {
        for (who, value) in status {
            if let Some(status) = value.as_str().and_then(|s| parse_status(s).ok()) {
                record.status.insert(who.clone(), status);
            }
        }
    }
    if let Some(times) = meta.and_then(|m| m.get("lead_time")).and_then(Value::as_object) {
        let seconds = times.iter().filter_map(|(who, s)| Some((who.clone(), s.as_u64()?)));
        record.lead_time.extend(seconds);
    }
    let mut spans = Vec::new();
    let mut unreadable = |what: &str, item: &Value| {
        problems.push(Problem {
            location: location.to_string(),
            message: format!("unreadable {what} {item}; skipped"),
        })
    };
    // The first of the span keys present gives the spans; one that is not a list is
    // reported (its spans cannot be read), never dropped without a word.
    let keys: [(&str, &str, ReadSpan); 3] = [
        ("spans", "span", |item| span_object(item, "start", "end")),
        ("entities", "entity", |item| span_object(item, "start_offset", "end_offset")),
        ("label", "label", span_triple),
    ];
    if let Some((key, what, read)) =
        keys.iter().find(|(key, _, _)| obj.get(*key).is_some_and(|v| !v.is_null()))
    {
        match obj.get(*key).and_then(Value::as_array) {
            Some(items) => {
                for item in items {
                    match read(item) {
                        Some(span) => spans.push(span),
                        None => unreadable(what, item),
                    }
                }
            }
            None => problems.push(Problem {
                location: location.to_string(),
                message: format!("\"{key}\" is not a list, its spans cannot be read; skipped"),
            }),
        }
    }
    // Our doccano and Prodigy exports list their suggestions in `meta.suggested`: entity
    // ids, or `[start, end, label]`.
    let listed = meta.and_then(|m| m.get("suggested")).and_then(Value::as_array);
    let is_listed = |span: &RecordSpan| {
        listed.is_some_and(|items| {
            items.iter().any(|item| match item {
                Value::Array(triple) => span_triple(item).is_some_and(|t| {
                    triple.len() == 3
                        && (t.start, t.end, t.label.as_str()) == (span.start, span.end, &*span.label)
                }),
                other => key(Some(other)).is_some_and(|k| span.key.as_deref() == Some(k.as_str())),
            })
        })
    };
    for mut span in spans {
        if span.suggested.is_none() && is_listed(&span) {
            span.suggested = Some(String::new());
        }
        span.location = location.to_string();
        if span.annotator.is_none() {
            span.annotator.clone_from(&line_annotator);
        }
        record.spans.push(span);
    }
    match obj.get("relations") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for item in items {
                match relation(item) {
                    Some(mut relation) => {
                        relation.location = location.to_string();
                        if relation.annotator.is_none() {
                            relation.annotator.clone_from(&line_annotator);
                        }
                        record.relations.push(relation);
                    }
                    None => problems.push(Problem {
                        location: location.to_string(),
                        message: format!("unreadable relation {item}; skipped"),
                    }),
                }
            }
        }
        Some(_) => problems.push(Problem {
            location: location.to_string(),
            message: "\"relations\" is not a list, its relations cannot be read; skipped".into(),
        }),
    }
    Ok(record)
}

/// An id as a key: a string as it is, a number in decimal.
fn key(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// One relation: ours, doccano's or Prodigy's.
fn relation(item: &Value) -> Option<RecordRelation> {
    let obj = item.as_object()?;
    if let (Some(head), Some(child)) = (obj.get("head_span"), obj.get("child_span")) {
        let at = |span: &Value| {
            let s = span_object(span, "start", "end")?;
            Some(offsets_key(s.start, s.end, &s.label))
        };
        return Some(RecordRelation {
            head: at(head)?,
            tail: at(child)?,
            kind: str_key(obj, "label")?,
            ..Default::default()
        });
    }
    Some(RecordRelation {
        key: key(obj.get("id")),
        head: key(obj.get("head").or_else(|| obj.get("from_id")))?,
        tail: key(obj.get("tail").or_else(|| obj.get("to_id")))?,
        kind: str_key(obj, "type").or_else(|| str_key(obj, "label"))?,
        annotator: str_key(obj, "annotator"),
        ..Default::default()
    })
}

/// Reads one item of a span list.
type ReadSpan = fn(&Value) -> Option<RecordSpan>;

fn str_key(obj: &Map<String, Value>, key: &str) -> Option<String> {
    obj.get(key).and_then(Value::as_str).map(str::to_string)
}

fn offset(value: Option<&Value>) -> Option<usize> {
    value.and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok())
}

fn span_object(item: &Value, start: &str, end: &str) -> Option<RecordSpan> {
    let obj = item.as_object()?;
    Some(RecordSpan {
        start: offset(obj.get(start))?,
        end: offset(obj.get(end))?,
        label: str_key(obj, "label")?,
        text: str_key(obj, "text"),
        annotator: str_key(obj, "annotator"),
        note: str_key(obj, "note"),
        key: key(obj.get("id")),
        suggested: (str_key(obj, "origin").as_deref() == Some("suggested"))
            .then(|| str_key(obj, "rule").unwrap_or_default()),
        attributes: obj
            .get("attributes")
            .and_then(Value::as_object)
            .map(|a| a.iter().filter_map(|(k, v)| Some((k.clone(), AttrValue::from_json(v)?))).collect())
            .unwrap_or_default(),
        ..Default::default()
    })
}

fn span_triple(item: &Value) -> Option<RecordSpan> {
    let [start, end, label] = item.as_array()?.as_slice() else { return None };
    Some(RecordSpan {
        start: offset(Some(start))?,
        end: offset(Some(end))?,
        label: label.as_str()?.to_string(),
        ..Default::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_three_flavours() {
        let ours = r#"{"id":"a","title":"T","text":"نص","spans":[{"start":0,"end":2,"label":"claim","text":"نص","annotator":"amal","note":"n"}],"meta":{"source":"a.txt","status":{"amal":"done"},"layer":"gold"}}"#;
        let r = parse_line(ours, "f:1", &mut vec![]).unwrap();
        assert_eq!(
            (r.id.as_deref(), r.title.as_deref(), r.source.as_str(), r.gold),
            (Some("a"), Some("T"), "a.txt", true)
        );
        assert_eq!(r.status["amal"], crate::model::Status::Done);
        let s = &r.spans[0];
        assert_eq!((s.start, s.end, s.label.as_str(), s.text.as_deref()), (0, 2, "claim", Some("نص")));
        assert_eq!(
            (s.annotator.as_deref(), s.note.as_deref(), s.location.as_str()),
            (Some("amal"), Some("n"), "f:1")
        );

        let doccano = r#"{"text":"نص","label":[[0,1,"figure"]],"annotator":"omar"}"#;
        let r = parse_line(doccano, "f:2", &mut vec![]).unwrap();
        assert_eq!((r.spans[0].end, r.spans[0].annotator.as_deref()), (1, Some("omar")));
        let entities =
            r#"{"text":"نص","entities":[{"id":3,"label":"claim","start_offset":1,"end_offset":2}]}"#;
        assert_eq!(parse_line(entities, "f:3", &mut vec![]).unwrap().spans[0].start, 1);

        let prodigy = r#"{"text":"نص","spans":[{"start":0,"end":2,"label":"claim"}],"_annotator_id":"x-amal","answer":"accept"}"#;
        assert_eq!(
            parse_line(prodigy, "f:4", &mut vec![]).unwrap().spans[0].annotator.as_deref(),
            Some("x-amal")
        );
    }

    #[test]
    fn relations_and_attributes_in_the_three_shapes() {
        let ours = r#"{"text":"نفى الجيش أن 12 قتلوا","spans":[{"id":"amal:1","start":0,"end":3,"label":"denial","attributes":{"source":"الجيش"}},{"id":"amal:2","start":13,"end":15,"label":"figure","attributes":{"value":12,"counts":"killed"}}],"relations":[{"id":"amal:1","head":"amal:1","tail":"amal:2","type":"denies","annotator":"amal"}]}"#;
        let r = parse_line(ours, "f:1", &mut vec![]).unwrap();
        assert_eq!(r.spans[0].key.as_deref(), Some("amal:1"));
        assert_eq!(r.spans[1].attributes[1], ("value".to_string(), AttrValue::Number(12.0)));
        assert_eq!((r.relations[0].head.as_str(), r.relations[0].tail.as_str()), ("amal:1", "amal:2"));
        assert_eq!(
            (r.relations[0].kind.as_str(), r.relations[0].annotator.as_deref()),
            ("denies", Some("amal"))
        );

        let doccano = r#"{"text":"نص","label":[[0,1,"claim"]],"entities":[{"id":4,"label":"claim","start_offset":0,"end_offset":1},{"id":5,"label":"denial","start_offset":1,"end_offset":2}],"relations":[{"id":1,"from_id":5,"to_id":4,"type":"denies"}]}"#;
        let r = parse_line(doccano, "f:2", &mut vec![]).unwrap();
        assert_eq!(r.spans.len(), 2, "entities are read, not label");
        assert_eq!(r.spans[1].key.as_deref(), Some("5"));
        assert_eq!((r.relations[0].head.as_str(), r.relations[0].tail.as_str()), ("5", "4"));

        let prodigy = r#"{"text":"نص","spans":[{"start":0,"end":1,"label":"claim"}],"relations":[{"head_span":{"start":1,"end":2,"label":"denial"},"child_span":{"start":0,"end":1,"label":"claim"},"label":"denies"}],"answer":"accept"}"#;
        let r = parse_line(prodigy, "f:3", &mut vec![]).unwrap();
        assert_eq!((r.relations[0].head.as_str(), r.relations[0].tail.as_str()), ("1:2:denial", "0:1:claim"));

        let mut problems = vec![];
        let bad = r#"{"text":"نص","relations":[{"head":1}]}"#;
        assert!(parse_line(bad, "f:4", &mut problems).unwrap().relations.is_empty());
        assert!(problems[0].message.contains("unreadable relation"), "{problems:?}");
    }

    #[test]
    fn bad_lines_say_why() {
        let mut problems = vec![];
        assert!(parse_line("{", "f:1", &mut problems).unwrap_err().contains("not a JSON line"));
        assert!(parse_line("[1]", "f:1", &mut problems).unwrap_err().contains("not a JSON object"));
        assert!(
            parse_line(r#"{"text":"x","answer":"reject"}"#, "f:1", &mut problems)
                .unwrap_err()
                .contains("reject")
        );
        let line =
            r#"{"text":"xy","spans":[{"start":-1,"end":1,"label":"a"},{"start":0,"end":1,"label":"a"}]}"#;
        let record = parse_line(line, "f:9", &mut problems).unwrap();
        assert_eq!(record.spans.len(), 1, "the readable span is kept");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].location, "f:9");
    }
}
