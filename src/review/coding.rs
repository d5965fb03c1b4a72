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

/// A stretch of units all given one code: `(code, how many units)`.
pub type Run = (u32, u64);

/// [`char_codes`] as runs, without a value per character: the text is cut wherever a span
/// starts or ends, and each piece gets `code` of the label of the span that wins it (the
/// one painted last; 0 where no span covers it). Neighbouring pieces with one code are
/// one run; the runs cover the `len` code points exactly.
pub fn char_runs<'s>(
    len: usize,
    spans: &[&'s Span],
    labels: &[Label],
    mut code: impl FnMut(&'s LabelId) -> u32,
) -> Vec<Run> {
    // The same clipping to the text as `char_codes`.
    let clip = |span: &Span| {
        let end = span.end.0.min(len);
        (span.start.0.min(end), end)
    };
    let mut cuts: Vec<usize> = Vec::with_capacity(2 * spans.len() + 2);
    cuts.extend([0, len]);
    for span in spans {
        let (start, end) = clip(span);
        cuts.extend([start, end]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let painted = paint_order(spans, labels);
    // Where each span (by its place in the paint order) starts and ends covering text; a
    // sweep over the cuts keeps the spans covering the current piece, so a document with
    // many spans costs n log n, not one look at every span per piece.
    let mut starts: Vec<(usize, usize)> = Vec::with_capacity(painted.len());
    let mut ends: Vec<(usize, usize)> = Vec::with_capacity(painted.len());
    for (order, span) in painted.iter().enumerate() {
        let (start, end) = clip(span);
        if start < end {
            starts.push((start, order));
            ends.push((end, order));
        }
    }
    starts.sort_unstable();
    ends.sort_unstable();
    let (mut next_start, mut next_end) = (starts.iter().peekable(), ends.iter().peekable());
    let mut covering = std::collections::BTreeSet::new();
    let mut runs: Vec<Run> = Vec::new();
    for piece in cuts.windows(2) {
        let &[from, to] = piece else { continue };
        while let Some((_, order)) = next_end.next_if(|(at, _)| *at <= from) {
            covering.remove(order);
        }
        while let Some((_, order)) = next_start.next_if(|(at, _)| *at <= from) {
            covering.insert(*order);
        }
        // Every cut is a span's end, so a span covers the whole piece or none of it; the
        // one painted last wins it.
        let winner = covering.last().and_then(|&order| painted.get(order));
        let piece_code = winner.map_or(0, |s| code(&s.label));
        let units = (to - from) as u64;
        match runs.last_mut() {
            Some((last, n)) if *last == piece_code => *n += units,
            _ => runs.push((piece_code, units)),
        }
    }
    runs
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

    /// Codes one per unit, as runs.
    fn runs_of(codes: &[Option<&LabelId>], labels: &[Label]) -> Vec<Run> {
        let mut runs: Vec<Run> = Vec::new();
        for c in codes {
            let code = c.map_or(0, |id| labels.iter().position(|l| &l.id == id).map_or(99, |p| p as u32 + 1));
            match runs.last_mut() {
                Some((last, n)) if *last == code => *n += 1,
                _ => runs.push((code, 1)),
            }
        }
        runs
    }

    #[test]
    fn runs_are_the_codes_of_every_character() {
        let labels = default_labels();
        let code = |id: &LabelId| labels.iter().position(|l| &l.id == id).map_or(99, |p| p as u32 + 1);
        let cases: [&[(usize, usize, &str)]; 6] = [
            &[],
            &[(1, 3, "figure"), (0, 5, "claim"), (4, 6, "denial")],
            &[(2, 4, "denial"), (1, 3, "figure"), (3, 3, "claim")],
            &[(0, 2, "figure"), (0, 2, "claim"), (7, 12, "claim"), (9, 30, "denial")],
            &[(0, 12, "figure"), (2, 4, "claim"), (4, 6, "claim"), (11, 40, "other")],
            &[(5, 9, "figure"), (5, 9, "figure"), (6, 7, "denial")],
        ];
        for (i, case) in cases.iter().enumerate() {
            let spans: Vec<Span> = case.iter().map(|&(s, e, l)| span(s, e, l)).collect();
            let refs: Vec<&Span> = spans.iter().collect();
            for len in [0, 1, 8, 12, 20] {
                let expected = runs_of(&char_codes(len, &refs, &labels), &labels);
                assert_eq!(char_runs(len, &refs, &labels, code), expected, "case {i}, length {len}");
            }
        }
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
