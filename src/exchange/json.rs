//! The JSON form of the exchange file: written the same way every time, read back with clear errors.

use std::collections::BTreeMap;
use std::fmt;
use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::{Deserializer, Serialize};
use serde_json::error::Category;

use super::{FORMAT, VERSION, validate};
use crate::model::{CriteriaSet, CriterionValue, IndicatorValue, Plan, School, Timestamp};

// The whole JSON flow under one path (`exchange::json::{export, to_json, read_file, import, …}`).
pub use super::office_origin as origin;
pub use super::{
    Counts, ExchangeError, ExchangeFile, ImportSummary, Origin, export, import, office_origin,
};

/// The largest exchange file we read: 100 MB (104 857 600 bytes). Bigger files are refused before reading.
pub const MAX_FILE_SIZE: u64 = 100 * 1024 * 1024;

/// Writes a file as pretty JSON ending with a newline; each progress record takes one line.
///
/// Keys come in the order of the model's fields and records in the order of the file's lists, so the same
/// data gives the same bytes (only `exported_at` and `origin` tell two exports of it apart). Progress, the
/// bulk of a big file, is written one record per line: smaller than fully indented JSON, and a line-by-line
/// diff shows one changed record as one changed line.
pub fn to_json(file: &ExchangeFile) -> String {
    let mut out = Vec::with_capacity(4096 + file.progress.len() * 256);
    write_json(file, &mut out).expect("writing to memory does not fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes what [`to_json`] returns to `out` as it goes (for big files: no second copy in memory).
pub fn write_json(file: &ExchangeFile, mut out: impl Write) -> std::io::Result<()> {
    /// The file without its progress, fields in the order of `ExchangeFile`.
    #[derive(Serialize)]
    struct Head<'a> {
        format: &'a str,
        version: u32,
        exported_at: &'a Timestamp,
        origin: &'a Origin,
        #[serde(skip_serializing_if = "BTreeMap::is_empty")]
        seen: &'a BTreeMap<String, Timestamp>,
        plans: &'a [Plan],
        schools: &'a [School],
        #[serde(skip_serializing_if = "Option::is_none")]
        criteria: &'a Option<CriteriaSet>,
        #[serde(skip_serializing_if = "<[CriterionValue]>::is_empty")]
        criterion_values: &'a [CriterionValue],
        #[serde(skip_serializing_if = "<[IndicatorValue]>::is_empty")]
        indicator_values: &'a [IndicatorValue],
    }
    let head = Head {
        format: &file.format,
        version: file.version,
        exported_at: &file.exported_at,
        origin: &file.origin,
        seen: &file.seen,
        plans: &file.plans,
        schools: &file.schools,
        criteria: &file.criteria,
        criterion_values: &file.criterion_values,
        indicator_values: &file.indicator_values,
    };
    let mut text = serde_json::to_vec_pretty(&head).map_err(std::io::Error::other)?;
    debug_assert!(text.ends_with(b"\n}"));
    text.truncate(text.len() - 2);
    out.write_all(&text)?;
    drop(text);
    out.write_all(b",\n  \"progress\": [")?;
    let mut line = Vec::with_capacity(512);
    for (i, record) in file.progress.iter().enumerate() {
        line.clear();
        line.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
        serde_json::to_writer(&mut line, record).map_err(std::io::Error::other)?;
        out.write_all(&line)?;
    }
    if !file.progress.is_empty() {
        out.write_all(b"\n  ")?;
    }
    out.write_all(b"]")?;
    if !file.deleted.is_empty() {
        out.write_all(b",\n  \"deleted\": [")?;
        for (i, d) in file.deleted.iter().enumerate() {
            out.write_all(if i == 0 { b"\n    " } else { b",\n    " })?;
            serde_json::to_writer(&mut out, d).map_err(std::io::Error::other)?;
        }
        out.write_all(b"\n  ]")?;
    }
    out.write_all(b"\n}\n")?;
    out.flush()
}

/// Reads an exchange file from disk, refusing one over [`MAX_FILE_SIZE`] before reading it.
pub fn read_file(path: impl AsRef<Path>) -> Result<ExchangeFile, ExchangeError> {
    let path = path.as_ref();
    let io = |e: std::io::Error| ExchangeError::Io {
        path: path.to_path_buf(),
        reason: io_reason(&e),
    };
    let file = File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(ExchangeError::Io {
            path: path.to_path_buf(),
            reason: "это папка, а не файл".into(),
        });
    }
    if meta.len() > MAX_FILE_SIZE {
        return Err(ExchangeError::TooLarge { size: meta.len() });
    }
    read_from(file, path)
}

/// Reads an exchange file from any reader (e.g. standard input), at most [`MAX_FILE_SIZE`] bytes of it.
/// `source` names the reader in error messages.
pub fn read_from(reader: impl Read, source: &Path) -> Result<ExchangeFile, ExchangeError> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ExchangeError::Io {
            path: source.to_path_buf(),
            reason: io_reason(&e),
        })?;
    let file = parse_unvalidated(&bytes)?;
    // The text is no longer needed: free it before validating, to keep the peak memory of a big import low.
    drop(bytes);
    validate(&file)?;
    Ok(file)
}

/// Parses and validates an exchange file.
///
/// Refuses, each with its own Russian message: files over [`MAX_FILE_SIZE`], empty files, binary data or
/// text not in UTF-8 (a UTF-8 byte order mark is allowed), broken or cut-off JSON (with line and column),
/// JSON of another program (no `"format": "roadmap-planner"`), files of a newer format version, values of a
/// wrong type (bad dates, ids, statuses…), and files that break the rules of [`validate`]:
/// reversed periods, empty titles, duplicate ids.
pub fn parse(bytes: &[u8]) -> Result<ExchangeFile, ExchangeError> {
    let file = parse_unvalidated(bytes)?;
    validate(&file)?;
    Ok(file)
}

/// [`parse`] without the checks of [`validate`].
fn parse_unvalidated(bytes: &[u8]) -> Result<ExchangeFile, ExchangeError> {
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(ExchangeError::TooLarge {
            size: bytes.len() as u64,
        });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ExchangeError::Utf16);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ExchangeError::Empty);
    }
    if bytes.contains(&0) {
        return Err(ExchangeError::NotText);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        // Cut off inside a letter: read what is there, the parser then tells where the file ends.
        Err(e) if e.error_len().is_none() && e.valid_up_to() > 0 => {
            std::str::from_utf8(&bytes[..e.valid_up_to()]).map_err(|_| ExchangeError::NotText)?
        }
        Err(_) => return Err(ExchangeError::NotText),
    };

    // A file of ours in the current version, the usual case, is read in one pass; the header is checked
    // after. Anything else goes the long way below, so that its message is the one its header deserves.
    if let Ok(file) = serde_json::from_str::<ExchangeFile>(text)
        && file.format == FORMAT
        && file.version == VERSION
    {
        return Ok(file);
    }

    // First only the header, so that another program's JSON or a newer version gets its own message
    // rather than a complaint about some field deep inside.
    let mut de = serde_json::Deserializer::from_str(text);
    let probe = (&mut de)
        .deserialize_map(ProbeVisitor)
        .and_then(|probe| de.end().map(|()| probe))
        .map_err(|e| match e.classify() {
            Category::Data => ExchangeError::NotOurFormat { found: None },
            _ => json_error(&e),
        })?;
    let version = probe.check()?;
    if version < u64::from(VERSION) {
        // An older version: its JSON is upgraded step by step before it is read (see `migrate`).
        let mut value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| json_error(&e))?;
        super::migrate::upgrade(&mut value, version);
        return serde_json::from_value(value).map_err(|e| json_error(&e));
    }
    serde_json::from_str(text).map_err(|e| json_error(&e))
}

/// The fields of the header that tell what a JSON file is.
#[derive(Default)]
struct Probe {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

impl Probe {
    /// Checks the header; returns the file's version.
    fn check(self) -> Result<u64, ExchangeError> {
        match self.format {
            Some(serde_json::Value::String(f)) if f == FORMAT => {}
            Some(serde_json::Value::String(f)) => {
                return Err(ExchangeError::NotOurFormat {
                    found: Some(shorten(&f)),
                });
            }
            Some(other) => {
                return Err(ExchangeError::NotOurFormat {
                    found: Some(shorten(&other.to_string())),
                });
            }
            None => return Err(ExchangeError::NotOurFormat { found: None }),
        }
        match self.version {
            Some(serde_json::Value::Number(n)) => match n.as_u64() {
                Some(0) => Err(ExchangeError::BadVersion("0".into())),
                Some(v) if v > u64::from(VERSION) => Err(ExchangeError::TooNew(v)),
                Some(v) if v < super::migrate::OLDEST => {
                    Err(ExchangeError::BadVersion(v.to_string()))
                }
                Some(v) => Ok(v),
                None => Err(ExchangeError::BadVersion(n.to_string())),
            },
            Some(other) => Err(ExchangeError::BadVersion(format!(
                "«{}» вместо целого числа",
                shorten(&other.to_string())
            ))),
            None => Err(ExchangeError::BadVersion("в файле нет поля version".into())),
        }
    }
}

struct ProbeVisitor;

impl<'de> Visitor<'de> for ProbeVisitor {
    type Value = Probe;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Probe, A::Error> {
        let mut probe = Probe::default();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "format" => probe.format = Some(map.next_value()?),
                "version" => probe.version = Some(map.next_value()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(probe)
    }
}

fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(MAX).collect();
        s.push('…');
        s
    }
}

/// A serde_json error as the user reads it.
fn json_error(e: &serde_json::Error) -> ExchangeError {
    let (line, column) = (e.line(), e.column());
    match e.classify() {
        Category::Eof => ExchangeError::Truncated { line, column },
        Category::Syntax => ExchangeError::Syntax { line, column },
        Category::Io => ExchangeError::NotText,
        Category::Data => ExchangeError::Data {
            line,
            column,
            message: russian_message(e),
        },
    }
}

/// Messages of chrono's parser: a date or time that is not one.
const DATE_MESSAGES: &[&str] = &[
    "input is out of range",
    "no possible date and time matching input",
    "input is not enough for unique date and time",
    "input contains invalid characters",
    "premature end of input",
    "trailing input",
    "bad or unsupported format string",
    "formatted date",
];

/// Says in Russian what serde found wrong with a value; keeps the original text where we do not know it.
fn russian_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let msg = full
        .rfind(" at line ")
        .map_or(full.as_str(), |i| &full[..i]);
    if let Some(field) = between(msg, "missing field `", "`") {
        return format!("нет обязательного поля «{field}»");
    }
    if let Some(field) = between(msg, "duplicate field `", "`") {
        return format!("поле «{field}» указано дважды");
    }
    if let Some(value) = between(msg, "unknown variant `", "`") {
        let allowed = msg
            .split_once("expected one of ")
            .or_else(|| msg.split_once("expected "))
            .map(|(_, list)| list.replace('`', ""))
            .unwrap_or_default();
        return format!("недопустимое значение «{value}» (допустимы: {allowed})");
    }
    if msg.contains("UUID") {
        return "неверный идентификатор: нужен UUID вида 0c4c6d0e-1b2a-4f6e-9a8b-7c6d5e4f3a2b"
            .into();
    }
    if DATE_MESSAGES.iter().any(|m| msg.contains(m)) {
        return "неверная дата или время: даты пишутся как 2022-08-31, время — как 2022-01-24T00:00:00Z"
            .into();
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (got, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "неверный тип значения: {} вместо {}",
            kind_ru(got),
            expected_ru(expected)
        );
    }
    if let Some(rest) = msg.strip_prefix("invalid value: ") {
        return format!("недопустимое значение ({rest})");
    }
    msg.to_owned()
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let len = text[from..].find(end)?;
    Some(&text[from..from + len])
}

fn kind_ru(got: &str) -> String {
    let word = got.split_whitespace().next().unwrap_or(got);
    match word {
        "string" => format!("строка {}", got.trim_start_matches("string ")),
        "integer" | "floating" => "число".into(),
        "boolean" => "логическое значение".into(),
        "null" => "null".into(),
        "sequence" => "список".into(),
        "map" => "объект".into(),
        _ => got.to_owned(),
    }
}

fn expected_ru(expected: &str) -> String {
    if expected.contains("sequence") {
        "списка".into()
    } else if expected.contains("struct") || expected.contains("map") {
        "объекта".into()
    } else if expected.contains("string") {
        "строки".into()
    } else if expected.contains("bool") {
        "true или false".into()
    } else if [
        "u8", "u16", "u32", "u64", "i32", "i64", "f64", "integer", "number",
    ]
    .iter()
    .any(|t| expected.contains(t))
    {
        "числа".into()
    } else {
        expected.to_owned()
    }
}

/// An I/O error in Russian where we know the case.
pub(crate) fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "файл не найден".into(),
        ErrorKind::PermissionDenied => "нет прав на чтение".into(),
        ErrorKind::IsADirectory => "это папка, а не файл".into(),
        ErrorKind::InvalidData => "данные повреждены".into(),
        _ => crate::output::io_reason(e),
    }
}
