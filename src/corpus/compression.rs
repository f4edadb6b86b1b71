//! Compressed files read as what they hold: `reuters.jsonl.gz`, `pages.warc.gz`,
//! `story.html.zst`, `feed.xml.bz2`. The compression is the last extension, the format the
//! one before it. Files are decompressed as a stream; the size limit applies to what they
//! expand to, so that a small file that expands without end (a decompression bomb) is refused
//! after reading no more than the limit.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use super::FileError;

/// Files, or what a compressed file expands to, larger than this are refused: one article is
/// never this big, and a file of many records this big should be split (or is a web archive,
/// which is streamed record by record and has no such limit).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// How a file is compressed, from its last extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
    Bzip2,
}

impl Compression {
    /// The compression of a path, and the path's name without its compression extension.
    pub fn of(path: &Path) -> (Compression, String) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let lower = name.to_ascii_lowercase();
        for (ext, c) in [
            (".gz", Compression::Gzip),
            (".zst", Compression::Zstd),
            (".bz2", Compression::Bzip2),
        ] {
            if lower.ends_with(ext) {
                return (c, name[..name.len() - ext.len()].to_string());
            }
        }
        (Compression::None, name)
    }

    fn label(self) -> &'static str {
        match self {
            Compression::None => "",
            Compression::Gzip => "gzip",
            Compression::Zstd => "zstd",
            Compression::Bzip2 => "bzip2",
        }
    }
}

/// A file opened as a stream of what it holds, decompressed as it is read.
pub fn open(path: &Path) -> Result<Box<dyn BufRead + Send>, FileError> {
    let file = File::open(path).map_err(|e| FileError::Unreadable(e.to_string()))?;
    let file = BufReader::new(file);
    let (compression, _) = Compression::of(path);
    let reader: Box<dyn BufRead + Send> = match compression {
        Compression::None => Box::new(file),
        // Several gzip members one after the other are one stream (as in .warc.gz).
        Compression::Gzip => Box::new(BufReader::new(flate2::bufread::MultiGzDecoder::new(file))),
        Compression::Zstd => Box::new(BufReader::new(
            zstd::stream::read::Decoder::with_buffer(file)
                .map_err(|e| FileError::Unreadable(e.to_string()))?,
        )),
        Compression::Bzip2 => Box::new(BufReader::new(bzip2::bufread::MultiBzDecoder::new(file))),
    };
    Ok(reader)
}

/// The whole content of a file, decompressed, refused when the file (or what it expands to)
/// is larger than [`MAX_FILE_BYTES`].
pub fn load(path: &Path) -> Result<Vec<u8>, FileError> {
    let (compression, _) = Compression::of(path);
    let size = std::fs::metadata(path)
        .map_err(|e| FileError::Unreadable(e.to_string()))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            megabytes: size as f64 / 1e6,
            limit_megabytes: MAX_FILE_BYTES / (1024 * 1024),
        });
    }
    let mut out = Vec::new();
    open(path)?
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| corrupt(compression, e))?;
    if out.len() as u64 > MAX_FILE_BYTES {
        return Err(FileError::ExpandsTooLarge {
            compressed_megabytes: size as f64 / 1e6,
            limit_megabytes: MAX_FILE_BYTES / (1024 * 1024),
        });
    }
    Ok(out)
}

/// A read error: corrupt compressed data when the file is compressed.
pub fn corrupt(compression: Compression, e: io::Error) -> FileError {
    match compression {
        Compression::None => FileError::Unreadable(e.to_string()),
        c => FileError::Malformed {
            format: c.label(),
            why: format!("corrupt compressed data ({e})"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn the_last_extension_is_the_compression() {
        let of = |p: &str| Compression::of(Path::new(p));
        assert_eq!(
            of("a/reuters.jsonl.gz"),
            (Compression::Gzip, "reuters.jsonl".into())
        );
        assert_eq!(of("b.HTML.ZST"), (Compression::Zstd, "b.HTML".into()));
        assert_eq!(of("c.xml.bz2"), (Compression::Bzip2, "c.xml".into()));
        assert_eq!(of("d.txt"), (Compression::None, "d.txt".into()));
    }

    #[test]
    fn each_compression_is_read_and_a_bomb_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let text = b"A zebra.\n".repeat(1000);
        let gz = dir.path().join("a.txt.gz");
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(&text).unwrap();
        std::fs::write(&gz, e.finish().unwrap()).unwrap();
        let zst = dir.path().join("a.txt.zst");
        std::fs::write(&zst, zstd::encode_all(&text[..], 3).unwrap()).unwrap();
        let bz = dir.path().join("a.txt.bz2");
        let mut e = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::default());
        e.write_all(&text).unwrap();
        std::fs::write(&bz, e.finish().unwrap()).unwrap();
        for p in [&gz, &zst, &bz] {
            assert_eq!(load(p).unwrap(), text, "{}", p.display());
        }
        // 100 MB of zeros compress to about 100 KB.
        let bomb = dir.path().join("bomb.txt.gz");
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![b'a'; 1 << 20];
        for _ in 0..100 {
            e.write_all(&zeros).unwrap();
        }
        std::fs::write(&bomb, e.finish().unwrap()).unwrap();
        let err = load(&bomb).unwrap_err().to_string();
        assert!(err.contains("expands to more than 64 MB"), "{err}");
        std::fs::write(&gz, b"\x1f\x8b\x08\x00not gzip at all").unwrap();
        let err = load(&gz).unwrap_err().to_string();
        assert!(
            err.contains("malformed gzip: corrupt compressed data"),
            "{err}"
        );
    }
}
