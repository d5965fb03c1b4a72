//! Messages and closing: the same error again is one message with a count, only a few
//! are shown with the rest counted, a text already imported is information, a long
//! import report is one message whose details list every line, and Esc closes every
//! window and question.

#![allow(clippy::unwrap_used)] // a test fails loudly on a broken fixture

use crate::common;

use common::window::sample_window;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use hashiya::ui::Action;
use hashiya::ui::commands::UiCommand;
use hashiya::ui::modal::{Modal, Pending};
use hashiya::ui::toasts::{MAX_SHOWN, ToastKind};

#[test]
fn errors_merge_duplicates_and_cap_and_duplicate_texts_are_information() {
    let (mut h, dir, _) = sample_window("tester");
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"\xff\xfe\x00broken").unwrap();
    for _ in 0..3 {
        h.state_mut().push(Action::Import(vec![bad.clone()]));
        h.run();
    }
    let errors: Vec<String> = h
        .state()
        .toasts
        .messages()
        .filter(|(k, _)| **k == ToastKind::Error)
        .map(|(_, m)| m.to_string())
        .collect();
    assert_eq!(errors.len(), 1, "one message for the same failure: {errors:?}");
    assert_eq!(h.state().toasts.count(&errors[0]), 3);
    assert!(h.query_by_label_contains("(×3)").is_some(), "the count is shown");

    // A text imported twice: the second time is information, not an error.
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "قال مصدر محلي إن 3 مدنيين أصيبوا.\n").unwrap();
    for _ in 0..2 {
        h.state_mut().push(Action::Import(vec![good.clone()]));
        h.run();
    }
    let duplicate = h.state().toasts.messages().find(|(_, m)| m.contains("already in the project")).unwrap();
    assert_eq!(*duplicate.0, ToastKind::Info);

    // Many different errors: the newest few are shown, the rest counted; each can go.
    for i in 0..6 {
        h.state_mut().toasts.error(format!("failure {i}"));
    }
    h.run();
    let hidden = h.state().toasts.hidden();
    assert!(hidden > 0);
    assert!(h.query_by_label(&format!("and {hidden} more")).is_some());
    assert!(h.query_by_label("failure 5").is_some());
    assert!(h.query_by_label("failure 0").is_none(), "at most {MAX_SHOWN} are shown");
    let before = h.state().toasts.messages().count();
    h.get_all_by_label("×").last().unwrap().click();
    h.run();
    assert_eq!(h.state().toasts.messages().count(), before - 1, "an error is dismissed");
    assert!(h.query_by_label("failure 5").is_none());
    h.get_by_label("Dismiss all").click();
    h.run();
    assert_eq!(h.state().toasts.messages().count(), 0);
}

#[test]
fn a_long_import_report_is_one_message_with_every_line_in_its_details() {
    let (mut h, dir, _) = sample_window("tester");
    let folder = dir.path().join("texts");
    std::fs::create_dir(&folder).unwrap();
    for i in 0..12 {
        std::fs::write(folder.join(format!("empty{i:02}.txt")), "  \n").unwrap();
    }
    h.state_mut().push(Action::Import(vec![folder]));
    h.run();
    let summary = "12 files were not imported.";
    let messages: Vec<String> = h.state().toasts.messages().map(|(_, m)| m.to_string()).collect();
    assert_eq!(messages, [summary]);
    h.get_by_label("Details…").click();
    h.run();
    let details = h.state().toasts.details.clone().expect("the details are open");
    assert_eq!(details.lines.len(), 12);
    assert!(details.lines[11].contains("empty11.txt"));
    assert!(h.query_by_label("Copy all").is_some());
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().toasts.details.is_none(), "Esc closes the details");
}

/// Whether a window of the app is open.
type IsOpen = fn(&hashiya::app::HashiyaApp) -> bool;

#[test]
fn esc_closes_the_label_editor_and_every_other_window_and_question() {
    let (mut h, _dir, _) = sample_window("tester");
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    assert!(h.state().label_editor.open);
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().label_editor.open, "Esc closes the label editor");
    assert!(h.query_by_label("Labels").is_none());

    let windows: [(UiCommand, IsOpen); 4] = [
        (UiCommand::EditPatterns, |app| app.pattern_editor.open),
        (UiCommand::Export, |app| app.transfer.export_open),
        (UiCommand::Agreement, |app| app.agreement.open),
        (UiCommand::Performance, |app| app.performance.open),
    ];
    for (cmd, open) in windows {
        // The agreement window measures in the background and repaints until it is done:
        // a fixed number of frames, not "until nothing more is asked".
        h.state_mut().push(Action::Run(cmd));
        h.run_steps(4);
        assert!(open(h.state()), "{cmd:?} opens");
        h.key_press(Key::Escape);
        h.run_steps(4);
        assert!(!open(h.state()), "Esc closes {cmd:?}");
    }

    // Esc on a question is its Cancel; the name question cannot be put off.
    h.state_mut().modal = Some(Modal::ConfirmDiscard { then: Pending::NewProject });
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().modal.is_none());
    h.state_mut().modal = Some(Modal::AskName { draft: String::new() });
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(matches!(h.state().modal, Some(Modal::AskName { .. })));
}
