//! Round trips through the library: export, import into a fresh project, compare.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers outside #[test] functions

use hashiya::formats::import::{ImportFormat, ImportOptions, ImportReport, import_annotations};
use hashiya::formats::{self, ExportFormat, ExportOptions};
use hashiya::model::{Origin, Project, Timestamp};
use hashiya::store as project_file;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::atomic::AtomicBool;

fn fixture() -> Project {
    project_file::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/fixture.ron")).unwrap()
}

fn export(project: &Project, format: ExportFormat, out: &Path) {
    formats::export(project, format, &ExportOptions::default(), out, &mut |_| {}, &AtomicBool::new(false))
        .unwrap();
}

fn import(project: &mut Project, path: &Path, annotator: Option<&str>) -> ImportReport {
    let options =
        ImportOptions { annotator: annotator.map(str::to_string), now: Timestamp(1), predictions: false };
    import_annotations(project, path, &options, &mut |_| {}, &AtomicBool::new(false)).unwrap()
}

/// Every span as (document text, layer, start, end, label, note).
type SpanKey = (String, String, usize, usize, String, Option<String>);

fn spans(project: &Project, with_notes: bool) -> BTreeSet<SpanKey> {
    let mut out = BTreeSet::new();
    for (layer, content) in project.named_layers() {
        for (doc_id, layer_doc) in &content.docs {
            let text = project.document(doc_id).unwrap().text.clone();
            for s in &layer_doc.spans {
                let note = if with_notes { s.note.as_deref().map(str::to_string) } else { None };
                out.insert((
                    text.clone(),
                    layer.to_string(),
                    s.start.0,
                    s.end.0,
                    s.label.0.to_string(),
                    note,
                ));
            }
        }
    }
    out
}

/// A link as (document text, layer, head (start, end, label), tail (start, end, label), type).
type LinkKey = (String, String, (usize, usize, String), (usize, usize, String), String);

fn links(project: &Project) -> BTreeSet<LinkKey> {
    let mut out = BTreeSet::new();
    for (layer, content) in project.named_layers() {
        for (doc_id, layer_doc) in &content.docs {
            let text = project.document(doc_id).unwrap().text.clone();
            let end = |id| {
                let s = layer_doc.span(id).unwrap();
                (s.start.0, s.end.0, s.label.0.to_string())
            };
            for r in &layer_doc.relations {
                out.insert((text.clone(), layer.to_string(), end(r.head), end(r.tail), r.kind.to_string()));
            }
        }
    }
    out
}

/// Every attribute value as (document text, layer, start, end, label, name, value).
fn values(project: &Project) -> BTreeSet<(String, String, usize, usize, String, String, String)> {
    let mut out = BTreeSet::new();
    for (layer, content) in project.named_layers() {
        for (doc_id, layer_doc) in &content.docs {
            let text = project.document(doc_id).unwrap().text.clone();
            for s in &layer_doc.spans {
                for (name, value) in s.attributes.iter() {
                    let (label, value) = (s.label.0.to_string(), format!("{value:?}"));
                    out.insert((
                        text.clone(),
                        layer.to_string(),
                        s.start.0,
                        s.end.0,
                        label,
                        name.to_string(),
                        value,
                    ));
                }
            }
        }
    }
    out
}

#[test]
fn jsonl_export_import_export_is_identical() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.jsonl");
    export(&fixture(), ExportFormat::Jsonl, &first);
    let mut fresh = Project::new("fresh");
    let report = import(&mut fresh, &first, None);
    assert_eq!(report.format, Some(ImportFormat::Jsonl));
    assert_eq!((report.documents_added.len(), report.spans_added), (3, 10));
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(fresh.validate(), vec![]);
    let second = dir.path().join("second.jsonl");
    export(&fresh, ExportFormat::Jsonl, &second);
    assert_eq!(std::fs::read_to_string(&first).unwrap(), std::fs::read_to_string(&second).unwrap());
    assert_eq!(spans(&fresh, true), spans(&fixture(), true));
    assert_eq!((report.relations_added, links(&fresh)), (3, links(&fixture())));
    assert_eq!(values(&fresh), values(&fixture()));
}

#[test]
fn jsonl_gold_export_comes_back_to_the_gold_layer() {
    let mut project = fixture();
    let d1 = project.documents[0].clone();
    let mut accepted = project.layers["omar"].docs[&d1.id].spans[3].clone();
    accepted.origin = Origin::Accepted { by: "lina".into() };
    project.gold.doc_mut(&d1).spans = vec![accepted];
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("gold.jsonl");
    let gold = ExportOptions { layer: hashiya::formats::LayerChoice::Gold, ..Default::default() };
    formats::export(&project, ExportFormat::Jsonl, &gold, &first, &mut |_| {}, &AtomicBool::new(false))
        .unwrap();
    let mut fresh = Project::new("fresh");
    import(&mut fresh, &first, None);
    assert_eq!(fresh.gold.span_count(), 1);
    assert!(fresh.layers.is_empty());
    assert_eq!(fresh.gold.docs[&d1.id].spans[0].annotator, "omar");
    let second = dir.path().join("again.jsonl");
    export(&fresh, ExportFormat::Jsonl, &second);
    assert_eq!(std::fs::read_to_string(&first).unwrap(), std::fs::read_to_string(&second).unwrap());
}

#[test]
fn doccano_and_prodigy_come_back_to_the_same_spans() {
    for (format, expected) in
        [(ExportFormat::Doccano, ImportFormat::Doccano), (ExportFormat::Prodigy, ImportFormat::Prodigy)]
    {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.jsonl");
        export(&fixture(), format, &path);
        let mut fresh = Project::new("fresh");
        let report = import(&mut fresh, &path, None);
        assert_eq!(report.format, Some(expected));
        assert!(report.problems.is_empty(), "{format:?}: {:?}", report.problems);
        assert_eq!(spans(&fresh, false), spans(&fixture(), false), "{format:?}");
        assert_eq!(links(&fresh), links(&fixture()), "{format:?}: links come back");
        assert_eq!(links(&fresh).len(), 3);
        let ids: Vec<&str> = fresh.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["raqqa-01", "raqqa-02", "empty-03"], "{format:?}");
        assert_eq!(fresh.validate(), vec![]);
    }
}

#[test]
fn brat_comes_back_with_annotators_notes_and_line_crossing_spans() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("brat");
    export(&fixture(), ExportFormat::Brat, &folder);
    let mut fresh = Project::new("fresh");
    let report = import(&mut fresh, &folder, None);
    assert_eq!(report.format, Some(ImportFormat::Brat));
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(spans(&fresh, true), spans(&fixture(), true));
    assert_eq!(links(&fresh), links(&fixture()), "R lines come back");
    assert_eq!(values(&fresh), values(&fixture()), "A lines come back, numbers as numbers");
    assert_eq!(values(&fresh).len(), 9);
    // One .ann file alone works too, into an existing project: nothing is duplicated.
    let mut project = fixture();
    let again = import(&mut project, &folder.join("raqqa-01.ann"), None);
    assert_eq!((again.documents_matched, again.spans_added, again.spans_duplicate), (1, 0, 9));
    assert_eq!(project, fixture());
}

#[test]
fn importing_an_export_into_its_own_project_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for format in [ExportFormat::Jsonl, ExportFormat::Doccano, ExportFormat::Prodigy] {
        let path = dir.path().join(format!("{}.jsonl", format.name()));
        export(&fixture(), format, &path);
        let mut project = fixture();
        let report = import(&mut project, &path, None);
        assert!(report.documents_added.is_empty(), "{format:?}");
        assert_eq!((report.spans_added, report.spans_duplicate), (0, 10), "{format:?}");
        assert_eq!(project, fixture(), "{format:?}");
    }
}
