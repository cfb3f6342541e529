//! Every import goes through one preview: a file is read into an [`ImportSource`] (an exchange file, or a
//! road-map table made into a new plan), then [`merge::preview`](crate::exchange::merge::preview) says what it would
//! change. A plan read from any other format (Word, Excel) previews the same way with [`preview_plan`].
//!
//! Tables (CSV/TSV) are decoded with [`decode`](crate::exchange::decode) (UTF-8, UTF-8 with BOM, UTF-16 with BOM,
//! Windows-1251), split with [`table::parse_delimited`] (delimiter detected) and read with
//! [`table::read_table`] (header detected). The new plan is titled from the lines above the header, or from
//! the file name; its period comes from "2021-2022 учебный год" in that text, or is the current school year
//! (the summary says so).

use std::io::Read;
use std::path::Path;

use chrono::{Datelike, NaiveDate};

use crate::exchange::table_import::{self as table, ColumnMapping, TableImport};
use crate::exchange::{ExchangeError, ExchangeFile, ImportPreview, MAX_FILE_SIZE, Origin, merge};
use crate::model::{Period, Plan};
use crate::store::Store;

/// A file read for import, before the preview.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportSource {
    /// The data as an exchange file (a table becomes a file holding one new plan).
    pub file: ExchangeFile,
    /// Remarks for the user (encoding, a guessed period, rows skipped), Russian.
    pub notes: Vec<String>,
}

impl ImportSource {
    /// The preview of importing this source into `store`, with its notes.
    pub fn preview(&self, store: &Store) -> Result<ImportPreview, ExchangeError> {
        let mut preview = merge::preview(store, &self.file)?;
        preview.notes.extend(self.notes.iter().cloned());
        Ok(preview)
    }
}

/// A table file decoded and split into rows, before its columns are known.
#[derive(Debug, Clone, PartialEq)]
pub struct TableText {
    pub rows: Vec<Vec<String>>,
    pub encoding: crate::exchange::decode::Encoding,
    /// The file name without extension (the plan's title when the table has no title lines).
    pub stem: String,
}

/// Whether a path names a table (CSV/TSV/TXT) rather than an exchange file.
pub fn is_table_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_lowercase().as_str(), "csv" | "tsv" | "txt"))
}

/// Reads a file for import: an exchange file (JSON), or a table (`.csv`, `.tsv`, `.txt`) whose header is
/// recognised. `today` decides the school year when the table names none.
pub fn read_source(path: &Path, today: NaiveDate) -> Result<ImportSource, ExchangeError> {
    if !is_table_path(path) {
        return Ok(ImportSource {
            file: crate::exchange::read_file(path)?,
            notes: Vec::new(),
        });
    }
    let text = read_table_text(path)?;
    table_source(&text, None, today)
}

/// Reads and decodes a table file (at most [`MAX_FILE_SIZE`] bytes).
pub fn read_table_text(path: &Path) -> Result<TableText, ExchangeError> {
    let io = |e: std::io::Error| ExchangeError::Io {
        path: path.to_path_buf(),
        reason: crate::exchange::json::io_reason(&e),
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_FILE_SIZE {
        return Err(ExchangeError::TooLarge { size });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(ExchangeError::TooLarge {
            size: bytes.len() as u64,
        });
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    decode_table(&bytes, stem)
}

/// Decodes table bytes and splits them into rows.
pub fn decode_table(bytes: &[u8], stem: String) -> Result<TableText, ExchangeError> {
    let (text, encoding) = crate::exchange::decode::decode(bytes)?;
    Ok(TableText {
        rows: crate::exchange::limits::parse_delimited_bounded(&text, None)?,
        encoding,
        stem,
    })
}

/// A table made into a new plan: with the detected header (`mapping` = `None`) or the columns the user
/// chose.
pub fn table_source(
    text: &TableText,
    mapping: Option<&ColumnMapping>,
    today: NaiveDate,
) -> Result<ImportSource, ExchangeError> {
    let import = match mapping {
        Some(m) => table::read_table_with_columns(&text.rows, m),
        None => table::read_table(&text.rows),
    }?;
    let (plan, mut notes) = plan_from_table(import, &text.stem, today);
    notes.insert(0, format!("Кодировка файла: {}.", text.encoding.name()));
    Ok(ImportSource {
        file: ExchangeFile::new(Origin::default(), vec![plan], Vec::new(), Vec::new()),
        notes,
    })
}

/// A new plan from a table: title from the lines above the header or the file name, period from
/// "ГГГГ-ГГГГ учебный год" in them or the school year of `today`. Returns the notes to show.
pub fn plan_from_table(import: TableImport, stem: &str, today: NaiveDate) -> (Plan, Vec<String>) {
    let title_text = import
        .title_lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut notes = import.warnings.clone();
    let title = if title_text.is_empty() {
        notes.push(format!("Название плана взято из имени файла: «{stem}»."));
        if stem.trim().is_empty() {
            "Дорожная карта".to_owned()
        } else {
            stem.to_owned()
        }
    } else {
        title_text.clone()
    };
    let period = match school_year_in(&title_text) {
        Some(p) => p,
        None => {
            let p = Period::school_year_of(today);
            notes.push(format!(
                "Период плана в таблице не указан: взят текущий учебный год {}–{}. Его можно изменить в шапке плана.",
                p.from.year(),
                p.to.year()
            ));
            p
        }
    };
    let mut plan = Plan::new(title, period);
    plan.sections = import.sections;
    (plan, notes)
}

/// Wraps a plan read from any format in a file and previews importing it.
pub fn preview_plan(
    store: &Store,
    plan: Plan,
    notes: Vec<String>,
) -> Result<(ImportSource, ImportPreview), ExchangeError> {
    let source = ImportSource {
        file: ExchangeFile::new(Origin::default(), vec![plan], Vec::new(), Vec::new()),
        notes,
    };
    let preview = source.preview(store)?;
    Ok((source, preview))
}

/// "2021-2022 учебный год" (also with "–", "/" or spaces) → 01.09.2021–31.08.2022.
fn school_year_in(text: &str) -> Option<Period> {
    let chars: Vec<char> = text.chars().collect();
    let lower = text.to_lowercase();
    if !lower.contains("учебн") {
        return None;
    }
    for i in 0..chars.len() {
        let Some(y1) = year_at(&chars, i) else {
            continue;
        };
        let mut j = i + 4;
        while j < chars.len() && matches!(chars[j], ' ' | '-' | '–' | '—' | '/') {
            j += 1;
        }
        if j > i + 4
            && let Some(y2) = year_at(&chars, j)
            && y2 == y1 + 1
        {
            return Some(Period::new(
                NaiveDate::from_ymd_opt(y1, 9, 1)?,
                NaiveDate::from_ymd_opt(y2, 8, 31)?,
            ));
        }
    }
    None
}

fn year_at(chars: &[char], i: usize) -> Option<i32> {
    if i + 4 > chars.len() || (i > 0 && chars[i - 1].is_ascii_digit()) {
        return None;
    }
    let digits: String = chars[i..i + 4].iter().collect();
    if !digits.chars().all(|c| c.is_ascii_digit())
        || chars.get(i + 4).is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    digits.parse().ok().filter(|y| (1990..2100).contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_school_year_is_read_from_the_title_or_taken_from_today() {
        let p = school_year_in("Дорожная карта … на 2021-2022 учебный год").unwrap();
        assert_eq!(p.from, NaiveDate::from_ymd_opt(2021, 9, 1).unwrap());
        assert_eq!(p.to, NaiveDate::from_ymd_opt(2022, 8, 31).unwrap());
        assert!(school_year_in("План на 2022-2024 годы").is_none());
        let today = NaiveDate::from_ymd_opt(2024, 3, 5).unwrap();
        assert_eq!(Period::school_year_of(today).from.year(), 2023);
    }
}
