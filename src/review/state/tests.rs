//! Review mode's state: the pair compared, decisions that never skip an item, what is
//! decided and what remains, and what both agree on.

use super::*;
use crate::model::History;
use crate::review::disagreement::spans::tests::review_project;

fn doc() -> DocId {
    DocId::new("d")
}

/// The state refreshed after `history`'s last change.
fn refresh(state: &mut ReviewState, p: &Project, history: &History) {
    state.refresh(p, &doc(), history.generation(), history.depth());
}

/// Decides the current item with `choice` as the session does: the gold command as one
/// undo step, remembered, then on to the next undecided item.
fn decide(state: &mut ReviewState, p: &mut Project, history: &mut History, choice: Choice) {
    let decision = state.decision(choice, None).unwrap();
    let command = state.decide(p, &doc(), &decision, "lina", Timestamp(9)).unwrap().unwrap();
    history.apply(p, command).unwrap();
    state.remember_decision(&doc(), history.depth());
    refresh(state, p, history);
    state.next_undecided();
}

#[test]
fn the_pair_leaves_the_reviewer_out_and_a_choice_for_one_slot_swaps_with_the_other() {
    let mut p = review_project();
    let doc = p.documents[0].clone();
    p.layers.entry("lina".into()).or_default().doc_mut(&doc).spans = Vec::new();
    assert_eq!(ReviewState::new(&p, "lina").annotators(), ["amal", "omar"]);
    // The reviewer's own layer only when there is no other choice, in the project's order.
    assert_eq!(ReviewState::new(&p, "amal").annotators(), ["lina", "omar"]);
    let mut state = ReviewState::new(&p, "lina");
    state.set_compared(&p, 1, "lina");
    assert_eq!(state.annotators(), ["amal", "lina"]);
    state.set_compared(&p, 0, "lina");
    assert_eq!(state.annotators(), ["lina", "amal"], "B's annotator chosen for A: they swap");
    state.set_compared(&p, 0, "zaid");
    assert_eq!(state.annotators(), ["lina", "amal"], "an unknown name changes nothing");
}

#[test]
fn a_decision_moves_to_the_next_undecided_item_and_never_skips_one() {
    let mut p = review_project();
    let mut history = History::default();
    let mut state = ReviewState::new(&p, "lina");
    refresh(&mut state, &p, &history);
    // 4..6 label, 7..13 boundary, 14..19 only amal, 20..22 only omar.
    assert_eq!(state.disagreements().len(), 4);
    assert_eq!((state.current(), state.progress()), (Some(0), (0, 4)));
    decide(&mut state, &mut p, &mut history, Choice::First);
    assert_eq!((state.current(), state.progress()), (Some(1), (1, 3)));
    // J steps over item 1 without deciding it.
    assert!(state.step(true).is_some());
    assert_eq!(state.current(), Some(2));
    // R leaves nothing in gold, yet the item is decided.
    decide(&mut state, &mut p, &mut history, Choice::Reject);
    assert!(state.is_decided(2) && state.decided_count(2) == 0);
    assert_eq!(state.current(), Some(3));
    // A on "only omar" (A = amal marked nothing there): decided, and the cursor goes back
    // to the item J stepped over.
    decide(&mut state, &mut p, &mut history, Choice::First);
    assert!(state.is_decided(3));
    assert_eq!((state.current(), state.progress()), (Some(1), (3, 1)));
    decide(&mut state, &mut p, &mut history, Choice::Second);
    assert_eq!(state.progress(), (4, 0));
    assert_eq!(state.next_undecided(), None, "nothing left: the cursor stays");
    assert_eq!(state.current(), Some(1));
}

#[test]
fn an_undone_decision_is_undecided_again() {
    let mut p = review_project();
    let mut history = History::default();
    let mut state = ReviewState::new(&p, "lina");
    refresh(&mut state, &p, &history);
    state.go_to(2);
    decide(&mut state, &mut p, &mut history, Choice::Reject);
    assert!(state.is_decided(2));
    assert!(history.undo(&mut p).unwrap());
    refresh(&mut state, &p, &history);
    assert!(!state.is_decided(2), "the reject was undone");
    assert_eq!(state.progress(), (0, 4));
}

#[test]
fn what_both_agree_on_is_counted_until_it_is_in_gold() {
    let mut p = review_project();
    let mut history = History::default();
    let mut state = ReviewState::new(&p, "lina");
    refresh(&mut state, &p, &history);
    // Both marked the claim 0..3.
    assert_eq!(state.agreed(), Agreed { spans: 1, links: 0 });
    let command = auto_accept_agreed(&p, &doc(), &["amal", "omar"], "lina", Timestamp(9));
    history.apply(&mut p, command).unwrap();
    refresh(&mut state, &p, &history);
    assert!(state.agreed().is_empty());
}
