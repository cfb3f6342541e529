//! A second connection to an open database file, for work on a worker thread (an import's merge) while the
//! window's connection stays with the window. The process already holds the file's lock (`Store::open`), so
//! this connection takes none of its own; the database's one writer at a time is kept by the app, which
//! writes nothing through its own connection while such a job runs.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rusqlite::Connection;

use super::{Result, Store};

/// How many SQLite steps pass between two looks at a stop flag.
const STEPS_BETWEEN_LOOKS: i32 = 10_000;

impl Store {
    /// Another connection to this store's file, with the same settings and backup policy; `None` for a
    /// store in memory (nothing else can reach it) or one opened for reading only.
    pub fn second_connection(&self) -> Result<Option<Store>> {
        let Some(path) = self.path.as_ref().filter(|_| !self.read_only) else {
            return Ok(None);
        };
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        Ok(Some(Store {
            conn,
            path: Some(path.clone()),
            data_version: self.data_version,
            read_steps: std::cell::Cell::new(0),
            backup_policy: self.backup_policy.clone(),
            read_only: false,
            _lock: None,
        }))
    }

    /// Makes every statement of this connection stop (with an error, so the transaction it is in rolls
    /// back) once `stop` is set: a cancelled job leaves the database as it was.
    pub fn stop_when(&self, stop: Arc<AtomicBool>) {
        self.conn.progress_handler(
            STEPS_BETWEEN_LOOKS,
            Some(move || stop.load(Ordering::Relaxed)),
        );
    }

    /// Another connection wrote to the file: what the views cached from this one is stale.
    pub fn note_written_elsewhere(&mut self) {
        self.data_version += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Period, Plan};

    fn plan(title: &str) -> Plan {
        Plan::new(title, Period::school_year(2021))
    }

    #[test]
    fn a_memory_store_has_no_second_connection() {
        let store = Store::open_in_memory().unwrap();
        assert!(store.second_connection().unwrap().is_none());
    }

    #[test]
    fn the_second_connection_writes_the_same_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("db.sqlite")).unwrap();
        let mut second = store.second_connection().unwrap().unwrap();
        second.write(|w| w.put_plan(&plan("Второй"))).unwrap();
        store.note_written_elsewhere();
        let titles: Vec<String> = store
            .list_plans()
            .unwrap()
            .into_iter()
            .map(|p| p.title)
            .collect();
        assert_eq!(titles, ["Второй"]);
    }

    #[test]
    fn a_stopped_write_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db.sqlite")).unwrap();
        let mut second = store.second_connection().unwrap().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        second.stop_when(Arc::clone(&stop));
        let outcome = second.write(|w| {
            w.put_plan(&plan("Первый"))?;
            // The user cancels half-way: the next statements stop and the whole write rolls back.
            stop.store(true, Ordering::Relaxed);
            for n in 0..1000 {
                w.put_plan(&plan(&format!("План {n}")))?;
            }
            Ok(())
        });
        assert!(outcome.is_err());
        assert!(store.list_plans().unwrap().is_empty());
    }

    /// A database file holding `count` plans with long titles (a few hundred kilobytes).
    fn database_with_plans(path: &std::path::Path, prefix: &str, count: usize) {
        let mut store = Store::open(path).unwrap();
        store
            .write(|w| {
                for n in 0..count {
                    w.put_plan(&plan(&format!("{prefix} {n} {}", "х".repeat(500))))?;
                }
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn a_restore_through_the_second_connection_counts_and_can_be_stopped() {
        let dir = tempfile::tempdir().unwrap();
        let saved = dir.path().join("saved.sqlite");
        database_with_plans(&saved, "Копия", 500);
        let db = dir.path().join("db.sqlite");
        database_with_plans(&db, "Было", 1);
        let mut store = Store::open(&db).unwrap();
        let mut second = store.second_connection().unwrap().unwrap();

        let mut seen = Vec::new();
        let stopped = second
            .restore_counted(&saved, |done, total| {
                seen.push((done, total));
                seen.len() < 2
            })
            .unwrap();
        assert_eq!(stopped, super::super::Restore::Stopped);
        assert_eq!(seen.len(), 2, "stopped when told");
        // Asked before anything is copied, then after the first pages.
        assert_eq!(seen[0], (0, 0));
        assert!(
            seen[1].1 > 64 && seen[1].0 > 0 && seen[1].0 < seen[1].1,
            "{seen:?}"
        );
        let titles = |s: &Store| -> Vec<String> {
            s.list_plans()
                .unwrap()
                .into_iter()
                .map(|p| p.title.chars().take(5).collect())
                .collect()
        };
        assert_eq!(
            titles(&store),
            ["Было "],
            "a stopped restore changes nothing"
        );

        let done = second.restore_counted(&saved, |_, _| true).unwrap();
        assert!(matches!(
            done,
            super::super::Restore::Done { before: Some(_) }
        ));
        store.note_written_elsewhere();
        assert_eq!(titles(&store).len(), 500);
    }
}
