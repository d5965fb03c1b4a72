//! `hashiya render FILE.ron --doc ID_OR_POSITION --width PX --font-size PX --out FILE.png`

use crate::model::{Document, Project};
use crate::render::{RenderOptions, RenderSpan, Rgb, render_png};
use crate::text::Fonts;
use anyhow::{Context, bail};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// The project file.
    pub project: PathBuf,
    /// Document id, or its 1-based position in the project.
    #[arg(long)]
    pub doc: String,
    /// Width of the text area in pixels.
    #[arg(long, default_value_t = 800)]
    pub width: u32,
    /// Font size in pixels.
    #[arg(long, default_value_t = 22.0)]
    pub font_size: f32,
    /// The PNG file to write.
    #[arg(long)]
    pub out: PathBuf,
    /// Draw only this annotator's layer (`gold` for the adjudicated one); default: all layers.
    #[arg(long)]
    pub annotator: Option<String>,
    /// Refuse to draw a picture taller than this many pixels (estimated before drawing).
    #[arg(long, default_value_t = 20_000)]
    pub max_height: u32,
}

/// The tallest picture `--max-height` may allow.
const MAX_HEIGHT_LIMIT: u32 = 100_000;

/// A generous guess of the picture's height in pixels, made before any layout: every
/// character taken as 0.6 em wide (Arabic and Latin letters average less), lines 1.6 em
/// apart, plus a line per line break. Refusing on it keeps a huge text from being laid
/// out and drawn at all.
fn estimated_height(text: &str, width: u32, font_size: f32) -> f64 {
    let chars = text.chars().count() as f64;
    let breaks = text.matches('\n').count() as f64;
    let per_line = (f64::from(width) / (0.6 * f64::from(font_size))).max(1.0);
    let lines = (chars / per_line).ceil() + breaks + 1.0;
    lines * 1.6 * f64::from(font_size)
}

pub fn run(args: RenderArgs) -> anyhow::Result<ExitCode> {
    if args.width == 0 || args.width > 20_000 {
        bail!("--width must be between 1 and 20000 pixels, not {}", args.width);
    }
    if !(args.font_size.is_finite() && (4.0..=400.0).contains(&args.font_size)) {
        bail!("--font-size must be between 4 and 400 pixels, not {}", args.font_size);
    }
    if f64::from(args.width) < 2.0 * f64::from(args.font_size) {
        bail!(
            "--width {} is narrower than two characters at --font-size {}; use a width of at least {} pixels",
            args.width,
            args.font_size,
            (2.0 * args.font_size).ceil()
        );
    }
    if args.max_height == 0 || args.max_height > MAX_HEIGHT_LIMIT {
        bail!("--max-height must be between 1 and {MAX_HEIGHT_LIMIT} pixels, not {}", args.max_height);
    }
    super::export::refuse_project_as_output(&args.project, &args.out)?;
    let project: Project = crate::store::load(&args.project)?;
    let doc = find_document(&project, &args.doc)?;
    let spans = spans_of(&project, doc, args.annotator.as_deref())?;
    let height = estimated_height(&doc.text, args.width, args.font_size);
    if height > f64::from(args.max_height) {
        bail!(
            "document {:?} would make a picture about {height:.0} pixels tall, over --max-height {}; \
             use a wider --width, a smaller --font-size, or a larger --max-height",
            doc.id.as_str(),
            args.max_height
        );
    }
    let fonts = Fonts::new().context("cannot open the embedded fonts")?;
    let options = RenderOptions { width: args.width, font_size: args.font_size, ..RenderOptions::default() };
    let png = render_png(&fonts, &doc.text, &spans, options).context("cannot draw the document")?;
    crate::formats::export::write_with(&args.out, |w| w.write_all(&png))?;
    Ok(ExitCode::SUCCESS)
}

/// The document with id `key`, or at 1-based position `key`.
fn find_document<'a>(project: &'a Project, key: &str) -> anyhow::Result<&'a Document> {
    if let Some(doc) = project.documents.iter().find(|d| d.id.as_str() == key) {
        return Ok(doc);
    }
    if let Ok(position) = key.parse::<usize>() {
        if let Some(doc) = position.checked_sub(1).and_then(|i| project.documents.get(i)) {
            return Ok(doc);
        }
        bail!(
            "--doc {position}: the project has {} documents (positions start at 1)",
            project.documents.len()
        );
    }
    bail!("--doc {key:?}: no document has this id")
}

/// The spans to draw, in reading order, with their label's colour and name.
fn spans_of(project: &Project, doc: &Document, annotator: Option<&str>) -> anyhow::Result<Vec<RenderSpan>> {
    let layers: Vec<_> = match annotator {
        Some(name) => {
            let Some(layer) = project.named_layers_all().find(|(n, _)| *n == name) else {
                let known: Vec<&str> = project.named_layers_all().map(|(n, _)| n).collect();
                bail!("--annotator {name:?}: no such layer (layers: {})", known.join(", "));
            };
            vec![layer]
        }
        None => project.named_layers().collect(),
    };
    let mut spans = Vec::new();
    for (_, layer) in layers {
        for span in layer.spans(&doc.id) {
            let Some(label) = project.label(&span.label) else { continue };
            spans.push(RenderSpan {
                range: span.range(),
                color: Rgb(label.color.0),
                label: label.name.clone(),
            });
        }
    }
    spans.sort_by(|a, b| (a.range, &a.label).cmp(&(b.range, &b.label)));
    Ok(spans)
}
