//! The SQLite store: the only place that speaks SQL. Every user command is written in one transaction.

mod backup;
mod codec;
mod lock;
mod merge_values;
mod read;
mod reader;
mod schema;
mod school_data;
mod second;
mod shared_progress;
mod sync;
mod tally;
mod write;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use backup::{BACKUPS_KEPT, BackupInfo, BackupPolicy, Restore, list_in as list_backups_in};
pub use read::ProgressSummary;
pub use schema::SCHEMA_VERSION;
pub use shared_progress::MIGRATION_ORIGIN;
pub use sync::{
    CLOCK_TOLERANCE_HOURS, ConflictRecord, RecordKind, SyncOrigin, Tombstone, future_limit,
    progress_key,
};
pub use write::{Merge, Writer};

use lock::DbLock;

use crate::i18n::{Arg, I18n, Localize};

/// What can go wrong with the database. The text is in `assets/i18n/*.ftl` (keys `store-error-*`), given
/// by [`Localize`]; `Display` is the Russian one.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    Locked(PathBuf),
    TooNew {
        found: i64,
        supported: i64,
    },
    NotADatabase(PathBuf),
    Damaged(PathBuf),
    Folder(PathBuf, std::io::Error),
    Lock(PathBuf, std::io::Error),
    BackupWrite(PathBuf, std::io::Error),
    PlanNotFound(String),
    Corrupt(String),
    /// Worded by the model (see its `Display`).
    Mismatch(#[from] crate::model::ChangeMismatch),
    ReadOnly(PathBuf),
    ReadOnlyOld {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// SQLite's own text is part of the message (as a detail), so it is not also the error's source: a
    /// chain printed in full would say it twice.
    Sqlite(rusqlite::Error),
}

crate::i18n::display_in_russian!(StoreError);

impl Localize for StoreError {
    fn message(&self, i18n: &I18n) -> String {
        let path = |key: &str, p: &Path| {
            i18n.tr_args(key, &[("path", Arg::Str(&p.display().to_string()))])
        };
        let io = |key: &str, p: &Path, e: &std::io::Error| {
            i18n.tr_args(
                key,
                &[
                    ("path", Arg::Str(&p.display().to_string())),
                    ("reason", Arg::Str(&crate::output::io_reason_in(e, i18n))),
                ],
            )
        };
        let versions = |key: &str, p: Option<&Path>, found: i64, supported: i64| {
            let p = p.map(|p| p.display().to_string()).unwrap_or_default();
            i18n.tr_args(
                key,
                &[
                    ("path", Arg::Str(&p)),
                    ("found", Arg::Str(&found.to_string())),
                    ("supported", Arg::Str(&supported.to_string())),
                ],
            )
        };
        match self {
            StoreError::Locked(p) => path("store-error-locked", p),
            StoreError::TooNew { found, supported } => {
                versions("store-error-too-new", None, *found, *supported)
            }
            StoreError::NotADatabase(p) => path("store-error-not-a-database", p),
            StoreError::Damaged(p) => path("store-error-damaged", p),
            StoreError::Folder(p, e) => io("store-error-folder", p, e),
            StoreError::Lock(p, e) => io("store-error-lock", p, e),
            StoreError::BackupWrite(p, e) => io("store-error-backup-write", p, e),
            StoreError::PlanNotFound(plan) => {
                i18n.tr_args("store-error-plan-not-found", &[("plan", Arg::Str(plan))])
            }
            StoreError::Corrupt(detail) => {
                i18n.tr_args("store-error-corrupt", &[("detail", Arg::Str(detail))])
            }
            StoreError::Mismatch(e) => e.message(i18n),
            StoreError::ReadOnly(p) => path("store-error-read-only", p),
            StoreError::ReadOnlyOld {
                path: p,
                found,
                supported,
            } => versions("store-error-read-only-old", Some(p), *found, *supported),
            StoreError::Sqlite(e) => i18n.tr_args(
                "store-error-sqlite",
                &[("reason", Arg::Str(&sqlite_text(e, i18n)))],
            ),
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
    }
}

/// An SQLite error in our words, SQLite's own text after them as a detail.
fn sqlite_text(e: &rusqlite::Error, i18n: &I18n) -> String {
    use rusqlite::ErrorCode;
    let key = match e.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => "io-disk-full",
        Some(ErrorCode::ReadOnly) => "sqlite-read-only",
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => "sqlite-busy",
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => "sqlite-corrupt",
        Some(ErrorCode::CannotOpen) => "sqlite-cannot-open",
        Some(ErrorCode::PermissionDenied) => "io-permission-denied",
        Some(ErrorCode::SystemIoFailure) => "sqlite-io",
        _ => "sqlite-other",
    };
    crate::output::with_detail(&i18n.tr(key), &e.to_string(), i18n)
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
    read_only: bool,
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
        let lock = match DbLock::acquire(path) {
            Ok(lock) => lock,
            // A database in a read-only folder, or a read-only file: opened for reading only.
            Err(StoreError::Lock(_, e)) if path.is_file() && is_read_only_error(&e) => {
                return Self::open_read_only(path);
            }
            Err(e) => return Err(e),
        };
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

    /// Opens an existing database for reading only (no lock, no journal files written): for a file in a
    /// read-only place. Every write is refused with [`StoreError::ReadOnly`].
    pub fn open_read_only(path: &Path) -> Result<Self> {
        let not_ours = |_| StoreError::NotADatabase(path.to_path_buf());
        let conn = backup::open_read_only(path).map_err(not_ours)?;
        let found = schema::user_version(&conn).map_err(not_ours)?;
        if found > schema::SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                found,
                supported: schema::SCHEMA_VERSION,
            });
        }
        if found < schema::SCHEMA_VERSION {
            return Err(StoreError::ReadOnlyOld {
                path: path.to_path_buf(),
                found,
                supported: schema::SCHEMA_VERSION,
            });
        }
        Ok(Self {
            conn,
            path: Some(path.to_path_buf()),
            data_version: 0,
            read_steps: std::cell::Cell::new(0),
            backup_policy: BackupPolicy::default(),
            read_only: true,
            _lock: None,
        })
    }

    /// Whether the database was opened for reading only (see [`Store::open_read_only`]).
    pub fn is_read_only(&self) -> bool {
        self.read_only
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
            read_only: false,
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
        if self.read_only {
            return Err(StoreError::ReadOnly(self.path.clone().unwrap_or_default()));
        }
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

/// Whether an error opening a file for writing means the place is read-only.
fn is_read_only_error(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
    )
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod trust_tests;
