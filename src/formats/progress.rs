//! Progress reports and cancellation for long exports and imports.

use super::FormatError;
use std::sync::atomic::{AtomicBool, Ordering};

/// What a long operation is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Reading input files.
    Reading,
    /// Adding documents and spans to the project.
    Applying,
    /// Writing output.
    Writing,
    /// Looking for suggestions in documents.
    Suggesting,
}

impl Stage {
    pub fn name(self) -> &'static str {
        match self {
            Stage::Reading => "reading",
            Stage::Applying => "importing",
            Stage::Writing => "exporting",
            Stage::Suggesting => "suggesting",
        }
    }
}

/// One progress report: `done` of `total` items (documents or lines) at `stage`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub stage: Stage,
    pub done: usize,
    pub total: usize,
}

impl Progress {
    /// Completed share in `0.0..=1.0` (1.0 when there is nothing to do).
    pub fn fraction(&self) -> f32 {
        if self.total == 0 { 1.0 } else { (self.done as f32 / self.total as f32).clamp(0.0, 1.0) }
    }
}

/// Returns [`FormatError::Cancelled`] once `cancel` is set.
pub(crate) fn check(cancel: &AtomicBool) -> Result<(), FormatError> {
    if cancel.load(Ordering::Relaxed) { Err(FormatError::Cancelled) } else { Ok(()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fraction_is_clamped_and_total_zero_is_done() {
        assert_eq!(Progress { stage: Stage::Writing, done: 5, total: 10 }.fraction(), 0.5);
        assert_eq!(Progress { stage: Stage::Writing, done: 0, total: 0 }.fraction(), 1.0);
        let flag = AtomicBool::new(false);
        assert!(check(&flag).is_ok());
        flag.store(true, Ordering::Relaxed);
        assert!(matches!(check(&flag), Err(FormatError::Cancelled)));
    }
}
