//! The school side of the data: identification criteria, schools' criterion values, actual indicator values
//! and a school's progress records (reads and writes).
//!
//! The criteria set in force is one row of `criteria_sets` holding the set as JSON (lists and thresholds are
//! edited as a whole and undone as a whole). No row means the shipped defaults are in force.

use rusqlite::{OptionalExtension, params};

use super::codec;
use super::{Result, Store, Writer};
use crate::model::{CriteriaSet, CriterionValue, Id, IndicatorValue, Progress};

impl Store {
    /// The criteria set stored in the database, if the user has edited one (else the defaults apply).
    pub fn criteria_set(&self) -> Result<Option<CriteriaSet>> {
        let body: Option<String> = self
            .conn
            .prepare_cached("SELECT body FROM criteria_sets ORDER BY updated_at DESC LIMIT 1")?
            .query_row([], |r| r.get(0))
            .optional()?;
        body.map(|b| codec::from_json(&b)).transpose()
    }

    /// Every progress record of one school, in all plans (what deleting the school takes away).
    pub fn progress_of_school(&self, school: Id) -> Result<Vec<Progress>> {
        self.progress_rows(
            "SELECT measure_id, school_id, due, status, done_on, evidence, comment, updated_at, by
               FROM progress WHERE school_id = ?1 ORDER BY measure_id, due",
            school,
        )
    }

    /// Every school's criterion values, by school and criterion.
    pub fn criterion_values(&self) -> Result<Vec<CriterionValue>> {
        self.rows_of(
            "SELECT school_id, criterion, value, updated_at FROM criterion_values
              ORDER BY school_id, criterion",
            |r| {
                Ok(Some(CriterionValue {
                    school_id: codec::id(&r.get::<_, String>(0)?)?,
                    criterion: r.get(1)?,
                    value: r.get(2)?,
                    updated_at: codec::timestamp(&r.get::<_, String>(3)?)?,
                }))
            },
        )
    }
}

impl Writer<'_> {
    pub fn put_criteria_set(&mut self, set: &CriteriaSet) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO criteria_sets (id, name, body, updated_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(id) DO UPDATE SET name = ?2, body = ?3, updated_at = ?4",
            )?
            .execute(params![
                set.id.to_string(),
                set.name,
                codec::json(set),
                codec::timestamp_text(&set.updated_at),
            ])?;
        Ok(())
    }

    pub fn delete_criteria_set(&mut self, id: Id) -> Result<()> {
        self.tx
            .prepare_cached("DELETE FROM criteria_sets WHERE id = ?1")?
            .execute([id.to_string()])?;
        Ok(())
    }

    pub fn put_criterion_value(&mut self, v: &CriterionValue) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO criterion_values (school_id, criterion, value, updated_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(school_id, criterion) DO UPDATE SET value = ?3, updated_at = ?4",
            )?
            .execute(params![
                v.school_id.to_string(),
                v.criterion,
                v.value,
                codec::timestamp_text(&v.updated_at),
            ])?;
        Ok(())
    }

    pub fn delete_criterion_value(&mut self, v: &CriterionValue) -> Result<()> {
        self.tx
            .prepare_cached("DELETE FROM criterion_values WHERE school_id = ?1 AND criterion = ?2")?
            .execute(params![v.school_id.to_string(), v.criterion])?;
        Ok(())
    }

    pub fn delete_indicator_value(&mut self, v: &IndicatorValue) -> Result<()> {
        self.tx
            .prepare_cached(
                "DELETE FROM indicator_values WHERE indicator_id = ?1 AND school_id = ?2 AND year = ?3",
            )?
            .execute(params![
                v.indicator_id.to_string(),
                v.school_id.map(|id| id.to_string()).unwrap_or_default(),
                v.year,
            ])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Debug;

    use crate::model::{Change, CriteriaSet, CriterionValue, IndicatorValue, School, new_id, now};
    use crate::store::Store;

    /// Applies `change` (an insertion) and then its inverse: `read` gives `inserted` after the one and
    /// `empty` after the other.
    fn applied_and_undone<T: PartialEq + Debug>(
        store: &mut Store,
        change: Change,
        read: impl Fn(&Store) -> T,
        inserted: T,
        empty: T,
    ) {
        let plan = new_id();
        store.apply(plan, &change).unwrap();
        assert_eq!(read(store), inserted);
        store.apply(plan, &change.inverse()).unwrap();
        assert_eq!(read(store), empty);
    }

    #[test]
    fn criteria_values_and_indicator_values_round_trip_and_undo() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(store.criteria_set().unwrap(), None);
        let school = School::new("МОУ «СОШ № 1»");
        store.write(|w| w.put_school(&school)).unwrap();

        let mut set = CriteriaSet::builtin();
        set.criteria[0].threshold = 1.0;
        let change = Change::CriteriaSet {
            before: None,
            after: Some(Box::new(set.clone())),
        };
        let read = |s: &Store| s.criteria_set().unwrap();
        applied_and_undone(&mut store, change, read, Some(set), None);

        let value = CriterionValue {
            school_id: school.id,
            criterion: "shnor.oge_math".into(),
            value: 3.1,
            updated_at: now(),
        };
        let change = Change::CriterionValue {
            before: None,
            after: Some(Box::new(value.clone())),
        };
        let read = |s: &Store| s.criterion_values().unwrap();
        applied_and_undone(&mut store, change, read, vec![value], vec![]);

        let actual = IndicatorValue {
            indicator_id: new_id(),
            school_id: Some(school.id),
            year: 2022,
            value: 80.0,
            updated_at: now(),
        };
        let change = Change::IndicatorValue {
            before: None,
            after: Some(Box::new(actual.clone())),
        };
        let read = |s: &Store| s.indicator_values().unwrap();
        applied_and_undone(&mut store, change, read, vec![actual], vec![]);
    }

    #[test]
    fn a_school_s_progress_is_its_own_records_only() {
        use crate::model::fixtures::{date, plan_of};
        use crate::model::{Progress, Status};
        let mut store = Store::open_in_memory().unwrap();
        let plan = plan_of("План", &[("1", "Раздел", &[("1.1", "А"), ("1.2", "Б")])]);
        let (first, second) = (
            plan.sections[0].measures[0].id,
            plan.sections[0].measures[1].id,
        );
        let (school, other) = (School::new("СОШ № 1"), School::new("СОШ № 2"));
        let mark = |measure, school: Option<&School>, day| {
            let mut p = Progress::new(
                measure,
                school.map(|s| s.id),
                Some(date(2021, 10, day)),
                Status::Done,
            );
            p.evidence = format!("Приказ {day}");
            p
        };
        let own = vec![
            mark(first, Some(&school), 1),
            mark(first, Some(&school), 2),
            mark(second, Some(&school), 3),
        ];
        store
            .write(|w| {
                w.put_plan(&plan)?;
                w.put_school(&school)?;
                w.put_school(&other)?;
                for p in own
                    .iter()
                    .chain(&[mark(first, Some(&other), 1), mark(first, None, 1)])
                {
                    w.put_progress(p)?;
                }
                Ok(())
            })
            .unwrap();
        let mut want = own;
        want.sort_by_key(|p| (p.measure_id, p.due));
        assert_eq!(store.progress_of_school(school.id).unwrap(), want);
    }
}
