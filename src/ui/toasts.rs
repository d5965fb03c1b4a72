//! Short messages shown in a corner of the window. Information fades after a few
//! seconds; errors stay until dismissed. The same message again is merged into the one
//! shown (with a count) and moves to the front; only the newest few are shown, the older
//! ones collapse to "and N more"; a long report is one message whose "Details…" opens a
//! window listing every line, scrollable and copyable.

use super::theme;
use crate::i18n::tr;
use egui::{Align2, RichText};
use std::time::{Duration, Instant};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToastKind {
    Info,
    Error,
}

#[derive(Clone, Debug)]
struct Toast {
    kind: ToastKind,
    text: String,
    /// How many times it was said.
    count: usize,
    /// When it was last said.
    shown: Instant,
    /// The lines behind a summary; empty for a plain message.
    details: Vec<String>,
}

/// The lines of one report, shown in the details window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Details {
    pub title: String,
    pub lines: Vec<String>,
}

/// The messages of the window.
#[derive(Debug, Default)]
pub struct Toasts {
    toasts: Vec<Toast>,
    /// The report whose details are open.
    pub details: Option<Details>,
}

const INFO_LIFETIME: Duration = Duration::from_secs(4);
/// How many messages are shown at once; older ones are counted in "and N more".
pub const MAX_SHOWN: usize = 3;
/// How many messages are kept at most (the oldest go first).
const MAX_KEPT: usize = 50;
/// A report with more lines than this is one message with details.
pub const LONG_REPORT: usize = 3;

impl Toasts {
    pub fn info(&mut self, text: impl Into<String>) {
        self.add(ToastKind::Info, text.into(), Vec::new(), Instant::now());
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.add(ToastKind::Error, text.into(), Vec::new(), Instant::now());
    }

    /// Says each of `lines`, or, when there are more than [`LONG_REPORT`], `summary`
    /// with the lines behind "Details…".
    pub fn report(&mut self, kind: ToastKind, summary: impl Into<String>, lines: Vec<String>) {
        let now = Instant::now();
        if lines.len() <= LONG_REPORT {
            for line in lines {
                self.add(kind, line, Vec::new(), now);
            }
        } else {
            self.add(kind, summary.into(), lines, now);
        }
    }

    fn add(&mut self, kind: ToastKind, text: String, details: Vec<String>, now: Instant) {
        let count = match self.toasts.iter().position(|t| t.kind == kind && t.text == text) {
            Some(i) => self.toasts.remove(i).count + 1,
            None => 1,
        };
        self.toasts.push(Toast { kind, text, count, shown: now, details });
        let extra = self.toasts.len().saturating_sub(MAX_KEPT);
        self.toasts.drain(..extra);
    }

    /// The messages kept, oldest first.
    pub fn messages(&self) -> impl Iterator<Item = (&ToastKind, &str)> {
        self.toasts.iter().map(|t| (&t.kind, t.text.as_str()))
    }

    /// How many times `text` was said (0 when it is not shown).
    pub fn count(&self, text: &str) -> usize {
        self.toasts.iter().find(|t| t.text == text).map_or(0, |t| t.count)
    }

    /// How many messages are kept but not shown ("and N more").
    pub fn hidden(&self) -> usize {
        self.toasts.len().saturating_sub(MAX_SHOWN)
    }

    /// Opens the details of the message `text`; false when it has none.
    pub fn open_details(&mut self, text: &str) -> bool {
        let Some(toast) = self.toasts.iter().find(|t| t.text == text && !t.details.is_empty()) else {
            return false;
        };
        self.details = Some(Details { title: toast.text.clone(), lines: toast.details.clone() });
        true
    }

    /// Forgets information older than its lifetime; returns when the next one goes.
    fn expire(&mut self, now: Instant) -> Option<Duration> {
        self.toasts.retain(|t| t.kind == ToastKind::Error || now.duration_since(t.shown) < INFO_LIFETIME);
        self.toasts
            .iter()
            .filter(|t| t.kind == ToastKind::Info)
            .map(|t| INFO_LIFETIME.saturating_sub(now.duration_since(t.shown)))
            .min()
    }

    pub fn ui(&mut self, ctx: &egui::Context) {
        // Wake up once when the oldest info toast should disappear; no continuous repaint.
        if let Some(next) = self.expire(Instant::now()) {
            ctx.request_repaint_after(next);
        }
        self.details_ui(ctx);
        if self.toasts.is_empty() {
            return;
        }
        let hidden = self.hidden();
        let mut dismiss = None;
        let mut dismiss_all = false;
        let mut open = None;
        egui::Area::new(egui::Id::unique("toasts")).anchor(Align2::RIGHT_BOTTOM, theme::TOAST_OFFSET).show(
            ctx,
            |ui| {
                ui.set_max_width(theme::TOAST_WIDTH);
                if hidden > 0 {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.horizontal(|ui| {
                            ui.label(crate::tr!("toast-more", count = hidden));
                            dismiss_all = ui.small_button(tr("toast-dismiss-all")).clicked();
                        });
                    });
                }
                for (i, toast) in self.toasts.iter().enumerate().skip(hidden) {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.horizontal(|ui| {
                            let color = match toast.kind {
                                ToastKind::Error => theme::ERROR_COLOR,
                                ToastKind::Info => ui.visuals().text_color(),
                            };
                            let text = match toast.count {
                                1 => toast.text.clone(),
                                n => format!("{} (×{n})", toast.text),
                            };
                            // Room beside the text for "Details…" and the ×.
                            let room = ui.available_width() - theme::TOAST_BUTTONS_WIDTH;
                            super::wrapped_at(ui, &text, room, |t| RichText::new(t).color(color));
                            if !toast.details.is_empty() && ui.small_button(tr("toast-details")).clicked() {
                                open = Some(i);
                            }
                            if ui.small_button("×").on_hover_text(tr("toast-dismiss")).clicked() {
                                dismiss = Some(i);
                            }
                        });
                    });
                }
            },
        );
        if let Some(toast) = open.and_then(|i| self.toasts.get(i)) {
            self.details = Some(Details { title: toast.text.clone(), lines: toast.details.clone() });
        }
        if dismiss_all {
            self.toasts.clear();
        } else if let Some(i) = dismiss {
            self.toasts.remove(i);
        }
    }

    /// The window listing a report's lines, selectable so they can be copied.
    fn details_ui(&mut self, ctx: &egui::Context) {
        let Some(details) = &self.details else { return };
        let mut open = true;
        let mut close = false;
        egui::Window::new(tr("toast-details-title"))
            .id(egui::Id::unique("toast-details"))
            .open(&mut open)
            .default_width(560.0)
            .show(ctx, |ui| {
                let title = super::wrapped_label(ui, &details.title);
                // The lines are in logical order (copied as they are); egui's text box shows
                // them in visual order.
                let mut text = details.lines.join("\n");
                let shown = crate::text::for_display(&text).replace(['\u{2068}', '\u{2069}'], "");
                egui::ScrollArea::vertical().max_height(theme::DETAILS_HEIGHT).show(ui, |ui| {
                    // A read-only text: it can be selected and copied, not changed.
                    ui.add(egui::TextEdit::multiline(&mut shown.as_str()).desired_width(f32::INFINITY))
                        .labelled_by(title.id);
                });
                ui.horizontal(|ui| {
                    if ui.button(tr("toast-copy-all")).clicked() {
                        ui.ctx().copy_text(std::mem::take(&mut text));
                    }
                    close = ui.button(tr("button-close")).clicked();
                });
            });
        if !open || close {
            self.details = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_message_is_merged_with_a_count_and_moves_to_the_front() {
        let mut toasts = Toasts::default();
        toasts.error("disk full");
        toasts.error("bad file");
        toasts.error("disk full");
        toasts.info("disk full");
        let kept: Vec<_> = toasts.messages().map(|(k, t)| (*k, t)).collect();
        assert_eq!(
            kept,
            [(ToastKind::Error, "bad file"), (ToastKind::Error, "disk full"), (ToastKind::Info, "disk full")]
        );
        assert_eq!(toasts.count("bad file"), 1);
        assert_eq!(toasts.count("disk full"), 2);
    }

    #[test]
    fn only_the_newest_are_shown_and_no_more_than_a_bounded_number_is_kept() {
        let mut toasts = Toasts::default();
        for i in 0..5 {
            toasts.error(format!("error {i}"));
        }
        assert_eq!(toasts.hidden(), 5 - MAX_SHOWN);
        for i in 0..200 {
            toasts.error(format!("another {i}"));
        }
        assert_eq!(toasts.messages().count(), MAX_KEPT);
        assert_eq!(toasts.messages().last().map(|(_, t)| t), Some("another 199"));
    }

    #[test]
    fn information_goes_by_itself_and_errors_stay() {
        let mut toasts = Toasts::default();
        let then = Instant::now();
        toasts.add(ToastKind::Info, "imported".into(), Vec::new(), then);
        toasts.add(ToastKind::Error, "failed".into(), Vec::new(), then);
        assert_eq!(toasts.expire(then + Duration::from_secs(1)), Some(Duration::from_secs(3)));
        assert_eq!(toasts.expire(then + INFO_LIFETIME), None);
        assert_eq!(toasts.messages().map(|(_, t)| t).collect::<Vec<_>>(), ["failed"]);
    }

    #[test]
    fn a_long_report_is_one_message_with_its_lines_behind_details() {
        let mut toasts = Toasts::default();
        toasts.report(ToastKind::Info, "short", vec!["a".into(), "b".into()]);
        assert_eq!(toasts.messages().count(), 2, "a short report is said line by line");
        let lines: Vec<String> = (0..40).map(|i| format!("line {i}")).collect();
        toasts.report(ToastKind::Error, "40 files were not imported.", lines.clone());
        assert_eq!(toasts.messages().count(), 3);
        assert!(!toasts.open_details("a"));
        assert!(toasts.open_details("40 files were not imported."));
        assert_eq!(toasts.details.as_ref().map(|d| &d.lines), Some(&lines));
    }
}
