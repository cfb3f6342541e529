use chrono::NaiveDate;
use rusqlite::params;

use super::*;
use crate::model::{Category, Change, Measure, Period, Plan, Progress, School, Section, Status};

fn sample_plan() -> Plan {
    let mut plan = Plan::new("Дорожная карта", Period::school_year(2021));
    plan.issuer = "Управление образованием".into();
    plan.tasks = vec!["Задача 1".into(), "Задача 2".into()];
    for s in 1..=2 {
        let mut section = Section::new(s.to_string(), format!("Направление {s}"));
        for m in 1..=3 {
            let mut measure = Measure::new(format!("{s}.{m}"), format!("Мероприятие {s}.{m}"));
            measure.deadline = "в течение года".into();
            measure.due = vec![NaiveDate::from_ymd_opt(2022, 8, 31).unwrap()];
            measure.responsible = "ОО".into();
            section.measures.push(measure);
        }
        plan.sections.push(section);
    }
    plan
}

fn stored(store: &mut Store, plan: &Plan) {
    store.write(|w| w.put_plan(plan)).unwrap();
}

#[test]
fn a_plan_round_trips_through_the_database() {
    let mut store = Store::open_in_memory().unwrap();
    let plan = sample_plan();
    stored(&mut store, &plan);
    assert_eq!(store.load_plan(plan.id).unwrap(), plan);
    let list = store.list_plans().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!((list[0].sections, list[0].measures), (2, 6));
}

#[test]
fn every_change_and_its_inverse_reach_the_database() {
    let mut store = Store::open_in_memory().unwrap();
    let mut plan = sample_plan();
    stored(&mut store, &plan);
    let changes = crate::model::fixtures::one_change_of_each_kind(&plan);
    for change in &changes {
        let version = store.data_version();
        let original = plan.clone();
        store.apply(plan.id, change).unwrap();
        change.apply_to_plan(&mut plan).unwrap();
        assert_eq!(store.load_plan(plan.id).unwrap(), plan, "{change:?}");
        assert!(store.data_version() > version);
        let undo = change.inverse();
        store.apply(plan.id, &undo).unwrap();
        undo.apply_to_plan(&mut plan).unwrap();
        assert_eq!(plan, original);
        assert_eq!(
            store.load_plan(plan.id).unwrap(),
            original,
            "undo {change:?}"
        );
    }
}

#[test]
fn a_failed_command_writes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let plan = sample_plan();
    stored(&mut store, &plan);
    let version = store.data_version();
    let section_id = plan.sections[0].id;
    // The second step is stale (the measure is not there), so the first must roll back too.
    let batch = Change::Batch(vec![
        Change::InsertMeasure {
            section_id,
            index: 0,
            measure: Box::new(Measure::new("0", "Временное")),
        },
        Change::RemoveMeasure {
            section_id,
            index: 0,
            measure: Box::new(Measure::new("x", "Чужое")),
        },
    ]);
    assert!(store.apply(plan.id, &batch).is_err());
    assert_eq!(store.load_plan(plan.id).unwrap(), plan);
    assert_eq!(store.data_version(), version);
}

#[test]
fn schools_and_progress_are_kept() {
    let mut store = Store::open_in_memory().unwrap();
    let plan = sample_plan();
    stored(&mut store, &plan);
    let mut school = School::new("МОУ «СОШ с. Ивановка»");
    school.categories = vec![Category::Shnor, Category::RiskZone];
    let measure = plan.sections[0].measures[0].id;
    let progress = Progress {
        measure_id: measure,
        school_id: Some(school.id),
        due: Some(NaiveDate::from_ymd_opt(2021, 10, 31).unwrap()),
        status: Status::Planned,
        done_on: None,
        evidence: String::new(),
        comment: String::new(),
        updated_at: crate::model::now(),
        by: "методист".into(),
    };
    store
        .write(|w| {
            w.put_school(&school)?;
            w.put_progress(&progress)
        })
        .unwrap();
    assert_eq!(store.schools().unwrap(), vec![school.clone()]);
    assert_eq!(store.progress(Some(plan.id)).unwrap(), vec![progress]);
    let today = NaiveDate::from_ymd_opt(2021, 11, 15).unwrap();
    let summary = store.progress_summary(plan.id, today).unwrap();
    assert_eq!(summary[&measure].total(), 1);
    assert_eq!(summary[&measure].overdue, 1);
}

#[test]
fn a_merge_keeps_the_newer_record() {
    let mut store = Store::open_in_memory().unwrap();
    let plan = sample_plan();
    stored(&mut store, &plan);
    let section = &plan.sections[0];
    let mut older = section.measures[0].clone();
    older.title = "Старое".into();
    older.updated_at -= chrono::Duration::days(1);
    let mut newer = section.measures[0].clone();
    newer.title = "Новое".into();
    newer.updated_at += chrono::Duration::days(1);
    let merges = store
        .write(|w| {
            Ok([
                w.merge_measure(section.id, 0, &older)?,
                w.merge_measure(section.id, 0, &section.measures[0])?,
                w.merge_measure(section.id, 0, &newer)?,
                w.merge_measure(section.id, 9, &Measure::new("1.9", "Добавлено"))?,
            ])
        })
        .unwrap();
    assert_eq!(
        merges,
        [Merge::Kept, Merge::Kept, Merge::Updated, Merge::Added]
    );
    let loaded = store.load_plan(plan.id).unwrap();
    assert_eq!(loaded.sections[0].measures[0].title, "Новое");
    assert_eq!(loaded.sections[0].measures.len(), 4);
}

#[test]
fn an_older_database_upgrades_without_loss() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    {
        // A database as version 1 of the program wrote it.
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        schema::migrate_to(&mut conn, 1).unwrap();
        assert_eq!(schema::user_version(&conn).unwrap(), 1);
        conn.execute_batch(
            "INSERT INTO plans (id, title, level, period_from, period_to, updated_at)
             VALUES ('6a1c8a3e-0000-4000-8000-000000000001', 'Старый план', 'district',
                     '2020-09-01', '2021-08-31', '2020-09-01T00:00:00.000Z');
             INSERT INTO sections (id, plan_id, position, number, title, updated_at)
             VALUES ('6a1c8a3e-0000-4000-8000-000000000002', '6a1c8a3e-0000-4000-8000-000000000001',
                     0, '1', 'Направление', '2020-09-01T00:00:00.000Z');",
        )
        .unwrap();
        conn.execute(
            "INSERT INTO measures (id, section_id, position, number, title, deadline, due,
                                   responsible, updated_at)
             VALUES (?1, ?2, 0, '1.1', 'Мероприятие', 'до 30.11.2020', '2020-11-30', 'УО',
                     '2020-09-01T00:00:00.000Z')",
            params![
                "6a1c8a3e-0000-4000-8000-000000000003",
                "6a1c8a3e-0000-4000-8000-000000000002"
            ],
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(
        schema::user_version(store.connection()).unwrap(),
        SCHEMA_VERSION
    );
    let plans = store.list_plans().unwrap();
    assert_eq!(plans.len(), 1);
    let plan = store.load_plan(plans[0].id).unwrap();
    assert_eq!(plan.title, "Старый план");
    let measure = &plan.sections[0].measures[0];
    assert_eq!(measure.deadline, "до 30.11.2020");
    assert_eq!(
        measure.due,
        vec![NaiveDate::from_ymd_opt(2020, 11, 30).unwrap()]
    );
    assert!(!measure.due_manual);
    assert!(measure.yearly.is_empty());
}

#[test]
fn a_database_from_a_newer_program_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
    }
    let err = Store::open(&path).err().expect("must refuse");
    assert!(matches!(err, StoreError::TooNew { .. }), "{err}");
    assert!(err.to_string().contains("более новой версией"));
}

#[test]
fn a_second_instance_is_told_the_database_is_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.sqlite");
    let first = Store::open(&path).unwrap();
    let err = Store::open(&path)
        .err()
        .expect("second open must be refused");
    assert!(matches!(err, StoreError::Locked(_)));
    assert!(err.to_string().contains("уже открыта"));
    drop(first);
    Store::open(&path).expect("free again once the first is closed");
}

#[test]
fn a_file_that_is_not_a_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("garbage.sqlite");
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(&path, &garbage).unwrap();
    let err = Store::open(&path).err().expect("must refuse");
    assert!(matches!(err, StoreError::NotADatabase(_)), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), garbage);
}

#[test]
fn backups_follow_the_folder_and_count_from_the_settings() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = dir.path().join("копии");
    let mut store = Store::open(&dir.path().join("db.sqlite")).unwrap();
    store.set_backup_policy(Some(elsewhere.clone()), 2);
    for _ in 0..3 {
        let made = store
            .backup()
            .unwrap()
            .expect("a file database has backups");
        assert!(made.starts_with(&elsewhere), "{made:?}");
    }
    assert_eq!(store.backups().len(), 2, "only the newest two are kept");
    assert!(!dir.path().join("backups").exists());
}
