//! The window's frames while a region's exchange file is imported in the background: the real app with its
//! jobs on a worker (as the window runs them), driven by the headless frame loop.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use roadmap_planner::app::{Command, ExchangeCommand, RoadmapApp, UiState};
use roadmap_planner::store::Store;
use roadmap_planner::window::Window;

use super::headless::Headless;

/// (phase, key): the longest frame while the import is applied, in ms.
pub const PHASES: [(&str, &str); 1] = [("import_frame", "import_frame_max_ms")];

/// How long the worker may take before the phase gives up.
const LIMIT: Duration = Duration::from_secs(600);
/// The pause between two frames (a window with a job running repaints on its own every 100 ms).
const BETWEEN_FRAMES: Duration = Duration::from_millis(10);

/// Runs the import phase on the region's exchange file in `dir`; `None` when `phase` is not it.
pub fn run_phase(phase: &str, dir: &Path) -> anyhow::Result<Option<f64>> {
    Ok(match phase {
        "import_frame" => Some(import_frame(dir)?),
        _ => None,
    })
}

/// Reads and previews the region file (`export_json` wrote it), then applies it into an empty database
/// while frames are drawn; the longest of those frames, from «Применить» to the new data shown, in ms.
fn import_frame(dir: &Path) -> anyhow::Result<f64> {
    let today = NaiveDate::from_ymd_opt(2022, 1, 15).unwrap();
    let store = Store::open(&dir.join("import_frame.sqlite"))?;
    let mut app = RoadmapApp::new(store, today, UiState::default());
    app.jobs.set_background(true);
    let mut window = Window::new(app);
    let mut headless = Headless::new();
    headless.frame(&mut window);
    window
        .app
        .push(Command::ImportFile(dir.join("region.json")));
    let start = Instant::now();
    while window.app.data.exchange.pending.is_none() {
        anyhow::ensure!(start.elapsed() < LIMIT, "the file was not previewed");
        headless.frame(&mut window);
        std::thread::sleep(BETWEEN_FRAMES);
    }
    window
        .app
        .push(Command::Exchange(ExchangeCommand::ApplyImport));
    let mut longest: f64 = 0.0;
    let mut frames = 0;
    loop {
        anyhow::ensure!(start.elapsed() < LIMIT, "the import did not end");
        let frame = Instant::now();
        headless.frame(&mut window);
        longest = longest.max(frame.elapsed().as_secs_f64() * 1e3);
        frames += 1;
        if !window.app.jobs.is_running() {
            break;
        }
        std::thread::sleep(BETWEEN_FRAMES);
    }
    let rows: i64 =
        window
            .app
            .store()
            .connection()
            .query_row("SELECT COUNT(*) FROM progress", [], |r| r.get(0))?;
    anyhow::ensure!(rows >= 290_000, "the import wrote {rows} progress rows");
    anyhow::ensure!(frames > 2, "the import ran in the background");
    anyhow::ensure!(window.app.data.plan.is_some(), "the new plan is shown");
    Ok(longest)
}
