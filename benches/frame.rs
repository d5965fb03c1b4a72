//! What one frame of the window costs on a long article: a 1 MB document with 5,000
//! spans, drawn headless (`egui::Context::run_ui` plus tessellation) at scroll positions
//! all through it; the same visible text drawn with egui's own `Label` for comparison;
//! the first layout of the whole article; and the memory it takes.
//!
//! Run with `cargo bench --bench frame`.

use egui::{Pos2, RawInput, Rect, Vec2};
use hashiya::app::HashiyaApp;
use hashiya::model::{CharRange, DocId, Document, LabelId, Project, Span, SpanId, Timestamp};
use hashiya::text::{DocLayout, Fonts, LayoutCache};
use hashiya::ui::Action;
use hashiya::ui::prefs::Prefs;
use std::time::{Duration, Instant};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/projects/sample.ron");
const TARGET_BYTES: usize = 1_000_000;
const SPANS: usize = 5_000;
const POSITIONS: usize = 12;
const FRAMES: usize = 30;

fn main() {
    let sample = match hashiya::store::load(std::path::Path::new(SAMPLE)) {
        Ok(p) => p,
        Err(err) => {
            eprintln!("cannot read the sample project: {err}");
            std::process::exit(1);
        }
    };
    // The seed articles over and over, each copy's paragraphs numbered so that no two
    // paragraphs are alike (the layout cache would otherwise shape each only once).
    let mut text = String::new();
    let mut copy = 0;
    while text.len() < TARGET_BYTES {
        copy += 1;
        for doc in &sample.documents {
            for paragraph in doc.text.split('\n') {
                text.push_str(paragraph);
                text.push_str(&format!(" ({copy})\n"));
            }
        }
    }
    let chars = text.chars().count();
    println!("article: {} bytes, {chars} code points, {} paragraphs", text.len(), text.split('\n').count());

    // First layout of the whole article, cold.
    let fonts = Fonts::new().unwrap_or_else(|e| panic!("fonts: {e}"));
    let rss_before = rss_kib();
    let started = Instant::now();
    let mut cache = LayoutCache::new();
    let layout = DocLayout::new(&fonts, &text, 760.0, 22.0, &mut cache);
    let first_layout = started.elapsed();
    let rss_after = rss_kib();
    println!(
        "first layout of the whole article at 760 px, 22 px: {:.0} ms, {} lines, height {:.0} px, +{} MiB resident",
        first_layout.as_secs_f64() * 1e3,
        layout.paragraphs.iter().map(|p| p.layout.lines.len()).sum::<usize>(),
        layout.height,
        rss_after.saturating_sub(rss_before) / 1024
    );
    drop(layout);
    drop(cache);

    let project = big_project(text, chars);
    let doc = project.documents[0].id.clone();
    let prefs = Prefs { annotator: Some("bench".into()), ..Prefs::default() };
    let mut app = HashiyaApp::new(prefs).unwrap_or_else(|e| panic!("fonts: {e}"));
    app.open_in_memory(project);
    let ctx = egui::Context::default();
    hashiya::ui::setup_context(&ctx);
    let input = || RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1280.0, 800.0))),
        ..RawInput::default()
    };
    let frame = |app: &mut HashiyaApp| {
        let output = ctx.run_ui(input(), |ui| app.frame_ui(ui));
        ctx.tessellate(output.shapes, output.pixels_per_point)
    };
    let started = Instant::now();
    frame(&mut app);
    println!(
        "first frame (window layout of the article included): {:.0} ms",
        started.elapsed().as_secs_f64() * 1e3
    );

    let mut ours = Vec::new();
    let mut visible_texts = Vec::new();
    for i in 0..POSITIONS {
        let at = chars * i / POSITIONS;
        app.push(Action::Reveal(doc.clone(), CharRange::new(at, at + 1)));
        for _ in 0..3 {
            frame(&mut app);
        }
        for _ in 0..FRAMES {
            let started = Instant::now();
            std::hint::black_box(frame(&mut app));
            ours.push(started.elapsed());
        }
        visible_texts.push(visible_text(&app));
    }
    report("whole window (menus, lists, document view)", &mut ours);

    // The document view widget alone, as the Label baseline below is a widget alone.
    let Some(project) = app.session.project().cloned() else { return };
    let document_id = project.documents[0].id.clone();
    let mut session = hashiya::session::Session::new(Some("bench".into()));
    session.open(project, None);
    let mut engine = hashiya::ui::EngineText::new().unwrap_or_else(|e| panic!("fonts: {e}"));
    let mut view = hashiya::ui::doc_view::DocView::default();
    let view_ctx = egui::Context::default();
    hashiya::ui::setup_context(&view_ctx);
    let mut widget = Vec::new();
    // PROFILE_WIDGET=N runs the widget N times longer, for a profiler.
    let repeat: usize = std::env::var("PROFILE_WIDGET").ok().and_then(|v| v.parse().ok()).unwrap_or(1);
    for i in 0..POSITIONS {
        let at = chars * i / POSITIONS;
        for f in 0..(3 + FRAMES * repeat) {
            if f == 0 {
                session.reveal(document_id.clone(), CharRange::new(at, at + 1));
            }
            let started = Instant::now();
            let output = view_ctx.run_ui(
                RawInput {
                    screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1280.0, 800.0))),
                    ..RawInput::default()
                },
                |ui| {
                    egui::CentralPanel::default_margins().show(ui, |ui| {
                        let Some(frame) = session.frame_view() else { return };
                        let mut actions = Vec::new();
                        let look = hashiya::ui::Look { font_size: 22.0, dark: false };
                        let mut cx = hashiya::ui::UiContext {
                            frame,
                            look,
                            engine: &mut engine,
                            actions: &mut actions,
                        };
                        view.ui(ui, &mut cx, hashiya::ui::doc_view::Highlights::default());
                    });
                    engine.end_frame();
                },
            );
            session.scrolled();
            std::hint::black_box(view_ctx.tessellate(output.shapes, output.pixels_per_point));
            if f >= 3 {
                widget.push(started.elapsed());
            }
        }
    }
    report("document view widget alone", &mut widget);

    // The same visible text through egui's Label (no bidi: a cost baseline only).
    let label_ctx = egui::Context::default();
    hashiya::ui::setup_context(&label_ctx);
    let mut labels = Vec::new();
    for visible in &visible_texts {
        let run = |ctx: &egui::Context| {
            let output = ctx.run_ui(input(), |ui| {
                egui::CentralPanel::default_margins().show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        for paragraph in visible.split('\n') {
                            ui.add(egui::Label::new(egui::RichText::new(paragraph).size(22.0)).wrap());
                        }
                    });
                });
            });
            ctx.tessellate(output.shapes, output.pixels_per_point)
        };
        for _ in 0..3 {
            run(&label_ctx);
        }
        for _ in 0..FRAMES {
            let started = Instant::now();
            std::hint::black_box(run(&label_ctx));
            labels.push(started.elapsed());
        }
    }
    report("egui Label, same visible text", &mut labels);
    let shown: usize =
        visible_texts.iter().map(|t| t.chars().count()).sum::<usize>() / visible_texts.len().max(1);
    println!("visible text per frame: {shown} code points on average");
    let ratio = median(&widget).as_secs_f64() / median(&labels).as_secs_f64();
    println!("ratio of medians (document view widget / egui Label): {ratio:.2}");
    println!("peak resident memory: {} MiB", peak_kib() / 1024);
}

/// A project with one document and `SPANS` spans spread through it, some overlapping.
fn big_project(text: String, chars: usize) -> Project {
    let mut project = Project::new("frame bench");
    let doc = Document::new(DocId::new("big"), "big.txt", text);
    let labels = ["claim", "denial", "figure"];
    let mut spans = Vec::with_capacity(SPANS);
    for i in 0..SPANS {
        let start = chars * i / SPANS;
        let len = 5 + (i * 7919) % 60;
        let end = (start + len).min(chars);
        if end <= start {
            continue;
        }
        spans.push(Span::new(
            SpanId(i as u64 + 1),
            CharRange::new(start, end),
            LabelId::new(labels[i % 3]),
            "bench",
            Timestamp(0),
        ));
    }
    spans.sort_by(Span::reading_order);
    project.layers.entry("bench".into()).or_default().doc_mut(&doc).spans = spans;
    project.push_document(doc);
    project
}

/// The text of the paragraphs the view showed in its last frame.
fn visible_text(app: &HashiyaApp) -> String {
    let Some(ws) = app.session.workspace() else { return String::new() };
    let Some(doc) = ws.project.documents.first() else { return String::new() };
    let Some(range) = app.doc_view.last_visible_range() else { return String::new() };
    doc.text.chars().skip(range.start.0).take(range.len()).collect()
}

fn median(samples: &[Duration]) -> Duration {
    let mut sorted = samples.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}

fn report(name: &str, samples: &mut [Duration]) {
    samples.sort();
    let at = |q: f64| samples.get(((samples.len() as f64 - 1.0) * q) as usize).copied().unwrap_or_default();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{name}: {} frames, median {:.3} ms, p95 {:.3} ms, max {:.3} ms",
        samples.len(),
        ms(at(0.5)),
        ms(at(0.95)),
        ms(at(1.0))
    );
}

fn status_kib(field: &str) -> usize {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        })
        .unwrap_or(0)
}

fn rss_kib() -> usize {
    status_kib("VmRSS:")
}

fn peak_kib() -> usize {
    status_kib("VmHWM:")
}
