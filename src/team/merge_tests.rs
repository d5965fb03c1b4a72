//! Tests of a package's way home and of the team's status: a package merged back (spans
//! off the assignment kept and reported, twice changes nothing, time and statuses come
//! along), the status figures, and the time in the JSONL export.

use super::{AssignOptions, assign, package, team_status};
use crate::model::{
    AttrValue, CharRange, DocId, Document, LabelId, Project, Span, SpanId, Status, Timestamp,
};
use crate::review::merge;

fn span(id: u64, start: usize, end: usize, label: &str, who: &str) -> Span {
    Span::new(SpanId(id), CharRange::new(start, end), LabelId::new(label), who, Timestamp(1_800_000_000))
}

/// Six documents for amal and omar, two of them shared.
fn team() -> Project {
    let mut p = Project::new("t");
    for i in 0..6 {
        p.push_document(Document::new(
            DocId::new(format!("d{i}")),
            "x",
            format!("قتل {} مدنياً اليوم", 10 + i),
        ));
    }
    let options = AssignOptions {
        annotators: vec!["amal".into(), "omar".into()],
        overlap: 0.34,
        seed: 1,
        reassign: false,
    };
    assign(&mut p, &options).unwrap();
    p
}

fn doc_of(p: &Project, pick: impl Fn(&Document) -> bool) -> &Document {
    p.documents.iter().map(|d| &**d).find(|d| pick(d)).unwrap()
}

#[test]
fn a_package_comes_home_with_its_spans_time_and_status() {
    let mut home = team();
    let mut amal = package(&home, "amal");
    let mine = doc_of(&amal, |_| true).clone();
    let other = doc_of(&home, |d| !d.is_assigned_to("amal")).clone();
    let layer = amal.layers.get_mut("amal").unwrap();
    layer.doc_mut(&mine).spans = vec![span(1, 4, 6, "figure", "amal")];
    let entry = layer.doc_mut(&mine);
    entry.active_seconds = 95;
    entry.last_active = Some(Timestamp(1_800_000_100));
    // A document amal was not given, imported into her package all the same.
    amal.push_document(Document::new(other.id.clone(), "x", other.text.clone()));
    amal.layers.get_mut("amal").unwrap().doc_mut(&other).spans = vec![span(1, 0, 3, "claim", "amal")];
    // Marked done without a span: the status alone comes home.
    let done = doc_of(&amal, |d| d.id != mine.id && d.id != other.id).id.clone();
    amal.document_mut(&done).unwrap().status.insert("amal".into(), Status::Done);
    assert_eq!(amal.validate(), vec![]);

    let report = merge(&mut home, &amal, None).unwrap();
    assert_eq!(report.unassigned, vec![("amal".to_string(), other.id.clone(), 1)]);
    assert_eq!(report.statuses_changed, 1);
    assert!(report.changed());
    let entry = &home.layers["amal"].docs[&mine.id];
    assert_eq!((entry.spans.len(), entry.active_seconds), (1, 95));
    assert_eq!(home.layers["amal"].spans(&other.id).len(), 1, "kept, and reported");
    assert_eq!(home.document(&done).unwrap().status_of("amal"), Status::Done);
    assert!(home.document(&other.id).unwrap().assigned.iter().all(|a| a != "amal"), "assignments stay");
    let before = home.clone();
    let again = merge(&mut home, &amal, None).unwrap();
    assert!(!again.changed(), "{again:?}");
    assert_eq!(home, before, "merging the same package twice changes nothing");

    // Later time on the same spans comes home too; an older copy never takes it back.
    let mut later = amal.clone();
    let layer = later.layers.get_mut("amal").unwrap();
    let entry = layer.doc_mut(&mine);
    entry.active_seconds = 130;
    entry.last_active = Some(Timestamp(1_800_000_200));
    assert!(merge(&mut home, &later, None).unwrap().changed());
    assert_eq!(home.layers["amal"].docs[&mine.id].active_seconds, 130);
    assert!(!merge(&mut home, &amal, None).unwrap().changed());
    assert_eq!(home.layers["amal"].docs[&mine.id].active_seconds, 130);
}

#[test]
fn status_counts_progress_spans_time_missing_values_and_agreement() {
    let mut p = team();
    let shared: Vec<Document> =
        p.documents.iter().filter(|d| d.assigned.len() == 2).map(|d| (**d).clone()).collect();
    assert_eq!(shared.len(), 2, "round(0.34 × 6)");
    let first = doc_of(&p, |d| d.is_assigned_to("amal")).clone();
    // Both mark the figure on the shared documents; omar sets its value on one only.
    for (i, doc) in shared.iter().enumerate() {
        let mut valued = span(1, 4, 6, "figure", "omar");
        if i == 0 {
            valued.attributes.set("value", Some(AttrValue::Number(10.0)));
        }
        p.layers.entry("omar".into()).or_default().doc_mut(doc).spans = vec![valued];
        let mut hers = span(1, 4, 6, "figure", "amal");
        hers.attributes.set("value", Some(AttrValue::Number(10.0)));
        p.layers.entry("amal".into()).or_default().doc_mut(doc).spans =
            vec![hers, span(2, 0, 3, "claim", "amal")];
    }
    let mut suggested = span(9, 0, 3, "figure", "amal");
    suggested.origin = crate::model::Origin::Suggested { rule: "figure:digits".into() };
    let amal = p.layers.get_mut("amal").unwrap();
    amal.doc_mut(&first).spans.push(suggested);
    amal.doc_mut(&first).active_seconds = 75;
    p.document_mut(&first.id).unwrap().status.insert("amal".into(), Status::Done);

    let status = team_status(&p);
    assert_eq!((status.documents, status.overlap_documents), (6, 2));
    let names: Vec<&str> = status.annotators.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["amal", "omar"]);
    let [a, o] = [&status.annotators[0], &status.annotators[1]];
    assert_eq!((a.assigned, o.assigned), (4, 4));
    assert_eq!(a.spans, 4, "the suggestion is left out");
    assert_eq!(a.per_label.get("figure"), Some(&2));
    assert_eq!(a.per_label.get("claim"), Some(&2));
    assert_eq!(a.done + a.in_progress + a.untouched, 4);
    assert_eq!(a.done, 1);
    assert_eq!(a.active_seconds, 75);
    assert_eq!(a.last_active.as_deref(), Some("2027-01-15T08:00:00Z"));
    assert_eq!((o.done, o.in_progress, o.untouched), (0, 2, 2));
    assert_eq!(o.last_active.as_deref(), Some("2027-01-15T08:00:00Z"));
    assert_eq!(status.missing_values, 1, "omar's second figure has no value");
    let pairs = &status.agreement.pairs;
    assert_eq!(pairs.len(), 1);
    assert_eq!((pairs[0].a.as_str(), pairs[0].b.as_str(), pairs[0].documents), ("amal", "omar", 2));
    // Figures match, amal's claims do not: 2 × 2 / (4 + 2).
    assert_eq!(pairs[0].overlap_f1, Some(4.0 / 6.0));
    assert!(pairs[0].alpha_u.is_some_and(|x| x < 1.0));
    assert_eq!(status.agreement.per_document.len(), 2);
    let json = serde_json::to_value(&status).unwrap();
    let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["agreement", "annotators", "documents", "missing_values", "overlap_documents"]);
}

#[test]
fn recorded_time_is_the_lead_time_of_the_jsonl_export() {
    let mut p = team();
    let first = doc_of(&p, |d| d.is_assigned_to("amal")).clone();
    let entry = p.layers.entry("amal".into()).or_default().doc_mut(&first);
    entry.spans = vec![span(1, 4, 6, "figure", "amal")];
    entry.active_seconds = 42;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    let options = crate::formats::ExportOptions::default();
    let never = std::sync::atomic::AtomicBool::new(false);
    crate::formats::export(&p, crate::formats::ExportFormat::Jsonl, &options, &out, &mut |_| {}, &never)
        .unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let with_time: Vec<&serde_json::Value> =
        lines.iter().filter(|l| l["meta"].get("lead_time").is_some()).collect();
    assert_eq!(with_time.len(), 1);
    assert_eq!(with_time[0]["id"], first.id.as_str());
    assert_eq!(with_time[0]["meta"]["lead_time"], serde_json::json!({"amal": 42}));
    // And it comes back with the spans on import, once however often it is imported.
    let mut back = Project::new("back");
    let options = crate::formats::import::ImportOptions::new(None);
    for _ in 0..2 {
        crate::formats::import::import_annotations(&mut back, &out, &options, &mut |_| {}, &never).unwrap();
        let doc = back.documents.iter().find(|d| d.text == first.text).unwrap();
        let entry = back.layers["amal"].docs.get(&doc.id).unwrap();
        assert_eq!((entry.active_seconds, entry.spans.len()), (42, 1));
    }
}
