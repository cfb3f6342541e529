//! Writing an output file (an export, a report, a calendar) for the command line and the window alike:
//! never over the program's own database, its `-wal`/`-shm`/`-journal`/lock files or its backups, and
//! always whole — written beside the target under a temporary name and renamed over it, the temporary
//! file removed if anything fails.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::i18n::{Arg, I18n, Localize};

/// Why an output file was not written. The text is in `assets/i18n/*.ftl` (keys `output-error-*`), given by
/// [`Localize`]; `Display` is the Russian one.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    Protected(PathBuf),
    NotAFileName(PathBuf),
    Write {
        path: PathBuf,
        error: std::io::Error,
    },
}

crate::i18n::display_in_russian!(OutputError);

impl Localize for OutputError {
    fn message(&self, i18n: &I18n) -> String {
        let path = |p: &Path| p.display().to_string();
        match self {
            OutputError::Protected(p) => {
                i18n.tr_args("output-error-protected", &[("path", Arg::Str(&path(p)))])
            }
            OutputError::NotAFileName(p) => i18n.tr_args(
                "output-error-not-a-file-name",
                &[("path", Arg::Str(&path(p)))],
            ),
            OutputError::Write { path: p, error } => i18n.tr_args(
                "output-error-write",
                &[
                    ("path", Arg::Str(&path(p))),
                    ("reason", Arg::Str(&io_reason_in(error, i18n))),
                ],
            ),
        }
    }
}

impl OutputError {
    /// The message for the window in `language`: a failed write as «Не удалось записать файл» and the
    /// reason, said once (the window names the file elsewhere); a refused target as it is.
    pub fn in_window(&self, language: crate::i18n::Language) -> String {
        let i18n = I18n::new(language);
        match self {
            OutputError::Write { error, .. } => format!(
                "{}: {}",
                i18n.tr("error-write-file"),
                io_reason_in(error, &i18n)
            ),
            other => other.message(&i18n),
        }
    }
}

/// The database at `db` and its companion files (SQLite's `-wal`, `-shm`, `-journal`, our `.lock`).
pub fn database_files(db: &Path) -> Vec<PathBuf> {
    ["", "-wal", "-shm", "-journal", ".lock"]
        .iter()
        .map(|suffix| {
            let mut name = db.as_os_str().to_os_string();
            name.push(suffix);
            PathBuf::from(name)
        })
        .collect()
}

/// The files an output must never replace: a database's own files and its backups folder.
#[derive(Debug, Clone, Default)]
pub struct Protected {
    files: Vec<PathBuf>,
    folders: Vec<PathBuf>,
}

impl Protected {
    /// The database at `db` (with its companion files) and its backups folder.
    pub fn database(db: &Path, backups: Option<&Path>) -> Self {
        Self {
            files: database_files(db),
            folders: backups.into_iter().map(Path::to_path_buf).collect(),
        }
    }

    /// The files of an open store (nothing for a database in memory).
    pub fn of_store(store: &crate::store::Store) -> Self {
        match store.path() {
            Some(db) => Self::database(db, store.backup_dir().as_deref()),
            None => Self::default(),
        }
    }

    /// Refuses `target` when it is one of the protected files — by path after resolving links and `..`,
    /// or by file identity (another name, a hard link) — or lies in a protected folder.
    pub fn check(&self, target: &Path) -> Result<(), OutputError> {
        let refuse = || Err(OutputError::Protected(target.to_path_buf()));
        let resolved = resolve(target);
        for file in &self.files {
            if resolve(file) == resolved || same_file(file, target) {
                return refuse();
            }
        }
        for folder in &self.folders {
            if resolved.parent().is_some_and(|p| p == resolve(folder)) {
                return refuse();
            }
        }
        Ok(())
    }
}

/// A path made absolute with its folder's links resolved (the file itself may not exist yet).
fn resolve(path: &Path) -> PathBuf {
    if let Ok(full) = std::fs::canonicalize(path) {
        return full;
    }
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match (std::fs::canonicalize(parent), path.file_name()) {
        (Ok(folder), Some(name)) => folder.join(name),
        _ => path.to_path_buf(),
    }
}

/// Whether two existing paths are the same file (a hard link or another name for it).
pub(crate) fn same_file(a: &Path, b: &Path) -> bool {
    crate::file_identity::same(a, b)
}

/// Writes `target` through `write` (see the module docs), after [`Protected::check`].
pub fn write_atomically(
    target: &Path,
    protected: &Protected,
    write: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
) -> Result<(), OutputError> {
    protected.check(target)?;
    let name = target
        .file_name()
        .ok_or_else(|| OutputError::NotAFileName(target.to_path_buf()))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let tmp = target.with_file_name(tmp_name);
    let written = File::create(&tmp)
        .and_then(|file| {
            let mut out = BufWriter::new(file);
            write(&mut out)?;
            out.into_inner().map_err(|e| e.into_error())?.sync_all()
        })
        .and_then(|()| std::fs::rename(&tmp, target));
    if let Err(e) = written {
        let _ignored = std::fs::remove_file(&tmp);
        return Err(OutputError::Write {
            path: target.to_path_buf(),
            error: e,
        });
    }
    Ok(())
}

/// Writes bytes to `target` (see [`write_atomically`]).
pub fn write_bytes(target: &Path, protected: &Protected, bytes: &[u8]) -> Result<(), OutputError> {
    write_atomically(target, protected, |out| out.write_all(bytes))
}

/// An I/O error in Russian, the system's own text after ours as a detail.
pub fn io_reason(e: &std::io::Error) -> String {
    crate::i18n::in_russian(|i18n| io_reason_in(e, i18n))
}

/// [`io_reason`] in the language of `i18n`.
pub fn io_reason_in(e: &std::io::Error, i18n: &crate::i18n::I18n) -> String {
    use std::io::ErrorKind;
    let key = match e.kind() {
        ErrorKind::NotFound => "io-not-found",
        ErrorKind::PermissionDenied => "io-permission-denied",
        ErrorKind::IsADirectory => "io-is-a-folder",
        ErrorKind::StorageFull => "io-disk-full",
        ErrorKind::ReadOnlyFilesystem => "io-read-only-disk",
        ErrorKind::AlreadyExists => "io-already-exists",
        ErrorKind::FileTooLarge => "io-file-too-large",
        _ => "io-other",
    };
    with_detail(&i18n.tr(key), &e.to_string(), i18n)
}

/// Our reason with a library's own text after it as a detail: "нет прав доступа (подробности: …)".
pub fn with_detail(reason: &str, detail: &str, i18n: &crate::i18n::I18n) -> String {
    use crate::i18n::Arg;
    i18n.tr_args(
        "reason-with-detail",
        &[("reason", Arg::Str(reason)), ("detail", Arg::Str(detail))],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_its_companions_links_and_backups_are_refused() {
        let (dir, db) = crate::test_files::temp_file("db.sqlite", b"database");
        let backups = dir.path().join("backups");
        std::fs::create_dir(&backups).unwrap();
        let protected = Protected::database(&db, Some(&backups));
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let mut targets = vec![
            db.clone(),
            dir.path().join("db.sqlite-wal"),
            dir.path().join("db.sqlite-shm"),
            dir.path().join("db.sqlite.lock"),
            dir.path().join("sub/../db.sqlite"),
            backups.join("roadmap-20250101-000000.sqlite"),
        ];
        // A hard link is told by file identity on Unix (device and inode).
        if cfg!(unix) {
            let link = dir.path().join("link.sqlite");
            std::fs::hard_link(&db, &link).unwrap();
            targets.push(link);
        }
        for target in targets {
            let err = write_bytes(&target, &protected, b"x").unwrap_err();
            assert!(
                matches!(err, OutputError::Protected(_)),
                "{target:?}: {err}"
            );
            assert!(err.to_string().starts_with("Нельзя записать файл"));
        }
        assert_eq!(std::fs::read(&db).unwrap(), b"database");
        let fine = dir.path().join("export.json");
        write_bytes(&fine, &protected, b"{}").unwrap();
        assert_eq!(std::fs::read(&fine).unwrap(), b"{}");
    }

    #[test]
    fn a_failed_write_leaves_no_temporary_file_and_says_why_in_russian() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.csv");
        let err = write_atomically(&target, &Protected::default(), |_| {
            Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "No space left on device",
            ))
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "Не удалось записать файл {}: на диске нет места (подробности: No space left on device)",
                target.display()
            )
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn the_window_says_a_failed_or_refused_write_in_its_language() {
        use crate::i18n::Language;
        let dir = tempfile::tempdir().unwrap();
        let full = write_atomically(&dir.path().join("out.csv"), &Protected::default(), |_| {
            Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "No space left on device",
            ))
        })
        .unwrap_err();
        assert_eq!(
            full.in_window(Language::English),
            "Could not write the file: the disk is full (details: No space left on device)"
        );
        assert_eq!(
            full.in_window(Language::Russian),
            "Не удалось записать файл: на диске нет места (подробности: No space left on device)"
        );
        let db = dir.path().join("db.sqlite");
        let refused = write_bytes(&db, &Protected::database(&db, None), b"x").unwrap_err();
        assert!(
            refused
                .in_window(Language::English)
                .starts_with("Cannot write the file "),
            "{refused:?}"
        );
    }
}
