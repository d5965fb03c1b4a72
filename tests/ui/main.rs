//! The window, driven as a user would with egui_kittest.
//!
//! One test binary for the area, so the suite links a few binaries rather than dozens.

#[path = "../common/mod.rs"]
mod common;

mod arabic_errors;
mod arabic_fields;
mod clipboard;
mod close_kill;
mod document_view;
mod file_chooser;
mod files;
mod first_start;
mod label_picker;
mod label_sets;
mod labels;
mod language;
mod layer_suggestions;
mod learning;
mod links;
mod messages;
mod performance;
mod review;
mod review_flow;
mod span_cards;
mod suggestions;
mod team;
mod workflow;
