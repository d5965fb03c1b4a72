//! Which project the window opens when none is named: the last one used, else the sample
//! project, which is built into the program and written to the user's data folder on the
//! first start (never over a file already there), so the shipped binary opens it anywhere.

use crate::ui::prefs::Prefs;
use std::path::{Path, PathBuf};

/// The sample project (five articles annotated by `amal` and `omar`), as shipped.
pub const SAMPLE_PROJECT: &str = include_str!("../../projects/sample.ron");

/// The file name the sample gets in the data folder.
pub const SAMPLE_FILE: &str = "sample.ron";

/// Hashiya's data folder: `$HASHIYA_DATA_DIR`, else `$XDG_DATA_HOME/hashiya`, else
/// `~/.local/share/hashiya`; `None` when there is no home folder either.
pub fn data_dir() -> Option<PathBuf> {
    let from_env = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    from_env("HASHIYA_DATA_DIR")
        .or_else(|| from_env("XDG_DATA_HOME").filter(|p| p.is_absolute()).map(|p| p.join("hashiya")))
        .or_else(|| from_env("HOME").map(|home| home.join(".local/share/hashiya")))
}

/// The project to open when none is named: the most recent one that still exists, else
/// the sample in `data_dir` (written there first if it is not there yet).
pub fn start_project(prefs: &Prefs, data_dir: Option<&Path>) -> std::io::Result<Option<PathBuf>> {
    if let Some(last) = prefs.recent.iter().find(|p| p.is_absolute() && p.is_file()) {
        return Ok(Some(last.clone()));
    }
    data_dir.map(write_sample).transpose()
}

/// Writes the sample project into `dir` unless a file of that name is already there;
/// returns its path.
pub fn write_sample(dir: &Path) -> std::io::Result<PathBuf> {
    let path = dir.join(SAMPLE_FILE);
    if path.exists() {
        return Ok(path);
    }
    std::fs::create_dir_all(dir)?;
    // Written beside it, then linked into place, which fails rather than replace a file
    // (a second window starting at the same time): no half-written sample is left behind.
    let temp = dir.join(format!(".{SAMPLE_FILE}.{}.tmp", std::process::id()));
    let written = std::fs::write(&temp, SAMPLE_PROJECT).and_then(|()| std::fs::hard_link(&temp, &path));
    let _ = std::fs::remove_file(&temp);
    match written {
        Ok(()) => Ok(path),
        Err(_) if path.exists() => Ok(path),
        Err(err) => Err(err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_is_written_once_and_never_over_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("share/hashiya");
        let path = start_project(&Prefs::default(), Some(&data)).unwrap().unwrap();
        assert_eq!(path, data.join(SAMPLE_FILE));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), SAMPLE_PROJECT);
        std::fs::write(&path, "mine").unwrap();
        assert_eq!(start_project(&Prefs::default(), Some(&data)).unwrap(), Some(path.clone()));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine", "never overwritten");
        assert_eq!(std::fs::read_dir(&data).unwrap().count(), 1, "no temporary file left");
    }

    #[test]
    fn the_last_project_comes_first_and_relative_or_missing_ones_are_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let last = dir.path().join("last.ron");
        std::fs::write(&last, "").unwrap();
        let mut prefs = Prefs {
            recent: vec![PathBuf::from("Cargo.toml"), dir.path().join("gone.ron"), last.clone()],
            ..Prefs::default()
        };
        assert_eq!(start_project(&prefs, None).unwrap(), Some(last));
        prefs.recent.truncate(2);
        assert_eq!(start_project(&prefs, None).unwrap(), None);
    }
}
