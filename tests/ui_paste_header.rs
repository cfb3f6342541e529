//! Pasting a road map into the grid and editing the plan's passport, driven like a user with egui_kittest.

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use roadmap_planner::app::Command;
use roadmap_planner::app::SystemCommand;
use roadmap_planner::model::{MeasureField, Period, Plan};
use roadmap_planner::store::Store;
use roadmap_planner::window::Window;

mod common;
use common::open_example;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn harness(store: Store) -> Harness<'static, Window> {
    common::window()
        .store(store)
        .today(date(2021, 10, 15))
        .build()
}

const FIXTURE: &str = include_str!("fixtures/roadmap-001.tsv");

fn plan<'h>(h: &'h Harness<'static, Window>) -> &'h Plan {
    h.state().app.data.plan.as_ref().expect("a plan is open")
}

/// The open plan as the database has it.
fn stored(h: &Harness<'static, Window>) -> Plan {
    h.state().app.store().load_plan(plan(h).id).unwrap()
}

fn create_empty_plan(h: &mut Harness<'static, Window>) {
    h.state_mut().app.push(Command::CreatePlan {
        title: "Дорожная карта района".into(),
        period: Period::school_year(2021),
    });
    h.run();
}

/// Replaces the text of a field found by role and label, as a user would: focus, select all, type.
fn retype(h: &mut Harness<'static, Window>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    if text.is_empty() {
        h.key_press(egui::Key::Backspace);
    } else {
        h.get_by_role_and_label(role, label).type_text(text);
    }
    h.run();
}

#[test]
fn paste_the_word_table_into_an_empty_plan_then_undo() {
    let mut h = harness(Store::open_in_memory().unwrap());
    h.run();
    create_empty_plan(&mut h);
    assert_eq!(plan(&h).measure_count(), 0);

    h.event(egui::Event::Paste(FIXTURE.into()));
    h.run();
    // A whole table shows its columns first; nothing is written before «Вставить».
    h.get_by_label("Вставка таблицы");
    h.get_by_label("Будет добавлено: направлений — 9, мероприятий — 58.");
    assert_eq!(stored(&h).measure_count(), 0);
    h.get_by_label("Вставить").click();
    h.run();
    h.run();
    let p = plan(&h);
    assert_eq!(p.sections.len(), 9);
    assert_eq!(p.measure_count(), 58);
    assert_eq!(
        (p.sections[0].number.as_str(), p.sections[0].title.as_str()),
        ("1", "Создание организационных условий реализации Концепции")
    );
    // Due dates follow the deadlines within the plan's period: "Январь 2022" is due on its last day.
    let m12 = &p.sections[0].measures[1];
    assert_eq!(m12.deadline, "Январь 2022");
    assert_eq!(m12.due, [date(2022, 1, 31)]);
    assert_eq!(&stored(&h), plan(&h), "written at once");
    h.get_by_label("Вставлено: 9 направлений, 58 мероприятий");
    h.get_by_label("9 направлений");
    h.get_by_label("58 мероприятий");

    // One step undoes the whole paste, down to the empty plan it started as.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(plan(&h).measure_count(), 0);
    assert_eq!(plan(&h).sections.len(), 1);
    assert_eq!(plan(&h).sections[0].title, "Новое направление");
    assert_eq!(stored(&h).measure_count(), 0);

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    h.run();
    assert_eq!(stored(&h).measure_count(), 58);
}

#[test]
fn rows_without_a_header_go_after_the_selected_measure() {
    let mut h = harness(Store::open_in_memory().unwrap());
    h.run();
    open_example(&mut h);
    let first = plan(&h).sections[0].measures[0].id;
    h.state_mut()
        .app
        .push(Command::System(SystemCommand::Select(Some(first))));
    h.run();

    h.event(egui::Event::Paste(
        "1.1а\tСовещание координаторов\tмарт\tУО\tПротокол\n\
         1.1б\t\"Семинар\nдля директоров\"\tапрель\tУО\tСправка\n"
            .into(),
    ));
    h.run();
    let section = &plan(&h).sections[0];
    assert_eq!(section.measures.len(), 6);
    assert_eq!(section.measures[1].title, "Совещание координаторов");
    assert_eq!(section.measures[1].due, [date(2022, 3, 31)]);
    assert_eq!(section.measures[2].title, "Семинар\nдля директоров");
    assert_eq!(h.state().app.data.selected, Some(section.measures[1].id));
    h.get_by_label("Вставлено: 2 мероприятия");

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(plan(&h).measure_count(), 58);
}

#[test]
fn edit_the_goal_and_period_in_the_passport_then_undo() {
    let mut h = harness(Store::open_in_memory().unwrap());
    h.run();
    open_example(&mut h);
    let before = plan(&h).clone();

    h.get_by_label("Паспорт плана").click();
    h.run();
    retype(
        &mut h,
        Role::MultilineTextInput,
        "Цель",
        "Повысить качество образования",
    );
    retype(&mut h, Role::TextInput, "Начало периода", "01.09.2022");
    retype(&mut h, Role::TextInput, "Конец периода", "31.08.2023");
    h.get_by_label("Сохранить").click();
    h.run();

    let after = plan(&h).clone();
    assert_eq!(after.goal, "Повысить качество образования");
    assert_eq!(
        after.period,
        Period::new(date(2022, 9, 1), date(2023, 8, 31))
    );
    assert_eq!(after.title, before.title, "untouched fields stay");
    assert_eq!(after.tasks, before.tasks);
    assert_eq!(after.indicators, before.indicators);
    // Due dates were derived again for the new period ("в течение года": the end of the plan year).
    let m24 = &after.sections[1].measures[3];
    assert_eq!(m24.deadline, "в течение года");
    assert_eq!(m24.due, [date(2023, 8, 31)]);
    for m in after.measures() {
        assert_eq!(
            m.due,
            roadmap_planner::schedule::due_dates(&m.deadline, after.period)
        );
    }
    assert_eq!(stored(&h).period, after.period);
    assert!(
        h.query_by_label("Сохранить").is_none(),
        "the window closes on saving"
    );

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(plan(&h).goal, before.goal);
    assert_eq!(plan(&h).period, before.period);
    assert_eq!(plan(&h).sections[1].measures[3].due, [date(2022, 8, 31)]);
    assert_eq!(stored(&h).goal, before.goal);
}

#[test]
fn an_empty_title_or_a_reversed_period_is_refused_with_a_message() {
    let mut h = harness(Store::open_in_memory().unwrap());
    h.run();
    open_example(&mut h);
    let title = plan(&h).title.clone();

    h.get_by_label("Паспорт плана").click();
    h.run();
    retype(&mut h, Role::MultilineTextInput, "Название", "");
    h.get_by_label("Сохранить").click();
    h.run();
    h.get_by_label("Введите название плана");
    assert_eq!(plan(&h).title, title);
    assert_eq!(stored(&h).title, title);
    assert!(!h.state().app.data.can_undo, "nothing was saved");

    retype(&mut h, Role::MultilineTextInput, "Название", "План");
    retype(&mut h, Role::TextInput, "Конец периода", "01.01.2021");
    h.get_by_label("Сохранить").click();
    h.run();
    h.get_by_label("Начало периода позже его конца");
    assert_eq!(plan(&h).title, title);
    assert!(!h.state().app.data.can_undo);

    // Cancelling closes the window and keeps the plan as it was.
    h.get_by_label("Отмена").click();
    h.run();
    assert!(h.query_by_label("Сохранить").is_none());
    assert_eq!(stored(&h).title, title);
}

#[test]
fn the_passport_lists_tasks_and_indicators() {
    let mut h = harness(Store::open_in_memory().unwrap());
    h.run();
    open_example(&mut h);
    h.get_by_label("Паспорт плана").click();
    h.run();
    h.get_by_label("Задачи");
    h.get_by_label("Целевые индикаторы");
    // The example is a school-year plan: one target per indicator, labelled by its school year.
    assert_eq!(
        h.query_all_by_role_and_label(Role::Label, "2021/22")
            .count(),
        plan(&h).indicators.len()
    );
    let tasks = plan(&h).tasks.len();
    // Below the fold of the form's scroll area: clicked the way a screen reader would.
    h.get_by_label("➕ Задача").click_accesskit();
    h.run();
    h.get_by_label(&format!("{}.", tasks + 1));
    // An empty new task is dropped on saving: nothing to save, nothing to undo.
    h.get_by_label("Сохранить").click();
    h.run();
    assert_eq!(plan(&h).tasks.len(), tasks);
    assert!(!h.state().app.data.can_undo);
}

/// Rows wider than the table limit are refused with a message, not cut: no text is lost without a word.
#[test]
fn a_paste_wider_than_the_column_limit_is_refused_not_cut() {
    let mut h = harness(Store::open_in_memory().unwrap());
    h.run();
    open_example(&mut h);
    let before = stored(&h);
    let mut row: Vec<String> = vec!["1.1а".into(), "Совещание координаторов".into()];
    row.extend((row.len()..250).map(|i| format!("ячейка {i}")));
    h.event(egui::Event::Paste(row.join("\t") + "\n"));
    h.run();
    assert_eq!(stored(&h), before, "nothing is pasted");
    h.get_by_label("Файл отклонён: в таблице больше 200 столбцов.");
}

#[test]
fn rows_copied_from_a_grid_with_year_columns_paste_back_with_their_years() {
    let mut h = harness(Store::open_in_memory().unwrap());
    h.run();
    create_empty_plan(&mut h);
    h.event(egui::Event::Paste("1.1\tСовещание\n".into()));
    h.run();
    let first = plan(&h).measures().next().expect("the pasted measure").id;
    h.state_mut().app.push(Command::EditMeasure {
        id: first,
        field: MeasureField::Year(2022),
        value: "Курсы".into(),
    });
    h.run();

    // The grid now shows № · Мероприятие · Сроки · Ответственные · Результат · Документы · 2022; rows
    // copied from it carry those cells.
    let copied = "1.2\tСтажировки\tмарт\tИМЦ\tДоля 80%\tПриказ УО\tСтажировочная площадка\n";
    h.event(egui::Event::Paste(copied.into()));
    h.run();
    for plan in [plan(&h).clone(), stored(&h)] {
        let pasted = plan
            .measures()
            .find(|m| m.title == "Стажировки")
            .expect("the copied row was pasted");
        assert_eq!(pasted.number, "1.2");
        assert_eq!(pasted.deadline, "март");
        assert_eq!(pasted.responsible, "ИМЦ");
        assert_eq!(pasted.result, "Доля 80%");
        assert_eq!(pasted.documents, "Приказ УО");
        assert_eq!(
            MeasureField::Year(2022).get(pasted),
            "Стажировочная площадка",
            "{:?}",
            pasted.yearly
        );
    }
}
