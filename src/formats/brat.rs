//! brat standoff: per document `ID.txt` (the exact stored text) and `ID.ann`.
//!
//! Each span is a text-bound line `T1<TAB>label START END<TAB>text`. brat reads `.ann`
//! files line by line, so a span that crosses a line break becomes a discontinuous
//! annotation `START END;START END` with one fragment per line, and its text is the
//! fragments joined by a space, as brat expects. Offsets are code points over the
//! `.txt` file (brat reads both files as UTF-8 strings and indexes them by character).
//! Each span also gets `#N<TAB>AnnotatorNotes TN<TAB>annotator: NAME` (with
//! `; suggested: RULE` for a suggestion, then `; note: NOTE` when it has one). A span's attributes follow it as `A` lines,
//! `A1<TAB>value T3 43` (numbers without a fraction when whole), and a yes/no attribute
//! that is set as `A2<TAB>name T3`. Relations come last, `R1<TAB>denies Arg1:T2 Arg2:T1`
//! (head as `Arg1`, tail as `Arg2`). The folder also gets `annotation.conf` (entity types,
//! relation types with the labels they allow, attributes with the values used, and a
//! comment saying offsets are code points) and `visual.conf` (colours), so brat and
//! INCEpTION can open it directly.

use super::FormatError;
use super::select::ExportDoc;
use crate::model::{AttrValue, CharRange, Project};
use std::collections::BTreeMap;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Characters that end a line for Python's `str.splitlines`, which brat's reader uses.
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\u{0b}'
            | '\u{0c}'
            | '\u{1c}'
            | '\u{1d}'
            | '\u{1e}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Writes a brat folder one document at a time.
///
/// The folder is written whole: the files go into a fresh temporary folder beside `dir`
/// (created by us, so nothing is written through a link), which takes the place of `dir`
/// in [`FolderWriter::finish`]. A failed or cancelled export removes it and leaves `dir`
/// as it was. `dir` may be missing, empty, or a folder a previous brat export wrote (only
/// `.txt`, `.ann` and the two `.conf` files, no links or subfolders): its old files are
/// all replaced, so no stale document stays behind. Anything else is refused.
pub struct FolderWriter {
    /// Where the folder goes.
    target: PathBuf,
    /// The temporary folder being written; removed on drop unless finished.
    dir: PathBuf,
    finished: bool,
    stems: BTreeSet<String>,
    types: BTreeSet<String>,
    /// Relation types used, for the configuration.
    relation_types: BTreeSet<String>,
    /// Attribute name -> (entity types it was found on, values written), for the configuration.
    attributes: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)>,
    /// Notes and values whose line breaks or tabs were written as spaces.
    flattened: usize,
}

/// The first line of the `annotation.conf` every brat export writes: marks a folder as one.
const CONF_HEADER: &str = "# Entity types of this export.";

impl FolderWriter {
    /// Checks `dir` and creates the temporary folder beside it (and `dir`'s parents when
    /// missing).
    pub fn create(dir: &Path) -> Result<Self, FormatError> {
        let target = check_target(dir)?;
        let parent = crate::store::atomic::parent_dir(&target);
        std::fs::create_dir_all(parent).map_err(FormatError::write(parent))?;
        let temp = crate::store::atomic::temp_path(&target);
        std::fs::create_dir(&temp).map_err(FormatError::write(&temp))?;
        Ok(Self {
            target,
            dir: temp,
            finished: false,
            stems: BTreeSet::new(),
            types: BTreeSet::new(),
            relation_types: BTreeSet::new(),
            attributes: BTreeMap::new(),
            flattened: 0,
        })
    }

    /// Writes `ID.txt` and `ID.ann` for one document.
    pub fn write_doc(&mut self, doc: &ExportDoc<'_>) -> Result<(), FormatError> {
        let stem = self.unique_stem(doc.doc.id.as_str());
        let mut ann = String::new();
        let mut n = 0;
        let mut attribute_lines = 0;
        // The `T` number of each exported span (none when it has no fragment to write).
        let mut t_ids: Vec<Option<usize>> = Vec::with_capacity(doc.spans.len());
        for s in &doc.spans {
            let fragments = fragments(&doc.doc.text, doc, s.range());
            if fragments.is_empty() {
                t_ids.push(None);
                continue;
            }
            n += 1;
            t_ids.push(Some(n));
            let label = entity_type(s.span.label.as_str());
            self.types.insert(label.clone());
            let offsets: Vec<String> =
                fragments.iter().map(|(r, _)| format!("{} {}", r.start, r.end)).collect();
            let texts: Vec<&str> = fragments.iter().map(|(_, t)| *t).collect();
            let _ = writeln!(ann, "T{n}\t{label} {}\t{}", offsets.join(";"), texts.join(" "));
            let mut note = format!("annotator: {}", one_line(s.annotator).replace(';', ","));
            if let Some(rule) = s.rule() {
                let _ = write!(note, "; suggested: {}", one_line(rule).replace(';', ","));
            }
            if let Some(text) = &s.span.note {
                self.flattened += usize::from(!is_one_line(text));
                let _ = write!(note, "; note: {}", one_line(text));
            }
            let _ = writeln!(ann, "#{n}\tAnnotatorNotes T{n}\t{note}");
            for (name, value) in s.span.attributes.iter() {
                let name = entity_type(name);
                let written = match value {
                    AttrValue::Flag(false) => continue,
                    AttrValue::Flag(true) => None,
                    other => {
                        let text = other.to_string();
                        self.flattened += usize::from(!is_one_line(&text));
                        Some(one_line(&text))
                    }
                };
                attribute_lines += 1;
                let (on, values) = self.attributes.entry(name.clone()).or_default();
                on.insert(label.clone());
                match written {
                    Some(value) => {
                        let _ = writeln!(ann, "A{attribute_lines}\t{name} T{n} {value}");
                        values.insert(value);
                    }
                    None => {
                        let _ = writeln!(ann, "A{attribute_lines}\t{name} T{n}");
                    }
                }
            }
        }
        let mut r = 0;
        for relation in &doc.relations {
            let (Some(Some(head)), Some(Some(tail))) = (t_ids.get(relation.head), t_ids.get(relation.tail))
            else {
                continue;
            };
            r += 1;
            let kind = entity_type(relation.relation.kind.as_str());
            let _ = writeln!(ann, "R{r}\t{kind} Arg1:T{head} Arg2:T{tail}");
            self.relation_types.insert(kind);
        }
        write_new(&self.dir.join(format!("{stem}.txt")), doc.doc.text.as_bytes())?;
        write_new(&self.dir.join(format!("{stem}.ann")), ann.as_bytes())
    }

    /// Writes `annotation.conf` and `visual.conf`.
    ///
    /// Returns what brat's files could not hold exactly, one message each: line breaks and
    /// tabs written as spaces, attribute values that `annotation.conf` cannot list.
    pub fn finish(mut self, project: &Project) -> Result<Vec<String>, FormatError> {
        let mut losses = Vec::new();
        if self.flattened > 0 {
            losses.push(format!(
                "{} notes or attribute values held a line break or a tab, written as a space (a brat \
                 annotation is one line)",
                self.flattened
            ));
        }
        let mut annotation = String::from(
            "# Entity types of this export. Offsets in the .ann files count Unicode code points\n\
             # (characters) over the .txt files, which hold each document's text exactly.\n[entities]\n",
        );
        let mut visual = String::from("[labels]\n");
        let mut drawing = String::from("[drawing]\n");
        for label in &project.labels {
            let name = entity_type(label.id.as_str());
            self.types.remove(&name);
            let _ = writeln!(annotation, "{name}");
            let _ = writeln!(visual, "{name} | {}", one_line(&label.name).replace('|', "/"));
            let _ = writeln!(drawing, "{name}\tbgColor:{}", label.color.to_hex());
        }
        for name in &self.types {
            let _ = writeln!(annotation, "{name}");
        }
        annotation.push_str("\n[relations]\n");
        let any = |ids: &[crate::model::LabelId]| {
            if ids.is_empty() {
                "<ENTITY>".to_string()
            } else {
                ids.iter().map(|id| entity_type(id.as_str())).collect::<Vec<_>>().join("|")
            }
        };
        for kind in &project.relation_types {
            let name = entity_type(kind.id.as_str());
            self.relation_types.remove(&name);
            let _ = writeln!(annotation, "{name}\tArg1:{}, Arg2:{}", any(&kind.heads), any(&kind.tails));
            let _ = writeln!(drawing, "{name}\tcolor:{}", kind.color.to_hex());
        }
        for name in &self.relation_types {
            let _ = writeln!(annotation, "{name}\tArg1:<ENTITY>, Arg2:<ENTITY>");
        }
        annotation.push_str("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n");
        annotation.push_str("\n[events]\n\n[attributes]\n");
        // brat lists an attribute's values; number and text attributes list those written.
        let mut declared: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
        for label in &project.labels {
            for def in &label.attributes {
                let (on, values) = declared.entry(entity_type(&def.name)).or_default();
                on.insert(entity_type(label.id.as_str()));
                if let crate::model::AttributeKind::Choice { options } = &def.kind {
                    values.extend(options.iter().map(|o| one_line(o)));
                }
            }
        }
        for (name, (on, values)) in std::mem::take(&mut self.attributes) {
            let (all_on, all_values) = declared.entry(name).or_default();
            all_on.extend(on);
            all_values.extend(values);
        }
        for (name, (on, values)) in &declared {
            let on: Vec<&str> = on.iter().map(String::as_str).collect();
            let (values, unlisted): (Vec<&String>, Vec<&String>) =
                values.iter().partition(|v| !v.contains([',', '|', '\t']));
            if !unlisted.is_empty() {
                let shown: Vec<String> = unlisted.iter().map(|v| format!("{v:?}")).collect();
                losses.push(format!(
                    "attribute {name}: the values {} hold ',' or '|', which annotation.conf cannot list; \
                     brat will flag the lines that use them",
                    shown.join(", ")
                ));
            }
            let values: Vec<&str> = values.iter().map(|v| v.as_str()).collect();
            if values.is_empty() {
                let _ = writeln!(annotation, "{name}\tArg:{}", on.join("|"));
            } else {
                let _ = writeln!(annotation, "{name}\tArg:{}, Value:{}", on.join("|"), values.join("|"));
            }
        }
        visual.push('\n');
        visual.push_str(&drawing);
        write_new(&self.dir.join("annotation.conf"), annotation.as_bytes())?;
        write_new(&self.dir.join("visual.conf"), visual.as_bytes())?;
        self.put_in_place()?;
        Ok(losses)
    }

    /// Moves the written folder to the target, replacing a previous export there.
    fn put_in_place(&mut self) -> Result<(), FormatError> {
        // Checked again: the folder may have changed while the export ran.
        check_target(&self.target)?;
        let old = crate::store::atomic::temp_path(&self.target);
        let had_old = match std::fs::rename(&self.target, &old) {
            Ok(()) => true,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
            Err(e) => return Err(FormatError::Write { path: self.target.clone(), error: e }),
        };
        if let Err(error) = std::fs::rename(&self.dir, &self.target) {
            if had_old {
                let _ = std::fs::rename(&old, &self.target);
            }
            return Err(FormatError::Write { path: self.target.clone(), error });
        }
        self.finished = true;
        if had_old {
            // Only regular files of a previous export are in it (checked above); removing
            // a folder never follows links.
            let _ = std::fs::remove_dir_all(&old);
        }
        Ok(())
    }

    fn unique_stem(&mut self, id: &str) -> String {
        let base: String = id
            .chars()
            .map(|c| if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' })
            .collect();
        let base = base.trim_start_matches('.');
        let base = if base.is_empty() { "doc".to_string() } else { base.to_string() };
        let mut stem = base.clone();
        let mut n = 2;
        while !self.stems.insert(stem.to_lowercase()) {
            stem = format!("{base}-{n}");
            n += 1;
        }
        stem
    }
}

impl Drop for FolderWriter {
    fn drop(&mut self) {
        if !self.finished {
            // The temporary folder is ours and holds nothing the user needs.
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Creates a file that must not exist yet (never writing through a link).
fn write_new(path: &Path, bytes: &[u8]) -> Result<(), FormatError> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(FormatError::write(path))?;
    file.write_all(bytes).map_err(FormatError::write(path))
}

/// The folder an export to `dir` replaces, after checking that it may: missing, empty,
/// or a previous brat export. Returns the path to write.
fn check_target(dir: &Path) -> Result<PathBuf, FormatError> {
    let refuse =
        |message: &str| Err(FormatError::Refused { path: dir.to_path_buf(), message: message.into() });
    let named = dir.file_name().is_some_and(|n| n != "." && n != "..");
    if !named || dir.as_os_str().is_empty() {
        return refuse("give a new folder name for a brat export, not the current or parent folder");
    }
    let meta = match std::fs::symlink_metadata(dir) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(dir.to_path_buf()),
        Err(error) => return Err(FormatError::Write { path: dir.to_path_buf(), error }),
    };
    if meta.file_type().is_symlink() {
        return refuse("the brat folder is a symbolic link; give the folder itself");
    }
    if !meta.is_dir() {
        return refuse("a brat export writes a folder, and this is a file");
    }
    let entries = std::fs::read_dir(dir).map_err(FormatError::read(dir))?;
    let mut empty = true;
    let mut ours = false;
    for entry in entries {
        let entry = entry.map_err(FormatError::read(dir))?;
        empty = false;
        let name = entry.file_name().to_string_lossy().into_owned();
        let kind = entry.file_type().map_err(FormatError::read(dir))?;
        let expected = name.ends_with(".txt") || name.ends_with(".ann") || name == "visual.conf";
        if kind.is_file() && name == "annotation.conf" {
            let conf = std::fs::read_to_string(entry.path()).unwrap_or_default();
            ours = conf.starts_with(CONF_HEADER);
        } else if !kind.is_file() || !expected {
            return refuse(&format!(
                "the folder holds {name:?}, which a brat export does not write; refusing to replace it \
                 (export to a new or empty folder)"
            ));
        }
    }
    if !empty && !ours {
        return refuse(
            "the folder is not empty and not a previous Hashiya brat export; refusing to replace it \
             (export to a new or empty folder)",
        );
    }
    Ok(dir.to_path_buf())
}

/// The line-break-free pieces of `range`, with their text.
fn fragments<'t>(text: &'t str, doc: &ExportDoc<'_>, range: CharRange) -> Vec<(CharRange, &'t str)> {
    let mut out: Vec<CharRange> = Vec::new();
    let Ok(span_text) = doc.index.slice(text, range) else { return Vec::new() };
    let mut start = range.start.0;
    for (i, c) in span_text.chars().enumerate() {
        let at = range.start.0 + i;
        if is_line_break(c) {
            if at > start {
                out.push(CharRange::new(start, at));
            }
            start = at + 1;
        }
    }
    if range.end.0 > start {
        out.push(CharRange::new(start, range.end.0));
    }
    out.into_iter().filter_map(|r| doc.index.slice(text, r).ok().map(|t| (r, t))).collect()
}

/// A label as a brat entity type: no whitespace.
fn entity_type(label: &str) -> String {
    label.chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect()
}

/// Whether `text` holds no line break or tab (written as it is).
fn is_one_line(text: &str) -> bool {
    !text.chars().any(|c| is_line_break(c) || c == '\t')
}

fn one_line(text: &str) -> String {
    text.chars().map(|c| if is_line_break(c) || c == '\t' { ' ' } else { c }).collect()
}

/// A text-bound annotation read from an `.ann` file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextBound {
    /// 1-based line number in the `.ann` file.
    pub line: usize,
    pub id: String,
    pub label: String,
    pub fragments: Vec<CharRange>,
    /// The text written after the offsets (fragments joined by a space).
    pub text: String,
}

/// A relation line, `R1<TAB>denies Arg1:T2 Arg2:T1`: the first argument is the head.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BratRelation {
    pub line: usize,
    pub kind: String,
    pub head: String,
    pub tail: String,
}

/// An attribute line, `A1<TAB>value T3 43` (or `M1`, brat's older name); a yes/no
/// attribute has no value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BratAttribute {
    pub line: usize,
    pub name: String,
    pub target: String,
    pub value: Option<String>,
}

/// The annotations of one `.ann` file that an import uses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AnnFile {
    pub spans: Vec<TextBound>,
    /// `AnnotatorNotes` by target id.
    pub notes: std::collections::BTreeMap<String, String>,
    pub relations: Vec<BratRelation>,
    pub attributes: Vec<BratAttribute>,
    /// Lines that are none of the above (events, equivalences, normalizations, ...).
    pub ignored: usize,
    /// Lines that could not be read: (line number, why).
    pub bad: Vec<(usize, String)>,
    /// Lines read with something left out (text after a last tab): (line number, what).
    pub partly: Vec<(usize, String)>,
}

/// Reads the text-bound annotations and notes of an `.ann` file.
pub fn parse_ann(content: &str) -> AnnFile {
    let mut file = AnnFile::default();
    for (i, line) in content.split('\n').enumerate() {
        let line_no = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let mut parts = line.splitn(3, '\t');
        let (id, data, tail) = (parts.next().unwrap_or(""), parts.next(), parts.next());
        if id.starts_with('T') {
            match parse_text_bound(data.unwrap_or(""), tail) {
                Ok((label, fragments, text)) => {
                    file.spans.push(TextBound { line: line_no, id: id.to_string(), label, fragments, text })
                }
                Err(why) => file.bad.push((line_no, why)),
            }
        } else if id.starts_with('R') {
            if tail.is_some_and(|t| !t.trim().is_empty()) {
                file.partly
                    .push((line_no, format!("text after the relation's arguments left out: {line:?}")));
            }
            match parse_relation(data.unwrap_or("")) {
                Ok((kind, head, tail)) => {
                    file.relations.push(BratRelation { line: line_no, kind, head, tail })
                }
                Err(why) => file.bad.push((line_no, format!("{why}: {line:?}"))),
            }
        } else if id.starts_with('A') || id.starts_with('M') {
            if tail.is_some_and(|t| !t.trim().is_empty()) {
                file.partly.push((line_no, format!("text after the attribute's value left out: {line:?}")));
            }
            let data = data.unwrap_or("");
            let mut words = data.splitn(3, ' ');
            match (words.next(), words.next()) {
                (Some(name), Some(target)) if !name.is_empty() && !target.is_empty() => {
                    file.attributes.push(BratAttribute {
                        line: line_no,
                        name: name.to_string(),
                        target: target.to_string(),
                        value: words.next().map(str::to_string),
                    })
                }
                _ => file.bad.push((line_no, format!("attribute without a target: {line:?}"))),
            }
        } else if id.starts_with('#') {
            let mut data = data.unwrap_or("").split_whitespace();
            if data.next() == Some("AnnotatorNotes")
                && let Some(target) = data.next()
            {
                file.notes.insert(target.to_string(), tail.unwrap_or("").to_string());
            } else {
                file.ignored += 1;
            }
        } else {
            file.ignored += 1;
        }
    }
    file
}

/// `kind Arg1:T1 Arg2:T2`, its arguments taken by role (in any order): `Arg1` is the
/// head, `Arg2` the tail, as our export writes them and brat's relations read.
fn parse_relation(data: &str) -> Result<(String, String, String), String> {
    let mut words = data.split_whitespace();
    let kind = words.next().ok_or("relation without a type")?;
    let args: Vec<(&str, &str)> = words.map(|w| w.split_once(':').unwrap_or(("", w))).collect();
    if args.len() != 2 {
        return Err(format!("relation with {} arguments; a brat relation has two (Arg1, Arg2)", args.len()));
    }
    let role = |name: &str| args.iter().find(|(r, _)| *r == name).map(|(_, id)| id.to_string());
    match (role("Arg1"), role("Arg2")) {
        (Some(head), Some(tail)) => Ok((kind.to_string(), head, tail)),
        _ => Err("relation whose arguments are not Arg1 and Arg2".into()),
    }
}

fn parse_text_bound(data: &str, tail: Option<&str>) -> Result<(String, Vec<CharRange>, String), String> {
    let Some((label, offsets)) = data.split_once(' ') else {
        return Err(format!("text-bound annotation without offsets: {data:?}"));
    };
    let mut fragments = Vec::new();
    for piece in offsets.split(';') {
        let mut numbers = piece.split_whitespace().map(str::parse::<usize>);
        let (Some(Ok(start)), Some(Ok(end)), None) = (numbers.next(), numbers.next(), numbers.next()) else {
            return Err(format!("bad offsets {piece:?}"));
        };
        fragments.push(CharRange::new(start, end));
    }
    Ok((label.to_string(), fragments, tail.unwrap_or("").to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_bound_lines_notes_and_skips_the_rest() {
        let ann = "T1\tclaim 0 3;4 7\tabc def\n#1\tAnnotatorNotes T1\tannotator: amal\nR1\tRel Arg1:T1 Arg2:T2\nT2\tfigure x y\tq\nE1\tAttack:T1\nA1\tsource T1 المرصد السوري\nA2\tNegated T1\n";
        let file = parse_ann(ann);
        assert_eq!(file.spans.len(), 1);
        let t = &file.spans[0];
        assert_eq!((t.line, t.label.as_str(), t.text.as_str()), (1, "claim", "abc def"));
        assert_eq!(t.fragments, [CharRange::new(0, 3), CharRange::new(4, 7)]);
        assert_eq!(file.notes["T1"], "annotator: amal");
        assert_eq!(file.ignored, 1, "the event");
        let r = &file.relations[0];
        assert_eq!((r.kind.as_str(), r.head.as_str(), r.tail.as_str()), ("Rel", "T1", "T2"));
        let values: Vec<_> = file.attributes.iter().map(|a| (a.name.as_str(), a.value.as_deref())).collect();
        assert_eq!(values, [("source", Some("المرصد السوري")), ("Negated", None)]);
        assert_eq!(file.bad.len(), 1);
        assert_eq!(file.bad[0].0, 4);
    }

    #[test]
    fn stems_are_safe_and_unique() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = FolderWriter::create(dir.path()).unwrap();
        assert_eq!(w.unique_stem("a/b"), "a_b");
        assert_eq!(w.unique_stem("a?b"), "a_b-2");
        assert_eq!(w.unique_stem("..hidden"), "hidden");
        assert_eq!(w.unique_stem(""), "doc");
        assert!(is_line_break('\u{2028}') && !is_line_break(' '));
    }
}
