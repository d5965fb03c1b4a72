//! Arabic-aware search: matching ignores harakat and tatweel and treats the alef forms
//! (أ إ آ ٱ ا) alike, so `مسلحين` finds `مسلّحين`. Hits are code-point ranges over the
//! original text.

use super::CharRange;

/// Folds one character for matching; `None` means the character is ignored. The
/// suggestion rules match their lexicons with this same folding.
pub fn fold(c: char) -> Option<char> {
    match c {
        // Harakat, shadda, sukun, superscript alef, Quranic marks, tatweel.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}' => None,
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => Some('\u{0627}'),
        // Bidi controls and joiners never matter to a search.
        '\u{200C}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => None,
        // Arabic has no case: skip the lowercase tables for it.
        c @ '\u{0600}'..='\u{06FF}' => Some(c),
        c => c.to_lowercase().next(),
    }
}

/// A text prepared for searching: folded characters and where each came from.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    folded: Vec<char>,
    /// Code point offset in the original text of each folded character.
    origin: Vec<usize>,
    len: usize,
}

impl SearchIndex {
    pub fn new(text: &str) -> Self {
        let mut folded = Vec::with_capacity(text.len() / 2);
        let mut origin = Vec::with_capacity(text.len() / 2);
        let mut len = 0;
        for (i, c) in text.chars().enumerate() {
            if let Some(f) = fold(c) {
                folded.push(f);
                origin.push(i);
            }
            len = i + 1;
        }
        Self { folded, origin, len }
    }

    /// Every non-overlapping match of `query`, in order. A match extends over the
    /// ignored marks that follow its last letter, so a highlight covers whole letters.
    pub fn find_all(&self, query: &str) -> Vec<CharRange> {
        let needle: Vec<char> = query.chars().filter_map(fold).collect();
        if needle.is_empty() || needle.len() > self.folded.len() {
            return Vec::new();
        }
        let mut hits = Vec::new();
        let mut i = 0;
        while i + needle.len() <= self.folded.len() {
            if self.folded.get(i..i + needle.len()) == Some(needle.as_slice()) {
                let start = self.origin.get(i).copied().unwrap_or(0);
                let end = self.origin.get(i + needle.len()).copied().unwrap_or(self.len);
                hits.push(CharRange::new(start, end));
                i += needle.len();
            } else {
                i += 1;
            }
        }
        hits
    }
}

/// Convenience for one-off searches.
pub fn find_all(text: &str, query: &str) -> Vec<CharRange> {
    SearchIndex::new(text).find_all(query)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::slice_chars;

    #[test]
    fn shadda_and_harakat_are_ignored_both_ways() {
        let text = "هروب قادة داعش ومسلّحيه من الرقة";
        let hits = find_all(text, "مسلحيه");
        assert_eq!(hits.len(), 1);
        assert_eq!(slice_chars(text, hits[0]).unwrap(), "مسلّحيه");
        assert_eq!(find_all("هروب المسلحين", "مسلّحين").len(), 1);
    }

    #[test]
    fn alef_forms_and_tatweel_match() {
        let text = "أعلن التحالف الأميركي وإن الـقوات";
        assert_eq!(find_all(text, "اعلن").len(), 1);
        assert_eq!(find_all(text, "الاميركي").len(), 1);
        let hits = find_all(text, "ان");
        assert_eq!(hits.len(), 1);
        assert_eq!(slice_chars(text, hits[0]).unwrap(), "إن");
        assert_eq!(find_all(text, "القوات").len(), 1);
    }

    #[test]
    fn latin_is_case_insensitive_and_offsets_are_code_points() {
        let text = "قال ريان Dillon 👍 ثم dillon";
        let hits = find_all(text, "DILLON");
        assert_eq!(hits.len(), 2);
        for hit in hits {
            assert_eq!(slice_chars(text, hit).unwrap().to_lowercase(), "dillon");
        }
    }

    #[test]
    fn empty_queries_find_nothing() {
        assert!(find_all("نص", "").is_empty());
        assert!(find_all("نص", "ّ").is_empty());
        assert!(find_all("", "نص").is_empty());
    }
}
