//! The summary report (аналитическая справка) as one printable HTML page: inline CSS with `@media print`,
//! every text escaped, no scripts and no outside files, so it opens and prints anywhere.

use std::fmt::Write;

use chrono::NaiveDate;

use crate::model::{IndicatorUnit, School, Timestamp};
use crate::stats::SchoolSummary;
use crate::stats::analytic_note::{
    DistrictNote, DoneItem, IndicatorLine, NoteHeader, NoteItem, OfficeNote, SchoolNote,
    SectionLine, UPCOMING_DAYS, category_title, status_title,
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

pub(crate) fn date(d: NaiveDate) -> String {
    d.format(crate::model::DATE_FORMAT).to_string()
}

pub(crate) fn due_text(d: Option<NaiveDate>) -> String {
    d.map(date).unwrap_or_else(|| "без срока".to_owned())
}

pub(crate) fn percent(part: u32, whole: u32) -> u32 {
    if whole == 0 {
        0
    } else {
        (f64::from(part) * 100.0 / f64::from(whole)).round() as u32
    }
}

/// "мероприятия" after "из 1", "из 21"; "мероприятий" otherwise (the genitive after "из").
fn measures_genitive(n: u32) -> &'static str {
    crate::i18n::russian_plural(n as usize, "мероприятия", "мероприятий", "мероприятий")
}

/// "Выполнено N из M мероприятий со сроком по DD.MM.YYYY (P%)".
pub fn done_sentence(summary: &SchoolSummary, today: NaiveDate) -> String {
    format!(
        "Выполнено {} из {} {} со сроком по {} ({}%).",
        summary.done,
        summary.due,
        measures_genitive(summary.due),
        date(today),
        percent(summary.done, summary.due)
    )
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
    let mut facts = Vec::new();
    if !header.issuer.trim().is_empty() {
        facts.push(("Разработчик", header.issuer.clone()));
    }
    if !header.approval.trim().is_empty() {
        facts.push(("Утверждена", header.approval.clone()));
    }
    facts_table(out, &facts);
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
    out.push_str("<table>\n<tr>");
    if with_school {
        out.push_str("<th>Школа</th>");
    }
    out.push_str(
        "<th>№</th><th>Мероприятие</th><th>Срок</th><th>Ответственные</th><th>Статус</th></tr>\n",
    );
    for i in items {
        out.push_str("<tr>");
        if with_school {
            let _ = write!(out, "<td>{}</td>", escape(&i.school));
        }
        let _ = writeln!(
            out,
            "<td>{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>",
            escape(&i.number),
            escape(&i.title),
            due_text(i.due),
            escape(&i.responsible),
            status_title(i.status)
        );
    }
    out.push_str("</table>\n");
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
    out.push_str("<table>\n<tr>");
    if with_school {
        out.push_str("<th>Исполнитель</th>");
    }
    out.push_str(
        "<th>№</th><th>Мероприятие</th><th>Срок</th><th>Выполнено</th><th>Подтверждение</th><th>Отметил</th></tr>\n",
    );
    for i in items {
        out.push_str("<tr>");
        if with_school {
            let _ = write!(out, "<td>{}</td>", escape(&i.school));
        }
        let _ = writeln!(
            out,
            "<td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>",
            escape(&i.number),
            escape(&i.title),
            due_text(i.due),
            due_text(i.done_on),
            escape(&i.evidence).replace('\n', "<br>"),
            escape(&i.by)
        );
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

/// An indicator's value as the report writes it: «80%», «12», «да»/«нет», «—» when none.
pub(crate) fn indicator_value(unit: IndicatorUnit, value: Option<f64>) -> String {
    let Some(v) = value else {
        return "—".into();
    };
    let number = if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}").replace('.', ",")
    };
    match unit {
        IndicatorUnit::Percent => format!("{number}%"),
        IndicatorUnit::Count => number,
        IndicatorUnit::YesNo => if v >= 0.5 { "да" } else { "нет" }.into(),
    }
}

/// Whether the actual value is known and below the target.
pub(crate) fn below_target(l: &IndicatorLine) -> bool {
    matches!((l.actual, l.target), (Some(a), Some(t)) if a < t)
}

/// The office's own execution: its counts, what it did (with evidence), what is overdue.
fn office_part(out: &mut String, office: &OfficeNote, today: NaiveDate) {
    out.push_str("<h2>Выполнение мероприятий управлением образования</h2>\n");
    let _ = writeln!(
        out,
        "<p class=\"big\">{}</p>",
        escape(&done_sentence(&office.summary, today))
    );
    counts_line(out, &office.summary);
    done_table(out, &office.done, false);
    let _ = writeln!(
        out,
        "<h2>Просроченные мероприятия управления ({})</h2>",
        office.overdue.len()
    );
    items_table(out, &office.overdue, false, "Просроченных мероприятий нет.");
}

fn counts_line(out: &mut String, s: &SchoolSummary) {
    let _ = writeln!(
        out,
        "<p>Всего мероприятий на период (с учётом повторов): {}; выполнено {} ({}%); в работе {}; \
         не выполнено {}; отменено {}; <span class=\"{}\">просрочено {}</span>.</p>",
        s.total,
        s.done,
        percent(s.done, s.total),
        s.in_progress,
        s.not_done,
        s.cancelled,
        if s.overdue > 0 { "late" } else { "" },
        s.overdue
    );
}

pub(crate) fn updated_text(t: Option<Timestamp>) -> String {
    t.map(|t| {
        t.with_timezone(&chrono::Local)
            .format(crate::model::DATE_FORMAT)
            .to_string()
    })
    .unwrap_or_else(|| "—".to_owned())
}

pub(crate) fn categories_text(school: &School) -> String {
    school
        .categories
        .iter()
        .map(|c| category_title(*c))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The report of one school as an HTML page.
pub fn school_html(r: &SchoolNote) -> String {
    let mut out = String::new();
    let name = r.school.display_name().to_owned();
    page_start(&mut out, &format!("Аналитическая справка — {name}"));
    header_lines(&mut out, &r.header, &r.school.name);
    let mut facts = vec![("Школа", r.school.name.clone())];
    for (label, value) in [
        ("Вид", &r.school.kind),
        ("Район", &r.school.district),
        ("Директор", &r.school.director),
        ("Контакты", &r.school.contacts),
        ("Куратор", &r.school.curator),
    ] {
        if !value.trim().is_empty() {
            facts.push((label, value.clone()));
        }
    }
    let categories = categories_text(&r.school);
    if !categories.is_empty() {
        facts.push(("Категории", categories));
    }
    out.push_str("<h2>Сведения о школе</h2>\n");
    facts_table(&mut out, &facts);
    out.push_str("<h2>Итоги</h2>\n");
    let _ = writeln!(
        out,
        "<p class=\"big\">{}</p>",
        escape(&done_sentence(&r.summary, r.header.today))
    );
    counts_line(&mut out, &r.summary);
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
    let _ = writeln!(
        out,
        "<p class=\"big\">{}</p>",
        escape(&done_sentence(&r.total, r.header.today))
    );
    counts_line(&mut out, &r.total);
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
    use crate::model::{Category, Measure, Period, Plan, Progress, Section, Status};
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

    #[test]
    fn genitive_after_iz() {
        assert_eq!(measures_genitive(1), "мероприятия");
        assert_eq!(measures_genitive(21), "мероприятия");
        assert_eq!(measures_genitive(11), "мероприятий");
        assert_eq!(measures_genitive(7), "мероприятий");
    }
}
