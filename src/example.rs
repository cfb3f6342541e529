//! The example road map offered on first run: the Ivanteevka district's road map for the 2021-22 school year
//! (9 sections, 58 measures, verbatim), with its header, goal, tasks, target indicators and the three schools
//! it supports.
//!
//! The asset is an ordinary exchange file built by `tools/make_example.py` from the fixture and the reference
//! text. Its ids are fixed and every record is dated 24.01.2022, so loading it again changes nothing.

use crate::exchange::{self, ExchangeError, ExchangeFile, ImportSummary};
use crate::model::Id;
use crate::store::Store;

/// The example as an exchange file (see `docs/exchange-format.md`).
pub const EXAMPLE_JSON: &str = include_str!("../assets/example/ivanteevka-2021-22.json");

/// The id of the example's plan.
pub const EXAMPLE_PLAN_ID: Id = uuid::uuid!("f525211c-d178-5088-b0f2-14534449f4b8");

/// The example, parsed.
pub fn example_file() -> Result<ExchangeFile, ExchangeError> {
    exchange::parse(EXAMPLE_JSON.as_bytes())
}

/// Loads the example into the store (a no-op when it is there already) and returns its plan's id.
pub fn load_example(store: &mut Store) -> Result<Id, ExchangeError> {
    load_example_with_summary(store).map(|(id, _)| id)
}

/// Like [`load_example`], also telling what the import did.
pub fn load_example_with_summary(store: &mut Store) -> Result<(Id, ImportSummary), ExchangeError> {
    let file = example_file()?;
    let summary = exchange::import(store, &file)?;
    Ok((EXAMPLE_PLAN_ID, summary))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_parses_and_holds_the_whole_plan() {
        let file = example_file().unwrap();
        assert_eq!(file.plans.len(), 1);
        let plan = &file.plans[0];
        assert_eq!(plan.id, EXAMPLE_PLAN_ID);
        assert_eq!(plan.sections.len(), 9);
        assert_eq!(plan.measure_count(), 58);
        assert_eq!(plan.period, crate::model::Period::school_year(2021));
        assert_eq!(plan.level, crate::model::PlanLevel::District);
        assert_eq!(
            plan.issuer,
            "Управление образованием администрации Ивантеевского муниципального района"
        );
        assert_eq!(plan.approval, "приказ № 14 от 24.01.2022");
        assert!(plan.goal.starts_with("Создание условий для поддержки"));
        assert_eq!(plan.tasks.len(), 5);
        assert_eq!(plan.indicators.len(), 4);
        let with_targets: Vec<_> = plan
            .indicators
            .iter()
            .filter(|i| !i.targets.is_empty())
            .collect();
        assert_eq!(with_targets.len(), 2);
        assert!(
            with_targets
                .iter()
                .all(|i| i.name.contains("100% в этих школах")
                    && i.targets[0].year == 2022
                    && i.targets[0].value == 100.0)
        );
    }

    #[test]
    fn the_example_executors_are_those_its_responsible_texts_propose() {
        let file = example_file().unwrap();
        let measures: Vec<_> = file.plans[0]
            .sections
            .iter()
            .flat_map(|s| &s.measures)
            .collect();
        for m in &measures {
            assert_eq!(
                m.executor,
                crate::model::propose_executor(&m.responsible),
                "{} «{}»",
                m.number,
                m.responsible
            );
        }
        let office_only = |n: &str| {
            measures.iter().find(|m| m.number == n).unwrap().executor
                == crate::model::Executor::Office
        };
        assert!(office_only("1.1"), "Назначение муниципального координатора");
    }

    #[test]
    fn loading_twice_changes_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let (id, first) = load_example_with_summary(&mut store).unwrap();
        assert_eq!(first.measures.added, 58);
        let before = store.load_plan(id).unwrap();
        let (_, second) = load_example_with_summary(&mut store).unwrap();
        assert!(!second.changed(), "{second}");
        assert_eq!(second.measures.kept, 58);
        assert_eq!(store.load_plan(id).unwrap(), before);
    }
}
