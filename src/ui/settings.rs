//! Настройки (Ctrl+,): language, theme, font scale, who marks progress, the database file and backups.
//!
//! Language, theme, font scale and the name live in `UiState` (kept by eframe); the database file and the
//! backups folder and count live in the settings file (`config::AppConfig`), read before the window opens.

use crate::app::SystemCommand;
use std::path::Path;

use egui::RichText;

use super::choices::choice_buttons;
use super::labelled::labelled;
use super::{ViewCtx, windows};
use crate::app::chooser::{Mode, Purpose, Request};
use crate::app::{Command, ThemeChoice};
use crate::config::AppConfig;
use crate::i18n::{Arg, Language};

/// The font scales offered, in percent.
pub const FONT_SCALES: [u16; 3] = [100, 125, 150];

/// The settings window's state: the settings being edited, and the settings file as last read or saved.
#[derive(Default)]
pub struct SettingsWindow {
    config: Option<AppConfig>,
    saved: Option<AppConfig>,
}

impl SettingsWindow {
    /// Drops the cached settings file, so it is read again when the window next opens.
    pub fn forget(&mut self) {
        self.config = None;
        self.saved = None;
    }

    /// Draws the settings window; clears `open` when the user closes it.
    pub fn ui(&mut self, egui_ctx: &egui::Context, ctx: &mut ViewCtx<'_>, open: &mut bool) {
        let mut config = self.config.take().unwrap_or_else(AppConfig::load);
        let saved = self.saved.take().unwrap_or_else(|| config.clone());
        let mut close = false;
        let mut editing = false;
        windows::window(ctx.tr("settings-title"), "settings_window", open)
            .default_width(620.0)
            .max_height(egui_ctx.content_rect().height() - 120.0)
            .show(egui_ctx, |ui| {
                egui::Grid::new("settings_grid")
                    .num_columns(2)
                    .spacing([16.0, 10.0])
                    .show(ui, |ui| {
                        look(ui, ctx);
                        editing = data(ui, ctx, &mut config);
                    });
                if let Some(path) = AppConfig::file_path() {
                    let text = ctx.i18n.tr_args(
                        "settings-config-file",
                        &[("path", Arg::Str(&path.display().to_string()))],
                    );
                    ui.label(RichText::new(text).small().weak());
                }
                ui.separator();
                if ui.button(ctx.tr("window-close")).clicked() {
                    close = true;
                }
            });
        // Written once an edit is complete: not on every step of a drag.
        if config != saved && !editing {
            ctx.push(Command::System(SystemCommand::SaveSettings(Box::new(
                config.clone(),
            ))));
            self.saved = Some(config.clone());
        } else {
            self.saved = Some(saved);
        }
        self.config = Some(config);
        if close {
            *open = false;
        }
    }
}

/// Rows for the language, theme, font scale and the name stamped on progress marks.
fn look(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    ui.label(ctx.tr("settings-language"));
    let choices = Language::ALL.map(|l| (l, l.native_name()));
    let chosen = ui.horizontal(|ui| choice_buttons(ui, ctx.i18n.language(), choices, false));
    if let Some(language) = chosen.inner {
        ctx.push(Command::System(SystemCommand::SetLanguage(language)));
    }
    ui.end_row();

    ui.label(ctx.tr("settings-theme"));
    let choices = [
        (ThemeChoice::Light, ctx.tr("settings-theme-light")),
        (ThemeChoice::Dark, ctx.tr("settings-theme-dark")),
    ];
    let chosen = ui.horizontal(|ui| choice_buttons(ui, ctx.ui_state.theme, choices, false));
    if let Some(theme) = chosen.inner {
        ctx.ui_state.theme = theme;
    }
    ui.end_row();

    ui.label(ctx.tr("settings-font-scale"));
    let choices = FONT_SCALES.map(|scale| (scale, format!("{scale} %")));
    let chosen = ui.horizontal(|ui| choice_buttons(ui, ctx.ui_state.font_scale, choices, false));
    if let Some(scale) = chosen.inner {
        ctx.ui_state.font_scale = scale;
    }
    ui.end_row();

    labelled(
        ui,
        ctx.tr("settings-user-name"),
        egui::TextEdit::singleline(&mut ctx.ui_state.user_name).desired_width(280.0),
    );
    ui.end_row();
}

/// Rows for the database file (applied on the next start) and the backups folder and count. Returns
/// whether an edit is still going on (the count being dragged or typed).
fn data(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, config: &mut AppConfig) -> bool {
    // A path the chooser brought back for this window.
    match ctx.ui_state.picked.take() {
        Some((Purpose::Database, path)) => config.database = Some(path),
        Some((Purpose::BackupsFolder, path)) => config.backups_dir = Some(path),
        other => ctx.ui_state.picked = other,
    }
    database_rows(ui, ctx, config);
    backups_rows(ui, ctx, config)
}

/// A heading over the next rows of the grid.
fn heading_row(ui: &mut egui::Ui, text: String) {
    ui.label(RichText::new(text).strong());
    ui.end_row();
}

/// The database file in use, and the one chosen for the next start.
fn database_rows(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, config: &mut AppConfig) {
    heading_row(ui, ctx.tr("settings-data-heading"));
    ui.label(ctx.tr("settings-database"));
    ui.vertical(|ui| {
        let current = ctx
            .store_path
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| ctx.tr("status-in-memory"));
        ui.add(egui::Label::new(current).wrap());
        ui.horizontal_wrapped(|ui| {
            let folder = ctx.store_path.and_then(Path::parent);
            if let Some(folder) = folder
                && ui.button(ctx.tr("settings-open-folder")).clicked()
            {
                ctx.push(open_folder(folder, false));
            }
            if ui.button(ctx.tr("settings-choose-database")).clicked() {
                ctx.push(Command::System(SystemCommand::Choose(Box::new(
                    database_request(ctx),
                ))));
            }
        });
        let next = config.database.clone();
        if let Some(next) = next.filter(|n| Some(n.as_path()) != ctx.store_path) {
            let text = ctx.i18n.tr_args(
                "settings-database-next",
                &[("path", Arg::Str(&next.display().to_string()))],
            );
            ui.add(egui::Label::new(RichText::new(text).color(super::style::ACCENT)).wrap());
        }
        if config.database.is_some() && ui.button(ctx.tr("settings-database-default")).clicked() {
            config.database = None;
        }
    });
    ui.end_row();
}

/// The backups folder and how many backups are kept. Returns whether the count is still being edited
/// (dragged or typed).
fn backups_rows(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, config: &mut AppConfig) -> bool {
    heading_row(ui, ctx.tr("settings-backups-heading"));
    ui.label(ctx.tr("settings-backups-dir"));
    ui.vertical(|ui| {
        let db = ctx
            .store_path
            .map(Path::to_path_buf)
            .or_else(|| config.database_path())
            .unwrap_or_default();
        let folder = config.backups_dir_for(&db);
        ui.add(egui::Label::new(folder.display().to_string()).wrap());
        ui.horizontal_wrapped(|ui| {
            if ui.button(ctx.tr("settings-open-folder")).clicked() {
                // The folder may not exist before the first backup.
                ctx.push(open_folder(&folder, true));
            }
            if ui.button(ctx.tr("settings-backups-choose")).clicked() {
                let request = Request::new(
                    Purpose::BackupsFolder,
                    Mode::Folder,
                    ctx.tr("settings-backups-dir"),
                );
                ctx.push(Command::System(SystemCommand::Choose(Box::new(request))));
            }
            if config.backups_dir.is_some()
                && ui.button(ctx.tr("settings-backups-default")).clicked()
            {
                config.backups_dir = None;
            }
        });
    });
    ui.end_row();

    let label = ui.label(ctx.tr("settings-backups-keep"));
    let keep = ui
        .add(egui::DragValue::new(&mut config.backups_keep).range(1..=200))
        .labelled_by(label.id);
    ui.end_row();
    keep.dragged() || keep.has_focus()
}

/// Asks for a database file (an existing one or a new name); it opens from the next start.
fn database_request(ctx: &ViewCtx<'_>) -> Request {
    let mut request = Request::new(
        Purpose::Database,
        Mode::Save,
        ctx.tr("settings-choose-database"),
    )
    .filter("SQLite", &["sqlite", "db"])
    .file_name("roadmap.sqlite");
    request.folder = ctx.store_path.and_then(Path::parent).map(Path::to_path_buf);
    request
}

/// Shows `folder` in the system's file manager (a failure becomes a toast: the path is on screen).
pub fn open_folder(folder: &Path, create: bool) -> Command {
    Command::System(SystemCommand::OpenFolder {
        path: folder.to_path_buf(),
        create,
    })
}
