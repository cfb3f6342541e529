//! Carries out the `SchoolCommand`s that edit values about schools: criterion values, the criteria set and
//! indicator values. Each edit is one `Change` (or one batch) committed through `commit`.

use crate::model::{self, Change, CriteriaSet, CriterionValue, Id, IndicatorValue};

use super::{AppError, RoadmapApp};

impl RoadmapApp {
    /// Sets a school's criterion values (`None` clears one): the changed ones, as one step.
    pub(super) fn set_criterion_values(
        &mut self,
        school: Id,
        values: Vec<(String, Option<f64>)>,
    ) -> Result<(), AppError> {
        self.load_school_data()?;
        self.school(school)?;
        let now = model::now();
        let current = self
            .data
            .progress_and_criteria
            .criterion_values
            .get(&school);
        let mut changes = Vec::new();
        for (criterion, value) in values {
            let before = current.and_then(|m| m.get(&criterion)).cloned();
            if before.as_ref().map(|v| v.value) == value {
                continue;
            }
            let after = value.map(|value| CriterionValue {
                school_id: school,
                criterion,
                value,
                updated_at: now,
            });
            changes.push(Change::CriterionValue {
                before: before.map(Box::new),
                after: after.map(Box::new),
            });
        }
        self.commit_all(changes)
    }

    /// Stores the edited criteria set, unless it has problems or is unchanged.
    pub(super) fn save_criteria_set(&mut self, set: CriteriaSet) -> Result<(), AppError> {
        self.load_school_data()?;
        let problems = set.problems();
        if !problems.is_empty() {
            return Err(AppError::CriteriaProblems(problems));
        }
        let mut after = set;
        if after == self.data.progress_and_criteria.criteria {
            return Ok(());
        }
        after.updated_at = model::now();
        let before = self.data.progress_and_criteria.criteria_stored.clone();
        self.commit(Change::CriteriaSet {
            before: before.map(Box::new),
            after: Some(Box::new(after)),
        })
    }

    /// Returns to the shipped criteria set (drops the stored one).
    pub(super) fn reset_criteria_set(&mut self) -> Result<(), AppError> {
        self.load_school_data()?;
        let Some(before) = self.data.progress_and_criteria.criteria_stored.clone() else {
            return Ok(());
        };
        self.commit(Change::CriteriaSet {
            before: Some(Box::new(before)),
            after: None,
        })
    }

    /// Sets one school's indicator value for a year (`None` clears it).
    pub(super) fn set_indicator_value(
        &mut self,
        indicator: Id,
        school: Option<Id>,
        year: i32,
        value: Option<f64>,
    ) -> Result<(), AppError> {
        self.load_school_data()?;
        let before = self
            .data
            .progress_and_criteria
            .indicator_value(indicator, school, year)
            .cloned();
        if before.as_ref().map(|v| v.value) == value {
            return Ok(());
        }
        let after = value.map(|value| IndicatorValue {
            indicator_id: indicator,
            school_id: school,
            year,
            value,
            updated_at: model::now(),
        });
        self.commit(Change::IndicatorValue {
            before: before.map(Box::new),
            after: after.map(Box::new),
        })
    }
}
