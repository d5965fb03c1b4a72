//! Hostile input, round 2 (issue 18): no save the loader refuses, no commented-out or
//! repeated entry read silently, no suggestion turned into gold.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly.

use crate::common;

use common::{run_hashiya, stderr, stdout};
use hashiya::model::Project;
use hashiya::store;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

fn empty_project(dir: &Path) -> PathBuf {
    let path = dir.join("p.ron");
    store::save(&Project::new("p"), &path).unwrap();
    path
}

fn hashiya_in(args: &[&OsStr]) -> std::process::Output {
    run_hashiya(args)
}

const TEXT: &str = "قال المرصد إن 12 مدنياً قتلوا في القصف. ونفى الجيش ذلك.";

/// Case 1: an id at the top of the range is renumbered at import; the next import and
/// `suggest` count on without wrapping, and every save loads again.
#[test]
fn case01_huge_span_and_relation_ids_never_make_an_unloadable_file() {
    let dir = tempfile::tempdir().unwrap();
    let project = empty_project(dir.path());
    let input = dir.path().join("huge.jsonl");
    let line = format!(
        r#"{{"text":"{TEXT}","spans":[{{"id":"amal:18446744073709551615","start":14,"end":23,"label":"figure","annotator":"amal"}},{{"id":"amal:1","start":0,"end":38,"label":"claim","annotator":"amal"}}],"relations":[{{"id":"amal:18446744073709551615","head":"amal:18446744073709551615","tail":"amal:1","type":"quantifies"}}]}}"#
    );
    fs::write(&input, format!("{line}\n")).unwrap();
    let output = hashiya_in(&["import".as_ref(), project.as_os_str(), input.as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("too large; given a new id"), "{}", stderr(&output));
    let loaded = store::load(&project).unwrap();
    let ids: Vec<u64> =
        loaded.layers["amal"].docs.values().flat_map(|d| d.spans.iter().map(|s| s.id.0)).collect();
    assert!(ids.iter().all(|id| *id <= hashiya::model::MAX_ID), "{ids:?}");
    assert_eq!(loaded.layers["amal"].relation_count(), 1);
    // More spans into the same layer, from a suggestion run and a second import.
    let output =
        hashiya_in(&["suggest".as_ref(), project.as_os_str(), "--annotator".as_ref(), "amal".as_ref()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    store::load(&project).unwrap();
}

/// Case 1: a project with an id that wraps on the next span is never saved over a file.
#[test]
fn case01_a_save_never_writes_what_the_loader_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let project = empty_project(dir.path());
    let before = fs::read(&project).unwrap();
    let mut bad = Project::new("p");
    let doc = hashiya::model::Document::new(hashiya::model::DocId::new("d"), "d.txt", TEXT.into());
    let mut span = hashiya::model::Span::new(
        hashiya::model::SpanId(1),
        hashiya::model::CharRange::new(0, 3),
        hashiya::model::LabelId::new("claim"),
        "amal",
        hashiya::model::Timestamp(0),
    );
    let layer = bad.layers.entry("amal".into()).or_default().doc_mut(&doc);
    layer.spans.push(span.clone());
    span.start = hashiya::model::CharOffset(1);
    layer.spans.push(span);
    bad.push_document(doc);
    let err = store::save(&bad, &project).unwrap_err();
    assert!(err.to_string().contains("span id 1 is used twice"), "{err}");
    assert_eq!(fs::read(&project).unwrap(), before, "the file is unchanged");
}

/// Writes the sample project with `edit` applied to its text, and loads it back.
fn load_edited(edit: impl Fn(&str) -> String) -> Result<Project, store::StoreError> {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/sample.ron")).unwrap();
    let path = dir.path().join("p.ron");
    fs::write(&path, edit(&text)).unwrap();
    store::load(&path)
}

/// Case 2: a comment holding whole entries after a layer's entry and after a document is
/// not read, from a file or from a text.
#[test]
fn case02_entries_inside_comments_are_not_data() {
    let sample = load_edited(|t| t.to_string()).unwrap();
    let spans = |p: &Project| p.layers.values().map(|l| l.span_count()).sum::<usize>();
    let commented = load_edited(|text| {
        // The first entry of amal's layer, written again inside a comment after it.
        let start = text.find("                \"000_").unwrap();
        let end = start + text[start..].find("\n                ),\n").unwrap() + "\n                )".len();
        let entry = text[start..end].replace('\n', " ");
        // Between the entry and its comma, as `) // , "001_…": (…)` then `,` on the next
        // line; the same after a document.
        let at = end;
        let doc_end = text.rfind("\n        ),\n    ],").unwrap() + "\n        )".len();
        format!(
            "{} // , {entry}\n{} // , (id: \"x\", title: \"\", hash: \"\", text: \"\")\n{}",
            &text[..at],
            &text[at..doc_end],
            &text[doc_end..]
        )
    })
    .unwrap();
    assert_eq!(spans(&commented), spans(&sample));
    assert_eq!(commented, sample);
}

/// Case 3: an annotator layer or a document's entry written twice is refused, naming it.
#[test]
fn case03_a_layer_or_an_entry_written_twice_is_refused_by_name() {
    let err = load_edited(|text| {
        let at = text.find("        \"omar\": (").unwrap();
        format!("{}        \"amal\": (docs: {{}}),\n{}", &text[..at], &text[at..])
    })
    .unwrap_err();
    assert!(err.to_string().contains("annotator layer \"amal\" is written twice"), "{err}");
    let err = load_edited(|text| {
        let start = text.find("                \"000_").unwrap();
        let end =
            start + text[start..].find("\n                ),\n").unwrap() + "\n                ),\n".len();
        format!("{}{}", &text[..end], &text[start..])
    })
    .unwrap_err();
    assert!(err.to_string().contains("document entry \"000_"), "{err}");
    assert!(err.to_string().contains("is written twice"), "{err}");
    // `validate` says the same and fails.
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/sample.ron")).unwrap();
    let at = text.find("        \"omar\": (").unwrap();
    let path = dir.path().join("twice.ron");
    fs::write(&path, format!("{}        \"amal\": (docs: {{}}),\n{}", &text[..at], &text[at..])).unwrap();
    let output = hashiya_in(&["validate".as_ref(), path.as_os_str()]);
    assert_ne!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stderr(&output).contains("written twice"), "{}", stderr(&output));
}

fn sample_copy(dir: &Path) -> PathBuf {
    let path = dir.join("sample.ron");
    fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/sample.ron"), &path).unwrap();
    path
}

fn suggested_spans(project: &Project) -> (usize, usize) {
    let count = |layer: &hashiya::model::Layer| {
        layer.docs.values().flat_map(|d| d.spans.iter()).filter(|s| s.is_suggested()).count()
    };
    (project.layers.values().map(count).sum(), project.gold.span_count())
}

/// Case 4: `gold` is no annotator's name for suggestions, and an export with
/// `--include-suggestions` says which spans are suggestions, in every format that can hold
/// it, so importing it keeps them suggestions (and out of gold).
#[test]
fn case04_suggestions_stay_suggestions_through_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let project = sample_copy(dir.path());
    let output =
        hashiya_in(&["suggest".as_ref(), project.as_os_str(), "--annotator".as_ref(), "gold".as_ref()]);
    assert_ne!(output.status.code(), Some(0));
    assert!(stderr(&output).contains("gold is the reviewed layer"), "{}", stderr(&output));
    let output =
        hashiya_in(&["suggest".as_ref(), project.as_os_str(), "--annotator".as_ref(), " model v2 ".as_ref()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let loaded = store::load(&project).unwrap();
    assert!(loaded.layers.contains_key("model_v2"), "{:?}", loaded.layers.keys().collect::<Vec<_>>());
    let (suggested, _) = suggested_spans(&loaded);
    assert!(suggested > 10, "{suggested}");
    for (format, name) in [
        ("jsonl", "x.jsonl"),
        ("doccano", "x.doccano.jsonl"),
        ("prodigy", "x.prodigy.jsonl"),
        ("brat", "brat"),
    ] {
        let out = dir.path().join(name);
        let output = hashiya_in(&[
            "export".as_ref(),
            project.as_os_str(),
            "--format".as_ref(),
            format.as_ref(),
            "--annotator".as_ref(),
            "model_v2".as_ref(),
            "--include-suggestions".as_ref(),
            "--out".as_ref(),
            out.as_os_str(),
        ]);
        assert_eq!(output.status.code(), Some(0), "{format}: {}", stderr(&output));
        let fresh = dir.path().join(format!("fresh-{format}.ron"));
        store::save(&Project::new("fresh"), &fresh).unwrap();
        let output = hashiya_in(&["import".as_ref(), fresh.as_os_str(), out.as_os_str()]);
        assert_eq!(output.status.code(), Some(0), "{format}: {}", stderr(&output));
        let back = store::load(&fresh).unwrap();
        assert_eq!(suggested_spans(&back), (suggested, 0), "{format}");
    }
}

/// Case 17: `suggest` takes the project's lock like `import`; a held lock is reported
/// after a second and given up on after a bounded wait, with a clear message.
#[test]
fn case17_suggest_waits_for_the_lock_then_gives_up() {
    let dir = tempfile::tempdir().unwrap();
    let project = sample_copy(dir.path());
    let held = store::ProjectLock::acquire(&project).unwrap();
    let output = common::hashiya()
        .env("HASHIYA_LOCK_WAIT", "2")
        .args(["suggest".as_ref(), project.as_os_str()])
        .output()
        .unwrap();
    assert_ne!(output.status.code(), Some(0));
    let err = stderr(&output);
    assert!(
        err.contains("waiting for") && err.contains("p.ron.lock") || err.contains("sample.ron.lock"),
        "{err}"
    );
    assert!(err.contains("still locked after 2 s"), "{err}");
    drop(held);
    let output = hashiya_in(&["suggest".as_ref(), project.as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

/// Case 7: a JSONL whose first line is over 16 MiB (one long document) is recognised
/// and imported, not refused as broken JSON.
#[test]
fn case07_a_first_line_over_16_mib_is_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let project = empty_project(dir.path());
    let text = "كلمة ".repeat(2_100_000);
    let line = format!(r#"{{"text":"{text}","spans":[{{"start":0,"end":4,"label":"claim"}}]}}"#);
    assert!(line.len() > 17 << 20);
    let input = dir.path().join("long.jsonl");
    fs::write(&input, format!("{line}\n")).unwrap();
    let output = hashiya_in(&[
        "import".as_ref(),
        project.as_os_str(),
        input.as_os_str(),
        "--annotator".as_ref(),
        "amal".as_ref(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let loaded = store::load(&project).unwrap();
    assert_eq!(loaded.layers["amal"].span_count(), 1);
}

/// Case 8 and 9 (imports): attribute values of the wrong kind are dropped with a line in
/// the report, and a link its type does not allow between those labels is skipped.
#[test]
fn case08_wrong_attribute_values_and_links_are_reported_at_import() {
    let dir = tempfile::tempdir().unwrap();
    let project = empty_project(dir.path());
    let line = format!(
        r#"{{"text":"{TEXT}","spans":[{{"id":"amal:1","start":14,"end":23,"label":"figure","annotator":"amal","attributes":{{"value":"twelve","counts":"eaten","unit":"مدنياً"}}}},{{"id":"amal:2","start":0,"end":38,"label":"claim","annotator":"amal"}}],"relations":[{{"id":"amal:1","head":"amal:2","tail":"amal:1","type":"quantifies"}}]}}"#
    );
    let input = dir.path().join("values.jsonl");
    fs::write(&input, format!("{line}\n")).unwrap();
    let output = hashiya_in(&["import".as_ref(), project.as_os_str(), input.as_os_str()]);
    let err = stderr(&output);
    assert!(err.contains("attribute \"value\" has the value twelve, not a number; dropped"), "{err}");
    assert!(err.contains("attribute \"counts\" has the value eaten, not one of killed"), "{err}");
    assert!(err.contains("a quantifies link cannot go from a claim span to a figure span"), "{err}");
    let loaded = store::load(&project).unwrap();
    let doc = &loaded.documents[0].id;
    let figure = &loaded.layers["amal"].spans(doc)[1];
    assert_eq!(figure.attributes.len(), 1, "only the unit is kept");
    assert_eq!(loaded.layers["amal"].relation_count(), 0);
    // brat: a value-less `A` line on a text attribute.
    let brat = dir.path().join("brat");
    fs::create_dir(&brat).unwrap();
    fs::write(brat.join("d.txt"), TEXT).unwrap();
    fs::write(brat.join("d.ann"), "T1\tclaim 0 3\tقال\nA1\tsource T1\n").unwrap();
    let fresh = dir.path().join("fresh.ron");
    store::save(&Project::new("fresh"), &fresh).unwrap();
    let output = hashiya_in(&[
        "import".as_ref(),
        fresh.as_os_str(),
        brat.as_os_str(),
        "--annotator".as_ref(),
        "amal".as_ref(),
    ]);
    assert!(
        stderr(&output).contains("attribute \"source\" has no value, not text; dropped"),
        "{}",
        stderr(&output)
    );
    let loaded = store::load(&fresh).unwrap();
    assert!(loaded.layers["amal"].spans(&loaded.documents[0].id)[0].attributes.is_empty());
}

/// Case 9: brat relation arguments are taken by role, not position; a third argument,
/// text after a tab and a repeated attribute are reported, not dropped silently.
#[test]
fn case09_brat_relations_by_role_and_odd_lines_reported() {
    let dir = tempfile::tempdir().unwrap();
    let project = empty_project(dir.path());
    let brat = dir.path().join("brat");
    fs::create_dir(&brat).unwrap();
    fs::write(brat.join("d.txt"), TEXT).unwrap();
    let ann = "T1\tclaim 0 38\tقال المرصد إن 12 مدنياً قتلوا في القصف\nT2\tfigure 14 23\t12 مدنياً\n\
               R1\tquantifies Arg2:T1 Arg1:T2\nR2\tquantifies Arg1:T2 Arg2:T1 Arg3:T1\n\
               A1\tvalue T2 12\textra words\nA2\tvalue T2 13\n";
    fs::write(brat.join("d.ann"), ann).unwrap();
    let output = hashiya_in(&[
        "import".as_ref(),
        project.as_os_str(),
        brat.as_os_str(),
        "--annotator".as_ref(),
        "amal".as_ref(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("relation with 3 arguments"), "{err}");
    assert!(err.contains("text after the attribute's value left out"), "{err}");
    assert!(err.contains("attribute \"value\" is given twice"), "{err}");
    let loaded = store::load(&project).unwrap();
    let doc = &loaded.documents[0].id;
    let layer = &loaded.layers["amal"];
    let relations = layer.relations(doc);
    assert_eq!(relations.len(), 1);
    let label = |id| layer.spans(doc).iter().find(|s| s.id == id).unwrap().label.as_str().to_string();
    assert_eq!((label(relations[0].head), label(relations[0].tail)), ("figure".into(), "claim".into()));
}

/// Case 10 and 11: an entity id given twice (doccano) makes the links naming it
/// ambiguous: reported and skipped, never attached to the last one; Label Studio's several
/// choices for one attribute are reported.
#[test]
fn case10_duplicate_entity_ids_and_several_choices_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let project = empty_project(dir.path());
    let text = "قال المرصد إن 12 مدنياً قتلوا. ونفى الجيش ذلك.";
    let line = format!(
        r#"{{"text":"{text}","entities":[{{"id":1,"label":"claim","start_offset":0,"end_offset":29}},{{"id":2,"label":"denial","start_offset":31,"end_offset":45}},{{"id":2,"label":"claim","start_offset":4,"end_offset":10}}],"relations":[{{"id":1,"from_id":2,"to_id":1,"type":"denies"}}],"annotator":"amal"}}"#
    );
    let input = dir.path().join("doccano.jsonl");
    fs::write(&input, format!("{line}\n")).unwrap();
    let output = hashiya_in(&["import".as_ref(), project.as_os_str(), input.as_os_str()]);
    let err = stderr(&output);
    assert!(err.contains("span id 2 is given to spans at different places"), "{err}");
    assert!(err.contains("names several spans; skipped"), "{err}");
    let loaded = store::load(&project).unwrap();
    assert_eq!(loaded.layers["amal"].span_count(), 3);
    assert_eq!(loaded.layers["amal"].relation_count(), 0);
    let task = serde_json::json!([{
        "data": {"text": text},
        "annotations": [{"completed_by": 2, "result": [
            {"id": "r1", "from_name": "label", "type": "labels", "value": {"start": 0, "end": 29, "labels": ["claim"]}},
            {"id": "r1", "from_name": "source", "type": "choices", "value": {"choices": ["المرصد", "الجيش"]}}
        ]}]
    }]);
    let input = dir.path().join("ls.json");
    fs::write(&input, task.to_string()).unwrap();
    let output = hashiya_in(&["import".as_ref(), project.as_os_str(), input.as_os_str()]);
    assert!(
        stderr(&output).contains("2 choices (المرصد, الجيش) for one attribute; only the first"),
        "{}",
        stderr(&output)
    );
}

/// Case 12 and 13: predictions never add documents (a text that matches none is reported
/// as unmatched), and an import where everything was refused exits non-zero.
#[test]
fn case12_predictions_never_add_documents_and_all_refused_fails() {
    let dir = tempfile::tempdir().unwrap();
    let project = empty_project(dir.path());
    let texts = dir.path().join("texts");
    fs::create_dir(&texts).unwrap();
    fs::write(texts.join("a.txt"), format!("{TEXT}\n")).unwrap();
    let output = hashiya_in(&["import".as_ref(), project.as_os_str(), texts.as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    // The same text without its last line break: a near-duplicate.
    let stored = store::load(&project).unwrap().documents[0].text.clone();
    let other = stored.trim_end().to_string();
    assert_ne!(other, stored);
    let line =
        serde_json::json!({"text": other, "spans": [{"start": 0, "end": 3, "label": "claim"}]}).to_string();
    let input = dir.path().join("predictions.jsonl");
    fs::write(&input, format!("{line}\n")).unwrap();
    let output =
        hashiya_in(&["import".as_ref(), project.as_os_str(), input.as_os_str(), "--as-suggestions".as_ref()]);
    assert_ne!(output.status.code(), Some(0), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("no document in the project has this text"), "{err}");
    assert!(err.contains("everything in it was refused"), "{err}");
    assert_eq!(store::load(&project).unwrap().documents.len(), 1);
}

/// Case 16: nothing new is success for texts as for annotations; an unknown file names
/// every input import reads; the messages say what they mean.
#[test]
fn case16_consistent_exits_and_messages() {
    let dir = tempfile::tempdir().unwrap();
    let project = empty_project(dir.path());
    let texts = dir.path().join("texts");
    fs::create_dir(&texts).unwrap();
    fs::write(texts.join("a.txt"), TEXT).unwrap();
    for _ in 0..2 {
        let output = hashiya_in(&["import".as_ref(), project.as_os_str(), texts.as_os_str()]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    }
    let odd = dir.path().join("notes.docx");
    fs::write(&odd, "x").unwrap();
    let output = hashiya_in(&["import".as_ref(), project.as_os_str(), odd.as_os_str()]);
    let err = stderr(&output);
    assert!(
        err.contains(".txt")
            && err.contains("doccano")
            && err.contains("Label Studio")
            && err.contains("brat"),
        "{err}"
    );
    let output = hashiya_in(&["suggest".as_ref(), project.as_os_str()]);
    assert!(!stderr(&output).contains("suggestions's"), "{}", stderr(&output));
    let out = dir.path().join("x.conll");
    let output = hashiya_in(&[
        "export".as_ref(),
        project.as_os_str(),
        "--format".as_ref(),
        "conll".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    let err = stderr(&output);
    assert!(!err.contains("code points"), "{err}");
    assert!(err.contains("the export holds no spans"), "{err}");
}

/// Case 21: many predictions that repeat spans already there are found in constant time
/// each (they used to be searched for one by one along the document's spans).
#[test]
fn case21_many_duplicate_predictions_import_near_linearly() {
    let dir = tempfile::tempdir().unwrap();
    let project = empty_project(dir.path());
    let n = 60_000;
    let text: String = (0..n).map(|i| format!("ك{} ", i % 10)).collect();
    let spans: Vec<String> =
        (0..n).map(|i| format!(r#"{{"start":{},"end":{},"label":"claim"}}"#, i * 3, i * 3 + 2)).collect();
    let line = format!(r#"{{"text":"{text}","spans":[{}],"_annotator_id":"model"}}"#, spans.join(","));
    let input = dir.path().join("many.jsonl");
    fs::write(&input, format!("{line}\n")).unwrap();
    let output = hashiya_in(&["import".as_ref(), project.as_os_str(), input.as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let (output, took) = common::run_hashiya_cpu([
        "import".as_ref(),
        project.as_os_str(),
        input.as_os_str(),
        "--as-suggestions".as_ref(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains(&format!("{n} already present")), "{}", stderr(&output));
    eprintln!("{n} duplicate predictions: {took:?} of CPU");
    // About 1.3 s of CPU in a debug build; the search one by one took about 7 s. CPU time,
    // not wall time: a busy machine does not make it fail.
    assert!(took.as_secs() < 5, "{took:?}");
}

/// Case 14: what brat's files cannot hold exactly (a value with `|` or `,` that
/// annotation.conf cannot list, line breaks and tabs) is reported, not changed silently.
#[test]
fn case14_brat_export_reports_what_it_cannot_keep() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(dir.path());
    let mut project = store::load(&path).unwrap();
    let layer = project.layers.get_mut("amal").unwrap();
    let doc = layer.docs.keys().next().unwrap().clone();
    let layer_doc = layer.existing_doc_mut(&doc).unwrap();
    let span = layer_doc.spans.iter_mut().find(|s| s.label.as_str() == "claim").unwrap();
    span.attributes.set("source", Some(hashiya::model::AttrValue::Text("المرصد | الجيش, وكالة".into())));
    span.note = Some("سطر\nسطر ثان".into());
    store::save(&project, &path).unwrap();
    let out = dir.path().join("brat");
    let output = hashiya_in(&[
        "export".as_ref(),
        path.as_os_str(),
        "--format".as_ref(),
        "brat".as_ref(),
        "--annotator".as_ref(),
        "amal".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("annotation.conf cannot list"), "{err}");
    assert!(err.contains("held a line break or a tab, written as a space"), "{err}");
}

/// Case 14: an undeclared number attribute comes back from brat a number, not text.
#[test]
fn case14_an_undeclared_number_attribute_round_trips_through_brat() {
    let dir = tempfile::tempdir().unwrap();
    let project = empty_project(dir.path());
    let line = format!(
        r#"{{"text":"{TEXT}","spans":[{{"start":0,"end":38,"label":"claim","annotator":"amal","attributes":{{"confidence":0.75}}}}]}}"#
    );
    let input = dir.path().join("in.jsonl");
    fs::write(&input, format!("{line}\n")).unwrap();
    let output = hashiya_in(&["import".as_ref(), project.as_os_str(), input.as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = dir.path().join("brat");
    let output = hashiya_in(&[
        "export".as_ref(),
        project.as_os_str(),
        "--format".as_ref(),
        "brat".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let fresh = dir.path().join("fresh.ron");
    store::save(&Project::new("fresh"), &fresh).unwrap();
    let output = hashiya_in(&["import".as_ref(), fresh.as_os_str(), out.as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let back = store::load(&fresh).unwrap();
    let span = &back.layers["amal"].spans(&back.documents[0].id)[0];
    assert_eq!(span.attributes.get("confidence"), Some(&hashiya::model::AttrValue::Number(0.75)));
    let claim = back.label(&hashiya::model::LabelId::new("claim")).unwrap();
    assert_eq!(claim.attribute("confidence").unwrap().kind, hashiya::model::AttributeKind::Number);
}

/// Case 4: predictions (`--as-suggestions`) named for the gold layer, by `--annotator gold`
/// or by a jsonl line's `meta.layer`, are refused there, never taken in as reviewed spans.
#[test]
fn case04_predictions_never_go_into_gold() {
    let dir = tempfile::tempdir().unwrap();
    let project = empty_project(dir.path());
    let texts = dir.path().join("a.txt");
    fs::write(&texts, TEXT).unwrap();
    let output = hashiya_in(&["import".as_ref(), project.as_os_str(), texts.as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let line =
        serde_json::json!({"text": TEXT, "spans": [{"start": 0, "end": 3, "label": "claim"}]}).to_string();
    let gold_line = serde_json::json!({
        "id": "a", "title": "t", "text": TEXT, "spans": [{"start": 4, "end": 10, "label": "claim", "annotator": "model"}],
        "meta": {"layer": "gold"}
    })
    .to_string();
    let input = dir.path().join("predictions.jsonl");
    for (content, extra) in [(line, vec!["--annotator", "gold"]), (gold_line, vec![])] {
        fs::write(&input, format!("{content}\n")).unwrap();
        let mut args: Vec<&OsStr> =
            vec!["import".as_ref(), project.as_os_str(), input.as_os_str(), "--as-suggestions".as_ref()];
        args.extend(extra.iter().map(OsStr::new));
        let output = hashiya_in(&args);
        assert!(stderr(&output).contains("cannot go into the gold layer"), "{}", stderr(&output));
        assert_eq!(store::load(&project).unwrap().gold.span_count(), 0);
    }
}

/// Case 8 and 9 (project files): a value of the wrong kind, a choice not among its options,
/// an undeclared attribute and a link its type does not allow are refused with where they
/// are, never kept silently.
#[test]
fn case08_wrong_attribute_values_and_links_in_a_project_file_are_refused() {
    let figure = r#"attributes: {"counts": "other", "unit": "مريضاً", "value": 12.0})"#;
    for (edited, expected) in [
        (r#"attributes: {"counts": "other", "unit": "مريضاً", "value": "twelve"})"#, "must be a number"),
        (r#"attributes: {"counts": "bananas", "unit": "مريضاً", "value": 12.0})"#, "must be one of"),
        (
            r#"attributes: {"colour": "red", "unit": "مريضاً", "value": 12.0})"#,
            "declares no attribute \"colour\"",
        ),
        (r#"attributes: {"counts": "other", "unit": true, "value": 12.0})"#, "must be text"),
    ] {
        let err = load_edited(|text| text.replacen(figure, edited, 1)).unwrap_err().to_string();
        assert!(err.contains(expected) && err.contains("span 10"), "{expected}: {err}");
    }
    // The figure-to-claim link made a `denies`, which goes from a denial.
    let link = r#"(id: 1, head: 10, tail: 9, kind: "quantifies""#;
    let err = load_edited(|text| text.replacen(link, r#"(id: 1, head: 10, tail: 9, kind: "denies""#, 1))
        .unwrap_err()
        .to_string();
    assert!(err.contains("relation 1") && err.contains("does not link a \"figure\" span"), "{err}");
    assert!(load_edited(|text| text.to_string()).is_ok(), "the sample itself loads");
}
