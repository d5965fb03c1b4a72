//! The `hashiya` command line: new, import, suggest, validate, and a team's assign, merge and status.
//!
//! One test binary for the area, so the suite links a few binaries rather than dozens.

#[path = "../common/mod.rs"]
mod common;

mod desktop;
mod import;
mod learn;
mod new;
mod suggest;
mod team;
mod validate;
