//! Writing one JSON value per line, safe for every way of splitting lines.
//!
//! serde_json writes U+0085, U+2028 and U+2029 as raw characters, and Python's
//! `str.splitlines` breaks lines at them, which would cut a JSONL record in two. They
//! are written as `\u` escapes instead; every other character is raw UTF-8.

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter};
use std::io::{self, Write};

/// Characters that some line splitters treat as line breaks but JSON does not escape.
const LINE_SEPARATORS: [char; 3] = ['\u{85}', '\u{2028}', '\u{2029}'];

struct LineSafe;

impl Formatter for LineSafe {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()> {
        // Fast path: all three encode with a lead byte 0xC2 or 0xE2, which Arabic text rarely has.
        if !fragment.bytes().any(|b| b == 0xC2 || b == 0xE2) {
            return writer.write_all(fragment.as_bytes());
        }
        let mut rest = fragment;
        while let Some(at) = rest.find(LINE_SEPARATORS) {
            let (head, tail) = rest.split_at(at);
            writer.write_all(head.as_bytes())?;
            let mut chars = tail.chars();
            if let Some(c) = chars.next() {
                write!(writer, "\\u{:04x}", u32::from(c))?;
            }
            rest = chars.as_str();
        }
        CompactFormatter.write_string_fragment(writer, rest)
    }
}

/// Writes `value` as compact JSON followed by `\n`.
pub fn write<T: Serialize>(w: &mut dyn Write, value: &T) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *w, LineSafe);
    value.serialize(&mut ser).map_err(io::Error::other)?;
    w.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_separators_are_escaped_and_arabic_is_raw() {
        let mut out = Vec::new();
        write(&mut out, &serde_json::json!({"text": "سطر\u{2028}ثان\u{85}\n👍"})).unwrap();
        let line = String::from_utf8(out).unwrap();
        assert_eq!(line, "{\"text\":\"سطر\\u2028ثان\\u0085\\n👍\"}\n");
        assert_eq!(line.lines().count(), 1);
        let back: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(back["text"], "سطر\u{2028}ثان\u{85}\n👍");
    }
}
