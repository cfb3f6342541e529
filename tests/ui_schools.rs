//! The Школы screen driven like a user with egui_kittest: the registry, criteria and categories, progress
//! marks reaching the dashboard and the overview, a school plan, deleting a school with undo.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use roadmap_planner::app::{Command, RoadmapApp, SchoolCommand, UiState};
use roadmap_planner::model::{Category, PlanLevel, SchoolScope, Status};
use roadmap_planner::store::Store;
use roadmap_planner::window::Window;

mod common;
use common::isolate_home;
use common::today;

fn harness() -> Harness<'static, Window> {
    common::window().build()
}

/// Opens the example (3 schools) and the Школы screen.
fn schools_screen() -> Harness<'static, Window> {
    let mut h = harness();
    h.run();
    common::open_example(&mut h);
    h.get_by_label("Школы").click();
    h.run();
    h
}

const IVANOVKA: &str = "СОШ с. Ивановка";

/// Picks a school in the list on the left (the first of the nodes with its name: the list is drawn first).
fn select_school(h: &mut Harness<'static, Window>, name: &str) {
    h.get_all_by_label(name).next().unwrap().click();
    h.run();
}

fn tab(h: &mut Harness<'static, Window>, name: &str) {
    h.get_by_role_and_label(Role::Button, name).click();
    h.run();
}

fn type_into(h: &mut Harness<'static, Window>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
    // Leaving the field commits it.
    h.key_press(egui::Key::Escape);
    h.run();
}

fn school_id(h: &Harness<'static, Window>, short: &str) -> roadmap_planner::model::Id {
    h.state()
        .app
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
    assert!(h.state().app.ui_state.schools.heat_map);
    // Its legend says what every colour and mark means, the grey of a section not for the school too.
    for words in [
        "сроки не наступили",
        "не касается школы",
        "есть просроченные",
    ] {
        h.get_by_label(words);
    }
    h.get_by_label("Таблица").click();
    h.run();
}

#[test]
fn add_a_school_edit_its_name_delete_it_and_undo() {
    let mut h = schools_screen();
    h.get_by_label("➕ Школа").click();
    h.run();
    assert_eq!(h.state().app.store().schools().unwrap().len(), 4);
    type_into(
        &mut h,
        Role::TextInput,
        "Полное наименование",
        "МОУ «СОШ № 5 г. Ивантеевка»",
    );
    let names: Vec<String> = h
        .state()
        .app
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
    assert_eq!(h.state().app.store().schools().unwrap().len(), 3);
    assert!(
        h.query_all_by_label("МОУ «СОШ № 5 г. Ивантеевка»")
            .next()
            .is_none()
    );
    h.get_by_label("↩ Отменить").click();
    h.run();
    assert_eq!(h.state().app.store().schools().unwrap().len(), 4);
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
    let values = h.state().app.store().criterion_values().unwrap();
    assert_eq!(values.len(), 3);
    assert!(values.iter().all(|v| v.school_id == id));

    // Three social criteria hold: ШНСУ is proposed, with its reasons.
    h.get_by_label_contains("Добавить «ШНСУ»: 3 балла при пороге 3");
    h.get_by_label_contains("Более 30% обучающихся из неполных семей (значение 40%)");
    h.get_by_label("Подтвердить категории").click();
    h.run();
    let categories = |h: &Harness<'static, Window>| {
        h.state()
            .app
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

    // Open the first measure the school carries out (1.1 is the office's own) and mark it done today.
    assert!(h.query_by_label_contains("1.1 Определение").is_none());
    h.get_all_by_label_contains("1.3 Разработка")
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
    let records = h.state().app.store().progress(None).unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].school_id, Some(id));
    assert_eq!(records[0].status, Status::Done);
    assert_eq!(records[0].done_on, Some(today()));
    assert_eq!(records[0].by, "Петрова И. И., методист");
    h.get_by_label_contains("Выполнено 1 из");

    // A bulk update: every occurrence shown, done at once.
    h.get_by_label("Выбрать показанные").click();
    h.run();
    h.get_by_label("✔ Отметить выполненными").click();
    h.run();
    let done = h.state().app.store().progress(None).unwrap().len();
    // 37 of the 58 measures concern schools (the office's own do not), each at least once.
    assert!(done >= 37, "{done}");

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
    // The office's own measures (1.1 «Определение и назначение муниципального координатора») are not
    // offered; those of the schools are.
    assert!(h.query_by_label_contains("1.1 Определение").is_none());
    h.get_by_label("Снять все").click();
    h.run();
    h.get_all_by_label_contains("1.3 Разработка")
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
        .app
        .data
        .plan
        .as_ref()
        .expect("the school plan is open")
        .clone();
    assert_ne!(plan.id, district);
    assert_eq!(plan.level, PlanLevel::School);
    assert_eq!(plan.owner_school, Some(school_id(&h, IVANOVKA)));
    assert_eq!(plan.measure_count(), 3);
    let source = h.state().app.store().load_plan(district).unwrap();
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
    assert_eq!(h.state().app.store().list_plans().unwrap().len(), 2);
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
    let marks = h.state().app.store().progress(None).unwrap().len();
    assert!(marks > 0);
    tab(&mut h, "Карточка");
    h.get_by_label("🗑 Удалить школу").click();
    h.run();
    assert_eq!(h.state().app.store().schools().unwrap().len(), 2);
    assert!(h.state().app.store().progress(None).unwrap().is_empty());
    h.get_by_label("↩ Отменить").click();
    h.run();
    assert_eq!(h.state().app.store().schools().unwrap().len(), 3);
    assert_eq!(h.state().app.store().progress(None).unwrap().len(), marks);
}

#[test]
fn a_measure_scope_and_the_criteria_set_are_undoable_changes() {
    let mut h = schools_screen();
    let plan = h.state().app.data.plan.as_ref().unwrap().clone();
    let measure = plan.sections[0].measures[0].id;
    h.state_mut()
        .app
        .push(Command::School(SchoolCommand::SetScope {
            measure,
            scope: SchoolScope::Category {
                category: Category::RiskZone,
            },
        }));
    h.run();
    let scope = |h: &Harness<'static, Window>| {
        h.state().app.store().load_plan(plan.id).unwrap().sections[0].measures[0]
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
    let mut set = h.state().app.data.progress_and_criteria.criteria.clone();
    set.groups[0].min_points = 4;
    h.state_mut()
        .app
        .push(Command::School(SchoolCommand::SaveCriteriaSet(Box::new(
            set,
        ))));
    h.run();
    assert_eq!(
        h.state()
            .app
            .store()
            .criteria_set()
            .unwrap()
            .unwrap()
            .groups[0]
            .min_points,
        4
    );
    h.get_by_label("Вернуть исходные критерии").click();
    h.run();
    assert_eq!(h.state().app.store().criteria_set().unwrap(), None);
    h.get_by_label("↩ Отменить").click();
    h.run();
    assert!(h.state().app.store().criteria_set().unwrap().is_some());
}

#[test]
fn import_a_csv_list_save_a_report_and_enter_an_indicator_value() {
    let mut h = schools_screen();
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("школы.csv");
    std::fs::write(
        &csv,
        "\u{feff}Полное наименование;Краткое наименование;Вид;Директор;Телефон\n\
         МОУ «СОШ с. Ивановка»;СОШ с. Ивановка;СОШ;Петров П. П.;8 (84579) 5-11-22\n\
         МОУ «ООШ с. Раевка»;ООШ с. Раевка;ООШ;Сидорова С. С.;\n",
    )
    .unwrap();
    h.state_mut()
        .app
        .push(Command::School(SchoolCommand::ImportCsv(csv)));
    h.run();
    let schools = h.state().app.store().schools().unwrap();
    assert_eq!(schools.len(), 4, "one new, one known by its name");
    let ivanovka = schools.iter().find(|s| s.short_name == IVANOVKA).unwrap();
    assert_eq!(ivanovka.director, "Петров П. П.");
    assert_eq!(ivanovka.categories, vec![Category::Shnor], "kept");
    assert!(
        h.state()
            .app
            .toasts
            .items()
            .iter()
            .any(|t| t.text == "Список школ загружен: добавлено 1, обновлено 1.")
    );
    // The whole list is one undo step.
    h.get_by_label("↩ Отменить").click();
    h.run();
    let schools = h.state().app.store().schools().unwrap();
    assert_eq!(schools.len(), 3);
    assert!(schools.iter().all(|s| s.director.is_empty()));

    // The district report, as the button's dialog would save it.
    let report = dir.path().join("справка.html");
    h.state_mut()
        .app
        .push(Command::School(SchoolCommand::SaveReport {
            school: None,
            path: report.clone(),
        }));
    h.run();
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.contains("Аналитическая справка") && html.contains("Выполнено 0 из"));

    // An actual value of a target indicator for a school, then undone.
    let id = school_id(&h, IVANOVKA);
    let indicator = h.state().app.data.plan.as_ref().unwrap().indicators[1].id;
    h.state_mut()
        .app
        .push(Command::School(SchoolCommand::SetIndicatorValue {
            indicator,
            school: Some(id),
            year: 2022,
            value: Some(85.0),
        }));
    h.run();
    let values = h.state().app.store().indicator_values().unwrap();
    assert_eq!(values.len(), 1);
    assert_eq!((values[0].school_id, values[0].value), (Some(id), 85.0));
    select_school(&mut h, IVANOVKA);
    tab(&mut h, "Сводка по школе");
    h.get_by_label("Целевые индикаторы");
    h.get_by_label("↩ Отменить").click();
    h.run();
    assert!(h.state().app.store().indicator_values().unwrap().is_empty());
}

/// The progress widget of one measure, as the grid's details panel would draw it.
fn measure_widget<'a>(
    app: &'a RoadmapApp,
    editor: &'a mut roadmap_planner::ui::schools::progress_editor::ProgressEditor,
    ui_state: &'a mut UiState,
    i18n: &'a roadmap_planner::i18n::I18n,
    commands: &'a mut Vec<Command>,
    measure: &'a roadmap_planner::model::Measure,
) -> Harness<'a> {
    let mut h = Harness::new_ui(move |ui| {
        let mut ctx = roadmap_planner::ui::ViewCtx {
            i18n,
            data: &app.data,
            ui_state: &mut *ui_state,
            today: today(),
            store_path: None,
            commands: &mut *commands,
        };
        editor.measure_ui(ui, &mut ctx, measure);
    });
    h.run();
    h
}

/// The app without a window, with the example open (for a widget drawn on its own).
fn example_app() -> RoadmapApp {
    isolate_home();
    let mut app = RoadmapApp::new(
        Store::open_in_memory().unwrap(),
        today(),
        UiState::default(),
    );
    app.push(Command::LoadExample);
    app.run_commands();
    app
}

/// The widget the grid's details panel shows: one measure's occurrences at every school it concerns.
#[test]
fn the_measure_progress_widget_marks_one_school_done() {
    use roadmap_planner::i18n::{I18n, Language};
    use roadmap_planner::ui::schools::progress_editor::ProgressEditor;

    let mut app = example_app();
    // 2.1 «Анализ кадрового…»: «Управление образованием, общеобразовательные организации» — both.
    let measure = app.data.plan.as_ref().unwrap().sections[1].measures[0].clone();
    assert_eq!(measure.number, "2.1");
    let mut editor = ProgressEditor::default();
    let mut ui_state = app.ui_state.clone();
    let i18n = I18n::new(Language::Russian);
    let mut commands = Vec::new();

    // Not loaded yet: the widget asks for the data.
    drop(measure_widget(
        &app,
        &mut editor,
        &mut ui_state,
        &i18n,
        &mut commands,
        &measure,
    ));
    // (Once a frame until the runner has loaded it.)
    assert!(!commands.is_empty());
    assert!(
        commands
            .iter()
            .all(|c| *c == Command::School(SchoolCommand::Need))
    );
    for c in commands.drain(..) {
        app.push(c);
    }
    app.run_commands();

    // The office and three schools, one occurrence each (due 31.01.2022): open a school's and mark it
    // done.
    let mut h = measure_widget(
        &app,
        &mut editor,
        &mut ui_state,
        &i18n,
        &mut commands,
        &measure,
    );
    h.get_by_label("СОШ с. Ивановка").click();
    h.run();
    h.get_by_label("✔ Отметить выполненным").click();
    h.run();
    drop(h);
    let id = app
        .data
        .schools
        .iter()
        .find(|s| s.short_name == IVANOVKA)
        .unwrap()
        .id;
    let [Command::School(SchoolCommand::MarkDone(keys))] = commands.as_slice() else {
        panic!("{commands:?}");
    };
    assert_eq!(keys.len(), 1);
    assert_eq!((keys[0].measure, keys[0].school), (measure.id, Some(id)));

    // The office marks its own execution: a record with no school.
    commands.clear();
    let mut h = measure_widget(
        &app,
        &mut editor,
        &mut ui_state,
        &i18n,
        &mut commands,
        &measure,
    );
    h.get_by_label("Управление").click();
    h.run();
    h.get_by_label("✔ Отметить выполненным").click();
    h.run();
    drop(h);
    let [Command::School(SchoolCommand::MarkDone(keys))] = commands.as_slice() else {
        panic!("{commands:?}");
    };
    assert_eq!((keys[0].measure, keys[0].school), (measure.id, None));
}

/// The scope widget, as the grid's details panel would draw it: a category, then a list of schools.
#[test]
fn the_scope_widget_sets_a_category_or_a_list() {
    use roadmap_planner::i18n::{I18n, Language};
    use roadmap_planner::ui::schools::scope_editor::ScopeEditor;

    let app = example_app();
    // 1.3: the schools' (1.1 is the office's own, which has no scope to set).
    let mut measure = app.data.plan.as_ref().unwrap().sections[0].measures[2].clone();
    assert_eq!(measure.number, "1.3");
    let i18n = I18n::new(Language::Russian);
    let mut ui_state = app.ui_state.clone();
    let mut editor = ScopeEditor::default();
    let mut commands = Vec::new();
    // Draws the widget, clicks `label`, returns the command pushed last.
    let mut click = |measure: &roadmap_planner::model::Measure, label: &str| {
        let mut h = Harness::new_ui(|ui| {
            let mut ctx = roadmap_planner::ui::ViewCtx {
                i18n: &i18n,
                data: &app.data,
                ui_state: &mut ui_state,
                today: today(),
                store_path: None,
                commands: &mut commands,
            };
            editor.ui(ui, &mut ctx, measure);
        });
        h.run();
        h.get_by_label(label).click();
        h.run();
        drop(h);
        commands.last().cloned()
    };
    assert_eq!(
        click(&measure, "категории"),
        Some(Command::School(SchoolCommand::SetScope {
            measure: measure.id,
            scope: SchoolScope::Category {
                category: Category::Shnor,
            },
        }))
    );
    let id = app
        .data
        .schools
        .iter()
        .find(|s| s.short_name == IVANOVKA)
        .unwrap()
        .id;
    measure.schools = SchoolScope::List { ids: Vec::new() };
    assert_eq!(
        click(&measure, "СОШ с. Ивановка"),
        Some(Command::School(SchoolCommand::SetScope {
            measure: measure.id,
            scope: SchoolScope::List { ids: vec![id] },
        }))
    );
    // Who executes it: the office and the schools.
    assert_eq!(
        click(&measure, "Управление и школы"),
        Some(Command::School(SchoolCommand::SetExecutor {
            measures: vec![measure.id],
            executor: roadmap_planner::model::Executor::Both,
        }))
    );
}
