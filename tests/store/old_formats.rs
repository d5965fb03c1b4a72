//! Projects written by older formats still open and save as the current one: version 1
//! (before suggestions), whose suggested span keeps its place with an empty rule, and
//! version 2 (before links and attributes), which gains the default relation types and
//! label attributes and loses nothing.

use hashiya::model::{AttributeKind, DocId, FORMAT_VERSION, LabelId, Origin};
use hashiya::store;
use std::path::Path;

const V1: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/format_v1.ron");

const V2: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/format_v2.ron");

#[test]
fn version_1_project_opens_and_saves_as_the_current_version() {
    let project = store::load(Path::new(V1)).expect("a version-1 file opens");
    assert_eq!(FORMAT_VERSION, 3);
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
    assert!(text.starts_with("(\n    version: 3,\n"), "{text}");
    assert!(text.contains("origin: Suggested(rule: \"\")"), "{text}");
    assert_eq!(store::load(&path).unwrap(), project);
}

#[test]
fn version_2_project_opens_with_default_links_and_attributes_and_saves_as_version_3() {
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
    assert!(saved.starts_with("(\n    version: 3,\n"), "{saved}");
    assert!(saved.contains("relation_types: ["), "{saved}");
    assert_eq!(store::load(&path).unwrap(), project);
}
