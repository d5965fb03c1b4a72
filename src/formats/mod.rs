//! Training-data exports (jsonl, doccano, prodigy, conll, brat, csv) and imports from other tools.
//!
//! Every offset read or written here is a count of Unicode code points over the stored
//! document text (what Python's `str` indexes), never bytes or UTF-16 units.
//!
//! The entry points are [`export::export`] and [`import::import_annotations`]. Both take a
//! progress callback and a cancel flag so that the window can run them on a background
//! thread; the command line shows the progress on a terminal.

mod brat;
mod conll;
mod csv;
mod doccano;
mod error;
pub mod export;
pub mod import;
mod json_line;
mod jsonl;
mod prodigy;
mod progress;
pub mod select;

pub use error::FormatError;
pub use export::{ConllStats, ExportFormat, ExportReport, export};
pub use progress::{Progress, Stage};
pub use select::{ExportOptions, LayerChoice, gold_coverage, gold_covers, parse_status, status_key};

/// The value of the `offsets` key written in every export's metadata.
pub const OFFSETS_UNIT: &str = "unicode_codepoints";
