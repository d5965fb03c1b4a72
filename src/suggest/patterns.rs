//! Project patterns ([`crate::model::Pattern`]): a phrase per label, found with the
//! folding search uses ([`crate::model::search::SearchIndex`]: harakat and tatweel
//! ignored, alef forms alike, Latin case ignored), as whole words (clitics و ف ب ل ك may
//! be attached in front). A pattern marked `regex` is a regular expression over the same
//! folded text; this build does not match regular expressions yet and skips them.

use crate::model::search::SearchIndex;
use crate::model::{CharRange, Pattern};

/// Every hit of the project's phrase patterns in `text`, with the pattern that found it.
pub fn find<'p>(text: &str, patterns: &'p [Pattern]) -> Vec<(CharRange, &'p Pattern)> {
    if patterns.is_empty() {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    let index = SearchIndex::new(text);
    let mut out = Vec::new();
    for pattern in patterns.iter().filter(|p| !p.regex) {
        for hit in index.find_all(&pattern.phrase) {
            if whole_words(&chars, hit) {
                out.push((hit, pattern));
            }
        }
    }
    out
}

/// True when the hit neither starts nor ends inside a word (a clitic in front is allowed).
fn whole_words(chars: &[char], hit: CharRange) -> bool {
    let letter = |i: usize| chars.get(i).is_some_and(|c| c.is_alphanumeric());
    let after_ok = !letter(hit.end.0);
    let mut start = hit.start.0;
    let mut clitics = 0;
    while start > 0 && letter(start - 1) {
        let Some(&c) = chars.get(start - 1) else { break };
        if clitics < 2 && matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك') {
            clitics += 1;
            start -= 1;
        } else {
            return false;
        }
    }
    after_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LabelId, slice_chars};

    fn pattern(label: &str, phrase: &str) -> Pattern {
        Pattern { label: LabelId::new(label), phrase: phrase.into(), regex: false }
    }

    #[test]
    fn phrases_match_folded_whole_words() {
        let text = "قال المرصد السوري لحقوق الإنسان إن ... وأفاد بالمرصد السّوري، والمرصدية";
        let patterns = [pattern("claim", "المرصد السوري")];
        let hits = find(text, &patterns);
        assert_eq!(hits.len(), 2, "{hits:?}");
        assert_eq!(slice_chars(text, hits[1].0).unwrap(), "المرصد السّوري");
        assert!(find("المرصديةالسوري", &patterns).is_empty());
    }

    #[test]
    fn regex_patterns_are_skipped() {
        let patterns = [Pattern { regex: true, ..pattern("figure", "\\d+") }];
        assert!(find("12", &patterns).is_empty());
    }
}
