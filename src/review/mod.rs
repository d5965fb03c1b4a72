//! Reviewing annotator layers: merging colleagues' work, agreement measures,
//! disagreements and adjudication into the gold layer.
//!
//! Everything here is a pure function over the model (no egui), so the review window
//! and the `merge` / `agree` commands share it.

pub mod adjudicate;
pub mod agreement;
pub mod alpha;
pub mod coding;
pub mod disagreement;
pub mod dump;
pub mod kappa;
pub mod matching;
pub mod merge;
pub mod session;
mod warnings;

pub use adjudicate::{AdjudicationError, Decision, adjudicate, auto_accept_agreed, decided};
pub use agreement::{AgreementError, AgreementOptions, AgreementReport, PairAgreement, agreement};
pub use disagreement::{AnnotatedSpan, Disagreement, DisagreementKind, agreed, disagreements};
pub use merge::{MergeOutcome, MergeReport, merge, merge_command};
