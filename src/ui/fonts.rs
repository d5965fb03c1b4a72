//! The embedded fonts given to egui for interface text (menus, text fields, tooltips),
//! so Arabic typed into a note or search box never shows as boxes. Document text does
//! not go through egui's text layout: it is drawn by the text engine.

use egui::{FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

const ARABIC: &[u8] = include_bytes!("../../fonts/NotoNaskhArabic-Regular.ttf");
const LATIN: &[u8] = include_bytes!("../../fonts/NotoSans-Regular.ttf");

/// egui's default fonts, with Noto Sans and Noto Naskh Arabic as fallbacks.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert("noto-sans".into(), Arc::new(FontData::from_static(LATIN)));
    fonts.font_data.insert("noto-naskh-arabic".into(), Arc::new(FontData::from_static(ARABIC)));
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        let list = fonts.families.entry(family).or_default();
        list.push("noto-sans".into());
        list.push("noto-naskh-arabic".into());
    }
    fonts
}

/// Installs [`definitions`] in `ctx`; takes effect from the next pass.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}
