//! Which documents a comparison covers: those every annotator compared worked on.
//!
//! An annotator **worked on** a document when they marked it done or made a span on it
//! (suggestions they have not accepted do not count). A document someone never touched
//! says nothing about how far annotators agree, so kappa, alpha, F1 and link agreement
//! of a pair are computed over the documents both worked on, the figures across all the
//! chosen annotators over those every one of them worked on, and a document left out is
//! named in the per-document list as "not annotated by" whoever never touched it. So an
//! unrelated text added to the project changes no figure.

use super::report::layer_named;
use crate::model::{Document, Project, Status};

/// Whether `name` (an annotator, or `"gold"`) worked on `doc`: marked it done, or made a
/// span on it.
pub fn worked_on(project: &Project, name: &str, doc: &Document) -> bool {
    doc.status_of(name) == Status::Done
        || layer_named(project, name).is_some_and(|l| l.spans(&doc.id).iter().any(|s| !s.is_suggested()))
}

/// For each of `names`, whether they worked on each document of the project (in project
/// order).
pub fn worked(project: &Project, names: &[&str]) -> Vec<Vec<bool>> {
    names.iter().map(|n| project.documents.iter().map(|d| worked_on(project, n, d)).collect()).collect()
}

/// For each document, whether every annotator in `who` (indices into `worked`) worked
/// on it.
pub fn mask(worked: &[Vec<bool>], documents: usize, who: &[usize]) -> Vec<bool> {
    (0..documents)
        .map(|d| who.iter().all(|&a| worked.get(a).and_then(|w| w.get(d)).copied().unwrap_or(false)))
        .collect()
}

/// The documents every annotator in `who` (indices into `worked`) worked on, and the
/// mask of them over the project's documents.
pub fn shared<'p>(
    project: &'p Project,
    worked: &[Vec<bool>],
    who: &[usize],
) -> (Vec<&'p Document>, Vec<bool>) {
    let keep = mask(worked, project.documents.len(), who);
    let docs = project.documents.iter().zip(&keep).filter(|(_, k)| **k).map(|(d, _)| &**d).collect();
    (docs, keep)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharRange, DocId, LabelId, Span, SpanId, Timestamp};

    #[test]
    fn done_or_a_span_is_work_a_suggestion_is_not() {
        let mut p = Project::new("t");
        let docs: Vec<Document> =
            ["a", "b", "c"].iter().map(|id| Document::new(DocId::new(*id), *id, "نص قصير".into())).collect();
        let span = Span::new(SpanId(1), CharRange::new(0, 2), LabelId::new("claim"), "amal", Timestamp(0));
        p.layers.entry("amal".into()).or_default().doc_mut(&docs[0]).spans = vec![span.clone()];
        let mut suggested = span;
        suggested.origin = crate::model::Origin::Suggested { rule: "figure".into() };
        p.layers.entry("omar".into()).or_default().doc_mut(&docs[0]).spans = vec![suggested];
        let mut done = docs[1].clone();
        done.status.insert("omar".into(), Status::Done);
        p.documents = vec![docs[0].clone().into(), done.into(), docs[2].clone().into()];
        let worked = worked(&p, &["amal", "omar"]);
        assert_eq!(worked, [vec![true, false, false], vec![false, true, false]]);
        assert!(shared(&p, &worked, &[0, 1]).0.is_empty());
        assert_eq!(shared(&p, &worked, &[1]).1, [false, true, false]);
    }
}
