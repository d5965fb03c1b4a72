use super::*;

fn names_of(text: &str, i: usize) -> Vec<(&'static str, String)> {
    let toks = words::tokenize(text);
    let keys: Vec<&str> = toks.iter().map(key).collect();
    let mut names = Vec::new();
    token_names(&toks, &keys, i, &mut names);
    names
}

fn has(names: &[(&'static str, String)], tag: &str, value: &str) -> bool {
    names.iter().any(|(t, v)| *t == tag && v == value)
}

#[test]
fn clitics_come_off_the_stem() {
    assert_eq!(split_clitics("والحكومه"), ("وال", "حكومه"));
    assert_eq!(split_clitics("بالقرار"), ("بال", "قرار"));
    assert_eq!(split_clitics("للشعب"), ("لل", "شعب"));
    assert_eq!(split_clitics("فقال"), ("ف", "قال"));
    // Never fewer than two letters left.
    assert_eq!(split_clitics("وب"), ("", "وب"));
    assert_eq!(split_clitics("حكومه"), ("", "حكومه"));
}

#[test]
fn words_are_folded_as_search_folds_them() {
    let names = names_of("وأعلنَ الحكومةُ", 0);
    assert!(has(&names, "w", "واعلن"), "{names:?}");
    assert!(has(&names, "s", "اعلن"), "{names:?}");
    assert!(has(&names, "cl", "و"), "{names:?}");
    // ة folds to ه, harakat go, the article comes off.
    let names = names_of("وأعلنَ الحكومةُ", 1);
    assert!(has(&names, "w", "الحكومه"), "{names:?}");
    assert!(has(&names, "s", "حكومه"), "{names:?}");
    // The same word written with and without harakat has the same features.
    assert_eq!(names_of("الحكومةُ", 0), names_of("الحكومة", 0));
}

#[test]
fn character_ngrams_mark_the_word_ends() {
    assert_eq!(char_ngrams("قرار", 3), vec!["<قر", "قرا", "رار", "ار>"]);
    assert_eq!(char_ngrams("ب", 3), vec!["<ب>"]);
    let names = names_of("بالقرار", 0);
    assert!(has(&names, "g3", "<قر") && has(&names, "g3", "ار>"), "{names:?}");
    assert!(has(&names, "pre", "قر") && has(&names, "suf", "رار"), "{names:?}");
}

#[test]
fn neighbours_shape_and_context() {
    let names = names_of("قال الوزير إن «الخطة فاشلة» أمس.", 1);
    assert!(has(&names, "n", "-1قال") && has(&names, "n", "1ان"), "{names:?}");
    assert!(has(&names, "b+", "وزير|ان"), "{names:?}");
    assert!(has(&names, "shape", "arl"), "{names:?}");
    let f = extract("قال الوزير إن «الخطة فاشلة» أمس.");
    let inside = f.of(4);
    let outside = f.of(1);
    assert!(inside.contains(&hash("q", "1")) && outside.contains(&hash("q", "0")));
    // The attribution verb is in the lexicons; its neighbour knows it.
    assert!(f.of(0).contains(&hash("lex", "attr")));
    assert!(f.of(1).contains(&hash("lexn", "-1attr")));
    assert_eq!(f.len(), 9);
    assert_eq!(f.punct, vec![false, false, false, true, false, false, true, false, true]);
}

#[test]
fn hashing_is_stable() {
    // The model file depends on these values: they may never change within a format version.
    assert_eq!(hash("w", "قال"), hash("w", "قال"));
    assert_ne!(hash("w", "قال"), hash("s", "قال"));
    assert_eq!(hash("bias", ""), 0x9cdf_d562);
}
