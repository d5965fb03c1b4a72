//! egui code: the panels and widgets of the window. Widgets read the project and push
//! [`Action`]s; the app applies them at the end of the frame.

pub mod commands;
pub mod doc_list;
pub mod doc_view;
mod engine_text;
pub mod fonts;
pub mod glyph_atlas;
pub mod label_editor;
pub mod palette;
pub mod prefs;
pub mod review_panel;
pub mod search;
pub mod span_list;
pub mod theme;
pub mod toasts;
pub mod transfer;

pub use engine_text::{EngineText, Quad, push_quads, snap, text_line};

use crate::model::{CharRange, Command, DocId, LabelId, SpanId};
use std::path::PathBuf;

/// What a widget asks the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Apply a change to the project as one undo step.
    Edit(Command),
    /// Apply a change that merges with others of the same key into one undo step (a drag).
    EditMerging(Command, u64),
    /// End a merging run.
    Seal,
    /// Run a window command (menu entry or shortcut).
    Run(commands::UiCommand),
    /// Show this document.
    OpenDocument(DocId),
    /// Show this document in review mode (turning review mode on if it is off).
    ReviewDocument(DocId),
    /// Select a span of the current annotator (or clear the selection).
    SelectSpan(Option<SpanId>),
    /// Set the text selection of the current document.
    SetSelection(Option<CharRange>),
    /// Give the selection (or the selected span) this label.
    ApplyLabel(LabelId),
    /// Show a range of a document, selecting it.
    Reveal(DocId, CharRange),
    /// Open a project file.
    OpenProject(PathBuf),
    /// Import text files or folders.
    Import(Vec<PathBuf>),
}

/// Fonts and options every Hashiya window (and test harness) uses.
pub fn setup_context(ctx: &egui::Context) {
    fonts::install(ctx);
    // Ctrl+plus/minus zoom the document text, not the whole interface.
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
}
