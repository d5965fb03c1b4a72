//! Drawing an annotated text to an RGBA image and a PNG, without a window or GPU.
//!
//! Takes plain inputs (the text, spans as code point ranges with a colour and a label
//! name, width and font size), lays the text out with [`crate::text`] and rasterizes its
//! glyphs with ab_glyph, so the picture is the one the document view shows.

mod canvas;
mod draw;

pub use canvas::{Canvas, PngError, Rgb};
pub use draw::{RenderOptions, RenderSpan, render, render_png};
