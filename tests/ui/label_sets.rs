//! A project with a real label set (25 labels, long names), many documents with long
//! titles, spans of many labels: the document view keeps at least half of a 1280 x 800
//! window, every label's button is on screen, and the document list shows only the
//! labels used.

#![allow(clippy::unwrap_used)] // a test fails loudly on a broken fixture

use crate::common;

use common::window::window_on;
use common::{Rng, article, span};
use egui::accesskit::Role;
use egui_kittest::kittest::{By, Queryable as _};
use hashiya::model::{Color, DocId, Document, Label, LabelId, Project, Span};

const TECHNIQUES: [&str; 25] = [
    "Appeal to authority",
    "Appeal to fear / prejudice",
    "Bandwagon",
    "Black-and-white fallacy",
    "Causal oversimplification",
    "Doubt",
    "Exaggeration / minimisation",
    "Flag-waving",
    "Glittering generalities",
    "Loaded language",
    "Name calling / labelling",
    "Obfuscation / vagueness",
    "Presenting irrelevant data",
    "Reductio ad Hitlerum",
    "Repetition",
    "Slogans",
    "Smears",
    "Straw man",
    "Thought-terminating cliché",
    "Whataboutism",
    "Claim",
    "Denial",
    "Figure: casualties",
    "Figure: distance",
    "Source attribution",
];

fn many_labels_project() -> Project {
    let mut rng = Rng::new(23);
    let mut p = Project::new("Techniques");
    p.labels = TECHNIQUES
        .iter()
        .enumerate()
        .map(|(i, name)| Label {
            id: LabelId::new(format!("t{i:02}")),
            name: (*name).to_string(),
            color: Color([(40 + i * 9) as u8, (200 - i * 5) as u8, (90 + i * 6) as u8]),
            hotkey: char::from_digit((i + 1) as u32, 10).filter(|_| i < 9),
            description: format!("Guideline for {name}"),
            attributes: Vec::new(),
        })
        .collect();
    for d in 0..40 {
        let text = article(&mut rng, 1500);
        let title = format!("تقرير مطوّل رقم {d} عن تطورات الأوضاع الميدانية والإنسانية في شمال شرقي سوريا");
        let mut doc = Document::new(DocId::new(format!("doc-{d:02}")), format!("doc-{d:02}.txt"), text);
        doc.title = title;
        let len = doc.text.chars().count();
        let mut spans: Vec<Span> = (0..30u64)
            .map(|i| {
                let start = rng.below(len as u64 - 20) as usize;
                let label = format!("t{:02}", rng.below(25));
                span(i + 1, start, start + 1 + rng.below(15) as usize, &label, "amal")
            })
            .collect();
        spans.sort_by(Span::reading_order);
        p.layers.entry("amal".into()).or_default().doc_mut(&doc).spans = spans;
        p.push_document(doc);
    }
    p
}

#[test]
fn a_project_with_25_labels_keeps_the_document_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("techniques.ron");
    hashiya::store::save(&many_labels_project(), &path).unwrap();
    let h = window_on(&path, "amal");

    let document = h.get_by_role(Role::Document).rect();
    assert!(
        document.width() >= 640.0,
        "the document view is {} points wide in a 1280 window",
        document.width()
    );
    assert!(document.left() >= 160.0 && document.right() <= 1280.0 - 160.0, "{document:?}");

    // Every label's button is on screen, whatever the size of the set.
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0));
    for name in TECHNIQUES {
        let on_screen = h
            .query_all(By::new().role(Role::Button).label_contains(name))
            .any(|button| screen.contains_rect(button.rect()));
        assert!(on_screen, "the button of {name:?} is on screen");
    }

    // The first row names only the labels used on its document, in the label set's order,
    // with their counts: never a zero.
    let project = many_labels_project();
    let spans = project.layers["amal"].spans(&project.documents[0].id);
    let mut expected = "1. new".to_string();
    for label in &project.labels {
        let n = spans.iter().filter(|s| s.label == label.id).count();
        if n > 0 {
            expected.push_str(&format!(" · {} {n}", label.name));
        }
    }
    assert!(expected.matches(" · ").count() >= 5, "{expected}");
    assert!(h.query_by_label(&expected).is_some(), "a row reads {expected:?}");
}
