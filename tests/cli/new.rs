//! `hashiya new NAME --out FILE.ron`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers fail loudly.

use crate::common;

use common::{run_hashiya, stderr};
use hashiya::model::default_labels;
use hashiya::store;
use std::fs;

#[test]
fn creates_an_empty_project_with_the_default_labels() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("news.ron");
    let output = run_hashiya(["new".as_ref(), "أخبار الرقة".as_ref(), "--out".as_ref(), path.as_os_str()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let project = store::load(&path).unwrap();
    assert_eq!(project.name, "أخبار الرقة");
    assert_eq!(project.labels, default_labels());
    assert!(project.documents.is_empty());
}

#[test]
fn refuses_to_overwrite_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("news.ron");
    fs::write(&path, "precious").unwrap();
    let output = run_hashiya(["new".as_ref(), "x".as_ref(), "--out".as_ref(), path.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("already exists"), "{}", stderr(&output));
    assert_eq!(fs::read_to_string(&path).unwrap(), "precious");
}

#[test]
fn missing_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no/such/news.ron");
    let output = run_hashiya(["new".as_ref(), "x".as_ref(), "--out".as_ref(), path.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("news.ron"), "{}", stderr(&output));
}

#[test]
fn out_is_required() {
    let output = run_hashiya(["new", "x"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("--out"), "{}", stderr(&output));
}
