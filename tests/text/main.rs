//! Text layout: bidi lines and properties over generated text.
//!
//! One test binary for the area, so the suite links a few binaries rather than dozens.

mod lines;
mod props;
