//! Reading input files with limits: regular files only, and no more than [`MAX_INPUT_BYTES`].
//!
//! A path that is (or links to) a device such as `/dev/zero` would be read until memory
//! runs out, and a named pipe (FIFO) would block forever; both are refused before they
//! are opened for reading. A regular file larger than the limit is refused with its size.
//! Every file Hashiya reads as input (project files, texts, annotation files) goes
//! through [`read_input`].

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

/// The largest input file read: 1 GiB.
pub const MAX_INPUT_BYTES: u64 = 1 << 30;

/// Why an input file was not read. The message does not name the file; callers add it.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{0}")]
    Io(io::Error),
    #[error("not a regular file ({0}); only regular files are read")]
    NotRegular(&'static str),
    #[error("the file is {size} bytes, over the limit of {limit} bytes (1 GiB)")]
    TooLarge { size: u64, limit: u64 },
}

impl From<InputError> for io::Error {
    fn from(error: InputError) -> Self {
        match error {
            InputError::Io(error) => error,
            other => io::Error::new(io::ErrorKind::InvalidInput, other.to_string()),
        }
    }
}

/// What kind of file `meta` describes, for messages.
fn kind(meta: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() { "a folder" } else { "not a plain file" }
}

/// Opens `path` for reading when it is (or links to) a regular file of at most `limit` bytes.
pub fn open_input(path: &Path, limit: u64) -> Result<(File, u64), InputError> {
    // Checked before opening: opening a FIFO for reading blocks until a writer comes.
    let meta = fs::metadata(path).map_err(InputError::Io)?;
    if !meta.is_file() {
        return Err(InputError::NotRegular(kind(&meta)));
    }
    let file = File::open(path).map_err(InputError::Io)?;
    // Checked again on what was opened, in case the path was swapped in between.
    let meta = file.metadata().map_err(InputError::Io)?;
    if !meta.is_file() {
        return Err(InputError::NotRegular(kind(&meta)));
    }
    if meta.len() > limit {
        return Err(InputError::TooLarge { size: meta.len(), limit });
    }
    Ok((file, meta.len()))
}

/// Reads the whole regular file at `path`, refusing anything else and files over `limit`.
pub fn read_input_limited(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let (file, len) = open_input(path, limit)?;
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    // A file that grows while it is read is still cut at the limit.
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(InputError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge { size: bytes.len() as u64, limit });
    }
    Ok(bytes)
}

/// [`read_input_limited`] with [`MAX_INPUT_BYTES`].
pub fn read_input(path: &Path) -> Result<Vec<u8>, InputError> {
    read_input_limited(path, MAX_INPUT_BYTES)
}

/// [`read_input`] as UTF-8 text (an `InvalidData` error otherwise, as `fs::read_to_string`).
pub fn read_input_string(path: &Path) -> Result<String, InputError> {
    String::from_utf8(read_input(path)?)
        .map_err(|e| InputError::Io(io::Error::new(io::ErrorKind::InvalidData, e.utf8_error())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_regular_files_and_refuses_folders_and_large_files() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        fs::write(&file, "12345").unwrap();
        assert_eq!(read_input(&file).unwrap(), b"12345");
        let err = read_input_limited(&file, 4).unwrap_err();
        assert!(err.to_string().contains("5 bytes, over the limit of 4"), "{err}");
        let err = read_input(dir.path()).unwrap_err();
        assert!(err.to_string().contains("a folder"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_link_to_a_device_without_reading_it() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("zero.txt");
        std::os::unix::fs::symlink("/dev/null", &link).unwrap();
        let err = read_input(&link).unwrap_err();
        assert!(err.to_string().contains("a device"), "{err}");
    }
}
