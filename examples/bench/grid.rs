//! The grid phases of the benchmark: the Мероприятия screen with a region's 10,000 measures in 40 sections.
//!
//! - `grid_frame`: the plan opened in a `RoadmapApp` over an in-memory store, the middle measure selected
//!   (so the grid is scrolled to the middle); one frame is a headless `egui::Context::run_ui` of the whole
//!   window, averaged over 200 frames after a warm-up.
//! - `grid_filter`: the frame in which a text search is typed — the search text of every measure is built,
//!   all 10,000 are matched, the rows and their heights rebuilt, and the result drawn (the cold case: the
//!   first search after the data changed).

use roadmap_planner::app::SystemCommand;
use std::time::Instant;

use chrono::NaiveDate;
use roadmap_planner::app::{Command, RoadmapApp, UiState};
use roadmap_planner::model::{Measure, Period, Plan, Section};
use roadmap_planner::store::Store;
use roadmap_planner::window::Window;

use crate::headless::Headless;

const SECTIONS: usize = 40;
const PER_SECTION: usize = 250;
use crate::headless::WARM_UP_FRAMES;
const TIMED_FRAMES: usize = 200;

/// The grid phases and the keys they report.
pub const PHASES: [(&str, &str); 2] = [
    ("grid_frame", "grid_frame_us"),
    ("grid_filter", "grid_filter_ms"),
];

/// Runs a grid phase; `None` when `phase` is not one of them.
pub fn run_phase(phase: &str) -> anyhow::Result<Option<f64>> {
    Ok(match phase {
        "grid_frame" => Some(grid(false)?),
        "grid_filter" => Some(grid(true)?),
        _ => None,
    })
}

/// One grid frame in µs, or (`filter`) the frame applying a text search in ms.
fn grid(filter: bool) -> anyhow::Result<f64> {
    let today = NaiveDate::from_ymd_opt(2021, 10, 15).unwrap();
    let plan = region_plan();
    let middle = plan.sections[SECTIONS / 2].measures[PER_SECTION / 2].id;
    let mut store = Store::open_in_memory()?;
    store.write(|w| w.put_plan(&plan))?;
    let ui_state = UiState {
        last_plan: Some(plan.id),
        ..UiState::default()
    };
    let mut window = Window::new(RoadmapApp::new(store, today, ui_state));
    window
        .app
        .push(Command::System(SystemCommand::Select(Some(middle))));
    let mut headless = Headless::new();
    for _ in 0..WARM_UP_FRAMES {
        headless.frame(&mut window);
    }
    assert_eq!(window.app.data.selected, Some(middle));
    if filter {
        window.app.ui_state.filter.text = "гиа".into();
        let start = Instant::now();
        headless.frame(&mut window);
        let ms = start.elapsed().as_secs_f64() * 1e3;
        return Ok(ms);
    }
    let (us, shapes) = headless.mean_us(&mut window, TIMED_FRAMES);
    assert!(shapes > 0, "the frames drew something");
    Ok(us)
}

/// 40 sections × 250 measures with texts of real road-map length; one in seven mentions ГИА.
fn region_plan() -> Plan {
    let period = Period::school_year(2021);
    let deadlines = [
        "в течение года",
        "декабрь, май",
        "до 30.11.2021",
        "ежеквартально",
        "по отдельному графику",
        "сентябрь – октябрь",
        "Март 2022, июнь",
        "по результатам ГИА",
    ];
    let mut plan = Plan::new("Региональная дорожная карта (бенчмарк таблицы)", period);
    for s in 0..SECTIONS {
        let mut section = Section::new(
            (s + 1).to_string(),
            format!(
                "Направление {}: организационно-методическое сопровождение школ",
                s + 1
            ),
        );
        for m in 0..PER_SECTION {
            let k = s * PER_SECTION + m;
            let topic = if k.is_multiple_of(7) {
                "подготовки обучающихся 9-х, 11-х классов к ГИА"
            } else {
                "повышения качества образования в школах с низкими образовательными результатами"
            };
            let mut measure = Measure::new(
                format!("{}.{}", s + 1, m + 1),
                format!(
                    "Проведение мониторинга {topic} и анализ его результатов на заседаниях методических объединений ({k})"
                ),
            );
            measure.deadline = deadlines[k % deadlines.len()].to_owned();
            measure.due = roadmap_planner::schedule::due_dates(&measure.deadline, period);
            measure.responsible = "Управление образованием, руководители ОО, ММС".into();
            measure.result = "Аналитическая справка; адресные рекомендации школам".into();
            measure.documents = "Приказ УО, протокол совещания".into();
            section.measures.push(measure);
        }
        plan.sections.push(section);
    }
    plan
}
