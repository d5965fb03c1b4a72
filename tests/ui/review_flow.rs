//! Review as a reviewer steers it, on the sample project (amal and omar): decisions by
//! keyboard that never skip an undecided item, the decided / remaining counter, the offer
//! to accept what both agree on (and its undo), room for the marks under the text, and
//! the agreement panel with its link and figure-value figures.

#![allow(clippy::unwrap_used)] // a test fails loudly on a broken fixture

use crate::common;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hashiya::app::HashiyaApp;
use hashiya::model::{DocId, Span};
use hashiya::ui::Action;
use hashiya::ui::commands::UiCommand;

/// The sample's document with the most disagreements between amal and omar.
const DOC: &str = "003_0a644b1ad7aeaa48";

fn gold(h: &Harness<'_, HashiyaApp>, doc: &DocId) -> Vec<Span> {
    h.state().session.workspace().unwrap().project.gold.spans(doc).to_vec()
}

/// (current item, decided, remaining) of review mode.
fn cursor(h: &Harness<'_, HashiyaApp>) -> (usize, usize, usize) {
    let review = h.state().session.review().unwrap();
    let (decided, remaining) = review.progress();
    (review.current().unwrap(), decided, remaining)
}

fn reviewing(doc: &str) -> (Harness<'static, HashiyaApp>, tempfile::TempDir) {
    let (mut h, dir, _) = common::window::sample_window("lina");
    h.state_mut().push(Action::ReviewDocument(DocId::new(doc)));
    h.run();
    h.run();
    assert!(h.state().session.review().is_some());
    (h, dir)
}

#[test]
fn a_then_j_never_skips_an_undecided_item_and_the_counter_follows() {
    let (mut h, _dir) = reviewing(DOC);
    let review = h.state().session.review().unwrap();
    assert_eq!(review.annotators(), ["amal", "omar"], "lina's own layer is not compared");
    let n = review.disagreements().len();
    assert!(n >= 4, "{n} items");
    assert_eq!(cursor(&h), (0, 0, n));
    h.get_by_label_contains(&format!("{n} items · 0 decided · {n} remaining"));
    // The hint names who A and B stand for.
    h.get_by_label_contains("A = amal · B = omar");

    // What both agree on goes into gold first (values are decided on gold spans).
    h.key_press(Key::G);
    h.run();
    assert_eq!(cursor(&h), (0, 0, n), "accepting what both agree on decides no item");
    // A decides item 0 and moves to item 1, the next undecided one.
    h.key_press(Key::A);
    h.run();
    assert_eq!(cursor(&h), (1, 1, n - 1));
    h.get_by_label_contains(&format!("1 decided · {} remaining", n - 1));
    // J steps on to item 2 without deciding item 1.
    h.key_press(Key::J);
    h.run();
    assert_eq!(cursor(&h), (2, 1, n - 1));
    // Deciding the rest with A: each decision lands on an undecided item, and once the
    // last of them is decided the cursor comes back to item 1, which J stepped over.
    for _ in 0..n {
        let (current, decided, remaining) = cursor(&h);
        if remaining == 1 {
            assert_eq!(current, 1, "the item J stepped over is not lost");
        }
        assert!(!h.state().session.review().unwrap().is_decided(current));
        h.key_press(Key::A);
        h.run();
        let (_, now_decided, now_remaining) = cursor(&h);
        assert_eq!((now_decided, now_remaining), (decided + 1, remaining - 1));
        if now_remaining == 0 {
            break;
        }
    }
    assert_eq!((cursor(&h).1, cursor(&h).2), (n, 0));
    h.get_by_label_contains(&format!("{n} decided · 0 remaining"));
    // U with nothing left says so and stays put.
    let before = cursor(&h).0;
    h.key_press(Key::U);
    h.run();
    assert_eq!(cursor(&h).0, before);
    assert!(h.state().toasts.messages().any(|(_, t)| t.contains("Every item on this document is decided")));
    // Undoing the last decision makes its item undecided again.
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(cursor(&h).1, n - 1);
    h.key_press(Key::U);
    h.run();
    assert!(!h.state().session.review().unwrap().is_decided(cursor(&h).0));
}

#[test]
fn entering_review_offers_what_both_agree_on_and_undo_takes_it_back() {
    let (mut h, _dir) = reviewing(DOC);
    let doc = DocId::new(DOC);
    let agreed = h.state().session.review().unwrap().agreed();
    assert!(agreed.spans > 0, "amal and omar agree on some spans here");
    let offer = format!(
        "{} span{} and {} link{} amal and omar agree on: accept into gold?",
        agreed.spans,
        if agreed.spans == 1 { "" } else { "s" },
        agreed.links,
        if agreed.links == 1 { "" } else { "s" },
    );
    h.get_by_label(&offer);
    assert!(gold(&h, &doc).is_empty(), "nothing goes into gold without the reviewer");
    // Changing the pair (and back) accepts nothing either.
    h.state_mut().push(Action::Compare(0, "omar".into()));
    h.run();
    assert_eq!(h.state().session.review().unwrap().annotators(), ["omar", "amal"]);
    h.state_mut().push(Action::Compare(0, "amal".into()));
    h.run();
    assert!(gold(&h, &doc).is_empty(), "toggling the pair never accepts");
    // The button (G does the same) accepts them as one step.
    h.get_by_label("Accept into gold (G)").click();
    h.run();
    assert_eq!(gold(&h, &doc).len(), agreed.spans);
    assert!(
        h.state().toasts.messages().any(|(_, t)| t.starts_with(&format!("Accepted {} span", agreed.spans)))
    );
    assert!(h.query_by_label(&offer).is_none(), "nothing left to offer");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(gold(&h, &doc).is_empty(), "one undo takes the whole acceptance back");
    h.get_by_label(&offer);
    h.key_press(Key::G);
    h.run();
    assert_eq!(gold(&h, &doc).len(), agreed.spans);
}

#[test]
fn review_marks_get_room_below_the_lines() {
    let (mut h, _dir) = reviewing(DOC);
    h.run();
    // Two compared annotators: two lanes below each line's descenders.
    assert_eq!(h.state().doc_view.lane_room(), hashiya::text::lanes::leading(2));
    h.state_mut().push(Action::Run(UiCommand::ReviewMode));
    h.run();
    h.run();
    assert_eq!(h.state().doc_view.lane_room(), 0.0, "annotating with no layer shown: no room taken");
}

#[test]
fn the_agreement_panel_shows_links_figure_values_and_documents_not_annotated() {
    let (mut h, _dir, _) = common::window::sample_window("lina");
    h.state_mut().push(Action::Run(UiCommand::Agreement));
    h.step();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !h.state().agreement.has_result() {
        assert!(std::time::Instant::now() < deadline, "the agreement is computed");
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.run();
    for label in ["Spans", "Links", "relation F1", "Figure values", "value agreement", "valued share"] {
        h.get_by_label(label);
    }
    // Of 18 matched figures 7 have both values, 6 of them the same.
    h.get_by_label("0.857 (6 of 7)");
    h.get_by_label("0.389");
    // 004 was never annotated by amal: named, not ranked.
    h.get_by_label("not annotated by amal");
    // The panel sits below the document: the document is still drawn beside it.
    h.get_by_role_and_label(egui::accesskit::Role::Link, DOC).click();
    h.run();
    h.run();
    assert_eq!(h.state().session.view().doc.as_ref(), Some(&DocId::new(DOC)));
    assert!(h.state().agreement.open, "the panel stays open beside the document it opened");
    assert!(h.state().doc_view.last_visible_range().is_some(), "the document is drawn");
}
