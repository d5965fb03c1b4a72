//! What agreement reports: the report types of `hashiya agree` and the agreement
//! window, the thresholds behind its warnings, and how annotators name layers.
//!
//! Both the measuring (`agreement`) and the warnings (`warnings`) depend on this
//! module, and not on each other's internals: `agreement` calls `warnings`, never the
//! other way round.

use crate::model::{Layer, Project};
use serde::Serialize;
use std::collections::BTreeMap;

/// The name of the row that pools every label.
pub const ALL_LABELS: &str = "all";
/// Fewer spans than this (both annotators together) for a label draws a warning.
pub const MIN_SPANS: usize = 10;
/// A label holding more than this share of all spans draws a warning.
pub const DOMINANT_SHARE: f64 = 0.8;

/// The layer called `name`: an annotator's, or the gold layer for `"gold"` (unless an
/// annotator has that name).
pub fn layer_named<'p>(project: &'p Project, name: &str) -> Option<&'p Layer> {
    project.named_layers_all().find(|(n, _)| *n == name).map(|(_, l)| l)
}

/// The figures for one pair of annotators and one label (or `"all"`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairAgreement {
    /// The first annotator of the pair (earlier in the chosen order).
    pub a: String,
    /// The second annotator of the pair.
    pub b: String,
    /// A label id, or `"all"`.
    pub label: String,
    /// `2 x exact matches / (spans of a + spans of b)`; `None` when neither has a span.
    pub exact_f1: Option<f64>,
    /// The same with overlap matching.
    pub overlap_f1: Option<f64>,
    /// Spans of `a` with no overlap match in `b`.
    pub unmatched_a: usize,
    /// Spans of `b` with no overlap match in `a`.
    pub unmatched_b: usize,
    /// Cohen's kappa over tokens; `None` when undefined.
    pub cohen_kappa: Option<f64>,
    /// Krippendorff's unitizing alpha (continuum form) for this pair; `None` when
    /// undefined.
    pub alpha_u: Option<f64>,
    /// Nominal Krippendorff's alpha over characters for this pair; `None` when undefined.
    pub alpha_chars: Option<f64>,
    /// Spans of `a` (of this label), over the documents compared.
    pub spans_a: usize,
    /// Spans of `b` (of this label), over the documents compared.
    pub spans_b: usize,
    /// Pairs of spans with the same start, end and label.
    pub exact_matches: usize,
    /// Pairs in the maximum overlap matching.
    pub overlap_matches: usize,
    /// The documents this pair is compared over: those both worked on (marked done, or
    /// with a span of theirs).
    pub documents: usize,
}

/// The agreement on one document, over all labels and all the chosen annotators.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentAgreement {
    pub id: String,
    pub title: String,
    /// `2 Σ exact matches / Σ (spans of a + spans of b)` over every pair of annotators
    /// (for two annotators, their pair's exact F1); `None` when nobody marked anything.
    pub exact_f1: Option<f64>,
    /// The same with overlap matching.
    pub overlap_f1: Option<f64>,
    /// Krippendorff's unitizing alpha over this document alone, all labels.
    pub alpha_u: Option<f64>,
    /// Spans of the chosen annotators on this document.
    pub spans: usize,
    /// The chosen annotators who never worked on this document (neither marked it done
    /// nor made a span on it). When any did not, the figures are over the others and the
    /// document is left out of the ranking.
    pub not_annotated_by: Vec<String>,
}

/// Agreement over a project.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AgreementReport {
    /// The annotators compared, in the order chosen.
    pub annotators: Vec<String>,
    /// One row per pair (in annotator order) and label (`"all"` first, then the
    /// project's labels in order).
    pub pairs: Vec<PairAgreement>,
    /// Krippendorff's unitizing alpha across all the annotators, by label and `"all"`.
    pub alpha_u: BTreeMap<String, Option<f64>>,
    /// Nominal Krippendorff's alpha over characters across all the annotators, by label
    /// and `"all"`.
    pub alpha_chars: BTreeMap<String, Option<f64>>,
    /// Per document, the least agreed first (see `per_document::least_agreed_first`),
    /// then the documents some annotator never worked on.
    pub per_document: Vec<DocumentAgreement>,
    /// The IoU threshold of overlap matching.
    pub iou: f64,
    /// Documents in the project.
    pub documents: usize,
    /// Documents every chosen annotator worked on: those `alpha_u` and `alpha_chars`
    /// across all of them are computed over.
    pub documents_compared: usize,
    /// Tokens of the documents compared.
    pub tokens: usize,
    /// Code points of the documents compared: the characters of `alpha_chars` and the
    /// length of the continuum of `alpha_u`.
    pub characters: usize,
    /// Where a figure means little, in a stable order, each with a stable code.
    pub warnings: Vec<Warning>,
    /// Per pair and relation type (`"all"` first): agreement on links.
    pub relations: Vec<RelationAgreement>,
    /// Per pair: how often matched figures have the same value.
    pub figure_values: Vec<FigureValueAgreement>,
}

/// Agreement on links for one pair of annotators and one relation type (or `"all"`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RelationAgreement {
    pub a: String,
    pub b: String,
    /// A relation type id, or `"all"`.
    #[serde(rename = "type")]
    pub kind: String,
    /// `2 x matches / (relations of a + relations of b)`; `None` when neither has one.
    pub relation_f1: Option<f64>,
    pub relations_a: usize,
    pub relations_b: usize,
    /// Relations of `a` whose head and tail are matched to the head and tail of a
    /// relation of `b` of the same type (one-to-one).
    pub matches: usize,
}

/// For one pair: the figures both marked (overlap-matched spans whose label declares a
/// `value`), those both gave a value, and those with the same value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureValueAgreement {
    pub a: String,
    pub b: String,
    pub matched_figures: usize,
    pub both_valued: usize,
    pub same_value: usize,
    /// `same_value / matched_figures` (a figure one side left without a value counts as
    /// not the same); `None` when no figure was matched. Read `value_agreement` and
    /// `valued_share` instead.
    pub same_value_share: Option<f64>,
    /// `same_value / both_valued`: how often two values agree where both gave one;
    /// `None` when no matched figure has both values.
    pub value_agreement: Option<f64>,
    /// `both_valued / matched_figures`: the share of matched figures both gave a value;
    /// `None` when no figure was matched.
    pub valued_share: Option<f64>,
}

/// A warning about the figures: a stable code for programs, and the text for people.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// One of [`WarningCode`]'s names, in snake case; never changes meaning.
    pub code: &'static str,
    pub text: String,
}

impl Warning {
    pub fn new(code: WarningCode, text: String) -> Self {
        Self { code: code.name(), text }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// What a warning is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WarningCode {
    /// An annotator has no spans at all.
    NoSpans,
    /// One label makes up most spans.
    DominantLabel,
    /// A pair has no spans of a label.
    UnusedLabel,
    /// A pair has fewer than [`MIN_SPANS`] spans for a label.
    FewSpans,
    /// Kappa or alpha is undefined although there are spans.
    UndefinedFigure,
    /// Documents only one annotator of a pair worked on, left out of their figures.
    DocumentsLeftOut,
    /// alpha_u of a label is undefined.
    AlphaUndefined,
    /// Overlapping spans of one label that alpha_u leaves out.
    OverlappingSpans,
}

impl WarningCode {
    /// The code as written in the JSON.
    pub fn name(self) -> &'static str {
        match self {
            WarningCode::NoSpans => "no_spans",
            WarningCode::DominantLabel => "dominant_label",
            WarningCode::UnusedLabel => "unused_label",
            WarningCode::FewSpans => "few_spans",
            WarningCode::UndefinedFigure => "undefined_figure",
            WarningCode::DocumentsLeftOut => "documents_left_out",
            WarningCode::AlphaUndefined => "alpha_undefined",
            WarningCode::OverlappingSpans => "overlapping_spans",
        }
    }
}
