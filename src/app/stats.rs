//! Frame statistics in the window: which input counts as a key or mouse event, and
//! writing the figures to `HASHIYA_FRAME_STATS=FILE` on exit, on a normal close as well
//! as on SIGTERM.

use crate::frame_stats::FrameRecorder;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

/// The environment variable naming the file the statistics go to on exit.
pub const FRAME_STATS_ENV: &str = "HASHIYA_FRAME_STATS";

/// The recorder, shared with the SIGTERM watcher.
pub type SharedRecorder = Arc<Mutex<FrameRecorder>>;

/// The file `HASHIYA_FRAME_STATS` names, if set and not empty.
pub fn stats_file_from_env() -> Option<PathBuf> {
    std::env::var_os(FRAME_STATS_ENV).filter(|v| !v.is_empty()).map(PathBuf::from)
}

/// Whether `event` is the user's key or mouse input (what input latency measures).
pub fn is_user_input(event: &egui::Event) -> bool {
    matches!(
        event,
        egui::Event::Key { pressed: true, .. }
            | egui::Event::Text(_)
            | egui::Event::PointerButton { .. }
            | egui::Event::PointerMoved(_)
            | egui::Event::MouseWheel { .. }
    )
}

/// Writes the figures so far to `path`; a failure is told on stderr (the window is
/// closing, there is nowhere else to tell it).
pub fn write_stats(recorder: &Mutex<FrameRecorder>, path: &Path) {
    let report = recorder.lock().unwrap_or_else(PoisonError::into_inner).report();
    if let Err(err) = report.write(path) {
        eprintln!("hashiya: cannot write the frame statistics to {}: {err}", path.display());
    }
}

/// On SIGTERM, writes the statistics to `path` and ends the process as SIGTERM would
/// have (exit status 143). Only installed when `HASHIYA_FRAME_STATS` is set.
pub fn write_stats_on_sigterm(recorder: SharedRecorder, path: PathBuf) {
    let mut signals = match signal_hook::iterator::Signals::new([signal_hook::consts::SIGTERM]) {
        Ok(signals) => signals,
        Err(err) => {
            eprintln!("hashiya: frame statistics will not be written on SIGTERM: {err}");
            return;
        }
    };
    let spawned = std::thread::Builder::new().name("hashiya-sigterm".into()).spawn(move || {
        if signals.forever().next().is_some() {
            write_stats(&recorder, &path);
            std::process::exit(128 + signal_hook::consts::SIGTERM);
        }
    });
    if let Err(err) = spawned {
        eprintln!("hashiya: frame statistics will not be written on SIGTERM: {err}");
    }
}
