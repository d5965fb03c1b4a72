//! The menu bar (from the command table, with the Suggest menu's "Train again after N
//! spans" preference) and the status bar: whether the work is saved
//! (or when it was opened, saved or autosaved), who is annotating, the selection.

use super::Action;
use super::commands::{MENUS, UiCommand};
use super::prefs::Prefs;
use super::theme;
use crate::i18n::{self, Lang, tr};
use crate::session::Session;
use crate::tr;
use crate::workspace::FileEvent;
use std::time::{Duration, SystemTime};

/// The menus; the File menu ends with the recent projects.
/// In the Arabic interface the menus start from the right.
pub fn menu_bar_ui(ui: &mut egui::Ui, prefs: &Prefs, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        if i18n::lang().is_rtl() {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| menus(ui, prefs, actions));
        } else {
            menus(ui, prefs, actions);
        }
    });
}

fn menus(ui: &mut egui::Ui, prefs: &Prefs, actions: &mut Vec<Action>) {
    let recent = &prefs.recent;
    for (title, commands) in MENUS {
        ui.menu_button(tr(title), |ui| {
            for &cmd in commands {
                menu_item(ui, cmd, actions);
            }
            if title == "menu-file" {
                ui.menu_button(tr("menu-recent"), |ui| {
                    for path in recent {
                        if ui.button(path.display().to_string()).clicked() {
                            actions.push(Action::OpenProject(path.clone()));
                        }
                    }
                });
            }
            if title == "menu-view" {
                language_menu(ui, actions);
            }
            if title == "menu-suggest" {
                retrain_setting(ui, prefs.retrain_after, actions);
            }
        });
    }
}

/// View > Language: English or العربية, and the digits of the Arabic interface.
fn language_menu(ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.menu_button(tr("menu-language"), |ui| {
        let current = i18n::lang();
        for lang in Lang::ALL {
            let name = crate::text::for_display(lang.native_name());
            if ui.radio(current == lang, name).clicked() {
                actions.push(Action::SetLanguage(lang));
            }
        }
        let mut indic = i18n::indic_digits();
        if ui.checkbox(&mut indic, tr("language-arabic-digits")).changed() {
            actions.push(Action::SetIndicDigits(indic));
        }
    });
}

/// Suggest > Train again after N new, accepted or rejected spans (a preference; 0: never).
fn retrain_setting(ui: &mut egui::Ui, retrain_after: usize, actions: &mut Vec<Action>) {
    ui.separator();
    row(ui, |ui| {
        ui.label(tr("learning-retrain-after"));
        let mut n = retrain_after;
        let field = egui::DragValue::new(&mut n).range(0..=super::prefs::MAX_RETRAIN_AFTER);
        if super::hover_wrapped(ui.add(field), &i18n::plain("learning-retrain-hint")).changed() {
            actions.push(Action::SetRetrainAfter(n));
        }
        ui.label(tr("learning-retrain-spans"));
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
    ui.with_layout(row_layout(), |ui| {
        match session.workspace() {
            Some(_) if session.is_saving() => {
                ui.colored_label(theme::status_color(false), tr("status-saving"));
            }
            Some(ws) if ws.is_dirty() => {
                let autosave = ws.autosave_state();
                // Not "autosaved", which reads as saved: where the recovery copy is.
                let note = match (autosave.as_ref().and_then(|a| a.last_written), ws.path()) {
                    (Some(t), Some(path)) => {
                        let file = crate::session::recovery_path(path);
                        let file =
                            file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                        tr!("status-unsaved-recovery", ago = ago(t), file = file)
                    }
                    _ => tr("status-unsaved"),
                };
                ui.colored_label(theme::status_color(false), note);
                if let Some(err) = autosave.and_then(|a| a.last_error) {
                    ui.colored_label(
                        theme::ERROR_COLOR,
                        tr!("status-autosave-failed", error = super::error_text::store_error(&err)),
                    );
                }
            }
            Some(ws) => {
                let text = match (ws.file_event(), ws.path()) {
                    (Some((event, when)), Some(path)) => {
                        refresh = Some(until_next_minute(when));
                        let id = match event {
                            FileEvent::Opened => "status-opened",
                            FileEvent::Saved => "status-saved",
                        };
                        let path = path.display().to_string();
                        crate::i18n::tr_args(id, Some(&args(&[("path", path), ("ago", coarse_ago(when))])))
                    }
                    _ => tr("status-not-saved"),
                };
                ui.colored_label(theme::status_color(true), text);
            }
            None => {
                ui.label(tr("status-no-project"));
            }
        }
        ui.separator();
        ui.label(tr!("status-annotator", name = session.annotator().unwrap_or("").to_string()));
        if let Some(range) = session.view().selection {
            ui.separator();
            ui.label(tr!("status-selection", start = range.start.0, end = range.end.0, count = range.len()));
        }
    });
    refresh
}

/// A row that starts from the right in the Arabic interface.
pub fn row_layout() -> egui::Layout {
    if i18n::lang().is_rtl() {
        egui::Layout::right_to_left(egui::Align::Center)
    } else {
        egui::Layout::left_to_right(egui::Align::Center)
    }
}

/// One row of widgets, one control high, from the right in the Arabic interface (a
/// layout alone would centre its row in all the height there is).
pub fn row<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, row_layout(), add).inner
}

/// Arguments of a message, all text.
fn args<'a>(pairs: &[(&'a str, String)]) -> crate::i18n::FluentArgs<'a> {
    let mut args = crate::i18n::FluentArgs::new();
    for (key, value) in pairs {
        args.set(*key, value.clone());
    }
    args
}

/// "5 s ago", "3 min ago", in logical order: it goes inside another message.
pub fn ago(time: SystemTime) -> String {
    let secs = time.elapsed().map(|d| d.as_secs()).unwrap_or(0);
    if secs < 60 {
        crate::tr_logical!("time-seconds-ago", n = secs)
    } else {
        crate::tr_logical!("time-minutes-ago", n = secs / 60)
    }
}

/// "just now", "3 min ago", "2 h ago": a time that changes once a minute at most, so the
/// status bar needs no more than one frame a minute to stay true. In logical order: it
/// goes inside another message.
pub fn coarse_ago(time: SystemTime) -> String {
    let mins = time.elapsed().map(|d| d.as_secs() / 60).unwrap_or(0);
    match mins {
        0 => crate::i18n::plain("time-just-now"),
        1..=59 => crate::tr_logical!("time-minutes-ago", n = mins),
        _ => crate::tr_logical!("time-hours-ago", n = mins / 60),
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
        // In Arabic the time stays in logical order, and the sentence around it puts the
        // whole in visual order once (not the time twice).
        crate::i18n::set_lang(crate::i18n::Lang::Ar);
        let five = ago(now - Duration::from_secs(5));
        assert_eq!(five.replace(['\u{2068}', '\u{2069}'], ""), "قبل 5 ث");
        let status = tr!("status-unsaved-recovery", ago = five, file = "a.ron");
        assert!(status.contains("ث 5 قبل"), "{status}");
        crate::i18n::set_lang(crate::i18n::Lang::En);
    }
}
