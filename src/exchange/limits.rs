//! The limits every table reader (CSV/TSV, Word, Excel) keeps to, so a small crafted file can neither eat
//! the machine's memory nor its time: far beyond any real road map, small enough that the largest table
//! allowed fits in a few hundred megabytes.
//!
//! The limits are checked while reading, never trusted from what a file declares (an Excel `<dimension>`,
//! a `uniqueCount`, a Word `gridBefore`); a refusal names the limit in Russian.

use crate::i18n::{Arg, I18n, Language, Localize};

/// The most columns a table may have.
pub const MAX_COLUMNS: usize = 200;
/// The most rows with text a table may have.
pub const MAX_ROWS: usize = 100_000;
/// The most lines a text table may have, blank ones included (blank lines are not kept).
pub const MAX_LINES: usize = 1_000_000;
/// The most cells a table may have in all (rows × columns for a grid).
pub const MAX_CELLS: usize = 2_000_000;
/// The most merged regions a sheet may have.
pub const MAX_MERGES: usize = 10_000;
/// The most paragraphs a Word document may have (in and out of tables).
pub const MAX_PARAGRAPHS: usize = 1_000_000;
/// The most texts an Excel workbook's shared-strings table may hold (declared or found).
pub const MAX_SHARED_STRINGS: usize = 1_000_000;

/// The most text one cell may hold: 1 MB (a real road map's longest cell is a few kilobytes).
pub const MAX_CELL_BYTES: usize = 1024 * 1024;

/// The most text a read table may hold in all, counted as cells are filled (a merged or continued cell
/// repeats its text in every cell it covers): 64 MB.
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// Which limit a file went over. The text is in `assets/i18n/*.ftl` (keys `limit-error-*`), given by
/// [`Localize`]; `Display` is the Russian one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LimitError {
    Columns,
    Rows,
    Lines,
    Cells,
    Merges,
    OverlappingMerges(String),
    SharedStrings,
    BadReference(String),
    Text,
    Cell,
    Paragraphs,
}

crate::i18n::display_in_russian!(LimitError);

impl Localize for LimitError {
    fn message(&self, i18n: &I18n) -> String {
        let count =
            |key: &str, n: usize| i18n.tr_args(key, &[("max", Arg::Str(&grouped_in(n, i18n)))]);
        let megabytes = |key: &str, bytes: usize| {
            i18n.tr_args(
                key,
                &[("max", Arg::Str(&(bytes / (1024 * 1024)).to_string()))],
            )
        };
        let cells = |key: &str, at: &str| i18n.tr_args(key, &[("cells", Arg::Str(at))]);
        match self {
            LimitError::Columns => count("limit-error-columns", MAX_COLUMNS),
            LimitError::Rows => count("limit-error-rows", MAX_ROWS),
            LimitError::Lines => count("limit-error-lines", MAX_LINES),
            LimitError::Cells => count("limit-error-cells", MAX_CELLS),
            LimitError::Merges => count("limit-error-merges", MAX_MERGES),
            LimitError::OverlappingMerges(at) => cells("limit-error-overlapping-merges", at),
            LimitError::SharedStrings => count("limit-error-shared-strings", MAX_SHARED_STRINGS),
            LimitError::BadReference(at) => cells("limit-error-bad-reference", at),
            LimitError::Text => megabytes("limit-error-text", MAX_TEXT_BYTES),
            LimitError::Cell => megabytes("limit-error-cell", MAX_CELL_BYTES),
            LimitError::Paragraphs => count("limit-error-paragraphs", MAX_PARAGRAPHS),
        }
    }
}

/// Counts the text put into a table's cells against [`MAX_TEXT_BYTES`].
#[derive(Debug, Default)]
pub struct TextBudget {
    used: usize,
}

impl TextBudget {
    /// Counts one cell's text; refuses a cell over [`MAX_CELL_BYTES`] or a total over the limit.
    pub fn cell(&mut self, bytes: usize) -> Result<(), LimitError> {
        if bytes > MAX_CELL_BYTES {
            return Err(LimitError::Cell);
        }
        self.spend(bytes)
    }

    /// Counts `bytes` more; refuses once the total is over the limit.
    pub fn spend(&mut self, bytes: usize) -> Result<(), LimitError> {
        self.used = self.used.saturating_add(bytes);
        if self.used > MAX_TEXT_BYTES {
            return Err(LimitError::Text);
        }
        Ok(())
    }
}

/// A count with groups of three digits, as Russian text writes it: «100 000».
pub fn grouped(n: usize) -> String {
    grouped_with(n, ' ')
}

/// A count grouped as the language of `i18n` writes it: «100 000» in Russian, "100,000" in English.
fn grouped_in(n: usize, i18n: &I18n) -> String {
    match i18n.language() {
        Language::Russian => grouped(n),
        Language::English => grouped_with(n, ','),
    }
}

fn grouped_with(n: usize, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// Whether a table of `rows` × `columns` stays within [`MAX_ROWS`], [`MAX_COLUMNS`] and [`MAX_CELLS`].
pub fn check_grid(rows: usize, columns: usize) -> Result<(), LimitError> {
    if columns > MAX_COLUMNS {
        return Err(LimitError::Columns);
    }
    if rows > MAX_ROWS {
        return Err(LimitError::Rows);
    }
    if rows.saturating_mul(columns) > MAX_CELLS {
        return Err(LimitError::Cells);
    }
    Ok(())
}

/// Splits delimited text (CSV/TSV) into rows like [`super::table_import::parse_delimited`], within the limits:
/// blank lines are counted but not kept (an empty row stands for each, so row numbers stay those of the
/// file), a row wider than [`MAX_COLUMNS`] with text beyond it is refused (empty cells beyond it are
/// dropped), and the rows and cells with text are bounded.
pub fn parse_delimited_bounded(
    text: &str,
    delimiter: Option<char>,
) -> Result<Vec<Vec<String>>, LimitError> {
    use super::table_import::cells::Parser;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = delimiter.unwrap_or_else(|| super::table_import::detect_delimiter(text));
    let mut parser = Parser::new(text, delimiter);
    let mut rows = Vec::new();
    let (mut filled, mut cells) = (0usize, 0usize);
    while let Some(row) = parser.next() {
        if parser.overflowed() {
            return Err(LimitError::Columns);
        }
        if rows.len() >= MAX_LINES {
            return Err(LimitError::Lines);
        }
        if row.iter().all(|c| c.trim().is_empty()) {
            rows.push(Vec::new());
            continue;
        }
        if row.iter().any(|c| c.len() > MAX_CELL_BYTES) {
            return Err(LimitError::Cell);
        }
        filled += 1;
        cells += row.len();
        if filled > MAX_ROWS {
            return Err(LimitError::Rows);
        }
        if cells > MAX_CELLS {
            return Err(LimitError::Cells);
        }
        rows.push(row);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_written_in_groups_of_three() {
        assert_eq!(grouped(200), "200");
        assert_eq!(grouped(1000), "1 000");
        assert_eq!(grouped(100_000), "100 000");
        assert_eq!(grouped(2_000_000), "2 000 000");
    }

    #[test]
    fn a_refusal_names_the_limit_grouped_as_its_language_writes_numbers() {
        let english = I18n::new(Language::English);
        assert_eq!(
            LimitError::Rows.message(&english),
            "File refused: the table has more than 100,000 rows."
        );
        assert_eq!(
            LimitError::Rows.to_string(),
            "Файл отклонён: в таблице больше 100 000 строк."
        );
        assert_eq!(
            LimitError::Cell.message(&english),
            "File refused: a table cell holds more than 1 MB of text."
        );
    }

    #[test]
    fn the_column_refusal_names_the_limit_in_russian() {
        assert_eq!(
            LimitError::Columns.to_string(),
            "Файл отклонён: в таблице больше 200 столбцов."
        );
    }

    #[test]
    fn blank_lines_are_kept_as_empty_rows_without_cells() {
        let rows = parse_delimited_bounded("a;b\n\n;;\n  \nc;d\n", None).unwrap();
        assert_eq!(rows.len(), 5);
        assert_eq!(rows[0], vec!["a", "b"]);
        assert!(rows[1].is_empty() && rows[2].is_empty() && rows[3].is_empty());
        assert_eq!(rows[4], vec!["c", "d"]);
    }

    #[test]
    fn text_beyond_the_last_column_is_refused_but_trailing_empty_cells_are_dropped() {
        let mut wide = "x;".repeat(MAX_COLUMNS);
        wide.push('y');
        assert_eq!(
            parse_delimited_bounded(&wide, Some(';')),
            Err(LimitError::Columns)
        );
        let padded = format!("a;b{}\n", ";".repeat(10_000));
        let rows = parse_delimited_bounded(&padded, Some(';')).unwrap();
        assert_eq!(rows[0].len(), MAX_COLUMNS);
        assert_eq!(&rows[0][..2], ["a", "b"]);
    }

    #[test]
    fn too_many_lines_rows_or_cells_are_refused() {
        let blank = "\n".repeat(MAX_LINES + 1);
        assert_eq!(
            parse_delimited_bounded(&blank, Some(';')),
            Err(LimitError::Lines)
        );
        let many = "a\n".repeat(MAX_ROWS + 1);
        assert_eq!(
            parse_delimited_bounded(&many, Some(';')),
            Err(LimitError::Rows)
        );
        let wide_row = format!("{}\n", "a;".repeat(MAX_COLUMNS - 1) + "a");
        let cells = wide_row.repeat(MAX_CELLS / MAX_COLUMNS + 1);
        assert_eq!(
            parse_delimited_bounded(&cells, Some(';')),
            Err(LimitError::Cells)
        );
    }

    #[test]
    fn the_text_budget_refuses_past_its_limit() {
        let mut budget = TextBudget::default();
        assert_eq!(budget.spend(MAX_TEXT_BYTES), Ok(()));
        assert_eq!(budget.spend(1), Err(LimitError::Text));
    }

    #[test]
    fn a_cell_over_a_megabyte_is_refused() {
        let text = format!("№;Мероприятие\n1;\"{}\"\n", "я".repeat(MAX_CELL_BYTES));
        assert_eq!(parse_delimited_bounded(&text, None), Err(LimitError::Cell));
        let mut budget = TextBudget::default();
        assert_eq!(budget.cell(MAX_CELL_BYTES + 1), Err(LimitError::Cell));
        assert_eq!(budget.cell(MAX_CELL_BYTES), Ok(()));
    }

    #[test]
    fn grids_within_and_beyond_the_limits() {
        assert_eq!(check_grid(100, 10), Ok(()));
        assert_eq!(check_grid(1, MAX_COLUMNS + 1), Err(LimitError::Columns));
        assert_eq!(check_grid(MAX_ROWS + 1, 1), Err(LimitError::Rows));
        assert_eq!(check_grid(MAX_ROWS, MAX_COLUMNS), Err(LimitError::Cells));
    }
}
