//! Frame statistics in the window: which input counts as a key or mouse event, and
//! writing the figures to `HASHIYA_FRAME_STATS=FILE` on exit, on a normal close as well
//! as on SIGTERM, and what the window does on SIGTERM.

use crate::frame_stats::FrameRecorder;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

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

/// How long the SIGTERM watcher waits for the window to write what is unsaved before it
/// ends the process anyway (saves are atomic, so the project file stays whole).
const TERMINATE_GRACE: Duration = Duration::from_secs(20);

/// Set by the SIGTERM watcher; the window looks at it at the start of each frame.
pub type TerminateFlag = Arc<AtomicBool>;

/// Watches for SIGTERM (always installed). On the signal it raises `flag` and wakes the
/// window, which writes the saves in progress and the unsaved work to the recovery file,
/// then the statistics, and ends the process ([`exit_on_terminate`]). When the window
/// does not answer within [`TERMINATE_GRACE`] (frozen), the watcher writes the statistics
/// and ends it itself, with exit status 143 as SIGTERM would have.
pub fn watch_sigterm(
    ctx: egui::Context,
    flag: TerminateFlag,
    recorder: SharedRecorder,
    stats: Option<PathBuf>,
) {
    let mut signals = match signal_hook::iterator::Signals::new([signal_hook::consts::SIGTERM]) {
        Ok(signals) => signals,
        Err(err) => {
            eprintln!("hashiya: SIGTERM will end the window without writing unsaved work first: {err}");
            return;
        }
    };
    let spawned = std::thread::Builder::new().name("hashiya-sigterm".into()).spawn(move || {
        if signals.forever().next().is_some() {
            flag.store(true, Ordering::SeqCst);
            ctx.request_repaint();
            std::thread::sleep(TERMINATE_GRACE);
            if let Some(path) = &stats {
                write_stats(&recorder, path);
            }
            std::process::exit(SIGTERM_STATUS);
        }
    });
    if let Err(err) = spawned {
        eprintln!("hashiya: SIGTERM will end the window without writing unsaved work first: {err}");
    }
}

/// The exit status of a process ended by SIGTERM.
pub const SIGTERM_STATUS: i32 = 128 + signal_hook::consts::SIGTERM;
