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

    fn claim(id: u64, start: usize, end: usize, who: &str) -> Span {
        Span::new(SpanId(id), CharRange::new(start, end), LabelId::new("claim"), who, Timestamp(0))
    }

    /// amal and omar on "both" (claims that partly agree); amal alone on "amal-only".
    fn two_documents() -> Project {
        let mut p = Project::new("t");
        let both =
            Document::new(DocId::new("both"), "both", "قال المتحدث إن القوات لن تستهدف المدنيين".into());
        let alone =
            Document::new(DocId::new("amal-only"), "amal-only", "نفى الجيش سقوط قتلى في الرقة".into());
        p.layers.entry("amal".into()).or_default().doc_mut(&both).spans =
            vec![claim(1, 0, 11, "amal"), claim(2, 15, 40, "amal")];
        p.layers.entry("omar".into()).or_default().doc_mut(&both).spans = vec![claim(1, 0, 11, "omar")];
        p.layers.entry("amal".into()).or_default().doc_mut(&alone).spans = vec![claim(3, 0, 9, "amal")];
        p.push_document(both);
        p.push_document(alone);
        p
    }

    fn figures(r: &crate::review::AgreementReport) -> Vec<Option<f64>> {
        let all = r
            .pairs
            .iter()
            .find(|p| p.label == "all")
            .map(|p| vec![p.exact_f1, p.overlap_f1, p.cohen_kappa, p.alpha_u, p.alpha_chars]);
        let mut out = all.unwrap_or_default();
        out.extend([r.alpha_u.get("all").copied().flatten(), r.alpha_chars.get("all").copied().flatten()]);
        out
    }

    #[test]
    fn a_document_only_one_side_annotated_is_left_out_and_named() {
        let p = two_documents();
        let report = crate::review::agreement(&p, &Default::default()).unwrap();
        let mut only_both = p.clone();
        only_both.documents.retain(|d| d.id.as_str() == "both");
        let without = crate::review::agreement(&only_both, &Default::default()).unwrap();
        assert_eq!(figures(&report), figures(&without), "the document omar never touched changes nothing");
        assert_eq!((report.documents, report.documents_compared, report.pairs[0].documents), (2, 1, 1));
        // In the list it is "not annotated by omar", after the ranked document.
        let ids: Vec<(&str, &[String])> =
            report.per_document.iter().map(|d| (d.id.as_str(), d.not_annotated_by.as_slice())).collect();
        assert_eq!(ids, [("both", &[][..]), ("amal-only", &["omar".to_string()][..])]);
        assert_eq!(report.per_document[1].alpha_u, None);
        assert!(report.warnings.iter().any(|w| w.code == "documents_left_out"));
    }

    #[test]
    fn an_unrelated_document_changes_no_figure() {
        let p = two_documents();
        let before = crate::review::agreement(&p, &Default::default()).unwrap();
        let mut more = p.clone();
        more.push_document(Document::new(DocId::new("other"), "other", "نص آخر لا علاقة له بشيء".into()));
        let after = crate::review::agreement(&more, &Default::default()).unwrap();
        assert_eq!(figures(&before), figures(&after));
        assert_eq!((after.documents, after.documents_compared, after.tokens), (3, 1, before.tokens));
        assert_eq!(after.per_document.last().map(|d| d.not_annotated_by.len()), Some(2));
        // Marked done by both (read, nothing to mark), it counts: both agree it holds nothing.
        let doc = more.document_mut(&DocId::new("other")).unwrap();
        doc.status.insert("amal".into(), Status::Done);
        doc.status.insert("omar".into(), Status::Done);
        let done = crate::review::agreement(&more, &Default::default()).unwrap();
        assert_eq!(done.documents_compared, 2);
        assert!(done.tokens > before.tokens);
    }
}
