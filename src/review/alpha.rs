//! Krippendorff's alpha for nominal codes, with every unit coded by every coder.
//!
//! Used over characters as `alpha_chars`: each code point of each document is a unit,
//! and each annotator codes it with a label or "none". (Krippendorff's unitizing alpha,
//! `alpha_u`, is another measure: see `unitizing`.)

use std::collections::BTreeMap;

/// The counts [`nominal_alpha`] needs for yes/no codes ("a span of this label covers the
/// character"), added up document by document, so the codes of a whole project are never
/// held at once: the units, how many each coder marked yes, and on how many each pair of
/// coders differ.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BinaryCounts {
    units: u128,
    yes: Vec<u128>,
    /// `differ[i][j]` for `i < j`.
    differ: Vec<Vec<u128>>,
}

impl BinaryCounts {
    /// No units yet, `coders` coders.
    pub fn new(coders: usize) -> Self {
        Self { units: 0, yes: vec![0; coders], differ: vec![vec![0; coders]; coders] }
    }

    /// Adds `units` units where nobody marked yes.
    pub fn add_blank(&mut self, units: usize) {
        self.units += units as u128;
    }

    /// Adds units coded `codes[c][u]` by each coder (all as long as the first).
    pub fn add(&mut self, codes: &[Vec<bool>]) {
        let units = codes.first().map_or(0, Vec::len);
        self.units += units as u128;
        for (i, a) in codes.iter().enumerate() {
            if let Some(yes) = self.yes.get_mut(i) {
                *yes += a.iter().filter(|&&x| x).count() as u128;
            }
            for (j, b) in codes.iter().enumerate().skip(i + 1) {
                let differ = a.iter().zip(b).filter(|(x, y)| x != y).count() as u128;
                if let Some(d) = self.differ.get_mut(i).and_then(|row| row.get_mut(j)) {
                    *d += differ;
                }
            }
        }
    }

    /// [`nominal_alpha`] of the coders `coders` (indices, increasing) over the units added.
    pub fn alpha(&self, coders: &[usize]) -> Option<f64> {
        let m = coders.len() as u128;
        if m < 2 || self.units == 0 {
            return None;
        }
        let mut disagreeing: u128 = 0;
        for (k, &i) in coders.iter().enumerate() {
            for &j in coders.iter().skip(k + 1) {
                disagreeing += 2 * self.differ.get(i).and_then(|row| row.get(j)).copied().unwrap_or(0);
            }
        }
        let n = m * self.units;
        let yes: u128 = coders.iter().filter_map(|&c| self.yes.get(c)).sum();
        let expected = n * n - yes * yes - (n - yes) * (n - yes);
        if expected == 0 {
            return None;
        }
        Some(1.0 - ((n - 1) * disagreeing) as f64 / ((m - 1) * expected) as f64)
    }
}

/// Nominal Krippendorff's alpha, `1 - (n - 1) D / E`, over units coded by every coder.
///
/// `coders[c][u]` is coder `c`'s code for unit `u`; every sequence must be as long as
/// the first (units past the shortest are ignored). With `m` coders, `U` units,
/// `n = m U` pairable values, `n_u,k` the number of coders giving unit `u` code `k`
/// and `n_k` the total count of code `k`:
/// `D = sum_u (m^2 - sum_k n_u,k^2) / (m - 1)` (observed disagreeing pairs, as in the
/// coincidence matrix) and `E = n^2 - sum_k n_k^2` (expected disagreeing pairs).
///
/// `None` when undefined: fewer than two coders, no units, or only one code used by
/// anyone (`E = 0`: there is no variation to agree on).
pub fn nominal_alpha<T: Ord>(coders: &[&[T]]) -> Option<f64> {
    let m = coders.len();
    let units = coders.iter().map(|c| c.len()).min()?;
    if m < 2 || units == 0 {
        return None;
    }
    // Disagreeing ordered pairs of a unit: m^2 - sum_k n_u,k^2, i.e. the ordered pairs
    // of coders (i != j) whose codes differ; summed over units, coder pair by coder pair.
    let mut disagreeing: u128 = 0;
    for (i, a) in coders.iter().enumerate() {
        for b in coders.iter().skip(i + 1) {
            let differ = a.iter().zip(b.iter()).take(units).filter(|(x, y)| x != y).count();
            disagreeing += 2 * differ as u128;
        }
    }
    // Totals n_k, counted run by run (codes come in long runs along a text).
    let mut totals: BTreeMap<&T, u128> = BTreeMap::new();
    for coder in coders {
        let mut run: Option<(&T, u128)> = None;
        for code in coder.iter().take(units) {
            match &mut run {
                Some((current, len)) if *current == code => *len += 1,
                _ => {
                    if let Some((current, len)) = run.replace((code, 1)) {
                        *totals.entry(current).or_default() += len;
                    }
                }
            }
        }
        if let Some((current, len)) = run {
            *totals.entry(current).or_default() += len;
        }
    }
    let n = (m * units) as u128;
    let expected = n * n - totals.values().map(|k| k * k).sum::<u128>();
    if expected == 0 {
        return None;
    }
    let observed = (n - 1) * disagreeing;
    Some(1.0 - observed as f64 / (((m - 1) as u128) * expected) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_coders_hand_worked() {
        // Units 0..10, codes a: C C C C O O O O O O, b: C C C O O O O O O C.
        // m = 2, n = 20. Disagreeing units: 3 and 9; each has n_u = {C:1, O:1}:
        // m^2 - (1 + 1) = 2, so D = (2 + 2) / 1 = 4.
        // Totals: C = 4 + 4 = 8, O = 6 + 6 = 12: E = 400 - (64 + 144) = 192.
        // alpha = 1 - 19 * 4 / 192 = 1 - 76/192 = 0.604166...
        let a: Vec<char> = "CCCCOOOOOO".chars().collect();
        let b: Vec<char> = "CCCOOOOOOC".chars().collect();
        let alpha = nominal_alpha(&[&a, &b]).unwrap();
        assert!((alpha - (1.0 - 76.0 / 192.0)).abs() < 1e-12, "{alpha}");
    }

    #[test]
    fn three_coders_hand_worked() {
        // Units: u0 = (C, C, C), u1 = (C, C, O), u2 = (O, O, O). m = 3, n = 9.
        // u1: 9 - (4 + 1) = 4 disagreeing ordered pairs; D = 4 / 2 = 2.
        // Totals: C = 5, O = 4: E = 81 - (25 + 16) = 40.
        // alpha = 1 - 8 * 4 / (2 * 40) = 1 - 32/80 = 0.6.
        let a = ['C', 'C', 'O'];
        let b = ['C', 'C', 'O'];
        let c = ['C', 'O', 'O'];
        let alpha = nominal_alpha(&[&a, &b, &c]).unwrap();
        assert!((alpha - 0.6).abs() < 1e-12, "{alpha}");
    }

    #[test]
    fn identical_coders_give_one_and_no_variation_is_undefined() {
        let a = [Some(1), None, None, Some(2)];
        assert_eq!(nominal_alpha(&[&a, &a]), Some(1.0));
        // Empty layers: every character is "none" for everyone.
        let empty: [Option<u8>; 4] = [None; 4];
        assert_eq!(nominal_alpha(&[&empty, &empty]), None);
        assert_eq!(nominal_alpha::<u8>(&[&[], &[]]), None);
        assert_eq!(nominal_alpha(&[&a]), None);
    }

    #[test]
    fn systematic_disagreement_is_negative() {
        // a: X Y, b: Y X. n = 4, D = 2 + 2 = 4, totals X 2, Y 2: E = 16 - 8 = 8.
        // alpha = 1 - 3 * 4 / 8 = -0.5.
        assert_eq!(nominal_alpha(&[&['X', 'Y'], &['Y', 'X']]), Some(-0.5));
    }

    #[test]
    fn counts_added_document_by_document_give_nominal_alpha() {
        // Three coders over two "documents" of yes/no codes, in pieces and whole.
        let doc1 = vec![
            vec![true, true, false, false, true],
            vec![true, false, false, false, true],
            vec![false, false, false, true, true],
        ];
        let doc2 = vec![vec![false, true, true], vec![false, true, false], vec![false, true, true]];
        let mut counts = BinaryCounts::new(3);
        counts.add(&doc1);
        counts.add(&doc2);
        counts.add_blank(4);
        let whole: Vec<Vec<bool>> =
            (0..3).map(|c| doc1[c].iter().chain(&doc2[c]).copied().chain([false; 4]).collect()).collect();
        let slices: Vec<&[bool]> = whole.iter().map(Vec::as_slice).collect();
        assert_eq!(counts.alpha(&[0, 1, 2]), nominal_alpha(&slices));
        for (i, j) in [(0, 1), (0, 2), (1, 2)] {
            assert_eq!(counts.alpha(&[i, j]), nominal_alpha(&[slices[i], slices[j]]), "{i} {j}");
        }
        assert_eq!(BinaryCounts::new(2).alpha(&[0, 1]), None, "no units");
        let mut blank = BinaryCounts::new(2);
        blank.add_blank(9);
        assert_eq!(blank.alpha(&[0, 1]), None, "nobody marked anything");
    }
}
