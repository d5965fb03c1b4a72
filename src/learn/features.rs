//! Token features for the span learner: each token of a text becomes a list of hashed
//! feature ids (32-bit, taken modulo the weight table's size by the tagger).
//!
//! The text is tokenized as the suggestion rules see it ([`crate::suggest::words`]:
//! the project's tokens, each word folded as search folds it, ى = ي and ة = ه). For each
//! token: its folded form; its stem with the clitics و ف ب ل ك and the article ال taken
//! off, and which clitics were there; the stem's first and last two and three letters;
//! its character trigrams; its shape (word, number, punctuation, Latin, length); the stems
//! of its neighbours two either side and the bigrams with them; the punctuation mark
//! around it and whether it sits inside quotation marks or brackets; its place in the
//! sentence and in the clause (between commas); the stems of the other words of its
//! clause; and membership in the rules' lexicons (attribution verbs, sources, denials,
//! number words). Features that depend on the training data (the training spans' own
//! texts, the project's patterns) are added by [`super::lexicon`].
//!
//! Feature names are hashed with FNV-1a, which is the same on every machine and in every
//! build, so a model file stays valid across runs.

use crate::model::CharRange;
use crate::suggest::lexicon;
use crate::suggest::words::{self, Tok};

/// A text's tokens with their features.
#[derive(Clone, Debug, Default)]
pub struct TextFeatures {
    /// Each token's range in the text (code points).
    pub ranges: Vec<CharRange>,
    /// True for punctuation tokens (trimmed off the ends of decoded spans).
    pub punct: Vec<bool>,
    /// The folded forms of the tokens (what training-span texts are matched on).
    pub folded: Vec<String>,
    /// Features of token `i` are `feats[starts[i]..starts[i + 1]]`.
    pub starts: Vec<u32>,
    pub feats: Vec<u32>,
}

impl TextFeatures {
    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// The features of token `i`.
    pub fn of(&self, i: usize) -> &[u32] {
        let (Some(&a), Some(&b)) = (self.starts.get(i), self.starts.get(i + 1)) else { return &[] };
        self.feats.get(a as usize..b as usize).unwrap_or(&[])
    }
}

/// FNV-1a over a tag and a value, folded to 32 bits.
pub fn hash(tag: &str, value: &str) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in tag.bytes().chain(std::iter::once(0xff)).chain(value.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h ^ (h >> 32)) as u32
}

/// The word with its leading clitics taken off (the shortest of its readings), and the
/// clitics themselves.
pub fn split_clitics(folded: &str) -> (&str, &str) {
    let readings = words::readings(folded);
    let stem = readings.last().map_or(folded, |&(_, w)| w);
    let cut = folded.len().saturating_sub(stem.len());
    (folded.get(..cut).unwrap_or(""), stem)
}

/// The character trigrams of a word with `<` and `>` marking its ends.
pub fn char_ngrams(word: &str, n: usize) -> Vec<String> {
    let chars: Vec<char> = std::iter::once('<').chain(word.chars()).chain(std::iter::once('>')).collect();
    if chars.len() < n {
        return vec![chars.iter().collect()];
    }
    chars.windows(n).map(|w| w.iter().collect()).collect()
}

/// A coarse shape of a token: kind, script and length.
pub fn shape(tok: &Tok) -> String {
    if tok.is_number() {
        return format!("num{}", tok.folded.chars().count().min(4));
    }
    if let Some(c) = tok.punct() {
        return format!("p{c}");
    }
    let latin = tok.folded.chars().any(|c| c.is_ascii_alphabetic());
    let len = match tok.folded.chars().count() {
        0..=2 => "s",
        3..=5 => "m",
        _ => "l",
    };
    format!("{}{len}", if latin { "lat" } else { "ar" })
}

/// What a token is for the neighbour features: the stem of a word, the text of a number
/// or punctuation mark.
fn key(tok: &Tok) -> &str {
    if tok.is_word() { split_clitics(&tok.folded).1 } else { &tok.folded }
}

/// Membership of a folded word in the rules' lexicons, as short tags.
fn lexicon_tags(tok: &Tok, out: &mut Vec<&'static str>) {
    let lex = lexicon::builtin();
    for (_, w) in tok.reads() {
        if lex.attribution.contains_key(w) {
            out.push("attr");
        }
        if lex.denial_verbs.contains(w) || lex.denial_objects.contains(w) {
            out.push("deny");
        }
        if lex.denial_heads.contains_key(w) {
            out.push("denyhead");
        }
        if lex.source_heads.contains_key(w) {
            out.push("source");
        }
        if lex.numbers.contains_key(w) {
            out.push("number");
        }
        if lex.time_words.contains(w) {
            out.push("time");
        }
        if lex.openers.contains(w) {
            out.push("opener");
        }
    }
    out.sort_unstable();
    out.dedup();
}

/// Where each token stands: inside quotation marks, inside brackets, its clause number.
struct Context {
    quoted: Vec<bool>,
    bracketed: Vec<bool>,
    clause: Vec<usize>,
}

fn context(toks: &[Tok]) -> Context {
    let mut quoted = Vec::with_capacity(toks.len());
    let mut bracketed = Vec::with_capacity(toks.len());
    let mut clause = Vec::with_capacity(toks.len());
    let (mut in_quote, mut depth, mut n) = (false, 0usize, 0usize);
    let mut sentence = usize::MAX;
    for tok in toks {
        if tok.sentence != sentence {
            sentence = tok.sentence;
            n += 1;
        }
        match tok.punct() {
            Some('«' | '“') => in_quote = true,
            Some('»' | '”') => in_quote = false,
            Some('"') => in_quote = !in_quote,
            Some('(' | '[') => depth += 1,
            Some(')' | ']') => depth = depth.saturating_sub(1),
            _ => {}
        }
        quoted.push(in_quote || tok.is_quote());
        bracketed.push(depth > 0);
        clause.push(n);
        if tok.is_clause_mark() || matches!(tok.punct(), Some(':' | '«' | '»' | '“' | '”')) {
            n += 1;
        }
    }
    Context { quoted, bracketed, clause }
}

/// The features of every token of `text`.
pub fn extract(text: &str) -> TextFeatures {
    let toks = words::tokenize(text);
    let ctx = context(&toks);
    let keys: Vec<&str> = toks.iter().map(key).collect();
    // Words of each clause, for the clause bag.
    let mut clause_words: std::collections::HashMap<usize, Vec<&str>> = std::collections::HashMap::new();
    for (i, tok) in toks.iter().enumerate() {
        if tok.is_word()
            && let (Some(&c), Some(&k)) = (ctx.clause.get(i), keys.get(i))
        {
            clause_words.entry(c).or_default().push(k);
        }
    }
    let mut out = TextFeatures { starts: vec![0], ..TextFeatures::default() };
    let mut names: Vec<(&str, String)> = Vec::with_capacity(96);
    let mut tags: Vec<&'static str> = Vec::new();
    for (i, tok) in toks.iter().enumerate() {
        names.clear();
        token_names(&toks, &keys, i, &mut names);
        // Place in the sentence and the clause, quotes and brackets.
        let first = i == 0 || toks.get(i - 1).is_none_or(|p| p.sentence != tok.sentence);
        let last = toks.get(i + 1).is_none_or(|n| n.sentence != tok.sentence);
        names.push(("pos", format!("{}{}", u8::from(first), u8::from(last))));
        names.push(("q", u8::from(ctx.quoted.get(i).copied().unwrap_or(false)).to_string()));
        names.push(("br", u8::from(ctx.bracketed.get(i).copied().unwrap_or(false)).to_string()));
        let clause = ctx.clause.get(i).copied().unwrap_or(0);
        let clause_first = i == 0 || ctx.clause.get(i - 1) != Some(&clause);
        let clause_last = ctx.clause.get(i + 1) != Some(&clause);
        names.push(("cpos", format!("{}{}", u8::from(clause_first), u8::from(clause_last))));
        if let Some(bag) = clause_words.get(&clause) {
            names.push(("clen", bag.len().min(12).to_string()));
            for w in bag.iter().take(40) {
                names.push(("c", (*w).to_string()));
            }
        }
        tags.clear();
        if tok.is_word() {
            lexicon_tags(tok, &mut tags);
        }
        for t in &tags {
            names.push(("lex", (*t).to_string()));
        }
        for dist in [-2i32, -1, 1, 2] {
            let j = i as i64 + i64::from(dist);
            if let Some(n) = usize::try_from(j).ok().and_then(|j| toks.get(j)) {
                tags.clear();
                if n.is_word() {
                    lexicon_tags(n, &mut tags);
                }
                for t in &tags {
                    names.push(("lexn", format!("{dist}{t}")));
                }
            }
        }
        out.ranges.push(tok.range);
        out.punct.push(tok.punct().is_some());
        out.folded.push(tok.folded.clone());
        out.feats.push(hash("bias", ""));
        out.feats.extend(names.iter().map(|(tag, value)| hash(tag, value)));
        out.starts.push(u32::try_from(out.feats.len()).unwrap_or(u32::MAX));
    }
    out
}

/// The features of token `i` that look at the token and its neighbours.
fn token_names(toks: &[Tok], keys: &[&str], i: usize, names: &mut Vec<(&'static str, String)>) {
    let Some(tok) = toks.get(i) else { return };
    let at = |d: i64| usize::try_from(i as i64 + d).ok().and_then(|j| keys.get(j)).copied().unwrap_or("#");
    names.push(("w", tok.folded.clone()));
    names.push(("shape", shape(tok)));
    if tok.is_word() {
        let (clitics, stem) = split_clitics(&tok.folded);
        names.push(("s", stem.to_string()));
        names.push(("cl", clitics.to_string()));
        let chars: Vec<char> = stem.chars().collect();
        for n in [2usize, 3] {
            if chars.len() > n {
                names.push(("pre", chars.iter().take(n).collect()));
                names.push(("suf", chars.iter().skip(chars.len() - n).collect()));
            }
        }
        for g in char_ngrams(stem, 3) {
            names.push(("g3", g));
        }
    }
    for d in [-2i64, -1, 1, 2] {
        names.push(("n", format!("{d}{}", at(d))));
    }
    names.push(("b-", format!("{}|{}", at(-1), at(0))));
    names.push(("b+", format!("{}|{}", at(0), at(1))));
    names.push(("t-", format!("{}|{}|{}", at(-2), at(-1), at(0))));
    names.push(("t+", format!("{}|{}|{}", at(0), at(1), at(2))));
    names.push(("sp", u8::from(tok.spaced_before).to_string()));
}

#[cfg(test)]
mod tests;
