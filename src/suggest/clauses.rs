//! Claims and denials: cue words (attribution verbs, source phrases, denial verbs and
//! phrases) and the clause each one covers.
//!
//! Claims (`attribution.txt`, `sources.txt`):
//! - an attribution verb in any person or tense, with clitics (وقالت, يؤكدون, مشيراً),
//!   suggests a claim over what follows the first أن / إن (بأن, أنه ...), opening quote
//!   or colon after it in the same sentence, to the end of the clause; verbs that report
//!   through their object (اتهم) take what follows them directly;
//! - a source phrase (وفق, بحسب, نقلاً عن) suggests the rest of the sentence after the
//!   comma that closes the source, or the part before it when the source comes last.
//!
//! Denials (`denials.txt`): a denial verb (نفى, أنكر, كذّب, دحض, فنّد), a verb such as
//! رفض followed by an object such as الاتهامات, or a phrase (لا صحة, عارية عن الصحة, غير
//! صحيح, ملفقة) suggests a denial over its clause.
//!
//! A negated cue (لم تؤكد, لا ينفي) suggests nothing. A clause ends at the end of the
//! sentence, or at a comma (or semicolon) followed by another cue (مضيفاً, وفق, ...).

use super::lexicon::{Lexicon, Reports};
use super::words::{Tok, cut_has_article};
use crate::model::CharRange;

/// A claim or denial found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    pub range: CharRange,
    pub rule: &'static str,
}

/// Words that negate the verb right after them (قد may stand between).
const NEGATIONS: &[&str] =
    &["لم", "لن", "لا", "ما", "ليس", "ليست", "غير", "دون", "عدم", "ولم", "ولا", "فلم", "فلا", "ولن"];

/// Adverbs that may stand between the words of a denial phrase.
const ADVERBS: &[&str] = &["تماما", "كليا", "اطلاقا", "بتاتا", "قطعيا", "جمله", "بالمطلق", "اصلا"];

/// أن / إن with the clitics and pronouns they take when they open reported content.
fn opens_content(word: &str) -> bool {
    let rest = ["ب", "و", "ف"]
        .iter()
        .find_map(|p| word.strip_prefix(p))
        .filter(|r| r.starts_with("ان"))
        .unwrap_or(word);
    matches!(rest, "ان" | "انه" | "انها" | "انهم" | "انهما" | "انهن" | "اننا" | "انني" | "انكم")
}

struct Scan<'a> {
    toks: &'a [Tok],
    lex: &'a Lexicon,
}

impl Scan<'_> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn same(&self, i: usize, sentence: usize) -> Option<&Tok> {
        self.tok(i).filter(|t| t.sentence == sentence)
    }

    /// The verb form this word is, clitics (و ف ل س) off, never with the article.
    fn verb(&self, word: &str, mut set: impl FnMut(&str) -> bool) -> bool {
        if set(word) {
            return true;
        }
        ["و", "ف", "ل", "س", "وس", "فس", "ول", "فل"]
            .iter()
            .filter_map(|p| word.strip_prefix(p))
            .any(|r| r.chars().count() >= 2 && set(r))
    }

    fn attribution(&self, word: &str) -> Option<Reports> {
        let mut found = None;
        self.verb(word, |w| {
            found = found.or(self.lex.attribution.get(w).copied());
            found.is_some()
        });
        found
    }

    /// True when the cue at `i` is negated (لم تؤكد, لا ينفي, لم يكن قد أكد).
    fn negated(&self, i: usize) -> bool {
        let Some(tok) = self.tok(i) else { return false };
        let mut k = i;
        for _ in 0..3 {
            let Some(p) = k.checked_sub(1).and_then(|p| self.same(p, tok.sentence)) else { return false };
            k -= 1;
            if NEGATIONS.contains(&p.folded.as_str()) {
                return true;
            }
            if !matches!(p.folded.as_str(), "قد" | "وقد" | "فقد" | "يكن" | "تكن") {
                return false;
            }
        }
        false
    }

    /// True when a clause mark at `k` is followed by another cue, so the clause ends there.
    fn cue_after(&self, k: usize) -> bool {
        let Some(mark) = self.tok(k) else { return false };
        let Some(next) = self.same(k + 1, mark.sentence).filter(|t| t.is_word()) else { return false };
        self.attribution(&next.folded).is_some() || self.source_at(k + 1).is_some() || next.folded == "حسبما"
    }

    /// The last token of the clause that starts at or after `from`: before a clause mark
    /// followed by another cue, or the sentence end (its final mark left out).
    fn clause_end(&self, from: usize) -> Option<usize> {
        let sentence = self.tok(from)?.sentence;
        let mut last = None;
        let mut k = from;
        while let Some(t) = self.same(k, sentence) {
            if t.is_clause_mark() && self.cue_after(k) {
                break;
            }
            last = Some(k);
            k += 1;
        }
        // Leave out trailing punctuation other than closing quotes and brackets.
        while let Some(l) = last.filter(|&l| l >= from) {
            let t = self.tok(l)?;
            if t.punct().is_some_and(|c| !matches!(c, '»' | '”' | '"' | ')' | '’' | '\'')) {
                last = l.checked_sub(1).filter(|&p| p >= from);
            } else {
                break;
            }
        }
        last
    }

    fn span(&self, from: usize, to: usize) -> Option<CharRange> {
        let (a, b) = (self.tok(from)?, self.tok(to)?);
        (to >= from).then_some(CharRange { start: a.range.start, end: b.range.end })
    }

    /// A source phrase starting at `i`: the index after it.
    fn source_at(&self, i: usize) -> Option<usize> {
        let first = self.tok(i)?;
        let head = std::iter::once(first.folded.as_str())
            .chain(["و", "ف", "ب"].iter().filter_map(|p| first.folded.strip_prefix(p)))
            .find_map(|w| self.lex.source_heads.get(w))?;
        head.iter().filter_map(|&n| self.lex.sources.get(n)).find_map(|phrase| {
            let tail = phrase.get(1..)?;
            for (n, word) in tail.iter().enumerate() {
                if self.same(i + 1 + n, first.sentence)?.folded != *word {
                    return None;
                }
            }
            Some(i + 1 + tail.len())
        })
    }

    /// A claim at the attribution verb at `i`.
    fn claim_at_verb(&self, i: usize, reports: Reports) -> Option<CharRange> {
        let verb = self.tok(i)?;
        let start = match reports {
            Reports::Object => i + 1,
            Reports::Content => {
                let mut k = i + 1;
                let mut found = None;
                while let Some(t) = self.same(k, verb.sentence) {
                    if k > i + 25 {
                        break;
                    }
                    if t.is_word() && opens_content(&t.folded) {
                        found = Some(k + 1);
                        break;
                    }
                    if t.punct() == Some(':') {
                        found = Some(k + 1);
                        break;
                    }
                    if t.is_open_quote() {
                        // A short quoted name (لـ"رويترز") is passed over; a quotation is the content.
                        let close =
                            (k + 1..k + 6).find(|&c| self.same(c, verb.sentence).is_some_and(Tok::is_quote));
                        match close {
                            Some(c) => {
                                k = c + 1;
                                continue;
                            }
                            None => {
                                found = Some(k);
                                break;
                            }
                        }
                    }
                    if t.is_word() && k > i + 1 && self.attribution(&t.folded).is_some() {
                        break;
                    }
                    k += 1;
                }
                match found {
                    Some(found) => found,
                    None => self.opener_after(i, verb.sentence)?,
                }
            }
        };
        let start = self.skip_opening(start, verb.sentence)?;
        let end = self.clause_end(start)?;
        self.span(start, end)
    }

    /// The start of what a verb at `i` reports through an opener (`openers` in
    /// `attribution.txt`): after إلى, or at a word such as بمقتل.
    fn opener_after(&self, i: usize, sentence: usize) -> Option<usize> {
        (i + 1..i + 12).take_while(|&k| self.same(k, sentence).is_some()).find_map(|k| {
            let t = self.same(k, sentence)?;
            if !t.is_word() || !self.lex.openers.contains(&t.folded) {
                return None;
            }
            if t.folded == "الي" { self.same(k + 1, sentence).map(|_| k + 1) } else { Some(k) }
        })
    }

    /// Skips a colon or an opening quote at `k` only when it is not all there is.
    fn skip_opening(&self, k: usize, sentence: usize) -> Option<usize> {
        let t = self.same(k, sentence)?;
        if t.punct() == Some(':') { self.same(k + 1, sentence).map(|_| k + 1) } else { Some(k) }
    }

    /// A claim reported through the source phrase at `i`..`after`.
    fn claim_at_source(&self, i: usize, after: usize) -> Option<CharRange> {
        let tok = self.tok(i)?;
        // Source first: وفق غراسيموف، فإن ...
        let mut k = after;
        while let Some(t) = self.same(k, tok.sentence) {
            if k > after + 12 {
                break;
            }
            if t.is_clause_mark() {
                let mut start = k + 1;
                if let Some(w) = self.same(start, tok.sentence)
                    && matches!(w.folded.as_str(), "فان" | "فانه" | "فانها" | "فقد")
                {
                    start += 1;
                }
                let end = self.clause_end(start)?;
                return self.span(start, end);
            }
            k += 1;
        }
        // Source last: ...، وفق وكالة أسوشيتد برس (or with no comma, after three words or more).
        let mut start = i;
        while start > 0 && self.same(start - 1, tok.sentence).is_some() {
            start -= 1;
        }
        let comma =
            i.checked_sub(1).and_then(|p| self.same(p, tok.sentence)).is_some_and(Tok::is_clause_mark);
        let end = if comma { i.checked_sub(2)? } else { i.checked_sub(1)? };
        if !comma && i < start + 3 {
            return None;
        }
        self.span(start, end).filter(|r| !r.is_empty())
    }

    /// The denial cue at `i`: the index after the cue, and whether the clause starts at the
    /// cue (verbs) or before it (phrases).
    fn denial_at(&self, i: usize) -> Option<(usize, bool)> {
        let tok = self.tok(i)?;
        if !tok.is_word() {
            return None;
        }
        if self.verb(&tok.folded, |w| self.lex.denial_verbs.contains(w)) {
            return Some((i + 1, true));
        }
        if self.verb(&tok.folded, |w| self.lex.denial_needs.contains(w)) {
            let object = (i + 1..i + 7)
                .filter_map(|k| self.same(k, tok.sentence))
                .any(|t| t.reads_in(&self.lex.denial_objects));
            return object.then_some((i + 1, true));
        }
        let heads: Vec<&Vec<usize>> = tok
            .reads()
            .filter(|(_, w)| !cut_has_article(&tok.folded, w))
            .filter_map(|(_, w)| self.lex.denial_heads.get(w))
            .collect();
        heads.into_iter().flatten().filter_map(|&n| self.lex.denial_phrases.get(n)).find_map(|phrase| {
            let tail = phrase.get(1..)?;
            let mut k = i + 1;
            for word in tail {
                // Adverbs may stand inside a phrase: عارية تماماً عن الصحة.
                while self.same(k, tok.sentence).is_some_and(|t| ADVERBS.contains(&t.folded.as_str())) {
                    k += 1;
                }
                let t = self.same(k, tok.sentence)?;
                if t.folded != *word && !t.reads().any(|(_, w)| w == word) {
                    return None;
                }
                k += 1;
            }
            Some((k, false))
        })
    }

    /// Where the clause holding a denial phrase at `i` starts: after the last أن / إن or
    /// clause mark before it in the sentence.
    fn clause_start(&self, i: usize) -> usize {
        let Some(tok) = self.tok(i) else { return i };
        let mut k = i;
        while let Some(p) = k.checked_sub(1).and_then(|p| self.same(p, tok.sentence)) {
            if p.is_clause_mark() || p.punct() == Some(':') || (p.is_word() && opens_content(&p.folded)) {
                break;
            }
            k -= 1;
        }
        k
    }
}

/// Every attributed claim in the text, in order.
pub fn claims(toks: &[Tok], lex: &Lexicon) -> Vec<Cue> {
    let scan = Scan { toks, lex };
    let mut out = Vec::new();
    for (i, tok) in toks.iter().enumerate() {
        if !tok.is_word() {
            continue;
        }
        let found = if let Some(reports) = scan.attribution(&tok.folded) {
            if scan.negated(i) {
                continue;
            }
            scan.claim_at_verb(i, reports).map(|r| (r, "claim:verb"))
        } else if let Some(after) = scan.source_at(i) {
            if scan.negated(i) {
                continue;
            }
            scan.claim_at_source(i, after).map(|r| (r, "claim:source"))
        } else {
            None
        };
        if let Some((range, rule)) = found {
            out.push(Cue { range, rule });
        }
    }
    out
}

/// Every denial in the text, in order.
pub fn denials(toks: &[Tok], lex: &Lexicon) -> Vec<Cue> {
    let scan = Scan { toks, lex };
    let mut out = Vec::new();
    for i in 0..toks.len() {
        let Some((after, from_cue)) = scan.denial_at(i) else { continue };
        if scan.negated(i) {
            continue;
        }
        let start = if from_cue { i } else { scan.clause_start(i) };
        let end = scan.clause_end(after).unwrap_or(after.saturating_sub(1)).max(after.saturating_sub(1));
        if let Some(range) = scan.span(start, end) {
            let rule = if from_cue { "denial:verb" } else { "denial:phrase" };
            out.push(Cue { range, rule });
        }
    }
    out
}
