//! Queries: what the views and the exporters read.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::codec;
use super::{Result, Store, StoreError};
use crate::model::{
    Executor, Id, IndicatorValue, Measure, Period, Plan, PlanLevel, PlanSummary, Progress, School,
    Section, Status,
};

pub use crate::stats::ProgressSummary;

impl Store {
    /// Every plan with its counts, newest period first.
    pub fn list_plans(&self) -> Result<Vec<PlanSummary>> {
        self.rows_of(
            "SELECT p.id, p.title, p.level, p.period_from, p.period_to,
                    (SELECT COUNT(*) FROM sections s WHERE s.plan_id = p.id),
                    (SELECT COUNT(*) FROM measures m JOIN sections s ON m.section_id = s.id
                      WHERE s.plan_id = p.id),
                    p.owner_school
               FROM plans p ORDER BY p.period_from DESC, p.title",
            |r| {
                Ok(Some(PlanSummary {
                    id: codec::id(&r.get::<_, String>(0)?)?,
                    title: r.get(1)?,
                    level: PlanLevel::parse(&r.get::<_, String>(2)?).unwrap_or_default(),
                    owner_school: codec::opt_id(r.get(7)?)?,
                    period: Period::new(
                        codec::date(&r.get::<_, String>(3)?)?,
                        codec::date(&r.get::<_, String>(4)?)?,
                    ),
                    sections: r.get::<_, i64>(5)? as usize,
                    measures: r.get::<_, i64>(6)? as usize,
                }))
            },
        )
    }

    /// Whether a plan with this id exists.
    pub fn has_plan(&self, id: Id) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM plans WHERE id = ?1")?
            .query_row([id.to_string()], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// A measure's number and title ("1.3 Разработка…"), when the database holds it.
    pub fn measure_label(&self, id: Id) -> Result<Option<String>> {
        let row: Option<(String, String)> = self
            .conn
            .prepare_cached("SELECT number, title FROM measures WHERE id = ?1")?
            .query_row([id.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(row.map(|(number, title)| format!("{number} {title}").trim().to_owned()))
    }

    /// Whether a measure with this id exists (in any plan).
    pub fn has_measure(&self, id: Id) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM measures WHERE id = ?1")?
            .query_row([id.to_string()], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Whether a school with this id exists.
    pub fn has_school(&self, id: Id) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM schools WHERE id = ?1")?
            .query_row([id.to_string()], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// A whole plan: header, sections and measures in document order.
    pub fn load_plan(&self, id: Id) -> Result<Plan> {
        let key = id.to_string();
        let mut stmt = self.conn.prepare_cached(
            "SELECT title, level, issuer, approval, owner_school, period_from, period_to, goal,
                    tasks, indicators, updated_at FROM plans WHERE id = ?1",
        )?;
        let mut rows = stmt.query([&key])?;
        let r = rows
            .next()?
            .ok_or_else(|| StoreError::PlanNotFound(key.clone()))?;
        let mut plan = Plan {
            id,
            title: r.get(0)?,
            level: PlanLevel::parse(&r.get::<_, String>(1)?).unwrap_or_default(),
            issuer: r.get(2)?,
            approval: r.get(3)?,
            owner_school: codec::opt_id(r.get(4)?)?,
            period: Period::new(
                codec::date(&r.get::<_, String>(5)?)?,
                codec::date(&r.get::<_, String>(6)?)?,
            ),
            goal: r.get(7)?,
            tasks: codec::from_json(&r.get::<_, String>(8)?)?,
            indicators: codec::from_json(&r.get::<_, String>(9)?)?,
            sections: Vec::new(),
            updated_at: codec::timestamp(&r.get::<_, String>(10)?)?,
        };
        drop(rows);

        let mut index_of = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, number, title, updated_at FROM sections WHERE plan_id = ?1 ORDER BY position",
        )?;
        let mut rows = stmt.query([&key])?;
        while let Some(r) = rows.next()? {
            let id: String = r.get(0)?;
            index_of.insert(id.clone(), plan.sections.len());
            plan.sections.push(Section {
                id: codec::id(&id)?,
                number: r.get(1)?,
                title: r.get(2)?,
                measures: Vec::new(),
                updated_at: codec::timestamp(&r.get::<_, String>(3)?)?,
            });
        }
        drop(rows);
        self.count_steps(&stmt);

        let mut stmt = self.conn.prepare_cached(
            "SELECT m.section_id, m.id, m.number, m.title, m.deadline, m.due, m.due_manual,
                    m.responsible, m.result, m.documents, m.yearly, m.schools, m.notes,
                    (SELECT src.id FROM measures src WHERE src.id = m.source_measure), m.updated_at,
                    m.executor
               FROM measures m JOIN sections s ON m.section_id = s.id
              WHERE s.plan_id = ?1 ORDER BY s.position, m.position",
        )?;
        let mut rows = stmt.query([&key])?;
        while let Some(r) = rows.next()? {
            let section: String = r.get(0)?;
            let Some(&si) = index_of.get(&section) else {
                continue;
            };
            let yearly: String = r.get(10)?;
            let schools: String = r.get(11)?;
            plan.sections[si].measures.push(Measure {
                id: codec::id(&r.get::<_, String>(1)?)?,
                number: r.get(2)?,
                title: r.get(3)?,
                deadline: r.get(4)?,
                due: codec::dates(&r.get::<_, String>(5)?)?,
                due_manual: r.get(6)?,
                responsible: r.get(7)?,
                result: r.get(8)?,
                documents: r.get(9)?,
                yearly: codec::from_json(&yearly)?,
                schools: codec::from_json(&schools)?,
                notes: r.get(12)?,
                source_measure: codec::opt_id(r.get(13)?)?,
                updated_at: codec::timestamp(&r.get::<_, String>(14)?)?,
                executor: Executor::parse(&r.get::<_, String>(15)?).unwrap_or_default(),
            });
        }
        drop(rows);
        self.count_steps(&stmt);
        Ok(plan)
    }

    /// The school registry, by name.
    pub fn schools(&self) -> Result<Vec<School>> {
        self.rows_of(
            "SELECT id, name, short_name, district, kind, director, contacts, categories, curator,
                    updated_at FROM schools ORDER BY name",
            |r| {
                Ok(Some(School {
                    id: codec::id(&r.get::<_, String>(0)?)?,
                    name: r.get(1)?,
                    short_name: r.get(2)?,
                    district: r.get(3)?,
                    kind: r.get(4)?,
                    director: r.get(5)?,
                    contacts: r.get(6)?,
                    categories: codec::categories(&r.get::<_, String>(7)?),
                    curator: r.get(8)?,
                    updated_at: codec::timestamp(&r.get::<_, String>(9)?)?,
                }))
            },
        )
    }

    /// Every progress record of a plan's measures (or of all plans). For a school plan this includes the
    /// owner school's records on the district measures its measures were taken from: they are the same
    /// records (`stats::progress_target`).
    pub fn progress(&self, plan: Option<Id>) -> Result<Vec<Progress>> {
        let sql = "SELECT p.measure_id, p.school_id, p.due, p.status, p.done_on, p.evidence,
                          p.comment, p.updated_at, p.by
                     FROM progress p JOIN measures m ON p.measure_id = m.id
                     JOIN sections s ON m.section_id = s.id
                    WHERE ?1 IS NULL OR s.plan_id = ?1
                   UNION ALL
                   SELECT p.measure_id, p.school_id, p.due, p.status, p.done_on, p.evidence,
                          p.comment, p.updated_at, p.by
                     FROM measures m JOIN sections s ON m.section_id = s.id
                     JOIN plans pl ON pl.id = s.plan_id
                     JOIN progress p ON p.measure_id = m.source_measure AND p.school_id = pl.owner_school
                    WHERE ?1 IS NOT NULL AND s.plan_id = ?1 AND pl.owner_school IS NOT NULL
                    ORDER BY 1, 2, 3";
        self.rows_with(sql, [plan.map(|p| p.to_string())], |r| {
            progress_row(r).map(Some)
        })
    }

    /// The progress records of one measure, by school and due date.
    pub fn progress_of_measure(&self, measure: Id) -> Result<Vec<Progress>> {
        self.progress_rows(
            "SELECT measure_id, school_id, due, status, done_on, evidence, comment, updated_at, by
               FROM progress WHERE measure_id = ?1 ORDER BY school_id, due",
            measure,
        )
    }

    /// The progress records `sql` selects for one id (`?1`), its columns those [`progress_row`] reads.
    pub(super) fn progress_rows(&self, sql: &str, id: Id) -> Result<Vec<Progress>> {
        self.rows_with(sql, [id.to_string()], |r| progress_row(r).map(Some))
    }

    /// The rows of a query, each made by `row` (`None` leaves a row out); its steps count in
    /// [`Store::read_steps`].
    pub(super) fn rows_with<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        mut row: impl FnMut(&rusqlite::Row<'_>) -> Result<Option<T>>,
    ) -> Result<Vec<T>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let mut rows = stmt.query(params)?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.extend(row(r)?);
        }
        drop(rows);
        self.count_steps(&stmt);
        Ok(out)
    }

    /// Progress counts per measure of a plan: what the grid's status column shows. A district plan's come
    /// from the tally (`store::tally`), a school plan's from its records.
    pub fn progress_summary(
        &self,
        plan: Id,
        today: NaiveDate,
    ) -> Result<HashMap<Id, ProgressSummary>> {
        if self.counts_from_tally(plan)? {
            return self.tally_summary(plan, None, today);
        }
        self.progress_summary_scan(plan, today)
    }

    /// Progress counts per measure of a plan, counted from its progress records.
    pub(super) fn progress_summary_scan(
        &self,
        plan: Id,
        today: NaiveDate,
    ) -> Result<HashMap<Id, ProgressSummary>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT mid, status, school_id = '', COUNT(*),
                    SUM(due <> '' AND due < ?2 AND status IN ('planned', 'in_progress'))
               FROM (SELECT m.id AS mid, p.status, p.due, p.school_id
                       FROM measures m JOIN sections s ON m.section_id = s.id
                       JOIN progress p ON p.measure_id = m.id
                      WHERE s.plan_id = ?1
                     UNION ALL
                     SELECT m.id, p.status, p.due, p.school_id
                       FROM measures m JOIN sections s ON m.section_id = s.id
                       JOIN plans pl ON pl.id = s.plan_id
                       JOIN progress p ON p.measure_id = m.source_measure
                                      AND p.school_id = pl.owner_school
                      WHERE s.plan_id = ?1 AND pl.owner_school IS NOT NULL)
              GROUP BY mid, status, school_id = ''",
        )?;
        self.summaries_of(
            &mut stmt,
            params![plan.to_string(), codec::date_text(today)],
        )
    }

    /// Progress counts per measure from the rows of a query: (measure, status, office's own, count,
    /// overdue); a row of a status we do not know is left out.
    pub(super) fn summaries_of(
        &self,
        stmt: &mut rusqlite::CachedStatement<'_>,
        params: impl rusqlite::Params,
    ) -> Result<HashMap<Id, ProgressSummary>> {
        let mut rows = stmt.query(params)?;
        let mut out: HashMap<Id, ProgressSummary> = HashMap::new();
        while let Some(r) = rows.next()? {
            let measure = codec::id(&r.get::<_, String>(0)?)?;
            let Some(status) = Status::parse(&r.get::<_, String>(1)?) else {
                continue;
            };
            let office: bool = r.get(2)?;
            let count = r.get::<_, i64>(3)? as u32;
            let overdue = r.get::<_, i64>(4)? as u32;
            out.entry(measure)
                .or_default()
                .add(status, office, count, overdue);
        }
        drop(rows);
        self.count_steps(stmt);
        Ok(out)
    }

    /// Actual indicator values.
    pub fn indicator_values(&self) -> Result<Vec<IndicatorValue>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT indicator_id, school_id, year, value, updated_at FROM indicator_values
              ORDER BY indicator_id, school_id, year",
        )?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(IndicatorValue {
                indicator_id: codec::id(&r.get::<_, String>(0)?)?,
                school_id: codec::opt_id(r.get(1)?)?,
                year: r.get(2)?,
                value: r.get(3)?,
                updated_at: codec::timestamp(&r.get::<_, String>(4)?)?,
            });
        }
        Ok(out)
    }

    /// A setting kept in the database (e.g. this office's id for exchange files).
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }
}

/// A progress record from a row of (measure_id, school_id, due, status, done_on, evidence, comment,
/// updated_at, by).
pub(super) fn progress_row(r: &rusqlite::Row<'_>) -> Result<Progress> {
    Ok(Progress {
        measure_id: codec::id(&r.get::<_, String>(0)?)?,
        school_id: codec::opt_id(r.get(1)?)?,
        due: codec::opt_date(r.get(2)?)?,
        status: Status::parse(&r.get::<_, String>(3)?).unwrap_or_default(),
        done_on: codec::opt_date(r.get(4)?)?,
        evidence: r.get(5)?,
        comment: r.get(6)?,
        updated_at: codec::timestamp(&r.get::<_, String>(7)?)?,
        by: r.get(8)?,
    })
}
