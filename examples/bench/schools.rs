//! The Школы phases of the benchmark, on the region data set (1,000 schools, 150 measures, ~300,000 progress
//! records in `region.sqlite`):
//!
//! - `dashboard_frame`: one school's dashboard — the real window (`RoadmapApp::ui`) run headless with
//!   `egui::Context::run_ui`, averaged over 200 frames after a warm-up (which loads the progress snapshot);
//! - `overview_frame`: the district overview of all 1,000 schools, likewise;
//! - `stats`: every school's summary recomputed from all the plan's records (`stats::summarize`), the mean
//!   of 5 runs after a warm-up.

use std::path::Path;
use std::time::Instant;

use roadmap_planner::app::SchoolTab;
use roadmap_planner::stats::summarize;
use roadmap_planner::store::Store;

use crate::headless::{school_screen, today};

const TIMED_FRAMES: usize = 200;
const STATS_RUNS: usize = 5;

/// The Школы phases and the keys they report.
pub const PHASES: [(&str, &str); 3] = [
    ("dashboard_frame", "dashboard_frame_us"),
    ("overview_frame", "overview_frame_us"),
    ("stats", "stats_ms"),
];

/// Runs a Школы phase on the region in `dir`; `None` when `phase` is not one of them.
pub fn run_phase(phase: &str, dir: &Path) -> anyhow::Result<Option<f64>> {
    let region = dir.join("region.sqlite");
    Ok(match phase {
        "dashboard_frame" => Some(frame(&region, SchoolTab::Dashboard)?),
        "overview_frame" => Some(frame(&region, SchoolTab::Overview)?),
        "stats" => Some(stats(&region)?),
        _ => None,
    })
}

/// One frame of the Школы screen on `tab`, in µs.
fn frame(region: &Path, tab: SchoolTab) -> anyhow::Result<f64> {
    let (mut window, mut headless, _) = school_screen(region, tab)?;
    assert_eq!(window.app.data.schools.len(), 1_000);
    assert!(
        window.app.data.progress_and_criteria.records.len() >= 290_000,
        "the snapshot is loaded"
    );
    let (us, shapes) = headless.mean_us(&mut window, TIMED_FRAMES);
    assert!(shapes > 0, "the frames drew something");
    Ok(us)
}

/// Every school's summary from all the plan's records, in ms.
fn stats(region: &Path) -> anyhow::Result<f64> {
    let store = Store::open(region)?;
    let plan = store.load_plan(store.list_plans()?[0].id)?;
    let schools = store.schools()?;
    let records = store.progress(Some(plan.id))?;
    drop(store);
    let summaries = summarize(&plan, &schools, &records, today());
    assert_eq!(summaries.len(), schools.len());
    assert!(summaries.iter().all(|s| s.total == 300 && s.done > 0));
    let start = Instant::now();
    for _ in 0..STATS_RUNS {
        std::hint::black_box(summarize(&plan, &schools, &records, today()));
    }
    Ok(start.elapsed().as_secs_f64() * 1e3 / STATS_RUNS as f64)
}
