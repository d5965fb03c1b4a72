//! The questions the window asks (who is annotating, unsaved changes, recover an autosave,
//! a file changed on disk, a note). [`modal_ui`] draws the question and returns the
//! answer once given; the app turns the answer into an action. Nothing here saves or
//! touches a file.

use super::{EngineText, TextField};
use crate::i18n::tr;
use crate::model::SpanId;
use crate::session::RecoveryFile as Recovery;
use std::path::PathBuf;

/// Width of the note field.
const NOTE_WIDTH: f32 = 420.0;

/// A question the window is waiting for the user to answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Modal {
    /// Ask the analyst's name (once; kept in preferences).
    AskName { draft: String },
    /// There are unsaved changes; `then` runs after saving or discarding.
    ConfirmDiscard { then: Pending },
    /// A note on a span; `quote` is the span's text, so the question says which span.
    EditNote { span: SpanId, text: String, quote: String },
    /// An autosave newer than the project file was found at open.
    Recover { recovery: Recovery },
    /// The file changed on disk since it was opened; saving would overwrite that.
    ChangedOnDisk { path: PathBuf },
}

/// Something postponed until the user answers a [`Modal`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    Open(PathBuf),
    NewProject,
    Close,
}

/// The user's answer to a [`Modal`].
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// The analyst's name (not blank).
    Name(String),
    /// Save, then do what was pending.
    SaveThen(Pending),
    /// Forget the unsaved changes, then do what was pending.
    DiscardThen(Pending),
    /// Take the autosaved work.
    Recover(Recovery),
    /// Throw the autosave away.
    DiscardRecovery,
    /// Replace the file that changed on disk with this version.
    Overwrite,
    /// Save this version under another name.
    SaveElsewhere,
    /// The note of a span (blank removes it).
    Note { span: SpanId, text: String },
    /// Close the question, doing nothing.
    Cancel,
}

/// Draws `modal` and returns the answer once the user gave one (the modal is then
/// finished); `None` while the question stays up. Edits to drafts stay in `modal`.
pub fn modal_ui(ctx: &egui::Context, modal: &mut Modal, engine: &mut EngineText) -> Option<Answer> {
    let mut answer = None;
    // Right-aligned in the Arabic interface.
    let align = if crate::i18n::lang().is_rtl() { egui::Align::Max } else { egui::Align::Min };
    egui::Modal::new(egui::Id::unique("hashiya-modal")).show(ctx, |ui| {
        ui.with_layout(egui::Layout::top_down(align), |ui| answer = question_ui(ui, modal, engine));
    });
    answer
}

/// The question's body and its answer, once given.
fn question_ui(ui: &mut egui::Ui, modal: &mut Modal, engine: &mut EngineText) -> Option<Answer> {
    match modal {
        Modal::AskName { draft } => ask_name(ui, draft, engine),
        Modal::ConfirmDiscard { then } => confirm_discard(ui, then),
        Modal::Recover { recovery } => recover(ui, recovery),
        Modal::ChangedOnDisk { path } => changed_on_disk(ui, path),
        Modal::EditNote { span, text, quote } => edit_note(ui, *span, text, quote, engine),
    }
}

fn ask_name(ui: &mut egui::Ui, draft: &mut String, engine: &mut EngineText) -> Option<Answer> {
    ui.heading(tr("ask-name-title"));
    super::wrapped_label(ui, &crate::i18n::plain("ask-name-body"));
    let field_id = egui::Id::unique("hashiya-name-field");
    let field =
        TextField::singleline(draft).id(field_id).hint(crate::i18n::plain("ask-name-hint")).show(ui, engine);
    let (response, enter) = (field.response, field.submitted);
    // Focus when nothing has it (the question just came up): asking on every frame
    // would keep the window redrawing and the field from ever getting the keys.
    if ui.memory(|m| m.focused().is_none()) {
        response.request_focus();
    }
    let blank = draft.trim().is_empty();
    let ok = ui.add_enabled(!blank, egui::Button::new(tr("button-ok"))).clicked();
    ((ok || enter) && !blank).then(|| Answer::Name(draft.trim().to_string()))
}

fn confirm_discard(ui: &mut egui::Ui, then: &Pending) -> Option<Answer> {
    ui.heading(tr("discard-title"));
    super::wrapped_label(ui, &crate::i18n::plain("discard-body"));
    let mut answer = None;
    ui.horizontal(|ui| {
        if ui.button(tr("button-save")).clicked() {
            answer = Some(Answer::SaveThen(then.clone()));
        }
        if ui.button(tr("discard-discard")).clicked() {
            answer = Some(Answer::DiscardThen(then.clone()));
        }
        if ui.button(tr("button-cancel")).clicked() {
            answer = Some(Answer::Cancel);
        }
    });
    answer
}

fn recover(ui: &mut egui::Ui, recovery: &Recovery) -> Option<Answer> {
    ui.heading(tr("recover-title"));
    let when = recovery.modified.map(super::bars::ago).unwrap_or_default();
    super::wrapped_label(ui, &crate::tr_logical!("recover-body", ago = when));
    let mut answer = None;
    ui.horizontal(|ui| {
        if ui.button(tr("recover-recover")).clicked() {
            answer = Some(Answer::Recover(recovery.clone()));
        }
        if ui.button(tr("recover-discard")).clicked() {
            answer = Some(Answer::DiscardRecovery);
        }
    });
    answer
}

fn changed_on_disk(ui: &mut egui::Ui, path: &std::path::Path) -> Option<Answer> {
    ui.heading(tr("changed-title"));
    super::wrapped_label(ui, &crate::i18n::plain("changed-body"));
    ui.label(path.display().to_string());
    let mut answer = None;
    ui.horizontal(|ui| {
        if ui.button(tr("changed-overwrite")).clicked() {
            answer = Some(Answer::Overwrite);
        }
        if ui.button(tr("changed-elsewhere")).clicked() {
            answer = Some(Answer::SaveElsewhere);
        }
        if ui.button(tr("button-cancel")).clicked() {
            answer = Some(Answer::Cancel);
        }
    });
    answer
}

fn edit_note(
    ui: &mut egui::Ui,
    span: SpanId,
    text: &mut String,
    quote: &str,
    engine: &mut EngineText,
) -> Option<Answer> {
    let heading = ui.heading(tr("note-title"));
    if !quote.is_empty() {
        let shown = format!("«{quote}»");
        super::text_line(ui, engine, &shown, super::theme::FIELD_FONT_SIZE, NOTE_WIDTH, Some(2));
    }
    let field_id = egui::Id::unique("hashiya-note-field");
    let field =
        TextField::multiline(text).id(field_id).desired_rows(3).desired_width(NOTE_WIDTH).show(ui, engine);
    // Ctrl+Enter keeps the note, as the Save button does.
    let keep = field.submitted;
    let response = field.response.labelled_by(heading.id);
    if ui.memory(|m| m.focused().is_none()) {
        response.request_focus();
    }
    let mut answer = None;
    ui.horizontal(|ui| {
        if ui.button(tr("note-save")).clicked() || keep {
            answer = Some(Answer::Note { span, text: text.clone() });
        }
        if ui.button(tr("button-cancel")).clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            answer = Some(Answer::Cancel);
        }
    });
    answer
}
