//! Reading a project file as it comes off the disk, one document entry at a time, so a
//! large file is never held whole next to the project being built from it.
//!
//! The file is read in pieces of up to a megabyte. Its top-level fields are found with the
//! one scanner of RON text (`scan`: brackets, strings, raw strings, characters and
//! comments), which goes on where it stopped when the next piece comes; the annotator
//! layers and the documents are parsed entry by entry (each layer's spans and links on one
//! document; one document), and the bytes behind an entry are dropped once it is parsed.
//! Layer entries and documents are handed to a second thread (their text copied, a few
//! kilobytes each) whenever it has room for more, and parsed here otherwise, so both cores
//! parse and neither waits for the other: this thread also reads, hashes and scans, so a
//! fixed share would leave one of them idle. The gold layer is read entry by entry too; the
//! other fields (name, labels, …) are small and parsed together at the end.
//!
//! A text already in memory (an older file once migrated, a text handed to `from_ron`) is
//! read the same way from its bytes, so there is one reading of entries, not two.
//!
//! Only files in the current syntax (version 2 and up; a migrated version 1) are read this
//! way. Anything unexpected (a layer or a document entry twice, a field that does not
//! parse, ...) returns `Ok(None)` and the caller parses the whole text with ron, which
//! decides, and reports any error with its line and column. So a streamed reading is
//! always what a whole reading gives: tests compare both on generated and damaged files.

use super::scan::Scan;
use crate::model::{ContentHash, DocId, Document, FORMAT_VERSION, Layer, LayerDoc, Project, interning};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Read;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::SyncSender;

/// Bytes read from the file at a time, at most.
const READ: usize = 1 << 20;
/// Bytes consumed before they are dropped from the buffer.
const CHUNK: usize = 1 << 20;

/// A project read from a stream, with the SHA-256 and length of the bytes read.
pub(crate) struct Streamed {
    pub project: Project,
    pub hash: [u8; 32],
    pub len: u64,
    /// Every document's text was hashed as it was read and matched its stored hash, so the
    /// checks need not hash the texts again (they do when one did not match, and say so).
    pub texts_match: bool,
}

/// The bytes read and not yet consumed, and where the scan is among them.
struct Input<R> {
    src: R,
    buf: Vec<u8>,
    /// Where each read lands before it joins `buf`.
    scratch: Vec<u8>,
    pos: usize,
    eof: bool,
    /// `None` for a text already in memory, whose hash nobody needs.
    hasher: Option<Sha256>,
    len: u64,
    limit: u64,
}

/// Why the streaming reading stopped: an I/O error (reported), or a surprise (the caller
/// reads the whole file instead).
enum Stop {
    Io(std::io::Error),
    Surprise,
}

impl From<std::io::Error> for Stop {
    fn from(e: std::io::Error) -> Self {
        Stop::Io(e)
    }
}

type Step<T> = Result<T, Stop>;

impl<R: Read> Input<R> {
    /// Reads another piece (what one read gives, up to [`READ`] bytes); false at the end of
    /// the file.
    fn fill(&mut self) -> Step<bool> {
        if self.eof {
            return Ok(false);
        }
        let got = loop {
            match self.src.read(&mut self.scratch) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                other => break other?,
            }
        };
        let Some(read) = self.scratch.get(..got).filter(|r| !r.is_empty()) else {
            self.eof = true;
            return Ok(false);
        };
        self.buf.extend_from_slice(read);
        if let Some(hasher) = &mut self.hasher {
            hasher.update(read);
        }
        self.len += got as u64;
        if self.len > self.limit {
            return Err(Stop::Io(std::io::Error::other(format!("the file is over {} bytes", self.limit))));
        }
        Ok(true)
    }

    /// Runs `find` on the bytes read so far (and whether they are all), reading more while
    /// it needs more (`None`). `find` keeps its own state between calls, so nothing is
    /// scanned twice: a value that never ends costs one pass over the file.
    fn need<T>(&mut self, mut find: impl FnMut(&[u8], bool) -> Option<T>) -> Step<T> {
        loop {
            if let Some(found) = find(&self.buf, self.eof) {
                return Ok(found);
            }
            if self.eof {
                return Err(Stop::Surprise);
            }
            self.fill()?;
        }
    }

    /// The byte at `pos` after blanks and comments, reading more as needed; the scan moves
    /// to it.
    fn next_byte(&mut self) -> Step<u8> {
        let mut scan = Scan::new(self.pos);
        let at = self.need(|b, eof| {
            let i = scan.blank_end(b, eof)?;
            b.get(i).map(|_| i)
        })?;
        self.pos = at;
        self.buf.get(at).copied().ok_or(Stop::Surprise)
    }

    /// Between the entries of a list, map or struct closed by `close`: true (and past it)
    /// when it comes next; false when another entry does. Entries are separated by one
    /// comma, and one may follow the last, as ron reads them.
    fn at_close(&mut self, close: u8, first: bool) -> Step<bool> {
        let mut next = self.next_byte()?;
        if !first && next != close {
            if next != b',' {
                return Err(Stop::Surprise);
            }
            self.pos += 1;
            next = self.next_byte()?;
        }
        if next == close {
            self.pos += 1;
            return Ok(true);
        }
        Ok(false)
    }

    /// Expects `byte` next (after blanks) and moves past it.
    fn expect(&mut self, byte: u8) -> Step<()> {
        if self.next_byte()? != byte {
            return Err(Stop::Surprise);
        }
        self.pos += 1;
        Ok(())
    }

    /// Drops the bytes before the scan position, once they make a chunk (moving what is
    /// left after every entry would copy the buffer thousands of times).
    fn consume(&mut self) {
        if self.pos >= CHUNK {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
    }

    /// The text of `range` of the buffer.
    fn text(&self, range: std::ops::Range<usize>) -> Step<&str> {
        std::str::from_utf8(self.buf.get(range).ok_or(Stop::Surprise)?).map_err(|_| Stop::Surprise)
    }

    /// The map key at the scan position (up to its `:`), parsed; the scan moves to the `:`.
    fn key<T: serde::de::DeserializeOwned>(&mut self) -> Step<T> {
        let start = self.pos;
        let mut scan = Scan::new(start);
        let end = self.need(|b, eof| scan.key_end(b, eof))?;
        self.pos = end;
        ron::from_str(self.text(start..end)?).map_err(|_| Stop::Surprise)
    }

    /// Where the value at the scan position ends (the scan does not move).
    fn value_end(&mut self) -> Step<usize> {
        let mut scan = Scan::new(self.pos);
        self.need(|b, eof| scan.value_end(b, eof))
    }

    /// The value at the scan position, parsed; the scan moves past it.
    fn value<T: serde::de::DeserializeOwned>(&mut self) -> Step<T> {
        let start = self.pos;
        let end = self.value_end()?;
        self.pos = end;
        ron::from_str(self.text(start..end)?).map_err(|_| Stop::Surprise)
    }

    /// The bytes of the value at the scan position, copied; the scan moves past it.
    fn value_bytes(&mut self) -> Step<Vec<u8>> {
        let start = self.pos;
        let end = self.value_end()?;
        self.pos = end;
        Ok(self.buf.get(start..end).ok_or(Stop::Surprise)?.to_vec())
    }

    /// An identifier at the scan position (a field name).
    fn ident(&mut self) -> Step<String> {
        let start = self.pos;
        let mut i = start;
        let end = self.need(|b, eof| {
            while b.get(i).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_') {
                i += 1;
            }
            (i < b.len() || eof).then_some(i)
        })?;
        self.pos = end;
        Ok(self.text(start..end)?.to_string())
    }
}

/// Reads a project from `src` (at most `limit` bytes) as described in the module
/// documentation. `Ok(None)`: not a file for this reading; read it whole instead.
pub(crate) fn read_streaming(src: impl Read, limit: u64) -> std::io::Result<Option<Streamed>> {
    read_from(src, limit, Some(Sha256::new()), 2)
}

/// Reads a project from a text in memory as a file is read (see the module
/// documentation); `migrated` says a version-1 text was brought to the current syntax.
/// `None`: read the text whole instead.
pub(crate) fn read_text(text: &str, migrated: bool) -> Option<Project> {
    let oldest = if migrated { 1 } else { 2 };
    read_from(text.as_bytes(), u64::MAX, None, oldest).ok().flatten().map(|s| s.project)
}

fn read_from(
    src: impl Read,
    limit: u64,
    hasher: Option<Sha256>,
    oldest: u32,
) -> std::io::Result<Option<Streamed>> {
    let mut input = Input {
        src,
        buf: Vec::with_capacity(2 * CHUNK),
        scratch: vec![0; READ],
        pos: 0,
        eof: false,
        hasher,
        len: 0,
        limit,
    };
    // Entries the second thread has been handed and not yet parsed: at most `QUEUE`, so
    // little text waits, and an entry goes there only when it has room.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Handed>(QUEUE);
    let queued = AtomicUsize::new(0);
    let (read, handed) = std::thread::scope(|scope| {
        let queued = &queued;
        let helper = scope.spawn(move || {
            interning(|| {
                rx.iter()
                    .map(|handed| {
                        let parsed = handed.parse();
                        queued.fetch_sub(1, Ordering::Relaxed);
                        parsed
                    })
                    .collect::<Option<Vec<_>>>()
            })
        });
        let mut second = Second { tx, queued };
        let read = interning(|| read_project(&mut input, &mut second, oldest));
        drop(second);
        (read, helper.join().ok().flatten())
    });
    let (mut project, (mut documents, mut texts_match)) = match read {
        Ok(read) => read,
        Err(Stop::Io(e)) => return Err(e),
        Err(Stop::Surprise) => return Ok(None),
    };
    let Some(handed) = handed else { return Ok(None) };
    for parsed in handed {
        match parsed {
            Parsed::Entry(layer, doc, layer_doc) => {
                let Some(layer) = project.layers.get_mut(&layer) else { return Ok(None) };
                layer.docs.insert(doc, layer_doc);
            }
            Parsed::Document(at, document, matches) => match documents.get_mut(at) {
                Some(slot @ None) => {
                    *slot = Some(document);
                    texts_match &= matches;
                }
                _ => return Ok(None),
            },
        }
    }
    let Some(documents) = documents.into_iter().collect::<Option<Vec<_>>>() else { return Ok(None) };
    project.documents = documents;
    let hash = input.hasher.map(|h| h.finalize().into()).unwrap_or_default();
    Ok(Some(Streamed { project, hash, len: input.len, texts_match }))
}

/// How many handed entries may wait for the second thread.
const QUEUE: usize = 64;

/// An entry handed to the second thread: a layer's entry (the layer's name, the document,
/// the bytes) or a document (its place in the list, the bytes). The bytes are checked to
/// be UTF-8 there, not here: that check is much of the work on long Arabic texts.
enum Handed {
    Entry(String, DocId, Vec<u8>),
    Document(usize, Vec<u8>),
}

/// What the second thread made of a [`Handed`] entry: a document comes with whether its
/// text matches its stored hash.
enum Parsed {
    Entry(String, DocId, Arc<LayerDoc>),
    Document(usize, Arc<Document>, bool),
}

impl Handed {
    fn parse(self) -> Option<Parsed> {
        Some(match self {
            Handed::Entry(layer, doc, bytes) => {
                let entry = layer_entry::parse(&String::from_utf8(bytes).ok()?)?;
                Parsed::Entry(layer, doc, Arc::new(entry))
            }
            Handed::Document(at, bytes) => {
                let document: Arc<Document> = parse_bytes(bytes)?;
                let matches = text_matches(&document);
                Parsed::Document(at, document, matches)
            }
        })
    }
}

fn parse_bytes<T: serde::de::DeserializeOwned>(bytes: Vec<u8>) -> Option<T> {
    ron::from_str(&String::from_utf8(bytes).ok()?).ok()
}

/// Whether a document's text has the hash stored with it.
fn text_matches(document: &Document) -> bool {
    ContentHash::of(&document.text) == document.hash
}

/// The way to the second thread, and how many entries wait for it.
struct Second<'a> {
    tx: SyncSender<Handed>,
    queued: &'a AtomicUsize,
}

impl Second<'_> {
    /// Whether the second thread has room for another entry.
    fn has_room(&self) -> bool {
        self.queued.load(Ordering::Relaxed) < QUEUE
    }

    fn hand(&mut self, entry: Handed) -> Step<()> {
        self.queued.fetch_add(1, Ordering::Relaxed);
        self.tx.send(entry).map_err(|_| Stop::Surprise)
    }
}

/// The documents as read (`None` where one was handed to the second thread), and whether
/// the texts of those read here matched their hashes.
type Documents = (Vec<Option<Arc<Document>>>, bool);

fn read_project<R: Read>(
    input: &mut Input<R>,
    second: &mut Second,
    oldest: u32,
) -> Step<(Project, Documents)> {
    while input.buf.len() < 4096 && input.fill()? {}
    // Only the current syntax: `(` then `version: N` with 2 <= N <= the current version.
    let head = input.buf.get(..input.buf.len().min(4096)).unwrap_or_default();
    let version = super::format::leading_version(&String::from_utf8_lossy(head));
    if !version.is_some_and(|v| (oldest..=FORMAT_VERSION).contains(&v)) {
        return Err(Stop::Surprise);
    }
    if input.buf.starts_with("\u{feff}".as_bytes()) {
        input.pos = 3;
    }
    input.expect(b'(')?;
    let mut rest = String::from("(");
    let mut seen: Vec<String> = Vec::new();
    let mut layers = None;
    let mut gold = None;
    let mut documents = None;
    while !input.at_close(b')', seen.is_empty())? {
        let name = input.ident()?;
        if name.is_empty() || seen.contains(&name) {
            return Err(Stop::Surprise);
        }
        input.expect(b':')?;
        input.next_byte()?;
        match name.as_str() {
            "layers" => layers = Some(read_layers(input, second)?),
            "gold" => gold = Some(read_layer(input, None)?),
            "documents" => documents = Some(read_documents(input, second)?),
            _ => {
                let start = input.pos;
                let end = input.value_end()?;
                rest.push_str(&name);
                rest.push_str(": ");
                rest.push_str(input.text(start..end)?);
                rest.push_str(",\n");
                input.pos = end;
            }
        }
        seen.push(name);
        input.consume();
    }
    // Nothing but blanks and comments after the struct.
    while input.fill()? {}
    // The whole file was read (and hashed) by now.
    if Scan::new(input.pos).blank_end(&input.buf, true) != Some(input.buf.len()) {
        return Err(Stop::Surprise);
    }
    rest.push(')');
    let mut project: Project = ron::from_str(&rest).map_err(|_| Stop::Surprise)?;
    project.layers = layers.unwrap_or_default();
    project.gold = gold.unwrap_or_default();
    Ok((project, documents.unwrap_or((Vec::new(), true))))
}

/// `{ "name": (docs: { "doc": (…), … }), … }`, entry by entry.
fn read_layers<R: Read>(input: &mut Input<R>, second: &mut Second) -> Step<BTreeMap<String, Layer>> {
    let mut layers = BTreeMap::new();
    input.expect(b'{')?;
    while !input.at_close(b'}', layers.is_empty())? {
        let name: String = input.key()?;
        if layers.contains_key(&name) {
            return Err(Stop::Surprise); // an annotator twice: the whole reading decides
        }
        input.expect(b':')?;
        input.next_byte()?;
        let layer = read_layer(input, Some((&mut *second, &name)))?;
        layers.insert(name, layer);
    }
    Ok(layers)
}

/// One layer, `(docs: { "doc": (…), … })`, entry by entry. With the second thread (and
/// the layer's name), entries go to it while it has room; the gold layer is read here.
fn read_layer<R: Read>(input: &mut Input<R>, mut second: Option<(&mut Second, &str)>) -> Step<Layer> {
    input.expect(b'(')?;
    input.next_byte()?;
    if input.ident()? != "docs" {
        return Err(Stop::Surprise);
    }
    input.expect(b':')?;
    input.expect(b'{')?;
    let mut layer = Layer::default();
    let mut seen = std::collections::HashSet::new();
    while !input.at_close(b'}', seen.is_empty())? {
        let doc: DocId = input.key()?;
        if !seen.insert(doc.clone()) {
            return Err(Stop::Surprise); // a document twice in a layer: the whole reading decides
        }
        input.expect(b':')?;
        input.next_byte()?;
        match &mut second {
            Some((second, name)) if second.has_room() => {
                let bytes = input.value_bytes()?;
                second.hand(Handed::Entry(name.to_string(), doc, bytes))?;
            }
            _ => {
                let start = input.pos;
                input.pos = input.value_end()?;
                let entry = layer_entry::parse(input.text(start..input.pos)?).ok_or(Stop::Surprise)?;
                layer.docs.insert(doc, Arc::new(entry));
            }
        }
        input.consume();
    }
    if input.next_byte()? == b',' {
        input.pos += 1;
    }
    input.expect(b')')?;
    Ok(layer)
}

/// `[ (id: …, text: …), … ]`, document by document.
fn read_documents<R: Read>(input: &mut Input<R>, second: &mut Second) -> Step<Documents> {
    let mut documents = Vec::new();
    let mut texts_match = true;
    input.expect(b'[')?;
    while !input.at_close(b']', documents.is_empty())? {
        if second.has_room() {
            second.hand(Handed::Document(documents.len(), input.value_bytes()?))?;
            documents.push(None);
        } else {
            let document: Arc<Document> = input.value()?;
            texts_match &= text_matches(&document);
            documents.push(Some(document));
        }
        input.consume();
    }
    documents.shrink_to_fit();
    Ok((documents, texts_match))
}

mod layer_entry;
#[cfg(test)]
mod tests;
