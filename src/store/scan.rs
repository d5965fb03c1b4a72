//! The one scanner of RON text: where blanks (comments included) end and where a value ends,
//! with brackets, strings, raw strings, characters and comments (`//` to the end of the line,
//! nested `/* */`) taken as ron reads them, so nothing inside a text, a note or a comment can
//! end a field or open an entry.
//!
//! A scan can stop at the end of the bytes it was given and go on when more have arrived
//! ([`Scan`] keeps where it was, inside a string or a comment included): the streaming
//! reader hands it a file a megabyte at a time and never rescans what it has seen.

/// A scan under way: where it is, how deep in brackets, and inside what.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Scan {
    /// The next byte to look at.
    pub at: usize,
    depth: usize,
    inside: Inside,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Inside {
    Code,
    Str,
    /// A raw string closed by `"` and this many `#`.
    RawStr(usize),
    Char,
    LineComment,
    /// A block comment this many levels deep.
    BlockComment(usize),
}

/// Where a scan stops: only at blanks' end, or at the end of a value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Goal {
    /// The first byte that is neither blank nor in a comment.
    Blank,
    /// The `,` or closing bracket that ends the value at its own depth.
    ValueEnd,
    /// Like `ValueEnd`, but a `:` at the value's depth ends it too (a map key).
    KeyEnd,
    /// The end of the literal or comment the scan is in.
    LiteralEnd,
}

impl Scan {
    /// A scan starting at `at`, between tokens.
    pub(crate) fn new(at: usize) -> Self {
        Self { at, depth: 0, inside: Inside::Code }
    }

    /// The end of blanks and comments from the scan's position. `None`: the bytes ran out
    /// first (with `eof`, a line comment ends the text; a block comment never closed gives
    /// `None`).
    pub(crate) fn blank_end(&mut self, bytes: &[u8], eof: bool) -> Option<usize> {
        self.run(bytes, eof, Goal::Blank)
    }

    /// Where the value starting at the scan's position ends: at the `,` or closing bracket
    /// at its own depth. `None`: the bytes ran out first (the scan goes on from there).
    pub(crate) fn value_end(&mut self, bytes: &[u8], eof: bool) -> Option<usize> {
        self.run(bytes, eof, Goal::ValueEnd)
    }

    /// Where a map key starting at the scan's position ends: at the `:` after it (or a
    /// `,` or closing bracket, which the caller refuses).
    pub(crate) fn key_end(&mut self, bytes: &[u8], eof: bool) -> Option<usize> {
        self.run(bytes, eof, Goal::KeyEnd)
    }

    fn run(&mut self, bytes: &[u8], eof: bool, goal: Goal) -> Option<usize> {
        loop {
            let i = self.at;
            match self.inside {
                Inside::Code if goal == Goal::LiteralEnd => return Some(i),
                Inside::Code => {
                    if goal != Goal::Blank {
                        // Most of a file is plain bytes (names, numbers, blanks) between
                        // the few that matter: step over them in one go.
                        let plain =
                            bytes.get(i..).unwrap_or_default().iter().take_while(|&&b| PLAIN[usize::from(b)]);
                        let n = plain.count();
                        if n > 0 {
                            self.at += n;
                            continue;
                        }
                    }
                    let Some(&b) = bytes.get(i) else {
                        // All blank to the end of the text.
                        return (eof && goal == Goal::Blank).then_some(i);
                    };
                    if let Some(n) = blank_len(bytes, i) {
                        self.at += n;
                        continue;
                    }
                    if b == b'/' {
                        match bytes.get(i + 1) {
                            Some(b'/') => self.enter(Inside::LineComment, 2),
                            Some(b'*') => self.enter(Inside::BlockComment(1), 2),
                            None if !eof => return None,
                            _ if goal == Goal::Blank => return Some(i),
                            _ => self.at += 1,
                        }
                        continue;
                    }
                    if goal == Goal::Blank {
                        return Some(i);
                    }
                    match b {
                        b'(' | b'[' | b'{' => self.depth += 1,
                        b')' | b']' | b'}' | b',' if self.depth == 0 => return Some(i),
                        b':' if self.depth == 0 && goal == Goal::KeyEnd => return Some(i),
                        b')' | b']' | b'}' => self.depth -= 1,
                        b'"' => {
                            self.enter(Inside::Str, 1);
                            continue;
                        }
                        b'\'' => {
                            self.enter(Inside::Char, 1);
                            continue;
                        }
                        b'r' if raw_may_start(bytes, i) => {
                            // `r"`, `r#…#"`: a raw string; `r#name`: a raw identifier.
                            let mut j = i + 1;
                            while bytes.get(j) == Some(&b'#') {
                                j += 1;
                            }
                            match bytes.get(j) {
                                None if !eof => return None,
                                Some(b'"') => {
                                    self.enter(Inside::RawStr(j - i - 1), j + 1 - i);
                                    continue;
                                }
                                _ => {}
                            }
                        }
                        _ => {}
                    }
                    self.at += 1;
                }
                Inside::Str | Inside::Char => {
                    let quote = if self.inside == Inside::Str { b'"' } else { b'\'' };
                    let rest = bytes.get(i..)?;
                    let Some(n) = memchr::memchr2(quote, b'\\', rest) else {
                        self.at = bytes.len();
                        return None;
                    };
                    let j = i + n;
                    if bytes.get(j) == Some(&b'\\') {
                        // An escape: the next byte is taken as it is (wait for it).
                        bytes.get(j + 1)?;
                        self.at = j + 2;
                    } else {
                        self.at = j + 1;
                        self.inside = Inside::Code;
                    }
                }
                Inside::RawStr(hashes) => {
                    let rest = bytes.get(i..)?;
                    let Some(n) = memchr::memchr(b'"', rest) else {
                        self.at = bytes.len();
                        return None;
                    };
                    let j = i + n;
                    self.at = j;
                    let closing = bytes.get(j + 1..j + 1 + hashes)?;
                    if closing.iter().all(|&b| b == b'#') {
                        self.at = j + 1 + hashes;
                        self.inside = Inside::Code;
                    } else {
                        self.at = j + 1;
                    }
                }
                Inside::LineComment => {
                    let rest = bytes.get(i..)?;
                    match memchr::memchr(b'\n', rest) {
                        Some(n) => {
                            self.at = i + n + 1;
                            self.inside = Inside::Code;
                        }
                        None if eof => {
                            self.at = bytes.len();
                            self.inside = Inside::Code;
                            return matches!(goal, Goal::Blank | Goal::LiteralEnd).then_some(self.at);
                        }
                        None => {
                            self.at = bytes.len();
                            return None;
                        }
                    }
                }
                Inside::BlockComment(level) => {
                    let rest = bytes.get(i..)?;
                    let Some(n) = memchr::memchr2(b'/', b'*', rest) else {
                        self.at = bytes.len();
                        return None;
                    };
                    let j = i + n;
                    self.at = j;
                    let pair = bytes.get(j..j + 2)?;
                    if pair == b"/*" {
                        self.enter(Inside::BlockComment(level + 1), 2);
                    } else if pair == b"*/" {
                        let inside = if level == 1 { Inside::Code } else { Inside::BlockComment(level - 1) };
                        self.enter(inside, 2);
                    } else {
                        self.at += 1;
                    }
                }
            }
        }
    }

    fn enter(&mut self, inside: Inside, len: usize) {
        self.inside = inside;
        self.at += len;
    }
}

/// The bytes a scan for a value's end steps over: everything but brackets, separators,
/// quotes, the `r` that may open a raw string and the `/` that may open a comment. Blanks
/// are plain there (a multi-byte blank is made of bytes over 0x7F, none of which matters).
const PLAIN: [bool; 256] = {
    let mut plain = [true; 256];
    let special = b"()[]{},:\"'r/";
    let mut k = 0;
    while k < special.len() {
        plain[special[k] as usize] = false;
        k += 1;
    }
    plain
};

/// The length of the blank character at `i` (ron's whitespace), if it is one.
fn blank_len(bytes: &[u8], i: usize) -> Option<usize> {
    match *bytes.get(i)? {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => Some(1),
        0xC2 if bytes.get(i + 1) == Some(&0x85) => Some(2),
        0xE2 if bytes.get(i + 1) == Some(&0x80)
            && bytes.get(i + 2).is_some_and(|b| matches!(b, 0x8E | 0x8F | 0xA8 | 0xA9)) =>
        {
            Some(3)
        }
        _ => None,
    }
}

/// Whether an `r` at `i` may open a raw string: it does not end an identifier (`br"…"`, a
/// byte string, does).
fn raw_may_start(bytes: &[u8], i: usize) -> bool {
    let ident = |j: usize| bytes.get(j).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
    if i == 0 || !ident(i - 1) {
        return true;
    }
    bytes.get(i - 1) == Some(&b'b') && (i < 2 || !ident(i - 2))
}

/// The end of blanks and comments from `i` in a whole text.
pub(crate) fn skip_blank(bytes: &[u8], i: usize) -> usize {
    Scan::new(i).blank_end(bytes, true).unwrap_or(bytes.len())
}

/// The length of the literal or comment that starts at `i` in a whole text, if one does
/// (an unclosed one runs to the end).
pub(crate) fn literal_len(bytes: &[u8], i: usize) -> Option<usize> {
    let (inside, open) = match (bytes.get(i)?, bytes.get(i + 1)) {
        (b'"', _) => (Inside::Str, 1),
        (b'\'', _) => (Inside::Char, 1),
        (b'/', Some(b'/')) => (Inside::LineComment, 2),
        (b'/', Some(b'*')) => (Inside::BlockComment(1), 2),
        (b'r', _) if raw_may_start(bytes, i) => {
            let hashes = bytes.get(i + 1..)?.iter().take_while(|&&b| b == b'#').count();
            if bytes.get(i + 1 + hashes) != Some(&b'"') {
                return None;
            }
            (Inside::RawStr(hashes), hashes + 2)
        }
        _ => return None,
    };
    let mut scan = Scan { at: i + open, depth: 0, inside };
    let end = scan.run(bytes, true, Goal::LiteralEnd).unwrap_or(bytes.len());
    Some(end - i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Option<&str> {
        Scan::new(0).value_end(text.as_bytes(), true).map(|end| &text[..end])
    }

    #[test]
    fn values_end_past_literals_and_comments() {
        assert_eq!(value("\"x, ) ] }\\\" (\", b"), Some("\"x, ) ] }\\\" (\""));
        assert_eq!(value("r##\"a\"# ) , \"##, c"), Some("r##\"a\"# ) , \"##"));
        assert_eq!(value("[')', '\\'', 'ع'], d"), Some("[')', '\\'', 'ع']"));
        assert_eq!(value("(a: 1) // , \"x\": (b: 2)\n, c"), Some("(a: 1) // , \"x\": (b: 2)\n"));
        assert_eq!(value("(a: /* ) /* ) */ , */ 1), c"), Some("(a: /* ) /* ) */ , */ 1)"));
        assert_eq!(value("(a: \"// not a comment\"), c"), Some("(a: \"// not a comment\")"));
        assert_eq!(value("br#\"x\"# , y"), Some("br#\"x\"# "));
        assert_eq!(value("(r#type: 1), z"), Some("(r#type: 1)"));
        assert_eq!(value("[[[["), None);
        assert_eq!(value("\"open"), None);
    }

    #[test]
    fn a_scan_goes_on_where_it_stopped() {
        let text = "(note: \"a \\\" b\", n: r#\"x\"y\"#, c: '\\'', /* a /* b */ ) */ d: 1) // tail\n, rest";
        let want = Scan::new(0).value_end(text.as_bytes(), true);
        for cut in 0..text.len() {
            let mut scan = Scan::new(0);
            let first = scan.value_end(&text.as_bytes()[..cut], false);
            let end = first.or_else(|| scan.value_end(text.as_bytes(), true));
            assert_eq!(end, want, "cut at {cut}");
        }
    }

    #[test]
    fn blanks_include_comments() {
        assert_eq!(skip_blank(b"  // c\n /* d /* e */ */ x", 0), 24);
        assert_eq!(skip_blank(b" // to the end", 0), 14);
        assert_eq!(Scan::new(0).blank_end(b" /* open", true), None);
        assert_eq!(Scan::new(0).blank_end(b" // more to come", false), None);
        assert_eq!(skip_blank("\u{200f} x".as_bytes(), 0), 4);
    }

    #[test]
    fn literals_and_comments_have_lengths() {
        assert_eq!(literal_len(b"\"a\\\"b\" x", 0), Some(6));
        assert_eq!(literal_len(b"r#\"a\"b\"# x", 0), Some(8));
        assert_eq!(literal_len(b"// \"x\nz", 0), Some(6));
        assert_eq!(literal_len(b"/* a */z", 0), Some(7));
        assert_eq!(literal_len(b"'\"' z", 0), Some(3));
        assert_eq!(literal_len(b"rx", 0), None);
        assert_eq!(literal_len(b"\"open", 0), Some(5));
    }
}
