//! Reading and writing project files: RON load and save, autosave and recovery, text import.
//!
//! - [`save`] / [`load`]: a project to and from a RON file (see the `format` module docs for
//!   the layout). Saves are atomic and keep the previous file as `NAME.ron.bak`; loads check
//!   everything and never change the file.
//! - [`ProjectFile`]: an open project file that notices when someone else changed it, so the
//!   app can ask before overwriting ([`SaveMode`]).
//! - [`BackgroundWriter`]: the thread that writes the open project's saves and, every few
//!   seconds while there is unsaved work, its recovery file `NAME.ron.recovery`;
//!   [`recovery_for`] offers that file back after a crash.
//! - [`import`]: plain-text articles into a project.
//! - [`ProjectLock`]: the exclusive lock held for every read-modify-write of a project file.
//! - [`input`]: reading input files: regular files only, up to a size limit.

pub(crate) mod atomic;
mod background;
mod error;
mod file;
mod format;
pub mod import;
pub mod input;
mod lock;
mod recovery;
mod scan;
mod stream;
#[cfg(test)]
mod test_projects;
mod writer;

pub use background::{AutosaveState, BackgroundWriter, SaveJob, SaveOutcome};
pub use error::StoreError;
pub use file::{
    DiskStamp, ProjectFile, SaveMode, backup_path, is_project_or_companion, load, load_from_str, save,
    save_checked,
};
pub use format::{from_ron, to_ron};
pub use import::{ImportReport, SkipReason};
pub use input::{InputError, MAX_INPUT_BYTES, read_input, read_input_string};
pub use lock::{LOCK_WAIT, ProjectLock, lock_path};
pub use recovery::{
    AUTOSAVE_INTERVAL, Recovery, recovery_for, recovery_path, remove_recovery, write_recovery,
};
