//! The text as the rules see it: the project's tokens ([`crate::model::tokens`]) with each
//! word folded as search folds it ([`crate::model::search::fold`]: harakat, tatweel and
//! bidi marks dropped, alef forms alike, Latin lower-cased), plus two spelling variants
//! common in news text (ى = ي, ة = ه), and the attached clitics (و ف ب ل ك, ال) that can
//! be taken off a word before it is looked up in a lexicon.

use crate::model::CharRange;
use crate::model::search;
use crate::model::tokens::{self, TokenKind};

/// Folds a string for lexicon matching.
pub fn fold(text: &str) -> String {
    text.chars().filter_map(search::fold).map(fold_more).collect()
}

fn fold_more(c: char) -> char {
    match c {
        '\u{0649}' => '\u{064A}', // ى -> ي
        '\u{0629}' => '\u{0647}', // ة -> ه
        c => c,
    }
}

/// One token of the text with its folded form.
#[derive(Clone, Debug)]
pub struct Tok {
    pub range: CharRange,
    pub kind: TokenKind,
    /// Folded text (for punctuation: the character itself).
    pub folded: String,
    /// True when whitespace (or the start of the text) comes right before the token.
    pub spaced_before: bool,
    /// Index of the sentence the token belongs to.
    pub sentence: usize,
    /// The [`readings`] of a word, as (letters taken off, byte offset into `folded`); the
    /// first `n_cuts` are used. Held inline: a word has at most five readings (nothing,
    /// or one to four letters taken off), and a text has millions of words.
    cuts: [(u8, u8); MAX_CUTS],
    n_cuts: u8,
}

/// The most readings a word can have (see [`Tok::cuts`]).
const MAX_CUTS: usize = 5;

impl Tok {
    /// The word's [`readings`], computed once when the text was tokenized.
    pub fn reads(&self) -> impl Iterator<Item = (usize, &str)> {
        self.cuts
            .get(..usize::from(self.n_cuts))
            .unwrap_or(&[])
            .iter()
            .filter_map(|&(letters, at)| Some((usize::from(letters), self.folded.get(usize::from(at)..)?)))
    }

    /// True when some reading is in `set`.
    pub fn reads_in(&self, set: &ahash::AHashSet<String>) -> bool {
        self.reads().any(|(_, w)| set.contains(w))
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_number(&self) -> bool {
        self.kind == TokenKind::Number
    }

    /// The punctuation character, for a punctuation token.
    pub fn punct(&self) -> Option<char> {
        if self.kind == TokenKind::Punct { self.folded.chars().next() } else { None }
    }

    /// True for `،` `,` `؛` `;` `:`: marks that can close a clause.
    pub fn is_clause_mark(&self) -> bool {
        matches!(self.punct(), Some('\u{060C}' | ',' | '\u{061B}' | ';'))
    }

    /// True for an opening quotation mark.
    pub fn is_open_quote(&self) -> bool {
        matches!(self.punct(), Some('«' | '“' | '"' | '„' | '\''))
    }

    /// True for any quotation mark.
    pub fn is_quote(&self) -> bool {
        matches!(self.punct(), Some('«' | '»' | '“' | '”' | '"' | '„' | '\'' | '‘' | '’'))
    }
}

/// The tokens of `text` with their folded forms and sentence numbers.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (n, sentence) in tokens::sentences(text).into_iter().enumerate() {
        for token in sentence {
            let raw = chars.get(token.range.start.0..token.range.end.0).unwrap_or(&[]);
            let before = token.range.start.0.checked_sub(1).and_then(|i| chars.get(i));
            let folded: String = raw.iter().copied().filter_map(search::fold).map(fold_more).collect();
            let (cuts, n_cuts) =
                if token.kind == TokenKind::Word { cuts_of(&folded) } else { ([(0, 0); MAX_CUTS], 0) };
            out.push(Tok {
                range: token.range,
                kind: token.kind,
                folded,
                spaced_before: before.is_none_or(|c| c.is_whitespace()),
                sentence: n,
                cuts,
                n_cuts,
            });
        }
    }
    out
}

/// The [`readings`] of a folded word as (letters taken off, byte offset), in the same
/// order, without allocating.
fn cuts_of(word: &str) -> ([(u8, u8); MAX_CUTS], u8) {
    let mut out = [(0u8, 0u8); MAX_CUTS];
    let mut n = 0usize;
    let total = word.chars().count();
    let mut push = |letters: usize, rest: &str| {
        let (Ok(letters), Ok(at)) = (u8::try_from(letters), u8::try_from(word.len() - rest.len())) else {
            return;
        };
        let seen = out.get(..n).is_some_and(|o| o.iter().any(|&(_, a)| a == at));
        if !seen && let Some(slot) = out.get_mut(n) {
            *slot = (letters, at);
            n += 1;
        }
    };
    push(0, word);
    // The same clitics, in the same order, as `readings`.
    for (conj, c) in [("", 0), ("و", 1), ("ف", 1)] {
        let Some(a) = word.strip_prefix(conj) else { continue };
        for (prep, p) in [("", 0), ("ب", 1), ("ك", 1), ("ل", 1)] {
            let Some(b) = a.strip_prefix(prep) else { continue };
            let articles: &[(&str, usize)] =
                if prep == "ل" { &[("", 0), ("ال", 2), ("ل", 1)] } else { &[("", 0), ("ال", 2)] };
            for &(article, t) in articles {
                let Some(rest) = b.strip_prefix(article) else { continue };
                let taken = c + p + t;
                if total >= taken + 2 {
                    push(taken, rest);
                }
            }
        }
    }
    (out, u8::try_from(n).unwrap_or(0))
}

/// The ways a folded word can be read with its leading clitics taken off, longest word
/// first: the word itself, then without و/ف, then without ب/ل/ك, then without ال (and
/// لل = ل + ال). Each entry is (number of letters taken off, what remains); what remains
/// always has at least two letters.
pub fn readings(word: &str) -> Vec<(usize, &str)> {
    let total = word.chars().count();
    let mut out = vec![(0, word)];
    for conj in ["", "و", "ف"] {
        let Some(a) = word.strip_prefix(conj) else { continue };
        for prep in ["", "ب", "ك", "ل"] {
            let Some(b) = a.strip_prefix(prep) else { continue };
            // After ل the article loses its alef: لل = ل + ال.
            let articles: &[&str] = if prep == "ل" { &["", "ال", "ل"] } else { &["", "ال"] };
            for article in articles {
                let Some(rest) = b.strip_prefix(article) else { continue };
                let left = rest.chars().count();
                if left >= 2 && !out.iter().any(|&(_, w)| w == rest) {
                    out.push((total - left, rest));
                }
            }
        }
    }
    out
}

/// True when the clitics taken off `word` to leave `rest` (one of its [`readings`]) end
/// with the article ال (or لل).
pub fn cut_has_article(word: &str, rest: &str) -> bool {
    word.len() > rest.len()
        && word.get(..word.len() - rest.len()).is_some_and(|p| p.ends_with("ال") || p.ends_with("لل"))
}

/// True when some reading of the folded word takes an article off it.
pub fn has_article(word: &str) -> bool {
    readings(word).iter().any(|&(_, rest)| cut_has_article(word, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_matches_search_and_spelling_variants() {
        assert_eq!(fold("إحدى"), fold("احدي"));
        assert_eq!(fold("مائةٌ"), fold("مائه"));
        assert_eq!(fold("قتيلاً"), "قتيلا");
        assert_eq!(fold("صرّح"), "صرح");
        assert_eq!(fold("أعـــلن"), "اعلن");
    }

    #[test]
    fn clitics_come_off_in_order() {
        let r: Vec<&str> = readings("وبالعشرين").into_iter().map(|(_, w)| w).collect();
        assert!(r.contains(&"عشرين"), "{r:?}");
        let r: Vec<&str> = readings("للقرار").into_iter().map(|(_, w)| w).collect();
        assert!(r.contains(&"قرار"), "{r:?}");
        // Never fewer than two letters left.
        assert_eq!(readings("وب"), vec![(0, "وب")]);
        assert!(has_article("والعشرين"));
        assert!(has_article("الثلاثه"));
        assert!(!has_article("ثلاثه"));
    }

    #[test]
    fn inline_cuts_are_the_readings() {
        for word in
            ["وبالعشرين", "للقرار", "والقرار", "فلل", "وب", "ب", "الحكومه", "ولكن", "كالعاده", "فالل", "x"]
        {
            let tok = tokenize(word).into_iter().next().unwrap();
            let inline: Vec<(usize, &str)> = tok.reads().collect();
            assert_eq!(inline, readings(word), "{word}");
        }
    }

    #[test]
    fn tokens_know_spacing_and_sentences() {
        let toks = tokenize("قتل 12. و14 جريحا");
        assert_eq!(toks.len(), 6);
        assert!(toks[1].spaced_before);
        assert_eq!(toks[2].punct(), Some('.'));
        assert_eq!(toks[3].sentence, 1);
        assert!(!toks[4].spaced_before);
    }
}
