//! A project's documents as one continuum for Krippendorff's unitizing alpha: the
//! documents are laid end to end in the order given, every code point a position,
//! every annotator a rater and every span a unit of its label.
//!
//! Laying them end to end is how the method takes several texts (one continuum, one
//! `L`): the observed disagreement is then the sum of each document's, since units
//! never cross a document boundary, and the expected disagreement counts every unit
//! and gap of the whole. A gap that ends one document and the gap that starts the next
//! are one gap of the continuum.

use super::report::ALL_LABELS;
use super::report::layer_named;
use super::unitizing::{Figures, Study};
use crate::model::{Document, LabelId, Project};
use std::collections::BTreeMap;

/// The study of `annotators` (raters, in this order) over `documents` laid end to end;
/// suggested spans are left out.
pub fn study<'p>(
    project: &'p Project,
    annotators: &[&str],
    documents: &[&'p Document],
) -> Study<&'p LabelId> {
    let lengths: Vec<u64> = documents.iter().map(|d| d.text.chars().count() as u64).collect();
    let mut study = Study::new(annotators.len(), lengths.iter().sum());
    for (rater, name) in annotators.iter().enumerate() {
        let Some(layer) = layer_named(project, name) else { continue };
        let mut offset = 0;
        for (doc, length) in documents.iter().zip(&lengths) {
            // Suggestions are nobody's judgement yet: agreement never counts them.
            for span in layer.spans(&doc.id).iter().filter(|s| !s.is_suggested()) {
                let start = offset + span.start.0 as u64;
                study.add(rater, start, span.range().len() as u64, &span.label);
            }
            offset += length;
        }
    }
    study
}

/// Alpha over every label (`"all"`) and per label of the project, keyed by label id, from
/// a study's [`figures`](Study::figures).
pub fn alpha_by_label(project: &Project, figures: &Figures<&&LabelId>) -> BTreeMap<String, Option<f64>> {
    let mut out = BTreeMap::from([(ALL_LABELS.to_string(), figures.alpha())]);
    for label in &project.labels {
        out.insert(label.id.0.to_string(), figures.category_alpha(&&&label.id));
    }
    out
}

/// Spans the overlap rule left out: `(annotator, label, how many)`, in order.
pub fn dropped(figures: &Figures<&&LabelId>, annotators: &[&str]) -> Vec<(String, String, usize)> {
    figures
        .dropped
        .iter()
        .filter_map(|((rater, label), n)| {
            Some((annotators.get(*rater)?.to_string(), label.0.to_string(), *n))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharRange, DocId, Origin, Span, SpanId, Timestamp};

    fn span(start: usize, end: usize, label: &str) -> Span {
        Span::new(SpanId(start as u64), CharRange::new(start, end), LabelId::new(label), "", Timestamp(0))
    }

    #[test]
    fn documents_are_laid_end_to_end() {
        let mut p = Project::new("t");
        let d1 = Document::new(DocId::new("d1"), "d1", "abcdefghij".into());
        let d2 = Document::new(DocId::new("d2"), "d2", "klmnopqrst".into());
        p.layers.entry("amal".into()).or_default().doc_mut(&d1).spans = vec![span(2, 5, "claim")];
        p.layers.entry("amal".into()).or_default().doc_mut(&d2).spans = vec![span(0, 4, "claim")];
        let mut suggested = span(5, 9, "claim");
        suggested.origin = Origin::Suggested { rule: "pattern".into() };
        p.layers.entry("omar".into()).or_default().doc_mut(&d2).spans =
            vec![span(1, 4, "claim"), span(2, 3, "claim"), suggested];
        p.documents = vec![d1.into(), d2.into()];
        let docs: Vec<&Document> = p.documents.iter().map(|d| &**d).collect();
        let study = study(&p, &["amal", "omar"], &docs);
        let claim = LabelId::new("claim");
        let mut by_hand = Study::new(2, 20);
        by_hand.add(0, 2, 3, &claim);
        by_hand.add(0, 10, 4, &claim);
        by_hand.add(1, 11, 3, &claim);
        by_hand.add(1, 12, 1, &claim);
        assert_eq!(study, by_hand);
        let figures = study.figures();
        assert_eq!(dropped(&figures, &["amal", "omar"]), [("omar".to_string(), "claim".to_string(), 1)]);
        let alpha = alpha_by_label(&p, &figures);
        assert_eq!(alpha.get("all"), Some(&study.alpha()));
        assert_eq!(alpha.get("claim"), Some(&study.category_alpha(&&claim)));
        assert_eq!(alpha.get("all"), alpha.get("claim"));
        assert_eq!(alpha.get("denial"), Some(&None));
    }
}
