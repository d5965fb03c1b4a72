//! What the window says after an annotation import: the lines of
//! [`ImportReport::summary`] (which the command line prints in English) from the message
//! catalogue. Names (formats, labels, link types, attributes) stay as they are written;
//! a problem found in a file keeps the reader's technical words after a translated lead.

use crate::formats::import::ImportReport;
use crate::model::LabelId;
use crate::tr_logical;

/// The report's lines in the window's language: what was added, then each problem.
pub fn import_summary(report: &ImportReport) -> Vec<String> {
    let format = report
        .format
        .map_or_else(|| crate::i18n::plain("import-summary-annotations"), |f| f.name().to_string());
    let mut lines = vec![tr_logical!(
        "import-summary",
        format = format,
        records = report.records,
        added = report.documents_added.len(),
        matched = report.documents_matched,
        spans = report.spans_added,
        duplicates = report.spans_duplicate
    )];
    if report.relations_added + report.relations_duplicate > 0 {
        lines.push(tr_logical!(
            "import-summary-relations",
            added = report.relations_added,
            duplicates = report.relations_duplicate
        ));
    }
    let names = |ids: &[LabelId]| ids.iter().map(LabelId::as_str).collect::<Vec<_>>().join(", ");
    if !report.relation_types_added.is_empty() {
        lines.push(tr_logical!("import-summary-relation-types", names = names(&report.relation_types_added)));
    }
    if !report.attributes_added.is_empty() {
        lines.push(tr_logical!("import-summary-attributes", names = report.attributes_added.join(", ")));
    }
    if !report.labels_added.is_empty() {
        lines.push(tr_logical!("import-summary-labels", names = names(&report.labels_added)));
    }
    if report.utf16_converted > 0 {
        lines.push(tr_logical!("import-summary-utf16", count = report.utf16_converted));
    }
    if report.ignored_lines > 0 {
        lines.push(tr_logical!("import-summary-ignored", count = report.ignored_lines));
    }
    lines.extend(
        report.problems.iter().map(|p| tr_logical!("import-summary-problem", problem = p.to_string())),
    );
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::import::{ImportFormat, Problem};
    use crate::i18n::{Lang, set_lang};
    use crate::model::DocId;

    fn report() -> ImportReport {
        ImportReport {
            format: Some(ImportFormat::Doccano),
            records: 5,
            documents_added: vec![DocId::new("a"), DocId::new("b"), DocId::new("c")],
            documents_matched: 2,
            spans_added: 17,
            spans_duplicate: 4,
            labels_added: vec![LabelId::new("casualty")],
            relations_added: 6,
            relations_duplicate: 1,
            relation_types_added: vec![LabelId::new("cites")],
            attributes_added: vec!["figure.unit".into()],
            ignored_lines: 2,
            utf16_converted: 3,
            problems: vec![Problem {
                location: "news.jsonl:9".into(),
                message: "span 40..12 is empty".into(),
            }],
        }
    }

    #[test]
    fn every_line_of_the_report_is_said_in_both_languages() {
        let report = report();
        let english = report.summary();
        set_lang(Lang::Ar);
        let arabic = import_summary(&report);
        set_lang(Lang::En);
        let ours = import_summary(&report);
        assert_eq!(arabic.len(), english.len(), "{arabic:?}");
        assert_eq!(ours.len(), english.len(), "{ours:?}");
        let bare = |t: &String| t.replace(['\u{2068}', '\u{2069}'], "");
        for (ar, en) in arabic.iter().map(bare).zip(&english) {
            assert!(ar.chars().any(crate::text::is_rtl), "not Arabic: {ar}");
            assert_ne!(&ar, en);
        }
        let all = arabic.iter().map(bare).collect::<Vec<_>>().join("\n");
        for fact in
            ["doccano", "5", "17", "casualty", "cites", "figure.unit", "news.jsonl:9", "span 40..12 is empty"]
        {
            assert!(all.contains(fact), "{fact} missing: {all}");
        }
        let ours = ours.iter().map(bare).collect::<Vec<_>>().join("\n");
        assert!(ours.contains("17 spans added") && ours.contains("news.jsonl:9"), "{ours}");
    }
}
