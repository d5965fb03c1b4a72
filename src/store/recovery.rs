//! Autosave to a recovery file, and finding it again after a crash.
//!
//! While a project has unsaved changes, the [`Autosaver`] writes it (atomically, in the
//! project file format) to `NAME.ron.recovery` beside the project file, or to
//! `$XDG_DATA_HOME/hashiya/` (`~/.local/share/hashiya/`) for a project that was never
//! saved. It writes at most every [`AUTOSAVE_INTERVAL`] on a background thread, so a crash
//! loses at most the last few seconds of work and the window never waits for the disk.
//! A save of the project removes the recovery file; on open, [`recovery_for`] tells
//! whether one newer than the project file is waiting, so the app can offer it.

use super::atomic::{with_suffix, write_atomic_with};
use super::{StoreError, format};
use crate::model::Project;
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime};

/// How often, at most, unsaved work is written to the recovery file.
pub const AUTOSAVE_INTERVAL: Duration = Duration::from_secs(3);

/// The recovery file of a saved project: `NAME.ron.recovery` beside it.
pub fn recovery_path(project_path: &Path) -> PathBuf {
    with_suffix(project_path, ".recovery")
}

/// The folder for recovery files of projects that have no file yet:
/// `$XDG_DATA_HOME/hashiya`, else `$HOME/.local/share/hashiya`.
pub fn unsaved_recovery_dir() -> Option<PathBuf> {
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local").join("share")))?;
    Some(data.join("hashiya"))
}

/// The recovery file of a project never saved, named after the project.
pub fn unsaved_recovery_path(dir: &Path, project_name: &str) -> PathBuf {
    let stem: String = project_name
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
        .collect();
    let stem = if stem.is_empty() { "untitled".to_string() } else { stem };
    dir.join(format!("{stem}.ron.recovery"))
}

/// A recovery file waiting to be offered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovery {
    pub path: PathBuf,
    pub modified: Option<SystemTime>,
}

/// The recovery file of `project_path` when there is one newer than the project file (or
/// the project file is gone). Load it with [`super::load`]; it is a project file.
pub fn recovery_for(project_path: &Path) -> Option<Recovery> {
    let path = recovery_path(project_path);
    let recovery_time = fs::metadata(&path).ok()?.modified().ok();
    let project_time = fs::metadata(project_path).ok().and_then(|m| m.modified().ok());
    match (recovery_time, project_time) {
        (Some(r), Some(p)) if r < p => None,
        _ => Some(Recovery { path, modified: recovery_time }),
    }
}

/// Removes the recovery file of `project_path`, if any (after a save, or when the user
/// discards the recovered work).
pub fn remove_recovery(project_path: &Path) -> Result<(), StoreError> {
    remove_file_if_present(&recovery_path(project_path))
}

fn remove_file_if_present(path: &Path) -> Result<(), StoreError> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != ErrorKind::NotFound => Err(StoreError::io("cannot remove", path, e)),
        _ => Ok(()),
    }
}

/// Writes `project` to the recovery file `path` atomically (no backup kept).
pub fn write_recovery(project: &Project, path: &Path) -> Result<(), StoreError> {
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        fs::create_dir_all(dir).map_err(|e| StoreError::io("cannot create", dir, e))?;
    }
    write_atomic_with(path, false, &mut |w| {
        format::write_ron(project, &mut |chunk: &str| w.write_all(chunk.as_bytes()))
    })
}

enum Job {
    Write(Box<Project>),
    Remove,
}

/// What the background writer last did, for the app to show.
#[derive(Clone, Debug, Default)]
pub struct AutosaveState {
    /// When the recovery file was last written successfully.
    pub last_written: Option<SystemTime>,
    /// The last failure, cleared by the next success.
    pub last_error: Option<String>,
    /// Jobs sent and not yet done.
    pending: usize,
}

/// Writes unsaved work to a recovery file in the background.
///
/// The app calls [`Autosaver::tick`] every frame with the project and its change counter
/// (any number that changes with every edit, e.g. the undo history's generation). The
/// call is cheap: it compares two numbers and a time, and only every few seconds, while
/// there are unsaved changes and no write is under way, clones the project and hands it to
/// the writer thread. The clone shares the documents and spans with the window's project
/// (see [`Project`]), so it copies pointers, not texts: a few milliseconds for 10,000
/// articles; serializing and writing happen on the writer thread. Since egui only draws frames on input, the app should also call
/// `ctx.request_repaint_after(d)` with [`Autosaver::next_due`].
pub struct Autosaver {
    path: PathBuf,
    interval: Duration,
    /// Generation that is on disk in the project file (nothing to recover).
    saved_generation: u64,
    /// Generation last handed to the writer.
    sent_generation: Option<u64>,
    last_sent: Option<Instant>,
    sender: Option<SyncSender<Job>>,
    state: Arc<Mutex<AutosaveState>>,
    worker: Option<JoinHandle<()>>,
}

impl Autosaver {
    /// An autosaver writing to `recovery_path`; `saved_generation` is the change counter of
    /// the project as it is in its file.
    pub fn new(recovery_path: PathBuf, saved_generation: u64) -> Self {
        Self::with_interval(recovery_path, saved_generation, AUTOSAVE_INTERVAL)
    }

    /// Like [`Autosaver::new`] with another interval (tests use a short one).
    pub fn with_interval(recovery_path: PathBuf, saved_generation: u64, interval: Duration) -> Self {
        let (sender, receiver) = mpsc::sync_channel(1);
        let state = Arc::new(Mutex::new(AutosaveState::default()));
        let worker_state = Arc::clone(&state);
        let worker_path = recovery_path.clone();
        let worker = std::thread::Builder::new()
            .name("hashiya-autosave".into())
            .spawn(move || run_worker(&worker_path, &receiver, &worker_state))
            .ok();
        Self {
            path: recovery_path,
            interval,
            saved_generation,
            sent_generation: None,
            last_sent: None,
            sender: worker.is_some().then_some(sender),
            state,
            worker,
        }
    }

    /// The recovery file this autosaver writes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Called every frame. Returns whether a write was started.
    pub fn tick(&mut self, project: &Project, generation: u64) -> bool {
        if self.sent_generation == Some(generation) {
            return false;
        }
        if generation == self.saved_generation {
            // Back to what is saved (undo, or a save): nothing to recover.
            if self.sent_generation.is_some() && self.send(Job::Remove) {
                self.sent_generation = None;
            }
            return false;
        }
        if self.last_sent.is_some_and(|t| t.elapsed() < self.interval) {
            return false;
        }
        if self.state().pending > 0 {
            return false;
        }
        let sent = self.send(Job::Write(Box::new(project.clone())));
        if sent {
            self.sent_generation = Some(generation);
            self.last_sent = Some(Instant::now());
        }
        sent
    }

    /// How long until a [`Autosaver::tick`] could write, when there is something to write
    /// for `generation`; for `request_repaint_after`.
    pub fn next_due(&self, generation: u64) -> Option<Duration> {
        if generation == self.saved_generation || self.sent_generation == Some(generation) {
            return None;
        }
        Some(self.last_sent.map_or(Duration::ZERO, |t| self.interval.saturating_sub(t.elapsed())))
    }

    /// The project was saved at `generation`: the save removed the recovery file and there
    /// is nothing to recover until the next change.
    pub fn mark_saved(&mut self, generation: u64) {
        self.saved_generation = generation;
        self.sent_generation = None;
        // A write queued before the save must not bring the recovery file back.
        self.wait_idle();
        let _ = self.send(Job::Remove);
    }

    /// What the writer last did.
    pub fn state(&self) -> AutosaveState {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Blocks until every write handed over so far is on disk (on exit, and in tests).
    pub fn wait_idle(&self) {
        while self.state().pending > 0 && self.worker.as_ref().is_some_and(|w| !w.is_finished()) {
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    fn send(&self, job: Job) -> bool {
        let Some(sender) = &self.sender else { return false };
        self.state.lock().unwrap_or_else(PoisonError::into_inner).pending += 1;
        match sender.try_send(job) {
            Ok(()) => true,
            Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => {
                self.state.lock().unwrap_or_else(PoisonError::into_inner).pending -= 1;
                false
            }
        }
    }
}

impl Drop for Autosaver {
    fn drop(&mut self) {
        self.sender = None;
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

fn run_worker(path: &Path, jobs: &Receiver<Job>, state: &Mutex<AutosaveState>) {
    while let Ok(job) = jobs.recv() {
        let result = match job {
            Job::Write(project) => write_recovery(&project, path),
            Job::Remove => remove_file_if_present(path),
        };
        let mut state = state.lock().unwrap_or_else(PoisonError::into_inner);
        state.pending = state.pending.saturating_sub(1);
        match result {
            Ok(()) => {
                state.last_written = Some(SystemTime::now());
                state.last_error = None;
            }
            Err(error) => state.last_error = Some(error.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_projects::sample_project;
    use crate::store::{ProjectFile, SaveMode, load, save};

    #[test]
    fn writes_only_while_dirty_and_at_most_every_interval() {
        let dir = tempfile::tempdir().unwrap();
        let project_path = dir.path().join("p.ron");
        let mut project = sample_project();
        save(&project, &project_path).unwrap();
        let mut autosaver =
            Autosaver::with_interval(recovery_path(&project_path), 0, Duration::from_secs(60));
        assert!(!autosaver.tick(&project, 0), "clean project: nothing to write");
        project.name = "changed".into();
        assert!(autosaver.tick(&project, 1));
        autosaver.wait_idle();
        assert_eq!(load(autosaver.path()).unwrap(), project);
        project.name = "changed again".into();
        assert!(!autosaver.tick(&project, 2), "within the interval");
        assert!(autosaver.next_due(2).is_some_and(|d| d > Duration::from_secs(50)));
        assert_eq!(autosaver.state().last_error, None);
    }

    #[test]
    fn writes_again_after_the_interval() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron.recovery");
        let mut project = sample_project();
        let mut autosaver = Autosaver::with_interval(path.clone(), 0, Duration::from_millis(20));
        assert!(autosaver.tick(&project, 1));
        project.name = "second".into();
        std::thread::sleep(Duration::from_millis(30));
        autosaver.wait_idle();
        assert!(autosaver.tick(&project, 2));
        autosaver.wait_idle();
        assert_eq!(load(&path).unwrap().name, "second");
    }

    #[test]
    fn saving_removes_the_recovery_file() {
        let dir = tempfile::tempdir().unwrap();
        let project_path = dir.path().join("p.ron");
        let mut project = sample_project();
        let mut file = ProjectFile::create(&project_path, &project).unwrap();
        let mut autosaver = Autosaver::new(recovery_path(&project_path), 0);
        project.name = "edited".into();
        assert!(autosaver.tick(&project, 1));
        autosaver.wait_idle();
        assert!(recovery_for(&project_path).is_some());
        file.save(&project, SaveMode::Checked).unwrap();
        autosaver.mark_saved(1);
        autosaver.wait_idle();
        assert_eq!(recovery_for(&project_path), None);
        assert!(!recovery_path(&project_path).exists());
    }

    #[test]
    fn undo_back_to_saved_removes_the_recovery_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron.recovery");
        let project = sample_project();
        let mut autosaver = Autosaver::new(path.clone(), 5);
        assert!(autosaver.tick(&project, 6));
        autosaver.wait_idle();
        assert!(path.exists());
        autosaver.tick(&project, 5);
        autosaver.wait_idle();
        assert!(!path.exists());
    }

    #[test]
    fn recovery_older_than_the_project_is_not_offered() {
        let dir = tempfile::tempdir().unwrap();
        let project_path = dir.path().join("p.ron");
        write_recovery(&sample_project(), &recovery_path(&project_path)).unwrap();
        assert!(recovery_for(&project_path).is_some(), "no project file: offer it");
        std::thread::sleep(Duration::from_millis(20));
        save(&sample_project(), &project_path).unwrap();
        assert_eq!(recovery_for(&project_path), None);
    }

    #[test]
    fn write_failure_is_reported_not_panicked() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        fs::write(&blocker, "x").unwrap();
        let mut autosaver = Autosaver::new(blocker.join("p.ron.recovery"), 0);
        assert!(autosaver.tick(&sample_project(), 1));
        autosaver.wait_idle();
        assert!(autosaver.state().last_error.is_some());
    }

    #[test]
    fn unsaved_projects_get_a_file_named_after_them() {
        let dir = Path::new("/data/hashiya");
        assert_eq!(unsaved_recovery_path(dir, "أخبار 2024"), dir.join("أخبار_2024.ron.recovery"));
        assert_eq!(unsaved_recovery_path(dir, "///"), dir.join("___.ron.recovery"));
        assert_eq!(unsaved_recovery_path(dir, ""), dir.join("untitled.ron.recovery"));
    }
}
