//! One window or command per database file: a lock file beside it, held while the store is open, and —
//! so that another path to the same file (a hard link, a symbolic link, `dir/../db.sqlite`) is refused
//! like a second instance — a lock on the database file itself, which follows the file, not its name.
//!
//! On Unix the database file is locked with `flock`, which SQLite's own (`fcntl`) locks do not meet. On
//! Windows a whole-file lock would block SQLite's byte-range locks, so there the lock file is named after
//! the database's resolved path instead (links through folders and `..` are caught; a hard link is not).

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use super::StoreError;

pub(crate) struct DbLock {
    _file: File,
    _database: Option<File>,
}

impl DbLock {
    /// Takes the lock of `db`, or says who holds it. The OS frees it when the process ends, even on a crash.
    pub(crate) fn acquire(db: &Path) -> Result<Self, StoreError> {
        let file = take(&lock_path(db), db)?;
        Ok(Self {
            _file: file,
            _database: lock_database(db)?,
        })
    }
}

/// Opens (creating) and locks one lock file.
fn take(path: &Path, db: &Path) -> Result<File, StoreError> {
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(|e| StoreError::Lock(path.to_path_buf(), e))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(TryLockError::WouldBlock) => Err(StoreError::Locked(db.to_path_buf())),
        Err(TryLockError::Error(e)) => Err(StoreError::Lock(path.to_path_buf(), e)),
    }
}

/// Locks the database file itself (creating it empty when new: SQLite takes an empty file as a new
/// database).
#[cfg(unix)]
fn lock_database(db: &Path) -> Result<Option<File>, StoreError> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(db)
        .map_err(|e| StoreError::Lock(db.to_path_buf(), e))?;
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(TryLockError::WouldBlock) => Err(StoreError::Locked(db.to_path_buf())),
        Err(TryLockError::Error(e)) => Err(StoreError::Lock(db.to_path_buf(), e)),
    }
}

#[cfg(not(unix))]
fn lock_database(db: &Path) -> Result<Option<File>, StoreError> {
    let Ok(resolved) = std::fs::canonicalize(db) else {
        return Ok(None);
    };
    let path = lock_path(&resolved);
    // The same lock file as the one beside the given path (compared resolved: `\\?\C:\…` forms).
    if std::fs::canonicalize(lock_path(db)).is_ok_and(|beside| beside == path) {
        return Ok(None);
    }
    take(&path, db).map(Some)
}

fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    db.with_file_name(name)
}
