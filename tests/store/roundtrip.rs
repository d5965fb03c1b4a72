//! Property test: random projects survive save -> load -> save byte-identically, and the
//! loaded project equals the original.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers fail loudly.

use crate::common;

use hashiya::model::{
    AttrValue, AttributeDef, AttributeKind, CharOffset, DocId, Document, LabelId, Origin, Project, Relation,
    RelationId, Span, SpanId, Status, Timestamp,
};
use hashiya::store;
use proptest::prelude::*;
use std::path::Path;

/// Characters that stress the format: Arabic letters and harakat, tatweel, bidi marks,
/// emoji (with a skin tone and a joiner), Latin, digits, quotes, backslashes, hashes,
/// line breaks, tabs.
fn text_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('\u{0621}', '\u{064A}'),
        2 => proptest::char::range('\u{064B}', '\u{0652}'),
        1 => Just('\u{0640}'),
        1 => prop::sample::select(vec!['\u{200f}', '\u{200e}', '\u{200d}', '\u{200c}', '\u{061c}']),
        1 => prop::sample::select(vec!['👍', '🏽', '😀', '🇸', '🇾']),
        2 => proptest::char::range('a', 'z'),
        1 => proptest::char::range('0', '9'),
        1 => prop::sample::select(vec!['"', '\\', '#', '\'', '«', '»', '\n', '\r', '\t', ' ', ' ', '{', ')']),
    ]
}

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(text_char(), 1..max).prop_map(|chars| chars.into_iter().collect())
}

fn spans(len: usize, annotator: String) -> impl Strategy<Value = Vec<Span>> {
    let one = (0..len, 1..=len.max(1), 0..3usize, prop::option::of(text(20)), any::<u32>(), 0..3u8);
    prop::collection::vec(one, 0..6).prop_map(move |raw| {
        raw.into_iter()
            .enumerate()
            .map(|(i, (start, width, label, note, time, origin))| {
                let end = (start + width).min(len);
                Span {
                    id: SpanId(i as u64 + 1),
                    start: CharOffset(start),
                    end: CharOffset(end.max(start + 1)),
                    label: LabelId::new(["claim", "denial", "figure"][label]),
                    annotator: annotator.as_str().into(),
                    created: Timestamp(u64::from(time)),
                    modified: Timestamp(u64::from(time) + 5),
                    note: note.map(Into::into),
                    origin: match origin {
                        0 => Origin::Manual,
                        1 => Origin::Suggested { rule: "figure:digits".into() },
                        _ => Origin::Accepted { by: "مراجع \"x\"".into() },
                    },
                    attributes: match origin {
                        0 => Default::default(),
                        _ => [
                            ("value".to_string(), AttrValue::Number(f64::from(time) / 4.0)),
                            ("unit".to_string(), AttrValue::Text("قتيلاً \"x\"".into())),
                            ("named".to_string(), AttrValue::Flag(time % 2 == 0)),
                        ]
                        .into_iter()
                        .collect(),
                    },
                }
            })
            .collect()
    })
}

fn document() -> impl Strategy<Value = Document> {
    (text(200), text(15), prop::option::of(0..3u8)).prop_map(|(text, source, status)| {
        let mut doc = Document::new(DocId::default(), source, text);
        if let Some(s) = status {
            doc.status.insert("amal".into(), Status::ALL[usize::from(s)]);
        }
        doc
    })
}

fn project() -> impl Strategy<Value = Project> {
    let annotators = prop::sample::subsequence(vec!["amal", "omar", "سارة", "o'neil \"q\""], 1..4);
    (text(30), prop::collection::vec(document(), 0..4), annotators)
        .prop_flat_map(|(name, docs, annotators)| {
            let mut layer_strategies = Vec::new();
            for annotator in annotators.iter().copied().chain(["gold"]) {
                let per_doc: Vec<_> =
                    docs.iter().map(|d| spans(d.text.chars().count(), annotator.to_string())).collect();
                layer_strategies.push((Just(annotator.to_string()), per_doc));
            }
            (Just(name), Just(docs), layer_strategies)
        })
        .prop_map(|(name, docs, layers)| {
            let mut project = Project::new(name);
            // Every label declares the generated attributes and both link types join any
            // labels, so that the generated values and links are ones the loader accepts.
            for label in &mut project.labels {
                label.attributes = vec![
                    AttributeDef::new("value", AttributeKind::Number),
                    AttributeDef::new("unit", AttributeKind::Text),
                    AttributeDef::new("named", AttributeKind::Flag),
                ];
            }
            for kind in &mut project.relation_types {
                kind.heads.clear();
                kind.tails.clear();
            }
            for (i, mut doc) in docs.into_iter().enumerate() {
                doc.id = DocId::new(format!("d{i}"));
                project.push_document(doc);
            }
            for (annotator, per_doc) in layers {
                let layer = if annotator == "gold" {
                    &mut project.gold
                } else {
                    project.layers.entry(annotator).or_default()
                };
                for (doc, spans) in project.documents.iter().zip(per_doc) {
                    if !spans.is_empty() {
                        // Links between consecutive spans, every other one a `denies`.
                        let relations = spans
                            .windows(2)
                            .enumerate()
                            .map(|(k, pair)| {
                                let kind = if k % 2 == 0 { "denies" } else { "quantifies" };
                                let mut r = Relation::new(
                                    RelationId(k as u64 + 1),
                                    pair[0].id,
                                    pair[1].id,
                                    LabelId::new(kind),
                                    pair[0].annotator.clone(),
                                    Timestamp(k as u64),
                                );
                                if k % 3 == 1 {
                                    r.origin = Origin::Suggested { rule: "import".into() };
                                }
                                r
                            })
                            .collect();
                        let layer_doc = layer.doc_mut(doc);
                        layer_doc.spans = spans;
                        layer_doc.relations = relations;
                    }
                }
            }
            project
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn text_round_trip_is_exact(project in project()) {
        prop_assert_eq!(project.validate(), vec![]);
        let path = Path::new("p.ron");
        let first = store::to_ron(&project);
        let loaded = store::load_from_str(&first, path).unwrap();
        prop_assert_eq!(&loaded, &project);
        let second = store::to_ron(&loaded);
        prop_assert_eq!(first, second);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn file_round_trip_is_exact(project in project()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        store::save(&project, &path).unwrap();
        let first = common::read(&path);
        let loaded = store::load(&path).unwrap();
        prop_assert_eq!(&loaded, &project);
        store::save(&loaded, &path).unwrap();
        prop_assert_eq!(common::read(&path), first.clone());
        prop_assert_eq!(common::read(&store::backup_path(&path)), first);
    }
}
