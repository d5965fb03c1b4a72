//! Errors in the Arabic interface: a project file that cannot be read and the files a
//! text import passed over are said in Arabic, with the file's path and the facts (line,
//! column, reason) the command line gives in English.

#![allow(clippy::unwrap_used)] // a test fails loudly on a broken fixture

use crate::common;

use common::window::{SAMPLE, window_with};
use egui_kittest::Harness;
use hashiya::app::HashiyaApp;
use hashiya::i18n::Lang;
use hashiya::ui::Action;
use hashiya::ui::dialogs::ScriptedDialogs;
use hashiya::ui::prefs::Prefs;

/// A window in Arabic on a copy of the sample project.
fn arabic_window() -> (Harness<'static, HashiyaApp>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.ron");
    std::fs::copy(SAMPLE, &path).unwrap();
    let prefs = Prefs { annotator: Some("tester".into()), lang: Some(Lang::Ar), ..Prefs::default() };
    let mut h = window_with(prefs, &path, ScriptedDialogs::default());
    h.run();
    assert_eq!(hashiya::i18n::lang(), Lang::Ar);
    (h, dir)
}

fn messages(h: &Harness<'_, HashiyaApp>) -> Vec<String> {
    h.state().toasts.messages().map(|(_, m)| m.replace(['\u{2068}', '\u{2069}'], "")).collect()
}

fn is_arabic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c))
}

#[test]
fn a_project_that_cannot_be_read_is_said_in_arabic_with_its_path_and_line() {
    let (mut h, dir) = arabic_window();
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(\n  documents: [oops\n").unwrap();
    h.state_mut().push(Action::OpenProject(broken.clone()));
    for _ in 0..50 {
        h.run();
        if !messages(&h).is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let said = messages(&h);
    assert_eq!(said.len(), 1, "{said:?}");
    let text = &said[0];
    assert!(text.contains(&broken.display().to_string()), "the path: {text}");
    assert!(text.contains("تعذّر فتح المشروع") && text.contains("السطر"), "in Arabic: {text}");
    assert!(!text.contains("not a valid project file"), "no English headline: {text}");
}

#[test]
fn files_a_text_import_passed_over_are_said_in_arabic() {
    let (mut h, dir) = arabic_window();
    let folder = dir.path().join("texts");
    std::fs::create_dir(&folder).unwrap();
    for i in 0..5 {
        std::fs::write(folder.join(format!("empty{i:02}.txt")), "  \n").unwrap();
    }
    std::fs::write(folder.join("bytes.txt"), b"abc\xff\xfe def").unwrap();
    h.state_mut().push(Action::Import(vec![folder]));
    h.run();
    let said = messages(&h);
    assert_eq!(said.len(), 1, "one message with details: {said:?}");
    assert!(is_arabic(&said[0]) && said[0].contains('6'), "{said:?}");
    let summary = h.state().toasts.messages().next().unwrap().1.to_string();
    assert!(h.state_mut().toasts.open_details(&summary));
    h.run();
    let details = h.state().toasts.details.clone().expect("the details are open");
    assert_eq!(details.lines.len(), 6);
    for line in &details.lines {
        assert!(is_arabic(line), "{line}");
        assert!(!line.contains("holds no text") && !line.contains("not UTF-8"), "no English reason: {line}");
    }
    assert!(
        details.lines.iter().any(|l| l.contains("empty04.txt") && l.contains("لا يحوي نصًا")),
        "{details:?}"
    );
    let bytes = details.lines.iter().find(|l| l.contains("bytes.txt")).unwrap();
    assert!(bytes.contains("UTF-8") && bytes.contains('3'), "the offset of the bad byte: {bytes}");
}
