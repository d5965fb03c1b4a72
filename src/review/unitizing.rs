//! Krippendorff's unitizing alpha (`alpha_u`) over one continuum, as defined in
//! Krippendorff (1995), "On the reliability of unitizing continuous data", and
//! Krippendorff (2004), *Content Analysis*, 2nd ed., pp. 251-256.
//!
//! Each rater cuts the continuum `[0, L)`, per category, into sections: the units of
//! that category and the gaps between them (everything else). Disagreement is the
//! squared distance between sections of two raters that overlap ([`distance`]); the
//! observed disagreement sums it over every ordered pair of raters, the expected one
//! over every way the same units and gaps could have been placed. Per category
//! `alpha_c = 1 - D_o,c / D_e,c`; over all categories `alpha = 1 - Σ D_o,c / Σ D_e,c`.
//!
//! The method leaves units of one category by one rater that overlap undefined. Here
//! they are resolved before anything is counted: the units are taken by start, the
//! longer first at the same start, and a unit that overlaps one already kept is
//! dropped ([`Study::dropped`] counts them, so callers can warn). Units of length zero
//! carry no mass and are ignored.
//!
//! Sums are kept as exact integers (`u128`) and divided once at the end.

use std::collections::BTreeMap;

/// A stretch of the continuum as one rater sectioned it for one category: a unit of the
/// category, or a gap (no unit of the category there).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    /// Where it begins.
    pub start: u64,
    /// Its length (at least one).
    pub len: u64,
    /// A unit of the category (`true`) or a gap (`false`).
    pub unit: bool,
}

impl Section {
    pub fn unit(start: u64, len: u64) -> Self {
        Self { start, len, unit: true }
    }

    pub fn gap(start: u64, len: u64) -> Self {
        Self { start, len, unit: false }
    }

    fn end(self) -> u64 {
        self.start + self.len
    }
}

/// The squared distance `δ²` between two raters' sections (Krippendorff 2004, p. 253),
/// with `b` the begins, `l` the lengths:
///
/// - two units that overlap (`-l_a < b_a - b_b < l_b`): `(b_a - b_b)² + (e_a - e_b)²`,
///   the squared differences of their begins and of their ends;
/// - a unit inside the other rater's gap: the unit's length squared;
/// - anything else (two gaps, sections apart, a unit only partly in a gap): 0.
pub fn distance(a: Section, b: Section) -> u128 {
    let (a_start, a_len) = (i128::from(a.start), i128::from(a.len));
    let (b_start, b_len) = (i128::from(b.start), i128::from(b.len));
    let begin = a_start - b_start;
    let end = (a_start + a_len) - (b_start + b_len);
    let squared = |x: i128| x.unsigned_abs() * x.unsigned_abs();
    match (a.unit, b.unit) {
        (true, true) if -a_len < begin && begin < b_len => squared(begin) + squared(end),
        (true, false) if begin >= 0 && end <= 0 => squared(a_len),
        (false, true) if begin <= 0 && end >= 0 => squared(b_len),
        _ => 0,
    }
}

/// A unit a rater marked: `len` positions from `start`, of `category`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit<C> {
    pub rater: usize,
    pub start: u64,
    pub len: u64,
    pub category: C,
}

/// Observed and expected disagreement for one category.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Disagreement {
    pub observed: f64,
    pub expected: f64,
}

impl Disagreement {
    /// `1 - D_o / D_e`; `None` when `D_e` is 0 (no unit of the category, or nothing
    /// varies), since alpha is then undefined.
    pub fn alpha(self) -> Option<f64> {
        (self.expected > 0.0).then(|| 1.0 - self.observed / self.expected)
    }
}

/// Units of several raters on one continuum `[0, length)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Study<C> {
    raters: usize,
    length: u64,
    units: Vec<Unit<C>>,
}

impl<C: Ord + Clone> Study<C> {
    /// An empty study: `raters` raters over a continuum of `length` positions.
    pub fn new(raters: usize, length: u64) -> Self {
        Self { raters, length, units: Vec::new() }
    }

    pub fn raters(&self) -> usize {
        self.raters
    }

    pub fn length(&self) -> u64 {
        self.length
    }

    /// Adds a unit. Parts past the end of the continuum are cut off; a unit of a rater
    /// the study does not have is ignored.
    pub fn add(&mut self, rater: usize, start: u64, len: u64, category: C) {
        let end = start.saturating_add(len).min(self.length);
        if rater < self.raters && start < end {
            self.units.push(Unit { rater, start, len: end - start, category });
        }
    }

    /// The units of `rater` and `category` that count, in order, and how many were
    /// dropped because they overlap one kept before them.
    fn kept(&self, rater: usize, category: &C) -> (Vec<(u64, u64)>, usize) {
        let units: Vec<(u64, u64)> = self
            .units
            .iter()
            .filter(|u| u.rater == rater && &u.category == category)
            .map(|u| (u.start, u.len))
            .collect();
        keep(units)
    }

    /// Every category's units per rater, in the order added, from one pass over the units.
    fn grouped(&self) -> BTreeMap<&C, Vec<Vec<(u64, u64)>>> {
        let mut grouped: BTreeMap<&C, Vec<Vec<(u64, u64)>>> = BTreeMap::new();
        for unit in &self.units {
            let raters = grouped.entry(&unit.category).or_insert_with(|| vec![Vec::new(); self.raters]);
            if let Some(units) = raters.get_mut(unit.rater) {
                units.push((unit.start, unit.len));
            }
        }
        grouped
    }

    /// The sections (units and gaps, in order, covering the continuum) of one rater
    /// for one category.
    fn sections(&self, rater: usize, category: &C) -> Vec<Section> {
        self.sections_of(&self.kept(rater, category).0)
    }

    /// The sections of a rater's kept units (in order).
    fn sections_of(&self, kept: &[(u64, u64)]) -> Vec<Section> {
        let mut sections = Vec::new();
        let mut pos = 0;
        for &(start, len) in kept {
            if start > pos {
                sections.push(Section::gap(pos, start - pos));
            }
            sections.push(Section::unit(start, len));
            pos = start + len;
        }
        if self.length > pos {
            sections.push(Section::gap(pos, self.length - pos));
        }
        sections
    }

    /// Units dropped by the overlap rule, per rater and category (only those with some).
    pub fn dropped(&self) -> BTreeMap<(usize, C), usize> {
        self.figures().dropped.into_iter().map(|((rater, c), n)| ((rater, c.clone()), n)).collect()
    }

    /// Every category's disagreement and the units dropped, worked out in one pass over
    /// the units (rather than one per category and rater): what [`Study::category_alpha`],
    /// [`Study::alpha`] and [`Study::dropped`] give, for a study of many units.
    pub fn figures(&self) -> Figures<&C> {
        let mut figures = Figures { by_category: BTreeMap::new(), dropped: BTreeMap::new() };
        for (category, raters) in self.grouped() {
            let mut sections = Vec::with_capacity(raters.len());
            for (rater, units) in raters.into_iter().enumerate() {
                let (kept, dropped) = keep(units);
                if dropped > 0 {
                    figures.dropped.insert((rater, category), dropped);
                }
                sections.push(self.sections_of(&kept));
            }
            figures.by_category.insert(category, self.disagreement_of(&sections));
        }
        figures
    }

    /// Observed and expected disagreement for `category` (Krippendorff 2004, p. 253):
    ///
    /// `D_o = Σ_i Σ_j≠i Σ_g Σ_h δ²(g, h) / (m (m - 1) L²)` over the raters' sections;
    ///
    /// `D_e = (2 / L) Σ_units [(N - 1)(2l³ - 3l² + l) / 3 + l² Σ_gaps≥l (g - l + 1)]
    ///        / (mL (mL - 1) - Σ_units l (l - 1))`,
    ///
    /// with `m` raters, `N` units of the category (all raters), `l` a unit's length and
    /// `g` a gap's length (the gaps of every rater).
    pub fn disagreement(&self, category: &C) -> Disagreement {
        let sections: Vec<Vec<Section>> = (0..self.raters).map(|r| self.sections(r, category)).collect();
        self.disagreement_of(&sections)
    }

    /// [`Study::disagreement`] of one category cut into `sections` by each rater.
    fn disagreement_of(&self, sections: &[Vec<Section>]) -> Disagreement {
        let (m, length) = (self.raters as u128, u128::from(self.length));
        if m < 2 || length == 0 {
            return Disagreement { observed: 0.0, expected: 0.0 };
        }
        let mut observed: u128 = 0;
        for (i, a) in sections.iter().enumerate() {
            for b in sections.iter().skip(i + 1) {
                observed += pair_distance(a, b);
            }
        }
        let lengths: Vec<u128> = sections.iter().flatten().filter(|s| s.unit).map(|s| s.len.into()).collect();
        let mut gaps: Vec<u128> =
            sections.iter().flatten().filter(|s| !s.unit).map(|s| s.len.into()).collect();
        gaps.sort_unstable();
        // suffix[k] = Σ (g + 1) over gaps[k..], so the gaps a unit fits in add up at once.
        let mut suffix: Vec<u128> = gaps
            .iter()
            .rev()
            .scan(0, |sum, g| {
                *sum += g + 1;
                Some(*sum)
            })
            .collect();
        suffix.reverse();
        suffix.push(0);
        let n = lengths.len() as u128;
        let mut expected: u128 = 0;
        let mut squares: u128 = 0;
        for &l in &lengths {
            let first = gaps.partition_point(|&g| g < l);
            let fitting = (gaps.len() - first) as u128;
            let placements = suffix.get(first).copied().unwrap_or(0) - fitting * l;
            // (2l³ - 3l² + l) / 3 = l (l - 1)(2l - 1) / 3, a whole number.
            expected += n.saturating_sub(1) * (l * (l - 1) * (2 * l - 1) / 3) + l * l * placements;
            squares += l * (l - 1);
        }
        let pairs = m * length * (m * length - 1) - squares;
        Disagreement {
            // Σ over ordered pairs = 2 Σ over unordered ones.
            observed: 2.0 * observed as f64 / (m * (m - 1) * length * length) as f64,
            expected: 2.0 * expected as f64 / (length as f64 * pairs as f64),
        }
    }

    /// Alpha for one category; `None` when undefined.
    pub fn category_alpha(&self, category: &C) -> Option<f64> {
        self.disagreement(category).alpha()
    }

    /// Alpha over every category that has units: `1 - Σ D_o,c / Σ D_e,c` (not the mean
    /// of the categories' alphas). `None` when undefined (no units at all).
    pub fn alpha(&self) -> Option<f64> {
        self.figures().alpha()
    }
}

/// The units that count of one rater and category, given in the order added: taken by
/// start, the longer first at the same start, a unit overlapping one kept before it
/// dropped; and how many were dropped.
fn keep(mut units: Vec<(u64, u64)>) -> (Vec<(u64, u64)>, usize) {
    units.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut kept: Vec<(u64, u64)> = Vec::with_capacity(units.len());
    let mut dropped = 0;
    for (start, len) in units {
        if kept.last().is_some_and(|&(s, l)| start < s + l) {
            dropped += 1;
        } else {
            kept.push((start, len));
        }
    }
    (kept, dropped)
}

/// Every category's disagreement in a study, and the units the overlap rule dropped
/// (see [`Study::figures`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Figures<C> {
    /// Per category with units.
    pub by_category: BTreeMap<C, Disagreement>,
    /// Per rater and category, where some were dropped.
    pub dropped: BTreeMap<(usize, C), usize>,
}

impl<C: Ord> Figures<C> {
    /// Alpha for one category; `None` when undefined (as for a category with no units).
    pub fn category_alpha(&self, category: &C) -> Option<f64> {
        self.by_category.get(category).and_then(|d| d.alpha())
    }

    /// Alpha over every category: `1 - Σ D_o,c / Σ D_e,c`, summed in category order.
    pub fn alpha(&self) -> Option<f64> {
        let (observed, expected) =
            self.by_category.values().fold((0.0, 0.0), |(o, e), d| (o + d.observed, e + d.expected));
        Disagreement { observed, expected }.alpha()
    }
}

/// `Σ δ²` over the pairs of sections of two raters that share a position. Both lists
/// cover the continuum in order, so one sweep visits each such pair once; sections
/// that share no position are 0 apart.
fn pair_distance(a: &[Section], b: &[Section]) -> u128 {
    let (mut i, mut j, mut sum) = (0, 0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        sum += distance(x, y);
        match x.end().cmp(&y.end()) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    /// All pairs, without the sweep: the definition applied literally.
    fn brute_force(a: &[Section], b: &[Section]) -> u128 {
        a.iter().flat_map(|x| b.iter().map(move |y| distance(*x, *y))).sum()
    }

    #[test]
    fn the_sweep_sums_what_all_pairs_sum() {
        let mut study = Study::new(3, 40);
        for (rater, start, len) in [(0, 0, 5), (0, 7, 10), (0, 30, 10), (1, 2, 3), (1, 6, 20), (2, 39, 1)] {
            study.add(rater, start, len, 'c');
        }
        for (x, y) in [(0, 1), (0, 2), (1, 2)] {
            let (a, b) = (study.sections(x, &'c'), study.sections(y, &'c'));
            assert_eq!(pair_distance(&a, &b), brute_force(&a, &b), "{x} {y}");
        }
        // Sections cover the continuum.
        let sections = study.sections(0, &'c');
        assert_eq!(sections.first().map(|s| s.start), Some(0));
        assert_eq!(sections.last().map(|s| s.end()), Some(40));
        assert!(sections.windows(2).all(|w| w[0].end() == w[1].start));
    }

    #[test]
    fn overlapping_units_keep_the_earliest_then_the_longest() {
        let mut study = Study::new(2, 20);
        // rater 0: 2..6 and 2..10 start together (the longer stays); 8..12 overlaps it
        // (dropped); 10..12 starts where it ends (kept).
        for (start, len) in [(2, 4), (2, 8), (8, 4), (10, 2)] {
            study.add(0, start, len, 'c');
        }
        study.add(0, 4, 2, 'k');
        assert_eq!(study.kept(0, &'c'), (vec![(2, 8), (10, 2)], 2));
        assert_eq!(study.dropped(), BTreeMap::from([((0, 'c'), 2)]));
    }

    #[test]
    fn units_outside_the_continuum_are_cut_or_ignored() {
        let mut study = Study::new(2, 10);
        study.add(0, 8, 5, 'c');
        study.add(0, 12, 5, 'c');
        study.add(5, 0, 5, 'c');
        study.add(1, 3, 0, 'c');
        assert_eq!(study.units, [Unit { rater: 0, start: 8, len: 2, category: 'c' }]);
    }
}
