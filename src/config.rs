//! The program's own settings file: where the database lives and where backups go.
//!
//! A small JSON file in the user's config folder (`~/.config/roadmap-planner/settings.json` on Linux,
//! `%APPDATA%\roadmap-planner\roadmap-planner\config\settings.json` on Windows). It is read before the window
//! opens (the database must be known then) and by the command line, so it lives apart from eframe's storage.
//! Look-and-feel settings (language, theme, font scale) stay in `app::UiState`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::store::Store;

/// Why the settings file was not written. Worded in `assets/i18n/*.ftl` (keys `settings-error-*`, and the
/// output's own for the file itself).
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// The system names no config folder for the user.
    NoFolder,
    Folder {
        path: PathBuf,
        error: std::io::Error,
    },
    /// The settings could not be put into JSON (a path that is not text); the serializer's text.
    NotWritten(String),
    Write(#[from] crate::output::OutputError),
}

crate::i18n::display_in_russian!(SettingsError);

impl crate::i18n::Localize for SettingsError {
    fn message(&self, i18n: &crate::i18n::I18n) -> String {
        use crate::i18n::Arg;
        match self {
            SettingsError::NoFolder => i18n.tr("settings-error-no-folder"),
            SettingsError::Folder { path, error } => i18n.tr_args(
                "settings-error-folder",
                &[
                    ("path", Arg::Str(&path.display().to_string())),
                    (
                        "reason",
                        Arg::Str(&crate::output::io_reason_in(error, i18n)),
                    ),
                ],
            ),
            SettingsError::NotWritten(detail) => {
                crate::output::with_detail(&i18n.tr("settings-error-not-written"), detail, i18n)
            }
            SettingsError::Write(e) => e.message(i18n),
        }
    }
}

/// The settings kept in `settings.json`. Unknown or missing fields fall back to defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppConfig {
    /// The database file opened when no `--db` is given; `None` means the default in the data folder.
    pub database: Option<PathBuf>,
    /// The folder for backups; `None` means `<folder of the database>/backups`.
    pub backups_dir: Option<PathBuf>,
    /// How many backups to keep (the oldest are removed beyond this).
    pub backups_keep: u32,
}

impl Default for AppConfig {
    fn default() -> Self {
        Self {
            database: None,
            backups_dir: None,
            backups_keep: crate::store::BACKUPS_KEPT as u32,
        }
    }
}

impl AppConfig {
    /// Where the settings file lives, if the system has a config folder.
    pub fn file_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("ru", "roadmap-planner", "roadmap-planner")
            .map(|dirs| dirs.config_dir().join("settings.json"))
    }

    /// Reads the settings; a missing or unreadable file gives the defaults (the program must still start).
    pub fn load() -> Self {
        Self::file_path()
            .map(|path| Self::load_from(&path))
            .unwrap_or_default()
    }

    /// Reads the settings from `path`, falling back to the defaults.
    pub fn load_from(path: &Path) -> Self {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Writes the settings file (creating its folder).
    pub fn save(&self) -> Result<(), SettingsError> {
        let path = Self::file_path().ok_or(SettingsError::NoFolder)?;
        self.save_to(&path)
    }

    /// Writes the settings to `path` (creating its folder).
    pub fn save_to(&self, path: &Path) -> Result<(), SettingsError> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|error| SettingsError::Folder {
                path: parent.to_path_buf(),
                error,
            })?;
        }
        // Whole or not at all: a crash while saving leaves the old settings.
        let text = serde_json::to_string_pretty(self)
            .map_err(|e| SettingsError::NotWritten(e.to_string()))?;
        crate::output::write_bytes(path, &crate::output::Protected::default(), text.as_bytes())?;
        Ok(())
    }

    /// The database to open when none is given on the command line.
    pub fn database_path(&self) -> Option<PathBuf> {
        self.database.clone().or_else(Store::default_path)
    }

    /// The backups folder for the database at `db`.
    pub fn backups_dir_for(&self, db: &Path) -> PathBuf {
        self.backups_dir
            .clone()
            .unwrap_or_else(|| Store::backup_dir_for(db))
    }

    /// Opens the database at `db` with these settings' backup folder and count.
    pub fn open_store(&self, db: &Path) -> Result<Store, crate::store::StoreError> {
        let mut store = Store::open(db)?;
        store.set_backup_policy(self.backups_dir.clone(), self.backups_keep as usize);
        Ok(store)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_under_a_file_are_refused_in_either_language() {
        let (_dir, file) = crate::test_files::temp_file("a-file", b"x");
        let error = AppConfig::default()
            .save_to(&file.join("settings.json"))
            .unwrap_err();
        assert!(matches!(error, SettingsError::Folder { .. }), "{error:?}");
        let shown = file.display();
        crate::i18n::assert_opens_with(
            &error,
            &format!("Не удалось создать папку настроек {shown}: "),
            &format!("Could not create the settings folder {shown}: "),
        );
    }

    #[test]
    fn missing_file_gives_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let config = AppConfig::load_from(&dir.path().join("none.json"));
        assert_eq!(config, AppConfig::default());
        assert_eq!(config.backups_keep, 20);
    }

    #[test]
    fn round_trip_and_backups_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cfg").join("settings.json");
        let config = AppConfig {
            database: Some(dir.path().join("other.sqlite")),
            backups_dir: None,
            backups_keep: 5,
        };
        config.save_to(&path).unwrap();
        let back = AppConfig::load_from(&path);
        assert_eq!(back, config);
        assert_eq!(
            back.backups_dir_for(&dir.path().join("a.sqlite")),
            dir.path().join("backups")
        );
        assert_eq!(back.database_path(), Some(dir.path().join("other.sqlite")));
    }
}
