//! `hashiya validate FILE.ron`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers fail loudly.

use crate::common;

use common::{run_hashiya, small_project, span, stderr, stdout};
use hashiya::store;
use std::fs;

#[test]
fn prints_a_summary_of_a_valid_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let project = small_project();
    store::save(&project, &path).unwrap();
    let output = run_hashiya(["validate".as_ref(), path.as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    let chars: usize = project.documents.iter().map(|d| d.text.chars().count()).sum();
    assert!(out.contains("documents:  3\n"), "{out}");
    assert!(out.contains(&format!("characters: {chars}\n")), "{out}");
    assert!(out.contains("gold spans: 1\n"), "{out}");
    assert!(out.contains("label    amal   omar   gold"), "{out}");
    assert!(out.contains("total      12     12      1"), "{out}");
}

#[test]
fn every_problem_is_listed_and_the_exit_status_is_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let mut project = small_project();
    let doc = project.documents[2].clone();
    project.layers.get_mut("amal").unwrap().doc_mut(&doc).spans.push(span(99, 0, 100_000, "claim", "amal"));
    project.layers.get_mut("omar").unwrap().doc_mut(&doc).spans.push(span(99, 0, 2, "rumour", "omar"));
    let text = store::to_ron(&project);
    fs::write(&path, &text).unwrap();
    let output = run_hashiya(["validate".as_ref(), path.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("p.ron"), "{err}");
    assert!(
        err.contains(doc.id.as_str()) && err.contains("amal layer, span 99: range ends at 100000"),
        "{err}"
    );
    assert!(err.contains("unknown label \"rumour\""), "{err}");
    assert!(stdout(&output).is_empty());
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn syntax_errors_give_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    fs::write(&path, "(\n    version: 1,\n    name: oops,\n)").unwrap();
    let output = run_hashiya(["validate".as_ref(), path.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("p.ron:3:"), "{}", stderr(&output));
}
