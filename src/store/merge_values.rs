//! Merging the school side of an exchange file — the criteria set, schools' criterion values and actual
//! indicator values — record by record: the newer `updated_at` wins, as for the other records.

use super::codec;
use super::{Merge, Result, Writer};
use crate::model::{CriteriaSet, CriterionValue, IndicatorValue};

impl Writer<'_> {
    pub fn merge_criteria_set(&mut self, set: &CriteriaSet) -> Result<Merge> {
        self.merge_by_id(
            "SELECT updated_at FROM criteria_sets WHERE id = ?1",
            set.id,
            &set.updated_at,
            |w| w.put_criteria_set(set),
        )
    }

    /// Merges a school's criterion value (a value of a school we do not hold is left out: `Kept`).
    pub fn merge_criterion_value(&mut self, v: &CriterionValue) -> Result<Merge> {
        let school = v.school_id.to_string();
        if self
            .stored_time("SELECT updated_at FROM schools WHERE id = ?1", &[&school])?
            .is_none()
        {
            return Ok(Merge::Kept);
        }
        self.merge_by_age(
            "SELECT updated_at FROM criterion_values WHERE school_id = ?1 AND criterion = ?2",
            &[&school, &v.criterion],
            &v.updated_at,
            |w| w.put_criterion_value(v),
        )
    }

    pub fn merge_indicator_value(&mut self, v: &IndicatorValue) -> Result<Merge> {
        let indicator = v.indicator_id.to_string();
        let school = codec::school_text(v.school_id);
        self.merge_by_age(
            "SELECT updated_at FROM indicator_values
              WHERE indicator_id = ?1 AND school_id = ?2 AND year = ?3",
            &[&indicator, &school, &v.year],
            &v.updated_at,
            |w| w.put_indicator_value(v),
        )
    }
}
