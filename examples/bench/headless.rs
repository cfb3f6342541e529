//! The real window's frames without a window: `egui::Context::run_ui` of `Window::ui` at 1400×900.

use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;
use eframe::App as _;

use roadmap_planner::app::{RoadmapApp, SchoolTab, SchoolsUi, Screen, UiState};
use roadmap_planner::model::Id;
use roadmap_planner::store::Store;
use roadmap_planner::window::Window;

/// Frames run before a measurement, so that fonts and caches are warm.
pub const WARM_UP_FRAMES: usize = 10;

/// The day the benchmark's window runs on (inside the region plan's school year).
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 1, 15).unwrap()
}

/// The region's window on the Школы screen's `tab` with its first school selected, the school snapshot
/// loaded and the frames warmed up; and that school's id.
pub fn school_screen(region: &Path, tab: SchoolTab) -> anyhow::Result<(Window, Headless, Id)> {
    let store = Store::open(region)?;
    let school = store.schools()?[0].id;
    let ui_state = UiState {
        screen: Screen::Schools,
        schools: SchoolsUi {
            tab,
            selected: Some(school),
            ..SchoolsUi::default()
        },
        ..UiState::default()
    };
    let mut window = Window::new(RoadmapApp::new(store, today(), ui_state));
    let mut headless = Headless::new();
    headless.until_loaded(&mut window);
    for _ in 0..WARM_UP_FRAMES {
        headless.frame(&mut window);
    }
    Ok((window, headless, school))
}

pub struct Headless {
    ctx: egui::Context,
    frame: eframe::Frame,
    input: egui::RawInput,
}

impl Headless {
    pub fn new() -> Self {
        let ctx = egui::Context::default();
        roadmap_planner::ui::style::apply(&ctx);
        Self {
            ctx,
            frame: eframe::Frame::_new_kittest(),
            input: egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(1400.0, 900.0),
                )),
                ..Default::default()
            },
        }
    }

    /// Runs one frame; returns how many shapes it painted.
    pub fn frame(&mut self, window: &mut Window) -> usize {
        let frame = &mut self.frame;
        let mut output = self
            .ctx
            .run_ui(self.input.clone(), |ui| window.ui(ui, frame));
        // Nothing renders here; debug builds panic on unhandled texture deltas.
        output.textures_delta.clear();
        output.shapes.len()
    }

    /// Runs frames until the Школы screen's snapshot, read on a worker thread, is in (at most 60 s).
    pub fn until_loaded(&mut self, window: &mut Window) {
        let start = Instant::now();
        loop {
            self.frame(window);
            let app = &window.app;
            let plan = app.data.plan.as_ref().map(|p| p.id);
            if plan.is_some_and(|p| {
                app.data
                    .progress_and_criteria
                    .ready_for(p, app.data.schools.len())
            }) {
                return;
            }
            assert!(start.elapsed().as_secs() < 60, "the school snapshot loads");
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    /// Runs `frames` frames; returns the mean time of one in µs and the shapes painted in all.
    pub fn mean_us(&mut self, window: &mut Window, frames: usize) -> (f64, usize) {
        let start = Instant::now();
        let shapes = (0..frames).map(|_| self.frame(window)).sum();
        (start.elapsed().as_secs_f64() * 1e6 / frames as f64, shapes)
    }
}
