//! CoNLL-style token-level BIO: one `token<TAB>tag` per line, a blank line after each sentence.
//! Spans only: CoNLL has no place for relations or attributes, so they are left out.
//!
//! Tokens and sentences come from [`crate::model::tokens`], the tokenizer the agreement
//! measures use. Each document (and, when several annotators are exported, each
//! annotator's layer of it) is one block that starts with comment lines
//! `# doc_id = ID` and `# annotator = NAME`; comment lines start with `# ` and contain no
//! tab, token lines always contain exactly one tab.
//!
//! Rules:
//! - a token belongs to a span when it overlaps it, even partly (a span that starts or
//!   ends inside a word takes the whole word);
//! - when several spans claim one token, the longer span wins, then the one that starts
//!   first, then the label listed first in the project, then the layer name; the token
//!   is counted as contested;
//! - a span that keeps none of its tokens is dropped, one that loses some is truncated;
//!   both are counted and reported, never silently;
//! - a span that continues into the next sentence starts again with `B-` there.

use super::select::{ExportDoc, ExportSpan};
use crate::model::tokens::{Token, sentences};
use crate::model::{Label, Span};
use std::io::Write;

/// What a CoNLL export lost to token boundaries and overlaps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ConllStats {
    /// Token lines written.
    pub tokens: usize,
    /// Tokens that more than one span claimed (the priority rule chose one).
    pub contested_tokens: usize,
    /// Spans that kept no token at all (fully overlapped, or covering no token).
    pub dropped_spans: usize,
    /// Spans that lost some of their tokens to a span with priority.
    pub truncated_spans: usize,
}

/// Writes the block(s) of one document.
pub fn write_doc(
    w: &mut dyn Write,
    doc: &ExportDoc<'_>,
    labels: &[Label],
    stats: &mut ConllStats,
) -> std::io::Result<()> {
    let sentences = sentences(&doc.doc.text);
    let tokens: Vec<Token> = sentences.iter().flatten().copied().collect();
    let groups = doc.by_layer();
    if groups.is_empty() {
        writeln!(w, "# doc_id = {}", one_line(doc.doc.id.as_str()))?;
        return write_tokens(w, doc, &sentences, &vec![None; tokens.len()], stats);
    }
    for (layer, spans) in groups {
        writeln!(w, "# doc_id = {}", one_line(doc.doc.id.as_str()))?;
        writeln!(w, "# annotator = {}", one_line(layer))?;
        let owner = assign(&tokens, &spans, labels, stats);
        let tags: Vec<Option<(usize, &str)>> =
            owner.iter().map(|o| o.and_then(|i| spans.get(i).map(|s| (i, s.span.label.as_str())))).collect();
        write_tokens(w, doc, &sentences, &tags, stats)?;
    }
    Ok(())
}

/// For each token, the index (into `spans`) of the span that gets it, by the priority rule.
fn assign(
    tokens: &[Token],
    spans: &[&ExportSpan<'_>],
    labels: &[Label],
    stats: &mut ConllStats,
) -> Vec<Option<usize>> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by(|&i, &j| match (spans.get(i), spans.get(j)) {
        (Some(a), Some(b)) => Span::by_priority(labels, a.span, b.span)
            .then(a.layer.cmp(b.layer))
            .then(a.span.id.cmp(&b.span.id)),
        _ => i.cmp(&j),
    });
    let mut owner: Vec<Option<usize>> = vec![None; tokens.len()];
    let mut contested = vec![false; tokens.len()];
    for i in order {
        let Some(span) = spans.get(i) else { continue };
        let range = span.range();
        // Tokens are sorted and disjoint: the first that ends after the span's start.
        let first = tokens.partition_point(|t| t.range.end <= range.start);
        let (mut kept, mut lost) = (0, 0);
        for (t, token) in tokens.iter().enumerate().skip(first) {
            if token.range.start >= range.end {
                break;
            }
            match owner.get_mut(t) {
                Some(slot @ None) => {
                    *slot = Some(i);
                    kept += 1;
                }
                Some(Some(_)) => {
                    lost += 1;
                    if let Some(c) = contested.get_mut(t).filter(|c| !**c) {
                        *c = true;
                        stats.contested_tokens += 1;
                    }
                }
                None => {}
            }
        }
        if kept == 0 {
            stats.dropped_spans += 1;
        } else if lost > 0 {
            stats.truncated_spans += 1;
        }
    }
    owner
}

fn write_tokens(
    w: &mut dyn Write,
    doc: &ExportDoc<'_>,
    sentences: &[Vec<Token>],
    tags: &[Option<(usize, &str)>],
    stats: &mut ConllStats,
) -> std::io::Result<()> {
    let mut t = 0;
    for sentence in sentences {
        let mut previous: Option<usize> = None;
        for token in sentence {
            let tag = tags.get(t).copied().flatten();
            t += 1;
            let Ok(text) = doc.index.slice(&doc.doc.text, token.range) else { continue };
            stats.tokens += 1;
            match tag {
                None => writeln!(w, "{text}\tO")?,
                Some((span, label)) => {
                    let prefix = if previous == Some(span) { "I" } else { "B" };
                    writeln!(w, "{text}\t{prefix}-{}", one_word(label))?;
                }
            }
            previous = tag.map(|(span, _)| span);
        }
        writeln!(w)?;
    }
    if sentences.is_empty() {
        writeln!(w)?;
    }
    Ok(())
}

/// A comment value on one line.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\r', '\t'], " ")
}

/// A label as one whitespace-free word.
fn one_word(text: &str) -> String {
    text.chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::select::{ExportOptions, Selection};
    use crate::model::{CharRange, DocId, Document, LabelId, Project, Span, SpanId, Timestamp};

    fn span(id: u64, start: usize, end: usize, label: &str) -> Span {
        Span::new(SpanId(id), CharRange::new(start, end), LabelId::new(label), "amal", Timestamp(0))
    }

    fn conll(text: &str, spans: Vec<Span>) -> (String, ConllStats) {
        let mut p = Project::new("t");
        let doc = Document::new(DocId::new("d"), "d.txt", text.into());
        p.layers.entry("amal".into()).or_default().doc_mut(&doc).spans = spans;
        p.push_document(doc);
        let options = ExportOptions::default();
        let mut sel = Selection::new(&p, &options).unwrap();
        let doc = sel.export_doc(&p.documents[0]);
        let mut out = Vec::new();
        let mut stats = ConllStats::default();
        write_doc(&mut out, &doc, &p.labels, &mut stats).unwrap();
        (String::from_utf8(out).unwrap(), stats)
    }

    #[test]
    fn bio_tags_partial_tokens_and_sentences() {
        // "قتل 12 مدنياً. نعم": the figure span starts inside "12" and ends inside "مدنياً".
        let (out, stats) = conll("قتل 12 مدنياً. نعم", vec![span(1, 5, 8, "figure")]);
        assert_eq!(
            out,
            "# doc_id = d\n# annotator = amal\nقتل\tO\n12\tB-figure\nمدنياً\tI-figure\n.\tO\n\nنعم\tO\n\n"
        );
        assert_eq!(stats, ConllStats { tokens: 5, ..Default::default() });
    }

    #[test]
    fn overlaps_follow_the_priority_and_are_counted() {
        // claim covers all three words; figure covers the middle one; denial = same length as figure,
        // later label: figure is listed after claim and denial, but the longer claim wins every token.
        let (out, stats) = conll("نفى 12 قتيلا", vec![span(1, 0, 12, "claim"), span(2, 4, 6, "figure")]);
        assert!(out.contains("نفى\tB-claim\n12\tI-claim\nقتيلا\tI-claim\n"), "{out}");
        assert_eq!(stats.contested_tokens, 1);
        assert_eq!(stats.dropped_spans, 1);
        // Same length, same start: the label listed first (claim before figure) wins.
        let (out, stats) = conll("نفى 12", vec![span(1, 4, 6, "figure"), span(2, 4, 6, "claim")]);
        assert!(out.contains("12\tB-claim\n"), "{out}");
        assert_eq!((stats.dropped_spans, stats.truncated_spans), (1, 0));
        // Partly overlapped: the shorter span keeps what it can and is counted as truncated.
        let (out, stats) = conll("a b c d", vec![span(1, 0, 5, "claim"), span(2, 4, 7, "figure")]);
        assert!(out.contains("c\tI-claim\nd\tB-figure\n"), "{out}");
        assert_eq!((stats.dropped_spans, stats.truncated_spans, stats.contested_tokens), (0, 1, 1));
    }

    #[test]
    fn a_span_over_a_sentence_break_restarts_with_b() {
        let (out, _) = conll("نعم.\nلا", vec![span(1, 0, 7, "claim")]);
        assert!(out.contains("نعم\tB-claim\n.\tI-claim\n\nلا\tB-claim\n"), "{out}");
    }
}
