//! Helpers shared by the window tests: a home of their own, and the window harness — the whole window
//! (`Window` over a `RoadmapApp`) in egui_kittest, over a database (in memory unless given), on a fixed
//! "today" (15.10.2021 unless given), at a desktop size (1400 × 900 unless given). A test file builds its
//! windows with `common::window()` and the options it needs, e.g.
//! `common::window().store(store).ui_state(state).max_steps(16).build()`; not every file uses every option.
#![allow(dead_code)]

use chrono::NaiveDate;
use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, HarnessBuilder};
use roadmap_planner::app::{Command, RoadmapApp, UiState};
use roadmap_planner::i18n::Language;
use roadmap_planner::store::Store;
use roadmap_planner::window::Window;

/// Points the user folders at one temp dir so nothing touches the home folder.
///
/// Every test of a file calls this first; the variables are written once, inside the `OnceLock`'s
/// initialiser, and every other caller waits for that to finish before it goes on.
pub fn isolate_home() {
    static HOME: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    HOME.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        for var in [
            "XDG_DATA_HOME",
            "XDG_CACHE_HOME",
            "XDG_RUNTIME_DIR",
            "XDG_CONFIG_HOME",
        ] {
            // SAFETY: `set_var` is unsound while another thread reads the environment. This runs once per
            // test process, in the first test to get here; every test calls `isolate_home` before it starts
            // a window or a thread, and blocks on the `OnceLock` until this initialiser has returned, so no
            // thread of ours reads the environment meanwhile. (The test runner's own threads do not read
            // it after start-up.)
            unsafe { std::env::set_var(var, dir.path()) };
        }
        dir
    });
}

/// The day the window tests take as today unless they say otherwise: 15 October 2021, in the example's
/// school year.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 10, 15).unwrap()
}

/// What a test changes in the app before the first frame.
type AppSetup = Box<dyn FnOnce(&mut RoadmapApp)>;

/// A window to build for a test: see the module's doc.
pub struct WindowTest {
    store: Option<Store>,
    today: NaiveDate,
    ui_state: UiState,
    kittest: HarnessBuilder<Window>,
    setup: Option<AppSetup>,
}

/// A window over an empty in-memory database, on `today()`, at 1400 × 900, with the default settings.
pub fn window() -> WindowTest {
    WindowTest {
        store: None,
        today: today(),
        ui_state: UiState::default(),
        kittest: Harness::builder().with_size(egui::vec2(1400.0, 900.0)),
        setup: None,
    }
}

impl WindowTest {
    /// Over this database.
    pub fn store(mut self, store: Store) -> Self {
        self.store = Some(store);
        self
    }

    /// With this day as today.
    pub fn today(mut self, today: NaiveDate) -> Self {
        self.today = today;
        self
    }

    /// With these settings and this screen.
    pub fn ui_state(mut self, ui_state: UiState) -> Self {
        self.ui_state = ui_state;
        self
    }

    /// In this language.
    pub fn language(mut self, language: Language) -> Self {
        self.ui_state.language = language;
        self
    }

    /// At this size in points.
    pub fn size(mut self, width: f32, height: f32) -> Self {
        self.kittest = self.kittest.with_size(egui::vec2(width, height));
        self
    }

    /// At this scale (1.5: a screen at 150 %).
    pub fn pixels_per_point(mut self, pixels_per_point: f32) -> Self {
        self.kittest = self.kittest.with_pixels_per_point(pixels_per_point);
        self
    }

    /// With frames this far apart (1/60 s: as a window has them, so a double click's two clicks fall within
    /// egui's 0.3 s).
    pub fn step_dt(mut self, seconds: f32) -> Self {
        self.kittest = self.kittest.with_step_dt(seconds);
        self
    }

    /// Letting `run` take this many frames to settle.
    pub fn max_steps(mut self, steps: u64) -> Self {
        self.kittest = self.kittest.with_max_steps(steps);
        self
    }

    /// With the app changed before the first frame (which file chooser, jobs in the background).
    pub fn app(mut self, setup: impl FnOnce(&mut RoadmapApp) + 'static) -> Self {
        self.setup = Some(Box::new(setup));
        self
    }

    /// The window, in the test's own home folder, before its first frame.
    pub fn build(self) -> Harness<'static, Window> {
        isolate_home();
        let Self {
            store,
            today,
            ui_state,
            kittest,
            setup,
        } = self;
        kittest.build_eframe(move |cc| {
            roadmap_planner::ui::style::apply(&cc.egui_ctx);
            let store = store.unwrap_or_else(|| Store::open_in_memory().unwrap());
            let mut app = RoadmapApp::new(store, today, ui_state);
            if let Some(setup) = setup {
                setup(&mut app);
            }
            Window::new(app)
        })
    }
}

/// Clicks «Открыть пример» on the welcome screen and lets the window show the example.
pub fn open_example(h: &mut Harness<'static, Window>) {
    h.get_by_label("Открыть пример").click();
    h.run();
}

/// Imports `path` as «Импортировать файл…» does, and lets the window read it and show what it found.
pub fn import(h: &mut Harness<'static, Window>, path: &std::path::Path) {
    h.state_mut()
        .app
        .push(Command::ImportFile(path.to_path_buf()));
    h.run();
    h.run();
}
