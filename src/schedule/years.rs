//! Year cells as deadlines: a measure whose table has a column per year and no deadline text is due once in
//! each year whose cell holds something — on the date the cell names («январь 2020», «до 01.09.2021»,
//! «II квартал»), or else at that year's end — within the plan period.
//!
//! A year's span is the plan year that ends in it (a school-year plan: 01.09 of the year before – 31.08),
//! or, when no plan year ends in it, the calendar year, cut to the period. The cell is read with the
//! deadline grammar inside that span; when it names several dates the last one is the year's due date.

use chrono::{Datelike, NaiveDate};

use super::calendar::{dmy, ymd};
use super::{Occurrence, Schedule, derive, plan_years};
use crate::model::{Measure, Period, YearActivity};

/// The schedule of a measure's year cells within `period` (see the module docs).
pub fn due_from_years(yearly: &[YearActivity], period: Period) -> Schedule {
    if period.from > period.to {
        return Schedule {
            occurrences: Vec::new(),
            explanation: "без срока: неверный период плана".to_owned(),
        };
    }
    let mut cells: Vec<&YearActivity> = yearly.iter().filter(|y| holds_text(&y.text)).collect();
    cells.sort_by_key(|y| y.year);
    let mut occurrences = Vec::new();
    let mut parts = Vec::new();
    for cell in cells {
        let Some(span) = year_span(cell.year, period) else {
            continue;
        };
        let named = derive(&cell.text, span).occurrences.into_iter().max();
        let occurrence = named.unwrap_or(Occurrence {
            start: span.from,
            due: span.to,
        });
        parts.push(match named {
            Some(_) => format!("{} — {}", cell.year, dmy(occurrence.due)),
            None => format!("{} — {} (конец года)", cell.year, dmy(occurrence.due)),
        });
        occurrences.push(occurrence);
    }
    occurrences.sort();
    occurrences.dedup_by_key(|o| o.due);
    let explanation = if parts.is_empty() {
        "без срока".to_owned()
    } else {
        format!("по столбцам лет: {}", parts.join("; "))
    };
    Schedule {
        occurrences,
        explanation,
    }
}

/// The schedule of a measure: its deadline text, or — when it has none — its year cells.
pub fn measure_schedule(deadline: &str, yearly: &[YearActivity], period: Period) -> Schedule {
    if deadline.trim().is_empty() && yearly.iter().any(|y| holds_text(&y.text)) {
        due_from_years(yearly, period)
    } else {
        derive(deadline, period)
    }
}

/// The due dates of a measure within `period` (see [`measure_schedule`]).
pub fn measure_due_dates(measure: &Measure, period: Period) -> Vec<NaiveDate> {
    measure_schedule(&measure.deadline, &measure.yearly, period).due_dates()
}

/// A cell that says something: not empty, not a lone «.», «-» or «—» put in to fill it.
fn holds_text(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// The span of a year within the period: the plan year ending in it, else the calendar year, cut to the
/// period; `None` when the year lies outside the period.
fn year_span(year: i32, period: Period) -> Option<Period> {
    if let Some(plan_year) = plan_years(period)
        .into_iter()
        .rev()
        .find(|y| y.full_end.year() == year)
    {
        return Some(Period::new(plan_year.start, plan_year.end));
    }
    let from = ymd(year, 1, 1)?.max(period.from);
    let to = ymd(year, 12, 31)?.min(period.to);
    (from <= to).then(|| Period::new(from, to))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures::date as d;

    fn cells(list: &[(i32, &str)]) -> Vec<YearActivity> {
        list.iter()
            .map(|(year, text)| YearActivity {
                year: *year,
                text: (*text).to_owned(),
            })
            .collect()
    }

    #[test]
    fn each_filled_year_is_due_on_the_date_it_names_or_at_its_end() {
        let period = Period::new(d(2020, 1, 1), d(2022, 12, 31));
        let yearly = cells(&[
            (2020, "Входная диагностика\nянварь 2020"),
            (2021, "Повторная диагностика\nдо 01.09.2021"),
            (2022, "Итоговая диагностика\nII квартал"),
        ]);
        let schedule = due_from_years(&yearly, period);
        assert_eq!(
            schedule.due_dates(),
            [d(2020, 1, 31), d(2021, 9, 1), d(2022, 6, 30)]
        );
        let plain = cells(&[(2020, "Обучение учителей"), (2021, "."), (2022, "")]);
        assert_eq!(
            due_from_years(&plain, period).due_dates(),
            [d(2020, 12, 31)]
        );
        assert!(
            due_from_years(&plain, period)
                .explanation
                .contains("2020 — 31.12.2020 (конец года)")
        );
    }

    #[test]
    fn years_outside_the_period_give_nothing_and_school_years_end_in_august() {
        let school = Period::school_year(2021);
        let yearly = cells(&[(2019, "Анализ"), (2022, "Итоги года")]);
        assert_eq!(
            due_from_years(&yearly, school).due_dates(),
            [d(2022, 8, 31)]
        );
        let autumn = cells(&[(2021, "Семинар")]);
        assert_eq!(
            due_from_years(&autumn, school).due_dates(),
            [d(2021, 12, 31)]
        );
    }

    #[test]
    fn a_deadline_text_wins_over_the_year_cells() {
        let period = Period::new(d(2020, 1, 1), d(2022, 12, 31));
        let yearly = cells(&[(2021, "Семинар")]);
        assert_eq!(
            measure_schedule("март 2020", &yearly, period).due_dates(),
            [d(2020, 3, 31)]
        );
        assert_eq!(
            measure_schedule(" ", &yearly, period).due_dates(),
            [d(2021, 12, 31)]
        );
        assert!(measure_schedule("", &[], period).is_unscheduled());
    }
}
