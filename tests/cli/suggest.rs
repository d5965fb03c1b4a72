//! `hashiya suggest` and `hashiya import --as-suggestions`: the command-line contract, saving,
//! re-running, rejections, and exports and agreement leaving suggestions out.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers fail loudly.

use crate::common;

use common::{run_hashiya, stderr, stdout};
use hashiya::model::{DocId, LabelId, Origin, Project, Rejection};
use hashiya::store;
use std::path::{Path, PathBuf};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/projects/sample.ron");

fn sample_copy(dir: &Path) -> PathBuf {
    let path = dir.join("sample.ron");
    std::fs::copy(SAMPLE, &path).unwrap();
    path
}

fn suggest(path: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["suggest", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    run_hashiya(args)
}

fn suggested(project: &Project, layer: &str) -> usize {
    project
        .layers
        .get(layer)
        .map_or(0, |l| l.docs.values().flat_map(|d| &d.spans).filter(|s| s.is_suggested()).count())
}

#[test]
fn dry_run_json_follows_the_contract_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(dir.path());
    let before = std::fs::read(&path).unwrap();
    let output = suggest(&path, &["--dry-run", "--json", "--labels", "figure"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let project = store::load(&path).unwrap();
    let lines: Vec<serde_json::Value> =
        stdout(&output).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(lines.len() >= 18, "{}", stdout(&output));
    let keys = ["doc_id", "start", "end", "label", "text", "value", "unit", "rule"];
    for line in &lines {
        let object = line.as_object().unwrap();
        assert_eq!(object.len(), keys.len());
        assert!(keys.iter().all(|k| object.contains_key(*k)), "{line}");
        assert_eq!(line["label"], "figure");
        assert!(line["value"].is_number(), "{line}");
        let doc = project.document(&DocId::new(line["doc_id"].as_str().unwrap())).unwrap();
        let text: String = doc
            .text
            .chars()
            .skip(line["start"].as_u64().unwrap() as usize)
            .take((line["end"].as_u64().unwrap() - line["start"].as_u64().unwrap()) as usize)
            .collect();
        assert_eq!(line["text"].as_str().unwrap(), text, "offsets are code points");
    }
    let first = lines.iter().find(|l| l["text"] == "بثلاثة آلاف مقاتل").unwrap();
    assert_eq!(first["value"], 3000);
    assert_eq!(first["unit"], "مقاتل");
    assert!(stdout(&output).starts_with("{\"doc_id\":"), "keys in the contract's order");
}

#[test]
fn suggestions_are_saved_once_and_never_duplicated() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(dir.path());
    let output = suggest(&path, &["--annotator", "lina"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let project = store::load(&path).unwrap();
    let added = suggested(&project, "lina");
    assert!(added > 40, "{added}");
    assert!(std::fs::read_to_string(&path).unwrap().contains("origin: Suggested(rule: \"figure:digits\")"));
    let spans = project.layers["amal"].span_count();

    let again = suggest(&path, &["--annotator", "lina", "--json"]);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(stdout(&again), "", "re-running adds nothing new");
    let project = store::load(&path).unwrap();
    assert_eq!(suggested(&project, "lina"), added);
    assert_eq!(project.layers["amal"].span_count(), spans, "other layers untouched");

    // Agreement and exports leave suggestions out.
    let agree = run_hashiya(["agree", path.to_str().unwrap(), "--annotators", "amal,lina", "--json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&agree)).unwrap();
    let pairs = report["pairs"].as_array().unwrap();
    assert!(!pairs.is_empty(), "{report}");
    assert!(pairs.iter().all(|p| p["spans_b"] == 0), "suggested spans are not counted: {report}");
    let out = dir.path().join("lina.jsonl");
    let export_lina = |extra: &[&str]| {
        let mut args = vec!["export", path.to_str().unwrap(), "--format", "jsonl", "--annotator", "lina"];
        args.extend_from_slice(extra);
        args.extend(["--out", out.to_str().unwrap()]);
        let export = run_hashiya(args);
        assert_eq!(export.status.code(), Some(0), "{}", stderr(&export));
    };
    export_lina(&[]);
    assert!(!std::fs::read_to_string(&out).unwrap().contains("\"label\""), "no suggested span exported");
    export_lina(&["--include-suggestions"]);
    assert!(std::fs::read_to_string(&out).unwrap().contains("\"figure\""));
}

#[test]
fn rejected_suggestions_are_not_suggested_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(dir.path());
    let output = suggest(&path, &["--dry-run", "--json", "--labels", "figure", "--annotator", "lina"]);
    let first: serde_json::Value = serde_json::from_str(stdout(&output).lines().next().unwrap()).unwrap();
    let mut project = store::load(&path).unwrap();
    project.rejected.push(Rejection {
        annotator: "lina".into(),
        doc: DocId::new(first["doc_id"].as_str().unwrap()),
        start: hashiya::model::CharOffset(first["start"].as_u64().unwrap() as usize),
        end: hashiya::model::CharOffset(first["end"].as_u64().unwrap() as usize),
        label: LabelId::new("figure"),
    });
    store::save(&project, &path).unwrap();
    let output = suggest(&path, &["--labels", "figure", "--annotator", "lina", "--json"]);
    assert!(!stdout(&output).contains(&format!("\"start\":{},", first["start"])), "{}", stdout(&output));
    let project = store::load(&path).unwrap();
    assert_eq!(project.rejected.len(), 1, "rejections are kept");
}

#[test]
fn import_as_suggestions_marks_the_predictions() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(dir.path());
    let project = store::load(&path).unwrap();
    let doc = &project.documents[0];
    let line = serde_json::json!({
        "text": doc.text,
        "spans": [{"start": 1462, "end": 1471, "label": "figure"}],
    });
    let predictions = dir.path().join("predictions.jsonl");
    std::fs::write(&predictions, format!("{line}\n")).unwrap();
    let output = run_hashiya([
        "import",
        path.to_str().unwrap(),
        predictions.to_str().unwrap(),
        "--as-suggestions",
        "--annotator",
        "model",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let project = store::load(&path).unwrap();
    let spans = project.layers["model"].spans(&doc.id);
    assert_eq!(spans.len(), 1);
    assert_eq!(spans[0].origin, Origin::Suggested { rule: "import".into() });
}
