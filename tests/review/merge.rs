//! `hashiya merge`: colleagues' files and folders merged by content hash, the report,
//! and the saved project.

use hashiya::model::{CharRange, DocId, Document, LabelId, Project, Span, SpanId, Timestamp};
use hashiya::store as project_file;
use std::path::Path;
use std::process::Command;

fn span(id: u64, start: usize, end: usize, label: &str) -> Span {
    Span::new(SpanId(id), CharRange::new(start, end), LabelId::new(label), "", Timestamp(0))
}

fn project(docs: &[(&str, &str)], annotator: &str, spans: &[(&str, Span)]) -> Project {
    let mut p = Project::new("p");
    for (id, text) in docs {
        p.push_document(Document::new(DocId::new(*id), format!("{id}.txt"), (*text).into()));
    }
    for (doc, s) in spans {
        let document = p.document(&DocId::new(*doc)).cloned().unwrap_or_else(|| panic!("no {doc}"));
        let s = Span { annotator: annotator.into(), ..s.clone() };
        p.layers.entry(annotator.into()).or_default().doc_mut(&document).spans.push(s);
    }
    p
}

fn hashiya(args: &[&Path]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run hashiya: {e}"));
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

const A: &str = "قتل 12 مدنياً";
const B: &str = "نفى الجيش ذلك";

#[test]
fn merges_a_folder_of_colleagues_files_by_content_hash() {
    let dir = tempfile::tempdir().unwrap();
    let ours_path = dir.path().join("mine.ron");
    let ours = project(&[("a", A), ("b", B)], "amal", &[("a", span(1, 0, 3, "claim"))]);
    project_file::save(&ours, &ours_path).unwrap();
    let team = dir.path().join("team");
    std::fs::create_dir(&team).unwrap();
    // omar calls the documents by other ids, and has one text we do not have.
    let omar = project(
        &[("o1", B), ("o2", A), ("o3", "نص آخر")],
        "omar",
        &[("o1", span(1, 0, 3, "denial")), ("o2", span(1, 4, 6, "figure")), ("o3", span(1, 0, 2, "claim"))],
    );
    project_file::save(&omar, &team.join("omar.ron")).unwrap();
    // sara's copy holds a changed version of amal's layer, which must not win.
    let sara = project(&[("a", A)], "amal", &[("a", span(1, 0, 6, "denial"))]);
    project_file::save(&sara, &team.join("sara.ron")).unwrap();
    std::fs::write(team.join("notes.txt"), "not a project").unwrap();

    let (ok, out) = hashiya(&[Path::new("merge"), &ours_path, &team, Path::new("--me"), Path::new("amal")]);
    assert!(ok, "{out}");
    assert!(out.contains("omar on a (theirs: o2): 1 spans, added"), "{out}");
    assert!(out.contains("not merged: document o3"), "{out}");
    assert!(out.contains("amal on a: 1 spans, kept (your own layer)"), "{out}");

    let merged = project_file::load(&ours_path).unwrap();
    let omar_layer = &merged.layers["omar"];
    let omar_span = |s: Span| Span { annotator: "omar".into(), ..s };
    assert_eq!(omar_layer.spans(&DocId::new("b")), [omar_span(span(1, 0, 3, "denial"))]);
    assert_eq!(omar_layer.spans(&DocId::new("a")), [omar_span(span(1, 4, 6, "figure"))]);
    assert_eq!(merged.layers["amal"], ours.layers["amal"]);
    assert_eq!(merged.documents, ours.documents);
}

#[test]
fn a_broken_colleague_file_is_an_error_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let ours_path = dir.path().join("mine.ron");
    project_file::save(&project(&[("a", A)], "amal", &[]), &ours_path).unwrap();
    let before = std::fs::read(&ours_path).unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(version: 1,").unwrap();
    let (ok, out) = hashiya(&[Path::new("merge"), &ours_path, &bad]);
    assert!(!ok);
    assert!(out.contains("bad.ron"), "{out}");
    assert_eq!(std::fs::read(&ours_path).unwrap(), before);
}
