//! One progress record per (district measure, school, occurrence): the migration that moves progress kept
//! on a school plan's copies of district measures onto the district measures themselves.
//!
//! Where the district measure already has a record for the same school and date, the newer record wins
//! and the other is kept in the conflicts table for the user (nothing is dropped).

use rusqlite::{OptionalExtension, Transaction, params};

use super::read::progress_row;
use super::sync::{RecordKind, progress_key};
use super::{Result, codec};
use crate::model::Progress;

/// The origin named on conflicts this migration leaves.
pub const MIGRATION_ORIGIN: &str = "migration";

/// Moves the progress of school-plan measures taken from a district measure (that the database holds)
/// onto that district measure. Runs inside the migration's transaction.
pub(crate) fn move_copies(tx: &Transaction<'_>) -> Result<()> {
    let moves: Vec<(Progress, uuid::Uuid, String)> = {
        let mut stmt = tx.prepare(
            "SELECT p.measure_id, p.school_id, p.due, p.status, p.done_on, p.evidence, p.comment,
                    p.updated_at, p.by, m.source_measure, src.title
               FROM progress p JOIN measures m ON p.measure_id = m.id
               JOIN sections s ON m.section_id = s.id
               JOIN plans pl ON pl.id = s.plan_id
               JOIN measures src ON src.id = m.source_measure
              WHERE pl.owner_school IS NOT NULL AND pl.owner_school <> ''
              ORDER BY p.measure_id, p.school_id, p.due",
        )?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let record = progress_row(r)?;
            let source = codec::id(&r.get::<_, String>(9)?)?;
            out.push((record, source, r.get(10)?));
        }
        out
    };
    for (copy, source, title) in moves {
        tx.prepare_cached(
            "DELETE FROM progress WHERE measure_id = ?1 AND school_id = ?2 AND due = ?3",
        )?
        .execute(params![
            copy.measure_id.to_string(),
            codec::school_text(copy.school_id),
            codec::opt_date_text(copy.due)
        ])?;
        let moved = Progress {
            measure_id: source,
            ..copy
        };
        let existing: Option<Progress> = tx
            .prepare_cached(
                "SELECT measure_id, school_id, due, status, done_on, evidence, comment, updated_at, by
                   FROM progress WHERE measure_id = ?1 AND school_id = ?2 AND due = ?3",
            )?
            .query_row(
                params![
                    source.to_string(),
                    codec::school_text(moved.school_id),
                    codec::opt_date_text(moved.due)
                ],
                |r| Ok(progress_row(r)),
            )
            .optional()?
            .transpose()?;
        let (winner, loser) = match existing {
            None => (moved, None),
            Some(ours) if moved.updated_at > ours.updated_at => (moved, Some(ours)),
            Some(ours) => (ours, Some(moved)),
        };
        put(tx, &winner)?;
        if let Some(loser) = loser
            && loser != winner
        {
            keep_as_conflict(tx, &loser, &title)?;
        }
    }
    Ok(())
}

fn put(tx: &Transaction<'_>, p: &Progress) -> Result<()> {
    let mut put = tx.prepare_cached(
        "INSERT OR REPLACE INTO progress (measure_id, school_id, due, status, done_on, evidence, comment,
                                          updated_at, by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    codec::execute_progress(&mut put, p)?;
    Ok(())
}

fn keep_as_conflict(tx: &Transaction<'_>, loser: &Progress, title: &str) -> Result<()> {
    let due = loser
        .due
        .map(|d| d.format(crate::model::DATE_FORMAT).to_string())
        .unwrap_or_else(|| "без срока".into());
    tx.prepare_cached(
        "INSERT OR REPLACE INTO conflicts (kind, key, title, origin_id, office, theirs, theirs_at,
                                           detected_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        RecordKind::Progress.as_str(),
        progress_key(loser.measure_id, loser.school_id, loser.due),
        format!("{title} — {due} (отметка из плана школы, при обновлении базы)"),
        MIGRATION_ORIGIN,
        "",
        codec::json(loser),
        codec::timestamp_text(&loser.updated_at),
        codec::timestamp_text(&crate::model::now())
    ])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use rusqlite::params;

    use super::super::{SCHEMA_VERSION, Store, schema};
    use crate::model::{Id, Progress, Status};

    const DISTRICT: &str = "6a1c8a3e-0000-4000-8000-0000000000d0";
    const SCHOOL_PLAN: &str = "6a1c8a3e-0000-4000-8000-0000000000e0";
    const SCHOOL: &str = "6a1c8a3e-0000-4000-8000-0000000000a1";
    const OTHER_SCHOOL: &str = "6a1c8a3e-0000-4000-8000-0000000000a2";

    fn d(n: u8) -> String {
        format!("6a1c8a3e-0000-4000-8000-0000000001{n:02}")
    }
    fn copy(n: u8) -> String {
        format!("6a1c8a3e-0000-4000-8000-0000000002{n:02}")
    }

    /// A database of schema version 4 (before the office's progress and shared records): a district plan
    /// with measures 1..3, a school plan taken from it (copies 1..3 and its own measure 4), and progress on
    /// both sides.
    fn old_database(path: &std::path::Path) {
        let mut conn = rusqlite::Connection::open(path).unwrap();
        schema::migrate_to(&mut conn, 4).unwrap();
        assert_eq!(schema::user_version(&conn).unwrap(), 4);
        let t = "2021-09-01T00:00:00.000Z";
        for (plan, owner, title) in [
            (DISTRICT, None, "Районная карта"),
            (SCHOOL_PLAN, Some(SCHOOL), "План школы"),
        ] {
            conn.execute(
                "INSERT INTO plans (id, title, level, owner_school, period_from, period_to, updated_at)
                 VALUES (?1, ?2, ?3, ?4, '2021-09-01', '2022-08-31', ?5)",
                params![
                    plan,
                    title,
                    if owner.is_some() { "school" } else { "district" },
                    owner,
                    t
                ],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO sections (id, plan_id, position, number, title, updated_at)
                 VALUES (?1, ?1, 0, '1', 'Раздел', ?2)",
                params![plan, t],
            )
            .unwrap();
        }
        // Sections share their plan's id here (a section id only has to be unique among sections).
        for n in 1..=3u8 {
            for (id, section, source) in
                [(d(n), DISTRICT, None), (copy(n), SCHOOL_PLAN, Some(d(n)))]
            {
                conn.execute(
                    "INSERT INTO measures (id, section_id, position, number, title, deadline, due,
                                           source_measure, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, 'до 30.11.2021', '2021-11-30', ?6, ?7)",
                    params![
                        id,
                        section,
                        n,
                        format!("1.{n}"),
                        format!("Мероприятие 1.{n}"),
                        source,
                        t
                    ],
                )
                .unwrap();
            }
        }
        conn.execute(
            "INSERT INTO measures (id, section_id, position, number, title, updated_at)
             VALUES (?1, ?2, 4, '1.4', 'Своё мероприятие школы', ?3)",
            params![copy(4), SCHOOL_PLAN, t],
        )
        .unwrap();
        for (id, name) in [(SCHOOL, "СОШ Бартеневка"), (OTHER_SCHOOL, "СОШ Яблоновка")]
        {
            conn.execute(
                "INSERT INTO schools (id, name, updated_at) VALUES (?1, ?2, ?3)",
                params![id, name, t],
            )
            .unwrap();
        }
        let mark = |measure: &str, school: &str, status: &str, evidence: &str, at: &str| {
            conn.execute(
                "INSERT INTO progress (measure_id, school_id, due, status, evidence, updated_at)
                 VALUES (?1, ?2, '2021-11-30', ?3, ?4, ?5)",
                params![measure, school, status, evidence, at],
            )
            .unwrap();
        };
        // 1.1: only the copy has a mark.
        mark(
            &copy(1),
            SCHOOL,
            "done",
            "Приказ № 1",
            "2021-10-01T00:00:00.000Z",
        );
        // 1.2: both; the copy's is newer.
        mark(
            &d(2),
            SCHOOL,
            "in_progress",
            "район",
            "2021-10-01T00:00:00.000Z",
        );
        mark(
            &copy(2),
            SCHOOL,
            "done",
            "Приказ № 2",
            "2021-10-05T00:00:00.000Z",
        );
        // 1.3: both; the district's is newer.
        mark(
            &d(3),
            SCHOOL,
            "done",
            "Приказ № 3 (район)",
            "2021-10-09T00:00:00.000Z",
        );
        mark(
            &copy(3),
            SCHOOL,
            "not_done",
            "школа",
            "2021-10-02T00:00:00.000Z",
        );
        // The school's own measure and another school's mark stay where they are.
        mark(&copy(4), SCHOOL, "done", "своё", "2021-10-03T00:00:00.000Z");
        mark(
            &d(1),
            OTHER_SCHOOL,
            "done",
            "другая школа",
            "2021-10-04T00:00:00.000Z",
        );
    }

    fn find<'a>(records: &'a [Progress], measure: &str, school: &str) -> Option<&'a Progress> {
        let (m, s): (Id, Id) = (measure.parse().unwrap(), school.parse().unwrap());
        records
            .iter()
            .find(|p| p.measure_id == m && p.school_id == Some(s))
    }

    #[test]
    fn progress_on_school_plan_copies_moves_to_the_district_measure_without_loss() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v4.sqlite");
        old_database(&path);
        let store = Store::open(&path).unwrap();
        assert_eq!(
            schema::user_version(store.connection()).unwrap(),
            SCHEMA_VERSION
        );

        let all = store.progress(None).unwrap();
        assert_eq!(
            all.len(),
            5,
            "seven marks, two pairs became one record each"
        );
        for n in 1..=3 {
            assert!(
                find(&all, &copy(n), SCHOOL).is_none(),
                "nothing left on copy 1.{n}"
            );
        }
        let moved = find(&all, &d(1), SCHOOL).expect("1.1 moved");
        assert_eq!(
            (moved.status, moved.evidence.as_str()),
            (Status::Done, "Приказ № 1")
        );
        let newer_copy = find(&all, &d(2), SCHOOL).unwrap();
        assert_eq!(
            newer_copy.evidence, "Приказ № 2",
            "the newer (the copy's) wins"
        );
        let newer_district = find(&all, &d(3), SCHOOL).unwrap();
        assert_eq!(newer_district.evidence, "Приказ № 3 (район)");
        assert_eq!(find(&all, &copy(4), SCHOOL).unwrap().evidence, "своё");
        assert_eq!(
            find(&all, &d(1), OTHER_SCHOOL).unwrap().evidence,
            "другая школа"
        );

        // The two that lost are listed to the user as conflicts, whole.
        let conflicts = store.conflicts().unwrap();
        assert_eq!(conflicts.len(), 2);
        let mut losers: Vec<Progress> = conflicts
            .iter()
            .map(|c| serde_json::from_str(&c.theirs).unwrap())
            .collect();
        losers.sort_by(|a, b| a.evidence.cmp(&b.evidence));
        assert_eq!(losers[0].evidence, "район");
        assert_eq!(losers[0].status, Status::InProgress);
        assert_eq!(losers[1].evidence, "школа");
        assert_eq!(
            losers[1].measure_id.to_string(),
            d(3),
            "kept against the district measure"
        );
        assert!(conflicts.iter().all(|c| c.title.contains("Мероприятие 1.")));

        // The school plan shows the shared records: its copies read the district measures' marks.
        let school_plan_records = store.progress(Some(SCHOOL_PLAN.parse().unwrap())).unwrap();
        assert_eq!(
            school_plan_records.len(),
            4,
            "1.1–1.3 on the district measures and its own 1.4"
        );
        // And its grid status counts them on its own measures.
        let today = chrono::NaiveDate::from_ymd_opt(2022, 1, 10).unwrap();
        let summary = store
            .progress_summary(SCHOOL_PLAN.parse().unwrap(), today)
            .unwrap();
        let copy_1: Id = copy(1).parse().unwrap();
        assert_eq!(summary[&copy_1].count(Status::Done), 1);
        let district_summary = store
            .progress_summary(DISTRICT.parse().unwrap(), today)
            .unwrap();
        let d1: Id = d(1).parse().unwrap();
        assert_eq!(
            district_summary[&d1].count(Status::Done),
            2,
            "two schools' marks on 1.1"
        );
    }

    #[test]
    fn the_office_marks_without_a_school_and_a_deleted_school_takes_its_marks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v4.sqlite");
        old_database(&path);
        let mut store = Store::open(&path).unwrap();
        let office = Progress {
            measure_id: d(1).parse().unwrap(),
            school_id: None,
            due: chrono::NaiveDate::from_ymd_opt(2021, 11, 30),
            status: Status::Done,
            done_on: None,
            evidence: "Приказ УО № 5".into(),
            comment: String::new(),
            updated_at: crate::model::now(),
            by: "Методист".into(),
        };
        store.write(|w| w.put_progress(&office)).unwrap();
        let all = store.progress(Some(DISTRICT.parse().unwrap())).unwrap();
        assert!(all.contains(&office));
        store
            .write(|w| w.delete_school(SCHOOL.parse().unwrap()))
            .unwrap();
        let left = store.progress(None).unwrap();
        assert!(
            left.iter()
                .all(|p| p.school_id != Some(SCHOOL.parse().unwrap()))
        );
        assert!(left.contains(&office), "the office's mark stays");
    }
}
