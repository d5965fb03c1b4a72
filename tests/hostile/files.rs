//! Hostile and messy input, files and paths (issue 14, cases 5 to 10): links where
//! temporary files go, brat folders, device links, unbounded inputs, link loops and
//! unbounded pictures.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly.

use crate::common;

use common::{run_hashiya, small_project, stderr};
use hashiya::store;
use std::ffi::OsStr;
use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn project(dir: &Path) -> PathBuf {
    let path = dir.join("p.ron");
    store::save(&small_project(), &path).unwrap();
    path
}

fn export(project: &Path, format: &str, out: &Path) -> std::process::Output {
    run_hashiya([
        "export".as_ref(),
        project.as_os_str(),
        "--format".as_ref(),
        OsStr::new(format),
        "--out".as_ref(),
        out.as_os_str(),
    ])
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// Case 5: a link planted where the old `OUT.partial` went is never written through.
#[test]
fn case05_a_link_at_the_temporary_name_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let project = project(dir.path());
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "untouched").unwrap();
    let out = dir.path().join("out.jsonl");
    symlink(&victim, dir.path().join("out.jsonl.partial")).unwrap();
    let output = export(&project, "jsonl", &out);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(fs::read_to_string(&victim).unwrap(), "untouched");
    assert!(fs::read_to_string(&out).unwrap().contains("\"spans\""));
    assert!(!fs::symlink_metadata(&out).unwrap().file_type().is_symlink());
}

/// Case 6: a brat export writes the folder whole: no stale files of an earlier, larger
/// export; never through links in the folder; a folder that is not an export is refused.
#[test]
fn case06_brat_folders_are_written_whole_and_never_through_links() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.ron");
    store::save(&common::generated_project("big", 5, 300, 3, 7), &big).unwrap();
    let small = dir.path().join("small.ron");
    store::save(&common::generated_project("small", 2, 300, 3, 8), &small).unwrap();
    let out = dir.path().join("brat");
    assert_eq!(export(&big, "brat", &out).status.code(), Some(0));
    assert_eq!(names(&out).len(), 12);
    let output = export(&small, "brat", &out);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(names(&out).len(), 6, "{:?}", names(&out));
    let mut reimported = hashiya::model::Project::new("r");
    let options = hashiya::formats::import::ImportOptions::new(None);
    let never = std::sync::atomic::AtomicBool::new(false);
    hashiya::formats::import::import_annotations(&mut reimported, &out, &options, &mut |_| {}, &never)
        .unwrap();
    assert_eq!(reimported.documents.len(), 2);

    // A folder with a link in it is not a previous export: refused, nothing written.
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "untouched").unwrap();
    let planted = dir.path().join("planted");
    fs::create_dir(&planted).unwrap();
    let first_id = store::load(&small).unwrap().documents[0].id.to_string();
    symlink(&victim, planted.join(format!("{first_id}.txt"))).unwrap();
    let output = export(&small, "brat", &planted);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(fs::read_to_string(&victim).unwrap(), "untouched");
    assert_eq!(names(&planted).len(), 1);

    // A folder of someone else's files is refused too; a link to a folder as well.
    let other = dir.path().join("other");
    fs::create_dir(&other).unwrap();
    fs::write(other.join("notes.md"), "mine").unwrap();
    assert_eq!(export(&small, "brat", &other).status.code(), Some(1));
    assert_eq!(names(&other), ["notes.md"]);
    let link = dir.path().join("link");
    symlink(&out, &link).unwrap();
    assert_eq!(export(&small, "brat", &link).status.code(), Some(1));
    // `.` is refused with a clear message, not "Device or resource busy".
    let output = run_hashiya([
        "export".as_ref(),
        small.as_os_str(),
        "--format".as_ref(),
        "brat".as_ref(),
        "--out".as_ref(),
        ".".as_ref(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(!stderr(&output).contains("busy"), "{}", stderr(&output));
    // Nothing temporary is left beside the folders.
    assert!(names(dir.path()).iter().all(|n| !n.starts_with('.')), "{:?}", names(dir.path()));
}

/// Case 7: `--out` that links to a device is refused, never replaced by a regular file;
/// `--out -` writes to stdout. The device is a fake one: a link to a named pipe.
#[test]
fn case07_a_link_to_a_device_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let project = project(dir.path());
    let fifo = dir.path().join("fifo");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let out = dir.path().join("stdout-link");
    symlink(&fifo, &out).unwrap();
    for format in ["csv", "jsonl"] {
        let output = export(&project, format, &out);
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        assert!(stderr(&output).contains("not a regular file"), "{}", stderr(&output));
        assert!(fs::symlink_metadata(&out).unwrap().file_type().is_symlink());
    }
    // A folder as --out: a message, not an OS error said twice.
    let output = export(&project, "csv", Path::new("."));
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!err.contains("busy"), "{err}");
    let output = export(&project, "jsonl", Path::new("-"));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("\"spans\""));
}

/// Case 8: inputs that are devices or pipes are refused at once, not read without end.
#[test]
fn case08_devices_and_pipes_are_refused_as_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let project = project(dir.path());
    let fifo = dir.path().join("pipe.txt");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let zero_txt = dir.path().join("zero.txt");
    symlink("/dev/zero", &zero_txt).unwrap();
    let zero_jsonl = dir.path().join("zero.jsonl");
    symlink("/dev/zero", &zero_jsonl).unwrap();
    let fifo_jsonl = dir.path().join("pipe.jsonl");
    symlink(&fifo, &fifo_jsonl).unwrap();
    let start = Instant::now();
    for input in [&fifo, &zero_txt, &zero_jsonl, &fifo_jsonl] {
        let output = run_hashiya(["import".as_ref(), project.as_os_str(), input.as_os_str()]);
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        assert!(stderr(&output).contains("not a regular file"), "{}", stderr(&output));
    }
    // The project itself, and a colleague's file to merge, as a device or a pipe.
    for command in ["validate", "agree"] {
        let output = run_hashiya([OsStr::new(command), zero_txt.as_os_str()]);
        assert_eq!(output.status.code(), Some(1));
        assert!(stderr(&output).contains("not a regular file"), "{}", stderr(&output));
    }
    let output = run_hashiya(["merge".as_ref(), project.as_os_str(), fifo.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(start.elapsed() < Duration::from_secs(30));
}

/// Case 9: a brat folder with links to `.` and to its parent is read once, and ends.
#[test]
fn case09_link_loops_in_a_brat_folder_end() {
    let dir = tempfile::tempdir().unwrap();
    let project = project(dir.path());
    let brat = dir.path().join("brat");
    fs::create_dir(&brat).unwrap();
    fs::write(brat.join("a.txt"), "قال مصدر").unwrap();
    fs::write(brat.join("a.ann"), "T1\tclaim 0 3\tقال\n#1\tAnnotatorNotes T1\tannotator: amal\n").unwrap();
    symlink(".", brat.join("self")).unwrap();
    symlink("..", brat.join("up")).unwrap();
    let start = Instant::now();
    let output = run_hashiya(["import".as_ref(), project.as_os_str(), brat.as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(start.elapsed() < Duration::from_secs(30));
    assert!(stderr(&output).contains("1 documents read"), "{}", stderr(&output));
}

/// Case 10: `render` refuses pictures that are too tall or sizes that make no sense.
#[test]
fn case10_render_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.ron");
    let mut long = hashiya::model::Project::new("long");
    let text = "قال مصدر إن 12 مدنياً قتلوا في الغارة. ".repeat(20_000);
    long.push_document(hashiya::model::Document::new(hashiya::model::DocId::new("d"), "d.txt", text));
    store::save(&long, &path).unwrap();
    let png = dir.path().join("out.png");
    let render = |extra: &[&str]| {
        let mut args: Vec<&OsStr> = vec!["render".as_ref(), path.as_os_str(), "--doc".as_ref(), "1".as_ref()];
        args.extend(extra.iter().map(OsStr::new));
        args.extend(["--out".as_ref(), png.as_os_str()]);
        run_hashiya(args)
    };
    let start = Instant::now();
    let output = render(&[]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("--max-height"), "{}", stderr(&output));
    let output = render(&["--width", "1", "--font-size", "400"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("--width"), "{}", stderr(&output));
    assert!(start.elapsed() < Duration::from_secs(30));
    assert!(!png.exists());
}
