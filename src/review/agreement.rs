//! Agreement between annotators: per pair of annotators and per label (and over all
//! labels), exact-match F1, overlap F1, unmatched counts, Cohen's kappa over tokens,
//! Krippendorff's unitizing alpha (continuum form) and nominal alpha over characters;
//! per document; with warnings where a figure means little.
//!
//! A pair is compared over the documents both worked on (marked done, or with a span of
//! theirs; see `scope`), the figures across all the chosen annotators over those every
//! one of them worked on, so a document someone never touched changes nothing.
//! docs/agreement.md defines each figure.

use super::continuum;
use super::counts::CodeCounts;
use super::matching::{exact_matches, overlap_matching};
use super::per_document::per_document;
use super::report::{
    ALL_LABELS, AgreementReport, DocumentAgreement, FigureValueAgreement, PairAgreement, RelationAgreement,
    layer_named,
};
use super::scope;
use super::tally::{Tally, of_label, own_spans, tally};
use crate::model::{Label, Layer, Project, Span};
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

/// Adds two annotators' span counts and matches on one document: over all labels into
/// `matches[0]`, per label (project order) into the rest.
fn add_matches(matches: &mut [[usize; 4]], a: &[&Span], b: &[&Span], labels: &[Label], iou: f64) {
    let add = |counts: &mut [usize; 4], sa: &[&Span], sb: &[&Span]| {
        counts[0] += sa.len();
        counts[1] += sb.len();
        counts[2] += exact_matches(sa, sb);
        counts[3] += overlap_matching(sa, sb, iou).len();
    };
    let (all, by_label) = matches.split_at_mut(1);
    if let Some(counts) = all.first_mut() {
        add(counts, a, b);
    }
    for (label, counts) in labels.iter().zip(by_label) {
        add(counts, &of_label(a, &label.id), &of_label(b, &label.id));
    }
}

fn f1(matches: usize, a: usize, b: usize) -> Option<f64> {
    (a + b > 0).then(|| 2.0 * matches as f64 / (a + b) as f64)
}

fn pair_row(
    names: (&str, &str),
    label: &str,
    documents: usize,
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
        documents,
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

/// What is measured on the spans themselves rather than on coded units: per pair, link
/// and figure-value agreement and unitizing alpha (over all labels, then per label);
/// across everyone, unitizing alpha per label and the spans its overlap rule left out;
/// and the per-document rows.
struct SpanMeasures {
    relations: Vec<RelationAgreement>,
    figure_values: Vec<FigureValueAgreement>,
    /// Per pair (in the order of [`pairs_of`]): alpha_u over all labels, then per label.
    pair_alpha_u: Vec<Vec<Option<f64>>>,
    /// Per pair, over all labels then per label: spans of a, spans of b, exact and
    /// overlap matches.
    pair_matches: Vec<Vec<[usize; 4]>>,
    alpha_u: BTreeMap<String, Option<f64>>,
    dropped: Vec<(String, String, usize)>,
    documents_compared: usize,
    per_document: Vec<DocumentAgreement>,
}

/// Every pair of the `n` chosen annotators, `(i, j)` with `i < j`, in order.
fn pairs_of(n: usize) -> Vec<[usize; 2]> {
    (0..n).flat_map(|i| (i + 1..n).map(move |j| [i, j])).collect()
}

fn span_measures(project: &Project, names: &[&str], worked: &[Vec<bool>], iou: f64) -> SpanMeasures {
    let (mut relations, mut figure_values) = (Vec::new(), Vec::new());
    let (mut pair_alpha_u, mut pair_matches) = (Vec::new(), Vec::new());
    let layers: Vec<Option<&Layer>> = names.iter().map(|n| layer_named(project, n)).collect();
    let mut last_study = None;
    for [i, j] in pairs_of(names.len()) {
        let (Some(&a), Some(&b)) = (names.get(i), names.get(j)) else { continue };
        let (documents, _) = scope::shared(project, worked, &[i, j]);
        let mut matches = vec![[0; 4]; project.labels.len() + 1];
        let (layer_a, layer_b) = (layers.get(i).copied().flatten(), layers.get(j).copied().flatten());
        for doc in &documents {
            let (sa, sb) = (own_spans(layer_a, doc), own_spans(layer_b, doc));
            add_matches(&mut matches, &sa, &sb, &project.labels, iou);
        }
        pair_matches.push(matches);
        let (rows, figures) = super::relations::relation_agreement(project, a, b, iou, &documents);
        relations.extend(rows);
        figure_values.push(figures);
        let study = continuum::study(project, &[a, b], &documents);
        let unitizing = study.figures();
        let mut alphas = vec![unitizing.alpha()];
        alphas.extend(project.labels.iter().map(|label| unitizing.category_alpha(&&&label.id)));
        pair_alpha_u.push(alphas);
        drop(unitizing);
        last_study = Some(study);
    }
    let everyone: Vec<usize> = (0..names.len()).collect();
    let (documents, _) = scope::shared(project, worked, &everyone);
    // With two annotators, everyone is the one pair, whose study is made already.
    let study = match last_study {
        Some(study) if names.len() == 2 => study,
        _ => continuum::study(project, names, &documents),
    };
    let unitizing = study.figures();
    SpanMeasures {
        relations,
        figure_values,
        pair_alpha_u,
        pair_matches,
        alpha_u: continuum::alpha_by_label(project, &unitizing),
        dropped: continuum::dropped(&unitizing, names),
        documents_compared: documents.len(),
        per_document: per_document(project, names, worked, iou),
    }
}

/// Measures agreement between the chosen annotators: each pair over the documents both
/// worked on, the figures across all of them over the documents every one worked on
/// (see `scope`).
///
/// The coded units (tokens, characters) are counted on one thread while the spans are
/// measured on another; both are sums and lists in a fixed order, so the report is the
/// same however the threads run.
pub fn agreement(project: &Project, options: &AgreementOptions) -> Result<AgreementReport, AgreementError> {
    let names = selected(project, options)?;
    let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let worked = scope::worked(project, &name_refs);
    let labels = project.labels.len();
    // One tally per pair, then one across everyone (the only pair's, for two).
    let mut tallies: Vec<Tally> =
        pairs_of(names.len()).into_iter().map(|p| Tally::new(p.to_vec(), labels)).collect();
    if names.len() > 2 {
        tallies.push(Tally::new((0..names.len()).collect(), labels));
    }
    let spans = std::thread::scope(|threads| {
        let spans = threads.spawn(|| span_measures(project, &name_refs, &worked, options.iou));
        tally(project, &names, &worked, &mut tallies);
        spans.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    });
    let mut pairs = Vec::new();
    let measured = spans.pair_alpha_u.iter().zip(&spans.pair_matches);
    for (pair, (alpha_u, matches)) in tallies.iter().filter(|t| t.coders.len() == 2).zip(measured) {
        let [i, j] = pair.coders.as_slice() else { continue };
        let (Some(&a), Some(&b)) = (name_refs.get(*i), name_refs.get(*j)) else { continue };
        let kappas = std::iter::once(&pair.tokens).chain(&pair.tokens_by_label).map(CodeCounts::kappa);
        let alpha_chars = std::iter::once(&pair.chars).chain(&pair.chars_by_label).map(CodeCounts::alpha);
        let label_ids = std::iter::once(ALL_LABELS).chain(project.labels.iter().map(|l| l.id.as_str()));
        let rows = label_ids.zip(matches).zip(kappas.zip(alpha_chars)).zip(alpha_u);
        for (((label, counts), (kappa, alpha_chars)), alpha_u) in rows {
            pairs.push(pair_row((a, b), label, pair.documents, *counts, kappa, [*alpha_u, alpha_chars]));
        }
    }
    let Some(everyone) = tallies.last() else { return Err(AgreementError::TooFewAnnotators(names.len())) };
    let mut alpha_chars = BTreeMap::from([(ALL_LABELS.to_string(), everyone.chars.alpha())]);
    for (label, chars) in project.labels.iter().zip(&everyone.chars_by_label) {
        alpha_chars.insert(label.id.0.to_string(), chars.alpha());
    }
    let mut report = AgreementReport {
        pairs,
        alpha_u: spans.alpha_u,
        alpha_chars,
        per_document: spans.per_document,
        iou: options.iou,
        documents: project.documents.len(),
        documents_compared: spans.documents_compared,
        tokens: usize::try_from(everyone.tokens.units()).unwrap_or(usize::MAX),
        characters: usize::try_from(everyone.chars.units()).unwrap_or(usize::MAX),
        warnings: Vec::new(),
        annotators: names,
        relations: spans.relations,
        figure_values: spans.figure_values,
    };
    report.warnings = super::warnings::warnings(project, &report, &worked, &spans.dropped);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharRange, DocId, Document, LabelId, SpanId, Timestamp};

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
        assert!(report.warnings.iter().any(|w| w.text.contains("no denial spans")));
        assert!(report.warnings.iter().any(|w| w.text.contains("fewer than 10")));

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
        let mut p = project(&[("amal", amal()), ("omar", vec![]), ("sara", vec![])]);
        // omar read the document and marked it done with nothing in it; sara never opened it.
        let done = p.document_mut(&DocId::new("d1")).unwrap();
        done.status.insert("omar".into(), crate::model::Status::Done);
        let report = agreement(&p, &AgreementOptions::default()).unwrap();
        let r = row(&report, "amal", "omar", "all");
        assert_eq!(r.documents, 1);
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
        assert!(report.warnings.iter().any(|w| w.text.starts_with("omar has no spans")));
        assert!(report.warnings.iter().any(|w| w.text.contains("only one of them")));
        // sara never worked on d1: her pairs are compared over no document.
        assert_eq!(row(&report, "amal", "sara", "all").documents, 0);
        assert_eq!(row(&report, "amal", "sara", "all").exact_f1, None);
        assert_eq!(report.documents_compared, 0);
        let codes: Vec<&str> = report.warnings.iter().map(|w| w.code).collect();
        assert!(codes.contains(&"no_spans") && codes.contains(&"documents_left_out"), "{codes:?}");
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
            report.warnings.iter().any(|w| w.text.starts_with("amal: 1 claim span overlaps")),
            "{:?}",
            report.warnings
        );
    }

    #[test]
    fn a_dominant_label_is_flagged() {
        let claims: Vec<Span> = (0..5).map(|i| span(i, i as usize, i as usize + 1, "claim")).collect();
        let p = project(&[("amal", claims.clone()), ("omar", claims)]);
        let report = agreement(&p, &AgreementOptions::default()).unwrap();
        assert!(report.warnings.iter().any(|w| w.text.starts_with("label claim makes up 100%")));
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
