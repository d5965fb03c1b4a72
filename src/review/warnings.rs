//! Warnings where an agreement figure means little, in the spirit of INCEpTION's:
//! empty layers, too few spans, one label dominating, undefined figures, documents
//! only one annotator worked on (left out of the pair's figures), and overlapping spans
//! that alpha_u leaves out. Each carries a stable code ([`WarningCode`]).
//!
//! It reads a finished report (from `report`); it does not measure anything itself.

use super::report::{
    ALL_LABELS, AgreementReport, DOMINANT_SHARE, MIN_SPANS, Warning, WarningCode, layer_named,
};
use crate::model::Project;
use std::collections::BTreeMap;

/// The warnings for `report`, computed over `project`, in a stable order. `worked[a][d]`
/// says whether annotator `a` of the report worked on document `d`; `dropped` lists
/// `(annotator, label, count)` of spans alpha_u left out by its overlap rule.
pub fn warnings(
    project: &Project,
    report: &AgreementReport,
    worked: &[Vec<bool>],
    dropped: &[(String, String, usize)],
) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut warn = |code: WarningCode, text: String| out.push(Warning::new(code, text));
    for name in &report.annotators {
        if layer_named(project, name).is_none_or(|l| l.span_count() == 0) {
            warn(
                WarningCode::NoSpans,
                format!("{name} has no spans: every figure involving {name} means little"),
            );
        }
    }
    let mut by_label: BTreeMap<&str, usize> = BTreeMap::new();
    let mut total = 0;
    for name in &report.annotators {
        for span in
            layer_named(project, name).into_iter().flat_map(|l| l.docs.values()).flat_map(|d| &d.spans)
        {
            *by_label.entry(span.label.as_str()).or_default() += 1;
            total += 1;
        }
    }
    if let Some((label, count)) = by_label.iter().max_by_key(|(_, c)| **c)
        && total > 0
        && *count as f64 / total as f64 > DOMINANT_SHARE
    {
        let share = 100.0 * *count as f64 / total as f64;
        warn(
            WarningCode::DominantLabel,
            format!(
                "label {label} makes up {share:.0}% of all spans: the \"{ALL_LABELS}\" figures mostly reflect it"
            ),
        );
    }
    for pair in &report.pairs {
        let (a, b, label) = (&pair.a, &pair.b, &pair.label);
        let spans = pair.spans_a + pair.spans_b;
        if spans == 0 {
            if label != ALL_LABELS {
                warn(
                    WarningCode::UnusedLabel,
                    format!("{a} and {b}: no {label} spans, so its figures are undefined"),
                );
            }
        } else if spans < MIN_SPANS {
            warn(
                WarningCode::FewSpans,
                format!(
                    "{a} and {b}, {label}: only {spans} spans between them (fewer than {MIN_SPANS}); the figures mean little"
                ),
            );
        } else if pair.cohen_kappa.is_none() || pair.alpha_u.is_none() || pair.alpha_chars.is_none() {
            warn(
                WarningCode::UndefinedFigure,
                format!("{a} and {b}, {label}: kappa or alpha is undefined (no variation in the codes)"),
            );
        }
    }
    for (i, a) in report.annotators.iter().enumerate() {
        for (j, b) in report.annotators.iter().enumerate().skip(i + 1) {
            let (wa, wb) = (worked.get(i), worked.get(j));
            let one_sided = (0..project.documents.len())
                .filter(|&d| {
                    let did = |w: Option<&Vec<bool>>| w.and_then(|w| w.get(d)).copied().unwrap_or(false);
                    did(wa) != did(wb)
                })
                .count();
            if one_sided > 0 {
                let documents = if one_sided == 1 { "document was" } else { "documents were" };
                warn(
                    WarningCode::DocumentsLeftOut,
                    format!(
                        "{a} and {b}: {one_sided} {documents} worked on by only one of them and left out of their figures"
                    ),
                );
            }
        }
    }
    for (label, alpha) in &report.alpha_u {
        if alpha.is_none() {
            warn(
                WarningCode::AlphaUndefined,
                format!("alpha_u for {label} is undefined (no annotator used it)"),
            );
        }
    }
    for (name, label, count) in dropped {
        let spans = if *count == 1 { "span overlaps" } else { "spans overlap" };
        warn(
            WarningCode::OverlappingSpans,
            format!(
                "{name}: {count} {label} {spans} an earlier or longer {label} span of theirs; alpha_u leaves them out (the earliest, then the longest, counts)"
            ),
        );
    }
    out
}
