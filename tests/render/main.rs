//! Rendering Arabic to pixels and the `render` command.
//!
//! One test binary for the area, so the suite links a few binaries rather than dozens.

mod cli;
mod marks;
mod png;
