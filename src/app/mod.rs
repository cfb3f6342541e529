//! The eframe application: state, the command runner, undo/redo, toasts.
//!
//! Views draw from `AppData` and push `Command`s; after the frame `run_commands` carries them out, writing
//! through the store in one transaction each and recording undo (DESIGN §2).

pub mod chooser;
mod command;
mod dates;
mod exchange_command;
pub mod exchange_state;
pub mod filter;
pub mod jobs;
mod run_evidence;
mod run_exchange;
mod run_grid;
mod run_paste;
mod run_reports;
mod run_schools;
mod runner;
mod school_command;
mod school_loader;
mod schools_state;
pub mod sort;
mod state;
mod toasts;
mod undo;

use std::path::PathBuf;

use chrono::NaiveDate;

pub use crate::stats::school_plan;
pub use command::{Command, MeasureField, SectionField};
pub use exchange_command::ExchangeCommand;
pub use exchange_state::{
    ExchangeData, PendingImport, PendingMapping, PendingPaste, PendingReports, PreviewLine,
};
pub use filter::{Matcher, MeasureFilter};
pub use school_command::SchoolCommand;
pub use schools_state::{OverviewSort, SchoolData, SchoolTab, SchoolsUi};
pub use sort::MeasureSort;
pub use state::{AppData, OpenWindows, Screen, ThemeChoice, UiState};
pub use toasts::{Toast, ToastKind, Toasts};

use crate::i18n::{I18n, Language};
use crate::store::Store;
use crate::ui::Views;
use undo::UndoStack;

/// The window's application.
pub struct RoadmapApp {
    store: Store,
    pub data: AppData,
    pub ui_state: UiState,
    pub i18n: I18n,
    pub toasts: Toasts,
    undo: UndoStack,
    views: Views,
    commands: Vec<Command>,
    today: NaiveDate,
    /// The file chooser service (which chooser, and the answers of system dialogs).
    pub chooser: chooser::Chooser,
    /// Long work (reading an import, writing an export) on a worker thread.
    pub jobs: jobs::Jobs,
    /// The window's context, for waking it when a dialog on another thread answers.
    egui_ctx: Option<egui::Context>,
    first_frame_drawn: bool,
}

impl RoadmapApp {
    /// An app over `store`, with "today" fixed (tests freeze it; the window passes the real date).
    pub fn new(store: Store, today: NaiveDate, ui_state: UiState) -> Self {
        let mut app = Self {
            store,
            data: AppData::default(),
            i18n: I18n::new(ui_state.language),
            ui_state,
            toasts: Toasts::default(),
            undo: UndoStack::default(),
            views: Views::default(),
            commands: Vec::new(),
            today,
            chooser: chooser::Chooser::default(),
            jobs: jobs::Jobs::new(false),
            egui_ctx: None,
            first_frame_drawn: false,
        };
        app.data.read_only = app.store.is_read_only();
        app.reload_all();
        app
    }

    /// Builds the app for eframe: restores UI settings from eframe's storage, then applies `launch`.
    pub fn from_creation_context(
        cc: &eframe::CreationContext<'_>,
        store: Store,
        launch: Launch,
    ) -> Self {
        let mut ui_state: UiState = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        if let Some(screen) = launch.screen {
            ui_state.screen = screen;
        }
        ui_state.windows = launch.windows;
        if let Some(scale) = launch.scale {
            ui_state.font_scale = scale;
        }
        if launch.dark {
            ui_state.theme = ThemeChoice::Dark;
        }
        crate::ui::style::apply(&cc.egui_ctx);
        let today = launch
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        crate::startup::trace("window and renderer ready");
        let mut app = Self::new(store, today, ui_state);
        crate::startup::trace("app built");
        app.jobs.set_background(true);
        if let Some(path) = launch.preview_import {
            app.push(Command::ImportFile(path));
        }
        app
    }

    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// Queues a command as a view would (tests drive the app this way too).
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// A file dropped onto the window is imported (exchange file, Word or Excel road map).
    fn take_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        for file in dropped {
            let path = file.path();
            if !path.as_os_str().is_empty() {
                self.commands.push(Command::ImportFile(path.to_path_buf()));
            }
        }
    }

    fn set_language(&mut self, language: Language) {
        self.ui_state.language = language;
        self.i18n = I18n::new(language);
    }
}

impl eframe::App for RoadmapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let dt = ui.ctx().input(|i| i.stable_dt).min(0.5);
        self.toasts.tick(dt);
        self.handle_shortcuts(ui.ctx());
        if self.egui_ctx.is_none() {
            self.egui_ctx = Some(ui.ctx().clone());
            crate::startup::trace("first frame started");
        }
        self.take_chooser_replies();
        self.jobs.set_repaint(ui.ctx());
        if let Some(result) = self.jobs.finished() {
            self.commands.push(jobs::command(result));
        }
        self.data.job = self.jobs.status();
        if self.data.job.is_some() {
            // The counts move while the worker works.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
        self.take_dropped_files(ui.ctx());
        if self.ensure_school_data() {
            // The snapshot is being read on a worker thread: look again shortly.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(30));
        }
        let mut commands = std::mem::take(&mut self.commands);
        let mut ctx = crate::ui::ViewCtx {
            i18n: &self.i18n,
            data: &self.data,
            ui_state: &mut self.ui_state,
            today: self.today,
            store_path: self.store.path(),
            commands: &mut commands,
        };
        let dismissed = self.views.ui(ui, &mut ctx, self.toasts.items());
        if let Some(i) = dismissed {
            self.toasts.dismiss(i);
        }
        self.commands = commands;
        if !self.commands.is_empty() {
            // The next frame shows what the commands changed.
            ui.ctx().request_repaint();
        }
        self.run_commands();
        if !self.first_frame_drawn {
            self.first_frame_drawn = true;
            crate::startup::trace("first frame laid out");
        }
        if !self.toasts.items().is_empty() {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(250));
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.ui_state);
    }
}

impl RoadmapApp {
    /// Ctrl+Z undoes; Ctrl+Shift+Z and Ctrl+Y redo; Ctrl+V pastes rows — unless a text field is being edited
    /// (it has its own).
    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        let redo_shift = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        let redo_y = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
        let undo = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
        // Ctrl+V outside text fields pastes rows into the grid (egui turns it into a Paste event).
        let paste_rows = self.data.plan.is_some() && self.ui_state.screen == Screen::Measures;
        ctx.input_mut(|i| {
            // The longer shortcut first: Ctrl+Shift+Z also matches a plain Ctrl+Z test otherwise.
            if i.consume_shortcut(&redo_shift) || i.consume_shortcut(&redo_y) {
                self.commands.push(Command::Redo);
            } else if i.consume_shortcut(&undo) {
                self.commands.push(Command::Undo);
            }
            if paste_rows {
                i.events.retain(|event| match event {
                    egui::Event::Paste(text) => {
                        self.commands
                            .push(Command::PasteRows { text: text.clone() });
                        false
                    }
                    _ => true,
                });
            }
        });
    }
}

/// How the window starts, beyond the database: overrides for demos, screenshots and tests.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Launch {
    /// The date taken as "today" instead of the system's.
    pub today: Option<NaiveDate>,
    /// The screen shown first instead of the one remembered.
    pub screen: Option<Screen>,
    /// Windows (help, settings, about) open from the start — for screenshots.
    pub windows: OpenWindows,
    /// A file whose import preview is shown from the start (nothing is written unless applied).
    pub preview_import: Option<PathBuf>,
    /// The scale in percent and the dark theme instead of the remembered ones — for screenshots.
    pub scale: Option<u16>,
    pub dark: bool,
}

/// Opens the main window on the database at `db` (the default one when `None`).
pub fn run(db: Option<PathBuf>, launch: Launch) -> anyhow::Result<()> {
    let config = crate::config::AppConfig::load();
    let path = match db {
        Some(path) => path,
        // The settings may name another database (chosen in the settings window, applied on next start).
        None => config.database_path().ok_or_else(|| {
            anyhow::anyhow!("Не удалось определить папку для данных пользователя")
        })?,
    };
    let opened = config.open_store(&path);
    crate::startup::trace("database opened");
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Дорожные карты — Roadmap Planner")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0])
            .with_icon(window_icon()),
        ..Default::default()
    };
    let result = match opened {
        Ok(store) => eframe::run_native(
            "roadmap-planner",
            options,
            Box::new(move |cc| {
                Ok(Box::new(RoadmapApp::from_creation_context(
                    cc, store, launch,
                )))
            }),
        ),
        // The window still opens, to say clearly why it cannot work (e.g. another window holds the database).
        Err(err) => {
            let message = err.to_string();
            eframe::run_native(
                "roadmap-planner-error",
                options,
                Box::new(move |cc| {
                    crate::ui::style::apply(&cc.egui_ctx);
                    Ok(Box::new(crate::ui::ErrorApp::new(message)))
                }),
            )
        }
    };
    result.map_err(|e| anyhow::anyhow!("Не удалось открыть окно: {e}"))
}

/// The window icon: the 256-pixel app icon rendered from `assets/icons/roadmap-planner.svg`.
fn window_icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icons/roadmap-planner-256.png"))
        .unwrap_or_default()
}
