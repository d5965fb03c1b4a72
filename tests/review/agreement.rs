//! `hashiya agree`: the JSON contract, and cross-checks of every figure against
//! scikit-learn, the `krippendorff` package and SciPy (tests/python/check_agreement.py)
//! on random projects and on the sample project.
//!
//! The cross-checks run when python3 has scikit-learn and krippendorff; set
//! `HASHIYA_REQUIRE_CROSS_CHECKS=1` (as CI does) to fail instead of skipping.

use hashiya::model::{
    CharOffset, CharRange, DocId, Document, LabelId, Project, Span, SpanId, Timestamp, char_len,
};
use hashiya::store as project_file;
use std::path::{Path, PathBuf};
use std::process::Command;

const WORDS: &[&str] = &[
    "قال",
    "المتحدث",
    "إن",
    "القوات",
    "لن",
    "تستهدف",
    "المدنيين",
    "في",
    "الرقة",
    "وأضاف",
    "مسلّحين",
    "الـ",
    "نفى",
    "الجيش",
    "سقوط",
    "قتيلاً",
    "إصابة",
    "كم",
    "Ryan",
    "Dillon",
    "وفِي",
    "«",
    "»",
    "،",
    "؟",
    ".",
    ":",
    "(",
    ")",
    "12",
    "1,125",
    "٣٥٠",
    "2.5",
    "%",
    "120كم",
    "👍",
];

/// A small deterministic generator (64-bit LCG), so failures can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn text(rng: &mut Rng) -> String {
    let mut out = String::new();
    for _ in 0..20 + rng.below(60) {
        out.push_str(WORDS[rng.below(WORDS.len())]);
        out.push_str(match rng.below(12) {
            0 => "\n",
            1 => "",
            _ => " ",
        });
    }
    out
}

fn span(id: u64, start: usize, end: usize, label: &str) -> Span {
    Span::new(SpanId(id), CharRange::new(start, end), LabelId::new(label), "", Timestamp(0))
}

/// A random project: `docs` documents, annotators amal, omar and sara. omar copies,
/// shifts or relabels many of amal's spans so that agreement is neither 0 nor 1;
/// sara marks nothing on some documents; one document is blank.
fn random_project(seed: u64, docs: usize) -> Project {
    let mut rng = Rng(seed);
    let labels = ["claim", "denial", "figure"];
    let mut project = Project::new(format!("random {seed}"));
    for d in 0..docs {
        let text = if d == 1 { " \n ".to_string() } else { text(&mut rng) };
        let doc = Document::new(DocId::new(format!("doc{d}")), format!("doc{d}.txt"), text);
        let len = char_len(&doc.text);
        let mut amal = Vec::new();
        if len > 1 {
            for _ in 0..rng.below(12) {
                let start = rng.below(len - 1);
                let end = (start + 1 + rng.below(25)).min(len);
                amal.push(span(0, start, end, labels[rng.below(3)]));
            }
        }
        let mut omar = Vec::new();
        for s in &amal {
            let mut t = s.clone();
            match rng.below(6) {
                0 => continue,
                1 => t.label = LabelId::new(labels[rng.below(3)]),
                2 => t.end = CharOffset((t.end.0 + rng.below(4)).min(len)),
                3 => t.start = CharOffset(t.start.0.saturating_sub(rng.below(4))),
                _ => {}
            }
            omar.push(t);
        }
        if len > 1 && rng.below(2) == 0 {
            let start = rng.below(len - 1);
            omar.push(span(0, start, (start + 1 + rng.below(10)).min(len), labels[rng.below(3)]));
        }
        let sara = if rng.below(3) == 0 { Vec::new() } else { amal.iter().step_by(2).cloned().collect() };
        for (name, mut spans) in [("amal", amal), ("omar", omar), ("sara", sara)] {
            spans.sort_by(Span::reading_order);
            for (i, s) in spans.iter_mut().enumerate() {
                s.id = SpanId(i as u64 + 1);
                s.annotator = name.into();
            }
            project.layers.entry(name.into()).or_default().doc_mut(&doc).spans = spans;
        }
        project.push_document(doc);
    }
    assert_eq!(project.validate(), vec![]);
    project
}

fn hashiya(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run hashiya: {e}"));
    assert!(out.status.success(), "hashiya {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn write_random(dir: &Path, seed: u64) -> PathBuf {
    let path = dir.join(format!("random-{seed}.ron"));
    project_file::save(&random_project(seed, 6), &path).unwrap_or_else(|e| panic!("{e}"));
    path
}

#[test]
fn json_has_the_contract_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_random(dir.path(), 7);
    let out = hashiya(&["agree", path.to_str().unwrap(), "--json", "--annotators", "omar,amal"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["annotators"], serde_json::json!(["omar", "amal"]));
    let pairs = json["pairs"].as_array().unwrap();
    // One pair, four rows: all, claim, denial, figure.
    let labels: Vec<&str> = pairs.iter().map(|p| p["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["all", "claim", "denial", "figure"]);
    for pair in pairs {
        for key in ["a", "b", "label", "exact_f1", "overlap_f1", "unmatched_a", "unmatched_b", "cohen_kappa"]
        {
            assert!(pair.get(key).is_some(), "missing {key} in {pair}");
        }
        assert_eq!((pair["a"].as_str(), pair["b"].as_str()), (Some("omar"), Some("amal")));
        let f1 = pair["overlap_f1"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&f1));
        assert!(pair["exact_f1"].as_f64().unwrap() <= f1);
    }
    for key in ["alpha_u", "alpha_chars"] {
        let alpha = json[key].as_object().unwrap();
        let keys: Vec<&String> = alpha.keys().collect();
        assert_eq!(keys, ["all", "claim", "denial", "figure"], "{key}");
    }
    for pair in pairs {
        assert!(pair.get("alpha_u").is_some() && pair.get("alpha_chars").is_some(), "{pair}");
    }
    // Every document once, the least agreed (lowest alpha_u, undefined last) first.
    let docs = json["per_document"].as_array().unwrap();
    assert_eq!(docs.len(), 6);
    assert_eq!(json["documents"], 6);
    for doc in docs {
        for key in ["id", "title", "exact_f1", "overlap_f1", "alpha_u", "not_annotated_by"] {
            assert!(doc.get(key).is_some(), "missing {key} in {doc}");
        }
    }
    // Warnings carry a stable code beside their text; figure values both shares.
    for warning in json["warnings"].as_array().unwrap() {
        assert!(warning["code"].is_string() && warning["text"].is_string(), "{warning}");
    }
    for key in [
        "matched_figures",
        "both_valued",
        "same_value",
        "same_value_share",
        "value_agreement",
        "valued_share",
    ] {
        assert!(json["figure_values"][0].get(key).is_some(), "missing {key}");
    }
    assert!(json["documents_compared"].as_u64().unwrap() <= 6);
    // Ranked: those every annotator worked on; the others come after them.
    let ranked = |d: &serde_json::Value| d["not_annotated_by"].as_array().unwrap().is_empty();
    let first_unranked = docs.iter().position(|d| !ranked(d)).unwrap_or(docs.len());
    assert!(docs.iter().skip(first_unranked).all(|d| !ranked(d)));
    let alphas: Vec<Option<f64>> = docs.iter().take(first_unranked).map(|d| d["alpha_u"].as_f64()).collect();
    let mut sorted = alphas.clone();
    sorted.sort_by(|a, b| match (a, b) {
        (Some(a), Some(b)) => a.total_cmp(b),
        (a, b) => a.is_none().cmp(&b.is_none()),
    });
    assert_eq!(alphas, sorted);
}

#[test]
fn tables_name_every_pair() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_random(dir.path(), 11);
    let out = hashiya(&["agree", path.to_str().unwrap()]);
    for heading in [
        "amal vs omar",
        "amal vs sara",
        "omar vs sara",
        "alpha over amal, omar, sara:",
        "documents, least agreed first:",
    ] {
        assert!(out.contains(heading), "{heading} missing from:\n{out}");
    }
}

#[test]
fn unknown_annotator_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_random(dir.path(), 3);
    let out = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(["agree", path.to_str().unwrap(), "--annotators", "amal,zaid"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no annotator \"zaid\""));
}

/// Whether python3 with scikit-learn and krippendorff is here; panics when it is
/// required and missing.
fn python_ready() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import sklearn, krippendorff, scipy"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok && std::env::var_os("HASHIYA_REQUIRE_CROSS_CHECKS").is_some() {
        panic!(
            "python3 with scikit-learn and krippendorff is required (pip install scikit-learn krippendorff)"
        );
    }
    if !ok {
        eprintln!("skipping the cross-check: python3 with scikit-learn and krippendorff is not installed");
    }
    ok
}

fn cross_check(project: &Path, extra: &[&str]) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/check_agreement.py");
    let out = Command::new("python3")
        .arg(script)
        .args(["--hashiya", env!("CARGO_BIN_EXE_hashiya")])
        .args(extra)
        .arg(project)
        .output()
        .unwrap_or_else(|e| panic!("cannot run python3: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    eprintln!("{stdout}");
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains(" 0 mismatches"), "{stdout}");
}

#[test]
fn figures_match_independent_implementations_on_random_projects() {
    if !python_ready() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (seed, iou) in [(1, "0.5"), (2, "0.5"), (3, "0.3"), (4, "0.75"), (5, "0")] {
        let path = write_random(dir.path(), seed);
        cross_check(&path, &["--iou", iou]);
    }
    let path = write_random(dir.path(), 6);
    cross_check(&path, &["--annotators", "sara,amal"]);
}

#[test]
fn figures_match_independent_implementations_on_the_sample_project() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/sample.ron");
    if !sample.exists() {
        eprintln!("skipping: {} does not exist yet", sample.display());
        return;
    }
    if python_ready() {
        cross_check(&sample, &[]);
    }
}

/// amal and omar on one sentence; the figures are worked by hand below.
fn hand_project() -> Project {
    // Tokens: 0 قتل 0..3, 1 12 4..6, 2 مدنياً 7..13, 3 اليوم 14..19, 4 ، 19..20,
    // 5 وقال 21..25, 6 الجيش 26..31, 7 إن 32..34, 8 5 35..36, 9 جرحى 37..41.
    let mut p = Project::new("hand");
    let doc = Document::new(DocId::new("d1"), "d1.txt", "قتل 12 مدنياً اليوم، وقال الجيش إن 5 جرحى".into());
    let amal = vec![span(1, 0, 13, "claim"), span(2, 4, 13, "figure"), span(3, 35, 41, "figure")];
    let omar = vec![span(1, 0, 13, "claim"), span(2, 4, 6, "figure"), span(3, 26, 41, "claim")];
    for (name, spans) in [("amal", amal), ("omar", omar)] {
        let spans = spans.into_iter().map(|s| Span { annotator: name.into(), ..s }).collect();
        p.layers.entry(name.into()).or_default().doc_mut(&doc).spans = spans;
    }
    p.push_document(doc);
    p
}

// all: exact and overlap both match only claim 0..13 (figure 4..13 vs 4..6 has IoU
// 2/9): F1 = 2/6, two spans unmatched each side.
// all tokens: amal C C C O O O O O F F (the claim outranks the shorter figure),
// omar C C C O O O C C C C: p_o = 6/10, p_e = (3x7 + 5x3 + 2x0)/100 = 0.36,
// kappa = 0.24 / 0.64 = 0.375.
// claim: F1 = 2/3; tokens amal T T T F F F F F F F, omar T T T F F F T T T T:
// p_o = 0.6, p_e = (3x7 + 7x3)/100 = 0.42, kappa = 0.18 / 0.58 = 0.310.
// figure: no match, F1 = 0, unmatched 2 / 1.
// alpha_u, claim (L = 41): the units 0..13 agree; omar's 26..41 lies in amal's gap 13..41:
// D_o = 2 x 15² / (2 x 41²) = 0.13385. Units 13, 13, 15 (N = 3), gaps 28 and 13:
// D_e = 2 (2 x (2 x 1300 + 169 x (1 + 16)) + (2 x 2030 + 225 x 14)) / (41 (82 x 81 - 522))
// = 36312 / 250920 = 0.14471: alpha_u = 1 - 0.13385 / 0.14471 = 0.075.
const HAND_TABLE: &str = "\
1 documents, 1 worked on by every annotator compared: 10 tokens, 41 characters; overlap matching at IoU >= 0.5

amal vs omar (1 document both worked on)
label         spans  spans exact F1 overlap F1  unmatched    kappa  alpha_u    alpha
                  a      b                          a / b   tokens             chars
all               3      3    0.333      0.333      2 / 2    0.375    0.038    0.357
claim             1      2    0.667      0.667      0 / 1    0.310    0.075    0.277
denial            0      0        -          -      0 / 0        -        -        -
figure            2      1    0.000      0.000      2 / 1    0.286   -0.076    0.047

links (a relation matches when its head and tail spans match and its type agrees):
  pair                 type             a     b matched relation F1
  amal vs omar         all              0     0       0           -
  amal vs omar         denies           0     0       0           -
  amal vs omar         quantifies       0     0       0           -

figure values (figures both marked; agreement = same / both valued, valued = both valued / matched):
  pair                 matched both valued same value agreement valued
  amal vs omar               0           0          0         -      -

alpha over amal, omar:
  label         alpha_u alpha_chars
  all             0.038       0.357
  claim           0.075       0.277
  denial              -           -
  figure         -0.076       0.047

documents, least agreed first:
  id  alpha_u overlap F1 exact F1  spans  title
  d1    0.038      0.333    0.333      6  قتل 12 مدنياً اليوم، وقال الجيش إن 5 جرحى

warnings:
  - amal and omar, all: only 6 spans between them (fewer than 10); the figures mean little
  - amal and omar, claim: only 3 spans between them (fewer than 10); the figures mean little
  - amal and omar: no denial spans, so its figures are undefined
  - amal and omar, figure: only 3 spans between them (fewer than 10); the figures mean little
  - alpha_u for denial is undefined (no annotator used it)
";

#[test]
fn table_output_of_a_hand_worked_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hand.ron");
    project_file::save(&hand_project(), &path).unwrap();
    assert_eq!(hashiya(&["agree", path.to_str().unwrap()]), HAND_TABLE);
    if python_ready() {
        cross_check(&path, &[]);
    }
}
