//! View > Performance: the menu opens a window with the frame statistics the app
//! recorded (the same figures `HASHIYA_FRAME_STATS` writes on exit).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::window::sample_window;
use egui_kittest::kittest::Queryable;
use std::time::{Duration, Instant};

#[test]
fn view_performance_shows_the_recorded_frames() {
    let (mut h, _dir, _path) = sample_window("tester");
    {
        // The harness calls `frame_ui` directly; feed the recorder as eframe's hooks do.
        let mut recorder = h.state().frame_stats.lock().unwrap();
        let t0 = Instant::now();
        for i in 0..10u64 {
            let start = t0 + Duration::from_millis(100 * i);
            recorder.begin_frame(start, i % 2 == 0);
            recorder.end_ui(start + Duration::from_millis(if i == 9 { 40 } else { 2 }));
        }
        recorder.begin_frame(t0 + Duration::from_secs(2), false);
    }
    assert!(h.query_by_label("Performance").is_none());
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Performance…").click();
    h.run();
    assert!(h.state().performance.open);
    assert!(h.query_by_label("Frame (ui)").is_some());
    assert!(h.query_by_label("Input to frame").is_some());
    assert!(h.query_by_label_contains("The last 10 frames").is_some());
    assert!(h.query_all_by_label("40.0").count() >= 1, "the slow frame's time is shown");
}

/// Switching documents lays out only the new article; labelling, selecting and repainting
/// lay out nothing. With 3,000 documents the document list builds only the rows on screen.
#[test]
fn work_per_frame_does_not_grow_with_the_project() {
    use egui::Key;
    use hashiya::model::{CharRange, DocId, Document, Project};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let mut project = Project::new("big");
    for i in 0..3000 {
        let text = format!("قال مصدر إن {i} مدنياً قتلوا في الرقة، ونفى الجيش ذلك.\nفقرة ثانية {i}.");
        project.push_document(Document::new(DocId::new(format!("doc-{i:04}")), "s", text));
    }
    hashiya::store::save(&project, &path).unwrap();
    let mut h = common::window::window_on(&path, "tester");
    h.run();
    let layouts = |h: &egui_kittest::Harness<'_, hashiya::app::HashiyaApp>| h.state().doc_view.layouts_made();
    // The first frames settle the panels' widths; then each document is laid out once.
    let settled = layouts(&h);
    assert!(settled <= 2, "{settled}");
    h.key_press(Key::PageDown);
    h.run();
    assert_eq!(layouts(&h), settled + 1, "the next document, once");
    // Label a word, select the span, repaint: the article is not laid out again.
    h.state_mut().push(hashiya::ui::Action::SetSelection(Some(CharRange::new(0, 3))));
    h.run();
    h.key_press(Key::Num1);
    h.run();
    h.key_press(Key::Tab);
    h.run_steps(5);
    assert_eq!(layouts(&h), settled + 1);
    // The document list shows its rows for the documents on screen, not 3,000.
    let rows =
        h.query_all_by_label_contains("doc-").count() + h.query_all_by_label_contains("قال مصدر").count();
    assert!(rows < 100, "{rows} rows built for 3,000 documents");
}
