//! The loader and the text importer on damaged and arbitrary input: an error or a valid
//! result, never a panic. The same checks as the fuzz targets in `fuzz/`, as property tests.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers fail loudly.

use crate::common;

use hashiya::model::Project;
use hashiya::store::{self, import::import_text_bytes};
use proptest::prelude::*;
use std::path::Path;
use std::sync::LazyLock;

static VALID: LazyLock<String> = LazyLock::new(|| store::to_ron(&common::small_project()));

/// One edit to a file's text: replace a char, delete a stretch, or insert a RON token.
#[derive(Clone, Debug)]
enum Edit {
    Replace(usize, char),
    Delete(usize, usize),
    Insert(usize, &'static str),
}

fn edit() -> impl Strategy<Value = Edit> {
    let tokens = vec![
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ",",
        ":",
        "\"",
        "r#\"",
        "99999999999999999999",
        "-1",
        "Some(",
        "None",
        "version: 2,",
        "\n",
        "ـً",
    ];
    prop_oneof![
        (any::<usize>(), any::<char>()).prop_map(|(at, c)| Edit::Replace(at, c)),
        (any::<usize>(), 1..40usize).prop_map(|(at, n)| Edit::Delete(at, n)),
        (any::<usize>(), prop::sample::select(tokens)).prop_map(|(at, t)| Edit::Insert(at, t)),
    ]
}

fn apply(text: &str, edit: &Edit) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let len = chars.len().max(1);
    match edit {
        Edit::Replace(at, c) => {
            if let Some(slot) = chars.get_mut(at % len) {
                *slot = *c;
            }
        }
        Edit::Delete(at, n) => {
            let start = at % len;
            let end = (start + n).min(chars.len());
            chars.drain(start.min(end)..end);
        }
        Edit::Insert(at, token) => {
            let at = at % len;
            chars.splice(at..at, token.chars());
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn damaged_files_load_or_fail_cleanly(edits in prop::collection::vec(edit(), 1..4)) {
        let text = edits.iter().fold(VALID.clone(), |t, e| apply(&t, e));
        let path = Path::new("p.ron");
        if let Ok(project) = store::load_from_str(&text, path) {
            prop_assert_eq!(project.validate(), vec![]);
            let saved = store::to_ron(&project);
            prop_assert_eq!(store::load_from_str(&saved, path).unwrap(), project);
        }
    }

    #[test]
    fn any_bytes_import_or_are_refused(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let mut project = Project::new("p");
        if let Ok(id) = import_text_bytes(&mut project, Path::new("x.txt"), &bytes) {
            let doc = project.document(&id).unwrap();
            prop_assert!(!doc.text.contains('\r') && !doc.text.contains('\0'));
            prop_assert!(!doc.text.trim().is_empty());
            prop_assert_eq!(project.validate(), vec![]);
        }
    }
}
