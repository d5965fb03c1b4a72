//! Krippendorff's unitizing alpha (`alpha_u`) against the published examples:
//! Krippendorff (2004), *Content Analysis*, 2nd ed., p. 254; Krippendorff (1995), "On the
//! reliability of unitizing continuous data", p. 57; and the single-pair distances of
//! both, as DKPro Statistics tests them (`Krippendorff2004Test`, `Krippendorff1995Test`,
//! `UnitizingAgreementTest`). Then the cases the method leaves to us, and the p. 254
//! example imported as JSONL and read back from `hashiya agree --json`.

#![allow(clippy::unwrap_used)] // a test fails loudly on a broken fixture

use hashiya::review::unitizing::{Section, Study, distance};
use std::path::Path;
use std::process::Command;

fn close(value: Option<f64>, expected: f64, tolerance: f64) -> bool {
    value.is_some_and(|v| (v - expected).abs() <= tolerance)
}

fn assert_close(value: Option<f64>, expected: f64, tolerance: f64, what: &str) {
    assert!(close(value, expected, tolerance), "{what}: {value:?}, expected {expected} ± {tolerance}");
}

/// Krippendorff (2004), p. 254: observers i (0) and j (1) on the continuum 150..450,
/// shifted here to 0..300 (distances and gaps depend only on differences).
fn krippendorff_2004() -> Study<&'static str> {
    let mut study = Study::new(2, 300);
    for (rater, begin, len, category) in [
        (0, 225, 70, "c"),
        (0, 370, 30, "c"),
        (1, 220, 80, "c"),
        (1, 355, 20, "c"),
        (1, 400, 20, "c"),
        (0, 180, 60, "k"),
        (0, 300, 50, "k"),
        (1, 180, 60, "k"),
        (1, 300, 50, "k"),
    ] {
        study.add(rater, begin - 150, len, category);
    }
    study
}

#[test]
fn krippendorff_2004_p254() {
    let study = krippendorff_2004();
    let c = study.disagreement(&"c");
    assert_close(Some(c.observed), 0.0144, 0.0001, "D_o c");
    assert_close(Some(c.expected), 0.0532, 0.0001, "D_e c");
    assert_close(study.category_alpha(&"c"), 0.7286, 0.0001, "alpha c");
    let k = study.disagreement(&"k");
    assert_close(Some(k.observed), 0.0, 0.0001, "D_o k");
    assert_close(Some(k.expected), 0.0490, 0.0001, "D_e k");
    assert_close(study.category_alpha(&"k"), 1.0, 0.0001, "alpha k");
    // The book's 0.8591 is 1 - 0.0144 / (0.0532 + 0.0490) with D_o rounded; unrounded
    // it is 0.8587, within the 0.0005 the book's rounding allows.
    assert_close(study.alpha(), 0.8591, 0.0005, "alpha");
    // Overall is 1 - Σ D_o / Σ D_e, not the mean of the categories' alphas (0.8643).
    let mean = (0.7286 + 1.0) / 2.0;
    assert!(!close(study.alpha(), mean, 0.001));
}

#[test]
fn krippendorff_2004_distances() {
    let (unit, gap) = (Section::unit, Section::gap);
    // p. 253: a unit inside a gap counts its length squared, whichever side holds it.
    assert_eq!(distance(gap(2, 3), unit(2, 2)) + distance(unit(5, 6), gap(4, 7)), 40);
    assert_eq!(distance(gap(3, 2), unit(3, 2)) + distance(unit(5, 6), gap(5, 6)), 40);
    // Two overlapping units: squared differences of begins and of ends.
    assert_eq!(distance(unit(5, 6), unit(4, 2)), 26);
    assert_eq!(distance(unit(5, 6), unit(5, 2)), 16);
    assert_eq!(distance(unit(5, 6), unit(6, 2)), 10);
    assert_eq!(distance(unit(5, 6), unit(7, 2)), 8);
    assert_eq!(distance(unit(5, 6), unit(6, 4)), 2);
    assert_eq!(distance(unit(5, 6), unit(5, 6)), 0);
    // The pairs of the p. 254 example.
    assert_eq!(distance(unit(225, 70), unit(220, 80)), 50);
    assert_eq!(distance(unit(370, 30), unit(355, 20)), 850);
    assert_eq!(distance(gap(400, 50), unit(400, 20)), 400);
}

#[test]
fn single_pair_distances() {
    let (unit, gap) = (Section::unit, Section::gap);
    // DKPro's UnitizingAgreementTest: r0 -11111111-, r1 --1-1-1---.
    assert_eq!(distance(gap(0, 1), gap(0, 2)), 0);
    assert_eq!(distance(unit(1, 8), gap(0, 2)), 0, "a unit only partly in a gap");
    assert_eq!(distance(unit(1, 8), unit(2, 1)), 37);
    assert_eq!(distance(unit(1, 8), gap(3, 1)), 0, "a gap inside a unit");
    assert_eq!(distance(unit(1, 8), unit(4, 1)), 25);
    assert_eq!(distance(unit(1, 8), gap(5, 1)), 0);
    assert_eq!(distance(unit(1, 8), unit(6, 1)), 29);
    assert_eq!(distance(unit(1, 8), gap(7, 4)), 0);
    assert_eq!(distance(gap(9, 2), gap(7, 4)), 0);
    // Units that only touch do not overlap.
    assert_eq!(distance(unit(0, 4), unit(4, 4)), 0);
    // Symmetric.
    for (a, b) in [(unit(5, 6), unit(4, 2)), (gap(2, 3), unit(2, 2)), (unit(1, 8), unit(6, 1))] {
        assert_eq!(distance(a, b), distance(b, a));
    }
}

#[test]
fn several_units_of_one_rater_against_one_of_the_other() {
    let mut study = Study::new(2, 10);
    study.add(0, 1, 8, "A");
    for begin in [2, 4, 6] {
        study.add(1, begin, 1, "A");
    }
    let d = study.disagreement(&"A");
    assert_close(Some(d.observed), 0.9100, 0.0001, "D_o");
    assert_close(Some(d.expected), 0.5351, 0.0001, "D_e");
    assert_close(study.category_alpha(&"A"), -0.7003, 0.0001, "alpha");
}

/// Krippendorff (1995), p. 57: four pairs of observers, one category each, on a
/// continuum of 24 positions, stretched by `times / per` (rounded down, as DKPro does).
fn krippendorff_1995(times: u64, per: u64) -> Study<&'static str> {
    let stretch = |x: u64| x * times / per;
    let mut study = Study::new(2, stretch(24));
    #[rustfmt::skip]
    let units = [
        // A Bertha:  0 0|1 1 1 1 1 1 1 1|0 0 0 0|1 1 1 1 1 1|0 0 0 0
        //   Bill:    0 0 0 0|1 1 1 1|0 0 0 0 0 0 0|1 1|0 0 0 0 0 0 0
        (0, 2, 8, "A"), (0, 14, 6, "A"), (1, 4, 4, "A"), (1, 15, 2, "A"),
        // B John:    1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1|0 0 0 0 0 0
        //   Jill:    1 1|1|1|1|1|1 1 1|1|0 0 0 0 0 0 0 0 0 0 0 0 0 0
        (0, 0, 18, "B"), (1, 0, 2, "B"), (1, 2, 1, "B"), (1, 3, 1, "B"), (1, 4, 1, "B"),
        (1, 5, 1, "B"), (1, 6, 3, "B"), (1, 9, 1, "B"),
        // C Gerret:  0 0|1 1 1 1 1 1|0 0|1 1|0 0|1 1 1 1|0 0|1 1|0 0
        //   Gill:    1 1|0 0|1 1 1 1|0 0|1 1 1 1|0 0|1 1|0 0|1 1|0 0
        (0, 2, 6, "C"), (0, 10, 2, "C"), (0, 14, 4, "C"), (0, 20, 2, "C"),
        (1, 0, 2, "C"), (1, 4, 4, "C"), (1, 10, 4, "C"), (1, 16, 2, "C"), (1, 20, 2, "C"),
        // D Heather: 1 1|1 1 1 1 1 1 1 1|1 1 1 1|1 1 1 1 1 1|1 1 1 1
        //   Hill:    1 1 1 1|1 1 1 1|1 1 1 1 1 1 1|1 1|1 1 1 1 1 1 1
        (0, 0, 2, "D"), (0, 2, 8, "D"), (0, 10, 4, "D"), (0, 14, 6, "D"), (0, 20, 4, "D"),
        (1, 0, 4, "D"), (1, 4, 4, "D"), (1, 8, 7, "D"), (1, 15, 2, "D"), (1, 17, 7, "D"),
    ];
    for (rater, begin, len, category) in units {
        study.add(rater, stretch(begin), stretch(len), category);
    }
    study
}

#[test]
fn krippendorff_1995_observed_disagreement() {
    let study = krippendorff_1995(1, 1);
    for (category, observed) in [("A", 0.03125), ("B", 2.26736), ("C", 0.02777), ("D", 0.38715)] {
        assert_close(Some(study.disagreement(&category).observed), observed, 0.00001, category);
    }
    // The observed disagreement does not change when the continuum is stretched.
    let stretched = krippendorff_1995(1000, 1);
    for category in ["A", "B", "C", "D"] {
        let (a, b) = (study.disagreement(&category).observed, stretched.disagreement(&category).observed);
        assert!((a - b).abs() < 1e-12, "{category}: {a} vs {b}");
    }
}

/// The 1995 paper computes the expected disagreement for a continuous continuum, and
/// DKPro Statistics notes a small error in its printed expected disagreement (likely
/// `l_ik + l_hj + 1`, where the first plus should be a minus, compare Krippendorff 2004).
/// The discrete form of 2004 used here approaches the published values as the continuum
/// is divided more finely, so the example is stretched (up to 50 000 times, 1.2 million
/// positions), as DKPro Statistics does; the published alphas then hold within 0.02.
#[test]
fn krippendorff_1995_per_category() {
    // Category C as the continuum is refined: (times, per), D_e ± tolerance, alpha.
    for ((times, per), expected, tolerance, alpha) in [
        ((1, 2), 0.05494, 0.00001, 0.494),
        ((5, 1), 0.08234, 0.005, 0.663),
        ((50, 1), 0.08600, 0.005, 0.677),
        ((500, 1), 0.08638, 0.005, 0.678),
        ((5_000, 1), 0.08642, 0.005, 0.679),
        ((50_000, 1), 0.08642, 0.005, 0.679),
    ] {
        let d = krippendorff_1995(times, per).disagreement(&"C");
        let what = format!("C stretched {times}/{per}");
        assert_close(Some(d.expected), expected, tolerance, &format!("D_e {what}"));
        assert_close(d.alpha(), alpha, 0.02, &format!("alpha {what}"));
    }
    // The published values per category (1995, p. 57).
    let study = krippendorff_1995(50_000, 1);
    for (category, expected, alpha) in
        [("A", 0.06990, 0.553), ("B", 1.17731, -0.926), ("C", 0.08642, 0.679), ("D", 0.41445, 0.066)]
    {
        let d = study.disagreement(&category);
        assert_close(Some(d.expected), expected, 0.005, &format!("D_e {category}"));
        assert_close(d.alpha(), alpha, 0.02, &format!("alpha {category}"));
    }
}

#[test]
fn full_agreement_is_one() {
    let mut study = Study::new(3, 100);
    for rater in 0..3 {
        study.add(rater, 10, 20, "claim");
        study.add(rater, 50, 5, "figure");
    }
    assert_eq!(study.category_alpha(&"claim"), Some(1.0));
    assert_eq!(study.category_alpha(&"figure"), Some(1.0));
    assert_eq!(study.alpha(), Some(1.0));
}

#[test]
fn one_rater_with_no_units() {
    // Rater 1 marks nothing: every unit of rater 0 lies in a gap of rater 1.
    let mut study = Study::new(2, 50);
    study.add(0, 10, 10, "claim");
    study.add(0, 30, 5, "claim");
    let d = study.disagreement(&"claim");
    // D_o = 2 (10² + 5²) / (2 x 1 x 50²) = 250 / 5000 (both ordered pairs count).
    assert!((d.observed - 0.05).abs() < 1e-12, "{d:?}");
    let alpha = study.alpha().unwrap();
    assert!(alpha <= 0.0, "no better than chance: {alpha}");
    // DKPro's case: one unit of length 1 among three raters: alpha is exactly 0.
    let mut single = Study::new(3, 20);
    single.add(0, 0, 1, "X");
    assert_close(single.alpha(), 0.0, 1e-12, "single unit");
}

#[test]
fn a_category_nobody_used_is_undefined() {
    let study = krippendorff_2004();
    assert_eq!(study.category_alpha(&"unused"), None);
    let d = study.disagreement(&"unused");
    assert_eq!((d.observed, d.expected), (0.0, 0.0));
    // Nobody marked anything at all: alpha is undefined, not NaN and not 1.
    let empty: Study<&str> = Study::new(3, 20);
    assert_eq!(empty.alpha(), None);
    // Fewer than two raters, or no continuum: undefined too.
    let mut alone = Study::new(1, 20);
    alone.add(0, 2, 3, "X");
    assert_eq!(alone.alpha(), None);
}

#[test]
fn three_raters_sum_over_every_pair() {
    // Raters 0 and 1 agree; rater 2 is off by 2 on both ends. Every pair involving
    // rater 2 disagrees by δ² = 2² + 2² = 8; D_o = 2 x (0 + 8 + 8) / (3 x 2 x 30²).
    let mut study = Study::new(3, 30);
    study.add(0, 10, 10, "c");
    study.add(1, 10, 10, "c");
    study.add(2, 12, 10, "c");
    let d = study.disagreement(&"c");
    assert!((d.observed - 32.0 / 5400.0).abs() < 1e-15, "{d:?}");
    let two = {
        let mut s = Study::new(2, 30);
        s.add(0, 10, 10, "c");
        s.add(1, 12, 10, "c");
        s
    };
    // A third rater who agrees with one side raises alpha over the pair alone.
    assert!(study.alpha().unwrap() > two.alpha().unwrap());
}

/// The p. 254 example as a JSONL file (one document, observers `i` and `j` as two
/// annotators, offsets shifted by -150), imported into a new project; `agree --json`
/// must give the book's figures.
#[test]
fn p254_imported_as_jsonl_gives_the_books_alpha_u() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("k.ron");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/krippendorff2004_p254.jsonl");
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_hashiya")).args(args).output().unwrap();
        assert!(out.status.success(), "hashiya {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let project_arg = project.to_str().unwrap();
    run(&["new", "krippendorff", "--out", project_arg]);
    run(&["import", project_arg, fixture.to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_str(&run(&["agree", project_arg, "--json"])).unwrap();
    assert_eq!(json["annotators"], serde_json::json!(["i", "j"]), "two annotators, two layers");
    let alpha_u = &json["alpha_u"];
    assert_close(alpha_u["all"].as_f64(), 0.8591, 0.0005, "alpha_u all");
    assert_close(alpha_u["c"].as_f64(), 0.7286, 0.0005, "alpha_u c");
    assert_close(alpha_u["k"].as_f64(), 1.0, 0.0005, "alpha_u k");
    // Labels of the project nobody used are null, never NaN.
    assert!(alpha_u["claim"].is_null());
    // The pair row carries the same figures (two annotators), and the character
    // measure keeps its own name and its own values (0.650 and 0.498 here).
    let all_row = json["pairs"].as_array().unwrap().iter().find(|r| r["label"] == "all").unwrap();
    assert_eq!(all_row["alpha_u"], alpha_u["all"]);
    assert_close(json["alpha_chars"]["all"].as_f64(), 0.650, 0.0005, "alpha_chars all");
    assert_close(json["alpha_chars"]["c"].as_f64(), 0.498, 0.0005, "alpha_chars c");
    // One document: its own alpha_u is the project's.
    let docs = json["per_document"].as_array().unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "krippendorff-2004-p254");
    assert_eq!(docs[0]["alpha_u"], alpha_u["all"]);
}
