//! The window: the layer above `app` and `ui`. It holds the `eframe::App`, hands the app's state to the views
//! each frame, turns the window's keys and dropped files into commands, and runs them after the views.

mod keys;

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::app::{Command, OpenWindows, RoadmapApp, SchoolTab, Screen, ThemeChoice, UiState};
use crate::store::Store;
use crate::ui::{ViewCtx, Views};

/// The main window: the app and the views that draw it.
pub struct Window {
    pub app: RoadmapApp,
    views: Views,
}

impl Window {
    pub fn new(app: RoadmapApp) -> Self {
        Self {
            app,
            views: Views::default(),
        }
    }

    /// Builds the window for eframe: restores UI settings from eframe's storage, then applies `launch`.
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
        if let Some(tab) = launch.school_tab {
            ui_state.schools.tab = tab;
        }
        if launch.heat_map {
            ui_state.schools.heat_map = true;
        }
        crate::ui::style::apply(&cc.egui_ctx);
        let today = launch
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        crate::startup::trace("window and renderer ready");
        let mut app = RoadmapApp::new(store, today, ui_state);
        crate::startup::trace("app built");
        if launch.select_first {
            select_first(&mut app);
        }
        app.jobs.set_background(true);
        if let Some(path) = launch.preview_import {
            app.push(Command::ImportFile(path));
        }
        Self::new(app)
    }

    /// A file dropped onto the window is imported (exchange file, Word or Excel road map).
    fn take_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        for file in dropped {
            let path = file.path();
            if !path.as_os_str().is_empty() {
                self.app.push(Command::ImportFile(path.to_path_buf()));
            }
        }
    }
}

impl eframe::App for Window {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let dt = ui.ctx().input(|i| i.stable_dt).min(0.5);
        keys::read(ui.ctx(), &mut self.app);
        self.app.begin_frame(ui.ctx(), dt);
        self.take_dropped_files(ui.ctx());
        let mut commands = self.app.take_commands();
        let today = self.app.today();
        let parts = self.app.view_parts();
        let mut ctx = ViewCtx {
            i18n: parts.i18n,
            data: parts.data,
            ui_state: parts.ui_state,
            today,
            store_path: parts.store_path,
            commands: &mut commands,
        };
        let dismissed = self.views.ui(ui, &mut ctx, parts.toasts);
        let app = &mut self.app;
        if let Some(i) = dismissed {
            app.toasts.dismiss(i);
        }
        if app.restore_commands(commands) {
            // The next frame shows what the commands changed.
            ui.ctx().request_repaint();
        }
        app.run_commands();
        app.end_frame();
        if !app.toasts.items().is_empty() {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(250));
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.app.ui_state);
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
    /// The Школы screen's tab instead of the remembered one — for screenshots.
    pub school_tab: Option<SchoolTab>,
    /// The district overview as the heat map — for screenshots.
    pub heat_map: bool,
    /// Select the plan's first measure and the first school — for screenshots.
    pub select_first: bool,
    /// The window's size in points instead of the default — for screenshots.
    pub size: Option<[u16; 2]>,
}

/// Selects the current plan's first measure and, if none is chosen, the first school.
fn select_first(app: &mut RoadmapApp) {
    app.data.selected = app
        .data
        .plan
        .as_ref()
        .and_then(|plan| plan.measures().next())
        .map(|m| m.id);
    if app.ui_state.schools.selected.is_none() {
        app.ui_state.schools.selected = app.data.schools.first().map(|s| s.id);
    }
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
    let mut viewport = egui::ViewportBuilder::default();
    if launch.size.is_some() {
        viewport = viewport.with_position([0.0, 0.0]);
    }
    let options = eframe::NativeOptions {
        viewport: viewport
            .with_title("Дорожные карты — Roadmap Planner")
            .with_inner_size(
                launch
                    .size
                    .map_or([1280.0, 800.0], |[w, h]| [f32::from(w), f32::from(h)]),
            )
            .with_min_inner_size([800.0, 500.0])
            .with_icon(window_icon()),
        ..Default::default()
    };
    let result = match opened {
        Ok(store) => eframe::run_native(
            "roadmap-planner",
            options,
            Box::new(move |cc| Ok(Box::new(Window::from_creation_context(cc, store, launch)))),
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
