//! The edit phases of the benchmark, on the region data set (`region.sqlite`, the real file in WAL mode):
//! the time from a command to the end of the frame that shows it, with the real window run headless.
//!
//! - `edit`: «✔ Отметить выполненным» on the first school's dashboard — `SchoolCommand::MarkDone` of one
//!   open occurrence, the command run (`RoadmapApp::run_commands`: the write, the snapshot updated in
//!   place), then the frame that draws the dashboard with it; the mean over 50 marks of different
//!   occurrences, after a warm-up that loads the progress snapshot;
//! - `grid_edit`: a grid cell edited on the Мероприятия screen — `Command::EditMeasure` of a measure's
//!   title, run, and the next frame; the mean over 50 edits of different measures, with the progress
//!   snapshot loaded as after a visit to the Школы screen.

use std::path::Path;
use std::time::Instant;

use roadmap_planner::app::{Command, MeasureField, RoadmapApp, SchoolCommand, SchoolTab, UiState};
use roadmap_planner::model::Status;
use roadmap_planner::stats::ProgressKey;
use roadmap_planner::store::Store;

use crate::headless::{Headless, WARM_UP_FRAMES, school_screen, today};
use roadmap_planner::window::Window;

const EDITS: usize = 50;

/// The edit phases and the keys they report.
pub const PHASES: [(&str, &str); 2] = [("edit", "edit_ms"), ("grid_edit", "grid_edit_ms")];

/// Runs an edit phase on the region in `dir`; `None` when `phase` is not one of them.
pub fn run_phase(phase: &str, dir: &Path) -> anyhow::Result<Option<f64>> {
    let region = dir.join("region.sqlite");
    Ok(match phase {
        "edit" => Some(mark_done(&region)?),
        "grid_edit" => Some(grid_edit(&region)?),
        _ => None,
    })
}

/// Mean ms from a MarkDone on the dashboard to the end of the frame showing it.
fn mark_done(region: &Path) -> anyhow::Result<f64> {
    let (mut window, mut headless, school) = school_screen(region, SchoolTab::Dashboard)?;
    let plan = window
        .app
        .data
        .plan
        .as_ref()
        .expect("the region plan is open");
    let open: Vec<ProgressKey> = plan
        .measures()
        .flat_map(|m| {
            m.due
                .iter()
                .map(move |d| ProgressKey::new(m.id, Some(school), Some(*d)))
        })
        .filter(|k| {
            window
                .app
                .data
                .progress_and_criteria
                .records
                .get(k)
                .is_none_or(|p| p.status != Status::Done)
        })
        .take(EDITS)
        .collect();
    assert_eq!(open.len(), EDITS, "enough open occurrences to mark");
    let done_before = window
        .app
        .data
        .progress_and_criteria
        .summaries
        .iter()
        .map(|s| s.done)
        .sum::<u32>();
    let start = Instant::now();
    for key in &open {
        window
            .app
            .push(Command::School(SchoolCommand::MarkDone(vec![*key])));
        window.app.run_commands();
        headless.frame(&mut window);
    }
    let ms = start.elapsed().as_secs_f64() * 1e3 / EDITS as f64;
    assert!(
        window.app.toasts.items().is_empty(),
        "no error: {:?}",
        window.app.toasts.items()
    );
    for key in &open {
        assert_eq!(
            window
                .app
                .data
                .progress_and_criteria
                .records
                .get(key)
                .map(|p| p.status),
            Some(Status::Done)
        );
    }
    let done_after = window
        .app
        .data
        .progress_and_criteria
        .summaries
        .iter()
        .map(|s| s.done)
        .sum::<u32>();
    assert_eq!(
        done_after,
        done_before + EDITS as u32,
        "the overview's sums follow"
    );
    Ok(ms)
}

/// Mean ms from a grid cell edit to the end of the frame showing it.
fn grid_edit(region: &Path) -> anyhow::Result<f64> {
    let store = Store::open(region)?;
    let mut window = Window::new(RoadmapApp::new(store, today(), UiState::default()));
    // The progress snapshot is loaded, as after a visit to the Школы screen.
    window.app.push(Command::School(SchoolCommand::Need));
    window.app.run_commands();
    assert!(window.app.data.progress_and_criteria.is_loaded());
    let mut headless = Headless::new();
    for _ in 0..WARM_UP_FRAMES {
        headless.frame(&mut window);
    }
    let measures: Vec<_> = window
        .app
        .data
        .plan
        .as_ref()
        .expect("the region plan is open")
        .measures()
        .take(EDITS)
        .map(|m| (m.id, m.title.clone()))
        .collect();
    assert_eq!(measures.len(), EDITS);
    let start = Instant::now();
    for (id, title) in &measures {
        window.app.push(Command::EditMeasure {
            id: *id,
            field: MeasureField::Title,
            value: format!("{title} (уточнено)"),
        });
        window.app.run_commands();
        headless.frame(&mut window);
    }
    let ms = start.elapsed().as_secs_f64() * 1e3 / EDITS as f64;
    assert!(
        window.app.toasts.items().is_empty(),
        "no error: {:?}",
        window.app.toasts.items()
    );
    let plan = window
        .app
        .data
        .plan
        .as_ref()
        .expect("the region plan is open");
    for (id, _) in &measures {
        assert!(
            plan.measure(*id)
                .is_some_and(|m| m.title.ends_with("(уточнено)"))
        );
    }
    Ok(ms)
}
