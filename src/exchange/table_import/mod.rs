//! Road maps as tables: the text a user gets by copying the Word table (tab-separated), a CSV saved by
//! Excel, or rows copied from a spreadsheet. Pure of egui and of the store.
//!
//! Three steps, each its own module:
//! - [`parse_delimited`] (`cells`): text → rows of cells, with quoted multi-line cells and CRLF;
//! - [`ColumnMapping::detect`] (`columns`): the header row, found by its Russian column names in any order
//!   and not necessarily on the first row (a title may stand above it);
//! - `structure`: rows → sections and measures. A row whose only text is one cell (or the same text repeated
//!   across merged cells) is a section heading, split into number and title ("1. Создание…",
//!   "Направление № 1 …", "Раздел 2. …"); other rows are measures, numbered or not.
//!
//! When the header is not recognised, [`read_table`] says so ([`TableError::NoHeader`]) and the caller can
//! ask the user which column holds what, then call [`read_table_with_columns`].

pub(crate) mod cells;
mod columns;
pub mod file;
pub mod stage;
mod structure;
#[cfg(test)]
mod tests;

pub use cells::{detect as detect_delimiter, parse_delimited};
pub use columns::{ColumnMapping, TableColumn};

use crate::model::Section;

/// What a table holds: the title above its header, its sections of measures (new ids, stamped now, due
/// dates not derived yet: that needs the plan's period), and what could not be read cleanly.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TableImport {
    /// The text of the rows above the header (the road map's title, the approving order…), one line a row.
    pub title_lines: Vec<String>,
    pub sections: Vec<Section>,
    /// Russian notes on rows that were skipped or merged, and columns that were not read.
    pub warnings: Vec<String>,
    /// What of the table is not in the plan (columns not imported, rows skipped), Russian, one line each: the
    /// final message of the import names it. Each line is also among the warnings.
    pub left_out: Vec<String>,
}

impl TableImport {
    pub fn measure_count(&self) -> usize {
        self.sections.iter().map(|s| s.measures.len()).sum()
    }
}

/// Why a table cannot be read. The text is in `assets/i18n/*.ftl` (keys `table-error-*`), given by
/// [`crate::i18n::Localize`]; `Display` is the Russian one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    Empty,
    NoHeader,
    NoTitleColumn,
    NoData,
}

crate::i18n::localized_by_key!(TableError {
    Empty => "table-error-empty",
    NoHeader => "table-error-no-header",
    NoTitleColumn => "table-error-no-title-column",
    NoData => "table-error-no-data",
});

/// Reads a road-map table whose header row names its columns (see the module docs).
pub fn read_table(rows: &[Vec<String>]) -> Result<TableImport, TableError> {
    if rows
        .iter()
        .all(|row| row.iter().all(|c| c.trim().is_empty()))
    {
        return Err(TableError::Empty);
    }
    let mapping = ColumnMapping::detect(rows).ok_or(TableError::NoHeader)?;
    read_table_with_columns(rows, &mapping)
}

/// Reads a table with the columns given by `mapping` (detected, chosen by the user, or
/// [`ColumnMapping::headerless`] for rows copied without their header).
pub fn read_table_with_columns(
    rows: &[Vec<String>],
    mapping: &ColumnMapping,
) -> Result<TableImport, TableError> {
    if mapping.column_of(TableColumn::Title).is_none() {
        return Err(TableError::NoTitleColumn);
    }
    let mut import = structure::build(rows, mapping);
    crate::model::propose_executors(&mut import.sections);
    if import.sections.is_empty() {
        return Err(
            if rows
                .iter()
                .all(|row| row.iter().all(|c| c.trim().is_empty()))
            {
                TableError::Empty
            } else {
                TableError::NoData
            },
        );
    }
    Ok(import)
}
