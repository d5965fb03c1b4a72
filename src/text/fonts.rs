//! The embedded faces (Noto Naskh Arabic, Noto Sans, and Noto Emoji for symbols and emoji
//! in news text), the per-character fallback chain and font metrics scaled to a pixel size.
//!
//! The chain works like a browser's `font-family: "Noto Naskh Arabic", "Noto Sans"`: a
//! character is drawn with the Arabic face when that face has it, otherwise with the Latin
//! face, and then with Noto Emoji (the monochrome face egui already carries, so the binary
//! holds it once). Combining marks and joiners take the face of the character they attach to, so a
//! letter and its harakat are always shaped together.

use ab_glyph::Font as _;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use unicode_general_category::{GeneralCategory, get_general_category};

/// Noto Naskh Arabic; the interface's fonts use the same bytes, so the binary holds it once.
pub static NASKH: &[u8] = include_bytes!("../../fonts/NotoNaskhArabic-Regular.ttf");
/// Noto Sans, for Latin text (the interface's main face too).
pub static SANS: &[u8] = include_bytes!("../../fonts/NotoSans-Regular.ttf");
/// Tweets and embeds carry emoji: the monochrome Noto Emoji shipped with egui's fonts.
pub static EMOJI: &[u8] = epaint_default_fonts::NOTO_EMOJI_REGULAR;

/// One of the embedded faces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FontId {
    /// Noto Naskh Arabic: Arabic letters, harakat, Arabic digits and punctuation.
    Arabic,
    /// Noto Sans: Latin letters, Western digits, quotes, brackets.
    Latin,
    /// Noto Emoji: emoji and pictographic symbols, drawn in the text colour.
    Emoji,
}

impl FontId {
    /// Every face, in fallback order.
    pub const ALL: [FontId; 3] = [FontId::Arabic, FontId::Latin, FontId::Emoji];

    fn index(self) -> usize {
        match self {
            FontId::Arabic => 0,
            FontId::Latin => 1,
            FontId::Emoji => 2,
        }
    }
}

/// Why the embedded fonts could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum FontError {
    #[error("the embedded {0:?} face cannot be parsed for shaping: {1}")]
    Shaping(FontId, String),
    #[error("the embedded {0:?} face cannot be parsed for rasterizing: {1}")]
    Raster(FontId, String),
    #[error("the embedded {0:?} face has no units-per-em value")]
    NoUnitsPerEm(FontId),
}

/// One parsed face: shaping tables for harfrust and outlines for ab_glyph.
pub struct Face {
    pub(crate) shape_ref: harfrust::FontRef<'static>,
    pub(crate) shaper_data: harfrust::ShaperData,
    pub(crate) raster: ab_glyph::FontRef<'static>,
    units_per_em: f32,
}

impl Face {
    fn new(id: FontId, data: &'static [u8]) -> Result<Self, FontError> {
        let shape_ref = harfrust::FontRef::new(data).map_err(|e| FontError::Shaping(id, e.to_string()))?;
        let shaper_data = harfrust::ShaperData::new(&shape_ref);
        let raster =
            ab_glyph::FontRef::try_from_slice(data).map_err(|e| FontError::Raster(id, e.to_string()))?;
        let units_per_em = raster.units_per_em().ok_or(FontError::NoUnitsPerEm(id))?;
        Ok(Self { shape_ref, shaper_data, raster, units_per_em })
    }

    /// Pixels per font unit at `px` pixels per em.
    pub fn scale(&self, px: f32) -> f32 {
        px / self.units_per_em
    }

    /// Whether the face has a glyph for `c`.
    pub fn has_char(&self, c: char) -> bool {
        self.raster.glyph_id(c).0 != 0
    }

    /// The face's ab_glyph handle, for rasterizing by glyph id.
    pub fn raster(&self) -> &ab_glyph::FontRef<'static> {
        &self.raster
    }
}

/// Vertical metrics in pixels (all positive; `descent` is below the baseline).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metrics {
    pub ascent: f32,
    pub descent: f32,
    pub line_gap: f32,
}

impl Metrics {
    /// Height of one line: ascent + descent + line gap.
    pub fn line_height(&self) -> f32 {
        self.ascent + self.descent + self.line_gap
    }
}

/// Shaping plans by face, direction and script: building one walks the font's lookup
/// tables, so each is built once and shared.
type PlanKey = (FontId, bool, Option<harfrust::Script>);

/// The embedded faces, parsed once. Cheap to share by reference; build one per process.
pub struct Fonts {
    faces: [Face; 3],
    plans: Mutex<HashMap<PlanKey, Arc<harfrust::ShapePlan>>>,
}

impl Fonts {
    /// Parses the embedded faces.
    pub fn new() -> Result<Self, FontError> {
        Ok(Self {
            faces: [
                Face::new(FontId::Arabic, NASKH)?,
                Face::new(FontId::Latin, SANS)?,
                Face::new(FontId::Emoji, EMOJI)?,
            ],
            plans: Mutex::new(HashMap::new()),
        })
    }

    /// The shaping plan for `font` in a direction and script, built on first use.
    pub(crate) fn plan(
        &self,
        font: FontId,
        shaper: &harfrust::Shaper<'_>,
        direction: harfrust::Direction,
        script: Option<harfrust::Script>,
    ) -> Arc<harfrust::ShapePlan> {
        let key = (font, direction == harfrust::Direction::RightToLeft, script);
        let build = || Arc::new(harfrust::ShapePlan::new(shaper, direction, script, None, &[]));
        // A poisoned lock only means another thread panicked mid-insert; the map is intact.
        let mut plans = self.plans.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        Arc::clone(plans.entry(key).or_insert_with(build))
    }

    /// The parsed face.
    pub fn face(&self, id: FontId) -> &Face {
        // `index` is 0, 1 or 2 and `faces` has three entries.
        match id.index() {
            0 => &self.faces[0],
            1 => &self.faces[1],
            _ => &self.faces[2],
        }
    }

    /// Metrics of one face at `px` pixels per em.
    pub fn face_metrics(&self, id: FontId, px: f32) -> Metrics {
        let face = self.face(id);
        let s = face.scale(px);
        Metrics {
            ascent: face.raster.ascent_unscaled() * s,
            descent: -face.raster.descent_unscaled() * s,
            line_gap: face.raster.line_gap_unscaled() * s,
        }
    }

    /// Line metrics at `px`: the tallest ascent and descent of the faces, the Arabic
    /// face's line gap, each rounded to whole pixels as browsers do (so line pitch matches
    /// a browser's `line-height: normal`). Every line uses them, so lines have one height.
    pub fn metrics(&self, px: f32) -> Metrics {
        let arabic = self.face_metrics(FontId::Arabic, px);
        let latin = self.face_metrics(FontId::Latin, px);
        Metrics {
            ascent: arabic.ascent.max(latin.ascent).round(),
            descent: arabic.descent.max(latin.descent).round(),
            line_gap: arabic.line_gap.round(),
        }
    }

    /// The face for `c` when it starts a cluster: the first face in the chain that has it,
    /// or `None` when neither has it.
    pub fn face_for(&self, c: char) -> Option<FontId> {
        FontId::ALL.into_iter().find(|&id| self.face(id).has_char(c))
    }

    /// The face for every character of `chars`: marks and joiners follow their base.
    /// Characters no face has are given the Latin face (drawn as its missing-glyph box).
    pub fn assign(&self, chars: &[char]) -> Vec<FontId> {
        let mut out = Vec::with_capacity(chars.len());
        let mut prev: Option<FontId> = None;
        for &c in chars {
            let id = match prev {
                Some(p) if attaches_to_previous(c) => p,
                _ => self.face_for(c).unwrap_or(FontId::Latin),
            };
            out.push(id);
            prev = Some(id);
        }
        out
    }

    /// Characters of `text` that no embedded face has (whitespace, controls and joiners
    /// excepted), each once, in order of first appearance.
    pub fn missing_chars(&self, text: &str) -> Vec<char> {
        let mut seen = std::collections::BTreeSet::new();
        let mut out = Vec::new();
        for c in text.chars() {
            if c.is_whitespace() || c.is_control() || is_default_ignorable(c) {
                continue;
            }
            if self.face_for(c).is_none() && seen.insert(c) {
                out.push(c);
            }
        }
        out
    }
}

/// Whether `c` belongs with the character before it (combining marks, joiners, selectors).
fn attaches_to_previous(c: char) -> bool {
    matches!(
        get_general_category(c),
        GeneralCategory::NonspacingMark | GeneralCategory::EnclosingMark | GeneralCategory::SpacingMark
    ) || is_default_ignorable(c)
}

/// Format characters the shaper hides: ZWNJ, ZWJ, bidi marks, variation selectors.
fn is_default_ignorable(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{00AD}' | '\u{061C}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_letters_and_harakat_use_the_arabic_face() {
        let fonts = Fonts::new().unwrap();
        let chars: Vec<char> = "بِسْمِ".chars().collect();
        assert!(fonts.assign(&chars).iter().all(|&f| f == FontId::Arabic));
    }

    #[test]
    fn latin_letters_use_the_latin_face() {
        let fonts = Fonts::new().unwrap();
        let chars: Vec<char> = "Reuters".chars().collect();
        assert!(fonts.assign(&chars).iter().all(|&f| f == FontId::Latin));
    }

    #[test]
    fn missing_chars_are_reported_once() {
        let fonts = Fonts::new().unwrap();
        assert_eq!(fonts.missing_chars("قال 😀 و😀 中 中"), vec!['中']);
        assert!(fonts.missing_chars("قال \"Reuters\" (25%) ٢٥ ،؟").is_empty());
    }

    #[test]
    fn emoji_in_a_tweet_use_the_emoji_face() {
        let fonts = Fonts::new().unwrap();
        let chars: Vec<char> = "عاجل 🔴 الآن ✅".chars().collect();
        let faces = fonts.assign(&chars);
        assert_eq!(faces[5], FontId::Emoji);
        assert_eq!(faces[12], FontId::Emoji);
        assert_eq!(faces[0], FontId::Arabic);
    }

    #[test]
    fn fonts_and_layouts_can_be_shared_between_threads() {
        fn shareable<T: Send + Sync>() {}
        shareable::<Fonts>();
        shareable::<crate::text::DocLayout>();
    }

    #[test]
    fn metrics_scale_with_size() {
        let fonts = Fonts::new().unwrap();
        let small = fonts.metrics(10.0);
        let big = fonts.metrics(20.0);
        assert!(small.ascent > 0.0 && small.descent > 0.0);
        assert!((big.line_height() - 2.0 * small.line_height()).abs() <= 2.0);
        // Whole pixels, as in a browser: Noto Naskh at 22 px has a 38 px line.
        assert_eq!(fonts.metrics(22.0).line_height(), 38.0);
    }
}
