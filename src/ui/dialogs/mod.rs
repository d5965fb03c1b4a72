//! The file dialogs the window asks (new project, open, save as, import, export, merge),
//! behind a small trait: the app uses the native dialogs ([`NativeDialogs`], through the
//! desktop portal), window tests a scripted fake. An answer says whether the user picked,
//! cancelled, or the dialog could not be shown at all, so a missing portal is never taken
//! for a cancel: the window then opens its own chooser ([`crate::ui::file_chooser`]).

mod native;

pub use native::{NativeDialogs, unavailable_message};

use crate::formats::{ExportFormat, ExportOptions};
use crate::ui::modal::Pending;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::rc::Rc;

/// Which file the window wants from the user, with what it needs to carry on once the
/// answer comes (which may be a frame or more later, from the window's own chooser).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileRequest {
    /// A project to open.
    OpenProject,
    /// Where to create a new, empty project.
    NewProject { suggested: String },
    /// Where to save the project (`suggested` is the file name offered); `then` runs
    /// once it is saved.
    SaveProject { suggested: String, then: Option<Pending> },
    /// Text files to import.
    Texts,
    /// A folder of text files to import.
    TextFolder,
    /// Annotation files to import.
    Annotations,
    /// Colleagues' projects to merge.
    ColleagueProjects,
    /// Where to export (`folder` for brat, which writes a folder), and what.
    ExportTarget { suggested: String, folder: bool, format: ExportFormat, options: ExportOptions },
}

/// What kind of answer a request wants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// Existing files; several when `multiple`.
    Files { multiple: bool },
    /// One existing folder.
    Folder,
    /// A file name to write, new or not.
    Save,
}

impl FileRequest {
    /// What the answer is: files, a folder or a name to save to.
    pub fn pick(&self) -> Pick {
        match self {
            Self::OpenProject => Pick::Files { multiple: false },
            Self::Texts | Self::Annotations | Self::ColleagueProjects => Pick::Files { multiple: true },
            Self::TextFolder | Self::ExportTarget { folder: true, .. } => Pick::Folder,
            Self::NewProject { .. } | Self::SaveProject { .. } | Self::ExportTarget { folder: false, .. } => {
                Pick::Save
            }
        }
    }

    /// The file name extensions offered (lower case, no dot); empty for any file.
    pub fn extensions(&self) -> &'static [&'static str] {
        match self {
            Self::OpenProject
            | Self::NewProject { .. }
            | Self::SaveProject { .. }
            | Self::ColleagueProjects => &["ron"],
            Self::Texts | Self::TextFolder => &["txt"],
            Self::Annotations => &["jsonl", "json", "ann"],
            Self::ExportTarget { format, .. } => match format {
                ExportFormat::Jsonl | ExportFormat::Doccano | ExportFormat::Prodigy => &["jsonl"],
                ExportFormat::Conll => &["conll"],
                ExportFormat::Csv => &["csv"],
                ExportFormat::Brat => &[],
            },
        }
    }

    /// The catalogue id of what the files are called in a filter ("Hashiya project").
    pub fn filter_name_id(&self) -> &'static str {
        match self {
            Self::OpenProject
            | Self::NewProject { .. }
            | Self::SaveProject { .. }
            | Self::ColleagueProjects => "filter-project",
            Self::Texts | Self::TextFolder => "filter-text",
            Self::Annotations => "filter-annotations",
            Self::ExportTarget { .. } => "filter-export",
        }
    }

    /// The file name offered for a save.
    pub fn suggested_name(&self) -> Option<&str> {
        match self {
            Self::NewProject { suggested } | Self::SaveProject { suggested, .. } => Some(suggested),
            Self::ExportTarget { suggested, .. } => Some(suggested),
            _ => None,
        }
    }

    /// The catalogue id of the dialog's title.
    pub fn title_id(&self) -> &'static str {
        match self {
            Self::OpenProject => "dialog-open-project",
            Self::NewProject { .. } => "dialog-new-project",
            Self::SaveProject { .. } => "dialog-save-project-as",
            Self::Texts => "dialog-import-texts",
            Self::TextFolder => "dialog-import-folder",
            Self::Annotations => "dialog-import-annotations",
            Self::ColleagueProjects => "dialog-merge",
            Self::ExportTarget { folder: true, .. } => "dialog-export-folder",
            Self::ExportTarget { folder: false, .. } => "dialog-export-file",
        }
    }
}

/// What a file dialog answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogAnswer {
    /// The user picked these (never empty).
    Picked(Vec<PathBuf>),
    /// The user closed the dialog without picking.
    Cancelled,
    /// No dialog could be shown; the reason is for the user.
    Unavailable(String),
}

/// Asks the user for files.
pub trait FileDialogs {
    fn ask(&mut self, request: &FileRequest) -> DialogAnswer;
}

/// Dialogs answered from a script, for tests: each request takes the next answer, and
/// the requests are recorded. With no answer left the user "cancels", or, once
/// [`ScriptedDialogs::fail_with`] was called, the dialog is unavailable. Clones share the
/// script, so a test keeps one to add answers and read what was asked.
#[derive(Clone, Debug, Default)]
pub struct ScriptedDialogs {
    script: Rc<RefCell<Script>>,
}

#[derive(Debug, Default)]
struct Script {
    answers: VecDeque<DialogAnswer>,
    asked: Vec<FileRequest>,
    failure: Option<String>,
}

impl ScriptedDialogs {
    /// The next request gets `paths` (after the answers already queued); no paths is a
    /// cancel.
    pub fn answer(&self, paths: Vec<PathBuf>) {
        let answer = if paths.is_empty() { DialogAnswer::Cancelled } else { DialogAnswer::Picked(paths) };
        self.script.borrow_mut().answers.push_back(answer);
    }

    /// From now on, a request with no answer queued finds no dialog, for `reason`.
    pub fn fail_with(&self, reason: impl Into<String>) {
        self.script.borrow_mut().failure = Some(reason.into());
    }

    /// What was asked so far.
    pub fn asked(&self) -> Vec<FileRequest> {
        self.script.borrow().asked.clone()
    }
}

impl FileDialogs for ScriptedDialogs {
    fn ask(&mut self, request: &FileRequest) -> DialogAnswer {
        let mut script = self.script.borrow_mut();
        script.asked.push(request.clone());
        let failure = script.failure.clone();
        script
            .answers
            .pop_front()
            .unwrap_or_else(|| failure.map_or(DialogAnswer::Cancelled, DialogAnswer::Unavailable))
    }
}
