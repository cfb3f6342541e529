//! A school plan built from the district plan: the measures that concern the school, linked to their
//! source (their progress is the school's progress on the district measure, `stats::progress_target`),
//! and the school's own measures.

use super::concerns;
use crate::model::{self, Executor, Id, Measure, Plan, PlanLevel, School, SchoolScope, Section};

/// The district measures a school plan offers to `school`: those that concern it (by executor, scope and
/// category), in document order. The office's own measures are not offered.
pub fn measures_for_school(district: &Plan, school: &School) -> Vec<Id> {
    district
        .sections
        .iter()
        .flat_map(|s| &s.measures)
        .filter(|m| concerns(district, m, school))
        .map(|m| m.id)
        .collect()
}

/// A school plan built from a district plan: its header, the picked measures (fresh ids, linked to their
/// source, concerning the school) in their sections, and the school's own measures in a last section.
pub fn school_plan(
    district: &Plan,
    school: &School,
    title: String,
    picked: &[Id],
    own: &[&str],
    own_section_title: &str,
) -> Plan {
    let now = model::now();
    let mut plan = Plan::new(title, district.period);
    plan.level = PlanLevel::School;
    plan.owner_school = Some(school.id);
    plan.issuer = school.name.clone();
    plan.goal = district.goal.clone();
    plan.tasks = district.tasks.clone();
    plan.indicators = district
        .indicators
        .iter()
        .map(|i| model::Indicator {
            id: model::new_id(),
            ..i.clone()
        })
        .collect();
    let only_school = SchoolScope::List {
        ids: vec![school.id],
    };
    for section in &district.sections {
        let measures: Vec<Measure> = section
            .measures
            .iter()
            .filter(|m| picked.contains(&m.id))
            .map(|m| Measure {
                id: model::new_id(),
                schools: only_school.clone(),
                executor: Executor::Schools,
                source_measure: Some(m.id),
                updated_at: now,
                ..m.clone()
            })
            .collect();
        if measures.is_empty() {
            continue;
        }
        let mut copy = Section::new(section.number.clone(), section.title.clone());
        copy.measures = measures;
        plan.sections.push(copy);
    }
    if !own.is_empty() {
        let number = (plan.sections.len() + 1).to_string();
        let mut section = Section::new(number.clone(), own_section_title);
        section.measures = own
            .iter()
            .enumerate()
            .map(|(i, title)| {
                let mut m = Measure::new(format!("{number}.{}", i + 1), *title);
                m.schools = only_school.clone();
                m
            })
            .collect();
        plan.sections.push(section);
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Category;
    use crate::model::fixtures::plan_of;

    #[test]
    fn only_the_measures_that_concern_the_school_are_offered() {
        let mut district = plan_of(
            "Район",
            &[(
                "1",
                "Раздел",
                &[
                    ("1.1", "Назначение муниципального координатора"),
                    ("1.2", "Семинар"),
                    ("1.3", "Для ШНОР"),
                    ("1.4", "Всем школам"),
                ],
            )],
        );
        let measures = &mut district.sections[0].measures;
        measures[0].executor = Executor::Office;
        measures[1].executor = Executor::Both;
        measures[2].schools = SchoolScope::Category {
            category: Category::Shnor,
        };
        let mut shnor_school = School::new("СОШ Бартеневка");
        shnor_school.categories = vec![Category::Shnor];
        let other = School::new("СОШ Яблоновка");
        let m = |i: usize| district.sections[0].measures[i].id;

        assert_eq!(
            measures_for_school(&district, &shnor_school),
            vec![m(1), m(2), m(3)]
        );
        assert_eq!(measures_for_school(&district, &other), vec![m(1), m(3)]);
    }
}
