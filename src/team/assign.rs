//! Assigning documents to annotators: every document to at least one, a share of them to
//! exactly two (spread evenly over the pairs, so agreement can be measured between every
//! two colleagues), each annotator's load balanced within one, the same result for the
//! same seed.
//!
//! The plan is made in three steps over the documents still to assign (all of them with
//! `reassign`, else those assigned to nobody yet):
//! 1. The documents are shuffled by the seed; the first `round(share × n)` of them are the
//!    overlap documents.
//! 2. Each pair of annotators gets `m / pairs` overlap documents, and the `m % pairs` left
//!    go one by one to the pair whose two annotators hold the fewest documents so far
//!    (ties broken by a seeded order of the pairs).
//! 3. Each other document goes to the annotator holding the fewest so far (ties broken by
//!    a seeded order of the annotators), so the loads end within one of each other when
//!    they started so.
//!
//! Loads count the documents an annotator already holds, so a second run after new
//! documents were imported keeps the balance.

use super::rng::SplitMix;
use crate::model::{DocId, Project, clean_name};
use std::collections::BTreeMap;

/// What to assign, and how.
#[derive(Clone, Debug, PartialEq)]
pub struct AssignOptions {
    /// The annotators, as given (each cleaned by the one rule for names).
    pub annotators: Vec<String>,
    /// The share of documents that go to exactly two annotators, `0..=1`.
    pub overlap: f64,
    /// Seed of the shuffles: the same seed gives the same assignment.
    pub seed: u64,
    /// Assign every document again, forgetting earlier assignments.
    pub reassign: bool,
}

impl Default for AssignOptions {
    fn default() -> Self {
        Self { annotators: Vec::new(), overlap: DEFAULT_OVERLAP, seed: 0, reassign: false }
    }
}

/// The overlap share when none is given.
pub const DEFAULT_OVERLAP: f64 = 0.2;

/// Why documents could not be assigned.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum AssignError {
    #[error("name at least one annotator")]
    NoAnnotators,
    #[error("annotator name {0:?} needs at least one letter or digit")]
    BadName(String),
    #[error("annotator {0:?} is named twice")]
    Duplicate(String),
    #[error("the overlap share must lie between 0 and 1, got {0}")]
    BadOverlap(f64),
}

/// What an assignment did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AssignReport {
    /// The annotators, cleaned, in the order given.
    pub annotators: Vec<String>,
    /// The documents given annotators now, with them (sorted), in project order.
    pub assigned: Vec<(DocId, Vec<String>)>,
    /// How many of those went to two annotators.
    pub overlap: usize,
    /// Documents that kept the annotators they had.
    pub kept: usize,
    /// Set when an overlap was asked for with a single annotator, who gets every document.
    pub overlap_needs_two: bool,
    /// Documents whose annotators [`assign`] changed (0 from [`plan`]): with none, the
    /// project is as it was and need not be saved.
    pub changed: usize,
}

/// Cleans and checks the annotator names and the share.
pub fn check_options(options: &AssignOptions) -> Result<Vec<String>, AssignError> {
    if !(0.0..=1.0).contains(&options.overlap) {
        return Err(AssignError::BadOverlap(options.overlap));
    }
    let mut names: Vec<String> = Vec::new();
    for raw in options.annotators.iter().map(|a| a.trim()).filter(|a| !a.is_empty()) {
        let name = clean_name(raw).ok_or_else(|| AssignError::BadName(raw.to_string()))?;
        if names.contains(&name) {
            return Err(AssignError::Duplicate(name));
        }
        names.push(name);
    }
    if names.is_empty() {
        return Err(AssignError::NoAnnotators);
    }
    Ok(names)
}

/// Plans the assignment (see the module documentation) without changing the project:
/// the documents to give annotators, each with its annotators (sorted).
pub fn plan(project: &Project, options: &AssignOptions) -> Result<AssignReport, AssignError> {
    let names = check_options(options)?;
    let mut rng = SplitMix::new(options.seed);
    let mut loads: Vec<usize> = vec![0; names.len()];
    let mut todo: Vec<&DocId> = Vec::new();
    let mut kept = 0;
    for doc in &project.documents {
        if options.reassign || doc.assigned.is_empty() {
            todo.push(&doc.id);
        } else {
            kept += 1;
            for (load, name) in loads.iter_mut().zip(&names) {
                *load += usize::from(doc.is_assigned_to(name));
            }
        }
    }
    let overlap_needs_two = names.len() < 2 && options.overlap > 0.0 && !todo.is_empty();
    let overlap = if names.len() < 2 { 0 } else { overlap_count(todo.len(), options.overlap) };
    rng.shuffle(&mut todo);
    let (pairs_of, singles) = todo.split_at(overlap.min(todo.len()));
    let mut pairs = pair_slots(names.len(), pairs_of.len(), &mut loads, &mut rng);
    rng.shuffle(&mut pairs);
    let mut chosen: BTreeMap<&DocId, Vec<usize>> = BTreeMap::new();
    for (doc, (a, b)) in pairs_of.iter().zip(pairs) {
        chosen.insert(doc, vec![a, b]);
    }
    let mut order: Vec<usize> = (0..names.len()).collect();
    rng.shuffle(&mut order);
    let mut single_slots = Vec::with_capacity(singles.len());
    for _ in singles {
        // The least loaded annotator, the first in the seeded order among equals.
        let Some(&who) = order.iter().min_by_key(|&&i| loads.get(i).copied().unwrap_or(usize::MAX)) else {
            break;
        };
        if let Some(load) = loads.get_mut(who) {
            *load += 1;
        }
        single_slots.push(who);
    }
    rng.shuffle(&mut single_slots);
    for (doc, who) in singles.iter().zip(single_slots) {
        chosen.insert(doc, vec![who]);
    }
    let assigned = project
        .documents
        .iter()
        .filter_map(|d| {
            let who = chosen.get(&d.id)?;
            let mut annotators: Vec<String> = who.iter().filter_map(|&i| names.get(i).cloned()).collect();
            annotators.sort();
            Some((d.id.clone(), annotators))
        })
        .collect();
    Ok(AssignReport { annotators: names, assigned, overlap, kept, overlap_needs_two, changed: 0 })
}

/// `share × n` rounded to a whole number of documents (halves up).
pub fn overlap_count(n: usize, share: f64) -> usize {
    ((n as f64 * share).round() as usize).min(n)
}

/// The pair of annotators for each of `m` overlap documents: every pair the same number,
/// the rest to the least loaded pairs (see the module documentation). `loads` is updated.
fn pair_slots(k: usize, m: usize, loads: &mut [usize], rng: &mut SplitMix) -> Vec<(usize, usize)> {
    let mut all: Vec<(usize, usize)> = (0..k).flat_map(|a| (a + 1..k).map(move |b| (a, b))).collect();
    if all.is_empty() || m == 0 {
        return Vec::new();
    }
    rng.shuffle(&mut all);
    let mut slots = Vec::with_capacity(m);
    for &(a, b) in &all {
        for _ in 0..m / all.len() {
            slots.push((a, b));
        }
    }
    let load = |loads: &[usize], i: usize| loads.get(i).copied().unwrap_or(0);
    for (a, b) in &slots {
        for i in [*a, *b] {
            if let Some(l) = loads.get_mut(i) {
                *l += 1;
            }
        }
    }
    let mut left = all.clone();
    for _ in 0..m % all.len() {
        let Some(at) = (0..left.len()).min_by_key(|&i| {
            let (a, b) = left.get(i).copied().unwrap_or_default();
            (load(loads, a) + load(loads, b), load(loads, a).max(load(loads, b)))
        }) else {
            break;
        };
        let (a, b) = left.remove(at);
        for i in [a, b] {
            if let Some(l) = loads.get_mut(i) {
                *l += 1;
            }
        }
        slots.push((a, b));
    }
    slots
}

/// Assigns the documents (see [`plan`]) and returns what it did. Earlier assignments of
/// the documents assigned again are replaced; a document whose annotators stay the same is
/// not touched (nor copied, when its text is shared with another copy of the project).
pub fn assign(project: &mut Project, options: &AssignOptions) -> Result<AssignReport, AssignError> {
    let mut report = plan(project, options)?;
    // Both lists are in project order: walked side by side, no lookup is needed.
    let mut planned = report.assigned.iter().peekable();
    for doc in &mut project.documents {
        let Some((_, annotators)) = planned.next_if(|(id, _)| *id == doc.id) else { continue };
        if doc.assigned != *annotators {
            std::sync::Arc::make_mut(doc).assigned = annotators.clone();
            report.changed += 1;
        }
    }
    Ok(report)
}
