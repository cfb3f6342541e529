//! Every table import — CSV/TSV, Word, Excel — in two steps: the table is read into a [`TableStage`] (its
//! rows and the columns its header names), then made into a plan with the columns the user agreed to. The
//! Обмен screen shows the detected columns with their meaning and sample cells; changing a column's
//! meaning reads the same rows again ([`TableStage::with_columns`]) without opening the file again.

use std::path::Path;

use chrono::NaiveDate;

use crate::exchange::office::{self, OfficeTable};
use crate::exchange::table_import::file::{self as table_file, ImportSource, TableText};
use crate::exchange::table_import::{self as table, ColumnMapping, TableColumn, TableError};
use crate::exchange::{ExchangeFile, Origin};

/// How many sample cells a column shows.
const SAMPLES: usize = 3;
/// How many characters of a sample cell are shown.
const SAMPLE_CHARS: usize = 60;

/// Where the rows came from: what the plan is built with besides them.
#[derive(Debug, Clone, PartialEq)]
pub enum StageOrigin {
    /// A CSV/TSV file (or pasted text) decoded into rows.
    Text(TableText),
    /// A Word or Excel document: the rows of its table and the lines above it.
    Office(OfficeTable),
}

impl StageOrigin {
    /// The rows of the table.
    pub fn rows(&self) -> &[Vec<String>] {
        match self {
            StageOrigin::Text(text) => &text.rows,
            StageOrigin::Office(table) => &table.rows,
        }
    }

    /// The rows of a table file or Word/Excel document whose header is not recognised, for the user to
    /// name its columns (`None` for other files, or when there is no text to map).
    pub fn unrecognised(path: &Path) -> Option<StageOrigin> {
        let origin = if office::is_office_path(path) {
            StageOrigin::Office(office::read_unrecognised_table(path).ok()?)
        } else if table_file::is_table_path(path) {
            StageOrigin::Text(table_file::read_table_text(path).ok()?)
        } else {
            return None;
        };
        let rows = origin.rows();
        let has_text = rows.iter().any(|r| r.iter().any(|c| !c.trim().is_empty()));
        (has_text && ColumnMapping::detect(rows).is_none()).then_some(origin)
    }
}

/// Why a table or document cannot be staged for import: the reader's own error.
#[derive(Debug, thiserror::Error)]
pub enum StageError {
    #[error(transparent)]
    Office(#[from] office::OfficeError),
    #[error(transparent)]
    File(#[from] crate::exchange::ExchangeError),
    #[error(transparent)]
    Table(#[from] TableError),
}

impl crate::i18n::Localize for StageError {
    fn message(&self, i18n: &crate::i18n::I18n) -> String {
        match self {
            StageError::Office(e) => e.message(i18n),
            StageError::File(e) => e.message(i18n),
            StageError::Table(e) => e.message(i18n),
        }
    }
}

/// A table read for import, with the columns in use.
#[derive(Debug, Clone, PartialEq)]
pub struct TableStage {
    pub origin: StageOrigin,
    pub mapping: ColumnMapping,
}

/// One column as the column step shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnSample {
    /// The column's name in the file (umbrella / sub-cell), or empty.
    pub label: String,
    /// What it is read as; `None` = not imported.
    pub meaning: Option<TableColumn>,
    /// The first cells of data with text, shortened.
    pub samples: Vec<String>,
}

/// A source made from a stage: what the preview shows, and what of the table the plan leaves out.
#[derive(Debug, Clone, PartialEq)]
pub struct StagedSource {
    pub source: ImportSource,
    pub left_out: Vec<String>,
}

impl TableStage {
    /// Reads a table file (`.csv`, `.tsv`, `.txt`) or a Word/Excel document and detects its header. `None`
    /// for any other file (an exchange file). A table whose header is not recognised is an error
    /// ([`TableError::NoHeader`]'s message for a table file).
    pub fn read(path: &Path) -> Result<Option<TableStage>, StageError> {
        if office::is_office_path(path) {
            let table = office::read_table_of(path)?;
            let mapping = ColumnMapping::detect(&table.rows).ok_or(office::OfficeError::NoTable)?;
            return Ok(Some(TableStage {
                origin: StageOrigin::Office(table),
                mapping,
            }));
        }
        if !table_file::is_table_path(path) {
            return Ok(None);
        }
        let text = table_file::read_table_text(path)?;
        let mapping = ColumnMapping::detect(&text.rows).ok_or(TableError::NoHeader)?;
        Ok(Some(TableStage {
            origin: StageOrigin::Text(text),
            mapping,
        }))
    }

    /// The table's rows.
    pub fn rows(&self) -> &[Vec<String>] {
        self.origin.rows()
    }

    /// The same rows read with other columns (the header rows stay where they were found).
    pub fn with_columns(&self, columns: Vec<Option<TableColumn>>) -> TableStage {
        let mut stage = self.clone();
        stage.mapping.columns = columns;
        stage
    }

    /// The plan the table makes with the columns in use, as a source for the preview. `today` decides the
    /// school year of a CSV/TSV table that names none.
    pub fn source(&self, today: NaiveDate) -> Result<StagedSource, StageError> {
        match &self.origin {
            StageOrigin::Text(text) => {
                let import = table::read_table_with_columns(&text.rows, &self.mapping)?;
                let left_out = import.left_out.clone();
                let (plan, mut notes) = table_file::plan_from_table(import, &text.stem, today);
                notes.insert(0, format!("Кодировка файла: {}.", text.encoding.name()));
                Ok(StagedSource {
                    source: ImportSource {
                        file: ExchangeFile::new(
                            Origin::default(),
                            vec![plan],
                            Vec::new(),
                            Vec::new(),
                        ),
                        notes,
                    },
                    left_out,
                })
            }
            StageOrigin::Office(table) => {
                let import = table.read_with(&self.mapping, today)?;
                Ok(StagedSource {
                    source: ImportSource {
                        file: ExchangeFile::new(
                            Origin::default(),
                            vec![import.plan],
                            Vec::new(),
                            Vec::new(),
                        ),
                        notes: import.warnings,
                    },
                    left_out: import.left_out,
                })
            }
        }
    }

    /// Every column of the table: its name, meaning and first cells of data.
    pub fn columns(&self) -> Vec<ColumnSample> {
        let rows = self.rows();
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let first = self.mapping.first_data_row().min(rows.len());
        let header_row = self.mapping.header_row.and_then(|h| rows.get(h));
        (0..width)
            .map(|col| {
                let label = match self.mapping.label(col) {
                    "" => header_row
                        .and_then(|r| r.get(col))
                        .map_or(String::new(), |c| one_line(c)),
                    label => one_line(label),
                };
                let samples = rows[first..]
                    .iter()
                    // Rows of one text (section headings, merged across) are not samples of a column.
                    .filter(|r| distinct_texts(r) >= 2)
                    .filter_map(|r| r.get(col))
                    .map(|c| c.trim())
                    .filter(|c| !c.is_empty())
                    .take(SAMPLES)
                    .map(|c| {
                        let line = one_line(c);
                        if line.chars().count() > SAMPLE_CHARS {
                            format!("{}…", line.chars().take(SAMPLE_CHARS).collect::<String>())
                        } else {
                            line
                        }
                    })
                    .collect();
                ColumnSample {
                    label,
                    meaning: self.mapping.columns.get(col).copied().flatten(),
                    samples,
                }
            })
            .collect()
    }
}

/// How many different texts a row holds.
fn distinct_texts(row: &[String]) -> usize {
    let mut texts: Vec<&str> = row
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    texts.sort_unstable();
    texts.dedup();
    texts.len()
}

/// A cell's text on one line, whitespace collapsed.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::decode::Encoding;

    fn stage(text: &str) -> TableStage {
        let rows = table::parse_delimited(text, None);
        let mapping = ColumnMapping::detect(&rows).unwrap();
        TableStage {
            origin: StageOrigin::Text(TableText {
                rows,
                encoding: Encoding::Utf8,
                stem: "t".into(),
            }),
            mapping,
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2021, 10, 1).unwrap()
    }

    #[test]
    fn columns_show_their_names_meanings_and_first_cells() {
        let stage = stage(
            "№\tМероприятие\tСроки\tЦелевая группа\n1.1\tСеминар\tмай\tУчителя\n1.2\tКурсы\tиюнь\tДиректора\n",
        );
        let columns = stage.columns();
        assert_eq!(columns.len(), 4);
        assert_eq!(columns[1].label, "Мероприятие");
        assert_eq!(columns[1].meaning, Some(TableColumn::Title));
        assert_eq!(columns[1].samples, ["Семинар", "Курсы"]);
        assert_eq!(columns[3].label, "Целевая группа");
        assert_eq!(columns[3].meaning, Some(TableColumn::Notes));
    }

    #[test]
    fn a_column_not_imported_is_left_out_and_said_so() {
        let stage = stage("№\tМероприятие\tЦелевая группа\n1.1\tСеминар\tУчителя\n");
        let kept = stage.source(today()).unwrap();
        let measure = &kept.source.file.plans[0].sections[0].measures[0];
        assert_eq!(measure.notes, "Целевая группа: Учителя");
        assert!(kept.left_out.is_empty());

        let dropped = stage
            .with_columns(vec![
                Some(TableColumn::Number),
                Some(TableColumn::Title),
                None,
            ])
            .source(today())
            .unwrap();
        let measure = &dropped.source.file.plans[0].sections[0].measures[0];
        assert_eq!(measure.notes, "");
        assert_eq!(dropped.left_out.len(), 1, "{:?}", dropped.left_out);
        assert!(dropped.left_out[0].contains("«Целевая группа» не импортирован"));
    }
}
