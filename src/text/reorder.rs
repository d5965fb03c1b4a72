//! Visual order of one line (UAX #9 rules L1 and L2), on character-level bidi levels.
//!
//! Works on the line alone, so a long paragraph costs each line only its own length.

use std::ops::Range;
use unicode_bidi::{BidiClass, Level};

/// Level runs of the line `start..start + levels.len()` in visual order, left to right,
/// each with its level. `classes[i]` is the original bidi class of the line's character `i`.
pub(crate) fn visual_runs(
    levels: &[Level],
    classes: &[BidiClass],
    para_level: Level,
    start: usize,
) -> Vec<(Range<usize>, Level)> {
    let mut line: Vec<Level> = levels.to_vec();
    apply_l1(&mut line, classes, para_level);
    let mut runs: Vec<(Range<usize>, Level)> = Vec::new();
    for (i, &level) in line.iter().enumerate() {
        match runs.last_mut() {
            Some((r, l)) if *l == level => r.end = start + i + 1,
            _ => runs.push((start + i..start + i + 1, level)),
        }
    }
    let Some(max) = runs.iter().map(|(_, l)| l.number()).max() else {
        return runs;
    };
    let min_odd = runs.iter().map(|(_, l)| l.number()).filter(|n| n % 2 == 1).min().unwrap_or(u8::MAX);
    // L2: from the highest level down to the lowest odd one, reverse every maximal
    // sequence of runs at that level or above.
    let mut level = max;
    while level >= min_odd && level > 0 {
        let mut i = 0;
        while i < runs.len() {
            if runs.get(i).is_some_and(|(_, l)| l.number() >= level) {
                let mut j = i;
                while runs.get(j).is_some_and(|(_, l)| l.number() >= level) {
                    j += 1;
                }
                if let Some(seq) = runs.get_mut(i..j) {
                    seq.reverse();
                }
                i = j;
            } else {
                i += 1;
            }
        }
        level -= 1;
    }
    runs
}

/// L1: segment and paragraph separators, and whitespace before them or at the end of
/// the line, take the paragraph level.
fn apply_l1(line: &mut [Level], classes: &[BidiClass], para_level: Level) {
    use BidiClass::{B, BN, FSI, LRE, LRI, LRO, PDF, PDI, RLE, RLI, RLO, S, WS};
    let trailing = |c: BidiClass| matches!(c, WS | FSI | LRI | RLI | PDI | BN | LRE | RLE | LRO | RLO | PDF);
    let mut reset_from = line.len();
    for i in (0..line.len()).rev() {
        let class = classes.get(i).copied().unwrap_or(WS);
        if matches!(class, S | B) {
            reset_from = i;
            if let Some(l) = line.get_mut(i) {
                *l = para_level;
            }
        } else if trailing(class) {
            if reset_from == i + 1 {
                reset_from = i;
                if let Some(l) = line.get_mut(i) {
                    *l = para_level;
                }
            }
        } else {
            reset_from = usize::MAX;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_bidi::ParagraphBidiInfo;

    fn runs(text: &str) -> Vec<(Range<usize>, u8)> {
        let info = ParagraphBidiInfo::new(text, None);
        let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        let levels: Vec<Level> = bytes.iter().map(|&b| info.levels[b]).collect();
        let classes: Vec<BidiClass> = bytes.iter().map(|&b| info.original_classes[b]).collect();
        visual_runs(&levels, &classes, info.paragraph_level, 0)
            .into_iter()
            .map(|(r, l)| (r, l.number()))
            .collect()
    }

    #[test]
    fn digits_in_arabic_stay_left_to_right() {
        // "قتل 25 شخصاً": the number is a level-2 run between right-to-left words.
        assert_eq!(runs("قتل 25 شخصاً"), vec![(6..12, 1), (4..6, 2), (0..4, 1)]);
    }

    #[test]
    fn trailing_spaces_take_the_paragraph_level() {
        assert_eq!(runs("abc قتل "), vec![(0..4, 0), (4..7, 1), (7..8, 0)]);
    }
}
