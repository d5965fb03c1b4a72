//! Short interface texts (menu entries, buttons, names in lists) prepared for a toolkit that
//! shapes runs of one font but lays the runs out left to right in logical order, as egui's
//! labels do: an Arabic word comes out joined, but the words of an Arabic sentence and its
//! numbers come out in the wrong order.
//!
//! [`for_display`] puts each line in visual order with the Unicode bidirectional algorithm
//! (the same rules as the document view), mirrors brackets in right-to-left runs, and turns
//! every stretch of Arabic-script characters back to logical order, because the shaper
//! reverses such a stretch itself when it shapes it right to left. Such a text is meant to be
//! drawn on one line: a toolkit that wraps it would stack its lines in the wrong order.
//! [`wrap_for_display`] therefore breaks a text into lines in logical order first (UAX #14
//! opportunities, widths measured by the caller), then puts each line in visual order with
//! the direction of its whole paragraph, as a browser shows a `dir=auto` paragraph.

use super::reorder::visual_runs;
use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo};

/// `text` in the order a left-to-right run layout must be given to show it as a browser
/// does. Text without right-to-left characters comes back unchanged.
pub fn for_display(text: &str) -> String {
    if !text.chars().any(is_rtl) {
        return text.to_string();
    }
    text.split('\n').map(line_for_display).collect::<Vec<_>>().join("\n")
}

fn line_for_display(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let bidi = ParagraphBidiInfo::new(line, None);
    let bytes: Vec<usize> = line.char_indices().map(|(b, _)| b).collect();
    let levels: Vec<Level> =
        bytes.iter().map(|&b| bidi.levels.get(b).copied().unwrap_or(bidi.paragraph_level)).collect();
    let classes: Vec<BidiClass> =
        bytes.iter().map(|&b| bidi.original_classes.get(b).copied().unwrap_or(BidiClass::WS)).collect();
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    for (range, level) in visual_runs(&levels, &classes, bidi.paragraph_level, 0) {
        let run = chars.get(range).unwrap_or(&[]);
        if level.is_rtl() {
            out.extend(run.iter().rev().map(|&c| mirror(c)));
        } else {
            out.extend_from_slice(run);
        }
    }
    // The bidi controls have done their work and have no glyph; they go before the stretches
    // are found, so a letter joined to an isolated argument ("و" + "رابط") is one stretch.
    out.retain(|c| !is_bidi_control(*c));
    // The shaper reverses each stretch of Arabic script it shapes right to left.
    let mut i = 0;
    while i < out.len() {
        if out.get(i).copied().is_some_and(is_arabic_script) {
            let mut j = i;
            while out.get(j).copied().is_some_and(is_arabic_script) {
                j += 1;
            }
            if let Some(stretch) = out.get_mut(i..j) {
                stretch.reverse();
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out.into_iter().collect()
}

/// A paragraph broken into lines for a toolkit that draws each line as given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrappedParagraph {
    /// Right to left (its first strong character): the lines go right-aligned.
    pub rtl: bool,
    /// The lines from top to bottom, each in visual order (see [`for_display`]).
    pub lines: Vec<String>,
}

/// `text` broken into lines no wider than `max_width` (as `width` measures a line in visual
/// order), one [`WrappedParagraph`] per `\n`-separated paragraph. Lines are filled in
/// logical order, so the first words of a paragraph are on its top line whatever its
/// direction; a word wider than `max_width` gets a line of its own.
pub fn wrap_for_display(
    text: &str,
    max_width: f32,
    mut width: impl FnMut(&str) -> f32,
) -> Vec<WrappedParagraph> {
    text.split('\n')
        .map(|paragraph| {
            let rtl = unicode_bidi::get_base_direction(paragraph) == unicode_bidi::Direction::Rtl;
            // Each line keeps its paragraph's direction, whatever its own first letter.
            let mark = if rtl { '\u{200F}' } else { '\u{200E}' };
            let show = |line: &str| {
                for_display(&format!("{mark}{}", line.trim_end())).replace(['\u{200E}', '\u{200F}'], "")
            };
            let mut lines = Vec::new();
            let mut start = 0;
            let mut end = 0;
            for (at, kind) in unicode_linebreak::linebreaks(paragraph) {
                let fits = paragraph.get(start..at).is_some_and(|line| width(&show(line)) <= max_width);
                if !fits && end > start {
                    lines.push(show(paragraph.get(start..end).unwrap_or("")));
                    start = end;
                }
                end = at;
                if kind == unicode_linebreak::BreakOpportunity::Mandatory {
                    break;
                }
            }
            if end > start || lines.is_empty() {
                lines.push(show(paragraph.get(start..end).unwrap_or("")));
            }
            WrappedParagraph { rtl, lines }
        })
        .collect()
}

/// Marks that only steer the bidi algorithm (LRM, RLM, embeddings, isolates).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` reads right to left (Hebrew, Arabic and their presentation forms).
pub fn is_rtl(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Whether `c` is drawn from the Arabic font, so the shaper takes it into an Arabic run.
fn is_arabic_script(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// The mirrored form of a bracket in a right-to-left run.
fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::{for_display, wrap_for_display};

    /// A width of one per character.
    fn chars(line: &str) -> f32 {
        line.chars().count() as f32
    }

    #[test]
    fn a_wrapped_arabic_sentence_reads_from_the_top_line_down() {
        // "the first word, then the second, and after it the third": lines of 14 at most.
        let text = "الكلمة الأولى ثم الثانية وبعدها الثالثة";
        let wrapped = wrap_for_display(text, 14.0, chars);
        assert_eq!(wrapped.len(), 1);
        assert!(wrapped[0].rtl);
        let lines = &wrapped[0].lines;
        assert_eq!(lines, &["الأولى الكلمة", "الثانية ثم", "الثالثة وبعدها"], "{lines:?}");
        // Read right to left, top to bottom, the lines give the sentence back.
        let read: Vec<String> =
            lines.iter().map(|l| l.split(' ').rev().collect::<Vec<_>>().join(" ")).collect();
        assert_eq!(read.join(" "), text);
    }

    #[test]
    fn a_line_keeps_its_paragraphs_direction_and_latin_text_wraps_as_usual() {
        // The second line starts with a Latin word but belongs to an Arabic paragraph.
        let wrapped = wrap_for_display("احفظ الملف Ctrl+S الآن", 11.0, chars);
        assert_eq!(wrapped[0].lines, ["الملف احفظ", "الآن Ctrl+S"]);
        let latin = wrap_for_display("Save the file now\nThen close", 9.0, chars);
        assert_eq!(latin.len(), 2);
        assert!(!latin[0].rtl);
        assert_eq!(latin[0].lines, ["Save the", "file now"]);
        assert_eq!(latin[1].lines, ["Then", "close"]);
        // A word wider than the line still gets a line; an empty text one empty line.
        assert_eq!(wrap_for_display("abcdefghij x", 4.0, chars)[0].lines, ["abcdefghij", "x"]);
        assert_eq!(wrap_for_display("", 4.0, chars)[0].lines, [""]);
    }

    #[test]
    fn latin_text_is_unchanged() {
        assert_eq!(for_display("Save as… (Ctrl+S)"), "Save as… (Ctrl+S)");
    }

    #[test]
    fn arabic_words_come_in_visual_order_each_kept_for_the_shaper() {
        // Regression: a title shown as العاجلة الأخبار.
        assert_eq!(for_display("الأخبار العاجلة"), "العاجلة الأخبار");
        assert_eq!(for_display("عدد 123 مرحبا"), "مرحبا 123 عدد");
        assert_eq!(for_display("ملف"), "ملف");
    }

    #[test]
    fn brackets_are_mirrored_and_latin_runs_keep_their_order() {
        assert_eq!(for_display("حفظ باسم… (Ctrl+S)"), "(Ctrl+S) …باسم حفظ");
        assert_eq!(for_display("(مثلاً 120 كم)"), "(كم 120 مثلاً)");
    }

    #[test]
    fn an_isolated_path_keeps_its_order_and_loses_the_marks() {
        assert_eq!(for_display("فُتح \u{2068}/tmp/a.ron\u{2069} الآن"), "الآن /tmp/a.ron فُتح");
    }

    #[test]
    fn a_letter_joined_to_an_isolated_argument_stays_with_it() {
        // Regression: "و{ $links }" with "رابط واحد" came out as "رابطو واحد".
        assert_eq!(for_display("مقاطع و\u{2068}رابط واحد\u{2069}"), "واحد ورابط مقاطع");
    }

    #[test]
    fn arabic_indic_digits_stay_with_the_arabic_run() {
        // One Arabic-font run, reversed as a whole by the shaper: given reversed here.
        assert_eq!(for_display("قتل ١٢"), "٢١ قتل");
    }
}
