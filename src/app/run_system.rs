//! Carries out `SystemCommand`s: navigation, the language, file choosers, background jobs, the settings
//! file and folders shown in the file manager. Nothing here touches the database.

use std::path::Path;

use super::{AppError, RoadmapApp, SystemCommand};

impl RoadmapApp {
    pub(super) fn run_system(&mut self, command: SystemCommand) -> Result<(), AppError> {
        match command {
            SystemCommand::Select(id) => self.data.selected = id,
            SystemCommand::ShowScreen(screen) => self.ui_state.screen = screen,
            SystemCommand::SetLanguage(language) => self.set_language(language),
            SystemCommand::Choose(request) => return self.choose(*request),
            SystemCommand::Chosen { purpose, path } => return self.chosen(purpose, path),
            SystemCommand::JobDone(result) => return self.job_done(*result),
            SystemCommand::CancelJob => self.jobs.cancel(),
            SystemCommand::CancelOpenFile => self.data.confirm_open = None,
            SystemCommand::SaveSettings(config) => {
                config.save().map_err(AppError::SettingsNotSaved)?;
            }
            SystemCommand::OpenFolder { path, create } => return self.open_folder(&path, create),
        }
        Ok(())
    }

    /// Shows `path` in the system's file manager (creating it first when asked).
    fn open_folder(&mut self, path: &Path, create: bool) -> Result<(), AppError> {
        let path = path.to_path_buf();
        if create && std::fs::create_dir_all(&path).is_err() {
            return Err(AppError::FolderNotCreated { path });
        }
        open::that_detached(&path).map_err(|_| AppError::FolderNotOpened { path })
    }
}
