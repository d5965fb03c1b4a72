//! Tests of assignment: coverage, the overlap share and its spread over pairs, balance,
//! determinism, a second run after new documents, and the edge cases.

use super::assign::{AssignError, AssignOptions, assign, overlap_count, plan};
use crate::model::{DocId, Document, Project};
use std::collections::BTreeMap;

fn project(n: usize) -> Project {
    let mut p = Project::new("t");
    for i in 0..n {
        add(&mut p, i);
    }
    p
}

fn add(p: &mut Project, i: usize) {
    p.push_document(Document::new(DocId::new(format!("d{i:03}")), "x", format!("نص رقم {i}")));
}

fn options(names: &[&str], overlap: f64, seed: u64) -> AssignOptions {
    AssignOptions {
        annotators: names.iter().map(|n| n.to_string()).collect(),
        overlap,
        seed,
        reassign: false,
    }
}

/// Documents per annotator.
fn loads(p: &Project) -> BTreeMap<String, usize> {
    let mut loads = BTreeMap::new();
    for doc in &p.documents {
        for name in &doc.assigned {
            *loads.entry(name.clone()).or_insert(0) += 1;
        }
    }
    loads
}

/// Overlap documents per pair of annotators.
fn pairs(p: &Project) -> BTreeMap<(String, String), usize> {
    let mut pairs = BTreeMap::new();
    for doc in p.documents.iter().filter(|d| d.assigned.len() == 2) {
        *pairs.entry((doc.assigned[0].clone(), doc.assigned[1].clone())).or_insert(0) += 1;
    }
    pairs
}

fn spread(values: impl Iterator<Item = usize>) -> usize {
    let values: Vec<usize> = values.collect();
    values.iter().max().unwrap_or(&0) - values.iter().min().unwrap_or(&0)
}

#[test]
fn every_document_goes_to_one_or_two_annotators_with_the_share_on_two() {
    for (n, share) in [(100, 0.2), (37, 0.2), (10, 0.25), (1000, 0.13), (7, 0.5)] {
        let mut p = project(n);
        let report = assign(&mut p, &options(&["amal", "omar", "sara", "zaid"], share, 1)).unwrap();
        assert!(p.documents.iter().all(|d| (1..=2).contains(&d.assigned.len())), "{n}");
        let two = p.documents.iter().filter(|d| d.assigned.len() == 2).count();
        assert_eq!(two, (n as f64 * share).round() as usize, "{n} × {share}");
        assert_eq!(report.overlap, two);
        assert_eq!(report.assigned.len(), n);
        assert!(p.documents.iter().all(|d| d.assigned.windows(2).all(|w| w[0] < w[1])), "sorted, distinct");
        // Balanced within one, and the overlap spread evenly over the six pairs.
        assert!(spread(loads(&p).into_values()) <= 1, "{n}: {:?}", loads(&p));
        let per_pair = pairs(&p);
        if two >= 6 {
            assert_eq!(per_pair.len(), 6, "{n}: every pair shares documents");
        }
        let counts = (0..6).map(|i| per_pair.values().nth(i).copied().unwrap_or(0));
        assert!(spread(counts) <= 1, "{n}: {per_pair:?}");
        assert_eq!(p.validate(), vec![]);
    }
    assert_eq!(overlap_count(10, 0.25), 3, "a half rounds up");
    assert_eq!(overlap_count(10, 0.24), 2);
}

#[test]
fn the_same_seed_gives_the_same_assignment_and_another_seed_another() {
    let run = |seed| {
        let mut p = project(60);
        assign(&mut p, &options(&["amal", "omar", "sara"], 0.2, seed)).unwrap();
        p.documents.iter().map(|d| d.assigned.clone()).collect::<Vec<_>>()
    };
    assert_eq!(run(7), run(7));
    assert_ne!(run(7), run(8));
}

#[test]
fn a_second_run_assigns_only_the_new_documents_and_keeps_the_balance() {
    let mut p = project(40);
    let names = ["amal", "omar", "sara"];
    assign(&mut p, &options(&names, 0.2, 3)).unwrap();
    let before: Vec<Vec<String>> = p.documents.iter().map(|d| d.assigned.clone()).collect();
    for i in 40..51 {
        add(&mut p, i);
    }
    let report = assign(&mut p, &options(&names, 0.2, 3)).unwrap();
    assert_eq!((report.kept, report.assigned.len(), report.changed), (40, 11, 11));
    assert!(report.assigned.iter().all(|(d, _)| d.as_str() >= "d040"), "only the new ones");
    let after: Vec<Vec<String>> = p.documents.iter().take(40).map(|d| d.assigned.clone()).collect();
    assert_eq!(after, before, "earlier assignments are kept");
    assert!(p.documents.iter().all(|d| !d.assigned.is_empty()));
    assert_eq!(p.documents.iter().skip(40).filter(|d| d.assigned.len() == 2).count(), 2, "20% of 11");
    assert!(spread(loads(&p).into_values()) <= 1, "{:?}", loads(&p));
    // Nothing new: nothing to do, nothing changed.
    let nothing = assign(&mut p, &options(&names, 0.2, 3)).unwrap();
    assert!(nothing.assigned.is_empty() && nothing.changed == 0);
    // --reassign plans every document again: only those given other annotators are
    // changed (and copied); the others stay shared with the copy made before.
    let mut copy = p.clone();
    let redo = assign(&mut copy, &AssignOptions { reassign: true, ..options(&names, 0.2, 3) }).unwrap();
    let moved = redo.assigned.iter().zip(&p.documents).filter(|((_, who), d)| *who != d.assigned).count();
    assert!(moved > 0 && moved < 51, "{moved}");
    assert_eq!((redo.assigned.len(), redo.changed), (51, moved));
    let pairs = copy.documents.iter().zip(&p.documents);
    assert!(pairs.clone().all(|(a, b)| (a.assigned == b.assigned) == std::sync::Arc::ptr_eq(a, b)));
    let again = assign(&mut p, &AssignOptions { reassign: true, ..options(&names, 0.5, 9) }).unwrap();
    assert_eq!((again.assigned.len(), again.kept), (51, 0));
    assert_eq!(p.documents.iter().filter(|d| d.assigned.len() == 2).count(), 26);
}

#[test]
fn one_annotator_gets_every_document_and_no_overlap() {
    let mut p = project(9);
    let report = assign(&mut p, &options(&["amal"], 0.2, 0)).unwrap();
    assert!(p.documents.iter().all(|d| d.assigned == ["amal"]));
    assert!(report.overlap_needs_two && report.overlap == 0);
    let mut p = project(9);
    assert!(!assign(&mut p, &options(&["amal"], 0.0, 0)).unwrap().overlap_needs_two);
}

#[test]
fn more_annotators_than_documents() {
    let names = ["a", "b", "c", "d", "e"];
    let mut p = project(2);
    assign(&mut p, &options(&names, 0.2, 5)).unwrap();
    assert!(p.documents.iter().all(|d| d.assigned.len() == 1), "round(0.4) = 0 shared");
    assert_eq!(loads(&p).values().sum::<usize>(), 2);
    assert!(loads(&p).values().all(|&n| n == 1), "two different annotators");
    let mut p = project(2);
    assign(&mut p, &options(&names, 1.0, 5)).unwrap();
    assert!(p.documents.iter().all(|d| d.assigned.len() == 2));
    assert_eq!(loads(&p).len(), 4, "two disjoint pairs: {:?}", loads(&p));
}

#[test]
fn overlap_zero_and_one() {
    let names = ["amal", "omar", "sara", "zaid"];
    let mut p = project(30);
    assign(&mut p, &options(&names, 0.0, 2)).unwrap();
    assert!(p.documents.iter().all(|d| d.assigned.len() == 1));
    assert!(spread(loads(&p).into_values()) <= 1);
    let mut p = project(30);
    assign(&mut p, &options(&names, 1.0, 2)).unwrap();
    assert!(p.documents.iter().all(|d| d.assigned.len() == 2));
    assert_eq!(loads(&p).values().sum::<usize>(), 60);
    assert!(spread(loads(&p).into_values()) <= 1, "{:?}", loads(&p));
    assert!(spread(pairs(&p).into_values()) <= 1, "{:?}", pairs(&p));
}

#[test]
fn bad_options_are_refused_and_names_cleaned() {
    let p = project(3);
    assert_eq!(plan(&p, &options(&[], 0.2, 0)), Err(AssignError::NoAnnotators));
    assert_eq!(plan(&p, &options(&["a", "a"], 0.2, 0)), Err(AssignError::Duplicate("a".into())));
    assert_eq!(plan(&p, &options(&["a"], 1.5, 0)), Err(AssignError::BadOverlap(1.5)));
    assert!(matches!(plan(&p, &options(&["a"], f64::NAN, 0)), Err(AssignError::BadOverlap(_))));
    assert_eq!(plan(&p, &options(&["../x", "my name"], 0.2, 0)).unwrap().annotators, ["_x", "my_name"]);
    assert!(matches!(plan(&p, &options(&["..."], 0.2, 0)), Err(AssignError::BadName(_))));
}
