//! The open project's background writer: one thread that writes the recovery file
//! (autosave) and the project's saves, in the order they were asked, so the window never
//! waits for the disk.
//!
//! The app calls [`BackgroundWriter::tick`] every frame with the project and its change
//! counter (any number that changes with every edit, e.g. the undo history's generation).
//! The call is cheap: it compares two numbers and a time, and only every few seconds, while
//! there are unsaved changes and no write is under way, clones the project and hands it to
//! the writer thread. The clone shares the documents and spans with the window's project
//! (see [`Project`]), so it copies pointers, not texts: a few milliseconds for 10,000
//! articles; serializing and writing happen on the writer thread. Since egui only draws
//! frames on input, the app should also call `ctx.request_repaint_after(d)` with
//! [`BackgroundWriter::next_due`].
//!
//! A save ([`BackgroundWriter::save`]) takes the same kind of snapshot and goes through the
//! same queue, so a recovery write asked before the save can never bring the recovery file
//! back after it; its outcome comes back through [`BackgroundWriter::finished_saves`].

use super::recovery::{remove_file_if_present, write_recovery};
use super::{ProjectFile, SaveMode, StoreError};
use crate::model::Project;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime};

/// A save for the writer thread: the project as it was when the save was asked.
#[derive(Debug)]
pub struct SaveJob {
    pub project: Project,
    /// The change counter of `project`.
    pub generation: u64,
    /// Where it goes, with what the file looked like when last read or written.
    pub file: ProjectFile,
    pub mode: SaveMode,
}

/// How a save went.
#[derive(Debug)]
pub struct SaveOutcome {
    /// The change counter of the project that was (or was not) written.
    pub generation: u64,
    /// The file, with its new disk stamp after a successful write.
    pub file: ProjectFile,
    pub result: Result<(), StoreError>,
}

enum Job {
    Write(Box<Project>, PathBuf),
    Remove(PathBuf),
    Save(Box<SaveJob>),
}

/// What the background writer last did, for the app to show.
#[derive(Clone, Debug, Default)]
pub struct AutosaveState {
    /// When the recovery file was last written successfully.
    pub last_written: Option<SystemTime>,
    /// The last autosave failure, cleared by the next success (shared: the state is
    /// copied for each frame, and an io error cannot be cloned).
    pub last_error: Option<Arc<StoreError>>,
    /// Jobs sent and not yet done.
    pending: usize,
}

/// Writes the open project's recovery file and its saves on a thread of its own.
pub struct BackgroundWriter {
    path: PathBuf,
    interval: Duration,
    /// Generation that is on disk in the project file (nothing to recover).
    saved_generation: u64,
    /// Generation last handed to the writer as a recovery file.
    sent_generation: Option<u64>,
    last_sent: Option<Instant>,
    sender: Option<Sender<Job>>,
    outcomes: Receiver<SaveOutcome>,
    state: Arc<Mutex<AutosaveState>>,
    worker: Option<JoinHandle<()>>,
}

impl BackgroundWriter {
    /// A writer autosaving to `recovery_path`; `saved_generation` is the change counter of
    /// the project as it is in its file.
    pub fn new(recovery_path: PathBuf, saved_generation: u64) -> Self {
        Self::with_interval(recovery_path, saved_generation, super::AUTOSAVE_INTERVAL)
    }

    /// Like [`BackgroundWriter::new`] with another interval (tests use a short one).
    pub fn with_interval(recovery_path: PathBuf, saved_generation: u64, interval: Duration) -> Self {
        let (sender, receiver) = mpsc::channel();
        let (outcome_sender, outcomes) = mpsc::channel();
        let state = Arc::new(Mutex::new(AutosaveState::default()));
        let worker_state = Arc::clone(&state);
        let worker = std::thread::Builder::new()
            .name("hashiya-writer".into())
            .spawn(move || run_worker(&receiver, &outcome_sender, &worker_state))
            .ok();
        Self {
            path: recovery_path,
            interval,
            saved_generation,
            sent_generation: None,
            last_sent: None,
            sender: worker.is_some().then_some(sender),
            outcomes,
            state,
            worker,
        }
    }

    /// The recovery file this writer autosaves to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Autosaves to `recovery_path` from now on (the project was saved under a new name).
    pub fn set_path(&mut self, recovery_path: PathBuf) {
        self.path = recovery_path;
        self.sent_generation = None;
    }

    /// Called every frame. Returns whether a recovery write was started.
    pub fn tick(&mut self, project: &Project, generation: u64) -> bool {
        if self.sent_generation == Some(generation) {
            return false;
        }
        if generation == self.saved_generation {
            // Back to what is saved (undo, or a save): nothing to recover.
            if self.sent_generation.is_some() && self.send(Job::Remove(self.path.clone())) {
                self.sent_generation = None;
            }
            return false;
        }
        if self.last_sent.is_some_and(|t| t.elapsed() < self.interval) || self.is_busy() {
            return false;
        }
        let sent = self.send(Job::Write(Box::new(project.clone()), self.path.clone()));
        if sent {
            self.sent_generation = Some(generation);
            self.last_sent = Some(Instant::now());
        }
        sent
    }

    /// How long until a [`BackgroundWriter::tick`] could write, when there is something to
    /// write for `generation`; for `request_repaint_after`.
    pub fn next_due(&self, generation: u64) -> Option<Duration> {
        if generation == self.saved_generation || self.sent_generation == Some(generation) {
            return None;
        }
        Some(self.last_sent.map_or(Duration::ZERO, |t| self.interval.saturating_sub(t.elapsed())))
    }

    /// Queues a save. Its outcome comes back through [`BackgroundWriter::finished_saves`];
    /// when the writer thread could not be started, the save is made here and now.
    pub fn save(&mut self, job: SaveJob) {
        if let Some(sender) = &self.sender {
            self.state.lock().unwrap_or_else(PoisonError::into_inner).pending += 1;
            if let Err(mpsc::SendError(Job::Save(job))) = sender.send(Job::Save(Box::new(job))) {
                self.state.lock().unwrap_or_else(PoisonError::into_inner).pending -= 1;
                self.save_here(*job);
            }
        } else {
            self.save_here(job);
        }
    }

    fn save_here(&mut self, job: SaveJob) {
        let (sender, receiver) = mpsc::channel();
        let _ = sender.send(run_save(job));
        self.outcomes = receiver;
    }

    /// The saves finished since the last call, oldest first.
    pub fn finished_saves(&self) -> Vec<SaveOutcome> {
        self.outcomes.try_iter().collect()
    }

    /// The project was saved at `generation`: the save removed the recovery file and there
    /// is nothing to recover until the next change.
    pub fn mark_saved(&mut self, generation: u64) {
        self.saved_generation = generation;
        self.sent_generation = None;
    }

    /// The unsaved work was given up (the project was read again from its file): the
    /// recovery file goes, after any write queued before, and nothing is autosaved until
    /// the next change after `generation`.
    pub fn discard(&mut self, generation: u64) {
        self.mark_saved(generation);
        let _ = self.send(Job::Remove(self.path.clone()));
    }

    /// Writes `project` at `generation` to the recovery file now, whatever the interval,
    /// when it is not saved and not written there yet, and waits until every write is on
    /// disk (the process is about to end: nothing unsaved may be lost).
    pub fn flush(&mut self, project: &Project, generation: u64) {
        self.wait_idle();
        if generation != self.saved_generation
            && self.sent_generation != Some(generation)
            && self.send(Job::Write(Box::new(project.clone()), self.path.clone()))
        {
            self.sent_generation = Some(generation);
            self.last_sent = Some(Instant::now());
        }
        self.wait_idle();
    }

    /// Whether a write (recovery file or save) is under way or queued.
    pub fn is_busy(&self) -> bool {
        self.state().pending > 0
    }

    /// What the writer last did.
    pub fn state(&self) -> AutosaveState {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Blocks until every write handed over so far is on disk (on exit, and in tests).
    pub fn wait_idle(&self) {
        while self.is_busy() && self.worker.as_ref().is_some_and(|w| !w.is_finished()) {
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    fn send(&self, job: Job) -> bool {
        let Some(sender) = &self.sender else { return false };
        self.state.lock().unwrap_or_else(PoisonError::into_inner).pending += 1;
        if sender.send(job).is_ok() {
            return true;
        }
        self.state.lock().unwrap_or_else(PoisonError::into_inner).pending -= 1;
        false
    }
}

impl Drop for BackgroundWriter {
    /// Waits for the writes still queued: a save asked before closing is never lost.
    fn drop(&mut self) {
        self.sender = None;
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

fn run_save(job: SaveJob) -> SaveOutcome {
    let SaveJob { project, generation, mut file, mode } = job;
    let result = file.save(&project, mode);
    SaveOutcome { generation, file, result }
}

fn run_worker(jobs: &Receiver<Job>, outcomes: &Sender<SaveOutcome>, state: &Mutex<AutosaveState>) {
    while let Ok(job) = jobs.recv() {
        let autosaved = match job {
            Job::Write(project, path) => Some(write_recovery(&project, &path)),
            Job::Remove(path) => Some(remove_file_if_present(&path)),
            Job::Save(job) => {
                // The window may be gone when the save ends; the file is written either way.
                let _ = outcomes.send(run_save(*job));
                None
            }
        };
        let mut state = state.lock().unwrap_or_else(PoisonError::into_inner);
        state.pending = state.pending.saturating_sub(1);
        match autosaved {
            Some(Ok(())) => {
                state.last_written = Some(SystemTime::now());
                state.last_error = None;
            }
            Some(Err(error)) => state.last_error = Some(Arc::new(error)),
            None => {}
        }
    }
}

#[cfg(test)]
mod tests;
