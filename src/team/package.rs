//! One annotator's package: a project holding only the documents assigned to them, the
//! project's labels (with their guidelines), link types, attributes and patterns, and only
//! their own layer, so a colleague's spans never reach them and agreement stays blind.
//!
//! A package is an ordinary project file: it opens in the window, `hashiya import` adds
//! spans to it, and `hashiya merge` brings its layer home.

use crate::model::{Layer, Project};
use std::sync::Arc;

/// The package of `annotator` (a cleaned name) from `project`.
pub fn package(project: &Project, annotator: &str) -> Project {
    let mut out = Project::new(format!("{} ({annotator})", project.name));
    out.labels = project.labels.clone();
    out.relation_types = project.relation_types.clone();
    out.patterns = project.patterns.clone();
    let own = project.layers.get(annotator);
    let mut layer = Layer::default();
    for doc in project.documents.iter().filter(|d| d.is_assigned_to(annotator)) {
        let mut copy = (**doc).clone();
        // Who else has the document, and how far they got, is not the annotator's business.
        copy.status.retain(|name, _| name == annotator);
        copy.assigned = vec![annotator.to_string()];
        if let Some(entry) = own.and_then(|l| l.docs.get(&doc.id)) {
            layer.docs.insert(doc.id.clone(), Arc::clone(entry));
        }
        out.documents.push(Arc::new(copy));
    }
    out.rejected = project
        .rejected
        .iter()
        .filter(|r| r.annotator == annotator && out.document(&r.doc).is_some())
        .cloned()
        .collect();
    out.layers.insert(annotator.to_string(), layer);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharRange, DocId, Document, LabelId, Span, SpanId, Status, Timestamp};

    #[test]
    fn a_package_holds_only_the_annotators_documents_and_layer() {
        let mut p = Project::new("syria");
        for (id, who) in [("d1", vec!["amal"]), ("d2", vec!["amal", "omar"]), ("d3", vec!["omar"])] {
            let mut doc = Document::new(DocId::new(id), id, format!("نص {id}"));
            doc.assigned = who.into_iter().map(String::from).collect();
            doc.status.insert("omar".into(), Status::Done);
            let span = |who: &str| {
                Span::new(SpanId(1), CharRange::new(0, 2), LabelId::new("claim"), who, Timestamp(1))
            };
            p.layers.entry("amal".into()).or_default().doc_mut(&doc).spans = vec![span("amal")];
            p.layers.entry("omar".into()).or_default().doc_mut(&doc).spans = vec![span("omar")];
            p.push_document(doc);
        }
        let amal = package(&p, "amal");
        let ids: Vec<&str> = amal.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["d1", "d2"]);
        assert_eq!(amal.layers.keys().collect::<Vec<_>>(), ["amal"], "no colleague's layer");
        assert_eq!(amal.layers["amal"].span_count(), 2);
        assert!(amal.documents.iter().all(|d| d.status.is_empty() && d.assigned == ["amal"]));
        assert_eq!(amal.labels, p.labels);
        assert_eq!(amal.validate(), vec![]);
        let nobody = package(&p, "sara");
        assert!(nobody.documents.is_empty() && nobody.layers["sara"].docs.is_empty());
    }
}
