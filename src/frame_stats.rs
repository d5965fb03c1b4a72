//! Frame statistics: how long the window takes to draw a frame, and how long a key or
//! mouse event waits until a frame has handled it. No egui here: the window feeds
//! [`FrameRecorder`] with instants, and this module turns them into percentiles and
//! counts ([`Summary`]), shown live in View > Performance and written as one JSON object
//! on exit when `HASHIYA_FRAME_STATS=FILE` is set ([`FrameReport::to_json`]).
//!
//! Three series are kept:
//! - **ui**: the CPU time of each frame's `ui` call (input, layout, the app's own work),
//!   from the moment the window hands the frame its input to the end of the app's `ui`.
//! - **input latency**: for each frame whose input held a key or mouse event, the time
//!   from the event to the end of that frame's `ui`. The window cannot see when the
//!   system delivered an event, so it estimates: when the window was idle before the
//!   frame, the event arrived as the frame began (the window wakes at once); when the
//!   window went straight from the previous frame into this one, the event may have
//!   waited through the whole previous frame, so its start is taken (an upper bound).
//! - **frame total**: eframe's own figure for the whole frame (ui, tessellation and
//!   painting, without waiting for vsync), reported one frame late.

use serde::Serialize;
use std::collections::VecDeque;
use std::path::Path;
use std::time::{Duration, Instant};

/// How many recent frames the live view summarizes.
pub const RECENT_FRAMES: usize = 1000;

/// Within this time after the previous frame's work ended, a new frame counts as
/// following straight on (the window was busy, not idle).
const BUSY_SLACK: Duration = Duration::from_millis(2);

/// Percentiles and counts of one series of durations, in milliseconds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    /// How many durations were measured.
    pub frames: u64,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    /// Durations over 16 ms (a frame missed at 60 Hz).
    pub over_16ms: u64,
    /// Durations over 33 ms (a frame missed at 30 Hz).
    pub over_33ms: u64,
}

impl Summary {
    /// The summary of `samples` (milliseconds, any order). Percentiles are nearest-rank:
    /// the smallest sample with at least p % of the samples at or below it.
    pub fn of(samples: &[f32]) -> Self {
        let mut sorted: Vec<f32> = samples.iter().copied().filter(|s| s.is_finite()).collect();
        sorted.sort_by(f32::total_cmp);
        let rank = |p: f64| -> f64 {
            let n = sorted.len();
            if n == 0 {
                return 0.0;
            }
            let index = ((p / 100.0 * n as f64).ceil() as usize).clamp(1, n) - 1;
            sorted.get(index).map_or(0.0, |&v| round_ms(v))
        };
        Self {
            frames: sorted.len() as u64,
            p50_ms: rank(50.0),
            p95_ms: rank(95.0),
            p99_ms: rank(99.0),
            max_ms: sorted.last().map_or(0.0, |&v| round_ms(v)),
            over_16ms: sorted.iter().filter(|&&v| v > 16.0).count() as u64,
            over_33ms: sorted.iter().filter(|&&v| v > 33.0).count() as u64,
        }
    }
}

/// Milliseconds to three decimals (microseconds), so the JSON stays short.
fn round_ms(ms: f32) -> f64 {
    (f64::from(ms) * 1000.0).round() / 1000.0
}

/// The most samples a series keeps for its percentiles (4 MiB): a window left open for
/// days keeps a bounded history.
pub const MAX_SAMPLES: usize = 1 << 20;

/// One series of durations: up to [`MAX_SAMPLES`] samples for the percentiles (beyond
/// that a uniform random sample of all of them, so the percentiles stay unbiased), exact
/// counts and maximum, and the most recent ones (for the live view, so drawing it never
/// sorts a long history).
#[derive(Clone, Debug)]
pub struct Series {
    kept: Vec<f32>,
    limit: usize,
    seen: u64,
    max: f32,
    over_16: u64,
    over_33: u64,
    /// State of the xorshift generator choosing which kept sample a new one replaces.
    random: u64,
    recent: VecDeque<f32>,
}

impl Default for Series {
    fn default() -> Self {
        Self::with_limit(MAX_SAMPLES)
    }
}

impl Series {
    /// A series keeping at most `limit` samples for its percentiles.
    pub fn with_limit(limit: usize) -> Self {
        Self {
            kept: Vec::new(),
            limit: limit.max(1),
            seen: 0,
            max: 0.0,
            over_16: 0,
            over_33: 0,
            random: 0x9e37_79b9_7f4a_7c15,
            recent: VecDeque::new(),
        }
    }

    pub fn push(&mut self, duration: Duration) {
        let ms = duration.as_secs_f32() * 1000.0;
        if !ms.is_finite() {
            return;
        }
        self.seen += 1;
        self.max = self.max.max(ms);
        self.over_16 += u64::from(ms > 16.0);
        self.over_33 += u64::from(ms > 33.0);
        if self.kept.len() < self.limit {
            self.kept.push(ms);
        } else {
            // Reservoir sampling: the new sample replaces a kept one with probability
            // limit / seen, so every sample so far is equally likely to be kept.
            self.random ^= self.random << 13;
            self.random ^= self.random >> 7;
            self.random ^= self.random << 17;
            let slot = self.random % self.seen;
            if let Some(kept) = usize::try_from(slot).ok().and_then(|i| self.kept.get_mut(i)) {
                *kept = ms;
            }
        }
        if self.recent.len() == RECENT_FRAMES {
            self.recent.pop_front();
        }
        self.recent.push_back(ms);
    }

    /// Every sample so far: exact counts and maximum, percentiles of the kept samples.
    pub fn summary(&self) -> Summary {
        Summary {
            frames: self.seen,
            max_ms: round_ms(self.max),
            over_16ms: self.over_16,
            over_33ms: self.over_33,
            ..Summary::of(&self.kept)
        }
    }

    /// The last [`RECENT_FRAMES`] samples.
    pub fn recent_summary(&self) -> Summary {
        let (a, b) = self.recent.as_slices();
        if b.is_empty() { Summary::of(a) } else { Summary::of(&[a, b].concat()) }
    }

    pub fn len(&self) -> u64 {
        self.seen
    }

    pub fn is_empty(&self) -> bool {
        self.seen == 0
    }
}

/// The figures written to `HASHIYA_FRAME_STATS`: the ui times at the top level, input
/// latency and eframe's whole-frame times under their own keys.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct FrameReport {
    #[serde(flatten)]
    pub ui: Summary,
    pub input_latency: Summary,
    pub frame_total: Summary,
}

impl FrameReport {
    /// One JSON object on one line.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Writes [`FrameReport::to_json`] and a line break to `path`.
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        std::fs::write(path, format!("{}\n", self.to_json()))
    }
}

#[derive(Clone, Copy, Debug)]
struct Frame {
    start: Instant,
    ui_end: Option<Instant>,
    had_input: bool,
    /// eframe's time for the whole frame, learned during the next frame.
    total: Option<Duration>,
}

impl Frame {
    /// When the frame's own work ended, as far as is known.
    fn work_end(&self) -> Instant {
        let ui = self.ui_end.map_or(Duration::ZERO, |end| end.saturating_duration_since(self.start));
        self.start + ui.max(self.total.unwrap_or(Duration::ZERO))
    }
}

/// Collects the three series as frames come. The window calls
/// [`FrameRecorder::begin_frame`] when a frame gets its input, [`FrameRecorder::end_ui`]
/// when its `ui` call returns (again after a second pass), and
/// [`FrameRecorder::previous_frame_total`] with eframe's figure for the frame before.
#[derive(Clone, Debug, Default)]
pub struct FrameRecorder {
    pub ui: Series,
    pub input_latency: Series,
    pub frame_total: Series,
    open: Option<Frame>,
    previous: Option<Frame>,
}

impl FrameRecorder {
    /// A frame starts at `now`; `had_input` when its input holds a key or mouse event.
    pub fn begin_frame(&mut self, now: Instant, had_input: bool) {
        self.close_open_frame();
        self.open = Some(Frame { start: now, ui_end: None, had_input, total: None });
    }

    /// The frame's `ui` call returned at `now`.
    pub fn end_ui(&mut self, now: Instant) {
        if let Some(frame) = &mut self.open {
            frame.ui_end = Some(now);
        }
    }

    /// eframe's whole-frame time of the frame before the one being drawn.
    pub fn previous_frame_total(&mut self, total: Duration) {
        if let Some(previous) = &mut self.previous
            && previous.total.is_none()
        {
            previous.total = Some(total);
            self.frame_total.push(total);
        }
    }

    fn close_open_frame(&mut self) {
        let Some(frame) = self.open.take() else { return };
        let Some(ui_end) = frame.ui_end else { return };
        self.ui.push(ui_end.saturating_duration_since(frame.start));
        if frame.had_input {
            let busy = self.previous.filter(|p| frame.start <= p.work_end() + BUSY_SLACK);
            let arrival = busy.map_or(frame.start, |p| p.start);
            self.input_latency.push(ui_end.saturating_duration_since(arrival));
        }
        self.previous = Some(frame);
    }

    /// The figures over every frame so far, the last one included.
    pub fn report(&mut self) -> FrameReport {
        self.close_open_frame();
        FrameReport {
            ui: self.ui.summary(),
            input_latency: self.input_latency.summary(),
            frame_total: self.frame_total.summary(),
        }
    }

    /// The figures over the last [`RECENT_FRAMES`] frames, for the live view.
    pub fn recent(&self) -> FrameReport {
        FrameReport {
            ui: self.ui.recent_summary(),
            input_latency: self.input_latency.recent_summary(),
            frame_total: self.frame_total.recent_summary(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn nearest_rank_percentiles_and_counts() {
        let samples: Vec<f32> = (1..=100).map(|n| n as f32).collect();
        let s = Summary::of(&samples);
        assert_eq!(s.frames, 100);
        assert_eq!((s.p50_ms, s.p95_ms, s.p99_ms, s.max_ms), (50.0, 95.0, 99.0, 100.0));
        assert_eq!(s.over_16ms, 84);
        assert_eq!(s.over_33ms, 67);
    }

    #[test]
    fn small_and_empty_series() {
        assert_eq!(Summary::of(&[]), Summary::default());
        let s = Summary::of(&[3.0, 40.0, 1.0]);
        assert_eq!((s.p50_ms, s.p95_ms, s.p99_ms, s.max_ms), (3.0, 40.0, 40.0, 40.0));
        assert_eq!((s.over_16ms, s.over_33ms), (1, 1));
        assert_eq!(Summary::of(&[16.0, 33.0]).over_16ms, 1, "over means strictly over");
        assert_eq!(Summary::of(&[f32::NAN, 2.0]).frames, 1);
    }

    #[test]
    fn json_has_the_documented_keys() {
        let mut r = FrameRecorder::default();
        let t0 = Instant::now();
        r.begin_frame(t0, true);
        r.end_ui(t0 + ms(5));
        let json: serde_json::Value = serde_json::from_str(&r.report().to_json()).unwrap();
        for key in ["frames", "p50_ms", "p95_ms", "p99_ms", "max_ms", "over_16ms", "over_33ms"] {
            assert!(json.get(key).is_some(), "{key}");
            assert!(json["input_latency"].get(key).is_some(), "input_latency.{key}");
            assert!(json["frame_total"].get(key).is_some(), "frame_total.{key}");
        }
        assert_eq!(json["frames"], 1);
        assert_eq!(json["p50_ms"], 5.0);
    }

    #[test]
    fn latency_starts_at_the_frame_after_idle_and_at_the_previous_frame_when_busy() {
        let mut r = FrameRecorder::default();
        let t0 = Instant::now();
        // Frame 1: 10 ms, no input.
        r.begin_frame(t0, false);
        r.end_ui(t0 + ms(10));
        // Frame 2 after a second of idle, with a click: latency is its own 4 ms.
        let t1 = t0 + ms(1000);
        r.begin_frame(t1, true);
        r.previous_frame_total(ms(12));
        r.end_ui(t1 + ms(4));
        // Frame 3 right after frame 2's work, with a key: the key may have come just after
        // frame 2 took its input, so latency runs from frame 2's start.
        let t2 = t1 + ms(5);
        r.begin_frame(t2, true);
        r.previous_frame_total(ms(5));
        r.end_ui(t2 + ms(20));
        let report = r.report();
        assert_eq!(report.ui.frames, 3);
        assert_eq!(report.ui.max_ms, 20.0);
        assert_eq!(report.input_latency.frames, 2);
        assert_eq!(report.input_latency.p50_ms, 4.0);
        assert_eq!(report.input_latency.max_ms, 25.0);
        assert_eq!(report.frame_total.frames, 2);
        assert_eq!(report.frame_total.max_ms, 12.0);
    }

    #[test]
    fn a_second_pass_extends_the_frame_and_unfinished_frames_are_not_counted() {
        let mut r = FrameRecorder::default();
        let t0 = Instant::now();
        r.begin_frame(t0, false);
        r.end_ui(t0 + ms(3));
        r.end_ui(t0 + ms(7));
        r.begin_frame(t0 + ms(8), false); // never finished its ui
        r.begin_frame(t0 + ms(20), false);
        assert_eq!(r.report().ui.frames, 1);
        assert_eq!(r.ui.summary().max_ms, 7.0);
    }

    #[test]
    fn the_live_view_sees_only_recent_frames() {
        let mut s = Series::default();
        s.push(ms(100));
        for _ in 0..RECENT_FRAMES {
            s.push(ms(1));
        }
        assert_eq!(s.summary().max_ms, 100.0);
        assert_eq!(s.recent_summary().max_ms, 1.0);
        assert_eq!(s.recent_summary().frames, RECENT_FRAMES as u64);
    }

    #[test]
    fn a_long_session_keeps_a_bounded_history_with_exact_counts() {
        let mut s = Series::with_limit(100);
        for i in 0..10_000u64 {
            s.push(ms(if i % 100 == 0 { 40 } else { 5 }));
        }
        assert_eq!(s.kept.len(), 100, "the history is bounded");
        let summary = s.summary();
        assert_eq!((summary.frames, summary.over_33ms, summary.over_16ms), (10_000, 100, 100));
        assert_eq!(summary.max_ms, 40.0);
        assert_eq!(summary.p50_ms, 5.0, "percentiles come from a uniform sample");
    }

    #[test]
    fn writes_one_line_of_json() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("stats.json");
        FrameReport::default().write(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 1);
        assert!(text.starts_with("{\"frames\":0,"));
    }
}
