//! Agreement between annotators: per pair of annotators and per label (and over all
//! labels), exact-match F1, overlap F1, unmatched counts, Cohen's kappa over tokens and
//! Krippendorff's alpha over characters, with warnings where a figure means little.
//!
//! Every document of the project counts; an annotator with no spans on a document is
//! taken to have marked nothing there. docs/agreement.md defines each figure.

use super::alpha::nominal_alpha;
use super::coding::{char_codes, token_codes};
use super::kappa::cohen_kappa;
use super::matching::{exact_matches, overlap_matching};
use crate::model::tokens::{Token, tokenize};
use crate::model::{LabelId, Layer, Project, Span};
use serde::Serialize;
use std::collections::BTreeMap;

/// The name of the row that pools every label.
pub const ALL_LABELS: &str = "all";
/// Fewer spans than this (both annotators together) for a label draws a warning.
pub const MIN_SPANS: usize = 10;
/// A label holding more than this share of all spans draws a warning.
pub const DOMINANT_SHARE: f64 = 0.8;

/// What to compare.
#[derive(Clone, Debug, PartialEq)]
pub struct AgreementOptions {
    /// Annotators to compare, in this order; empty means every annotator of the project.
    /// `"gold"` names the gold layer.
    pub annotators: Vec<String>,
    /// IoU threshold for overlap matching, in `0..=1`.
    pub iou: f64,
}

impl Default for AgreementOptions {
    fn default() -> Self {
        Self { annotators: Vec::new(), iou: 0.5 }
    }
}

/// Why agreement could not be measured.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum AgreementError {
    #[error("no annotator {0:?} in the project")]
    UnknownAnnotator(String),
    #[error("agreement needs at least two annotators, got {0}")]
    TooFewAnnotators(usize),
    #[error("annotator {0:?} is listed twice")]
    DuplicateAnnotator(String),
    #[error("the IoU threshold must lie between 0 and 1, got {0}")]
    BadThreshold(f64),
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
    /// Krippendorff's alpha over characters for this pair; `None` when undefined.
    pub alpha_u: Option<f64>,
    /// Spans of `a` (of this label), over every document.
    pub spans_a: usize,
    /// Spans of `b` (of this label), over every document.
    pub spans_b: usize,
    /// Pairs of spans with the same start, end and label.
    pub exact_matches: usize,
    /// Pairs in the maximum overlap matching.
    pub overlap_matches: usize,
}

/// Agreement over a project.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AgreementReport {
    /// The annotators compared, in the order chosen.
    pub annotators: Vec<String>,
    /// One row per pair (in annotator order) and label (`"all"` first, then the
    /// project's labels in order).
    pub pairs: Vec<PairAgreement>,
    /// Krippendorff's alpha over characters across all the annotators, by label and `"all"`.
    pub alpha_u: BTreeMap<String, Option<f64>>,
    /// The IoU threshold of overlap matching.
    pub iou: f64,
    /// Documents compared (every document of the project).
    pub documents: usize,
    /// Tokens coded for kappa, over every document.
    pub tokens: usize,
    /// Code points coded for alpha, over every document.
    pub characters: usize,
    /// Where a figure means little, in a stable order.
    pub warnings: Vec<String>,
}

/// The layer called `name`: an annotator's, or the gold layer for `"gold"` (unless an
/// annotator has that name).
pub fn layer_named<'p>(project: &'p Project, name: &str) -> Option<&'p Layer> {
    project.named_layers_all().find(|(n, _)| *n == name).map(|(_, l)| l)
}

/// One annotator's codes over every document, concatenated in project order.
struct Coding<'p> {
    /// Spans per document, in project document order.
    spans: Vec<Vec<&'p Span>>,
    tokens_all: Vec<Option<&'p LabelId>>,
    chars_all: Vec<Option<&'p LabelId>>,
    /// Per label (project order): whether a span of that label covers the unit.
    tokens_by_label: Vec<Vec<bool>>,
    chars_by_label: Vec<Vec<bool>>,
}

fn code<'p>(project: &'p Project, tokens: &[Vec<Token>], annotator: &str) -> Coding<'p> {
    let labels = &project.labels;
    let layer = layer_named(project, annotator);
    let mut coding = Coding {
        spans: Vec::new(),
        tokens_all: Vec::new(),
        chars_all: Vec::new(),
        tokens_by_label: vec![Vec::new(); labels.len()],
        chars_by_label: vec![Vec::new(); labels.len()],
    };
    for (doc, tokens) in project.documents.iter().zip(tokens) {
        // Suggested spans are not anyone's annotation until accepted.
        let spans: Vec<&Span> = layer
            .map(|l| l.spans(&doc.id).iter().filter(|s| !s.is_suggested()).collect())
            .unwrap_or_default();
        let len = doc.text.chars().count();
        coding.tokens_all.extend(token_codes(tokens, &spans, labels));
        coding.chars_all.extend(char_codes(len, &spans, labels));
        for (i, label) in labels.iter().enumerate() {
            let of_label: Vec<&Span> = spans.iter().copied().filter(|s| s.label == label.id).collect();
            if let Some(t) = coding.tokens_by_label.get_mut(i) {
                t.extend(token_codes(tokens, &of_label, labels).iter().map(Option::is_some));
            }
            if let Some(c) = coding.chars_by_label.get_mut(i) {
                c.extend(char_codes(len, &of_label, labels).iter().map(Option::is_some));
            }
        }
        coding.spans.push(spans);
    }
    coding
}

fn f1(matches: usize, a: usize, b: usize) -> Option<f64> {
    (a + b > 0).then(|| 2.0 * matches as f64 / (a + b) as f64)
}

/// Span counts and matches between two annotators for spans passing `keep`.
fn match_counts(a: &Coding, b: &Coding, iou: f64, keep: impl Fn(&Span) -> bool) -> [usize; 4] {
    let mut counts = [0; 4];
    for (sa, sb) in a.spans.iter().zip(&b.spans) {
        let sa: Vec<&Span> = sa.iter().copied().filter(|s| keep(s)).collect();
        let sb: Vec<&Span> = sb.iter().copied().filter(|s| keep(s)).collect();
        counts[0] += sa.len();
        counts[1] += sb.len();
        counts[2] += exact_matches(&sa, &sb);
        counts[3] += overlap_matching(&sa, &sb, iou).len();
    }
    counts
}

fn pair_row(
    names: (&str, &str),
    label: &str,
    counts: [usize; 4],
    cohen_kappa: Option<f64>,
    alpha_u: Option<f64>,
) -> PairAgreement {
    let [spans_a, spans_b, exact, overlap] = counts;
    PairAgreement {
        a: names.0.to_string(),
        b: names.1.to_string(),
        label: label.to_string(),
        exact_f1: f1(exact, spans_a, spans_b),
        overlap_f1: f1(overlap, spans_a, spans_b),
        unmatched_a: spans_a.saturating_sub(overlap),
        unmatched_b: spans_b.saturating_sub(overlap),
        cohen_kappa,
        alpha_u,
        spans_a,
        spans_b,
        exact_matches: exact,
        overlap_matches: overlap,
    }
}

fn selected(project: &Project, options: &AgreementOptions) -> Result<Vec<String>, AgreementError> {
    if !(0.0..=1.0).contains(&options.iou) {
        return Err(AgreementError::BadThreshold(options.iou));
    }
    let names: Vec<String> = if options.annotators.is_empty() {
        project.annotators().map(String::from).collect()
    } else {
        options.annotators.clone()
    };
    for (i, name) in names.iter().enumerate() {
        if layer_named(project, name).is_none() {
            return Err(AgreementError::UnknownAnnotator(name.clone()));
        }
        if names.iter().take(i).any(|n| n == name) {
            return Err(AgreementError::DuplicateAnnotator(name.clone()));
        }
    }
    if names.len() < 2 {
        return Err(AgreementError::TooFewAnnotators(names.len()));
    }
    Ok(names)
}

/// Measures agreement between the chosen annotators over every document of `project`.
pub fn agreement(project: &Project, options: &AgreementOptions) -> Result<AgreementReport, AgreementError> {
    let names = selected(project, options)?;
    let tokens: Vec<Vec<Token>> = project.documents.iter().map(|d| tokenize(&d.text)).collect();
    let codings: Vec<Coding> = names.iter().map(|n| code(project, &tokens, n)).collect();
    let mut pairs = Vec::new();
    for (i, (name_a, a)) in names.iter().zip(&codings).enumerate() {
        for (name_b, b) in names.iter().zip(&codings).skip(i + 1) {
            let names = (name_a.as_str(), name_b.as_str());
            let counts = match_counts(a, b, options.iou, |_| true);
            let kappa = cohen_kappa(&a.tokens_all, &b.tokens_all);
            let alpha = nominal_alpha(&[&a.chars_all, &b.chars_all]);
            pairs.push(pair_row(names, ALL_LABELS, counts, kappa, alpha));
            let by_label = a
                .tokens_by_label
                .iter()
                .zip(&b.tokens_by_label)
                .zip(a.chars_by_label.iter().zip(&b.chars_by_label));
            for (label, ((ta, tb), (ca, cb))) in project.labels.iter().zip(by_label) {
                let counts = match_counts(a, b, options.iou, |s| s.label == label.id);
                let kappa = cohen_kappa(ta, tb);
                let alpha = nominal_alpha(&[ca, cb]);
                pairs.push(pair_row(names, label.id.as_str(), counts, kappa, alpha));
            }
        }
    }
    let mut alpha_u = BTreeMap::new();
    let all: Vec<&[Option<&LabelId>]> = codings.iter().map(|c| c.chars_all.as_slice()).collect();
    alpha_u.insert(ALL_LABELS.to_string(), nominal_alpha(&all));
    for (i, label) in project.labels.iter().enumerate() {
        let coders: Vec<&[bool]> =
            codings.iter().filter_map(|c| c.chars_by_label.get(i).map(Vec::as_slice)).collect();
        alpha_u.insert(label.id.0.clone(), nominal_alpha(&coders));
    }
    let mut report = AgreementReport {
        annotators: names,
        pairs,
        alpha_u,
        iou: options.iou,
        documents: project.documents.len(),
        tokens: codings.first().map_or(0, |c| c.tokens_all.len()),
        characters: codings.first().map_or(0, |c| c.chars_all.len()),
        warnings: Vec::new(),
    };
    report.warnings = super::warnings::warnings(project, &report);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharRange, DocId, Document, SpanId, Timestamp};

    fn span(id: u64, start: usize, end: usize, label: &str) -> Span {
        Span::new(SpanId(id), CharRange::new(start, end), LabelId::new(label), "", Timestamp(0))
    }

    // Text: tokens قتل 0..3, 12 4..6, مدنياً 7..13, اليوم 14..19 (19 code points).
    const TEXT: &str = "قتل 12 مدنياً اليوم";

    fn project(layers: &[(&str, Vec<Span>)]) -> Project {
        let mut p = Project::new("t");
        let doc = Document::new(DocId::new("d1"), "d1.txt", TEXT.into());
        for (name, spans) in layers {
            p.layers.entry((*name).into()).or_default().doc_mut(&doc).spans = spans.clone();
        }
        p.documents.push(doc);
        p
    }

    fn row<'r>(report: &'r AgreementReport, a: &str, b: &str, label: &str) -> &'r PairAgreement {
        report.pairs.iter().find(|r| r.a == a && r.b == b && r.label == label).unwrap()
    }

    fn close(x: Option<f64>, expected: f64) -> bool {
        x.is_some_and(|x| (x - expected).abs() < 1e-12)
    }

    fn amal() -> Vec<Span> {
        vec![span(1, 0, 13, "claim"), span(2, 4, 13, "figure")]
    }

    #[test]
    fn hand_worked_pair() {
        let p =
            project(&[("amal", amal()), ("omar", vec![span(1, 0, 13, "claim"), span(2, 4, 6, "figure")])]);
        let report = agreement(&p, &AgreementOptions::default()).unwrap();
        let all = row(&report, "amal", "omar", "all");
        // Exact: the claims match, the figures do not: 2 x 1 / (2 + 2) = 0.5.
        // Overlap: figure 4..13 vs 4..6 has IoU 2/9 < 0.5, so the same; one unmatched each.
        assert!(close(all.exact_f1, 0.5) && close(all.overlap_f1, 0.5));
        assert_eq!((all.unmatched_a, all.unmatched_b), (1, 1));
        // Tokens: the claim (longest) wins tokens 0..3 for both; token 3 is O: identical,
        // with variation, so kappa = 1. Characters likewise: alpha = 1.
        assert!(close(all.cohen_kappa, 1.0) && close(all.alpha_u, 1.0));
        let figure = row(&report, "amal", "omar", "figure");
        // Figure tokens: amal [O F F O], omar [O F O O]: p_o = 3/4,
        // p_e = (2x1 + 2x3) / 16 = 1/2, kappa = (3/4 - 1/2) / (1/2) = 1/2.
        assert!(close(figure.cohen_kappa, 0.5));
        // Figure characters: amal 9 (4..13), omar 2 (4..6); 7 disagree. n = 38,
        // D = 7 x 2 = 14, E = 38^2 - (11^2 + 27^2) = 594: alpha = 1 - 37 x 14 / 594 = 76/594.
        assert!(close(figure.alpha_u, 76.0 / 594.0));
        assert!(close(report.alpha_u.get("figure").copied().flatten(), 76.0 / 594.0));
        assert!(close(report.alpha_u.get("all").copied().flatten(), 1.0));
        // Nobody used denial: every figure is undefined.
        let denial = row(&report, "amal", "omar", "denial");
        assert_eq!((denial.exact_f1, denial.cohen_kappa, denial.alpha_u), (None, None, None));
        assert!(report.warnings.iter().any(|w| w.contains("no denial spans")));
        assert!(report.warnings.iter().any(|w| w.contains("fewer than 10")));

        // A lower threshold lets the figures match: IoU 2/9 >= 0.2.
        let loose = agreement(&p, &AgreementOptions { iou: 0.2, ..Default::default() }).unwrap();
        let all = row(&loose, "amal", "omar", "all");
        assert!(close(all.overlap_f1, 1.0) && close(all.exact_f1, 0.5));
        assert_eq!((all.unmatched_a, all.unmatched_b), (0, 0));
    }

    #[test]
    fn identical_layers_agree_perfectly() {
        let p = project(&[("amal", amal()), ("omar", amal())]);
        let report = agreement(&p, &AgreementOptions::default()).unwrap();
        for label in ["all", "claim", "figure"] {
            let r = row(&report, "amal", "omar", label);
            assert!(close(r.exact_f1, 1.0) && close(r.overlap_f1, 1.0), "{label}");
            assert!(close(r.cohen_kappa, 1.0) && close(r.alpha_u, 1.0), "{label}");
            assert_eq!((r.unmatched_a, r.unmatched_b), (0, 0));
        }
    }

    #[test]
    fn empty_layers() {
        let p = project(&[("amal", amal()), ("omar", vec![]), ("sara", vec![])]);
        let report = agreement(&p, &AgreementOptions::default()).unwrap();
        let r = row(&report, "amal", "omar", "all");
        // No matches against an empty layer: F1 = 0, every span of amal unmatched.
        assert!(close(r.exact_f1, 0.0) && close(r.overlap_f1, 0.0));
        assert_eq!((r.unmatched_a, r.unmatched_b), (2, 0));
        // Tokens amal [C C C O], omar [O O O O]: p_o = 1/4, p_e = (1 x 4) / 16 = 1/4: kappa 0.
        assert!(close(r.cohen_kappa, 0.0));
        // Two empty layers: nothing to compare, every figure undefined.
        let r = row(&report, "omar", "sara", "all");
        assert_eq!((r.exact_f1, r.overlap_f1, r.cohen_kappa, r.alpha_u), (None, None, None, None));
        assert_eq!((r.unmatched_a, r.unmatched_b), (0, 0));
        assert!(report.warnings.iter().any(|w| w.starts_with("omar has no spans")));
        assert!(report.warnings.iter().any(|w| w.contains("only one of them")));
    }

    #[test]
    fn a_dominant_label_is_flagged() {
        let claims: Vec<Span> = (0..5).map(|i| span(i, i as usize, i as usize + 1, "claim")).collect();
        let p = project(&[("amal", claims.clone()), ("omar", claims)]);
        let report = agreement(&p, &AgreementOptions::default()).unwrap();
        assert!(report.warnings.iter().any(|w| w.starts_with("label claim makes up 100%")));
    }

    #[test]
    fn an_annotator_can_be_compared_with_the_gold_layer() {
        let mut p = project(&[("amal", amal()), ("omar", vec![])]);
        let doc = p.documents[0].clone();
        p.gold.doc_mut(&doc).spans = amal();
        let options = AgreementOptions { annotators: vec!["gold".into(), "amal".into()], iou: 0.5 };
        let report = agreement(&p, &options).unwrap();
        let all = row(&report, "gold", "amal", "all");
        assert!(close(all.exact_f1, 1.0) && close(all.cohen_kappa, 1.0) && close(all.alpha_u, 1.0));
    }

    #[test]
    fn bad_options_are_errors() {
        let p = project(&[("amal", amal()), ("omar", vec![])]);
        let with = |names: &[&str], iou: f64| AgreementOptions {
            annotators: names.iter().map(|n| n.to_string()).collect(),
            iou,
        };
        assert_eq!(
            agreement(&p, &with(&["amal", "zaid"], 0.5)),
            Err(AgreementError::UnknownAnnotator("zaid".into()))
        );
        assert_eq!(agreement(&p, &with(&["amal"], 0.5)), Err(AgreementError::TooFewAnnotators(1)));
        assert_eq!(
            agreement(&p, &with(&["amal", "amal"], 0.5)),
            Err(AgreementError::DuplicateAnnotator("amal".into()))
        );
        assert_eq!(agreement(&p, &with(&[], 1.5)), Err(AgreementError::BadThreshold(1.5)));
        let report = agreement(&p, &with(&["omar", "amal"], 0.5)).unwrap();
        assert_eq!(report.annotators, ["omar", "amal"]);
        assert_eq!(report.pairs.len(), 4, "all + three labels");
    }
}
