//! Files when the system's file dialog cannot be shown (no desktop portal): the window's
//! own chooser opens and says why, and what is picked in it is imported, opened or saved;
//! Esc cancels it. Projects are remembered by absolute path and reopen on the document
//! that was open; the sample is written to a fresh data folder and opened.

#![allow(clippy::unwrap_used)] // a test fails loudly on a broken fixture

use crate::common;

use common::window::{SAMPLE, sample_window, window_with};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use hashiya::app::start::{SAMPLE_PROJECT, start_project};
use hashiya::ui::Action;
use hashiya::ui::dialogs::{FileRequest, ScriptedDialogs, unavailable_message};
use hashiya::ui::modal::Modal;
use hashiya::ui::prefs::Prefs;
use std::path::{Path, PathBuf};

fn prefs() -> Prefs {
    Prefs { annotator: Some("tester".into()), ..Prefs::default() }
}

const NO_PORTAL: &str =
    "the XDG desktop portal (org.freedesktop.portal.Desktop) is not installed or not running";

#[test]
fn without_a_portal_the_own_chooser_opens_says_why_and_imports_opens_and_saves() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.ron");
    std::fs::copy(SAMPLE, &path).unwrap();
    std::fs::write(dir.path().join("new.txt"), "قال مصدر محلي إن 3 مدنيين أصيبوا.\n").unwrap();
    std::fs::create_dir(dir.path().join("other")).unwrap();
    std::fs::copy(SAMPLE, dir.path().join("other/colleague.ron")).unwrap();
    let dialogs = ScriptedDialogs::default();
    dialogs.fail_with(unavailable_message(NO_PORTAL));
    let mut h = window_with(prefs(), &path, dialogs.clone());
    h.run();

    // Import texts: the chooser opens in the project's folder, listing folders and texts,
    // and the message names the portal and the packages.
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run();
    assert_eq!(dialogs.asked(), [FileRequest::Texts]);
    let chooser = h.state().chooser.as_ref().expect("the window's own chooser is open");
    assert_eq!(chooser.dir(), dir.path());
    let names: Vec<&str> = chooser.entries().iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["other", "new.txt"]);
    // One label says why, naming the portal and the packages to install.
    h.get_by_label_contains("org.freedesktop.portal.Desktop) is not installed");
    h.get_by_label_contains("xdg-desktop-portal and xdg-desktop-portal-gtk");
    h.get_by_label("new.txt").click();
    h.run();
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().chooser.is_none());
    assert_eq!(h.state().session.project().unwrap().documents.len(), 6, "the picked text is imported");

    // Open: a folder picked and OK enters it; Enter takes the picked project, after the
    // question about the unsaved import.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("other/").click();
    h.run();
    h.get_by_label("OK").click();
    h.run();
    h.get_by_label("colleague.ron").click();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(matches!(h.state().modal, Some(Modal::ConfirmDiscard { .. })));
    h.get_by_label("Discard changes").click();
    h.run();
    let opened = dir.path().join("other/colleague.ron");
    assert_eq!(h.state().session.workspace().unwrap().path(), Some(opened.as_path()));

    // Save as: Esc cancels the chooser and saves nothing; a typed name is saved to.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    assert_eq!(h.state().chooser.as_ref().unwrap().name, "Syria sample.ron", "the suggested name");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().chooser.is_none(), "Esc cancels");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    h.state_mut().chooser.as_mut().unwrap().name = "copy".into();
    h.key_press(Key::Enter);
    h.run();
    common::window::wait_for_save(&mut h);
    let copy = dir.path().join("other/copy.ron");
    assert!(copy.is_file(), "saved under the typed name with the extension added");
    assert_eq!(h.state().session.workspace().unwrap().path(), Some(copy.as_path()));
    assert_eq!(h.state().prefs.recent.first(), Some(&std::fs::canonicalize(&copy).unwrap()));
}

#[test]
fn an_export_target_picked_in_the_chooser_gets_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.ron");
    std::fs::copy(SAMPLE, &path).unwrap();
    let dialogs = ScriptedDialogs::default();
    dialogs.fail_with(unavailable_message(NO_PORTAL));
    let mut h = window_with(prefs(), &path, dialogs);
    h.run();
    h.state_mut().push(Action::Export(hashiya::formats::ExportFormat::Jsonl, Default::default()));
    h.run();
    let name = h.state().chooser.as_ref().expect("the chooser asks where").name.clone();
    assert!(name.ends_with(".jsonl"), "{name}");
    h.get_by_label("OK").click();
    h.step();
    common::window::wait_for_job(&mut h);
    let out = std::fs::read_to_string(dir.path().join(name)).unwrap();
    assert_eq!(out.lines().count(), 5);
}

#[test]
fn projects_are_remembered_by_absolute_path_and_reopen_on_the_document_that_was_open() {
    // Opened by a relative path (the tests run in the crate's folder).
    let relative = Path::new("projects/sample.ron");
    assert!(relative.is_relative() && relative.is_file());
    let h = window_with(prefs(), relative, ScriptedDialogs::default());
    assert_eq!(h.state().prefs.recent, [std::fs::canonicalize(SAMPLE).unwrap()]);

    let (mut h, _dir, path) = sample_window("tester");
    let third = h.state().session.project().unwrap().documents[2].id.clone();
    h.state_mut().push(Action::OpenDocument(third.clone()));
    h.run();
    h.state_mut().remember_document();
    let prefs = h.state().prefs.clone();
    assert!(prefs.recent.iter().all(|p| p.is_absolute()));
    let h = window_with(prefs, &path, ScriptedDialogs::default());
    assert_eq!(h.state().session.view().doc.as_ref(), Some(&third), "reopened on the third document");
}

#[test]
fn a_first_start_writes_the_sample_to_a_fresh_data_folder_and_opens_it() {
    let data = tempfile::tempdir().unwrap();
    let folder = data.path().join("hashiya");
    let path: PathBuf = start_project(&prefs(), Some(&folder)).unwrap().expect("the sample");
    assert_eq!(path, folder.join("sample.ron"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SAMPLE_PROJECT);
    let h = window_with(prefs(), &path, ScriptedDialogs::default());
    assert_eq!(h.state().session.project().unwrap().documents.len(), 5);
    assert_eq!(h.state().prefs.recent, [std::fs::canonicalize(&path).unwrap()]);
    // The next start opens the remembered project, not a new sample.
    assert_eq!(
        start_project(&h.state().prefs, Some(&folder)).unwrap(),
        Some(h.state().prefs.recent[0].clone())
    );
}
