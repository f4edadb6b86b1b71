//! Files read as a stream, record by record (web archives, JSON lines): they may be of any
//! size, since memory holds one record and the articles read, never the whole file; the
//! content hash that tells a changed file is taken as the stream is read.

use std::io::{self, BufRead, Read};
use std::path::Path;

use xxhash_rust::xxh3::Xxh3;

use super::{finish, json, open, warc, Compression, FileError, Format, Parsed};

/// Reads a streamed file (see [`Format::is_streamed`]), decompressing it as it goes. Returns
/// its articles and the xxh3 hash of what it holds. `path` is the path shown to users.
pub fn read_streamed(
    path: &str,
    fs_path: &Path,
    format: Format,
) -> Result<(Parsed, u64), FileError> {
    let (compression, _) = Compression::of(fs_path);
    let mut reader = Hashing {
        inner: open(fs_path)?,
        hasher: Xxh3::new(),
        any: false,
    };
    let parsed = match format {
        Format::Warc => warc::read(&mut reader, compression)?,
        Format::JsonLines => json::read_lines(&mut reader)?,
        other => unreachable!("{other:?} is not read as a stream"),
    };
    // What a reader left unread (after a record too large to read on) is neither indexed
    // nor hashed: the hash covers what the index holds of the file.
    if !reader.any {
        return Err(FileError::Empty);
    }
    Ok((finish(path, parsed)?, reader.hasher.digest()))
}

/// A reader that hashes what passes through it.
struct Hashing {
    inner: Box<dyn BufRead + Send>,
    hasher: Xxh3,
    /// Whether anything but white space was read.
    any: bool,
}

fn saw(hasher: &mut Xxh3, any: &mut bool, bytes: &[u8]) {
    hasher.update(bytes);
    *any = *any || bytes.iter().any(|b| !b.is_ascii_whitespace());
}

impl Read for Hashing {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        saw(&mut self.hasher, &mut self.any, &buf[..n]);
        Ok(n)
    }
}

impl BufRead for Hashing {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        // The buffer is still filled: this hands back the same bytes without reading.
        if let Ok(buf) = self.inner.fill_buf() {
            saw(
                &mut self.hasher,
                &mut self.any,
                &buf[..amount.min(buf.len())],
            );
        }
        self.inner.consume(amount);
    }
}
