//! Rows copied as tab-separated text, the way spreadsheets put them on the clipboard: cells joined by tabs,
//! rows by line breaks; a cell holding a tab, a line break or a quote is quoted, its quotes doubled.

use super::columns::Col;
use crate::model::Measure;

/// The text columns of `cols` (the derived status is left out) of `measures`, one line each.
pub fn rows_tsv<'a>(cols: &[Col], measures: impl IntoIterator<Item = &'a Measure>) -> String {
    let mut out = String::new();
    for m in measures {
        let mut first = true;
        for col in cols.iter().filter(|c| **c != Col::Status) {
            if !first {
                out.push('\t');
            }
            first = false;
            push_cell(&mut out, col.text(m));
        }
        out.push('\n');
    }
    out
}

/// Appends one cell, quoted when it must be.
pub fn push_cell(out: &mut String, cell: &str) {
    if cell.contains(['\t', '\n', '\r', '"']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_cells_are_joined_by_tabs() {
        let mut m = Measure::new("1.1", "Совещание");
        m.deadline = "сентябрь".into();
        let tsv = rows_tsv(&Col::all(&[]), [&m]);
        assert_eq!(tsv, "1.1\tСовещание\tсентябрь\t\t\t\n");
    }

    #[test]
    fn cells_with_tabs_newlines_or_quotes_are_quoted() {
        let mut out = String::new();
        push_cell(&mut out, "приказ \"О назначении\"");
        out.push('|');
        push_cell(&mut out, "строка 1\nстрока 2");
        out.push('|');
        push_cell(&mut out, "a\tb");
        out.push('|');
        push_cell(&mut out, "просто");
        assert_eq!(
            out,
            "\"приказ \"\"О назначении\"\"\"|\"строка 1\nстрока 2\"|\"a\tb\"|просто"
        );
    }

    #[test]
    fn year_columns_are_copied_in_column_order() {
        let mut m = Measure::new("1", "М");
        m.yearly = vec![crate::model::YearActivity {
            year: 2023,
            text: "итог".into(),
        }];
        let tsv = rows_tsv(&Col::all(&[2022, 2023]), [&m, &m]);
        assert_eq!(tsv, "1\tМ\t\t\t\t\t\tитог\n".repeat(2));
    }
}
