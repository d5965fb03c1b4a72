//! Krippendorff's alpha for nominal codes, with every unit coded by every coder.
//!
//! Used over characters as `alpha_chars`: each code point of each document is a unit,
//! and each annotator codes it with a label or "none". (Krippendorff's unitizing alpha,
//! `alpha_u`, is another measure: see `unitizing`.)

use std::collections::BTreeMap;

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
}
