//! Reading and writing project files: RON load and save, autosave and recovery, text import.
//!
//! - [`save`] / [`load`]: a project to and from a RON file (see the `format` module docs for
//!   the layout). Saves are atomic and keep the previous file as `NAME.ron.bak`; loads check
//!   everything and never change the file.
//! - [`ProjectFile`]: an open project file that notices when someone else changed it, so the
//!   app can ask before overwriting ([`SaveMode`]).
//! - [`Autosaver`] and [`recovery_for`]: unsaved work written to `NAME.ron.recovery` every few
//!   seconds, and offered back after a crash.
//! - [`import`]: plain-text articles into a project.

mod atomic;
mod error;
mod file;
mod format;
pub mod import;
mod recovery;
#[cfg(test)]
mod test_projects;
mod writer;

pub use error::StoreError;
pub use file::{DiskStamp, ProjectFile, SaveMode, backup_path, load, load_from_str, save};
pub use format::{from_ron, to_ron};
pub use import::{ImportReport, SkipReason};
pub use recovery::{
    AUTOSAVE_INTERVAL, AutosaveState, Autosaver, Recovery, recovery_for, recovery_path, remove_recovery,
    unsaved_recovery_dir, unsaved_recovery_path, write_recovery,
};
