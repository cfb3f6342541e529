//! The database schema as a list of migrations keyed on `PRAGMA user_version`.
//!
//! A migration is never edited once released: a new schema version appends a step. Opening a database runs
//! the steps it lacks, each in its own transaction, so an older file upgrades in place without loss.

use rusqlite::{Connection, Transaction};

use super::StoreError;

/// The triggers that keep `progress_tally` in step with `progress` (as created by migration 6; a bulk
/// write of progress drops and re-creates them, `store::tally`).
macro_rules! tally_triggers {
    () => {
        concat!(
            "
    CREATE TRIGGER progress_tally_insert AFTER INSERT ON progress
    BEGIN",
            tally_count_new!(),
            "
    END;
    CREATE TRIGGER progress_tally_delete AFTER DELETE ON progress
    BEGIN",
            tally_uncount_old!(),
            "
    END;
    CREATE TRIGGER progress_tally_update AFTER UPDATE OF measure_id, school_id, status, due ON progress
    WHEN OLD.measure_id <> NEW.measure_id OR OLD.school_id <> NEW.school_id OR OLD.status <> NEW.status
      OR OLD.due <> NEW.due
    BEGIN",
            tally_uncount_old!(),
            tally_count_new!(),
            "
    END;
    "
        )
    };
}

/// A new progress record counted in the tally.
macro_rules! tally_count_new {
    () => {
        "
        INSERT INTO progress_tally (measure_id, office, status, due, n)
             VALUES (NEW.measure_id, NEW.school_id = '', NEW.status, NEW.due, 1)
        ON CONFLICT (measure_id, office, status, due) DO UPDATE SET n = n + 1;"
    };
}

/// A progress record gone (or changed) taken out of the tally; a count down to nothing is removed.
macro_rules! tally_uncount_old {
    () => {
        "
        UPDATE progress_tally SET n = n - 1
         WHERE measure_id = OLD.measure_id AND office = (OLD.school_id = '') AND status = OLD.status
           AND due = OLD.due;
        DELETE FROM progress_tally
         WHERE measure_id = OLD.measure_id AND office = (OLD.school_id = '') AND status = OLD.status
           AND due = OLD.due AND n <= 0;"
    };
}

/// The tally triggers, to re-create after a bulk write.
pub(crate) const TALLY_TRIGGERS: &str = tally_triggers!();

/// Drops the tally triggers for a bulk write.
pub(crate) const DROP_TALLY_TRIGGERS: &str = "DROP TRIGGER progress_tally_insert;
    DROP TRIGGER progress_tally_delete;
    DROP TRIGGER progress_tally_update;";

/// Migration `i` brings a database from version `i` to version `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: plans, sections, measures, schools, progress.
    r#"
    CREATE TABLE plans (
        id           TEXT PRIMARY KEY,
        title        TEXT NOT NULL,
        level        TEXT NOT NULL,
        issuer       TEXT NOT NULL DEFAULT '',
        approval     TEXT NOT NULL DEFAULT '',
        owner_school TEXT,
        period_from  TEXT NOT NULL,
        period_to    TEXT NOT NULL,
        goal         TEXT NOT NULL DEFAULT '',
        tasks        TEXT NOT NULL DEFAULT '[]',
        indicators   TEXT NOT NULL DEFAULT '[]',
        updated_at   TEXT NOT NULL
    );
    CREATE TABLE sections (
        id         TEXT PRIMARY KEY,
        plan_id    TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        number     TEXT NOT NULL DEFAULT '',
        title      TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX sections_by_plan ON sections(plan_id, position);
    CREATE TABLE measures (
        id          TEXT PRIMARY KEY,
        section_id  TEXT NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        number      TEXT NOT NULL DEFAULT '',
        title       TEXT NOT NULL,
        deadline    TEXT NOT NULL DEFAULT '',
        due         TEXT NOT NULL DEFAULT '',
        responsible TEXT NOT NULL DEFAULT '',
        result      TEXT NOT NULL DEFAULT '',
        documents   TEXT NOT NULL DEFAULT '',
        schools     TEXT NOT NULL DEFAULT '{"kind":"all"}',
        updated_at  TEXT NOT NULL
    );
    CREATE INDEX measures_by_section ON measures(section_id, position);
    CREATE TABLE schools (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        short_name TEXT NOT NULL DEFAULT '',
        district   TEXT NOT NULL DEFAULT '',
        kind       TEXT NOT NULL DEFAULT '',
        director   TEXT NOT NULL DEFAULT '',
        contacts   TEXT NOT NULL DEFAULT '',
        categories TEXT NOT NULL DEFAULT '',
        curator    TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
    );
    CREATE TABLE progress (
        measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
        school_id  TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
        due        TEXT NOT NULL DEFAULT '',
        status     TEXT NOT NULL,
        done_on    TEXT,
        evidence   TEXT NOT NULL DEFAULT '',
        comment    TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        by         TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (measure_id, school_id, due)
    ) WITHOUT ROWID;
    CREATE INDEX progress_by_school ON progress(school_id);
    "#,
    // 2: hand-set due dates, per-year activities, notes, school-plan links, indicator values, settings.
    r#"
    ALTER TABLE measures ADD COLUMN due_manual INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE measures ADD COLUMN yearly TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE measures ADD COLUMN notes TEXT NOT NULL DEFAULT '';
    ALTER TABLE measures ADD COLUMN source_measure TEXT;
    CREATE TABLE indicator_values (
        indicator_id TEXT NOT NULL,
        school_id    TEXT NOT NULL DEFAULT '',
        year         INTEGER NOT NULL,
        value        REAL NOT NULL,
        updated_at   TEXT NOT NULL,
        PRIMARY KEY (indicator_id, school_id, year)
    );
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    "#,
    // 3: identification criteria (the set in force as JSON) and schools' values for them.
    r#"
    CREATE TABLE criteria_sets (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        body       TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE criterion_values (
        school_id  TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
        criterion  TEXT NOT NULL,
        value      REAL NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (school_id, criterion)
    ) WITHOUT ROWID;
    "#,
    // 4: exchange — deletions as tombstones, the last file seen from each office, conflicts to resolve.
    r#"
    CREATE TABLE tombstones (
        kind       TEXT NOT NULL,
        key        TEXT NOT NULL,
        deleted_at TEXT NOT NULL,
        PRIMARY KEY (kind, key)
    ) WITHOUT ROWID;
    CREATE TABLE sync_origins (
        origin_id   TEXT PRIMARY KEY,
        office      TEXT NOT NULL DEFAULT '',
        exported_at TEXT NOT NULL,
        imported_at TEXT NOT NULL
    );
    CREATE TABLE conflicts (
        kind        TEXT NOT NULL,
        key         TEXT NOT NULL,
        title       TEXT NOT NULL DEFAULT '',
        origin_id   TEXT NOT NULL DEFAULT '',
        office      TEXT NOT NULL DEFAULT '',
        theirs      TEXT NOT NULL,
        theirs_at   TEXT NOT NULL,
        detected_at TEXT NOT NULL,
        PRIMARY KEY (kind, key)
    ) WITHOUT ROWID;
    "#,
    // 5: who executes a measure; the office's own progress (school_id '' — no foreign key to schools, a
    // trigger deletes a school's progress with it). Progress on school-plan copies then moves to the
    // district measure (`shared_progress::move_copies`).
    r#"
    ALTER TABLE measures ADD COLUMN executor TEXT NOT NULL DEFAULT 'schools';
    CREATE TABLE progress_v5 (
        measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
        school_id  TEXT NOT NULL DEFAULT '',
        due        TEXT NOT NULL DEFAULT '',
        status     TEXT NOT NULL,
        done_on    TEXT,
        evidence   TEXT NOT NULL DEFAULT '',
        comment    TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        by         TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (measure_id, school_id, due)
    ) WITHOUT ROWID;
    INSERT INTO progress_v5 (measure_id, school_id, due, status, done_on, evidence, comment, updated_at, by)
         SELECT measure_id, school_id, due, status, done_on, evidence, comment, updated_at, by FROM progress;
    DROP TABLE progress;
    ALTER TABLE progress_v5 RENAME TO progress;
    CREATE INDEX progress_by_school ON progress(school_id);
    CREATE TRIGGER progress_of_deleted_school AFTER DELETE ON schools
    BEGIN
        DELETE FROM progress WHERE school_id = OLD.id;
    END;
    "#,
    // 6: progress counts per (measure, office or school, status, due date), kept by triggers, so the grid's
    // status column and the start-up read a few rows per measure instead of every progress record.
    concat!(
        r#"
    CREATE TABLE progress_tally (
        measure_id TEXT NOT NULL,
        office     INTEGER NOT NULL,
        status     TEXT NOT NULL,
        due        TEXT NOT NULL,
        n          INTEGER NOT NULL,
        PRIMARY KEY (measure_id, office, status, due)
    ) WITHOUT ROWID;
    INSERT INTO progress_tally (measure_id, office, status, due, n)
         SELECT measure_id, school_id = '', status, due, COUNT(*) FROM progress GROUP BY 1, 2, 3, 4;
    "#,
        tally_triggers!()
    ),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(crate) fn user_version(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Runs the migrations a database lacks. Refuses a database written by a newer build.
pub(crate) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    migrate_to(conn, SCHEMA_VERSION)
}

/// Brings a database up to `target` (tests use it to build an older database).
pub(crate) fn migrate_to(conn: &mut Connection, target: i64) -> Result<(), StoreError> {
    let current = user_version(conn)?;
    if current > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found: current,
            supported: SCHEMA_VERSION,
        });
    }
    for version in current..target {
        let tx = conn.transaction()?;
        run_step(&tx, version)?;
        tx.commit()?;
    }
    Ok(())
}

fn run_step(tx: &Transaction<'_>, version: i64) -> Result<(), StoreError> {
    tx.execute_batch(MIGRATIONS[version as usize])?;
    if version == 4 {
        super::shared_progress::move_copies(tx)?;
    }
    tx.pragma_update(None, "user_version", version + 1)?;
    Ok(())
}
