//! The school↔district loop in the window, on two app instances exchanging files (egui_kittest, by
//! label): the district sends its plan to the schools, a school builds its plan and marks a measure, its
//! report comes back, the district stays on its plan and sees the mark; «Собрать отчёты» takes three
//! schools' reports at once; the plan picker tells the plans apart.

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable, by};
use roadmap_planner::app::{Command, ExchangeCommand, SystemCommand, UiState};
use roadmap_planner::example::EXAMPLE_PLAN_ID;

use roadmap_planner::model::{Id, Status};
use roadmap_planner::store::Store;
use roadmap_planner::window::Window;

#[path = "common/school_report.rs"]
mod school_report;
use school_report::school_report;

mod common;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 3, 15).unwrap()
}

fn harness(store: Store) -> Harness<'static, Window> {
    common::window().store(store).today(today()).build()
}

fn run(h: &mut Harness<'static, Window>, command: Command) {
    h.state_mut().app.push(command);
    h.run();
    h.run();
}

fn school_id(h: &Harness<'static, Window>, short_name: &str) -> Id {
    h.state()
        .app
        .data
        .schools
        .iter()
        .find(|s| s.short_name == short_name)
        .unwrap()
        .id
}

const IVANOVKA: &str = "СОШ с. Ивановка";

/// The district's window over its database in `dir`, with the example open.
fn district(dir: &std::path::Path) -> Harness<'static, Window> {
    let mut h = harness(Store::open(&dir.join("district.sqlite")).unwrap());
    h.run();
    common::open_example(&mut h);
    h
}

#[test]
fn the_loop_runs_in_the_window_on_two_instances() {
    let dir = tempfile::tempdir().unwrap();
    let mut district = district(dir.path());

    // «Разослать школам»: one file per school the plan concerns, named by the school and the period.
    let outbox = dir.path().join("outbox");
    std::fs::create_dir(&outbox).unwrap();
    run(
        &mut district,
        Command::Exchange(ExchangeCommand::SendPlans {
            folder: outbox.clone(),
        }),
    );
    let plan_file = outbox.join("План-СОШ-с-Ивановка-2021-22.json");
    assert!(plan_file.is_file());
    assert_eq!(std::fs::read_dir(&outbox).unwrap().count(), 3);

    // The school imports its file, builds its plan and marks 1.3 done.
    let mut school = harness(Store::open(&dir.path().join("school.sqlite")).unwrap());
    school.run();
    run(&mut school, Command::ImportFile(plan_file));
    school.get_by_label("Применить").click();
    school.run();
    school.run();
    school.get_by_label("Школы").click();
    school.run();
    school.get_all_by_label(IVANOVKA).next().unwrap().click();
    school.run();
    school
        .get_by_role_and_label(Role::Button, "План школы")
        .click();
    school.run();
    assert!(
        school.query_by_label_contains("1.1 Определение").is_none(),
        "the office's own measure is not offered"
    );
    school.get_by_label_contains("Создать план школы (").click();
    school.run();
    school.run();
    let school_plan = school.state().app.data.plan.as_ref().unwrap().id;
    assert_ne!(school_plan, EXAMPLE_PLAN_ID);
    school.get_by_label("Школы").click();
    school.run();
    school
        .get_by_role_and_label(Role::Button, "Сводка по школе")
        .click();
    school.run();
    school
        .get_all_by_label_contains("1.3 Разработка")
        .next()
        .unwrap()
        .click();
    school.run();
    school.get_by_label("✔ Отметить выполненным").click();
    school.run();
    // The mark is the school's progress on the district measure.
    let marks = school.state().app.store().progress(None).unwrap();
    assert_eq!(marks.len(), 1);
    let district_plan = school
        .state()
        .app
        .store()
        .load_plan(EXAMPLE_PLAN_ID)
        .unwrap();
    assert!(district_plan.measure(marks[0].measure_id).is_some());
    school.get_by_label_contains("Выполнено 1 из");

    let ivanovka = school_id(&school, IVANOVKA);
    let report = dir.path().join("report.json");
    run(
        &mut school,
        Command::Exchange(ExchangeCommand::ExportSchool {
            school: ivanovka,
            path: report.clone(),
        }),
    );

    // The district imports the report: the preview names the school, the district plan stays open.
    run(&mut district, Command::ImportFile(report));
    district.get_by_label("Отчёт школы «СОШ с. Ивановка»");
    district.get_by_label("Применить").click();
    district.run();
    district.run();
    assert_eq!(
        district.state().app.data.plan.as_ref().unwrap().id,
        EXAMPLE_PLAN_ID,
        "importing never switches the open plan"
    );
    // The result names the school and its changes by measure.
    let said = district
        .state()
        .app
        .toasts
        .items()
        .iter()
        .map(|t| t.text.clone())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(said.contains("Отчёт школы «СОШ с. Ивановка»"), "{said}");
    assert!(said.contains("1.3 Разработка"), "{said}");
    district.get_by_label("Школы").click();
    district.run();
    district.get_all_by_label(IVANOVKA).next().unwrap().click();
    district.run();
    district
        .get_by_role_and_label(Role::Button, "Сводка по школе")
        .click();
    district.run();
    district.get_by_label_contains("Выполнено 1 из");

    // The picker tells the district plan from the school's.
    district
        .get(by().role(Role::ComboBox).predicate(|n| {
            n.value()
                .is_some_and(|v| v.starts_with("Район · 2021/22 · Дорожная карта"))
        }))
        .click();
    district.run();
    district
        .get_by_label("СОШ с. Ивановка · 2021/22 · План школы")
        .click();
    district.run();
    assert_eq!(
        district.state().app.data.plan.as_ref().unwrap().id,
        school_plan
    );
}

#[test]
fn collect_reports_takes_three_schools_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut district = district(dir.path());
    let plan_file = dir.path().join("plan.json");
    run(&mut district, Command::ExportFile(plan_file.clone()));
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    let schools: Vec<Id> = district
        .state()
        .app
        .data
        .schools
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(schools.len(), 3);
    for (i, (school, number)) in schools.iter().zip(["1.3", "2.1", "2.5"]).enumerate() {
        school_report(
            &plan_file,
            *school,
            number,
            today(),
            inbox.join(format!("отчёт-{i}.json")),
        );
    }
    let backups_before = district.state().app.store().backups().len();

    // A whole folder at once: one combined preview naming each school.
    run(
        &mut district,
        Command::Exchange(ExchangeCommand::CollectReports(vec![inbox])),
    );
    district.get_by_label("Отчёты школ: 3");
    for name in ["СОШ п. Знаменский", "СОШ с. Бартеневка", IVANOVKA] {
        district.get_by_label_contains(&format!("Отчёт школы «{name}»"));
    }
    assert!(
        district
            .state()
            .app
            .store()
            .progress(None)
            .unwrap()
            .is_empty()
    );
    district.get_by_label("Применить все").click();
    district.run();
    district.run();
    let marks = district.state().app.store().progress(None).unwrap();
    assert_eq!(marks.len(), 3);
    assert!(marks.iter().all(|p| p.status == Status::Done));
    assert_eq!(
        district.state().app.store().backups().len(),
        backups_before + 1,
        "one backup first"
    );
    assert_eq!(
        district.state().app.data.plan.as_ref().unwrap().id,
        EXAMPLE_PLAN_ID
    );
}

#[test]
fn a_table_import_proposes_executors_and_the_preview_changes_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("карта.csv");
    std::fs::write(
        &path,
        "№;Мероприятие;Сроки;Ответственные\n\
         1. Организационное направление;;;\n\
         1.1;Назначение муниципального координатора;сентябрь;Управление образования\n\
         1.2;Анализ результатов ВПР;декабрь;Руководители ОО\n",
    )
    .unwrap();
    let mut h = harness(Store::open_in_memory().unwrap());
    h.run();
    run(&mut h, Command::ImportFile(path));
    let proposed: Vec<_> = h
        .state()
        .app
        .data
        .exchange
        .pending
        .as_ref()
        .expect("a preview")
        .source
        .file
        .plans[0]
        .measures()
        .map(|m| m.executor)
        .collect();
    use roadmap_planner::model::Executor;
    assert_eq!(proposed, [Executor::Office, Executor::Schools]);

    h.get_by_label("Исполнители мероприятий").click();
    h.run();
    // «Для всех новых»: the first of the buttons with this label.
    h.get_all_by_label("Управление и школы")
        .next()
        .unwrap()
        .click();
    h.run();
    h.run();
    let pending = h
        .state()
        .app
        .data
        .exchange
        .pending
        .as_ref()
        .expect("still previewed");
    assert!(
        pending.source.file.plans[0]
            .measures()
            .all(|m| m.executor == Executor::Both)
    );
    // Fold the list again so «Применить» is on screen.
    h.get_by_label("Исполнители мероприятий").click();
    h.run();
    h.get_by_label("Применить").click();
    h.run();
    h.run();
    let plan = h.state().app.data.plan.as_ref().expect("the table's plan");
    assert!(plan.measures().all(|m| m.executor == Executor::Both));
}

#[test]
fn the_grid_sets_who_executes_the_selected_measures_in_one_step() {
    use egui::Modifiers;
    use roadmap_planner::model::Executor;
    // Without the details panel, whose executor buttons would answer to the same labels.
    let ui_state = UiState {
        show_details: false,
        ..UiState::default()
    };
    let mut h = common::window()
        .today(today())
        .ui_state(ui_state)
        .step_dt(1.0 / 60.0)
        .max_steps(16)
        .build();
    h.run();
    common::open_example(&mut h);
    let executor = |h: &Harness<'static, Window>, number: &str| {
        h.state()
            .app
            .data
            .plan
            .as_ref()
            .unwrap()
            .measures()
            .find(|m| m.number == number)
            .unwrap()
            .executor
    };
    // 1.3 («Общеобразовательные организации») is the schools', 1.4 («Управление образованием») the office's.
    assert_eq!(executor(&h, "1.3"), Executor::Schools);
    assert_eq!(executor(&h, "1.4"), Executor::Office);
    h.get_by_label("1.3").click();
    h.run();
    h.get_by_label("1.4").click_modifiers(Modifiers::COMMAND);
    h.run();
    h.get_by_label("1.4").click_secondary();
    h.run();
    h.get_by_label("Исполняет:").click();
    h.run();
    h.get_by_label("Управление и школы").click();
    h.run();
    assert_eq!(executor(&h, "1.3"), Executor::Both);
    assert_eq!(executor(&h, "1.4"), Executor::Both);
    // One undo takes both back.
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(executor(&h, "1.3"), Executor::Schools);
    assert_eq!(executor(&h, "1.4"), Executor::Office);
}

/// The office's line on the district overview counts like the schools' line: done out of what is due by
/// today (plus what was done ahead), not out of every occurrence of the period.
#[test]
fn the_office_line_counts_what_is_due_by_today() {
    use roadmap_planner::model::{Executor, Measure, Period, Plan, School, Section};
    let mut plan = Plan::new("Карта", Period::school_year(2021));
    let mut section = Section::new("1", "Организация");
    let mut coordinator = Measure::new("1.1", "Назначение муниципального координатора");
    coordinator.executor = Executor::Office;
    // One date passed on 15.03.2022 (overdue), one still ahead.
    coordinator.due = vec![
        NaiveDate::from_ymd_opt(2021, 10, 1).unwrap(),
        NaiveDate::from_ymd_opt(2022, 5, 1).unwrap(),
    ];
    section.measures.push(coordinator);
    plan.sections.push(section);
    let mut store = Store::open_in_memory().unwrap();
    store
        .write(|w| {
            w.put_plan(&plan)?;
            w.put_school(&School::new("МОУ СОШ № 1"))
        })
        .unwrap();
    let mut h = harness(store);
    h.run();
    run(
        &mut h,
        Command::System(SystemCommand::ShowScreen(
            roadmap_planner::app::Screen::Schools,
        )),
    );
    h.get_by_label("Управление: выполнено 0 из 1, просрочено 1");
}
