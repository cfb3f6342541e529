use std::collections::HashSet;

use super::{Id, Plan, School};

/// A rule a plan or school breaks. The messages are Russian: they reach the user as they are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValidationError {
    #[error("Начало периода ({from}) позже его конца ({to})")]
    PeriodReversed { from: String, to: String },
    #[error("У плана нет названия")]
    EmptyPlanTitle,
    #[error("У направления № {number} нет названия")]
    EmptySectionTitle { number: String },
    #[error("У мероприятия «{number}» нет названия")]
    EmptyMeasureTitle { number: String },
    #[error("У школы нет названия")]
    EmptySchoolName,
    #[error("Идентификатор {0} встречается дважды")]
    DuplicateId(Id),
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
    use crate::model::{Measure, Period, Section};

    fn plan() -> Plan {
        let mut plan = Plan::new("План", Period::school_year(2021));
        let mut section = Section::new("1", "Направление");
        section.measures.push(Measure::new("1.1", "Мероприятие"));
        plan.sections.push(section);
        plan
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
