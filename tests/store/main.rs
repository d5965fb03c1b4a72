//! The project store: formats, round trips, mutations, bad inputs, kills and the sample.
//!
//! One test binary for the area, so the suite links a few binaries rather than dozens.

#[path = "../common/mod.rs"]
mod common;

mod bad_inputs;
mod kill;
mod mutations;
mod old_formats;
mod roundtrip;
mod sample_project;
