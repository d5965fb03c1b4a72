//! A progress line on stderr for long commands, shown only when stderr is a terminal.

use crate::formats::Progress;
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Redraws `stage done/total (pct%)` at most ten times a second.
pub struct ProgressLine {
    enabled: bool,
    last: Option<Instant>,
    drawn: bool,
}

impl ProgressLine {
    pub fn new() -> Self {
        Self { enabled: std::io::stderr().is_terminal(), last: None, drawn: false }
    }

    pub fn show(&mut self, progress: Progress) {
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        let finished = progress.done >= progress.total;
        if !finished && self.last.is_some_and(|t| now.duration_since(t) < Duration::from_millis(100)) {
            return;
        }
        self.last = Some(now);
        self.drawn = true;
        let pct = (progress.fraction() * 100.0).round();
        let mut err = std::io::stderr().lock();
        let _ =
            write!(err, "\r{} {}/{} ({pct}%)\x1b[K", progress.stage.name(), progress.done, progress.total);
        let _ = err.flush();
    }

    /// Ends the line so the summary starts on a fresh one.
    pub fn finish(&mut self) {
        if self.drawn {
            errout!("\r\x1b[K");
        }
    }
}
