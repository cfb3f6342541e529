//! The plan as an Excel workbook: sheet "Мероприятия" — the table with its sections as merged, bold, filled
//! rows, wrapped text, the header frozen and filtered, set widths; sheet "Ход выполнения" — the progress of
//! every school: school × measure × due date → status, date done, evidence, comment.

use std::collections::HashMap;

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::exchange::office::{
    OfficeError, export_columns, header_rows, period_line, section_heading,
};
use crate::model::{MeasureField, Plan, Progress, School};
use crate::stats::analytic_note::status_title;

/// The row of the table header on the first sheet (0-based): the title and period stand above it.
const HEADER_ROW: u32 = 3;

/// The plan (and the progress records of its measures) as .xlsx bytes.
pub fn write_xlsx(
    plan: &Plan,
    schools: &[School],
    progress: &[Progress],
) -> Result<Vec<u8>, OfficeError> {
    let failed = |e: XlsxError| OfficeError::Write(e.to_string());
    let mut book = Workbook::new();
    measures_sheet(book.add_worksheet(), plan).map_err(failed)?;
    progress_sheet(book.add_worksheet(), plan, schools, progress).map_err(failed)?;
    book.save_to_buffer().map_err(failed)
}

fn cell_format() -> Format {
    Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
        .set_font_name("Times New Roman")
        .set_font_size(12)
}

fn measures_sheet(sheet: &mut Worksheet, plan: &Plan) -> Result<(), XlsxError> {
    sheet.set_name("Мероприятия")?;
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    let columns = export_columns(plan);
    let last_col = (columns.len() - 1) as u16;
    let title = Format::new()
        .set_bold()
        .set_font_size(14)
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_font_name("Times New Roman");
    sheet.merge_range(0, 0, 0, last_col, &plan.title, &title)?;
    sheet.set_row_height(0, 48)?;
    let plain = Format::new()
        .set_font_name("Times New Roman")
        .set_font_size(12);
    sheet.merge_range(1, 0, 1, last_col, &period_line(plan), &plain)?;

    let cell = cell_format();
    let header = cell
        .clone()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_background_color(Color::RGB(0xDDE5F0));
    let section = cell
        .clone()
        .set_bold()
        .set_background_color(Color::RGB(0xEDEDED));
    let header_rows = header_rows(&columns, MeasureField::document_header);
    let last_header = HEADER_ROW + header_rows.len() as u32 - 1;
    for (i, column) in columns.iter().enumerate() {
        sheet.set_column_width(i as u16, width(*column))?;
        let (top, below) = (&header_rows[0][i], header_rows.get(1).map(|r| &r[i]));
        match (column, below) {
            // A name over both header rows.
            (MeasureField::Year(_), _) | (_, None) => {
                sheet.write_string_with_format(HEADER_ROW, i as u16, top, &header)?;
            }
            (_, Some(_)) => {
                sheet.merge_range(HEADER_ROW, i as u16, last_header, i as u16, top, &header)?;
            }
        }
        if let (MeasureField::Year(_), Some(year)) = (column, below) {
            sheet.write_string_with_format(last_header, i as u16, year, &header)?;
        }
    }
    // The umbrella over the year columns.
    let years: Vec<usize> = (0..columns.len())
        .filter(|&i| matches!(columns[i], MeasureField::Year(_)))
        .collect();
    if let (Some(&first), Some(&last)) = (years.first(), years.last())
        && last > first
    {
        let umbrella = header_rows[0][first].clone();
        sheet.merge_range(
            HEADER_ROW,
            first as u16,
            HEADER_ROW,
            last as u16,
            &umbrella,
            &header,
        )?;
    }
    let mut row = last_header + 1;
    for s in &plan.sections {
        if let Some(heading) = section_heading(s) {
            if last_col == 0 {
                sheet.write_string_with_format(row, 0, &heading, &section)?;
            } else {
                sheet.merge_range(row, 0, row, last_col, &heading, &section)?;
            }
            row += 1;
        }
        for m in &s.measures {
            let mut lines = 1;
            for (i, column) in columns.iter().enumerate() {
                let text = column.get(m);
                sheet.write_string_with_format(row, i as u16, text, &cell)?;
                lines = lines.max(line_count(text, width(*column)));
            }
            // Excel grows rows to wrapped text only when it edits them; LibreOffice and printing need the
            // height written.
            sheet.set_row_height(row, 15.75 * lines as f64)?;
            row += 1;
        }
    }
    sheet.set_freeze_panes(last_header + 1, 0)?;
    sheet.autofilter(
        last_header,
        0,
        row.saturating_sub(1).max(last_header),
        last_col,
    )?;
    sheet.set_repeat_rows(HEADER_ROW, last_header)?;
    sheet.set_print_fit_to_pages(1, 0);
    Ok(())
}

/// About how many lines a text takes when wrapped in a column `width` characters wide (12 pt in a column
/// measured in 11 pt characters: a little fewer fit).
fn line_count(text: &str, width: f64) -> usize {
    let per_line = ((width * 0.85) as usize).max(1);
    text.split('\n')
        .map(|line| line.chars().count().div_ceil(per_line).max(1))
        .sum()
}

fn width(column: MeasureField) -> f64 {
    match column {
        MeasureField::Number => 7.0,
        MeasureField::Title => 55.0,
        MeasureField::Deadline => 18.0,
        MeasureField::Responsible => 28.0,
        MeasureField::Result => 40.0,
        MeasureField::Documents => 30.0,
        MeasureField::Year(_) => 25.0,
        MeasureField::Notes => 30.0,
    }
}

fn progress_sheet(
    sheet: &mut Worksheet,
    plan: &Plan,
    schools: &[School],
    progress: &[Progress],
) -> Result<(), XlsxError> {
    sheet.set_name("Ход выполнения")?;
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_print_fit_to_pages(1, 0);
    let cell = cell_format();
    let header = cell
        .clone()
        .set_bold()
        .set_background_color(Color::RGB(0xDDE5F0));
    let heads = [
        ("Школа", 35.0),
        ("№", 7.0),
        ("Мероприятие", 55.0),
        ("Срок", 12.0),
        ("Статус", 16.0),
        ("Дата выполнения", 14.0),
        ("Подтверждение", 35.0),
        ("Комментарий", 30.0),
    ];
    for (i, (name, w)) in heads.iter().enumerate() {
        sheet.write_string_with_format(0, i as u16, *name, &header)?;
        sheet.set_column_width(i as u16, *w)?;
    }
    // Measures by id with their place in the document, to sort records in document order.
    let measures: HashMap<_, _> = plan
        .measures()
        .enumerate()
        .map(|(i, m)| (m.id, (i, m)))
        .collect();
    let names: HashMap<_, _> = schools
        .iter()
        .map(|s| {
            let name = if s.short_name.trim().is_empty() {
                &s.name
            } else {
                &s.short_name
            };
            (s.id, name.as_str())
        })
        .collect();
    let mut records: Vec<(&str, usize, &Progress)> = progress
        .iter()
        .filter_map(|p| {
            let (order, _) = measures.get(&p.measure_id)?;
            let name = match p.school_id {
                Some(s) => names.get(&s).copied().unwrap_or("?"),
                None => super::super::merge::OFFICE_NAME,
            };
            Some((name, *order, p))
        })
        .collect();
    records.sort_by(|a, b| (a.0, a.1, a.2.due).cmp(&(b.0, b.1, b.2.due)));
    let date = |d: Option<chrono::NaiveDate>| {
        d.map(|d| d.format(crate::model::DATE_FORMAT).to_string())
            .unwrap_or_default()
    };
    let mut row = 1;
    for (school, order, p) in &records {
        let measure = measures[&p.measure_id].1;
        let _ = order;
        let values = [
            school.to_string(),
            measure.number.clone(),
            measure.title.clone(),
            p.due.map_or_else(
                || "без срока".to_owned(),
                |d| d.format(crate::model::DATE_FORMAT).to_string(),
            ),
            status_title(p.status).to_owned(),
            date(p.done_on),
            p.evidence.clone(),
            p.comment.clone(),
        ];
        for (i, v) in values.iter().enumerate() {
            sheet.write_string_with_format(row, i as u16, v, &cell)?;
        }
        row += 1;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, row.saturating_sub(1).max(1), (heads.len() - 1) as u16)?;
    Ok(())
}
