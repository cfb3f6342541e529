//! Text files of unknown encoding (CSV/TSV saved by Excel or a text editor): UTF-8 (with or without a byte
//! order mark), UTF-16 with a byte order mark, or Windows-1251 — anything else is refused with a message.

use crate::i18n::{Arg, I18n, Localize};

/// The encodings a table file is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16,
    Windows1251,
}

impl Encoding {
    /// The name users know it by.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (с меткой BOM)",
            Encoding::Utf16 => "UTF-16",
            Encoding::Windows1251 => "Windows-1251",
        }
    }
}

/// Why bytes are not text we can read. The text is in `assets/i18n/*.ftl` (keys `decode-error-*`), given
/// by [`Localize`]; `Display` is the Russian one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    Empty,
    Unknown { line: usize },
}

crate::i18n::display_in_russian!(DecodeError);

impl Localize for DecodeError {
    fn message(&self, i18n: &I18n) -> String {
        match self {
            DecodeError::Empty => i18n.tr("decode-error-empty"),
            DecodeError::Unknown { line } => i18n.tr_args(
                "decode-error-unknown",
                &[("line", Arg::Str(&line.to_string()))],
            ),
        }
    }
}

/// Decodes a text file: a byte order mark decides; else valid UTF-8 is UTF-8; else Windows-1251 when
/// the text reads as text in it (no control characters but tab and line breaks, mostly letters).
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest, Encoding::Utf8Bom);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let (text, _, bad) = encoding_rs::UTF_16LE.decode(bytes);
        if bad {
            return Err(DecodeError::Unknown { line: 1 });
        }
        return checked(text.into_owned(), Encoding::Utf16);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return checked(text.to_owned(), Encoding::Utf8);
    }
    let (text, _, bad) = encoding_rs::WINDOWS_1251.decode(bytes);
    if bad {
        return Err(DecodeError::Unknown {
            line: first_bad_line(&text),
        });
    }
    let text = text.into_owned();
    // Bytes that are not text in either encoding: mostly no letters, or control characters.
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let visible = text.chars().filter(|c| !c.is_whitespace()).count();
    if visible > 0 && letters * 2 < visible {
        return Err(DecodeError::Unknown { line: 1 });
    }
    checked(text, Encoding::Windows1251)
}

fn utf8(bytes: &[u8], enc: Encoding) -> Result<(String, Encoding), DecodeError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => checked(text.to_owned(), enc),
        Err(e) => Err(DecodeError::Unknown {
            line: bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1,
        }),
    }
}

/// Refuses control characters (NUL of UTF-16 without a BOM, binary data) and empty text.
fn checked(text: String, enc: Encoding) -> Result<(String, Encoding), DecodeError> {
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    if text.contains(|c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r')) {
        return Err(DecodeError::Unknown {
            line: first_bad_line(&text),
        });
    }
    Ok((text, enc))
}

/// The line (from 1) of the first control character or replacement character.
fn first_bad_line(text: &str) -> usize {
    let at = text
        .find(|c: char| {
            c == char::REPLACEMENT_CHARACTER || (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        })
        .unwrap_or(0);
    text[..at].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_told_apart() {
        let text = "Мероприятие;Сроки\r\nПроведение;январь\r\n";
        assert_eq!(
            decode(text.as_bytes()).unwrap(),
            (text.into(), Encoding::Utf8)
        );
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(decode(&bom).unwrap(), (text.into(), Encoding::Utf8Bom));
        let (cp, _, _) = encoding_rs::WINDOWS_1251.encode(text);
        assert_eq!(decode(&cp).unwrap(), (text.into(), Encoding::Windows1251));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16).unwrap(), (text.into(), Encoding::Utf16));
    }

    #[test]
    fn unknown_encodings_and_garbage_are_refused() {
        let text = "Мероприятие;Сроки\r\n";
        let utf16_no_bom: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(matches!(
            decode(&utf16_no_bom),
            Err(DecodeError::Unknown { .. })
        ));
        let garbage: Vec<u8> = (0..2000u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert!(matches!(decode(&garbage), Err(DecodeError::Unknown { .. })));
        assert_eq!(decode(b"  \r\n"), Err(DecodeError::Empty));
    }
}
