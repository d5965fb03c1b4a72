//! A process killed with SIGKILL at random moments while saving a large project always
//! leaves a file that loads and is either the old or the new version; and unsaved work
//! autosaved before a crash can be loaded back.
//!
//! The test binary runs itself as the child: the `child_*` tests do the work when
//! `HASHIYA_KILL_TEST_DIR` is set and return at once otherwise.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers fail loudly.

use crate::common;

use common::{Rng, generated_project};
use hashiya::model::{Project, Status};
use hashiya::store::{self, BackgroundWriter};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const DIR_VAR: &str = "HASHIYA_KILL_TEST_DIR";

/// The parent tests take turns: each measures timing of its own child process, which a
/// neighbour's save loop on the same cores would distort.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The two versions the child saves in turn: 2,000 articles, differing in name and a span.
fn versions() -> (Project, Project) {
    let old = generated_project("old", 2000, 1200, 3, 42);
    let mut new = old.clone();
    new.name = "new".into();
    let layer = new.layers.get_mut("amal").unwrap();
    let first = std::sync::Arc::make_mut(layer.docs.values_mut().next().unwrap());
    first.spans.pop();
    (old, new)
}

fn spawn_child(test: &str, dir: &Path) -> Child {
    // The test's full name in this binary: its module path without the crate.
    let module = module_path!().split_once("::").map_or("", |(_, rest)| rest);
    let test = if module.is_empty() { test.to_string() } else { format!("{module}::{test}") };
    Command::new(std::env::current_exe().unwrap())
        .args([test.as_str(), "--exact", "--nocapture", "--test-threads=1"])
        .env(DIR_VAR, dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn wait_for(path: &Path, limit: Duration) {
    let start = Instant::now();
    while !path.exists() {
        assert!(start.elapsed() < limit, "{} did not appear", path.display());
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Child: saves the two versions in turn, forever (until killed).
#[test]
fn child_save_loop() {
    let Some(dir) = std::env::var_os(DIR_VAR).map(PathBuf::from) else { return };
    let (old, new) = versions();
    let path = dir.join("project.ron");
    let ready = dir.join("ready");
    loop {
        for version in [&new, &old] {
            store::save(version, &path).unwrap();
            if !ready.exists() {
                std::fs::write(&ready, "").unwrap();
            }
        }
    }
}

#[test]
fn kill_during_save_leaves_old_or_new() {
    if std::env::var_os(DIR_VAR).is_some() {
        return;
    }
    let _turn = one_at_a_time();
    let (old, new) = versions();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("project.ron");
    let started = Instant::now();
    store::save(&old, &path).unwrap();
    let save_time = started.elapsed().max(Duration::from_millis(5));
    let mut rng = Rng::new(u64::from(std::process::id()));
    let mut seen = [0usize; 2];
    let rounds = 24;
    for round in 0..rounds {
        let ready = dir.path().join("ready");
        let _ = std::fs::remove_file(&ready);
        let mut child = spawn_child("child_save_loop", dir.path());
        wait_for(&ready, Duration::from_secs(120));
        // Kill somewhere within the next two or three saves.
        let delay = rng.below(save_time.as_micros() as u64 * 3);
        std::thread::sleep(Duration::from_micros(delay));
        child.kill().unwrap();
        child.wait().unwrap();
        let loaded = store::load(&path).unwrap_or_else(|e| panic!("round {round}: {e}"));
        if loaded == old {
            seen[0] += 1;
        } else if loaded == new {
            seen[1] += 1;
        } else {
            panic!("round {round}: the file is neither version");
        }
        let backup =
            store::load(&store::backup_path(&path)).unwrap_or_else(|e| panic!("round {round}: backup: {e}"));
        assert!(backup == old || backup == new, "round {round}: the backup is neither version");
    }
    eprintln!("{rounds} kills: old {} times, new {} times", seen[0], seen[1]);
    // Temp files left by a killed save are hidden and never mistaken for the project.
    let visible: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    assert!(
        visible
            .iter()
            .all(|n| ["project.ron", "project.ron.bak", "project.ron.lock", "ready"].contains(&n.as_str())),
        "{visible:?}"
    );
}

/// Child: edits a project continuously with autosave on, until killed. The project name
/// carries the edit number.
#[test]
fn child_edit_with_autosave() {
    let Some(dir) = std::env::var_os(DIR_VAR).map(PathBuf::from) else { return };
    let path = dir.join("project.ron");
    let mut project = store::load(&path).unwrap();
    let mut autosaver =
        BackgroundWriter::with_interval(store::recovery_path(&path), 0, Duration::from_millis(100));
    let start = Instant::now();
    for generation in 1u64.. {
        project.name = format!("edit {generation} at {}", start.elapsed().as_millis());
        if autosaver.tick(&project, generation) {
            std::fs::write(dir.join("ticked"), "").unwrap();
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn autosaved_work_survives_a_crash() {
    if std::env::var_os(DIR_VAR).is_some() {
        return;
    }
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("project.ron");
    let project = generated_project("saved", 50, 800, 5, 3);
    store::save(&project, &path).unwrap();
    let mut child = spawn_child("child_edit_with_autosave", dir.path());
    wait_for(&dir.path().join("ticked"), Duration::from_secs(60));
    std::thread::sleep(Duration::from_millis(700));
    child.kill().unwrap();
    child.wait().unwrap();

    let recovery = store::recovery_for(&path).expect("a recovery file is offered");
    let recovered = store::load(&recovery.path).unwrap();
    // The last autosave is at most one interval (plus one write) behind the crash.
    let edited_ms: u64 = recovered.name.rsplit(' ').next().unwrap().parse().unwrap();
    assert!(edited_ms >= 500, "recovered work from {edited_ms} ms, killed after 700+ ms");
    let mut expected = project.clone();
    expected.name = recovered.name.clone();
    assert_eq!(recovered, expected);
    // The project file itself was never touched by autosave.
    assert_eq!(store::load(&path).unwrap(), project);
}

/// The large project of the autosave kill test: 10,000 short articles.
const LARGE_ARTICLES: usize = 10_000;

/// Child: opens the large project and edits it without pause (document `g` gets omar's
/// status Done at edit `g`, the name says `edit g`) while the autosaver writes a snapshot
/// whenever the previous write is done. Writes `written` with the time of one autosave.
#[test]
fn child_edit_large_with_autosave() {
    let Some(dir) = std::env::var_os(DIR_VAR).map(PathBuf::from) else { return };
    let path = dir.join("project.ron");
    let mut project = store::load(&path).unwrap();
    let mut autosaver = BackgroundWriter::with_interval(store::recovery_path(&path), 0, Duration::ZERO);
    let ids: Vec<_> = project.documents.iter().map(|d| d.id.clone()).collect();
    let mut first_write = None;
    for (generation, id) in (1u64..).zip(ids.iter().cycle()) {
        project.name = format!("edit {generation}");
        project.document_mut(id).unwrap().status.insert("omar".into(), Status::Done);
        if autosaver.tick(&project, generation) && first_write.is_none() {
            let started = Instant::now();
            autosaver.wait_idle();
            first_write = Some(started.elapsed());
            std::fs::write(dir.join("written"), started.elapsed().as_millis().to_string()).unwrap();
        }
        // Brisk labelling: an edit every millisecond leaves the writer a core.
        std::thread::sleep(Duration::from_millis(1));
    }
}

#[test]
fn kill_during_autosave_of_a_large_project_leaves_both_files_loadable() {
    if std::env::var_os(DIR_VAR).is_some() {
        return;
    }
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("project.ron");
    let project = generated_project("large", LARGE_ARTICLES, 600, 2, 5);
    store::save(&project, &path).unwrap();
    let mut rng = Rng::new(u64::from(std::process::id()));
    for round in 0..3 {
        let written = dir.path().join("written");
        let _ = std::fs::remove_file(&written);
        let _ = std::fs::remove_file(store::recovery_path(&path));
        let mut child = spawn_child("child_edit_large_with_autosave", dir.path());
        wait_for(&written, Duration::from_secs(300));
        std::thread::sleep(Duration::from_millis(20));
        let write_ms: u64 = std::fs::read_to_string(&written).unwrap().parse().unwrap_or(100);
        // Somewhere within the next few autosaves (each also waits for the edits around it).
        std::thread::sleep(Duration::from_millis(rng.below(write_ms.max(1) * 4)));
        child.kill().unwrap();
        child.wait().unwrap();

        assert_eq!(store::load(&path).unwrap(), project, "round {round}: autosave never touches the project");
        let recovery = store::recovery_for(&path).expect("a recovery file is offered");
        let recovered =
            store::load(&recovery.path).unwrap_or_else(|e| panic!("round {round}: recovery: {e}"));
        // The snapshot is one consistent state: edit g set omar's status on the first g documents.
        let g: usize = recovered.name.strip_prefix("edit ").unwrap().parse().unwrap();
        let done: Vec<bool> =
            recovered.documents.iter().map(|d| d.status_of("omar") == Status::Done).collect();
        let expected: Vec<bool> = (0..LARGE_ARTICLES).map(|i| g >= LARGE_ARTICLES || i < g).collect();
        assert!(done == expected, "round {round}: the recovery of edit {g} is not that edit's state");
        assert_eq!(recovered.layers, project.layers, "round {round}");
        eprintln!("round {round}: recovered edit {g} (one autosave took {write_ms} ms)");
    }
}
