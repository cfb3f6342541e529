//! A road map from an Excel workbook: the first sheet with a recognisable header row, read by the same
//! table reader as CSV/TSV, merged cells filled in, the rows above the header giving the plan header.

use std::io::Cursor;

use calamine::{Data, Range, Reader, Xlsx};

use crate::exchange::office::{
    OfficeError, OfficeImport, OfficeKind, OfficeTable, Package, drop_repeated_headers,
    spread_heading,
};
use crate::exchange::table_import::ColumnMapping;

use crate::exchange::limits::{LimitError, MAX_COLUMNS, MAX_ROWS, TextBudget};

/// Reads an .xlsx held in memory (see the module docs).
/// `today` gives the school year taken when the document names no period.
pub fn read_xlsx(
    bytes: &[u8],
    file_stem: &str,
    today: chrono::NaiveDate,
) -> Result<OfficeImport, OfficeError> {
    xlsx_table(bytes, file_stem)?.read(today)
}

/// The road-map table of the first sheet that has one, before its columns are applied (see
/// [`read_xlsx`]).
pub fn xlsx_table(bytes: &[u8], file_stem: &str) -> Result<OfficeTable, OfficeError> {
    first_sheet(bytes, file_stem, |rows| {
        if ColumnMapping::detect(rows).is_none() {
            return false;
        }
        drop_repeated_headers(rows);
        true
    })
}

/// The first sheet holding any text, for the column-mapping step when no sheet has a recognisable header.
pub fn xlsx_first_sheet(bytes: &[u8], file_stem: &str) -> Result<OfficeTable, OfficeError> {
    first_sheet(bytes, file_stem, |rows| {
        rows.iter().any(|r| r.iter().any(|c| !c.trim().is_empty()))
    })
}

/// The cells of the first sheet (merged cells filled in) that `take` accepts; `take` may tidy them first.
fn first_sheet(
    bytes: &[u8],
    file_stem: &str,
    mut take: impl FnMut(&mut Vec<Vec<String>>) -> bool,
) -> Result<OfficeTable, OfficeError> {
    let mut book = open_book(bytes)?;
    for name in book.sheet_names() {
        let Ok(range) = book.worksheet_range(&name) else {
            continue;
        };
        let merges = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
        let mut rows = grid(&range, &merges)?;
        if take(&mut rows) {
            return Ok(OfficeTable {
                rows,
                lines: Vec::new(),
                title_rows_emphasized: false,
                stem: file_stem.to_owned(),
            });
        }
    }
    Err(OfficeError::NoSheetTable)
}

/// The workbook opened by calamine, after every part was inflated once within the limits (so calamine,
/// which opens the archive itself, never meets a part over them) and its sheets were scanned by
/// [`super::guard`] (cell positions, shared strings and merges within the limits before calamine sizes
/// anything by them). Every reading of a workbook starts here.
fn open_book(bytes: &[u8]) -> Result<Xlsx<Cursor<&[u8]>>, OfficeError> {
    let mut package = Package::open(bytes, OfficeKind::Excel)?;
    package.check_all_parts()?;
    super::guard::check_package(&mut package)?;
    Xlsx::new(Cursor::new(bytes)).map_err(|e| OfficeError::Spreadsheet(e.to_string()))
}

/// The sheet as rows of cell texts from A1, merged regions filled: a region's text applies to every row it
/// spans; across columns it stays in the first unless it is the row's only text (a title or section row).
/// The sheet's size and merges were checked by [`super::guard`] (merges do not overlap, so filling them is
/// linear); the text filled in is counted against the limit.
fn grid(
    range: &Range<Data>,
    merges: &[calamine::Dimensions],
) -> Result<Vec<Vec<String>>, LimitError> {
    let Some((end_row, end_col)) = range.end() else {
        return Ok(Vec::new());
    };
    let mut budget = TextBudget::default();
    let height = (end_row as usize + 1).min(MAX_ROWS);
    let width = (end_col as usize + 1).min(MAX_COLUMNS);
    let mut rows = vec![vec![String::new(); width]; height];
    for (r, c, value) in range.used_cells() {
        let (r, c) = (
            r + range.start().map_or(0, |s| s.0 as usize),
            c + range.start().map_or(0, |s| s.1 as usize),
        );
        if r < height && c < width {
            rows[r][c] = text(value);
            budget.cell(rows[r][c].len())?;
        }
    }
    for m in merges {
        let (top, left) = (m.start.0 as usize, m.start.1 as usize);
        let (bottom, right) = (m.end.0 as usize, m.end.1 as usize);
        if top >= height || left >= width {
            continue;
        }
        let text = rows[top][left].clone();
        for row in rows
            .iter_mut()
            .take(bottom.min(height - 1) + 1)
            .skip(top + 1)
        {
            budget.spend(text.len())?;
            row[left].clone_from(&text);
        }
        let span = right.min(width - 1) - left + 1;
        for row in rows.iter_mut().take(bottom.min(height - 1) + 1).skip(top) {
            budget.spend(text.len().saturating_mul(span))?;
            spread_heading(row, left, span);
        }
    }
    Ok(rows)
}

/// A cell as text: numbers without a needless ".0", dates as ДД.ММ.ГГГГ, line breaks kept.
fn text(value: &Data) -> String {
    match value {
        Data::String(s) => s.replace("\r\n", "\n"),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::DateTime(d) => match d.as_datetime() {
            Some(dt) if d.is_datetime() => dt.format(crate::model::DATE_FORMAT).to_string(),
            _ => value.to_string(),
        },
        Data::Error(_) | Data::Empty => String::new(),
        other => other.to_string(),
    }
}
