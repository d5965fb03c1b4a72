//! The file dialogs the window asks (open, save as, import, export, merge), behind a small
//! trait: the app uses the native dialogs (rfd), window tests a scripted fake.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::rc::Rc;

/// Which file the window wants from the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileRequest {
    /// A project to open.
    OpenProject,
    /// Where to save the project (`suggested` is the file name offered).
    SaveProject { suggested: String },
    /// Text files to import.
    Texts,
    /// A folder of text files to import.
    TextFolder,
    /// Annotation files to import.
    Annotations,
    /// Colleagues' projects to merge.
    ColleagueProjects,
    /// Where to export (`folder` for brat, which writes a folder).
    ExportTarget { suggested: String, folder: bool },
}

/// Asks the user for files. An empty answer means they cancelled.
pub trait FileDialogs {
    fn ask(&mut self, request: &FileRequest) -> Vec<PathBuf>;
}

/// The platform's own dialogs.
#[derive(Debug, Default)]
pub struct NativeDialogs;

const PROJECT: (&str, &[&str]) = ("Hashiya project", &["ron"]);

impl FileDialogs for NativeDialogs {
    fn ask(&mut self, request: &FileRequest) -> Vec<PathBuf> {
        let dialog = rfd::FileDialog::new();
        let one = |p: Option<PathBuf>| p.into_iter().collect();
        match request {
            FileRequest::OpenProject => one(dialog.add_filter(PROJECT.0, PROJECT.1).pick_file()),
            FileRequest::SaveProject { suggested } => {
                one(dialog.add_filter(PROJECT.0, PROJECT.1).set_file_name(suggested).save_file())
            }
            FileRequest::Texts => dialog.add_filter("Text", &["txt"]).pick_files().unwrap_or_default(),
            FileRequest::TextFolder => one(dialog.pick_folder()),
            FileRequest::Annotations => {
                dialog.add_filter("Annotations", &["jsonl", "json", "ann"]).pick_files().unwrap_or_default()
            }
            FileRequest::ColleagueProjects => {
                dialog.add_filter(PROJECT.0, PROJECT.1).pick_files().unwrap_or_default()
            }
            FileRequest::ExportTarget { suggested, folder: true } => {
                one(dialog.set_file_name(suggested).pick_folder())
            }
            FileRequest::ExportTarget { suggested, folder: false } => {
                one(dialog.set_file_name(suggested).save_file())
            }
        }
    }
}

/// Dialogs answered from a script, for tests: each request takes the next answer, and
/// the requests are recorded. With no answer left the user "cancels". Clones share the
/// script, so a test keeps one to add answers and read what was asked.
#[derive(Clone, Debug, Default)]
pub struct ScriptedDialogs {
    script: Rc<RefCell<Script>>,
}

#[derive(Debug, Default)]
struct Script {
    answers: VecDeque<Vec<PathBuf>>,
    asked: Vec<FileRequest>,
}

impl ScriptedDialogs {
    /// The next request gets `paths` (after the answers already queued).
    pub fn answer(&self, paths: Vec<PathBuf>) {
        self.script.borrow_mut().answers.push_back(paths);
    }

    /// What was asked so far.
    pub fn asked(&self) -> Vec<FileRequest> {
        self.script.borrow().asked.clone()
    }
}

impl FileDialogs for ScriptedDialogs {
    fn ask(&mut self, request: &FileRequest) -> Vec<PathBuf> {
        let mut script = self.script.borrow_mut();
        script.asked.push(request.clone());
        script.answers.pop_front().unwrap_or_default()
    }
}
