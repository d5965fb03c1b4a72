//! The window's commands and their keyboard shortcuts, from one table.
//!
//! Menus and the keyboard both go through [`UiCommand`]. Each shortcut belongs to the key
//! contexts it works in ([`KeyContext`]: annotating, reviewing, making a link, typing in a
//! field); a test checks that no two shortcuts clash within a context, and the label
//! editor refuses label hotkeys that would.

use egui::{Key, KeyboardShortcut, Modifiers};

/// Something the user can ask the window to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UiCommand {
    NewProject,
    Open,
    Save,
    SaveAs,
    ImportTexts,
    ImportFolder,
    ImportAnnotations,
    Export,
    MergeColleague,
    Undo,
    Redo,
    RedoAlt,
    NextDocument,
    PreviousDocument,
    NextSpan,
    PreviousSpan,
    MarkDone,
    DeleteSpan,
    EditNote,
    Search,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    EditLabels,
    ToggleTheme,
    Performance,
    TeamProgress,
    PickLabel,
    Guidelines,
    ReviewMode,
    Agreement,
    CopySelection,
    NextDisagreement,
    PreviousDisagreement,
    AcceptFirst,
    AcceptSecond,
    UseSelection,
    RejectDisagreement,
    MoveEndLeft,
    MoveEndRight,
    MoveStartLeft,
    MoveStartRight,
    SuggestDocument,
    SuggestAll,
    AcceptSuggestion,
    RejectSuggestion,
    AcceptAllOfLabel,
    EditPatterns,
    LearnFromSpans,
    SuggestWithModel,
    SuggestWithModelAll,
    MostUncertainDocument,
    StartLink,
    LinkNextTarget,
    LinkPreviousTarget,
    LinkFinish,
    LinkCancel,
    AcceptAgreed,
    NextUndecided,
}

/// Where the keyboard is: which shortcuts are live.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyContext {
    /// Annotating one's own layer.
    Annotate,
    /// Review mode: deciding the gold layer.
    Review,
    /// A link is being made from the selected span.
    Linking,
    /// A text field has the keyboard.
    Typing,
}

impl KeyContext {
    pub const ALL: [KeyContext; 4] =
        [KeyContext::Annotate, KeyContext::Review, KeyContext::Linking, KeyContext::Typing];
}

impl UiCommand {
    pub const ALL: [UiCommand; 59] = [
        UiCommand::NewProject,
        UiCommand::Open,
        UiCommand::Save,
        UiCommand::SaveAs,
        UiCommand::ImportTexts,
        UiCommand::ImportFolder,
        UiCommand::ImportAnnotations,
        UiCommand::Export,
        UiCommand::MergeColleague,
        UiCommand::Undo,
        UiCommand::Redo,
        UiCommand::RedoAlt,
        UiCommand::NextDocument,
        UiCommand::PreviousDocument,
        UiCommand::NextSpan,
        UiCommand::PreviousSpan,
        UiCommand::MarkDone,
        UiCommand::DeleteSpan,
        UiCommand::EditNote,
        UiCommand::Search,
        UiCommand::ZoomIn,
        UiCommand::ZoomOut,
        UiCommand::ZoomReset,
        UiCommand::EditLabels,
        UiCommand::ToggleTheme,
        UiCommand::Performance,
        UiCommand::TeamProgress,
        UiCommand::PickLabel,
        UiCommand::Guidelines,
        UiCommand::ReviewMode,
        UiCommand::Agreement,
        UiCommand::CopySelection,
        UiCommand::NextDisagreement,
        UiCommand::PreviousDisagreement,
        UiCommand::AcceptFirst,
        UiCommand::AcceptSecond,
        UiCommand::UseSelection,
        UiCommand::RejectDisagreement,
        UiCommand::MoveEndLeft,
        UiCommand::MoveEndRight,
        UiCommand::MoveStartLeft,
        UiCommand::MoveStartRight,
        UiCommand::SuggestDocument,
        UiCommand::SuggestAll,
        UiCommand::AcceptSuggestion,
        UiCommand::RejectSuggestion,
        UiCommand::AcceptAllOfLabel,
        UiCommand::EditPatterns,
        UiCommand::LearnFromSpans,
        UiCommand::SuggestWithModel,
        UiCommand::SuggestWithModelAll,
        UiCommand::MostUncertainDocument,
        UiCommand::StartLink,
        UiCommand::LinkNextTarget,
        UiCommand::LinkPreviousTarget,
        UiCommand::LinkFinish,
        UiCommand::LinkCancel,
        UiCommand::AcceptAgreed,
        UiCommand::NextUndecided,
    ];

    /// The menu text, from the message catalogue.
    pub fn label(self) -> String {
        crate::i18n::tr(&self.message_id())
    }

    /// The catalogue id of the menu text: `cmd-` and the name in kebab case
    /// (`cmd-save-as`).
    pub fn message_id(self) -> String {
        let mut id = String::from("cmd");
        for c in format!("{self:?}").chars() {
            if c.is_ascii_uppercase() {
                id.push('-');
            }
            id.push(c.to_ascii_lowercase());
        }
        id
    }

    /// The keyboard shortcut, if any.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let key = |modifiers, key| Some(KeyboardShortcut::new(modifiers, key));
        match self {
            UiCommand::NewProject => key(cmd, Key::N),
            UiCommand::Open => key(cmd, Key::O),
            UiCommand::Save => key(cmd, Key::S),
            UiCommand::SaveAs => key(cmd_shift, Key::S),
            UiCommand::ImportTexts => key(cmd, Key::I),
            UiCommand::ImportFolder => None,
            UiCommand::ImportAnnotations => None,
            UiCommand::Export => key(cmd, Key::E),
            UiCommand::MergeColleague => None,
            UiCommand::Undo => key(cmd, Key::Z),
            UiCommand::Redo => key(cmd_shift, Key::Z),
            UiCommand::RedoAlt => key(cmd, Key::Y),
            UiCommand::NextDocument => key(Modifiers::NONE, Key::PageDown),
            UiCommand::PreviousDocument => key(Modifiers::NONE, Key::PageUp),
            UiCommand::NextSpan => key(Modifiers::NONE, Key::Tab),
            UiCommand::PreviousSpan => key(Modifiers::SHIFT, Key::Tab),
            UiCommand::MarkDone => key(cmd, Key::Enter),
            UiCommand::DeleteSpan => key(Modifiers::NONE, Key::Delete),
            UiCommand::EditNote => key(Modifiers::NONE, Key::N),
            UiCommand::Search => key(cmd, Key::F),
            UiCommand::ZoomIn => key(cmd, Key::Plus),
            UiCommand::ZoomOut => key(cmd, Key::Minus),
            UiCommand::ZoomReset => key(cmd, Key::Num0),
            UiCommand::EditLabels => key(cmd, Key::L),
            UiCommand::ToggleTheme => None,
            UiCommand::Performance => None,
            UiCommand::TeamProgress => None,
            UiCommand::PickLabel => key(Modifiers::NONE, Key::Slash),
            UiCommand::Guidelines => key(Modifiers::NONE, Key::F1),
            UiCommand::ReviewMode => key(cmd, Key::R),
            UiCommand::Agreement => None,
            UiCommand::CopySelection => key(cmd, Key::C),
            UiCommand::NextDisagreement => key(Modifiers::NONE, Key::J),
            UiCommand::PreviousDisagreement => key(Modifiers::NONE, Key::K),
            UiCommand::AcceptFirst => key(Modifiers::NONE, Key::A),
            UiCommand::AcceptSecond => key(Modifiers::NONE, Key::B),
            UiCommand::UseSelection => key(Modifiers::NONE, Key::E),
            UiCommand::RejectDisagreement => key(Modifiers::NONE, Key::R),
            UiCommand::MoveEndLeft => key(Modifiers::SHIFT, Key::ArrowLeft),
            UiCommand::MoveEndRight => key(Modifiers::SHIFT, Key::ArrowRight),
            UiCommand::MoveStartLeft => key(Modifiers::ALT, Key::ArrowLeft),
            UiCommand::MoveStartRight => key(Modifiers::ALT, Key::ArrowRight),
            UiCommand::SuggestDocument => key(cmd_shift, Key::G),
            UiCommand::SuggestAll => None,
            UiCommand::AcceptSuggestion => key(Modifiers::NONE, Key::Y),
            UiCommand::RejectSuggestion => key(Modifiers::NONE, Key::X),
            UiCommand::AcceptAllOfLabel => key(Modifiers::SHIFT, Key::Y),
            UiCommand::EditPatterns
            | UiCommand::LearnFromSpans
            | UiCommand::SuggestWithModel
            | UiCommand::SuggestWithModelAll
            | UiCommand::MostUncertainDocument => None,
            UiCommand::StartLink => key(Modifiers::NONE, Key::L),
            UiCommand::LinkNextTarget => key(Modifiers::NONE, Key::Tab),
            UiCommand::LinkPreviousTarget => key(Modifiers::SHIFT, Key::Tab),
            UiCommand::LinkFinish => key(Modifiers::NONE, Key::Enter),
            UiCommand::LinkCancel => key(Modifiers::NONE, Key::Escape),
            UiCommand::AcceptAgreed => key(Modifiers::NONE, Key::G),
            UiCommand::NextUndecided => key(Modifiers::NONE, Key::U),
        }
    }

    /// Whether the shortcut is live in `context`. Link keys work only while a link is
    /// being made, review keys only in review mode; while a link is made only shortcuts
    /// with Ctrl (and the link keys) work, and while typing only those that belong to no
    /// field ([`UiCommand::works_while_typing`]).
    pub fn active_in(self, context: KeyContext) -> bool {
        let link_key = matches!(
            self,
            UiCommand::LinkNextTarget
                | UiCommand::LinkPreviousTarget
                | UiCommand::LinkFinish
                | UiCommand::LinkCancel
        );
        let review_key = matches!(
            self,
            UiCommand::NextDisagreement
                | UiCommand::PreviousDisagreement
                | UiCommand::AcceptFirst
                | UiCommand::AcceptSecond
                | UiCommand::UseSelection
                | UiCommand::RejectDisagreement
                | UiCommand::AcceptAgreed
                | UiCommand::NextUndecided
        );
        match context {
            KeyContext::Typing => self.works_while_typing(),
            KeyContext::Linking => link_key || (!self.is_bare_key() && !review_key),
            KeyContext::Review => !link_key,
            KeyContext::Annotate => !link_key && !review_key,
        }
    }

    /// Whether the shortcut still runs while a text field has the keyboard: file commands
    /// and Find do; editing keys (undo, bare keys, Ctrl+Enter, copy) belong to the field.
    pub fn works_while_typing(self) -> bool {
        matches!(
            self,
            UiCommand::NewProject
                | UiCommand::Open
                | UiCommand::Save
                | UiCommand::SaveAs
                | UiCommand::ImportTexts
                | UiCommand::Export
                | UiCommand::Search
                | UiCommand::EditLabels
                | UiCommand::ReviewMode
        )
    }

    /// "Ctrl+S", the shortcut as the platform writes it ("" without one).
    pub fn key_text(self, ctx: &egui::Context) -> String {
        self.shortcut().map(|s| ctx.format_shortcut(&s)).unwrap_or_default()
    }

    /// Whether the shortcut is a bare key (no Ctrl/Alt) that a focused text field must get.
    pub fn is_bare_key(self) -> bool {
        self.shortcut().is_some_and(|s| !s.modifiers.command && !s.modifiers.ctrl && !s.modifiers.alt)
    }

    /// The command bound to a bare key, if a label hotkey `key` would clash with one.
    pub fn bound_to_bare_char(c: char) -> Option<UiCommand> {
        let key = Key::from_name(&c.to_ascii_uppercase().to_string())?;
        Self::ALL
            .into_iter()
            .find(|cmd| cmd.shortcut().is_some_and(|s| s.logical_key == key && s.modifiers.is_none()))
    }
}

/// The menu bar: each menu's title (its catalogue id) and entries, in order.
pub const MENUS: [(&str, &[UiCommand]); 5] = [
    (
        "menu-file",
        &[
            UiCommand::NewProject,
            UiCommand::Open,
            UiCommand::Save,
            UiCommand::SaveAs,
            UiCommand::ImportTexts,
            UiCommand::ImportFolder,
            UiCommand::ImportAnnotations,
            UiCommand::Export,
            UiCommand::MergeColleague,
        ],
    ),
    (
        "menu-edit",
        &[
            UiCommand::Undo,
            UiCommand::Redo,
            UiCommand::CopySelection,
            UiCommand::DeleteSpan,
            UiCommand::EditNote,
            UiCommand::StartLink,
            UiCommand::LinkNextTarget,
            UiCommand::LinkPreviousTarget,
            UiCommand::LinkFinish,
            UiCommand::LinkCancel,
            UiCommand::MoveEndLeft,
            UiCommand::MoveEndRight,
            UiCommand::MoveStartLeft,
            UiCommand::MoveStartRight,
            UiCommand::MarkDone,
            UiCommand::Search,
            UiCommand::EditLabels,
            UiCommand::PickLabel,
        ],
    ),
    (
        "menu-view",
        &[
            UiCommand::NextDocument,
            UiCommand::PreviousDocument,
            UiCommand::NextSpan,
            UiCommand::PreviousSpan,
            UiCommand::ZoomIn,
            UiCommand::ZoomOut,
            UiCommand::ZoomReset,
            UiCommand::ToggleTheme,
            UiCommand::Performance,
            UiCommand::TeamProgress,
            UiCommand::Guidelines,
        ],
    ),
    (
        "menu-suggest",
        &[
            UiCommand::SuggestDocument,
            UiCommand::SuggestAll,
            UiCommand::AcceptSuggestion,
            UiCommand::RejectSuggestion,
            UiCommand::AcceptAllOfLabel,
            UiCommand::EditPatterns,
            UiCommand::LearnFromSpans,
            UiCommand::SuggestWithModel,
            UiCommand::SuggestWithModelAll,
            UiCommand::MostUncertainDocument,
        ],
    ),
    (
        "menu-review",
        &[
            UiCommand::ReviewMode,
            UiCommand::NextUndecided,
            UiCommand::NextDisagreement,
            UiCommand::PreviousDisagreement,
            UiCommand::AcceptFirst,
            UiCommand::AcceptSecond,
            UiCommand::UseSelection,
            UiCommand::RejectDisagreement,
            UiCommand::AcceptAgreed,
            UiCommand::Agreement,
        ],
    ),
];

/// The egui key for a label hotkey character (digits and Latin letters).
pub fn hotkey_key(c: char) -> Option<Key> {
    Key::from_name(&c.to_ascii_uppercase().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn no_two_commands_share_a_shortcut_in_any_context() {
        for context in KeyContext::ALL {
            let mut seen: HashMap<(u8, Key), UiCommand> = HashMap::new();
            for cmd in UiCommand::ALL.into_iter().filter(|c| c.active_in(context)) {
                let Some(s) = cmd.shortcut() else { continue };
                let m = &s.modifiers;
                let mods =
                    (m.command as u8) | (m.shift as u8) << 1 | (m.alt as u8) << 2 | (m.ctrl as u8) << 3;
                if let Some(other) = seen.insert((mods, s.logical_key), cmd) {
                    panic!("{cmd:?} and {other:?} share a shortcut in {context:?}");
                }
            }
        }
    }

    #[test]
    fn tab_moves_the_link_target_while_linking_and_the_span_otherwise() {
        let tab = |context| {
            UiCommand::ALL
                .into_iter()
                .filter(|c| c.active_in(context))
                .find(|c| c.shortcut() == Some(KeyboardShortcut::new(Modifiers::NONE, Key::Tab)))
        };
        assert_eq!(tab(KeyContext::Annotate), Some(UiCommand::NextSpan));
        assert_eq!(tab(KeyContext::Review), Some(UiCommand::NextSpan));
        assert_eq!(tab(KeyContext::Linking), Some(UiCommand::LinkNextTarget));
        assert_eq!(tab(KeyContext::Typing), None, "Tab belongs to the field");
        assert!(UiCommand::NextDisagreement.active_in(KeyContext::Review));
        assert!(!UiCommand::NextDisagreement.active_in(KeyContext::Annotate));
        assert!(UiCommand::NextUndecided.active_in(KeyContext::Review));
        assert!(!UiCommand::NextUndecided.active_in(KeyContext::Annotate));
        assert!(!UiCommand::EditNote.active_in(KeyContext::Linking), "bare keys wait while linking");
        assert!(UiCommand::Save.active_in(KeyContext::Linking));
    }

    #[test]
    fn default_label_hotkeys_clash_with_no_command() {
        for label in crate::model::default_labels() {
            let key = label.hotkey.unwrap();
            assert!(hotkey_key(key).is_some(), "{key} has no key");
            assert_eq!(UiCommand::bound_to_bare_char(key), None, "{key}");
        }
        assert_eq!(UiCommand::bound_to_bare_char('n'), Some(UiCommand::EditNote));
    }

    #[test]
    fn every_command_is_in_a_menu() {
        for cmd in UiCommand::ALL {
            // Ctrl+Y is a second key for Redo, which the menu already shows.
            let shown = cmd == UiCommand::RedoAlt || MENUS.iter().any(|(_, cmds)| cmds.contains(&cmd));
            assert!(shown, "{cmd:?} is in no menu");
        }
    }

    #[test]
    fn every_command_is_listed_once() {
        let distinct: std::collections::HashSet<UiCommand> = UiCommand::ALL.into_iter().collect();
        assert_eq!(distinct.len(), UiCommand::ALL.len());
    }
}
