//! The Календарь screen driven like a user (egui_kittest, by label), on the bundled example with "today"
//! fixed at 15.10.2021.

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use roadmap_planner::app::{Command, UiState};
use roadmap_planner::model::{Id, Period};
use roadmap_planner::store::Store;
use roadmap_planner::window::Window;

mod common;
use common::isolate_home;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The example open on the calendar, in a 1400×900 window.
fn calendar() -> Harness<'static, Window> {
    let mut h = common::window().today(date(2021, 10, 15)).build();
    h.run();
    common::open_example(&mut h);
    h.get_by_label("Календарь").click();
    h.run();
    h
}

fn measure_id(h: &Harness<'static, Window>, number: &str) -> Id {
    h.state()
        .app
        .data
        .plan
        .as_ref()
        .unwrap()
        .measures()
        .find(|m| m.number == number)
        .unwrap()
        .id
}

fn due_of(h: &Harness<'static, Window>, number: &str) -> (Vec<NaiveDate>, bool) {
    let plan = h.state().app.data.plan.as_ref().unwrap();
    let m = plan.measures().find(|m| m.number == number).unwrap();
    (m.due.clone(), m.due_manual)
}

/// Month-grid items are labelled "<number> <title>"; agenda items start with the weekday and date.
fn grid_items(h: &Harness<'static, Window>, number: &str) -> usize {
    let prefix = format!("{number} ");
    h.query_all_by(move |n| {
        n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with(&prefix))
    })
    .count()
}

fn click_grid_item(h: &mut Harness<'static, Window>, number: &str) {
    let prefix = format!("{number} ");
    h.get_by(move |n| {
        n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with(&prefix))
    })
    .click();
    h.run();
}

#[test]
fn october_2021_shows_its_due_measures() {
    let h = calendar();
    h.get_by_label("Октябрь 2021");
    // 6.5 "сентябрь – октябрь" is due 31.10.2021; nothing else of the example falls in October.
    assert_eq!(grid_items(&h, "6.5"), 1);
    assert_eq!(
        grid_items(&h, "6.8"),
        0,
        "due in November, not shown in October"
    );
    // The agenda lists it too, with its weekday and date.
    h.get_by_label_contains("Вс 31.10 · 6.5 ");
    h.get_by_label("Сегодня");
}

#[test]
fn months_page_with_the_buttons_and_the_keys() {
    let mut h = calendar();
    h.get_by_label("Следующий месяц").click();
    h.run();
    h.get_by_label("Ноябрь 2021");
    assert!(h.query_by_label("Октябрь 2021").is_none());
    // 6.8 "январь, март, июнь, ноябрь": 30.11.2021.
    assert_eq!(grid_items(&h, "6.8"), 1);

    h.key_press(egui::Key::PageDown);
    h.run();
    h.get_by_label("Декабрь 2021");
    assert_eq!(grid_items(&h, "1.1"), 1, "«2021» is due 31.12.2021");
    assert_eq!(grid_items(&h, "8.1"), 1, "«декабрь»");

    h.key_press(egui::Key::PageUp);
    h.run();
    h.get_by_label("Ноябрь 2021");
    h.get_by_label("Предыдущий месяц").click();
    h.run();
    h.get_by_label("Октябрь 2021");
    h.key_press(egui::Key::PageUp);
    h.run();
    h.get_by_label("Сентябрь 2021");
    // Home returns to today's month; the strip's months go anywhere in the plan year.
    h.key_press(egui::Key::Home);
    h.run();
    h.get_by_label("Октябрь 2021");
    h.get_by_label("Открыть месяц: Январь 2022").click();
    h.run();
    h.get_by_label("Январь 2022");
    h.get_by_label("Сегодня").click();
    h.run();
    h.get_by_label("Октябрь 2021");
}

#[test]
fn the_agenda_groups_by_today() {
    let h = calendar();
    h.get_by_label("Ближайшие сроки");
    // 2.5 "август-сентябрь" and 7.1 "июнь-сентябрь" were due 30.09.2021 and nothing is reported.
    h.get_by_label("Просрочено · 2");
    h.get_by_label_contains("Чт 30.09 · 2.5 ");
    h.get_by_label_contains("Чт 30.09 · 7.1 ");
    h.get_by_label("На этой неделе · 0");
    h.get_by_label("Ближайшие 30 дней · 1");
    h.get_by_label("Без срока · 14");
    h.get_by_label_contains("9.7 Семинары в рамках РМО");
}

#[test]
fn clicking_an_item_selects_the_measure_and_opens_it() {
    let mut h = calendar();
    click_grid_item(&mut h, "6.5");
    assert_eq!(h.state().app.data.selected, Some(measure_id(&h, "6.5")));
    h.get_by_label("Мероприятие 6.5");
    h.get_by_label("Даты исполнения");
    h.get_by_label_contains("Из текста срока:");
    // An agenda item opens its measure the same way.
    h.get_by_label_contains("Чт 30.09 · 7.1 ").click();
    h.run();
    assert_eq!(h.state().app.data.selected, Some(measure_id(&h, "7.1")));
    h.get_by_label("Мероприятие 7.1");
    // "Open in the table" goes to the grid with the measure selected.
    h.get_by_label("Открыть в таблице мероприятий").click();
    h.run();
    assert_eq!(
        h.state().app.ui_state.screen,
        roadmap_planner::app::Screen::Measures
    );
    assert_eq!(h.state().app.data.selected, Some(measure_id(&h, "7.1")));
}

#[test]
fn a_date_set_by_hand_survives_a_period_change() {
    let mut h = calendar();
    click_grid_item(&mut h, "6.5");
    assert_eq!(due_of(&h, "6.5"), (vec![date(2021, 10, 31)], false));

    // Add 20.10.2021, then remove 31.10.2021: the dates are now set by hand.
    h.get_by_role_and_label(Role::TextInput, "Добавить дату")
        .focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Добавить дату")
        .type_text("20.10.2021");
    h.run();
    h.get_by_label("➕ Добавить").click();
    h.run();
    assert_eq!(
        due_of(&h, "6.5"),
        (vec![date(2021, 10, 20), date(2021, 10, 31)], true)
    );
    h.get_by_label("Удалить дату 31.10.2021").click();
    h.run();
    assert_eq!(due_of(&h, "6.5"), (vec![date(2021, 10, 20)], true));
    h.get_by_label("✏ задано вручную");
    assert_eq!(grid_items(&h, "6.5"), 1, "now on the 20th");

    // A bad date is explained, not saved.
    h.get_by_role_and_label(Role::TextInput, "Добавить дату")
        .focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Добавить дату")
        .type_text("32.10.2021");
    h.run();
    h.get_by_label("➕ Добавить").click();
    h.run();
    h.get_by_label_contains("Дата должна быть в виде дд.мм.гггг");
    assert_eq!(due_of(&h, "6.5"), (vec![date(2021, 10, 20)], true));

    // The plan period changes: derived dates follow it, the hand-set ones stay.
    let mut header = h.state().app.data.plan.as_ref().unwrap().header();
    header.period = Period::new(date(2021, 1, 1), date(2022, 8, 31));
    h.state_mut()
        .app
        .push(Command::EditPlanHeader(Box::new(header)));
    h.run();
    assert_eq!(due_of(&h, "6.5"), (vec![date(2021, 10, 20)], true));
    assert_eq!(
        due_of(&h, "6.4").0,
        [date(2021, 8, 31), date(2022, 8, 31)],
        "«август» re-derived over two plan years"
    );
    let stored = {
        let app = &h.state().app;
        let plan = app
            .store()
            .load_plan(app.data.plan.as_ref().unwrap().id)
            .unwrap();
        let m = plan.measures().find(|m| m.number == "6.5").unwrap().clone();
        (m.due, m.due_manual)
    };
    assert_eq!(stored, (vec![date(2021, 10, 20)], true), "saved");

    // Reset: back to what the text gives in the new period.
    h.get_by_label("↺ Вернуть даты из текста срока").click();
    h.run();
    assert_eq!(due_of(&h, "6.5"), (vec![date(2021, 10, 31)], false));
    assert!(h.query_by_label("✏ задано вручную").is_none());

    // Undo brings the hand-set date back.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(due_of(&h, "6.5"), (vec![date(2021, 10, 20)], true));
}

#[test]
fn the_grid_filter_applies() {
    let mut h = calendar();
    assert_eq!(grid_items(&h, "6.5"), 1);
    h.state_mut().app.ui_state.filter.text = "мониторинг".into();
    h.run();
    h.run();
    assert_eq!(grid_items(&h, "6.5"), 0, "6.5 is not about monitoring");
    h.get_by_label("Просрочено · 1");
    h.get_by_label("Сбросить фильтр").click();
    h.run();
    h.run();
    assert_eq!(grid_items(&h, "6.5"), 1);
    h.get_by_label("Просрочено · 2");
}

#[test]
fn the_calendar_speaks_english_too() {
    let mut h = calendar();
    h.get_by_label("English").click();
    h.run();
    h.get_by_label("October 2021");
    h.get_by_label("Next month").click();
    h.run();
    h.get_by_label("November 2021");
    h.get_by_label("Overdue · 2");
}

#[test]
fn a_crowded_day_shows_the_first_items_and_opens_its_full_list() {
    isolate_home();
    let mut store = Store::open_in_memory().unwrap();
    let mut plan = roadmap_planner::model::Plan::new("Много сроков", Period::school_year(2021));
    let mut section = roadmap_planner::model::Section::new("1", "Направление");
    for i in 0..40 {
        let mut m = roadmap_planner::model::Measure::new(format!("1.{}", i + 1), "Отчёт");
        m.deadline = "октябрь".into();
        m.due = vec![date(2021, 10, 31)];
        section.measures.push(m);
    }
    plan.sections.push(section);
    store.write(|w| w.put_plan(&plan)).unwrap();
    let ui_state = UiState {
        screen: roadmap_planner::app::Screen::Calendar,
        ..UiState::default()
    };
    let mut h = common::window()
        .store(store)
        .today(date(2021, 10, 15))
        .ui_state(ui_state)
        .build();
    h.run();
    h.get_by_label("Октябрь 2021");
    let shown = h
        .query_all_by(|n| {
            n.role() == Role::Button
                && n.label()
                    .is_some_and(|l| l.starts_with("1.") && l.ends_with(" Отчёт"))
        })
        .count();
    assert!((1..40).contains(&shown), "{shown} of 40 fit in the cell");
    let more = format!("+{} ещё", 40 - shown);
    h.get_by_label(&more).click();
    h.run();
    h.get_by_label("Сроки на 31.10.2021 · 40");
    h.get_by_label("1.12 Отчёт").click();
    h.run();
    assert_eq!(h.state().app.data.selected, Some(measure_id(&h, "1.12")));
    h.get_by_label("Мероприятие 1.12");
}

#[test]
fn the_plan_exports_to_an_ics_file() {
    let mut h = calendar();
    h.get_by_label("📅 Экспорт в календарь (ICS)…");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ics");
    h.state_mut().app.push(Command::ExportIcsFile(path.clone()));
    h.run();
    let text = std::fs::read_to_string(&path).unwrap();
    let plan = h.state().app.data.plan.as_ref().unwrap();
    assert_eq!(
        text.matches("BEGIN:VEVENT").count(),
        plan.measures().map(|m| m.due.len()).sum::<usize>()
    );
    let toasts = &h.state().app.toasts;
    assert!(
        toasts
            .items()
            .iter()
            .any(|t| t.text.starts_with("Календарь сохранён") && t.text.contains(" событ")),
        "{:?}",
        toasts.items()
    );
}
