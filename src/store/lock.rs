//! An exclusive advisory lock on a project file, held for every read-modify-write of it.
//!
//! Two processes that load, change and save the same project (two `hashiya import` runs,
//! a script and the window) would otherwise lose one of the changes: both read the same
//! file and the second save replaces the first. The lock is taken on a sidecar file,
//! `NAME.ron.lock`, not on the project file itself: a save replaces the project file by
//! renaming a new file over it, so a lock on the old file's inode would not protect the
//! new one. The sidecar is never removed (removing it would let a waiting process lock an
//! inode nobody else uses); it holds nothing.
//!
//! The lock is re-entrant within a thread: [`ProjectFile::save`](super::ProjectFile::save)
//! takes it, and a command that already holds it for its whole read-modify-write does not
//! wait on itself. Another thread or process waits until the holder is done, for at most
//! [`LOCK_WAIT`] (or `HASHIYA_LOCK_WAIT` seconds), and is told after a second that it is
//! waiting ([`ProjectLock::acquire_reporting`]).
//!
//! The lock file is opened without following a symbolic link: a link left in its place
//! (dangling or not) is refused rather than followed to create a file elsewhere.

use super::StoreError;
use super::atomic::with_suffix;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long taking a lock waits for another holder before giving up.
pub const LOCK_WAIT: Duration = Duration::from_secs(60);

/// How long a wait goes on before the caller is told about it.
const QUIET_WAIT: Duration = Duration::from_secs(1);

thread_local! {
    /// Locks this thread holds, by lock file path, with how many guards hold each.
    static HELD: RefCell<HashMap<PathBuf, usize>> = RefCell::new(HashMap::new());
}

/// The lock file of a project: `NAME.ron.lock` beside the file a symlink points to.
pub fn lock_path(project: &Path) -> PathBuf {
    with_suffix(&resolve(project), ".lock")
}

/// The project file a path names: a symlink's target (saves replace the target), or the
/// path itself.
fn resolve(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path).unwrap_or_else(|_| path.into()),
        _ => path.to_path_buf(),
    }
}

/// [`LOCK_WAIT`], or `HASHIYA_LOCK_WAIT` seconds when that is set.
fn wait_limit() -> Duration {
    std::env::var("HASHIYA_LOCK_WAIT")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .map_or(LOCK_WAIT, Duration::from_secs)
}

/// Opens (creating) the lock file, never through a symbolic link.
fn open_no_follow(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    match options.open(path) {
        // What O_NOFOLLOW gives for a link (ELOOP); said plainly.
        Err(e) if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) => {
            Err(std::io::Error::new(
                e.kind(),
                "the lock file is a symbolic link; remove it (a lock file is never a link)",
            ))
        }
        other => other,
    }
}

/// An exclusive lock on a project file, released when dropped.
#[derive(Debug)]
pub struct ProjectLock {
    path: PathBuf,
    /// The locked file; `None` for a re-entrant guard of a lock this thread already holds.
    file: Option<File>,
}

impl ProjectLock {
    /// Waits for and takes the lock of the project at `project` (the file need not exist).
    pub fn acquire(project: &Path) -> Result<Self, StoreError> {
        Self::acquire_reporting(project, &mut |_| {})
    }

    /// [`ProjectLock::acquire`], calling `waiting` with the lock file once the lock has
    /// been held by someone else for a second (to say so), and giving up with
    /// [`StoreError::Locked`] after [`LOCK_WAIT`].
    pub fn acquire_reporting(project: &Path, waiting: &mut dyn FnMut(&Path)) -> Result<Self, StoreError> {
        Self::acquire_with_limit(project, wait_limit(), waiting)
    }

    /// [`ProjectLock::acquire_reporting`], giving up after `limit`.
    pub(crate) fn acquire_with_limit(
        project: &Path,
        limit: Duration,
        waiting: &mut dyn FnMut(&Path),
    ) -> Result<Self, StoreError> {
        let path = lock_path(project);
        let reentrant = HELD.with(|held| {
            let mut held = held.borrow_mut();
            match held.get_mut(&path) {
                Some(count) => {
                    *count += 1;
                    true
                }
                None => false,
            }
        });
        if reentrant {
            return Ok(Self { path, file: None });
        }
        let file =
            open_no_follow(&path).map_err(|e| StoreError::io("cannot create the lock file", &path, e))?;
        let started = Instant::now();
        let mut told = false;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(std::fs::TryLockError::WouldBlock) => {}
                Err(std::fs::TryLockError::Error(e)) => return Err(StoreError::io("cannot lock", &path, e)),
            }
            let waited = started.elapsed();
            if waited >= limit {
                return Err(StoreError::Locked { path, seconds: limit.as_secs() });
            }
            if !told && waited >= QUIET_WAIT {
                waiting(&path);
                told = true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        HELD.with(|held| held.borrow_mut().insert(path.clone(), 1));
        Ok(Self { path, file: Some(file) })
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        HELD.with(|held| {
            let mut held = held.borrow_mut();
            if let Some(count) = held.get_mut(&self.path) {
                *count -= 1;
                if *count == 0 {
                    held.remove(&self.path);
                }
            }
        });
        // Closing the file releases the lock; unlocking first says so explicitly.
        if let Some(file) = &self.file {
            let _ = file.unlock();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn is_reentrant_in_a_thread_and_exclusive_across_threads() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.ron");
        let outer = ProjectLock::acquire(&project).unwrap();
        let inner = ProjectLock::acquire(&project).unwrap();
        assert_eq!(outer.path(), dir.path().join("p.ron.lock"));
        drop(inner);
        let (tx, rx) = mpsc::channel();
        let other = project.clone();
        let waiter = std::thread::spawn(move || {
            let _lock = ProjectLock::acquire(&other).unwrap();
            tx.send(()).unwrap();
        });
        assert!(rx.recv_timeout(Duration::from_millis(200)).is_err(), "still held by the outer guard");
        drop(outer);
        rx.recv_timeout(Duration::from_secs(10)).unwrap();
        waiter.join().unwrap();
    }

    #[test]
    fn a_dangling_link_in_place_of_the_lock_is_not_followed() {
        // Issue 18, case 18.
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let target = outside.path().join("created-here");
        let project = dir.path().join("p.ron");
        std::os::unix::fs::symlink(&target, dir.path().join("p.ron.lock")).unwrap();
        let err = ProjectLock::acquire(&project).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert!(!target.exists(), "nothing is created outside the folder");
    }

    #[test]
    fn a_held_lock_is_reported_after_a_second_and_given_up_on() {
        // Issue 18, case 17: run on another thread, which does not share this one's locks.
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.ron");
        let _held = ProjectLock::acquire(&project).unwrap();
        let other = project.clone();
        let (told, err) = std::thread::spawn(move || {
            let mut told = Vec::new();
            let started = Instant::now();
            let result = ProjectLock::acquire_with_limit(&other, Duration::from_millis(1500), &mut |p| {
                told.push((p.to_path_buf(), started.elapsed()))
            });
            (told, result.unwrap_err())
        })
        .join()
        .unwrap();
        assert_eq!(told.len(), 1);
        assert!(told[0].1 >= QUIET_WAIT, "{:?}", told[0].1);
        assert!(matches!(err, StoreError::Locked { .. }), "{err}");
        assert!(err.to_string().contains("still locked"), "{err}");
    }
}
