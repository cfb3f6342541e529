//! A reversible edit of the data. The app turns every user command into one `Change`, writes it through the
//! store in one transaction, applies it to its in-memory plan, and keeps it for undo (its `inverse`).

use super::{
    CriteriaSet, CriterionValue, Id, IndicatorValue, Measure, Plan, Progress, School, Section,
};

#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Replace the plan header (everything but its sections).
    PlanHeader { before: Box<Plan>, after: Box<Plan> },
    /// Replace a section's number and title (its measures are untouched).
    SectionHeader {
        before: Box<Section>,
        after: Box<Section>,
    },
    /// Put a section, with its measures, at `index`.
    InsertSection { index: usize, section: Box<Section> },
    /// Take out the section at `index` (which must equal `section`).
    RemoveSection { index: usize, section: Box<Section> },
    /// Replace one measure's fields in place.
    Measure {
        before: Box<Measure>,
        after: Box<Measure>,
    },
    /// Put a measure into a section at `index`.
    InsertMeasure {
        section_id: Id,
        index: usize,
        measure: Box<Measure>,
    },
    /// Take out the measure at `index` of a section.
    RemoveMeasure {
        section_id: Id,
        index: usize,
        measure: Box<Measure>,
    },
    /// Insert (`before` = None), update, or delete (`after` = None) a school.
    School {
        before: Option<Box<School>>,
        after: Option<Box<School>>,
    },
    /// Insert, update, or delete a progress record.
    Progress {
        before: Option<Box<Progress>>,
        after: Option<Box<Progress>>,
    },
    /// Insert, update, or delete the criteria set in force (lists and thresholds).
    CriteriaSet {
        before: Option<Box<CriteriaSet>>,
        after: Option<Box<CriteriaSet>>,
    },
    /// Insert, update, or delete a school's value for one criterion.
    CriterionValue {
        before: Option<Box<CriterionValue>>,
        after: Option<Box<CriterionValue>>,
    },
    /// Insert, update, or delete an actual value of a target indicator.
    IndicatorValue {
        before: Option<Box<IndicatorValue>>,
        after: Option<Box<IndicatorValue>>,
    },
    /// Several changes as one step (one transaction, one undo).
    Batch(Vec<Change>),
}

/// Why a change does not fit the data it is applied to (the data changed under it). The text is in
/// `assets/i18n/*.ftl` (keys `change-mismatch-*`), given by [`crate::i18n::Localize`]; `Display` is the Russian one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ChangeMismatch {
    NoSection,
    NoMeasure,
    SectionPlaceOutsidePlan,
    MeasurePlaceOutsideSection,
    SectionMoved,
    MeasureMoved,
    SectionDeleted,
    MeasureDeleted,
    SchoolDeleted,
}

crate::i18n::localized_by_key!(ChangeMismatch in "change-mismatch" as "reason" {
    NoSection => "change-mismatch-no-section",
    NoMeasure => "change-mismatch-no-measure",
    SectionPlaceOutsidePlan => "change-mismatch-section-place-outside-plan",
    MeasurePlaceOutsideSection => "change-mismatch-measure-place-outside-section",
    SectionMoved => "change-mismatch-section-moved",
    MeasureMoved => "change-mismatch-measure-moved",
    SectionDeleted => "change-mismatch-section-deleted",
    MeasureDeleted => "change-mismatch-measure-deleted",
    SchoolDeleted => "change-mismatch-school-deleted",
});

impl Change {
    /// The change that undoes this one: an insertion becomes a removal (and back), a replacement swaps its
    /// before and after, a batch is undone in reverse order.
    pub fn inverse(&self) -> Change {
        match self.clone() {
            Change::InsertSection { index, section } => Change::RemoveSection { index, section },
            Change::RemoveSection { index, section } => Change::InsertSection { index, section },
            Change::InsertMeasure {
                section_id,
                index,
                measure,
            } => Change::RemoveMeasure {
                section_id,
                index,
                measure,
            },
            Change::RemoveMeasure {
                section_id,
                index,
                measure,
            } => Change::InsertMeasure {
                section_id,
                index,
                measure,
            },
            Change::Batch(changes) => {
                Change::Batch(changes.iter().rev().map(Change::inverse).collect())
            }
            mut replacement => {
                replacement.swap_before_after();
                replacement
            }
        }
    }

    /// Swaps `before` and `after` of a replacement (an insertion, a removal or a batch is left as it is).
    fn swap_before_after(&mut self) {
        use std::mem::swap;
        match self {
            Change::PlanHeader { before, after } => swap(before, after),
            Change::SectionHeader { before, after } => swap(before, after),
            Change::Measure { before, after } => swap(before, after),
            Change::School { before, after } => swap(before, after),
            Change::Progress { before, after } => swap(before, after),
            Change::CriteriaSet { before, after } => swap(before, after),
            Change::CriterionValue { before, after } => swap(before, after),
            Change::IndicatorValue { before, after } => swap(before, after),
            Change::InsertSection { .. }
            | Change::RemoveSection { .. }
            | Change::InsertMeasure { .. }
            | Change::RemoveMeasure { .. }
            | Change::Batch(_) => {}
        }
    }

    /// Whether the change touches nothing (an edit that kept the old value).
    pub fn is_noop(&self) -> bool {
        match self {
            Change::PlanHeader { before, after } => before == after,
            Change::SectionHeader { before, after } => before == after,
            Change::Measure { before, after } => before == after,
            Change::School { before, after } => before == after,
            Change::Progress { before, after } => before == after,
            Change::CriteriaSet { before, after } => before == after,
            Change::CriterionValue { before, after } => before == after,
            Change::IndicatorValue { before, after } => before == after,
            Change::Batch(changes) => changes.iter().all(Change::is_noop),
            _ => false,
        }
    }

    /// Applies the plan part of the change to an in-memory plan (schools and progress live elsewhere).
    pub fn apply_to_plan(&self, plan: &mut Plan) -> Result<(), ChangeMismatch> {
        match self {
            Change::PlanHeader { after, .. } => {
                let sections = std::mem::take(&mut plan.sections);
                *plan = after.header();
                plan.sections = sections;
            }
            Change::SectionHeader { after, .. } => {
                let i = plan
                    .section_index(after.id)
                    .ok_or(ChangeMismatch::NoSection)?;
                let measures = std::mem::take(&mut plan.sections[i].measures);
                plan.sections[i] = after.header();
                plan.sections[i].measures = measures;
            }
            Change::InsertSection { index, section } => {
                if *index > plan.sections.len() {
                    return Err(ChangeMismatch::SectionPlaceOutsidePlan);
                }
                plan.sections.insert(*index, (**section).clone());
            }
            Change::RemoveSection { index, section } => {
                if plan.sections.get(*index).map(|s| s.id) != Some(section.id) {
                    return Err(ChangeMismatch::SectionMoved);
                }
                plan.sections.remove(*index);
            }
            Change::Measure { after, .. } => {
                let (si, mi) = plan
                    .find_measure(after.id)
                    .ok_or(ChangeMismatch::NoMeasure)?;
                plan.sections[si].measures[mi] = (**after).clone();
            }
            Change::InsertMeasure {
                section_id,
                index,
                measure,
            } => {
                let si = plan
                    .section_index(*section_id)
                    .ok_or(ChangeMismatch::NoSection)?;
                let measures = &mut plan.sections[si].measures;
                if *index > measures.len() {
                    return Err(ChangeMismatch::MeasurePlaceOutsideSection);
                }
                measures.insert(*index, (**measure).clone());
            }
            Change::RemoveMeasure {
                section_id,
                index,
                measure,
            } => {
                let si = plan
                    .section_index(*section_id)
                    .ok_or(ChangeMismatch::NoSection)?;
                let measures = &mut plan.sections[si].measures;
                if measures.get(*index).map(|m| m.id) != Some(measure.id) {
                    return Err(ChangeMismatch::MeasureMoved);
                }
                measures.remove(*index);
            }
            Change::School { .. }
            | Change::Progress { .. }
            | Change::CriteriaSet { .. }
            | Change::CriterionValue { .. }
            | Change::IndicatorValue { .. } => {}
            Change::Batch(changes) => {
                for change in changes {
                    change.apply_to_plan(plan)?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Localize;
    use crate::model::fixtures::{one_change_of_each_kind, plan_of};

    fn plan() -> Plan {
        plan_of("План", &[("1", "Первое", &[("1.1", "А"), ("1.2", "Б")])])
    }

    #[test]
    fn a_change_on_a_gone_section_is_refused_in_the_user_s_language() {
        let mut plan = plan();
        let change = Change::InsertMeasure {
            section_id: crate::model::new_id(),
            index: 0,
            measure: Box::new(Measure::new("9.1", "Лишнее")),
        };
        let refusal = change.apply_to_plan(&mut plan).unwrap_err();
        assert_eq!(
            refusal.to_string(),
            "Изменение не соответствует текущим данным: нет такого направления"
        );
        let english = crate::i18n::I18n::new(crate::i18n::Language::English);
        assert_eq!(
            refusal.message(&english),
            "The change does not fit the current data: there is no such section"
        );
    }

    #[test]
    fn applying_a_change_then_its_inverse_restores_the_plan() {
        let original = plan();
        for change in one_change_of_each_kind(&original) {
            let mut p = original.clone();
            change.apply_to_plan(&mut p).unwrap();
            assert_ne!(p, original, "{change:?} changed nothing");
            change.inverse().apply_to_plan(&mut p).unwrap();
            assert_eq!(p, original, "{change:?} was not undone");
        }
    }

    #[test]
    fn a_batch_is_undone_in_reverse_order() {
        let original = plan();
        let section_id = original.sections[0].id;
        let moved = original.sections[0].measures[0].clone();
        // Move the first measure to the end: remove, then insert.
        let batch = Change::Batch(vec![
            Change::RemoveMeasure {
                section_id,
                index: 0,
                measure: Box::new(moved.clone()),
            },
            Change::InsertMeasure {
                section_id,
                index: 1,
                measure: Box::new(moved.clone()),
            },
        ]);
        let mut p = original.clone();
        batch.apply_to_plan(&mut p).unwrap();
        assert_eq!(p.sections[0].measures[1].id, moved.id);
        batch.inverse().apply_to_plan(&mut p).unwrap();
        assert_eq!(p, original);
    }

    #[test]
    fn a_stale_removal_is_refused() {
        let mut p = plan();
        let change = Change::RemoveMeasure {
            section_id: p.sections[0].id,
            index: 0,
            measure: Box::new(Measure::new("x", "не тот")),
        };
        assert!(change.apply_to_plan(&mut p).is_err());
    }
}
