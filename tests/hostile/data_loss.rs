//! Hostile and messy input, data loss (issue 14, cases 1 to 4, and 11): concurrent imports,
//! an export over the project, a read-only project file, a merge without `--me`, and
//! closed pipes.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly.

use crate::common;

use common::{hashiya, run_hashiya, stderr, stdout};
use hashiya::model::Project;
use hashiya::store;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;

fn project_file(dir: &Path) -> PathBuf {
    let path = dir.join("p.ron");
    store::save(&Project::new("p"), &path).unwrap();
    path
}

fn leftover_temp_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.ends_with(".partial"))
        .collect()
}

/// Case 1: two `hashiya import` runs on the same project at once, 20 rounds: both imports'
/// documents are always there, and no temp file is left behind.
#[test]
fn case01_concurrent_imports_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_file(dir.path());
    for round in 0..20 {
        let a = dir.path().join(format!("a{round}.txt"));
        let b = dir.path().join(format!("b{round}.txt"));
        fs::write(&a, format!("النص الأول في الجولة {round}")).unwrap();
        fs::write(&b, format!("النص الثاني في الجولة {round}")).unwrap();
        let spawn = |text: &Path| {
            hashiya()
                .arg("import")
                .arg(&project)
                .arg(text)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (first, second) = (spawn(&a), spawn(&b));
        for child in [first, second] {
            let output = child.wait_with_output().unwrap();
            assert_eq!(output.status.code(), Some(0), "round {round}: {}", stderr(&output));
        }
        let loaded = store::load(&project).unwrap();
        let ids: Vec<&str> = loaded.documents.iter().map(|d| d.id.as_str()).collect();
        for id in [format!("a{round}"), format!("b{round}")] {
            assert!(ids.contains(&id.as_str()), "round {round}: {id} lost; documents: {ids:?}");
        }
        assert_eq!(loaded.documents.len(), 2 * (round + 1));
    }
    assert_eq!(leftover_temp_files(dir.path()), Vec::<String>::new());
}

/// Case 1, the window's side: a checked save of a file another process changed is refused.
#[test]
fn case01_checked_save_never_overwrites_a_change_it_did_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_file(dir.path());
    let (mut file, project) = store::ProjectFile::open(&path).unwrap();
    let text = dir.path().join("x.txt");
    fs::write(&text, "نص جديد").unwrap();
    let output = run_hashiya(["import".as_ref(), path.as_os_str(), text.as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let err = file.save(&project, store::SaveMode::Checked).unwrap_err();
    assert!(matches!(err, store::StoreError::ChangedOnDisk { .. }), "{err}");
    assert_eq!(store::load(&path).unwrap().documents.len(), 1);
}

/// Case 2: an export whose output is the project file, its backup, its recovery file or
/// its lock file is refused, and the project is untouched.
#[test]
fn case02_export_over_the_project_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_file(dir.path());
    store::save(&Project::new("p"), &project).unwrap(); // makes p.ron.bak
    let before = fs::read(&project).unwrap();
    let same_via_dots = dir.path().join(".").join("p.ron");
    for (format, out) in [
        ("csv", project.clone()),
        ("jsonl", same_via_dots),
        ("csv", store::backup_path(&project)),
        ("csv", store::recovery_path(&project)),
        ("brat", project.clone()),
        ("csv", store::lock_path(&project)),
    ] {
        let output = run_hashiya([
            "export".as_ref(),
            project.as_os_str(),
            "--format".as_ref(),
            format.as_ref(),
            "--out".as_ref(),
            out.as_os_str(),
        ]);
        assert_eq!(output.status.code(), Some(1), "{format} {}: {}", out.display(), stderr(&output));
        assert!(stderr(&output).contains("project"), "{}", stderr(&output));
    }
    assert_eq!(fs::read(&project).unwrap(), before);
    store::load(&project).unwrap();
    assert!(!store::recovery_path(&project).exists());
}

/// Case 2, the same for `render --out`.
#[test]
fn case02_render_over_the_project_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.ron");
    store::save(&common::small_project(), &project).unwrap();
    let before = fs::read(&project).unwrap();
    let output = run_hashiya([
        "render".as_ref(),
        project.as_os_str(),
        "--doc".as_ref(),
        "1".as_ref(),
        "--out".as_ref(),
        project.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(fs::read(&project).unwrap(), before);
}

/// Case 3: a read-only project file is not replaced by an import.
#[cfg(unix)]
#[test]
fn case03_read_only_project_is_not_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let project = project_file(dir.path());
    fs::set_permissions(&project, fs::Permissions::from_mode(0o444)).unwrap();
    let before = fs::read(&project).unwrap();
    let text = dir.path().join("a.txt");
    fs::write(&text, "نص").unwrap();
    let output = run_hashiya(["import".as_ref(), project.as_os_str(), text.as_os_str()]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("read-only"), "{}", stderr(&output));
    assert_eq!(fs::read(&project).unwrap(), before);
    assert_eq!(fs::metadata(&project).unwrap().permissions().mode() & 0o777, 0o444);
    assert_eq!(leftover_temp_files(dir.path()), Vec::<String>::new());
    // The same for an export over a read-only file.
    let csv = dir.path().join("out.csv");
    fs::write(&csv, "keep").unwrap();
    fs::set_permissions(&csv, fs::Permissions::from_mode(0o444)).unwrap();
    let output = run_hashiya([
        "export".as_ref(),
        project.as_os_str(),
        "--format".as_ref(),
        "csv".as_ref(),
        "--out".as_ref(),
        csv.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(fs::read_to_string(&csv).unwrap(), "keep");
}

/// Case 11: a closed stderr or stdout ends the command quietly with its usual status,
/// never with a panic (101).
#[cfg(unix)]
#[test]
fn case11_closed_pipes_end_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.ron");
    store::save(&common::small_project(), &project).unwrap();
    let broken = dir.path().join("broken.ron");
    fs::write(&broken, "(version: 1, name: ").unwrap();
    for (file, expected) in [(&project, 0), (&broken, 1)] {
        for closed in ["stdout", "stderr"] {
            let mut command = hashiya();
            command.arg("validate").arg(file).stdin(Stdio::null());
            let mut child = if closed == "stdout" {
                command.stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap()
            } else {
                command.stderr(Stdio::piped()).stdout(Stdio::null()).spawn().unwrap()
            };
            // Close the reading end before the command writes anything.
            drop(child.stdout.take());
            drop(child.stderr.take());
            let status = child.wait().unwrap();
            assert_eq!(status.code(), Some(expected), "{closed} closed, {}", file.display());
        }
    }
    let output = run_hashiya(["validate".as_ref(), project.as_os_str()]);
    assert!(stdout(&output).contains("documents:"));
}

/// Case 4: `merge MINE THEIRS` without `--me` never replaces a layer with an older copy of
/// it that has fewer spans; it says that it kept ours.
#[test]
fn case04_merge_keeps_a_layer_over_an_older_smaller_copy() {
    use hashiya::model::{CharRange, DocId, Document, LabelId, Span, SpanId, Timestamp};
    let dir = tempfile::tempdir().unwrap();
    let text: String = (0..60).map(|i| format!("كلمة{i} ")).collect();
    let doc = Document::new(DocId::new("d"), "d.txt", text);
    let with_spans = |n: u64| {
        let mut p = Project::new("p");
        p.push_document(doc.clone());
        let spans = (0..n)
            .map(|i| {
                let at = i as usize * 7;
                Span::new(
                    SpanId(i + 1),
                    CharRange::new(at, at + 5),
                    LabelId::new("claim"),
                    "amal",
                    Timestamp(100),
                )
            })
            .collect();
        p.layers.entry("amal".into()).or_default().doc_mut(&doc).spans = spans;
        p
    };
    let mine = dir.path().join("mine.ron");
    let theirs = dir.path().join("theirs.ron");
    store::save(&with_spans(50), &mine).unwrap();
    store::save(&with_spans(45), &theirs).unwrap();
    let output = run_hashiya(["merge".as_ref(), mine.as_os_str(), theirs.as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("kept yours"), "{}", stdout(&output));
    assert!(!stdout(&output).contains(" replaced,") || stdout(&output).contains("0 replaced"));
    assert_eq!(store::load(&mine).unwrap().layers["amal"].span_count(), 50);
}
