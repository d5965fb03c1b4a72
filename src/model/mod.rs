//! The annotation data model: projects, documents, labels, spans and annotator layers.
//!
//! Pure data and pure functions: nothing here knows about egui, files or the screen.
//! Every offset is a [`CharOffset`], a count of Unicode code points into the document
//! text exactly as it was imported (what Python's `str` indexes).

mod attribute;
mod command;
pub mod document;
mod history;
mod label;
mod name;
mod project;
mod relation;
pub mod search;
mod shared;
mod span;
pub mod tokens;
mod unique;
mod validation;

pub use crate::offsets::{
    ByteOffset, CharIndex, CharOffset, CharRange, OffsetError, byte_to_char, char_len, char_to_byte,
    slice_chars,
};
pub use attribute::{
    AttrValue, AttributeDef, AttributeKind, Attributes, COUNTS, default_attributes, format_number,
    missing_required, parse_number,
};
pub use command::{Command, CommandError, LayerRef, apply};
pub use document::{ContentHash, DocId, Document, Status};
pub use history::History;
pub use label::{Color, Label, LabelId, default_labels};
pub use name::{GOLD_NAME, MAX_NAME_CHARS, clean_name, is_reserved_name, name_problem};
pub use project::{
    FORMAT_VERSION, Layer, LayerDoc, MAX_ID, Pattern, Project, Rejection, advance_id, next_free,
};
pub use relation::{
    Relation, RelationId, RelationType, default_relation_types, default_relation_types_for, types_for,
};
pub use shared::{SharedStr, interning};
pub use span::{Origin, Span, SpanId, Timestamp};
pub use validation::ValidationError;
