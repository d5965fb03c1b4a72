//! Export benchmark: a project of 10,000 articles (~2.5 KB of Arabic each, two
//! annotators, 20 spans each) exported to jsonl must take at most 2 s.
//!
//! Run: `cargo bench --bench export` (add `-- --save PATH` to keep the project file,
//! e.g. for `tests/python/check_exports.py`). Timings use `std::time`; no framework.

use hashiya::formats::import::{ImportOptions, import_annotations};
use hashiya::formats::{ExportFormat, ExportOptions, export};
use hashiya::model::{
    CharOffset, DocId, Document, LabelId, Origin, Project, Span, SpanId, Status, Timestamp,
};
use hashiya::store as project_file;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

const ARTICLES: usize = 10_000;
const BYTES_PER_ARTICLE: usize = 2_500;
const SPANS_PER_ANNOTATOR: usize = 20;
const BUDGET_SECS: f64 = 2.0;

const SENTENCES: &[&str] = &[
    "قال المتحدثُ باسم التحالف الدولي ريان ديلون (Ryan Dillon) إنّ قوات «قسد» تقدّمت 120 كم نحو الرقة.",
    "ونفى الجيشُ مقتل 12 مدنياً في الغارة، مؤكّداً أنّ الضربات استهدفت مواقع لتنظيم «داعش» فقط.",
    "وأضاف: \"لن نستهدف المدنيين تحت أيّ ظرف\"، مشيراً إلى أنّ عدد النازحين بلغ 1,125 عائلة.",
    "وأفاد المرصد السوري بسقوط ٣٥٠ قتيلاً منذ بداية الشهر 👍 بينهم 65 إصابة خطيرة.",
    "وذكرت وكالة الأنباء أنّ المفاوضات ستُستأنف الأسبوع المقبل في جنيف بمشاركة الأطراف كافّة.",
    "#سوريا: ارتفعت نسبة الأسعار 2.5% خلال شهر واحد، وفق تقرير صادر عن البنك المركزي؛ فهل تستمر؟",
];

/// A small deterministic random generator (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

fn article(rng: &mut Rng) -> String {
    let mut text = String::new();
    while text.len() < BYTES_PER_ARTICLE {
        text.push_str(SENTENCES[rng.below(SENTENCES.len())]);
        text.push(if rng.below(4) == 0 { '\n' } else { ' ' });
    }
    text.trim_end().to_string()
}

fn project() -> Project {
    let mut rng = Rng(0x5eed);
    let mut p = Project::new("bench");
    let labels = ["claim", "denial", "figure"];
    for n in 0..ARTICLES {
        let mut doc =
            Document::new(DocId::new(format!("article-{n:05}")), format!("{n:05}.txt"), article(&mut rng));
        doc.status.insert("amal".into(), Status::Done);
        // Word starts, so that spans cover whole words as analysts make them.
        let starts: Vec<usize> = std::iter::once(0)
            .chain(doc.text.chars().enumerate().filter(|(_, c)| *c == ' ').map(|(i, _)| i + 1))
            .collect();
        let len = doc.text.chars().count();
        for who in ["amal", "omar"] {
            let mut spans: Vec<Span> = (0..SPANS_PER_ANNOTATOR)
                .map(|k| {
                    let start = starts[rng.below(starts.len())];
                    let end = (start + 3 + rng.below(40)).min(len);
                    Span {
                        id: SpanId(k as u64 + 1),
                        start: CharOffset(start),
                        end: CharOffset(end.max(start + 1)),
                        label: LabelId::new(labels[rng.below(3)]),
                        annotator: who.into(),
                        created: Timestamp(0),
                        modified: Timestamp(0),
                        note: None,
                        origin: Origin::Manual,
                        attributes: Default::default(),
                    }
                })
                .collect();
            spans.sort_by(Span::reading_order);
            p.layers.entry(who.into()).or_default().doc_mut(&doc).spans = spans;
        }
        p.push_document(doc);
    }
    p
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let save = args.iter().position(|a| a == "--save").and_then(|i| args.get(i + 1));
    let started = Instant::now();
    let project = project();
    let bytes: usize = project.documents.iter().map(|d| d.text.len()).sum();
    println!(
        "project: {} articles, {:.1} MB of text, {} spans (built in {:.2} s)",
        project.documents.len(),
        bytes as f64 / 1e6,
        project.layers.values().map(|l| l.span_count()).sum::<usize>(),
        started.elapsed().as_secs_f64()
    );
    if let Some(path) = save {
        if let Err(e) = project_file::save(&project, std::path::Path::new(path)) {
            eprintln!("cannot save {path}: {e}");
            std::process::exit(1);
        }
        println!("saved the project to {path}");
    }
    let Ok(dir) = tempfile::tempdir() else {
        eprintln!("cannot create a temporary folder");
        std::process::exit(1);
    };
    let cancel = AtomicBool::new(false);
    let mut jsonl_secs = f64::MAX;
    for format in ExportFormat::ALL {
        let out = dir.path().join(format!("export.{}", format.name()));
        let started = Instant::now();
        if let Err(e) = export(&project, format, &ExportOptions::default(), &out, &mut |_| {}, &cancel) {
            eprintln!("export {} failed: {e}", format.name());
            std::process::exit(1);
        }
        let secs = started.elapsed().as_secs_f64();
        println!("export {:<8} {secs:>6.3} s", format.name());
        if format == ExportFormat::Jsonl {
            jsonl_secs = secs;
        }
    }
    let jsonl = dir.path().join("export.jsonl");
    let started = Instant::now();
    let mut fresh = Project::new("import");
    let options = ImportOptions::new(None);
    match import_annotations(&mut fresh, &jsonl, &options, &mut |_| {}, &cancel) {
        Ok(report) => println!(
            "import jsonl    {:>6.3} s ({} documents, {} spans)",
            started.elapsed().as_secs_f64(),
            report.documents_added.len(),
            report.spans_added
        ),
        Err(e) => eprintln!("import failed: {e}"),
    }
    let verdict = if jsonl_secs <= BUDGET_SECS { "within" } else { "OVER" };
    println!("jsonl export: {jsonl_secs:.3} s, {verdict} the {BUDGET_SECS} s budget");
    if jsonl_secs > BUDGET_SECS {
        std::process::exit(1);
    }
}
