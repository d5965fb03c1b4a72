//! View > Performance: the frame statistics of [`crate::frame_stats`], live, for users who
//! report slowness (the same figures `HASHIYA_FRAME_STATS=FILE` writes on exit).

use crate::frame_stats::{FrameRecorder, RECENT_FRAMES, Summary};

/// The Performance window; open or closed.
#[derive(Default)]
pub struct PerformanceWindow {
    pub open: bool,
}

impl PerformanceWindow {
    /// Draws the window when open. It repaints about twice a second while shown, so the
    /// figures move without keeping the window busy.
    pub fn ui(&mut self, ctx: &egui::Context, recorder: &FrameRecorder) {
        if !self.open {
            return;
        }
        let mut open = true;
        egui::Window::new(crate::i18n::tr("performance-title")).open(&mut open).resizable(false).show(
            ctx,
            |ui| {
                let recent = recorder.recent();
                ui.label(crate::tr!(
                    "performance-intro",
                    recent = recent.ui.frames.min(RECENT_FRAMES as u64),
                    total = recorder.ui.len()
                ));
                egui::Grid::new("performance").striped(true).num_columns(8).show(ui, |ui| {
                    let count = crate::i18n::tr("performance-count");
                    for heading in ["", &count, "p50", "p95", "p99", "max", "> 16 ms", "> 33 ms"] {
                        ui.strong(heading);
                    }
                    ui.end_row();
                    summary_row(ui, &crate::i18n::tr("performance-frame"), &recent.ui);
                    summary_row(ui, &crate::i18n::tr("performance-input"), &recent.input_latency);
                    summary_row(ui, &crate::i18n::tr("performance-total"), &recent.frame_total);
                });
                ui.add_space(4.0);
                super::wrapped_rich(ui, &crate::i18n::plain("performance-notes"), |t| {
                    egui::RichText::new(t).small().weak()
                });
            },
        );
        self.open = open;
        ctx.request_repaint_after(std::time::Duration::from_millis(500));
    }
}

fn summary_row(ui: &mut egui::Ui, name: &str, s: &Summary) {
    ui.label(name);
    ui.label(s.frames.to_string());
    for ms in [s.p50_ms, s.p95_ms, s.p99_ms, s.max_ms] {
        ui.label(format!("{ms:.1}"));
    }
    ui.label(s.over_16ms.to_string());
    ui.label(s.over_33ms.to_string());
    ui.end_row();
}
