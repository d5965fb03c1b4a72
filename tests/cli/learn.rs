//! `hashiya learn` and `hashiya suggest --model`: training on a generated project, the
//! model file beside it, suggestions with the rule `model` and a score, evaluation output,
//! and refusing a model for another label set.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers fail loudly.

use crate::common;

use common::{run_hashiya, stderr, stdout};
use hashiya::learn::synthetic::{self, Shape};
use hashiya::model::{DocId, LabelId, Origin, Rejection};
use hashiya::store;
use std::path::{Path, PathBuf};

fn generated(dir: &Path, paragraphs: usize, seed: u64) -> PathBuf {
    let path = dir.join(format!("gen{seed}.ron"));
    let project =
        synthetic::project(&Shape { paragraphs, labels: 4, spans_per_paragraph: 1.5, words: 30, seed });
    store::save(&project, &path).unwrap();
    path
}

fn hashiya(args: &[&str]) -> std::process::Output {
    run_hashiya(args.to_vec())
}

#[test]
fn learn_saves_a_model_beside_the_project_and_suggest_uses_it() {
    let dir = tempfile::tempdir().unwrap();
    let train = generated(dir.path(), 120, 1);
    let output = hashiya(&["learn", train.to_str().unwrap(), "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let model = dir.path().join("gen1.model");
    assert!(model.is_file(), "{}", stderr(&output));
    let summary: serde_json::Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    assert_eq!(summary["layer"], "analyst");
    assert_eq!(summary["labels"].as_array().unwrap().len(), 4);
    // Unseen paragraphs with the same cues: the model's suggestions, scored.
    let test = generated(dir.path(), 30, 2);
    let before = std::fs::read(&test).unwrap();
    let output = hashiya(&[
        "suggest",
        test.to_str().unwrap(),
        "--model",
        model.to_str().unwrap(),
        "--dry-run",
        "--json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(std::fs::read(&test).unwrap(), before, "a dry run changes nothing");
    let lines: Vec<serde_json::Value> =
        stdout(&output).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(lines.len() >= 20, "{}", stdout(&output));
    let keys = ["doc_id", "start", "end", "label", "text", "value", "unit", "rule", "score"];
    let project = store::load(&test).unwrap();
    let mut hits = 0;
    for line in &lines {
        let object = line.as_object().unwrap();
        assert_eq!(object.keys().map(String::as_str).collect::<Vec<_>>().len(), keys.len(), "{line}");
        assert!(keys.iter().all(|k| object.contains_key(*k)), "{line}");
        assert_eq!(line["rule"], "model");
        let score = line["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score), "{line}");
        let doc = DocId::new(line["doc_id"].as_str().unwrap());
        let (start, end) = (line["start"].as_u64().unwrap() as usize, line["end"].as_u64().unwrap() as usize);
        let label = LabelId::new(line["label"].as_str().unwrap());
        let spans = project.layers["analyst"].spans(&doc);
        if spans.iter().any(|s| s.label == label && s.start.0 < end && start < s.end.0) {
            hits += 1;
        }
    }
    assert!(
        hits * 10 >= lines.len() * 7,
        "{hits} of {} suggestions overlap a span of their label",
        lines.len()
    );
    // Saved to the suggestions layer; running again adds nothing; a rejection is respected.
    let output =
        hashiya(&["suggest", test.to_str().unwrap(), "--model", model.to_str().unwrap(), "--labels", "t01"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut saved = store::load(&test).unwrap();
    let layer = &saved.layers["suggestions"];
    let spans: Vec<_> =
        layer.docs.iter().flat_map(|(d, l)| l.spans.iter().map(move |s| (d.clone(), s.clone()))).collect();
    assert!(!spans.is_empty());
    assert!(spans.iter().all(|(_, s)| s.label.as_str() == "t01"
        && matches!(&s.origin, Origin::Suggested { rule } if rule.as_str() == "model")));
    let (doc, first) = spans[0].clone();
    let layer_doc = saved.layers.get_mut("suggestions").unwrap().docs.get_mut(&doc).unwrap();
    std::sync::Arc::make_mut(layer_doc).spans.retain(|s| s.id != first.id);
    saved.rejected.push(Rejection {
        annotator: "suggestions".into(),
        doc: doc.clone(),
        start: first.start,
        end: first.end,
        label: first.label.clone(),
    });
    store::save(&saved, &test).unwrap();
    let output = hashiya(&[
        "suggest",
        test.to_str().unwrap(),
        "--model",
        model.to_str().unwrap(),
        "--labels",
        "t01",
        "--dry-run",
        "--json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "", "nothing new, and the rejected one is not suggested again");
}

#[test]
fn a_model_for_another_label_set_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let train = generated(dir.path(), 40, 3);
    let model = dir.path().join("m.model");
    let output = hashiya(&[
        "learn",
        train.to_str().unwrap(),
        "--annotator",
        "analyst",
        "--out",
        model.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let sample = dir.path().join("sample.ron");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/projects/sample.ron"), &sample).unwrap();
    let output =
        hashiya(&["suggest", sample.to_str().unwrap(), "--model", model.to_str().unwrap(), "--dry-run"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("another label set (t01, t02, t03, t04)") && err.contains("hashiya learn"), "{err}");
    // A project lacking one of the model's labels: said on stderr, the others suggested.
    let mut fewer = store::load(&train).unwrap();
    fewer.labels.retain(|l| l.id.as_str() != "t01");
    for layer in fewer.layers.values_mut() {
        for doc in layer.docs.values_mut() {
            std::sync::Arc::make_mut(doc).spans.retain(|s| s.label.as_str() != "t01");
        }
    }
    let fewer_path = dir.path().join("fewer.ron");
    store::save(&fewer, &fewer_path).unwrap();
    let output = hashiya(&[
        "suggest",
        fewer_path.to_str().unwrap(),
        "--model",
        model.to_str().unwrap(),
        "--dry-run",
        "--json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("no label t01 of the model"), "{}", stderr(&output));
    assert!(!stdout(&output).contains("\"t01\""));
    assert!(stdout(&output).contains("\"t02\""), "{}", stdout(&output));
    // A label the model does not know.
    let output =
        hashiya(&["suggest", train.to_str().unwrap(), "--model", model.to_str().unwrap(), "--labels", "t09"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("knows no label t09"), "{}", stderr(&output));
    // Not a model at all.
    let output = hashiya(&["suggest", train.to_str().unwrap(), "--model", train.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("not a Hashiya model"), "{}", stderr(&output));
}

#[test]
fn eval_reports_both_measures_the_baseline_and_a_learning_curve() {
    let dir = tempfile::tempdir().unwrap();
    let train = generated(dir.path(), 60, 4);
    let output = hashiya(&["learn", train.to_str().unwrap(), "--eval", "--folds", "3", "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    assert_eq!(report["folds"], 3);
    assert_eq!(report["labels"].as_array().unwrap().len(), 4);
    for key in ["exact", "partial"] {
        for m in ["precision", "recall", "f1"] {
            assert!(report["overall"][key][m].is_number(), "{report}");
        }
    }
    let model_f1 = report["overall"]["partial"]["f1"].as_f64().unwrap();
    let baseline_f1 = report["baseline"]["partial"]["f1"].as_f64().unwrap();
    assert!(model_f1 > baseline_f1, "model {model_f1}, paste-back {baseline_f1}");
    let shares: Vec<f64> =
        report["curve"].as_array().unwrap().iter().map(|p| p["share"].as_f64().unwrap()).collect();
    assert_eq!(shares, vec![0.1, 0.25, 0.5, 1.0]);
    assert!(!dir.path().join("gen4.model").exists(), "--eval saves no model");
    // The text form names the measures.
    let output = hashiya(&["learn", train.to_str().unwrap(), "--eval", "--folds", "2"]);
    let text = stdout(&output);
    assert!(
        text.contains("partial") && text.contains("paste-back") && text.contains("learning curve"),
        "{text}"
    );
}

#[test]
fn learn_says_which_layer_when_it_cannot_tell() {
    let dir = tempfile::tempdir().unwrap();
    let sample = dir.path().join("sample.ron");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/projects/sample.ron"), &sample).unwrap();
    let output = hashiya(&["learn", sample.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("--annotator NAME or --gold"), "{}", stderr(&output));
    let output = hashiya(&["learn", sample.to_str().unwrap(), "--annotator", "nobody"]);
    assert!(stderr(&output).contains("no annotator \"nobody\""), "{}", stderr(&output));
    let output = hashiya(&["learn", sample.to_str().unwrap(), "--gold"]);
    assert!(stderr(&output).contains("no spans"), "{}", stderr(&output));
}
