//! Atomic file replacement: a reader (or a crash) sees the old file or the new one, never
//! a mix or a truncated file.
//!
//! Steps: write a temp file in the same folder, fsync it, link the current file to
//! `NAME.bak` (when asked), rename the temp file over the target, fsync the folder.

use super::StoreError;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// `path` with `suffix` added to its file name: `a.ron` + `.bak` = `a.ron.bak`.
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

/// The folder holding `path` (`.` for a bare file name).
pub fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// A temp file name in the same folder, unique within this process and across processes.
pub(crate) fn temp_path(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    parent_dir(path).join(format!(".{name}.{}-{n}.tmp", std::process::id()))
}

/// Temp files older than this, left by a save that was killed, are removed by the next save.
const STALE_TEMP_AGE: std::time::Duration = std::time::Duration::from_secs(600);

/// Removes temp files of `target` left behind by killed saves (best effort: a failure
/// here never stops a save, and a temp file still being written is younger than
/// [`STALE_TEMP_AGE`]).
fn remove_stale_temps(target: &Path) {
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else { return };
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(parent_dir(target)) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if !file_name.starts_with(&prefix) || !file_name.ends_with(".tmp") {
            continue;
        }
        let age = entry.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
        if age.is_some_and(|age| age > STALE_TEMP_AGE) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The file a write to `path` replaces: a symlink's target, or `path` itself. Refuses a
/// target that is not a regular file (a folder, a device such as a link to `/dev/stdout`,
/// a pipe), which a rename would replace by a regular file, and a file the user may not
/// write (a rename ignores the file's mode). Returns the target and its metadata when it
/// exists.
pub(crate) fn replaceable_target(path: &Path) -> Result<(PathBuf, Option<fs::Metadata>), StoreError> {
    let target = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).map_err(|e| StoreError::io("cannot resolve the link", path, e))?
        }
        _ => path.to_path_buf(),
    };
    let existing = match fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(StoreError::io("cannot look at", &target, e)),
    };
    if let Some(meta) = &existing {
        if !meta.is_file() {
            return Err(StoreError::NotRegular { path: path.to_path_buf() });
        }
        // No write permission for anyone (mode 444): refused even where the system would
        // let us (as root), since the mode says the file is not to be changed.
        if meta.permissions().readonly() {
            return Err(StoreError::ReadOnly { path: target });
        }
        // Opening for writing (without truncating) asks the system whether we may.
        if let Err(e) = OpenOptions::new().write(true).open(&target) {
            return Err(if e.kind() == std::io::ErrorKind::PermissionDenied {
                StoreError::ReadOnly { path: target }
            } else {
                StoreError::io("cannot write", &target, e)
            });
        }
    }
    Ok((target, existing))
}

/// [`write_atomic_with`] of `bytes` (for tests).
#[cfg(test)]
pub fn write_atomic(path: &Path, bytes: &[u8], backup: bool) -> Result<(), StoreError> {
    write_atomic_with(path, backup, &mut |w| w.write_all(bytes))
}

/// Replaces `path` with what `body` writes, atomically: streamed to a new temporary file
/// beside it (so a large project's text is never held whole in memory), flushed, renamed
/// over `path`. With `backup`, the file it replaces (if any) is kept as `NAME.bak`. A
/// symlink at `path` is followed: its target is replaced. A target that is not a regular
/// file, or that the user may not write, is refused.
pub fn write_atomic_with(
    path: &Path,
    backup: bool,
    body: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), StoreError> {
    write_atomic_checked(path, backup, body, &mut || Ok(()))
}

/// [`write_atomic_with`], asking `ready` once the new file is written and flushed, just
/// before it replaces `path`: an error there leaves `path` as it was (and is returned).
/// A check that takes a while (reading the file being replaced) runs meanwhile.
pub fn write_atomic_checked(
    path: &Path,
    backup: bool,
    body: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
    ready: &mut dyn FnMut() -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let (target, existing) = replaceable_target(path)?;
    remove_stale_temps(&target);
    let temp = temp_path(&target);
    let result = write_and_rename(&target, &temp, body, ready, existing.as_ref(), backup);
    if result.is_err() {
        // Best effort: the temp file is ours and holds nothing the user needs.
        let _ = fs::remove_file(&temp);
    }
    result
}

fn write_and_rename(
    target: &Path,
    temp: &Path,
    body: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
    ready: &mut dyn FnMut() -> Result<(), StoreError>,
    existing: Option<&fs::Metadata>,
    backup: bool,
) -> Result<(), StoreError> {
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)
        .map_err(|e| StoreError::io("cannot create a temporary file beside", target, e))?;
    let mut writer = std::io::BufWriter::with_capacity(1 << 16, file);
    body(&mut writer).map_err(|e| StoreError::io("cannot write", temp, e))?;
    let file = writer.into_inner().map_err(|e| StoreError::io("cannot write", temp, e.into_error()))?;
    if let Some(meta) = existing {
        // Keep the file's permissions (e.g. read-only for group) across the replacement.
        file.set_permissions(meta.permissions())
            .map_err(|e| StoreError::io("cannot set permissions on", temp, e))?;
    }
    file.sync_all().map_err(|e| StoreError::io("cannot flush", temp, e))?;
    drop(file);
    ready()?;
    if backup && existing.is_some() {
        keep_backup(target)?;
    }
    fs::rename(temp, target).map_err(|e| StoreError::io("cannot replace", target, e))?;
    sync_dir(parent_dir(target))
}

/// Makes `NAME.bak` the current content of `target`, itself atomically: a hard link (no
/// copy) to a temp name, renamed over the old backup; a copy where links are not possible.
fn keep_backup(target: &Path) -> Result<(), StoreError> {
    let bak = with_suffix(target, ".bak");
    let temp = temp_path(&bak);
    if fs::hard_link(target, &temp).is_err() {
        fs::copy(target, &temp).map_err(|e| StoreError::io("cannot copy the backup", &bak, e))?;
        File::open(&temp)
            .and_then(|f| f.sync_all())
            .map_err(|e| StoreError::io("cannot flush the backup", &bak, e))?;
    }
    let renamed = fs::rename(&temp, &bak);
    // When the backup already was a link to the same file, the rename does nothing and
    // leaves the temp name behind; it is ours either way.
    let _ = fs::remove_file(&temp);
    renamed.map_err(|e| StoreError::io("cannot write the backup", &bak, e))
}

/// Flushes a folder's entries (the rename) to disk. Folders cannot be opened on every
/// platform; there the rename is as durable as the platform makes it.
pub fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| StoreError::io("cannot flush the folder", dir, e))
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_keeps_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        write_atomic(&path, b"one", true).unwrap();
        assert!(!with_suffix(&path, ".bak").exists());
        write_atomic(&path, b"two", true).unwrap();
        write_atomic(&path, b"three", true).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"three");
        assert_eq!(fs::read(with_suffix(&path, ".bak")).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 2, "no temp files left: {names:?}");
    }

    #[test]
    fn stale_temp_files_are_cleaned_up_fresh_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        let stale = dir.path().join(".p.ron.999-0.tmp");
        let fresh = dir.path().join(".p.ron.999-1.tmp");
        let other = dir.path().join(".q.ron.999-0.tmp");
        for file in [&stale, &fresh, &other] {
            fs::write(file, "half").unwrap();
        }
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for file in [&stale, &other] {
            fs::File::options().write(true).open(file).unwrap().set_modified(old).unwrap();
        }
        write_atomic(&path, b"x", true).unwrap();
        assert!(!stale.exists());
        assert!(fresh.exists(), "may be another process's save in progress");
        assert!(other.exists(), "another file's temp file");
    }

    #[test]
    fn without_backup_leaves_no_bak() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron.recovery");
        write_atomic(&path, b"one", false).unwrap();
        write_atomic(&path, b"two", false).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert!(!with_suffix(&path, ".bak").exists());
    }

    #[test]
    fn missing_folder_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nowhere").join("p.ron");
        let err = write_atomic(&path, b"x", true).unwrap_err();
        assert!(err.to_string().contains("p.ron"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn follows_a_symlink_and_keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.ron");
        fs::write(&real, b"old").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new", true).unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::read(&real).unwrap(), b"new");
        assert_eq!(fs::metadata(&real).unwrap().permissions().mode() & 0o777, 0o640);
        assert_eq!(fs::read(with_suffix(&real, ".bak")).unwrap(), b"old");
    }

    #[test]
    fn suffix_and_parent() {
        assert_eq!(with_suffix(Path::new("a/b.ron"), ".bak"), PathBuf::from("a/b.ron.bak"));
        assert_eq!(parent_dir(Path::new("b.ron")), Path::new("."));
        assert_eq!(parent_dir(Path::new("a/b.ron")), Path::new("a"));
    }
}
