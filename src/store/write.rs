//! Writes, always inside the transaction a `Writer` wraps.

use rusqlite::{OptionalExtension, Transaction, params};

use super::codec;
use super::sync::{RecordKind, id_key, progress_key};
use super::{Result, StoreError};
use crate::model::{
    Change, ChangeMismatch, Id, IndicatorValue, Measure, Plan, Progress, School, Section,
};

/// What a merge did with one incoming record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merge {
    /// It was new here.
    Added,
    /// It was newer than ours and replaced it.
    Updated,
    /// Ours is the same age or newer: nothing was written.
    Kept,
}

/// Write access inside one transaction (see `Store::write`).
pub struct Writer<'t> {
    pub(super) tx: &'t Transaction<'t>,
}

impl<'t> Writer<'t> {
    pub(crate) fn new(tx: &'t Transaction<'t>) -> Self {
        Self { tx }
    }

    /// Moves the sections of a plan or the measures of a section (`parent`) from `index` on by one place, as
    /// `sql` says (one of the `MAKE_ROOM_…` / `CLOSE_…_GAP` statements).
    fn shift_positions(&mut self, sql: &'static str, parent: Id, index: usize) -> Result<()> {
        self.tx
            .prepare_cached(sql)?
            .execute(params![parent.to_string(), index as i64])?;
        Ok(())
    }

    /// Applies one change of a plan (see `Change`).
    pub fn apply(&mut self, plan_id: Id, change: &Change) -> Result<()> {
        match change {
            Change::PlanHeader { after, .. } => self.put_plan_header(after),
            Change::SectionHeader { after, .. } => {
                let n = self
                    .tx
                    .prepare_cached(
                        "UPDATE sections SET number = ?2, title = ?3, updated_at = ?4 WHERE id = ?1",
                    )?
                    .execute(params![
                        after.id.to_string(),
                        after.number,
                        after.title,
                        codec::timestamp_text(&after.updated_at)
                    ])?;
                expect_one(n, ChangeMismatch::NoSection)
            }
            Change::InsertSection { index, section } => {
                self.shift_positions(MAKE_ROOM_FOR_SECTION, plan_id, *index)?;
                self.put_section(plan_id, *index, section)
            }
            Change::RemoveSection { index, section } => {
                self.delete_section(section.id)?;
                self.shift_positions(CLOSE_SECTION_GAP, plan_id, *index)
            }
            Change::Measure { after, .. } => {
                let place: Option<(String, i64)> = self
                    .tx
                    .prepare_cached("SELECT section_id, position FROM measures WHERE id = ?1")?
                    .query_row([after.id.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()?;
                let (section, position) = place.ok_or(ChangeMismatch::NoMeasure)?;
                self.put_measure(codec::id(&section)?, position as usize, after)
            }
            Change::InsertMeasure {
                section_id,
                index,
                measure,
            } => {
                self.shift_positions(MAKE_ROOM_FOR_MEASURE, *section_id, *index)?;
                self.put_measure(*section_id, *index, measure)
            }
            Change::RemoveMeasure {
                section_id,
                index,
                measure,
            } => {
                let n = self
                    .tx
                    .prepare_cached("DELETE FROM measures WHERE id = ?1 AND section_id = ?2")?
                    .execute(params![measure.id.to_string(), section_id.to_string()])?;
                expect_one(n, ChangeMismatch::MeasureDeleted)?;
                self.record_deletion(RecordKind::Measure, &id_key(measure.id))?;
                self.shift_positions(CLOSE_MEASURE_GAP, *section_id, *index)
            }
            Change::School { before, after } => {
                self.put_or_delete(before, after, Self::put_school, |w, school| {
                    w.delete_school(school.id)
                })
            }
            Change::Progress { before, after } => {
                self.put_or_delete(before, after, Self::put_progress, Self::delete_progress)
            }
            Change::CriteriaSet { before, after } => {
                self.put_or_delete(before, after, Self::put_criteria_set, |w, set| {
                    w.delete_criteria_set(set.id)
                })
            }
            Change::CriterionValue { before, after } => self.put_or_delete(
                before,
                after,
                Self::put_criterion_value,
                Self::delete_criterion_value,
            ),
            Change::IndicatorValue { before, after } => self.put_or_delete(
                before,
                after,
                Self::put_indicator_value,
                Self::delete_indicator_value,
            ),
            Change::Batch(changes) => {
                for change in changes {
                    self.apply(plan_id, change)?;
                }
                Ok(())
            }
        }
    }

    /// Writes a whole plan: header, then every section and measure at its place.
    /// A record's new state: `after` written, or `before` deleted when there is no `after`.
    fn put_or_delete<T>(
        &mut self,
        before: &Option<Box<T>>,
        after: &Option<Box<T>>,
        put: impl FnOnce(&mut Self, &T) -> Result<()>,
        delete: impl FnOnce(&mut Self, &T) -> Result<()>,
    ) -> Result<()> {
        match (before, after) {
            (_, Some(record)) => put(self, record),
            (Some(record), None) => delete(self, record),
            (None, None) => Ok(()),
        }
    }

    pub fn put_plan(&mut self, plan: &Plan) -> Result<()> {
        self.put_plan_header(plan)?;
        for (i, section) in plan.sections.iter().enumerate() {
            self.put_section(plan.id, i, section)?;
        }
        Ok(())
    }

    /// Inserts or replaces a plan's header; its sections stay.
    pub fn put_plan_header(&mut self, plan: &Plan) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO plans (id, title, level, issuer, approval, owner_school, period_from,
                                    period_to, goal, tasks, indicators, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                 ON CONFLICT(id) DO UPDATE SET title = ?2, level = ?3, issuer = ?4, approval = ?5,
                    owner_school = ?6, period_from = ?7, period_to = ?8, goal = ?9, tasks = ?10,
                    indicators = ?11, updated_at = ?12",
            )?
            .execute(params![
                plan.id.to_string(),
                plan.title,
                plan.level.as_str(),
                plan.issuer,
                plan.approval,
                plan.owner_school.map(|id| id.to_string()),
                codec::date_text(plan.period.from),
                codec::date_text(plan.period.to),
                plan.goal,
                codec::json(&plan.tasks),
                codec::json(&plan.indicators),
                codec::timestamp_text(&plan.updated_at),
            ])?;
        Ok(())
    }

    /// Inserts or replaces a section and all its measures at `position`.
    pub fn put_section(&mut self, plan_id: Id, position: usize, section: &Section) -> Result<()> {
        self.put_section_header(plan_id, position, section)?;
        for (i, measure) in section.measures.iter().enumerate() {
            self.put_measure(section.id, i, measure)?;
        }
        Ok(())
    }

    /// Inserts or replaces a section's number and title at `position`; its measures stay.
    pub fn put_section_header(
        &mut self,
        plan_id: Id,
        position: usize,
        section: &Section,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO sections (id, plan_id, position, number, title, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT(id) DO UPDATE SET plan_id = ?2, position = ?3, number = ?4,
                    title = ?5, updated_at = ?6",
            )?
            .execute(params![
                section.id.to_string(),
                plan_id.to_string(),
                position as i64,
                section.number,
                section.title,
                codec::timestamp_text(&section.updated_at),
            ])?;
        Ok(())
    }

    /// Inserts or replaces a measure in a section at `position`.
    pub fn put_measure(&mut self, section_id: Id, position: usize, m: &Measure) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO measures (id, section_id, position, number, title, deadline, due,
                                       due_manual, responsible, result, documents, yearly, schools,
                                       notes, source_measure, updated_at, executor)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
                 ON CONFLICT(id) DO UPDATE SET section_id = ?2, position = ?3, number = ?4,
                    title = ?5, deadline = ?6, due = ?7, due_manual = ?8, responsible = ?9,
                    result = ?10, documents = ?11, yearly = ?12, schools = ?13, notes = ?14,
                    source_measure = ?15, updated_at = ?16, executor = ?17",
            )?
            .execute(params![
                m.id.to_string(),
                section_id.to_string(),
                position as i64,
                m.number,
                m.title,
                m.deadline,
                codec::dates_text(&m.due),
                m.due_manual,
                m.responsible,
                m.result,
                m.documents,
                codec::json(&m.yearly),
                codec::json(&m.schools),
                m.notes,
                m.source_measure.map(|id| id.to_string()),
                codec::timestamp_text(&m.updated_at),
                m.executor.as_str(),
            ])?;
        Ok(())
    }

    pub fn delete_plan(&mut self, id: Id) -> Result<()> {
        self.delete_by_id(
            RecordKind::Plan,
            "DELETE FROM plans WHERE id = ?1",
            id,
            || StoreError::PlanNotFound(id.to_string()),
        )
    }

    pub fn delete_section(&mut self, id: Id) -> Result<()> {
        self.delete_by_id(
            RecordKind::Section,
            "DELETE FROM sections WHERE id = ?1",
            id,
            || ChangeMismatch::SectionDeleted.into(),
        )
    }

    /// Deletes the record of `kind` with this id by `sql`, or fails with `missing` when there is none; keeps
    /// tombstones for it and for what it held (a plan's sections and measures, a section's measures).
    fn delete_by_id(
        &mut self,
        kind: RecordKind,
        sql: &str,
        id: Id,
        missing: impl FnOnce() -> StoreError,
    ) -> Result<()> {
        self.record_children_deleted(kind, id)?;
        let n = self.tx.prepare_cached(sql)?.execute([id.to_string()])?;
        if n == 0 {
            return Err(missing());
        }
        self.record_deletion(kind, &id_key(id))
    }

    pub fn put_school(&mut self, s: &School) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO schools (id, name, short_name, district, kind, director, contacts,
                                      categories, curator, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                 ON CONFLICT(id) DO UPDATE SET name = ?2, short_name = ?3, district = ?4, kind = ?5,
                    director = ?6, contacts = ?7, categories = ?8, curator = ?9, updated_at = ?10",
            )?
            .execute(params![
                s.id.to_string(),
                s.name,
                s.short_name,
                s.district,
                s.kind,
                s.director,
                s.contacts,
                codec::categories_text(&s.categories),
                s.curator,
                codec::timestamp_text(&s.updated_at),
            ])?;
        Ok(())
    }

    pub fn delete_school(&mut self, id: Id) -> Result<()> {
        self.delete_by_id(
            RecordKind::School,
            "DELETE FROM schools WHERE id = ?1",
            id,
            || ChangeMismatch::SchoolDeleted.into(),
        )
    }

    pub fn put_progress(&mut self, p: &Progress) -> Result<()> {
        self.put_progress_all([p])
    }

    /// Puts many progress records through one prepared statement (an import of a region's reports puts
    /// hundreds of thousands).
    pub fn put_progress_all<'p>(
        &mut self,
        records: impl IntoIterator<Item = &'p Progress>,
    ) -> Result<()> {
        let mut put = self.tx.prepare_cached(
            "INSERT INTO progress (measure_id, school_id, due, status, done_on, evidence,
                                   comment, updated_at, by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT(measure_id, school_id, due) DO UPDATE SET status = ?4, done_on = ?5,
                evidence = ?6, comment = ?7, updated_at = ?8, by = ?9",
        )?;
        for p in records {
            codec::execute_progress(&mut put, p)?;
        }
        Ok(())
    }

    pub fn delete_progress(&mut self, p: &Progress) -> Result<()> {
        self.tx
            .prepare_cached(
                "DELETE FROM progress WHERE measure_id = ?1 AND school_id = ?2 AND due = ?3",
            )?
            .execute(params![
                p.measure_id.to_string(),
                codec::school_text(p.school_id),
                p.due.map(codec::date_text).unwrap_or_default(),
            ])?;
        self.record_deletion(
            RecordKind::Progress,
            &progress_key(p.measure_id, p.school_id, p.due),
        )
    }

    pub fn put_indicator_value(&mut self, v: &IndicatorValue) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO indicator_values (indicator_id, school_id, year, value, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(indicator_id, school_id, year) DO UPDATE SET value = ?4,
                    updated_at = ?5",
            )?
            .execute(params![
                v.indicator_id.to_string(),
                v.school_id.map(|id| id.to_string()).unwrap_or_default(),
                v.year,
                v.value,
                codec::timestamp_text(&v.updated_at),
            ])?;
        Ok(())
    }

    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = ?2",
            )?
            .execute([key, value])?;
        Ok(())
    }

    /// The `updated_at` of a record we hold, looked up by table and key (for merging).
    pub(super) fn stored_time(
        &self,
        sql: &str,
        key: &[&dyn rusqlite::ToSql],
    ) -> Result<Option<String>> {
        Ok(self
            .tx
            .prepare_cached(sql)?
            .query_row(key, |r| r.get(0))
            .optional()?)
    }

    /// Decides a merge by age: new here → Added; incoming newer → Updated; else Kept.
    pub(super) fn merge_decision(
        &self,
        stored: Option<String>,
        incoming: &crate::model::Timestamp,
    ) -> Merge {
        match stored {
            None => Merge::Added,
            Some(ours) if codec::timestamp_text(incoming) > ours => Merge::Updated,
            Some(_) => Merge::Kept,
        }
    }

    /// Merges one record by age: looks up our `updated_at` with `sql` and `key`, and writes the incoming
    /// record with `put` unless ours is as new or newer.
    pub(super) fn merge_by_age(
        &mut self,
        sql: &str,
        key: &[&dyn rusqlite::ToSql],
        incoming: &crate::model::Timestamp,
        put: impl FnOnce(&mut Self) -> Result<()>,
    ) -> Result<Merge> {
        let stored = self.stored_time(sql, key)?;
        let decision = self.merge_decision(stored, incoming);
        if decision != Merge::Kept {
            put(self)?;
        }
        Ok(decision)
    }

    /// [`merge_by_age`](Self::merge_by_age) of a record found by its id alone.
    pub(super) fn merge_by_id(
        &mut self,
        sql: &str,
        id: Id,
        incoming: &crate::model::Timestamp,
        put: impl FnOnce(&mut Self) -> Result<()>,
    ) -> Result<Merge> {
        self.merge_by_age(sql, &[&id.to_string()], incoming, put)
    }

    /// Merges a plan header: the newer `updated_at` wins.
    pub fn merge_plan_header(&mut self, plan: &Plan) -> Result<Merge> {
        self.merge_by_id(
            "SELECT updated_at FROM plans WHERE id = ?1",
            plan.id,
            &plan.updated_at,
            |w| w.put_plan_header(plan),
        )
    }

    /// Merges a section header at `position`: the newer `updated_at` wins.
    pub fn merge_section(&mut self, plan_id: Id, position: usize, s: &Section) -> Result<Merge> {
        self.merge_by_id(
            "SELECT updated_at FROM sections WHERE id = ?1",
            s.id,
            &s.updated_at,
            |w| w.put_section_header(plan_id, position, s),
        )
    }

    /// Merges a measure at `position`: the newer `updated_at` wins.
    pub fn merge_measure(&mut self, section_id: Id, position: usize, m: &Measure) -> Result<Merge> {
        self.merge_by_id(
            "SELECT updated_at FROM measures WHERE id = ?1",
            m.id,
            &m.updated_at,
            |w| w.put_measure(section_id, position, m),
        )
    }

    pub fn merge_school(&mut self, s: &School) -> Result<Merge> {
        self.merge_by_id(
            "SELECT updated_at FROM schools WHERE id = ?1",
            s.id,
            &s.updated_at,
            |w| w.put_school(s),
        )
    }

    pub fn merge_progress(&mut self, p: &Progress) -> Result<Merge> {
        let measure = p.measure_id.to_string();
        let school = codec::school_text(p.school_id);
        let due = p.due.map(codec::date_text).unwrap_or_default();
        self.merge_by_age(
            "SELECT updated_at FROM progress WHERE measure_id = ?1 AND school_id = ?2 AND due = ?3",
            &[&measure, &school, &due],
            &p.updated_at,
            |w| w.put_progress(p),
        )
    }

    /// Merges many progress records, each as `merge_progress` would, in one statement per record (the age
    /// test runs inside SQLite) and without allocating ids per record: what a big import needs.
    ///
    /// The records must have distinct keys (measure, school, due), as a validated exchange file has.
    /// Returns how many were added, updated and kept.
    pub fn merge_progress_all(&mut self, records: &[Progress]) -> Result<(usize, usize, usize)> {
        let count = |tx: &Transaction<'_>| -> Result<usize> {
            Ok(tx.query_row("SELECT COUNT(*) FROM progress", [], |r| r.get::<_, i64>(0))? as usize)
        };
        let before = count(self.tx)?;
        let mut changed = 0;
        {
            let mut stmt = self.tx.prepare_cached(
                "INSERT INTO progress (measure_id, school_id, due, status, done_on, evidence,
                                       comment, updated_at, by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT(measure_id, school_id, due) DO UPDATE SET status = excluded.status,
                    done_on = excluded.done_on, evidence = excluded.evidence,
                    comment = excluded.comment, updated_at = excluded.updated_at, by = excluded.by
                  WHERE excluded.updated_at > progress.updated_at",
            )?;
            for p in records {
                changed += codec::execute_progress(&mut stmt, p)?;
            }
        }
        let added = count(self.tx)? - before;
        Ok((added, changed - added, records.len() - changed))
    }
}

/// Positions are explicit (the document's order): inserting at `?2` moves the rows from it one down,
/// removing at `?2` moves the rows after it one up.
const MAKE_ROOM_FOR_SECTION: &str =
    "UPDATE sections SET position = position + 1 WHERE plan_id = ?1 AND position >= ?2";
const CLOSE_SECTION_GAP: &str =
    "UPDATE sections SET position = position - 1 WHERE plan_id = ?1 AND position > ?2";
const MAKE_ROOM_FOR_MEASURE: &str =
    "UPDATE measures SET position = position + 1 WHERE section_id = ?1 AND position >= ?2";
const CLOSE_MEASURE_GAP: &str =
    "UPDATE measures SET position = position - 1 WHERE section_id = ?1 AND position > ?2";

fn expect_one(rows: usize, mismatch: ChangeMismatch) -> Result<()> {
    if rows == 0 {
        Err(mismatch.into())
    } else {
        Ok(())
    }
}
