//! Figures: a number (digits of any script, or number words) with what it counts, and
//! its value.
//!
//! - Digits: Western, Arabic-Indic (٠-٩) and Persian (۰-۹); `,` `٬` group thousands, `.`
//!   `٫` mark decimals. A scale word after them multiplies (`2.5 مليون`, `3 آلاف`).
//! - Number words (`number_words.txt`): units, teens, tens, hundreds, thousands, millions,
//!   billions, joined with و (`خمسة وعشرون`, `مليون ونصف`), with clitics (`بثلاثة`).
//!   A number in words needs a counted word after it, or several words, so `أحد`, `إحدى`
//!   and a lone `أربعة` are not figures.
//! - Duals of counted nouns stand for two (`عنصران`, `حالتي وفاة`, `dual_nouns.txt`).
//! - The span takes the counted word that follows (`قتيلاً`, `كم`, `من القوات ...`), a
//!   percent sign or `بالمئة` / `في المئة`, a clitic glued before the digits (`و14`), and an
//!   adjective of the counted word (`مدنياً`). The unit is that counted word as written.
//! - Not figures: clock times (`09:33`, `9 صباحاً`, `الساعة 9`), dates and years (`12 مايو`,
//!   `عام 1947`, `في 2015`, `12/5/2020`), numbers that name (`القرار 2254`, `كوفيد-19`,
//!   `F-16`), ordinals (never in the lexicon; `الحادي عشر`), and number words with the
//!   article (`الاثنين` is Monday).

use super::lexicon::{Lexicon, NumberKind};
use super::words::{Tok, cut_has_article};
use crate::model::CharRange;

/// A figure found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub range: CharRange,
    pub value: f64,
    pub unit: Option<String>,
    pub rule: &'static str,
}

/// Words made only of clitics, glued before digits (`و14`, `بـ12`).
const CLITIC_WORDS: &[&str] =
    &["و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "ال", "بال", "وال", "لل", "فال"];

/// Every figure in the text, in order.
pub fn find(chars: &[char], toks: &[Tok], lex: &Lexicon) -> Vec<Figure> {
    let finder = Finder { chars, toks, lex };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let found = match toks.get(i) {
            Some(t) if t.is_number() => finder.digits(i),
            Some(t) if t.is_word() => finder.words(i).or_else(|| finder.dual(i)),
            _ => None,
        };
        match found {
            Some((figure, next)) => {
                out.push(figure);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// The value of a run of digits with separators, in any of the three digit scripts.
pub fn parse_digits(raw: &str) -> Option<f64> {
    let mut ascii = String::with_capacity(raw.len());
    for c in raw.chars() {
        let c = match c {
            '0'..='9' | '.' | ',' => c,
            '\u{0660}'..='\u{0669}' => char::from_digit(c as u32 - 0x0660, 10)?,
            '\u{06F0}'..='\u{06F9}' => char::from_digit(c as u32 - 0x06F0, 10)?,
            '\u{066B}' => '.',
            '\u{066C}' => ',',
            _ => continue,
        };
        ascii.push(c);
    }
    // `,` groups thousands when every group after it has three digits; otherwise it is a
    // decimal comma (`2,5`). Several `.` with three-digit groups are thousands too.
    let groups_of_three = |sep: char| ascii.split(sep).skip(1).all(|g| g.len() == 3);
    let dots = ascii.matches('.').count();
    let normalized = if ascii.contains(',') && groups_of_three(',') {
        ascii.replace(',', "")
    } else if dots > 1 && groups_of_three('.') {
        ascii.replace('.', "").replace(',', ".")
    } else {
        ascii.replace(',', ".")
    };
    normalized.parse().ok()
}

struct Finder<'a> {
    chars: &'a [char],
    toks: &'a [Tok],
    lex: &'a Lexicon,
}

/// The number read from number words so far.
#[derive(Default)]
struct Reading {
    total: f64,
    current: f64,
    last_scale: f64,
    words: usize,
    last: Option<NumberKind>,
    has_scale: bool,
}

impl Finder<'_> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn surface(&self, range: CharRange) -> String {
        self.chars.get(range.start.0..range.end.0).unwrap_or(&[]).iter().collect()
    }

    /// True when the folded word, with clitics off, is in `set`.
    fn word_in(&self, tok: &Tok, set: &ahash::AHashSet<String>) -> bool {
        tok.reads_in(set)
    }

    /// The token before `i` in the same sentence.
    fn prev(&self, i: usize) -> Option<&Tok> {
        let t = self.tok(i)?;
        self.tok(i.checked_sub(1)?).filter(|p| p.sentence == t.sentence)
    }

    /// The token after `i` in the same sentence.
    fn next(&self, i: usize) -> Option<&Tok> {
        let t = self.tok(i)?;
        self.tok(i + 1).filter(|n| n.sentence == t.sentence)
    }

    /// A figure in digits starting at token `i`.
    fn digits(&self, i: usize) -> Option<(Figure, usize)> {
        let tok = self.tok(i)?;
        let raw = self.surface(tok.range);
        let mut value = parse_digits(&raw)?;
        if self.digits_name_something(i, &raw) {
            return None;
        }
        let mut start = tok.range.start;
        if let Some(prev) = self.prev(i).filter(|p| !tok.spaced_before && p.is_word())
            && CLITIC_WORDS.contains(&prev.folded.as_str())
        {
            start = prev.range.start;
        }
        let mut end = tok.range.end;
        let mut j = i + 1;
        // A scale word: 2.5 مليون, 3 آلاف.
        if let Some(next) = self.next(i).filter(|n| n.is_word())
            && let Some(word) = self.number_word(next)
            && matches!(word.kind, NumberKind::Scale | NumberKind::Scales)
        {
            let scale = word.value;
            value *= scale;
            end = next.range.end;
            j += 1;
            if let Some(half) =
                self.tok(j).filter(|t| t.sentence == tok.sentence && t.folded.starts_with('و'))
                && let Some(frac) = self.number_word(half).filter(|w| w.kind == NumberKind::Fraction)
            {
                value += scale * frac.value;
                end = half.range.end;
                j += 1;
            }
        }
        let (end, mut unit, next) = self.tail(j, end, tok.sentence);
        // The article glued before digits (الـ24 ساعة) makes them a reference, not a count.
        let article = start < tok.range.start
            && self.prev(i).is_some_and(|p| p.folded.ends_with("ال") || p.folded == "لل");
        if (value == 0.0 || article) && unit.is_none() {
            return None;
        }
        // A percent sign written before the digits: ٪45.
        if unit.is_none()
            && let Some(p) = self.prev(i).filter(|p| matches!(p.punct(), Some('%' | '\u{066A}')))
        {
            start = p.range.start;
            unit = Some("%".into());
        }
        let range = CharRange { start, end };
        Some((Figure { range, value, unit, rule: "figure:digits" }, next))
    }

    /// True when the digits at `i` are a time, a date, a year or part of a name.
    fn digits_name_something(&self, i: usize, raw: &str) -> bool {
        let Some(tok) = self.tok(i) else { return true };
        let prev = self.prev(i);
        // Glued to a word (C_Military1, كوفيد19) or to a joining mark (F-16, 12/5, 09:33, #1).
        if let Some(p) = prev.filter(|_| !tok.spaced_before) {
            if p.is_word() && !CLITIC_WORDS.contains(&p.folded.as_str()) {
                return true;
            }
            if matches!(p.punct(), Some('-' | '/' | ':' | '_' | '#' | '@' | '\\' | '.')) {
                return true;
            }
        }
        if let Some(n) = self.next(i)
            && matches!(n.punct(), Some(':' | '/' | '-' | '_'))
            && !n.spaced_before
            && self.next(i + 1).is_some_and(|d| d.is_number() && !d.spaced_before)
        {
            return true;
        }
        // The words before: names (القرار 2254), years and clock times (عام 1947, الساعة 9),
        // months (مايو 2020).
        let mut words_before: Vec<&Tok> = Vec::new();
        let mut k = i;
        while words_before.len() < 2
            && let Some(t) = k.checked_sub(1).and_then(|p| self.tok(p)).filter(|t| t.sentence == tok.sentence)
        {
            k -= 1;
            if t.is_word() {
                if !CLITIC_WORDS.contains(&t.folded.as_str()) {
                    words_before.push(t);
                }
            } else if !t.is_quote() {
                break;
            }
        }
        for (distance, word) in words_before.iter().enumerate() {
            let hit = word.reads().any(|(_, w)| {
                self.lex.names_before.get(w).is_some_and(|&scope| scope > distance)
                    || (distance == 0 && self.lex.time_words.contains(w))
            });
            if hit {
                return true;
            }
        }
        if let Some(n) = self.next(i).filter(|n| n.is_word())
            && self.word_in(n, &self.lex.time_words)
        {
            return true;
        }
        // A year: four digits from 1900 to 2100 not followed by what they count.
        let plain: String = raw.chars().filter(|c| c.is_numeric()).collect();
        if plain.chars().count() == 4 && plain.chars().count() == raw.chars().count() {
            let year = parse_digits(&plain).unwrap_or(0.0);
            if (1900.0..=2100.0).contains(&year) {
                let counted = self.next(i).filter(|n| n.is_word()).is_some_and(|n| self.counted_word(n));
                let year_word = prev.filter(|p| p.is_word()).is_some_and(|p| {
                    ["في", "منذ", "حتى", "خلال", "بعد", "قبل", "مع", "عن"].contains(&p.folded.as_str())
                });
                if !counted || year_word {
                    return true;
                }
            }
        }
        false
    }

    /// True when the word may be what a number counts.
    fn counted_word(&self, tok: &Tok) -> bool {
        let w = tok.folded.as_str();
        if self.lex.not_counted.contains(w) || self.word_in(tok, &self.lex.time_words) {
            return false;
        }
        if tok.reads().any(|(_, r)| cut_has_article(w, r)) {
            return false;
        }
        if self.number_word(tok).is_some() {
            return false;
        }
        // A word starting with و is a conjunction and a new clause, unless it is a known noun.
        if let Some(rest) = w.strip_prefix('و')
            && rest.chars().count() >= 2
            && !self.lex.nouns.contains(w)
        {
            return false;
        }
        true
    }

    /// The percent sign, or the counted word and its adjective, after a number ending at
    /// `end` whose next token is `j`. Returns the figure's end, its unit, and the next token.
    fn tail(
        &self,
        j: usize,
        end: crate::model::CharOffset,
        sentence: usize,
    ) -> (crate::model::CharOffset, Option<String>, usize) {
        let same = |k: usize| self.tok(k).filter(|t| t.sentence == sentence);
        let Some(next) = same(j) else { return (end, None, j) };
        if matches!(next.punct(), Some('%' | '\u{066A}')) {
            return (next.range.end, Some("%".into()), j + 1);
        }
        if next.is_word() {
            let w = next.folded.as_str();
            if w == "بالمئه" || w == "بالمائه" {
                return (next.range.end, Some("%".into()), j + 1);
            }
            if w == "في"
                && let Some(n2) = same(j + 1)
                && (n2.folded == "المئه" || n2.folded == "المائه")
            {
                return (n2.range.end, Some("%".into()), j + 2);
            }
        }
        // N من القوات الموالية للجيش: من and the defined words after it.
        if next.is_word() && next.folded == "من" {
            let mut k = j + 1;
            let mut last = None;
            while let Some(t) =
                same(k).filter(|t| t.is_word() && t.reads().any(|(_, r)| cut_has_article(&t.folded, r)))
            {
                last = Some((k, t));
                k += 1;
            }
            return match last {
                Some((k, t)) => {
                    let first = same(j + 1).map(|t| self.surface(t.range));
                    (t.range.end, first, k + 1)
                }
                None => (end, None, j),
            };
        }
        // The counted word, maybe inside quotes: 21 “داعشياً”.
        let mut k = j;
        if next.is_open_quote() && same(k + 1).is_some_and(|t| t.is_word() && !t.spaced_before) {
            k += 1;
        }
        let Some(word) = same(k).filter(|t| t.is_word() && self.counted_word(t)) else {
            return (end, None, j);
        };
        let unit = self.surface(word.range);
        let mut end = word.range.end;
        k += 1;
        if k > j + 1 && same(k).is_some_and(|t| t.is_quote() && !t.spaced_before) {
            end = same(k).map_or(end, |t| t.range.end);
            k += 1;
        }
        if let Some(adj) = same(k).filter(|t| t.is_word() && self.word_in(t, &self.lex.adjectives)) {
            end = adj.range.end;
            k += 1;
        }
        (end, Some(unit), k)
    }

    /// The number word this folded word is, with clitics off (never with the article).
    fn number_word(&self, tok: &Tok) -> Option<super::lexicon::NumberWord> {
        tok.reads()
            .find_map(|(_, w)| self.lex.numbers.get(w).copied().filter(|_| !cut_has_article(&tok.folded, w)))
    }

    /// A figure in number words starting at token `i`.
    fn words(&self, i: usize) -> Option<(Figure, usize)> {
        let first = self.tok(i)?;
        // Any number word with the article is not a figure (الاثنين, العشرين, الثلاثة).
        if first.reads().any(|(_, w)| self.lex.numbers.contains_key(w) && cut_has_article(&first.folded, w)) {
            return None;
        }
        let mut reading = Reading::default();
        let mut k = i;
        let mut end = first.range.end;
        while let Some(tok) = self.tok(k).filter(|t| t.sentence == first.sentence && t.is_word()) {
            let (conj, word) = if reading.words > 0 && tok.folded == "و" {
                let Some(after) = self.tok(k + 1).filter(|t| t.is_word() && t.sentence == first.sentence)
                else {
                    break;
                };
                (true, self.number_word(after).map(|w| (w, k + 1)))
            } else {
                let conj = reading.words > 0
                    && tok.folded.starts_with('و')
                    && !self.lex.numbers.contains_key(tok.folded.as_str());
                (conj, self.number_word(tok).map(|w| (w, k)))
            };
            let Some((word, at)) = word else { break };
            if !reading.take(word, conj) {
                break;
            }
            end = self.tok(at).map_or(end, |t| t.range.end);
            k = at + 1;
        }
        let lone_fraction = reading.last == Some(NumberKind::Fraction) && !reading.has_scale;
        if reading.words == 0 || reading.last == Some(NumberKind::One) || lone_fraction {
            return None;
        }
        // عشر after an ordinal (الحادي عشر) is part of it.
        if let Some(p) = self.prev(i).filter(|p| p.is_word())
            && self.word_in(p, &self.lex.ordinals)
        {
            return None;
        }
        let value = reading.total + reading.current;
        if value <= 0.0 {
            return None;
        }
        let (tail_end, unit, next) = self.tail(k, end, first.sentence);
        let standalone = reading.words == 1 && !reading.has_scale;
        if unit.is_none() && standalone {
            // A lone 1 or 2 after a counted noun: قتيل واحد.
            if value <= 2.0
                && let Some(p) = self.prev(i).filter(|p| p.is_word() && self.word_in(p, &self.lex.nouns))
            {
                let range = CharRange { start: p.range.start, end: first.range.end };
                let unit = Some(self.surface(p.range));
                return Some((Figure { range, value, unit, rule: "figure:words" }, i + 1));
            }
            return None;
        }
        let range = CharRange { start: first.range.start, end: tail_end };
        Some((Figure { range, value, unit, rule: "figure:words" }, next))
    }

    /// A dual noun standing for two: عنصران, حالتي وفاة.
    fn dual(&self, i: usize) -> Option<(Figure, usize)> {
        let tok = self.tok(i)?;
        let construct = tok.reads().find_map(|(_, w)| self.lex.duals.get(w).copied())?;
        let mut end = tok.range.end;
        let mut next = i + 1;
        if construct && let Some(n) = self.next(i).filter(|n| n.is_word()) {
            end = n.range.end;
            next += 1;
        }
        if let Some(adj) = self
            .tok(next)
            .filter(|t| t.sentence == tok.sentence && t.is_word() && self.word_in(t, &self.lex.adjectives))
        {
            end = adj.range.end;
            next += 1;
        }
        let range = CharRange { start: tok.range.start, end };
        Some((Figure { range, value: 2.0, unit: Some(self.surface(tok.range)), rule: "figure:dual" }, next))
    }
}

impl Reading {
    /// Adds one number word; false when it cannot continue this number.
    fn take(&mut self, word: super::lexicon::NumberWord, conj: bool) -> bool {
        use NumberKind::*;
        let first = self.words == 0;
        let ok = match word.kind {
            Unit if word.value == 10.0
                && !conj
                && matches!(self.last, Some(Unit | One))
                && self.current < 10.0 =>
            {
                self.current += 10.0;
                true
            }
            Unit | Ten
                if first || (conj && matches!(self.last, Some(Unit | Hundred | Scale | Scale2 | Scales))) =>
            {
                self.current += word.value;
                true
            }
            One if first => {
                self.current += word.value;
                true
            }
            Hundred if word.value == 100.0 && !conj && self.last == Some(Unit) && self.current < 10.0 => {
                self.current *= 100.0;
                true
            }
            Hundred if first || (conj && matches!(self.last, Some(Scale | Scale2 | Scales))) => {
                self.current += word.value;
                true
            }
            Scale if !conj && !first && matches!(self.last, Some(Unit | Ten | Hundred | Fraction)) => {
                self.total += self.current * word.value;
                self.current = 0.0;
                self.last_scale = word.value;
                self.has_scale = true;
                true
            }
            Scale | Scale2 if first || (conj && matches!(self.last, Some(Scale | Scale2 | Scales))) => {
                let times = if word.kind == Scale2 { 2.0 } else { 1.0 };
                self.total += word.value * times;
                self.last_scale = word.value;
                self.has_scale = true;
                true
            }
            Scales
                if !conj
                    && !first
                    && matches!(self.last, Some(Unit | Ten | Hundred))
                    && self.current > 0.0 =>
            {
                self.total += self.current * word.value;
                self.current = 0.0;
                self.last_scale = word.value;
                self.has_scale = true;
                true
            }
            Fraction if conj && matches!(self.last, Some(Scale | Scale2 | Scales)) => {
                self.total += self.last_scale * word.value;
                true
            }
            Fraction if first => {
                self.current = word.value;
                true
            }
            _ => false,
        };
        if ok {
            self.words += 1;
            self.last = Some(word.kind);
        }
        ok
    }
}
