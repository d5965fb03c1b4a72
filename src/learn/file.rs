//! The model file: a short binary file written atomically.
//!
//! Layout: the magic line `HASHIYA MODEL\n`; the format version (u32, little-endian); the
//! length (u32) of a JSON header holding the labels, their cuts (thresholds), the table size, what
//! the model was trained on and the training spans' texts; then for each label a flag byte
//! (0: no table, the label had no spans; 1: a table follows), the table's scale (f32) and
//! its `2^bits` weights as i16 (weight = value × scale). A file of another version, or one
//! that ends early or runs on, is refused with a message saying so; applying a model to a
//! project is checked against its label set by the caller ([`check_labels`]): a model
//! sharing no label with the project is refused, and labels the project lacks are named.

use super::Model;
use super::lexicon::{Entry, SpanLexicon};
use super::tagger::Tagger;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The first bytes of every model file.
pub const MAGIC: &[u8] = b"HASHIYA MODEL\n";

/// The version of the model file and of the features it was trained on. Changing the
/// features changes what the weights mean, so it bumps this too.
pub const FORMAT_VERSION: u32 = 1;

/// What a model was trained on.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ModelInfo {
    /// The layer learned from (`gold` or an annotator).
    pub layer: String,
    pub documents: usize,
    pub spans: usize,
}

#[derive(Serialize, Deserialize)]
struct Header {
    labels: Vec<String>,
    cuts: Vec<super::decode::Cut>,
    bits: u32,
    info: ModelInfo,
    entries: Vec<Entry>,
}

/// Why a model cannot be read or used.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("cannot read the model {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("cannot save the model: {0}")]
    Save(#[from] crate::store::StoreError),
    #[error("{0} is not a Hashiya model file")]
    NotAModel(String),
    #[error(
        "{path} is a model of format {found}, and this build of Hashiya reads format {FORMAT_VERSION}; train it again with hashiya learn"
    )]
    Version { path: String, found: u32 },
    #[error("the model {path} is damaged: {what}")]
    Damaged { path: String, what: String },
    #[error(
        "the model was made for another label set ({model}), and the project has none of them ({project}); train a model for this project with hashiya learn"
    )]
    LabelSet { model: String, project: String },
    #[error("the model knows no label {0} (it knows {1})")]
    UnknownLabel(String, String),
}

/// The model as bytes.
pub fn to_bytes(model: &Model) -> Vec<u8> {
    let header = Header {
        labels: model.labels.clone(),
        cuts: model.cuts.clone(),
        bits: model.tagger.bits,
        info: model.info.clone(),
        entries: model.lexicon.entries.clone(),
    };
    let json = serde_json::to_vec(&header).unwrap_or_default();
    let mut out = Vec::with_capacity(json.len() + model.labels.len() * (2 << model.tagger.bits));
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&u32::try_from(json.len()).unwrap_or(u32::MAX).to_le_bytes());
    out.extend_from_slice(&json);
    for table in &model.tagger.weights {
        if table.is_empty() {
            out.push(0);
            continue;
        }
        out.push(1);
        let max = table.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / f32::from(i16::MAX) } else { 1.0 };
        out.extend_from_slice(&scale.to_le_bytes());
        for w in table {
            let q = (w / scale).round().clamp(-f32::from(i16::MAX), f32::from(i16::MAX)) as i16;
            out.extend_from_slice(&q.to_le_bytes());
        }
    }
    out
}

/// Reads bytes one field at a time.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    path: &'a str,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        let out = self.bytes.get(self.at..self.at + n).ok_or_else(|| ModelError::Damaged {
            path: self.path.to_string(),
            what: format!("it ends early, at byte {}", self.bytes.len()),
        })?;
        self.at += n;
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// The model in `bytes`; `path` names it in messages.
pub fn from_bytes(bytes: &[u8], path: &str) -> Result<Model, ModelError> {
    if !bytes.starts_with(MAGIC) {
        return Err(ModelError::NotAModel(path.to_string()));
    }
    let mut r = Reader { bytes, at: MAGIC.len(), path };
    let version = r.u32()?;
    if version != FORMAT_VERSION {
        return Err(ModelError::Version { path: path.to_string(), found: version });
    }
    let damaged = |what: String| ModelError::Damaged { path: path.to_string(), what };
    let len = r.u32()? as usize;
    let header: Header = serde_json::from_slice(r.take(len)?)
        .map_err(|e| damaged(format!("its header does not read: {e}")))?;
    if header.cuts.len() != header.labels.len() || !(8..=24).contains(&header.bits) {
        return Err(damaged("its header does not add up".into()));
    }
    let size = 1usize << header.bits;
    let mut weights = Vec::with_capacity(header.labels.len());
    for _ in &header.labels {
        if r.take(1)?.first() == Some(&0) {
            weights.push(Vec::new());
            continue;
        }
        let b = r.take(4)?;
        let scale = f32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let table = r.take(size * 2)?;
        weights.push(
            table.chunks_exact(2).map(|c| f32::from(i16::from_le_bytes([c[0], c[1]])) * scale).collect(),
        );
    }
    if r.at != bytes.len() {
        return Err(damaged(format!("{} bytes follow its end", bytes.len() - r.at)));
    }
    if header.entries.iter().any(|e| usize::from(e.label) >= header.labels.len()) {
        return Err(damaged("a span text names a label it does not have".into()));
    }
    let lexicon = SpanLexicon::from_entries(header.entries);
    Ok(Model {
        labels: header.labels,
        cuts: header.cuts,
        tagger: Tagger { bits: header.bits, weights },
        lexicon,
        info: header.info,
    })
}

/// Where a project's model goes by default (`hashiya learn` and the window): the project's
/// path with the extension `.model`.
pub fn default_path(project: &Path) -> std::path::PathBuf {
    project.with_extension("model")
}

/// Writes the model to `path` atomically (a temporary file renamed over it).
pub fn save(model: &Model, path: &Path) -> Result<u64, ModelError> {
    let bytes = to_bytes(model);
    crate::store::atomic::write_atomic_with(path, false, &mut |w| w.write_all(&bytes))?;
    Ok(bytes.len() as u64)
}

/// Reads the model at `path`.
pub fn load(path: &Path) -> Result<Model, ModelError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| ModelError::Io { path: shown.clone(), source })?;
    from_bytes(&bytes, &shown)
}

/// Checks the model's labels against the project's: a model sharing no label with the
/// project was made for another label set and is refused. Returns the model's labels the
/// project lacks (their spans cannot be suggested; the caller says so).
pub fn check_labels(model: &Model, project: &crate::model::Project) -> Result<Vec<String>, ModelError> {
    let missing: Vec<String> = model
        .labels
        .iter()
        .filter(|l| project.label(&crate::model::LabelId::new(l.as_str())).is_none())
        .cloned()
        .collect();
    if missing.len() == model.labels.len() {
        let project_labels: Vec<&str> = project.labels.iter().map(|l| l.id.as_str()).collect();
        return Err(ModelError::LabelSet {
            model: model.labels.join(", "),
            project: project_labels.join(", "),
        });
    }
    Ok(missing)
}
