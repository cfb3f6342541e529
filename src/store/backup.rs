//! Backups taken before every import, with SQLite's online backup API, into `backups/` beside the database
//! (`roadmap-YYYYMMDD-HHMMSS.sqlite`; the newest [`BACKUPS_KEPT`] are kept), and restoring one into the open
//! connection.

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
        std::fs::create_dir_all(&dir).map_err(|e| StoreError::Folder(dir.clone(), e))?;
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
        let mut path = dir.join(format!("roadmap-{stamp}.sqlite"));
        // Two imports within one second: the second backup gets a suffix that still sorts after the first.
        let mut n = 1;
        while path.exists() {
            path = dir.join(format!("roadmap-{stamp}-{n:02}.sqlite"));
            n += 1;
        }
        self.conn.backup(rusqlite::MAIN_DB, &path, None)?;
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

    /// Replaces the whole database with a backup (any database file of this program), in the open
    /// connection; then upgrades its schema if it is older. Refuses a file that is not our database, or
    /// one of a newer schema, leaving the database as it was.
    pub fn restore_from(&mut self, src: &Path) -> Result<()> {
        let version = Connection::open_with_flags(src, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .and_then(|c| c.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)))
            .map_err(|_| StoreError::NotADatabase(src.to_path_buf()))?;
        if version > schema::SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                found: version,
                supported: schema::SCHEMA_VERSION,
            });
        }
        let has_plans: bool = Connection::open_with_flags(src, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .and_then(|c| {
                c.query_row(
                    "SELECT COUNT(*) FROM sqlite_master WHERE name = 'plans'",
                    [],
                    |r| r.get::<_, i64>(0),
                )
            })
            .map(|n| n > 0)
            .map_err(|_| StoreError::NotADatabase(src.to_path_buf()))?;
        if !has_plans && version > 0 {
            return Err(StoreError::NotADatabase(src.to_path_buf()));
        }
        self.conn.restore(
            rusqlite::MAIN_DB,
            src,
            None::<fn(rusqlite::backup::Progress)>,
        )?;
        schema::migrate(&mut self.conn)?;
        self.data_version += 1;
        Ok(())
    }
}

/// The backup files in a folder, oldest first.
fn list_in(dir: &Path) -> Vec<BackupInfo> {
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
