//! Review: agreement figures, unitizing alpha, merge and adjudication.
//!
//! One test binary for the area, so the suite links a few binaries rather than dozens.

mod adjudication;
mod agreement;
mod merge;
mod unitizing;
