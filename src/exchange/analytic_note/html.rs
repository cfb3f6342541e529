//! The summary report (аналитическая справка) as one printable HTML page: inline CSS with `@media print`,
//! every text escaped, no scripts and no outside files, so it opens and prints anywhere.

use std::fmt::Write;

use chrono::NaiveDate;

use super::text::{
    below_target, categories_text, counts_sentence, date, done_sentence, due_text, header_facts,
    indicator_value, percent, school_facts, updated_text,
};
use crate::stats::SchoolSummary;
use crate::stats::analytic_note::{
    DistrictNote, DoneItem, IndicatorLine, NoteHeader, NoteItem, OfficeNote, SchoolNote,
    SectionLine, UPCOMING_DAYS, status_title,
};

const STYLE: &str = r#"
body { font-family: "PT Serif", "Times New Roman", serif; font-size: 12pt; color: #111; max-width: 190mm;
       margin: 12mm auto; line-height: 1.35; }
h1 { font-size: 17pt; text-align: center; margin: 0 0 4pt; }
h2 { font-size: 13pt; margin: 16pt 0 6pt; border-bottom: 1px solid #999; }
p.sub { text-align: center; margin: 0 0 2pt; }
p.big { font-size: 14pt; font-weight: bold; margin: 6pt 0; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; }
th, td { border: 1px solid #888; padding: 3pt 5pt; vertical-align: top; text-align: left; }
th { background: #eef2f7; }
td.n { text-align: right; white-space: nowrap; }
table.facts td, table.facts th { border: none; padding: 1pt 6pt 1pt 0; background: none; }
.bar { display: inline-block; width: 60pt; height: 8pt; background: #e3e3e3; vertical-align: middle; }
.bar span { display: block; height: 8pt; background: #2e7d4f; }
.late { color: #a01818; }
.none { color: #555; font-style: italic; }
footer { margin-top: 24pt; font-size: 10pt; color: #444; }
@media print {
  body { margin: 0; max-width: none; }
  h2 { break-after: avoid; }
  tr { break-inside: avoid; }
  th { background: #eef2f7 !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .bar, .bar span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// Text with the characters HTML gives meaning to written as entities.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn page_start(out: &mut String, title: &str) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>");
}

fn page_end(out: &mut String, header: &NoteHeader) {
    let _ = writeln!(
        out,
        "<footer>Справка сформирована программой «Дорожные карты» по данным на {}.</footer>\n</body>\n</html>",
        date(header.today)
    );
}

fn header_lines(out: &mut String, header: &NoteHeader, about: &str) {
    out.push_str("<h1>Аналитическая справка</h1>\n");
    let _ = writeln!(
        out,
        "<p class=\"sub\">о ходе реализации дорожной карты «{}»</p>",
        escape(&header.plan_title)
    );
    let _ = writeln!(out, "<p class=\"sub\">{}</p>", escape(about));
    let _ = writeln!(
        out,
        "<p class=\"sub\">Период: {}–{}. По состоянию на {}.</p>",
        date(header.period.from),
        date(header.period.to),
        date(header.today)
    );
    facts_table(out, &header_facts(header));
}

fn facts_table(out: &mut String, facts: &[(&str, String)]) {
    if facts.is_empty() {
        return;
    }
    out.push_str("<table class=\"facts\">\n");
    for (name, value) in facts {
        let _ = writeln!(
            out,
            "<tr><th>{}</th><td>{}</td></tr>",
            escape(name),
            escape(value)
        );
    }
    out.push_str("</table>\n");
}

fn bar(part: u32, whole: u32) -> String {
    format!(
        "<span class=\"bar\"><span style=\"width:{}%\"></span></span>",
        percent(part, whole)
    )
}

fn sections_table(out: &mut String, sections: &[SectionLine]) {
    out.push_str("<h2>Ход выполнения по направлениям</h2>\n");
    if sections.is_empty() {
        out.push_str("<p class=\"none\">Мероприятия плана не касаются этой школы.</p>\n");
        return;
    }
    out.push_str(
        "<table>\n<tr><th>№</th><th>Направление</th><th>Выполнено</th><th>Всего</th><th>%</th><th>Просрочено</th></tr>\n",
    );
    for s in sections {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{} {}%</td><td class=\"n{}\">{}</td></tr>",
            escape(&s.number),
            escape(&s.title),
            s.done,
            s.total,
            bar(s.done, s.total),
            percent(s.done, s.total),
            if s.overdue > 0 { " late" } else { "" },
            s.overdue
        );
    }
    out.push_str("</table>\n");
}

fn items_table(out: &mut String, items: &[NoteItem], with_school: bool, empty: &str) {
    if items.is_empty() {
        let _ = writeln!(out, "<p class=\"none\">{}</p>", escape(empty));
        return;
    }
    let rows = items.iter().map(|i| {
        let cells = format!(
            "<td>{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td>",
            escape(&i.number),
            escape(&i.title),
            due_text(i.due),
            escape(&i.responsible),
            status_title(i.status)
        );
        (i.school.as_str(), cells)
    });
    let titles = "<th>№</th><th>Мероприятие</th><th>Срок</th><th>Ответственные</th><th>Статус</th>";
    table_by_school(out, with_school.then_some("Школа"), titles, rows);
}

/// Done occurrences with their evidence and who marked them.
fn done_table(out: &mut String, items: &[DoneItem], with_school: bool) {
    let _ = writeln!(
        out,
        "<h2>Выполненные мероприятия и подтверждения ({})</h2>",
        items.len()
    );
    if items.is_empty() {
        out.push_str("<p class=\"none\">Выполненных мероприятий пока нет.</p>\n");
        return;
    }
    let rows = items.iter().map(|i| {
        let cells = format!(
            "<td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td>",
            escape(&i.number),
            escape(&i.title),
            due_text(i.due),
            due_text(i.done_on),
            escape(&i.evidence).replace('\n', "<br>"),
            escape(&i.by)
        );
        (i.school.as_str(), cells)
    });
    let titles = "<th>№</th><th>Мероприятие</th><th>Срок</th><th>Выполнено</th><th>Подтверждение</th><th>Отметил</th>";
    table_by_school(out, with_school.then_some("Исполнитель"), titles, rows);
}

/// A table of occurrences: the header cells `titles` and a row of `cells` each, both led by the
/// executor's column when it has a title (`school_title`).
fn table_by_school<'a>(
    out: &mut String,
    school_title: Option<&str>,
    titles: &str,
    rows: impl Iterator<Item = (&'a str, String)>,
) {
    out.push_str("<table>\n<tr>");
    if let Some(title) = school_title {
        let _ = write!(out, "<th>{}</th>", escape(title));
    }
    out.push_str(titles);
    out.push_str("</tr>\n");
    for (school, cells) in rows {
        out.push_str("<tr>");
        if school_title.is_some() {
            let _ = write!(out, "<td>{}</td>", escape(school));
        }
        out.push_str(&cells);
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

/// The indicators against their targets.
fn indicators_table(out: &mut String, lines: &[IndicatorLine]) {
    if lines.is_empty() {
        return;
    }
    out.push_str("<h2>Целевые индикаторы</h2>\n<table>\n<tr><th>Индикатор</th><th>Год</th><th>Цель</th><th>Факт</th></tr>\n");
    for l in lines {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n{}\">{}</td></tr>",
            escape(&l.name),
            l.year,
            indicator_value(l.unit, l.target),
            if below_target(l) { " late" } else { "" },
            indicator_value(l.unit, l.actual)
        );
    }
    out.push_str("</table>\n");
}

/// The office's own execution: its counts, what it did (with evidence), what is overdue.
fn office_part(out: &mut String, office: &OfficeNote, today: NaiveDate) {
    out.push_str("<h2>Выполнение мероприятий управлением образования</h2>\n");
    totals(out, &office.summary, today);
    done_table(out, &office.done, false);
    let _ = writeln!(
        out,
        "<h2>Просроченные мероприятия управления ({})</h2>",
        office.overdue.len()
    );
    items_table(out, &office.overdue, false, "Просроченных мероприятий нет.");
}

/// The sentence of what is done and the counts of every status.
fn totals(out: &mut String, s: &SchoolSummary, today: NaiveDate) {
    let _ = writeln!(
        out,
        "<p class=\"big\">{}</p>",
        escape(&done_sentence(s, today))
    );
    let late = if s.overdue > 0 { "late" } else { "" };
    let counts = counts_sentence(s, |overdue| {
        format!("<span class=\"{late}\">{overdue}</span>")
    });
    let _ = writeln!(out, "<p>{counts}</p>");
}

/// The report of one school as an HTML page.
pub fn school_html(r: &SchoolNote) -> String {
    let mut out = String::new();
    let name = r.school.display_name().to_owned();
    page_start(&mut out, &format!("Аналитическая справка — {name}"));
    header_lines(&mut out, &r.header, &r.school.name);
    out.push_str("<h2>Сведения о школе</h2>\n");
    facts_table(&mut out, &school_facts(&r.school));
    out.push_str("<h2>Итоги</h2>\n");
    totals(&mut out, &r.summary, r.header.today);
    sections_table(&mut out, &r.sections);
    let _ = writeln!(
        out,
        "<h2>Просроченные мероприятия ({})</h2>",
        r.overdue.len()
    );
    items_table(&mut out, &r.overdue, false, "Просроченных мероприятий нет.");
    let _ = writeln!(out, "<h2>Ближайшие {UPCOMING_DAYS} дней</h2>");
    items_table(
        &mut out,
        &r.upcoming,
        false,
        "В ближайшие 30 дней сроков нет.",
    );
    done_table(&mut out, &r.done, false);
    indicators_table(&mut out, &r.indicators);
    page_end(&mut out, &r.header);
    out
}

/// The report of the district as an HTML page.
pub fn district_html(r: &DistrictNote) -> String {
    let mut out = String::new();
    page_start(&mut out, "Аналитическая справка по району");
    header_lines(
        &mut out,
        &r.header,
        &format!(
            "по общеобразовательным организациям района (школ: {})",
            r.schools.len()
        ),
    );
    out.push_str("<h2>Итоги по району</h2>\n");
    totals(&mut out, &r.total, r.header.today);
    out.push_str("<h2>Школы</h2>\n");
    out.push_str(
        "<table>\n<tr><th>Школа</th><th>Категории</th><th>Выполнено из наступивших</th><th>%</th><th>Просрочено</th><th>Обновлено</th></tr>\n",
    );
    for (school, s) in &r.schools {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{} из {}</td><td class=\"n\">{} {}%</td><td class=\"n{}\">{}</td><td class=\"n\">{}</td></tr>",
            escape(school.display_name()),
            escape(&categories_text(school)),
            s.done,
            s.due,
            bar(s.done, s.due),
            percent(s.done, s.due),
            if s.overdue > 0 { " late" } else { "" },
            s.overdue,
            updated_text(s.last_update)
        );
    }
    out.push_str("</table>\n");
    sections_table(&mut out, &r.sections);
    let _ = writeln!(
        out,
        "<h2>Просроченные мероприятия ({})</h2>",
        r.overdue_count
    );
    if (r.overdue.len() as u32) < r.overdue_count {
        let _ = writeln!(
            out,
            "<p class=\"none\">Показаны первые {} — по школам с наименьшей долей выполнения.</p>",
            r.overdue.len()
        );
    }
    items_table(&mut out, &r.overdue, true, "Просроченных мероприятий нет.");
    done_table(&mut out, &r.done, true);
    if let Some(office) = &r.office {
        office_part(&mut out, office, r.header.today);
    }
    indicators_table(&mut out, &r.indicators);
    page_end(&mut out, &r.header);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Category, Measure, Period, Plan, Progress, School, Section, Status};
    use crate::stats::ProgressIndex;
    use crate::stats::analytic_note::{district_note, school_note};

    fn fixture() -> (Plan, School, ProgressIndex) {
        let mut plan = Plan::new("Карта <поддержки> & «ШНОР»", Period::school_year(2021));
        let mut section = Section::new("1", "Кадры");
        for i in 0..3 {
            let mut m = Measure::new(format!("1.{i}"), format!("Семинар <{i}>"));
            m.due = vec![NaiveDate::from_ymd_opt(2021, 9, 20 + i).unwrap()];
            section.measures.push(m);
        }
        plan.sections.push(section);
        let mut school = School::new("МОУ «СОШ № 1» <script>");
        school.categories = vec![Category::Shnor];
        let m = &plan.sections[0].measures[0];
        let table = ProgressIndex::new(vec![Progress::new(
            m.id,
            Some(school.id),
            m.due.first().copied(),
            Status::Done,
        )]);
        (plan, school, table)
    }

    #[test]
    fn the_school_page_is_escaped_printable_and_says_done_out_of_due() {
        let (plan, school, table) = fixture();
        let today = NaiveDate::from_ymd_opt(2021, 10, 15).unwrap();
        let html = school_html(&school_note(&plan, &school, &table, today));
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("@media print"));
        assert!(html.contains("Выполнено 1 из 3 мероприятий со сроком по 15.10.2021 (33%)."));
        assert!(html.contains("МОУ «СОШ № 1» &lt;script&gt;"));
        assert!(!html.contains("<script>"));
        assert!(html.contains("Карта &lt;поддержки&gt; &amp; «ШНОР»"));
        assert!(html.contains("Семинар &lt;1&gt;"), "overdue listed");
        assert!(html.contains("Просроченные мероприятия (2)"));
        assert!(html.contains("ШНОР"));
    }

    #[test]
    fn the_district_page_lists_schools() {
        let (plan, school, table) = fixture();
        let today = NaiveDate::from_ymd_opt(2021, 10, 15).unwrap();
        let html = district_html(&district_note(&plan, &[school], &table, today));
        assert!(html.contains("Аналитическая справка"));
        assert!(html.contains("1 из 3"));
        assert!(html.contains("по общеобразовательным организациям района (школ: 1)"));
    }
}
