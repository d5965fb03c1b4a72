//! Hostile and messy input, records and messages (issue 14, cases 12 to 15): many spans
//! and files, CSV formulas, names and ids, dropped records, messages.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly.

use crate::common;

use common::{run_hashiya, small_project, stderr, stdout};
use hashiya::model::{CharRange, DocId, Document, LabelId, Project, Span, SpanId, Timestamp};
use hashiya::store;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn empty_project(dir: &Path) -> PathBuf {
    let path = dir.join("p.ron");
    store::save(&Project::new("p"), &path).unwrap();
    path
}

fn import(project: &Path, input: &Path, annotator: Option<&str>) -> std::process::Output {
    let mut args: Vec<&OsStr> = vec!["import".as_ref(), project.as_os_str(), input.as_os_str()];
    if let Some(name) = annotator {
        args.extend(["--annotator".as_ref(), OsStr::new(name)]);
    }
    run_hashiya(args)
}

/// Case 12: 20,000 spans on one document and 4,000 text files import in well under the
/// time a quadratic step would take (the full sizes are in `benches/scale.rs`).
#[test]
fn case12_many_spans_and_many_files_import_near_linearly() {
    let dir = tempfile::tempdir().unwrap();
    let project = empty_project(dir.path());
    let n = 20_000;
    let text: String = (0..n).map(|i| format!("ك{} ", i % 10)).collect();
    let lines: Vec<String> =
        (0..n).map(|i| format!(r#"{{"start":{},"end":{},"label":"claim"}}"#, i * 3, i * 3 + 2)).collect();
    let line =
        |who: &str| format!(r#"{{"text":"{text}","spans":[{}],"_annotator_id":"{who}"}}"#, lines.join(","));
    let input = dir.path().join("many.jsonl");
    fs::write(&input, format!("{}\n{}\n", line("amal"), line("omar"))).unwrap();
    let start = Instant::now();
    let output = import(&project, &input, None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let output = run_hashiya(["agree".as_ref(), project.as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let texts = dir.path().join("texts");
    fs::create_dir(&texts).unwrap();
    for i in 0..4_000 {
        fs::write(texts.join(format!("{i}.txt")), format!("خبر {i}")).unwrap();
    }
    let output = import(&project, &texts, None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
    assert_eq!(store::load(&project).unwrap().documents.len(), 4_001);
}

/// Case 13: CSV cells that a spreadsheet would run as formulas get a leading `'`.
#[test]
fn case13_csv_formulas_are_neutralized() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let mut project = Project::new("p");
    let doc = Document::new(DocId::new("d"), "d.txt", "=HYPERLINK(\"http://x\",\"y\") -5 كم".into());
    let spans = vec![
        Span::new(SpanId(1), CharRange::new(0, 26), LabelId::new("claim"), "=1+1", Timestamp(1)),
        Span::new(SpanId(2), CharRange::new(27, 29), LabelId::new("figure"), "=1+1", Timestamp(1)),
    ];
    project.layers.entry("=1+1".into()).or_default().doc_mut(&doc).spans = spans;
    project.push_document(doc);
    store::save(&project, &path).unwrap();
    let out = dir.path().join("out.csv");
    let output = run_hashiya([
        "export".as_ref(),
        path.as_os_str(),
        "--format".as_ref(),
        "csv".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let csv = fs::read_to_string(&out).unwrap();
    for row in csv.lines().skip(1) {
        for cell in row.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell:?} in {row:?}");
        }
    }
    assert!(csv.contains("'=1+1"), "{csv}");
    assert!(csv.contains("'=HYPERLINK("), "{csv}");
    assert!(csv.contains("'-5"), "{csv}");
}

/// Case 14: one rule for names and ids at every entry; NUL in texts refused as for
/// `.txt` files; every dropped record reported; `validate` refuses an empty label id and
/// a span made by someone other than its layer's annotator.
#[test]
fn case14_names_are_cleaned_and_dropped_records_reported() {
    let dir = tempfile::tempdir().unwrap();
    let project = empty_project(dir.path());
    let input = dir.path().join("prodigy.jsonl");
    let lines = [
        r#"{"text":"قال مصدر إن 12","spans":[{"start":0,"end":3,"label":"my label"}],"_annotator_id":"a\u0000b\nc\t../x"}"#,
        r#"{"text":"نص فيه\u0000 صفر","spans":[]}"#,
        r#"{"text":"عنوان آخر","title":"سطر\nآخر\u0000","spans":"notalist","_annotator_id":"amal"}"#,
        r#"{"text":"ثالث","spans":[{"start":0,"end":2,"label":"../"}],"_annotator_id":"amal"}"#,
    ];
    fs::write(&input, lines.join("\n")).unwrap();
    let output = import(&project, &input, None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains(":2: the text holds a NUL"), "{err}");
    assert!(err.contains(":3: \"spans\" is not a list"), "{err}");
    assert!(err.contains(":4: span 0..2: the label \"../\" has no letter or digit"), "{err}");
    let loaded = store::load(&project).unwrap();
    assert!(loaded.label(&LabelId::new("my_label")).is_some());
    let annotators: Vec<&str> = loaded.annotators().collect();
    assert_eq!(annotators, ["a_b_c_.._x"]);
    assert_eq!(loaded.documents.len(), 3);
    assert!(loaded.documents.iter().all(|d| !d.title.contains(['\n', '\0'])));

    // A Label Studio result with no labels, and one with start -1, are reported.
    let ls = dir.path().join("ls.json");
    fs::write(
        &ls,
        r#"[{"id":1,"data":{"text":"نفى الجيش 12"},"annotations":[{"completed_by":1,"result":[
            {"type":"labels","value":{"start":0,"end":3,"text":"نفى","labels":[]}},
            {"type":"labels","value":{"start":-1,"end":3,"text":"نفى","labels":["claim"]}}]}]}]"#,
    )
    .unwrap();
    let err = stderr(&import(&project, &ls, None));
    assert!(err.contains("without a list of label names"), "{err}");
    assert!(err.contains("start -1 is not a character offset"), "{err}");
    assert!(!err.contains("without start/end"), "{err}");

    // validate: an empty label id, and a span whose annotator is not its layer's.
    let bad = dir.path().join("bad.ron");
    let mut p = small_project();
    p.labels[0].id = LabelId::new("");
    let doc = p.documents[0].id.clone();
    p.layers.get_mut("amal").unwrap().existing_doc_mut(&doc).unwrap().spans[0].annotator = "omar".into();
    fs::write(&bad, store::to_ron(&p)).unwrap();
    let output = run_hashiya(["validate".as_ref(), bad.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("label id \"\" is empty"), "{err}");
    assert!(err.contains("made by \"omar\", not by \"amal\""), "{err}");
}

/// Case 14: a brat round trip keeps labels with spaces (imported as `my_label`).
#[test]
fn case14_brat_round_trip_keeps_labels() {
    let dir = tempfile::tempdir().unwrap();
    let project = empty_project(dir.path());
    let input = dir.path().join("in.jsonl");
    fs::write(
        &input,
        r#"{"text":"قال مصدر","spans":[{"start":0,"end":3,"label":"my label"}],"_annotator_id":"amal"}"#,
    )
    .unwrap();
    assert_eq!(import(&project, &input, None).status.code(), Some(0));
    let brat = dir.path().join("brat");
    let output = run_hashiya([
        "export".as_ref(),
        project.as_os_str(),
        "--format".as_ref(),
        "brat".as_ref(),
        "--out".as_ref(),
        brat.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let again = dir.path().join("again.ron");
    store::save(&Project::new("again"), &again).unwrap();
    assert_eq!(import(&again, &brat, None).status.code(), Some(0));
    let labels = |p: &Path| -> Vec<String> {
        store::load(p).unwrap().labels.iter().map(|l| l.id.to_string()).collect()
    };
    assert_eq!(labels(&project), labels(&again));
}

/// Case 15: messages say what is wrong, once, with control characters escaped.
#[test]
fn case15_messages_are_clear() {
    let dir = tempfile::tempdir().unwrap();
    let project = empty_project(dir.path());
    let deep = dir.path().join("deep.jsonl");
    fs::write(&deep, format!("{}{}\n", "[".repeat(200), "]".repeat(200))).unwrap();
    let lone = dir.path().join("lone.json");
    fs::write(&lone, "{\"text\": \"\\ud800\"}\n").unwrap();
    for input in [&deep, &lone] {
        let err = stderr(&import(&project, input, None));
        assert!(!err.contains("not a supported file type"), "{err}");
        assert!(err.contains("line 1 is not"), "{err}");
    }
    // An OS error is said once.
    let output = run_hashiya(["validate".as_ref(), dir.path().as_os_str()]);
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(err.matches("folder").count() + err.matches("Is a directory").count(), 1, "{err}");
    // "brat: brat:" is gone: the format and the path are not run together.
    let brat = dir.path().join("brat");
    fs::create_dir(&brat).unwrap();
    fs::write(brat.join("a.txt"), "قال").unwrap();
    fs::write(brat.join("a.ann"), "T1\tclaim 0 3\tقال\n").unwrap();
    let err = stderr(&import(&project, &brat, Some("amal")));
    assert!(!err.contains("brat: brat:"), "{err}");
    // Escape codes and line breaks in names are not sent to the terminal raw.
    let mut p = small_project();
    p.name = "evil\u{1b}[2J\nname".into();
    let path = dir.path().join("evil.ron");
    store::save(&p, &path).unwrap();
    let output = run_hashiya(["validate".as_ref(), path.as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!stdout(&output).contains('\u{1b}'), "{}", stdout(&output));
    assert!(stdout(&output).contains("evil\\u{1b}[2J\\u{a}name"), "{}", stdout(&output));
}
