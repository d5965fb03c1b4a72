//! Preferences remembered between sessions (annotator name, theme, font size, recent
//! projects). Stored with eframe's storage, which is for preferences only: project
//! data never goes there.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Key of the preferences in eframe's storage.
pub const STORAGE_KEY: &str = "hashiya.prefs";
/// How many recent projects the File menu lists.
const MAX_RECENT: usize = 8;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The analyst's name; spans record it. Asked once.
    pub annotator: Option<String>,
    pub dark: bool,
    pub font_size: f32,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
}

impl Default for Prefs {
    fn default() -> Self {
        Self { annotator: None, dark: false, font_size: super::theme::DOC_FONT_SIZE, recent: Vec::new() }
    }
}

impl Prefs {
    /// Moves `path` to the front of the recent list.
    pub fn remember(&mut self, path: PathBuf) {
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage.and_then(|s| eframe::get_value(s, STORAGE_KEY)).unwrap_or_default()
    }

    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, self);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_list_is_most_recent_first_without_duplicates() {
        let mut prefs = Prefs::default();
        for name in ["a", "b", "a", "c"] {
            prefs.remember(PathBuf::from(name));
        }
        assert_eq!(prefs.recent, [PathBuf::from("c"), PathBuf::from("a"), PathBuf::from("b")]);
        for i in 0..20 {
            prefs.remember(PathBuf::from(i.to_string()));
        }
        assert_eq!(prefs.recent.len(), MAX_RECENT);
    }
}
