//! File work in the window with scripted file dialogs: Save as, Open, Import texts and
//! Export ask the dialogs and do what the answer says; a cancelled dialog changes nothing.

#![allow(clippy::unwrap_used)] // a test fails loudly on a broken fixture

use crate::common;

use common::window::{SAMPLE, wait_for_job, window_with};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use hashiya::formats::{ExportFormat, ExportOptions};
use hashiya::ui::Action;
use hashiya::ui::dialogs::{FileRequest, ScriptedDialogs};
use hashiya::ui::prefs::Prefs;

fn prefs() -> Prefs {
    Prefs { annotator: Some("tester".into()), ..Prefs::default() }
}

/// Runs frames until the background job is done.
#[test]
fn save_as_open_import_and_export_go_through_the_dialogs() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = window_with(prefs(), std::path::Path::new(SAMPLE), dialogs.clone());
    h.run();

    // Save as: the dialog is asked, the file is written there, the title is clean.
    let copy = dir.path().join("copy.ron");
    dialogs.answer(vec![copy.clone()]);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    common::window::wait_for_save(&mut h);
    assert!(matches!(dialogs.asked().last(), Some(FileRequest::SaveProject { .. })));
    assert!(copy.exists());
    assert_eq!(h.state().session.workspace().unwrap().path(), Some(copy.as_path()));
    assert!(h.query_by_label_contains("Saved").is_some(), "the status bar says Saved after a save");

    // Import a text file: one more document, shown.
    let text = dir.path().join("new.txt");
    std::fs::write(&text, "قال مصدر محلي إن 3 مدنيين أصيبوا.\n").unwrap();
    dialogs.answer(vec![text]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run();
    let project = h.state().session.project().unwrap();
    assert_eq!(project.documents.len(), 6);
    assert_eq!(h.state().session.view().doc.as_ref(), Some(&project.documents[5].id));

    // Export to jsonl in the background: the answer is where it goes.
    let out = dir.path().join("out.jsonl");
    dialogs.answer(vec![out.clone()]);
    h.state_mut().push(Action::Export(ExportFormat::Jsonl, ExportOptions::default()));
    h.step();
    assert!(matches!(dialogs.asked().last(), Some(FileRequest::ExportTarget { folder: false, .. })));
    wait_for_job(&mut h);
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 6);

    // A cancelled Open changes nothing; an answered one asks about the unsaved import first.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert_eq!(h.state().session.project().unwrap().documents.len(), 6);
    dialogs.answer(vec![std::path::PathBuf::from(SAMPLE)]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert!(matches!(h.state().modal, Some(hashiya::ui::modal::Modal::ConfirmDiscard { .. })));
    h.get_by_label("Discard changes").click();
    h.run();
    let ws = h.state().session.workspace().unwrap();
    assert_eq!(ws.path(), Some(std::path::Path::new(SAMPLE)));
    assert_eq!(ws.project.documents.len(), 5);
    assert!(h.query_by_label_contains("Opened").is_some(), "the status bar says Opened after opening");
    assert!(!copy.with_extension("ron.recovery").exists());
}
