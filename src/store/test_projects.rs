//! Small projects for the store's unit tests.

use std::sync::Arc;

use crate::model::{
    AttrValue, Attributes, CharOffset, DocId, Document, LabelId, Origin, Project, Relation, RelationId, Span,
    SpanId, Status, Timestamp,
};

pub(crate) fn span(id: u64, start: usize, end: usize, label: &str, annotator: &str) -> Span {
    Span {
        id: SpanId(id),
        start: CharOffset(start),
        end: CharOffset(end),
        label: LabelId::new(label),
        annotator: annotator.into(),
        created: Timestamp(1_700_000_000),
        modified: Timestamp(1_700_000_100),
        note: None,
        origin: Origin::Manual,
        attributes: Attributes::default(),
    }
}

/// Two documents, two annotators and a gold span; Arabic with harakat and line breaks.
pub(crate) fn sample_project() -> Project {
    let mut project = Project::new("تجربة");
    let mut d1 = Document::new(DocId::new("d1"), "d1.txt", "قال مصدر\nإن 12 مسلّحين قتلوا 👍".into());
    d1.status.insert("amal".into(), Status::InProgress);
    d1.assigned = vec!["amal".into(), "omar".into()];
    let d2 = Document::new(DocId::new("d2"), "d2.txt", "Latin text, 120 km.".into());
    let amal = project.layers.entry("amal".into()).or_default();
    let mut figure = span(2, 12, 14, "figure", "amal");
    figure.attributes.set("value", Some(AttrValue::Number(12.0)));
    figure.attributes.set("unit", Some(AttrValue::Text("مسلّحين".into())));
    figure.attributes.set("counts", Some(AttrValue::Text("killed".into())));
    let amal_d1 = amal.doc_mut(&d1);
    amal_d1.spans = vec![span(1, 0, 8, "claim", "amal"), figure];
    amal_d1.active_seconds = 95;
    amal_d1.last_active = Some(Timestamp(1_700_000_200));
    amal_d1.relations = vec![Relation::new(
        RelationId(1),
        SpanId(2),
        SpanId(1),
        LabelId::new("quantifies"),
        "amal",
        Timestamp(5),
    )];
    let omar = project.layers.entry("omar".into()).or_default();
    let mut noted = span(1, 12, 18, "figure", "omar");
    noted.note = Some("عدد \"تقريبي\"\nسطر ثانٍ".into());
    omar.doc_mut(&d2).spans = vec![noted];
    let mut accepted = span(1, 0, 8, "claim", "amal");
    accepted.origin = Origin::Accepted { by: "omar".into() };
    project.gold.doc_mut(&d1).spans = vec![accepted];
    project.documents = vec![d1.into(), d2.into()];
    project
}

/// A project of several megabytes with four annotators, links, values and notes full of the
/// characters a scanner could trip on.
pub(crate) fn tricky_project() -> Project {
    use crate::model::{AttrValue, CharRange, DocId, LabelId, Relation, RelationId, Span, SpanId, Timestamp};
    let mut project = Project::new("كبير");
    let tricky = [
        "a note with \"quotes\" and ) ] } brackets",
        "line\n            \"doc\": (fake entry",
        "r#\"raw\"# and '\\'' and \\",
        "},\n        \"omar\": (docs: {",
    ];
    let mut docs = Vec::new();
    for d in 0..1200 {
        let text = format!("نص {d} «قال» \"x\" ) ] }} r#\"y\"# '\\'' {}", "كلمة ".repeat(300));
        docs.push(Document::new(DocId::new(format!("d{d:04}")), "s", text));
    }
    for (a, who) in ["amal", "omar", "سارة", "o\"neil"].into_iter().enumerate() {
        let layer = project.layers.entry(who.to_string()).or_default();
        for (d, doc) in docs.iter().enumerate().filter(|(d, _)| (d + a) % 3 != 0) {
            let mut spans: Vec<Span> = (0..4)
                .map(|k| {
                    let mut s = Span::new(
                        SpanId(k + 1),
                        CharRange::new(k as usize, k as usize + 3),
                        LabelId::new("claim"),
                        who,
                        Timestamp(d as u64),
                    );
                    s.note = Some(tricky[(d + k as usize) % tricky.len()].into());
                    s.attributes.set("source", Some(AttrValue::Text(tricky[k as usize % 4].into())));
                    s
                })
                .collect();
            spans.sort_by(Span::reading_order);
            let layer_doc = layer.doc_mut(doc);
            layer_doc.spans = spans;
            layer_doc.relations = vec![Relation::new(
                RelationId(1),
                SpanId(1),
                SpanId(2),
                LabelId::new("denies"),
                who,
                Timestamp(1),
            )];
        }
    }
    // A reviewed gold layer on every other document, with the first annotator's spans.
    let amal = project.layers["amal"].clone();
    for doc in docs.iter().step_by(2) {
        if let Some(layer_doc) = amal.docs.get(&doc.id) {
            let mut gold = (**layer_doc).clone();
            gold.spans
                .iter_mut()
                .for_each(|s| s.origin = crate::model::Origin::Accepted { by: "lina".into() });
            project.gold.docs.insert(doc.id.clone(), Arc::new(gold));
        }
    }
    project.documents = docs.into_iter().map(Arc::new).collect();
    project
}
