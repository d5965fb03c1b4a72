//! The sample project in `projects/sample.ron`: the five seed articles with the work of two
//! annotators, `amal` and `omar`.
//!
//! The annotations are written as a table of exact quotes ([`SPEC`], in `spec`); the project is
//! built from the seed texts and that table, and `sample_project_matches_spec` checks that the
//! file on disk is exactly that project. After changing the table (or the seeds), rewrite the
//! file with
//!
//! ```text
//! UPDATE_SAMPLE=true cargo test --test store sample_project_matches_spec
//! ```
//!
//! The seed texts are read from `../shared/seeds` when that folder sits beside the repository,
//! and otherwise from the texts embedded in `projects/sample.ron`, so the tests also run on a
//! machine that only has the repository.

mod spec;

use hashiya::model::{
    ByteOffset, CharRange, DocId, Document, LabelId, Layer, Origin, Project, Relation, RelationId, Span,
    SpanId, Status, Timestamp, byte_to_char, default_labels, slice_chars,
};
use spec::{ATTRIBUTES, LINKS, NOTE_DELAY, SECONDS_PER_SPAN, SPEC, STARTED, STATUS};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The sample project file, relative to the crate root.
const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/projects/sample.ron");
/// The seed articles, beside the repository (absent on a machine with only the repository).
const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");
const PROJECT_NAME: &str = "Syria sample";

/// One seed article as imported: file stem, file name and normalised text.
#[derive(Debug)]
struct Seed {
    id: DocId,
    source: String,
    text: String,
}

/// What import does to a text: strip a BOM, turn CRLF and CR into `\n`.
fn normalise(raw: &str) -> String {
    let text = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The seed articles from `dir`, in file-name order.
fn seeds_from_folder(dir: &Path) -> Vec<Seed> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|entry| entry.unwrap_or_else(|e| panic!("reading {}: {e}", dir.display())).file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let path = dir.join(&name);
            let raw =
                std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
            let stem = name.strip_suffix(".txt").unwrap_or(&name);
            Seed { id: DocId::new(stem), source: name.clone(), text: normalise(&raw) }
        })
        .collect()
}

/// The project in `projects/sample.ron`, as it is on disk.
fn load_sample() -> Project {
    let text = std::fs::read_to_string(SAMPLE).unwrap_or_else(|e| panic!("reading {SAMPLE}: {e}"));
    ron::from_str(&text).unwrap_or_else(|e| panic!("parsing {SAMPLE}: {e}"))
}

/// The seed articles: from `../shared/seeds` when present, else the texts embedded in the sample.
fn seeds() -> Vec<Seed> {
    if Path::new(SEEDS).is_dir() {
        return seeds_from_folder(Path::new(SEEDS));
    }
    load_sample()
        .documents
        .into_iter()
        .map(std::sync::Arc::unwrap_or_clone)
        .map(|doc| Seed { id: doc.id, source: doc.source, text: doc.text })
        .collect()
}

/// The code-point range of the `occurrence`-th (1-based) occurrence of `quote` in `text`.
fn locate(text: &str, quote: &str, occurrence: usize) -> Option<CharRange> {
    let (byte, _) = text.match_indices(quote).nth(occurrence.checked_sub(1)?)?;
    let start = byte_to_char(text, ByteOffset(byte)).ok()?;
    let end = byte_to_char(text, ByteOffset(byte + quote.len())).ok()?;
    Some(CharRange { start, end })
}

/// The sample project built from the seed texts and [`SPEC`].
fn build(seeds: &[Seed]) -> Project {
    let mut project = Project::new(PROJECT_NAME);
    let mut documents: Vec<Document> = seeds
        .iter()
        .map(|seed| Document::new(seed.id.clone(), seed.source.clone(), seed.text.clone()))
        .collect();
    for &(doc, annotator, status) in STATUS {
        documents[doc].status.insert(annotator.to_string(), status);
    }
    for &(annotator, started) in STARTED {
        project.layers.insert(annotator.to_string(), build_layer(&documents, annotator, started));
    }
    project.documents = documents.into_iter().map(Into::into).collect();
    project
}

/// One annotator's layer: spans located by quote, in reading order, numbered from 1 over the
/// documents in order, made one every [`SECONDS_PER_SPAN`] from `started`.
fn build_layer(documents: &[Document], annotator: &str, started: u64) -> Layer {
    let mut layer = Layer::default();
    let mut next_id = 1;
    let mut next_relation = 0;
    for (index, doc) in documents.iter().enumerate() {
        let mut spans: Vec<Span> = SPEC
            .iter()
            .filter(|row| row.0 == index && row.1 == annotator)
            .map(|&(_, _, label, quote, occurrence, note)| {
                let range = locate(&doc.text, quote, occurrence).unwrap_or_else(|| {
                    panic!("document {index} ({}): {annotator}'s {label} quote {quote:?} (occurrence {occurrence}) is not in the text", doc.id)
                });
                Span {
                    id: SpanId(0),
                    start: range.start,
                    end: range.end,
                    label: LabelId::new(label),
                    annotator: annotator.into(),
                    created: Timestamp(0),
                    modified: Timestamp(0),
                    note: note.map(Into::into),
                    origin: Origin::Manual,
                    attributes: Default::default(),
                }
            })
            .collect();
        if spans.is_empty() {
            continue;
        }
        spans.sort_by(Span::reading_order);
        for pair in spans.windows(2) {
            assert!(
                Span::reading_order(&pair[0], &pair[1]).is_lt(),
                "document {index}: {annotator} has the same {} span twice at {}",
                pair[0].label,
                pair[0].range()
            );
        }
        for span in &mut spans {
            span.id = SpanId(next_id);
            span.created = Timestamp(started + (next_id - 1) * SECONDS_PER_SPAN);
            span.modified = Timestamp(span.created.0 + if span.note.is_some() { NOTE_DELAY } else { 0 });
            next_id += 1;
        }
        let find = |spans: &[Span], label: &str, quote: &str| -> SpanId {
            let range =
                locate(&doc.text, quote, 1).unwrap_or_else(|| panic!("{quote:?} is not in document {index}"));
            spans
                .iter()
                .find(|s| s.range() == range && s.label.as_str() == label)
                .unwrap_or_else(|| panic!("document {index}: {annotator} has no {label} span {quote:?}"))
                .id
        };
        let labels = default_labels();
        for &(_, _, label, quote, name, value) in
            ATTRIBUTES.iter().filter(|row| row.0 == index && row.1 == annotator)
        {
            let id = find(&spans, label, quote);
            let kind = &labels
                .iter()
                .find(|l| l.id.as_str() == label)
                .and_then(|l| l.attribute(name))
                .unwrap_or_else(|| panic!("{label} declares no {name}"))
                .kind;
            let value = kind.parse(value).unwrap_or_else(|| panic!("{value:?} is not a {name}"));
            if let Some(span) = spans.iter_mut().find(|s| s.id == id) {
                span.attributes.set(name, Some(value));
            }
        }
        let mut relations = Vec::new();
        for &(_, _, kind, (head_label, head), (tail_label, tail)) in
            LINKS.iter().filter(|row| row.0 == index && row.1 == annotator)
        {
            let at = Timestamp(started + (next_id - 1 + next_relation) * SECONDS_PER_SPAN);
            relations.push(Relation::new(
                RelationId(next_relation + 1),
                find(&spans, head_label, head),
                find(&spans, tail_label, tail),
                LabelId::new(kind),
                annotator,
                at,
            ));
            next_relation += 1;
        }
        let layer_doc = layer.doc_mut(doc);
        layer_doc.spans = spans;
        layer_doc.relations = relations;
    }
    layer
}

/// The project file text, as the store writes it.
fn render(project: &Project) -> String {
    hashiya::store::to_ron(project)
}

/// A short account of how two projects differ, for a failing comparison.
fn differences(expected: &Project, actual: &Project) -> Vec<String> {
    let mut found = Vec::new();
    if expected.name != actual.name || expected.version != actual.version || expected.labels != actual.labels
    {
        found.push("name, version or labels".to_string());
    }
    if expected.documents.len() != actual.documents.len() {
        found.push(format!("{} documents instead of {}", actual.documents.len(), expected.documents.len()));
    }
    for (want, got) in expected.documents.iter().zip(&actual.documents) {
        if want != got {
            found.push(format!("document {}", want.id));
        }
    }
    let names: BTreeSet<&String> = expected.layers.keys().chain(actual.layers.keys()).collect();
    for name in names {
        let (want, got) = (expected.layers.get(name), actual.layers.get(name));
        let docs: BTreeSet<&DocId> =
            want.iter().chain(got.iter()).flat_map(|layer| layer.docs.keys()).collect();
        for doc in docs {
            let spans = |layer: Option<&Layer>| layer.map(|l| l.spans(doc).to_vec()).unwrap_or_default();
            if spans(want) != spans(got) {
                found.push(format!("{name}'s spans on {doc}"));
            }
            let links = |layer: Option<&Layer>| layer.map(|l| l.relations(doc).to_vec()).unwrap_or_default();
            if links(want) != links(got) {
                found.push(format!("{name}'s links on {doc}"));
            }
        }
    }
    found
}

#[test]
fn sample_project_matches_spec() {
    let project = build(&seeds());
    let text = render(&project);
    if std::env::var("UPDATE_SAMPLE").is_ok_and(|v| v == "true") {
        std::fs::create_dir_all(Path::new(SAMPLE).parent().unwrap()).unwrap();
        let temporary = format!("{SAMPLE}.tmp");
        std::fs::write(&temporary, &text).unwrap();
        std::fs::rename(&temporary, SAMPLE).unwrap();
        return;
    }
    let on_disk = load_sample();
    let differences = differences(&project, &on_disk);
    assert!(
        differences.is_empty(),
        "{SAMPLE} differs from the spec in: {}; run UPDATE_SAMPLE=true cargo test --test store sample_project_matches_spec",
        differences.join(", ")
    );
    assert_eq!(on_disk, project);
    let written = std::fs::read_to_string(SAMPLE).unwrap();
    assert!(written == text, "{SAMPLE} is not written as the writer writes it; run with UPDATE_SAMPLE=true");
}

#[test]
fn seeds_are_normalised_as_import_does() {
    assert_eq!(normalise("\u{feff}قال\r\nنفى\rلن\n"), "قال\nنفى\nلن\n");
    assert_eq!(normalise("a\u{feff}b"), "a\u{feff}b", "only a leading BOM is stripped");
}

#[test]
fn sample_loads_and_validates() {
    let project = load_sample();
    assert_eq!(project.validate(), vec![]);
    assert_eq!(project.name, PROJECT_NAME);
    assert_eq!(project.labels, hashiya::model::default_labels());
    assert_eq!(project.annotators().collect::<Vec<_>>(), ["amal", "omar"]);
    assert_eq!(project.gold, Layer::default());
}

#[test]
fn sample_holds_the_five_seed_articles() {
    let project = load_sample();
    assert_eq!(project.documents.len(), 5);
    for doc in &project.documents {
        assert_eq!(doc.source, format!("{}.txt", doc.id));
        assert!(
            !doc.text.contains('\r') && !doc.text.starts_with('\u{feff}'),
            "{} is not normalised",
            doc.id
        );
        assert_eq!(doc.title, hashiya::model::document::title_of(&doc.text));
    }
    if !Path::new(SEEDS).is_dir() {
        eprintln!("{SEEDS} is absent: the texts are not compared with the seed files");
        return;
    }
    let seeds = seeds_from_folder(Path::new(SEEDS));
    assert_eq!(seeds.len(), 5);
    for (seed, doc) in seeds.iter().zip(&project.documents) {
        assert_eq!(seed.id, doc.id);
        assert_eq!(seed.source, doc.source);
        assert!(seed.text == doc.text, "the text of {} differs from its seed file", doc.id);
    }
}

#[test]
fn statuses_ids_and_order_are_as_an_analyst_left_them() {
    let project = load_sample();
    let count = |annotator: &str, status: Status| {
        project.documents.iter().filter(|d| d.status_of(annotator) == status).count()
    };
    assert_eq!((count("amal", Status::Done), count("amal", Status::InProgress)), (3, 1));
    assert_eq!(count("omar", Status::Done), 2);
    for (name, layer) in &project.layers {
        let mut ids = Vec::new();
        for doc in &project.documents {
            let spans = layer.spans(&doc.id);
            let started = doc.status_of(name) != Status::New;
            assert_eq!(started, !spans.is_empty(), "{name} on {}: spans only where work started", doc.id);
            if started {
                assert!((8..=15).contains(&spans.len()), "{name} has {} spans on {}", spans.len(), doc.id);
            }
            assert!(
                spans.windows(2).all(|p| Span::reading_order(&p[0], &p[1]).is_lt()),
                "{name} on {}",
                doc.id
            );
            assert!(spans.iter().all(|s| &s.annotator == name && s.origin == Origin::Manual));
            assert!(spans.iter().all(|s| s.created <= s.modified));
            ids.extend(spans.iter().map(|s| s.id.0));
        }
        assert_eq!(ids, (1..=ids.len() as u64).collect::<Vec<_>>(), "{name}'s span ids");
    }
}

#[test]
fn every_label_is_used_by_both_annotators() {
    let project = load_sample();
    for (name, layer) in &project.layers {
        let used: BTreeSet<&LabelId> =
            layer.docs.values().flat_map(|d| d.spans.iter().map(|s| &s.label)).collect();
        for label in &project.labels {
            assert!(used.contains(&label.id), "{name} never uses {}", label.id);
        }
    }
}

/// Spans of `amal` and `omar` on the documents both have worked on.
fn paired_spans(project: &Project) -> Vec<(&[Span], &[Span])> {
    let (amal, omar) = (&project.layers["amal"], &project.layers["omar"]);
    project
        .documents
        .iter()
        .map(|doc| (amal.spans(&doc.id), omar.spans(&doc.id)))
        .filter(|(a, o)| !a.is_empty() && !o.is_empty())
        .collect()
}

#[test]
fn annotators_disagree_in_every_way() {
    let project = load_sample();
    let pairs = paired_spans(&project);
    assert_eq!(pairs.len(), 4, "documents annotated by both");
    let mut relabelled = 0;
    let mut reshaped = 0;
    let mut alone = 0;
    let mut agreed = 0;
    for (amal, omar) in &pairs {
        for a in amal.iter() {
            agreed += omar.iter().filter(|o| o.range() == a.range() && o.label == a.label).count();
            relabelled += omar.iter().filter(|o| o.range() == a.range() && o.label != a.label).count();
            reshaped += omar
                .iter()
                .filter(|o| o.range() != a.range() && o.label == a.label && o.range().overlaps(&a.range()))
                .count();
        }
        for (mine, theirs) in [(amal, omar), (omar, amal)] {
            alone += mine.iter().filter(|m| !theirs.iter().any(|t| t.range().overlaps(&m.range()))).count();
        }
    }
    assert!(relabelled >= 3, "same range, other label: {relabelled}");
    assert!(reshaped >= 5, "same label, other boundaries: {reshaped}");
    assert!(alone >= 5, "spans only one annotator made: {alone}");
    assert!(agreed > relabelled + reshaped, "they still agree on most spans: {agreed}");
    let notes: Vec<&str> = project
        .layers
        .values()
        .flat_map(|l| l.docs.values())
        .flat_map(|d| d.spans.iter().filter_map(|s| s.note.as_deref()))
        .collect();
    assert!(notes.len() >= 2, "notes: {notes:?}");
}

/// Whether `c` belongs to a word: a letter, digit or combining mark (harakat).
fn is_word_char(c: char) -> bool {
    use unicode_general_category::{GeneralCategory, get_general_category};
    c.is_alphanumeric()
        || matches!(get_general_category(c), GeneralCategory::NonspacingMark | GeneralCategory::SpacingMark)
}

#[test]
fn spans_are_their_quotes_on_whole_words() {
    let project = load_sample();
    let mut quotes: BTreeMap<(&str, &DocId), Vec<(&str, &str)>> = BTreeMap::new();
    for &(doc, annotator, label, quote, _, _) in SPEC {
        quotes.entry((annotator, &project.documents[doc].id)).or_default().push((label, quote));
    }
    let mut checked = 0;
    for (name, layer) in &project.layers {
        for doc in &project.documents {
            let mut expected = quotes.get(&(name.as_str(), &doc.id)).cloned().unwrap_or_default();
            let mut actual = Vec::new();
            for span in layer.spans(&doc.id) {
                let text = slice_chars(&doc.text, span.range()).unwrap();
                assert_eq!(text, text.trim(), "{name} on {}: span {} has outer spaces", doc.id, span.id.0);
                let before = span.start.0.checked_sub(1).and_then(|i| doc.text.chars().nth(i));
                let after = doc.text.chars().nth(span.end.0);
                assert!(
                    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char),
                    "{name} on {}: span {} {text:?} cuts a word ({before:?} before, {after:?} after)",
                    doc.id,
                    span.id.0
                );
                actual.push((span.label.as_str(), text));
                checked += 1;
            }
            expected.sort();
            actual.sort();
            assert_eq!(actual, expected, "{name} on {}", doc.id);
        }
    }
    assert_eq!(checked, SPEC.len());
}
