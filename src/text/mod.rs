//! The Arabic text engine: bidi, line breaking, shaping, hit-testing and highlight geometry.
//!
//! Pure: it knows nothing of projects or egui widgets.
