//! A second, read-only connection to the same database file, for reading a large snapshot off the UI
//! thread: in WAL mode it reads a consistent state while the window's connection writes.

use rusqlite::{Connection, OpenFlags};

use super::{BackupPolicy, Result, Store};

impl Store {
    /// A read-only store on the same file, to move to another thread (`None` for an in-memory store). It
    /// holds no lock and runs no migration: the file is this one's, already open and up to date.
    pub fn reader(&self) -> Result<Option<Store>> {
        let Some(path) = &self.path else {
            return Ok(None);
        };
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Ok(Some(Store {
            conn,
            path: Some(path.clone()),
            data_version: self.data_version,
            read_steps: std::cell::Cell::new(0),
            backup_policy: BackupPolicy::default(),
            read_only: true,
            _lock: None,
        }))
    }
}
