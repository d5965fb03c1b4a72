//! The real window under egui_kittest: a project file opened by a `HashiyaApp`, as the
//! UI tests drive it.

use egui_kittest::Harness;
use hashiya::app::HashiyaApp;
use hashiya::ui::dialogs::ScriptedDialogs;
use hashiya::ui::prefs::Prefs;
use std::path::{Path, PathBuf};

/// The sample project shipped in `projects/`.
pub const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/projects/sample.ron");

/// A 1280 x 800 window where `annotator` has opened the project at `path`.
pub fn window_on(path: &Path, annotator: &str) -> Harness<'static, HashiyaApp> {
    let prefs = Prefs { annotator: Some(annotator.into()), ..Prefs::default() };
    let mut harness = window_with(prefs, path, ScriptedDialogs::default());
    harness.run();
    harness
}

/// A 1280 x 800 window with these preferences (a first start has none) that opened the
/// project at `path` and asks `dialogs` for files. No frame is drawn yet.
pub fn window_with(prefs: Prefs, path: &Path, dialogs: ScriptedDialogs) -> Harness<'static, HashiyaApp> {
    let mut app = HashiyaApp::with_dialogs(prefs, Box::new(dialogs)).unwrap();
    app.open_path(path);
    let opened = app.session.workspace().is_some();
    assert!(opened, "the project opens: {:?}", app.toasts.messages().collect::<Vec<_>>());
    Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(hashiya::ui::setup_context)
        .build_ui_state(|ui, app: &mut HashiyaApp| app.frame_ui(ui), app)
}

/// A window on a copy of the sample project in a temporary folder (kept alive by the
/// returned guard), and the copy's path.
pub fn sample_window(annotator: &str) -> (Harness<'static, HashiyaApp>, tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.ron");
    std::fs::copy(SAMPLE, &path).unwrap();
    (window_on(&path, annotator), dir, path)
}

/// Runs frames until the background job (export, import, agreement, suggestions) is done,
/// then until the window settles.
pub fn wait_for_job(h: &mut Harness<'_, HashiyaApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while h.state().transfer.busy() {
        assert!(std::time::Instant::now() < deadline, "the job finishes");
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    // The progress question fades out and the report's message fades in.
    h.run_steps(8);
    h.run();
}

/// Runs frames until the save being written in the background has ended, then until the
/// window settles.
pub fn wait_for_save(h: &mut Harness<'_, HashiyaApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while h.state().session.is_saving() {
        assert!(std::time::Instant::now() < deadline, "the save ends");
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    h.run();
}
