//! Where annotators disagree on one document, for the review window.
//!
//! Spans that every chosen annotator made alike (same start, end and label) are
//! agreed ([`agreed`]) and set aside. What remains is reviewed in two parts, each a
//! module of its own that builds on the types and helpers here and never on the other:
//!
//! - `spans`: the remaining spans, grouped into clusters of overlapping spans, one
//!   [`Disagreement`] per cluster ([`DisagreementKind::SameRangeDifferentLabel`],
//!   [`DisagreementKind::BoundaryMismatch`], [`DisagreementKind::OnlyIn`]);
//! - `links`: on the agreed spans, the links and attribute values the annotators gave
//!   differently ([`DisagreementKind::LinksDiffer`], [`DisagreementKind::AttributesDiffer`]),
//!   and what of them goes to gold on its own.
//!
//! [`disagreements`] puts both together in reading order.

pub mod links;
pub mod spans;

use crate::model::{CharRange, DocId, LabelId, Project, Span};
use std::collections::{BTreeMap, BTreeSet};

/// How annotators disagree on a cluster of spans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DisagreementKind {
    /// Every span has the same range; the labels differ.
    SameRangeDifferentLabel,
    /// Spans of two or more annotators overlap with different ranges.
    BoundaryMismatch,
    /// Only these annotators marked anything here (in the order they were chosen).
    OnlyIn(Vec<String>),
    /// A span all marked alike, with different attribute values.
    AttributesDiffer,
    /// Two spans all marked alike, linked differently.
    LinksDiffer,
}

impl DisagreementKind {
    /// A short description for lists, e.g. "boundary mismatch" or "only amal".
    pub fn describe(&self) -> String {
        match self {
            DisagreementKind::SameRangeDifferentLabel => "same range, different label".into(),
            DisagreementKind::BoundaryMismatch => "boundary mismatch".into(),
            DisagreementKind::OnlyIn(names) => format!("only {}", names.join(", ")),
            DisagreementKind::AttributesDiffer => "attributes differ".into(),
            DisagreementKind::LinksDiffer => "links differ".into(),
        }
    }
}

/// A span with the name of the annotator layer it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnnotatedSpan {
    /// The annotator layer the span is in.
    pub annotator: String,
    pub span: Span,
}

/// One place where the chosen annotators disagree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disagreement {
    pub kind: DisagreementKind,
    /// The smallest range covering every span involved.
    pub range: CharRange,
    /// The spans involved, in reading order (annotator order among equals).
    pub spans: Vec<AnnotatedSpan>,
    /// Every annotator that was compared, in the order chosen.
    pub annotators: Vec<String>,
    /// For [`DisagreementKind::LinksDiffer`]: the two spans and each annotator's link types.
    pub link: Option<LinkChoices>,
}

impl Disagreement {
    /// The spans of one annotator here (none for an annotator who marked nothing).
    pub fn spans_of<'d>(&'d self, annotator: &'d str) -> impl Iterator<Item = &'d Span> + 'd {
        self.spans.iter().filter(move |s| s.annotator == annotator).map(|s| &s.span)
    }

    /// The text to mark for this item: the two linked spans of a link disagreement, else
    /// the whole range.
    pub fn marked(&self) -> Vec<CharRange> {
        match &self.link {
            Some(link) => vec![link.head.0, link.tail.0],
            None => vec![self.range],
        }
    }

    /// Annotators who marked nothing here.
    pub fn missing(&self) -> Vec<&str> {
        self.annotators
            .iter()
            .filter(|a| !self.spans.iter().any(|s| &s.annotator == *a))
            .map(String::as_str)
            .collect()
    }
}

/// A pair of agreed spans and the relation types each annotator put between them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkChoices {
    pub head: SpanKey,
    pub tail: SpanKey,
    /// Per compared annotator (in order): the types of their links from head to tail.
    pub kinds: Vec<(String, BTreeSet<LabelId>)>,
}

/// A span key: range and label.
pub type SpanKey = (CharRange, LabelId);

/// The key a span is compared by across layers.
fn key(span: &Span) -> SpanKey {
    (span.range(), span.label.clone())
}

/// Each annotator's spans on `doc`, in the order given, suggestions left out: a
/// suggestion is not an annotator's decision until it is accepted.
fn layer_spans<'p>(project: &'p Project, doc: &DocId, annotators: &[&str]) -> Vec<Vec<&'p Span>> {
    annotators
        .iter()
        .map(|a| {
            let spans = project.layers.get(*a).map(|l| l.spans(doc)).unwrap_or(&[]);
            spans.iter().filter(|s| !s.is_suggested()).collect()
        })
        .collect()
}

/// The spans every chosen annotator made alike on `doc`, with how many copies each has
/// in common, sorted. Empty when fewer than two annotators are given.
pub fn agreed(project: &Project, doc: &DocId, annotators: &[&str]) -> BTreeMap<SpanKey, usize> {
    if annotators.len() < 2 {
        return BTreeMap::new();
    }
    let mut common: Option<BTreeMap<SpanKey, usize>> = None;
    for spans in layer_spans(project, doc, annotators) {
        let mut counts: BTreeMap<SpanKey, usize> = BTreeMap::new();
        for span in spans {
            *counts.entry(key(span)).or_default() += 1;
        }
        common = Some(match common {
            None => counts,
            Some(prev) => {
                prev.into_iter().filter_map(|(k, n)| counts.get(&k).map(|m| (k, n.min(*m)))).collect()
            }
        });
    }
    common.unwrap_or_default()
}

/// The disagreements between `annotators` on `doc`, sorted by position: clusters of
/// spans not all made alike, then (with two annotators or more) links and attribute
/// values given differently on the agreed spans.
pub fn disagreements(project: &Project, doc: &DocId, annotators: &[&str]) -> Vec<Disagreement> {
    let mut out = spans::span_disagreements(project, doc, annotators);
    if annotators.len() >= 2 {
        out.extend(links::link_and_attribute_disagreements(project, doc, annotators));
        out.sort_by_key(|d| (d.range.start, d.range.end));
    }
    out
}
