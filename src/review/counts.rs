//! The counts behind nominal alpha and Cohen's kappa, added up document by document, so
//! that the codes of a whole project (a label for every character of every text) are
//! never held at once.
//!
//! Both measures need only integer sums: the units, how many units each coder gave each
//! code, and on how many units each two coders differ. [`CodeCounts::alpha`] and
//! [`CodeCounts::kappa`] turn them into the figures with the very arithmetic of
//! [`nominal_alpha`](super::alpha::nominal_alpha) and
//! [`cohen_kappa`](super::kappa::cohen_kappa) over the documents' codes joined end to
//! end, so the figures are the same to the last bit.

use super::coding::Run;

/// Counts of units coded by every coder of a comparison, codes being small numbers
/// (a label's place; 0 for none; 0 and 1 for no and yes).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CodeCounts {
    units: u128,
    /// `totals[c][k]`: units coder `c` gave code `k`.
    totals: Vec<Vec<u128>>,
    /// `differ[i][j]` for `i < j`: units on which coders `i` and `j` differ.
    differ: Vec<Vec<u128>>,
}

impl CodeCounts {
    /// No units yet, `coders` coders.
    pub fn new(coders: usize) -> Self {
        Self { units: 0, totals: vec![Vec::new(); coders], differ: vec![vec![0; coders]; coders] }
    }

    /// The units added so far.
    pub fn units(&self) -> u128 {
        self.units
    }

    /// Adds units coded `codes[c][u]` by each coder `c` (one sequence per coder; units
    /// past the shortest are left out, as the measures over whole sequences do).
    pub fn add(&mut self, codes: &[&[u32]]) {
        let units = codes.iter().map(|c| c.len()).min().unwrap_or(0);
        self.units += units as u128;
        for (i, a) in codes.iter().enumerate() {
            let Some(a) = a.get(..units) else { continue };
            if let Some(totals) = self.totals.get_mut(i) {
                count_codes(totals, a);
            }
            for (j, b) in codes.iter().enumerate().skip(i + 1) {
                let differ = a.iter().zip(b.iter()).filter(|(x, y)| x != y).count() as u128;
                if let Some(d) = self.differ.get_mut(i).and_then(|row| row.get_mut(j)) {
                    *d += differ;
                }
            }
        }
    }

    /// [`CodeCounts::add`] of codes given as runs (`(code, units)`, see
    /// [`char_runs`](super::coding::char_runs)): the same counts, without a value per unit.
    pub fn add_runs(&mut self, runs: &[&[Run]]) {
        let units = runs.iter().map(|r| r.iter().map(|&(_, n)| n).sum::<u64>()).min().unwrap_or(0);
        self.units += u128::from(units);
        for (i, a) in runs.iter().enumerate() {
            if let Some(totals) = self.totals.get_mut(i) {
                for (code, n) in clipped(a, units).filter(|&(_, n)| n > 0) {
                    let k = code as usize;
                    if totals.len() <= k {
                        totals.resize(k + 1, 0);
                    }
                    if let Some(total) = totals.get_mut(k) {
                        *total += u128::from(n);
                    }
                }
            }
            for (j, b) in runs.iter().enumerate().skip(i + 1) {
                let differ = runs_differ(a, b, units);
                if let Some(d) = self.differ.get_mut(i).and_then(|row| row.get_mut(j)) {
                    *d += u128::from(differ);
                }
            }
        }
    }

    /// Adds `units` units to which every coder gave code 0 (nothing marked).
    pub fn add_blank(&mut self, units: usize) {
        self.units += units as u128;
        for totals in &mut self.totals {
            if totals.is_empty() {
                totals.push(0);
            }
            if let Some(zero) = totals.first_mut() {
                *zero += units as u128;
            }
        }
    }

    /// Nominal Krippendorff's alpha over every coder: what
    /// [`nominal_alpha`](super::alpha::nominal_alpha) gives over the codes added, joined.
    pub fn alpha(&self) -> Option<f64> {
        let m = self.totals.len();
        if m < 2 || self.units == 0 {
            return None;
        }
        let mut disagreeing: u128 = 0;
        for (i, row) in self.differ.iter().enumerate() {
            disagreeing += row.iter().skip(i + 1).map(|d| 2 * d).sum::<u128>();
        }
        let codes = self.totals.iter().map(Vec::len).max().unwrap_or(0);
        let squares: u128 = (0..codes)
            .map(|k| self.totals.iter().filter_map(|t| t.get(k)).sum::<u128>())
            .map(|n_k| n_k * n_k)
            .sum();
        let n = m as u128 * self.units;
        let expected = n * n - squares;
        if expected == 0 {
            return None;
        }
        let observed = (n - 1) * disagreeing;
        Some(1.0 - observed as f64 / (((m - 1) as u128) * expected) as f64)
    }

    /// Cohen's kappa between the first two coders: what
    /// [`cohen_kappa`](super::kappa::cohen_kappa) gives over their codes added, joined.
    pub fn kappa(&self) -> Option<f64> {
        let (a, b) = (self.totals.first()?, self.totals.get(1)?);
        let n = self.units;
        let differ = self.differ.first().and_then(|row| row.get(1)).copied().unwrap_or(0);
        let agree = n - differ;
        let chance: u128 = a.iter().zip(b).map(|(na, nb)| na * nb).sum();
        let denominator = n * n - chance;
        if n == 0 || denominator == 0 {
            return None;
        }
        let numerator = agree as f64 * n as f64 - chance as f64;
        Some(numerator / denominator as f64)
    }
}

/// The runs cut off after `units` units.
fn clipped(runs: &[Run], units: u64) -> impl Iterator<Item = Run> + '_ {
    runs.iter().scan(0u64, move |at, &(code, n)| {
        let taken = n.min(units.saturating_sub(*at));
        *at += n;
        Some((code, taken))
    })
}

/// On how many of the first `units` units two coders' runs differ.
fn runs_differ(a: &[Run], b: &[Run], units: u64) -> u64 {
    let (mut a, mut b) = (clipped(a, units).peekable(), clipped(b, units).peekable());
    let (mut left_a, mut left_b, mut differ) = (0u64, 0u64, 0u64);
    let (mut code_a, mut code_b) = (0, 0);
    loop {
        if left_a == 0 {
            let Some((code, n)) = a.next() else { break };
            (code_a, left_a) = (code, n);
            continue;
        }
        if left_b == 0 {
            let Some((code, n)) = b.next() else { break };
            (code_b, left_b) = (code, n);
            continue;
        }
        let step = left_a.min(left_b);
        if code_a != code_b {
            differ += step;
        }
        left_a -= step;
        left_b -= step;
    }
    differ
}

/// Adds each code's units to `totals`, run by run (codes come in long runs along a text).
fn count_codes(totals: &mut Vec<u128>, codes: &[u32]) {
    let mut run: Option<(u32, u128)> = None;
    let flush = |totals: &mut Vec<u128>, (code, len): (u32, u128)| {
        let k = code as usize;
        if totals.len() <= k {
            totals.resize(k + 1, 0);
        }
        if let Some(total) = totals.get_mut(k) {
            *total += len;
        }
    };
    for &code in codes {
        match &mut run {
            Some((current, len)) if *current == code => *len += 1,
            _ => {
                if let Some(done) = run.replace((code, 1)) {
                    flush(totals, done);
                }
            }
        }
    }
    if let Some(done) = run {
        flush(totals, done);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::alpha::nominal_alpha;
    use crate::review::kappa::cohen_kappa;

    /// A small deterministic sequence of codes below `codes`, long runs and short ones.
    fn sequence(seed: u64, len: usize, codes: u64) -> Vec<u32> {
        let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let mut current = 0;
        (0..len)
            .map(|_| {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                if (state >> 33).is_multiple_of(4) {
                    current = ((state >> 40) % codes) as u32;
                }
                current
            })
            .collect()
    }

    #[test]
    fn counts_added_piece_by_piece_give_the_figures_of_the_whole() {
        for (coders, codes) in [(2, 2), (2, 4), (3, 2), (4, 5)] {
            // Three "documents" per coder, one of them blank for everyone.
            let pieces: Vec<Vec<Vec<u32>>> = [17, 40, 9]
                .iter()
                .enumerate()
                .map(|(d, &len)| (0..coders).map(|c| sequence((d * 10 + c) as u64, len, codes)).collect())
                .collect();
            let mut counts = CodeCounts::new(coders);
            for piece in &pieces {
                let slices: Vec<&[u32]> = piece.iter().map(Vec::as_slice).collect();
                counts.add(&slices);
            }
            counts.add_blank(6);
            let whole: Vec<Vec<u32>> = (0..coders)
                .map(|c| pieces.iter().flat_map(|p| p[c].iter().copied()).chain([0; 6]).collect())
                .collect();
            let slices: Vec<&[u32]> = whole.iter().map(Vec::as_slice).collect();
            assert_eq!(counts.units(), whole[0].len() as u128);
            let alpha = counts.alpha();
            assert!(alpha.is_some(), "{coders} coders, {codes} codes");
            assert_eq!(alpha, nominal_alpha(&slices), "{coders} coders, {codes} codes");
            assert_eq!(counts.kappa(), cohen_kappa(slices[0], slices[1]), "{coders} coders, {codes} codes");
        }
    }

    /// Codes as runs.
    fn runs(codes: &[u32]) -> Vec<Run> {
        let mut runs: Vec<Run> = Vec::new();
        for &code in codes {
            match runs.last_mut() {
                Some((last, n)) if *last == code => *n += 1,
                _ => runs.push((code, 1)),
            }
        }
        runs
    }

    #[test]
    fn runs_count_what_their_units_count() {
        for (coders, codes) in [(2, 2), (2, 5), (3, 3)] {
            let mut by_unit = CodeCounts::new(coders);
            let mut by_run = CodeCounts::new(coders);
            for (d, len) in [30, 0, 55, 7].into_iter().enumerate() {
                let seqs: Vec<Vec<u32>> =
                    (0..coders).map(|c| sequence((d * 7 + c) as u64 + 100, len, codes)).collect();
                // A coder with units past the others': those are left out both ways.
                let mut long = seqs.clone();
                long[0].extend([1, 1, 0]);
                by_unit.add(&long.iter().map(Vec::as_slice).collect::<Vec<_>>());
                let as_runs: Vec<Vec<Run>> = long.iter().map(|s| runs(s)).collect();
                by_run.add_runs(&as_runs.iter().map(Vec::as_slice).collect::<Vec<_>>());
            }
            assert_eq!(by_run, by_unit, "{coders} coders, {codes} codes");
        }
    }

    #[test]
    fn hand_worked_and_undefined() {
        // The two-coder example of alpha.rs: alpha 1 - 76/192; kappa 7/12 (kappa.rs).
        let a: Vec<u32> = "CCCCOOOOOO".chars().map(|c| u32::from(c == 'C')).collect();
        let b: Vec<u32> = "CCCOOOOOOC".chars().map(|c| u32::from(c == 'C')).collect();
        let mut counts = CodeCounts::new(2);
        counts.add(&[&a[..4], &b[..4]]);
        counts.add(&[&a[4..], &b[4..]]);
        assert!((counts.alpha().unwrap_or(0.0) - (1.0 - 76.0 / 192.0)).abs() < 1e-12);
        assert!((counts.kappa().unwrap_or(0.0) - 7.0 / 12.0).abs() < 1e-12);
        // No units, nothing marked by anyone, a single coder: undefined.
        assert_eq!((CodeCounts::new(2).alpha(), CodeCounts::new(2).kappa()), (None, None));
        let mut blank = CodeCounts::new(2);
        blank.add_blank(9);
        assert_eq!((blank.alpha(), blank.kappa()), (None, None));
        let mut alone = CodeCounts::new(1);
        alone.add(&[&a]);
        assert_eq!((alone.alpha(), alone.kappa()), (None, None));
    }
}
