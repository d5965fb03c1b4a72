//! Small projects for the store's unit tests.

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
    let d2 = Document::new(DocId::new("d2"), "d2.txt", "Latin text, 120 km.".into());
    let amal = project.layers.entry("amal".into()).or_default();
    let mut figure = span(2, 12, 14, "figure", "amal");
    figure.attributes.set("value", Some(AttrValue::Number(12.0)));
    figure.attributes.set("unit", Some(AttrValue::Text("مسلّحين".into())));
    figure.attributes.set("counts", Some(AttrValue::Text("killed".into())));
    let amal_d1 = amal.doc_mut(&d1);
    amal_d1.spans = vec![span(1, 0, 8, "claim", "amal"), figure];
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
