//! The measures grid driven like a user (egui_kittest, by label): editing in place, structure, find and
//! filter, folding, the keyboard.

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use roadmap_planner::app::{MeasureSort, RoadmapApp, UiState};
use roadmap_planner::model::Plan;
use roadmap_planner::store::Store;
use roadmap_planner::window::Window;

mod common;
use common::isolate_home;
use common::today;

fn harness_with(ui_state: UiState) -> Harness<'static, Window> {
    let mut h = common::window()
        .ui_state(ui_state)
        // Frames as a window has them: a double click's two clicks fall within egui's 0.3 s.
        .step_dt(1.0 / 60.0)
        // After a change the grid may take a few frames to settle: the details panel loads the schools'
        // data, takes its width, and the grid aims again at the selected row.
        .max_steps(16)
        .build();
    h.run();
    common::open_example(&mut h);
    h
}

/// The example open in the grid.
fn harness() -> Harness<'static, Window> {
    harness_with(UiState::default())
}

const FIRST_MEASURE: &str = "Определение и назначение муниципального координатора по работе с общеобразовательными организациями, имеющими низкие образовательные результаты";

fn plan<'a>(h: &'a Harness<'static, Window>) -> &'a Plan {
    h.state().app.data.plan.as_ref().expect("a plan is open")
}

/// The measure numbers of a section, in order.
fn numbers(h: &Harness<'static, Window>, section: usize) -> Vec<String> {
    plan(h).sections[section]
        .measures
        .iter()
        .map(|m| m.number.clone())
        .collect()
}

/// The "показано N из M" count (in a narrow window «N из M»).
fn shown(h: &Harness<'static, Window>) -> (usize, usize) {
    let numbers = |text: &str| -> Option<Vec<usize>> {
        let words: Vec<&str> = text
            .split_whitespace()
            .filter(|w| *w != "показано")
            .collect();
        match words[..] {
            [n, "из", m] => Some(vec![n.parse().ok()?, m.parse().ok()?]),
            _ => None,
        }
    };
    let numbers = h
        .get_all_by_label_contains(" из ")
        .find_map(|node| numbers(&node.accesskit_node().label().or(node.value())?))
        .expect("the count of the measures shown");
    (numbers[0], numbers[1])
}

/// Shows every filter when a narrow window keeps some behind «Все фильтры».
fn all_filters(h: &mut Harness<'static, Window>) {
    if let Some(button) = h.query_by_label_contains("Все фильтры") {
        button.click();
        h.run();
    }
}

/// Clicks a toolbar button, opening the toolbar's «…» menu first when the button is folded into it.
fn toolbar(h: &mut Harness<'static, Window>, label: &str) {
    if h.query_by_label(label).is_none() {
        h.get_by_label("…").click();
        h.run();
    }
    h.get_by_label(label).click();
}

fn cell_editor<'a>(h: &'a Harness<'static, Window>) -> egui_kittest::Node<'a> {
    h.get_by_role_and_label(Role::MultilineTextInput, "Ячейка: Мероприятие")
}

#[test]
fn edit_a_cell_in_place_then_undo() {
    let mut h = harness();
    h.get_by_label(FIRST_MEASURE).click();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(cell_editor(&h).is_focused(), "Enter opens the cell's field");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    cell_editor(&h).type_text("Назначение");
    h.run();
    // Shift+Enter starts a new line in the cell; Enter commits.
    h.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    h.run();
    cell_editor(&h).type_text("координатора");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.query_by_role_and_label(Role::MultilineTextInput, "Ячейка: Мероприятие")
            .is_none(),
        "Enter commits and closes the field"
    );
    assert_eq!(
        plan(&h).sections[0].measures[0].title,
        "Назначение\nкоординатора"
    );
    h.get_by_label("Назначение\nкоординатора");
    let id = plan(&h).id;
    let stored = h.state().app.store().load_plan(id).unwrap();
    assert_eq!(
        stored.sections[0].measures[0].title,
        "Назначение\nкоординатора"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(plan(&h).sections[0].measures[0].title, FIRST_MEASURE);
    h.get_by_label(FIRST_MEASURE);
}

#[test]
fn escape_cancels_and_tab_moves_to_the_next_cell() {
    let mut h = harness();
    h.get_by_label(FIRST_MEASURE).click();
    h.run();
    h.key_press(Key::F2);
    h.run();
    cell_editor(&h).type_text(" (черновик)");
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(plan(&h).sections[0].measures[0].title, FIRST_MEASURE);
    assert!(
        !h.state().app.data.can_undo,
        "a cancelled edit is no change"
    );

    h.key_press(Key::Enter);
    h.run();
    cell_editor(&h).type_text("!");
    h.run();
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(
        plan(&h).sections[0].measures[0].title,
        format!("{FIRST_MEASURE}!"),
        "Tab commits"
    );
    let deadline = h.get_by_role_and_label(Role::MultilineTextInput, "Ячейка: Сроки");
    assert!(deadline.is_focused(), "and edits the next cell");
    assert_eq!(deadline.value().as_deref(), Some("2021"));
    h.key_press(Key::Escape);
    h.run();
}

#[test]
fn add_and_delete_a_measure_by_keyboard() {
    let mut h = harness();
    h.get_by_label("➕ Мероприятие").click();
    h.run();
    assert_eq!(plan(&h).measure_count(), 59);
    h.get_by_label("Новое мероприятие");
    // The new measure is selected: Del deletes it, without asking.
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(plan(&h).measure_count(), 58);
    assert!(h.query_by_label("Новое мероприятие").is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(plan(&h).measure_count(), 59);
}

#[test]
fn insert_below_the_selection() {
    let mut h = harness();
    h.get_by_label("1.1").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    let section = &plan(&h).sections[0];
    assert_eq!(section.measures[1].title, "Новое мероприятие");
    assert_eq!(
        section.measures[1].number, "",
        "no number in the middle: renumbering is asked for"
    );
    assert_eq!(h.state().app.data.selected, Some(section.measures[1].id));
}

#[test]
fn search_finds_gia_and_the_count_drops() {
    let mut h = harness();
    assert_eq!(shown(&h), (58, 58));
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    let search = h.get_by_role_and_label(Role::TextInput, "Поиск");
    assert!(search.is_focused(), "Ctrl+F focuses the search box");
    search.type_text("гиа");
    h.run();
    // The example's measures that mention ГИА in some field, in any case: 6.1, 6.2, 6.3, 6.4, 6.7, 6.9
    // (title or result), 9.3 (title) and 9.4 (deadline and result).
    let expected = 8;
    assert_eq!(shown(&h), (expected, 58));
    let first_hit = plan(&h)
        .measures()
        .find(|m| m.title.contains("ГИА"))
        .unwrap()
        .title
        .clone();
    h.get_by_label(&first_hit);
    assert!(h.query_by_label(FIRST_MEASURE).is_none());
    // The status bar still counts the whole plan.
    h.get_by_label("58 мероприятий");
}

#[test]
fn a_folded_section_hides_its_measures_not_the_count() {
    let mut h = harness();
    h.get_by_label(FIRST_MEASURE);
    h.get_by_label("Свернуть направление 1").click();
    h.run();
    assert!(h.query_by_label(FIRST_MEASURE).is_none());
    assert_eq!(shown(&h), (58, 58));
    assert!(
        h.state()
            .app
            .ui_state
            .collapsed
            .contains(&plan(&h).sections[0].id)
    );
    h.get_by_label("Развернуть направление 1").click();
    h.run();
    h.get_by_label(FIRST_MEASURE);
}

#[test]
fn move_a_measure_down_into_the_next_section_then_undo() {
    let mut h = harness();
    let last = plan(&h).sections[0].measures.last().unwrap().clone();
    let before = numbers(&h, 0).len();
    h.get_by_label(&last.number).click();
    h.run();
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    h.run();
    assert_eq!(numbers(&h, 0).len(), before - 1);
    assert_eq!(
        plan(&h).sections[1].measures[0].id,
        last.id,
        "first in section 2"
    );
    assert_eq!(h.state().app.data.selected, Some(last.id), "still selected");
    // Stored in that place too.
    let stored = h.state().app.store().load_plan(plan(&h).id).unwrap();
    assert_eq!(stored.sections[1].measures[0].id, last.id);

    h.get_by_label("↩ Отменить").click();
    h.run();
    assert_eq!(plan(&h).sections[0].measures.last().unwrap().id, last.id);
    assert_eq!(numbers(&h, 0).len(), before);
}

#[test]
fn move_up_by_button() {
    let mut h = harness();
    let second = plan(&h).sections[0].measures[1].id;
    h.get_by_label("1.2").click();
    h.run();
    h.get_by_label("⬆ Выше").click();
    h.run();
    assert_eq!(plan(&h).sections[0].measures[0].id, second);
}

#[test]
fn duplicate_a_measure() {
    let mut h = harness();
    h.get_by_label("1.1").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.run();
    let s = &plan(&h).sections[0];
    assert_eq!(s.measures[1].title, FIRST_MEASURE);
    assert_ne!(s.measures[1].id, s.measures[0].id);
    assert_eq!(h.state().app.data.selected, Some(s.measures[1].id));
    assert_eq!(plan(&h).measure_count(), 59);
    h.get_by_label("🗐 Дублировать").click();
    h.run();
    assert_eq!(plan(&h).measure_count(), 60);
}

#[test]
fn multi_select_then_delete_and_undo() {
    let mut h = harness();
    let order = numbers(&h, 0);
    h.get_by_label("1.1").click();
    h.run();
    h.get_by_label("1.3").click_modifiers(Modifiers::COMMAND);
    h.run();
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(numbers(&h, 0), vec!["1.2", "1.4"]);
    assert_eq!(plan(&h).measure_count(), 56);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(numbers(&h, 0), order, "one undo brings both back in place");
}

#[test]
fn shift_click_selects_a_range_and_copies_it_as_tsv() {
    let mut h = harness();
    h.get_by_label("1.1").click();
    h.run();
    h.get_by_label("1.3").click_modifiers(Modifiers::SHIFT);
    h.run();
    // The window turns Ctrl+C into a copy event. One event, one frame: the copy is in its output.
    h.event(egui::Event::Copy);
    h.step();
    let copied = h
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .expect("the rows were copied");
    let lines: Vec<&str> = copied.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].starts_with(&format!("1.1\t{FIRST_MEASURE}\t2021\t")));
    assert!(lines[2].starts_with("1.3\t"));
}

#[test]
fn sort_by_deadline() {
    let mut h = harness();
    all_filters(&mut h);
    h.get_by_role_and_label(Role::ComboBox, "Порядок строк")
        .click();
    h.run();
    h.get_by_label("По сроку").click();
    h.run();
    assert_eq!(h.state().app.ui_state.sort, MeasureSort::Deadline);
    // Section 1: 1.1 (31.12.2021), 1.2 and 1.4 (31.01.2022), 1.3 (28.02.2022).
    let y = |label: &str| h.get_by_label(label).rect().min.y;
    assert!(y("1.1") < y("1.2"));
    assert!(y("1.2") < y("1.4"));
    assert!(y("1.4") < y("1.3"), "sorted by the first due date");
    // The document itself keeps its order.
    assert_eq!(numbers(&h, 0), vec!["1.1", "1.2", "1.3", "1.4"]);
}

#[test]
fn sections_are_added_renamed_and_renumbered_on_request() {
    let mut h = harness();
    // Deleting leaves a gap in the numbers: renumbering happens only when asked, as one undoable step.
    h.get_by_label("1.1").click();
    h.run();
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(numbers(&h, 0), vec!["1.2", "1.3", "1.4"], "never silently");
    toolbar(&mut h, "🔢 Перенумеровать");
    h.run();
    assert_eq!(numbers(&h, 0), vec!["1.1", "1.2", "1.3"]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(numbers(&h, 0), vec!["1.2", "1.3", "1.4"]);

    toolbar(&mut h, "Направление ⏷");
    h.run();
    h.get_by_label("➕ Направление в конец плана").click();
    h.run();
    assert_eq!(plan(&h).sections.len(), 10);
    assert_eq!(plan(&h).sections[9].number, "10");
    // The cursor moved to the new section and the grid shows it; it is renamed in place.
    h.get_by_label("Новое направление");
    toolbar(&mut h, "Направление ⏷");
    h.run();
    h.get_by_label("✏ Переименовать направление").click();
    h.run();
    assert!(cell_editor(&h).is_focused());
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    cell_editor(&h).type_text("Мониторинг");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(plan(&h).sections[9].title, "Мониторинг");
    h.get_by_label("Мониторинг");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(plan(&h).sections[9].title, "Новое направление");
}

#[test]
fn the_filter_survives_a_restart() {
    let mut h = harness();
    h.get_by_role_and_label(Role::TextInput, "Поиск").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Поиск")
        .type_text("ГИА");
    h.run();
    all_filters(&mut h);
    h.get_by_label("Просроченные").click();
    h.run();
    let narrowed = shown(&h);
    assert!(narrowed.0 < 58);
    // eframe saves `UiState` with serde on exit and gives it back at start.
    let saved = serde_json::to_string(&h.state().app.ui_state).unwrap();
    let restored: UiState = serde_json::from_str(&saved).unwrap();
    assert_eq!(restored, h.state().app.ui_state);
    assert!(restored.filter.overdue_only);
    let h2 = harness_with(restored);
    assert_eq!(
        h2.get_by_role_and_label(Role::TextInput, "Поиск")
            .value()
            .as_deref(),
        Some("ГИА")
    );
    assert_eq!(shown(&h2), narrowed);
}

#[test]
fn details_show_the_due_dates_and_edit_other_fields() {
    let mut h = harness();
    h.get_by_label(FIRST_MEASURE).click();
    h.run();
    h.get_by_label("Выполнение по школам");
    // In the grid under the deadline, and in the panel's due dates.
    assert!(h.query_all_by_label_contains("31.12.2021").count() >= 2);
    let notes = h.get_by_role_and_label(Role::MultilineTextInput, "Примечания");
    notes.focus();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "Примечания")
        .type_text("Согласовано с методистом");
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(
        plan(&h).sections[0].measures[0].notes,
        "Согласовано с методистом"
    );
}

#[test]
fn double_click_edits_a_cell() {
    let mut h = harness();
    // Far enough from the click that opened the example, or egui counts three clicks.
    h.run_steps(30);
    let cell = h.get_by_label("Общеобразовательные организации");
    cell.click();
    cell.click();
    h.run();
    let editor = h.get_by_role_and_label(Role::MultilineTextInput, "Ячейка: Ответственные");
    assert!(editor.is_focused());
    assert_eq!(
        editor.value().as_deref(),
        Some("Общеобразовательные организации")
    );
}

#[test]
fn a_plan_with_key_activities_per_year_has_a_column_per_year() {
    use roadmap_planner::model::{Measure, Period, Section, YearActivity};
    isolate_home();
    let period = Period::new(
        NaiveDate::from_ymd_opt(2022, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
    );
    let mut program = Plan::new("Региональная программа 2022–2024", period);
    let mut section = Section::new("1", "Кадры");
    let mut m = Measure::new("1.1", "Курсы повышения квалификации");
    m.yearly = vec![
        YearActivity {
            year: 2022,
            text: "Обучено 20 педагогов".into(),
        },
        YearActivity {
            year: 2023,
            text: "Обучено 40 педагогов".into(),
        },
    ];
    section.measures.push(m);
    program.sections.push(section);
    let mut store = Store::open_in_memory().unwrap();
    store.write(|w| w.put_plan(&program)).unwrap();
    let mut h = common::window().store(store).max_steps(16).build();
    h.run();
    h.get_by_label("2022");
    h.get_by_label("2023");
    h.get_by_label("Обучено 20 педагогов");
    // Edited in place like any cell.
    h.get_by_label("Обучено 40 педагогов").click();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let editor = h.get_by_role_and_label(Role::MultilineTextInput, "Ячейка: 2023");
    assert!(editor.is_focused());
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::MultilineTextInput, "Ячейка: 2023")
        .type_text("Обучено 45 педагогов");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let yearly = &plan(&h).sections[0].measures[0].yearly;
    assert_eq!(yearly[1].text, "Обучено 45 педагогов");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        plan(&h).sections[0].measures[0].yearly[1].text,
        "Обучено 40 педагогов"
    );
}

/// A plan of two sections with one school's progress on its first measure, in an app without a window.
fn app_with_progress() -> (RoadmapApp, roadmap_planner::model::Id) {
    use roadmap_planner::model::{Measure, Period, Progress, School, Section, Status};
    let mut plan = Plan::new("П", Period::school_year(2021));
    for n in 1..=2 {
        let mut s = Section::new(n.to_string(), format!("Направление {n}"));
        for k in 1..=2 {
            s.measures.push(Measure::new(
                format!("{n}.{k}"),
                format!("Мероприятие {n}.{k}"),
            ));
        }
        plan.sections.push(s);
    }
    let measure = plan.sections[0].measures[1].id;
    let school = School::new("МОУ СОШ № 1");
    let record = Progress {
        measure_id: measure,
        school_id: Some(school.id),
        due: NaiveDate::from_ymd_opt(2021, 12, 31),
        status: Status::Done,
        done_on: NaiveDate::from_ymd_opt(2021, 12, 20),
        evidence: "Приказ № 12".into(),
        comment: String::new(),
        updated_at: plan.updated_at,
        by: "ОО".into(),
    };
    let mut store = Store::open_in_memory().unwrap();
    store
        .write(|w| {
            w.put_school(&school)?;
            w.put_plan(&plan)?;
            w.put_progress(&record)
        })
        .unwrap();
    (RoadmapApp::new(store, today(), UiState::default()), measure)
}

#[test]
fn deleting_then_undoing_brings_the_progress_back() {
    use roadmap_planner::app::Command;
    let (mut app, measure) = app_with_progress();
    app.push(Command::DeleteMeasures(vec![measure]));
    app.run_commands();
    assert!(app.store().progress_of_measure(measure).unwrap().is_empty());
    app.push(Command::Undo);
    app.run_commands();
    let records = app.store().progress_of_measure(measure).unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].evidence, "Приказ № 12");
}

#[test]
fn moving_across_sections_keeps_the_progress() {
    use roadmap_planner::app::Command;
    let (mut app, measure) = app_with_progress();
    app.push(Command::MoveMeasures {
        ids: vec![measure],
        down: true,
    });
    app.run_commands();
    let plan = app.data.plan.as_ref().unwrap();
    assert_eq!(plan.sections[1].measures[0].id, measure);
    assert_eq!(app.store().progress_of_measure(measure).unwrap().len(), 1);
    assert_eq!(
        app.data.progress.get(&measure).map(|p| p.total()),
        Some(1),
        "the status column still counts it"
    );
    app.push(Command::Undo);
    app.run_commands();
    assert_eq!(
        app.data.plan.as_ref().unwrap().sections[0].measures[1].id,
        measure
    );
    assert_eq!(app.store().progress_of_measure(measure).unwrap().len(), 1);
    // A section moved with its measures keeps their progress too.
    let first = app.data.plan.as_ref().unwrap().sections[0].id;
    app.push(Command::MoveSection {
        id: first,
        down: true,
    });
    app.run_commands();
    assert_eq!(app.data.plan.as_ref().unwrap().sections[1].id, first);
    assert_eq!(app.store().progress_of_measure(measure).unwrap().len(), 1);
}
