//! Review without a window: list disagreements, accept agreed spans, settle every
//! disagreement, and check the gold layer that results, on random projects and on
//! the sample project.

use hashiya::model::{
    CharOffset, CharRange, DocId, Document, LabelId, Origin, Project, Span, SpanId, Timestamp, apply,
};
use hashiya::review::{Decision, DisagreementKind, adjudicate, auto_accept_agreed, disagreements};
use hashiya::store as project_file;
use std::path::Path;

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n.max(1) as u64) as usize
    }
}

fn span(start: usize, end: usize, label: &str) -> Span {
    Span::new(SpanId(0), CharRange::new(start, end), LabelId::new(label), "", Timestamp(0))
}

/// Two annotators on four documents; omar copies, moves or relabels amal's spans.
fn random_project(seed: u64) -> Project {
    let mut rng = Rng(seed);
    let labels = ["claim", "denial", "figure"];
    let mut p = Project::new("random");
    for d in 0..4 {
        let text = "قال المتحدث إن القوات لن تستهدف المدنيين في الرقة، وأضاف أن 12 قتيلاً سقطوا. ".repeat(2);
        let doc = Document::new(DocId::new(format!("d{d}")), "d.txt", text);
        let len = doc.text.chars().count();
        let amal: Vec<Span> = (0..rng.below(10))
            .map(|_| {
                let start = rng.below(len - 1);
                span(start, (start + 1 + rng.below(20)).min(len), labels[rng.below(3)])
            })
            .collect();
        let mut omar = Vec::new();
        for s in &amal {
            let mut t = s.clone();
            match rng.below(5) {
                0 => continue,
                1 => t.label = LabelId::new(labels[rng.below(3)]),
                2 => t.end = CharOffset((t.end.0 + 1 + rng.below(3)).min(len)),
                _ => {}
            }
            omar.push(t);
        }
        for (name, mut spans) in [("amal", amal), ("omar", omar)] {
            spans.sort_by(Span::reading_order);
            for (i, s) in spans.iter_mut().enumerate() {
                s.id = SpanId(i as u64 + 1);
                s.annotator = name.into();
            }
            p.layers.entry(name.into()).or_default().doc_mut(&doc).spans = spans;
        }
        p.push_document(doc);
    }
    p
}

fn keys(spans: &[Span]) -> Vec<(CharRange, LabelId)> {
    let mut keys: Vec<_> = spans.iter().map(|s| (s.range(), s.label.clone())).collect();
    keys.sort();
    keys
}

/// Accepts agreed spans, then `winner`'s side of every disagreement, document by
/// document; the gold layer must then hold exactly `winner`'s spans.
fn settle_all(project: &mut Project, winner: &str) {
    let names = ["amal", "omar"];
    let docs: Vec<DocId> = project.documents.iter().map(|d| d.id.clone()).collect();
    for doc in &docs {
        let agreed = auto_accept_agreed(project, doc, &names, "lina", Timestamp(7));
        apply(project, agreed).unwrap_or_else(|e| panic!("{e}"));
        for disagreement in disagreements(project, doc, &names) {
            let decision = Decision::Accept(winner.into());
            let command = adjudicate(project, doc, &disagreement, &decision, "lina", Timestamp(7))
                .unwrap_or_else(|e| panic!("{e}"));
            apply(project, command).unwrap_or_else(|e| panic!("{e}"));
        }
        assert_eq!(keys(project.gold.spans(doc)), keys(project.layers[winner].spans(doc)), "{doc}");
    }
    assert_eq!(project.validate(), vec![]);
    let origins = project.gold.docs.values().flat_map(|d| &d.spans).map(|s| &s.origin);
    assert!(origins.into_iter().all(|o| *o == Origin::Accepted { by: "lina".into() }));
}

#[test]
fn accepting_one_side_everywhere_gives_that_sides_layer() {
    for seed in 1..=20 {
        for winner in ["amal", "omar"] {
            let mut p = random_project(seed);
            settle_all(&mut p, winner);
        }
    }
}

#[test]
fn sample_project_has_every_kind_of_disagreement_and_settles() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/sample.ron");
    if !path.exists() {
        eprintln!("skipping: {} does not exist yet", path.display());
        return;
    }
    let mut project = project_file::load(&path).unwrap();
    let docs: Vec<DocId> = project.documents.iter().map(|d| d.id.clone()).collect();
    let found: Vec<DisagreementKind> =
        docs.iter().flat_map(|d| disagreements(&project, d, &["amal", "omar"])).map(|d| d.kind).collect();
    assert!(found.contains(&DisagreementKind::SameRangeDifferentLabel));
    assert!(found.contains(&DisagreementKind::BoundaryMismatch));
    assert!(found.contains(&DisagreementKind::OnlyIn(vec!["amal".into()])));
    assert!(found.contains(&DisagreementKind::OnlyIn(vec!["omar".into()])));
    settle_all(&mut project, "omar");
}
