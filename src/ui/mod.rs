//! egui code: the panels and widgets of the window. Widgets read the project through a
//! [`UiContext`] and push [`Action`]s (intents: label this, open that); the app turns them
//! into calls on the egui-free [`Session`](crate::session::Session) at the end of the frame.

pub mod agreement_panel;
pub mod bars;
pub mod commands;
pub mod dialogs;
pub mod doc_list;
pub mod doc_view;
mod engine_text;
pub mod error_text;
pub mod file_chooser;
pub mod fonts;
pub mod glyph_atlas;
pub mod guidelines;
pub mod import_text;
pub mod keys;
pub mod label_editor;
pub mod label_picker;
pub mod marks;
pub mod modal;
pub mod palette;
pub mod patterns;
pub mod performance;
pub mod prefs;
pub mod review_panel;
pub mod search;
pub mod span_list;
pub mod team_view;
pub mod text_field;
pub mod theme;
pub mod toasts;
pub mod transfer;
mod wrapped;

pub use engine_text::{EngineText, Quad, push_quads, snap, text_line};
pub use text_field::TextField;
pub use wrapped::{hover_wrapped, wrapped_at, wrapped_label, wrapped_rich};

use crate::formats::{ExportFormat, ExportOptions};
use crate::model::{CharRange, DocId, Label, LabelId, SpanId};
use crate::session::FrameView;
use std::path::PathBuf;

/// What a widget asks the app to do: an intent, never a finished command. The session
/// builds the project commands, so one rule decides which layer an edit goes to.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Run a window command (menu entry or shortcut).
    Run(commands::UiCommand),
    /// Show this document.
    OpenDocument(DocId),
    /// Keep the document list and PageDown to the documents assigned to the annotator.
    SetMyQueue(bool),
    /// Select a span of the edited layer (or clear the selection).
    SelectSpan(Option<SpanId>),
    /// Set the text selection of the current document.
    SetSelection(Option<CharRange>),
    /// Give the selection (or the selected span) this label.
    ApplyLabel(LabelId),
    /// Give span `span` of the edited layer this label.
    Relabel { span: SpanId, label: LabelId },
    /// Move one end of a span (its start with `start_end`) to code point `to`. The moves
    /// of one drag share `drag`, so the drag is one undo step.
    Resize { span: SpanId, start_end: bool, to: usize, drag: Option<u64> },
    /// A drag of a span end was released.
    EndDrag,
    /// Replace the label set and the link types; the spans of `delete_spans_of` go with
    /// their labels.
    ReplaceLabels {
        labels: Vec<Label>,
        delete_spans_of: Vec<LabelId>,
        relation_types: Vec<crate::model::RelationType>,
    },
    /// Show a range of a document, selecting it.
    Reveal(DocId, CharRange),
    /// Open a project file.
    OpenProject(PathBuf),
    /// Import text files or folders.
    Import(Vec<PathBuf>),
    /// Import annotation files (jsonl, doccano, Prodigy, brat, Label Studio).
    ImportAnnotations(Vec<PathBuf>),
    /// The user picked `paths` for `request` in the window's own file chooser.
    FileChosen { request: dialogs::FileRequest, paths: Vec<PathBuf> },
    /// Export with these choices (the target is asked next).
    Export(ExportFormat, ExportOptions),
    /// Compute the agreement figures in the background.
    ComputeAgreement,
    /// Show or hide another annotator's layer.
    ShowLayer(String, bool),
    /// Compare an annotator in review mode as A (slot 0) or B (slot 1).
    Compare(usize, String),
    /// Show disagreement `i` of the review list.
    GoToDisagreement(usize),
    /// Open a document in review mode (from the agreement window).
    ReviewDocument(DocId),
    /// Replace the project's suggestion patterns.
    SetPatterns(Vec<crate::model::Pattern>),
    /// The answer to the question the window asked.
    Answer(modal::Answer),
    /// A step in making or removing a link.
    Link(LinkStep),
    /// Set attribute `name` of span `span` from typed text (blank removes it).
    SetAttribute { span: SpanId, name: String, text: String },
    /// Show the interface in this language (remembered).
    SetLanguage(crate::i18n::Lang),
    /// Write numbers in Arabic-Indic digits in the Arabic interface (remembered).
    SetIndicDigits(bool),
    /// Train the model again after this many new, accepted or rejected spans (remembered;
    /// 0: never by itself).
    SetRetrainAfter(usize),
    /// Set attribute `name` of span `span` to a value (a choice, yes/no), or remove it.
    SetAttributeValue { span: SpanId, name: String, value: Option<crate::model::AttrValue> },
}

/// What a link key or button asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkStep {
    /// Start a link from the selected span.
    Start,
    /// Stop making the link.
    Cancel,
    /// Move the target to the next (`true`) or previous span.
    Step(bool),
    /// Make the link with this type, or the first that fits.
    Finish(Option<LabelId>),
    /// Delete this link of the edited layer.
    Delete(crate::model::RelationId),
}

/// How the document text is drawn: its size and the theme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Look {
    pub font_size: f32,
    pub dark: bool,
}

/// What every panel gets for one frame: the session's [`FrameView`] to read, how text is
/// drawn, the text engine to draw Arabic with, and where to push actions. Built once per
/// frame by the app.
pub struct UiContext<'a> {
    pub frame: FrameView<'a>,
    pub look: Look,
    pub engine: &'a mut EngineText,
    pub actions: &'a mut Vec<Action>,
}

impl UiContext<'_> {
    pub fn push(&mut self, action: Action) {
        self.actions.push(action);
    }
}

/// Fonts and options every Hashiya window (and test harness) uses.
pub fn setup_context(ctx: &egui::Context) {
    fonts::install(ctx);
    // Ctrl+plus/minus zoom the document text, not the whole interface.
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
    // A steady text cursor: a blinking one redraws the window twice a second while a
    // question waits for an answer.
    ctx.all_styles_mut(|style| style.visuals.text_cursor.blink = false);
}
