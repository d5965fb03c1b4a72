//! Cohen's kappa between two annotators' codes for the same units.

use std::collections::BTreeMap;

/// Cohen's kappa of two equally long code sequences:
/// `(p_o - p_e) / (1 - p_e)`, with `p_o` the share of units coded alike and
/// `p_e = sum_k (n_a,k / N) (n_b,k / N)` the agreement expected by chance.
///
/// `None` when it is undefined: no units, or `p_e = 1` (both annotators gave every
/// unit the same single code, so there is no variation to agree on). Units past the
/// shorter sequence are ignored.
pub fn cohen_kappa<T: Ord>(a: &[T], b: &[T]) -> Option<f64> {
    let mut counts: BTreeMap<&T, (u128, u128)> = BTreeMap::new();
    let mut agree: u128 = 0;
    let mut n: u128 = 0;
    for (x, y) in a.iter().zip(b) {
        counts.entry(x).or_default().0 += 1;
        counts.entry(y).or_default().1 += 1;
        agree += u128::from(x == y);
        n += 1;
    }
    // p_o - p_e = (agree N - S) / N^2 and 1 - p_e = (N^2 - S) / N^2, S = sum n_a,k n_b,k.
    let chance: u128 = counts.values().map(|(na, nb)| na * nb).sum();
    let denominator = n * n - chance;
    if n == 0 || denominator == 0 {
        return None;
    }
    let numerator = agree as f64 * n as f64 - chance as f64;
    Some(numerator / denominator as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_worked_two_by_two_table() {
        // a: C C C C O O O O O O ; b: C C C O O O O O O C
        // Agreements: 3 (C) + 5 (O) = 8 of 10, p_o = 0.8.
        // a has C 4, O 6; b has C 4, O 6: p_e = 0.4*0.4 + 0.6*0.6 = 0.52.
        // kappa = (0.8 - 0.52) / (1 - 0.52) = 0.28 / 0.48 = 0.58333...
        let a = "CCCCOOOOOO".chars().collect::<Vec<_>>();
        let b = "CCCOOOOOOC".chars().collect::<Vec<_>>();
        let k = cohen_kappa(&a, &b).unwrap();
        assert!((k - 7.0 / 12.0).abs() < 1e-12, "{k}");
    }

    #[test]
    fn three_categories() {
        // a: C C D F O O ; b: C D D F O F
        // Agreements: C, D, F, O = 4 of 6, p_o = 2/3.
        // a: C2 D1 F1 O2 ; b: C1 D2 F2 O1 -> p_e = (2+2+2+2)/36 = 8/36 = 2/9.
        // kappa = (2/3 - 2/9) / (7/9) = (4/9) / (7/9) = 4/7.
        let a = ['C', 'C', 'D', 'F', 'O', 'O'];
        let b = ['C', 'D', 'D', 'F', 'O', 'F'];
        assert!((cohen_kappa(&a, &b).unwrap() - 4.0 / 7.0).abs() < 1e-12);
    }

    #[test]
    fn identical_codes_with_variation_give_one() {
        let a = [true, false, false, true];
        assert_eq!(cohen_kappa(&a, &a), Some(1.0));
    }

    #[test]
    fn opposite_codes_give_minus_one() {
        // p_o = 0, p_e = 0.5*0.5 + 0.5*0.5 = 0.5: kappa = -0.5 / 0.5 = -1.
        assert_eq!(cohen_kappa(&[true, false], &[false, true]), Some(-1.0));
    }

    #[test]
    fn no_variation_or_no_units_is_undefined() {
        // Both annotators left every token unlabelled (empty layers): p_e = 1.
        assert_eq!(cohen_kappa(&[false; 5], &[false; 5]), None);
        assert_eq!(cohen_kappa::<bool>(&[], &[]), None);
        // One annotator varies, the other does not: defined, and 0 (no better than chance).
        // p_o = 3/4, a: F3 T1, b: F4 -> p_e = 3/4; kappa = 0 / (1/4) = 0.
        assert_eq!(cohen_kappa(&[false, false, false, true], &[false; 4]), Some(0.0));
    }
}
