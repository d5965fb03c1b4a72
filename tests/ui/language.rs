//! View > Language: the interface switches to Arabic at once (menus from the right, the
//! document list on the right), is remembered in the preferences, and switches back.

#![allow(clippy::unwrap_used)] // a test fails loudly on a broken fixture

use crate::common;

use common::window::sample_window;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hashiya::app::HashiyaApp;
use hashiya::i18n::Lang;

fn pick_language(h: &mut Harness<'_, HashiyaApp>, view: &str, language: &str, name: &str) {
    h.get_by_label(view).click();
    h.run();
    h.get_by_label(language).click();
    h.run();
    h.get_by_label(name).click();
    h.run();
}

#[test]
fn the_language_switches_at_once_and_is_remembered() {
    let (mut h, _dir, _) = sample_window("tester");
    h.run();
    let file = h.get_by_label("File").rect();
    pick_language(&mut h, "View", "Language", "العربية");
    assert_eq!(h.state().prefs.lang, Some(Lang::Ar), "remembered in the preferences");
    let file_ar = h.get_by_label("ملف").rect();
    assert!(
        file_ar.center().x > 1000.0 && file.center().x < 100.0,
        "menus start from the right: {file_ar:?}"
    );
    assert!(h.query_by_label_contains("المعلّق").is_some(), "the status bar names the annotator in Arabic");
    // The document list moves to the right: its first title is now right of the centre.
    let title = h.state().session.project().unwrap().documents[1].title.clone();
    let row = h.get_by_label(&title).rect();
    assert!(row.center().x > 640.0, "documents on the right: {row:?}");
    // A hint from the session in Arabic.
    h.key_press(egui::Key::N);
    h.run();
    assert!(h.query_by_label_contains("مقطعًا").is_some(), "the hint to select a span is Arabic");

    pick_language(&mut h, "عرض", "اللغة", "English");
    assert_eq!(h.state().prefs.lang, Some(Lang::En));
    assert!(h.query_by_label("File").is_some());
    let row = h.get_by_label(&title).rect();
    assert!(row.center().x < 640.0, "documents back on the left: {row:?}");
}

#[test]
fn the_review_panel_in_arabic_is_on_the_left_and_reads_from_the_catalogue() {
    let (mut h, _dir, _) = sample_window("lina");
    h.run();
    pick_language(&mut h, "View", "Language", "العربية");
    let doc = h.state().session.project().unwrap().documents[0].id.clone();
    h.state_mut().push(hashiya::ui::Action::ReviewDocument(doc));
    h.run();
    h.run();
    assert!(h.state().session.review().is_some());
    let heading = h.get_by_label("المراجعة").rect();
    assert!(heading.center().x < 640.0, "the review panel is on the left: {heading:?}");
    // Regression: the A / B grid stretched the right-aligned column to an infinite width
    // and the panel vanished (egui refused the list's rectangle).
    assert!(h.query_by_label_contains("متبقٍّ").is_some(), "the decided / remaining counter in Arabic");
}
