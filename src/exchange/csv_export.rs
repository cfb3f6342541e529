//! The grid as CSV for Excel: UTF-8 with a byte order mark (so Excel reads Cyrillic), `;` between cells
//! (the list separator of a Russian Windows), CRLF line ends, cells with `;`, quotes or line breaks quoted,
//! and cells that Excel would take for a formula (`=`, `+`, `-`, `@`, also after leading spaces, tabs,
//! line breaks or control characters, which LibreOffice's «trim spaces» drops) neutralised with a leading `'`.
//!
//! Sections are rows whose only filled cell is the first ("1. Создание организационных условий…"), so the
//! table reader (`table_import::read_table`) reads the file back into the same sections and measures.
//!
//! The columns are the plan's ([`MeasureField::of_plan`]), named as the grid names them: the grid's six, a
//! column per year under a second header row («Ключевые мероприятия, сроки реализации» over «2020 год» ·
//! «2021 год» …) as Word and Excel exports write it, and «Примечание» when measures have notes.

use std::collections::HashSet;

use crate::exchange::office::header_rows;
use crate::model::{Id, MeasureField, Plan};

/// The plan's grid as CSV bytes; with `only`, just those measures (sections without any are left out).
pub fn grid_csv(plan: &Plan, only: Option<&HashSet<Id>>) -> Vec<u8> {
    let mut out = String::with_capacity(256 + plan.measure_count() * 400);
    out.push('\u{feff}');
    let columns = MeasureField::of_plan(plan);
    for header in header_rows(&columns, MeasureField::russian_label) {
        row(&mut out, header.iter().map(String::as_str));
    }
    for section in &plan.sections {
        let measures: Vec<_> = section
            .measures
            .iter()
            .filter(|m| only.is_none_or(|set| set.contains(&m.id)))
            .collect();
        if measures.is_empty() && only.is_some() {
            continue;
        }
        let number = section.number.trim();
        let heading = if number.is_empty() {
            section.title.clone()
        } else if number.ends_with('.') {
            format!("{number} {}", section.title)
        } else {
            format!("{number}. {}", section.title)
        };
        let mut heading_row = vec![""; columns.len()];
        heading_row[0] = heading.as_str();
        row(&mut out, heading_row);
        for m in measures {
            row(&mut out, columns.iter().map(|c| c.get(m)));
        }
    }
    out.into_bytes()
}

fn row<'a>(out: &mut String, cells: impl IntoIterator<Item = &'a str>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        cell_text(out, cell);
    }
    out.push_str("\r\n");
}

/// Whether a spreadsheet could take a cell for a formula: its first character after any whitespace and
/// control characters is `=`, `+`, `-` or `@`.
pub fn looks_like_formula(cell: &str) -> bool {
    cell.trim_start_matches(|c: char| c.is_whitespace() || c.is_control())
        .starts_with(['=', '+', '-', '@'])
}

/// One cell: neutralised against formulas, quoted when it must be, line breaks as CRLF inside quotes.
fn cell_text(out: &mut String, cell: &str) {
    let formula = looks_like_formula(cell);
    let quote = formula || cell.contains([';', '"', '\n', '\r']);
    if !quote {
        out.push_str(cell);
        return;
    }
    out.push('"');
    if formula {
        out.push('\'');
    }
    let cell = cell.replace("\r\n", "\n");
    for c in cell.chars() {
        match c {
            '"' => out.push_str("\"\""),
            '\n' => out.push_str("\r\n"),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Measure, Period, Section};

    /// A plan of one section «1. Кадры» holding `measures`.
    fn plan_of(measures: Vec<Measure>) -> Plan {
        let mut plan = Plan::new("План", Period::school_year(2021));
        plan.sections.push(Section::new("1", "Кадры"));
        plan.sections[0].measures = measures;
        plan
    }

    fn plan() -> Plan {
        let mut m = Measure::new("1.1", "Семинар; \"вводный\"");
        m.deadline = "апрель\nиюнь".into();
        m.responsible = "=HYPERLINK(\"x\")".into();
        m.result = "-10%".into();
        plan_of(vec![m, Measure::new("1.2", "@все")])
    }

    #[test]
    fn cells_are_quoted_neutralised_and_lines_end_with_crlf() {
        let text = String::from_utf8(grid_csv(&plan(), None)).unwrap();
        assert!(
            text.starts_with("\u{feff}№;Мероприятие;Сроки;Ответственные;Результат;Документы\r\n")
        );
        assert!(text.contains("1. Кадры;;;;;\r\n"));
        assert!(text.contains(
            "1.1;\"Семинар; \"\"вводный\"\"\";\"апрель\r\nиюнь\";\"'=HYPERLINK(\"\"x\"\")\";\"'-10%\";\r\n"
        ));
        assert!(text.contains("1.2;\"'@все\";;;;\r\n"));
    }

    #[test]
    fn formulas_after_leading_whitespace_or_control_characters_are_neutralised() {
        for cell in [
            " =1+1",
            "\t+SUM(A1)",
            "\r-2",
            "\u{3}@x",
            "\u{a0}=A1",
            "\n\n=1",
        ] {
            assert!(looks_like_formula(cell), "{cell:?}");
            let mut out = String::new();
            cell_text(&mut out, cell);
            assert!(out.starts_with("\"'"), "{cell:?} → {out:?}");
        }
        for cell in ["текст", "1.1", " 10%", "a=b"] {
            assert!(!looks_like_formula(cell), "{cell:?}");
        }
    }

    #[test]
    fn year_activities_and_notes_are_written_and_read_back_cell_for_cell() {
        // The fixed columns' round trip is pinned by tests/layouts.rs (years.expected.json); here the
        // columns a plan adds to them.
        let cells = [
            (MeasureField::Title, "Стажировки учителей математики"),
            (MeasureField::Year(2022), "Курсы; семинар"),
            (MeasureField::Year(2023), "Стажировочная площадка"),
            (MeasureField::Notes, "Для ШНОР"),
        ];
        let mut m = Measure::new("", "");
        for (field, text) in cells {
            field.set(&mut m, text.to_owned());
        }
        let plan = plan_of(vec![m]);

        let text = String::from_utf8(grid_csv(&plan, None)).unwrap();
        let mut lines = text.trim_start_matches('\u{feff}').split("\r\n");
        assert_eq!(
            lines.next(),
            Some(
                "№;Мероприятие;Сроки;Ответственные;Результат;Документы;\
                 Ключевые мероприятия, сроки реализации;;Примечание"
            )
        );
        assert_eq!(lines.next(), Some(";;;;;;2022 год;2023 год;"));

        let rows = crate::exchange::table_import::parse_delimited(&text, None);
        let import = crate::exchange::table_import::read_table(&rows).unwrap();
        assert_eq!(import.sections.len(), 1);
        let back = &import.sections[0].measures[0];
        for (field, text) in cells {
            assert_eq!(field.get(back), text, "{field:?}");
        }
        assert_eq!(back.yearly.len(), 2);
        assert!(import.left_out.is_empty(), "{:?}", import.left_out);
    }

    #[test]
    fn the_csv_reads_back_into_the_same_sections_and_measures() {
        let plan = plan();
        let text = String::from_utf8(grid_csv(&plan, None)).unwrap();
        let rows = crate::exchange::table_import::parse_delimited(&text, None);
        let import = crate::exchange::table_import::read_table(&rows).unwrap();
        assert_eq!(import.sections.len(), 1);
        assert_eq!(import.sections[0].title, "Кадры");
        assert_eq!(import.sections[0].measures.len(), 2);
        assert_eq!(import.sections[0].measures[0].deadline, "апрель\nиюнь");
    }
}
