//! The `hashiya` command line: new, import, suggest, validate.
//!
//! One test binary for the area, so the suite links a few binaries rather than dozens.

#[path = "../common/mod.rs"]
mod common;

mod desktop;
mod import;
mod new;
mod suggest;
mod validate;
