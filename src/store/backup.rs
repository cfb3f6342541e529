//! Backups taken before every import, with SQLite's online backup API, into `backups/` beside the database
//! (`roadmap-YYYYMMDD-HHMMSS.sqlite`; the newest [`BACKUPS_KEPT`] are kept), and restoring one into the open
//! connection.
//!
//! A backup is written under a temporary name (`….sqlite.part`, never listed) and renamed when complete,
//! so a kill or a full disk never leaves a partial backup that looks whole. It is self-contained: in
//! rollback-journal mode, needing no `-wal` file, so a copy in a read-only place still opens.
//!
//! A restore first proves the file sound (it opens as SQLite, passes `PRAGMA integrity_check`, and holds
//! this program's tables at a schema version this build reads); only then is the live database backed up
//! and replaced. A refused restore changes nothing and adds no backup.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::{Result, Store, StoreError, schema};

/// How many backups are kept; older ones are removed after each new one.
pub const BACKUPS_KEPT: usize = 20;

/// Where backups go and how many are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupPolicy {
    /// `None`: `backups/` beside the database.
    pub dir: Option<PathBuf>,
    pub keep: usize,
}

impl Default for BackupPolicy {
    fn default() -> Self {
        Self {
            dir: None,
            keep: BACKUPS_KEPT,
        }
    }
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    pub path: PathBuf,
    /// The file name: `roadmap-YYYYMMDD-HHMMSS.sqlite` (sorts by time).
    pub name: String,
    pub size: u64,
}

impl Store {
    /// The backups folder of a database file: `backups/` beside it.
    pub fn backup_dir_for(db: &Path) -> PathBuf {
        db.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .join("backups")
    }

    /// This database's backups folder: the one set in the settings, else `backups/` beside the file
    /// (`None` for a database in memory).
    pub fn backup_dir(&self) -> Option<PathBuf> {
        let path = self.path()?;
        Some(
            self.backup_policy
                .dir
                .clone()
                .unwrap_or_else(|| Self::backup_dir_for(path)),
        )
    }

    /// Where backups go and how many are kept (from the settings; defaults: beside the database, 20).
    pub fn set_backup_policy(&mut self, dir: Option<PathBuf>, keep: usize) {
        self.backup_policy = BackupPolicy {
            dir,
            keep: keep.max(1),
        };
    }

    /// Copies the database into a new backup file and removes all but the newest (20 unless the settings say
    /// otherwise).
    /// Returns the new file (`None` for a database in memory, which has nowhere to keep one).
    pub fn backup(&self) -> Result<Option<PathBuf>> {
        let Some(dir) = self.backup_dir() else {
            return Ok(None);
        };
        if self.is_read_only() {
            return Err(StoreError::ReadOnly(
                self.path().unwrap_or(&dir).to_path_buf(),
            ));
        }
        std::fs::create_dir_all(&dir).map_err(|e| StoreError::Folder(dir.clone(), e))?;
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
        let mut path = dir.join(format!("roadmap-{stamp}.sqlite"));
        // Two imports within one second: the second backup gets a suffix that still sorts after the first.
        let mut n = 1;
        while path.exists() {
            path = dir.join(format!("roadmap-{stamp}-{n:02}.sqlite"));
            n += 1;
        }
        let mut part = path.clone().into_os_string();
        part.push(".part");
        let part = PathBuf::from(part);
        let written = self
            .conn
            .backup(rusqlite::MAIN_DB, &part, None)
            .and_then(|()| {
                // Self-contained: the copy's header says WAL like its source; a rollback journal needs no
                // `-wal`/`-shm` beside it.
                let copy = Connection::open(&part)?;
                copy.pragma_update(None, "journal_mode", "DELETE")?;
                copy.close().map_err(|(_, e)| e)
            })
            .map_err(StoreError::from)
            .and_then(|()| {
                std::fs::rename(&part, &path).map_err(|e| StoreError::BackupWrite(path.clone(), e))
            });
        if let Err(e) = written {
            std::fs::remove_file(&part).ok();
            return Err(e);
        }
        remove_stale_parts(&dir);
        for old in list_in(&dir)
            .into_iter()
            .rev()
            .skip(self.backup_policy.keep)
        {
            // A backup that cannot be removed now is removed after a later import.
            std::fs::remove_file(&old.path).ok();
        }
        Ok(Some(path))
    }

    /// This database's backups, oldest first.
    pub fn backups(&self) -> Vec<BackupInfo> {
        self.backup_dir().map(|d| list_in(&d)).unwrap_or_default()
    }

    /// Replaces the whole database with a backup (any sound database file of this program, see the
    /// module docs), in the open connection, after backing the live database up; then upgrades its schema
    /// if it is older. Returns the backup of the state before (`None` for a database in memory). Refuses a
    /// file that is not our sound database, or one of a newer schema, changing nothing and adding no backup.
    pub fn restore_from(&mut self, src: &Path) -> Result<Option<PathBuf>> {
        let source = open_backup(src)?;
        let before = self.backup()?;
        {
            let backup = rusqlite::backup::Backup::new(&source, &mut self.conn)?;
            backup.run_to_completion(1024, std::time::Duration::ZERO, None)?;
        }
        schema::migrate(&mut self.conn)?;
        self.data_version += 1;
        Ok(before)
    }
}

/// Opens a database file for reading only, as `immutable`: no lock and no `-shm` to create, so a file on
/// a read-only medium or in a read-only folder opens too.
pub(crate) fn open_read_only(path: &Path) -> Result<Connection> {
    let text = path.to_string_lossy();
    let uri = format!(
        "file:{}?immutable=1",
        text.replace('%', "%25")
            .replace('?', "%3F")
            .replace('#', "%23")
    );
    let conn = Connection::open_with_flags(
        &uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
    )?;
    Ok(conn)
}

/// The tables every version of the schema has.
const CORE_TABLES: [&str; 5] = ["plans", "sections", "measures", "schools", "progress"];

/// Opens a backup read-only (also in a read-only place) after proving it a sound database of this
/// program at a schema version this build reads.
pub(crate) fn open_backup(src: &Path) -> Result<Connection> {
    let not_ours = || StoreError::NotADatabase(src.to_path_buf());
    if !src.is_file() {
        return Err(not_ours());
    }
    let conn = open_read_only(src).map_err(|_| not_ours())?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|_| not_ours())?;
    if version > schema::SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found: version,
            supported: schema::SCHEMA_VERSION,
        });
    }
    let integrity: String = conn
        .query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))
        .map_err(|_| StoreError::Damaged(src.to_path_buf()))?;
    if integrity != "ok" {
        return Err(StoreError::Damaged(src.to_path_buf()));
    }
    let tables: i64 = conn
        .query_row(
            &format!(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ({})",
                CORE_TABLES.map(|t| format!("'{t}'")).join(", ")
            ),
            [],
            |r| r.get(0),
        )
        .map_err(|_| not_ours())?;
    if version < 1 || tables != CORE_TABLES.len() as i64 {
        return Err(not_ours());
    }
    Ok(conn)
}

/// Removes partial backups (`….sqlite.part`) left by a kill or a full disk more than an hour ago (a newer
/// one may be another program's backup being written into a shared folder).
fn remove_stale_parts(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for entry in entries.filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t < hour_ago);
        if name.starts_with("roadmap-") && name.ends_with(".sqlite.part") && stale {
            std::fs::remove_file(entry.path()).ok();
        }
    }
}

/// The backup files in a folder, oldest first (complete ones only: a backup being written ends in `.part`).
pub fn list_in(dir: &Path) -> Vec<BackupInfo> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<BackupInfo> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name.starts_with("roadmap-") && name.ends_with(".sqlite")).then(|| BackupInfo {
                size: e.metadata().map(|m| m.len()).unwrap_or(0),
                path: e.path(),
                name,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        a.name
            .trim_end_matches(".sqlite")
            .cmp(b.name.trim_end_matches(".sqlite"))
    });
    out
}
