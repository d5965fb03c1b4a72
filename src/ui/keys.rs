//! Input into actions, in one place: the shortcut table's commands live in the key
//! context, Copy (which egui delivers as an event, not a key), the labels' keys (when
//! annotating or reviewing) and the link types' keys (while a link is being made). A letter
//! key is matched on its physical place when the keyboard layout gives a letter the table does
//! not know ([`match_physical_keys`]).

use super::commands::{KeyContext, UiCommand, hotkey_key};
use super::{Action, LinkStep};
use crate::model::Project;
use egui::{Event, InputState, Key, Modifiers};

/// The actions this frame's keys ask for in `context`, consuming the keys they use.
pub fn input_actions(input: &mut InputState, context: KeyContext, project: Option<&Project>) -> Vec<Action> {
    match_physical_keys(input);
    let mut actions: Vec<Action> = table_commands(input, context).into_iter().map(Action::Run).collect();
    if context != KeyContext::Typing && input.events.iter().any(|e| matches!(e, egui::Event::Copy)) {
        actions.push(Action::Run(UiCommand::CopySelection));
    }
    let Some(project) = project else { return actions };
    match context {
        KeyContext::Annotate | KeyContext::Review => {
            for label in &project.labels {
                let Some(key) = label.hotkey.and_then(hotkey_key) else { continue };
                if input.consume_key(Modifiers::NONE, key) {
                    actions.push(Action::ApplyLabel(label.id.clone()));
                }
            }
        }
        KeyContext::Linking => {
            for kind in &project.relation_types {
                let Some(key) = kind.hotkey.and_then(hotkey_key) else { continue };
                if input.consume_key(Modifiers::NONE, key) {
                    actions.push(Action::Link(LinkStep::Finish(Some(kind.id.clone()))));
                }
            }
        }
        KeyContext::Typing => {}
    }
    actions
}

/// Under a layout whose letters the table does not know (Arabic: the N key types ن), a
/// key press is matched on the physical key, so N opens a note whichever layout is active.
/// A layout that gives a Latin letter or digit (AZERTY, Dvorak) is matched on that letter.
pub fn match_physical_keys(input: &mut InputState) {
    for event in &mut input.events {
        if let Event::Key { key, physical_key: Some(physical), .. } = event
            && !is_letter_or_digit(*key)
            && is_letter_or_digit(*physical)
        {
            *key = *physical;
        }
    }
}

/// Whether `key` is one of A to Z or 0 to 9, the keys shortcuts and label keys use.
fn is_letter_or_digit(key: Key) -> bool {
    let name = key.name();
    name.len() == 1 && name.chars().all(|c| c.is_ascii_alphanumeric())
}

/// The table's commands whose shortcut was pressed. egui matches a shortcut without Shift
/// also when Shift is held, so the shortcuts with more modifiers are tried first
/// (Ctrl+Shift+Z before Ctrl+Z, Shift+Tab before Tab).
fn table_commands(input: &mut InputState, context: KeyContext) -> Vec<UiCommand> {
    let mut table: Vec<UiCommand> = UiCommand::ALL.into_iter().filter(|c| c.active_in(context)).collect();
    table.sort_by_key(|cmd| std::cmp::Reverse(cmd.shortcut().map_or(0, |s| modifier_count(s.modifiers))));
    table
        .into_iter()
        .filter(|cmd| cmd.shortcut().is_some_and(|shortcut| input.consume_shortcut(&shortcut)))
        .collect()
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.command || m.ctrl) + u8::from(m.shift) + u8::from(m.alt)
}
