//! `hashiya render`: a project file in, a PNG out; clear errors and a non-zero exit
//! status for a missing document, a bad layer name or an unreadable file.

// Test helpers fail loudly on bad fixtures.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use hashiya::model::{CharRange, DocId, Document, LabelId, Project, Span, SpanId, Timestamp};
use std::path::Path;
use std::process::{Command, Output};

fn span(id: u64, start: usize, end: usize, label: &str, annotator: &str) -> Span {
    Span::new(SpanId(id), CharRange::new(start, end), LabelId::new(label), annotator, Timestamp(0))
}

fn write_project(dir: &Path) -> std::path::PathBuf {
    let mut project = Project::new("render test");
    let first = Document::new(DocId::new("a"), "a.txt", "نص أول".into());
    let second = Document::new(DocId::new("b"), "b.txt", "قتل 25 شخصاً في المدينة\nسطر ثان".into());
    project.layers.entry("amal".into()).or_default().doc_mut(&second).spans =
        vec![span(1, 4, 6, "figure", "amal")];
    project.layers.entry("omar".into()).or_default().doc_mut(&second).spans =
        vec![span(1, 0, 12, "claim", "omar")];
    project.documents = vec![first.into(), second.into()];
    let path = dir.join("p.ron");
    std::fs::write(&path, ron::ser::to_string_pretty(&project, ron::ser::PrettyConfig::default()).unwrap())
        .unwrap();
    path
}

fn hashiya(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hashiya")).args(args).output().unwrap()
}

fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap();
    let reader = png::Decoder::new(std::io::Cursor::new(bytes)).read_info().unwrap();
    let info = reader.info();
    (info.width, info.height)
}

#[test]
fn renders_a_document_by_id_and_by_position() {
    let dir = tempfile::tempdir().unwrap();
    let project = write_project(dir.path());
    let by_id = dir.path().join("id.png");
    let by_pos = dir.path().join("pos.png");
    let p = project.to_str().unwrap();
    let out = hashiya(&[
        "render",
        p,
        "--doc",
        "b",
        "--width",
        "500",
        "--font-size",
        "20",
        "--out",
        by_id.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = hashiya(&[
        "render",
        p,
        "--doc",
        "2",
        "--width",
        "500",
        "--font-size",
        "20",
        "--out",
        by_pos.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read(&by_id).unwrap(), std::fs::read(&by_pos).unwrap());
    assert_eq!(png_size(&by_id).0, 500 + 2 * 24);
}

#[test]
fn one_annotator_can_be_drawn_alone() {
    let dir = tempfile::tempdir().unwrap();
    let project = write_project(dir.path());
    let p = project.to_str().unwrap();
    let all = dir.path().join("all.png");
    let amal = dir.path().join("amal.png");
    assert!(hashiya(&["render", p, "--doc", "b", "--out", all.to_str().unwrap()]).status.success());
    let out = hashiya(&["render", p, "--doc", "b", "--annotator", "amal", "--out", amal.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_ne!(std::fs::read(&all).unwrap(), std::fs::read(&amal).unwrap());
}

#[test]
fn errors_are_clear_and_exit_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let project = write_project(dir.path());
    let p = project.to_str().unwrap();
    let out_png = dir.path().join("x.png");
    let o = out_png.to_str().unwrap();
    let cases: [(&[&str], &str); 4] = [
        (&["render", p, "--doc", "7", "--out", o], "has 2 documents"),
        (&["render", p, "--doc", "zz", "--out", o], "no document has this id"),
        (&["render", p, "--doc", "b", "--annotator", "nobody", "--out", o], "no such layer"),
        (&["render", "/nonexistent/p.ron", "--doc", "1", "--out", o], "cannot read"),
    ];
    for (args, message) in cases {
        let out = hashiya(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} succeeded");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
    assert!(!out_png.exists());
}
