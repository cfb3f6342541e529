//! The Школы screen driven like a user with egui_kittest: the registry, criteria and categories, progress
//! marks reaching the dashboard and the overview, a school plan, deleting a school with undo.

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use roadmap_planner::app::{Command, RoadmapApp, SchoolCommand, UiState};
use roadmap_planner::model::{Category, PlanLevel, SchoolScope, Status};
use roadmap_planner::store::Store;

/// Points the user folders at a temp dir so nothing touches the home folder.
fn isolate_home() {
    static HOME: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    let dir = HOME.get_or_init(|| tempfile::tempdir().unwrap());
    for var in [
        "XDG_DATA_HOME",
        "XDG_CACHE_HOME",
        "XDG_RUNTIME_DIR",
        "XDG_CONFIG_HOME",
    ] {
        // SAFETY: set once, before any window or thread of this test reads the environment.
        unsafe { std::env::set_var(var, dir.path()) };
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 10, 15).unwrap()
}

fn harness() -> Harness<'static, RoadmapApp> {
    isolate_home();
    let store = Store::open_in_memory().unwrap();
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| {
            roadmap_planner::ui::style::apply(&cc.egui_ctx);
            RoadmapApp::new(store, today(), UiState::default())
        })
}

/// Opens the example (3 schools) and the Школы screen.
fn schools_screen() -> Harness<'static, RoadmapApp> {
    let mut h = harness();
    h.run();
    h.get_by_label("Открыть пример").click();
    h.run();
    h.get_by_label("Школы").click();
    h.run();
    h
}

const IVANOVKA: &str = "СОШ с. Ивановка";

/// Picks a school in the list on the left (the first of the nodes with its name: the list is drawn first).
fn select_school(h: &mut Harness<'static, RoadmapApp>, name: &str) {
    h.get_all_by_label(name).next().unwrap().click();
    h.run();
}

fn tab(h: &mut Harness<'static, RoadmapApp>, name: &str) {
    h.get_by_role_and_label(Role::Button, name).click();
    h.run();
}

fn type_into(h: &mut Harness<'static, RoadmapApp>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
    // Leaving the field commits it.
    h.key_press(egui::Key::Escape);
    h.run();
}

fn school_id(h: &Harness<'static, RoadmapApp>, short: &str) -> roadmap_planner::model::Id {
    h.state()
        .data
        .schools
        .iter()
        .find(|s| s.short_name == short)
        .unwrap()
        .id
}

#[test]
fn the_screen_opens_on_the_district_overview_with_the_schools() {
    let mut h = schools_screen();
    h.get_by_role_and_label(Role::Button, "Обзор района");
    // The list's heading and the overview's count.
    assert_eq!(h.query_all_by_label("3 школы").count(), 2);
    h.get_by_label_contains("Выполнено 0 из");
    // The heat map is one click away.
    h.get_by_label("Тепловая карта").click();
    h.run();
    assert!(h.state().ui_state.schools.heat_map);
    h.get_by_label("Таблица").click();
    h.run();
}

#[test]
fn add_a_school_edit_its_name_delete_it_and_undo() {
    let mut h = schools_screen();
    h.get_by_label("➕ Школа").click();
    h.run();
    assert_eq!(h.state().store().schools().unwrap().len(), 4);
    type_into(
        &mut h,
        Role::TextInput,
        "Полное наименование",
        "МОУ «СОШ № 5 г. Ивантеевка»",
    );
    let names: Vec<String> = h
        .state()
        .store()
        .schools()
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert!(
        names.contains(&"МОУ «СОШ № 5 г. Ивантеевка»".to_owned()),
        "{names:?}"
    );
    // In the list on the left and as the card's heading.
    assert!(h.query_all_by_label("МОУ «СОШ № 5 г. Ивантеевка»").count() >= 2);

    h.get_by_label("🗑 Удалить школу").click();
    h.run();
    assert_eq!(h.state().store().schools().unwrap().len(), 3);
    assert!(
        h.query_all_by_label("МОУ «СОШ № 5 г. Ивантеевка»")
            .next()
            .is_none()
    );
    h.get_by_label("↩ Отменить").click();
    h.run();
    assert_eq!(h.state().store().schools().unwrap().len(), 4);
    assert!(
        h.query_all_by_label("МОУ «СОШ № 5 г. Ивантеевка»")
            .next()
            .is_some()
    );
}

#[test]
fn score_criteria_then_confirm_the_proposed_category() {
    let mut h = schools_screen();
    select_school(&mut h, IVANOVKA);
    tab(&mut h, "Критерии");
    h.get_by_label("Введите значения критериев, чтобы получить предложение.");
    for (criterion, value) in [
        ("Более 30% обучающихся из неполных семей", "40"),
        (
            "Более 10% обучающихся из семей, где оба родителя не работают",
            "12,5",
        ),
        (
            "Более 70% обучающихся из семей, где родители не имеют высшего образования",
            "75",
        ),
    ] {
        type_into(&mut h, Role::TextInput, criterion, value);
    }
    let id = school_id(&h, IVANOVKA);
    let values = h.state().store().criterion_values().unwrap();
    assert_eq!(values.len(), 3);
    assert!(values.iter().all(|v| v.school_id == id));

    // Three social criteria hold: ШНСУ is proposed, with its reasons.
    h.get_by_label_contains("Добавить «ШНСУ»: 3 балла при пороге 3");
    h.get_by_label_contains("Более 30% обучающихся из неполных семей (значение 40%)");
    h.get_by_label("Подтвердить категории").click();
    h.run();
    let categories = |h: &Harness<'static, RoadmapApp>| {
        h.state()
            .store()
            .schools()
            .unwrap()
            .into_iter()
            .find(|s| s.id == id)
            .unwrap()
            .categories
    };
    assert_eq!(categories(&h), vec![Category::Shnor, Category::Shnsu]);
    h.get_by_label("Категории школы соответствуют критериям.");

    // One undo takes the confirmation back.
    h.get_by_label("↩ Отменить").click();
    h.run();
    assert_eq!(categories(&h), vec![Category::Shnor]);
}

#[test]
fn marking_done_changes_the_dashboard_and_the_overview() {
    let mut h = schools_screen();
    select_school(&mut h, IVANOVKA);
    tab(&mut h, "Сводка по школе");
    h.get_by_label_contains("Выполнено 0 из");

    // Open the first measure's mark and mark it done with today's date.
    h.get_all_by_label_contains("1.1 Определение")
        .next()
        .unwrap()
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Отмечает:")
        .focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Отмечает:")
        .type_text("Петрова И. И., методист");
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    h.get_by_label("✔ Отметить выполненным").click();
    h.run();
    let id = school_id(&h, IVANOVKA);
    let records = h.state().store().progress(None).unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].school_id, id);
    assert_eq!(records[0].status, Status::Done);
    assert_eq!(records[0].done_on, Some(today()));
    assert_eq!(records[0].by, "Петрова И. И., методист");
    h.get_by_label_contains("Выполнено 1 из");

    // A bulk update: every occurrence shown, done at once.
    h.get_by_label("Выбрать показанные").click();
    h.run();
    h.get_by_label("✔ Отметить выполненными").click();
    h.run();
    let done = h.state().store().progress(None).unwrap().len();
    assert!(done > 50, "{done}");

    // The district overview counts them too.
    tab(&mut h, "Обзор района");
    h.get_by_label_contains(&format!("Выполнено {done} из"));
    // One undo takes the whole bulk update back.
    h.get_by_label("↩ Отменить").click();
    h.run();
    h.get_by_label_contains("Выполнено 1 из");
}

#[test]
fn build_a_school_plan_from_the_district_plan() {
    let mut h = schools_screen();
    select_school(&mut h, IVANOVKA);
    tab(&mut h, "План школы");
    h.get_by_label("Снять все").click();
    h.run();
    h.get_all_by_label_contains("1.1 Определение")
        .next()
        .unwrap()
        .click();
    h.get_all_by_label_contains("2.1 Анализ кадрового")
        .next()
        .unwrap()
        .click();
    h.run();
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Собственные мероприятия школы",
        "Педагогический совет по итогам четверти",
    );
    h.get_by_label("Создать план школы (3 мероприятия)").click();
    h.run();

    let district = roadmap_planner::example::EXAMPLE_PLAN_ID;
    let plan = h
        .state()
        .data
        .plan
        .as_ref()
        .expect("the school plan is open")
        .clone();
    assert_ne!(plan.id, district);
    assert_eq!(plan.level, PlanLevel::School);
    assert_eq!(plan.owner_school, Some(school_id(&h, IVANOVKA)));
    assert_eq!(plan.measure_count(), 3);
    let source = h.state().store().load_plan(district).unwrap();
    let copied: Vec<_> = plan.measures().filter_map(|m| m.source_measure).collect();
    assert_eq!(copied.len(), 2);
    assert!(copied.iter().all(|id| source.measure(*id).is_some()));
    assert!(
        plan.measures().all(|m| source.measure(m.id).is_none()),
        "fresh ids"
    );
    assert_eq!(
        plan.sections.last().unwrap().measures[0].title,
        "Педагогический совет по итогам четверти"
    );
    assert_eq!(h.state().store().list_plans().unwrap().len(), 2);
    // The school plan concerns its school only: its dashboard counts the 3 measures.
    h.get_by_label("Школы").click();
    h.run();
    tab(&mut h, "Сводка по школе");
    h.get_by_label_contains("Всего на период (с повторами): 3;");
}

#[test]
fn delete_a_school_with_its_marks_and_undo_brings_all_back() {
    let mut h = schools_screen();
    select_school(&mut h, IVANOVKA);
    tab(&mut h, "Сводка по школе");
    h.get_by_label("Выбрать показанные").click();
    h.run();
    h.get_by_label("✔ Отметить выполненными").click();
    h.run();
    let marks = h.state().store().progress(None).unwrap().len();
    assert!(marks > 0);
    tab(&mut h, "Карточка");
    h.get_by_label("🗑 Удалить школу").click();
    h.run();
    assert_eq!(h.state().store().schools().unwrap().len(), 2);
    assert!(h.state().store().progress(None).unwrap().is_empty());
    h.get_by_label("↩ Отменить").click();
    h.run();
    assert_eq!(h.state().store().schools().unwrap().len(), 3);
    assert_eq!(h.state().store().progress(None).unwrap().len(), marks);
}

#[test]
fn a_measure_scope_and_the_criteria_set_are_undoable_changes() {
    let mut h = schools_screen();
    let plan = h.state().data.plan.as_ref().unwrap().clone();
    let measure = plan.sections[0].measures[0].id;
    h.state_mut().push(Command::School(SchoolCommand::SetScope {
        measure,
        scope: SchoolScope::Category {
            category: Category::RiskZone,
        },
    }));
    h.run();
    let scope = |h: &Harness<'static, RoadmapApp>| {
        h.state().store().load_plan(plan.id).unwrap().sections[0].measures[0]
            .schools
            .clone()
    };
    assert_eq!(
        scope(&h),
        SchoolScope::Category {
            category: Category::RiskZone
        }
    );
    h.get_by_label("↩ Отменить").click();
    h.run();
    assert_eq!(scope(&h), SchoolScope::All);

    // The criteria set: change a threshold by the editor's data, save, undo.
    tab(&mut h, "Набор критериев");
    let mut set = h.state().data.school.criteria.clone();
    set.groups[0].min_points = 4;
    h.state_mut()
        .push(Command::School(SchoolCommand::SaveCriteriaSet(Box::new(
            set,
        ))));
    h.run();
    assert_eq!(
        h.state().store().criteria_set().unwrap().unwrap().groups[0].min_points,
        4
    );
    h.get_by_label("Вернуть исходные критерии").click();
    h.run();
    assert_eq!(h.state().store().criteria_set().unwrap(), None);
    h.get_by_label("↩ Отменить").click();
    h.run();
    assert!(h.state().store().criteria_set().unwrap().is_some());
}
