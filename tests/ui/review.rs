//! The review flow in the window through egui_kittest: two annotators disagree, the
//! reviewer accepts one side with the keyboard, the gold layer holds it, and it is saved.

#![allow(clippy::unwrap_used)] // a test fails loudly on a broken fixture

use crate::common;

use common::window::window_on;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hashiya::app::HashiyaApp;
use hashiya::model::{CharRange, DocId, Document, LabelId, Origin, Project, Span, SpanId, Timestamp};
use hashiya::ui::Action;
use hashiya::ui::commands::UiCommand;

const TEXT: &str = "قال المتحدث إن 120 عنصراً فروا من الرقة، ونفى الجيش ذلك.";

fn span(id: u64, start: usize, end: usize, label: &str, who: &str) -> Span {
    Span::new(SpanId(id), CharRange::new(start, end), LabelId::new(label), who, Timestamp(1))
}

/// amal and omar agree on "120 عنصراً" as a figure, but amal calls the denial a denial
/// and omar a claim.
fn project() -> Project {
    let mut p = Project::new("review");
    let doc = Document::new(DocId::new("d"), "d.txt", TEXT.into());
    let chars: Vec<char> = TEXT.chars().collect();
    let find = |word: &str| {
        let w: Vec<char> = word.chars().collect();
        let start = chars.windows(w.len()).position(|x| x == w.as_slice()).unwrap();
        (start, start + w.len())
    };
    let (fs, fe) = find("120 عنصراً");
    let (ds, de) = find("ونفى الجيش ذلك");
    p.layers.entry("amal".into()).or_default().doc_mut(&doc).spans =
        vec![span(1, fs, fe, "figure", "amal"), span(2, ds, de, "denial", "amal")];
    p.layers.entry("omar".into()).or_default().doc_mut(&doc).spans =
        vec![span(1, fs, fe, "figure", "omar"), span(2, ds, de, "claim", "omar")];
    p.push_document(doc);
    p
}

#[test]
fn accepting_one_side_puts_it_in_gold_and_it_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.ron");
    hashiya::store::save(&project(), &path).unwrap();
    let mut h = window_on(&path, "reviewer");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::R);
    h.run();
    h.run();
    assert!(h.state().session.review().is_some());
    assert_eq!(h.state().session.review().unwrap().annotators(), ["amal", "omar"]);
    let doc = DocId::new("d");
    let gold = |h: &Harness<'_, HashiyaApp>| {
        h.state().session.workspace().unwrap().project.gold.spans(&doc).to_vec()
    };
    assert!(gold(&h).is_empty(), "nothing goes into gold without the reviewer");
    // G accepts the figure both made.
    h.key_press(Key::G);
    h.run();
    assert_eq!(gold(&h).len(), 1);
    assert_eq!(gold(&h)[0].label.as_str(), "figure");
    assert_eq!(gold(&h)[0].origin, Origin::Accepted { by: "reviewer".into() });
    // One disagreement is left: the same range labelled denial and claim.
    assert_eq!(h.state().session.review().unwrap().disagreements().len(), 1);
    // B accepts the second annotator (omar): a claim.
    h.key_press(Key::B);
    h.run();
    let gold_now = gold(&h);
    assert_eq!(gold_now.len(), 2);
    assert!(gold_now.iter().any(|s| s.label.as_str() == "claim" && s.annotator == "omar"));
    // Undo takes the decision back; redo restores it.
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(gold(&h).len(), 1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(gold(&h).len(), 2);
    // Changing one's mind: A accepts amal's denial instead, replacing the claim.
    h.state_mut().push(Action::Run(UiCommand::PreviousDisagreement));
    h.run();
    h.key_press(Key::A);
    h.run();
    let gold_now = gold(&h);
    assert_eq!(gold_now.len(), 2);
    assert!(gold_now.iter().any(|s| s.label.as_str() == "denial" && s.annotator == "amal"));
    assert!(!gold_now.iter().any(|s| s.label.as_str() == "claim"));
    // Saved, the gold layer is in the file.
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    h.run();
    common::window::wait_for_save(&mut h);
    let saved = hashiya::store::load(&path).unwrap();
    assert_eq!(saved.gold.spans(&doc).len(), 2);
    assert_eq!(saved.layers["amal"], project().layers["amal"], "annotator layers are untouched");

    // Export uses the gold layer by default: the reviewed figure and denial, nothing else.
    let out = dir.path().join("gold.jsonl");
    let options = hashiya::formats::ExportOptions::default();
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let format = hashiya::formats::ExportFormat::Jsonl;
    hashiya::formats::export(&saved, format, &options, &out, &mut |_| {}, &cancel).unwrap();
    let line = std::fs::read_to_string(&out).unwrap();
    let json: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    let labels: Vec<&str> =
        json["spans"].as_array().unwrap().iter().map(|s| s["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["figure", "denial"]);
}

#[test]
fn the_agreement_window_lists_documents_least_agreed_first_and_opens_one_for_review() {
    let (mut h, _dir, _path) = common::window::sample_window("reviewer");
    assert!(h.state().session.review().is_none());
    h.state_mut().push(Action::Run(UiCommand::Agreement));
    h.step();
    // The figures are computed in the background.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !h.state().agreement.has_result() {
        assert!(std::time::Instant::now() < deadline, "the agreement is computed");
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.run_steps(8);
    h.run();
    // In the sample project amal and omar agree least on 003 (004 is one amal never
    // annotated: listed last, unranked): a click opens it in review mode.
    let least = DocId::new("003_0a644b1ad7aeaa48");
    assert_ne!(h.state().session.view().doc.as_ref(), Some(&least));
    h.get_by_role_and_label(egui::accesskit::Role::Link, "003_0a644b1ad7aeaa48").click();
    h.run();
    h.run();
    assert!(h.state().session.review().is_some(), "review mode is on");
    assert_eq!(h.state().session.view().doc.as_ref(), Some(&least));
}
