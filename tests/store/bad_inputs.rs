//! Every kind of bad project file is refused with its own error, and the file is left
//! byte-identical (nothing is written beside it either).
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers fail loudly.

use crate::common;

use common::small_project;
use hashiya::model::ValidationError;
use hashiya::store::{self, ProjectFile, StoreError};
use std::fs;
use std::path::PathBuf;

/// Writes `text` as a project file in a fresh folder.
fn file_with(text: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("project.ron");
    fs::write(&path, text).unwrap();
    (dir, path)
}

fn good_text() -> String {
    store::to_ron(&small_project())
}

/// Loads the file both ways, checks the error, and checks that nothing on disk changed.
fn refused(text: &[u8]) -> StoreError {
    let (dir, path) = file_with(text);
    let err = store::load(&path).unwrap_err();
    let err2 = ProjectFile::open(&path).unwrap_err();
    assert_eq!(err.to_string(), err2.to_string());
    assert!(err.to_string().contains(&path.display().to_string()), "the message names the file: {err}");
    assert_eq!(fs::read(&path).unwrap(), text, "the file is byte-identical");
    let entries: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(entries.len(), 1, "nothing written beside it: {entries:?}");
    err
}

#[test]
fn truncated_file() {
    let text = good_text();
    for cut in [1, text.len() / 3, text.len() / 2, text.len() - 2] {
        let mut cut = cut;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let err = refused(&text.as_bytes()[..cut]);
        assert!(matches!(err, StoreError::Parse { .. }), "cut at {cut}: {err}");
    }
}

#[test]
fn garbage_and_empty_files() {
    for text in [&b"hello, world"[..], b"", b"\x00\x01\x02\xff\xfe", b"{\"version\": 1}", b"(version: 1"] {
        let err = refused(text);
        assert!(matches!(err, StoreError::Parse { .. }), "{err}");
    }
}

#[test]
fn wrong_types_give_the_line() {
    let text = good_text();
    let err = refused(
        text.replacen(&format!("version: {},", hashiya::model::FORMAT_VERSION), "version: \"one\",", 1)
            .as_bytes(),
    );
    assert!(matches!(err, StoreError::Parse { line: 2, .. }), "{err}");
    let err = refused(text.replacen("start: ", "start: -", 1).as_bytes());
    let StoreError::Parse { line, .. } = err else { panic!("{err}") };
    let expected = text.lines().position(|l| l.contains("start: ")).unwrap() + 1;
    assert_eq!(line, expected);
}

#[test]
fn newer_version_is_refused_as_newer() {
    let text = good_text().replacen(
        &format!("version: {},", hashiya::model::FORMAT_VERSION),
        "version: 9,\n    reviewers: [\"x\"],",
        1,
    );
    let err = refused(text.as_bytes());
    assert!(matches!(err, StoreError::NewerVersion { found: 9, .. }), "{err}");
    assert!(err.to_string().contains("newer Hashiya"), "{err}");
}

#[test]
fn tampered_text_names_the_document() {
    let project = small_project();
    let doc = &project.documents[1];
    let word: String = doc.text.chars().skip(5).take(6).collect();
    let text =
        good_text().replacen(&format!("text: \"{}", doc.text.chars().take(5).collect::<String>()), "", 0);
    let tampered = text.replacen(&doc.text, &doc.text.replacen(&word, "تلاعب", 1), 1);
    assert_ne!(tampered, text);
    let err = refused(tampered.as_bytes());
    assert!(
        matches!(&err.problems()[0], ValidationError::TextHashMismatch { doc: d, .. } if d == &doc.id),
        "{err}"
    );
    assert!(err.to_string().contains(doc.id.as_str()), "{err}");
}

#[test]
fn span_out_of_range() {
    let mut project = small_project();
    let len = project.documents[0].text.chars().count();
    let id = project.documents[0].id.clone();
    let spans = &mut project.layers.get_mut("omar").unwrap().existing_doc_mut(&id).unwrap().spans;
    spans[0].end = hashiya::model::CharOffset(len + 3);
    let text = store::to_ron(&project);
    let err = refused(text.as_bytes());
    assert!(
        matches!(&err.problems()[0], ValidationError::BadRange { doc, layer, .. } if doc == &id && layer == "omar"),
        "{err}"
    );
}

#[test]
fn unknown_label() {
    let text = good_text().replacen("label: \"claim\"", "label: \"rumour\"", 1);
    let err = refused(text.as_bytes());
    assert!(
        matches!(&err.problems()[0], ValidationError::UnknownLabel { label, .. } if label == "rumour"),
        "{err}"
    );
}

#[test]
fn unknown_field_is_refused() {
    let text = good_text().replacen("source:", "sauce: \"x\",\n            source:", 1);
    let err = refused(text.as_bytes());
    let StoreError::Parse { message, .. } = &err else { panic!("{err}") };
    assert!(message.contains("sauce"), "{message}");
}

#[test]
fn missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent.ron");
    let err = store::load(&path).unwrap_err();
    assert!(matches!(err, StoreError::Io { .. }), "{err}");
    assert!(err.to_string().contains("absent.ron"), "{err}");
    assert!(!path.exists());
}

#[test]
fn unreadable_path() {
    // A folder where the file should be, and a path through a file: both unreadable.
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("folder.ron");
    fs::create_dir(&folder).unwrap();
    // A folder is not a regular file: refused before it is read.
    assert!(matches!(store::load(&folder), Err(StoreError::Input { .. })));
    let file = dir.path().join("file");
    fs::write(&file, "x").unwrap();
    assert!(matches!(store::load(&file.join("p.ron")), Err(StoreError::Io { .. })));
}

#[cfg(unix)]
#[test]
fn unreadable_folder() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).unwrap();
    let path = locked.join("p.ron");
    store::save(&small_project(), &path).unwrap();
    let before = fs::read(&path).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let result = store::load(&path);
    let can_bypass = fs::read_dir(&locked).is_ok(); // root ignores permissions
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    if can_bypass {
        assert!(result.is_ok());
    } else {
        let err = result.unwrap_err();
        assert!(matches!(err, StoreError::Io { .. }) && err.to_string().contains("p.ron"), "{err}");
    }
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn save_into_a_missing_folder_fails_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let err = store::save(&small_project(), &dir.path().join("no/such/p.ron")).unwrap_err();
    assert!(matches!(err, StoreError::Io { .. }), "{err}");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}
