//! The window's own file chooser without its drawing: the current folder's listing
//! (folders first, files filtered by the request's extensions), the selection, the typed
//! path and file name, and what OK, Enter or a double click answers.

use crate::ui::dialogs::{FileRequest, Pick};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// One row of the listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub path: PathBuf,
    pub is_dir: bool,
}

/// Lists `dir`: its folders, then (with `files`) its files whose extension is one of
/// `extensions` (any file when empty), each group sorted by name without regard to case.
/// Hidden entries (a leading dot) are left out; a link counts as what it points to.
pub fn list_dir(dir: &Path, extensions: &[&str], files: bool) -> std::io::Result<Vec<Entry>> {
    let mut entries = Vec::new();
    for item in std::fs::read_dir(dir)? {
        let Ok(item) = item else { continue };
        let name = item.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = item.path();
        let is_dir = path.is_dir();
        if is_dir || (files && has_extension(&path, extensions)) {
            entries.push(Entry { name, path, is_dir });
        }
    }
    entries.sort_by(|a, b| {
        (!a.is_dir, a.name.to_lowercase(), &a.name).cmp(&(!b.is_dir, b.name.to_lowercase(), &b.name))
    });
    Ok(entries)
}

/// Whether `path`'s extension is one of `extensions` (any case); any path when empty.
pub fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    extensions.is_empty()
        || path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// The chooser's state for one request.
#[derive(Clone, Debug)]
pub struct Chooser {
    request: FileRequest,
    /// Why the system's dialog was not used.
    pub reason: String,
    dir: PathBuf,
    entries: Vec<Entry>,
    selected: BTreeSet<usize>,
    /// The path field: the current folder, or what the user typed there.
    pub location: String,
    /// The file name of a save.
    pub name: String,
    /// What went wrong last (a folder that cannot be read, no file picked).
    pub error: Option<String>,
    /// An existing file the user was warned about: OK again replaces it.
    replace: Option<PathBuf>,
}

impl Chooser {
    /// A chooser for `request` showing `start` (or the nearest folder above it that exists).
    pub fn new(request: FileRequest, reason: String, start: &Path) -> Self {
        let name = request.suggested_name().unwrap_or_default().to_string();
        let mut chooser = Self {
            request,
            reason,
            dir: PathBuf::new(),
            entries: Vec::new(),
            selected: BTreeSet::new(),
            location: String::new(),
            name,
            error: None,
            replace: None,
        };
        let start = start.ancestors().find(|d| d.is_dir()).unwrap_or(Path::new("/")).to_path_buf();
        chooser.enter(start);
        chooser
    }

    pub fn request(&self) -> &FileRequest {
        &self.request
    }

    /// The folder shown.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The folder's listing.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn is_selected(&self, i: usize) -> bool {
        self.selected.contains(&i)
    }

    fn pick(&self) -> Pick {
        self.request.pick()
    }

    /// Shows `dir`. A folder that cannot be read leaves the chooser where it was and says why.
    pub fn enter(&mut self, dir: PathBuf) {
        let dir = std::path::absolute(&dir).unwrap_or(dir);
        let files = self.pick() != Pick::Folder;
        match list_dir(&dir, self.request.extensions(), files) {
            Ok(entries) => {
                self.location = dir.display().to_string();
                self.dir = dir;
                self.entries = entries;
                self.selected.clear();
                self.error = None;
            }
            Err(err) => {
                self.error = Some(crate::tr!(
                    "chooser-cannot-open",
                    path = dir.display().to_string(),
                    error = crate::ui::error_text::io_error(&err)
                ))
            }
        }
    }

    /// Shows the folder above.
    pub fn up(&mut self) {
        if let Some(parent) = self.dir.parent() {
            self.enter(parent.to_path_buf());
        }
    }

    /// A click on row `i`; with `add` (Ctrl held) a request for several files adds it to
    /// the selection or takes it out. A file clicked in a save gives its name.
    pub fn click(&mut self, i: usize, add: bool) {
        let Some(entry) = self.entries.get(i) else { return };
        if self.pick() == Pick::Save && !entry.is_dir {
            self.name.clone_from(&entry.name);
        }
        let multiple = self.pick() == Pick::Files { multiple: true };
        if add && multiple {
            if entry.is_dir {
                return;
            }
            if !self.selected.remove(&i) {
                self.selected.retain(|j| self.entries.get(*j).is_some_and(|e| !e.is_dir));
                self.selected.insert(i);
            }
        } else {
            self.selected = BTreeSet::from([i]);
        }
    }

    /// A double click on row `i`: a folder is entered, a file chosen.
    pub fn activate(&mut self, i: usize) -> Option<Vec<PathBuf>> {
        let entry = self.entries.get(i)?.clone();
        if entry.is_dir {
            self.enter(entry.path);
            None
        } else {
            self.selected = BTreeSet::from([i]);
            self.confirm()
        }
    }

    /// Enter in the path field: a folder is shown; a file is chosen (for a save, its
    /// folder is shown and its name taken).
    pub fn go_to_location(&mut self) -> Option<Vec<PathBuf>> {
        let typed = expand_home(self.location.trim());
        let path = self.dir.join(typed);
        if path.is_dir() {
            self.enter(path);
            return None;
        }
        match self.pick() {
            Pick::Files { .. } if path.is_file() => Some(vec![path]),
            Pick::Save if path.parent().is_some_and(Path::is_dir) => {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                self.enter(path.parent().map(Path::to_path_buf).unwrap_or_default());
                self.name = name;
                self.confirm()
            }
            _ => {
                self.error = Some(crate::tr!("chooser-no-such-folder", path = path.display().to_string()));
                None
            }
        }
    }

    /// OK (or Enter): the answer, or `None` with [`Chooser::error`] saying what is missing
    /// (a selected folder in a file request is entered instead).
    pub fn confirm(&mut self) -> Option<Vec<PathBuf>> {
        let selected: Vec<Entry> =
            self.selected.iter().filter_map(|i| self.entries.get(*i).cloned()).collect();
        match self.pick() {
            Pick::Files { .. } => {
                let files: Vec<PathBuf> =
                    selected.iter().filter(|e| !e.is_dir).map(|e| e.path.clone()).collect();
                if !files.is_empty() {
                    return Some(files);
                }
                if let [folder] = selected.as_slice() {
                    self.enter(folder.path.clone());
                } else {
                    self.error = Some(crate::i18n::tr("chooser-pick-first"));
                }
                None
            }
            Pick::Folder => match selected.as_slice() {
                [folder] if folder.is_dir => Some(vec![folder.path.clone()]),
                _ => Some(vec![self.dir.clone()]),
            },
            Pick::Save => self.save_target(),
        }
    }

    fn save_target(&mut self) -> Option<Vec<PathBuf>> {
        let name = self.name.trim();
        if name.is_empty() {
            self.error = Some(crate::i18n::tr("chooser-type-name-first"));
            return None;
        }
        let mut path = self.dir.join(expand_home(name));
        if path.is_dir() {
            self.enter(path);
            return None;
        }
        if let Some(ext) = self.request.extensions().first()
            && path.extension().is_none()
        {
            path.set_extension(ext);
        }
        if path.is_file() && self.replace.as_ref() != Some(&path) {
            self.error = Some(crate::tr!("chooser-already-exists", path = path.display().to_string()));
            self.replace = Some(path);
            return None;
        }
        Some(vec![path])
    }
}

/// `~/x` as the home folder's `x`.
fn expand_home(typed: &str) -> PathBuf {
    match (typed.strip_prefix("~/").or((typed == "~").then_some("")), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(typed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::{ExportFormat, ExportOptions};

    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.ron", "A.RON", "notes.txt", ".hidden.ron", "c.jsonl"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        for name in ["zeta", "Alpha", ".git"] {
            std::fs::create_dir(dir.path().join(name)).unwrap();
        }
        dir
    }

    fn names(chooser: &Chooser) -> Vec<&str> {
        chooser.entries().iter().map(|e| e.name.as_str()).collect()
    }

    #[test]
    fn listing_puts_folders_first_filters_by_extension_and_hides_dot_entries() {
        let dir = folder();
        let entries = list_dir(dir.path(), &["ron"], true).unwrap();
        let names: Vec<_> = entries.iter().map(|e| (e.name.as_str(), e.is_dir)).collect();
        assert_eq!(names, [("Alpha", true), ("zeta", true), ("A.RON", false), ("b.ron", false)]);
        assert_eq!(list_dir(dir.path(), &[], true).unwrap().len(), 6);
        assert_eq!(list_dir(dir.path(), &["ron"], false).unwrap().len(), 2, "folders only");
    }

    #[test]
    fn open_takes_the_selected_file_and_enters_a_selected_folder() {
        let dir = folder();
        let mut chooser = Chooser::new(FileRequest::OpenProject, String::new(), dir.path());
        assert_eq!(names(&chooser), ["Alpha", "zeta", "A.RON", "b.ron"]);
        assert_eq!(chooser.confirm(), None);
        assert!(chooser.error.is_some(), "nothing picked says so");
        chooser.click(0, false);
        assert_eq!(chooser.confirm(), None);
        assert!(chooser.dir().ends_with("Alpha"), "OK on a folder enters it");
        chooser.up();
        assert_eq!(chooser.dir(), std::path::absolute(dir.path()).unwrap());
        chooser.click(3, true); // one file only: Ctrl does not add
        chooser.click(2, true);
        assert_eq!(chooser.confirm(), Some(vec![chooser.dir().join("A.RON")]));
        assert_eq!(chooser.activate(3), Some(vec![chooser.dir().join("b.ron")]));
    }

    #[test]
    fn several_files_are_picked_with_ctrl_and_a_typed_path_is_followed() {
        let dir = folder();
        let mut chooser = Chooser::new(FileRequest::Annotations, String::new(), dir.path());
        assert_eq!(names(&chooser), ["Alpha", "zeta", "c.jsonl"]);
        std::fs::write(dir.path().join("zeta/d.ann"), "x").unwrap();
        chooser.location = "zeta".into();
        assert_eq!(chooser.go_to_location(), None);
        assert_eq!(names(&chooser), ["d.ann"]);
        chooser.up();
        chooser.click(2, false);
        chooser.click(1, true); // a folder is not added to files
        chooser.click(2, true);
        chooser.click(2, true);
        assert_eq!(chooser.confirm(), Some(vec![chooser.dir().join("c.jsonl")]));
        chooser.location = dir.path().join("nowhere").display().to_string();
        assert_eq!(chooser.go_to_location(), None);
        assert!(chooser.error.as_deref().is_some_and(|e| e.contains("nowhere")));
        chooser.location = dir.path().join("zeta/d.ann").display().to_string();
        assert_eq!(chooser.go_to_location(), Some(vec![dir.path().join("zeta/d.ann")]));
    }

    #[test]
    fn a_folder_request_lists_folders_and_answers_the_selected_or_current_one() {
        let dir = folder();
        let mut chooser = Chooser::new(FileRequest::TextFolder, String::new(), dir.path());
        assert_eq!(names(&chooser), ["Alpha", "zeta"]);
        assert_eq!(chooser.confirm(), Some(vec![chooser.dir().to_path_buf()]));
        chooser.click(1, false);
        assert_eq!(chooser.confirm(), Some(vec![chooser.dir().join("zeta")]));
    }

    #[test]
    fn a_save_offers_the_suggested_name_and_adds_the_extension() {
        let dir = folder();
        let request = FileRequest::SaveProject { suggested: "news.ron".into(), then: None };
        let mut chooser = Chooser::new(request, String::new(), &dir.path().join("missing/deeper"));
        assert_eq!(chooser.dir(), std::path::absolute(dir.path()).unwrap(), "the nearest existing folder");
        assert_eq!(chooser.name, "news.ron");
        chooser.name = "draft".into();
        assert_eq!(chooser.confirm(), Some(vec![chooser.dir().join("draft.ron")]));
        chooser.click(3, false);
        assert_eq!(chooser.name, "b.ron", "a clicked file gives its name");
        assert_eq!(chooser.confirm(), None, "an existing file is not replaced at once");
        assert!(chooser.error.as_deref().is_some_and(|e| e.contains("already exists")));
        assert_eq!(chooser.confirm(), Some(vec![chooser.dir().join("b.ron")]), "OK again replaces it");
        chooser.name = "  ".into();
        assert_eq!(chooser.confirm(), None);
        let export = FileRequest::ExportTarget {
            suggested: "out.csv".into(),
            folder: false,
            format: ExportFormat::Csv,
            options: ExportOptions::default(),
        };
        let chooser = Chooser::new(export, String::new(), dir.path());
        assert!(chooser.entries().iter().all(|e| e.is_dir), "no csv file here: folders only");
    }
}
