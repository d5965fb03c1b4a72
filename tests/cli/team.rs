//! A team's project from the command line: `assign` with packages, each annotator's
//! spans imported into their package, `merge` back, and `status --json` field by field.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers fail loudly.

use crate::common::{run_hashiya, stderr, stdout};
use hashiya::model::{DocId, Project};
use hashiya::store;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

const NAMES: [&str; 4] = ["amal", "omar", "sara", "zaid"];

/// Twelve paragraphs, each with a claim, a figure and (every third) a denial.
fn paragraph(i: usize) -> String {
    let verb = if i.is_multiple_of(3) {
        "ونفى المتحدث ذلك لاحقاً"
    } else {
        "وأكد شهود ذلك"
    };
    format!("قال المرصد السوري في تقريره رقم {i} إن {} مدنياً قتلوا في ريف إدلب، {verb}.\n", 10 + i)
}

fn run(args: &[&str]) -> String {
    let output = run_hashiya(args);
    assert!(output.status.success(), "hashiya {args:?}: {}{}", stdout(&output), stderr(&output));
    stdout(&output) + &stderr(&output)
}

/// The spans `who` marks on `text`: the whole claim, the figure (with a value on even
/// documents only) and, where there is one, the denial.
fn spans_for(text: &str, who: usize) -> Vec<Value> {
    let chars: Vec<char> = text.chars().collect();
    let find = |needle: &str| {
        let n: Vec<char> = needle.chars().collect();
        (0..chars.len()).find(|&i| chars[i..].starts_with(&n)).unwrap()
    };
    let comma = find("،");
    // Annotators differ slightly on where the claim starts, so agreement is below 1.
    let mut spans =
        vec![json!({"start": if who.is_multiple_of(2) { 0 } else { 4 }, "end": comma, "label": "claim"})];
    let figure = find(" مدنياً") - 2;
    let number: u32 = chars[figure..figure + 2].iter().collect::<String>().parse().unwrap();
    let mut f = json!({"start": figure, "end": figure + 2, "label": "figure"});
    if number.is_multiple_of(2) {
        f["attributes"] = json!({"value": number});
    }
    spans.push(f);
    if text.contains("نفى") {
        spans.push(json!({"start": find("ونفى"), "end": chars.len() - 2, "label": "denial"}));
    }
    spans
}

fn write_jsonl(path: &Path, lines: &[(String, Vec<Value>)]) {
    let text: String =
        lines.iter().map(|(text, spans)| json!({"text": text, "spans": spans}).to_string() + "\n").collect();
    fs::write(path, text).unwrap();
}

/// `DIR/syria.ron`, made with `new` and `import` of the first `n` paragraphs.
fn project_of(dir: &Path, n: usize) -> std::path::PathBuf {
    let texts = dir.join("texts");
    fs::create_dir(&texts).unwrap();
    for i in 0..n {
        fs::write(texts.join(format!("a{i:02}.txt")), paragraph(i)).unwrap();
    }
    let project = dir.join("syria.ron");
    let p = project.to_str().unwrap();
    run(&["new", "syria", "--out", p]);
    run(&["import", p, texts.to_str().unwrap()]);
    project
}

#[test]
fn assign_import_merge_and_status() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_of(dir.path(), 12);
    let p = project.to_str().unwrap();
    let packages = dir.path().join("packages");
    let out = run(&[
        "assign",
        p,
        "--annotators",
        "amal,omar,sara,zaid",
        "--seed",
        "3",
        "--out",
        packages.to_str().unwrap(),
    ]);
    assert!(out.contains("assigned 12 document(s), 2 of them to two annotators"), "{out}");

    let home = store::load(&project).unwrap();
    let assigned = |name: &str| -> Vec<DocId> {
        home.documents.iter().filter(|d| d.is_assigned_to(name)).map(|d| d.id.clone()).collect()
    };
    let mut imported: BTreeMap<&str, (usize, BTreeMap<String, usize>)> = BTreeMap::new();
    for (who, name) in NAMES.iter().enumerate() {
        let package = packages.join(format!("{name}.ron"));
        run(&["validate", package.to_str().unwrap()]);
        let loaded: Project = store::load(&package).unwrap();
        let ids: Vec<DocId> = loaded.documents.iter().map(|d| d.id.clone()).collect();
        assert_eq!(ids, assigned(name), "{name}'s package holds their documents");
        assert_eq!(loaded.layers.keys().collect::<Vec<_>>(), [name], "only their own layer");
        let mut lines: Vec<(String, Vec<Value>)> =
            loaded.documents.iter().map(|d| (d.text.clone(), spans_for(&d.text, who))).collect();
        if *name == "amal" {
            // A document not assigned to amal: her spans there come home too, and are reported.
            let other = home.documents.iter().find(|d| !d.is_assigned_to("amal")).unwrap();
            lines.push((other.text.clone(), spans_for(&other.text, who)));
        }
        let file = dir.path().join(format!("{name}.jsonl"));
        write_jsonl(&file, &lines);
        run(&["import", package.to_str().unwrap(), file.to_str().unwrap(), "--annotator", name]);
        let entry = imported.entry(name).or_default();
        for (_, spans) in &lines {
            for span in spans {
                entry.0 += 1;
                *entry.1.entry(span["label"].as_str().unwrap().to_string()).or_insert(0) += 1;
            }
        }
    }
    let mut merge_args = vec!["merge".to_string(), p.to_string()];
    merge_args.extend(NAMES.iter().map(|n| packages.join(format!("{n}.ron")).display().to_string()));
    let merged = run(&merge_args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(merged.contains("which is not assigned to them"), "{merged}");
    let after_first = fs::read(&project).unwrap();
    let again = run(&merge_args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(again.contains("nothing changed"), "{again}");
    assert_eq!(fs::read(&project).unwrap(), after_first, "merging the same packages twice changes nothing");

    let status: Value = serde_json::from_str(&run(&["status", p, "--json"])).unwrap();
    assert_eq!(status["documents"], 12);
    assert_eq!(status["overlap_documents"], 2);
    let rows = status["annotators"].as_array().unwrap();
    let names: Vec<&str> = rows.iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names, NAMES);
    for row in rows {
        let name = row["name"].as_str().unwrap();
        let (spans, per_label) = &imported[name];
        assert_eq!(row["assigned"], assigned(name).len(), "{name}");
        assert_eq!(row["spans"], *spans, "{name}");
        assert_eq!(row["per_label"], json!(per_label), "{name}");
        assert_eq!(row["done"], 0);
        assert_eq!(row["in_progress"], row["assigned"], "{name}: every document has spans");
        assert_eq!(row["untouched"], 0);
        assert_eq!(row["active_seconds"], 0);
        assert!(row["last_active"].as_str().unwrap().ends_with('Z'), "{row}");
        for key in [
            "name",
            "assigned",
            "done",
            "in_progress",
            "untouched",
            "spans",
            "per_label",
            "active_seconds",
            "last_active",
        ] {
            assert!(row.get(key).is_some(), "{key} in {row}");
        }
    }
    let loads: Vec<u64> = rows.iter().map(|r| r["assigned"].as_u64().unwrap()).collect();
    assert_eq!(loads.iter().sum::<u64>(), 14, "12 documents, 2 of them twice");
    assert!(loads.iter().max().unwrap() - loads.iter().min().unwrap() <= 1, "{loads:?}");
    // Figures hold 10 + i: a value on even numbers only, so every document's figure of an
    // odd number lacks its required value.
    let final_project = store::load(&project).unwrap();
    let odd = final_project
        .layers
        .values()
        .flat_map(|l| l.docs.values())
        .flat_map(|d| d.spans.iter())
        .filter(|s| s.label.as_str() == "figure" && s.attributes.get("value").is_none())
        .count();
    assert!(odd > 0);
    assert_eq!(status["missing_values"], odd);
    let agreement = &status["agreement"];
    assert_eq!(agreement["documents"], 2);
    let pairs = agreement["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 2, "two shared documents, one pair each: {agreement}");
    for pair in pairs {
        assert_eq!(pair["documents"], 1);
        let f1 = pair["overlap_f1"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&f1), "{pair}");
        assert!(pair.get("alpha_u").is_some(), "{pair}");
    }
    let table = run(&["status", p]);
    assert!(table.contains("annotator") && table.contains("amal"), "{table}");
}

#[test]
fn packages_wait_for_the_project_to_be_saved() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_of(dir.path(), 6);
    let p = project.to_str().unwrap();
    let packages = dir.path().join("packages");
    let out = packages.to_str().unwrap();
    run(&["assign", p, "--annotators", "amal,omar", "--out", out]);
    let written: Vec<Vec<u8>> =
        ["amal", "omar"].map(|n| fs::read(packages.join(format!("{n}.ron"))).unwrap()).into();

    // The project cannot be saved (it is read-only): the assignments are not changed, and
    // neither are the packages made from them, nor is a package added.
    let mut mode = fs::metadata(&project).unwrap().permissions();
    mode.set_readonly(true);
    fs::set_permissions(&project, mode).unwrap();
    let output = run_hashiya([
        "assign",
        p,
        "--annotators",
        "amal,omar,sara",
        "--reassign",
        "--seed",
        "9",
        "--out",
        out,
    ]);
    assert!(!output.status.success(), "{}", stdout(&output));
    assert!(stderr(&output).contains("read-only"), "{}", stderr(&output));
    let again: Vec<Vec<u8>> =
        ["amal", "omar"].map(|n| fs::read(packages.join(format!("{n}.ron"))).unwrap()).into();
    assert!(again == written, "the packages are those of the saved assignments");
    // No temporary file is left either (lock files stay, as beside every project).
    let mut names: Vec<String> = fs::read_dir(&packages)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.ends_with(".lock"))
        .collect();
    names.sort();
    assert_eq!(names, ["amal.ron", "omar.ron"]);
}
