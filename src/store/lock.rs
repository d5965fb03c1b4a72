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
//! wait on itself. Another thread or process waits until the holder is done.

use super::StoreError;
use super::atomic::with_suffix;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};

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
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| StoreError::io("cannot create the lock file", &path, e))?;
        file.lock().map_err(|e| StoreError::io("cannot lock", &path, e))?;
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
}
