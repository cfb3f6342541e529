//! The words both writers of the note share: dates, shares, sentences, indicator values and the lists of
//! facts above the tables, so that the HTML page and the Word document say the same.

use chrono::NaiveDate;

use crate::model::{IndicatorUnit, School, Timestamp};
use crate::stats::SchoolSummary;
use crate::stats::analytic_note::{IndicatorLine, NoteHeader, category_title};

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
pub(crate) fn measures_genitive(n: u32) -> &'static str {
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

/// "Всего мероприятий на период …; просрочено N.": the counts of every status; `overdue` dresses the
/// overdue part (the HTML page colours it when there is any).
pub(crate) fn counts_sentence(s: &SchoolSummary, overdue: impl FnOnce(String) -> String) -> String {
    format!(
        "Всего мероприятий на период (с учётом повторов): {}; выполнено {} ({}%); в работе {}; \
         не выполнено {}; отменено {}; {}.",
        s.total,
        s.done,
        percent(s.done, s.total),
        s.in_progress,
        s.not_done,
        s.cancelled,
        overdue(format!("просрочено {}", s.overdue))
    )
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

/// The plan's facts under the title: who issued it and its approval, each when given.
pub(crate) fn header_facts(header: &NoteHeader) -> Vec<(&'static str, String)> {
    let mut facts = Vec::new();
    if !header.issuer.trim().is_empty() {
        facts.push(("Разработчик", header.issuer.clone()));
    }
    if !header.approval.trim().is_empty() {
        facts.push(("Утверждена", header.approval.clone()));
    }
    facts
}

/// The school's facts of its registry card (its name, then each field that is filled, then its categories).
pub(crate) fn school_facts(school: &School) -> Vec<(&'static str, String)> {
    let mut facts = vec![("Школа", school.name.clone())];
    for (label, value) in [
        ("Вид", &school.kind),
        ("Район", &school.district),
        ("Директор", &school.director),
        ("Контакты", &school.contacts),
        ("Куратор", &school.curator),
    ] {
        if !value.trim().is_empty() {
            facts.push((label, value.clone()));
        }
    }
    let categories = categories_text(school);
    if !categories.is_empty() {
        facts.push(("Категории", categories));
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn genitive_after_iz() {
        for (n, genitive) in [
            (1, "мероприятия"),
            (21, "мероприятия"),
            (11, "мероприятий"),
            (7, "мероприятий"),
        ] {
            assert_eq!(measures_genitive(n), genitive, "из {n}");
        }
    }
}
