//! Which column holds what: the header found by its Russian column names — a stack of one to three rows
//! (an umbrella cell over sub-cells: «Сроки» over «начало» · «окончание», «Ключевые мероприятия» over
//! «2020» · «2021» · «2022») — or a mapping given by hand.

use serde::{Deserialize, Serialize};

use crate::model::MeasureField;

/// What a column of a road-map table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TableColumn {
    /// № п/п.
    Number,
    /// Мероприятие.
    Title,
    /// Сроки.
    Deadline,
    /// The start of the deadline («Сроки» split into «начало» / «окончание»): joined with
    /// [`TableColumn::End`] into one deadline «начало – окончание».
    Start,
    /// The end of the deadline.
    End,
    /// Ответственные.
    Responsible,
    /// Результат.
    Result,
    /// Документы, закрепляющие результат.
    Documents,
    /// The key activity of one year (a column headed "2022" or "2022 год").
    Year(i32),
    /// Примечание, and any column the program has no field for («Целевая группа», «Форма проведения»…):
    /// its text goes to the measure's notes, after the column's name.
    Notes,
}

impl TableColumn {
    /// The measure field the column fills (`None` for the two halves of a split deadline).
    pub fn field(self) -> Option<MeasureField> {
        Some(match self {
            TableColumn::Number => MeasureField::Number,
            TableColumn::Title => MeasureField::Title,
            TableColumn::Deadline => MeasureField::Deadline,
            TableColumn::Responsible => MeasureField::Responsible,
            TableColumn::Result => MeasureField::Result,
            TableColumn::Documents => MeasureField::Documents,
            TableColumn::Year(year) => MeasureField::Year(year),
            TableColumn::Notes => MeasureField::Notes,
            TableColumn::Start | TableColumn::End => return None,
        })
    }

    /// What a header cell names, if it is a column we know: a year by its number, any other field by the
    /// words of [`MeasureField::synonyms`]. Words broken by a line wrap or a hyphen («Ответственн ый»,
    /// «исполни-тель») are read whole.
    pub fn recognize(header: &str) -> Option<TableColumn> {
        let h = normalize(header);
        // Header cells are short names; longer text is data.
        if h.is_empty() || h.chars().count() > 80 || h.split(' ').count() > 6 {
            return None;
        }
        let c = compact(&h);
        let undotted = c.replace('.', "");
        let names = |field: MeasureField| {
            let words = field.synonyms();
            words.exact.contains(&undotted.as_str())
                || words.prefixes.iter().any(|p| c.starts_with(p))
                || words.contains.iter().any(|w| c.contains(w))
        };
        if names(MeasureField::Number) {
            return Some(TableColumn::Number);
        }
        if let Some(year) = year_of(&h) {
            return Some(TableColumn::Year(year));
        }
        MeasureField::RECOGNITION_ORDER
            .into_iter()
            .find(|f| names(*f))
            .map(TableColumn::from)
    }
}

impl From<MeasureField> for TableColumn {
    fn from(field: MeasureField) -> TableColumn {
        match field {
            MeasureField::Number => TableColumn::Number,
            MeasureField::Title => TableColumn::Title,
            MeasureField::Deadline => TableColumn::Deadline,
            MeasureField::Responsible => TableColumn::Responsible,
            MeasureField::Result => TableColumn::Result,
            MeasureField::Documents => TableColumn::Documents,
            MeasureField::Year(year) => TableColumn::Year(year),
            MeasureField::Notes => TableColumn::Notes,
        }
    }
}

/// A sub-cell under «Сроки» naming its start or end: «начало», «с», «дата начала» / «окончание», «по».
fn start_or_end(header: &str) -> Option<TableColumn> {
    let c = compact(&normalize(header));
    let c = c.trim_end_matches('.');
    if matches!(
        c,
        "начало" | "с" | "от" | "датаначала" | "началореализации" | "срокначала"
    ) {
        Some(TableColumn::Start)
    } else if matches!(
        c,
        "окончание"
            | "по"
            | "до"
            | "конец"
            | "завершение"
            | "датаокончания"
            | "окончаниереализации"
            | "срококончания"
            | "датазавершения"
    ) {
        Some(TableColumn::End)
    } else {
        None
    }
}

/// The columns of a table: where its header rows are and what each column holds.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ColumnMapping {
    /// The index of the header's last row (the row of sub-cells, or of column numbers, under the names).
    /// Rows above the header are the table's title; rows below are data. `None`: every row is data (rows
    /// copied without their header).
    pub header_row: Option<usize>,
    /// What each column holds, by column index; `None` = not imported.
    pub columns: Vec<Option<TableColumn>>,
    /// The first row of a header of several rows (`None`: the header is the one row `header_row`).
    #[serde(default)]
    pub header_top: Option<usize>,
    /// Each column's name as the header writes it, umbrella and sub-cell joined with " / " (empty when the
    /// column has no name). Notes put it before a column's text.
    #[serde(default)]
    pub labels: Vec<String>,
}

/// How many rows from the top are searched for the header.
const HEADER_SEARCH_ROWS: usize = 40;
/// The most rows a header stack takes (names, sub-cells, a second level of sub-cells).
const MAX_HEADER_ROWS: usize = 3;

impl ColumnMapping {
    /// The header found by its Russian names among the first rows: the first row naming the measure column
    /// and at least one other known column, with the rows of sub-cells under it (years, «начало» /
    /// «окончание», names) and a row of column numbers («1 | 2 | 3…») after them.
    pub fn detect(rows: &[Vec<String>]) -> Option<ColumnMapping> {
        let (top, _) = rows
            .iter()
            .take(HEADER_SEARCH_ROWS)
            .enumerate()
            .find_map(|(i, row)| header_columns(row).map(|c| (i, c)))?;
        let mut stack: Vec<&[String]> = vec![&rows[top]];
        while stack.len() < MAX_HEADER_ROWS
            && let Some(next) = rows.get(top + stack.len())
            && is_sub_header(next, stack[stack.len() - 1])
        {
            stack.push(next);
        }
        let width = stack.iter().map(|r| r.len()).max().unwrap_or(0);
        let mut columns = Vec::with_capacity(width);
        let mut labels = Vec::with_capacity(width);
        for col in 0..width {
            let names = column_names(&stack, col);
            labels.push(names.join(" / "));
            columns.push(meaning(&names));
        }
        // One № and one Мероприятие: a second column named so is kept in the notes.
        for what in [TableColumn::Number, TableColumn::Title] {
            let mut seen = false;
            for c in columns.iter_mut().filter(|c| **c == Some(what)) {
                if seen {
                    *c = Some(TableColumn::Notes);
                }
                seen = true;
            }
        }
        let mut last = top + stack.len() - 1;
        if let Some(next) = rows.get(last + 1)
            && is_column_numbering(&trimmed_cells(next))
        {
            last += 1;
        }
        Some(ColumnMapping {
            header_row: Some(last),
            columns,
            header_top: (last > top).then_some(top),
            labels,
        })
    }

    /// The columns of rows copied without a header: the grid's ([`MeasureField::columns`] of `years`, the
    /// years of the plan they are pasted into), № · Мероприятие · Сроки · Ответственные · Результат ·
    /// Документы · one per year. Rows of one column are titles; rows whose first column holds no numbers
    /// were copied without the № column, so the order starts at Мероприятие.
    pub fn headerless(rows: &[Vec<String>], years: &[i32]) -> ColumnMapping {
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let first_is_number = rows
            .iter()
            .filter_map(|r| r.first())
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .any(looks_like_number);
        let order = MeasureField::columns(years);
        let skip = usize::from(width <= 1 || !first_is_number);
        ColumnMapping {
            header_row: None,
            columns: order
                .into_iter()
                .skip(skip)
                .map(|f| Some(TableColumn::from(f)))
                .collect(),
            header_top: None,
            labels: Vec::new(),
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

    /// The first row of the header (rows above it are the title).
    pub fn header_first_row(&self) -> Option<usize> {
        self.header_top.or(self.header_row)
    }

    /// The header's name of a column ("" when it has none).
    pub fn label(&self, col: usize) -> &str {
        self.labels.get(col).map_or("", String::as_str)
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
    let columns: Vec<Option<TableColumn>> = row
        .iter()
        .map(|cell| TableColumn::recognize(cell))
        .collect();
    // Different columns: a title repeated across a merged row names one.
    let mut known: Vec<TableColumn> = columns
        .iter()
        .flatten()
        .copied()
        .filter(|c| !matches!(c, TableColumn::Year(_)))
        .collect();
    known.sort_by_key(|c| format!("{c:?}"));
    known.dedup();
    let known = known.len();
    (columns.contains(&Some(TableColumn::Title)) && known >= 2).then_some(columns)
}

/// A row of sub-cells under `above`: every cell with text repeats the cell above it (a name merged down
/// over both rows) or is a sub-heading — a year, «начало» / «окончание», a column name, or any short text
/// under an umbrella merged across («I полугодие» · «II полугодие» under «Сроки») —, at least one is a
/// sub-heading, none is a measure number, and the measure column holds no new text.
fn is_sub_header(row: &[String], above: &[String]) -> bool {
    let title = above
        .iter()
        .position(|c| TableColumn::recognize(c) == Some(TableColumn::Title));
    let (mut new, mut only_under_umbrella) = (0, 0);
    for (col, cell) in row.iter().enumerate() {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        let same = above
            .get(col)
            .is_some_and(|a| normalize(a) == normalize(cell));
        if same {
            continue;
        }
        if Some(col) == title || (looks_like_number(cell) && year_of(&normalize(cell)).is_none()) {
            return false;
        }
        let named = year_of(&normalize(cell)).is_some()
            || start_or_end(cell).is_some()
            || TableColumn::recognize(cell).is_some();
        if !named {
            if !(under_umbrella(above, col) && cell.split_whitespace().count() <= 4) {
                return false;
            }
            only_under_umbrella += 1;
        }
        new += 1;
    }
    // An umbrella splits into two sub-cells or more: one short text alone is data.
    new > 0 && only_under_umbrella != 1
}

/// Whether column `col` lies under a cell merged across several columns in `above`: the cell above is
/// empty with a name to its left, or holds a name with an empty cell to its right.
fn under_umbrella(above: &[String], col: usize) -> bool {
    let text = |c: usize| above.get(c).is_some_and(|t| !t.trim().is_empty());
    if text(col) {
        col + 1 < above.len() && !text(col + 1)
    } else {
        (0..col).any(text)
    }
}

/// The names a column has down the header stack, top first, each once: a cell's own text, or — for an
/// empty cell whose column has a sub-cell — the umbrella merged over it from the left.
fn column_names(stack: &[&[String]], col: usize) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (level, row) in stack.iter().enumerate() {
        let mut text = cell(row, col);
        if text.is_empty() {
            let has_sub = stack[level + 1..].iter().any(|r| !cell(r, col).is_empty());
            if has_sub {
                // The umbrella: the nearest text to the left, if that column is split below too.
                if let Some(left) = (0..col).rev().find(|&c| !cell(row, c).is_empty()) {
                    let umbrella = cell(row, left);
                    let split = stack[level + 1..]
                        .iter()
                        .any(|r| !cell(r, left).is_empty() && cell(r, left) != umbrella);
                    if split {
                        text = umbrella;
                    }
                }
            }
        }
        if !text.is_empty() && !names.iter().any(|n| normalize(n) == normalize(text)) {
            names.push(text.to_owned());
        }
    }
    names
}

fn cell(row: &[String], col: usize) -> &str {
    row.get(col).map_or("", |t| t.trim())
}

/// What a column holds by its names, umbrella first: the deepest name decides when it is a year, a start or
/// end, or a known column; else the umbrella's meaning; a column with names but no known one goes to the
/// notes; a column without any name is not imported.
fn meaning(names: &[String]) -> Option<TableColumn> {
    for (i, name) in names.iter().enumerate().rev() {
        if i > 0
            && let Some(part) = start_or_end(name)
        {
            return Some(part);
        }
        if let Some(known) = TableColumn::recognize(name) {
            return Some(known);
        }
    }
    (!names.is_empty()).then_some(TableColumn::Notes)
}

/// A year heading: "2022", "2022 год", "2022 г.", "на 2022 год"; a school year "2021-2022 уч. год",
/// "2021/2022 учебный год" is the year it ends in.
fn year_of(h: &str) -> Option<i32> {
    let h = h.strip_prefix("на ").unwrap_or(h);
    let digits: String = h.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() != 4 {
        return None;
    }
    let mut rest = h[digits.len()..].trim();
    let mut year: i32 = digits.parse().ok()?;
    if let Some(after) = rest.strip_prefix(['-', '–', '—', '/']) {
        let after = after.trim_start();
        let second: String = after.chars().take_while(char::is_ascii_digit).collect();
        let next: i32 = second.parse().ok()?;
        if second.len() != 4 || next != year + 1 {
            return None;
        }
        year = next;
        rest = after[second.len()..].trim();
    }
    let rest = compact(rest);
    if !matches!(
        rest.as_str(),
        "" | "год"
            | "г"
            | "г."
            | "гг"
            | "гг."
            | "г.г."
            | "годы"
            | "уч.год"
            | "учгод"
            | "учебныйгод"
    ) {
        return None;
    }
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

/// A row that numbers the columns (1 · 2 · 3 · 4 · 5), as Word tables often have under the header.
pub(super) fn is_column_numbering(cells: &[&str]) -> bool {
    let filled: Vec<&str> = cells.iter().copied().filter(|c| !c.is_empty()).collect();
    filled.len() >= 3
        && filled
            .iter()
            .enumerate()
            .all(|(i, c)| c.parse::<usize>().ok() == Some(i + 1))
}

fn trimmed_cells(row: &[String]) -> Vec<&str> {
    row.iter().map(|c| c.trim()).collect()
}

/// Lower case, `ё` as `е`, whitespace collapsed, trailing `:` and `*` dropped.
fn normalize(text: &str) -> String {
    let lower = text.to_lowercase().replace('ё', "е");
    let collapsed = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.trim_end_matches([':', '*']).trim().to_owned()
}

/// Normalized text without spaces, hyphens and soft hyphens: words a line wrap or a hyphen broke in a
/// header cell («Ответственн ый», «исполни-тель») read whole.
fn compact(normalized: &str) -> String {
    normalized
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{ad}' | '‐'))
        .collect()
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
            ("2022 г.", Year(2022)),
            ("2021-2022 уч. год", Year(2022)),
            ("2021/2022 учебный год", Year(2022)),
            ("Ответственн\nый исполни-\nтель", Responsible),
            ("Меро-\nприятия", Title),
            ("Ключевые результаты", Result),
            ("Ожидаемый эффект", Result),
            ("Целевая группа", Notes),
            ("Участники", Notes),
            ("Форма проведения", Notes),
            ("Показатель", Notes),
            ("Примечание", Notes),
        ];
        for (header, expected) in cases {
            assert_eq!(TableColumn::recognize(header), Some(expected), "{header}");
        }
        assert_eq!(TableColumn::recognize("Ключевые мероприятия"), Some(Title));
        assert_eq!(
            TableColumn::recognize("Источник финансирования"),
            Some(Notes)
        );
        assert_eq!(
            TableColumn::recognize("Отчётные документы"),
            Some(Documents)
        );
        assert_eq!(TableColumn::recognize("Целевые показатели"), Some(Notes));
        assert_eq!(TableColumn::recognize("Пояснения автора"), None);
        assert_eq!(TableColumn::recognize("1.1"), None);
    }

    #[test]
    fn every_header_we_write_is_read_as_its_field() {
        let mut fields = MeasureField::columns(&[2021, 2022]);
        fields.push(MeasureField::Notes);
        for field in fields {
            for header in [field.document_header(), field.russian_label()] {
                assert_eq!(
                    TableColumn::recognize(&header).and_then(TableColumn::field),
                    Some(field),
                    "{header}"
                );
            }
        }
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
