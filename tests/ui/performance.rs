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
