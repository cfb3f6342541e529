use std::collections::HashSet;

use super::{Id, Plan, School};
use crate::i18n::{Arg, I18n, Localize};

/// A rule a plan or school breaks. The text is in `assets/i18n/*.ftl` (keys `validation-*`), given by
/// [`Localize`]; `Display` is the Russian one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValidationError {
    PeriodReversed { from: String, to: String },
    EmptyPlanTitle,
    EmptySectionTitle { number: String },
    EmptyMeasureTitle { number: String },
    EmptySchoolName,
    DuplicateId(Id),
}

crate::i18n::display_in_russian!(ValidationError);

impl Localize for ValidationError {
    fn message(&self, i18n: &I18n) -> String {
        let one =
            |key: &str, name: &str, value: &str| i18n.tr_args(key, &[(name, Arg::Str(value))]);
        match self {
            ValidationError::PeriodReversed { from, to } => i18n.tr_args(
                "validation-period-reversed",
                &[("from", Arg::Str(from)), ("to", Arg::Str(to))],
            ),
            ValidationError::EmptyPlanTitle => i18n.tr("validation-empty-plan-title"),
            ValidationError::EmptySectionTitle { number } => {
                one("validation-empty-section-title", "number", number)
            }
            ValidationError::EmptyMeasureTitle { number } => {
                one("validation-empty-measure-title", "number", number)
            }
            ValidationError::EmptySchoolName => i18n.tr("validation-empty-school-name"),
            ValidationError::DuplicateId(id) => {
                one("validation-duplicate-id", "id", &id.to_string())
            }
        }
    }
}

/// Checks a whole plan: period order, non-empty titles, ids unique across the plan.
pub fn validate_plan(plan: &Plan) -> Result<(), ValidationError> {
    if plan.period.from > plan.period.to {
        return Err(ValidationError::PeriodReversed {
            from: plan
                .period
                .from
                .format(crate::model::DATE_FORMAT)
                .to_string(),
            to: plan.period.to.format(crate::model::DATE_FORMAT).to_string(),
        });
    }
    if plan.title.trim().is_empty() {
        return Err(ValidationError::EmptyPlanTitle);
    }
    let mut seen = HashSet::new();
    let mut unique = |id: Id| {
        if seen.insert(id) {
            Ok(())
        } else {
            Err(ValidationError::DuplicateId(id))
        }
    };
    unique(plan.id)?;
    for indicator in &plan.indicators {
        unique(indicator.id)?;
    }
    for section in &plan.sections {
        unique(section.id)?;
        if section.title.trim().is_empty()
            && !section.measures.is_empty()
            && !section.number.trim().is_empty()
        {
            return Err(ValidationError::EmptySectionTitle {
                number: section.number.clone(),
            });
        }
        for measure in &section.measures {
            unique(measure.id)?;
            if measure.title.trim().is_empty() {
                return Err(ValidationError::EmptyMeasureTitle {
                    number: measure.number.clone(),
                });
            }
        }
    }
    Ok(())
}

pub fn validate_school(school: &School) -> Result<(), ValidationError> {
    if school.name.trim().is_empty() {
        return Err(ValidationError::EmptySchoolName);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::Period;
    use crate::model::fixtures::plan_of;

    fn plan() -> Plan {
        plan_of("План", &[("1", "Направление", &[("1.1", "Мероприятие")])])
    }

    #[test]
    fn a_sound_plan_passes() {
        assert_eq!(validate_plan(&plan()), Ok(()));
    }

    #[test]
    fn reversed_period_is_refused() {
        let mut p = plan();
        p.period = Period::new(
            NaiveDate::from_ymd_opt(2022, 9, 1).unwrap(),
            NaiveDate::from_ymd_opt(2021, 9, 1).unwrap(),
        );
        let err = validate_plan(&p).unwrap_err();
        assert!(matches!(err, ValidationError::PeriodReversed { .. }));
        assert!(err.to_string().contains("01.09.2022"));
    }

    #[test]
    fn empty_titles_are_refused() {
        let mut p = plan();
        p.title = "  ".into();
        assert_eq!(validate_plan(&p), Err(ValidationError::EmptyPlanTitle));
        let mut p = plan();
        p.sections[0].measures[0].title.clear();
        assert!(matches!(
            validate_plan(&p),
            Err(ValidationError::EmptyMeasureTitle { .. })
        ));
        assert_eq!(
            validate_school(&School::new("")),
            Err(ValidationError::EmptySchoolName)
        );
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let mut p = plan();
        let copy = p.sections[0].measures[0].clone();
        p.sections[0].measures.push(copy.clone());
        assert_eq!(
            validate_plan(&p),
            Err(ValidationError::DuplicateId(copy.id))
        );
    }
}
