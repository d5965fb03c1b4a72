//! The training spans' own texts as knowledge: every span's words (folded) are an entry of
//! its label, with how often the entry occurs in the training documents (`seen`) and how
//! often it occurs inside a span of that label (`hits`). Matching the entries in a text
//! gives features (`pb`: inside a match, `pbb`: first word of one, `pbq`: the entry's
//! precision in five steps) and, on its own, the paste-back baseline (every training
//! span's text marked wherever it occurs), which `--eval` reports beside the learner.
//!
//! Matching is on words: punctuation is skipped both in the entries and in the text, and
//! words compare folded (harakat, tatweel, alef forms, ى/ي, ة/ه).

use super::features::{TextFeatures, hash};
use crate::model::CharRange;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Entries longer than this many words are not kept (they hardly ever recur).
pub const MAX_WORDS: usize = 24;

/// One training span's text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub words: Vec<String>,
    pub label: u16,
    pub seen: u32,
    pub hits: u32,
}

impl Entry {
    /// The share of the entry's occurrences that were spans of its label, smoothed.
    pub fn precision(&self) -> f32 {
        (self.hits as f32 + 0.5) / (self.seen as f32 + 1.0)
    }
}

/// The entries of a set of training documents, found by their first word.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct SpanLexicon {
    pub entries: Vec<Entry>,
    #[serde(skip)]
    heads: HashMap<String, Vec<u32>>,
}

/// A match of an entry: tokens `first..=last` of the text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Match {
    pub entry: u32,
    pub first: usize,
    pub last: usize,
}

/// A training text as the lexicon needs it: its features and its spans as (label index,
/// range).
pub struct Labelled<'a> {
    pub text: &'a TextFeatures,
    pub spans: &'a [(usize, CharRange)],
}

/// Tokens of `text` inside `range`, as indices.
pub fn tokens_in(text: &TextFeatures, range: CharRange) -> std::ops::Range<usize> {
    let first = text.ranges.partition_point(|r| r.end.0 <= range.start.0);
    let last = text.ranges.partition_point(|r| r.start.0 < range.end.0);
    first..last.max(first)
}

impl SpanLexicon {
    /// The entries of `docs`, counted over the same documents.
    pub fn build(docs: &[Labelled<'_>]) -> Self {
        let mut index: HashMap<(Vec<String>, u16), usize> = HashMap::new();
        let mut entries: Vec<Entry> = Vec::new();
        for doc in docs {
            for &(label, range) in doc.spans {
                let words: Vec<String> = tokens_in(doc.text, range)
                    .filter(|&i| !doc.text.punct.get(i).copied().unwrap_or(true))
                    .filter_map(|i| doc.text.folded.get(i).cloned())
                    .collect();
                let Ok(label) = u16::try_from(label) else { continue };
                if words.is_empty() || words.len() > MAX_WORDS {
                    continue;
                }
                index.entry((words.clone(), label)).or_insert_with(|| {
                    entries.push(Entry { words, label, seen: 0, hits: 0 });
                    entries.len() - 1
                });
            }
        }
        let mut lexicon = Self { entries, heads: HashMap::new() };
        lexicon.index();
        let mut counts = vec![(0u32, 0u32); lexicon.entries.len()];
        for doc in docs {
            for m in lexicon.find(doc.text) {
                let Some(entry) = lexicon.entries.get(m.entry as usize) else { continue };
                let covered = covered(doc, usize::from(entry.label), m);
                if let Some(c) = counts.get_mut(m.entry as usize) {
                    c.0 += 1;
                    c.1 += u32::from(covered);
                }
            }
        }
        for (entry, (seen, hits)) in lexicon.entries.iter_mut().zip(counts) {
            entry.seen = seen;
            entry.hits = hits;
        }
        lexicon
    }

    /// A lexicon of these entries (as read from a model file).
    pub fn from_entries(entries: Vec<Entry>) -> Self {
        let mut lexicon = Self { entries, heads: HashMap::new() };
        lexicon.index();
        lexicon
    }

    /// Builds the index by first word.
    fn index(&mut self) {
        self.heads.clear();
        for (i, e) in self.entries.iter().enumerate() {
            if let (Some(head), Ok(i)) = (e.words.first(), u32::try_from(i)) {
                self.heads.entry(head.clone()).or_default().push(i);
            }
        }
    }

    /// Every occurrence of every entry in `text` (overlapping ones included).
    pub fn find(&self, text: &TextFeatures) -> Vec<Match> {
        let words: Vec<usize> =
            (0..text.len()).filter(|&i| !text.punct.get(i).copied().unwrap_or(true)).collect();
        let mut out = Vec::new();
        for (at, &tok) in words.iter().enumerate() {
            let Some(head) = text.folded.get(tok) else { continue };
            let Some(candidates) = self.heads.get(head) else { continue };
            for &c in candidates {
                let Some(entry) = self.entries.get(c as usize) else { continue };
                let n = entry.words.len();
                let Some(window) = words.get(at..at + n) else { continue };
                if window.iter().zip(&entry.words).all(|(&t, w)| text.folded.get(t) == Some(w))
                    && let Some(&last) = window.last()
                {
                    out.push(Match { entry: c, first: tok, last });
                }
            }
        }
        out
    }

    /// Features of the matches in `text`, per token, for a tagger of `labels` labels.
    pub fn features(&self, text: &TextFeatures, labels: &[String]) -> Vec<Vec<u32>> {
        let mut out = vec![Vec::new(); text.len()];
        for m in self.find(text) {
            let Some(entry) = self.entries.get(m.entry as usize) else { continue };
            let Some(label) = labels.get(usize::from(entry.label)) else { continue };
            let q = ((entry.precision() * 5.0) as u32).min(4);
            let long = entry.words.len().min(4);
            for i in m.first..=m.last {
                let Some(feats) = out.get_mut(i) else { continue };
                feats.push(hash("pb", label));
                feats.push(hash("pbq", &format!("{label}{q}")));
                feats.push(hash("pbn", &format!("{label}{long}")));
                if i == m.first {
                    feats.push(hash("pbb", label));
                }
                if i == m.last {
                    feats.push(hash("pbe", label));
                }
            }
        }
        for feats in &mut out {
            feats.sort_unstable();
            feats.dedup();
        }
        out
    }

    /// The paste-back baseline: every entry of each label marked where it occurs, longest
    /// first, matches of one label never overlapping. Returns (label, range) pairs.
    pub fn paste_back(&self, text: &TextFeatures) -> Vec<(usize, CharRange)> {
        let mut found = self.find(text);
        found.sort_by_key(|m| (std::cmp::Reverse(m.last - m.first), m.first));
        let mut taken: Vec<(usize, usize, usize)> = Vec::new();
        for m in found {
            let Some(entry) = self.entries.get(m.entry as usize) else { continue };
            let label = usize::from(entry.label);
            if !taken.iter().any(|&(l, a, b)| l == label && m.first <= b && a <= m.last) {
                taken.push((label, m.first, m.last));
            }
        }
        taken
            .into_iter()
            .filter_map(|(label, a, b)| {
                let (start, end) = (text.ranges.get(a)?.start, text.ranges.get(b)?.end);
                Some((label, CharRange { start, end }))
            })
            .collect()
    }
}

/// True when most of the match's tokens lie inside spans of `label`.
fn covered(doc: &Labelled<'_>, label: usize, m: Match) -> bool {
    let inside = (m.first..=m.last)
        .filter(|&i| {
            doc.text
                .ranges
                .get(i)
                .is_some_and(|r| doc.spans.iter().any(|&(l, s)| l == label && s.overlaps(r)))
        })
        .count();
    inside * 2 > m.last - m.first + 1
}
