//! Where a measure's progress lives: one record per (district measure, executor, occurrence).
//!
//! A measure of a school plan taken from a district measure (`source_measure`) has no progress of its own:
//! a mark made on it is the owner school's progress on the district measure, so both plans show the same
//! record. The school's own measures (no source), and the measures of a district plan, keep their own.
//! (The store reads a link to a district measure it does not hold as no link, so such a measure keeps its
//! progress on its own id.)

use chrono::NaiveDate;

use super::progress_index::ProgressKey;
use crate::model::{Id, Measure, Plan};

/// The measure id and the executor a mark on `measure` of `plan` is stored under. `executor` is the school
/// marking in a district plan (`None`: the office itself); a school plan's marks are always its owner's.
pub fn progress_target(plan: &Plan, measure: &Measure, executor: Option<Id>) -> (Id, Option<Id>) {
    match plan.owner_school {
        Some(owner) => (measure.source_measure.unwrap_or(measure.id), Some(owner)),
        None => (measure.id, executor),
    }
}

/// The key of the record of one occurrence (see [`progress_target`]).
pub fn progress_key(
    plan: &Plan,
    measure: &Measure,
    executor: Option<Id>,
    due: Option<NaiveDate>,
) -> ProgressKey {
    let (measure, school) = progress_target(plan, measure, executor);
    ProgressKey::new(measure, school, due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Period, School};

    #[test]
    fn a_school_plan_copy_shares_the_district_record_and_own_measures_keep_theirs() {
        let school = School::new("СОШ");
        let district_measure = Measure::new("1.1", "Районное");
        let mut copy = Measure::new("1.1", "Районное");
        copy.source_measure = Some(district_measure.id);
        let own = Measure::new("1.2", "Своё");
        let district = Plan::new("Район", Period::school_year(2021));
        let mut school_plan = Plan::new("План школы", Period::school_year(2021));
        school_plan.owner_school = Some(school.id);

        assert_eq!(
            progress_target(&school_plan, &copy, None),
            (district_measure.id, Some(school.id))
        );
        assert_eq!(
            progress_target(&district, &district_measure, Some(school.id)),
            (district_measure.id, Some(school.id)),
            "the same record from the district side"
        );
        assert_eq!(
            progress_target(&school_plan, &own, None),
            (own.id, Some(school.id))
        );
        assert_eq!(
            progress_target(&district, &district_measure, None),
            (district_measure.id, None),
            "the office's own mark"
        );
    }
}
