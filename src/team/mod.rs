//! Team projects: assigning documents to annotators with an overlap (`assign`), a package
//! per annotator to send out (`package`), and the team's progress and agreement on the
//! shared documents (`status`, with `agreement`). Merging packages back is the review
//! module's merge. Pure functions over the model, no egui.

pub mod agreement;
pub mod assign;
pub mod package;
mod rng;
pub mod status;

pub use agreement::{DocumentOverlap, PairOverlap, TeamAgreement, team_agreement};
pub use assign::{AssignError, AssignOptions, AssignReport, DEFAULT_OVERLAP, assign, plan};
pub use package::package;
pub use status::{AnnotatorProgress, TeamStatus, lacks_value, missing_values, team_status};

#[cfg(test)]
mod tests;

#[cfg(test)]
mod merge_tests;
