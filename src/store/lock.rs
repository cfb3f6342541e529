//! One window or command per database file: a lock file beside it, held while the store is open, and —
//! so that another path to the same file (a hard link, a symbolic link, `dir/../db.sqlite`) is refused
//! like a second instance — a lock on the database file itself, which follows the file, not its name.
//!
//! On Unix the database file is locked with `flock`, which SQLite's own (`fcntl`) locks do not meet. On
//! Windows a whole-file lock would block SQLite's byte-range locks, so there a second lock file, in the
//! temporary folder, is named after the database file's identity (volume serial number and file index,
//! `crate::file_identity`), the same through every path to the file, hard links included.

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
    lock(file, path, db)
}

/// Takes the lock of `file` (opened at `path`); another holder means the database `db` is in use.
fn lock(file: File, path: &Path, db: &Path) -> Result<File, StoreError> {
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(TryLockError::WouldBlock) => Err(StoreError::Locked(db.to_path_buf())),
        Err(TryLockError::Error(e)) => Err(StoreError::Lock(path.to_path_buf(), e)),
    }
}

/// Opens the database file for reading and writing, creating it empty when new (SQLite takes an empty file as a
/// new database), without cutting what it holds.
#[cfg(any(unix, windows))]
fn open_or_create(db: &Path) -> Result<File, StoreError> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(db)
        .map_err(|e| StoreError::Lock(db.to_path_buf(), e))
}

/// Locks the database file itself (creating it empty when new: SQLite takes an empty file as a new
/// database).
#[cfg(unix)]
fn lock_database(db: &Path) -> Result<Option<File>, StoreError> {
    lock(open_or_create(db)?, db, db).map(Some)
}

/// Locks a lock file named after the database file's identity (volume serial number and file index) in
/// the temporary folder: a whole-file lock on the database would block SQLite's byte-range locks, and the
/// identity is the same through any path — a hard link too.
#[cfg(windows)]
fn lock_database(db: &Path) -> Result<Option<File>, StoreError> {
    // SQLite takes an empty file as a new database: create it so that it has an identity.
    open_or_create(db)?;
    let Some((volume, index)) = crate::file_identity::of(db) else {
        return Ok(None);
    };
    let path = std::env::temp_dir().join(format!("roadmap-planner-{volume:08x}-{index:016x}.lock"));
    take(&path, db).map(Some)
}

#[cfg(not(any(unix, windows)))]
fn lock_database(_db: &Path) -> Result<Option<File>, StoreError> {
    Ok(None)
}

fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    db.with_file_name(name)
}
