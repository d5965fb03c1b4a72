//! Short messages shown in a corner of the window: errors stay until dismissed,
//! information fades after a few seconds.

use super::theme;
use egui::{Align2, RichText};
use std::time::{Duration, Instant};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ToastKind {
    Info,
    Error,
}

#[derive(Clone, Debug)]
struct Toast {
    kind: ToastKind,
    text: String,
    shown: Instant,
}

/// The queue of visible toasts.
#[derive(Debug, Default)]
pub struct Toasts {
    toasts: Vec<Toast>,
}

const INFO_LIFETIME: Duration = Duration::from_secs(4);

impl Toasts {
    pub fn info(&mut self, text: impl Into<String>) {
        self.toasts.push(Toast { kind: ToastKind::Info, text: text.into(), shown: Instant::now() });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.toasts.push(Toast { kind: ToastKind::Error, text: text.into(), shown: Instant::now() });
    }

    /// The messages currently shown, oldest first.
    pub fn messages(&self) -> impl Iterator<Item = (&ToastKind, &str)> {
        self.toasts.iter().map(|t| (&t.kind, t.text.as_str()))
    }

    pub fn ui(&mut self, ctx: &egui::Context) {
        let now = Instant::now();
        self.toasts.retain(|t| t.kind == ToastKind::Error || now.duration_since(t.shown) < INFO_LIFETIME);
        if self.toasts.is_empty() {
            return;
        }
        // Wake up once when the oldest info toast should disappear; no continuous repaint.
        if let Some(next) = self
            .toasts
            .iter()
            .filter(|t| t.kind == ToastKind::Info)
            .map(|t| INFO_LIFETIME.saturating_sub(now.duration_since(t.shown)))
            .min()
        {
            ctx.request_repaint_after(next);
        }
        let mut dismiss = None;
        egui::Area::new(egui::Id::unique("toasts")).anchor(Align2::RIGHT_BOTTOM, [-12.0, -36.0]).show(
            ctx,
            |ui| {
                ui.set_max_width(420.0);
                for (i, toast) in self.toasts.iter().enumerate() {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.horizontal(|ui| {
                            let color = match toast.kind {
                                ToastKind::Error => theme::ERROR_COLOR,
                                ToastKind::Info => ui.visuals().text_color(),
                            };
                            ui.label(RichText::new(&toast.text).color(color));
                            if ui.small_button("×").on_hover_text("Dismiss").clicked() {
                                dismiss = Some(i);
                            }
                        });
                    });
                }
            },
        );
        if let Some(i) = dismiss {
            self.toasts.remove(i);
        }
    }
}
