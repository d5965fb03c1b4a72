//! Preferences remembered between sessions (annotator name, theme, font size, recent
//! projects by absolute path, the document last open in each, how often the model learned
//! from the annotator's spans is trained again). Stored with eframe's storage, which is for preferences only: project
//! data never goes there.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Key of the preferences in eframe's storage.
pub const STORAGE_KEY: &str = "hashiya.prefs";
/// How many recent projects the File menu lists.
const MAX_RECENT: usize = 8;
/// How many projects' last open documents are remembered.
const MAX_LAST_DOCUMENTS: usize = 32;
/// The most span changes the model may wait for before it is trained again.
pub const MAX_RETRAIN_AFTER: usize = 10_000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The analyst's name; spans record it. Asked once.
    pub annotator: Option<String>,
    pub dark: bool,
    pub font_size: f32,
    /// Most recent first; absolute, canonical paths.
    pub recent: Vec<PathBuf>,
    /// The document last open in each project, most recent first.
    pub last_documents: Vec<LastDocument>,
    /// The interface language chosen in View > Language (`HASHIYA_LANG` overrides it).
    pub lang: Option<crate::i18n::Lang>,
    /// Numbers in Arabic-Indic digits in the Arabic interface.
    pub indic_digits: bool,
    /// New, accepted or rejected spans after which the model is trained again in the
    /// background, once one exists (0: never by itself).
    pub retrain_after: usize,
}

/// The document that was open when a project was last left.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastDocument {
    pub project: PathBuf,
    pub document: String,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            annotator: None,
            dark: false,
            font_size: super::theme::DOC_FONT_SIZE,
            recent: Vec::new(),
            last_documents: Vec::new(),
            lang: None,
            indic_digits: false,
            retrain_after: crate::learn::background::RETRAIN_AFTER,
        }
    }
}

impl Prefs {
    /// Moves `path` to the front of the recent list, as an absolute, canonical path (so it
    /// means the same file whichever folder the window is started from). Relative paths
    /// kept by older versions are dropped.
    pub fn remember(&mut self, path: PathBuf) {
        let path = absolute(path);
        self.recent.retain(|p| p != &path && p.is_absolute());
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    /// Remembers that `document` was open in the project at `project`.
    pub fn remember_document(&mut self, project: &Path, document: &str) {
        let project = absolute(project.to_path_buf());
        self.last_documents.retain(|d| d.project != project);
        self.last_documents.insert(0, LastDocument { project, document: document.to_string() });
        self.last_documents.truncate(MAX_LAST_DOCUMENTS);
    }

    /// The document that was open when the project at `project` was last left.
    pub fn last_document(&self, project: &Path) -> Option<&str> {
        let project = absolute(project.to_path_buf());
        self.last_documents.iter().find(|d| d.project == project).map(|d| d.document.as_str())
    }

    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        let prefs: Self = storage.and_then(|s| eframe::get_value(s, STORAGE_KEY)).unwrap_or_default();
        prefs.clamped()
    }

    /// Every stored value brought into the range the window can use: a hand-edited or
    /// damaged store (a font size of 1e6, NaN, a thousand recent files, an empty name)
    /// must not stop the window from drawing.
    pub fn clamped(mut self) -> Self {
        let (lo, hi) = super::theme::DOC_FONT_SIZE_RANGE;
        self.font_size = if self.font_size.is_finite() {
            self.font_size.clamp(lo, hi)
        } else {
            super::theme::DOC_FONT_SIZE
        };
        self.annotator = self.annotator.as_deref().and_then(crate::model::clean_name);
        self.recent.retain(|p| !p.as_os_str().is_empty());
        let mut seen = std::collections::HashSet::new();
        self.recent.retain(|p| seen.insert(p.clone()));
        self.recent.truncate(MAX_RECENT);
        self.retrain_after = self.retrain_after.min(MAX_RETRAIN_AFTER);
        self
    }

    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, self);
    }
}

/// `path` made absolute and canonical (links resolved) when it exists, absolute otherwise.
fn absolute(path: PathBuf) -> PathBuf {
    std::fs::canonicalize(&path).or_else(|_| std::path::absolute(&path)).unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_values_are_clamped_on_load() {
        // Issue 18, case 6: 1e6 aborted on a huge allocation, 1e30 spun without a frame.
        let (lo, hi) = super::super::theme::DOC_FONT_SIZE_RANGE;
        for (stored, want) in
            [(1e6, hi), (1e30, hi), (-3.0, lo), (0.0, lo), (f32::NAN, 22.0), (f32::INFINITY, 22.0)]
        {
            let prefs = Prefs { font_size: stored, ..Prefs::default() }.clamped();
            assert_eq!(prefs.font_size, want, "{stored}");
        }
        let mut storage = Store::default();
        let stored = "(annotator: Some(\" \"), dark: true, font_size: 1e30, recent: [\"a\", \"\", \"a\"])";
        storage.0.insert(STORAGE_KEY.to_string(), stored.to_string());
        let prefs = Prefs::load(Some(&storage));
        assert_eq!(prefs.font_size, hi);
        assert_eq!(prefs.annotator, None);
        assert_eq!(prefs.recent, [PathBuf::from("a")]);
        assert!(prefs.dark);
    }

    #[derive(Default)]
    struct Store(std::collections::HashMap<String, String>);

    impl eframe::Storage for Store {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_string(), value);
        }
        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }
        fn flush(&mut self) {}
    }

    #[test]
    fn recent_list_is_most_recent_first_without_duplicates() {
        let mut prefs = Prefs::default();
        for name in ["/a", "/b", "/a", "/c"] {
            prefs.remember(PathBuf::from(name));
        }
        assert_eq!(prefs.recent, [PathBuf::from("/c"), PathBuf::from("/a"), PathBuf::from("/b")]);
        for i in 0..20 {
            prefs.remember(PathBuf::from(format!("/{i}")));
        }
        assert_eq!(prefs.recent.len(), MAX_RECENT);
    }

    #[test]
    fn projects_are_remembered_by_absolute_canonical_path() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.ron");
        std::fs::write(&file, "").unwrap();
        let mut prefs = Prefs { recent: vec![PathBuf::from("projects/sample.ron")], ..Prefs::default() };
        prefs.remember(dir.path().join(".").join("p.ron"));
        prefs.remember(PathBuf::from("relative/new.ron"));
        let canonical = std::fs::canonicalize(&file).unwrap();
        let relative = std::env::current_dir().unwrap().join("relative/new.ron");
        assert_eq!(prefs.recent, [relative, canonical], "the old relative entry is dropped");
    }

    #[test]
    fn the_last_document_is_remembered_per_project_and_bounded() {
        let mut prefs = Prefs::default();
        prefs.remember_document(Path::new("/p.ron"), "d1");
        prefs.remember_document(Path::new("/q.ron"), "d2");
        prefs.remember_document(Path::new("/p.ron"), "d3");
        assert_eq!(prefs.last_document(Path::new("/p.ron")), Some("d3"));
        assert_eq!(prefs.last_document(Path::new("/q.ron")), Some("d2"));
        assert_eq!(prefs.last_document(Path::new("/r.ron")), None);
        for i in 0..100 {
            prefs.remember_document(Path::new(&format!("/{i}.ron")), "d");
        }
        assert_eq!(prefs.last_documents.len(), MAX_LAST_DOCUMENTS);
        // Preferences saved by an older version (no last documents) still load.
        let old: Prefs = ron::from_str("(annotator: Some(\"amal\"), recent: [\"/x.ron\"])").unwrap();
        assert!(old.last_documents.is_empty());
    }

    #[test]
    fn retraining_every_n_spans_is_remembered() {
        assert_eq!(Prefs::default().retrain_after, 20);
        let mut storage = Store::default();
        Prefs { retrain_after: 5, ..Prefs::default() }.save(&mut storage);
        assert_eq!(Prefs::load(Some(&storage)).retrain_after, 5);
        // Older preferences lack it; a damaged one is brought into range.
        let old: Prefs = ron::from_str("(annotator: Some(\"amal\"))").unwrap();
        assert_eq!(old.retrain_after, 20);
        let huge = Prefs { retrain_after: usize::MAX, ..Prefs::default() }.clamped();
        assert_eq!(huge.retrain_after, MAX_RETRAIN_AFTER);
    }
}
