//! Project files on disk: load, save, and noticing when someone else changed the file.

use super::atomic::{with_suffix, write_atomic_checked};
use super::input::{InputError, MAX_INPUT_BYTES, open_input, read_input};
use super::{ProjectLock, StoreError, format};
use crate::model::Project;
use sha2::{Digest, Sha256};
use std::fs;
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What a file looked like on disk when we last read or wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    pub modified: Option<SystemTime>,
    pub len: u64,
    /// SHA-256 of the file's bytes.
    pub hash: [u8; 32],
}

impl DiskStamp {
    /// The stamp of bytes we hold in memory (just read or just written) and the file's metadata.
    fn of_bytes(bytes: &[u8], path: &Path) -> Self {
        let modified = fs::metadata(path).and_then(|m| m.modified()).ok();
        Self { modified, len: bytes.len() as u64, hash: Sha256::digest(bytes).into() }
    }

    /// The current stamp of the file at `path`; `None` when there is no file.
    pub fn read(path: &Path) -> Result<Option<Self>, StoreError> {
        let mut file = match open_input(path, u64::MAX) {
            Ok((file, _)) => file,
            Err(InputError::Io(e)) if e.kind() == ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(StoreError::input(path, e)),
        };
        let modified = file.metadata().and_then(|m| m.modified()).ok();
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; 1 << 16];
        let mut len = 0u64;
        loop {
            let n = file.read(&mut buf).map_err(|e| StoreError::io("cannot read", path, e))?;
            let Some(chunk) = buf.get(..n) else { break };
            if n == 0 {
                break;
            }
            hasher.update(chunk);
            len += n as u64;
        }
        Ok(Some(Self { modified, len, hash: hasher.finalize().into() }))
    }

    /// Whether the file holds the same bytes. The time is not compared: a `touch` or a
    /// checkout of identical content is not a change.
    pub fn same_content(&self, other: &DiskStamp) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

/// How [`ProjectFile::save`] treats a file that changed on disk since we last saw it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveMode {
    /// Refuse with [`StoreError::ChangedOnDisk`]; the app then asks the user.
    Checked,
    /// Replace whatever is there (the user chose to overwrite).
    Overwrite,
}

/// A project file the app has open: where it is and what it looked like when we last
/// read or wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectFile {
    pub path: PathBuf,
    /// `None` for a file that did not exist yet when we last looked.
    pub disk_stamp: Option<DiskStamp>,
}

impl ProjectFile {
    /// Loads and checks the project at `path`, remembering what the file looked like.
    pub fn open(path: impl Into<PathBuf>) -> Result<(Self, Project), StoreError> {
        let path = path.into();
        if let Some(streamed) = load_streaming(&path)? {
            let modified = fs::metadata(&path).and_then(|m| m.modified()).ok();
            let disk_stamp = Some(DiskStamp { modified, len: streamed.len, hash: streamed.hash });
            let project = format::check_streamed(streamed, &path)?;
            return Ok((Self { path, disk_stamp }, project));
        }
        let bytes = read_input(&path).map_err(|e| StoreError::input(&path, e))?;
        let disk_stamp = Some(DiskStamp::of_bytes(&bytes, &path));
        // The file's text is freed as soon as it is parsed, before the checks.
        let project = parse_bytes(bytes, &path)?;
        let project = format::check(project, &path)?;
        Ok((Self { path, disk_stamp }, project))
    }

    /// Writes a new project file; refuses to replace an existing file.
    pub fn create(path: impl Into<PathBuf>, project: &Project) -> Result<Self, StoreError> {
        let path = path.into();
        if fs::symlink_metadata(&path).is_ok() {
            return Err(StoreError::AlreadyExists { path });
        }
        let mut file = Self { path, disk_stamp: None };
        file.save(project, SaveMode::Checked)?;
        Ok(file)
    }

    /// Whether the file on disk is no longer what we last read or wrote.
    pub fn changed_on_disk(&self) -> Result<bool, StoreError> {
        let now = DiskStamp::read(&self.path)?;
        Ok(match (&self.disk_stamp, &now) {
            (Some(ours), Some(theirs)) => !ours.same_content(theirs),
            (None, None) => false,
            _ => true,
        })
    }

    /// Saves atomically (keeping `NAME.ron.bak`) and removes the recovery file. With
    /// [`SaveMode::Checked`], a file changed on disk since we last saw it is not replaced.
    /// The project's [`ProjectLock`] is held from the check to the end of the write, so
    /// another process's save cannot slip in between.
    ///
    /// The check reads and hashes the whole file on disk, so it runs on a thread of its own
    /// while the new file is written, and decides before the new file replaces the old.
    pub fn save(&mut self, project: &Project, mode: SaveMode) -> Result<(), StoreError> {
        let _lock = ProjectLock::acquire(&self.path)?;
        let file = &*self;
        let stamp = std::thread::scope(|threads| {
            let mut check = (mode == SaveMode::Checked).then(|| threads.spawn(|| file.changed_on_disk()));
            save_checked(project, &file.path, &mut || {
                let Some(check) = check.take() else { return Ok(()) };
                match check.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)) {
                    Ok(false) => Ok(()),
                    Ok(true) => Err(StoreError::ChangedOnDisk { path: file.path.clone() }),
                    Err(e) => Err(e),
                }
            })
        })?;
        self.disk_stamp = Some(stamp);
        super::recovery::remove_recovery(&self.path)?;
        Ok(())
    }
}

/// Writes `project` to `path` atomically, keeping the replaced file as `NAME.ron.bak`,
/// under the project's [`ProjectLock`]. A project the loader would refuse is not written
/// ([`StoreError::Unsavable`]). Does not look at what is on disk; see
/// [`ProjectFile::save`] for the checked save.
pub fn save(project: &Project, path: &Path) -> Result<DiskStamp, StoreError> {
    save_checked(project, path, &mut || Ok(()))
}

/// [`save`], asking `ready` before the new file replaces the old (see
/// [`write_atomic_checked`]): an error there leaves `path` as it was.
pub fn save_checked(
    project: &Project,
    path: &Path,
    ready: &mut dyn FnMut() -> Result<(), StoreError>,
) -> Result<DiskStamp, StoreError> {
    // Never write a file the loader would refuse: the same checks first (texts are hashed
    // when a document is made, and checked at load; here their hashes are taken as they
    // are, which keeps a save of a big project quick).
    let problems = project.validate_structure();
    if !problems.is_empty() {
        return Err(StoreError::Unsavable { path: path.to_path_buf(), problems });
    }
    let _lock = ProjectLock::acquire(path)?;
    // Streamed to the file, hashed on the way for the change check.
    let (mut hasher, mut len) = (Sha256::new(), 0u64);
    let mut body = |w: &mut dyn std::io::Write| {
        format::write_ron(project, &mut |chunk: &str| {
            hasher.update(chunk.as_bytes());
            len += chunk.len() as u64;
            w.write_all(chunk.as_bytes())
        })
    };
    write_atomic_checked(path, true, &mut body, ready)?;
    let modified = fs::metadata(path).and_then(|m| m.modified()).ok();
    Ok(DiskStamp { modified, len, hash: hasher.finalize().into() })
}

/// Reads and checks the project at `path`. The file is only read, never changed.
pub fn load(path: &Path) -> Result<Project, StoreError> {
    if let Some(streamed) = load_streaming(path)? {
        return format::check_streamed(streamed, path);
    }
    let bytes = read_input(path).map_err(|e| StoreError::input(path, e))?;
    // The file's text is freed as soon as it is parsed, before the checks, for peak memory.
    let project = parse_bytes(bytes, path)?;
    format::check(project, path)
}

/// Reads the project at `path` as the file comes off the disk (see `stream`), never holding
/// its whole text; `None` when the file is not for that reading (it is then read whole).
fn load_streaming(path: &Path) -> Result<Option<super::stream::Streamed>, StoreError> {
    let (file, _) = open_input(path, MAX_INPUT_BYTES).map_err(|e| StoreError::input(path, e))?;
    super::stream::read_streaming(file, MAX_INPUT_BYTES).map_err(|e| StoreError::io("cannot read", path, e))
}

/// Parses a project file's text with every check; `path` only names it in errors.
pub fn load_from_str(text: &str, path: &Path) -> Result<Project, StoreError> {
    format::from_ron(text, path)
}

/// Parses (without the consistency checks) a file's bytes, which it takes over (and frees)
/// so that a migrated file is never held twice while it is parsed.
fn parse_bytes(bytes: Vec<u8>, path: &Path) -> Result<Project, StoreError> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let head = bytes.get(..e.utf8_error().valid_up_to()).unwrap_or_default();
        let line = 1 + head.iter().filter(|&&b| b == b'\n').count();
        let col = 1 + head.iter().rev().take_while(|&&b| b != b'\n').count();
        StoreError::Parse {
            path: path.to_path_buf(),
            line,
            col,
            message: "the file is not UTF-8 text".into(),
        }
    })?;
    format::parse_owned(text, path)
}

/// Whether writing to `out` would replace the project file at `project` or one of the files
/// kept beside it (`NAME.ron.bak`, `NAME.ron.recovery`, `NAME.ron.lock`). Paths are compared
/// once made canonical (links resolved, `.` and `..` removed), so another spelling of the
/// same file is caught; `out` need not exist.
pub fn is_project_or_companion(project: &Path, out: &Path) -> bool {
    let Some(out) = canonical_even_if_missing(out) else { return false };
    let Some(project) = canonical_even_if_missing(project) else { return false };
    let companions =
        [project.clone(), backup_path(&project), super::recovery_path(&project), super::lock_path(&project)];
    companions.iter().any(|c| c == &out || canonical_even_if_missing(c).is_some_and(|c| c == out))
}

/// `path` made canonical; for a path that does not exist, its folder made canonical with
/// its file name added.
fn canonical_even_if_missing(path: &Path) -> Option<PathBuf> {
    if let Ok(path) = fs::canonicalize(path) {
        return Some(path);
    }
    let name = path.file_name()?;
    let parent = super::atomic::parent_dir(path);
    fs::canonicalize(parent).ok().map(|p| p.join(name))
}

/// The backup kept beside a project file by every save: `NAME.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    with_suffix(path, ".bak")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_projects::sample_project;

    #[test]
    fn save_then_load_gives_the_project_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        let project = sample_project();
        let stamp = save(&project, &path).unwrap();
        assert_eq!(load(&path).unwrap(), project);
        assert_eq!(DiskStamp::read(&path).unwrap().unwrap().hash, stamp.hash);
    }

    #[test]
    fn checked_save_refuses_when_the_file_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        let mut project = sample_project();
        let mut file = ProjectFile::create(&path, &project).unwrap();
        // Someone else saves a different project to the same file.
        let mut theirs = project.clone();
        theirs.name = "theirs".into();
        save(&theirs, &path).unwrap();
        let on_disk = fs::read(&path).unwrap();
        project.name = "ours".into();
        let err = file.save(&project, SaveMode::Checked).unwrap_err();
        assert!(matches!(err, StoreError::ChangedOnDisk { .. }), "{err}");
        assert_eq!(fs::read(&path).unwrap(), on_disk);
        // The new file, written while the check ran, is gone, and the backup is untouched.
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into())
            .collect();
        assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
        assert_eq!(load(&backup_path(&path)).unwrap().name, sample_project().name);
        file.save(&project, SaveMode::Overwrite).unwrap();
        assert_eq!(load(&path).unwrap().name, "ours");
        // Our own save is not a change by someone else.
        file.save(&project, SaveMode::Checked).unwrap();
    }

    #[test]
    fn touching_the_file_is_not_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        let project = sample_project();
        let mut file = ProjectFile::create(&path, &project).unwrap();
        let bytes = fs::read(&path).unwrap();
        fs::write(&path, bytes).unwrap();
        assert!(!file.changed_on_disk().unwrap());
        file.save(&project, SaveMode::Checked).unwrap();
    }

    #[test]
    fn deleted_file_counts_as_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        let (file, _) = {
            save(&sample_project(), &path).unwrap();
            ProjectFile::open(&path).unwrap()
        };
        fs::remove_file(&path).unwrap();
        assert!(file.changed_on_disk().unwrap());
    }

    #[test]
    fn create_refuses_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        fs::write(&path, "keep me").unwrap();
        let err = ProjectFile::create(&path, &sample_project()).unwrap_err();
        assert!(matches!(err, StoreError::AlreadyExists { .. }));
        assert_eq!(fs::read_to_string(&path).unwrap(), "keep me");
    }

    #[test]
    fn non_utf8_file_is_a_parse_error_with_position() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        fs::write(&path, b"(\n  version: 1,\xff").unwrap();
        let err = load(&path).unwrap_err();
        assert!(matches!(err, StoreError::Parse { line: 2, col: 14, .. }), "{err}");
    }
}
