//! Measures the figure suggestions against the sample project: precision and recall of
//! the suggested figures against the figure spans both `amal` and `omar` made (matched at
//! an overlap IoU of at least 0.5), and how often the suggested value is the number the
//! agreed span holds. Run with `cargo run --example suggest_eval [PROJECT.ron]`; with
//! `--list` it prints every suggestion and every missed figure.

use hashiya::model::{CharRange, LabelId, Span, slice_chars};
use hashiya::suggest::{figures, suggest_text};
use std::path::PathBuf;

fn iou(a: CharRange, b: CharRange) -> f64 {
    let inter = a.end.0.min(b.end.0).saturating_sub(a.start.0.max(b.start.0));
    let union = a.end.0.max(b.end.0) - a.start.0.min(b.start.0);
    if union == 0 { 0.0 } else { inter as f64 / union as f64 }
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let list = args.iter().any(|a| a == "--list");
    let path = args.iter().find(|a| !a.starts_with("--")).map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/projects/sample.ron")),
        PathBuf::from,
    );
    let project = hashiya::store::load(&path)?;
    let figure = LabelId::new("figure");
    let (mut found, mut gold_n, mut hits, mut matched_gold, mut values_right) = (0, 0, 0, 0, 0);
    let mut either_hits = 0;
    for doc in &project.documents {
        let spans = |who: &str| -> Vec<Span> {
            project.layers.get(who).map_or(Vec::new(), |l| {
                l.spans(&doc.id).iter().filter(|s| s.label == figure).cloned().collect()
            })
        };
        let (amal, omar) = (spans("amal"), spans("omar"));
        let gold: Vec<CharRange> = amal
            .iter()
            .filter(|a| omar.iter().any(|o| iou(a.range(), o.range()) >= 0.5))
            .map(Span::range)
            .collect();
        let suggested = suggest_text(&doc.text, std::slice::from_ref(&figure), &[]);
        found += suggested.len();
        gold_n += gold.len();
        for s in &suggested {
            let either = amal.iter().chain(&omar).any(|g| iou(g.range(), s.range) >= 0.5);
            either_hits += usize::from(either);
            let best = gold.iter().copied().find(|g| iou(*g, s.range) >= 0.5);
            if let Some(g) = best {
                hits += 1;
                let digits: String =
                    slice_chars(&doc.text, g).unwrap_or("").chars().filter(|c| c.is_numeric()).collect();
                let expected = figures::parse_digits(&digits);
                let right = expected.is_none_or(|e| Some(e) == s.value) || digits.is_empty();
                values_right += usize::from(right);
                if list {
                    println!(
                        "ok   {:?} value {:?} unit {:?}",
                        slice_chars(&doc.text, s.range)?,
                        s.value,
                        s.unit
                    );
                }
            } else if list {
                println!("extra {:?} value {:?} ({})", slice_chars(&doc.text, s.range)?, s.value, s.rule);
            }
        }
        for g in &gold {
            if suggested.iter().any(|s| iou(*g, s.range) >= 0.5) {
                matched_gold += 1;
            } else if list {
                println!("miss {:?}", slice_chars(&doc.text, *g)?);
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    println!(
        "figures on {}: {found} suggested, {gold_n} agreed; precision {:.3}, recall {:.3}, value right {:.3} ({values_right}/{hits})",
        path.display(),
        ratio(hits, found),
        ratio(matched_gold, gold_n),
        ratio(values_right, hits)
    );
    println!(
        "precision against the figures either annotator marked: {:.3} ({either_hits}/{found})",
        ratio(either_hits, found)
    );
    Ok(())
}
