//! One window or command per database file: a lock file beside it, held while the store is open.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use super::StoreError;

pub(crate) struct DbLock {
    _file: File,
}

impl DbLock {
    /// Takes the lock of `db`, or says who holds it. The OS frees it when the process ends, even on a crash.
    pub(crate) fn acquire(db: &Path) -> Result<Self, StoreError> {
        let path = lock_path(db);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| StoreError::Folder(path.clone(), e))?;
        match file.try_lock() {
            Ok(()) => Ok(Self { _file: file }),
            Err(TryLockError::WouldBlock) => Err(StoreError::Locked(db.to_path_buf())),
            Err(TryLockError::Error(e)) => Err(StoreError::Folder(path, e)),
        }
    }
}

fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    db.with_file_name(name)
}
