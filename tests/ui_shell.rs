//! The window driven like a user: egui_kittest clicks and types by label, with no GPU and no display.

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use roadmap_planner::store::Store;
use roadmap_planner::window::Window;

mod common;
use common::open_example;

fn harness(store: Store) -> Harness<'static, Window> {
    common::window().store(store).build()
}

const FIRST_MEASURE: &str = "Определение и назначение муниципального координатора по работе с общеобразовательными организациями, имеющими низкие образовательные результаты";

#[test]
fn welcome_then_example_shows_its_measures() {
    let mut h = harness(Store::open_in_memory().unwrap());
    h.run();
    h.get_by_label_contains("Добро пожаловать");
    open_example(&mut h);
    h.get_by_label(FIRST_MEASURE);
    let plan = h
        .state()
        .app
        .data
        .plan
        .as_ref()
        .expect("the example is open");
    assert_eq!(plan.sections.len(), 9);
    assert_eq!(plan.measure_count(), 58);
    // The status bar counts them with Russian plural forms.
    h.get_by_label("9 направлений");
    h.get_by_label("58 мероприятий");
}

#[test]
fn edit_a_title_then_undo_and_redo() {
    let mut h = harness(Store::open_in_memory().unwrap());
    h.run();
    open_example(&mut h);
    h.get_by_label(FIRST_MEASURE).click();
    h.run();

    let field = h.get_by_role_and_label(Role::MultilineTextInput, "Мероприятие");
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::MultilineTextInput, "Мероприятие")
        .type_text("Назначение координатора");
    h.run();
    // Leaving the field commits the edit as one command.
    h.key_press(egui::Key::Escape);
    h.run();

    let title = |h: &Harness<'static, Window>| {
        h.state().app.data.plan.as_ref().unwrap().sections[0].measures[0]
            .title
            .clone()
    };
    assert_eq!(title(&h), "Назначение координатора");
    let stored = |h: &Harness<'static, Window>| {
        let id = h.state().app.data.plan.as_ref().unwrap().id;
        h.state().app.store().load_plan(id).unwrap().sections[0].measures[0]
            .title
            .clone()
    };
    assert_eq!(stored(&h), "Назначение координатора", "saved at once");
    h.get_by_label("Назначение координатора");

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(title(&h), FIRST_MEASURE);
    assert_eq!(stored(&h), FIRST_MEASURE);
    h.get_by_label(FIRST_MEASURE);

    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run();
    assert_eq!(title(&h), "Назначение координатора");

    // Undo and redo by the buttons too; Ctrl+Y redoes.
    h.get_by_label("↩ Отменить").click();
    h.run();
    assert_eq!(title(&h), FIRST_MEASURE);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    h.run();
    assert_eq!(stored(&h), "Назначение координатора");
}

#[test]
fn undo_does_not_cross_opening_a_plan() {
    let mut h = harness(Store::open_in_memory().unwrap());
    h.run();
    open_example(&mut h);
    h.get_by_label("➕ Мероприятие").click();
    h.run();
    assert_eq!(
        h.state().app.data.plan.as_ref().unwrap().measure_count(),
        59
    );
    assert!(h.state().app.data.can_undo);
    // Reopening (here: loading the example again) starts a fresh history.
    h.state_mut()
        .app
        .push(roadmap_planner::app::Command::LoadExample);
    h.run();
    assert!(!h.state().app.data.can_undo);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state().app.data.plan.as_ref().unwrap().measure_count(),
        59
    );
}

#[test]
fn add_and_delete_a_measure_with_undo() {
    let mut h = harness(Store::open_in_memory().unwrap());
    h.run();
    open_example(&mut h);
    h.get_by_label("➕ Мероприятие").click();
    h.run();
    h.get_by_label("Новое мероприятие");
    h.get_by_label("🗑 Удалить мероприятие").click();
    h.run();
    assert!(h.query_by_label("Новое мероприятие").is_none());
    assert_eq!(
        h.state().app.data.plan.as_ref().unwrap().measure_count(),
        58
    );
    h.get_by_label("↩ Отменить").click();
    h.run();
    h.get_by_label("Новое мероприятие");
}

#[test]
fn switch_language_to_english_and_back() {
    let mut h = harness(Store::open_in_memory().unwrap());
    h.run();
    open_example(&mut h);
    h.get_by_label("Мероприятия");
    h.get_by_label("English").click();
    h.run();
    h.get_by_label("Measures");
    h.get_by_label("Calendar");
    h.get_by_label("58 measures");
    assert!(h.query_by_label("Календарь").is_none());
    assert_eq!(
        h.state().app.ui_state.language,
        roadmap_planner::i18n::Language::English
    );
    h.get_by_label("Русский").click();
    h.run();
    h.get_by_label("Календарь");
}

#[test]
fn the_schools_screen_opens_on_the_district_overview() {
    let mut h = harness(Store::open_in_memory().unwrap());
    h.run();
    open_example(&mut h);
    h.get_by_label("Школы").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Обзор района");
    h.get_by_label_contains("Выполнено 0 из");
}

#[test]
fn create_a_plan_from_the_welcome_screen() {
    let mut h = harness(Store::open_in_memory().unwrap());
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Название").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Название")
        .type_text("Дорожная карта школы");
    h.run();
    h.get_by_label("Создать план").click();
    h.run();
    let plan = h
        .state()
        .app
        .data
        .plan
        .as_ref()
        .expect("created and opened");
    assert_eq!(plan.title, "Дорожная карта школы");
    assert_eq!(
        plan.period.from,
        NaiveDate::from_ymd_opt(2021, 9, 1).unwrap()
    );
    assert_eq!(
        plan.period.to,
        NaiveDate::from_ymd_opt(2022, 8, 31).unwrap()
    );
    assert_eq!(h.state().app.store().list_plans().unwrap().len(), 1);
}

#[test]
fn an_empty_title_is_explained_not_saved() {
    let mut h = harness(Store::open_in_memory().unwrap());
    h.run();
    h.get_by_label("Создать план").click();
    h.run();
    h.get_by_label("Введите название плана");
    assert!(h.state().app.store().list_plans().unwrap().is_empty());
}

/// A form's message is worded when drawn: switching the language while it shows words it anew.
#[test]
fn a_form_message_follows_the_language() {
    let mut h = harness(Store::open_in_memory().unwrap());
    h.run();
    h.get_by_label("Создать план").click();
    h.run();
    h.get_by_label("Введите название плана");
    h.state_mut()
        .app
        .push(roadmap_planner::app::Command::System(
            roadmap_planner::app::SystemCommand::SetLanguage(
                roadmap_planner::i18n::Language::English,
            ),
        ));
    h.run();
    h.get_by_label("Enter the plan's title");
    assert!(h.query_by_label("Введите название плана").is_none());
}
