//! The PNG renderer: image size, span highlights where the spans are, overlapping spans
//! both visible, a legend, and small snapshots of seed-like paragraphs.
//!
//! Snapshots live in `tests/snapshots/`; rewrite them with `UPDATE_SNAPSHOTS=true`.

// Test helpers fail loudly on bad fixtures.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use hashiya::model::CharRange;
use hashiya::render::{Canvas, RenderOptions, RenderSpan, Rgb, render, render_png};
use hashiya::text::{DocLayout, Fonts, LayoutCache};
use std::path::PathBuf;

const BLUE: Rgb = Rgb([0, 0, 255]);
const RED: Rgb = Rgb([224, 90, 90]);

fn span(start: usize, end: usize, color: Rgb, label: &str) -> RenderSpan {
    RenderSpan { range: CharRange::new(start, end), color, label: label.into() }
}

fn decode(png: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

/// The colour `color` takes over white as a span background.
fn fill_over_white(color: Rgb) -> [u8; 3] {
    color.0.map(|c| (255.0 * 0.65 + f32::from(c) * 0.35).round() as u8)
}

fn count(canvas: &Canvas, x0: f32, y0: f32, x1: f32, y1: f32, rgb: [u8; 3]) -> (usize, usize) {
    let (mut hits, mut total) = (0, 0);
    for y in y0.ceil() as u32..y1.floor() as u32 {
        for x in x0.ceil() as u32..x1.floor() as u32 {
            total += 1;
            if canvas.pixel(x, y).is_some_and(|p| p[..3] == rgb) {
                hits += 1;
            }
        }
    }
    (hits, total)
}

#[test]
fn png_has_the_requested_width_and_room_for_every_line() {
    let fonts = Fonts::new().unwrap();
    let text = "قتل 25 شخصاً\nسطر ثان";
    let options = RenderOptions { width: 300, font_size: 20.0, margin: 10 };
    let png = render_png(&fonts, text, &[span(4, 6, BLUE, "figure")], options).unwrap();
    let (w, h, data) = decode(&png);
    assert_eq!(w, 320);
    let line = fonts.metrics(20.0).line_height();
    // Two lines, the legend line, margins.
    assert!(h as f32 >= 3.0 * line + 20.0, "{h}");
    assert_eq!(data.len(), (w * h * 4) as usize);
}

#[test]
fn a_span_is_highlighted_under_its_glyphs_only() {
    let fonts = Fonts::new().unwrap();
    let text = "قتل 25 شخصاً في المدينة";
    let options = RenderOptions { width: 400, font_size: 22.0, margin: 12 };
    let canvas = render(&fonts, text, &[span(4, 6, BLUE, "figure")], options);
    let doc = DocLayout::new(&fonts, text, 400.0, 22.0, &mut LayoutCache::new());
    let rects = doc.highlight(CharRange::new(4, 6));
    assert_eq!(rects.len(), 1);
    let r = rects[0].translate(12.0, 12.0);
    let fill = fill_over_white(BLUE);
    let (hits, total) = count(&canvas, r.x0, r.y0, r.x1, r.y1, fill);
    assert!(hits * 2 > total, "most of the span's box is its colour: {hits}/{total}");
    // Left and right of the span on the same line there is no highlight.
    let (left, _) = count(&canvas, 12.0, r.y0, r.x0 - 1.0, r.y1, fill);
    let (right, _) = count(&canvas, r.x1 + 1.0, r.y0, 412.0, r.y1, fill);
    assert_eq!((left, right), (0, 0));
}

#[test]
fn overlapping_spans_are_both_visible_and_the_legend_names_them() {
    let fonts = Fonts::new().unwrap();
    let text = "قال المتحدث إن 25 شخصاً قتلوا";
    let options = RenderOptions { width: 400, font_size: 22.0, margin: 12 };
    let spans = [span(0, 29, BLUE, "claim"), span(15, 17, RED, "figure")];
    let canvas = render(&fonts, text, &spans, options);
    let doc = DocLayout::new(&fonts, text, 400.0, 22.0, &mut LayoutCache::new());
    let r = doc.highlight(CharRange::new(15, 17))[0].translate(12.0, 12.0);
    // The inner span is a band at the bottom of the line, over the outer span's fill.
    let band: Vec<[u8; 4]> =
        (r.x0.ceil() as u32..r.x1.floor() as u32).filter_map(|x| canvas.pixel(x, r.y1 as u32 - 2)).collect();
    assert!(band.iter().all(|p| p[0] > 200 && p[2] < 150), "red band: {band:?}");
    let (blue, _) = count(&canvas, r.x0, r.y0, r.x1, r.y1 - 4.0, fill_over_white(BLUE));
    assert!(blue > 0, "the outer span still shows under the inner one");
    // Legend swatches in full colour below the text.
    let (swatch_blue, _) = count(&canvas, 0.0, 12.0 + doc.height, 424.0, canvas.height as f32, BLUE.0);
    let (swatch_red, _) = count(&canvas, 0.0, 12.0 + doc.height, 424.0, canvas.height as f32, RED.0);
    assert!(swatch_blue > 20 && swatch_red > 20);
}

fn snapshot_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots").join(format!("{name}.png"))
}

/// Compares `canvas` with the stored snapshot: at most 0.5% of pixels may differ by more
/// than 48 in a channel (rasterizer rounding), and the size must match.
fn check_snapshot(name: &str, canvas: &Canvas) {
    let path = snapshot_path(name);
    if std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "true" || v == "1") {
        std::fs::write(&path, canvas.to_png().unwrap()).unwrap();
        return;
    }
    let stored = std::fs::read(&path)
        .unwrap_or_else(|_| panic!("no snapshot {}; run with UPDATE_SNAPSHOTS=true", path.display()));
    let (w, h, data) = decode(&stored);
    assert_eq!((w, h), (canvas.width, canvas.height), "snapshot {name} changed size");
    let differing = data
        .chunks(4)
        .zip(canvas.data.chunks(4))
        .filter(|(a, b)| a.iter().zip(b.iter()).any(|(x, y)| x.abs_diff(*y) > 48))
        .count();
    let allowed = (w * h) as usize / 200;
    assert!(differing <= allowed, "snapshot {name}: {differing} pixels differ (allowed {allowed})");
}

#[test]
fn snapshot_arabic_paragraph_with_numbers_and_quotes() {
    let fonts = Fonts::new().unwrap();
    let text = "وقالت المتحدثة باسم اللجنة الدولية للصليب الأحمر إن \"الفرق الطبية أخرجت أمس 12 مريضاً معظمهم أطفال\".";
    let spans =
        [span(53, 98, Rgb([0xf2, 0xb1, 0x34]), "Claim"), span(77, 79, Rgb([0x4a, 0x90, 0xd9]), "Figure")];
    let canvas = render(&fonts, text, &spans, RenderOptions { width: 360, font_size: 18.0, margin: 8 });
    check_snapshot("render_claim_with_figure", &canvas);
}

#[test]
fn snapshot_mixed_line_with_latin_handle_and_date() {
    let fonts = Fonts::new().unwrap();
    let text = "— الإعلام الحربي المركزي (@C_Military1) December 27, 2017\nبِسْمِ اللَّهِ — كتـــاب مُحَمَّدٌ";
    let spans = [span(2, 24, Rgb([0xe0, 0x5a, 0x5a]), "Denial")];
    let canvas = render(&fonts, text, &spans, RenderOptions { width: 360, font_size: 18.0, margin: 8 });
    check_snapshot("render_mixed_handle_date", &canvas);
}
