//! Rows of cells with known columns → sections of measures.

use std::collections::BTreeMap;

use super::TableImport;
use super::columns::{ColumnMapping, TableColumn, is_column_numbering, looks_like_number};
use crate::model::{Measure, MeasureField, Section};

/// Words that open a section heading: "Направление № 1 …", "Раздел 2. …".
const SECTION_WORDS: [&str; 5] = ["направление", "раздел", "блок", "часть", "модуль"];

/// Builds sections and measures from the data rows of `mapping`. Never fails; what it cannot place goes
/// to the warnings.
pub(super) fn build(rows: &[Vec<String>], mapping: &ColumnMapping) -> TableImport {
    let first = mapping.first_data_row().min(rows.len());
    let title_lines = rows[..mapping.header_first_row().map_or(0, |h| h.min(rows.len()))]
        .iter()
        .filter_map(|row| row_text(row))
        .collect();
    // The header again further down (a table pasted page by page, a continuation table) is not a measure.
    let header: Vec<Vec<String>> = match mapping.header_first_row() {
        Some(top) => rows[top.min(rows.len())..first]
            .iter()
            .map(|r| key(r))
            .collect(),
        None => Vec::new(),
    };
    // Each column's name: the detected header's, or the header row's text for a mapping given by hand.
    let labels: Vec<String> = (0..rows.iter().map(Vec::len).max().unwrap_or(0))
        .map(|col| match mapping.label(col) {
            "" => mapping
                .header_row
                .and_then(|h| rows.get(h))
                .and_then(|r| r.get(col))
                .map_or(String::new(), |c| c.trim().to_owned()),
            label => label.to_owned(),
        })
        .collect();
    let mut builder = Builder {
        labels,
        ..Builder::default()
    };
    for (i, row) in rows.iter().enumerate().skip(first) {
        if !header.is_empty() && header.contains(&key(row)) {
            continue;
        }
        builder.row(i + 1, row, mapping);
    }
    let mut warnings = builder.warnings;
    let mut left_out = builder.left_out;
    for (col, count) in builder.unread {
        let n = col + 1;
        left_out.push(match builder.labels[col].as_str() {
            "" => format!(
                "Столбец {n} без заголовка не импортирован: его текст пропущен (строк с текстом: {count})."
            ),
            h => format!(
                "Столбец {n} «{h}» не импортирован: его текст пропущен (строк с текстом: {count})."
            ),
        });
    }
    warnings.extend(left_out.iter().cloned());
    for (col, count) in builder.to_notes {
        let n = col + 1;
        let h = builder.labels[col].as_str();
        if mapping.columns.get(col).copied().flatten() == Some(TableColumn::Notes)
            && TableColumn::recognize(h) != Some(TableColumn::Notes)
        {
            warnings.push(format!(
                "Столбец {n} «{h}» не распознан — его текст добавлен в примечание (строк с текстом: {count})."
            ));
        }
    }
    let mut sections = builder.sections;
    if let Some(section) = builder.current {
        sections.push(section);
    }
    TableImport {
        title_lines,
        sections,
        warnings,
        left_out,
    }
}

/// A row's cells with whitespace collapsed, without the empty cells at its end: rows that repeat the
/// header compare equal however Word wrapped them.
fn key(row: &[String]) -> Vec<String> {
    let mut cells: Vec<String> = row
        .iter()
        .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    while cells.last().is_some_and(|c| c.is_empty()) {
        cells.pop();
    }
    cells
}

#[derive(Default)]
struct Builder {
    sections: Vec<Section>,
    current: Option<Section>,
    warnings: Vec<String>,
    /// Columns not imported that hold text: column → number of rows.
    unread: BTreeMap<usize, usize>,
    /// Columns whose text went to the notes: column → number of rows.
    to_notes: BTreeMap<usize, usize>,
    /// Each column's name.
    labels: Vec<String>,
    /// Rows skipped.
    left_out: Vec<String>,
}

impl Builder {
    /// Takes one data row (`line` counts from 1, for messages).
    fn row(&mut self, line: usize, row: &[String], mapping: &ColumnMapping) {
        let cells: Vec<&str> = row.iter().map(|c| c.trim()).collect();
        if cells.iter().all(|c| c.is_empty()) || is_column_numbering(&cells) {
            return;
        }
        if let Some(text) = section_text(&cells, mapping) {
            let (number, title) = split_heading(text);
            if let Some(done) = self.current.replace(Section::new(number, title)) {
                self.sections.push(done);
            }
            return;
        }
        let mut measure = Measure::new("", "");
        let (mut start, mut end) = ("", "");
        for (col, text) in cells.iter().enumerate() {
            if text.is_empty() {
                continue;
            }
            match mapping.columns.get(col).copied().flatten() {
                Some(TableColumn::Start) => start = text,
                Some(TableColumn::End) => end = text,
                Some(TableColumn::Notes) => {
                    *self.to_notes.entry(col).or_default() += 1;
                    let label = self.labels.get(col).map_or("", String::as_str);
                    MeasureField::Notes.append(&mut measure, &note_line(label, text));
                }
                Some(column) => match column.field() {
                    Some(field) => field.append(&mut measure, text),
                    None => *self.unread.entry(col).or_default() += 1,
                },
                None => *self.unread.entry(col).or_default() += 1,
            }
        }
        let span = deadline_span(start, end);
        if !span.is_empty() {
            MeasureField::Deadline.append(&mut measure, &span);
        }
        if !measure.title.is_empty() {
            self.section().measures.push(measure);
            return;
        }
        // No title: the rest of a measure whose cells Word split over two rows.
        match self.current.as_mut().and_then(|s| s.measures.last_mut()) {
            Some(previous) => {
                append(previous, &measure);
                self.warnings.push(format!(
                    "Строка {line}: нет названия мероприятия — текст добавлен к предыдущему мероприятию."
                ));
            }
            None => self.left_out.push(format!(
                "Строка {line}: нет названия мероприятия — строка пропущена."
            )),
        }
    }

    /// The section measures go to: the last heading, or an untitled one when there is none yet.
    fn section(&mut self) -> &mut Section {
        self.current.get_or_insert_with(|| Section::new("", ""))
    }
}

/// The text of a section heading row: one cell of text (or the same text repeated across merged cells) —
/// in the № column or a column left of all mapped ones, or in the Мероприятие column when it reads like a
/// heading ("1. …", "Направление …"). A lone measure number is not a heading.
fn section_text<'a>(cells: &[&'a str], mapping: &ColumnMapping) -> Option<&'a str> {
    let mut filled = cells.iter().enumerate().filter(|(_, c)| !c.is_empty());
    let (col, text) = filled.next()?;
    let mut repeated = false;
    for (_, other) in filled {
        if other != text {
            return None;
        }
        repeated = true;
    }
    if repeated {
        return Some(text);
    }
    let mapped = |what| mapping.column_of(what);
    let first_mapped = mapping.columns.iter().position(Option::is_some);
    let heading = if Some(col) == mapped(TableColumn::Number) {
        !looks_like_number(text)
    } else if Some(col) == mapped(TableColumn::Title) {
        reads_like_heading(text)
    } else {
        first_mapped.is_some_and(|f| col < f)
    };
    heading.then_some(*text)
}

/// "1. Создание…", "IV. …", "Направление № 1 …", "Раздел 2. …".
fn reads_like_heading(text: &str) -> bool {
    let lower = text.to_lowercase();
    if SECTION_WORDS.iter().any(|w| lower.starts_with(w)) {
        return true;
    }
    match number_prefix(text) {
        Some((number, title)) => !number.contains('.') && !title.is_empty(),
        None => false,
    }
}

/// A section heading as number and title: "1. Создание" → ("1", "Создание"); "Направление № 1. Кадры" →
/// ("1", "Кадры"); text without a number → ("", text).
pub(super) fn split_heading(text: &str) -> (String, String) {
    let text = text.trim();
    let lower = text.to_lowercase();
    if let Some(word) = SECTION_WORDS.iter().find(|w| lower.starts_with(*w)) {
        // Section words are Cyrillic, so byte lengths of the lower-case and original prefix agree.
        let rest = text[word.len()..].trim_start();
        let rest = rest.strip_prefix('№').unwrap_or(rest).trim_start();
        return match number_prefix(rest) {
            Some((number, title)) if !title.is_empty() => (number, title),
            _ => (String::new(), text.to_owned()),
        };
    }
    match number_prefix(text) {
        Some((number, title)) if !title.is_empty() => (number, title),
        _ => (String::new(), text.to_owned()),
    }
}

/// A leading number ("1", "1.", "2.3.", "IV.", "3)") and the text after it, trimmed of separators.
/// The number loses its trailing dot.
fn number_prefix(text: &str) -> Option<(String, String)> {
    let arabic = text.starts_with(|c: char| c.is_ascii_digit());
    let end = if arabic {
        text.find(|c: char| !(c.is_ascii_digit() || c == '.'))
    } else {
        text.find(|c: char| !"IVXLC".contains(c))
    }
    .unwrap_or(text.len());
    if end == 0 {
        return None;
    }
    let (token, rest) = text.split_at(end);
    let next = rest.chars().next();
    // The number must stand apart: "1. Текст", "1 Текст", "1) Текст", "IV. Текст" — not "1-й" or "IVан".
    let separated = if arabic {
        token.ends_with('.')
            || next.is_none_or(|c| c.is_whitespace() || matches!(c, ')' | ':' | '–' | '—'))
    } else {
        matches!(next, Some('.' | ')'))
    };
    if !separated {
        return None;
    }
    let title = rest.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | ')' | ':' | '–' | '—' | '-')
    });
    Some((token.trim_end_matches('.').to_owned(), title.to_owned()))
}

/// «Сроки» split into start and end as one deadline: «сентябрь 2021 – октябрь 2021»; either alone as it is.
fn deadline_span(start: &str, end: &str) -> String {
    match (start.is_empty(), end.is_empty()) {
        (false, false) => format!("{start} – {end}"),
        (false, true) => start.to_owned(),
        (true, false) => end.to_owned(),
        (true, true) => String::new(),
    }
}

/// A line of the notes from a column the measure has no field for: «Целевая группа: Руководители ОО»; the
/// text alone under «Примечание» or a column without a name.
fn note_line(label: &str, text: &str) -> String {
    let name = label.rsplit(" / ").next().unwrap_or("").trim();
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let plain = name.is_empty()
        || name.to_lowercase().starts_with("примечани")
        || name.to_lowercase().starts_with("комментари");
    if plain {
        text.to_owned()
    } else {
        format!("{}: {text}", name.trim_end_matches(':'))
    }
}

/// Adds the fields of a title-less continuation row to the measure above it, line by line.
fn append(previous: &mut Measure, rest: &Measure) {
    for field in MeasureField::of_measure(rest) {
        let text = field.get(rest);
        if !text.is_empty() {
            field.append(previous, text);
        }
    }
}

/// A title row's text: its cells, each once, joined by spaces.
fn row_text(row: &[String]) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for cell in row.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        if !parts.contains(&cell) {
            parts.push(cell);
        }
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}
