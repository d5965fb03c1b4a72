//! Generated corpora for the learner's tests, its bench and `examples/learn_corpus.rs`:
//! paragraphs of Arabic-looking news text where each label has a few cue phrases, and a
//! span of the label is its cue with the words that follow up to the next comma or full
//! stop, so the span texts rarely recur word for word while the cues do. Some cues appear
//! without a span (annotators miss things), some spans of two labels overlap, and labels
//! are of very different frequency, as in real data.

use crate::model::{
    CharRange, DocId, Document, Label, LabelId, Layer, LayerDoc, Project, Span, SpanId, Timestamp,
};
use std::sync::Arc;

/// Common words of news text.
const WORDS: [&str; 60] = [
    "الحكومة",
    "المدينة",
    "القوات",
    "الشعب",
    "الرئيس",
    "الوزير",
    "البلاد",
    "المنطقة",
    "الأمن",
    "الجيش",
    "الاقتصاد",
    "المعارضة",
    "الشركة",
    "السوق",
    "الأسعار",
    "المواطنين",
    "المسؤولين",
    "الحدود",
    "العاصمة",
    "الاتفاق",
    "في",
    "من",
    "على",
    "إلى",
    "عن",
    "مع",
    "بعد",
    "قبل",
    "خلال",
    "حول",
    "أن",
    "التي",
    "الذي",
    "هذا",
    "هذه",
    "كان",
    "قد",
    "لم",
    "وقال",
    "وأضاف",
    "أمس",
    "اليوم",
    "العام",
    "الماضي",
    "الجديد",
    "الكبير",
    "مجلس",
    "لجنة",
    "تقرير",
    "مشروع",
    "قرار",
    "اجتماع",
    "زيارة",
    "عملية",
    "حملة",
    "خطة",
    "أزمة",
    "مرحلة",
    "بيان",
    "مصادر",
];

/// Letters pseudo-words are made of.
const LETTERS: [char; 20] =
    ['ب', 'ت', 'ج', 'ح', 'د', 'ر', 'س', 'ش', 'ع', 'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ي', 'ص', 'ط'];

/// A small, fixed pseudo-random sequence.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() % 10_000) as f64 / 10_000.0 < p
    }
}

/// A pseudo-word from a number (the same number gives the same word).
pub fn pseudo_word(n: usize) -> String {
    let mut r = Rng::new(n as u64 + 17);
    let len = 3 + r.below(4);
    (0..len).map(|_| LETTERS.get(r.below(LETTERS.len())).copied().unwrap_or('ب')).collect()
}

/// How a generated corpus looks.
#[derive(Clone, Debug)]
pub struct Shape {
    pub paragraphs: usize,
    pub labels: usize,
    /// Spans per paragraph, on average.
    pub spans_per_paragraph: f64,
    /// Words per paragraph, on average.
    pub words: usize,
    pub seed: u64,
}

impl Shape {
    /// About the size of the persuasion-technique data the learner is meant for: 1,300
    /// paragraphs, 280,000 characters, 2,500 spans, 23 labels.
    pub fn persuasion() -> Self {
        Self { paragraphs: 1_300, labels: 23, spans_per_paragraph: 2.0, words: 60, seed: 7 }
    }
}

/// The label ids of a generated corpus: `t01`, `t02`, ...
pub fn label_ids(labels: usize) -> Vec<String> {
    (1..=labels).map(|i| format!("t{i:02}")).collect()
}

/// The cue phrases of label `l` (two to four per label, one to three words each).
pub fn cues(l: usize) -> Vec<String> {
    let mut r = Rng::new(1_000 + l as u64);
    let n = 2 + r.below(3);
    (0..n)
        .map(|k| {
            let words = 1 + r.below(3);
            (0..words).map(|w| pseudo_word(10_000 + l * 100 + k * 10 + w)).collect::<Vec<_>>().join(" ")
        })
        .collect()
}

fn filler(r: &mut Rng, out: &mut Vec<String>, n: usize) {
    for _ in 0..n {
        // Zipf-like: common words often, a long tail of rare pseudo-words.
        let word = if r.chance(0.55) {
            WORDS.get(r.below(WORDS.len())).map(|w| (*w).to_string()).unwrap_or_default()
        } else {
            let rank = r.below(40) * r.below(40) + r.below(40);
            pseudo_word(rank)
        };
        out.push(if r.chance(0.1) { format!("و{word}") } else { word });
    }
}

/// One paragraph and its spans as (label index, range).
fn paragraph(r: &mut Rng, shape: &Shape) -> (String, Vec<(usize, CharRange)>) {
    let mut text = String::new();
    let mut chars = 0usize;
    let mut spans = Vec::new();
    let push = |text: &mut String, piece: &str, chars: &mut usize| {
        if !text.is_empty() && !piece.starts_with(['،', '.']) {
            text.push(' ');
            *chars += 1;
        }
        text.push_str(piece);
        *chars += piece.chars().count();
    };
    let clauses = (shape.words / 8).max(2);
    for c in 0..clauses {
        let mut words = Vec::new();
        let n = 2 + r.below(4);
        filler(r, &mut words, n);
        for w in &words {
            push(&mut text, w, &mut chars);
        }
        let want = shape.spans_per_paragraph / clauses as f64;
        if r.chance(want.min(0.95)) {
            // Label frequency falls off with its number.
            let l = (r.below(shape.labels) * r.below(shape.labels + 1)) / shape.labels.max(1);
            let cue_list = cues(l);
            let cue = cue_list.get(r.below(cue_list.len())).cloned().unwrap_or_default();
            let start = chars + usize::from(!text.is_empty());
            push(&mut text, &cue, &mut chars);
            let mut tail = Vec::new();
            let n = 1 + r.below(5);
            filler(r, &mut tail, n);
            for w in &tail {
                push(&mut text, w, &mut chars);
            }
            let range = CharRange::new(start, chars);
            // Most cues are marked; some are missed; a few spans carry a second label too.
            if r.chance(0.85) {
                spans.push((l, range));
                if r.chance(0.08) {
                    spans.push(((l + 1) % shape.labels.max(1), range));
                }
            }
        }
        push(&mut text, if c + 1 == clauses { "." } else { "،" }, &mut chars);
    }
    (text, spans)
}

/// A generated project: labels `t01`.., one annotator layer `analyst` with the spans.
pub fn project(shape: &Shape) -> Project {
    let mut project = Project::new("generated");
    project.labels = label_ids(shape.labels)
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let c = (i * 37 % 200) as u8;
            Label::new(id, id, crate::model::Color([55 + c, 200 - c / 2, 120]))
        })
        .collect();
    let mut r = Rng::new(shape.seed);
    let mut layer = Layer::default();
    let mut id = 1u64;
    for p in 0..shape.paragraphs {
        let (text, spans) = paragraph(&mut r, shape);
        let doc = Document::new(DocId::new(format!("p{p:05}")), format!("p{p:05}.txt"), text);
        let mut layer_doc = LayerDoc::new(doc.hash.clone());
        for (l, range) in spans {
            let label = LabelId::new(format!("t{:02}", l + 1));
            layer_doc.spans.push(Span::new(SpanId(id), range, label, "analyst", Timestamp(0)));
            id += 1;
        }
        layer_doc.spans.sort_by(Span::reading_order);
        layer.docs.insert(doc.id.clone(), Arc::new(layer_doc));
        project.push_document(doc);
    }
    project.layers.insert("analyst".into(), layer);
    project
}
