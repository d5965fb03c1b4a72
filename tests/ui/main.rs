//! The window, driven as a user would with egui_kittest.
//!
//! One test binary for the area, so the suite links a few binaries rather than dozens.

#[path = "../common/mod.rs"]
mod common;

mod arabic_fields;
mod clipboard;
mod document_view;
mod file_chooser;
mod files;
mod first_start;
mod label_sets;
mod labels;
mod language;
mod links;
mod messages;
mod performance;
mod review;
mod span_cards;
mod suggestions;
mod workflow;
