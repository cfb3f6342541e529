//! Layouts that hold (egui_kittest): the grid's columns come back to their widths after the window was made
//! smaller or the scale larger, never get narrower than their header's longest word, and «Сбросить ширину
//! столбцов» undoes a drag; the toolbar folds into a «…» menu instead of wrapping. At 150 % in a 1400×900
//! window the filter bar keeps its count on the search's row and the «Набор критериев» editor fits its rows
//! without sideways scrolling.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use roadmap_planner::app::{SchoolTab, Screen, UiState};
use roadmap_planner::window::Window;

mod common;

/// The grid's column headers, left to right (the example has no year columns).
const HEADERS: [&str; 7] = [
    "№",
    "Мероприятие",
    "Сроки",
    "Ответственные",
    "Результат",
    "Документы",
    "Статус",
];

fn harness(ui_state: UiState, width: f32) -> Harness<'static, Window> {
    sized_harness(ui_state, egui::vec2(width, 900.0))
}

/// The example open in a window of `size` points.
fn sized_harness(ui_state: UiState, size: egui::Vec2) -> Harness<'static, Window> {
    let mut h = common::window()
        .ui_state(ui_state)
        .size(size.x, size.y)
        .max_steps(16)
        .build();
    h.run();
    common::open_example(&mut h);
    h
}

/// The left edges of the column headers (the header labels sit at a fixed padding inside their cells, so
/// the distance between two neighbours is the column's width). Labels that repeat elsewhere (the filter
/// bar's «Ответственные») are told apart by the header row's height.
fn header_lefts(h: &Harness<'static, Window>) -> Vec<f32> {
    let top = h.get_by_label("№").rect().min.y;
    HEADERS
        .iter()
        .map(|label| {
            h.get_all_by_label(label)
                .map(|n| n.rect())
                .find(|r| (r.min.y - top).abs() < 2.0)
                .unwrap_or_else(|| panic!("no header «{label}»"))
                .min
                .x
        })
        .collect()
}

/// The widths of the columns between «Сроки» and «Документы» (each from its left edge to the next's).
fn widths(h: &Harness<'static, Window>) -> Vec<f32> {
    let lefts = header_lefts(h);
    lefts[2..].windows(2).map(|w| w[1] - w[0]).collect()
}

fn assert_same(before: &[f32], after: &[f32], what: &str) {
    for (b, a) in before.iter().zip(after) {
        assert!((b - a).abs() <= 1.0, "{what}: {before:?} became {after:?}");
    }
}

/// How wide a header word is drawn (the strong body font).
fn word_width(h: &Harness<'static, Window>, word: &str) -> f32 {
    let font = egui::TextStyle::Body.resolve(&h.ctx.global_style());
    h.ctx.fonts_mut(|f| {
        f.layout_no_wrap(word.to_owned(), font, egui::Color32::BLACK)
            .size()
            .x
    })
}

#[test]
fn columns_come_back_after_the_window_was_narrow() {
    let mut h = harness(UiState::default(), 1400.0);
    let wide = widths(&h);
    h.set_size(egui::vec2(1024.0, 700.0));
    h.run();
    let narrow = widths(&h);
    // Narrow, no column is narrower than its header's longest word.
    for (label, width) in HEADERS[2..6].iter().zip(&narrow) {
        assert!(
            *width >= word_width(&h, label),
            "«{label}» is {width} wide at 1024: {narrow:?}"
        );
    }
    h.set_size(egui::vec2(1400.0, 900.0));
    h.run();
    assert_same(&wide, &widths(&h), "after 1400 → 1024 → 1400");
    assert!(
        h.state().app.ui_state.column_shares.is_empty(),
        "resizing the window is not the user's choice of widths"
    );
}

#[test]
fn columns_come_back_after_the_scale_was_150() {
    let mut h = harness(UiState::default(), 1400.0);
    let before = widths(&h);
    h.state_mut().app.ui_state.font_scale = 150;
    h.run();
    h.run();
    h.state_mut().app.ui_state.font_scale = 100;
    h.run();
    h.run();
    assert_same(&before, &widths(&h), "after 100 % → 150 % → 100 %");
}

#[test]
fn remembered_shares_scale_with_the_window_and_reset_clears_them() {
    let mut ui_state = UiState::default();
    // A user once made «Сроки» a quarter of the table.
    ui_state.column_shares.insert("deadline".to_owned(), 0.25);
    let mut h = harness(ui_state, 1400.0);
    let at_1400 = widths(&h)[0];
    h.set_size(egui::vec2(1800.0, 900.0));
    h.run();
    let at_1800 = widths(&h)[0];
    assert!(
        at_1800 > at_1400 + 50.0,
        "a share grows with the window: {at_1400} → {at_1800}"
    );

    // «Сбросить ширину столбцов» (in the toolbar or its «…» menu) forgets it.
    if h.query_by_label("Сбросить ширину столбцов").is_none() {
        h.get_by_label("…").click();
        h.run();
    }
    h.get_by_label("Сбросить ширину столбцов").click();
    h.run();
    assert!(h.state().app.ui_state.column_shares.is_empty());
    assert!(widths(&h)[0] < at_1800 - 50.0);
}

#[test]
fn the_toolbar_folds_into_a_menu_instead_of_wrapping() {
    let h = harness(UiState::default(), 1024.0);
    let more = h.get_by_role_and_label(Role::Button, "…");
    let add = h.get_by_label("➕ Мероприятие");
    // One row: the «…» button sits level with the first button.
    assert!((more.rect().min.y - add.rect().min.y).abs() < 2.0);
}

#[test]
fn the_filters_take_one_row_in_a_narrow_window_and_open_on_request() {
    let mut h = harness(UiState::default(), 1024.0);
    let search = h.get_by_role_and_label(Role::TextInput, "Поиск").rect();
    let all = h.get_by_label_contains("Все фильтры").rect();
    assert!((all.center().y - search.center().y).abs() < 4.0, "one row");
    assert!(h.query_by_label("Просроченные").is_none());
    h.get_by_label_contains("Все фильтры").click();
    h.run();
    h.get_by_label("Просроченные").click();
    h.run();
    h.get_by_label_contains("Меньше фильтров").click();
    h.run();
    // A filter set behind the button is counted on it.
    h.get_by_label("Все фильтры ⏷ (1)");
}

/// A 1400×900 window at 150 %: what it shows, in points (the harness's screen is in points; the real
/// window's is its pixels divided by the zoom).
const SCALE: f32 = 1.5;
const WIDTH: f32 = 1400.0 / SCALE;
const HEIGHT: f32 = 900.0 / SCALE;

/// The example open in a 1400×900 window at 150 %.
fn scaled_harness(mut ui_state: UiState) -> Harness<'static, Window> {
    ui_state.font_scale = 150;
    let mut h = sized_harness(ui_state, egui::vec2(WIDTH, HEIGHT));
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
    let h = scaled_harness(UiState::default());
    let measures = h.state().app.data.plan.as_ref().unwrap().measure_count();
    let search = h.get_by_role_and_label(Role::TextInput, "Поиск").rect();
    let count = h
        .get_all_by_label_contains(&format!("{measures} из {measures}"))
        .map(|n| n.rect())
        .find(|r| r.min.y < search.max.y + 40.0)
        .expect("the count of the measures shown");
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
    let mut ui_state = UiState {
        screen: Screen::Schools,
        ..Default::default()
    };
    ui_state.schools.tab = SchoolTab::CriteriaSet;
    let h = scaled_harness(ui_state);
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
    // A group's points sit beside their label, each group's on one line.
    let labels: Vec<egui::Rect> = h
        .get_all_by_role_and_label(Role::Label, "категория от (баллов):")
        .map(|n| n.rect())
        .collect();
    let fields: Vec<egui::Rect> = h
        .get_all_by_role_and_label(Role::SpinButton, "категория от (баллов):")
        .map(|n| n.rect())
        .collect();
    assert!(!labels.is_empty() && labels.len() == fields.len());
    for (label, field) in labels.iter().zip(&fields) {
        assert!(
            (label.min.y - field.min.y).abs() < 4.0 && field.min.x > label.max.x,
            "the points beside their label: {label:?} {field:?}"
        );
    }
    // A long criterion's text is shown whole, on as many lines as it takes, inside the window.
    let line = h.ctx.global_style().spacing.interact_size.y;
    let texts: Vec<egui::Rect> = h
        .get_all_by_role(Role::MultilineTextInput)
        .map(|n| n.rect())
        .collect();
    assert!(texts.len() >= deletes.len(), "a text field per criterion");
    assert!(texts.iter().all(|r| r.min.x >= 0.0 && r.max.x <= width));
    assert!(
        texts.iter().any(|r| r.height() > 1.8 * line),
        "a long criterion wraps instead of being cut: {texts:?}"
    );
}

/// At 150 % in a 1400×900 window the details panel gives the table the room its columns need: the last
/// column, «Статус», shows whole beside the panel of the selected measure instead of hiding under it behind a
/// sideways scroll.
#[test]
fn the_status_column_shows_whole_beside_the_details_at_150() {
    let mut h = scaled_harness(UiState::default());
    h.get_by_label("1.1").click();
    h.run();
    // «Мероприятие» heads the table's title column and, further right, the details panel.
    let titles: Vec<egui::Rect> = h
        .get_all_by_label("Мероприятие")
        .map(|n| n.rect())
        .collect();
    let status = h
        .get_all_by_label("Статус")
        .map(|n| n.rect())
        .find(|s| (titles.iter()).any(|t| (t.min.y - s.min.y).abs() < 2.0 && t.min.x < s.min.x))
        .expect("the «Статус» header in the table's header row");
    let details = titles
        .iter()
        .copied()
        .max_by(|a, b| a.min.x.total_cmp(&b.min.x))
        .expect("the details panel's heading");
    // The panel's edge is its heading's left less the panel's inner margin (8 points).
    let panel_left = details.min.x - 8.0;
    assert!(
        status.max.x <= panel_left,
        "«Статус» ({status:?}) ends left of the details panel (from {panel_left})"
    );
    // And its cells: «Управление:» (the office's line of a measure's status) fits before the panel.
    let office = word_width(&h, "Управление:");
    assert!(
        status.min.x + office <= panel_left,
        "the status column's «Управление:» ({office} from {}) ends left of the panel (from {panel_left})",
        status.min.x
    );
    assert!(
        visible_width(&h) - details.min.x >= 200.0,
        "the details panel keeps a usable width: {details:?}"
    );
}
