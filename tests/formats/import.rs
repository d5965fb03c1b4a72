//! Annotation imports: what is kept, what is reported and where spans go.
//!
//! Library-level tests first; the last tests run `hashiya import`, which hands
//! annotation files to the same library function.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers outside #[test] functions

use hashiya::formats::import::{ImportFormat, ImportOptions, ImportReport, detect, import_annotations};
use hashiya::formats::{FormatError, Progress, Stage};
use hashiya::model::{CharOffset, LabelId, Project, Timestamp};
use hashiya::store as project_file;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;

fn write(dir: &Path, name: &str, content: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn options(annotator: Option<&str>) -> ImportOptions {
    ImportOptions { annotator: annotator.map(str::to_string), now: Timestamp(1), predictions: false }
}

fn import(project: &mut Project, path: &Path, annotator: Option<&str>) -> Result<ImportReport, FormatError> {
    import_annotations(project, path, &options(annotator), &mut |_| {}, &AtomicBool::new(false))
}

const TEXT: &str = "قال المتحدثُ إنّ 12 مدنياً قُتلوا 👍 في Raqqa.";

#[test]
fn doccano_without_an_annotator_is_refused_until_one_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let line = format!("{{\"id\":4,\"text\":\"{TEXT}\",\"label\":[[17,26,\"figure\"]]}}\n");
    let path = write(dir.path(), "doccano.jsonl", &line);
    let mut project = Project::new("p");
    let err = import(&mut project, &path, None).unwrap_err().to_string();
    assert!(err.contains("doccano.jsonl:1") && err.contains("--annotator"), "{err}");
    assert_eq!(project, Project::new("p"), "a refused import changes nothing");
    let report = import(&mut project, &path, Some("amal")).unwrap();
    assert_eq!((report.format, report.spans_added), (Some(ImportFormat::Doccano), 1));
    let span = &project.layers["amal"].docs[&project.documents[0].id].spans[0];
    assert_eq!((span.start, span.end, span.annotator.as_str()), (CharOffset(17), CharOffset(26), "amal"));
    assert_eq!(project.documents[0].id.as_str(), "doccano", "numeric doccano ids are not document ids");
}

#[test]
fn bad_offsets_are_reported_by_line_and_the_rest_imports() {
    let dir = tempfile::tempdir().unwrap();
    let good = format!(
        r#"{{"text":"{TEXT}","spans":[{{"start":17,"end":26,"label":"figure","text":"12 مدنياً","annotator":"amal"}}]}}"#
    );
    let wrong_text = format!(
        r#"{{"text":"{TEXT} ثانٍ","spans":[{{"start":17,"end":26,"label":"figure","text":"12 مدني","annotator":"amal"}},{{"start":0,"end":3,"label":"claim","annotator":"amal"}}]}}"#
    );
    let outside = r#"{"text":"نص","spans":[{"start":1,"end":40,"label":"claim","annotator":"amal"}]}"#;
    let path = write(dir.path(), "p.jsonl", &format!("{good}\n{wrong_text}\nnot json\n{outside}\n"));
    let mut project = Project::new("p");
    let report = import(&mut project, &path, None).unwrap();
    let problems: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert!(problems[0].contains("p.jsonl:3:") && problems[0].contains("not a JSON line"), "{problems:#?}");
    assert!(problems[1].contains("p.jsonl:2:") && problems[1].contains("\"12 مدني\""), "{problems:#?}");
    assert!(problems[2].contains("p.jsonl:4:") && problems[2].contains("past the end"), "{problems:#?}");
    assert_eq!((report.documents_added.len(), report.spans_added), (3, 2));
    assert_eq!(project.layers["amal"].span_count(), 2, "offsets are skipped, never shifted");
    assert_eq!(project.validate(), vec![]);
}

#[test]
fn unknown_labels_are_added_and_texts_with_carriage_returns_refused() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        format!(
            r#"{{"text":"{TEXT}","spans":[{{"start":0,"end":3,"label":"source"}}],"_annotator_id":"omar"}}"#
        ),
        r#"{"text":"سطر\r\nثان","spans":[{"start":0,"end":3,"label":"claim"}],"_annotator_id":"omar"}"#
            .to_string(),
        r#"{"text":"رفض","spans":[{"start":0,"end":3,"label":"claim"}],"answer":"reject"}"#.to_string(),
    ];
    let path = write(dir.path(), "prodigy.jsonl", &(lines.join("\n") + "\n"));
    let mut project = Project::new("p");
    let report = import(&mut project, &path, None).unwrap();
    assert_eq!(report.format, Some(ImportFormat::Prodigy));
    assert_eq!(report.labels_added, [LabelId::new("source")]);
    assert!(project.label(&LabelId::new("source")).is_some());
    let problems: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert!(
        problems.iter().any(|p| p.contains("prodigy.jsonl:2") && p.contains("carriage returns")),
        "{problems:?}"
    );
    assert!(problems.iter().any(|p| p.contains("prodigy.jsonl:3") && p.contains("reject")), "{problems:?}");
    assert_eq!(project.documents.len(), 1);
    assert_eq!(project.validate(), vec![]);
    let summary = report.summary();
    assert!(summary[0].starts_with("prodigy: 2 documents read, 1 added"), "{summary:?}");
    assert!(summary.contains(&"new labels added: source".to_string()), "{summary:?}");
    assert!(
        summary.iter().any(|l| l.starts_with("skipped: ") && l.contains("prodigy.jsonl:2")),
        "{summary:?}"
    );
}

const LABEL_STUDIO: &str = r#"[
  {
    "id": 41,
    "data": {"text": "👍 قال المتحدث: لن نستهدف المدنيين"},
    "annotations": [
      {
        "completed_by": {"id": 2, "email": "amal@example.org"},
        "was_cancelled": false,
        "result": [
          {"from_name": "label", "to_name": "text", "type": "labels",
           "value": {"start": 2, "end": 5, "text": "قال", "labels": ["claim"]}},
          {"from_name": "label", "to_name": "text", "type": "labels",
           "value": {"start": 16, "end": 34, "text": "لن نستهدف المدنيين", "labels": ["denial"]}}
        ]
      },
      {
        "completed_by": 3,
        "result": [
          {"type": "labels", "value": {"start": 2, "end": 9, "text": "قال ال", "labels": ["claim"]}}
        ]
      },
      {"completed_by": 4, "was_cancelled": true, "result": [
          {"type": "labels", "value": {"start": 2, "end": 5, "text": "قال", "labels": ["claim"]}}
      ]}
    ],
    "predictions": []
  }
]
"#;

#[test]
fn label_studio_tasks_go_to_their_annotators() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "export.json", LABEL_STUDIO);
    assert_eq!(detect(&path), Some(ImportFormat::LabelStudio));
    let mut project = Project::new("p");
    let report = import(&mut project, &path, None).unwrap();
    // The denial's offsets (16..34) are UTF-16 units counted by an older Label Studio:
    // the emoji is two units, so in code points the span is 15..33.
    assert_eq!(report.utf16_converted, 1);
    let doc = &project.documents[0];
    assert_eq!(doc.id.as_str(), "task-41");
    let amal = &project.layers["amal@example.org"].docs[&doc.id].spans;
    let got: Vec<_> = amal.iter().map(|s| (s.start.0, s.end.0, s.label.as_str())).collect();
    assert_eq!(got, [(2, 5, "claim"), (15, 33, "denial")]);
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    assert!(report.problems[0].to_string().contains("export.json: task 1"), "{:?}", report.problems);
    assert!(!project.layers.contains_key("labelstudio-4"), "cancelled annotations are not imported");
}

#[test]
fn brat_relations_are_read_and_missing_texts_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", TEXT);
    write(
        dir.path(),
        "a.ann",
        "T1\tfigure 17 26\t12 مدنياً\nT2\tclaim 0 3\tقال\nR1\tSource Arg1:T2 Arg2:T1\nA1\tvalue T1 12\nE1\tAttack:T2\n",
    );
    write(dir.path(), "b.ann", "T1\tclaim 0 3\tقال\n");
    let mut project = Project::new("p");
    let report = import(&mut project, dir.path(), Some("omar")).unwrap();
    assert_eq!((report.spans_added, report.relations_added, report.ignored_lines), (2, 1, 1));
    assert_eq!(report.relation_types_added, [hashiya::model::LabelId::new("Source")]);
    let relation = &project.layers["omar"].relations(&project.documents[0].id)[0];
    let spans = project.layers["omar"].spans(&project.documents[0].id);
    let label_of = |id| spans.iter().find(|s| s.id == id).unwrap().label.as_str();
    assert_eq!((label_of(relation.head), label_of(relation.tail)), ("claim", "figure"));
    let figure = spans.iter().find(|s| s.label.as_str() == "figure").unwrap();
    assert_eq!(
        figure.attributes.get("value"),
        Some(&hashiya::model::AttrValue::Number(12.0)),
        "read as a number"
    );
    assert_eq!(report.problems.len(), 1);
    assert!(report.problems[0].message.contains("b.txt"), "{:?}", report.problems);
    assert_eq!(project.documents[0].source, "a.txt");
    assert_eq!(project.layers["omar"].span_count(), 2);
}

#[test]
fn cancel_leaves_the_project_unchanged_and_progress_reaches_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let line = format!("{{\"text\":\"{TEXT}\",\"label\":[[0,3,\"claim\"]]}}\n");
    let path = write(dir.path(), "d.jsonl", &line.repeat(3));
    let mut project = Project::new("p");
    let cancel = AtomicBool::new(true);
    let err =
        import_annotations(&mut project, &path, &options(Some("amal")), &mut |_| {}, &cancel).unwrap_err();
    assert!(matches!(err, FormatError::Cancelled));
    assert_eq!(project, Project::new("p"));
    let mut seen: Vec<Progress> = Vec::new();
    let report = import_annotations(
        &mut project,
        &path,
        &options(Some("amal")),
        &mut |p| seen.push(p),
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!((report.records, report.documents_added.len(), report.documents_matched), (3, 1, 2));
    let last = seen.last().unwrap();
    assert_eq!((last.stage, last.done, last.total), (Stage::Applying, 3, 3));
}

#[test]
fn plain_texts_and_unknown_files_are_not_annotation_files() {
    let dir = tempfile::tempdir().unwrap();
    let txt = write(dir.path(), "a.txt", TEXT);
    assert_eq!(detect(&txt), None);
    let err = import(&mut Project::new("p"), &txt, Some("amal")).unwrap_err();
    assert!(matches!(err, FormatError::UnknownImportFormat { .. }));
}

// `hashiya import` hands the paths that `detect` recognises to `import_annotations`.

fn hashiya(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_hashiya")).args(args).output().unwrap()
}

#[test]
fn cli_import_of_a_jsonl_export_into_a_fresh_project() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/fixture.ron");
    let export = dir.path().join("fixture.jsonl");
    let out = hashiya(&[
        "export",
        fixture.to_str().unwrap(),
        "--format",
        "jsonl",
        "--out",
        export.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let project_path = dir.path().join("p.ron");
    project_file::save(&Project::new("p"), &project_path).unwrap();
    let out = hashiya(&["import", project_path.to_str().unwrap(), export.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let project = project_file::load(&project_path).unwrap();
    assert_eq!(project.documents.len(), 3);
    assert_eq!(project.layers["amal"].span_count() + project.layers["omar"].span_count(), 10);
}

#[test]
fn cli_import_names_the_missing_annotator_and_keeps_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path =
        write(dir.path(), "d.jsonl", &format!("{{\"text\":\"{TEXT}\",\"label\":[[0,3,\"claim\"]]}}\n"));
    let project_path = dir.path().join("p.ron");
    project_file::save(&Project::new("p"), &project_path).unwrap();
    let before = std::fs::read(&project_path).unwrap();
    let out = hashiya(&["import", project_path.to_str().unwrap(), path.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--annotator"));
    assert_eq!(std::fs::read(&project_path).unwrap(), before);
    let out =
        hashiya(&["import", project_path.to_str().unwrap(), path.to_str().unwrap(), "--annotator", "amal"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(project_file::load(&project_path).unwrap().layers["amal"].span_count(), 1);
}

/// A new article, annotated by hand as an analyst would write the files: JSONL with numeric
/// span ids, brat with R and A lines. Both come in with every link's ends and every value,
/// and our exports give them back.
#[test]
fn hand_written_jsonl_and_brat_bring_their_links_and_values() {
    const ARTICLE: &str = "أعلن المرصد السوري لحقوق الإنسان مقتل 23 مدنياً في غارات على إدلب، \
                           فيما نفت وزارة الدفاع الروسية أن تكون طائراتها قد قصفت المنطقة.";
    let at = |quote: &str| {
        let byte = ARTICLE.find(quote).unwrap();
        let start = ARTICLE[..byte].chars().count();
        (start, start + quote.chars().count())
    };
    let claim = at("مقتل 23 مدنياً في غارات على إدلب");
    let figure = at("23 مدنياً");
    let denial = at("نفت وزارة الدفاع الروسية أن تكون طائراتها قد قصفت المنطقة");
    let dir = tempfile::tempdir().unwrap();
    let jsonl = serde_json::json!({
        "id": "idlib", "text": ARTICLE,
        "spans": [
            {"id": 1, "start": claim.0, "end": claim.1, "label": "claim", "annotator": "sara",
             "attributes": {"source": "المرصد السوري لحقوق الإنسان"}},
            {"id": 2, "start": figure.0, "end": figure.1, "label": "figure", "annotator": "sara",
             "attributes": {"value": 23, "unit": "مدنياً", "counts": "killed"}},
            {"id": 3, "start": denial.0, "end": denial.1, "label": "denial", "annotator": "sara"}
        ],
        "relations": [{"id": 1, "head": 3, "tail": 1, "type": "denies"}, {"id": 2, "head": 2, "tail": 1, "type": "quantifies"}]
    });
    let jsonl_path = write(dir.path(), "hand.jsonl", &format!("{jsonl}\n"));
    let slice = |(s, e): (usize, usize)| ARTICLE.chars().skip(s).take(e - s).collect::<String>();
    write(dir.path(), "idlib.txt", ARTICLE);
    let ann = format!(
        "T1\tclaim {} {}\t{}\nT2\tfigure {} {}\t{}\nT3\tdenial {} {}\t{}\nR1\tdenies Arg1:T3 Arg2:T1\n\
         R2\tquantifies Arg1:T2 Arg2:T1\nA1\tvalue T2 23\nA2\tcounts T2 killed\nA3\tsource T3 وزارة الدفاع الروسية\n",
        claim.0,
        claim.1,
        slice(claim),
        figure.0,
        figure.1,
        slice(figure),
        denial.0,
        denial.1,
        slice(denial)
    );
    let ann_path = write(dir.path(), "idlib.ann", &ann);
    let mut project = Project::new("p");
    let from_jsonl = import(&mut project, &jsonl_path, None).unwrap();
    let from_brat = import(&mut project, &ann_path, Some("bratter")).unwrap();
    for report in [&from_jsonl, &from_brat] {
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!((report.spans_added, report.relations_added), (3, 2));
    }
    assert_eq!(project.documents.len(), 1, "the same text is one document");
    let doc = &project.documents[0].id;
    for who in ["sara", "bratter"] {
        let layer = &project.layers[who];
        let text = |id| {
            let span = layer.spans(doc).iter().find(|s| s.id == id).unwrap();
            slice((span.start.0, span.end.0))
        };
        let mut got: Vec<(String, String, String)> =
            layer.relations(doc).iter().map(|r| (r.kind.to_string(), text(r.head), text(r.tail))).collect();
        got.sort();
        assert_eq!(
            got,
            [
                ("denies".to_string(), slice(denial), slice(claim)),
                ("quantifies".to_string(), slice(figure), slice(claim))
            ],
            "{who}"
        );
        let figure_span = layer.spans(doc).iter().find(|s| s.label.as_str() == "figure").unwrap();
        assert_eq!(
            figure_span.attributes.get("value"),
            Some(&hashiya::model::AttrValue::Number(23.0)),
            "{who}"
        );
    }
    assert_eq!(project.validate(), vec![]);
}
