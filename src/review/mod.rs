//! Reviewing annotator layers: merging colleagues' work, agreement measures,
//! disagreements and adjudication into the gold layer.
//!
//! Everything here is a pure function over the model (no egui), so the review window
//! and the `merge` / `agree` commands share it.
//!
//! Agreement flows one way: `agreement` measures (with `matching`, `coding` and `tally`
//! into `counts` behind `kappa` and `alpha`, `unitizing` through `continuum`, and
//! `per_document`) and fills the types of `report`; `warnings` reads a finished report.
//! Nothing under `report` or `warnings` calls back into `agreement`.
//!
//! Review mode flows the same way: `disagreement` finds where the layers differ (spans in
//! `disagreement::spans`, links and attribute values in `disagreement::links`),
//! `adjudicate` turns a decision into a gold command, and `state` holds what review mode
//! shows (the window's editing session lives in `crate::session`).

pub mod adjudicate;
pub mod agreement;
pub mod alpha;
pub mod coding;
pub mod continuum;
pub mod counts;
pub mod disagreement;
pub mod dump;
pub mod kappa;
pub mod matching;
pub mod merge;
pub mod per_document;
pub mod relations;
pub mod report;
pub mod scope;
pub mod state;
mod tally;
pub mod unitizing;
mod warnings;

pub use adjudicate::{AdjudicationError, Decision, adjudicate, auto_accept_agreed, decided, decided_count};
pub use agreement::{AgreementError, AgreementOptions, agreement};
pub use disagreement::{AnnotatedSpan, Disagreement, DisagreementKind, agreed, disagreements};
pub use merge::{MergeOutcome, MergeReport, merge, merge_command};
pub use report::{ALL_LABELS, AgreementReport, DocumentAgreement, PairAgreement};
