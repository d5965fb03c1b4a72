//! Hostile input: damaged files, odd records and the cases where work could be lost.
//!
//! One test binary for the area, so the suite links a few binaries rather than dozens.

#[path = "../common/mod.rs"]
mod common;

mod data_loss;
mod files;
mod records;
mod round2;
