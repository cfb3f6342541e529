//! The Обмен screen driven like a user (egui_kittest, by label): an import shows its preview before anything
//! is written; Cancel writes nothing, Apply writes; a conflicting file lists its conflict, «Принять их»
//! resolves it; a CSV with unknown headers goes through the column-mapping step.

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use roadmap_planner::app::{Command, Screen};
use roadmap_planner::exchange;
use roadmap_planner::model::{self, Change};
use roadmap_planner::store::Store;
use roadmap_planner::window::Window;

mod common;

fn harness(store: Store) -> Harness<'static, Window> {
    common::window().store(store).build()
}

/// Another office's database holding the example plan.
fn other_office() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    roadmap_planner::example::load_example(&mut store).unwrap();
    store
}

/// Writes an export of `store` to `dir/name`; `age` moves its `exported_at` into the past.
fn export_to(store: &mut Store, dir: &Path, name: &str, age: chrono::Duration) -> PathBuf {
    let origin = exchange::office_origin(store).unwrap();
    let mut file = exchange::export(store, None, origin).unwrap();
    file.exported_at -= age;
    let path = dir.join(name);
    std::fs::write(&path, exchange::to_json(&file)).unwrap();
    path
}

fn plan_count(h: &Harness<'static, Window>) -> usize {
    h.state().app.store().list_plans().unwrap().len()
}

#[test]
fn an_import_is_previewed_then_cancelled_or_applied() {
    let dir = tempfile::tempdir().unwrap();
    let path = export_to(
        &mut other_office(),
        dir.path(),
        "plan.json",
        chrono::Duration::zero(),
    );
    let mut h = harness(Store::open_in_memory().unwrap());
    h.run();

    common::import(&mut h, &path);
    assert_eq!(h.state().app.ui_state.screen, Screen::Exchange);
    h.get_by_label("Предпросмотр импорта: plan.json");
    h.get_by_label("Мероприятия — 58");
    h.get_by_label("Направления — 9");
    h.get_by_label("Отмена").click();
    h.run();
    h.run();
    assert_eq!(plan_count(&h), 0, "Cancel writes nothing");
    assert!(h.state().app.data.exchange.pending.is_none());
    h.get_by_label_contains("Добро пожаловать");

    common::import(&mut h, &path);
    h.get_by_label("Применить").click();
    h.run();
    h.run();
    assert_eq!(plan_count(&h), 1, "Apply writes the plan");
    let plan = h
        .state()
        .app
        .data
        .plan
        .as_ref()
        .expect("the imported plan is open");
    assert_eq!(plan.measure_count(), 58);
    // Importing the same file again changes nothing.
    common::import(&mut h, &path);
    h.get_by_label("Изменений нет: все записи файла уже есть в базе.");
    h.get_by_label("Отмена").click();
    h.run();
}

#[test]
fn a_conflict_is_listed_and_taking_theirs_resolves_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut other = other_office();
    // The first exchange: made an hour ago, so both edits below come after it.
    let first = export_to(
        &mut other,
        dir.path(),
        "first.json",
        chrono::Duration::hours(1),
    );
    let mut h = harness(Store::open_in_memory().unwrap());
    h.run();
    common::import(&mut h, &first);
    h.get_by_label("Применить").click();
    h.run();

    // Both offices change the same measure's title.
    let plan = h.state().app.data.plan.clone().unwrap();
    let measure = plan.measures().next().unwrap().clone();
    h.state_mut().app.push(Command::EditMeasure {
        id: measure.id,
        field: roadmap_planner::app::MeasureField::Title,
        value: "Наш заголовок".into(),
    });
    h.run();
    let mut theirs = measure.clone();
    theirs.title = "Их заголовок".into();
    theirs.updated_at = model::now() + chrono::Duration::seconds(1);
    other
        .apply(
            plan.id,
            &Change::Measure {
                before: Box::new(measure.clone()),
                after: Box::new(theirs),
            },
        )
        .unwrap();
    let second = export_to(
        &mut other,
        dir.path(),
        "second.json",
        chrono::Duration::zero(),
    );

    common::import(&mut h, &second);
    h.get_by_label_contains("Конфликтов: 1");
    h.get_by_label_contains("конфликт: ");
    h.get_by_label("Применить").click();
    h.run();
    h.run();
    h.state_mut().app.ui_state.screen = Screen::Exchange;
    h.run();
    assert_eq!(h.state().app.data.exchange.conflicts.len(), 1);
    h.get_by_label("Оставить наше");
    h.get_by_label("Принять их").click();
    h.run();
    h.run();
    assert!(h.state().app.store().conflicts().unwrap().is_empty());
    h.get_by_label("Конфликтов нет.");
    let stored = h.state().app.store().load_plan(plan.id).unwrap();
    assert_eq!(stored.measure(measure.id).unwrap().title, "Их заголовок");
}

#[test]
fn a_csv_with_unknown_headers_goes_through_column_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("карта.csv");
    std::fs::write(
        &path,
        "Пункт;Что сделать;Когда;Кто\n\
         1. Первое направление;;;\n\
         1.1;Провести совещание;сентябрь;Управление образования\n\
         1.2;Подготовить отчёт;декабрь;Школы\n",
    )
    .unwrap();
    let mut h = harness(Store::open_in_memory().unwrap());
    h.run();
    common::import(&mut h, &path);
    h.get_by_label("Сопоставление столбцов");
    assert!(h.state().app.data.exchange.mapping.is_some());
    h.get_by_label("Применить сопоставление").click();
    h.run();
    h.run();
    h.get_by_label("Предпросмотр импорта: карта.csv");
    h.get_by_label("Мероприятия — 2");
    assert_eq!(plan_count(&h), 0);
    h.get_by_label("Применить").click();
    h.run();
    h.run();
    let plan = h
        .state()
        .app
        .data
        .plan
        .as_ref()
        .expect("the table's plan is open");
    assert_eq!(plan.measure_count(), 2);
    let titles: Vec<_> = plan.measures().map(|m| m.title.as_str()).collect();
    assert_eq!(titles, ["Провести совещание", "Подготовить отчёт"]);
}
