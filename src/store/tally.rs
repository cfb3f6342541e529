//! Progress counts from `progress_tally`: a few rows per measure (status × due date, office apart), kept
//! by triggers on `progress`, so the grid's status column costs the plan's size, not its history.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::codec;
use super::read::ProgressSummary;
use super::schema::{DROP_TALLY_TRIGGERS, TALLY_TRIGGERS};
use super::{Result, Store, StoreError, Writer};
use crate::model::{Id, Progress, Status};

/// From this many records on, a bulk write of progress counts the tally afterwards instead of per record.
const BULK_RECORDS: usize = 5_000;

/// The counts of the tally rows of a plan's measures (or of one measure: `?3`).
const TALLY_SQL: &str = "SELECT t.measure_id, t.status, t.office, SUM(t.n),
            SUM(CASE WHEN t.due <> '' AND t.due < ?2 AND t.status IN ('planned', 'in_progress')
                     THEN t.n ELSE 0 END)
       FROM measures m JOIN sections s ON m.section_id = s.id
       JOIN progress_tally t ON t.measure_id = m.id
      WHERE s.plan_id = ?1 AND (?3 IS NULL OR m.id = ?3)
      GROUP BY t.measure_id, t.status, t.office";

impl Store {
    /// Whether the plan is a school's own plan (`owner_school` set).
    fn is_school_plan(&self, plan: Id) -> Result<bool> {
        let owner: Option<Option<String>> = self
            .conn
            .prepare_cached("SELECT owner_school FROM plans WHERE id = ?1")?
            .query_row([plan.to_string()], |r| r.get(0))
            .optional()?;
        match owner {
            Some(owner) => Ok(owner.is_some()),
            None => Err(StoreError::PlanNotFound(plan.to_string())),
        }
    }

    /// Progress counts per measure of a district plan, read from the tally (a school plan, whose records
    /// may live on the district measures, is counted from its records: it is small).
    pub(super) fn tally_summary(
        &self,
        plan: Id,
        only: Option<Id>,
        today: NaiveDate,
    ) -> Result<HashMap<Id, ProgressSummary>> {
        let mut stmt = self.conn.prepare_cached(TALLY_SQL)?;
        self.summaries_of(
            &mut stmt,
            params![
                plan.to_string(),
                codec::date_text(today),
                only.map(|m| m.to_string())
            ],
        )
    }

    /// Progress counts of some measures of a plan — what the runner re-reads after a write touching them.
    /// A measure without records has no entry.
    pub fn progress_summary_of(
        &self,
        plan: Id,
        measures: &[Id],
        today: NaiveDate,
    ) -> Result<HashMap<Id, ProgressSummary>> {
        if self.is_school_plan(plan)? {
            let mut all = self.progress_summary(plan, today)?;
            all.retain(|id, _| measures.contains(id));
            return Ok(all);
        }
        let mut out = HashMap::new();
        for &m in measures {
            out.extend(self.tally_summary(plan, Some(m), today)?);
        }
        Ok(out)
    }

    /// Whether `plan` is counted from the tally (a district or regional plan).
    pub(super) fn counts_from_tally(&self, plan: Id) -> Result<bool> {
        Ok(!self.is_school_plan(plan)?)
    }
}

impl Writer<'_> {
    /// Runs `write`, which puts `records` progress records of `measures`: when they are many, without the
    /// per-record tally triggers, the tally of those measures then counted again from their records (a
    /// third of the cost of an insert otherwise). In the same transaction: all of it, or nothing.
    pub fn progress_in_bulk<T>(
        &mut self,
        measures: &[Id],
        records: usize,
        write: impl FnOnce(&mut Self) -> Result<T>,
    ) -> Result<T> {
        self.progress_in_bulk_counted(measures, &[], records, write)
    }

    /// [`progress_in_bulk`](Self::progress_in_bulk) for a write that adds records the store does not hold
    /// yet (`added`: each key once, none of them in the database before) beside records of `recount`
    /// that may replace ones it holds. The added records are counted from memory, without reading them
    /// back; the measures of `recount` are counted again from their records.
    pub fn progress_in_bulk_counted<T>(
        &mut self,
        recount: &[Id],
        added: &[&Progress],
        records: usize,
        write: impl FnOnce(&mut Self) -> Result<T>,
    ) -> Result<T> {
        if records < BULK_RECORDS {
            return write(self);
        }
        self.tx.execute_batch(DROP_TALLY_TRIGGERS)?;
        let value = write(self)?;
        let recount: HashSet<Id> = recount.iter().copied().collect();
        self.count_again(&recount)?;
        self.count_added(added.iter().filter(|p| !recount.contains(&p.measure_id)))?;
        self.tx.execute_batch(TALLY_TRIGGERS)?;
        Ok(value)
    }

    /// Counts the tally of `measures` again from their records.
    fn count_again(&mut self, measures: &HashSet<Id>) -> Result<()> {
        let mut forget = self
            .tx
            .prepare("DELETE FROM progress_tally WHERE measure_id = ?1")?;
        let mut count = self.tx.prepare(
            "INSERT INTO progress_tally (measure_id, office, status, due, n)
             SELECT measure_id, school_id = '', status, due, COUNT(*) FROM progress
              WHERE measure_id = ?1 GROUP BY 1, 2, 3, 4",
        )?;
        for m in measures {
            let key = m.to_string();
            forget.execute([&key])?;
            count.execute([&key])?;
        }
        Ok(())
    }

    /// Adds records new to the store to the tally, grouped in memory first.
    fn count_added<'p>(&mut self, added: impl Iterator<Item = &'p &'p Progress>) -> Result<()> {
        let mut groups: HashMap<(Id, bool, Status, Option<NaiveDate>), i64> = HashMap::new();
        for p in added {
            *groups
                .entry((p.measure_id, p.school_id.is_none(), p.status, p.due))
                .or_default() += 1;
        }
        let mut add = self.tx.prepare(
            "INSERT INTO progress_tally (measure_id, office, status, due, n) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (measure_id, office, status, due) DO UPDATE SET n = n + excluded.n",
        )?;
        for ((measure, office, status, due), n) in groups {
            add.execute(params![
                measure.to_string(),
                office,
                status.as_str(),
                codec::opt_date_text(due),
                n
            ])?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::super::Store;
    use crate::model::fixtures::date;
    use crate::model::{Change, Measure, Period, Plan, Progress, School, Section, Status};

    fn record(measure: &Measure, school: &School, due: NaiveDate, status: Status) -> Progress {
        Progress::new(measure.id, Some(school.id), Some(due), status)
    }

    /// The tally kept by the triggers counts what the records say, through inserts, status changes,
    /// deletions and a measure deleted with its records.
    #[test]
    fn the_tally_follows_every_write_of_progress() {
        let mut store = Store::open_in_memory().unwrap();
        let mut plan = Plan::new("План", Period::school_year(2021));
        let mut section = Section::new("1", "Раздел");
        for n in 1..=3 {
            let mut m = Measure::new(format!("1.{n}"), format!("Мероприятие {n}"));
            m.due = vec![date(2021, 10, 31), date(2022, 5, 31)];
            section.measures.push(m);
        }
        plan.sections.push(section);
        let schools: Vec<School> = (1..=4).map(|i| School::new(format!("Школа {i}"))).collect();
        let measures = plan.sections[0].measures.clone();
        let today = date(2022, 1, 15);
        store
            .write(|w| {
                for s in &schools {
                    w.put_school(s)?;
                }
                w.put_plan(&plan)?;
                for (k, m) in measures.iter().enumerate() {
                    for (j, s) in schools.iter().enumerate() {
                        let status = if (k + j) % 2 == 0 {
                            Status::Done
                        } else {
                            Status::Planned
                        };
                        w.put_progress(&record(m, s, date(2021, 10, 31), status))?;
                        w.put_progress(&record(m, s, date(2022, 5, 31), Status::InProgress))?;
                    }
                }
                Ok(())
            })
            .unwrap();
        let check = |store: &Store| {
            assert_eq!(
                store.progress_summary(plan.id, today).unwrap(),
                store.progress_summary_scan(plan.id, today).unwrap()
            );
        };
        let first = store.progress_summary(plan.id, today).unwrap();
        // Measure 1.1: schools 1 and 3 done in October, 2 and 4 planned (past due), all in progress in May.
        let m11 = first[&measures[0].id];
        assert_eq!(m11.count(Status::Done), 2);
        assert_eq!(m11.count(Status::Planned), 2);
        assert_eq!(m11.count(Status::InProgress), 4);
        assert_eq!(m11.overdue, 2);
        check(&store);

        // A status change, a record removed, a record added.
        let mut marked = record(&measures[0], &schools[1], date(2021, 10, 31), Status::Done);
        marked.done_on = Some(today);
        let removed = record(
            &measures[1],
            &schools[0],
            date(2022, 5, 31),
            Status::InProgress,
        );
        store
            .write(|w| {
                w.put_progress(&marked)?;
                w.delete_progress(&removed)
            })
            .unwrap();
        let after = store.progress_summary(plan.id, today).unwrap();
        assert_eq!(after[&measures[0].id].count(Status::Done), 3);
        assert_eq!(after[&measures[0].id].overdue, 1);
        assert_eq!(after[&measures[1].id].count(Status::InProgress), 3);
        check(&store);
        // A comment edit changes no count.
        let mut commented = marked.clone();
        commented.comment = "Протокол".into();
        store.write(|w| w.put_progress(&commented)).unwrap();
        assert_eq!(store.progress_summary(plan.id, today).unwrap(), after);

        // By key: only the measure asked for.
        let one = store
            .progress_summary_of(plan.id, &[measures[0].id], today)
            .unwrap();
        assert_eq!(one.len(), 1);
        assert_eq!(one[&measures[0].id], after[&measures[0].id]);

        // A bulk write counts the same as record by record, and leaves the triggers in place.
        let bulk: Vec<Progress> = (0..super::BULK_RECORDS + 10)
            .map(|i| {
                let day = date(2021, 9, 1) + chrono::Days::new(i as u64 % 300);
                let status = if i % 4 == 0 {
                    Status::Done
                } else {
                    Status::Planned
                };
                record(&measures[1], &schools[i % 4], day, status)
            })
            .collect();
        store
            .write(|w| {
                w.progress_in_bulk(&[measures[1].id, measures[1].id], bulk.len(), |w| {
                    bulk.iter().try_for_each(|p| w.put_progress(p))
                })
            })
            .unwrap();
        check(&store);
        let triggers: i64 = store
            .connection()
            .query_row(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'progress_tally%'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(triggers, 3);
        store.write(|w| w.put_progress(&marked)).unwrap();
        check(&store);

        // A counted bulk write: records new to the store (the office's among them) counted from memory,
        // the measure of a replaced record counted again: the same counts as record by record.
        let added: Vec<Progress> = (0..super::BULK_RECORDS + 10)
            .map(|i| {
                let day = date(2022, 6, 1) + chrono::Days::new(i as u64);
                let status = if i % 3 == 0 {
                    Status::Done
                } else {
                    Status::Planned
                };
                let mut p = record(&measures[2], &schools[i % 4], day, status);
                if i % 5 == 0 {
                    p.school_id = None;
                }
                p
            })
            .collect();
        let replaced = record(
            &measures[0],
            &schools[2],
            date(2021, 10, 31),
            Status::Cancelled,
        );
        let added_refs: Vec<&Progress> = added.iter().collect();
        store
            .write(|w| {
                w.progress_in_bulk_counted(&[measures[0].id], &added_refs, added.len() + 1, |w| {
                    added.iter().try_for_each(|p| w.put_progress(p))?;
                    w.put_progress(&replaced)
                })
            })
            .unwrap();
        check(&store);
        // The schools' count (the office's records are counted apart): the 2 of October and the new ones.
        let summary = store.progress_summary(plan.id, today).unwrap();
        assert_eq!(
            summary[&measures[2].id].count(Status::Done) as usize,
            2 + (added.iter())
                .filter(|p| p.status == Status::Done && p.school_id.is_some())
                .count()
        );

        // A measure deleted takes its records and its counts.
        let change = Change::RemoveMeasure {
            section_id: plan.sections[0].id,
            index: 2,
            measure: Box::new(measures[2].clone()),
        };
        store.apply(plan.id, &change).unwrap();
        let rows: i64 = store
            .connection()
            .query_row(
                "SELECT COUNT(*) FROM progress_tally WHERE measure_id = ?1",
                [measures[2].id.to_string()],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(rows, 0);
        check(&store);
    }

    /// A database written before the tally gets it counted from its records when it is opened.
    #[test]
    fn an_older_database_gets_its_tally_on_opening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite");
        let mut plan = Plan::new("План", Period::school_year(2021));
        let mut section = Section::new("1", "Раздел");
        let mut measure = Measure::new("1.1", "Мероприятие");
        measure.due = vec![date(2021, 10, 31)];
        section.measures.push(measure.clone());
        plan.sections.push(section);
        let school = School::new("Школа");
        {
            // The schema before the tally, with a plan and records written into it.
            let mut conn = rusqlite::Connection::open(&path).unwrap();
            super::super::schema::migrate_to(&mut conn, 5).unwrap();
            let tx = conn.transaction().unwrap();
            {
                let mut w = super::super::Writer::new(&tx);
                w.put_school(&school).unwrap();
                w.put_plan(&plan).unwrap();
                w.put_progress(&record(&measure, &school, date(2021, 10, 31), Status::Done))
                    .unwrap();
                let mut office = record(&measure, &school, date(2021, 10, 31), Status::Planned);
                office.school_id = None;
                w.put_progress(&office).unwrap();
            }
            tx.commit().unwrap();
        }
        let store = Store::open(&path).unwrap();
        let counts = store.progress_summary(plan.id, date(2022, 1, 15)).unwrap();
        assert_eq!(counts[&measure.id].count(Status::Done), 1);
        assert_eq!(counts[&measure.id].office_count(Status::Planned), 1);
        assert_eq!(counts[&measure.id].office_overdue, 1);
        assert_eq!(
            counts,
            store
                .progress_summary_scan(plan.id, date(2022, 1, 15))
                .unwrap()
        );
    }
}
