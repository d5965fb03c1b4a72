//! A layer's entry for one document, read without ron where it has the shape the writer
//! gives it: `(hash: "…", spans: [(id: 1, start: 0, …), …], …)`.
//!
//! Spans are most of a large project file, and ron's general parser spends most of a
//! load on them (field names matched one by one, every blank and number taken apart by
//! its own routine). Here a span is read in one pass over its bytes, its attribute values
//! included. Anything this reader does not expect (a comment, an escape in a string, a
//! number written another way, a field out of place, a number it cannot hold) makes it
//! hand that span to ron, and an entry whose frame is unexpected goes to ron whole, so
//! what ron would refuse is still refused by ron, with its message. What is read here is what ron gives for the same text: the
//! tests compare the two on generated, hand-written and damaged entries.

use crate::model::{
    AttrValue, Attributes, CharOffset, ContentHash, LabelId, LayerDoc, Origin, Relation, SharedStr, Span,
    SpanId, Timestamp,
};
use crate::store::scan::Scan;
use serde::Deserialize;

/// The entry `text` (one value, as the scanner cut it) read into a layer's entry; `None`
/// when ron refuses it.
pub(super) fn parse(text: &str) -> Option<LayerDoc> {
    read(text).or_else(|| ron::from_str(text).ok())
}

/// The entry read here; `None` when its frame is not the writer's (ron then decides).
fn read(text: &str) -> Option<LayerDoc> {
    let mut cursor = Cursor { text, at: 0 };
    cursor.expect(b'(')?;
    cursor.field("hash")?;
    let hash = ContentHash(cursor.string()?.to_string());
    cursor.expect(b',')?;
    cursor.field("spans")?;
    cursor.expect(b'[')?;
    let mut spans = Vec::new();
    while !cursor.close(b']', spans.is_empty())? {
        spans.push(cursor.span()?);
    }
    spans.shrink_to_fit();
    let mut entry = LayerDoc { hash, spans, relations: Vec::new(), active_seconds: 0, last_active: None };
    // The rarer fields after the spans (links, time) are ron's to read.
    if !cursor.close(b')', false)? {
        let Tail { relations, active_seconds, last_active } =
            ron::from_str(&format!("({}", text.get(cursor.at..)?)).ok()?;
        (entry.relations, entry.active_seconds, entry.last_active) = (relations, active_seconds, last_active);
        return Some(entry);
    }
    cursor.blank();
    (cursor.at == text.len()).then_some(entry)
}

/// The fields of a layer's entry after its spans, all of which may be absent.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Tail {
    #[serde(default)]
    relations: Vec<Relation>,
    #[serde(default)]
    active_seconds: u64,
    #[serde(default)]
    last_active: Option<Timestamp>,
}

/// Where the reading is in the entry's text.
struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// Moves past blanks (only those the writer writes; ron reads more, and comments,
    /// which stop this reader where they stand).
    fn blank(&mut self) {
        while matches!(self.bytes().get(self.at), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            self.at += 1;
        }
    }

    /// The next byte after blanks (the cursor stays on it).
    fn peek(&mut self) -> Option<u8> {
        self.blank();
        self.bytes().get(self.at).copied()
    }

    /// `byte` next, after blanks, and the cursor past it.
    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// Between the entries of a list or the fields of a struct closed by `close`: true
    /// (and past it) when it comes next, false when another entry does. Entries are
    /// separated by one comma, and one may follow the last.
    fn close(&mut self, close: u8, first: bool) -> Option<bool> {
        let mut next = self.peek()?;
        if !first && next != close {
            if next != b',' {
                return None;
            }
            self.at += 1;
            next = self.peek()?;
        }
        if next == close {
            self.at += 1;
        }
        Some(next == close)
    }

    /// A field name, and the cursor past its `:`.
    fn ident(&mut self) -> Option<&'a str> {
        self.blank();
        let start = self.at;
        while self.bytes().get(self.at).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_') {
            self.at += 1;
        }
        let name = self.text.get(start..self.at).filter(|name| !name.is_empty())?;
        self.expect(b':')?;
        Some(name)
    }

    /// The field `name` next, and the cursor past its `:`.
    fn field(&mut self, name: &str) -> Option<()> {
        (self.ident()? == name).then_some(())
    }

    /// An unsigned decimal number (ron reads others: `0x…`, `1_000`, `+1`; they stop here).
    fn number(&mut self) -> Option<u64> {
        self.blank();
        let mut n: u64 = 0;
        let start = self.at;
        while let Some(digit) = self.bytes().get(self.at).filter(|b| b.is_ascii_digit()) {
            n = n.checked_mul(10)?.checked_add(u64::from(digit - b'0'))?;
            self.at += 1;
        }
        (self.at > start).then_some(n)
    }

    fn offset(&mut self) -> Option<CharOffset> {
        usize::try_from(self.number()?).ok().map(CharOffset)
    }

    /// A string, plain (`"…"` with no escape in it) or raw (`r#"…"#`), as its text.
    fn string(&mut self) -> Option<&'a str> {
        self.blank();
        let rest = self.text.get(self.at..)?;
        if let Some(body) = rest.strip_prefix('"') {
            let end = body.find('"')?;
            let text = body.get(..end)?;
            if text.contains('\\') {
                return None;
            }
            self.at += end + 2;
            return Some(text);
        }
        let raw = rest.strip_prefix('r')?;
        let hashes = raw.bytes().take_while(|&b| b == b'#').count();
        let body = raw.get(hashes..)?.strip_prefix('"')?;
        let closing = format!("\"{}", raw.get(..hashes)?);
        let end = body.find(&closing)?;
        self.at += 1 + hashes + 1 + end + closing.len();
        body.get(..end)
    }

    /// A span, read here or, when it is not in the shape read here, by ron.
    fn span(&mut self) -> Option<Span> {
        self.blank();
        let start = self.at;
        if let Some(span) = self.quick_span() {
            return Some(span);
        }
        self.at = start;
        let end = Scan::new(start).value_end(self.bytes(), true)?;
        self.at = end;
        ron::from_str(self.text.get(start..end)?).ok()
    }

    /// A span whose fields are those the writer writes, with no attributes.
    fn quick_span(&mut self) -> Option<Span> {
        self.expect(b'(')?;
        self.field("id")?;
        let id = SpanId(self.number()?);
        self.expect(b',')?;
        self.field("start")?;
        let start = self.offset()?;
        self.expect(b',')?;
        self.field("end")?;
        let end = self.offset()?;
        self.expect(b',')?;
        self.field("label")?;
        let label = LabelId(SharedStr::intern(self.string()?));
        self.expect(b',')?;
        self.field("annotator")?;
        let annotator = SharedStr::intern(self.string()?);
        self.expect(b',')?;
        self.field("created")?;
        let created = Timestamp(self.number()?);
        self.expect(b',')?;
        self.field("modified")?;
        let modified = Timestamp(self.number()?);
        let (note, origin, attributes) = (None, Origin::Manual, Attributes::default());
        let mut span = Span { id, start, end, label, annotator, created, modified, note, origin, attributes };
        let (mut noted, mut originated, mut valued) = (false, false, false);
        while !self.close(b')', false)? {
            match self.ident()? {
                "note" if !noted => {
                    noted = true;
                    self.field_some()?;
                    span.note = Some(SharedStr::intern(self.string()?));
                    self.expect(b')')?;
                }
                "origin" if !originated => {
                    originated = true;
                    span.origin = self.origin()?;
                }
                "attributes" if !valued => {
                    valued = true;
                    span.attributes = self.attributes()?;
                }
                // A field twice, an unknown field: ron's to read or refuse.
                _ => return None,
            }
        }
        Some(span)
    }

    /// `{"name": value, …}`: values as the writer writes them (a string, `true` or
    /// `false`, a number with a fraction such as `43.0`); any other is ron's.
    fn attributes(&mut self) -> Option<Attributes> {
        self.expect(b'{')?;
        let mut attributes = Attributes::default();
        while !self.close(b'}', attributes.is_empty())? {
            let name = self.string()?;
            self.expect(b':')?;
            let value = self.value()?;
            if attributes.get(name).is_some() {
                return None; // written twice: ron says so
            }
            attributes.set(name, Some(value));
        }
        Some(attributes)
    }

    /// An attribute's value.
    fn value(&mut self) -> Option<AttrValue> {
        let first = self.peek()?;
        if first == b'"' || first == b'r' {
            return Some(AttrValue::Text(self.string()?.to_string()));
        }
        let start = self.at;
        let word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
        while self.bytes().get(self.at).is_some_and(word) {
            self.at += 1;
        }
        match self.text.get(start..self.at)? {
            "true" => return Some(AttrValue::Flag(true)),
            "false" => return Some(AttrValue::Flag(false)),
            _ => self.at = start,
        }
        // `-12.5`: ron reads it with `f64::from_str`, as here; exponents, `inf` and the
        // like are left to it.
        if self.bytes().get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        let digits = |cursor: &mut Self| {
            let from = cursor.at;
            while cursor.bytes().get(cursor.at).is_some_and(u8::is_ascii_digit) {
                cursor.at += 1;
            }
            cursor.at > from
        };
        if !digits(self) || self.bytes().get(self.at) != Some(&b'.') {
            return None;
        }
        self.at += 1;
        if !digits(self) {
            return None;
        }
        self.text.get(start..self.at)?.parse().ok().map(AttrValue::Number)
    }

    /// `Some(` before an optional value.
    fn field_some(&mut self) -> Option<()> {
        self.blank();
        let rest = self.text.get(self.at..)?;
        rest.starts_with("Some").then(|| self.at += "Some".len())?;
        self.expect(b'(')
    }

    /// `Manual`, `Suggested(rule: "…")` or `Accepted(by: "…")`.
    fn origin(&mut self) -> Option<Origin> {
        self.blank();
        let start = self.at;
        while self.bytes().get(self.at).is_some_and(u8::is_ascii_alphabetic) {
            self.at += 1;
        }
        let origin = match self.text.get(start..self.at)? {
            "Manual" => return Some(Origin::Manual),
            "Suggested" => {
                self.expect(b'(')?;
                self.field("rule")?;
                Origin::Suggested { rule: SharedStr::intern(self.string()?) }
            }
            "Accepted" => {
                self.expect(b'(')?;
                self.field("by")?;
                Origin::Accepted { by: SharedStr::intern(self.string()?) }
            }
            _ => return None,
        };
        self.close(b')', false)?.then_some(origin)
    }
}

#[cfg(test)]
mod tests;
