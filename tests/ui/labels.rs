//! The label set editor in the window: rename a label (its spans keep it), refuse a hotkey
//! that another label or a window command has.

#![allow(clippy::unwrap_used)] // a test fails loudly on a broken fixture

use crate::common;

use common::window::sample_window;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hashiya::app::HashiyaApp;
use hashiya::model::LabelId;

/// The text field of the label editor holding `value`.
fn field(value: &str) -> egui_kittest::kittest::By<'_> {
    egui_kittest::kittest::By::new().role(egui::accesskit::Role::TextInput).value(value)
}

#[test]
fn renaming_a_label_keeps_its_spans_and_clashing_keys_are_refused() {
    let (mut h, _dir, _) = sample_window("tester");
    let figures = |h: &Harness<'_, HashiyaApp>| {
        let p = &h.state().session.workspace().unwrap().project;
        p.layers
            .values()
            .flat_map(|l| l.docs.values())
            .flat_map(|d| &d.spans)
            .filter(|s| s.label.as_str() == "figure")
            .count()
    };
    let before = figures(&h);
    assert!(before > 0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    assert!(h.state().label_editor.open);

    // Rename "Figure" to "Number".
    h.get(field("Figure")).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Text("Number".into()));
    h.run();
    h.get_by_label("Apply").click();
    h.run();
    let project = &h.state().session.workspace().unwrap().project;
    assert_eq!(project.label(&LabelId::new("figure")).unwrap().name, "Number");
    assert_eq!(figures(&h), before, "the spans keep their label");

    // Give "Denial" the key N, which is the note command: refused, nothing changes.
    h.get(field("2")).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Text("n".into()));
    h.run();
    h.get_by_label("Apply").click();
    h.run();
    let project = &h.state().session.workspace().unwrap().project;
    assert_eq!(project.label(&LabelId::new("denial")).unwrap().hotkey, Some('2'));
    assert!(h.query_by_label_contains("already used by").is_some(), "the refusal is shown");

    // Undo takes the rename back.
    h.get_by_label("Close").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let project = &h.state().session.workspace().unwrap().project;
    assert_eq!(project.label(&LabelId::new("figure")).unwrap().name, "Figure");
}
