//! Spans: labelled ranges of code points made by one annotator.

use super::{Attributes, CharOffset, CharRange, LabelId, SharedStr};
use serde::{Deserialize, Serialize};
use std::time::{SystemTime, UNIX_EPOCH};

/// A span's identifier, unique within its annotator layer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SpanId(pub u64);

/// Seconds since the Unix epoch (UTC).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(pub u64);

impl Timestamp {
    pub fn now() -> Self {
        Self(SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0))
    }
}

/// How a span came to be.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Origin {
    /// Drawn by the annotator.
    #[default]
    Manual,
    /// Proposed by a rule, a project pattern or an imported model's predictions, not yet
    /// confirmed; `rule` names what proposed it (`figure:digits`, `pattern`, `import`, ...).
    /// Exports leave suggested spans out unless asked, and agreement never counts them.
    Suggested { rule: SharedStr },
    /// Accepted into the gold layer during review, by the named reviewer.
    Accepted { by: SharedStr },
}

impl Origin {
    /// True for a suggestion not yet accepted.
    pub fn is_suggested(&self) -> bool {
        matches!(self, Origin::Suggested { .. })
    }
}

/// A labelled range `start..end` of code points. Spans may overlap.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Span {
    pub id: SpanId,
    pub start: CharOffset,
    pub end: CharOffset,
    pub label: LabelId,
    /// Who made the span (for gold spans: whose span was accepted); shared, as a label id.
    pub annotator: SharedStr,
    pub created: Timestamp,
    pub modified: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<SharedStr>,
    #[serde(default)]
    pub origin: Origin,
    /// Values of the label's attributes (a figure's value and unit, a claim's source).
    #[serde(default, skip_serializing_if = "Attributes::is_empty")]
    pub attributes: Attributes,
}

impl Span {
    /// A span drawn by `annotator` at `at` (created and last modified then), with no note.
    pub fn new(
        id: SpanId,
        range: CharRange,
        label: LabelId,
        annotator: impl Into<SharedStr>,
        at: Timestamp,
    ) -> Self {
        Self {
            id,
            start: range.start,
            end: range.end,
            label,
            annotator: annotator.into(),
            created: at,
            modified: at,
            note: None,
            origin: Origin::Manual,
            attributes: Attributes::default(),
        }
    }

    /// True for a span proposed by a rule or an import and not yet accepted.
    pub fn is_suggested(&self) -> bool {
        matches!(self.origin, Origin::Suggested { .. })
    }

    pub fn range(&self) -> CharRange {
        CharRange { start: self.start, end: self.end }
    }

    /// Which of two overlapping spans gets the tokens (or characters) they share, highest
    /// first: the longer span, then the earlier start, then the label listed first in the
    /// project (unknown labels last), then the smaller label id. The CoNLL export and the
    /// token and character agreement measures all use this one rule.
    pub fn by_priority(labels: &[super::Label], a: &Span, b: &Span) -> std::cmp::Ordering {
        let rank = |label: &LabelId| labels.iter().position(|l| &l.id == label).unwrap_or(labels.len());
        b.range()
            .len()
            .cmp(&a.range().len())
            .then(a.start.cmp(&b.start))
            .then(rank(&a.label).cmp(&rank(&b.label)))
            .then(a.label.cmp(&b.label))
    }

    /// Order spans by position in the text (reading order), then by label and id.
    pub fn reading_order(a: &Span, b: &Span) -> std::cmp::Ordering {
        (a.start, a.end, &a.label, a.id).cmp(&(b.start, b.end, &b.label, b.id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_stays_small() {
        // A big project holds hundreds of thousands of spans: names, note and origin are
        // one pointer each (plus the origin's tag), attributes one pointer, next to five numbers.
        assert!(std::mem::size_of::<Span>() <= 11 * std::mem::size_of::<usize>());
    }
}
