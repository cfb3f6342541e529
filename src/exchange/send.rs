//! «Разослать школам»: the district's plan as one file per school — the plan, that school (with its
//! categories), its progress and the office's, the criteria set and that school's values — named by the
//! school's short name and the period (`План-СОШ-Бартеневка-2021-22.json`).

use crate::model::{Id, Period, Plan, School};
use crate::store::Store;

use super::{ExchangeError, ExchangeFile, Origin, export};

/// The plan file for one school (see the module docs).
pub fn plan_for_school(
    store: &Store,
    plan: Id,
    school: Id,
    origin: Origin,
) -> Result<ExchangeFile, ExchangeError> {
    let mut file = export(store, Some(plan), origin)?;
    file.schools.retain(|s| s.id == school);
    if file.schools.is_empty() {
        return Err(ExchangeError::SchoolNotFound(school.to_string()));
    }
    file.progress
        .retain(|p| p.school_id.is_none() || p.school_id == Some(school));
    file.criterion_values.retain(|v| v.school_id == school);
    file.indicator_values
        .retain(|v| v.school_id.is_none() || v.school_id == Some(school));
    Ok(file)
}

/// The schools a plan is sent to: those at least one of its measures concerns, in registry order.
pub fn recipients<'a>(plan: &Plan, schools: &'a [School]) -> Vec<&'a School> {
    schools
        .iter()
        .filter(|s| plan.measures().any(|m| crate::stats::concerns(plan, m, s)))
        .collect()
}

/// The file name of a school's plan: «План-<short name>-<period>.json», words joined by «-».
pub fn plan_file_name(school: &School, period: Period) -> String {
    format!(
        "План-{}-{}.json",
        words_joined(school.display_name()),
        period_text(period)
    )
}

/// A period as file names write it: «2021-22» for a school year, «2022-24» for calendar years.
pub fn period_text(period: Period) -> String {
    use chrono::Datelike;
    let (from, to) = (period.from.year(), period.to.year());
    if from == to {
        from.to_string()
    } else {
        format!("{from}-{:02}", to % 100)
    }
}

fn words_joined(text: &str) -> String {
    let joined = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if joined.is_empty() {
        "школа".into()
    } else {
        joined
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_school_plan_file_is_named_by_short_name_and_period() {
        let mut school = School::new("МОУ «СОШ с. Бартеневка им. П.Е. Толстова»");
        school.short_name = "СОШ Бартеневка".into();
        assert_eq!(
            plan_file_name(&school, Period::school_year(2021)),
            "План-СОШ-Бартеневка-2021-22.json"
        );
        school.short_name = "СОШ с. Бартеневка".into();
        let calendar = Period {
            from: chrono::NaiveDate::from_ymd_opt(2022, 1, 1).unwrap(),
            to: chrono::NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
        };
        assert_eq!(
            plan_file_name(&school, calendar),
            "План-СОШ-с-Бартеневка-2022-24.json"
        );
    }
}
