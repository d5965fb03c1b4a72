//! Arabic-aware tokenization and sentence splitting, shared by the CoNLL export and
//! the token-level agreement measures so both see the same tokens.
//!
//! Rules: whitespace separates tokens; a run of letters (with their harakat, tatweel
//! and joiners) is one word; a run of digits is one number, keeping `.` `,` `٫` `٬`
//! between digits (`1,125`, `2.5`); digits and letters are split apart (`120كم` is
//! `120` + `كم`); every punctuation mark or symbol is a token of its own (`،` `؛`
//! `؟` `«` `»` `"` `(` `#` `%` ...). Sentences end after `.` `!` `?` `؟` `…` and at
//! every line break.

use super::CharRange;
use unicode_general_category::{GeneralCategory, get_general_category};

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// A token: a range of code points in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub range: CharRange,
    pub kind: TokenKind,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Newline,
    Letter,
    Digit,
    /// A combining mark, tatweel or joiner: attaches to the token before it.
    Attach,
    Other,
}

fn class(c: char) -> Class {
    if c == '\n' {
        return Class::Newline;
    }
    // Fast paths for the common Arabic letters and ASCII (same answers as below).
    if matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | 'a'..='z' | 'A'..='Z') {
        return Class::Letter;
    }
    if c.is_ascii_digit() {
        return Class::Digit;
    }
    if c.is_whitespace() {
        return Class::Space;
    }
    if c.is_numeric() {
        return Class::Digit;
    }
    if c == '\u{0640}' || c == '\u{200C}' || c == '\u{200D}' {
        return Class::Attach;
    }
    match get_general_category(c) {
        GeneralCategory::NonspacingMark | GeneralCategory::SpacingMark | GeneralCategory::EnclosingMark => {
            Class::Attach
        }
        GeneralCategory::Format => Class::Space,
        _ if c.is_alphabetic() => Class::Letter,
        _ => Class::Other,
    }
}

fn is_number_separator(c: char) -> bool {
    matches!(c, '.' | ',' | '\u{066B}' | '\u{066C}')
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{061F}' | '\u{2026}')
}

/// Splits `text` into tokens, in order.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens: Vec<Token> = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let start = i;
        let kind = match class(c) {
            Class::Space | Class::Newline => {
                i += 1;
                continue;
            }
            Class::Attach => {
                // A mark after a word or number belongs to it; a stray one starts a word.
                if let Some(last) =
                    tokens.last_mut().filter(|t| t.range.end.0 == i && t.kind != TokenKind::Punct)
                {
                    last.range.end.0 = i + 1;
                    i += 1;
                    continue;
                }
                i += 1;
                i = skip_while(&chars, i, |c| matches!(class(c), Class::Letter | Class::Attach));
                TokenKind::Word
            }
            Class::Letter => {
                i = skip_while(&chars, i, |c| matches!(class(c), Class::Letter | Class::Attach));
                TokenKind::Word
            }
            Class::Digit => {
                loop {
                    i = skip_while(&chars, i, |c| matches!(class(c), Class::Digit | Class::Attach));
                    let sep = chars.get(i).copied().is_some_and(is_number_separator);
                    let digit_after = chars.get(i + 1).copied().is_some_and(|c| class(c) == Class::Digit);
                    if sep && digit_after {
                        i += 1;
                    } else {
                        break;
                    }
                }
                TokenKind::Number
            }
            Class::Other => {
                i += 1;
                TokenKind::Punct
            }
        };
        tokens.push(Token { range: CharRange::new(start, i), kind });
    }
    tokens
}

fn skip_while(chars: &[char], mut i: usize, keep: impl Fn(char) -> bool) -> usize {
    while chars.get(i).copied().is_some_and(&keep) {
        i += 1;
    }
    i
}

/// Splits `text` into sentences of tokens: after a sentence-ending mark, and at line breaks.
/// Sentences are never empty.
pub fn sentences(text: &str) -> Vec<Vec<Token>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<Vec<Token>> = Vec::new();
    let mut current: Vec<Token> = Vec::new();
    let mut last_end = 0;
    for token in tokenize(text) {
        let gap = chars.get(last_end..token.range.start.0).unwrap_or(&[]);
        if gap.contains(&'\n') && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        last_end = token.range.end.0;
        let is_end = token.kind == TokenKind::Punct
            && token.range.len() == 1
            && chars.get(token.range.start.0).copied().is_some_and(ends_sentence);
        current.push(token);
        if is_end {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::slice_chars;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| slice_chars(text, t.range).unwrap()).collect()
    }

    #[test]
    fn splits_arabic_punctuation_and_quotes() {
        assert_eq!(
            words("قال: «لن نستهدف “داعش”»، ثم؟"),
            ["قال", ":", "«", "لن", "نستهدف", "“", "داعش", "”", "»", "،", "ثم", "؟"]
        );
    }

    #[test]
    fn keeps_harakat_shadda_and_tatweel_in_words() {
        assert_eq!(words("مسلّحيه الـ\"قسد\" وفِي"), ["مسلّحيه", "الـ", "\"", "قسد", "\"", "وفِي"]);
    }

    #[test]
    fn numbers_stay_whole_and_apart_from_letters() {
        assert_eq!(
            words("120كم و1,125 حالة و2.5% (12)"),
            ["120", "كم", "و", "1,125", "حالة", "و", "2.5", "%", "(", "12", ")"]
        );
        assert_eq!(words("٣٥٠ قتيلاً."), ["٣٥٠", "قتيلاً", "."]);
        let kinds: Vec<_> = tokenize("12 كم").iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [TokenKind::Number, TokenKind::Word]);
    }

    #[test]
    fn latin_hashtags_and_emoji() {
        assert_eq!(words("#سوريا Ryan Dillon 👍"), ["#", "سوريا", "Ryan", "Dillon", "👍"]);
    }

    #[test]
    fn sentences_end_at_marks_and_newlines() {
        let text = "قتل 12. هل هذا صحيح؟ نعم\nسطر جديد";
        let s = sentences(text);
        assert_eq!(s.len(), 4);
        assert_eq!(s[0].len(), 3);
        assert_eq!(slice_chars(text, s[3][0].range).unwrap(), "سطر");
    }

    #[test]
    fn empty_and_blank_texts() {
        assert!(tokenize("").is_empty());
        assert!(sentences(" \n\n ").is_empty());
    }
}
