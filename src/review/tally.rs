//! The coded units of agreement, counted document by document: each text is tokenized
//! once, each annotator's spans on it turned into codes (a label per token, the
//! characters in runs between span ends, and per label whether a span of it covers the
//! unit), and the codes added to the [`CodeCounts`] of every comparison (a pair, or
//! everyone) that covers the document, then dropped. Memory stays that of one document
//! however large the project.

use super::coding::{Run, char_runs, token_codes};
use super::counts::CodeCounts;
use super::report::layer_named;
use crate::model::tokens::{Token, tokenize};
use crate::model::{Document, Label, LabelId, Layer, Project, Span};

/// One annotator's codes on one document: the label of each token and of the characters
/// (in runs) as a code of the [`CodeBook`], and per label (project order) 1 where a span of
/// that label covers the unit, else 0.
struct DocCodes {
    tokens: Vec<u32>,
    chars: Vec<Run>,
    tokens_by_label: Vec<Vec<u32>>,
    chars_by_label: Vec<Vec<Run>>,
}

/// Labels as small numbers: a label's place in the project's list plus one, 0 for none. A
/// label not in the list (which a valid project has not) gets the next code free, so two
/// labels never share a code and the measures count exactly what they would over ids.
struct CodeBook<'p> {
    labels: &'p [Label],
    others: Vec<&'p LabelId>,
}

impl<'p> CodeBook<'p> {
    fn code(&mut self, id: &'p LabelId) -> u32 {
        let place = match self.labels.iter().position(|l| &l.id == id) {
            Some(place) => place,
            None => {
                let other = self.others.iter().position(|o| *o == id).unwrap_or(self.others.len());
                if other == self.others.len() {
                    self.others.push(id);
                }
                self.labels.len() + other
            }
        };
        u32::try_from(place + 1).unwrap_or(u32::MAX)
    }

    /// The codes of `ids`; the units of one span follow each other, so the last label's
    /// code is kept.
    fn codes(&mut self, ids: Vec<Option<&'p LabelId>>) -> Vec<u32> {
        let mut last: Option<(&LabelId, u32)> = None;
        ids.into_iter()
            .map(|id| {
                let Some(id) = id else { return 0 };
                if let Some((seen, code)) = last
                    && std::ptr::eq(seen, id)
                {
                    return code;
                }
                let code = self.code(id);
                last = Some((id, code));
                code
            })
            .collect()
    }
}

/// The codes of `layer` on `doc` (tokenized as `tokens`, `len` code points long).
fn doc_codes<'p>(
    book: &mut CodeBook<'p>,
    layer: Option<&'p Layer>,
    doc: &Document,
    tokens: &[Token],
    len: usize,
) -> DocCodes {
    let labels = book.labels;
    // Suggested spans are not anyone's annotation until accepted.
    let spans = own_spans(layer, doc);
    let mut codes = DocCodes {
        tokens: book.codes(token_codes(tokens, &spans, labels)),
        chars: char_runs(len, &spans, labels, |id| book.code(id)),
        tokens_by_label: Vec::with_capacity(labels.len()),
        chars_by_label: Vec::with_capacity(labels.len()),
    };
    let yes = |code: &Option<&LabelId>| u32::from(code.is_some());
    for label in labels {
        let of_label = of_label(&spans, &label.id);
        codes.tokens_by_label.push(token_codes(tokens, &of_label, labels).iter().map(yes).collect());
        codes.chars_by_label.push(char_runs(len, &of_label, labels, |_| 1));
    }
    codes
}

/// What one comparison adds up over its documents (those every one of its annotators
/// worked on): the counts for kappa over tokens and alpha over characters, over all
/// labels and per label.
pub(super) struct Tally {
    /// The annotators compared (indices into the chosen ones, increasing).
    pub coders: Vec<usize>,
    /// The documents added.
    pub documents: usize,
    pub tokens: CodeCounts,
    pub chars: CodeCounts,
    pub tokens_by_label: Vec<CodeCounts>,
    pub chars_by_label: Vec<CodeCounts>,
}

impl Tally {
    /// Nothing added yet: the annotators `coders`, `labels` labels.
    pub fn new(coders: Vec<usize>, labels: usize) -> Self {
        let counts = CodeCounts::new(coders.len());
        Self {
            coders,
            documents: 0,
            tokens: counts.clone(),
            chars: counts.clone(),
            tokens_by_label: vec![counts.clone(); labels],
            chars_by_label: vec![counts; labels],
        }
    }

    /// Whether document `d` is one of this comparison's.
    fn covers(&self, worked: &[Vec<bool>], d: usize) -> bool {
        self.coders.iter().all(|&c| worked.get(c).and_then(|w| w.get(d)).copied().unwrap_or(false))
    }

    /// Adds one document, coded by every annotator (`None` for those not needed here).
    fn add(&mut self, codes: &[Option<DocCodes>]) {
        let codes: Vec<&DocCodes> = self.coders.iter().filter_map(|&c| codes.get(c)?.as_ref()).collect();
        if codes.len() != self.coders.len() {
            return;
        }
        self.documents += 1;
        self.tokens.add(&codes.iter().map(|c| c.tokens.as_slice()).collect::<Vec<_>>());
        self.chars.add_runs(&codes.iter().map(|c| c.chars.as_slice()).collect::<Vec<_>>());
        let by_label = self.tokens_by_label.iter_mut().zip(&mut self.chars_by_label);
        for (l, (tokens, chars)) in by_label.enumerate() {
            tokens.add(&codes.iter().map(|c| place(&c.tokens_by_label, l)).collect::<Vec<_>>());
            chars.add_runs(&codes.iter().map(|c| place(&c.chars_by_label, l)).collect::<Vec<_>>());
        }
    }
}

/// The codes of label `l` (none when there is no such label).
fn place<T>(by_label: &[Vec<T>], l: usize) -> &[T] {
    by_label.get(l).map_or(&[], Vec::as_slice)
}

/// The annotator's own spans on `doc` (suggestions are not anyone's annotation until
/// accepted).
pub(super) fn own_spans<'p>(layer: Option<&'p Layer>, doc: &Document) -> Vec<&'p Span> {
    layer.map(|l| l.spans(&doc.id).iter().filter(|s| !s.is_suggested()).collect()).unwrap_or_default()
}

/// The spans of `label` among `spans`.
pub(super) fn of_label<'s>(spans: &[&'s Span], label: &LabelId) -> Vec<&'s Span> {
    spans.iter().copied().filter(|s| &s.label == label).collect()
}

/// Codes every document once, for every comparison that covers it (each text tokenized
/// once, its codes dropped before the next), so memory stays that of one document.
pub(super) fn tally(project: &Project, names: &[String], worked: &[Vec<bool>], tallies: &mut [Tally]) {
    let mut book = CodeBook { labels: &project.labels, others: Vec::new() };
    let layers: Vec<Option<&Layer>> = names.iter().map(|n| layer_named(project, n)).collect();
    for (d, doc) in project.documents.iter().enumerate() {
        let covering: Vec<bool> = tallies.iter().map(|t| t.covers(worked, d)).collect();
        if !covering.contains(&true) {
            continue;
        }
        let needed = |a: usize| tallies.iter().zip(&covering).any(|(t, c)| *c && t.coders.contains(&a));
        let tokens = tokenize(&doc.text);
        let len = doc.text.chars().count();
        let codes: Vec<Option<DocCodes>> = layers
            .iter()
            .enumerate()
            .map(|(a, layer)| needed(a).then(|| doc_codes(&mut book, *layer, doc, &tokens, len)))
            .collect();
        for (tally, _) in tallies.iter_mut().zip(&covering).filter(|(_, c)| **c) {
            tally.add(&codes);
        }
    }
}
