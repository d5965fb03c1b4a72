//! Golden-file tests: every export format of the fixture project, compared as text.
//!
//! The fixture (tests/golden/fixture.ron) is built here: Arabic with harakat and
//! shadda, an emoji, a Latin name, a comma and quotes, overlapping spans, a span across
//! a line break, two annotators and a note, links and attribute values (Arabic, numbers,
//! a choice). Run with `UPDATE_GOLDEN=true` to rewrite the
//! golden files after an intended change, then review the diff.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers outside #[test] functions

use hashiya::formats::{self, ExportFormat, ExportOptions, LayerChoice};
use hashiya::model::{
    AttrValue, CharRange, DocId, Document, LabelId, Origin, Project, Relation, RelationId, Span, SpanId,
    Status, Timestamp,
};
use hashiya::store as project_file;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

const DOC1: &str = "قال المتحدثُ باسم التحالف ريان ديلون (Ryan Dillon) إنّ «داعش» خسر 120 كم، \
وأضاف: \"لن نستهدف المدنيين\" 👍\nونفى الجيشُ مقتل 12 مدنياً.";
const DOC2: &str = "نفى المتحدث الخبر.\nقتل ٣٥٠ شخصاً في الرقة.";
const DOC3: &str = "نص بلا تعليقات.";

/// Code-point range of the `nth` occurrence of `needle` in `text`.
fn find(text: &str, needle: &str) -> (usize, usize) {
    let byte = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in text"));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn span(id: u64, text: &str, from: &str, to: &str, label: &str, who: &str) -> Span {
    let (start, _) = find(text, from);
    let (_, end) = find(text, to);
    Span::new(SpanId(id), CharRange::new(start, end), LabelId::new(label), who, Timestamp(1_760_000_000))
}

fn num(n: f64) -> AttrValue {
    AttrValue::Number(n)
}

fn text(t: &str) -> AttrValue {
    AttrValue::Text(t.to_string())
}

fn with(mut span: Span, values: &[(&str, AttrValue)]) -> Span {
    for (name, value) in values {
        span.attributes.set(name, Some(value.clone()));
    }
    span
}

fn link(id: u64, head: u64, tail: u64, kind: &str, who: &str) -> Relation {
    Relation::new(
        RelationId(id),
        SpanId(head),
        SpanId(tail),
        LabelId::new(kind),
        who,
        Timestamp(1_760_000_100),
    )
}

fn fixture() -> Project {
    let mut p = Project::new("fixture");
    let mut d1 = Document::new(DocId::new("raqqa-01"), "raqqa-01.txt", DOC1.into());
    d1.status.insert("amal".into(), Status::Done);
    d1.status.insert("omar".into(), Status::InProgress);
    let mut d2 = Document::new(DocId::new("raqqa-02"), "raqqa-02.txt", DOC2.into());
    d2.status.insert("amal".into(), Status::Done);
    let mut d3 = Document::new(DocId::new("empty-03"), "empty-03.txt", DOC3.into());
    d3.status.insert("omar".into(), Status::InProgress);

    let mut noted = with(
        span(3, DOC1, "120", "كم", "figure", "amal"),
        &[("value", num(120.0)), ("unit", text("كم")), ("counts", text("distance"))],
    );
    noted.note = Some("check the unit, \"كم\" or miles?".into());
    let amal = p.layers.entry("amal".into()).or_default();
    let amal_d1 = amal.doc_mut(&d1);
    amal_d1.spans = vec![
        with(
            span(1, DOC1, "ريان", "(Ryan Dillon)", "claim", "amal"),
            &[("source", text("ريان ديلون \"Ryan\""))],
        ),
        span(2, DOC1, "خسر", "كم", "claim", "amal"),
        noted,
        span(4, DOC1, "لن", "ونفى", "claim", "amal"),
    ];
    amal_d1.relations = vec![link(1, 3, 2, "quantifies", "amal")];
    amal.doc_mut(&d2).spans = vec![with(
        span(5, DOC2, "٣٥٠", "شخصاً", "figure", "amal"),
        &[("value", num(350.0)), ("counts", text("killed"))],
    )];
    let omar = p.layers.entry("omar".into()).or_default();
    let omar_d1 = omar.doc_mut(&d1);
    omar_d1.spans = vec![
        span(1, DOC1, "Ryan", "Dillon", "claim", "omar"),
        with(span(2, DOC1, "20 كم", "20 كم", "figure", "omar"), &[("value", num(2.5))]),
        span(3, DOC1, "👍", "👍", "figure", "omar"),
        with(span(4, DOC1, "ونفى", "مدنياً", "denial", "omar"), &[("source", text("الجيش"))]),
        with(span(5, DOC1, "12 مدنياً", "12 مدنياً", "figure", "omar"), &[("value", num(12.0))]),
    ];
    omar_d1.relations = vec![link(1, 4, 1, "denies", "omar"), link(2, 2, 1, "quantifies", "omar")];
    p.documents = vec![d1.into(), d2.into(), d3.into()];
    p
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn updating() -> bool {
    std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "true" || v == "1")
}

/// Compares `actual` with the golden file `name`, or rewrites it with UPDATE_GOLDEN=true.
fn check_golden(name: &str, actual: &str) {
    let path = golden_dir().join(name);
    if updating() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run with UPDATE_GOLDEN=true to create it", path.display()));
    assert!(
        expected == actual,
        "{} differs from the export (UPDATE_GOLDEN=true rewrites it)\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}

fn export(
    project: &Project,
    format: ExportFormat,
    options: &ExportOptions,
    out: &Path,
) -> formats::ExportReport {
    formats::export(project, format, options, out, &mut |_| {}, &AtomicBool::new(false)).unwrap()
}

#[test]
fn fixture_file_is_current_and_valid() {
    let project = fixture();
    assert_eq!(project.validate(), vec![]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fixture.ron");
    project_file::save(&project, &path).unwrap();
    check_golden("fixture.ron", &std::fs::read_to_string(&path).unwrap());
    assert_eq!(project_file::load(&golden_dir().join("fixture.ron")).unwrap(), project);
}

#[test]
fn every_file_format_matches_its_golden_file() {
    let project = fixture();
    let dir = tempfile::tempdir().unwrap();
    for format in ExportFormat::ALL.into_iter().filter(|f| *f != ExportFormat::Brat) {
        let ext = format.extension().unwrap();
        let name = if ext == format.name() {
            format!("export.{ext}")
        } else {
            format!("export.{}.{ext}", format.name())
        };
        let out = dir.path().join(&name);
        let report = export(&project, format, &ExportOptions::default(), &out);
        assert_eq!(report.documents, 3, "{name}");
        assert_eq!(report.spans, 10, "{name}");
        assert_eq!(report.relations, if format == ExportFormat::Conll { 0 } else { 3 }, "{name}");
        check_golden(&name, &std::fs::read_to_string(&out).unwrap());
        if let Some(relations) = report.relations_file {
            check_golden("export.relations.csv", &std::fs::read_to_string(relations).unwrap());
        }
    }
}

#[test]
fn conll_counts_what_overlaps_cost() {
    let project = fixture();
    let dir = tempfile::tempdir().unwrap();
    let report =
        export(&project, ExportFormat::Conll, &ExportOptions::default(), &dir.path().join("x.conll"));
    let stats = report.conll.unwrap();
    // amal: the figure 120 كم lies inside the longer claim; omar: "12 مدنياً" inside the denial,
    // and "20 كم" starts inside the token 120, which it takes whole.
    assert_eq!((stats.dropped_spans, stats.truncated_spans), (2, 0), "{stats:?}");
    assert_eq!(stats.contested_tokens, 4, "{stats:?}");
}

#[test]
fn brat_folder_matches_its_golden_files() {
    let project = fixture();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brat");
    export(&project, ExportFormat::Brat, &ExportOptions::default(), &out);
    let mut names: Vec<String> =
        std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "annotation.conf",
            "empty-03.ann",
            "empty-03.txt",
            "raqqa-01.ann",
            "raqqa-01.txt",
            "raqqa-02.ann",
            "raqqa-02.txt",
            "visual.conf"
        ]
    );
    for name in names {
        let content = std::fs::read_to_string(out.join(&name)).unwrap();
        if name.ends_with(".txt") {
            let id = name.trim_end_matches(".txt");
            assert_eq!(content, project.document(&DocId::new(id)).unwrap().text, "{name} is the exact text");
        }
        check_golden(&format!("brat/{name}"), &content);
    }
}

#[test]
fn filters_choose_layer_labels_and_status() {
    let project = fixture();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("amal.jsonl");
    let options = ExportOptions {
        layer: LayerChoice::Annotator("amal".into()),
        labels: vec![LabelId::new("figure")],
        status: Some(Status::Done),
        include_suggestions: false,
    };
    let report = export(&project, ExportFormat::Jsonl, &options, &out);
    assert_eq!((report.documents, report.spans), (2, 2));
    check_golden("export.amal-figure-done.jsonl", &std::fs::read_to_string(&out).unwrap());
}

#[test]
fn gold_layer_is_the_default_only_when_it_covers_the_project() {
    let mut project = fixture();
    let d1 = project.documents[0].clone();
    let mut accepted = span(1, DOC1, "ونفى", "مدنياً", "denial", "omar");
    accepted.origin = Origin::Accepted { by: "lina".into() };
    project.gold.doc_mut(&d1).spans = vec![accepted];
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("gold.csv");
    // Issue 18, case 15: gold on one of the two annotated documents is not the default.
    let report = export(&project, ExportFormat::Csv, &ExportOptions::default(), &out);
    assert_eq!((report.spans, report.layers.as_str()), (10, "amal, omar"));
    let gold = ExportOptions { layer: LayerChoice::Gold, ..Default::default() };
    let report = export(&project, ExportFormat::Csv, &gold, &out);
    assert_eq!((report.spans, report.layers.as_str()), (1, "gold"));
    check_golden("export.gold.csv", &std::fs::read_to_string(&out).unwrap());
    let options = ExportOptions { layer: LayerChoice::Annotator("omar".into()), ..Default::default() };
    assert_eq!(export(&project, ExportFormat::Csv, &options, &out).spans, 5);
}
