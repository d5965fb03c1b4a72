//! The one rule for names and ids: annotator names, label ids and document ids.
//!
//! Every name that comes in from outside (an import of any format, `--annotator`, a
//! text file's name) goes through [`clean_name`] before it is used:
//! - letters and digits of any script, combining marks (harakat), and `-`, `_`, `.`, `@`,
//!   `+` are kept;
//! - anything else (white space, control characters such as NUL, tab or a line break,
//!   `/`, `\`, quotes, ...) becomes `_`, one `_` for a run of them;
//! - leading dots are removed (no hidden names, no `..`), and the name is cut to
//!   [`MAX_NAME_CHARS`] code points;
//! - a name left with no letter or digit (empty, `../`, `___`) is no name: `None`.
//!
//! So `my label` becomes `my_label` at import, exactly what a brat export writes, and a
//! brat round trip gives the same label back. A cleaned name is safe in a file name, in
//! a brat `.ann` line and on a terminal.
//!
//! A project file is checked more leniently ([`name_problem`]), so that files written
//! before this rule still load: a name must not be empty or hold control characters.

use unicode_general_category::{GeneralCategory, get_general_category};

/// The longest name kept, in code points (a brat file name `NAME-99.ann` stays well
/// under the usual 255-byte limit, even in Arabic).
pub const MAX_NAME_CHARS: usize = 100;

/// The name `raw` cleaned by the rule above, or `None` when nothing usable is left.
pub fn clean_name(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut replaced = false;
    for c in raw.trim().chars() {
        if is_name_char(c) {
            out.push(c);
            replaced = false;
        } else if !replaced {
            out.push('_');
            replaced = true;
        }
    }
    let out = out.trim_start_matches('.');
    let out: String = out.chars().take(MAX_NAME_CHARS).collect();
    out.chars().any(char::is_alphanumeric).then_some(out)
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c, '-' | '_' | '.' | '@' | '+')
        || matches!(
            get_general_category(c),
            GeneralCategory::NonspacingMark | GeneralCategory::SpacingMark | GeneralCategory::EnclosingMark
        )
}

/// The gold layer's name: no annotator, import or suggestion run may take it.
pub const GOLD_NAME: &str = "gold";

/// True for a name reserved for the gold layer (`gold`, in any case).
pub fn is_reserved_name(name: &str) -> bool {
    name.eq_ignore_ascii_case(GOLD_NAME)
}

/// Why a name read from a project file is refused: empty, or holding control characters.
pub fn name_problem(name: &str) -> Option<&'static str> {
    if name.trim().is_empty() {
        Some("is empty")
    } else if name.chars().any(char::is_control) {
        Some("holds control characters")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_cleaned_by_one_rule() {
        assert_eq!(clean_name("my label").as_deref(), Some("my_label"));
        assert_eq!(clean_name("  amal@example.org ").as_deref(), Some("amal@example.org"));
        assert_eq!(clean_name("a\0b\n\tc").as_deref(), Some("a_b_c"));
        assert_eq!(clean_name("../../etc/passwd").as_deref(), Some("_.._etc_passwd"));
        assert_eq!(clean_name("مسلّحين").as_deref(), Some("مسلّحين"));
        assert_eq!(clean_name("B-LOC").as_deref(), Some("B-LOC"));
        for nothing in ["", "   ", "../", "\0", "___", "..."] {
            assert_eq!(clean_name(nothing), None, "{nothing:?}");
        }
        assert_eq!(clean_name(&"x".repeat(300)).unwrap().chars().count(), MAX_NAME_CHARS);
        // Cleaning twice changes nothing.
        for raw in ["my label", "a\0b", "../x", "عبد الله"] {
            let once = clean_name(raw).unwrap();
            assert_eq!(clean_name(&once).as_deref(), Some(once.as_str()));
        }
    }

    #[test]
    fn project_files_refuse_empty_and_control_characters() {
        assert_eq!(name_problem(""), Some("is empty"));
        assert_eq!(name_problem("a\nb"), Some("holds control characters"));
        assert_eq!(name_problem("my label"), None);
    }
}
