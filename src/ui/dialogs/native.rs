//! The platform's file dialogs (rfd). On Linux rfd asks the XDG desktop portal and, when
//! that fails, runs `zenity`; when both fail it answers as if the user had cancelled. So
//! before asking, the session bus is asked whether the portal's file chooser is there,
//! and rfd's own error reports are watched while it runs: a dialog that could not be
//! shown is [`DialogAnswer::Unavailable`], never a cancel.

use super::{DialogAnswer, FileDialogs, FileRequest, Pick};
use std::path::PathBuf;

/// The platform's own dialogs.
#[derive(Debug, Default)]
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn ask(&mut self, request: &FileRequest) -> DialogAnswer {
        let problem = portal_problem();
        if let Some(problem) = &problem
            && !on_path("zenity")
        {
            return DialogAnswer::Unavailable(unavailable_message(problem));
        }
        capture::start();
        let paths = run_rfd(request);
        let failure = capture::failure();
        match (paths.is_empty(), failure) {
            (false, _) => DialogAnswer::Picked(paths),
            (true, None) => DialogAnswer::Cancelled,
            (true, Some(failure)) => {
                DialogAnswer::Unavailable(unavailable_message(problem.as_ref().unwrap_or(&failure)))
            }
        }
    }
}

/// What the window says when the native dialog cannot be shown (logical order; the
/// chooser wraps it).
pub fn unavailable_message(problem: &str) -> String {
    crate::tr_logical!("dialog-unavailable", problem = problem)
}

fn run_rfd(request: &FileRequest) -> Vec<PathBuf> {
    let extensions = request.extensions();
    let mut dialog = rfd::FileDialog::new().set_title(crate::i18n::plain(request.title_id()));
    if !extensions.is_empty() {
        dialog = dialog.add_filter(crate::i18n::plain(request.filter_name_id()), extensions);
    }
    if let Some(name) = request.suggested_name() {
        dialog = dialog.set_file_name(name);
    }
    match request.pick() {
        Pick::Files { multiple: true } => dialog.pick_files().unwrap_or_default(),
        Pick::Files { multiple: false } => dialog.pick_file().into_iter().collect(),
        Pick::Folder => dialog.pick_folder().into_iter().collect(),
        Pick::Save => dialog.save_file().into_iter().collect(),
    }
}

/// Whether an executable called `name` is on the `PATH`.
fn on_path(name: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(name).is_file()))
}

/// Why the portal's file chooser cannot be used, or `None` when it answers.
#[cfg(target_os = "linux")]
fn portal_problem() -> Option<String> {
    // Starting the portal on demand can hang on a broken desktop: wait a few seconds at most.
    const WAIT: std::time::Duration = std::time::Duration::from_secs(5);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(zbus::block_on(probe_portal())).ok());
    // The words come from the catalogue here, on the window's thread (the language is
    // per thread); the bus's own error stays as it says it.
    match rx.recv_timeout(WAIT) {
        Ok(Ok(())) => None,
        Ok(Err(PortalProblem::NoBus(err))) => Some(crate::tr_logical!("portal-no-bus", error = err)),
        Ok(Err(PortalProblem::NotRunning)) => Some(crate::i18n::plain("portal-not-running")),
        Ok(Err(PortalProblem::NoChooser(err))) => Some(crate::tr_logical!("portal-no-chooser", error = err)),
        Err(_) => Some(crate::i18n::plain("portal-no-answer")),
    }
}

#[cfg(not(target_os = "linux"))]
fn portal_problem() -> Option<String> {
    None
}

/// Why the portal's file chooser did not answer.
#[cfg(target_os = "linux")]
enum PortalProblem {
    /// No session bus (its error).
    NoBus(String),
    /// The portal is not installed or not running.
    NotRunning,
    /// The portal has no file chooser (the bus's error).
    NoChooser(String),
}

/// Asks the portal for its file chooser's version, which fails unless the portal and a
/// backend with a file chooser are installed and running (or can be started).
#[cfg(target_os = "linux")]
async fn probe_portal() -> Result<(), PortalProblem> {
    const UNKNOWN_SERVICE: &str = "org.freedesktop.DBus.Error.ServiceUnknown";
    let bus = zbus::Connection::session().await.map_err(|err| PortalProblem::NoBus(err.to_string()))?;
    let asked = bus
        .call_method(
            Some("org.freedesktop.portal.Desktop"),
            "/org/freedesktop/portal/desktop",
            Some("org.freedesktop.DBus.Properties"),
            "Get",
            &("org.freedesktop.portal.FileChooser", "version"),
        )
        .await;
    match asked {
        Ok(_) => Ok(()),
        Err(zbus::Error::MethodError(name, ..)) if name.as_str() == UNKNOWN_SERVICE => {
            Err(PortalProblem::NotRunning)
        }
        Err(err) => Err(PortalProblem::NoChooser(err.to_string())),
    }
}

/// rfd reports its failures only through the `log` crate: a small logger keeps its
/// warnings and errors while a dialog runs.
mod capture {
    use std::sync::{Mutex, Once, PoisonError};

    static LINES: Mutex<Vec<(log::Level, String)>> = Mutex::new(Vec::new());

    struct RfdLog;

    impl log::Log for RfdLog {
        fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
            metadata.target().starts_with("rfd") && metadata.level() <= log::Level::Warn
        }

        fn log(&self, record: &log::Record<'_>) {
            if self.enabled(record.metadata()) {
                let mut lines = LINES.lock().unwrap_or_else(PoisonError::into_inner);
                lines.push((record.level(), record.args().to_string()));
            }
        }

        fn flush(&self) {}
    }

    static LOGGER: RfdLog = RfdLog;

    /// Starts watching (installs the logger once; if another logger is installed, rfd's
    /// reports are not seen and only the portal check tells a failure).
    pub fn start() {
        static INSTALL: Once = Once::new();
        INSTALL.call_once(|| {
            if log::set_logger(&LOGGER).is_ok() {
                log::set_max_level(log::LevelFilter::Warn);
            }
        });
        LINES.lock().unwrap_or_else(PoisonError::into_inner).clear();
    }

    /// What failed since [`start`]: after the fallback to zenity only zenity's own
    /// failure counts (the user may have cancelled zenity's dialog).
    pub fn failure() -> Option<String> {
        let lines = std::mem::take(&mut *LINES.lock().unwrap_or_else(PoisonError::into_inner));
        let fell_back = lines.iter().any(|(_, line)| line.contains("zenity fallback"));
        let mut errors = lines
            .into_iter()
            .filter(|(level, line)| *level == log::Level::Error && (!fell_back || line.contains("zenity")))
            .map(|(_, line)| line);
        errors.next()
    }
}
