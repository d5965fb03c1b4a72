//! Suggestions in the window: suggest on the document, accept one (Y), reject one (X),
//! undo the rejection, redo it, save; the saved file and its export hold exactly the
//! accepted span as the annotator's, and the rejected one is never suggested again.

#![allow(clippy::unwrap_used)] // a test fails loudly on a broken fixture

use crate::common;

use common::window::{wait_for_job, window_on};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use hashiya::app::HashiyaApp;
use hashiya::model::{DocId, Document, LayerRef, Origin, Project, Span, slice_chars};
use hashiya::ui::Action;
use hashiya::ui::commands::UiCommand;

const TEXT: &str = "قال المرصد إن 12 مدنياً قتلوا وأصيب ثلاثة أشخاص. ونفى الجيش ذلك.";

/// rana's window on a project of one document holding [`TEXT`].
fn window_on_one_document() -> (Harness<'static, HashiyaApp>, tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let mut project = Project::new("s");
    project.push_document(Document::new(DocId::new("d"), "d.txt", TEXT.into()));
    hashiya::store::save(&project, &path).unwrap();
    (window_on(&path, "rana"), dir, path)
}

fn spans(h: &Harness<'_, HashiyaApp>) -> Vec<Span> {
    let project = h.state().session.project().unwrap();
    project
        .layer(&LayerRef::annotator("rana"))
        .map(|l| l.spans(&DocId::new("d")).to_vec())
        .unwrap_or_default()
}

fn text_of(span: &Span) -> String {
    slice_chars(TEXT, span.range()).unwrap().to_string()
}

#[test]
fn suggest_accept_reject_undo_and_save() {
    let (mut h, dir, path) = window_on_one_document();

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::G);
    h.step();
    wait_for_job(&mut h);
    let found = spans(&h);
    assert!(found.len() >= 3, "figures, a claim and a denial are suggested: {found:?}");
    assert!(found.iter().all(Span::is_suggested));
    let figures: Vec<String> = found.iter().filter(|s| s.label.as_str() == "figure").map(text_of).collect();
    assert_eq!(figures, ["12 مدنياً", "ثلاثة أشخاص"]);

    // Tab goes to the first suggestion; Y accepts it and moves to the next; X rejects that.
    h.key_press(Key::Tab);
    h.run();
    let first = h.state().session.view().selected_span.unwrap();
    h.key_press(Key::Y);
    h.run();
    let second = h.state().session.view().selected_span.unwrap();
    assert_ne!(first, second, "the next suggestion is selected");
    let rejected = spans(&h).into_iter().find(|s| s.id == second).unwrap();
    h.key_press(Key::X);
    h.run();
    assert!(spans(&h).iter().all(|s| s.id != second), "the rejected suggestion is gone");

    // Undo brings it back as a suggestion; redo rejects it again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(spans(&h).iter().any(|s| s.id == second && s.is_suggested()));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert!(spans(&h).iter().all(|s| s.id != second));

    // Suggesting again adds nothing that was accepted or rejected.
    h.state_mut().push(Action::Run(UiCommand::SuggestDocument));
    h.step();
    wait_for_job(&mut h);
    let again = spans(&h);
    assert!(!again.iter().any(|s| s.range() == rejected.range() && s.label == rejected.label));
    assert_eq!(again.iter().filter(|s| s.id == first).count(), 1);

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    common::window::wait_for_save(&mut h);
    let saved = hashiya::store::load(&path).unwrap();
    let layer = saved.layer(&LayerRef::annotator("rana")).unwrap().spans(&DocId::new("d"));
    let mine: Vec<&Span> = layer.iter().filter(|s| !s.is_suggested()).collect();
    assert_eq!(mine.len(), 1, "exactly the accepted span is the annotator's: {layer:?}");
    assert_eq!(mine[0].id, first);
    assert_eq!(mine[0].origin, Origin::Accepted { by: "rana".into() });
    assert_eq!(saved.rejected.len(), 1);
    assert!(saved.is_rejected("rana", &DocId::new("d"), rejected.range(), &rejected.label));

    // The export holds the accepted span only.
    let out = dir.path().join("out.jsonl");
    let options = hashiya::formats::ExportOptions::default();
    let cancel = std::sync::atomic::AtomicBool::new(false);
    hashiya::formats::export(
        &saved,
        hashiya::formats::ExportFormat::Jsonl,
        &options,
        &out,
        &mut |_| {},
        &cancel,
    )
    .unwrap();
    let line: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(&out).unwrap().trim()).unwrap();
    let exported = line["spans"].as_array().unwrap();
    assert_eq!(exported.len(), 1, "{exported:?}");
    assert_eq!(exported[0]["start"].as_u64(), Some(mine[0].start.0 as u64));
}

#[test]
fn accept_all_of_a_label_is_one_step() {
    let (mut h, _dir, _path) = window_on_one_document();
    h.state_mut().push(Action::Run(UiCommand::SuggestDocument));
    h.step();
    wait_for_job(&mut h);
    // Select the first figure suggestion, then Shift+Y accepts both figures.
    let figure = spans(&h).into_iter().find(|s| s.label.as_str() == "figure").unwrap();
    h.state_mut().push(Action::SelectSpan(Some(figure.id)));
    h.run();
    h.key_press_modifiers(Modifiers::SHIFT, Key::Y);
    h.run();
    let accepted: Vec<Span> = spans(&h).into_iter().filter(|s| !s.is_suggested()).collect();
    assert_eq!(accepted.len(), 2);
    assert!(accepted.iter().all(|s| s.label.as_str() == "figure"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(spans(&h).iter().all(Span::is_suggested), "one undo step");
}
