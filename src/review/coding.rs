//! Coding units (tokens, characters) with the label an annotator gave them.
//!
//! A unit is covered by a span when they share at least one code point. When several
//! spans of one annotator cover a unit, one label wins, by the same priority as the
//! CoNLL export: the longer span, then the earlier start, then the label that comes
//! first in the project's label list (then the smaller label id). A unit no span
//! covers gets no label (`None`, the `O` tag).

use crate::model::{Label, LabelId, Span, tokens::Token};

/// Spans sorted from the lowest priority to the highest, ready to be painted in turn.
fn paint_order<'s>(spans: &[&'s Span], labels: &[Label]) -> Vec<&'s Span> {
    let mut sorted = spans.to_vec();
    sorted.sort_by(|a, b| Span::by_priority(labels, b, a));
    sorted
}

/// The label of each of the `len` code points of a text (`None` where no span covers it).
pub fn char_codes<'s>(len: usize, spans: &[&'s Span], labels: &[Label]) -> Vec<Option<&'s LabelId>> {
    let mut codes = vec![None; len];
    for span in paint_order(spans, labels) {
        let end = span.end.0.min(len);
        for code in codes.get_mut(span.start.0.min(end)..end).into_iter().flatten() {
            *code = Some(&span.label);
        }
    }
    codes
}

/// The label of each token (`None` where no span overlaps it). `tokens` are in text order.
pub fn token_codes<'s>(tokens: &[Token], spans: &[&'s Span], labels: &[Label]) -> Vec<Option<&'s LabelId>> {
    let mut codes = vec![None; tokens.len()];
    for span in paint_order(spans, labels) {
        let range = span.range();
        let first = tokens.partition_point(|t| t.range.end <= range.start);
        let overlapping = tokens.iter().skip(first).take_while(|t| t.range.start < range.end);
        for (token, code) in overlapping.zip(codes.iter_mut().skip(first)) {
            if token.range.overlaps(&range) {
                *code = Some(&span.label);
            }
        }
    }
    codes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharRange, SpanId, Timestamp, default_labels, tokens::tokenize};

    fn span(start: usize, end: usize, label: &str) -> Span {
        Span::new(
            SpanId(start as u64 * 1000 + end as u64),
            CharRange::new(start, end),
            LabelId::new(label),
            "amal",
            Timestamp(0),
        )
    }

    fn names<'a>(codes: &[Option<&'a LabelId>]) -> Vec<&'a str> {
        codes.iter().map(|c| c.map_or("O", |l| l.as_str())).collect()
    }

    #[test]
    fn longer_span_wins_then_earlier_start_then_label_order() {
        let labels = default_labels();
        // "abcdef": figure 1..3 (len 2), claim 0..5 (len 5), denial 4..6 (len 2).
        let spans = [span(1, 3, "figure"), span(0, 5, "claim"), span(4, 6, "denial")];
        let refs: Vec<&Span> = spans.iter().collect();
        let codes = char_codes(7, &refs, &labels);
        // claim is longest: it owns 0..5; denial owns 5; nothing at 6.
        assert_eq!(names(&codes), ["claim", "claim", "claim", "claim", "claim", "denial", "O"]);
        // Same length: the earlier start wins (figure 1..3 over denial 2..4 at 2).
        let spans = [span(2, 4, "denial"), span(1, 3, "figure")];
        let refs: Vec<&Span> = spans.iter().collect();
        assert_eq!(names(&char_codes(5, &refs, &labels)), ["O", "figure", "figure", "denial", "O"]);
        // Same range: the label listed first in the project wins (claim before figure).
        let spans = [span(0, 2, "figure"), span(0, 2, "claim")];
        let refs: Vec<&Span> = spans.iter().collect();
        assert_eq!(names(&char_codes(2, &refs, &labels)), ["claim", "claim"]);
    }

    #[test]
    fn a_token_is_labelled_when_a_span_overlaps_any_of_it() {
        let labels = default_labels();
        let text = "قتل 12 مدنياً اليوم";
        // Tokens: قتل 0..3, 12 4..6, مدنياً 7..13, اليوم 14..19.
        let tokens = tokenize(text);
        assert_eq!(tokens.len(), 4);
        // A figure over "12 مد" (4..9) touches tokens 1 and 2; a claim on the space only
        // (3..4) touches no token.
        let spans = [span(4, 9, "figure"), span(3, 4, "claim")];
        let refs: Vec<&Span> = spans.iter().collect();
        assert_eq!(names(&token_codes(&tokens, &refs, &labels)), ["O", "figure", "figure", "O"]);
        assert_eq!(names(&token_codes(&tokens, &[], &labels)), ["O", "O", "O", "O"]);
    }
}
