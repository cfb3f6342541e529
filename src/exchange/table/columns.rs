//! Which column holds what: the header row found by its Russian column names, or a mapping given by hand.

use serde::{Deserialize, Serialize};

/// What a column of a road-map table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TableColumn {
    /// № п/п.
    Number,
    /// Мероприятие.
    Title,
    /// Сроки.
    Deadline,
    /// Ответственные.
    Responsible,
    /// Результат.
    Result,
    /// Документы, закрепляющие результат.
    Documents,
    /// The key activity of one year (a column headed "2022" or "2022 год").
    Year(i32),
}

impl TableColumn {
    /// The Russian name of the column, for messages and the column-mapping step.
    pub fn name(self) -> String {
        match self {
            TableColumn::Number => "№".into(),
            TableColumn::Title => "Мероприятие".into(),
            TableColumn::Deadline => "Сроки".into(),
            TableColumn::Responsible => "Ответственные".into(),
            TableColumn::Result => "Результат".into(),
            TableColumn::Documents => "Документы".into(),
            TableColumn::Year(year) => format!("{year} год"),
        }
    }

    /// What a header cell names, if it is a column we know.
    pub fn recognize(header: &str) -> Option<TableColumn> {
        let h = normalize(header);
        // Header cells are short names; longer text is data.
        if h.is_empty() || h.chars().count() > 80 || h.split(' ').count() > 6 {
            return None;
        }
        let compact: String = h
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '.')
            .collect();
        if matches!(
            compact.as_str(),
            "№" | "№п/п" | "№пп" | "п/п" | "пп" | "n" | "no" | "nп/п" | "номер" | "#"
        ) {
            return Some(TableColumn::Number);
        }
        if let Some(year) = year_of(&h) {
            return Some(TableColumn::Year(year));
        }
        let starts = |prefixes: &[&str]| prefixes.iter().any(|p| h.starts_with(p));
        if starts(&["документ"]) || h.contains("закрепляющ") || h.contains("подтверждающ")
        {
            Some(TableColumn::Documents)
        } else if starts(&[
            "срок",
            "дата проведения",
            "период исполнения",
            "время проведения",
        ]) {
            Some(TableColumn::Deadline)
        } else if starts(&["ответствен", "исполнител"]) {
            Some(TableColumn::Responsible)
        } else if h.contains("результат") {
            Some(TableColumn::Result)
        } else if starts(&[
            "мероприяти",
            "наименование",
            "название мероприяти",
            "содержание",
        ]) {
            Some(TableColumn::Title)
        } else {
            None
        }
    }
}

/// The columns of a table: where its header row is and what each column holds.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ColumnMapping {
    /// The index of the header row. Rows above it are the table's title; rows below are data. `None`: every
    /// row is data (rows copied without their header).
    pub header_row: Option<usize>,
    /// What each column holds, by column index; `None` = ignored.
    pub columns: Vec<Option<TableColumn>>,
}

/// How many rows from the top are searched for the header.
const HEADER_SEARCH_ROWS: usize = 40;

impl ColumnMapping {
    /// The header row found by its Russian names among the first rows: the first row naming the measure
    /// column and at least one other known column. A second row holding only years (a "Сроки" header split
    /// into "2022 · 2023 · 2024") adds year columns.
    pub fn detect(rows: &[Vec<String>]) -> Option<ColumnMapping> {
        let (index, mut columns) = rows
            .iter()
            .take(HEADER_SEARCH_ROWS)
            .enumerate()
            .find_map(|(i, row)| header_columns(row).map(|c| (i, c)))?;
        let mut header_row = index;
        if let Some(next) = rows.get(index + 1)
            && let Some(years) = year_row(next)
        {
            for (col, year) in years {
                if col >= columns.len() {
                    columns.resize(col + 1, None);
                }
                if matches!(columns[col], None | Some(TableColumn::Deadline)) {
                    columns[col] = Some(TableColumn::Year(year));
                }
            }
            header_row += 1;
        }
        Some(ColumnMapping {
            header_row: Some(header_row),
            columns,
        })
    }

    /// The columns of rows copied without a header: the order of our grid, № · Мероприятие · Сроки ·
    /// Ответственные · Результат · Документы. Rows of one column are titles; rows whose first column holds
    /// no numbers were copied without the № column, so the order starts at Мероприятие.
    pub fn headerless(rows: &[Vec<String>]) -> ColumnMapping {
        const GRID: [TableColumn; 6] = [
            TableColumn::Number,
            TableColumn::Title,
            TableColumn::Deadline,
            TableColumn::Responsible,
            TableColumn::Result,
            TableColumn::Documents,
        ];
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let first_is_number = rows
            .iter()
            .filter_map(|r| r.first())
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .any(looks_like_number);
        let order: &[TableColumn] = if width <= 1 || !first_is_number {
            &GRID[1..]
        } else {
            &GRID
        };
        ColumnMapping {
            header_row: None,
            columns: order.iter().copied().map(Some).collect(),
        }
    }

    /// The column holding `what`, if any (the first one when several do).
    pub fn column_of(&self, what: TableColumn) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(what))
    }

    /// The first row of data.
    pub fn first_data_row(&self) -> usize {
        self.header_row.map_or(0, |h| h + 1)
    }
}

/// The columns a header row names, if it names the measure column and at least one more (besides years),
/// and holds no measure number (which would make it a data row).
fn header_columns(row: &[String]) -> Option<Vec<Option<TableColumn>>> {
    if row
        .iter()
        .any(|c| looks_like_number(c) && year_of(&normalize(c)).is_none())
    {
        return None;
    }
    let mut columns: Vec<Option<TableColumn>> = Vec::with_capacity(row.len());
    for cell in row {
        let column = TableColumn::recognize(cell).filter(|c| !columns.contains(&Some(*c)));
        columns.push(column);
    }
    let known = columns
        .iter()
        .flatten()
        .filter(|c| !matches!(c, TableColumn::Year(_)))
        .count();
    (columns.contains(&Some(TableColumn::Title)) && known >= 2).then_some(columns)
}

/// A row holding only years (and empty cells): the columns and their years.
fn year_row(row: &[String]) -> Option<Vec<(usize, i32)>> {
    let mut years = Vec::new();
    for (i, cell) in row.iter().enumerate() {
        let cell = normalize(cell);
        if cell.is_empty() {
            continue;
        }
        years.push((i, year_of(&cell)?));
    }
    (!years.is_empty()).then_some(years)
}

/// A year heading: "2022", "2022 год", "2022 г.", "на 2022 год".
fn year_of(h: &str) -> Option<i32> {
    let h = h.strip_prefix("на ").unwrap_or(h);
    let digits: String = h.chars().take_while(char::is_ascii_digit).collect();
    let rest = h[digits.len()..].trim();
    if digits.len() != 4 || !matches!(rest, "" | "год" | "г" | "г." | "гг" | "гг.") {
        return None;
    }
    let year: i32 = digits.parse().ok()?;
    (1990..=2100).contains(&year).then_some(year)
}

/// Whether a cell looks like a measure or section number: "1", "1.2", "4.1.", "2.3а", "5)", "IV" — short,
/// without spaces, starting with a digit and at most one letter (or a Roman numeral).
pub(super) fn looks_like_number(cell: &str) -> bool {
    let cell = cell.trim();
    let roman = cell.trim_end_matches(['.', ')']);
    !cell.is_empty()
        && cell.chars().count() <= 12
        && !cell.contains(char::is_whitespace)
        && ((cell.starts_with(|c: char| c.is_ascii_digit())
            && cell.chars().filter(|c| c.is_alphabetic()).count() <= 1)
            || (!roman.is_empty() && roman.chars().all(|c| "IVXLC".contains(c))))
}

/// Lower case, `ё` as `е`, whitespace collapsed, trailing `:` and `*` dropped.
fn normalize(text: &str) -> String {
    let lower = text.to_lowercase().replace('ё', "е");
    let collapsed = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.trim_end_matches([':', '*']).trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_column_names_are_recognized() {
        use TableColumn::*;
        let cases = [
            ("№", Number),
            ("№ п/п", Number),
            ("№п/п", Number),
            ("Мероприятие", Title),
            ("Мероприятия", Title),
            ("Наименование мероприятия", Title),
            ("Сроки", Deadline),
            ("Срок", Deadline),
            ("Сроки реализации", Deadline),
            ("Срок исполнения", Deadline),
            ("Ответственные", Responsible),
            ("Ответственный", Responsible),
            ("Ответственный исполнитель", Responsible),
            ("Исполнители", Responsible),
            ("Результат", Result),
            ("Результаты исполнения", Result),
            ("Результат реализации", Result),
            ("Планируемый результат", Result),
            ("Ожидаемый результат", Result),
            ("Документы", Documents),
            ("Документы, закрепляющие результат", Documents),
            ("2022", Year(2022)),
            ("2023 год", Year(2023)),
            (" СРОКИ\n ", Deadline),
        ];
        for (header, expected) in cases {
            assert_eq!(TableColumn::recognize(header), Some(expected), "{header}");
        }
        assert_eq!(TableColumn::recognize("Примечание"), None);
        assert_eq!(TableColumn::recognize("1.1"), None);
    }

    #[test]
    fn numbers_are_told_from_text() {
        for n in ["1", "1.2", "4.1.", "IV", "10", "2.3а", "5)"] {
            assert!(looks_like_number(n), "{n}");
        }
        for t in ["Проведение", "", "2022 год", "Итоги", "1.Кадры"] {
            assert!(!looks_like_number(t), "{t}");
        }
    }
}
