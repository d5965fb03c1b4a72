//! The embedded fonts given to egui for interface text (menus, text fields, tooltips),
//! so Arabic typed into a note or search box never shows as boxes. Document text does
//! not go through egui's text layout: it is drawn by the text engine.
//!
//! The interface uses the text engine's own faces (the same bytes, held once in the
//! binary): Noto Sans, then Noto Naskh Arabic, then Noto Emoji, then a small subset of
//! DejaVu Sans for the symbols Noto Sans lacks (≥, √, arrows; `tools/subset-symbols.sh`
//! makes it and lists its ranges), and egui's few icons. egui's default fonts (Ubuntu
//! Light, Hack) are not built in: they would add about 0.7 MB to the binary for a second
//! look of the same letters.

use crate::text::fonts::{EMOJI, NASKH, SANS};
use egui::{FontData, FontDefinitions, FontFamily, FontTweak};
use std::sync::Arc;

/// Symbols Noto Sans lacks (a DejaVu Sans subset).
const SYMBOLS: &[u8] = include_bytes!("../../fonts/Symbols-Subset.ttf");

/// Noto Sans, Noto Naskh Arabic, Noto Emoji, the symbols and egui's icons, for both
/// families.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::empty();
    // egui draws its emoji a little smaller than the letters; so do we.
    let smaller = |scale: f32| FontTweak { scale, ..Default::default() };
    let faces = [
        ("noto-sans", FontData::from_static(SANS)),
        ("noto-naskh-arabic", FontData::from_static(NASKH)),
        ("noto-emoji", FontData::from_static(EMOJI).tweak(smaller(0.81))),
        ("symbols", FontData::from_static(SYMBOLS)),
        ("egui-icons", FontData::from_static(epaint_default_fonts::EGUI_ICONS).tweak(smaller(0.9))),
    ];
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts.families.insert(family, faces.iter().map(|(name, _)| (*name).to_string()).collect());
    }
    for (name, data) in faces {
        fonts.font_data.insert(name.into(), Arc::new(data));
    }
    fonts
}

/// Installs [`definitions`] in `ctx`; takes effect from the next pass.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}
