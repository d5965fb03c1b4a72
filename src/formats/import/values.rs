//! What an import makes of the names, ids and attribute values a file gives: ids of our
//! own exports, fresh document ids, labels met for the first time (with a stable colour),
//! attribute values read by the kinds their label declares.

use super::Problem;
use super::records::Record;
use crate::model::{
    AttrValue, AttributeDef, AttributeKind, Attributes, Color, DocId, Label, LabelId, clean_name,
};
use crate::model::{MAX_ID, advance_id};
use std::collections::{BTreeSet, HashMap, HashSet};

/// The attribute values of a span labelled `label`, read by the kinds its label declares;
/// an attribute the label does not declare is declared, of the value's kind. A value of the
/// wrong kind (`twelve` for a number, a choice not among the options, a value-less brat
/// `A` line for a text) is dropped, and `problems` says so. With `untyped` values (brat's
/// text), an undeclared attribute whose value reads as a number is declared a number.
pub(super) fn read_attributes(
    labels: &mut [Label],
    label: &LabelId,
    values: Vec<(String, AttrValue)>,
    report: &mut super::ImportReport,
    problems: &mut Vec<String>,
    untyped: bool,
) -> Attributes {
    let mut attributes = Attributes::default();
    let Some(label) = labels.iter_mut().find(|l| &l.id == label) else { return attributes };
    for (name, value) in values {
        let Some(name) = clean_name(&name) else { continue };
        if attributes.get(&name).is_some() {
            problems.push(format!("attribute {name:?} is given twice; the first value is kept"));
            continue;
        }
        let value = match (label.attribute(&name).map(|d| &d.kind), value) {
            (Some(kind), AttrValue::Text(text)) => kind.parse(&text).unwrap_or(AttrValue::Text(text)),
            // brat writes every value as text: a number comes back a number (as our export
            // wrote it: `43`, `2.5`), so an undeclared number attribute stays one.
            (None, AttrValue::Text(text)) if untyped => match text.trim().parse::<f64>() {
                Ok(n) if n.is_finite() => AttrValue::Number(n),
                _ => AttrValue::Text(text),
            },
            (_, value) => value,
        };
        if let Some(def) = label.attribute(&name)
            && !def.kind.accepts(&value)
        {
            let shown = match &value {
                AttrValue::Flag(true) if !matches!(def.kind, AttributeKind::Flag) => "no value".to_string(),
                other => format!("the value {other}"),
            };
            problems.push(format!("attribute {name:?} has {shown}, not {}; dropped", def.kind.expected()));
            continue;
        }
        if label.attribute(&name).is_none() {
            let kind = match value {
                AttrValue::Number(_) => AttributeKind::Number,
                AttrValue::Flag(_) => AttributeKind::Flag,
                AttrValue::Text(_) => AttributeKind::Text,
            };
            label.attributes.push(AttributeDef::new(&name, kind));
            report.attributes_added.push(format!("{}.{name}", label.id));
        }
        attributes.set(&name, Some(value));
    }
    attributes
}

/// The number in an id of our own exports, `amal:3` -> 3.
pub(super) fn file_id(key: &str) -> Option<u64> {
    key.rsplit_once(':').and_then(|(_, n)| n.parse().ok())
}

/// A title or source on one line: control characters (line breaks, tabs, NUL) become
/// spaces, and the ends are trimmed.
pub(super) fn one_line(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect::<String>().trim().to_string()
}

/// A document id from `stem` (by [`clean_name`]) that no document uses.
pub(super) fn fresh_id(stem: &str, taken: &mut BTreeSet<String>) -> DocId {
    let base = clean_name(stem).unwrap_or_else(|| "doc".to_string());
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    DocId::new(id)
}

/// A label for an id met in an import, with a colour derived from the id.
pub(super) fn new_label(id: &str) -> Label {
    Label {
        id: LabelId::new(id),
        name: id.to_string(),
        color: colour_for(id),
        hotkey: None,
        description: "Added by an annotation import.".into(),
        attributes: Vec::new(),
    }
}

/// A stable, fairly saturated colour for a label id (the hue comes from an FNV-1a hash).
pub fn colour_for(id: &str) -> Color {
    let hash =
        id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    let hue = (hash % 360) as f32;
    let (s, v) = (0.55_f32, 0.85_f32);
    let c = v * s;
    let x = c * (1.0 - ((hue / 60.0) % 2.0 - 1.0).abs());
    let (r, g, b) = match (hue / 60.0) as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let m = v - c;
    let byte = |f: f32| ((f + m) * 255.0).round().clamp(0.0, 255.0) as u8;
    Color([byte(r), byte(g), byte(b)])
}

/// The id `wanted` when it is at most [`MAX_ID`](crate::model::MAX_ID) and free, otherwise the next free one
/// after `next`; either way `used` learns it and `next` moves past a kept id.
pub(super) fn take_id(wanted: Option<u64>, next: &mut u64, used: &mut HashSet<u64>) -> u64 {
    let kept = wanted.filter(|n| (1..=MAX_ID).contains(n) && !used.contains(n));
    let id = kept.unwrap_or_else(|| advance_id(next, &|n| used.contains(&n)));
    used.insert(id);
    if let Some(kept) = kept {
        *next = (*next).max(kept + 1);
    }
    id
}

/// Span ids the record gives to spans at different places (a doccano or Label Studio
/// file with an id twice): a link naming one could mean either, so links naming them
/// are skipped. Each is reported once. (Label Studio's region with two labels is two
/// spans at one place sharing an id: not ambiguous.)
pub(super) fn ambiguous_keys(record: &Record, problems: &mut Vec<Problem>) -> HashSet<String> {
    let mut at: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut ambiguous = HashSet::new();
    for span in &record.spans {
        let Some(key) = span.key.as_deref() else { continue };
        let place = (span.start, span.end);
        if *at.entry(key).or_insert(place) != place && ambiguous.insert(key.to_string()) {
            problems.push(Problem {
                location: span.location.clone(),
                message: format!(
                    "span id {key} is given to spans at different places; links naming it are skipped"
                ),
            });
        }
    }
    ambiguous
}
