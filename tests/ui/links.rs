//! Links and attributes in the window, as an analyst makes them: a denial linked to the
//! claim it denies from the keyboard (L, Tab, the type's key), a figure's value typed in
//! Arabic-Indic digits, undo and redo, a span deleted with its link, and the save.

#![allow(clippy::unwrap_used)] // a test fails loudly on a broken fixture

use crate::common;

use common::window::sample_window;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use hashiya::app::HashiyaApp;
use hashiya::model::{AttrValue, CharRange, DocId, Relation, Span, SpanId};
use hashiya::ui::Action;

fn doc(h: &Harness<'_, HashiyaApp>) -> DocId {
    h.state().session.workspace().unwrap().project.documents[0].id.clone()
}

fn layer_doc(h: &Harness<'_, HashiyaApp>) -> (Vec<Span>, Vec<Relation>) {
    let ws = h.state().session.workspace().unwrap();
    let doc = doc(h);
    ws.project
        .layers
        .get("tester")
        .map_or((vec![], vec![]), |l| (l.spans(&doc).to_vec(), l.relations(&doc).to_vec()))
}

/// Selects the first occurrence of `words` and presses a label key; returns the new span.
fn label(h: &mut Harness<'_, HashiyaApp>, words: &str, key: Key) -> SpanId {
    let text = h.state().session.workspace().unwrap().project.documents[0].text.clone();
    let byte = text.find(words).unwrap();
    let start = text[..byte].chars().count();
    h.state_mut().push(Action::SetSelection(Some(CharRange::new(start, start + words.chars().count()))));
    h.run();
    h.key_press(key);
    h.run();
    h.state().session.view().selected_span.unwrap()
}

fn key(h: &mut Harness<'_, HashiyaApp>, key: Key) {
    h.key_press(key);
    h.run();
}

#[test]
fn link_a_denial_to_its_claim_and_set_a_figures_value_by_keyboard() {
    let (mut h, _dir, path) = sample_window("tester");
    h.run();
    let denial = label(&mut h, "لن نستهدف \"داعش\" في أماكن سيطرة الجيش السوري", Key::Num2);
    let figure = label(&mut h, "12 مريضاً", Key::Num3);
    let claim = label(&mut h, "الجيش الأميركي سيقاتل داعش في سوريا", Key::Num1);

    // L with the denial selected, Tab to the target, D for "denies".
    h.state_mut().push(Action::SelectSpan(Some(denial)));
    h.run();
    key(&mut h, Key::L);
    assert!(h.state().session.view().link.is_some(), "L starts a link");
    key(&mut h, Key::Tab);
    let target = h.state().session.view().link.as_ref().unwrap().target;
    assert_eq!(target, Some(claim), "Tab goes to the span a type fits: the claim, not the figure");
    h.get_by_label_contains("Denies (D)");
    key(&mut h, Key::D);
    let (_, relations) = layer_doc(&h);
    assert_eq!(relations.len(), 1);
    let r = &relations[0];
    assert_eq!((r.head, r.tail, r.kind.as_str(), r.annotator.as_str()), (denial, claim, "denies", "tester"));
    assert!(h.state().session.view().link.is_none());
    // The link is listed under both of its spans.
    assert_eq!(h.query_all_by_label_contains("Denies ->").count(), 1);
    assert_eq!(h.query_all_by_label_contains("<- Denies").count(), 1);

    // A figure to a claim: Q is "quantifies"; D does not fit and is refused.
    h.state_mut().push(Action::SelectSpan(Some(figure)));
    h.run();
    key(&mut h, Key::L);
    h.state_mut().push(Action::SelectSpan(Some(claim))); // a click on the claim picks it
    h.run();
    key(&mut h, Key::D);
    assert_eq!(layer_doc(&h).1.len(), 1, "denies does not go from a figure to a claim");
    assert!(h.state().toasts.messages().any(|(_, m)| m.contains("does not go from a Figure to a Claim")));
    key(&mut h, Key::Q);
    assert_eq!(layer_doc(&h).1.len(), 2);

    // The figure's value, typed in Arabic-Indic digits in the attribute editor.
    h.state_mut().push(Action::SelectSpan(Some(figure)));
    h.run();
    h.get_by_label("value").click();
    h.run();
    h.get_by_label("value").type_text("١٢");
    h.run();
    key(&mut h, Key::Enter);
    let value = |h: &Harness<'_, HashiyaApp>| {
        layer_doc(h).0.iter().find(|s| s.id == figure).unwrap().attributes.get("value").cloned()
    };
    assert_eq!(value(&h), Some(AttrValue::Number(12.0)));

    // Undo the value, then the link; redo both.
    let undo = |h: &mut Harness<'_, HashiyaApp>| {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    };
    let redo = |h: &mut Harness<'_, HashiyaApp>| {
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        h.run();
    };
    h.state_mut().push(Action::SelectSpan(None));
    h.run();
    undo(&mut h);
    assert_eq!(value(&h), None);
    undo(&mut h);
    assert_eq!(layer_doc(&h).1.len(), 1);
    redo(&mut h);
    redo(&mut h);
    assert_eq!(layer_doc(&h).1.len(), 2);
    assert_eq!(value(&h), Some(AttrValue::Number(12.0)));

    // Deleting the claim takes both links; undo brings the claim and its links back.
    h.state_mut().push(Action::SelectSpan(Some(claim)));
    h.run();
    key(&mut h, Key::Delete);
    assert!(layer_doc(&h).1.is_empty());
    undo(&mut h);
    assert_eq!(layer_doc(&h).1.len(), 2);

    // Saved, and read back from the file.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    common::window::wait_for_save(&mut h);
    let saved = hashiya::store::load(&path).unwrap();
    let layer = &saved.layers["tester"];
    let d = doc(&h);
    assert_eq!(layer.relations(&d).len(), 2);
    let saved_figure = layer.spans(&d).iter().find(|s| s.id == figure).unwrap();
    assert_eq!(saved_figure.attributes.get("value"), Some(&AttrValue::Number(12.0)));
}

#[test]
fn escape_cancels_a_link_and_a_span_cannot_link_to_itself() {
    let (mut h, _dir, _) = sample_window("tester");
    h.run();
    let claim = label(&mut h, "الجيش الأميركي سيقاتل داعش في سوريا", Key::Num1);
    key(&mut h, Key::L);
    h.state_mut().push(Action::SelectSpan(Some(claim)));
    h.run();
    assert_eq!(
        h.state().session.view().link.as_ref().unwrap().target,
        None,
        "the head is not its own target"
    );
    key(&mut h, Key::Enter);
    assert!(h.state().toasts.messages().any(|(_, m)| m.contains("Pick the span to link to")));
    key(&mut h, Key::Escape);
    assert!(h.state().session.view().link.is_none());
    assert!(layer_doc(&h).1.is_empty());
    // Label keys work again once the link is cancelled.
    key(&mut h, Key::Num2);
    assert_eq!(layer_doc(&h).0[0].label.as_str(), "denial");
}

#[test]
fn link_types_and_attributes_are_edited_with_the_labels() {
    let (mut h, _dir, _) = sample_window("tester");
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    h.get_by_label("Add link type").click();
    h.run();
    h.get_by_label("Apply").click();
    h.run();
    let types = |h: &Harness<'_, HashiyaApp>| {
        let project = &h.state().session.workspace().unwrap().project;
        project.relation_types.iter().map(|t| t.id.to_string()).collect::<Vec<_>>()
    };
    assert_eq!(types(&h), ["denies", "quantifies", "link_3"]);
    // The figure's attributes are one line in the editor.
    let fields = h.query_all_by_value("value*: number, unit: text, counts: killed | injured | displaced | detained | distance | money | other");
    assert!(fields.count() >= 1, "the figure's attribute field");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(types(&h), ["denies", "quantifies"], "one undo step");
}
