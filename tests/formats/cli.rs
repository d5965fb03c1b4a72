//! `hashiya export` from the command line (options, summary, errors), and cancelling the
//! library export behind it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers outside #[test] functions

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/fixture.ron")
}

fn export(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hashiya")).arg("export").arg(fixture()).args(args).output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn export_writes_the_file_and_a_summary_without_progress_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("x.jsonl");
    let out = export(&["--format", "jsonl", "--out", out_path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("exported 3 documents, 10 spans (layers: amal, omar) as jsonl"), "{err}");
    assert!(err.contains("code points"), "{err}");
    assert!(!err.contains('\r') && !err.contains('\x1b'), "no progress line when stderr is not a terminal");
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/export.jsonl");
    assert_eq!(std::fs::read_to_string(out_path).unwrap(), std::fs::read_to_string(golden).unwrap());
}

#[test]
fn options_filter_and_conll_reports_its_losses() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("x.conll");
    let out = export(&[
        "--format",
        "conll",
        "--out",
        out_path.to_str().unwrap(),
        "--annotator",
        "omar",
        "--labels",
        "figure,denial",
        "--status",
        "in-progress",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("exported 2 documents, 4 spans (layer: omar)"), "{err}");
    assert!(err.contains("1 spans dropped"), "{err}");
    let conll = std::fs::read_to_string(out_path).unwrap();
    assert!(conll.starts_with("# doc_id = raqqa-01\n# annotator = omar\n"), "{conll}");
    assert!(!conll.contains("claim"));
}

#[test]
fn bad_options_are_refused_with_the_choices() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("x");
    let out_str = out_path.to_str().unwrap();
    let cases: [(&[&str], &str); 5] = [
        (&["--format", "xml", "--out", out_str], "jsonl, doccano, prodigy, conll, brat or csv"),
        (&["--format", "csv", "--out", out_str, "--annotator", "zaid"], "amal, omar"),
        (&["--format", "csv", "--out", out_str, "--labels", "rumour"], "claim, denial, figure"),
        (&["--format", "csv", "--out", out_str, "--status", "finished"], "new, in-progress or done"),
        (&["--format", "csv", "--out", out_str, "--gold", "--annotator", "amal"], "cannot be used with"),
    ];
    for (args, expected) in cases {
        let out = export(args);
        assert!(!out.status.success(), "{args:?}");
        assert!(stderr(&out).contains(expected), "{args:?}: {}", stderr(&out));
        assert!(!out_path.exists(), "{args:?} wrote a file");
    }
}

#[test]
fn gold_export_of_a_project_without_gold_is_an_error() {
    // Issue 18, case 15: it used to write every document as an empty negative.
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("gold.prodigy.jsonl");
    let out = export(&["--format", "prodigy", "--out", out_path.to_str().unwrap(), "--gold"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no gold layer yet"), "{}", stderr(&out));
    assert!(!out_path.exists());
    let out =
        export(&["--format", "prodigy", "--out", out_path.to_str().unwrap(), "--labels", "nothing-here"]);
    assert!(!out.status.success(), "an unknown label is an error");
}

#[test]
fn cancelling_an_export_leaves_no_file() {
    use hashiya::formats::{self, ExportFormat, ExportOptions, FormatError, Stage};
    use hashiya::store as project_file;
    use std::sync::atomic::{AtomicBool, Ordering};
    let project = project_file::load(&fixture()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.jsonl");
    let cancel = AtomicBool::new(false);
    let mut reports = Vec::new();
    let result = formats::export(
        &project,
        ExportFormat::Jsonl,
        &ExportOptions::default(),
        &out,
        &mut |p| {
            reports.push(p);
            cancel.store(true, Ordering::Relaxed);
        },
        &cancel,
    );
    assert!(matches!(result, Err(FormatError::Cancelled)));
    assert_eq!(reports.len(), 1);
    assert_eq!((reports[0].stage, reports[0].done, reports[0].total), (Stage::Writing, 1, 3));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "neither the file nor a partial one");
}
