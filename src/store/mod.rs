//! The SQLite store: the only place that speaks SQL. Every user command is written in one transaction.

mod backup;
mod codec;
mod lock;
mod read;
mod reader;
mod schema;
mod school_data;
mod sync;
mod tally;
mod write;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use backup::{BACKUPS_KEPT, BackupInfo, BackupPolicy};
pub use read::ProgressSummary;
pub use schema::SCHEMA_VERSION;
pub use sync::{ConflictRecord, RecordKind, SyncOrigin, Tombstone, progress_key};
pub use write::{Merge, Writer};

use lock::DbLock;

/// What can go wrong with the database. Messages are Russian: they reach the user as they are.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "База данных {0} уже открыта другим окном программы или командой. Закройте его и повторите."
    )]
    Locked(PathBuf),
    #[error(
        "База данных создана более новой версией программы (схема {found}, эта версия понимает до {supported}). Обновите программу."
    )]
    TooNew { found: i64, supported: i64 },
    #[error("Файл {0} не является базой данных программы или повреждён")]
    NotADatabase(PathBuf),
    #[error("Не удалось создать папку для данных {0}: {1}")]
    Folder(PathBuf, std::io::Error),
    #[error("План не найден: {0}")]
    PlanNotFound(String),
    #[error("Данные в базе повреждены: {0}")]
    Corrupt(String),
    #[error("{0}")]
    Mismatch(#[from] crate::model::ChangeMismatch),
    #[error("Ошибка базы данных: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    data_version: u64,
    /// Steps of the snapshot queries so far (tests check that an edit reads little).
    read_steps: std::cell::Cell<u64>,
    backup_policy: BackupPolicy,
    _lock: Option<DbLock>,
}

impl Store {
    /// Where the database lives when no `--db` is given: the user data folder.
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("ru", "roadmap-planner", "roadmap-planner")
            .map(|dirs| dirs.data_dir().join("roadmap.sqlite"))
    }

    /// Opens (creating if needed) a database file, takes its lock and upgrades its schema.
    pub fn open(path: &Path) -> Result<Self> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| StoreError::Folder(parent.into(), e))?;
        }
        let lock = DbLock::acquire(path)?;
        let conn = Connection::open(path)?;
        let mut store = Self::init(conn, Some(path.to_path_buf())).map_err(|e| match e {
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
                if f.code == rusqlite::ErrorCode::NotADatabase =>
            {
                StoreError::NotADatabase(path.to_path_buf())
            }
            other => other,
        })?;
        store._lock = Some(lock);
        Ok(store)
    }

    /// A fresh database in memory (tests, benchmarks, previews).
    pub fn open_in_memory() -> Result<Self> {
        Self::init(Connection::open_in_memory()?, None)
    }

    fn init(mut conn: Connection, path: Option<PathBuf>) -> Result<Self> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        if path.is_some() {
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        schema::migrate(&mut conn)?;
        Ok(Self {
            conn,
            path,
            data_version: 0,
            read_steps: std::cell::Cell::new(0),
            backup_policy: BackupPolicy::default(),
            _lock: None,
        })
    }

    /// The file behind the store, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Grows by one with every committed write; view caches key on it.
    pub fn data_version(&self) -> u64 {
        self.data_version
    }

    /// How much the snapshot queries (plans, plan trees, schools, progress records and counts) have read
    /// since the store was opened, in SQLite's virtual-machine steps: it grows with every row a query
    /// visits, not only with those it returns. What an edit costs in reads, for tests.
    pub fn read_steps(&self) -> u64 {
        self.read_steps.get()
    }

    /// Adds the steps `stmt` ran since it was last counted.
    pub(crate) fn count_steps(&self, stmt: &rusqlite::Statement<'_>) {
        let steps = stmt.reset_status(rusqlite::StatementStatus::VmStep).max(0) as u64;
        self.read_steps.set(self.read_steps.get() + steps);
    }

    /// Runs `f` in one transaction: all of it is written, or nothing.
    pub fn write<T>(&mut self, f: impl FnOnce(&mut Writer<'_>) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction()?;
        let value = {
            let mut writer = Writer::new(&tx);
            f(&mut writer)?
        };
        tx.commit()?;
        self.data_version += 1;
        Ok(value)
    }

    /// Writes one change of a plan in one transaction.
    pub fn apply(
        &mut self,
        plan_id: crate::model::Id,
        change: &crate::model::Change,
    ) -> Result<()> {
        self.write(|w| w.apply(plan_id, change))
    }

    /// The raw connection, for the benchmark's floor measurement and for tests.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

#[cfg(test)]
mod tests;
