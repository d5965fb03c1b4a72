//! Hashiya: a desktop tool for annotating Arabic news articles.
//!
//! The library holds everything; `main.rs` only parses the command line. See
//! ARCHITECTURE.md for how the modules fit together.

pub mod app;
pub mod cli;
pub mod formats;
pub mod frame_stats;
pub mod i18n;
pub mod learn;
pub mod model;
pub mod offsets;
pub mod render;
pub mod review;
pub mod session;
pub mod store;
pub mod suggest;
pub mod team;
pub mod text;
pub mod ui;
pub mod workspace;
