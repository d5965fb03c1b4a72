//! Closing the window while a save is written, then killing the process (kill -9) at any
//! moment after the close request: the project file and its `.bak` are whole, whatever the
//! moment. The window runs in a child process (this test binary again, told by an
//! environment variable to be the window), so the test can kill it.

#![allow(clippy::unwrap_used)] // a test fails loudly on a broken fixture

use crate::common;

use common::window::{SAMPLE, wait_for_save, window_on};
use egui::{Key, Modifiers};
use hashiya::model::{DocId, Document};
use hashiya::store;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Set in the child: the project the window opens.
const CHILD_PROJECT: &str = "HASHIYA_CLOSE_KILL_PROJECT";
const TEST_NAME: &str = "close_kill::kill_9_after_a_close_request_during_a_save_leaves_a_whole_file_and_bak";
const CLOSE_REQUESTED: &str = "close requested";

#[test]
fn kill_9_after_a_close_request_during_a_save_leaves_a_whole_file_and_bak() {
    if let Some(path) = std::env::var_os(CHILD_PROJECT) {
        return be_the_window(Path::new(&path));
    }
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.ron");
    store::save(&big_project(), &base).unwrap();
    for delay_ms in [0, 2, 5, 10, 20, 50, 100, 200] {
        let path = dir.path().join(format!("p{delay_ms}.ron"));
        std::fs::copy(&base, &path).unwrap();
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", TEST_NAME, "--nocapture", "--test-threads=1"])
            .env(CHILD_PROJECT, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let requested =
            BufReader::new(stdout).lines().map_while(Result::ok).any(|line| line.ends_with(CLOSE_REQUESTED));
        assert!(requested, "the window asked to close ({delay_ms} ms)");
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().unwrap();
        child.wait().unwrap();
        let loaded = store::load(&path);
        assert!(loaded.is_ok(), "{delay_ms} ms: the file loads: {:?}", loaded.err());
        let bak = dir.path().join(format!("p{delay_ms}.ron.bak"));
        assert!(bak.exists(), "{delay_ms} ms: the .bak is there");
        assert!(store::load(&bak).is_ok(), "{delay_ms} ms: the .bak loads");
    }
}

/// The sample with 400 more articles, so that a save takes a while.
fn big_project() -> hashiya::model::Project {
    let mut project = store::load(Path::new(SAMPLE)).unwrap();
    let texts: Vec<String> = project.documents.iter().map(|d| d.text.to_string()).collect();
    for i in 0..400 {
        let text = format!("{}\n{i}", texts[i % texts.len()]);
        project.push_document(Document::new(DocId::new(format!("copy-{i}")), format!("copy-{i}.txt"), text));
    }
    project
}

/// The child: saves once (so there is a `.bak`), changes the project, presses Ctrl+S and
/// asks to close at once, says so on stdout, then lets the window run until killed.
fn be_the_window(path: &Path) {
    let mut h = window_on(path, "amal");
    h.state_mut().session.toggle_done().unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.step();
    wait_for_save(&mut h);
    h.state_mut().session.toggle_done().unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.step();
    println!("{CLOSE_REQUESTED}");
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        h.step();
        std::thread::sleep(Duration::from_millis(1));
    }
}
