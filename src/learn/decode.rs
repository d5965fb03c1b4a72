//! From token marginals to spans, and the span measures.
//!
//! Decoding, for each label on its own: a span is a run of tokens whose probability of
//! being inside a span of that label reaches the label's lower threshold (its threshold
//! times its `extend` factor, at most 1), holding at least one token that reaches the
//! threshold itself (hysteresis: a confident token starts a span, less confident
//! neighbours extend it), with punctuation taken off both ends; its score is the mean
//! probability of its tokens. Labels never interfere,
//! so spans of different labels may overlap or coincide, as annotators' spans do.
//!
//! Measures ([`Counts`]), per label and summed over labels (micro average):
//! - exact: a predicted span counts when a gold span of its label has the same start and
//!   end; precision is the share of predicted spans that count, recall the share of gold
//!   spans matched exactly;
//! - partial (the SemEval span measure): each predicted span earns the share of its
//!   characters covered by gold spans of its label, each gold span the share of its
//!   characters covered by predictions of its label; precision is the predictions'
//!   earnings over their number, recall the gold spans' earnings over theirs.

use super::features::TextFeatures;
use crate::model::CharRange;

/// A decoded span.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Predicted {
    pub label: usize,
    pub range: CharRange,
    /// Mean probability of its tokens, 0..1.
    pub score: f32,
}

/// How one label's spans are read from its token probabilities.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Cut {
    /// A span holds at least one token this probable; above 1 turns the label off.
    pub threshold: f32,
    /// Its other tokens reach `threshold * extend`.
    pub extend: f32,
    /// The label's spans are the training spans' texts found in the text (the paste-back
    /// baseline), chosen when cross-validation found them better than the tagger's.
    #[serde(default)]
    pub paste_back: bool,
}

impl Cut {
    pub fn at(threshold: f32) -> Self {
        Self { threshold, extend: 1.0, paste_back: false }
    }

    /// Spans pasted back from the training texts instead of the tagger's.
    pub fn paste() -> Self {
        Self { threshold: 1.01, extend: 1.0, paste_back: true }
    }
}

/// Spans of every label from the token probabilities `probs` (token-major: token `i`,
/// label `l` at `i * labels + l`), one cut per label.
pub fn decode(text: &TextFeatures, probs: &[f32], cuts: &[Cut]) -> Vec<Predicted> {
    let labels = cuts.len();
    let mut out = Vec::new();
    for (label, cut) in cuts.iter().enumerate() {
        if cut.paste_back {
            continue;
        }
        let p = |i: usize| probs.get(i * labels + label).copied().unwrap_or(0.0);
        let low = cut.threshold * cut.extend.min(1.0);
        let mut i = 0;
        while i < text.len() {
            if p(i) < low {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < text.len() && p(j + 1) >= low {
                j += 1;
            }
            if (i..=j).any(|k| p(k) >= cut.threshold)
                && let Some(span) = run(text, label, i, j, &p)
            {
                out.push(span);
            }
            i = j + 1;
        }
    }
    out.sort_by_key(|s| (s.range.start, s.range.end, s.label));
    out
}

/// The span of tokens `i..=j`, punctuation taken off its ends; `None` when only
/// punctuation is left.
fn run(
    text: &TextFeatures,
    label: usize,
    mut i: usize,
    mut j: usize,
    p: &dyn Fn(usize) -> f32,
) -> Option<Predicted> {
    let punct = |k: usize| text.punct.get(k).copied().unwrap_or(true);
    while i <= j && punct(i) {
        i += 1;
    }
    while j > i && punct(j) {
        j -= 1;
    }
    if i > j || punct(i) {
        return None;
    }
    let score = (i..=j).map(p).sum::<f32>() / (j - i + 1) as f32;
    let range = CharRange { start: text.ranges.get(i)?.start, end: text.ranges.get(j)?.end };
    Some(Predicted { label, range, score })
}

/// What the measures add up, for one label or all.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    pub predicted: usize,
    pub gold: usize,
    /// Sum over predicted spans of the share covered by gold spans of their label.
    pub predicted_credit: f64,
    /// Sum over gold spans of the share covered by predictions of their label.
    pub gold_credit: f64,
    /// Predicted spans equal to a gold span of their label.
    pub exact_predicted: usize,
    /// Gold spans equal to a predicted span of their label.
    pub exact_gold: usize,
}

/// Precision, recall and F1.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn of(p: f64, r: f64) -> Self {
        let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        Self { precision: p, recall: r, f1 }
    }
}

fn ratio(a: f64, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a / b as f64 }
}

impl Counts {
    pub fn add(&mut self, other: &Counts) {
        self.predicted += other.predicted;
        self.gold += other.gold;
        self.predicted_credit += other.predicted_credit;
        self.gold_credit += other.gold_credit;
        self.exact_predicted += other.exact_predicted;
        self.exact_gold += other.exact_gold;
    }

    pub fn partial(&self) -> Prf {
        Prf::of(ratio(self.predicted_credit, self.predicted), ratio(self.gold_credit, self.gold))
    }

    pub fn exact(&self) -> Prf {
        Prf::of(ratio(self.exact_predicted as f64, self.predicted), ratio(self.exact_gold as f64, self.gold))
    }

    /// The counts of one label's spans in one text.
    pub fn of(predicted: &[CharRange], gold: &[CharRange]) -> Self {
        Self {
            predicted: predicted.len(),
            gold: gold.len(),
            predicted_credit: predicted.iter().map(|p| covered_share(*p, gold)).sum(),
            gold_credit: gold.iter().map(|g| covered_share(*g, predicted)).sum(),
            exact_predicted: predicted.iter().filter(|p| gold.contains(p)).count(),
            exact_gold: gold.iter().filter(|g| predicted.contains(g)).count(),
        }
    }
}

/// The share of `range` covered by the union of `by`.
pub fn covered_share(range: CharRange, by: &[CharRange]) -> f64 {
    if range.is_empty() {
        return 0.0;
    }
    let mut parts: Vec<(usize, usize)> = by
        .iter()
        .filter(|b| b.overlaps(&range))
        .map(|b| (b.start.0.max(range.start.0), b.end.0.min(range.end.0)))
        .collect();
    parts.sort_unstable();
    let (mut covered, mut reach) = (0usize, range.start.0);
    for (a, b) in parts {
        let a = a.max(reach);
        if b > a {
            covered += b - a;
            reach = b;
        }
    }
    covered as f64 / range.len() as f64
}

/// Per-label counts of predictions against gold spans in one text; both are (label,
/// range) pairs.
pub fn count(labels: usize, predicted: &[(usize, CharRange)], gold: &[(usize, CharRange)]) -> Vec<Counts> {
    (0..labels)
        .map(|l| {
            let p: Vec<CharRange> = predicted.iter().filter(|(x, _)| *x == l).map(|(_, r)| *r).collect();
            let g: Vec<CharRange> = gold.iter().filter(|(x, _)| *x == l).map(|(_, r)| *r).collect();
            Counts::of(&p, &g)
        })
        .collect()
}
