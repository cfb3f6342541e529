//! The summary report (аналитическая справка) as a Word document: the same content and order as
//! [`super::html`], written with the WordprocessingML writer of the plan export. Portrait A4,
//! Times New Roman 12.

use std::io::Cursor;

use super::text::{
    below_target, categories_text, counts_sentence, date, done_sentence, due_text, header_facts,
    indicator_value, percent, school_facts, updated_text,
};
use crate::exchange::docx::markup::{Align, Body, CellSpec};
use crate::exchange::office::OfficeError;
use crate::stats::SchoolSummary;
use crate::stats::analytic_note::{
    DistrictNote, DoneItem, IndicatorLine, NoteHeader, NoteItem, OfficeNote, SchoolNote,
    SectionLine, UPCOMING_DAYS, status_title,
};

/// The fill of header rows (as the HTML page's `th`).
const HEADER_FILL: &str = "EEF2F7";

/// The report of one school as .docx bytes.
pub fn school_docx(r: &SchoolNote) -> Result<Vec<u8>, OfficeError> {
    let mut body = Body::new(false);
    header_lines(&mut body, &r.header, &r.school.name);
    heading(&mut body, "Сведения о школе");
    facts_lines(&mut body, &school_facts(&r.school));
    heading(&mut body, "Итоги");
    totals(&mut body, &r.summary, r.header.today);
    sections_table(&mut body, &r.sections);
    heading(
        &mut body,
        &format!("Просроченные мероприятия ({})", r.overdue.len()),
    );
    items_table(
        &mut body,
        &r.overdue,
        false,
        "Просроченных мероприятий нет.",
    );
    heading(&mut body, &format!("Ближайшие {UPCOMING_DAYS} дней"));
    items_table(
        &mut body,
        &r.upcoming,
        false,
        &format!("В ближайшие {UPCOMING_DAYS} дней сроков нет."),
    );
    done_table(&mut body, &r.done, false);
    indicators_table(&mut body, &r.indicators);
    finish(body, &r.header)
}

/// The report of the district as .docx bytes.
pub fn district_docx(r: &DistrictNote) -> Result<Vec<u8>, OfficeError> {
    let mut body = Body::new(false);
    header_lines(
        &mut body,
        &r.header,
        &format!(
            "по общеобразовательным организациям района (школ: {})",
            r.schools.len()
        ),
    );
    heading(&mut body, "Итоги по району");
    totals(&mut body, &r.total, r.header.today);
    heading(&mut body, "Школы");
    let widths = split(&body, &[26, 15, 18, 7, 18, 16]);
    body.table_start(&widths);
    header_row(
        &mut body,
        &widths,
        &[
            "Школа",
            "Категории",
            "Выполнено из наступивших",
            "%",
            "Просрочено",
            "Обновлено",
        ],
    );
    for (school, s) in &r.schools {
        let categories = categories_text(school);
        let done = format!("{} из {}", s.done, s.due);
        let share = format!("{}%", percent(s.done, s.due));
        let overdue = s.overdue.to_string();
        let updated = updated_text(s.last_update);
        body.row(
            &widths,
            &[
                CellSpec::plain(school.display_name()),
                CellSpec::plain(&categories),
                number(&done),
                number(&share),
                number(&overdue),
                number(&updated),
            ],
            false,
        );
    }
    body.table_end();
    sections_table(&mut body, &r.sections);
    heading(
        &mut body,
        &format!("Просроченные мероприятия ({})", r.overdue_count),
    );
    if (r.overdue.len() as u32) < r.overdue_count {
        body.paragraph(
            &format!(
                "Показаны первые {} — по школам с наименьшей долей выполнения.",
                r.overdue.len()
            ),
            false,
            Align::Left,
        );
    }
    items_table(&mut body, &r.overdue, true, "Просроченных мероприятий нет.");
    done_table(&mut body, &r.done, true);
    if let Some(office) = &r.office {
        office_part(&mut body, office, r.header.today);
    }
    indicators_table(&mut body, &r.indicators);
    finish(body, &r.header)
}

fn finish(mut body: Body, header: &NoteHeader) -> Result<Vec<u8>, OfficeError> {
    body.paragraph("", false, Align::Left);
    body.paragraph_sized(
        &format!(
            "Справка сформирована программой «Дорожные карты» по данным на {}.",
            date(header.today)
        ),
        false,
        Align::Left,
        Some(10),
    );
    Ok(body
        .finish(Cursor::new(Vec::new()))
        .map_err(|e| OfficeError::Write(e.to_string()))?
        .into_inner())
}

fn header_lines(body: &mut Body, header: &NoteHeader, about: &str) {
    body.paragraph_sized("Аналитическая справка", true, Align::Center, Some(16));
    body.paragraph(
        &format!(
            "о ходе реализации дорожной карты «{}»",
            header.plan_title.trim()
        ),
        false,
        Align::Center,
    );
    body.paragraph(about, false, Align::Center);
    body.paragraph(
        &format!(
            "Период: {}–{}. По состоянию на {}.",
            date(header.period.from),
            date(header.period.to),
            date(header.today)
        ),
        false,
        Align::Center,
    );
    let facts = header_facts(header);
    if !facts.is_empty() {
        body.paragraph("", false, Align::Left);
    }
    facts_lines(body, &facts);
}

/// A section heading with an empty line before it.
fn heading(body: &mut Body, text: &str) {
    body.paragraph("", false, Align::Left);
    body.paragraph_sized(text, true, Align::Left, Some(13));
}

/// "Label: value" lines.
fn facts_lines(body: &mut Body, facts: &[(&str, String)]) {
    for (label, value) in facts {
        body.labelled(&format!("{label}: "), value.trim());
    }
}

/// The sentence of what is done and the counts of every status.
fn totals(body: &mut Body, s: &SchoolSummary, today: chrono::NaiveDate) {
    body.paragraph_sized(&done_sentence(s, today), true, Align::Left, Some(14));
    body.paragraph(&counts_sentence(s, |overdue| overdue), false, Align::Both);
}

/// Column widths in proportion to `weights`, filling the text width (the rest to the widest column).
fn split(body: &Body, weights: &[u32]) -> Vec<u32> {
    let total = body.text_width();
    let sum: u32 = weights.iter().sum();
    let mut widths: Vec<u32> = weights.iter().map(|w| total * w / sum).collect();
    let used: u32 = widths.iter().sum();
    let widest = (0..weights.len())
        .max_by_key(|&i| weights[i])
        .unwrap_or_default();
    widths[widest] += total - used;
    widths
}

fn header_row(body: &mut Body, widths: &[u32], titles: &[&str]) {
    let cells: Vec<CellSpec> = titles
        .iter()
        .map(|t| CellSpec {
            bold: true,
            fill: Some(HEADER_FILL),
            align: Align::Center,
            ..CellSpec::plain(t)
        })
        .collect();
    body.row(widths, &cells, true);
}

/// A right-aligned cell, for numbers and dates.
fn number(text: &str) -> CellSpec<'_> {
    CellSpec {
        align: Align::Right,
        ..CellSpec::plain(text)
    }
}

fn sections_table(body: &mut Body, sections: &[SectionLine]) {
    heading(body, "Ход выполнения по направлениям");
    if sections.is_empty() {
        body.paragraph(
            "Мероприятия плана не касаются этой школы.",
            false,
            Align::Left,
        );
        return;
    }
    let widths = split(body, &[6, 33, 18, 11, 11, 21]);
    body.table_start(&widths);
    header_row(
        body,
        &widths,
        &["№", "Направление", "Выполнено", "Всего", "%", "Просрочено"],
    );
    for s in sections {
        let done = s.done.to_string();
        let total = s.total.to_string();
        let share = format!("{}%", percent(s.done, s.total));
        let overdue = s.overdue.to_string();
        body.row(
            &widths,
            &[
                CellSpec {
                    align: Align::Center,
                    ..CellSpec::plain(&s.number)
                },
                CellSpec::plain(&s.title),
                number(&done),
                number(&total),
                number(&share),
                number(&overdue),
            ],
            false,
        );
    }
    body.table_end();
}

/// Done occurrences with their evidence and who marked them.
fn done_table(body: &mut Body, items: &[DoneItem], with_school: bool) {
    heading(
        body,
        &format!("Выполненные мероприятия и подтверждения ({})", items.len()),
    );
    if items.is_empty() {
        body.paragraph("Выполненных мероприятий пока нет.", false, Align::Left);
        return;
    }
    let (school_title, weights) = if with_school {
        (Some("Исполнитель"), vec![14, 6, 24, 11, 11, 22, 12])
    } else {
        (None, vec![6, 30, 12, 12, 26, 14])
    };
    let titles = [
        "№",
        "Мероприятие",
        "Срок",
        "Выполнено",
        "Подтверждение",
        "Отметил",
    ];
    let rows = items.iter().map(|i| {
        let cells = vec![
            (i.number.clone(), Align::Center),
            (i.title.clone(), Align::Left),
            (due_text(i.due), Align::Center),
            (due_text(i.done_on), Align::Center),
            (i.evidence.clone(), Align::Left),
            (i.by.clone(), Align::Left),
        ];
        (i.school.as_str(), cells)
    });
    table_by_school(body, school_title, &weights, &titles, rows);
}

/// The indicators against their targets.
fn indicators_table(body: &mut Body, lines: &[IndicatorLine]) {
    if lines.is_empty() {
        return;
    }
    heading(body, "Целевые индикаторы");
    let widths = split(body, &[58, 10, 16, 16]);
    body.table_start(&widths);
    header_row(body, &widths, &["Индикатор", "Год", "Цель", "Факт"]);
    for l in lines {
        let year = l.year.to_string();
        let target = indicator_value(l.unit, l.target);
        let mut actual = indicator_value(l.unit, l.actual);
        if below_target(l) {
            actual.push_str(" (ниже цели)");
        }
        body.row(
            &widths,
            &[
                CellSpec::plain(&l.name),
                number(&year),
                number(&target),
                number(&actual),
            ],
            false,
        );
    }
    body.table_end();
}

/// The office's own execution: its counts, what it did (with evidence), what is overdue.
fn office_part(body: &mut Body, office: &OfficeNote, today: chrono::NaiveDate) {
    heading(body, "Выполнение мероприятий управлением образования");
    totals(body, &office.summary, today);
    done_table(body, &office.done, false);
    heading(
        body,
        &format!(
            "Просроченные мероприятия управления ({})",
            office.overdue.len()
        ),
    );
    items_table(
        body,
        &office.overdue,
        false,
        "Просроченных мероприятий нет.",
    );
}

fn items_table(body: &mut Body, items: &[NoteItem], with_school: bool, empty: &str) {
    if items.is_empty() {
        body.paragraph(empty, false, Align::Left);
        return;
    }
    let (school_title, weights) = if with_school {
        (Some("Школа"), vec![15, 6, 27, 17, 17, 18])
    } else {
        (None, vec![6, 37, 15, 22, 20])
    };
    let titles = ["№", "Мероприятие", "Срок", "Ответственные", "Статус"];
    let rows = items.iter().map(|i| {
        let cells = vec![
            (i.number.clone(), Align::Center),
            (i.title.clone(), Align::Left),
            (due_text(i.due), Align::Center),
            (i.responsible.clone(), Align::Left),
            (status_title(i.status).to_owned(), Align::Left),
        ];
        (i.school.as_str(), cells)
    });
    table_by_school(body, school_title, &weights, &titles, rows);
}

/// A table of occurrences: a header row of `titles` and a row of cells each, both led by the executor's
/// column when it has a title (`school_title`); `weights` are the widths of all the columns. A cell is its
/// text and its alignment.
fn table_by_school<'a>(
    body: &mut Body,
    school_title: Option<&str>,
    weights: &[u32],
    titles: &[&str],
    rows: impl Iterator<Item = (&'a str, Vec<(String, Align)>)>,
) {
    let widths = split(body, weights);
    body.table_start(&widths);
    let all_titles: Vec<&str> = school_title
        .into_iter()
        .chain(titles.iter().copied())
        .collect();
    header_row(body, &widths, &all_titles);
    for (school, cells) in rows {
        let school_cell = school_title.map(|_| CellSpec::plain(school));
        let cells = cells.iter().map(|(text, align)| CellSpec {
            align: *align,
            ..CellSpec::plain(text)
        });
        let row: Vec<CellSpec> = school_cell.into_iter().chain(cells).collect();
        body.row(&widths, &row, false);
    }
    body.table_end();
}
