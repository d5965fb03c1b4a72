//! Agreement between annotators: per pair of annotators and per label (and over all
//! labels), exact-match F1, overlap F1, unmatched counts, Cohen's kappa over tokens,
//! Krippendorff's unitizing alpha (continuum form) and nominal alpha over characters;
//! per document; with warnings where a figure means little.
//!
//! Every document of the project counts; an annotator with no spans on a document is
//! taken to have marked nothing there. docs/agreement.md defines each figure.

use super::alpha::{BinaryCounts, nominal_alpha};
use super::coding::{char_codes, token_codes};
use super::continuum;
use super::kappa::cohen_kappa;
use super::matching::{exact_matches, overlap_matching};
use super::per_document::per_document;
use super::report::{ALL_LABELS, AgreementReport, PairAgreement, layer_named};
use crate::model::tokens::tokenize;
use crate::model::{Document, LabelId, Project, Span};
use std::collections::BTreeMap;

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

/// One annotator's codes over every document, concatenated in project order. A unit's
/// label is held as its place in the project's label list plus one (0: no label): two
/// bytes a character rather than a pointer, over tens of millions of characters.
struct Coding<'p> {
    /// Spans per document, in project document order.
    spans: Vec<Vec<&'p Span>>,
    tokens_all: Vec<u16>,
    chars_all: Vec<u16>,
    /// Per label (project order): whether a span of that label covers the token.
    tokens_by_label: Vec<Vec<bool>>,
}

/// Every annotator's codes, document by document: each text is tokenized once, and its
/// tokens dropped once coded (the tokens of a whole project would take about as much memory
/// as its text again).
fn code<'p>(project: &'p Project, annotators: &[String]) -> Vec<Coding<'p>> {
    let labels = &project.labels;
    let layers: Vec<_> = annotators.iter().map(|a| layer_named(project, a)).collect();
    let mut codings: Vec<Coding> = layers
        .iter()
        .map(|_| Coding {
            spans: Vec::new(),
            tokens_all: Vec::new(),
            chars_all: Vec::new(),
            tokens_by_label: vec![Vec::new(); labels.len()],
        })
        .collect();
    for doc in &project.documents {
        let tokens = tokenize(&doc.text);
        let len = doc.text.chars().count();
        for (coding, layer) in codings.iter_mut().zip(&layers) {
            // Suggested spans are not anyone's annotation until accepted.
            let spans: Vec<&Span> = layer
                .map(|l| l.spans(&doc.id).iter().filter(|s| !s.is_suggested()).collect())
                .unwrap_or_default();
            coding.tokens_all.extend(compact(labels, token_codes(&tokens, &spans, labels)));
            coding.chars_all.extend(compact(labels, char_codes(len, &spans, labels)));
            for (label, by_label) in labels.iter().zip(coding.tokens_by_label.iter_mut()) {
                let of_label: Vec<&Span> = spans.iter().copied().filter(|s| s.label == label.id).collect();
                by_label.extend(token_codes(&tokens, &of_label, labels).iter().map(Option::is_some));
            }
            coding.spans.push(spans);
        }
    }
    codings
}

/// Per label (project order), whether each annotator's spans of the label cover each
/// character, counted document by document for nominal alpha over characters.
fn label_coverings(project: &Project, codings: &[Coding]) -> Vec<BinaryCounts> {
    let labels = &project.labels;
    let mut counts = vec![BinaryCounts::new(codings.len()); labels.len()];
    for (d, doc) in project.documents.iter().enumerate() {
        let spans: Vec<&[&Span]> =
            codings.iter().map(|c| c.spans.get(d).map(Vec::as_slice).unwrap_or_default()).collect();
        let len = doc.text.chars().count();
        for (label, counts) in labels.iter().zip(counts.iter_mut()) {
            let of_label: Vec<Vec<&Span>> =
                spans.iter().map(|s| s.iter().copied().filter(|s| s.label == label.id).collect()).collect();
            if of_label.iter().all(Vec::is_empty) {
                counts.add_blank(len);
                continue;
            }
            let marks: Vec<Vec<bool>> = of_label
                .iter()
                .map(|s| char_codes(len, s, labels).iter().map(Option::is_some).collect())
                .collect();
            counts.add(&marks);
        }
    }
    counts
}

/// Each unit's label as its place in `labels` plus one; 0 for none (a label not in the
/// project, which a valid project has not, comes one past the last place). Units of one
/// span follow each other, so the last label's place is kept.
fn compact<'s, 'l>(
    labels: &'l [crate::model::Label],
    codes: Vec<Option<&'s LabelId>>,
) -> impl Iterator<Item = u16> + use<'s, 'l> {
    let mut last: Option<(&LabelId, u16)> = None;
    codes.into_iter().map(move |code| {
        let Some(id) = code else { return 0 };
        if let Some((seen, place)) = last
            && std::ptr::eq(seen, id)
        {
            return place;
        }
        let place = labels.iter().position(|l| &l.id == id).unwrap_or(labels.len());
        let place = u16::try_from(place + 1).unwrap_or(u16::MAX);
        last = Some((id, place));
        place
    })
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
    [alpha_u, alpha_chars]: [Option<f64>; 2],
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
        alpha_chars,
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
    let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let documents: Vec<&Document> = project.documents.iter().map(|d| &**d).collect();
    let codings = code(project, &names);
    let coverings = label_coverings(project, &codings);
    let mut pairs = Vec::new();
    let (mut relations, mut figure_values) = (Vec::new(), Vec::new());
    for (i, (name_a, a)) in names.iter().zip(&codings).enumerate() {
        for (j, (name_b, b)) in names.iter().zip(&codings).enumerate().skip(i + 1) {
            let names = (name_a.as_str(), name_b.as_str());
            let (rows, figures) =
                super::relations::relation_agreement(project, names.0, names.1, options.iou);
            relations.extend(rows);
            figure_values.push(figures);
            let study = continuum::study(project, &[names.0, names.1], &documents);
            let counts = match_counts(a, b, options.iou, |_| true);
            let kappa = cohen_kappa(&a.tokens_all, &b.tokens_all);
            let alphas = [study.alpha(), nominal_alpha(&[&a.chars_all, &b.chars_all])];
            pairs.push(pair_row(names, ALL_LABELS, counts, kappa, alphas));
            let by_label = a.tokens_by_label.iter().zip(&b.tokens_by_label).zip(&coverings);
            for (label, ((ta, tb), chars)) in project.labels.iter().zip(by_label) {
                let counts = match_counts(a, b, options.iou, |s| s.label == label.id);
                let kappa = cohen_kappa(ta, tb);
                let alphas = [study.category_alpha(&&label.id), chars.alpha(&[i, j])];
                pairs.push(pair_row(names, label.id.as_str(), counts, kappa, alphas));
            }
        }
    }
    let mut alpha_chars = BTreeMap::new();
    let all: Vec<&[u16]> = codings.iter().map(|c| c.chars_all.as_slice()).collect();
    alpha_chars.insert(ALL_LABELS.to_string(), nominal_alpha(&all));
    let everyone: Vec<usize> = (0..codings.len()).collect();
    for (label, chars) in project.labels.iter().zip(&coverings) {
        alpha_chars.insert(label.id.0.to_string(), chars.alpha(&everyone));
    }
    let study = continuum::study(project, &name_refs, &documents);
    let dropped = continuum::dropped(&study, &name_refs);
    let mut report = AgreementReport {
        pairs,
        alpha_u: continuum::alpha_by_label(project, &study),
        alpha_chars,
        per_document: per_document(project, &name_refs, options.iou),
        iou: options.iou,
        documents: project.documents.len(),
        tokens: codings.first().map_or(0, |c| c.tokens_all.len()),
        characters: codings.first().map_or(0, |c| c.chars_all.len()),
        warnings: Vec::new(),
        annotators: names,
        relations,
        figure_values,
    };
    report.warnings = super::warnings::warnings(project, &report, &dropped);
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
        p.push_document(doc);
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
        // with variation, so kappa = 1. Characters likewise: alpha_chars = 1.
        assert!(close(all.cohen_kappa, 1.0) && close(all.alpha_chars, 1.0));
        let figure = row(&report, "amal", "omar", "figure");
        // Figure tokens: amal [O F F O], omar [O F O O]: p_o = 3/4,
        // p_e = (2x1 + 2x3) / 16 = 1/2, kappa = (3/4 - 1/2) / (1/2) = 1/2.
        assert!(close(figure.cohen_kappa, 0.5));
        // Figure characters: amal 9 (4..13), omar 2 (4..6); 7 disagree. n = 38,
        // D = 7 x 2 = 14, E = 38^2 - (11^2 + 27^2) = 594: alpha = 1 - 37 x 14 / 594 = 76/594.
        assert!(close(figure.alpha_chars, 76.0 / 594.0));
        assert!(close(report.alpha_chars.get("figure").copied().flatten(), 76.0 / 594.0));
        assert!(close(report.alpha_chars.get("all").copied().flatten(), 1.0));
        // alpha_u, L = 19, m = 2. Figure: units 4..13 and 4..6 overlap: δ² = 0² + 7² = 49,
        // D_o = 2 x 49 / (2 x 19²) = 49/361. Gaps 4, 6 (amal) and 4, 13 (omar).
        // D_e numerator: unit 9: 1 x 9x8x17/3 + 81 x (13-9+1) = 408 + 405; unit 2:
        // 1 x 2x1x3/3 + 4 x (3+3+5+12) = 2 + 92; total 907; denominator 38x37 - (72+2) = 1332:
        // D_e = 2 x 907 / (19 x 1332).
        let (observed, expected_figure) = (49.0 / 361.0, 1814.0 / 25308.0);
        assert!(close(figure.alpha_u, 1.0 - observed / expected_figure));
        // Claim: the same unit 0..13 on both sides: D_o = 0, alpha 1; D_e numerator
        // 2 x 13x12x25/3 = 2600 (no gap fits 13), denominator 1406 - 2 x 156 = 1094.
        let expected_claim = 5200.0 / (19.0 * 1094.0);
        assert!(close(row(&report, "amal", "omar", "claim").alpha_u, 1.0));
        // all: 1 - Σ D_o / Σ D_e, not the mean of the labels' alphas.
        let all_u = 1.0 - observed / (expected_figure + expected_claim);
        assert!(close(all.alpha_u, all_u));
        assert!(close(report.alpha_u.get("all").copied().flatten(), all_u));
        assert!(close(report.alpha_u.get("figure").copied().flatten(), 1.0 - observed / expected_figure));
        // Nobody used denial: every figure is undefined.
        let denial = row(&report, "amal", "omar", "denial");
        assert_eq!(
            (denial.exact_f1, denial.cohen_kappa, denial.alpha_u, denial.alpha_chars),
            (None, None, None, None)
        );
        assert_eq!(report.alpha_u.get("denial"), Some(&None));
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
            assert!(
                close(r.cohen_kappa, 1.0) && close(r.alpha_u, 1.0) && close(r.alpha_chars, 1.0),
                "{label}"
            );
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
        assert_eq!(
            (r.exact_f1, r.overlap_f1, r.cohen_kappa, r.alpha_u, r.alpha_chars),
            (None, None, None, None, None)
        );
        assert_eq!((r.unmatched_a, r.unmatched_b), (0, 0));
        assert!(report.warnings.iter().any(|w| w.starts_with("omar has no spans")));
        assert!(report.warnings.iter().any(|w| w.contains("only one of them")));
    }

    #[test]
    fn overlapping_spans_of_one_label_are_left_out_of_alpha_u_with_a_warning() {
        // amal's second claim 4..6 lies inside her claim 0..13: alpha_u keeps 0..13 only,
        // so against omar's single claim 0..13 it is 1.
        let p = project(&[
            ("amal", vec![span(1, 0, 13, "claim"), span(2, 4, 6, "claim")]),
            ("omar", vec![span(1, 0, 13, "claim")]),
        ]);
        let report = agreement(&p, &AgreementOptions::default()).unwrap();
        assert!(close(row(&report, "amal", "omar", "claim").alpha_u, 1.0));
        assert!(
            report.warnings.iter().any(|w| w.starts_with("amal: 1 claim span overlaps")),
            "{:?}",
            report.warnings
        );
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
