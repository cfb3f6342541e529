//! The plan header as the form edits it: texts as typed (dates, numbers), turned back into a checked `Plan`
//! header only on saving. Pure of egui.

use std::collections::BTreeMap;

use chrono::{Datelike, Months};

use crate::i18n::I18n;
use crate::model::{self, Id, Indicator, IndicatorTarget, IndicatorUnit, Period, Plan, PlanLevel};
use crate::ui::date_field;
use crate::ui::form_error::FormError;

/// The header form's fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub title: String,
    pub issuer: String,
    pub approval: String,
    pub level: PlanLevel,
    pub owner_school: Option<Id>,
    /// The period's ends as typed (дд.мм.гггг).
    pub from: String,
    pub to: String,
    pub goal: String,
    pub tasks: Vec<String>,
    pub indicators: Vec<IndicatorDraft>,
}

/// A target indicator as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorDraft {
    pub id: Id,
    pub name: String,
    pub unit: IndicatorUnit,
    pub baseline: String,
    /// Targets by year key (see [`plan_years`]); empty texts mean no target.
    pub targets: BTreeMap<i32, String>,
}

impl IndicatorDraft {
    pub fn new() -> Self {
        Self {
            id: model::new_id(),
            name: String::new(),
            unit: IndicatorUnit::Percent,
            baseline: String::new(),
            targets: BTreeMap::new(),
        }
    }
}

impl Draft {
    pub fn of(plan: &Plan, i18n: &I18n) -> Self {
        Self {
            title: plan.title.clone(),
            issuer: plan.issuer.clone(),
            approval: plan.approval.clone(),
            level: plan.level,
            owner_school: plan.owner_school,
            from: plan.period.from.format(date_field::FORMAT).to_string(),
            to: plan.period.to.format(date_field::FORMAT).to_string(),
            goal: plan.goal.clone(),
            tasks: plan.tasks.clone(),
            indicators: plan
                .indicators
                .iter()
                .map(|i| IndicatorDraft {
                    id: i.id,
                    name: i.name.clone(),
                    unit: i.unit,
                    baseline: i
                        .baseline
                        .map(|v| value_text(v, i.unit, i18n))
                        .unwrap_or_default(),
                    targets: i
                        .targets
                        .iter()
                        .map(|t| (t.year, value_text(t.value, i.unit, i18n)))
                        .collect(),
                })
                .collect(),
        }
    }

    /// The period, when both dates are written right and in order.
    pub fn period(&self) -> Option<Period> {
        let (from, to) = (date_field::parse(&self.from)?, date_field::parse(&self.to)?);
        (from <= to).then(|| Period::new(from, to))
    }

    /// The header the form describes, based on `plan`'s header, or why it cannot be saved. Empty tasks and
    /// empty indicator rows are dropped.
    pub fn to_header(&self, plan: &Plan) -> Result<Plan, FormError> {
        let title = self.title.trim();
        if title.is_empty() {
            return Err(FormError::PlanTitleEmpty);
        }
        let period = date_field::parse_period(&self.from, &self.to)?;
        let mut indicators = Vec::new();
        for draft in &self.indicators {
            if let Some(indicator) = draft.to_indicator()? {
                indicators.push(indicator);
            }
        }
        let mut header = plan.header();
        header.title = title.to_owned();
        header.issuer = self.issuer.trim().to_owned();
        header.approval = self.approval.trim().to_owned();
        header.level = self.level;
        header.owner_school = self
            .owner_school
            .filter(|_| self.level == PlanLevel::School);
        header.period = period;
        header.goal = self.goal.trim().to_owned();
        header.tasks = self
            .tasks
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect();
        header.indicators = indicators;
        model::validate_plan(&header)?;
        Ok(header)
    }

    /// The year columns of the indicator table: the plan years of the period (or of `fallback` while the
    /// typed period is invalid) and any year a target is written for.
    pub fn target_years(&self, fallback: Period) -> Vec<i32> {
        let period = self.period().unwrap_or(fallback);
        let mut years: Vec<i32> = plan_years(period).into_iter().map(|(y, _)| y).collect();
        for indicator in &self.indicators {
            for (year, text) in &indicator.targets {
                if !text.trim().is_empty() && !years.contains(year) {
                    years.push(*year);
                }
            }
        }
        years.sort_unstable();
        years
    }
}

impl IndicatorDraft {
    /// The indicator, `None` for a row left empty, or a name or value that is wrong.
    fn to_indicator(&self) -> Result<Option<Indicator>, FormError> {
        let name = self.name.trim();
        let value = |text: &str| {
            parse_value(text, self.unit).map_err(|()| FormError::IndicatorValue {
                name: name.to_owned(),
                value: text.trim().to_owned(),
            })
        };
        let baseline = value(&self.baseline)?;
        let mut targets = Vec::new();
        for (year, text) in &self.targets {
            if let Some(value) = value(text)? {
                targets.push(IndicatorTarget { year: *year, value });
            }
        }
        if name.is_empty() {
            return if baseline.is_none() && targets.is_empty() {
                Ok(None)
            } else {
                Err(FormError::IndicatorName)
            };
        }
        Ok(Some(Indicator {
            id: self.id,
            name: name.to_owned(),
            unit: self.unit,
            baseline,
            targets,
        }))
    }
}

/// The plan years of a period (12-month spans from its first day, as deadlines count them) as a year key
/// — the calendar year the plan year ends in, as targets are written ("100% к 2022 году") — and a label:
/// "2022" for a calendar year, "2021/22" for a school year.
pub fn plan_years(period: Period) -> Vec<(i32, String)> {
    let mut years = Vec::new();
    let mut start = period.from;
    while start <= period.to {
        let Some(next) = start.checked_add_months(Months::new(12)) else {
            break;
        };
        let end = next.pred_opt().unwrap_or(next).min(period.to);
        let label = if start.year() == end.year() {
            end.year().to_string()
        } else {
            format!("{}/{:02}", start.year(), end.year().rem_euclid(100))
        };
        if !years.iter().any(|(y, _)| *y == end.year()) {
            years.push((end.year(), label));
        }
        start = next;
    }
    years
}

/// A number as typed (`number_text`): "80", "80,5", "80.5", "80 %"; for yes/no also "да"/"нет", "yes"/"no".
/// Empty: none.
fn parse_value(text: &str, unit: IndicatorUnit) -> Result<Option<f64>, ()> {
    if unit == IndicatorUnit::YesNo {
        match text.trim().to_lowercase().as_str() {
            "да" | "yes" => return Ok(Some(1.0)),
            "нет" | "no" => return Ok(Some(0.0)),
            _ => {}
        }
    }
    crate::ui::number_text::parse(text)
}

/// A value as the form shows it: "80", "80,5"; "да"/"нет" for yes/no.
fn value_text(value: f64, unit: IndicatorUnit, i18n: &I18n) -> String {
    if unit == IndicatorUnit::YesNo && (value == 0.0 || value == 1.0) {
        return i18n.tr(if value == 1.0 {
            "indicator-value-yes"
        } else {
            "indicator-value-no"
        });
    }
    value.to_string().replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    fn d(y: i32, m: u32, day: u32) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn i18n() -> I18n {
        I18n::new(Language::Russian)
    }

    fn plan() -> Plan {
        let mut plan = Plan::new("План", Period::new(d(2022, 1, 1), d(2024, 12, 31)));
        plan.goal = "Цель".into();
        plan.tasks = vec!["Первая".into(), "Вторая".into()];
        plan.indicators = vec![Indicator {
            id: model::new_id(),
            name: "Доля педагогов".into(),
            unit: IndicatorUnit::Percent,
            baseline: Some(62.5),
            targets: vec![
                IndicatorTarget {
                    year: 2022,
                    value: 80.0,
                },
                IndicatorTarget {
                    year: 2024,
                    value: 100.0,
                },
            ],
        }];
        plan
    }

    #[test]
    fn an_untouched_draft_gives_the_same_header() {
        let plan = plan();
        let draft = Draft::of(&plan, &i18n());
        assert_eq!(draft.indicators[0].baseline, "62,5");
        assert_eq!(draft.to_header(&plan), Ok(plan.header()));
    }

    #[test]
    fn wrong_input_is_explained() {
        let plan = plan();
        let i18n = i18n();
        // The message for the plan's draft changed by `edit`.
        let error_after = |edit: &dyn Fn(&mut Draft)| {
            let mut draft = Draft::of(&plan, &i18n);
            edit(&mut draft);
            crate::i18n::Localize::message(&draft.to_header(&plan).unwrap_err(), &i18n)
        };
        assert_eq!(
            error_after(&|d| d.title = "  ".into()),
            "Введите название плана"
        );
        assert_eq!(
            error_after(&|d| d.from = "01.01.2025".into()),
            "Начало периода позже его конца"
        );
        assert!(error_after(&|d| d.to = "31.13.2024".into()).contains("дд.мм.гггг"));
        let err = error_after(&|d| {
            d.indicators[0].targets.insert(2023, "много".into());
        });
        assert!(
            err.contains("«много»") && err.contains("Доля педагогов"),
            "{err}"
        );
    }

    #[test]
    fn edits_reach_the_header() {
        let plan = plan();
        let i18n = i18n();
        let mut draft = Draft::of(&plan, &i18n);
        draft.goal = " Новая цель ".into();
        draft.tasks.push("   ".into());
        draft.tasks.swap(0, 1);
        draft.indicators[0].targets.insert(2023, "90 %".into());
        draft.indicators.push(IndicatorDraft::new());
        let mut yes = IndicatorDraft::new();
        yes.name = "Программа принята".into();
        yes.unit = IndicatorUnit::YesNo;
        yes.targets.insert(2024, "да".into());
        draft.indicators.push(yes);
        draft.level = PlanLevel::District;
        draft.owner_school = Some(model::new_id());
        let header = draft.to_header(&plan).unwrap();
        assert_eq!(header.goal, "Новая цель");
        assert_eq!(header.tasks, ["Вторая", "Первая"]);
        let years: Vec<(i32, f64)> = header.indicators[0]
            .targets
            .iter()
            .map(|t| (t.year, t.value))
            .collect();
        assert_eq!(years, [(2022, 80.0), (2023, 90.0), (2024, 100.0)]);
        assert_eq!(header.indicators.len(), 2, "the empty row is dropped");
        assert_eq!(header.indicators[1].targets[0].value, 1.0);
        assert_eq!(header.owner_school, None, "only a school plan has an owner");
    }

    #[test]
    fn plan_years_follow_the_period() {
        assert_eq!(
            plan_years(Period::school_year(2021)),
            [(2022, "2021/22".to_owned())]
        );
        let calendar: Vec<i32> = plan_years(Period::new(d(2022, 1, 1), d(2024, 12, 31)))
            .into_iter()
            .map(|(y, _)| y)
            .collect();
        assert_eq!(calendar, [2022, 2023, 2024]);
        let draft = Draft::of(&plan(), &i18n());
        assert_eq!(
            draft.target_years(Period::school_year(2000)),
            [2022, 2023, 2024]
        );
    }
}
