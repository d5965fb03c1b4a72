//! Property tests of the text engine's inverse maps on mixed Arabic, Latin and digit text:
//! highlights cover exactly the glyphs of their code points, and hit-testing a glyph's
//! centre finds a code point of its cluster.

// Test helpers fail loudly on bad fixtures.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use hashiya::model::CharRange;
use hashiya::text::{DocLayout, Fonts, LayoutCache, ParagraphLayout, layout_paragraph};
use proptest::prelude::*;
use std::sync::OnceLock;

const SAMPLES: &[&str] = &[
    "قتل 25 شخصاً وأصيب ١٢٠ آخرون في 27/12/2017، أي بزيادة 15% عن العام الماضي.",
    "قال المتحدث (جون كيربي) لوكالة Reuters إن \"الوضع خطير\" [حسب المصدر].",
    "The spokesman said «الوضع خطير جداً» during the press briefing on Monday.",
    "بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ — كتـــــاب مُحَمَّدٌ، مي\u{200c}خواهم",
    "مصدر عسكري: #الجيش_السوري يقضي على مجموعة مسلحة #حماة (@C_Military1) December 27, 2017",
];

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts::new().unwrap())
}

fn sample() -> impl Strategy<Value = (usize, f32, usize, usize)> {
    (0..SAMPLES.len(), 120.0f32..700.0, 0usize..120, 1usize..60)
}

fn all_clusters(layout: &ParagraphLayout) -> impl Iterator<Item = (f32, hashiya::text::ClusterBox)> + '_ {
    layout.lines.iter().flat_map(|l| l.clusters.iter().map(move |c| (l.y + l.height / 2.0, *c)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn highlights_cover_exactly_the_glyphs_of_their_range((i, width, start, len) in sample()) {
        let text = SAMPLES[i];
        let n = text.chars().count();
        let start = start % n;
        let range = CharRange::new(start, (start + len).min(n));
        let layout = layout_paragraph(fonts(), text, width, 22.0);
        let rects = layout.highlight(range);
        for (y, c) in all_clusters(&layout) {
            if c.x1 - c.x0 < 0.5 {
                continue;
            }
            let inside = rects.iter().any(|r| r.contains(c.center(), y));
            if range.start <= c.range.start && c.range.end <= range.end {
                prop_assert!(inside, "cluster {c:?} of {range:?} is not covered by {rects:?}");
            } else if !range.overlaps(&c.range) {
                prop_assert!(!inside, "cluster {c:?} outside {range:?} is covered by {rects:?}");
            }
        }
        for r in &rects {
            prop_assert!(r.x1 > r.x0 && r.y1 > r.y0);
        }
    }

    #[test]
    fn hit_testing_a_glyph_centre_finds_its_cluster((i, width, _, _) in sample()) {
        let text = SAMPLES[i];
        let layout = layout_paragraph(fonts(), text, width, 22.0);
        for (y, c) in all_clusters(&layout) {
            if c.x1 - c.x0 < 0.5 {
                continue;
            }
            let hit = layout.hit_test(c.center(), y);
            let under = hit.char_under.map(|u| c.range.start.0 <= u && u < c.range.end.0);
            prop_assert_eq!(under, Some(true), "{:?} -> {:?}", c, hit);
            prop_assert!(c.range.start.0 <= hit.offset && hit.offset <= c.range.end.0);
        }
    }

    #[test]
    fn document_offsets_round_trip_through_carets((width, at) in (150.0f32..700.0, 0usize..400)) {
        let text = SAMPLES.join("\n");
        let mut cache = LayoutCache::new();
        let doc = DocLayout::new(fonts(), &text, width, 22.0, &mut cache);
        let n = text.chars().count();
        let at = at % n;
        let bounds = hashiya::text::grapheme_boundaries(&text);
        prop_assume!(bounds.contains(&at));
        let caret = doc.caret(at, hashiya::text::Affinity::Downstream);
        // Clicking at the caret finds an offset whose caret is drawn at the same place (at a
        // bidi run edge two offsets share one x), or a grapheme beside it.
        let hit = doc.hit_test(caret.x, caret.top + caret.height / 2.0);
        let back = doc.caret(hit.offset, hit.affinity);
        let prev = hashiya::text::prev_grapheme(&text, at);
        let next = hashiya::text::next_grapheme(&text, at);
        prop_assert!(
            (back.x - caret.x).abs() < 1.0 || hit.offset == prev || hit.offset == next,
            "caret {caret:?} of {at} hit {hit:?} drawn at {back:?}"
        );
        prop_assert!((back.top - caret.top).abs() < 0.5 || hit.offset == prev || hit.offset == next);
    }
}
