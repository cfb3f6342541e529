//! How the plan picker names a plan so that plans can be told apart: level (or the owner school), period,
//! title — «Район · 2021/22 · Дорожная карта…», «СОШ Бартеневка · 2021/22 · План школы».

use chrono::Datelike;

use crate::i18n::{Arg, I18n};
use crate::model::{Period, PlanLevel, PlanSummary, School};

/// The picker's name of a plan (`schools`: the registry, for a school plan's owner).
pub fn plan_label(i18n: &I18n, plan: &PlanSummary, schools: &[School], max_title: usize) -> String {
    let period = period_text(plan.period);
    if let Some(owner) = plan.owner_school {
        let school = schools
            .iter()
            .find(|s| s.id == owner)
            .map(|s| s.display_name().to_owned())
            .unwrap_or_else(|| i18n.tr("plan-label-unknown-school"));
        return i18n.tr_args(
            "plan-label-school",
            &[("school", Arg::Str(&school)), ("period", Arg::Str(&period))],
        );
    }
    let level = match plan.level {
        PlanLevel::Region => "plan-label-region",
        PlanLevel::District | PlanLevel::School => "plan-label-district",
    };
    let title = shorten(&plan.title, max_title);
    i18n.tr_args(
        level,
        &[("period", Arg::Str(&period)), ("title", Arg::Str(&title))],
    )
}

/// «2021/22» for a school year (or any 12 months across New Year), «2022–2024» for calendar years,
/// «2022» for one calendar year.
pub fn period_text(period: Period) -> String {
    let (from, to) = (period.from.year(), period.to.year());
    if from == to {
        from.to_string()
    } else if to == from + 1 && period.from.month() > 1 {
        format!("{from}/{:02}", to % 100)
    } else {
        format!("{from}–{to}")
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(max).collect();
        s.push('…');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;
    use crate::model::new_id;

    fn summary(title: &str, owner: Option<crate::model::Id>, period: Period) -> PlanSummary {
        PlanSummary {
            id: new_id(),
            title: title.into(),
            level: if owner.is_some() {
                PlanLevel::School
            } else {
                PlanLevel::District
            },
            owner_school: owner,
            period,
            sections: 1,
            measures: 1,
        }
    }

    #[test]
    fn district_and_school_plans_are_told_apart() {
        let ru = I18n::new(Language::Russian);
        let mut school = School::new("МОУ «СОШ с. Бартеневка»");
        school.short_name = "СОШ Бартеневка".into();
        let year = Period::school_year(2021);
        let district = summary("Дорожная карта", None, year);
        let own = summary("Дорожная карта", Some(school.id), year);
        let schools = [school];
        assert_eq!(
            plan_label(&ru, &district, &schools, 60),
            "Район · 2021/22 · Дорожная карта"
        );
        assert_eq!(
            plan_label(&ru, &own, &schools, 60),
            "СОШ Бартеневка · 2021/22 · План школы"
        );
        let en = I18n::new(Language::English);
        assert_eq!(
            plan_label(&en, &own, &schools, 60),
            "СОШ Бартеневка · 2021/22 · School plan"
        );
        let calendar = Period::new(
            chrono::NaiveDate::from_ymd_opt(2022, 1, 1).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
        );
        assert_eq!(period_text(calendar), "2022–2024");
    }
}
