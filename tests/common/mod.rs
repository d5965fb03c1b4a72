//! Shared fixtures for the integration tests: projects of any size, texts in Arabic and
//! Latin, and running the `hashiya` binary.
#![allow(dead_code)] // Each test file uses its own share of these helpers.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers fail loudly.

pub mod window;

use hashiya::model::{CharRange, DocId, Document, LabelId, Origin, Project, Span, SpanId, Status, Timestamp};
use std::path::Path;
use std::process::{Command, Output};

/// The `hashiya` binary built for these tests.
pub fn hashiya() -> Command {
    Command::new(env!("CARGO_BIN_EXE_hashiya"))
}

/// Runs `hashiya` with `args` and returns its output.
pub fn run_hashiya<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    hashiya().args(args).output().expect("the hashiya binary runs")
}

/// Runs `hashiya` with `args` and measures the CPU time it used (user and system, from
/// `/proc`, in steps of 10 ms): unlike wall time, it does not grow when the machine is busy
/// with other tests, so a test can tell linear from quadratic work.
#[allow(dead_code)] // not every test binary measures
pub fn run_hashiya_cpu<I, S>(args: I) -> (Output, std::time::Duration)
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    use std::io::Read;
    use std::process::Stdio;
    let mut child =
        hashiya().args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("hashiya runs");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            pipe.read_to_end(&mut bytes).map(|_| bytes).unwrap_or_default()
        })
    };
    let out = drain(Box::new(child.stdout.take().expect("piped")));
    let err = drain(Box::new(child.stderr.take().expect("piped")));
    // Read the times once the process has ended but is not yet reaped (state `Z`).
    let stat_path = format!("/proc/{}/stat", child.id());
    let cpu = loop {
        let stat = std::fs::read_to_string(&stat_path).unwrap_or_default();
        let fields: Vec<&str> =
            stat.rsplit_once(')').map(|(_, rest)| rest.split_whitespace().collect()).unwrap_or_default();
        if fields.first() == Some(&"Z") {
            // Fields 14 and 15 of stat (utime, stime) in clock ticks of 1/100 s (USER_HZ).
            let ticks: u64 = fields.iter().skip(11).take(2).filter_map(|f| f.parse::<u64>().ok()).sum();
            break std::time::Duration::from_millis(ticks * 10);
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    let status = child.wait().expect("hashiya ends");
    let output =
        Output { status, stdout: out.join().unwrap_or_default(), stderr: err.join().unwrap_or_default() };
    (output, cpu)
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A small deterministic pseudo-random generator (xorshift), so fixtures need no crate.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const WORDS: &[&str] = &[
    "قال",
    "مصدر",
    "عسكري",
    "إنّ",
    "القوات",
    "سيطرت",
    "على",
    "مدينة",
    "الرقة",
    "بعد",
    "معارك",
    "عنيفة",
    "أسفرت",
    "عن",
    "مقتل",
    "12",
    "مدنياً",
    "وإصابة",
    "120",
    "آخرين",
    "نفى",
    "المتحدث",
    "باسم",
    "الوزارة",
    "هذه",
    "الأنباء",
    "مؤكداً",
    "أنّ",
    "الوضع",
    "مستقر",
    "كم",
    "👍",
    "Reuters",
    "(AFP)",
    "«",
    "»",
    "،",
    ".",
];

/// An article of about `bytes` UTF-8 bytes: Arabic with harakat, figures, a little Latin,
/// paragraphs separated by line breaks.
pub fn article(rng: &mut Rng, bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 32);
    let mut words_in_paragraph = 0;
    while text.len() < bytes {
        let word = WORDS[rng.below(WORDS.len() as u64) as usize];
        text.push_str(word);
        words_in_paragraph += 1;
        if words_in_paragraph > 40 && rng.below(8) == 0 {
            text.push('\n');
            words_in_paragraph = 0;
        } else {
            text.push(' ');
        }
    }
    text.push('.');
    text
}

/// A span over `start..end` by `annotator`.
pub fn span(id: u64, start: usize, end: usize, label: &str, annotator: &str) -> Span {
    Span::new(
        SpanId(id),
        CharRange::new(start, end),
        LabelId::new(label),
        annotator,
        Timestamp(1_700_000_000 + id),
    )
}

/// A valid project of `docs` articles of about `bytes` bytes each, with `spans` random
/// spans per document for each of the annotators `amal` and `omar`, and a few gold spans.
pub fn generated_project(name: &str, docs: usize, bytes: usize, spans: usize, seed: u64) -> Project {
    let mut rng = Rng::new(seed);
    let mut project = Project::new(name);
    let labels = ["claim", "denial", "figure"];
    for d in 0..docs {
        let mut doc = Document::new(
            DocId::new(format!("article-{d:05}")),
            format!("article-{d:05}.txt"),
            article(&mut rng, bytes),
        );
        doc.status.insert("amal".into(), Status::Done);
        let len = doc.text.chars().count();
        for annotator in ["amal", "omar"] {
            let layer = project.layers.entry(annotator.into()).or_default();
            let mut list: Vec<Span> = (0..spans as u64)
                .map(|i| {
                    let start = rng.below(len as u64 - 1) as usize;
                    let end = start + 1 + rng.below(((len - start) as u64).min(60)) as usize;
                    let mut s = span(i + 1, start, end.min(len), labels[rng.below(3) as usize], annotator);
                    if rng.below(10) == 0 {
                        s.note = Some(format!("ملاحظة \"{i}\"\nسطر").into());
                    }
                    s
                })
                .collect();
            list.sort_by(Span::reading_order);
            layer.doc_mut(&doc).spans = list;
        }
        if d % 10 == 0 {
            let mut accepted = project.layers["amal"].spans(&doc.id)[0].clone();
            accepted.origin = Origin::Accepted { by: "omar".into() };
            project.gold.doc_mut(&doc).spans = vec![accepted];
        }
        project.push_document(doc);
    }
    project
}

/// A small valid project: three documents, two annotators.
pub fn small_project() -> Project {
    generated_project("أخبار", 3, 300, 4, 7)
}

/// Reads a file's bytes, panicking with the path when it cannot.
pub fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}
