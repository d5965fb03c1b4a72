//! The streamed reading against the whole one, on generated, tricky and damaged files.

use super::*;
use crate::store::test_projects::sample_project;
use proptest::prelude::{Just, Strategy, prop_assert_eq, prop_oneof};

fn read(text: &str) -> Option<Project> {
    // A reader that hands out a few bytes at a time, so entries straddle the reads.
    struct Trickle<'a>(&'a [u8]);
    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(out.len()).min(97);
            out.get_mut(..n).unwrap_or_default().copy_from_slice(self.0.get(..n).unwrap_or_default());
            self.0 = self.0.get(n..).unwrap_or_default();
            Ok(n)
        }
    }
    let streamed = read_streaming(Trickle(text.as_bytes()), u64::MAX).ok()??;
    assert_eq!(streamed.len, text.len() as u64);
    assert_eq!(streamed.hash, <[u8; 32]>::from(Sha256::digest(text.as_bytes())));
    Some(streamed.project)
}

#[test]
fn streaming_gives_the_same_project_as_the_whole_text() {
    let project = sample_project();
    let text = crate::store::to_ron(&project);
    let streamed = read(&text).expect("the writer's layout streams");
    let whole: Project = interning(|| ron::from_str(&text)).unwrap();
    assert_eq!(streamed, whole);
    assert_eq!(streamed, project);
}

#[test]
fn texts_are_checked_against_their_hashes_as_they_are_read() {
    let project = crate::store::test_projects::tricky_project();
    let text = crate::store::to_ron(&project);
    let streamed = read_streaming(text.as_bytes(), u64::MAX).unwrap().unwrap();
    assert!(streamed.texts_match);
    // One letter of the first text changed, its stored hash kept: the checks must hash
    // the texts again.
    assert!(project.documents[0].text.starts_with("نص 0 «"));
    let tampered = text.replacen("text: r##\"نص 0 «", "text: r##\"نص 9 «", 1);
    assert!(tampered != text, "the first text is where the test expects it");
    let streamed = read_streaming(tampered.as_bytes(), u64::MAX).unwrap().unwrap();
    assert!(!streamed.texts_match);
}

#[test]
fn tricky_notes_and_many_layers_stream_like_the_whole() {
    let project = crate::store::test_projects::tricky_project();
    let text = crate::store::to_ron(&project);
    let streamed = read(&text).expect("the writer's layout streams");
    assert_eq!(streamed, project);
    // Read from a file, in chunks as the disk gives them.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    std::fs::write(&path, &text).unwrap();
    let streamed = read_streaming(std::fs::File::open(&path).unwrap(), u64::MAX).unwrap().unwrap();
    assert_eq!(streamed.project, project);
    assert!(read_streaming(std::fs::File::open(&path).unwrap(), 1000).is_err(), "over the limit");
}

/// What a whole reading of `text` gives (the reading the streamed one must equal).
fn whole(text: &str) -> Result<Project, ron::error::SpannedError> {
    interning(|| ron::from_str(text))
}

#[test]
fn surprises_are_left_to_the_whole_reading() {
    let text = crate::store::to_ron(&sample_project());
    for damaged in [
        text.replacen("spans: [", "spans: [[", 1),
        text.replacen("version: 4,", "version: 1,", 1),
        text.replacen("version: 4,", "version: 9,", 1),
        text.replacen("name:", "name: \"x\",\n    name:", 1),
        format!("{text} trailing"),
        format!("{text} /* unclosed"),
        text.replacen("(\n", "Project(\n", 1),
        text[..text.len() / 2].to_string(),
    ] {
        assert!(read(&damaged).is_none(), "{}", &damaged[..80]);
    }
}

#[test]
fn an_entry_inside_a_comment_is_not_read() {
    // Issue 18, case 2: a comment holding a whole entry after a layer's entry.
    let text = crate::store::to_ron(&sample_project());
    let entry = "\"d2\": (hash: \"HASH\", spans: [(id: 9, start: 0, end: 5, label: \"claim\", annotator: \"amal\", created: 1, modified: 1, origin: Manual)])";
    let at = text.find("\n            },\n        ),\n        \"omar\"").expect("amal's layer ends");
    let commented = format!("{} // , {entry}{}", &text[..at], &text[at..]);
    let streamed = read(&commented).expect("comments stream");
    assert_eq!(streamed, whole(&commented).unwrap());
    assert_eq!(streamed, sample_project());
    let block = format!("{} /* , {entry} */ {}", &text[..at], &text[at..]);
    assert_eq!(read(&block).expect("comments stream"), sample_project());
    // After a document too.
    let at = text.rfind("\n    ],\n)").expect("the documents end");
    let commented =
        format!("{} // , (id: \"d3\", title: \"\", hash: \"\", text: \"\"){}", &text[..at], &text[at..]);
    assert_eq!(read(&commented).expect("comments stream"), sample_project());
}

#[test]
fn an_entry_written_twice_is_never_taken_silently() {
    // Issue 18, case 3: the streamed reading declines, the whole one refuses by name.
    let text = crate::store::to_ron(&sample_project());
    let at = text.find("        \"omar\": (").unwrap();
    let twice = format!("{}        \"amal\": (docs: {{}}),\n{}", &text[..at], &text[at..]);
    assert!(read(&twice).is_none());
    assert!(whole(&twice).unwrap_err().to_string().contains("\"amal\" is written twice"));
    let at = text.find("                \"d1\": (").unwrap();
    let hash = &sample_project().documents[0].hash.0;
    let twice =
        format!("{}                \"d1\": (hash: \"{hash}\", spans: []),\n{}", &text[..at], &text[at..]);
    assert!(read(&twice).is_none());
    assert!(whole(&twice).unwrap_err().to_string().contains("document entry \"d1\" is written twice"));
}

#[test]
fn a_text_in_memory_streams_like_the_whole() {
    let project = crate::store::test_projects::tricky_project();
    let text = crate::store::to_ron(&project);
    assert_eq!(read_text(&text, false).expect("the writer's layout streams"), project);
    assert!(read_text(&text.replacen("spans: [", "spans: [[", 1), false).is_none());
}

#[test]
fn an_unclosed_bracket_costs_one_pass() {
    // Issue 18, case 5: the scan goes on where it stopped; it used to start the value
    // again after every read (here a kilobyte each: hours, not milliseconds).
    struct Pieces<'a>(&'a [u8]);
    impl Read for Pieces<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(out.len()).min(1024);
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }
    let text = crate::store::to_ron(&sample_project()).replacen("spans: [", "spans: [[[[", 1);
    let filler = format!("\n{}", "// a long comment line\n".repeat(200_000));
    let text = text.replacen("documents: [", &format!("documents: [{filler}"), 1);
    let started = std::time::Instant::now();
    assert!(read_streaming(Pieces(text.as_bytes()), u64::MAX).unwrap().is_none());
    assert!(started.elapsed() < std::time::Duration::from_secs(20), "{:?}", started.elapsed());
}

/// Text to insert into a project file: comments holding entries and quotes, raw
/// strings, and entries that repeat a key.
fn insertion(project: &Project) -> impl Strategy<Value = String> {
    let hash = project.documents[0].hash.0.clone();
    prop_oneof![
        Just("// , \"d2\": (hash: \"x\", spans: []), \"omar\": (docs: {})\n".to_string()),
        Just("/* \" r#\" ' /* ) */ ] */".to_string()),
        Just("// \"\n".to_string()),
        Just("r#\"raw \" ) ] }\"#".to_string()),
        Just("\"amal\": (docs: {}),\n".to_string()),
        Just(format!("\"d1\": (hash: \"{hash}\", spans: []),\n")),
        Just("\"zoe\": (docs: {}),\n".to_string()),
        Just(",".to_string()),
        Just(" ".to_string()),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
    /// The streamed reading of any text is the whole reading, or declines.
    #[test]
    fn streamed_and_whole_readings_agree(
        inserts in proptest::collection::vec((0.0..1.0f64, proptest::bool::ANY, insertion(&sample_project())), 1..4),
    ) {
        let mut text = crate::store::to_ron(&sample_project());
        for (place, on_line, insert) in inserts {
            let mut at = (place * text.len() as f64) as usize;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            if on_line {
                at = text[..at].rfind('\n').map_or(0, |n| n + 1);
            }
            text.insert_str(at, &insert);
        }
        let whole = whole(&text);
        if let Some(streamed) = read(&text) {
            prop_assert_eq!(Ok(streamed), whole.map_err(|e| e.to_string()));
        }
    }
}
