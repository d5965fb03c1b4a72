//! The menu bar (from the command table) and the status bar: whether the work is saved
//! (or when it was opened, saved or autosaved), who is annotating, the selection.

use super::Action;
use super::commands::{MENUS, UiCommand};
use super::theme;
use crate::session::Session;
use crate::workspace::FileEvent;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

/// The menus; the File menu ends with the recent projects.
pub fn menu_bar_ui(ui: &mut egui::Ui, recent: &[PathBuf], actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        for (title, commands) in MENUS {
            ui.menu_button(title, |ui| {
                for &cmd in commands {
                    menu_item(ui, cmd, actions);
                }
                if title == "File" {
                    ui.menu_button("Recent projects", |ui| {
                        for path in recent {
                            if ui.button(path.display().to_string()).clicked() {
                                actions.push(Action::OpenProject(path.clone()));
                            }
                        }
                    });
                }
            });
        }
    });
}

fn menu_item(ui: &mut egui::Ui, cmd: UiCommand, actions: &mut Vec<Action>) {
    let mut button = egui::Button::new(cmd.label());
    if cmd.shortcut().is_some() {
        button = button.shortcut_text(cmd.key_text(ui.ctx()));
    }
    if ui.add(button).clicked() {
        actions.push(Action::Run(cmd));
    }
}

/// The status bar. Returns when it should be drawn again for its times to stay true
/// ("3 min ago"), if it shows one.
pub fn status_bar_ui(ui: &mut egui::Ui, session: &Session) -> Option<Duration> {
    let mut refresh = None;
    ui.horizontal(|ui| {
        match session.workspace() {
            Some(_) if session.is_saving() => {
                ui.colored_label(theme::status_color(false), "Saving…");
            }
            Some(ws) if ws.is_dirty() => {
                let autosave = ws.autosave_state();
                let note = match autosave.as_ref().and_then(|a| a.last_written) {
                    Some(t) => format!("Unsaved changes, autosaved {}", ago(t)),
                    None => "Unsaved changes".to_string(),
                };
                ui.colored_label(theme::status_color(false), note);
                if let Some(err) = autosave.and_then(|a| a.last_error) {
                    ui.colored_label(theme::ERROR_COLOR, format!("Autosave failed: {err}"));
                }
            }
            Some(ws) => {
                let text = match (ws.file_event(), ws.path()) {
                    (Some((event, when)), Some(path)) => {
                        refresh = Some(until_next_minute(when));
                        let verb = match event {
                            FileEvent::Opened => "Opened",
                            FileEvent::Saved => "Saved",
                        };
                        format!("{verb} {} {}", path.display(), coarse_ago(when))
                    }
                    _ => "Not saved to a file yet".to_string(),
                };
                ui.colored_label(theme::status_color(true), text);
            }
            None => {
                ui.label("No project open");
            }
        }
        ui.separator();
        ui.label(format!("Annotator: {}", session.annotator().unwrap_or("")));
        if let Some(range) = session.view().selection {
            ui.separator();
            ui.label(format!("Selection {}..{} ({} chars)", range.start, range.end, range.len()));
        }
    });
    refresh
}

/// "5 s ago", "3 min ago".
pub fn ago(time: SystemTime) -> String {
    let secs = time.elapsed().map(|d| d.as_secs()).unwrap_or(0);
    if secs < 60 { format!("{secs} s ago") } else { format!("{} min ago", secs / 60) }
}

/// "just now", "3 min ago", "2 h ago": a time that changes once a minute at most, so the
/// status bar needs no more than one frame a minute to stay true.
pub fn coarse_ago(time: SystemTime) -> String {
    let mins = time.elapsed().map(|d| d.as_secs() / 60).unwrap_or(0);
    match mins {
        0 => "just now".to_string(),
        1..=59 => format!("{mins} min ago"),
        _ => format!("{} h ago", mins / 60),
    }
}

fn until_next_minute(time: SystemTime) -> Duration {
    let secs = time.elapsed().map(|d| d.as_secs()).unwrap_or(0);
    Duration::from_secs(60 - secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_people_say_them() {
        let now = SystemTime::now();
        assert_eq!(coarse_ago(now), "just now");
        assert_eq!(coarse_ago(now - Duration::from_secs(190)), "3 min ago");
        assert_eq!(coarse_ago(now - Duration::from_secs(7300)), "2 h ago");
        assert_eq!(ago(now - Duration::from_secs(5)), "5 s ago");
        assert!(until_next_minute(now - Duration::from_secs(50)) <= Duration::from_secs(10));
    }
}
