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

    /// The time in UTC as ISO 8601, `2026-12-03T04:05:06Z`.
    pub fn iso8601(self) -> String {
        let (days, secs) = (self.0 / 86_400, self.0 % 86_400);
        let (year, month, day) = civil_from_days(days);
        format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", secs / 3600, secs % 3600 / 60, secs % 60)
    }

    /// The day (UTC) as `2026-12-03`.
    pub fn date(self) -> String {
        self.iso8601().get(..10).unwrap_or_default().to_string()
    }
}

/// Year, month and day of the `days`-th day after 1970-01-01 in the proleptic Gregorian
/// calendar (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
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
            .then_with(|| rank(&a.label).cmp(&rank(&b.label)))
            .then_with(|| a.label.cmp(&b.label))
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
    fn timestamps_read_as_utc_dates() {
        assert_eq!(Timestamp(0).iso8601(), "1970-01-01T00:00:00Z");
        assert_eq!(Timestamp(951_782_400).iso8601(), "2000-02-29T00:00:00Z");
        assert_eq!(Timestamp(1_793_523_600).iso8601(), "2026-11-01T09:00:00Z");
        assert_eq!(Timestamp(1_793_523_600).date(), "2026-11-01");
    }

    #[test]
    fn a_span_stays_small() {
        // A big project holds hundreds of thousands of spans: names, note and origin are
        // one pointer each (plus the origin's tag), attributes one pointer, next to five numbers.
        assert!(std::mem::size_of::<Span>() <= 11 * std::mem::size_of::<usize>());
    }
}
