//! The rules' word lists, read once from the plain-text files in `src/suggest/lexicon/`
//! (compiled into the binary with `include_str!`). Each file explains its own format in
//! its comment lines (`#`); to extend a rule, add a line there. Every entry is folded as
//! search folds text ([`super::words::fold`]) when it is read.

use super::words::fold;
use ahash::{AHashMap as HashMap, AHashSet as HashSet};
use std::sync::LazyLock;

/// How a number word combines with its neighbours (see `number_words.txt`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumberKind {
    Unit,
    One,
    Ten,
    Hundred,
    Scale,
    /// The dual of a scale (ألفان): its value is the scale's, counted twice.
    Scale2,
    Scales,
    Fraction,
}

/// A number word's value and kind.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumberWord {
    pub value: f64,
    pub kind: NumberKind,
}

/// How an attribution verb reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reports {
    /// Through أن / إن, a quotation or a colon.
    Content,
    /// Through its object (اتهم X بـ ...).
    Object,
}

/// Every word list the rules use, folded.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub numbers: HashMap<String, NumberWord>,
    /// Dual forms of counted nouns (عنصران, حالتين), each with whether it is a construct
    /// form that takes the next word with it (حالتي وفاة).
    pub duals: HashMap<String, bool>,
    /// Counted nouns (singular) known to the dual list; also accepted as units that
    /// begin with و.
    pub nouns: HashSet<String>,
    pub not_counted: HashSet<String>,
    pub time_words: HashSet<String>,
    /// Words that make the number after them a name, with how far back they look.
    pub names_before: HashMap<String, usize>,
    pub adjectives: HashSet<String>,
    pub ordinals: HashSet<String>,
    pub attribution: HashMap<String, Reports>,
    /// Words that open reported content when no أن / إن follows a verb (إلى, بمقتل).
    pub openers: HashSet<String>,
    pub sources: Vec<Vec<String>>,
    /// Indices into `sources` by the phrase's first word.
    pub source_heads: HashMap<String, Vec<usize>>,
    pub denial_verbs: HashSet<String>,
    pub denial_needs: HashSet<String>,
    pub denial_objects: HashSet<String>,
    pub denial_phrases: Vec<Vec<String>>,
    /// Indices into `denial_phrases` by the phrase's first word.
    pub denial_heads: HashMap<String, Vec<usize>>,
}

/// Phrase indices by first word.
fn heads(phrases: &[Vec<String>]) -> HashMap<String, Vec<usize>> {
    let mut out: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, phrase) in phrases.iter().enumerate() {
        if let Some(head) = phrase.first() {
            out.entry(head.clone()).or_default().push(i);
        }
    }
    out
}

/// The lexicon built from the files shipped with Hashiya.
pub fn builtin() -> &'static Lexicon {
    static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::builtin);
    &LEXICON
}

/// The meaningful lines of a lexicon file: comments and blank lines dropped, trimmed.
fn lines(file: &str) -> impl Iterator<Item = &str> {
    file.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty())
}

/// Lines grouped under `[section]` headers (lines before any header are in "").
fn sections(file: &str) -> HashMap<&str, Vec<&str>> {
    let mut out: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut current = "";
    for line in lines(file) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name;
        } else {
            out.entry(current).or_default().push(line);
        }
    }
    out
}

fn words(line: &str) -> Vec<String> {
    line.split_whitespace().map(fold).filter(|w| !w.is_empty()).collect()
}

/// Every conjugated form of a verb line `PAST PRESENT [| MORE]` (see `attribution.txt`).
pub fn verb_forms(line: &str) -> Vec<String> {
    let (main, more) = line.split_once('|').unwrap_or((line, ""));
    let mut stems = main.split_whitespace();
    let mut out: Vec<String> = Vec::new();
    if let Some(past) = stems.next().filter(|p| *p != "-").map(fold) {
        if let Some(base) = past.strip_suffix('ي') {
            for suffix in ["ت", "وا", "يا", "تا"] {
                out.push(format!("{base}{suffix}"));
            }
        } else {
            for suffix in ["ت", "وا", "ا", "تا", "نا", "تم"] {
                out.push(format!("{past}{suffix}"));
            }
        }
        out.push(past);
    }
    if let Some(present) = stems.next().map(fold)
        && let Some(stem) = present.strip_prefix('ي')
    {
        for prefix in ["ي", "ت", "ن", "ا"] {
            out.push(format!("{prefix}{stem}"));
        }
        let base = stem.strip_suffix('ي').unwrap_or(stem);
        for form in ["ي{}ون", "ت{}ون", "ت{}ين"] {
            out.push(form.replace("{}", base));
        }
        for form in ["ي{}ان", "ت{}ان"] {
            out.push(form.replace("{}", stem));
        }
    }
    out.extend(words(more));
    out
}

impl Lexicon {
    fn builtin() -> Self {
        let mut lex = Lexicon::default();
        for line in lines(include_str!("lexicon/number_words.txt")) {
            let mut parts = line.split_whitespace();
            let (Some(word), Some(value), Some(kind)) = (parts.next(), parts.next(), parts.next()) else {
                continue;
            };
            let kind = match kind {
                "unit" => NumberKind::Unit,
                "one" => NumberKind::One,
                "ten" => NumberKind::Ten,
                "hundred" => NumberKind::Hundred,
                "scale" => NumberKind::Scale,
                "scale2" => NumberKind::Scale2,
                "scales" => NumberKind::Scales,
                "fraction" => NumberKind::Fraction,
                _ => continue,
            };
            if let Ok(value) = value.parse() {
                lex.numbers.insert(fold(word), NumberWord { value, kind });
            }
        }
        for noun in lines(include_str!("lexicon/dual_nouns.txt")).map(fold) {
            if let Some(base) = noun.strip_suffix('ه') {
                for suffix in ["تان", "تين"] {
                    lex.duals.insert(format!("{base}{suffix}"), false);
                }
                for suffix in ["تا", "تي"] {
                    lex.duals.insert(format!("{base}{suffix}"), true);
                }
            } else {
                for suffix in ["ان", "ين"] {
                    lex.duals.insert(format!("{noun}{suffix}"), false);
                }
            }
            lex.nouns.insert(noun);
        }
        lex.nouns.extend(lines(include_str!("lexicon/waw_nouns.txt")).map(fold));
        lex.not_counted = lines(include_str!("lexicon/not_counted.txt")).map(fold).collect();
        lex.time_words = lines(include_str!("lexicon/time_words.txt")).map(fold).collect();
        for line in lines(include_str!("lexicon/not_figure_before.txt")) {
            if let Some((scope, word)) = line.split_once(char::is_whitespace)
                && let Ok(scope) = scope.parse()
            {
                lex.names_before.insert(fold(word.trim()), scope);
            }
        }
        lex.adjectives = lines(include_str!("lexicon/adjectives.txt")).map(fold).collect();
        lex.ordinals = lines(include_str!("lexicon/ordinals.txt")).map(fold).collect();

        let attribution = sections(include_str!("lexicon/attribution.txt"));
        for (section, reports) in [("", Reports::Content), ("object", Reports::Object)] {
            for line in attribution.get(section).into_iter().flatten() {
                for form in verb_forms(line) {
                    lex.attribution.insert(form, reports);
                }
            }
        }
        lex.openers = attribution.get("openers").into_iter().flatten().map(|w| fold(w)).collect();
        lex.sources = lines(include_str!("lexicon/sources.txt")).map(words).collect();

        let denials = sections(include_str!("lexicon/denials.txt"));
        let get = |name: &str| denials.get(name).cloned().unwrap_or_default();
        lex.denial_verbs = get("verbs").into_iter().flat_map(verb_forms).collect();
        lex.denial_needs = get("needs").into_iter().flat_map(verb_forms).collect();
        lex.denial_objects = get("objects").into_iter().map(fold).collect();
        lex.denial_phrases = get("phrases").into_iter().map(words).collect();
        lex.source_heads = heads(&lex.sources);
        lex.denial_heads = heads(&lex.denial_phrases);
        lex
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_read_and_folded() {
        let lex = builtin();
        assert_eq!(lex.numbers[&fold("إحدى")].kind, NumberKind::One);
        assert_eq!(lex.numbers[&fold("ثلاثمائة")].value, 300.0);
        assert_eq!(lex.numbers[&fold("آلاف")].kind, NumberKind::Scales);
        assert_eq!(lex.numbers[&fold("مليونين")].kind, NumberKind::Scale2);
        assert_eq!(lex.duals.get(&fold("حالتي")), Some(&true));
        assert_eq!(lex.duals.get(&fold("عنصران")), Some(&false));
        assert!(!lex.duals.contains_key(&fold("مدنيين")));
        assert_eq!(lex.names_before.get(&fold("القرار")), Some(&2));
        assert!(lex.time_words.contains(&fold("أيار")));
        assert!(lex.denial_phrases.contains(&words("عارية عن الصحة")));
        assert!(lex.sources.contains(&words("نقلا عن")));
    }

    #[test]
    fn verbs_are_conjugated() {
        let forms = verb_forms("قال يقول | قائلا");
        for form in ["قال", "قالت", "قالوا", "يقول", "تقول", "نقول", "اقول", "يقولون", "قائلا"]
        {
            assert!(forms.contains(&fold(form)), "{form}: {forms:?}");
        }
        let forms = verb_forms("نفى ينفي");
        for form in ["نفى", "نفت", "نفوا", "ينفي", "تنفي", "ينفون"] {
            assert!(forms.contains(&fold(form)), "{form}: {forms:?}");
        }
        let lex = builtin();
        for form in ["أكدت", "يؤكد", "مشيراً", "صرّحت", "أعلنوا", "يزعمون", "ادّعت", "اتهم"]
        {
            assert!(lex.attribution.contains_key(&fold(form)), "{form}");
        }
        assert_eq!(lex.attribution.get(&fold("اتهمت")), Some(&Reports::Object));
        assert!(!lex.attribution.contains_key(&fold("بين")));
        assert!(lex.denial_verbs.contains(&fold("نفت")));
        assert!(lex.denial_needs.contains(&fold("رفضت")));
    }
}
