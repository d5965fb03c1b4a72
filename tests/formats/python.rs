//! A real consumer: Python reads every export and checks every offset
//! (tests/python/check_exports.py), on the fixture and on a randomised project.
//!
//! Needs `python3` on the PATH (`.ci/run` installs it); plain python3, no packages.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers outside #[test] functions

use hashiya::model::{
    AttrValue, CharOffset, DocId, Document, LabelId, Origin, Project, Relation, RelationId, Span, SpanId,
    Status, Timestamp,
};
use hashiya::store as project_file;
use std::path::Path;
use std::process::Command;

fn run_check(project: &Path, extra: &[&str]) -> String {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/check_exports.py");
    let output = Command::new("python3")
        .arg(script)
        .arg(project)
        .arg(env!("CARGO_BIN_EXE_hashiya"))
        .args(extra)
        .output()
        .expect("python3 must be installed to run this test (.ci/run installs it)");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "check_exports.py failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("all offsets match"), "{stdout}");
    stdout
}

/// The count printed for `what`.
fn count(stdout: &str, what: &str) -> usize {
    stdout
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{what}: ")))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no {what:?} count in\n{stdout}"))
}

#[test]
fn python_reads_the_fixture_exports() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/fixture.ron");
    let out = run_check(&fixture, &[]);
    assert_eq!(count(&out, "jsonl spans"), 10);
    assert_eq!(count(&out, "brat T lines"), 10);
    assert_eq!(count(&out, "csv rows"), 10);
    assert_eq!(count(&out, "jsonl relations"), 3);
    assert_eq!(count(&out, "brat R lines"), 3);
    assert_eq!(count(&out, "doccano relations"), 3);
    assert_eq!(count(&out, "prodigy relations"), 3);
    assert_eq!(count(&out, "csv relations"), 3);
    assert_eq!(count(&out, "brat A lines"), 9);
    let out = run_check(&fixture, &["--annotator", "omar", "--labels", "figure"]);
    assert_eq!(count(&out, "jsonl spans"), 3);
}

/// A small deterministic random generator (xorshift), so the test needs no crate.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PIECES: &[&str] = &[
    "قال",
    "المتحدثُ",
    "مسلّحين",
    "«داعش»",
    "،",
    "؛",
    "؟",
    "120كم",
    "1,125",
    "٣٥٠",
    "Ryan Dillon",
    "👍",
    "👍🏽",
    "🇸🇾",
    "#سوريا",
    "\"لن نستهدف\"",
    "(AP)",
    "الـ",
    "وفِي",
    "نفى",
    "12 وفاة",
    "e\u{301}t\u{e9}",
    "\t",
    "\u{2028}",
    ".",
    "!",
];

fn random_project(seed: u64) -> Project {
    let mut rng = Rng(seed);
    let mut p = Project::new("random");
    let labels = ["claim", "denial", "figure"];
    for d in 0..60 {
        let mut text = String::new();
        for _ in 0..(5 + rng.below(60)) {
            text.push_str(rng.pick(PIECES));
            text.push_str(if rng.below(8) == 0 { "\n" } else { " " });
        }
        let text = text.trim().to_string();
        let mut doc = Document::new(DocId::new(format!("doc-{d:02}")), format!("doc-{d:02}.txt"), text);
        for who in ["amal", "omar", "zaid"] {
            if rng.below(3) > 0 {
                doc.status.insert(who.into(), Status::ALL[rng.below(3)]);
            }
        }
        let chars: Vec<char> = doc.text.chars().collect();
        // Spans start and end on characters that are not line breaks (a brat fragment cannot be empty).
        let solid: Vec<usize> =
            (0..chars.len()).filter(|&i| !matches!(chars[i], '\n' | '\u{2028}')).collect();
        for (w, who) in ["amal", "omar", "zaid"].into_iter().enumerate() {
            let mut spans = Vec::new();
            for k in 0..rng.below(8) {
                let a = solid[rng.below(solid.len())];
                let b = solid[rng.below(solid.len())];
                let (start, end) = (a.min(b), a.max(b) + 1);
                let note = (rng.below(5) == 0).then(|| "note, with \"quotes\"\nand a line".to_string());
                spans.push(Span {
                    id: SpanId(k as u64 + 1),
                    start: CharOffset(start),
                    end: CharOffset(end),
                    label: LabelId::new(labels[(k + w) % 3]),
                    annotator: who.into(),
                    created: Timestamp(0),
                    modified: Timestamp(0),
                    note: note.map(Into::into),
                    origin: Origin::Manual,
                    attributes: Default::default(),
                });
                // Figures get a value (whole or not) and sometimes a unit with Arabic and spaces.
                if let Some(span) = spans.last_mut().filter(|s| s.label.as_str() == "figure") {
                    let value =
                        if rng.below(2) == 0 { rng.below(5000) as f64 } else { rng.below(100) as f64 / 4.0 };
                    span.attributes.set("value", Some(AttrValue::Number(value)));
                    if rng.below(2) == 0 {
                        span.attributes.set("unit", Some(AttrValue::Text("قتيلاً في \"الرقة\"".into())));
                    }
                }
            }
            spans.sort_by(Span::reading_order);
            // Links between spans of fitting labels: denial -> claim, figure -> claim.
            let mut relations = Vec::new();
            for head in &spans {
                let kind = match head.label.as_str() {
                    "denial" => "denies",
                    "figure" => "quantifies",
                    _ => continue,
                };
                if let Some(tail) = spans.iter().find(|s| s.label.as_str() == "claim" && rng.below(2) == 0) {
                    let id = RelationId(relations.len() as u64 + 1);
                    relations.push(Relation::new(
                        id,
                        head.id,
                        tail.id,
                        LabelId::new(kind),
                        who,
                        Timestamp(0),
                    ));
                }
            }
            let layer_doc = p.layers.entry(who.into()).or_default().doc_mut(&doc);
            layer_doc.spans = spans;
            layer_doc.relations = relations;
        }
        p.push_document(doc);
    }
    assert_eq!(p.validate(), vec![]);
    p
}

#[test]
fn python_reads_the_exports_of_a_random_project() {
    let dir = tempfile::tempdir().unwrap();
    for seed in [7, 2026] {
        let path = dir.path().join(format!("random-{seed}.ron"));
        let project = random_project(seed);
        project_file::save(&project, &path).unwrap();
        let spans: usize = project.layers.values().map(|l| l.span_count()).sum();
        let relations: usize = project.layers.values().map(|l| l.relation_count()).sum();
        assert!(relations > 20, "{relations}");
        let out = run_check(&path, &[]);
        assert_eq!(count(&out, "jsonl spans"), spans);
        assert_eq!(count(&out, "brat T lines"), spans);
        assert_eq!(count(&out, "jsonl relations"), relations);
        assert_eq!(count(&out, "brat R lines"), relations);
        assert_eq!(count(&out, "csv relations"), relations);
        run_check(&path, &["--annotator", "zaid", "--status", "done"]);
    }
}

/// Runs brat's own reader (tests/python/check_brat.py) over a brat export of `project`.
fn brat_reads(project: &Path) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brat");
    let export = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(["export", project.to_str().unwrap(), "--format", "brat", "--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(export.status.success(), "{}", String::from_utf8_lossy(&export.stderr));
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/check_brat.py");
    let output = Command::new("python3").arg(script).arg(&out).output().expect("python3 must be installed");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "brat's reader reported errors:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.ends_with("errors: 0\n"), "{stdout}");
    stdout
}

#[test]
fn brats_own_reader_reads_our_links_and_attributes() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/fixture.ron");
    let out = brat_reads(&fixture);
    assert!(out.contains("raqqa-01.ann: T 9, R 3, A 7"), "{out}");
    assert!(out.contains("  denies: ونفى الجيشُ مقتل 12 مدنياً -> Ryan Dillon"), "{out}");
    assert!(out.contains("  quantifies: 120 كم -> خسر 120 كم"), "{out}");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/sample.ron");
    let out = brat_reads(&sample);
    assert_eq!(out.matches("  denies: ").count() + out.matches("  quantifies: ").count(), 6, "{out}");
}
