//! Matching one annotator's spans to another's: exact matches and overlap matches.
//!
//! Spans only ever match spans with the same label on the same document. Matching is
//! one-to-one. Overlap matching is optimal: it finds a maximum matching (the largest
//! number of pairs) in the graph whose edges join spans that share at least one code
//! point and whose IoU reaches the threshold; that number does not depend on the
//! order of the spans.

use crate::model::{CharRange, Span};
use std::collections::BTreeMap;

/// Intersection over union of two ranges, in code points (0 when they do not overlap).
pub fn iou(a: CharRange, b: CharRange) -> f64 {
    let inter = a.end.min(b.end).0.saturating_sub(a.start.max(b.start).0);
    let union = a.len() + b.len() - inter;
    if union == 0 { 0.0 } else { inter as f64 / union as f64 }
}

/// Whether two spans match under overlap matching: same label, at least one shared
/// code point, and `iou >= threshold`.
pub fn overlap_match(a: &Span, b: &Span, threshold: f64) -> bool {
    a.label == b.label && a.range().overlaps(&b.range()) && iou(a.range(), b.range()) >= threshold
}

/// The number of exact matches (same start, end and label), counting duplicates once
/// per copy present on both sides.
pub fn exact_matches(a: &[&Span], b: &[&Span]) -> usize {
    let mut counts: BTreeMap<(usize, usize, &str), (usize, usize)> = BTreeMap::new();
    for s in a {
        counts.entry((s.start.0, s.end.0, s.label.as_str())).or_default().0 += 1;
    }
    for s in b {
        counts.entry((s.start.0, s.end.0, s.label.as_str())).or_default().1 += 1;
    }
    counts.values().map(|(x, y)| (*x).min(*y)).sum()
}

/// A maximum one-to-one overlap matching: pairs `(index in a, index in b)`, sorted.
///
/// Near-linear on real annotations: the candidates of a span are found by binary search
/// in `b` sorted by start (a span of `b` that overlaps `x` starts before `x` ends and no
/// earlier than `x.start` minus the longest span of `b`), a greedy pass pairs the easy
/// cases, and the augmenting-path search marks visits with a round number instead of
/// clearing a table per span.
pub fn overlap_matching(a: &[&Span], b: &[&Span], threshold: f64) -> Vec<(usize, usize)> {
    let mut by_start: Vec<usize> = (0..b.len()).collect();
    by_start.sort_by_key(|&j| b.get(j).map(|s| s.start));
    let starts: Vec<usize> = by_start.iter().filter_map(|&j| b.get(j)).map(|s| s.start.0).collect();
    let longest = b.iter().map(|s| s.range().len()).max().unwrap_or(0);
    let edges: Vec<Vec<usize>> = a
        .iter()
        .map(|x| {
            let from = starts.partition_point(|&st| st < x.start.0.saturating_sub(longest));
            let to = starts.partition_point(|&st| st < x.end.0);
            let mut targets: Vec<usize> = by_start
                .get(from..to.max(from))
                .unwrap_or_default()
                .iter()
                .copied()
                .filter(|&j| b.get(j).is_some_and(|y| overlap_match(x, y, threshold)))
                .collect();
            targets.sort_unstable();
            targets
        })
        .collect();
    let mut owner: Vec<Option<usize>> = vec![None; b.len()];
    let mut matched = vec![false; a.len()];
    // Greedy first: most spans have one free partner.
    for (i, targets) in edges.iter().enumerate() {
        if let Some(&j) = targets.iter().find(|&&j| owner.get(j).is_some_and(Option::is_none)) {
            if let Some(slot) = owner.get_mut(j) {
                *slot = Some(i);
            }
            if let Some(m) = matched.get_mut(i) {
                *m = true;
            }
        }
    }
    // Kuhn's augmenting paths for the rest: for each span of `a` still unmatched, look for
    // a path to a free span of `b`.
    let mut seen: Vec<usize> = vec![0; b.len()];
    for (round, i) in (0..a.len()).enumerate() {
        if !matched.get(i).copied().unwrap_or(true) {
            augment(i, &edges, &mut owner, &mut seen, round + 1);
        }
    }
    let mut pairs: Vec<(usize, usize)> =
        owner.iter().enumerate().filter_map(|(j, i)| i.map(|i| (i, j))).collect();
    pairs.sort_unstable();
    pairs
}

fn augment(
    i: usize,
    edges: &[Vec<usize>],
    owner: &mut [Option<usize>],
    seen: &mut [usize],
    round: usize,
) -> bool {
    let Some(targets) = edges.get(i) else { return false };
    for &j in targets {
        let Some(visited) = seen.get_mut(j) else { continue };
        if *visited == round {
            continue;
        }
        *visited = round;
        let current = owner.get(j).copied().flatten();
        let free = match current {
            None => true,
            Some(other) => augment(other, edges, owner, seen, round),
        };
        if free {
            if let Some(slot) = owner.get_mut(j) {
                *slot = Some(i);
            }
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharRange, LabelId, SpanId, Timestamp};

    fn span(start: usize, end: usize, label: &str) -> Span {
        Span::new(SpanId(0), CharRange::new(start, end), LabelId::new(label), "", Timestamp(0))
    }

    #[test]
    fn iou_by_hand() {
        // 0..10 and 5..15: intersection 5, union 15 -> 1/3.
        assert!((iou(CharRange::new(0, 10), CharRange::new(5, 15)) - 1.0 / 3.0).abs() < 1e-15);
        // 0..4 inside 0..8: 4 / 8.
        assert_eq!(iou(CharRange::new(0, 4), CharRange::new(0, 8)), 0.5);
        assert_eq!(iou(CharRange::new(0, 4), CharRange::new(4, 8)), 0.0);
    }

    #[test]
    fn exact_matches_need_range_and_label() {
        let a = [span(0, 5, "claim"), span(6, 8, "figure"), span(6, 8, "figure")];
        let b = [span(0, 5, "claim"), span(6, 8, "claim"), span(6, 8, "figure"), span(0, 4, "claim")];
        let (a, b): (Vec<&Span>, Vec<&Span>) = (a.iter().collect(), b.iter().collect());
        // claim 0..5 on both; figure 6..8 twice in a, once in b -> 1; the rest differ.
        assert_eq!(exact_matches(&a, &b), 2);
        assert_eq!(exact_matches(&a, &[]), 0);
    }

    #[test]
    fn overlap_threshold_is_inclusive_and_labels_must_agree() {
        let a = [span(0, 4, "claim")];
        let b = [span(0, 8, "claim")];
        let (a, b): (Vec<&Span>, Vec<&Span>) = (a.iter().collect(), b.iter().collect());
        // IoU is exactly 0.5: matches at 0.5, not above.
        assert_eq!(overlap_matching(&a, &b, 0.5), [(0, 0)]);
        assert!(overlap_matching(&a, &b, 0.51).is_empty());
        let c = [span(0, 8, "denial")];
        let c: Vec<&Span> = c.iter().collect();
        assert!(overlap_matching(&a, &c, 0.0).is_empty());
        // Threshold 0 still needs a shared code point.
        let d = [span(4, 8, "claim")];
        let d: Vec<&Span> = d.iter().collect();
        assert!(overlap_matching(&a, &d, 0.0).is_empty());
    }

    #[test]
    fn matching_is_maximum_not_greedy() {
        // a0 = 0..10 overlaps b0 = 0..6 (IoU 0.6) and b1 = 4..10 (IoU 0.6);
        // a1 = 4..12 overlaps only b1 (IoU 6/8 = 0.75).
        // A greedy pass that gives b1 to a0 leaves a1 unmatched; the maximum matching
        // pairs a0-b0 and a1-b1.
        let a = [span(0, 10, "claim"), span(4, 12, "claim")];
        let b = [span(4, 10, "claim"), span(0, 6, "claim")];
        let (a, b): (Vec<&Span>, Vec<&Span>) = (a.iter().collect(), b.iter().collect());
        assert_eq!(overlap_matching(&a, &b, 0.5), [(0, 1), (1, 0)]);
    }
}
