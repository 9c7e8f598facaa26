//! What a file is before it is read: a workbook (XLSX, XLS, ODS) or text in
//! some encoding. One streaming pass computes the SHA-256, checks whether
//! the text is UTF-8 throughout, feeds the legacy-encoding detector and
//! refuses binary files, so memory stays that of one buffer.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::Encoding;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

const CHUNK: usize = 64 * 1024;

/// How the file's content is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content {
    /// A spreadsheet workbook, read with calamine.
    Workbook,
    /// Delimited text in this encoding.
    Text {
        encoding: &'static Encoding,
        /// Whether the file starts with a byte order mark.
        bom: bool,
    },
}

/// The result of looking at a whole file once.
#[derive(Debug, Clone)]
pub struct FileScan {
    pub sha256: [u8; 32],
    pub content: Content,
}

/// Looks at the file: its hash, and whether it is a workbook or text (and in
/// which encoding). Refuses empty, binary, PDF and image files with a reason.
pub fn scan(path: &Path) -> Result<FileScan> {
    let name = display_name(path);
    let mut file = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; CHUNK];
    let first = read_full(&mut file, &mut buf).map_err(|e| Error::io(path, e))?;
    if first == 0 {
        return Err(Error::Refused(format!("{name} is empty")));
    }
    let head = &buf[..first];
    hasher.update(head);
    let mut size = first as u64;

    if let Some(why) = not_a_list(head) {
        return Err(Error::Refused(format!(
            "{name} is not a nomination list: {why}"
        )));
    }
    let workbook = head.starts_with(b"PK\x03\x04") || head.starts_with(&OLE_MAGIC);
    let bom = Encoding::for_bom(head);
    let utf16 = match bom {
        Some((enc, _)) if enc != encoding_rs::UTF_8 => Some(enc),
        Some(_) => None,
        None => utf16_without_bom(head),
    };

    let mut text = TextCheck::new();
    if !workbook && utf16.is_none() {
        let start = bom.map(|(_, len)| len).unwrap_or(0);
        text.control_bytes(&head[start..]);
        if let Some(offset) = head.iter().position(|&b| b == 0) {
            return Err(Error::Refused(format!(
                "{name} is not a text or spreadsheet file: it holds binary data (a zero byte at offset {offset}); save the list as CSV or XLSX"
            )));
        }
        if text.controls * 100 > head.len() {
            return Err(Error::Refused(format!(
                "{name} is not a text or spreadsheet file: it holds binary data; save the list as CSV or XLSX"
            )));
        }
        text.feed(&head[start..], false);
    }
    loop {
        let n = read_full(&mut file, &mut buf).map_err(|e| Error::io(path, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        size += n as u64;
        if !workbook && utf16.is_none() {
            if let Some(offset) = buf[..n].iter().position(|&b| b == 0) {
                return Err(Error::Refused(format!(
                    "{name} is not a text file: it holds binary data (a zero byte at offset {})",
                    size - n as u64 + offset as u64
                )));
            }
            text.feed(&buf[..n], false);
        }
    }
    let content = if workbook {
        Content::Workbook
    } else if let Some(enc) = utf16 {
        Content::Text {
            encoding: enc,
            bom: bom.is_some(),
        }
    } else {
        Content::Text {
            encoding: text.finish(),
            bom: bom.is_some(),
        }
    };
    Ok(FileScan {
        sha256: hasher.finalize().into(),
        content,
    })
}

/// The file name alone, for messages.
pub fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Files that are plainly something else, named for the message.
fn not_a_list(head: &[u8]) -> Option<&'static str> {
    if head.starts_with(b"%PDF") {
        Some("it is a PDF document; ask for the list as a spreadsheet (XLSX) or CSV")
    } else if head.starts_with(&[0xFF, 0xD8, 0xFF])
        || head.starts_with(b"\x89PNG")
        || head.starts_with(b"GIF8")
    {
        Some("it is an image; photos are imported with the photo import")
    } else {
        None
    }
}

/// UTF-16 written without a byte order mark: one byte of each pair is zero
/// in most of the characters of a Latin or Cyrillic text.
fn utf16_without_bom(head: &[u8]) -> Option<&'static Encoding> {
    let pairs = head.len() / 2;
    if pairs < 8 {
        return None;
    }
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd * 10 >= pairs * 4 && even * 20 < pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 >= pairs * 4 && odd * 20 < pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Reads until `buf` is full or the file ends.
fn read_full(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match r.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// Whether a byte stream is UTF-8 throughout, and which legacy encoding it
/// most likely is otherwise.
struct TextCheck {
    utf8: bool,
    /// Bytes of a UTF-8 sequence cut by the chunk boundary.
    carry: Vec<u8>,
    detector: EncodingDetector,
    controls: usize,
}

impl TextCheck {
    fn new() -> TextCheck {
        TextCheck {
            utf8: true,
            carry: Vec::new(),
            detector: EncodingDetector::new(Iso2022JpDetection::Deny),
            controls: 0,
        }
    }

    /// Counts control bytes other than tab, line feed, carriage return and
    /// form feed: many of them mean binary data.
    fn control_bytes(&mut self, bytes: &[u8]) {
        self.controls = bytes
            .iter()
            .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
            .count();
    }

    fn feed(&mut self, bytes: &[u8], last: bool) {
        self.detector.feed(bytes, last);
        if !self.utf8 {
            return;
        }
        let joined;
        let data = if self.carry.is_empty() {
            bytes
        } else {
            joined = [self.carry.as_slice(), bytes].concat();
            &joined
        };
        match std::str::from_utf8(data) {
            Ok(_) => self.carry.clear(),
            Err(e) if e.error_len().is_none() => {
                self.carry = data[e.valid_up_to()..].to_vec();
            }
            Err(_) => self.utf8 = false,
        }
    }

    /// UTF-8 when every byte so far was; a sequence cut off at the very end
    /// (a truncated file) does not make it another encoding: the last row
    /// is then reported as damaged.
    fn finish(mut self) -> &'static Encoding {
        self.detector.feed(&[], true);
        if self.utf8 {
            encoding_rs::UTF_8
        } else {
            self.detector.guess(None, Utf8Detection::Deny)
        }
    }
}

/// The decoded text of the file as UTF-8 with `\n` line ends, the byte
/// order mark dropped. `unterminated` is set if the text did not end with a
/// line break.
pub fn text_reader(
    path: &Path,
    encoding: &'static Encoding,
    unterminated: Arc<AtomicBool>,
) -> Result<impl Read + use<>> {
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let decoded = encoding_rs_io::DecodeReaderBytesBuilder::new()
        .encoding(Some(encoding))
        .utf8_passthru(true)
        .strip_bom(true)
        .build(BufReader::with_capacity(CHUNK, file));
    Ok(UnixLines::new(decoded, unterminated))
}

/// Turns `\r\n` and lone `\r` into `\n` and ends the text with `\n`, so that
/// the CSV reader's line count is the file's (it counts `\n` only) and the
/// last record is complete.
pub struct UnixLines<R> {
    inner: R,
    raw: Vec<u8>,
    out: Vec<u8>,
    pos: usize,
    after_cr: bool,
    last: Option<u8>,
    done: bool,
    unterminated: Arc<AtomicBool>,
}

impl<R: Read> UnixLines<R> {
    pub fn new(inner: R, unterminated: Arc<AtomicBool>) -> UnixLines<R> {
        UnixLines {
            unterminated,
            inner,
            raw: vec![0; 16 * 1024],
            out: Vec::with_capacity(16 * 1024),
            pos: 0,
            after_cr: false,
            last: None,
            done: false,
        }
    }

    fn refill(&mut self) -> std::io::Result<()> {
        self.out.clear();
        self.pos = 0;
        while self.out.is_empty() && !self.done {
            let n = loop {
                match self.inner.read(&mut self.raw) {
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    other => break other?,
                }
            };
            if n == 0 {
                self.done = true;
                if self.last.is_some_and(|b| b != b'\n') {
                    self.out.push(b'\n');
                    self.unterminated.store(true, Ordering::Relaxed);
                }
                break;
            }
            for &b in &self.raw[..n] {
                match b {
                    b'\r' => {
                        self.out.push(b'\n');
                        self.after_cr = true;
                    }
                    b'\n' if self.after_cr => self.after_cr = false,
                    _ => {
                        self.out.push(b);
                        self.after_cr = false;
                    }
                }
            }
            if let Some(&b) = self.out.last() {
                self.last = Some(b);
            }
        }
        Ok(())
    }
}

impl<R: Read> Read for UnixLines<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.pos >= self.out.len() {
            self.refill()?;
            if self.out.is_empty() {
                return Ok(0);
            }
        }
        let n = buf.len().min(self.out.len() - self.pos);
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unix(text: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        UnixLines::new(text, Arc::default())
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    #[test]
    fn line_ends_become_line_feeds() {
        assert_eq!(unix(b"a\r\nb\rc\nd"), b"a\nb\nc\nd\n");
        assert_eq!(unix(b"a\r\n"), b"a\n");
        assert_eq!(unix(b""), b"");
    }

    #[test]
    fn utf16_is_recognised_without_its_mark() {
        let text: Vec<u8> = "Family name\tGiven names\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(utf16_without_bom(&text), Some(encoding_rs::UTF_16LE));
        assert_eq!(utf16_without_bom(b"Family name,Given names\n"), None);
    }

    #[test]
    fn utf8_check_survives_a_sequence_cut_in_two() {
        let bytes = "Nguyễn".as_bytes();
        let mut check = TextCheck::new();
        check.feed(&bytes[..4], false);
        check.feed(&bytes[4..], false);
        assert_eq!(check.finish(), encoding_rs::UTF_8);
    }
}
