//! The column step of a table import, driven like a user (egui_kittest, by label): a Word road map's
//! preview lists its columns with what each is read as; the user says a column is not to be imported, the
//! preview follows, and the import ends with a message naming what was left out — not a plain «done».

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use roadmap_planner::app::{Command, Toast, ToastKind};
use roadmap_planner::model::Period;
use roadmap_planner::window::Window;

mod common;

fn harness() -> Harness<'static, Window> {
    common::window().size(1400.0, 1800.0).build()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/layouts")
        .join(name)
}

/// Clicks the button `label` and lets the window carry out what it asks.
fn click(h: &mut Harness<'static, Window>, label: &str) {
    h.get_by_label(label).click();
    h.run();
    h.run();
}

enum Which {
    First,
    Last,
}

/// The first or the last message shown.
fn toast(h: &Harness<'static, Window>, which: Which) -> Toast {
    let toasts = h.state().app.toasts.items();
    let toast = match which {
        Which::First => toasts.first(),
        Which::Last => toasts.last(),
    };
    toast.expect("a message").clone()
}

#[test]
fn a_column_can_be_left_out_before_applying_and_the_end_message_says_so() {
    let mut h = harness();
    h.run();
    common::import(&mut h, &fixture("start-end.docx"));
    h.get_by_label("Предпросмотр импорта: start-end.docx");
    h.get_by_label("Столбцы таблицы");
    // Detected: the start and end of «Сроки», the target group kept in the notes.
    h.get_by_label("Сроки / начало");
    h.get_by_label("Целевая группа");
    let combo = h.get_by_label("Столбец 6");
    assert_eq!(combo.value().as_deref(), Some("Примечание"));
    assert!(
        h.state()
            .app
            .data
            .exchange
            .pending
            .as_ref()
            .unwrap()
            .left_out
            .is_empty()
    );

    h.get_by_label("Столбец 6").click();
    h.run();

    h.get_by_label("Не импортировать").click();
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
    assert_eq!(pending.left_out.len(), 1, "{:?}", pending.left_out);
    assert!(pending.left_out[0].contains("«Целевая группа»"));
    h.get_by_label("Не импортировано:");
    assert_eq!(
        h.get_by_label("Столбец 6").value().as_deref(),
        Some("Не импортировать")
    );

    click(&mut h, "Применить");
    let plan = h.state().app.data.plan.as_ref().expect("the plan is open");
    let first = plan.measures().next().unwrap();
    assert_eq!(first.deadline, "сентябрь 2021 – октябрь 2021");
    assert!(!first.notes.contains("Целевая группа"), "{}", first.notes);
    let toast = toast(&h, Which::Last);
    assert_eq!(toast.kind, ToastKind::Warning);
    assert!(toast.text.contains("Не импортировано"), "{}", toast.text);
    assert!(toast.text.contains("«Целевая группа»"), "{}", toast.text);
}

#[test]
fn an_import_without_anything_left_out_ends_plainly() {
    let mut h = harness();
    h.run();
    common::import(&mut h, &fixture("years.docx"));
    h.get_by_label("Столбцы таблицы");
    assert_eq!(
        h.get_by_label("Столбец 3").value().as_deref(),
        Some("По годам: 2020")
    );
    click(&mut h, "Применить");
    let toast = toast(&h, Which::Last);
    assert_eq!(toast.kind, ToastKind::Info, "{}", toast.text);
    let plan = h.state().app.data.plan.as_ref().expect("the plan is open");
    assert_eq!(plan.measure_count(), 5);

    // A year cell edited in the grid moves that year's due date to the date it now names.
    let last = plan.measures().last().unwrap();
    let (id, before) = (last.id, last.due.clone());
    assert_eq!(before[1], NaiveDate::from_ymd_opt(2021, 12, 31).unwrap());
    h.state_mut().app.push(Command::EditMeasure {
        id,
        field: roadmap_planner::model::MeasureField::Year(2021),
        value: "Реализация маршрутов\nапрель 2021".into(),
    });
    h.run();
    let plan = h.state().app.data.plan.as_ref().unwrap();
    let due = &plan.measure(id).unwrap().due;
    assert_eq!(
        due[1],
        NaiveDate::from_ymd_opt(2021, 4, 30).unwrap(),
        "{due:?}"
    );
    assert_eq!(due.len(), 3);
}

#[test]
fn a_table_pasted_with_its_header_shows_its_columns_before_it_goes_in() {
    let mut h = harness();
    h.run();
    h.state_mut().app.push(Command::CreatePlan {
        title: "Дорожная карта района".into(),
        period: Period::school_year(2021),
    });
    h.run();
    let table = "№ п/п\tМероприятие\tСроки\tЦелевая группа\n\
                 1. Кадры\t\t\t\n\
                 1.1\tСеминар для учителей\tноябрь 2021\tУчителя математики\n";
    h.event(egui::Event::Paste(table.into()));
    h.run();
    h.get_by_label("Вставка таблицы");
    assert_eq!(
        h.get_by_label("Столбец 4").value().as_deref(),
        Some("Примечание")
    );
    h.get_by_label("Столбец 4").click();
    h.run();
    h.get_by_label("Не импортировать").click();
    h.run();
    h.run();
    h.get_by_label("Не импортировано:");
    click(&mut h, "Вставить");
    let plan = h.state().app.data.plan.as_ref().expect("a plan is open");
    let measure = plan.measures().next().expect("the measure is pasted");
    assert_eq!(measure.title, "Семинар для учителей");
    assert_eq!(measure.notes, "");
    let toast = toast(&h, Which::First);
    assert_eq!(toast.kind, ToastKind::Warning, "{}", toast.text);
    assert!(toast.text.contains("«Целевая группа»"), "{}", toast.text);
}

#[test]
fn a_word_table_with_unknown_column_names_goes_through_the_mapping_step() {
    let mut h = harness();
    h.run();
    common::import(&mut h, &fixture("unknown-header.docx"));
    h.get_by_label("Сопоставление столбцов");
    assert_eq!(
        h.get_by_label("Столбец 2").value().as_deref(),
        Some("Мероприятие")
    );
    click(&mut h, "Применить сопоставление");
    h.get_by_label("Предпросмотр импорта: unknown-header.docx");
    h.get_by_label("Мероприятия — 2");
    click(&mut h, "Применить");
    let plan = h.state().app.data.plan.as_ref().expect("the plan is open");
    let titles: Vec<&str> = plan.measures().map(|m| m.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Провести совещание руководителей",
            "Подготовить аналитическую справку"
        ]
    );
    assert_eq!(
        plan.title,
        "План работы с педагогами на 2021-2022 учебный год"
    );
}
