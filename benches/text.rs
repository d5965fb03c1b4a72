//! Text engine benchmark: a 1 MB article (seed articles repeated) laid out at 800 px,
//! then per-frame work at random scroll positions (visible lines and highlight rectangles
//! for 5,000 spans), the cache hit path, and a relayout at a new width.
//!
//! Run with `cargo bench --bench text`. Plain `std::time`; figures go to stdout.

// A benchmark reports on stdout and fails loudly on bad input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use hashiya::model::CharRange;
use hashiya::text::{ClusterBox, DocLayout, Fonts, Glyph, LayoutCache, Line, Rect};
use std::time::{Duration, Instant};

const TARGET_BYTES: usize = 1_000_000;
const WIDTH: f32 = 800.0;
const PX: f32 = 22.0;
const VIEWPORT: f32 = 900.0;
const SPANS: usize = 5_000;
const FRAMES: usize = 2_000;

/// A small deterministic generator, so every run measures the same work.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn article() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");
    let mut seeds: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            paths.into_iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
        })
        .unwrap_or_default();
    if seeds.is_empty() {
        seeds.push("قتل 25 شخصاً وأصيب ١٢٠ آخرون في 27/12/2017، وقال المتحدث (جون كيربي) لوكالة Reuters إن \"الوضع خطير\".".into());
    }
    // Each copy is numbered so that no paragraph repeats and the cache cannot share layouts.
    let mut text = String::new();
    let mut copy = 0;
    while text.len() < TARGET_BYTES {
        copy += 1;
        for seed in &seeds {
            for para in seed.trim_end().split('\n') {
                text.push_str(&format!("{copy}. {para}\n"));
            }
        }
    }
    text
}

fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let text = article();
    let chars = text.chars().count();
    let fonts = Fonts::new().unwrap();
    println!("article: {} bytes, {} code points, {} paragraphs", text.len(), chars, text.split('\n').count());

    let rss_before = rss_kib();
    let mut cache = LayoutCache::new();
    let t = Instant::now();
    let doc = DocLayout::new(&fonts, &text, WIDTH, PX, &mut cache);
    let first = t.elapsed();
    let rss_after = rss_kib();
    let lines: usize = doc.paragraphs.iter().map(|p| p.layout.lines.len()).sum();
    let glyphs: usize = doc.paragraphs.iter().flat_map(|p| &p.layout.lines).map(|l| l.glyphs.len()).sum();
    let clusters: usize = doc.paragraphs.iter().flat_map(|p| &p.layout.lines).map(|l| l.clusters.len()).sum();
    let bytes = glyphs * size_of::<Glyph>() + clusters * size_of::<ClusterBox>() + lines * size_of::<Line>();
    println!(
        "first layout at {WIDTH} px: {:.1} ms, {lines} lines, {glyphs} glyphs, height {:.0} px",
        ms(first),
        doc.height
    );
    println!(
        "memory: layout data {:.1} MiB; resident set grew {} KiB",
        bytes as f64 / (1024.0 * 1024.0),
        match (rss_before, rss_after) {
            (Some(a), Some(b)) => (b.saturating_sub(a)).to_string(),
            _ => "?".into(),
        }
    );

    // 5,000 spans of 1..200 code points, sorted by start as a document keeps them.
    let mut rng = Lcg(7);
    let mut spans: Vec<CharRange> = (0..SPANS)
        .map(|_| {
            let start = rng.below(chars - 1);
            CharRange::new(start, (start + 1 + rng.below(200)).min(chars))
        })
        .collect();
    spans.sort();
    let max_len = spans.iter().map(CharRange::len).max().unwrap_or(0);

    let mut rects: Vec<Rect> = Vec::with_capacity(1024);
    let mut times: Vec<Duration> = Vec::with_capacity(FRAMES);
    let (mut visible_total, mut rect_total) = (0usize, 0usize);
    for _ in 0..FRAMES {
        let y0 = rng.below(doc.height as usize) as f32;
        let t = Instant::now();
        let visible = doc.visible_lines(y0, y0 + VIEWPORT);
        let range = doc.visible_range(y0, y0 + VIEWPORT);
        let from = spans.partition_point(|s| s.start.0 + max_len < range.start.0);
        let to = spans.partition_point(|s| s.start < range.end);
        rects.clear();
        for s in spans.get(from..to).unwrap_or(&[]).iter().filter(|s| s.overlaps(&range)) {
            doc.highlight_into(*s, &mut rects);
        }
        let elapsed = t.elapsed();
        visible_total += visible.len();
        rect_total += rects.len();
        times.push(elapsed);
    }
    times.sort();
    let micros = |d: Duration| d.as_secs_f64() * 1e6;
    let mean = times.iter().map(|&d| micros(d)).sum::<f64>() / FRAMES as f64;
    println!(
        "per frame ({FRAMES} random scroll positions, {VIEWPORT} px viewport, {SPANS} spans): mean {mean:.1} µs, median {:.1} µs, p99 {:.1} µs, worst {:.1} µs, {:.1} lines and {:.1} highlight rects on average",
        micros(times[FRAMES / 2]),
        micros(times[FRAMES * 99 / 100]),
        micros(times[FRAMES - 1]),
        visible_total as f64 / FRAMES as f64,
        rect_total as f64 / FRAMES as f64
    );

    let t = Instant::now();
    let again = DocLayout::new(&fonts, &text, WIDTH, PX, &mut cache);
    let hit = t.elapsed();
    println!(
        "cache hit path (whole document, unchanged): {:.2} ms, {} paragraphs served ({} hits, {} misses so far)",
        ms(hit),
        again.paragraphs.len(),
        cache.hits,
        cache.misses
    );

    let t = Instant::now();
    let narrow = DocLayout::new(&fonts, &text, 600.0, PX, &mut cache);
    println!("relayout at 600 px (all misses): {:.1} ms, height {:.0} px", ms(t.elapsed()), narrow.height);
    cache.trim();
    cache.trim();
    println!("cache after two trims without use: {} layouts", cache.len());
}
