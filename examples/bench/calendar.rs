//! The deadline phases of the benchmark: the calendar's month view and deriving schedules in bulk.
//!
//! - `calendar_frame`: a region plan of 2,400 measures, ~2,000 of them due in October 2021 (spread over the
//!   month, heaviest on the 31st), opened in a `RoadmapApp` on the Календарь screen over an in-memory store;
//!   one frame is a headless `egui::Context::run_ui` of the whole window, averaged over 200 frames.
//! - `schedule_all`: `schedule::derive` for 10,000 measures with deadline phrases from real road maps.

use std::time::Instant;

use chrono::NaiveDate;
use roadmap_planner::app::{RoadmapApp, Screen, UiState};
use roadmap_planner::model::{Measure, Period, Plan, Section};
use roadmap_planner::store::Store;
use roadmap_planner::window::Window;

use crate::headless::Headless;

const CALENDAR_SECTIONS: usize = 12;
const CALENDAR_MEASURES_PER_SECTION: usize = 200;
use crate::headless::WARM_UP_FRAMES;
const TIMED_FRAMES: usize = 200;
const SCHEDULED_MEASURES: usize = 10_000;

/// Deadline phrases as road maps write them (the fixtures' and more).
const PHRASES: &[&str] = &[
    "в течение года",
    "Январь 2022",
    "август",
    "по отдельному графику",
    "В соответствии с планом работы Управления образования",
    "2021-2022",
    "январь, март, июнь, ноябрь,",
    "сентябрь – октябрь",
    "постоянно",
    "по результатам ГИА",
    "ежегодно",
    "декабрь",
    "в течение года в соответствии с ежегодным планом повышения квалификации",
    "апрель",
    "август-сентябрь",
    "Февраль 2022",
    "2021",
    "один раз в полугодие",
    "ежеквартально",
    "май-июнь",
    "сентябрь, в течение года",
    "до 15.10.2021",
    "ноябрь 2021 – январь 2022",
    "3 раза в год",
    "ежегодно в июне",
    "Март 2022, 2023",
    "Апрель 2022 г.",
    "Март 2022, июнь",
    "не реже 2 раз в год",
    "Итоговый мониторинг – июнь 2022",
    "до 05.11. 2021",
    "янв., апр., сент.",
    "по полугодиям",
    "ежемесячно",
    "в течение 2021-2022 учебного года",
];

/// The deadline phases and the keys they report.
pub const PHASES: [(&str, &str); 2] = [
    ("calendar_frame", "calendar_frame_us"),
    ("schedule_all", "schedule_all_ms"),
];

/// Runs a deadline phase; `None` when `phase` is not one of them.
pub fn run_phase(phase: &str) -> anyhow::Result<Option<f64>> {
    Ok(match phase {
        "calendar_frame" => Some(calendar_frame_us()?),
        "schedule_all" => Some(schedule_all_ms()),
        _ => None,
    })
}

/// The time of one calendar frame, in microseconds.
pub fn calendar_frame_us() -> anyhow::Result<f64> {
    let today = NaiveDate::from_ymd_opt(2021, 10, 15).unwrap();
    let plan = october_plan();
    let october = plan
        .measures()
        .flat_map(|m| m.due.iter())
        .filter(|d| d.format("%Y-%m").to_string() == "2021-10")
        .count();
    assert!(
        (1_900..=2_200).contains(&october),
        "{october} items due in October"
    );
    let mut store = Store::open_in_memory()?;
    store.write(|w| w.put_plan(&plan))?;
    let ui_state = UiState {
        screen: Screen::Calendar,
        last_plan: Some(plan.id),
        ..UiState::default()
    };
    let mut window = Window::new(RoadmapApp::new(store, today, ui_state));
    let mut headless = Headless::new();
    for _ in 0..WARM_UP_FRAMES {
        headless.frame(&mut window);
    }
    let (us, shapes) = headless.mean_us(&mut window, TIMED_FRAMES);
    // The month grid alone paints hundreds of shapes: a frame that drew less measured something else.
    let per_frame = shapes / TIMED_FRAMES;
    assert!(per_frame > 500, "{per_frame} shapes a frame");
    Ok(us)
}

/// 12 sections × 200 measures; five in six are due in October 2021.
fn october_plan() -> Plan {
    let period = Period::school_year(2021);
    let mut plan = Plan::new("Региональная дорожная карта (бенчмарк календаря)", period);
    for s in 0..CALENDAR_SECTIONS {
        let mut section = Section::new((s + 1).to_string(), format!("Направление {}", s + 1));
        for m in 0..CALENDAR_MEASURES_PER_SECTION {
            let k = s * CALENDAR_MEASURES_PER_SECTION + m;
            let mut measure = Measure::new(
                format!("{}.{}", s + 1, m + 1),
                format!(
                    "Мероприятие {}.{} по повышению качества образования в школах с низкими результатами",
                    s + 1,
                    m + 1
                ),
            );
            measure.deadline = match k % 6 {
                0 => "октябрь".to_owned(),
                1 | 4 => format!("до {:02}.10.2021", 1 + k % 31),
                2 => "ежемесячно".to_owned(),
                3 => "сентябрь – октябрь".to_owned(),
                _ => "ежеквартально".to_owned(),
            };
            measure.due = roadmap_planner::schedule::due_dates(&measure.deadline, period);
            measure.responsible = "Управление образованием, руководители ОО".into();
            section.measures.push(measure);
        }
        plan.sections.push(section);
    }
    plan
}

/// The time to derive the schedules of 10,000 measures, in milliseconds.
pub fn schedule_all_ms() -> f64 {
    let period = Period::school_year(2021);
    let texts: Vec<&str> = (0..SCHEDULED_MEASURES)
        .map(|i| PHRASES[i % PHRASES.len()])
        .collect();
    let start = Instant::now();
    let mut occurrences = 0;
    for text in &texts {
        occurrences += roadmap_planner::schedule::derive(text, period)
            .occurrences
            .len();
    }
    let ms = start.elapsed().as_secs_f64() * 1e3;
    assert!(
        occurrences > SCHEDULED_MEASURES,
        "{occurrences} occurrences"
    );
    ms
}
