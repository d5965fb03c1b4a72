//! Exports and imports: golden files, round trips, the CLI and Python as a consumer.
//!
//! One test binary for the area, so the suite links a few binaries rather than dozens.

mod cli;
mod golden;
mod import;
mod python;
mod roundtrip;
