use super::*;
use std::collections::BTreeSet;

/// The message ids of a catalogue.
fn ids(source: &str) -> BTreeSet<String> {
    // A message starts a line with its id and " =".
    source
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_string()))
        .collect()
}

#[test]
fn both_catalogues_parse_and_have_the_same_messages() {
    for (name, source) in [("en", ENGLISH), ("ar", ARABIC)] {
        assert!(FluentResource::try_new(source.to_string()).is_ok(), "{name}.ftl does not parse");
    }
    let (en, ar) = (ids(ENGLISH), ids(ARABIC));
    assert!(en.len() > 100, "{} messages", en.len());
    assert_eq!(en.difference(&ar).collect::<Vec<_>>(), Vec::<&String>::new(), "missing in Arabic");
    assert_eq!(ar.difference(&en).collect::<Vec<_>>(), Vec::<&String>::new(), "missing in English");
}

/// Every Rust file under the given folders of `src`, as its path from `src` (with `/`) and
/// its text: what the catalogue checks read.
pub(crate) fn rust_sources(folders: &[&str]) -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut dirs: Vec<_> = folders.iter().map(|f| root.join(f)).collect();
    let mut out = Vec::new();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let name = path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
                out.push((name, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    out
}

/// The ids the window's code asks for: `tr!("…"`, `tr("…"`, `tr_logical!("…"`,
/// `plain("…"`, `plain_count("…"` in `src/ui` and `src/app`, and the ids a panel keeps in
/// a table (`"agree-…"` column headers and tooltips) or gives from a match arm (`=> "…"`:
/// dialog titles, job stages).
fn ids_in_code() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (_, text) in rust_sources(&["ui", "app"]) {
        let markers = [
            "tr!(\"",
            "tr(\"",
            "tr_logical!(\"",
            "plain(\"",
            "plain_count(\"",
            "(\"agree-",
            "= \"agree-",
            "=> \"",
        ];
        for marker in markers {
            for (at, _) in text.match_indices(marker) {
                // `tr(` itself, not the end of `from_str(`.
                let before = text[..at].chars().next_back().unwrap_or(' ');
                if before.is_alphanumeric() || before == '_' {
                    continue;
                }
                let rest = &text[at + marker.len()..];
                let id = &rest[..rest.find('"').unwrap()];
                // A table's id keeps the prefix its marker matched.
                let id = if marker.ends_with("agree-") { format!("agree-{id}") } else { id.to_string() };
                // A match arm gives an id only when it looks like one (`status-new`).
                let id_like = id.contains('-')
                    && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                if marker != "=> \"" || id_like {
                    out.insert(id);
                }
            }
        }
    }
    out
}

#[test]
fn every_id_the_window_asks_for_is_in_both_languages() {
    let used = ids_in_code();
    assert!(used.len() > 30, "{used:?}");
    let (en, ar) = (ids(ENGLISH), ids(ARABIC));
    for id in &used {
        assert!(en.contains(id), "{id} is not in en.ftl");
        assert!(ar.contains(id), "{id} is not in ar.ftl");
    }
    for cmd in crate::ui::commands::UiCommand::ALL {
        let id = cmd.message_id();
        assert!(en.contains(&id) && ar.contains(&id), "{id}");
    }
    for id in ["agree-tip-alpha-u", "agree-unmatched", "dialog-merge", "job-stage-reading"] {
        assert!(used.contains(id), "{id} is not seen in the code: {used:?}");
    }
}

#[test]
fn arabic_plurals_take_their_six_forms() {
    set_lang(Lang::Ar);
    let forms: Vec<String> =
        [0usize, 1, 2, 3, 11, 100].iter().map(|&n| crate::tr!("search-hits", count = n)).collect();
    let distinct: BTreeSet<&String> = forms.iter().collect();
    assert_eq!(distinct.len(), 6, "{forms:?}");
    assert!(message(Lang::Ar, "search-hits", None).is_some());
    set_lang(Lang::En);
    assert_eq!(crate::tr!("search-hits", count = 1), "1 hit");
    assert_eq!(crate::tr!("search-hits", count = 12), "12 hits");
}

#[test]
fn digits_are_western_unless_asked_and_the_environment_picks_a_language() {
    set_lang(Lang::Ar);
    let mut args = FluentArgs::new();
    args.set("count", 12);
    assert!(message(Lang::Ar, "search-hits", Some(&args)).unwrap().contains("12"));
    set_indic_digits(true);
    assert!(message(Lang::Ar, "search-hits", Some(&args)).unwrap().contains("١٢"));
    set_indic_digits(false);
    set_lang(Lang::En);
    assert_eq!(Lang::from_code("ar"), Some(Lang::Ar));
    assert_eq!(Lang::from_code("ar_EG.UTF-8"), Some(Lang::Ar));
    assert_eq!(Lang::from_code(" EN "), Some(Lang::En));
    assert_eq!(Lang::from_code("fr"), None);
    // HASHIYA_LANG wins over the remembered choice; English when neither says.
    assert_eq!(Lang::at_start(Some(Lang::Ar), Some(Lang::En)), Lang::Ar);
    assert_eq!(Lang::at_start(Some(Lang::En), Some(Lang::Ar)), Lang::En);
    assert_eq!(Lang::at_start(None, Some(Lang::Ar)), Lang::Ar);
    assert_eq!(Lang::at_start(None, None), Lang::En);
}

/// Literals `format!` may build in the window's code: file names and ids, not words.
const FORMATS_ALLOWED: [&str; 6] =
    [".{SAMPLE_FILE}.{}.tmp", "{}.ron", "label{k}", "link{k}", ".{e}", "Hashiya — {}{}"];

/// Whether a `format!` literal holds a word (two letters outside its `{…}` holes).
fn formats_words(literal: &str) -> bool {
    let mut depth = 0;
    let mut run = 0;
    for c in literal.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            c if depth == 0 && c.is_alphabetic() => {
                run += 1;
                if run >= 2 {
                    return true;
                }
                continue;
            }
            _ => {}
        }
        run = 0;
    }
    false
}

#[test]
fn the_window_writes_no_text_outside_the_catalogue() {
    // A widget given an English literal: `label("Save`, `button("Open`, ….
    let calls = [
        "label(\"",
        "button(\"",
        "heading(\"",
        "on_hover_text(\"",
        "Window::new(\"",
        "RichText::new(\"",
        "info(\"",
        "error(\"",
        "checkbox(&mut on, \"",
        "weak(\"",
        "strong(\"",
        "link(\"",
        "hint_text(\"",
        "small_button(\"",
        ".text(\"",
        ".name(\"",
        "Some(\"",
        "=> \"",
    ];
    let mut found = Vec::new();
    for (name, text) in rust_sources(&["ui", "app"]) {
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for call in calls {
                if let Some(at) = line.find(call) {
                    let rest = &line[at + call.len()..];
                    // The product's name is the same in every language.
                    if rest.starts_with(|c: char| c.is_ascii_uppercase()) && !rest.starts_with("Hashiya\"") {
                        found.push(format!("{name}:{}: {}", n + 1, line.trim()));
                    }
                }
            }
            // English built with `format!("… {x} …")` and handed to a widget or a toast.
            for (at, _) in line.match_indices("format!(\"") {
                let rest = &line[at + "format!(\"".len()..];
                let literal = rest.split('"').next().unwrap_or("");
                if formats_words(literal) && !FORMATS_ALLOWED.contains(&literal) {
                    found.push(format!("{name}:{}: {}", n + 1, line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "texts outside the catalogue:\n{}", found.join("\n"));
}

#[test]
fn the_check_sees_words_in_formats() {
    assert!(formats_words("and {hidden} more"));
    assert!(formats_words("{name} (you)"));
    assert!(!formats_words("{} / {}"));
    assert!(!formats_words("{v:.3}"));
    assert!(!formats_words("F{n}"));
}
