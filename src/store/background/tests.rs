//! The background writer: autosave timing, saves through the queue, their order.

use super::*;
use crate::store::test_projects::sample_project;
use crate::store::{ProjectFile, load, recovery_for, recovery_path, save};
use std::fs;

fn wait_for_saves(writer: &BackgroundWriter) -> Vec<SaveOutcome> {
    writer.wait_idle();
    writer.finished_saves()
}

#[test]
fn writes_only_while_dirty_and_at_most_every_interval() {
    let dir = tempfile::tempdir().unwrap();
    let project_path = dir.path().join("p.ron");
    let mut project = sample_project();
    save(&project, &project_path).unwrap();
    let mut writer =
        BackgroundWriter::with_interval(recovery_path(&project_path), 0, Duration::from_secs(60));
    assert!(!writer.tick(&project, 0), "clean project: nothing to write");
    project.name = "changed".into();
    assert!(writer.tick(&project, 1));
    writer.wait_idle();
    assert_eq!(load(writer.path()).unwrap(), project);
    project.name = "changed again".into();
    assert!(!writer.tick(&project, 2), "within the interval");
    assert!(writer.next_due(2).is_some_and(|d| d > Duration::from_secs(50)));
    assert!(writer.state().last_error.is_none());
}

#[test]
fn writes_again_after_the_interval() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron.recovery");
    let mut project = sample_project();
    let mut writer = BackgroundWriter::with_interval(path.clone(), 0, Duration::from_millis(20));
    assert!(writer.tick(&project, 1));
    project.name = "second".into();
    std::thread::sleep(Duration::from_millis(30));
    writer.wait_idle();
    assert!(writer.tick(&project, 2));
    writer.wait_idle();
    assert_eq!(load(&path).unwrap().name, "second");
}

#[test]
fn a_save_removes_the_recovery_file_written_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let project_path = dir.path().join("p.ron");
    let mut project = sample_project();
    let file = ProjectFile::create(&project_path, &project).unwrap();
    let mut writer = BackgroundWriter::new(recovery_path(&project_path), 0);
    project.name = "edited".into();
    // The recovery write and the save are queued back to back: the save comes after.
    assert!(writer.tick(&project, 1));
    writer.save(SaveJob { project: project.clone(), generation: 1, file, mode: SaveMode::Checked });
    let outcomes = wait_for_saves(&writer);
    assert_eq!(outcomes.len(), 1);
    assert!(outcomes[0].result.is_ok(), "{:?}", outcomes[0].result);
    assert_eq!(outcomes[0].generation, 1);
    writer.mark_saved(1);
    assert_eq!(recovery_for(&project_path), None);
    assert_eq!(load(&project_path).unwrap().name, "edited");
}

#[test]
fn saves_queued_back_to_back_are_all_written_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let mut project = sample_project();
    let file = ProjectFile::create(&path, &project).unwrap();
    let mut writer = BackgroundWriter::new(recovery_path(&path), 0);
    for (generation, name) in [(1, "one"), (2, "two")] {
        project.name = name.into();
        let job =
            SaveJob { project: project.clone(), generation, file: file.clone(), mode: SaveMode::Overwrite };
        writer.save(job);
    }
    let outcomes = wait_for_saves(&writer);
    let generations: Vec<u64> = outcomes.iter().map(|o| o.generation).collect();
    assert_eq!(generations, [1, 2]);
    assert!(outcomes.iter().all(|o| o.result.is_ok()));
    assert_eq!(load(&path).unwrap().name, "two");
    assert_eq!(load(&crate::store::backup_path(&path)).unwrap().name, "one");
}

#[test]
fn a_failed_save_says_why_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let project = sample_project();
    let file = ProjectFile::create(&path, &project).unwrap();
    fs::write(&path, "changed by someone else").unwrap();
    let mut writer = BackgroundWriter::new(recovery_path(&path), 0);
    writer.save(SaveJob { project, generation: 1, file, mode: SaveMode::Checked });
    let outcomes = wait_for_saves(&writer);
    assert!(matches!(outcomes[0].result, Err(StoreError::ChangedOnDisk { .. })), "{:?}", outcomes[0].result);
    assert_eq!(fs::read_to_string(&path).unwrap(), "changed by someone else");
}

#[test]
fn dropping_the_writer_finishes_a_queued_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let mut project = sample_project();
    let file = ProjectFile::create(&path, &project).unwrap();
    project.name = "closing".into();
    let mut writer = BackgroundWriter::new(recovery_path(&path), 0);
    writer.save(SaveJob { project, generation: 1, file, mode: SaveMode::Checked });
    drop(writer);
    assert_eq!(load(&path).unwrap().name, "closing");
}

#[test]
fn undo_back_to_saved_removes_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron.recovery");
    let project = sample_project();
    let mut writer = BackgroundWriter::new(path.clone(), 5);
    assert!(writer.tick(&project, 6));
    writer.wait_idle();
    assert!(path.exists());
    writer.tick(&project, 5);
    writer.wait_idle();
    assert!(!path.exists());
}

#[test]
fn write_failure_is_reported_not_panicked() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    fs::write(&blocker, "x").unwrap();
    let mut writer = BackgroundWriter::new(blocker.join("p.ron.recovery"), 0);
    assert!(writer.tick(&sample_project(), 1));
    writer.wait_idle();
    assert!(writer.state().last_error.is_some());
}
