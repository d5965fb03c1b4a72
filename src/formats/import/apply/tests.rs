use super::*;
use crate::formats::import::RecordSpan;
use crate::formats::import::check_annotators;
use crate::model::Timestamp;

fn record(text: &str, spans: Vec<(usize, usize, &str, Option<&str>)>) -> Record {
    Record {
        location: "f:1".into(),
        id: Some("a".into()),
        text: text.into(),
        spans: spans
            .into_iter()
            .map(|(start, end, label, t)| RecordSpan {
                location: "f:1".into(),
                start,
                end,
                label: label.into(),
                text: t.map(str::to_string),
                annotator: Some("amal".into()),
                note: None,
                key: None,
                attributes: Vec::new(),
                suggested: None,
            })
            .collect(),
        ..Default::default()
    }
}

fn options() -> ImportOptions {
    ImportOptions { annotator: None, now: Timestamp(5), predictions: false }
}

#[test]
fn repeated_import_adds_nothing_and_bad_spans_are_skipped() {
    let mut p = Project::new("t");
    let rec = record(
        "قتل 12 مدنياً",
        vec![(4, 6, "figure", Some("12")), (4, 6, "figure", Some("13")), (0, 99, "claim", None)],
    );
    let mut report = ImportReport::default();
    apply(&mut p, vec![rec.clone()], &options(), "f", &mut report, &mut |_| {});
    assert_eq!((report.documents_added.len(), report.spans_added), (1, 1));
    assert_eq!(report.problems.len(), 2, "{:?}", report.problems);
    assert!(report.problems[0].message.contains("\"13\""));
    assert!(report.problems[1].message.contains("past the end"));
    let mut again = ImportReport::default();
    apply(&mut p, vec![rec], &options(), "f", &mut again, &mut |_| {});
    assert_eq!((again.documents_matched, again.spans_added, again.spans_duplicate), (1, 0, 1));
    assert_eq!(p.documents.len(), 1);
    assert_eq!(p.layers["amal"].span_count(), 1);
    assert_eq!(p.validate(), vec![]);
}

#[test]
fn unknown_labels_are_added_and_carriage_returns_refused() {
    let mut p = Project::new("t");
    let mut report = ImportReport::default();
    let records =
        vec![record("a\r\nb", vec![(0, 1, "claim", None)]), record("نص آخر", vec![(0, 2, "rumour", None)])];
    apply(&mut p, records, &options(), "f", &mut report, &mut |_| {});
    assert!(report.problems[0].message.contains("carriage returns"));
    assert_eq!(report.labels_added, [LabelId::new("rumour")]);
    assert_eq!(p.label(&LabelId::new("rumour")).unwrap().color, colour_for("rumour"));
    assert_eq!(p.documents[0].id.as_str(), "a");
    assert_eq!(p.validate(), vec![]);
}

#[test]
fn spans_without_an_annotator_need_one() {
    let mut rec = record("نص", vec![(0, 1, "claim", None)]);
    rec.spans[0].annotator = None;
    let err = check_annotators(std::slice::from_ref(&rec), &options()).unwrap_err();
    assert!(err.to_string().contains("--annotator"), "{err}");
    let given = ImportOptions { annotator: Some("omar".into()), now: Timestamp(0), predictions: false };
    assert!(check_annotators(&[rec], &given).is_ok());
}

#[test]
fn ids_are_fresh_and_colours_stable() {
    let mut taken = BTreeSet::from(["a".to_string()]);
    assert_eq!(fresh_id("a", &mut taken).as_str(), "a-2");
    assert_eq!(fresh_id("b c", &mut taken).as_str(), "b_c");
    assert_eq!(colour_for("rumour"), colour_for("rumour"));
    assert_ne!(colour_for("rumour"), colour_for("source"));
}
