//! Documents: the imported article texts and their per-annotator status.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// A document's stable identifier within a project (e.g. the imported file's stem).
///
/// Shared ([`Arc`]): ids key every layer's map, and cloning one (a project snapshot,
/// a command) copies a pointer.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocId(pub Arc<str>);

impl DocId {
    pub fn new(id: impl Into<String>) -> Self {
        Self(Arc::from(id.into()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// SHA-256 of a document's text (UTF-8 bytes), as 64 lowercase hex digits.
///
/// Spans are only valid on the exact text they were made on; the hash ties them to it.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ContentHash(pub String);

impl ContentHash {
    pub fn of(text: &str) -> Self {
        let digest = Sha256::digest(text.as_bytes());
        let mut hex = String::with_capacity(64);
        for byte in digest {
            hex.push_str(&format!("{byte:02x}"));
        }
        Self(hex)
    }

    /// The first 12 hex digits, for messages.
    pub fn short(&self) -> &str {
        self.0.get(..12).unwrap_or(&self.0)
    }
}

impl fmt::Display for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How far an annotator has got with a document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Status {
    #[default]
    New,
    InProgress,
    Done,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::New, Status::InProgress, Status::Done];

    pub fn name(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::InProgress => "in progress",
            Status::Done => "done",
        }
    }
}

/// One imported article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: DocId,
    pub title: String,
    /// Where the text came from: a file name or URL.
    #[serde(default)]
    pub source: String,
    /// Hash of `text`; checked on load.
    pub hash: ContentHash,
    /// Status per annotator name; an annotator not listed is at [`Status::New`].
    #[serde(default, deserialize_with = "super::unique::statuses")]
    pub status: BTreeMap<String, Status>,
    /// The annotators this document is assigned to (`hashiya assign`), sorted, each once;
    /// empty when it is assigned to nobody.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assigned: Vec<String>,
    /// The text exactly as imported (BOM stripped, line endings `\n`). All offsets index it.
    pub text: String,
}

impl Document {
    /// A new document; the title is the first non-empty line of the text.
    pub fn new(id: DocId, source: impl Into<String>, text: String) -> Self {
        let title = title_of(&text);
        Self {
            id,
            title,
            source: source.into(),
            hash: ContentHash::of(&text),
            status: BTreeMap::new(),
            assigned: Vec::new(),
            text,
        }
    }

    pub fn status_of(&self, annotator: &str) -> Status {
        self.status.get(annotator).copied().unwrap_or_default()
    }

    /// True when the document is assigned to `annotator`.
    pub fn is_assigned_to(&self, annotator: &str) -> bool {
        self.assigned.iter().any(|a| a == annotator)
    }
}

/// The first non-empty line, trimmed, shortened to at most 120 code points.
pub fn title_of(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    line.chars().take(120).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_sha256_hex() {
        assert_eq!(ContentHash::of("").0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_eq!(ContentHash::of("سوريا").0.len(), 64);
        assert_ne!(ContentHash::of("سوريا"), ContentHash::of("سوريه"));
    }

    #[test]
    fn title_is_first_non_empty_line() {
        let doc = Document::new(DocId::new("d"), "a.txt", "\n  الرقةميداني \n\nنص".into());
        assert_eq!(doc.title, "الرقةميداني");
        assert_eq!(doc.status_of("amal"), Status::New);
    }
}
