//! Import of plain-text articles (`.txt` files, and folders of them) into a project.
//!
//! The text is decoded as UTF-8 (a byte order mark is stripped) and its line endings are
//! normalized to `\n` (CRLF and lone CR alike). From then on the stored text is the
//! reference for every offset. Files that are not UTF-8, look binary (NUL bytes) or hold
//! no text are refused one by one, with the reason; the others are still imported. A text
//! already in the project (same content hash) is skipped and reported.
//!
//! Only the project in memory changes: the caller saves it once, atomically, at the end.

use crate::model::{ContentHash, DocId, Document, Project};
use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use unicode_general_category::{GeneralCategory, get_general_category};

/// Why one file was not imported.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SkipReason {
    #[error("cannot read it: {0}")]
    Unreadable(String),
    #[error("not UTF-8 text (invalid byte at offset {offset}); save it as UTF-8 and import it again")]
    InvalidUtf8 { offset: usize },
    #[error("UTF-16 text is not supported; save it as UTF-8 and import it again")]
    Utf16,
    #[error("looks binary (NUL byte at offset {offset}), not a text file")]
    Binary { offset: usize },
    #[error("holds no text (empty, or only white space and invisible characters)")]
    Empty,
    #[error("same text as document \"{0}\", already in the project")]
    Duplicate(DocId),
    /// Not something this importer reads (the message says what was expected).
    #[error("{0}")]
    Unsupported(String),
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Documents added, in import order.
    pub added: Vec<DocId>,
    /// Files not imported, with the reason, in import order.
    pub skipped: Vec<(PathBuf, SkipReason)>,
}

impl ImportReport {
    /// Adds another report's entries after this one's.
    pub fn extend(&mut self, other: ImportReport) {
        self.added.extend(other.added);
        self.skipped.extend(other.skipped);
    }
}

/// Whether a file name has the `.txt` extension (any case).
pub fn is_text_file(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

/// Imports a `.txt` file, or every `.txt` file under a folder (recursively, sorted by
/// path; hidden entries and other files are passed over).
pub fn import_texts(project: &mut Project, path: &Path) -> ImportReport {
    let mut report = ImportReport::default();
    let files = if path.is_dir() {
        match text_files_under(path) {
            Ok(files) => files,
            Err((at, error)) => {
                report.skipped.push((at, SkipReason::Unreadable(error.to_string())));
                return report;
            }
        }
    } else {
        vec![path.to_path_buf()]
    };
    let mut index = DocIndex::of(project);
    for file in files {
        match super::input::read_input(&file) {
            Ok(bytes) => match import_indexed(project, &mut index, &file, &bytes) {
                Ok(id) => report.added.push(id),
                Err(reason) => report.skipped.push((file, reason)),
            },
            Err(error) => report.skipped.push((file, SkipReason::Unreadable(error.to_string()))),
        }
    }
    report
}

/// The project's document ids and text hashes, kept up to date during an import so that
/// each file costs a lookup, not a pass over every document.
struct DocIndex {
    hashes: HashMap<ContentHash, DocId>,
    ids: HashSet<String>,
}

impl DocIndex {
    fn of(project: &Project) -> Self {
        Self {
            hashes: project.documents.iter().map(|d| (d.hash.clone(), d.id.clone())).collect(),
            ids: project.documents.iter().map(|d| d.id.to_string()).collect(),
        }
    }

    /// A document id from `stem` (see [`crate::model::clean_name`]) that no document uses.
    fn fresh_id(&mut self, stem: &str) -> DocId {
        let base = crate::model::clean_name(stem).unwrap_or_else(|| "doc".to_string());
        let mut id = base.clone();
        let mut n = 2;
        while self.ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.ids.insert(id.clone());
        DocId::new(id)
    }
}

/// The `.txt` files under `dir`, recursively, sorted by path. Symlinked folders are not
/// followed (no loops); symlinked files are.
pub fn text_files_under(dir: &Path) -> Result<Vec<PathBuf>, (PathBuf, std::io::Error)> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = fs::read_dir(&folder).map_err(|e| (folder.clone(), e))?;
        for entry in entries {
            let entry = entry.map_err(|e| (folder.clone(), e))?;
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let kind = entry.file_type().map_err(|e| (path.clone(), e))?;
            if kind.is_dir() {
                folders.push(path);
            } else if is_text_file(&path) && (kind.is_file() || path.is_file()) {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Adds one text, given as the file's bytes, to the project. `path` gives the document id
/// (its stem) and source (its file name).
pub fn import_text_bytes(project: &mut Project, path: &Path, bytes: &[u8]) -> Result<DocId, SkipReason> {
    let mut index = DocIndex::of(project);
    import_indexed(project, &mut index, path, bytes)
}

fn import_indexed(
    project: &mut Project,
    index: &mut DocIndex,
    path: &Path,
    bytes: &[u8],
) -> Result<DocId, SkipReason> {
    let text = decode_text(bytes)?;
    let hash = ContentHash::of(&text);
    if let Some(existing) = index.hashes.get(&hash) {
        return Err(SkipReason::Duplicate(existing.clone()));
    }
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let source = path.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let id = index.fresh_id(&stem);
    index.hashes.insert(hash, id.clone());
    project.push_document(Document::new(id.clone(), source, text));
    Ok(id)
}

/// Decodes a text file: UTF-8 with or without BOM, line endings normalized to `\n`.
pub fn decode_text(bytes: &[u8]) -> Result<String, SkipReason> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(SkipReason::Utf16);
    }
    // A BOM marks the encoding, it is not text; tools that convert twice leave two.
    let mut body = bytes;
    while let Some(rest) = body.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        body = rest;
    }
    if let Some(offset) = body.iter().position(|&b| b == 0) {
        return Err(SkipReason::Binary { offset: offset + (bytes.len() - body.len()) });
    }
    let text = std::str::from_utf8(body)
        .map_err(|e| SkipReason::InvalidUtf8 { offset: e.valid_up_to() + (bytes.len() - body.len()) })?;
    if !text.chars().any(is_visible) {
        return Err(SkipReason::Empty);
    }
    Ok(normalize_line_endings(text))
}

/// Whether a character shows: not white space and not an invisible format character
/// (zero-width spaces and joiners, bidi marks, BOMs).
fn is_visible(c: char) -> bool {
    !c.is_whitespace() && get_general_category(c) != GeneralCategory::Format
}

/// Turns CRLF and lone CR into LF.
pub fn normalize_line_endings(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> Project {
        Project::new("t")
    }

    #[test]
    fn bom_is_stripped_and_line_endings_normalized() {
        let bytes = "\u{feff}سطر أول\r\nسطر ثانٍ\rثالث\n".as_bytes();
        assert_eq!(decode_text(bytes).unwrap(), "سطر أول\nسطر ثانٍ\nثالث\n");
    }

    #[test]
    fn bad_files_are_refused_with_reasons() {
        assert_eq!(decode_text(b"abc\xffdef"), Err(SkipReason::InvalidUtf8 { offset: 3 }));
        assert_eq!(decode_text(b"\xef\xbb\xbfab\xc3"), Err(SkipReason::InvalidUtf8 { offset: 5 }));
        assert_eq!(decode_text(b"ab\0cd"), Err(SkipReason::Binary { offset: 2 }));
        assert_eq!(decode_text(b"\xff\xfea\0b\0"), Err(SkipReason::Utf16));
        assert_eq!(decode_text(b""), Err(SkipReason::Empty));
        assert_eq!(decode_text(b" \r\n\t\n"), Err(SkipReason::Empty));
        assert_eq!(decode_text(b"\xef\xbb\xbf"), Err(SkipReason::Empty));
    }

    #[test]
    fn regression_double_bom_and_invisible_only_texts_are_empty() {
        // Found by the import_text fuzz target: two BOMs made a document of one U+FEFF.
        assert_eq!(decode_text(b"\xef\xbb\xbf\xef\xbb\xbf"), Err(SkipReason::Empty));
        assert_eq!(decode_text("\u{200f}\u{200b} \n\u{feff}".as_bytes()), Err(SkipReason::Empty));
        assert_eq!(decode_text(b"\xef\xbb\xbf\xef\xbb\xbfa").unwrap(), "a");
        assert_eq!(decode_text("\u{200f}نص".as_bytes()).unwrap(), "\u{200f}نص");
    }

    #[test]
    fn id_title_and_source_come_from_the_file() {
        let mut p = project();
        let id = import_text_bytes(&mut p, Path::new("in/خبر عاجل.txt"), "\n  العنوان  \nالنص".as_bytes())
            .unwrap();
        assert_eq!(id.as_str(), "خبر_عاجل");
        let doc = p.document(&id).unwrap();
        assert_eq!(doc.title, "العنوان");
        assert_eq!(doc.source, "خبر عاجل.txt");
        assert_eq!(doc.hash, ContentHash::of(&doc.text));
    }

    #[test]
    fn duplicates_are_skipped_and_same_stems_get_new_ids() {
        let mut p = project();
        let a = import_text_bytes(&mut p, Path::new("a/x.txt"), b"one\n").unwrap();
        // The same text with other line endings and a BOM is the same document.
        let again = import_text_bytes(&mut p, Path::new("b/y.txt"), b"\xef\xbb\xbfone\r\n");
        assert_eq!(again, Err(SkipReason::Duplicate(a)));
        let b = import_text_bytes(&mut p, Path::new("b/x.txt"), b"two").unwrap();
        assert_eq!(b.as_str(), "x-2");
    }

    #[test]
    fn folders_are_walked_recursively_in_path_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("b/deep")).unwrap();
        fs::write(root.join("b/deep/3.txt"), "ثلاثة").unwrap();
        fs::write(root.join("b/2.TXT"), "اثنان").unwrap();
        fs::write(root.join("a.txt"), "واحد").unwrap();
        fs::write(root.join("notes.md"), "not imported").unwrap();
        fs::write(root.join(".hidden.txt"), "not imported").unwrap();
        fs::write(root.join("empty.txt"), "  \n").unwrap();
        fs::write(root.join("bin.txt"), b"\x89PNG\0\0").unwrap();
        let mut p = project();
        let report = import_texts(&mut p, root);
        let ids: Vec<&str> = report.added.iter().map(DocId::as_str).collect();
        assert_eq!(ids, ["a", "2", "3"]);
        let skipped: Vec<_> = report
            .skipped
            .iter()
            .map(|(path, r)| (path.strip_prefix(root).unwrap().to_path_buf(), r))
            .collect();
        assert_eq!(
            skipped,
            [
                (PathBuf::from("bin.txt"), &SkipReason::Binary { offset: 4 }),
                (PathBuf::from("empty.txt"), &SkipReason::Empty)
            ]
        );
        assert_eq!(p.validate(), vec![]);
    }

    #[test]
    fn missing_file_is_reported() {
        let mut p = project();
        let report = import_texts(&mut p, Path::new("/nonexistent/a.txt"));
        assert!(report.added.is_empty());
        assert!(matches!(report.skipped[0].1, SkipReason::Unreadable(_)));
    }
}
