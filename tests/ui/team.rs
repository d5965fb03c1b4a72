//! A team project in the window: "Assigned to me" is on for an annotator with assignments,
//! the document list and PageDown keep to their queue, and View > Team progress shows each
//! annotator's progress, the charts and the documents to look at.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use egui::Key;
use egui_kittest::kittest::Queryable;
use hashiya::model::{
    AttrValue, CharRange, DocId, Document, LabelId, Project, Span, SpanId, Status, Timestamp,
};
use hashiya::team::{AssignOptions, assign};
use std::path::{Path, PathBuf};

pub const NAMES: [&str; 4] = ["amal", "omar", "sara", "zaid"];

/// Twenty articles shared out among four annotators (overlap 0.2: four shared), each with
/// spans on their documents, some done, one figure without its value.
pub fn team_project(dir: &Path) -> PathBuf {
    let mut p = Project::new("team");
    for i in 0..20 {
        let text = format!("قال المرصد إن {} مدنياً قتلوا في ريف إدلب، ونفى الجيش ذلك.", 10 + i);
        p.push_document(Document::new(DocId::new(format!("doc-{i:02}")), "s", text));
    }
    let options = AssignOptions {
        annotators: NAMES.iter().map(|n| n.to_string()).collect(),
        overlap: 0.2,
        seed: 4,
        reassign: false,
    };
    assign(&mut p, &options).unwrap();
    let docs: Vec<Document> = p.documents.iter().map(|d| (**d).clone()).collect();
    for (k, doc) in docs.iter().enumerate() {
        for (w, who) in doc.assigned.iter().enumerate() {
            let at = Timestamp(1_796_000_000 + 86_400 * (k as u64 % 3));
            let mut figure =
                Span::new(SpanId(1), CharRange::new(14, 16), LabelId::new("figure"), who.as_str(), at);
            if (k + w) % 5 != 0 {
                figure.attributes.set("value", Some(AttrValue::Number(10.0 + k as f64)));
            }
            let start = if w == 0 { 0 } else { 4 };
            let claim =
                Span::new(SpanId(2), CharRange::new(start, 43), LabelId::new("claim"), who.as_str(), at);
            let layer = p.layers.entry(who.clone()).or_default();
            let entry = layer.doc_mut(doc);
            entry.spans = vec![claim, figure];
            entry.active_seconds = 60 + 7 * k as u64;
            entry.last_active = Some(at);
            if k % 2 == 0 {
                p.document_mut(&doc.id).unwrap().status.insert(who.clone(), Status::Done);
            }
        }
    }
    let path = dir.join("team.ron");
    hashiya::store::save(&p, &path).unwrap();
    path
}

fn assigned_to(path: &Path, who: &str) -> Vec<DocId> {
    let project = hashiya::store::load(path).unwrap();
    project.documents.iter().filter(|d| d.is_assigned_to(who)).map(|d| d.id.clone()).collect()
}

#[test]
fn assigned_to_me_is_the_default_queue_and_page_down_walks_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = team_project(dir.path());
    let mine = assigned_to(&path, "omar");
    let mut h = common::window::window_on(&path, "omar");
    let current =
        |h: &egui_kittest::Harness<'_, hashiya::app::HashiyaApp>| h.state().session.view().doc.clone();
    assert!(h.state().session.my_queue(), "on for an annotator with assignments");
    assert!(h.query_by_label("Assigned to me").is_some());
    assert_eq!(current(&h), Some(mine[0].clone()), "the queue's first document is open");
    for expected in mine.iter().skip(1) {
        h.key_press(Key::PageDown);
        h.run_steps(10); // the list scrolls to the document
        assert_eq!(current(&h).as_ref(), Some(expected));
    }
    h.key_press(Key::PageUp);
    h.run_steps(10);
    assert_eq!(current(&h).as_ref(), mine.get(mine.len() - 2));
    // Off: PageDown visits every document again.
    h.get_by_label("Assigned to me").click();
    // The list scrolls to the current document among all of them: a few frames.
    h.run_steps(10);
    assert!(!h.state().session.my_queue());
    let before = current(&h).unwrap();
    h.key_press(Key::PageDown);
    h.run_steps(10);
    let after = current(&h).unwrap();
    let index = |id: &DocId| id.as_str()[4..].parse::<usize>().unwrap();
    assert_eq!(index(&after), index(&before) + 1, "{before} then {after}");
}

#[test]
fn team_progress_shows_every_annotator_the_charts_and_the_documents_to_review() {
    let dir = tempfile::tempdir().unwrap();
    let path = team_project(dir.path());
    let mut h = common::window::window_on(&path, "amal");
    assert!(h.query_by_label("Team progress").is_none());
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Team progress…").click();
    h.run();
    assert!(h.state().team.open);
    assert!(h.query_by_label_contains("20 documents, 4 shared by two annotators").is_some());
    for name in NAMES {
        assert!(h.query_all_by_label(name).count() >= 1, "{name}'s row");
    }
    let status = hashiya::team::team_status(&hashiya::store::load(&path).unwrap());
    for a in &status.annotators {
        let bar = format!("{} / {} done", a.done, a.assigned);
        assert!(h.query_all_by_label_contains(&bar).count() >= 1, "{bar}");
    }
    for heading in ["Documents done per day", "Spans per label", "Spans without a required value"] {
        assert!(h.query_by_label(heading).is_some(), "{heading}");
    }
    assert!(h.query_by_label_contains("Agreement on the shared documents").is_some());
    assert!(status.missing_values > 0);
    // The least agreed shared document opens in review with a click.
    let worst = status
        .agreement
        .per_document
        .iter()
        .min_by(|a, b| a.overlap_f1.partial_cmp(&b.overlap_f1).unwrap())
        .unwrap();
    let text = format!("{} ({} vs {}", worst.doc, worst.a, worst.b);
    h.get_by_label_contains(&text).scroll_to_me();
    h.run();
    h.get_by_label_contains(&text).click();
    h.run_steps(10);
    assert_eq!(h.state().session.view().doc.as_ref(), Some(&worst.doc));
    assert!(h.state().session.review().is_some(), "in review mode");
}
