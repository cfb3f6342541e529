//! The plan as the appendix to the approving order: "Приложение к приказу … от … № …" at the top right,
//! the title, goal, tasks and target indicators, then the table of measures with its sections as merged
//! rows and its header repeated on every page. Landscape A4, Times New Roman 12.

use std::io::{Cursor, Seek, Write};

use super::markup::{Align, Body, CellSpec};
use crate::exchange::office::{
    OfficeError, export_columns, header_rows, period_line, section_heading,
};
use crate::model::{IndicatorUnit, MeasureField, Plan};

/// The light fill of section rows.
const SECTION_FILL: &str = "EDEDED";

/// The plan as .docx bytes.
pub fn write_docx(plan: &Plan) -> Result<Vec<u8>, OfficeError> {
    Ok(write_docx_to(plan, Cursor::new(Vec::new()))?.into_inner())
}

/// Writes the plan as .docx to `out`.
pub fn write_docx_to<W: Write + Seek>(plan: &Plan, out: W) -> Result<W, OfficeError> {
    let mut body = Body::new(true);
    body.paragraph(&appendix_line(plan), false, Align::Right);
    body.paragraph("", false, Align::Left);
    body.paragraph_sized(&plan.title, true, Align::Center, Some(14));
    // The period, unless the title already says it (the reader takes it from the title then).
    if super::super::office::header::period_of(&plan.title) != Some(plan.period) {
        body.paragraph(&period_line(plan), false, Align::Center);
    }
    body.paragraph("", false, Align::Left);
    if !plan.goal.trim().is_empty() {
        body.labelled("Цель – ", plan.goal.trim());
    }
    if !plan.tasks.is_empty() {
        body.paragraph("Задачи:", true, Align::Left);
        for (i, task) in plan.tasks.iter().enumerate() {
            body.paragraph(&format!("{}) {}", i + 1, task.trim()), false, Align::Both);
        }
    }
    if !plan.indicators.is_empty() {
        body.paragraph("Целевые индикаторы:", true, Align::Left);
        for indicator in &plan.indicators {
            body.paragraph(&indicator_line(indicator), false, Align::Both);
        }
    }
    body.paragraph("", false, Align::Left);

    let columns = export_columns(plan);
    let widths = widths(&columns, body.text_width());
    body.table_start(&widths);
    write_header(&mut body, &widths, &columns);
    for section in &plan.sections {
        if let Some(heading) = section_heading(section) {
            body.row(
                &widths,
                &[CellSpec {
                    text: &heading,
                    bold: true,
                    span: columns.len(),
                    fill: Some(SECTION_FILL),
                    align: Align::Left,
                }],
                false,
            );
        }
        for measure in &section.measures {
            let cells: Vec<CellSpec> = columns
                .iter()
                .map(|c| CellSpec {
                    align: if *c == MeasureField::Number {
                        Align::Center
                    } else {
                        Align::Left
                    },
                    ..CellSpec::plain(c.get(measure))
                })
                .collect();
            body.row(&widths, &cells, false);
        }
    }
    body.table_end();
    body.finish(out)
        .map_err(|e| OfficeError::Write(e.to_string()))
}

/// The table's header, repeated on every page: one row, or two when there are year columns — the umbrella
/// spanning the years, every other name merged down over both rows (see [`header_rows`]).
fn write_header(body: &mut Body, widths: &[u32], columns: &[MeasureField]) {
    let rows = header_rows(columns, MeasureField::document_header);
    let header = |text| CellSpec {
        bold: true,
        align: Align::Center,
        ..CellSpec::plain(text)
    };
    let [top, years] = &rows[..] else {
        let cells: Vec<CellSpec> = rows[0].iter().map(|h| header(h)).collect();
        body.row(widths, &cells, true);
        return;
    };
    let year_count = columns
        .iter()
        .filter(|c| matches!(c, MeasureField::Year(_)))
        .count();
    let (mut cells, mut merges) = (Vec::new(), Vec::new());
    for (i, column) in columns.iter().enumerate() {
        match column {
            MeasureField::Year(_) if !top[i].is_empty() => {
                cells.push(CellSpec {
                    span: year_count,
                    ..header(&top[i])
                });
                merges.push(None);
            }
            MeasureField::Year(_) => {}
            _ => {
                cells.push(header(&top[i]));
                merges.push(Some(true));
            }
        }
    }
    body.row_merged(widths, &cells, true, &merges);
    let cells: Vec<CellSpec> = years.iter().map(|h| header(h)).collect();
    let merges: Vec<Option<bool>> = columns
        .iter()
        .map(|c| (!matches!(c, MeasureField::Year(_))).then_some(false))
        .collect();
    body.row_merged(widths, &cells, true, &merges);
}

/// "Приложение к приказу <issuer> от 24.01.2022 № 14", with blanks to fill in by hand when the plan has no
/// approving order yet.
fn appendix_line(plan: &Plan) -> String {
    let approval = plan.approval.trim();
    let number = approval.find('№').map(|p| {
        approval[p + '№'.len_utf8()..]
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .trim_end_matches(',')
            .to_owned()
    });
    let date = approval
        .find("от ")
        .and_then(|p| approval[p + "от ".len()..].split_whitespace().next())
        .map(str::to_owned);
    let issuer = plan.issuer.trim();
    let mut line = String::from("Приложение\nк приказу");
    if !issuer.is_empty() {
        line.push('\n');
        line.push_str(issuer);
    }
    line.push_str(&format!(
        "\nот {} № {}",
        date.as_deref().unwrap_or("____________"),
        number.as_deref().unwrap_or("______")
    ));
    line
}

fn indicator_line(indicator: &crate::model::Indicator) -> String {
    let unit = |v: f64| match indicator.unit {
        IndicatorUnit::Percent => format!("{}%", number(v)),
        IndicatorUnit::Count => number(v),
        IndicatorUnit::YesNo => if v > 0.0 { "да" } else { "нет" }.to_owned(),
    };
    let mut parts = Vec::new();
    if let Some(b) = indicator.baseline {
        parts.push(format!("исходное значение — {}", unit(b)));
    }
    for t in &indicator.targets {
        parts.push(format!("{} — {}", t.year, unit(t.value)));
    }
    if parts.is_empty() {
        format!("– {}", indicator.name.trim())
    } else {
        format!("– {} ({})", indicator.name.trim(), parts.join("; "))
    }
}

/// A number without a needless fraction, with a decimal comma.
fn number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}").replace('.', ",")
    }
}

/// Column widths in proportion to what they hold, filling the text width.
fn widths(columns: &[MeasureField], total: u32) -> Vec<u32> {
    let weight = |c: &MeasureField| match c {
        MeasureField::Number => 5,
        MeasureField::Title => 30,
        MeasureField::Deadline => 12,
        MeasureField::Responsible => 17,
        MeasureField::Result => 22,
        MeasureField::Documents => 16,
        MeasureField::Year(_) => 14,
        MeasureField::Notes => 16,
    };
    let sum: u32 = columns.iter().map(weight).sum();
    let mut widths: Vec<u32> = columns.iter().map(|c| total * weight(c) / sum).collect();
    let used: u32 = widths.iter().sum();
    if let Some(title) = columns.iter().position(|c| *c == MeasureField::Title) {
        widths[title] += total - used;
    }
    widths
}
