//! Projects written by older formats still open and save as the current one: version 1
//! (before suggestions), whose suggested span keeps its place with an empty rule,
//! version 2 (before links and attributes), which gains the default relation types and
//! label attributes and loses nothing, and version 3 (before team projects), whose
//! figure's value becomes required and which loses nothing either.

use hashiya::model::{AttributeKind, DocId, FORMAT_VERSION, LabelId, Origin};
use hashiya::store;
use std::path::Path;

const V1: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/format_v1.ron");

const V2: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/format_v2.ron");

const V3: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/format_v3.ron");

#[test]
fn version_1_project_opens_and_saves_as_the_current_version() {
    let project = store::load(Path::new(V1)).expect("a version-1 file opens");
    assert_eq!(FORMAT_VERSION, 4);
    assert_eq!(project.version, FORMAT_VERSION);
    let spans = project.layers["amal"].spans(&DocId::new("d1"));
    assert_eq!(spans.len(), 2);
    assert_eq!(spans[0].origin, Origin::Manual);
    assert_eq!(spans[0].note.as_deref(), Some("origin: Suggested"), "strings are not migrated");
    assert_eq!(spans[1].origin, Origin::Suggested { rule: Default::default() });
    assert_eq!(project.gold.span_count(), 1);
    assert!(project.patterns.is_empty() && project.rejected.is_empty());

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    store::save(&project, &path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("(\n    version: 4,\n"), "{text}");
    assert!(text.contains("origin: Suggested(rule: \"\")"), "{text}");
    assert_eq!(store::load(&path).unwrap(), project);
}

#[test]
fn version_2_project_opens_with_default_links_and_attributes_and_saves_as_the_current_version() {
    let text = std::fs::read_to_string(V2).unwrap();
    assert!(text.starts_with("(\n    version: 2,\n"), "the fixture is a version-2 file");
    let project = store::load(Path::new(V2)).expect("a version-2 file opens");
    assert_eq!(project.version, FORMAT_VERSION);
    let types: Vec<&str> = project.relation_types.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(types, ["denies", "quantifies"]);
    let figure = project.label(&LabelId::new("figure")).unwrap();
    let attributes: Vec<&str> = figure.attributes.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(attributes, ["value", "unit", "counts"]);
    assert_eq!(figure.attributes[0].kind, AttributeKind::Number);
    assert_eq!(project.label(&LabelId::new("claim")).unwrap().attributes[0].name, "source");
    // Nothing of the version-2 content is lost: every span and document is still there.
    let spans: usize = project.named_layers_all().map(|(_, l)| l.span_count()).sum();
    assert_eq!(spans, text.matches("(id: ").count());
    assert_eq!(project.documents.len(), text.matches("\n            title: ").count());
    assert_eq!(project.named_layers_all().map(|(_, l)| l.relation_count()).sum::<usize>(), 0);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    store::save(&project, &path).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.starts_with("(\n    version: 4,\n"), "{saved}");
    assert!(saved.contains("relation_types: ["), "{saved}");
    assert_eq!(store::load(&path).unwrap(), project);
}

#[test]
fn version_3_project_opens_with_a_required_figure_value_and_loses_nothing() {
    let text = std::fs::read_to_string(V3).unwrap();
    assert!(text.starts_with("(\n    version: 3,\n"), "the fixture is a version-3 file");
    let project = store::load(Path::new(V3)).expect("a version-3 file opens");
    assert_eq!(project.version, FORMAT_VERSION);
    let figure = project.label(&LabelId::new("figure")).unwrap();
    let required: Vec<(&str, bool)> =
        figure.attributes.iter().map(|a| (a.name.as_str(), a.required)).collect();
    assert_eq!(required, [("value", true), ("unit", false), ("counts", false)]);
    // Every span, link, value and status of the version-3 file is still there.
    assert_eq!(project.layers["amal"].span_count(), 3);
    assert_eq!(project.layers["amal"].relation_count(), 2);
    assert_eq!(project.layers["omar"].span_count(), 2);
    let d1 = DocId::new("d1");
    let value = project.layers["amal"].spans(&d1)[1].attributes.get("value").cloned();
    assert_eq!(value, Some(hashiya::model::AttrValue::Number(12.0)));
    assert_eq!(project.document(&d1).unwrap().status_of("amal"), hashiya::model::Status::Done);
    assert!(project.documents.iter().all(|d| d.assigned.is_empty()), "nothing is assigned yet");
    assert!(project.layers.values().flat_map(|l| l.docs.values()).all(|d| d.active_seconds == 0));

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    store::save(&project, &path).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.starts_with("(\n    version: 4,\n"), "{saved}");
    assert!(saved.contains("(name: \"value\", kind: Number, required: true)"), "{saved}");
    assert_eq!(store::load(&path).unwrap(), project);
    // Only the version and the required flag differ from what version 3 wrote.
    let expected = text.replacen("version: 3,", "version: 4,", 1).replacen(
        "(name: \"value\", kind: Number)",
        "(name: \"value\", kind: Number, required: true)",
        1,
    );
    assert_eq!(saved, expected);
}
