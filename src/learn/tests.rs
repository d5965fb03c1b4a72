use super::decode::{Counts, Cut, covered_share, decode};
use super::*;
use crate::model::LabelId;

fn r(a: usize, b: usize) -> CharRange {
    CharRange::new(a, b)
}

#[test]
fn decoding_keeps_overlapping_labels_apart() {
    let text = features::extract("قال الوزير إن الخطة فاشلة تماما.");
    // Two labels: the first over tokens 2..=4, the second over 3..=5 (the full stop is 6).
    let p = |i: usize, l: usize| match (l, i) {
        (0, 2..=4) | (1, 3..=5) => 0.9,
        _ => 0.1,
    };
    let probs: Vec<f32> = (0..text.len()).flat_map(|i| [p(i, 0), p(i, 1)]).collect();
    let spans = decode(&text, &probs, &[Cut::at(0.5), Cut::at(0.5)]);
    assert_eq!(spans.len(), 2, "{spans:?}");
    assert_eq!(
        (spans[0].label, spans[0].range),
        (0, CharRange { start: text.ranges[2].start, end: text.ranges[4].end })
    );
    assert_eq!(
        (spans[1].label, spans[1].range),
        (1, CharRange { start: text.ranges[3].start, end: text.ranges[5].end })
    );
    assert!(spans[0].range.overlaps(&spans[1].range));
    assert!((spans[0].score - 0.9).abs() < 1e-6);
    // A threshold above one turns a label off.
    assert_eq!(decode(&text, &probs, &[Cut::at(1.01), Cut::at(0.5)]).len(), 1);
}

#[test]
fn decoding_trims_punctuation_off_the_ends() {
    let text = features::extract("قال: «الخطة فاشلة».");
    let probs: Vec<f32> = (0..text.len()).map(|i| if i >= 1 { 0.8 } else { 0.0 }).collect();
    let spans = decode(&text, &probs, &[Cut::at(0.5)]);
    assert_eq!(spans.len(), 1);
    let shown = crate::model::slice_chars("قال: «الخطة فاشلة».", spans[0].range).unwrap();
    assert_eq!(shown, "الخطة فاشلة");
}

#[test]
fn the_partial_measure_credits_shares() {
    // Prediction 0..10 against gold 5..15: each earns half.
    let c = Counts::of(&[r(0, 10)], &[r(5, 15)]);
    assert!((c.partial().precision - 0.5).abs() < 1e-9);
    assert!((c.partial().recall - 0.5).abs() < 1e-9);
    assert_eq!(c.exact().f1, 0.0);
    // Two gold spans covering the same characters count once for the prediction.
    assert!((covered_share(r(0, 10), &[r(0, 6), r(2, 8)]) - 0.8).abs() < 1e-9);
    let exact = Counts::of(&[r(0, 4), r(8, 9)], &[r(0, 4)]);
    assert!((exact.exact().precision - 0.5).abs() < 1e-9);
    assert!((exact.exact().recall - 1.0).abs() < 1e-9);
    // Labels are scored apart: the same range under another label earns nothing.
    let counts = decode::count(2, &[(1, r(0, 4))], &[(0, r(0, 4))]);
    assert_eq!(counts[0].gold_credit, 0.0);
    assert_eq!(counts[1].predicted_credit, 0.0);
}

#[test]
fn paste_back_marks_training_texts_where_they_occur() {
    let train = features::extract("وصف الخطة بأنها مؤامرة كبرى.");
    let spans = [(0usize, r(16, 27))];
    let lexicon = SpanLexicon::build(&[Labelled { text: &train, spans: &spans }]);
    assert_eq!(lexicon.entries.len(), 1);
    assert_eq!(lexicon.entries[0].words, vec!["مؤامره", "كبري"]);
    let test_text = "إنها مؤامرةٌ كبرى، لا مؤامرة صغيرة.";
    let test = features::extract(test_text);
    let found = lexicon.paste_back(&test);
    assert_eq!(found.len(), 1);
    assert_eq!(crate::model::slice_chars(test_text, found[0].1).unwrap(), "مؤامرةٌ كبرى");
}

#[test]
fn thresholds_maximize_the_micro_f1() {
    let cell = |pc: f64, p: usize, gc: f64, g: usize| Counts {
        predicted: p,
        gold: g,
        predicted_credit: pc,
        gold_credit: gc,
        ..Counts::default()
    };
    // Label 0 does best at the second candidate; label 1 only adds noise anywhere.
    let n = candidates().len();
    let mut table = vec![vec![cell(0.0, 0, 0.0, 10); n]; 2];
    table[0][0] = cell(4.0, 20, 8.0, 10);
    table[0][1] = cell(7.0, 9, 7.0, 10);
    for (c, cut) in candidates().iter().enumerate() {
        table[1][c] = if cut.threshold > 1.0 { cell(0.0, 0, 0.0, 1) } else { cell(0.1, 30, 0.5, 1) };
    }
    let chosen = choose_cuts(&table);
    assert_eq!(chosen[0], candidates()[1]);
    assert!(chosen[1].threshold > 1.0, "{chosen:?}");
}

fn planted(paragraphs: usize, seed: u64) -> crate::model::Project {
    synthetic::project(&synthetic::Shape { paragraphs, labels: 3, spans_per_paragraph: 1.5, words: 30, seed })
}

#[test]
fn a_planted_pattern_is_found_in_unseen_text() {
    let train_project = planted(160, 1);
    let labels: Vec<LabelId> = train_project.labels.iter().map(|l| l.id.clone()).collect();
    let corpus = corpus::corpus(&train_project, "analyst", &labels);
    let model = train(&corpus, &LearnOptions::default(), &Hooks::none());
    // Unseen paragraphs: other words after the same cues.
    let test_project = planted(60, 99);
    let test = corpus::corpus(&test_project, "analyst", &labels);
    let mut total = Counts::default();
    let mut pasted = Counts::default();
    for doc in &test.docs {
        let predicted: Vec<(usize, CharRange)> =
            model.predict_features(&doc.text).into_iter().map(|p| (p.label, p.range)).collect();
        for c in decode::count(3, &predicted, &doc.spans) {
            total.add(&c);
        }
        for c in decode::count(3, &model.lexicon.paste_back(&doc.text), &doc.spans) {
            pasted.add(&c);
        }
    }
    let f1 = total.partial().f1;
    assert!(f1 > 0.7, "partial F1 {f1:.3} ({total:?})");
    assert!(f1 > pasted.partial().f1 + 0.1, "model {f1:.3}, paste-back {:.3}", pasted.partial().f1);
    // And through the text API, a cue in a new sentence.
    let cue = synthetic::cues(0).remove(0);
    let text = format!("وقال المسؤولين {cue} بيان خطة جديدة، في المدينة.");
    let found = model.predict(&text, &[]);
    assert!(
        found
            .iter()
            .any(|p| p.label == 0 && crate::model::slice_chars(&text, p.range).unwrap().contains(&cue)),
        "{found:?}"
    );
}

#[test]
fn a_model_is_saved_loaded_and_refused_for_another_version_or_label_set() {
    let project = planted(40, 3);
    let labels: Vec<LabelId> = project.labels.iter().map(|l| l.id.clone()).collect();
    let corpus = corpus::corpus(&project, "analyst", &labels);
    let options = LearnOptions { inner_folds: 2, ..LearnOptions::for_labels(3) };
    let model = train(&corpus, &options, &Hooks::none());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.model");
    let bytes = file::save(&model, &path).unwrap();
    assert!(bytes < 20_000_000);
    let loaded = file::load(&path).unwrap();
    assert_eq!(loaded.labels, model.labels);
    assert_eq!(loaded.cuts, model.cuts);
    assert_eq!(loaded.lexicon.entries, model.lexicon.entries);
    // Weights come back within the quantization step, and so do predictions.
    let text = &project.documents[0].text;
    let a = model.predict(text, &[]);
    let b = loaded.predict(text, &[]);
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!((x.label, x.range), (y.label, y.range));
    }
    assert!(file::check_labels(&loaded, &project).unwrap().is_empty());
    // Another version.
    let mut raw = std::fs::read(&path).unwrap();
    raw[file::MAGIC.len()] = 99;
    let err = file::from_bytes(&raw, "m.model").unwrap_err().to_string();
    assert!(err.contains("format 99") && err.contains("train it again"), "{err}");
    // Not a model, cut short, run on.
    assert!(file::from_bytes(b"(version: 3)", "x").unwrap_err().to_string().contains("not a Hashiya model"));
    let good = file::to_bytes(&model);
    assert!(file::from_bytes(&good[..good.len() - 3], "m").unwrap_err().to_string().contains("ends early"));
    let mut longer = good.clone();
    longer.push(0);
    assert!(file::from_bytes(&longer, "m").unwrap_err().to_string().contains("follow its end"));
    // A project lacking one of the model's labels: that label is named.
    let mut other = project.clone();
    other.labels.retain(|l| l.id.as_str() != "t02");
    assert_eq!(file::check_labels(&loaded, &other).unwrap(), vec!["t02".to_string()]);
    // Another label set: none in common.
    other.labels = crate::model::default_labels();
    let err = file::check_labels(&loaded, &other).unwrap_err().to_string();
    assert!(err.contains("another label set (t01, t02, t03)") && err.contains("claim"), "{err}");
}

#[test]
fn a_label_without_spans_predicts_nothing_and_costs_no_table() {
    let mut project = planted(30, 5);
    project.labels.push(crate::model::Label::new("unused", "Unused", crate::model::Color([1, 2, 3])));
    let labels: Vec<LabelId> = project.labels.iter().map(|l| l.id.clone()).collect();
    let corpus = corpus::corpus(&project, "analyst", &labels);
    let model = train(&corpus, &LearnOptions { inner_folds: 2, ..LearnOptions::default() }, &Hooks::none());
    assert!(model.tagger.weights[3].is_empty());
    for doc in &project.documents {
        assert!(model.predict(&doc.text, &[]).iter().all(|p| p.label != 3));
    }
}

#[test]
fn a_confident_token_starts_a_span_and_its_neighbours_extend_it() {
    let text = features::extract("واحد اثنان ثلاثة أربعة خمسة");
    let probs = [0.33, 0.9, 0.35, 0.2, 0.9];
    let spans = decode(&text, &probs, &[Cut { threshold: 0.8, extend: 0.4, paste_back: false }]);
    // 0.33 and 0.35 reach 0.8 × 0.4 and join the first span; 0.2 does not.
    assert_eq!(spans.len(), 2, "{spans:?}");
    assert_eq!(spans[0].range, CharRange { start: text.ranges[0].start, end: text.ranges[2].end });
    assert_eq!(spans[1].range, text.ranges[4]);
    // Without the extension only the confident tokens are spans.
    assert_eq!(decode(&text, &probs, &[Cut::at(0.8)]).len(), 2);
    assert_eq!(decode(&text, &probs, &[Cut::at(0.8)])[0].range, text.ranges[1]);
}
