//! Reading a project file as it comes off the disk, one document entry at a time, so a
//! large file is never held whole next to the project being built from it.
//!
//! The file is read in pieces of up to a megabyte. Its top-level fields are found with the
//! same scanner as `split` (brackets, strings, raw strings and characters); the annotator
//! layers and the documents are parsed entry by entry (each layer's spans and links on one
//! document; one document), and the bytes behind an entry are dropped once it is parsed.
//! Two layer entries of every three are handed to a helper thread (their text copied, a
//! few kilobytes each), so the parsing uses two cores. The gold layer is read entry by
//! entry too; the other fields (name, labels, …) are small and parsed together at the end.
//!
//! Only files in the current syntax (version 2 and up, written as the writer writes) are
//! read this way. Anything unexpected returns `Ok(None)` and the caller reads the whole
//! file the usual way, which also reports the error with its line and column. Tests
//! compare both readings.

use super::split::{raw_string_end, skip_blank, string_end, value_end};
use crate::model::{DocId, Document, FORMAT_VERSION, Layer, LayerDoc, Project, interning};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Read;
use std::sync::Arc;
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
}

/// The bytes read and not yet consumed, and where the scan is among them.
struct Input<R> {
    src: R,
    buf: Vec<u8>,
    /// Where each read lands before it joins `buf`.
    scratch: Vec<u8>,
    pos: usize,
    eof: bool,
    hasher: Sha256,
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
        self.hasher.update(read);
        self.len += got as u64;
        if self.len > self.limit {
            return Err(Stop::Io(std::io::Error::other(format!("the file is over {} bytes", self.limit))));
        }
        Ok(true)
    }

    /// Runs `find` on the bytes read so far, reading more while it needs more (`None`).
    fn need<T>(&mut self, find: impl Fn(&[u8], usize) -> Option<T>) -> Step<T> {
        loop {
            if let Some(found) = find(&self.buf, self.pos) {
                return Ok(found);
            }
            if !self.fill()? {
                return Err(Stop::Surprise);
            }
        }
    }

    /// The byte at `pos` after blanks, reading more as needed; the scan moves to it.
    fn next_byte(&mut self) -> Step<u8> {
        let at = self.need(|b, pos| {
            let i = skip_blank(b, pos);
            b.get(i).map(|_| i)
        })?;
        self.pos = at;
        self.buf.get(at).copied().ok_or(Stop::Surprise)
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

    /// The string (plain or raw) at the scan position, parsed; the scan moves past it.
    fn key<T: serde::de::DeserializeOwned>(&mut self) -> Step<T> {
        let start = self.pos;
        let end = self.need(|b, pos| match b.get(pos)? {
            b'"' => string_end(b, pos),
            b'r' => raw_string_end(b, pos),
            _ => Some(usize::MAX),
        })?;
        if end == usize::MAX {
            return Err(Stop::Surprise);
        }
        self.pos = end;
        ron::from_str(self.text(start..end)?).map_err(|_| Stop::Surprise)
    }

    /// The value at the scan position, parsed; the scan moves past it.
    fn value<T: serde::de::DeserializeOwned>(&mut self) -> Step<T> {
        let start = self.pos;
        let end = self.need(value_end)?;
        self.pos = end;
        ron::from_str(self.text(start..end)?).map_err(|_| Stop::Surprise)
    }

    /// An identifier at the scan position (a field name).
    fn ident(&mut self) -> Step<String> {
        let start = self.pos;
        let end = self.need(|b, pos| {
            let mut i = pos;
            while b.get(i)?.is_ascii_alphanumeric() || b.get(i) == Some(&b'_') {
                i += 1;
            }
            Some(i)
        })?;
        self.pos = end;
        Ok(self.text(start..end)?.to_string())
    }
}

/// Reads a project from `src` (at most `limit` bytes) as described in the module
/// documentation. `Ok(None)`: not a file for this reading; read it whole instead.
pub(crate) fn read_streaming(src: impl Read, limit: u64) -> std::io::Result<Option<Streamed>> {
    let mut input = Input {
        src,
        buf: Vec::with_capacity(2 * CHUNK),
        scratch: vec![0; READ],
        pos: 0,
        eof: false,
        hasher: Sha256::new(),
        len: 0,
        limit,
    };
    // Most layer entries are parsed by a helper thread; the channel is bounded, so little
    // text waits in it.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Handed>(256);
    let (read, handed) = std::thread::scope(|scope| {
        let helper = scope.spawn(move || {
            interning(|| {
                rx.iter()
                    .map(|(layer, doc, text)| Some((layer, doc, ron::from_str::<Arc<LayerDoc>>(&text).ok()?)))
                    .collect::<Option<Vec<_>>>()
            })
        });
        let read = interning(|| read_project(&mut input, tx));
        (read, helper.join().ok().flatten())
    });
    let mut project = match read {
        Ok(project) => project,
        Err(Stop::Io(e)) => return Err(e),
        Err(Stop::Surprise) => return Ok(None),
    };
    let Some(handed) = handed else { return Ok(None) };
    for (layer, doc, layer_doc) in handed {
        let Some(layer) = project.layers.get_mut(&layer) else { return Ok(None) };
        layer.docs.insert(doc, layer_doc);
    }
    Ok(Some(Streamed { project, hash: input.hasher.finalize().into(), len: input.len }))
}

/// A layer entry handed to the helper thread: the layer's name, the document, the text.
type Handed = (String, DocId, String);

fn read_project<R: Read>(input: &mut Input<R>, helper: SyncSender<Handed>) -> Step<Project> {
    while input.buf.len() < 4096 && input.fill()? {}
    // Only the current syntax: `(` then `version: N` with 2 <= N <= the current version.
    let head = input.buf.get(..input.buf.len().min(4096)).unwrap_or_default();
    let version = super::format::leading_version(&String::from_utf8_lossy(head));
    if !version.is_some_and(|v| (2..=FORMAT_VERSION).contains(&v)) {
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
    loop {
        match input.next_byte()? {
            b')' => break,
            b',' => {
                input.pos += 1;
                continue;
            }
            _ => {}
        }
        let name = input.ident()?;
        if name.is_empty() || seen.contains(&name) {
            return Err(Stop::Surprise);
        }
        input.expect(b':')?;
        input.next_byte()?;
        match name.as_str() {
            "layers" => layers = Some(read_layers(input, &helper)?),
            "gold" => gold = Some(read_layer(input, None, &mut 0)?),
            "documents" => documents = Some(read_documents(input)?),
            _ => {
                let start = input.pos;
                let end = input.need(value_end)?;
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
    // Nothing but blanks after the struct.
    input.pos += 1;
    while input.fill()? {}
    // The whole file was read (and hashed) by now.
    if skip_blank(&input.buf, input.pos) != input.buf.len() {
        return Err(Stop::Surprise);
    }
    rest.push(')');
    let mut project: Project = ron::from_str(&rest).map_err(|_| Stop::Surprise)?;
    project.layers = layers.unwrap_or_default();
    project.gold = gold.unwrap_or_default();
    project.documents = documents.unwrap_or_default();
    Ok(project)
}

/// `{ "name": (docs: { "doc": (…), … }), … }`, entry by entry.
fn read_layers<R: Read>(input: &mut Input<R>, helper: &SyncSender<Handed>) -> Step<BTreeMap<String, Layer>> {
    let mut layers = BTreeMap::new();
    // Two entries of every three go to the helper: this thread also scans, copies and
    // reads the documents.
    let mut turn = 0u8;
    input.expect(b'{')?;
    loop {
        match input.next_byte()? {
            b'}' => {
                input.pos += 1;
                return Ok(layers);
            }
            b',' => {
                input.pos += 1;
                continue;
            }
            _ => {}
        }
        let name: String = input.key()?;
        if layers.contains_key(&name) {
            return Err(Stop::Surprise); // an annotator twice: the whole reading decides
        }
        input.expect(b':')?;
        input.next_byte()?;
        let layer = read_layer(input, Some((helper, &name)), &mut turn)?;
        layers.insert(name, layer);
    }
}

/// One layer, `(docs: { "doc": (…), … })`, entry by entry. With a helper (and the layer's
/// name), two entries of three are handed to it; the gold layer is read here.
fn read_layer<R: Read>(
    input: &mut Input<R>,
    helper: Option<(&SyncSender<Handed>, &str)>,
    turn: &mut u8,
) -> Step<Layer> {
    input.expect(b'(')?;
    input.next_byte()?;
    if input.ident()? != "docs" {
        return Err(Stop::Surprise);
    }
    input.expect(b':')?;
    input.expect(b'{')?;
    let mut layer = Layer::default();
    let mut seen = std::collections::HashSet::new();
    loop {
        match input.next_byte()? {
            b'}' => {
                input.pos += 1;
                break;
            }
            b',' => {
                input.pos += 1;
                continue;
            }
            _ => {}
        }
        let doc: DocId = input.key()?;
        if !seen.insert(doc.clone()) {
            return Err(Stop::Surprise); // a document twice in a layer: the whole reading decides
        }
        input.expect(b':')?;
        input.next_byte()?;
        *turn = (*turn + 1) % 3;
        match helper {
            Some((helper, name)) if *turn != 0 => {
                let start = input.pos;
                let end = input.need(value_end)?;
                input.pos = end;
                let text = input.text(start..end)?.to_string();
                helper.send((name.to_string(), doc, text)).map_err(|_| Stop::Surprise)?;
            }
            _ => {
                let layer_doc: Arc<LayerDoc> = input.value()?;
                layer.docs.insert(doc, layer_doc);
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
fn read_documents<R: Read>(input: &mut Input<R>) -> Step<Vec<Arc<Document>>> {
    let mut documents = Vec::new();
    input.expect(b'[')?;
    loop {
        match input.next_byte()? {
            b']' => {
                input.pos += 1;
                documents.shrink_to_fit();
                return Ok(documents);
            }
            b',' => {
                input.pos += 1;
                continue;
            }
            _ => {}
        }
        documents.push(input.value::<Arc<Document>>()?);
        input.consume();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_projects::sample_project;

    fn read(text: &str) -> Option<Project> {
        // A reader that hands out a few bytes at a time, so entries straddle the reads.
        struct Trickle<'a>(&'a [u8]);
        impl Read for Trickle<'_> {
            fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
                let n = self.0.len().min(out.len()).min(97);
                out.get_mut(..n).unwrap_or_default().copy_from_slice(self.0.get(..n).unwrap_or_default());
                self.0 = self.0.get(n..).unwrap_or_default();
                Ok(n)
            }
        }
        let streamed = read_streaming(Trickle(text.as_bytes()), u64::MAX).ok()??;
        assert_eq!(streamed.len, text.len() as u64);
        assert_eq!(streamed.hash, <[u8; 32]>::from(Sha256::digest(text.as_bytes())));
        Some(streamed.project)
    }

    #[test]
    fn streaming_gives_the_same_project_as_the_whole_text() {
        let project = sample_project();
        let text = crate::store::to_ron(&project);
        let streamed = read(&text).expect("the writer's layout streams");
        let whole: Project = interning(|| ron::from_str(&text)).unwrap();
        assert_eq!(streamed, whole);
        assert_eq!(streamed, project);
    }

    #[test]
    fn tricky_notes_and_many_layers_stream_like_the_whole() {
        let project = crate::store::split::tests::tricky_project();
        let text = crate::store::to_ron(&project);
        let streamed = read(&text).expect("the writer's layout streams");
        assert_eq!(streamed, project);
        // Read from a file, in chunks as the disk gives them.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        std::fs::write(&path, &text).unwrap();
        let streamed = read_streaming(std::fs::File::open(&path).unwrap(), u64::MAX).unwrap().unwrap();
        assert_eq!(streamed.project, project);
        assert!(read_streaming(std::fs::File::open(&path).unwrap(), 1000).is_err(), "over the limit");
    }

    #[test]
    fn surprises_are_left_to_the_whole_reading() {
        let text = crate::store::to_ron(&sample_project());
        for damaged in [
            text.replacen("spans: [", "spans: [[", 1),
            text.replacen("version: 3,", "version: 1,", 1),
            text.replacen("version: 3,", "version: 9,", 1),
            text.replacen("name:", "name: \"x\",\n    name:", 1),
            format!("{text} trailing"),
            text.replacen("(\n", "Project(\n", 1),
            text[..text.len() / 2].to_string(),
        ] {
            assert!(read(&damaged).is_none(), "{}", &damaged[..80]);
        }
    }
}
