//! `hashiya import FILE.ron PATH...` with text files and folders.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers fail loudly.

use crate::common;

use common::{read, run_hashiya, small_project, stderr, stdout};
use hashiya::model::{FORMAT_VERSION, Project};
use hashiya::store;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

fn project_file(dir: &Path) -> PathBuf {
    let path = dir.join("p.ron");
    store::save(&Project::new("p"), &path).unwrap();
    path
}

fn import(project: &Path, paths: &[&Path]) -> std::process::Output {
    let mut args: Vec<&OsStr> = vec!["import".as_ref(), project.as_os_str()];
    args.extend(paths.iter().map(|p| p.as_os_str()));
    run_hashiya(args)
}

#[test]
fn imports_files_and_folders_and_refuses_bad_files_one_by_one() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_file(dir.path());
    let texts = dir.path().join("texts");
    fs::create_dir_all(texts.join("sub")).unwrap();
    fs::write(texts.join("b.txt"), "\u{feff}العنوان\r\nقال مصدر إنّ 12 مدنياً قتلوا.\r\n").unwrap();
    fs::write(texts.join("sub/a.txt"), "نفى المتحدث ذلك").unwrap();
    fs::write(texts.join("latin1.txt"), b"caf\xe9").unwrap();
    fs::write(texts.join("blank.txt"), "\n \n").unwrap();
    fs::write(texts.join("image.txt"), b"GIF89a\0\0\x01").unwrap();
    let single = dir.path().join("single.txt");
    fs::write(&single, "خبر منفرد").unwrap();

    let output = import(&project, &[&texts, &single]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let err = stderr(&output);
    for name in ["latin1.txt", "blank.txt", "image.txt"] {
        assert!(err.contains(name), "refusal for {name} missing: {err}");
    }
    assert!(err.contains("not UTF-8"), "{err}");
    assert!(stdout(&output).contains("imported 3 document(s)"), "{}", stdout(&output));

    let loaded = store::load(&project).unwrap();
    let ids: Vec<&str> = loaded.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["b", "a", "single"], "folder files in path order, then the next argument");
    let b = &loaded.documents[0];
    assert_eq!(b.text, "العنوان\nقال مصدر إنّ 12 مدنياً قتلوا.\n");
    assert_eq!(b.title, "العنوان");
    assert_eq!(b.source, "b.txt");
    assert!(store::backup_path(&project).exists());
}

#[test]
fn importing_the_same_texts_again_is_nothing_new() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_file(dir.path());
    let text = dir.path().join("a.txt");
    fs::write(&text, "نص").unwrap();
    assert!(import(&project, &[&text]).status.success());
    let before = read(&project);
    // Issue 18, case 16: nothing new is success, as for annotation files.
    let output = import(&project, &[&text]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).contains("same text as document \"a\""), "{}", stderr(&output));
    assert!(stderr(&output).contains("nothing new to import"), "{}", stderr(&output));
    assert_eq!(read(&project), before);
}

#[test]
fn nothing_importable_leaves_the_project_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_file(dir.path());
    let before = read(&project);
    let bad = dir.path().join("bad.txt");
    fs::write(&bad, b"\xff\xfe\x00").unwrap();
    let other = dir.path().join("table.csv");
    fs::write(&other, "a,b").unwrap();
    let missing = dir.path().join("missing.txt");
    let output = import(&project, &[&bad, &other, &missing]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("bad.txt") && err.contains("table.csv") && err.contains("missing.txt"), "{err}");
    assert!(err.contains("not a supported file type"), "{err}");
    assert_eq!(read(&project), before);
    assert!(!store::backup_path(&project).exists());
}

#[test]
fn a_project_that_does_not_load_is_not_touched() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.ron");
    let current = format!("version: {FORMAT_VERSION},");
    let newer = FORMAT_VERSION + 1;
    let text = store::to_ron(&small_project()).replacen(&current, &format!("version: {newer},"), 1);
    fs::write(&project, &text).unwrap();
    let input = dir.path().join("a.txt");
    fs::write(&input, "نص").unwrap();
    let output = import(&project, &[&input]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains(&format!("format version {newer}")), "{}", stderr(&output));
    assert_eq!(fs::read_to_string(&project).unwrap(), text);
    let missing = dir.path().join("absent.ron");
    let output = import(&missing, &[&input]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("absent.ron"), "{}", stderr(&output));
    assert!(!missing.exists());
}

#[test]
fn help_documents_the_exit_status() {
    let output = run_hashiya(["import", "--help"]);
    assert!(output.status.success());
    assert!(stdout(&output).contains("Exit status"), "{}", stdout(&output));
}

#[test]
fn the_summary_of_an_annotation_import_counts_what_it_added() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_file(dir.path());
    let jsonl = dir.path().join("doccano.jsonl");
    let lines = [
        r#"{"text": "قال المرصد إن 12 مدنياً قتلوا", "label": [[14, 23, "figure"], [0, 3, "claim"]]}"#,
        r#"{"text": "نفى الجيش ذلك", "label": [[0, 3, "denial"]]}"#,
    ];
    fs::write(&jsonl, lines.join("\n") + "\n").unwrap();
    let output = run_hashiya([
        "import".as_ref(),
        project.as_os_str(),
        jsonl.as_os_str(),
        "--annotator".as_ref(),
        "rana".as_ref(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.contains("imported 2 document(s) into"), "{out}");
    assert!(out.contains("0 file(s) skipped, 3 span(s) added"), "{out}");
    assert_eq!(store::load(&project).unwrap().layers["rana"].span_count(), 3);
}
