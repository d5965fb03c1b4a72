//! A project written by format version 1 (before suggestions) still opens, its suggested
//! span keeps its place with an empty rule, and saving it writes format version 2.

use hashiya::model::{DocId, FORMAT_VERSION, Origin};
use hashiya::store;
use std::path::Path;

const V1: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/format_v1.ron");

#[test]
fn version_1_project_opens_and_saves_as_version_2() {
    let project = store::load(Path::new(V1)).expect("a version-1 file opens");
    assert_eq!(FORMAT_VERSION, 2);
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
    assert!(text.starts_with("(\n    version: 2,\n"), "{text}");
    assert!(text.contains("origin: Suggested(rule: \"\")"), "{text}");
    assert_eq!(store::load(&path).unwrap(), project);
}
