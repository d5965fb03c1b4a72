//! The Arabic text engine: bidi, line breaking, shaping, hit-testing and highlight geometry.
//!
//! Pure: it knows nothing of projects or egui widgets. The flow is
//! text -> [`DocLayout`] (paragraphs split on `'\n'`, each laid out once by
//! [`layout_paragraph`] and kept in a [`LayoutCache`]) -> lines of positioned [`Glyph`]s
//! that painting, hit-testing, highlights and PNG export all read.
//!
//! A text field's editing model ([`EditState`]) works on the same layout, so what is
//! typed is ordered, shaped and hit-tested exactly as the document is.
//!
//! Offsets: a [`ParagraphLayout`] speaks in code points relative to its paragraph; a
//! [`DocLayout`] adds each paragraph's start, so its methods take and return code point
//! offsets into the whole text.

mod breaking;
mod document;
pub mod edit;
pub mod fonts;
mod geometry;
pub mod lanes;
mod paragraph;
mod raster;
mod reorder;
mod segment;
mod shape;
mod visual;

pub use document::{DocHit, DocLayout, LayoutCache, LineRef, PlacedParagraph};
pub use edit::{EditState, Motion, Selection};
pub use fonts::{Face, FontError, FontId, Fonts, Metrics};
pub use geometry::{Affinity, Caret, Hit, Rect};
pub use paragraph::{ClusterBox, Glyph, Line, ParagraphLayout, layout_paragraph, layout_paragraph_spaced};
pub use raster::{AlphaBitmap, rasterize};
pub use segment::{grapheme_boundaries, next_grapheme, prev_grapheme, snap_to_words, word_at};
pub use visual::{WrappedParagraph, for_display, is_rtl, wrap_for_display};
